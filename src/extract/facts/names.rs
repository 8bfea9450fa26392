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
        let caption = ["(state or other jurisdiction", "(state of incorporation"]
            .iter()
            .find_map(|c| lower.find(c));
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
    // Name, a Delaware corporation.
    for (pos, _) in lower.match_indices(", a ") {
        let rest = &lower[pos + 4..];
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
        let Some(code) = text.get(pos + 4..pos + 4 + corp).and_then(state_code) else {
            continue;
        };
        states.push((code, pos + 4));
        if let Some((name, at)) = name_ending_at(text, pos) {
            company(
                name,
                at,
                Confidence::High,
                "the company named as a corporation of its state",
            );
        }
    }
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
        let first = w.chars().next()?;
        let capital = first.is_uppercase() || first.is_ascii_digit() || w == "&";
        // A comma ends the name except before "Inc." ("Crafts, Inc.").
        let comma_ok = !w.ends_with(',') || words.len() == 1;
        if !capital || !comma_ok || words.len() >= 7 {
            break;
        }
        words.push((start, w));
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
    }
}
