//! Meeting facts read from SEC filings (`govcal extract`): an 8-K that
//! announces a meeting, a proxy statement, as plain text, EDGAR HTML or a
//! full-submission `.txt`.
//!
//! Every value comes with the line and column of the sentence it was read
//! from and a confidence; a value the filing contradicts is marked unsure
//! and left out of the facts file (written there as a comment), never
//! filled in silently.

pub mod dates;
mod entities;
pub mod facts;
pub mod offsets;
pub mod printed;
pub mod text;

use std::fmt::Write as _;
use std::sync::Arc;

use serde::Serialize;

use crate::diag::{Diagnostic, SourceFile};

pub use facts::{Confidence, Finding, Note};
pub use text::Format;

/// What a filing says about its meeting.
#[derive(Debug, Serialize)]
pub struct Extraction {
    /// The file as the user named it.
    pub file: String,
    /// How it was written.
    pub format: Format,
    /// The facts found, in facts-file order.
    pub facts: Vec<Finding>,
    /// What the filing says that is no fact's value (a meeting put off
    /// with no new date); left out of JSON when there is none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Deadlines printed for next year's meeting (proxy statements).
    pub printed: Vec<printed::Printed>,
    /// Dates written that do not exist (`February 30, 2026`): passed over
    /// when facts are read, and noted.
    pub skipped: Vec<Skipped>,
    /// The file's text, for locations.
    #[serde(skip)]
    pub source: Arc<SourceFile>,
}

/// A date in the filing that does not exist.
#[derive(Debug, Serialize)]
pub struct Skipped {
    /// 1-based line and column in the file.
    pub line: usize,
    /// See `line`.
    pub column: usize,
    /// As written.
    pub written: String,
    /// Why it is not a date: `February 2026 has 28 days`.
    pub reason: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "`{}` at {}:{} is not a date ({}); it was passed over",
            self.written, self.line, self.column, self.reason
        )
    }
}

impl Extraction {
    /// The finding for `fact`, if any.
    pub fn get(&self, fact: &str) -> Option<&Finding> {
        self.facts.iter().find(|f| f.fact == fact)
    }
}

/// Reads a filing and returns whatever it states, with or without a
/// meeting date.
///
/// # Errors
///
/// A diagnostic for an empty or binary file.
pub fn read_all(name: &str, bytes: &[u8]) -> Result<Extraction, Vec<Diagnostic>> {
    let doc = match text::read(name, bytes) {
        Ok(doc) => doc,
        Err((source, why)) => {
            let d = match why {
                text::Unreadable::Empty => Diagnostic::error(&source, 0..0, "the file is empty: there is no filing to read")
                    .with_help("give the filing as plain text, EDGAR HTML or a full-submission .txt"),
                text::Unreadable::Binary(at) => Diagnostic::error(
                    &source,
                    at..at + 1,
                    "this is a binary file, not a filing's text",
                )
                .with_help("give the filing as plain text, EDGAR HTML or a full-submission .txt (a PDF must be converted to text first)"),
            };
            return Err(vec![d]);
        }
    };
    let (mut found, notes) = facts::find_with_notes(&doc);
    let date_of = |fact: &str| {
        found
            .iter()
            .find(|f| f.fact == fact)
            .and_then(|f| chrono::NaiveDate::parse_from_str(&f.value, "%Y-%m-%d").ok())
    };
    // Next year's dates come after this year's proxy statement is sent;
    // failing both, after the first date a proxy statement prints. Next
    // year's meeting, as the filing expects it, is never this year's.
    let next = printed::next_meeting(&doc, None);
    let meeting = date_of("meeting").filter(|m| Some(*m) != next);
    let after = date_of("proxy_release")
        .or_else(|| meeting.and_then(|m| m.checked_sub_signed(chrono::TimeDelta::days(60))))
        .or_else(|| printed::fallback_anchor(&doc));
    let printed = after.map_or_else(Vec::new, |a| printed::find_around(&doc, a, meeting));
    // A filing that prints the deadlines for the meeting it expects next
    // ("our next annual meeting is expected to be held on May 15, 2026")
    // is a proxy statement for an earlier one: that date is next year's
    // meeting, not the meeting this filing is for.
    if let Some(n) = next.filter(|n| meeting.is_none() && printed.iter().any(|p| p.closes < *n)) {
        if let Some(m) = found
            .iter_mut()
            .find(|f| f.fact == "meeting" && f.value == n.to_string())
        {
            m.sure = false;
            let why = "the filing prints the deadlines for this date's meeting: it is next year's meeting, not the one the filing is for";
            m.note = Some(
                m.note
                    .take()
                    .map_or_else(|| why.to_owned(), |o| format!("{o}; {why}")),
            );
        }
    }
    let mut skipped = Vec::new();
    for s in &doc.sentences {
        for bad in dates::scan(&s.text).1 {
            let (line, column) = doc.source.line_col(s.offset(bad.span.start));
            skipped.push(Skipped {
                line,
                column,
                written: s.text[bad.span].to_owned(),
                reason: bad.reason,
            });
        }
    }
    skipped.dedup_by(|a, b| (a.line, a.column) == (b.line, b.column));
    Ok(Extraction {
        file: name.to_owned(),
        format: doc.format,
        facts: found,
        notes,
        printed,
        skipped,
        source: Arc::clone(&doc.source),
    })
}

/// Reads a filing that must state a meeting date.
///
/// # Errors
///
/// A diagnostic for an empty or binary file, or one in which no meeting
/// date was found (its help lists what was found).
pub fn extract(name: &str, bytes: &[u8]) -> Result<Extraction, Vec<Diagnostic>> {
    let extraction = read_all(name, bytes)?;
    if extraction.get("meeting").is_none() {
        let mut help = if extraction.facts.is_empty() {
            "no meeting facts were found at all; give the dates with `--meeting` and the other fact flags".to_owned()
        } else {
            format!(
                "found only: {}; give the meeting date with `--meeting`",
                found_list(&extraction)
            )
        };
        for n in &extraction.notes {
            let _ = write!(help, "; {n}");
        }
        for k in &extraction.skipped {
            let _ = write!(help, "; {k}");
        }
        return Err(vec![
            Diagnostic::error(&extraction.source, 0..0, NO_MEETING).with_help(help),
        ]);
    }
    Ok(extraction)
}

const NO_MEETING: &str = "no meeting date found in this filing";

/// The facts found, `fact value` joined by commas.
fn found_list(x: &Extraction) -> String {
    let seen: Vec<String> = x
        .facts
        .iter()
        .map(|f| format!("{} {}", f.fact, f.value))
        .collect();
    seen.join(", ")
}

/// For a filing that states no meeting date (a 10-K, say), the warning
/// that goes with the facts it does state: what was found, and that
/// `meeting` is to be written in by hand. `None` when a meeting date was
/// found (sure or not).
pub fn no_meeting_warning(x: &Extraction) -> Option<Diagnostic> {
    if x.get("meeting").is_some() {
        return None;
    }
    let mut help = if x.facts.is_empty() {
        "nothing else was found either; ".to_owned()
    } else {
        format!("the facts file has what it states ({}); ", found_list(x))
    };
    help.push_str("write the meeting date in by hand under [facts] (`meeting = YYYY-MM-DD`) before `govcal deadlines` reads the file");
    for n in &x.notes {
        let _ = write!(help, "; {n}");
    }
    for k in &x.skipped {
        let _ = write!(help, "; {k}");
    }
    Some(Diagnostic::warning(&x.source, 0..0, NO_MEETING).with_help(help))
}

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn comment_text(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The facts file for an extraction: each value under a comment giving
/// its place, confidence and sentence; unsure values commented out.
pub fn to_toml(x: &Extraction) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Facts read by govcal from {} ({}).",
        comment_text(&x.file),
        match x.format {
            Format::Text => "plain text",
            Format::Html => "HTML",
            Format::Submission => "EDGAR full submission",
        }
    );
    out.push_str("# Check each value against the filing at the line and column given.\n");
    let no_meeting = x.get("meeting").is_none();
    if no_meeting {
        out.push_str(
            "#\n# NO MEETING DATE was found in this filing: write it in by hand below\n\
             # (`meeting = YYYY-MM-DD`) before running `govcal deadlines` on this file.\n",
        );
    }
    for n in &x.notes {
        let _ = writeln!(
            out,
            "#\n# note: {}:{}:{}: {}\n#   {}",
            comment_text(&x.file),
            n.line,
            n.column,
            comment_text(&n.text),
            comment_text(&n.evidence)
        );
    }
    let write = |out: &mut String, f: &Finding| {
        let _ = writeln!(
            out,
            "\n# {}:{}:{} ({:?} confidence): {}",
            comment_text(&x.file),
            f.line,
            f.column,
            f.confidence,
            comment_text(&f.evidence)
        );
        if let Some(n) = &f.note {
            let _ = writeln!(out, "# note: {}", comment_text(n));
        }
        let value = match f.fact {
            "company" | "state" | "meeting_kind" => toml_string(&f.value),
            _ => f.value.clone(),
        };
        let key = if f.fact == "company" { "name" } else { f.fact };
        if f.sure {
            let _ = writeln!(out, "{key} = {value}");
        } else if f.confidence == Confidence::Low {
            let _ = writeln!(out, "# LOW CONFIDENCE, not filled in: {key} = {value}");
        } else {
            let _ = writeln!(out, "# UNSURE, not filled in: {key} = {value}");
        }
    };
    out.push_str("\n[company]\n");
    if x.get("company").is_none() {
        let _ = writeln!(
            out,
            "\n# NOT FOUND in the filing: write the company's name here.\nname = {}",
            toml_string(&format!("(company named in {})", x.file))
        );
    }
    for f in x
        .facts
        .iter()
        .filter(|f| matches!(f.fact, "company" | "state"))
    {
        write(&mut out, f);
    }
    out.push_str("\n[facts]\n");
    if no_meeting {
        out.push_str("\n# NOT FOUND in the filing: the meeting date, to write in here.\n# meeting = YYYY-MM-DD\n");
    }
    for f in x
        .facts
        .iter()
        .filter(|f| !matches!(f.fact, "company" | "state"))
    {
        write(&mut out, f);
    }
    for k in &x.skipped {
        let _ = writeln!(out, "\n# note: {}", comment_text(&k.to_string()));
    }
    out
}

/// The JSON form: file, format and each fact with value, confidence,
/// sure, line, column, evidence and note.
pub fn to_json(x: &Extraction) -> String {
    let mut s = serde_json::to_string_pretty(x).unwrap_or_else(|_| "{}".to_owned());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence broken by a page footer and `<PAGE>` marker reads whole;
    /// page numbers are not text.
    #[test]
    fn page_breaks_inside_a_sentence_are_undone() {
        let text = "The annual meeting of shareholders will be held on\n\n                 -2-\n<PAGE>  3\n\nJune 15, 2004, at the offices.\n\n   7\n";
        let x = extract("p.txt", text.as_bytes()).unwrap();
        let meeting = x.get("meeting").unwrap();
        assert_eq!(meeting.value, "2004-06-15");
        assert_eq!((meeting.line, meeting.column), (6, 1));
        assert_eq!(
            meeting.evidence,
            "The annual meeting of shareholders will be held on June 15, 2004, at the offices."
        );
    }

    #[test]
    fn two_different_meeting_dates_are_unsure_and_not_filled_in() {
        let text = "The annual meeting will be held on May 25, 2004.\n\nThe annual meeting will be held on June 1, 2004.\n";
        let x = extract("two.txt", text.as_bytes()).unwrap();
        let m = x.get("meeting").unwrap();
        assert!(!m.sure);
        assert!(m.note.as_deref().unwrap().contains("the filing also gives"));
        let toml = to_toml(&x);
        assert!(
            toml.contains("# UNSURE, not filled in: meeting = "),
            "{toml}"
        );
        assert!(!toml.contains("\nmeeting = "), "{toml}");
    }

    #[test]
    fn an_expected_meeting_whose_deadlines_are_printed_is_next_years() {
        let deadline = "\n\nShareholders who wish to present proposals in accordance with SEC Rule 14a-8 for inclusion in our proxy materials for our 2026 annual meeting must submit them no later than November 26, 2025.\n";
        for expected in [
            "Our next annual meeting is expected to be held on May 15, 2026.",
            "We anticipate that our 2026 Annual Meeting of Shareholders will be held on May 15, 2026.",
        ] {
            let x = read_all("p.txt", format!("{expected}{deadline}").as_bytes()).unwrap();
            assert!(x.get("meeting").is_none_or(|m| !m.sure), "{expected}");
            assert_eq!(x.printed.len(), 1, "{expected}");
        }
        // A report that only names the coming meeting gives it.
        let x = read_all(
            "k.txt",
            b"Our next annual meeting is expected to be held on May 15, 2026.\n",
        )
        .unwrap();
        assert!(x.get("meeting").is_some_and(|m| m.sure));
    }

    #[test]
    fn next_years_meeting_is_not_this_meeting() {
        let text = "The 2025 annual meeting of stockholders will be held on Thursday, May 15, 2025.\n\nWe anticipate that our 2026 annual meeting will be held on May 14, 2026.\n";
        let x = extract("proxy.htm", text.as_bytes()).unwrap();
        let m = x.get("meeting").unwrap();
        assert_eq!(m.value, "2025-05-15");
        assert!(m.sure);
    }

    /// An `&` followed by characters of several bytes, with no `;` near:
    /// the entity reader once sliced a string inside a character here.
    #[test]
    fn an_ampersand_before_wide_characters_is_read_as_text() {
        let text =
            "<p>Smith &  ȺȺȺȺȺȺ Holdings</p><p>The meeting will be held on May 25, 2004.</p>";
        let x = extract("x.htm", text.as_bytes()).unwrap();
        assert_eq!(x.get("meeting").unwrap().value, "2004-05-25");
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600)) {
            let _ = extract("x.txt", &bytes);
        }

        #[test]
        fn filing_like_text_never_panics(s in "([A-Za-z0-9 ,.;:<>&#/\n\t-]|é|Ⱥ|€|’|meeting|will be held on|record date|May 25, 2004|<PAGE>|&nbsp;|<td>){0,80}") {
            if let Ok(x) = extract("x.htm", s.as_bytes()) {
                let _ = to_toml(&x);
                let _ = to_json(&x);
            }
        }
    }
}
