//! A filing as plain text: EDGAR HTML and full-submission files reduced to
//! lines and sentences, each remembering where it starts in the file.
//!
//! What is undone here, so that the fact finders see ordinary prose:
//! HTML tags and entities (block tags and table cells become line breaks
//! and spaces), the SGML header of a full submission (kept as `KEY: value`
//! pairs), `<PAGE>` markers and the old EDGAR table tags (`<S>`, `<C>`,
//! `<TABLE>`, `<CAPTION>`, `<FN>`), lines holding only a page number
//! (`-2-`, `2`, `Page 2`, `ii`), and runs of spaces, tabs and line breaks
//! inside a paragraph (so a date broken across lines reads as one).

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::diag::SourceFile;

/// How the filing was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Plain text.
    Text,
    /// EDGAR HTML.
    Html,
    /// An EDGAR full-submission `.txt` with its SGML header.
    Submission,
}

/// One line of the reduced text and where it starts in the file.
#[derive(Debug, Clone, Default)]
pub struct Line {
    /// The line, spaces collapsed, trimmed.
    pub text: String,
    /// For each byte of `text`, its offset in the file's text.
    pub offsets: Vec<usize>,
    /// Byte offset in the file's text of its first character.
    pub offset: usize,
    /// The line before collapsing (for column layouts on cover pages).
    pub raw: String,
    /// A page number or `<PAGE>` marker, now blank.
    pub artifact: bool,
}

/// A sentence: whitespace collapsed, with the file offset of each byte.
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    /// The sentence.
    pub text: String,
    /// For each byte of `text`, its offset in the file's text.
    pub offsets: Vec<usize>,
}

impl Sentence {
    /// The file offset of byte `i` of the sentence.
    pub fn offset(&self, i: usize) -> usize {
        self.offsets
            .get(i)
            .or(self.offsets.last())
            .copied()
            .unwrap_or(0)
    }
}

/// A filing, read.
#[derive(Debug)]
pub struct Doc {
    /// The file as text (invalid UTF-8 read as Windows-1252).
    pub source: Arc<SourceFile>,
    /// How it was written.
    pub format: Format,
    /// `KEY: value` pairs of an SGML header (first of each key), with offsets.
    pub header: BTreeMap<String, (String, usize)>,
    /// Lines of the reduced text, blank lines kept as empty.
    pub lines: Vec<Line>,
    /// Sentences of the reduced text, in order.
    pub sentences: Vec<Sentence>,
}

/// Why a file cannot be read as a filing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Nothing but whitespace.
    Empty,
    /// Binary data, at this byte offset.
    Binary(usize),
}

/// Decodes bytes: UTF-8, or else Windows-1252 (old EDGAR files hold
/// `0x92` apostrophes and the like).
fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => bytes.iter().map(|&b| cp1252(b)).collect(),
    }
}

fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Reads a filing.
///
/// # Errors
///
/// [`Unreadable`] for an empty or binary file.
pub fn read(name: &str, bytes: &[u8]) -> Result<Doc, (Arc<SourceFile>, Unreadable)> {
    let text = decode(bytes);
    let source = SourceFile::new(name, text.clone());
    if text.trim().is_empty() {
        return Err((source, Unreadable::Empty));
    }
    if let Some(at) = binary_at(bytes) {
        return Err((source, Unreadable::Binary(at)));
    }
    let lower_head: String = text
        .chars()
        .take(4000)
        .collect::<String>()
        .to_ascii_lowercase();
    let format = if lower_head.contains("<sec-document>")
        || lower_head.contains("<sec-header>")
        || lower_head.contains("<ims-header>")
    {
        Format::Submission
    } else if is_html(&text) {
        Format::Html
    } else {
        Format::Text
    };
    let header = if format == Format::Submission {
        sgml_header(&text)
    } else {
        BTreeMap::new()
    };
    let chars = reduce(&text, format);
    let lines = lines_of(&chars);
    let sentences = sentences_of(&lines);
    Ok(Doc {
        source,
        format,
        header,
        lines,
        sentences,
    })
}

/// The first byte that makes `bytes` binary: a NUL, or (in the first 8 KiB)
/// more than one control byte in ten.
fn binary_at(bytes: &[u8]) -> Option<usize> {
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Some(i);
    }
    let head = &bytes[..bytes.len().min(8192)];
    let control = |b: &u8| *b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c);
    let n = head.iter().filter(|b| control(b)).count();
    if n * 10 > head.len() {
        head.iter().position(control)
    } else {
        None
    }
}

fn is_html(text: &str) -> bool {
    let lower: String = text
        .chars()
        .take(20_000)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<html", "<body", "<div", "<p>", "<p ", "<td", "<br", "<font",
    ]
    .iter()
    .any(|t| lower.contains(t))
}

fn sgml_header(text: &str) -> BTreeMap<String, (String, usize)> {
    let mut out = BTreeMap::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let l = line.trim();
        if l.eq_ignore_ascii_case("</SEC-HEADER>") || l.eq_ignore_ascii_case("</IMS-HEADER>") {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            let key = k.trim().to_ascii_uppercase();
            let value = v.trim();
            if !key.is_empty() && !value.is_empty() && !key.starts_with('<') {
                let at = offset + line.find(value).unwrap_or(0);
                out.entry(key).or_insert((value.to_owned(), at));
            }
        }
        offset += line.len();
    }
    out
}

/// Characters of the reduced text with their file offsets.
type Chars = Vec<(char, usize)>;

/// Strips markup (HTML tags and entities, EDGAR text tags) and the SGML
/// header; block-level tags become line breaks.
fn reduce(text: &str, format: Format) -> Chars {
    let mut out: Chars = Vec::with_capacity(text.len());
    let body_start = if format == Format::Submission {
        let lower = text.to_ascii_lowercase();
        ["</sec-header>", "</ims-header>"]
            .iter()
            .filter_map(|t| lower.find(t).map(|i| i + t.len()))
            .min()
            .unwrap_or(0)
    } else {
        0
    };
    let html =
        format == Format::Html || (format == Format::Submission && is_html(&text[body_start..]));
    let mut i = body_start;
    let bytes = text.as_bytes();
    let mut skip_until: Option<&'static str> = None;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        if html && text[i..].starts_with("<!--") {
            i = text[i..].find("-->").map_or(text.len(), |e| i + e + 3);
            continue;
        }
        if c == '<' {
            if let Some(end) = text[i..].find('>').map(|e| i + e) {
                let inner = &text[i + 1..end];
                let name: String = inner
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
                    .collect::<String>()
                    .to_ascii_lowercase();
                let looks_like_tag = !name.is_empty() && end - i < 2000 && !inner.contains('<');
                if looks_like_tag && (html || is_text_tag(&name)) {
                    if let Some(stop) = skip_until {
                        if inner.starts_with('/') && name == stop {
                            skip_until = None;
                        }
                    } else if !inner.starts_with('/') && (name == "script" || name == "style") {
                        skip_until = if name == "script" {
                            Some("script")
                        } else {
                            Some("style")
                        };
                    } else if is_block(&name) {
                        out.push(('\n', i));
                    } else if matches!(name.as_str(), "td" | "th") {
                        out.push(('\t', i));
                    }
                    // `<PAGE> 2`: drop the page number after the marker.
                    let mut next = end + 1;
                    if name == "page" {
                        while next < text.len() && matches!(bytes[next], b' ' | b'\t') {
                            next += 1;
                        }
                        while next < text.len() && bytes[next].is_ascii_digit() {
                            next += 1;
                        }
                        out.push(('\n', i));
                    }
                    i = next;
                    continue;
                }
            }
        }
        if skip_until.is_some() {
            i += c.len_utf8();
            continue;
        }
        if c == '&' && html {
            if let Some((decoded, len)) = entity(&text[i..]) {
                out.push((decoded, i));
                i += len;
                continue;
            }
        }
        let c = match c {
            // A lone CR ends a line, as in files from old Macs (#18).
            '\r' if !text[i + 1..].starts_with('\n') => '\n',
            '\r' => {
                i += 1;
                continue;
            }
            '\u{a0}' | '\u{2002}'..='\u{200a}' | '\u{0c}' => ' ',
            '\u{2010}'..='\u{2012}' => '-',
            c => c,
        };
        out.push((c, i));
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// EDGAR's plain-text markup.
fn is_text_tag(name: &str) -> bool {
    matches!(
        name,
        "page"
            | "s"
            | "c"
            | "table"
            | "caption"
            | "fn"
            | "document"
            | "type"
            | "sequence"
            | "filename"
            | "description"
            | "text"
            | "pdf"
            | "sec-document"
            | "sec-header"
    )
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "tr"
            | "li"
            | "ul"
            | "ol"
            | "table"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "page"
            | "hr"
            | "title"
            | "center"
            | "blockquote"
            | "pre"
            | "document"
            | "text"
            | "type"
            | "sequence"
            | "filename"
            | "description"
    )
}

/// Decodes an HTML entity at the start of `s`: its character and length.
fn entity(s: &str) -> Option<(char, usize)> {
    // Bytes, not a string slice: the 12th byte may fall inside a character.
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        match n {
            160 | 8194..=8202 => ' ',
            8208..=8210 => '-',
            // Windows-1252 code points written as numbers.
            128..=159 => cp1252(u8::try_from(n).ok()?),
            n => char::from_u32(n)?,
        }
    } else {
        match body {
            "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "rsquo" => '’',
            "lsquo" => '‘',
            "rdquo" => '”',
            "ldquo" => '“',
            "mdash" => '—',
            "ndash" => '–',
            "sect" => '§',
            "bull" => '•',
            "middot" => '·',
            "hellip" => '…',
            "copy" => '©',
            "reg" => '®',
            "trade" => '™',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

/// Whether a line is only a page number or marker.
fn is_page_artifact(line: &str) -> bool {
    let t = line
        .trim()
        .trim_start_matches(['-', '–', '—'])
        .trim_end_matches(['-', '–', '—'])
        .trim();
    let t = t
        .strip_prefix("Page ")
        .or_else(|| t.strip_prefix("PAGE "))
        .unwrap_or(t)
        .trim();
    if t.is_empty() {
        return false;
    }
    let digits = t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit());
    let roman = t.len() <= 6 && t.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
    let lettered = t.split_once('-').is_some_and(|(a, b)| {
        a.len() == 1
            && a.chars().all(|c| c.is_ascii_uppercase())
            && !b.is_empty()
            && b.len() <= 3
            && b.bytes().all(|x| x.is_ascii_digit())
    });
    digits || roman || lettered
}

/// Splits the reduced text into lines, collapsing runs of whitespace and
/// remembering each byte's file offset; page artifacts become blank
/// lines marked as such.
fn lines_of(chars: &Chars) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut current: Chars = Vec::new();
    for &(c, at) in chars.iter().chain(std::iter::once(&('\n', usize::MAX))) {
        if c != '\n' {
            current.push((c, at));
            continue;
        }
        let raw: String = current.iter().map(|(c, _)| *c).collect();
        let mut line = Line {
            text: String::new(),
            offsets: Vec::new(),
            offset: current
                .iter()
                .find(|(c, _)| !c.is_whitespace())
                .map_or(0, |(_, o)| *o),
            artifact: false,
            raw,
        };
        let mut pending_space: Option<usize> = None;
        for &(c, at) in &current {
            if c.is_whitespace() {
                if !line.text.is_empty() && pending_space.is_none() {
                    pending_space = Some(at);
                }
                continue;
            }
            if let Some(space_at) = pending_space.take() {
                line.text.push(' ');
                line.offsets.push(space_at);
            }
            line.text.push(c);
            line.offsets.extend(std::iter::repeat_n(at, c.len_utf8()));
        }
        if is_page_artifact(&line.text) {
            line.text.clear();
            line.offsets.clear();
            line.artifact = true;
        }
        lines.push(line);
        current.clear();
    }
    lines
}

/// Words that cannot end a sentence: text after a page break continues it.
const CONNECTORS: [&str; 8] = [" on", " of", " the", " and", " to", " at", " by", " or"];

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: [&str; 32] = [
    "inc", "corp", "co", "ltd", "no", "nos", "mr", "mrs", "ms", "dr", "st", "u.s", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "i.e", "e.g", "a.m",
    "p.m", "sec", "l.p", "n.a", "etc",
];

/// Paragraphs (runs of non-blank lines) split into sentences. A page break
/// (blank lines around a page number or `<PAGE>`) inside a sentence does not
/// end it: when the text before ends in a lower-case word or a comma and the
/// text after begins in lower case or with a digit, or the text before ends
/// with a word such as "on", "of" or "the", the two are joined.
fn sentences_of(lines: &[Line]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut para = Sentence {
        text: String::new(),
        offsets: Vec::new(),
    };
    let mut broken = false;
    let mut page_break = false;
    for line in lines {
        if line.text.is_empty() {
            broken = true;
            page_break |= line.artifact;
            continue;
        }
        if broken && !para.text.is_empty() {
            let ends_lower = para.text.ends_with(|c: char| c.is_lowercase() || c == ',');
            let starts_lower = line
                .text
                .starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
            let connector =
                para.text.ends_with(',') || CONNECTORS.iter().any(|w| para.text.ends_with(w));
            let continues = page_break && ends_lower && (starts_lower || connector);
            if !continues {
                split_sentences(&std::mem::take(&mut para), &mut out);
            }
        }
        broken = false;
        page_break = false;
        if !para.text.is_empty() {
            para.text.push(' ');
            let last = para.offsets.last().copied().unwrap_or(line.offset);
            para.offsets.push(last);
        }
        para.text.push_str(&line.text);
        para.offsets.extend_from_slice(&line.offsets);
    }
    if !para.text.is_empty() {
        split_sentences(&para, &mut out);
    }
    out
}

/// Splits a paragraph at sentence ends: `.`, `?` or `!` followed by a space
/// and a capital letter, a digit or an opening quote, unless the period ends
/// a known abbreviation or a single capital letter.
fn split_sentences(para: &Sentence, out: &mut Vec<Sentence>) {
    let text = &para.text;
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'?' | b'!') && i + 2 < bytes.len() && bytes[i + 1] == b' ' {
            let next = text[i + 2..].chars().next().unwrap_or(' ');
            let word_start = text[..i].rfind([' ', '(']).map_or(0, |p| p + 1);
            let word = text[word_start..i].to_ascii_lowercase();
            let abbreviation = b == b'.'
                && (ABBREVIATIONS.contains(&word.as_str())
                    || (word.len() == 1 && word.chars().all(|c| c.is_ascii_alphabetic())));
            if !abbreviation
                && (next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '“' | '('))
            {
                out.push(slice(para, start, i + 1));
                start = i + 2;
                i += 2;
                continue;
            }
        }
        i += 1;
    }
    if start < text.len() {
        out.push(slice(para, start, text.len()));
    }
}

fn slice(s: &Sentence, a: usize, b: usize) -> Sentence {
    Sentence {
        text: s.text[a..b].to_owned(),
        offsets: s.offsets[a..b].to_vec(),
    }
}
