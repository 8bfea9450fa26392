//! Who the company is: its name and state of incorporation, read from the
//! cover page of a form (the line above "(Exact name of registrant …)",
//! the cell above "(State or other jurisdiction …)") and from the
//! sentences where a company names itself ("Name Inc. (the “Company”)",
//! "Name Inc., a Delaware corporation").

use super::{Candidate, Confidence};
use crate::extract::text::{COVER_LINES, Doc, Line, Sentence};

/// Whether a cover-page line is only a rule (`-----`, `_____`).
fn is_rule(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| matches!(c, '-' | '_' | '=' | ' '))
}

/// The cover page of a Form 8-K, 10-K, 10-Q or a proxy statement: the line
/// above "(Exact name of registrant …)" or "(Name of Registrant as
/// Specified In Its Charter)", and the state above "(State or other
/// jurisdiction of incorporation)" — in an HTML table the state's cell may
/// be some lines above its caption.
pub(super) fn cover_facts(doc: &Doc, add: &mut impl FnMut(&'static str, Candidate)) {
    let lines = &doc.lines;
    let above = |i: usize| {
        (0..i)
            .rev()
            .take(6)
            .find(|&k| !lines[k].text.is_empty() && !is_rule(&lines[k].text))
    };
    for (i, line) in lines.iter().enumerate().take(COVER_LINES) {
        let lower = line.text.to_ascii_lowercase();
        if lower.starts_with("(exact name of registrant")
            || lower.starts_with("(exact name of the registrant")
            || lower.starts_with("(name of registrant as specified")
            || lower.starts_with("(name of the registrant as specified")
        {
            if let Some(k) = above(i) {
                let name = first_column(&lines[k].raw);
                add(
                    "company",
                    Candidate {
                        value: name,
                        confidence: Confidence::High,
                        offset: lines[k].offset,
                        evidence: format!("{} {}", lines[k].text, line.text),
                        note: None,
                        rank: 0,
                    },
                );
            }
        }
        let caption = state_caption(&lower);
        if let Some(col) = caption {
            let found = above(i)
                .and_then(|k| {
                    let value = column_at(
                        &lines[k].raw,
                        line.raw.to_ascii_lowercase().find("(state").unwrap_or(col),
                    );
                    state_code(&value).map(|code| (k, value, code))
                })
                .or_else(|| state_cell_above(lines, i));
            if let Some((k, value, code)) = found {
                add(
                    "state",
                    Candidate {
                        value: code.to_owned(),
                        confidence: Confidence::High,
                        offset: lines[k].offset,
                        evidence: format!(
                            "{} {}",
                            value.trim(),
                            "(State or other jurisdiction of incorporation)"
                        ),
                        note: None,
                        rank: 0,
                    },
                );
            }
        }
    }
}

/// Where a cover page's caption under the state of incorporation starts:
/// "(State or other jurisdiction of incorporation)", "(State of
/// incorporation)", and the misprints and variants filings carry ("(State
/// of other jurisdiction", "(State or jurisdiction"): "(state" with
/// "jurisdiction" or "incorporation" right after it.
fn state_caption(lower: &str) -> Option<usize> {
    lower.match_indices("(state ").map(|(p, _)| p).find(|&p| {
        let rest = &lower[p..];
        let near = &rest[..rest
            .char_indices()
            .map(|(i, _)| i)
            .find(|&i| i >= 40)
            .unwrap_or(rest.len())];
        near.contains("jurisdiction") || near.contains("incorporat")
    })
}

/// In an HTML cover table each cell is a line: the state's cell may be a
/// few lines above its caption, past the file number and tax id cells, but
/// not past another caption.
fn state_cell_above(lines: &[Line], i: usize) -> Option<(usize, String, &'static str)> {
    for k in (0..i).rev().take(30) {
        let text = lines[k].text.trim();
        if text.starts_with('(') {
            return None;
        }
        if let Some(code) = state_code(text) {
            return Some((k, text.to_owned(), code));
        }
    }
    None
}

/// The first column of a line laid out in columns (runs of 3+ spaces).
fn first_column(raw: &str) -> String {
    raw.trim()
        .split("   ")
        .next()
        .unwrap_or("")
        .split('\t')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The column of `raw` nearest to character position `at`.
fn column_at(raw: &str, at: usize) -> String {
    let mut best: Option<(usize, String)> = None;
    let mut start = None;
    let chars: Vec<char> = raw.chars().collect();
    let mut i = 0;
    while i <= chars.len() {
        let gap = i == chars.len()
            || (chars[i] == '\t')
            || (i + 2 < chars.len() && chars[i..i + 3].iter().all(|c| *c == ' '));
        if gap {
            if let Some(s) = start.take() {
                let text: String = chars[s..i].iter().collect();
                let d = s.abs_diff(at);
                if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                    best = Some((d, text.trim().to_owned()));
                }
            }
        } else if start.is_none() && !chars[i].is_whitespace() {
            start = Some(i);
        }
        i += 1;
    }
    best.map(|(_, t)| t).unwrap_or_default()
}

/// Where a company names itself in a sentence: "Name Inc. (the
/// “Company”)", "Name Inc., a Delaware corporation" (which gives the state
/// too), "State of Incorporation: Delaware", and at medium confidence the
/// name in the address proposals are sent to ("to Name Company, P.O. Box
/// …").
pub(super) fn name_facts(s: &Sentence, add: &mut impl FnMut(&'static str, Candidate)) {
    let text = &s.text;
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return;
    }
    let mut names: Vec<Candidate> = Vec::new();
    let mut company = |value: String, at: usize, confidence: Confidence, note: &str| {
        names.push(Candidate {
            value,
            confidence,
            offset: s.offset(at),
            evidence: s.text.clone(),
            note: Some(note.to_owned()),
            rank: 1,
        });
    };
    let mut states: Vec<(&'static str, usize)> = Vec::new();
    // Name (the “Company”) / Name (“Short,” the “Company” or “we”).
    for (pos, _) in text.match_indices(" (") {
        let Some(close) = text[pos..].find(')').map(|c| pos + c) else {
            continue;
        };
        if close - pos > 90 {
            continue;
        }
        let Some(inside) = lower.get(pos + 2..close) else {
            continue;
        };
        let inside = inside.replace(['“', '”', '"', ','], " ");
        let words: Vec<&str> = inside.split_whitespace().collect();
        let Some((name, at)) = name_ending_at(text, pos) else {
            continue;
        };
        let name_lower = name.to_lowercase();
        let defines = words.contains(&"company")
            || words.contains(&"we")
            || words
                .first()
                .is_some_and(|w| *w != "the" && name_lower.split_whitespace().any(|n| n == *w));
        if defines {
            company(
                name,
                at,
                Confidence::High,
                "the name the filing defines as the company",
            );
        }
    }
    // The annual meeting of stockholders of Name will be held / at ….
    if let Some((name, at)) = meeting_of(text, &lower) {
        company(
            name,
            at,
            Confidence::High,
            "the company whose meeting the notice calls",
        );
    }
    // Name, a Delaware corporation / Name, an Oregon corporation.
    let articles = lower
        .match_indices(", a ")
        .map(|(p, m)| (p, m.len()))
        .chain(lower.match_indices(", an ").map(|(p, m)| (p, m.len())));
    for (pos, len) in articles {
        let rest = &lower[pos + len..];
        let Some(corp) = rest.find(" corporation") else {
            continue;
        };
        if corp > 20 {
            continue;
        }
        let tail = rest.get(corp..(corp + 60).min(rest.len())).unwrap_or("");
        if tail.contains("subsidiary") || tail.contains("affiliate") {
            continue;
        }
        let Some(code) = text.get(pos + len..pos + len + corp).and_then(state_code) else {
            continue;
        };
        states.push((code, pos + len));
        if let Some((name, at)) = name_ending_at(text, pos) {
            company(
                name,
                at,
                Confidence::High,
                "the company named as a corporation of its state",
            );
        }
    }
    // We are an Oregon corporation; the Company was incorporated under the
    // laws of the State of Oregon.
    states.extend(incorporated_in(text, &lower));
    // State of Incorporation: Delaware.
    if let Some(pos) = lower.find("state of incorporation:") {
        let after = pos + "state of incorporation:".len();
        let words: Vec<&str> = text
            .get(after..)
            .unwrap_or("")
            .split_whitespace()
            .take(2)
            .collect();
        let code = words
            .first()
            .and_then(|w| state_code(w.trim_end_matches([',', '.', ';'])))
            .or_else(|| state_code(words.join(" ").trim_end_matches([',', '.', ';'])));
        if let Some(code) = code {
            states.push((code, after));
        }
    }
    for (code, at) in states {
        add(
            "state",
            Candidate {
                value: code.to_owned(),
                confidence: Confidence::High,
                offset: s.offset(at),
                evidence: s.text.clone(),
                note: None,
                rank: 0,
            },
        );
    }
    // The address proposals and requests go to: "to Name Company, P.O. Box"
    // or "Secretary, Name, Inc., 1000 Main Street".
    for (pos, _) in text.match_indices(", ") {
        let rest = &text[pos + 2..];
        let address = rest.starts_with("P.O.")
            || rest.starts_with("PO Box")
            || rest.chars().next().is_some_and(|c| c.is_ascii_digit());
        if !address {
            continue;
        }
        let Some((name, at)) = name_ending_at(text, pos) else {
            continue;
        };
        let before = lower.get(..at).unwrap_or("").trim_end();
        if before.ends_with(" to") || before.ends_with("secretary,") || before.ends_with(" at") {
            company(
                name,
                at,
                Confidence::Medium,
                "the company's name in its own address",
            );
        }
    }
    for c in names {
        add("company", c);
    }
}

/// The state a sentence says the company itself is a corporation of: "We
/// are an Oregon corporation", "The Company is a Delaware corporation",
/// "The Company was incorporated under Oregon law", "NIKE, Inc. was
/// incorporated in 1967 under the laws of the State of Oregon", "we are
/// incorporated in the State of Delaware". The subject must be the company
/// ("we", "the company", "the corporation", "the registrant" or a name);
/// a sentence about a subsidiary, a predecessor or a change of state
/// ("originally", "reincorporated") is left alone, as is one naming two
/// states.
fn incorporated_in(text: &str, lower: &str) -> Option<(&'static str, usize)> {
    const ELSEWHERE: [&str; 8] = [
        "subsidiar",
        "affiliate",
        "predecessor",
        "originally",
        "reincorporat",
        "formerly",
        "merged",
        "acquired",
    ];
    if ELSEWHERE.iter().any(|w| lower.contains(w)) {
        return None;
    }
    let mut found: Vec<(&'static str, usize)> = Vec::new();
    // "is an Oregon corporation" / "are a Delaware corporation".
    for verb in [
        " is a ", " is an ", " are a ", " are an ", " was a ", " was an ",
    ] {
        for (pos, _) in lower.match_indices(verb) {
            let after = pos + verb.len();
            let Some(corp) = lower[after..].find(" corporation") else {
                continue;
            };
            if corp > 25 || !company_subject(text, lower, pos) {
                continue;
            }
            let name = text.get(after..after + corp).unwrap_or("");
            if let Some(code) = full_state_name(name) {
                found.push((code, after));
            }
        }
    }
    // "incorporated under Oregon law", "incorporated under the laws of the
    // State of Oregon", "organized under the laws of Delaware",
    // "incorporated in (1967 under the laws of) the State of Delaware".
    for verb in ["incorporated ", "organized "] {
        for (pos, _) in lower.match_indices(verb) {
            let before = lower[..pos].trim_end();
            let verb_ok = ["is", "was", "are", "were", "been"]
                .iter()
                .any(|v| before.ends_with(&format!(" {v}")));
            let subject_end = before.rfind(' ').unwrap_or(0);
            if !verb_ok || !company_subject(text, lower, subject_end) {
                continue;
            }
            let mut rest = &lower[pos + verb.len()..];
            let year = rest
                .strip_prefix("in ")
                .filter(|r| r.len() > 4 && r[..4].chars().all(|c| c.is_ascii_digit()));
            if let Some(r) = year {
                rest = r[4..].trim_start_matches(',').trim_start();
            }
            let Some(r) = rest
                .strip_prefix("under ")
                .or_else(|| rest.strip_prefix("in "))
            else {
                continue;
            };
            let r = r.strip_prefix("the laws of ").unwrap_or(r);
            let r = r.strip_prefix("the ").unwrap_or(r);
            let r = r
                .strip_prefix("state of ")
                .or_else(|| r.strip_prefix("commonwealth of "))
                .unwrap_or(r);
            let at = lower.len() - r.len();
            let words: Vec<&str> = r.split_whitespace().take(3).collect();
            let code = (1..=words.len()).rev().find_map(|n| {
                let name = words[..n].join(" ");
                let name = name.trim_end_matches([',', '.', ';']);
                let name = name.strip_suffix("'s").unwrap_or(name);
                full_state_name(name)
            });
            if let Some(code) = code {
                found.push((code, at));
            }
        }
    }
    found.dedup_by_key(|(c, _)| *c);
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// A state written out in full ("Oregon", "New York"): a two-letter word
/// in running text is more often "in", "or" or "me" than a state's code.
fn full_state_name(name: &str) -> Option<&'static str> {
    if name.trim().len() <= 2 {
        return None;
    }
    state_code(name)
}

/// Whether the words ending at byte `end` of the sentence are the company:
/// "we", "the company", "the corporation", "the registrant" or a name
/// ending in "Inc.", "Corporation" and the like.
fn company_subject(text: &str, lower: &str, end: usize) -> bool {
    let head = lower[..end].trim_end();
    let head = head
        .strip_suffix(" also")
        .or_else(|| head.strip_suffix(" currently"))
        .unwrap_or(head);
    let word_end = |w: &str| head == w || head.ends_with(&format!(" {w}"));
    ["we", "company", "corporation", "registrant"]
        .iter()
        .any(|w| word_end(w))
        || name_ending_at(text, head.len()).is_some()
}

/// Words of a notice that end the search back for a name's start: in a
/// sentence written in capitals every word looks like part of a name.
const NOT_IN_NAME: [&str; 9] = [
    "stockholders",
    "shareholders",
    "meeting",
    "notice",
    "hereby",
    "given",
    "that",
    "members",
    "holders",
];

/// A company's name read from a sentence written all in capitals ("THE XYZ
/// COMPANY, INC."), in the case a reader expects ("The XYZ Company,
/// Inc."). Capitals in a notice are typography, so each word is written
/// with a capital and small letters, except: the legal endings in their
/// usual form (Inc., Corp., Co., Ltd., L.P., N.V., LLC, PLC); words with a
/// digit ("3M", "180") or an inner dot ("U.S."), and "&", as written; words
/// or hyphened parts of at most four letters with no vowel ("XYZ", "CVS",
/// "PNC"), which are initials, as written; "of", "and", "the", "for", "in" in small letters
/// except first. An acronym with a vowel ("IBM") cannot be told from a
/// word and becomes "Ibm"; a name the filing also writes in mixed case
/// elsewhere is taken from there instead (see `display_name`).
pub(super) fn title_case(name: &str) -> String {
    const ENDINGS: [(&str, &str); 12] = [
        ("inc.", "Inc."),
        ("inc", "Inc."),
        ("corp.", "Corp."),
        ("corp", "Corp."),
        ("co.", "Co."),
        ("ltd.", "Ltd."),
        ("l.p.", "L.P."),
        ("n.v.", "N.V."),
        ("llc", "LLC"),
        ("l.l.c.", "L.L.C."),
        ("plc", "PLC"),
        ("s.a.", "S.A."),
    ];
    const SMALL: [&str; 5] = ["of", "and", "the", "for", "in"];
    let mut out = Vec::new();
    for (i, word) in name.split_whitespace().enumerate() {
        let core = word.trim_end_matches([',', ';']);
        let tail = &word[core.len()..];
        let lower = core.to_lowercase();
        let letters: Vec<char> = core.chars().filter(char::is_ascii_alphabetic).collect();
        let written = if let Some((_, e)) = ENDINGS.iter().find(|(l, _)| *l == lower) {
            (*e).to_owned()
        } else if core.chars().any(|c| c.is_ascii_digit())
            || core.trim_end_matches('.').contains('.')
            || letters.is_empty()
        {
            core.to_owned()
        } else if i > 0 && SMALL.contains(&lower.as_str()) {
            lower
        } else {
            capitalise(core)
        };
        out.push(format!("{written}{tail}"));
    }
    out.join(" ")
}

/// Each part of a word (between hyphens) with a capital first letter and
/// small letters after, except initials (at most four letters, no vowel).
fn capitalise(word: &str) -> String {
    word.split('-')
        .map(|part| {
            let letters = part.chars().filter(char::is_ascii_alphabetic).count();
            let vowel = part
                .chars()
                .any(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u'));
            if letters <= 4 && !vowel {
                return part.to_owned();
            }
            let lower = part.to_lowercase();
            let mut c = lower.chars();
            c.next().map_or_else(String::new, |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// The company named after a meeting's holders: "The Annual Meeting of
/// shareholders of Reynolds, Smith and Hills, Inc. will be held", "We will
/// hold the Annual Meeting of Stockholders of Union Electric Company at",
/// "ANNUAL MEETING OF SHAREHOLDERS OF THE DRESS BARN, INC. WILL BE HELD".
/// The name runs to the verb, place or parenthesis after it; it must end
/// in a company's word ([`NAME_ENDINGS`]) and be capitalised words (with
/// "and", "of", "&", "the" between) of at most eight words.
fn meeting_of(text: &str, lower: &str) -> Option<(String, usize)> {
    const HOLDERS: [&str; 4] = [
        "meeting of stockholders of ",
        "meeting of shareholders of ",
        "meeting of the stockholders of ",
        "meeting of the shareholders of ",
    ];
    const STOPS: [&str; 11] = [
        " will ", " to be ", " at ", " is ", " on ", " (", " for ", ":", ";", ", a ", ", an ",
    ];
    let (pos, holders) = HOLDERS
        .iter()
        .filter_map(|h| lower.find(h).map(|p| (p, *h)))
        .min()?;
    let start = pos + holders.len();
    let rest = &lower[start..];
    let end = start + STOPS.iter().filter_map(|s| rest.find(s)).min()?;
    let name = text.get(start..end)?.trim_end_matches([',', ' ']);
    let words: Vec<&str> = name.split(' ').collect();
    let last = words.last()?.to_lowercase();
    if words.len() < 2 || words.len() > 8 || !NAME_ENDINGS.contains(&last.as_str()) {
        return None;
    }
    let small = ["and", "of", "&", "the", "The", "THE"];
    let named = words.iter().all(|w| {
        small.contains(w)
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    // "the Company" is no name.
    let plain = words[..words.len() - 1]
        .iter()
        .all(|w| ["the", "The", "THE", "our", "Our"].contains(w));
    (named && !plain).then(|| (name.to_owned(), start))
}

/// Words that end a company's name.
const NAME_ENDINGS: [&str; 14] = [
    "inc.",
    "inc",
    "incorporated",
    "corporation",
    "corp.",
    "company",
    "co.",
    "ltd.",
    "limited",
    "plc",
    "llc",
    "l.p.",
    "n.v.",
    "bancorp",
];

/// The company name ending at byte `end` of `text` ("Crown Crafts, Inc."):
/// capitalised words ending in [`NAME_ENDINGS`], and where it starts.
fn name_ending_at(text: &str, end: usize) -> Option<(String, usize)> {
    let head = text.get(..end)?;
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = head.len();
    for w in head.rsplit(' ') {
        let start = at - w.len();
        at = start.saturating_sub(1);
        if w.is_empty() {
            break;
        }
        if words.is_empty() {
            if !NAME_ENDINGS.contains(&w.to_lowercase().as_str()) {
                return None;
            }
            words.push((start, w));
            continue;
        }
        // A notice in capitals: "MEETING OF STOCKHOLDERS OF THE XYZ
        // COMPANY, INC." — the name starts after the meeting's words.
        let bare = w.trim_end_matches([',', ':', ';']).to_lowercase();
        if NOT_IN_NAME.contains(&bare.as_str()) {
            break;
        }
        let first = w.chars().next()?;
        let capital = first.is_uppercase() || first.is_ascii_digit() || w == "&";
        // A comma ends the name except before "Inc." ("Crafts, Inc.").
        let comma_ok = !w.ends_with(',') || words.len() == 1;
        if !capital || !comma_ok || words.len() >= 7 {
            break;
        }
        words.push((start, w));
    }
    // "... SHAREHOLDERS OF ACME CORP.": the "OF" before the name is not in it.
    if words.len() > 2
        && words
            .last()
            .is_some_and(|(_, w)| w.eq_ignore_ascii_case("of"))
    {
        words.pop();
    }
    if words.len() < 2 {
        return None;
    }
    words.reverse();
    let plain = ["The", "This", "Our", "Such", "Each", "Any"];
    if words[..words.len() - 1]
        .iter()
        .all(|(_, w)| plain.contains(w))
    {
        return None;
    }
    let start = words[0].0;
    let name = words.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" ");
    Some((name, start))
}

/// The USPS code of a state named in full or by code, as a cover page
/// writes it ("CALIFORNIA", "State of Delaware").
pub fn state_code(name: &str) -> Option<&'static str> {
    let n = name.trim();
    let n = n
        .get(..9)
        .filter(|p| p.eq_ignore_ascii_case("state of "))
        .map_or(n, |_| &n[9..]);
    crate::model::jurisdiction::state_code(n)
}

#[cfg(test)]
mod tests {
    use crate::extract::facts::Confidence;
    use crate::extract::facts::tests::{filled, get, read};

    #[test]
    fn a_proxy_cover_names_the_registrant() {
        let html = "<html><body><table><tr><td>Pinecrest Outfitters, Inc.</td></tr><tr><td>(Name of Registrant as Specified In Its Charter)</td></tr></table></body></html>";
        let found = read("p.htm", html);
        assert_eq!(
            filled(&found, "company").as_deref(),
            Some("Pinecrest Outfitters, Inc.")
        );
    }

    #[test]
    fn a_company_names_itself_in_its_sentences() {
        let defined = read(
            "d.txt",
            "Our meeting of owners of Pinecrest Outfitters, Inc. (the “Company” or “we”) comes soon.\n",
        );
        assert_eq!(
            filled(&defined, "company").as_deref(),
            Some("Pinecrest Outfitters, Inc.")
        );
        let corporation = read(
            "c.txt",
            "The annual meeting of Harrow Mills Company, a Delaware corporation, is coming.\n",
        );
        assert_eq!(
            filled(&corporation, "company").as_deref(),
            Some("Harrow Mills Company")
        );
        assert_eq!(filled(&corporation, "state").as_deref(), Some("DE"));
        let label = read("s.txt", "State of Incorporation: Ohio\n");
        assert_eq!(filled(&label, "state").as_deref(), Some("OH"));
        // A subsidiary's state is not the company's.
        let sub = read(
            "u.txt",
            "Shares are also issued by Harrow Canada Inc., a Delaware corporation and our wholly owned subsidiary.\n",
        );
        assert!(get(&sub, "state").is_none());
        let address = read(
            "a.txt",
            "Write to the Corporate Secretary, Harrow Mills, Inc., 12 Quay Street, Salem.\n",
        );
        let c = get(&address, "company").unwrap();
        assert_eq!(c.value, "Harrow Mills, Inc.");
        assert_eq!(c.confidence, Confidence::Medium);
        // "the Company" alone is no name.
        let plain = read("n.txt", "The Company (as defined) pays.\n");
        assert!(get(&plain, "company").is_none());
    }

    #[test]
    fn an_html_cover_state_cell_may_sit_lines_above_its_caption() {
        let html = "<html><body><table><tr><td>Ohio</td><td>1-2345</td><td>31-0000000</td></tr><tr><td>(State or other jurisdiction of incorporation)</td><td>(Commission File Number)</td></tr></table></body></html>";
        assert_eq!(filled(&read("c.htm", html), "state").as_deref(), Some("OH"));
        let html = "<html><body><table><tr><td>Ohio</td></tr><tr><td>1-2345</td></tr><tr><td>(State of incorporation)</td></tr></table></body></html>";
        assert_eq!(filled(&read("c.htm", html), "state").as_deref(), Some("OH"));
        // Captions as filings misprint or vary them.
        for caption in [
            "(State of other jurisdiction of incorporation)",
            "(State or jurisdiction of incorporation or organization)",
            "(State or other jurisdiction of\nincorporation or organization)",
            "(State of Incorporation)",
        ] {
            let text = format!("DELAWARE                     1-1234\n{caption}\n");
            assert_eq!(
                filled(&read("c.txt", &text), "state").as_deref(),
                Some("DE"),
                "{caption}"
            );
        }
        // A statement's caption is no state's.
        let text = "DELAWARE\n(Statements of operations, incorporated by reference)\n";
        assert!(get(&read("c.txt", text), "state").is_none());
    }

    #[test]
    fn a_state_stated_in_a_sentence_about_the_company() {
        let wordings = [
            "The Company was incorporated under Oregon law.",
            "We were incorporated under the laws of the State of Oregon.",
            "NIKE, Inc. was incorporated in 1967 under the laws of the State of Oregon.",
            "We are an Oregon corporation.",
            "The Company is an Oregon corporation with offices in Beaverton.",
            "Pinecrest Outfitters, Inc., an Oregon corporation, will hold its meeting.",
            "The Corporation is incorporated in the State of Oregon.",
            "The Registrant is organized under the laws of Oregon.",
        ];
        for w in wordings {
            let found = read("o.txt", &format!("{w}\n"));
            assert_eq!(filled(&found, "state").as_deref(), Some("OR"), "{w}");
        }
        assert_eq!(
            filled(
                &read("n.txt", "We are incorporated in the State of New York.\n"),
                "state"
            )
            .as_deref(),
            Some("NY")
        );
        // Someone else's state, a former state, a two-letter word, or
        // "incorporated by reference" are no state of the company's.
        let others = [
            "Our subsidiary was incorporated under the laws of the State of Oregon.",
            "The Company was originally incorporated in Oregon and reincorporated in Delaware.",
            "Harrow Canada is an Oregon corporation that supplies us.",
            "The Company was incorporated in or around 1990.",
            "The exhibits are incorporated in this report by reference.",
            "The documents were incorporated by reference in Oregon filings.",
            "Our supplier, incorporated under Oregon law, ships widgets.",
        ];
        for w in others {
            let found = read("x.txt", &format!("{w}\n"));
            assert!(get(&found, "state").is_none(), "{w}: {found:?}");
        }
    }

    #[test]
    fn the_company_whose_meeting_a_notice_calls() {
        for (text, name) in [
            (
                "The Annual Meeting of shareholders of Reynolds,  Smith and Hills,  Inc.\nwill be held at the offices of the Company on Tuesday, July 30, 1996.\n",
                "Reynolds, Smith and Hills, Inc.",
            ),
            (
                "We will hold the Annual Meeting of Stockholders  of Union Electric  Company\nat the principal executive offices on Thursday, April 22, 1999.\n",
                "Union Electric Company",
            ),
            (
                "The annual meeting of the shareholders of Harrow Mills Corporation is to be held on May 1, 2025.\n",
                "Harrow Mills Corporation",
            ),
        ] {
            assert_eq!(
                filled(&read("n.txt", text), "company").as_deref(),
                Some(name),
                "{text}"
            );
        }
        for text in [
            "The annual meeting of stockholders of the Company will be held on May 1, 2025.\n",
            "The annual meeting of stockholders of record will be held on May 1, 2025.\n",
            "The annual meeting of shareholders of each fund in the complex will be held on May 1, 2025.\n",
        ] {
            assert!(get(&read("n.txt", text), "company").is_none(), "{text}");
        }
    }

    #[test]
    fn a_name_in_a_notice_written_in_capitals() {
        let cases = [
            (
                "NOTICE IS HEREBY GIVEN THAT THE ANNUAL MEETING OF STOCKHOLDERS OF THE XYZ COMPANY, INC. (THE \"COMPANY\") WILL BE HELD ON MAY 8, 2025.",
                "The XYZ Company, Inc.",
            ),
            (
                "NOTICE IS HEREBY GIVEN THAT A SPECIAL MEETING OF SHAREHOLDERS OF HARROW MILLS CORP., A DELAWARE CORPORATION, WILL BE HELD ON MAY 8, 2025.",
                "Harrow Mills Corp.",
            ),
            (
                "THE 2025 ANNUAL MEETING OF SHAREHOLDERS OF 3M BANK OF THE OZARKS & CO. (THE \"COMPANY\") WILL BE HELD ON MAY 8, 2025.",
                "3M Bank of the Ozarks & Co.",
            ),
            (
                "NOTICE IS HEREBY GIVEN THAT THE ANNUAL MEETING OF CVS-LINK L.P. (THE \"COMPANY\") WILL BE HELD ON MAY 8, 2025.",
                "CVS-Link L.P.",
            ),
        ];
        for (sentence, name) in cases {
            let found = read("n.txt", &format!("{sentence}\n"));
            assert_eq!(
                filled(&found, "company").as_deref(),
                Some(name),
                "{sentence}"
            );
            assert_eq!(filled(&found, "meeting").as_deref(), Some("2025-05-08"));
        }
        // The same notice in mixed case keeps the name as written, acronym
        // and all.
        let mixed = read(
            "m.txt",
            "Notice is hereby given that the Annual Meeting of Stockholders of The IBM Holding Company, Inc. (the \"Company\") will be held on May 8, 2025.\n",
        );
        assert_eq!(
            filled(&mixed, "company").as_deref(),
            Some("The IBM Holding Company, Inc.")
        );
        // A notice in capitals whose name the filing also writes in mixed
        // case takes that spelling.
        let both = read(
            "b.txt",
            "NOTICE IS HEREBY GIVEN THAT THE ANNUAL MEETING OF STOCKHOLDERS OF HEMACARE CORPORATION (THE \"COMPANY\") WILL BE HELD ON MAY 8, 2025.\n\nHemaCare Corporation makes blood products.\n",
        );
        assert_eq!(
            filled(&both, "company").as_deref(),
            Some("HemaCare Corporation")
        );
        assert_eq!(
            super::title_case("THE XYZ COMPANY, INC."),
            "The XYZ Company, Inc."
        );
        assert_eq!(
            super::title_case("COCA-COLA BOTTLING CO."),
            "Coca-Cola Bottling Co."
        );
    }
}
