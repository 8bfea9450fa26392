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

use super::entities;
use super::offsets::Offsets;
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
    pub offsets: Offsets,
    /// Byte offset in the file's text of its first character.
    pub offset: usize,
    /// The line before collapsing, for column layouts on cover pages: kept
    /// for the first [`COVER_LINES`] lines only, empty after them.
    pub raw: String,
    /// A page number or `<PAGE>` marker, now blank.
    pub artifact: bool,
}

/// How many lines at the start of a filing are its cover page, read
/// column by column (and so kept with their spaces in [`Line::raw`]).
pub const COVER_LINES: usize = 400;

/// A sentence: whitespace collapsed, with the file offset of each byte.
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    /// The sentence.
    pub text: String,
    /// For each byte of `text`, its offset in the file's text.
    pub offsets: Offsets,
}

impl Sentence {
    /// The file offset of byte `i` of the sentence.
    pub fn offset(&self, i: usize) -> usize {
        self.offsets
            .get(i)
            .or_else(|| self.offsets.last())
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
    /// The first [`COVER_LINES`] lines of the reduced text (the cover
    /// page), blank lines kept as empty. The rest are read into
    /// `sentences` as they are found, not kept.
    pub lines: Vec<Line>,
    /// Sentences of the reduced text, in order.
    pub sentences: Vec<Sentence>,
    /// Where table cells begin and end, in file order (see [`CellMark`]).
    pub cells: Vec<CellMark>,
}

/// A cell of a table: HTML `<td>`/`<th>`, or a column of a row of an EDGAR
/// text `<TABLE>` (a line; its columns parted by two or more spaces).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cell {
    /// The table, numbered in the order tables open.
    pub table: u32,
    /// The row in its table, from 0.
    pub row: u32,
    /// The column, from 0 (an HTML `colspan` counts its columns).
    pub col: u32,
}

/// From file offset `at` on, the text is in `cell` (`None`: in no cell),
/// until the next mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellMark {
    /// Byte offset in the file's text.
    pub at: usize,
    /// The cell, if any.
    pub cell: Option<Cell>,
}

impl Doc {
    /// The cell the text at file offset `at` is in.
    pub fn cell_at(&self, at: usize) -> Option<Cell> {
        let k = self.cells.partition_point(|m| m.at <= at);
        k.checked_sub(1).and_then(|k| self.cells[k].cell)
    }
}

/// Open tables while [`reduce`] reads: each with its row and next column.
#[derive(Default)]
struct Tables {
    /// (table, row, next column); `row` is `None` before the first row.
    open: Vec<(u32, Option<u32>, u32)>,
    count: u32,
    marks: Vec<CellMark>,
}

impl Tables {
    fn mark(&mut self, at: usize, cell: Option<Cell>) {
        if self.marks.last().is_some_and(|m| m.cell == cell) {
            return;
        }
        self.marks.push(CellMark { at, cell });
    }

    /// The cell now open, if any (in the innermost table).
    fn current(&self) -> Option<Cell> {
        let &(table, row, next) = self.open.last()?;
        Some(Cell {
            table,
            row: row?,
            col: next.checked_sub(1)?,
        })
    }

    fn open_table(&mut self, at: usize) {
        self.open.push((self.count, None, 0));
        self.count += 1;
        self.mark(at, None);
    }

    fn close_table(&mut self, at: usize) {
        self.open.pop();
        let cell = self.current();
        self.mark(at, cell);
    }

    fn open_row(&mut self, at: usize) {
        if let Some((_, row, next)) = self.open.last_mut() {
            *row = Some(row.map_or(0, |r| r + 1));
            *next = 0;
        }
        self.mark(at, None);
    }

    /// A cell of `span` columns starts at `at`.
    fn open_cell(&mut self, at: usize, span: u32) {
        let Some((_, row, next)) = self.open.last_mut() else {
            return;
        };
        if row.is_none() {
            *row = Some(0);
        }
        let col = *next;
        *next = col + span.max(1);
        let cell = self.open.last().map(|&(table, row, _)| Cell {
            table,
            row: row.unwrap_or(0),
            col,
        });
        self.mark(at, cell);
    }

    fn close_cell(&mut self, at: usize) {
        self.mark(at, None);
    }
}

/// The `colspan` of a `<td ...>` tag's inside, 1 when not given.
fn colspan(inner: &str) -> u32 {
    let lower = inner.to_ascii_lowercase();
    lower
        .find("colspan")
        .and_then(|i| {
            let rest = lower[i + 7..].trim_start().strip_prefix('=')?;
            let rest = rest.trim_start().trim_start_matches(['"', '\'']);
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<u32>().ok()
        })
        .filter(|n| (1..=50).contains(n))
        .unwrap_or(1)
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

/// A Windows-1252 byte as a character.
pub(super) fn cp1252(b: u8) -> char {
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
    // One copy of the text, shared by the source and the reading below.
    let source = SourceFile::new(name, decode(bytes));
    let text = source.text();
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
    } else if is_html(text) {
        Format::Html
    } else {
        Format::Text
    };
    let header = if format == Format::Submission {
        sgml_header(text)
    } else {
        BTreeMap::new()
    };
    let mut lines = Lines::default();
    let mut tables = Tables::default();
    let _scanned = reduce(text, format, &mut lines, &mut tables);
    let (lines, sentences) = lines.finish();
    Ok(Doc {
        source,
        format,
        header,
        lines,
        sentences,
        cells: tables.marks,
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

/// Strips markup (HTML tags and entities, EDGAR text tags) and the SGML
/// header; block-level tags become line breaks. Each character of the
/// reduced text goes to `out` with its file offset as it is found.
///
/// Linear in the length of `text`: each `<` looks for its `>` through
/// [`NextByte`], which scans each stretch of the text once however many
/// `<` share it, and a tag is at most [`MAX_TAG`] bytes long. Returns how
/// many bytes the search for `>` looked at, which is never more than the
/// text's length (the test of linearity counts it).
///
/// Table cells go to `tables`: HTML `<table>`, `<tr>`, `<td>` and `<th>`;
/// in an EDGAR text `<TABLE>`, each line is a row and a run of two or
/// more spaces (or a tab) parts its columns.
fn reduce(text: &str, format: Format, out: &mut Lines, tables: &mut Tables) -> usize {
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
    let mut next_gt = NextByte::new(bytes, b'>');
    // Inside an EDGAR text `<TABLE>`: where the current run of spaces began.
    let mut text_table = false;
    let mut spaces: Option<(usize, usize)> = None;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        if html && text[i..].starts_with("<!--") {
            // Not found: the rest of the file is the comment, so this
            // search runs once.
            i = text[i..].find("-->").map_or(text.len(), |e| i + e + 3);
            continue;
        }
        if c == '<' {
            if let Some(end) = next_gt.at_or_after(i).filter(|end| end - i < MAX_TAG) {
                let inner = &text[i + 1..end];
                let name: String = inner
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
                    .collect::<String>()
                    .to_ascii_lowercase();
                let looks_like_tag = !name.is_empty() && !inner.contains('<');
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
                    if skip_until.is_none() {
                        let closing = inner.starts_with('/');
                        match (name.as_str(), closing) {
                            ("table", false) => {
                                text_table = !html;
                                tables.open_table(i);
                                if text_table {
                                    tables.open_row(end + 1);
                                    tables.open_cell(end + 1, 1);
                                }
                            }
                            ("table", true) => {
                                text_table = false;
                                tables.close_table(end + 1);
                            }
                            ("tr", false) if html => tables.open_row(i),
                            ("tr", true) if html => tables.close_cell(i),
                            ("td" | "th", false) if html => {
                                tables.open_cell(end + 1, colspan(inner));
                            }
                            ("td" | "th", true) if html => tables.close_cell(i),
                            _ => {}
                        }
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
            if let Some((decoded, len)) = entities::decode(&text[i..]) {
                // Each character at the `&`: a location points at the
                // reference as written.
                for d in decoded.chars().filter_map(plain) {
                    out.push((d, i));
                }
                i += len;
                continue;
            }
        }
        if text_table {
            match c {
                '\n' => {
                    spaces = None;
                    tables.open_row(i + 1);
                    tables.open_cell(i + 1, 1);
                }
                ' ' | '\t' => {
                    let (from, n) = spaces.unwrap_or((i, 0));
                    spaces = Some((from, n + if c == '\t' { 2 } else { 1 }));
                }
                _ => {
                    // Two or more spaces after text part two columns.
                    if let Some((_, n)) = spaces.take() {
                        if n >= 2 && tables.current().is_some_and(|_| out.current_has_text()) {
                            tables.open_cell(i, 1);
                        }
                    }
                }
            }
        }
        let next = i + c.len_utf8();
        let c = match c {
            // A lone CR ends a line, as in files from old Macs (#18).
            '\r' if !text[i + 1..].starts_with('\n') => Some('\n'),
            '\r' => None,
            c => plain(c),
        };
        if let Some(c) = c {
            out.push((c, i));
        }
        i = next;
    }
    next_gt.scanned
}

/// A character as the fact finders read it: the spaces of typesetting
/// (no-break, en, em, thin, …) and form feeds are spaces, the hyphens of
/// Unicode `-`, and what is not seen (a soft hyphen, the zero-width
/// characters, a byte-order mark) is dropped.
fn plain(c: char) -> Option<char> {
    match c {
        '\u{a0}' | '\u{2002}'..='\u{200a}' | '\u{0c}' => Some(' '),
        '\u{2010}'..='\u{2012}' => Some('-'),
        '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' => None,
        c => Some(c),
    }
}

/// The longest `<...>` read as a tag, in bytes: a longer one is text.
const MAX_TAG: usize = 2000;

/// Finds the next occurrence of a byte at or after a position, for
/// positions that only grow: a search's answer serves every later position
/// up to it, so each byte of the text is looked at once in all.
struct NextByte<'a> {
    bytes: &'a [u8],
    byte: u8,
    /// The last search: where it started and what it found there or after.
    last: Option<(usize, Option<usize>)>,
    /// Bytes looked at so far, for the test of linearity.
    scanned: usize,
}

impl<'a> NextByte<'a> {
    fn new(bytes: &'a [u8], byte: u8) -> Self {
        NextByte {
            bytes,
            byte,
            last: None,
            scanned: 0,
        }
    }

    /// The first place of the byte at or after `i`; `i` must not be less
    /// than at the previous call.
    fn at_or_after(&mut self, i: usize) -> Option<usize> {
        if let Some((from, found)) = self.last {
            debug_assert!(i >= from, "positions only grow");
            match found {
                Some(at) if at >= i => return Some(at),
                // None at or after `from`, so none at or after `i`.
                None => return None,
                Some(_) => {}
            }
        }
        let rest = self.bytes.get(i..).unwrap_or_default();
        let found = rest.iter().position(|&b| b == self.byte);
        self.scanned += found.map_or(rest.len(), |p| p + 1);
        let found = found.map(|p| i + p);
        self.last = Some((i, found));
        found
    }
}

/// The reduced text as lines, built a character at a time as [`reduce`]
/// finds them: whitespace collapsed, each byte's file offset remembered,
/// page artifacts made blank lines marked as such. Each line goes into
/// sentences as it ends; only the cover page's lines are kept as lines, so
/// that a filing's text is held once more, not twice.
#[derive(Default)]
struct Lines {
    /// The first [`COVER_LINES`] lines.
    cover: Vec<Line>,
    /// Lines ended so far.
    count: usize,
    /// The line being read (its `offset` set at its first non-blank).
    current: Line,
    /// Where the run of whitespace waiting to become one space began.
    pending_space: Option<usize>,
    sentences: Sentences,
}

impl Lines {
    /// Whether the line being read has text yet.
    fn current_has_text(&self) -> bool {
        !self.current.text.is_empty()
    }

    fn push(&mut self, (c, at): (char, usize)) {
        if c == '\n' {
            self.end_line();
            return;
        }
        let line = &mut self.current;
        if self.count < COVER_LINES {
            line.raw.push(c);
        }
        if c.is_whitespace() {
            if !line.text.is_empty() && self.pending_space.is_none() {
                self.pending_space = Some(at);
            }
            return;
        }
        if line.text.is_empty() {
            line.offset = at;
        }
        if let Some(space_at) = self.pending_space.take() {
            line.text.push(' ');
            line.offsets.push(space_at);
        }
        line.text.push(c);
        line.offsets.push_run(at, c.len_utf8());
    }

    fn end_line(&mut self) {
        let mut line = std::mem::take(&mut self.current);
        self.pending_space = None;
        if is_page_artifact(&line.text) {
            line.text.clear();
            line.offsets.clear();
            line.artifact = true;
        }
        self.sentences.add(&line);
        if self.count < COVER_LINES {
            self.cover.push(line);
        }
        self.count += 1;
    }

    /// Ends the last line (which may be empty) and returns the cover
    /// page's lines and all the sentences.
    fn finish(mut self) -> (Vec<Line>, Vec<Sentence>) {
        self.end_line();
        (self.cover, self.sentences.finish())
    }
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

/// Words that cannot end a sentence: text after a page break continues it.
const CONNECTORS: [&str; 14] = [
    " on", " of", " the", " and", " to", " at", " by", " or", " than", " before", " after",
    " between", " from", " until",
];

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: [&str; 32] = [
    "inc", "corp", "co", "ltd", "no", "nos", "mr", "mrs", "ms", "dr", "st", "u.s", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "i.e", "e.g", "a.m",
    "p.m", "sec", "l.p", "n.a", "etc",
];

/// Paragraphs (runs of non-blank lines) split into sentences, a line at a
/// time. A page break (blank lines around a page number or `<PAGE>`) inside
/// a sentence does not end it: when the text before ends in a lower-case
/// word or a comma and the text after begins in lower case or with a digit,
/// or the text before ends with a word such as "on", "of" or "the", the two
/// are joined.
#[derive(Default)]
struct Sentences {
    out: Vec<Sentence>,
    /// The paragraph being read.
    para: Sentence,
    /// Whether a blank line came since the paragraph's last line.
    broken: bool,
    /// Whether one of those blank lines was a page artifact.
    page_break: bool,
}

impl Sentences {
    fn add(&mut self, line: &Line) {
        let para = &mut self.para;
        if line.text.is_empty() {
            self.broken = true;
            self.page_break |= line.artifact;
            return;
        }
        if self.broken && !para.text.is_empty() {
            let ends_lower = para.text.ends_with(|c: char| c.is_lowercase() || c == ',');
            let starts_lower = line
                .text
                .starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
            let connector =
                para.text.ends_with(',') || CONNECTORS.iter().any(|w| para.text.ends_with(w));
            let continues = self.page_break && ends_lower && (starts_lower || connector);
            if !continues {
                split_sentences(std::mem::take(para), &mut self.out);
            }
        }
        if para.text.len() > MAX_PARAGRAPH {
            // Not prose: read what came so far, so that it is not held
            // twice over (as the paragraph and as its sentences).
            split_sentences(std::mem::take(para), &mut self.out);
        }
        self.broken = false;
        self.page_break = false;
        if !para.text.is_empty() {
            para.text.push(' ');
            let last = para.offsets.last().unwrap_or(line.offset);
            para.offsets.push(last);
        }
        para.text.push_str(&line.text);
        para.offsets.extend(&line.offsets);
    }

    fn finish(mut self) -> Vec<Sentence> {
        if !self.para.text.is_empty() {
            split_sentences(self.para, &mut self.out);
        }
        self.out
    }
}

/// Splits a paragraph at sentence ends: `.`, `?` or `!`, then any closing
/// quotes or emphasis marks (`"`, `”`, `’`, Markdown's `*` and `_`), then a
/// space and a capital letter, a digit, an opening quote or an emphasis
/// mark, unless the period ends a known abbreviation or a single capital
/// letter.
fn split_sentences(para: Sentence, out: &mut Vec<Sentence>) {
    let text = &para.text;
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // The stop is ASCII, so the byte after it starts a character;
        // `closed` is where the closing marks after it end.
        let stop = matches!(b, b'.' | b'?' | b'!');
        let closed = if stop {
            i + 1 + closing_marks(&text[i + 1..])
        } else {
            i + 1
        };
        if stop && closed + 1 < bytes.len() && bytes[closed] == b' ' {
            let next = text[closed + 1..].chars().next().unwrap_or(' ');
            let word_start = text[..i].rfind([' ', '(']).map_or(0, |p| p + 1);
            let word = text[word_start..i].to_ascii_lowercase();
            let abbreviation = b == b'.'
                && (ABBREVIATIONS.contains(&word.as_str())
                    || (word.len() == 1 && word.chars().all(|c| c.is_ascii_alphabetic())));
            if !abbreviation
                && (next.is_uppercase()
                    || next.is_ascii_digit()
                    || matches!(next, '"' | '“' | '(' | '*' | '_'))
            {
                push_cut(&para, start, closed, out);
                start = closed + 1;
                i = closed + 1;
                continue;
            }
        }
        i += 1;
    }
    if start == 0 && text.len() <= MAX_SENTENCE {
        // One sentence: the paragraph itself, not a copy.
        out.push(para);
    } else if start < text.len() {
        push_cut(&para, start, text.len(), out);
    }
}

/// The length in bytes of the closing quotes and emphasis marks that
/// start `rest`: what may stand between a sentence's stop and the space
/// after it (`.” `, `.** `).
fn closing_marks(rest: &str) -> usize {
    rest.char_indices()
        .find(|&(_, c)| !matches!(c, '"' | '”' | '’' | '*' | '_'))
        .map_or(rest.len(), |(k, _)| k)
}

/// The longest sentence, in bytes; a longer run of text without a sentence
/// end is cut into pieces of at most this length (at a space when there is
/// one). Real sentences are a few hundred bytes; reading a 60 MB "sentence"
/// word by word took gigabytes.
const MAX_SENTENCE: usize = 16 * 1024;

/// The longest paragraph, in bytes: a longer run of lines without a blank
/// one is read as several paragraphs, split at a line's end.
const MAX_PARAGRAPH: usize = 1 << 20;

/// Adds bytes `a..b` of `para` to `out` as one sentence, or as several of
/// at most [`MAX_SENTENCE`] bytes.
fn push_cut(para: &Sentence, mut a: usize, b: usize, out: &mut Vec<Sentence>) {
    let text = &para.text;
    while b - a > MAX_SENTENCE {
        let mut end = a + MAX_SENTENCE;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let cut = text[a..end]
            .rfind(' ')
            .filter(|&p| p > 0)
            .map_or(end, |p| a + p);
        out.push(slice(para, a, cut));
        a = if text[cut..].starts_with(' ') {
            cut + 1
        } else {
            cut
        };
    }
    if a < b {
        out.push(slice(para, a, b));
    }
}

fn slice(s: &Sentence, a: usize, b: usize) -> Sentence {
    Sentence {
        text: s.text[a..b].to_owned(),
        offsets: s.offsets.slice(a, b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduced(text: &str, format: Format) -> (Vec<Line>, usize) {
        let mut lines = Lines::default();
        let scanned = reduce(text, format, &mut lines, &mut Tables::default());
        (lines.finish().0, scanned)
    }

    fn split(text: &str) -> Vec<String> {
        let para = Sentence {
            text: text.to_owned(),
            offsets: {
                let mut o = Offsets::default();
                o.push_run(0, text.len());
                o
            },
        };
        let mut out = Vec::new();
        split_sentences(para, &mut out);
        out.into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn a_sentence_ends_after_closing_quotes_and_emphasis() {
        assert_eq!(
            split(
                "**Proposals (Rule 14a-8).** A shareholder may write. Then “it is said.” The end."
            ),
            [
                "**Proposals (Rule 14a-8).**",
                "A shareholder may write.",
                "Then “it is said.”",
                "The end."
            ]
        );
        // An abbreviation before the marks still holds the sentence.
        assert_eq!(split("See Inc.** Below."), ["See Inc.** Below."]);
        // A stop followed by marks only, or by marks at the very end.
        assert_eq!(split("Done.**"), ["Done.**"]);
        assert_eq!(split("é. É.” x"), ["é.", "É.” x"]);
    }

    #[test]
    fn a_run_of_brackets_without_a_close_is_scanned_once() {
        // 400,000 `<` took 13 s when each looked for a `>` on its own.
        let n = 400_000;
        let text = format!(
            "<html><body>{}\nThe meeting will be held on May 25, 2004.\n",
            "<".repeat(n)
        );
        let (lines, scanned) = reduced(&text, Format::Html);
        // Every `<` asked; the answers came from one scan of the text.
        assert!(
            (n..=text.len()).contains(&scanned),
            "{scanned} bytes looked at"
        );
        assert_eq!(lines[0].text, "<".repeat(n), "a `<` without `>` is text");
        assert_eq!(lines[1].text, "The meeting will be held on May 25, 2004.");
        assert_eq!(lines[1].offset, 12 + n + 1);
    }

    #[test]
    fn a_run_of_brackets_closed_far_away_is_scanned_once() {
        let n = 400_000;
        let text = format!("<p>{}><p>Meeting", "<".repeat(n));
        let (lines, scanned) = reduced(&text, Format::Html);
        assert!(scanned <= text.len(), "{scanned} bytes looked at");
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        let brackets = format!("{}>", "<".repeat(n));
        assert_eq!(texts, ["", brackets.as_str(), "Meeting"]);
    }

    #[test]
    fn a_tag_is_the_last_bracket_before_its_close() {
        // `<a<p>`: the first `<` is text, `<p>` a tag.
        let (lines, _) = reduced("x<a<p>y<<br>z", Format::Html);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["x<a", "y<", "z"]);
        // Too long to be a tag: text.
        let long = format!("<p {}>", "a".repeat(MAX_TAG));
        let (lines, _) = reduced(&long, Format::Html);
        assert_eq!(lines[0].text, long);
    }

    /// Each character a reference stands for maps to its `&`; the text
    /// after it to its own place; what is not seen maps to nothing.
    #[test]
    fn a_reference_maps_to_where_it_is_written() {
        let html = "<p>a&amp;b&nbsp&#233;c&shy;d&x;</p>";
        let (lines, _) = reduced(html, Format::Html);
        let line = &lines[1];
        assert_eq!(line.text, "a&b \u{e9}cd&x;");
        let at: Vec<usize> = (0..line.offsets.len())
            .map(|i| line.offsets.get(i).unwrap())
            .collect();
        // a & b ␠ é(2 bytes) c d & x ;
        assert_eq!(at, [3, 4, 9, 10, 15, 16, 21, 27, 28, 29, 30]);
        // Outside HTML, references are text.
        let (lines, _) = reduced("a&amp;b", Format::Text);
        assert_eq!(lines[0].text, "a&amp;b");
    }

    #[test]
    fn next_byte_answers_growing_positions_from_one_scan() {
        let bytes = b"<<<>..<..>";
        let mut next = NextByte::new(bytes, b'>');
        let got: Vec<_> = (0..bytes.len()).map(|i| next.at_or_after(i)).collect();
        let want: Vec<_> = (0..bytes.len())
            .map(|i| bytes[i..].iter().position(|&b| b == b'>').map(|p| i + p))
            .collect();
        assert_eq!(got, want);
        assert!(next.scanned <= bytes.len(), "{}", next.scanned);
    }
}
