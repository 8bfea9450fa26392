//! The meeting facts a filing states, each with the sentence it came from.
//!
//! Dates are assigned by the words just before them ("will be held on",
//! "of record at the close of business on", "mailed on or about", "press
//! release dated"), so one sentence can give several facts. Every place a
//! fact is stated is a candidate; when they disagree the value is marked
//! unsure and is not filled in.
//!
//! Each reader is its own file: `header` (the SGML header), `names` (the
//! company's name and state, from the cover page and its sentences),
//! `cues` (dates made facts by the words around them), `release` (the
//! proxy statement's release in the wordings a plain cue misses) and
//! `labels` (dates in a table of labels and values). This file gathers
//! their candidates and chooses among them.

mod cues;
mod header;
mod labels;
mod moved;
mod names;
mod release;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::text::Doc;
use cues::sentence_facts;
use header::header_facts;
use labels::label_facts;
use moved::moved_facts;
use names::{cover_facts, name_facts};

pub use names::state_code;

/// How sure the reading is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Inferred from indirect wording (a filing date taken as the announcement).
    Low,
    /// Stated, but loosely ("on or about", a cover-page guess).
    Medium,
    /// Stated plainly, or in the SGML header.
    High,
}

/// One fact found in a filing.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The fact's name in a facts file (`meeting`, `record_date`) or
    /// `company`, `state`.
    pub fact: &'static str,
    /// The value as a facts file writes it (`2004-05-25`, `CA`, `annual`).
    pub value: String,
    /// How sure the reading is.
    pub confidence: Confidence,
    /// False when the filing gives different values: then the value is the
    /// likeliest one, and it is not filled in.
    pub sure: bool,
    /// 1-based line and column of the evidence in the file.
    pub line: usize,
    /// Column (in characters).
    pub column: usize,
    /// The sentence or header line it comes from.
    pub evidence: String,
    /// What to know: "on or about", the other values found.
    pub note: Option<String>,
}

/// Something the filing says that is no fact's value: a meeting put off
/// with no new date.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    /// 1-based line of the evidence in the file.
    pub line: usize,
    /// Column (in characters).
    pub column: usize,
    /// What the filing says, in a sentence.
    pub text: String,
    /// The sentence it is read from.
    pub evidence: String,
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} (line {}, column {})",
            self.text, self.line, self.column
        )
    }
}

struct Candidate {
    value: String,
    confidence: Confidence,
    offset: usize,
    evidence: String,
    note: Option<String>,
    /// Where the value comes from, best first: only candidates of the best
    /// rank present are weighed (a cover page's name before the SGML
    /// header's abbreviation; the header's fiscal year end before a
    /// 52/53-week date in the text). The others are still noted.
    rank: u8,
}

/// The most days a proxy statement is taken to be sent before its
/// meeting; an earlier release date in the filing is another year's.
const MAX_RELEASE_LEAD: i64 = 180;

/// Reads every fact from `doc`.
pub fn find(doc: &Doc) -> Vec<Finding> {
    find_with_notes(doc).0
}

/// Reads every fact from `doc`, and the notes that belong to no fact (a
/// meeting put off with no date).
pub fn find_with_notes(doc: &Doc) -> (Vec<Finding>, Vec<Note>) {
    let mut found: BTreeMap<&'static str, Vec<Candidate>> = BTreeMap::new();
    let mut add = |fact: &'static str, c: Candidate| found.entry(fact).or_default().push(c);
    header_facts(doc, &mut add);
    cover_facts(doc, &mut add);
    for s in &doc.sentences {
        sentence_facts(s, &mut add);
        moved_facts(s, &mut add);
        name_facts(s, &mut add);
    }
    label_facts(doc, &mut add);
    labels::announced_today(doc, &mut add);
    let ended: Vec<NaiveDate> = found
        .remove("fiscal_year_ended")
        .unwrap_or_default()
        .iter()
        .filter_map(|c| NaiveDate::parse_from_str(&c.value, "%Y-%m-%d").ok())
        .collect();
    let moved = moved::settle(doc, &mut found);
    settle_meeting(&mut found);
    // A date a sentence gives as the record date is not the meeting's,
    // which the record date always precedes ("established December 15 as
    // the new date for the meeting, and September 30 as the record date
    // for stockholders entitled to vote at the meeting").
    let record_dates: BTreeSet<String> = found
        .get("record_date")
        .into_iter()
        .flatten()
        .filter(|c| c.confidence > Confidence::Low)
        .map(|c| c.value.clone())
        .collect();
    if let Some(meeting) = found.get_mut("meeting") {
        meeting.retain(|c| !record_dates.contains(&c.value));
    }
    let mut findings = Vec::new();
    let mut meeting = found.get("meeting").and_then(|c| decide(doc, "meeting", c));
    if let (Some(m), Some(doubt)) = (meeting.as_mut(), moved.doubt) {
        m.sure = false;
        m.note = Some(
            m.note
                .take()
                .map_or(doubt.clone(), |o| format!("{o}; {doubt}")),
        );
    }
    let meeting_date = meeting
        .as_ref()
        .filter(|m| m.sure)
        .and_then(|m| NaiveDate::parse_from_str(&m.value, "%Y-%m-%d").ok());
    for (fact, candidates) in &mut found {
        if *fact == "meeting" {
            continue;
        }
        // A record date, a proxy statement's release and an announcement
        // come before the meeting they are for; a later date beside the
        // same words is next year's (a printed deadline).
        if let Some(m) = meeting_date {
            if matches!(*fact, "record_date" | "proxy_release" | "announcement") {
                candidates.retain(|c| {
                    NaiveDate::parse_from_str(&c.value, "%Y-%m-%d").map_or(true, |d| d < m)
                });
            }
            // This year's proxy statement goes out after the record date,
            // which state laws put at most 60 to 90 days before the
            // meeting; a release half a year or more before it is an
            // earlier year's, cited (the 14a-8 anniversary), not this one.
            if *fact == "proxy_release" {
                candidates.retain(|c| {
                    NaiveDate::parse_from_str(&c.value, "%Y-%m-%d")
                        .map_or(true, |d| (m - d).num_days() <= MAX_RELEASE_LEAD)
                });
            }
        }
        if let Some(mut f) = decide(doc, fact, candidates) {
            if *fact == "record_date" && meeting.is_none() {
                f.sure = false;
                let n = "no meeting is named in this filing: a record date without one may be for something else (a distribution)";
                f.note = Some(
                    f.note
                        .take()
                        .map_or_else(|| n.to_owned(), |o| format!("{o}; {n}")),
                );
            }
            findings.push(f);
        }
    }
    // The kind of meeting: stated beside the meeting date, else the kind
    // most mentioned.
    if let Some(meeting) = meeting {
        let kind = meeting_kind(doc, &meeting);
        findings.push(meeting);
        findings.push(kind);
    }
    let filed = doc
        .header
        .get("FILED AS OF DATE")
        .and_then(|(v, _)| NaiveDate::parse_from_str(v, "%Y%m%d").ok());
    fiscal_year_before_meeting(&mut findings, filed, &ended);
    let order = [
        "company",
        "state",
        "meeting_kind",
        "meeting",
        "prior_meeting",
        "announcement",
        "record_date",
        "proxy_release",
        "fiscal_year_end",
    ];
    findings.sort_by_key(|f| order.iter().position(|o| *o == f.fact));
    (findings, moved.off.into_iter().collect())
}

/// A meeting told in the past tense ("was held on") is the filing's meeting
/// when no coming meeting is named (a results report), else last year's
/// when it is about a year earlier. A planned meeting ("anticipates holding
/// its annual meeting on") is the meeting only when nothing else is.
fn settle_meeting(found: &mut BTreeMap<&'static str, Vec<Candidate>>) {
    let held = found.remove("held_meeting").unwrap_or_default();
    let planned = found.remove("planned_meeting").unwrap_or_default();
    let has_meeting = found.get("meeting").is_some_and(|c| !c.is_empty());
    if !has_meeting {
        if held.is_empty() {
            if !planned.is_empty() {
                found.insert("meeting", planned);
            }
        } else {
            found.insert("meeting", held);
        }
        return;
    }
    let dates: Vec<NaiveDate> = found
        .get("meeting")
        .into_iter()
        .flatten()
        .filter_map(|c| NaiveDate::parse_from_str(&c.value, "%Y-%m-%d").ok())
        .collect();
    for c in held {
        let Ok(d) = NaiveDate::parse_from_str(&c.value, "%Y-%m-%d") else {
            continue;
        };
        let year_before = dates
            .iter()
            .any(|m| (200..=550).contains(&(*m - d).num_days()));
        if year_before {
            found.entry("prior_meeting").or_default().push(c);
        }
    }
}

fn decide(doc: &Doc, fact: &'static str, all: &[Candidate]) -> Option<Finding> {
    let rank = all.iter().map(|c| c.rank).min()?;
    let candidates: Vec<&Candidate> = all.iter().filter(|c| c.rank == rank).collect();
    let mut counts: BTreeMap<&str, (usize, Confidence)> = BTreeMap::new();
    for c in &candidates {
        let e = counts
            .entry(c.value.as_str())
            .or_insert((0, Confidence::Low));
        e.0 += 1;
        e.1 = e.1.max(c.confidence);
    }
    // The value stated most (with the best confidence), earliest first.
    let best = counts
        .iter()
        .max_by(|a, b| (a.1.1, a.1.0).cmp(&(b.1.1, b.1.0)))
        .map(|(v, _)| (*v).to_owned())?;
    let (best_count, best_conf) = counts[best.as_str()];
    let mut everything: BTreeMap<&str, usize> = BTreeMap::new();
    for c in all {
        *everything.entry(c.value.as_str()).or_insert(0) += 1;
    }
    let others: Vec<String> = everything
        .iter()
        .filter(|(v, _)| **v != best)
        .map(|(v, n)| format!("{v} ({n}×)"))
        .collect();
    let other_count: usize = counts
        .iter()
        .filter(|(v, (_, c))| **v != best && *c >= best_conf)
        .map(|(_, (n, _))| n)
        .sum();
    // Company names and states may be spelt differently in the header and
    // on the cover; prefer the header and do not call that a conflict.
    let textual = matches!(fact, "company");
    // A value read only from indirect wording is shown, not filled in.
    let sure = (textual || other_count == 0 || best_count > 2 * other_count)
        && best_conf > Confidence::Low;
    let first = candidates.iter().find(|c| c.value == best)?;
    let (line, column) = doc.source.line_col(first.offset);
    let mut note = first.note.clone();
    if !others.is_empty() && !textual {
        let also = format!("the filing also gives {}", others.join(", "));
        note = Some(match note {
            Some(n) => format!("{n}; {also}"),
            None => also,
        });
    }
    let mut value = best.clone();
    if fact == "company" {
        value = display_name(doc, &best, first.rank);
    }
    Some(Finding {
        fact,
        value,
        confidence: first.confidence.max(best_conf.min(first.confidence)),
        sure,
        line,
        column,
        evidence: shorten(&first.evidence),
        note,
    })
}

/// A name written in capitals on a cover page, in the case the text uses
/// (`HEMACARE CORPORATION` → `HemaCare Corporation`) when the text has it.
/// Otherwise a cover page's or SGML header's capitals (ranks 0 and 2: the
/// name as registered) stay, and a name read from a sentence in capitals
/// (rank 1, a notice) is title-cased by [`names::title_case`].
fn display_name(doc: &Doc, name: &str, rank: u8) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_owned();
    }
    let lower = name.to_lowercase();
    for s in &doc.sentences {
        let sl = s.text.to_lowercase();
        if let Some(pos) = sl.find(&lower) {
            if sl.len() == s.text.len() {
                let candidate = s.text.get(pos..pos + lower.len()).unwrap_or("");
                if candidate.chars().any(char::is_lowercase) {
                    return candidate.to_owned();
                }
            }
        }
    }
    if rank == 1 {
        return names::title_case(name);
    }
    name.to_owned()
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= 320 {
        return s.to_owned();
    }
    let cut: String = s.chars().take(317).collect();
    format!("{cut}...")
}

fn meeting_kind(doc: &Doc, meeting: &Finding) -> Finding {
    let evidence = meeting.evidence.to_lowercase();
    let (kind, confidence, why) = if evidence.contains("special meeting") {
        ("special", Confidence::High, meeting.evidence.clone())
    } else if evidence.contains("annual meeting") {
        ("annual", Confidence::High, meeting.evidence.clone())
    } else {
        // Sentence by sentence: the whole text lowered at once is another
        // copy of a filing that may be 64 MiB.
        let (mut annual, mut special) = (0, 0);
        for s in &doc.sentences {
            let text = s.text.to_lowercase();
            annual += text.matches("annual meeting").count();
            special += text.matches("special meeting").count();
        }
        if special > annual {
            (
                "special",
                Confidence::Medium,
                format!("\"special meeting\" {special} times, \"annual meeting\" {annual} times"),
            )
        } else {
            (
                "annual",
                Confidence::Medium,
                format!("\"annual meeting\" {annual} times, \"special meeting\" {special} times"),
            )
        }
    };
    Finding {
        fact: "meeting_kind",
        value: kind.to_owned(),
        confidence,
        sure: true,
        line: meeting.line,
        column: meeting.column,
        evidence: shorten(&why),
        note: None,
    }
}

/// A fiscal year end read as month and day (`--12-31`) becomes the last such
/// day before the meeting or, when the filing names no meeting, before the
/// date it was filed; failing both, the latest year end the filing reports
/// as ended on that day ("for the fiscal year ended June 30, 1999"). A
/// facts file holds full dates.
fn fiscal_year_before_meeting(
    findings: &mut Vec<Finding>,
    filed: Option<NaiveDate>,
    ended: &[NaiveDate],
) {
    let meeting = findings
        .iter()
        .find(|f| f.fact == "meeting")
        .and_then(|f| NaiveDate::parse_from_str(&f.value, "%Y-%m-%d").ok());
    let Some(fye) = findings.iter_mut().find(|f| f.fact == "fiscal_year_end") else {
        return;
    };
    let Some(md) = fye.value.strip_prefix("--") else {
        return;
    };
    let Some((m, d)) = md.split_once('-') else {
        return;
    };
    let (Ok(m), Ok(d)) = (m.parse::<u32>(), d.parse::<u32>()) else {
        return;
    };
    let (anchor, what) = match (meeting, filed) {
        (Some(meeting), _) => (meeting, "the meeting"),
        (None, Some(filed)) => (filed, "the filing date"),
        (None, None) => {
            let reported = ended
                .iter()
                .filter(|e| e.month() == m && e.day() == d)
                .max();
            if let Some(r) = reported {
                fye.value = r.to_string();
                let n = "the fiscal year end the filing reports".to_owned();
                fye.note = Some(fye.note.take().map_or(n.clone(), |o| format!("{o}; {n}")));
                return;
            }
            fye.sure = false;
            fye.note = Some("month and day only, and no meeting date to place it".to_owned());
            return;
        }
    };
    let mut year = anchor.year();
    let date = loop {
        match NaiveDate::from_ymd_opt(year, m, d) {
            Some(x) if x < anchor => break Some(x),
            _ if year < anchor.year() - 2 => break None,
            _ => year -= 1,
        }
    };
    if let Some(date) = date {
        fye.value = date.to_string();
        let n = format!("the last fiscal year end before {what}");
        fye.note = Some(fye.note.take().map_or(n.clone(), |o| format!("{o}; {n}")));
    }
    findings.retain(|f| !(f.fact == "fiscal_year_end" && f.value.starts_with("--") && f.sure));
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn read(name: &str, text: &str) -> Vec<Finding> {
        let doc = super::super::text::read(name, text.as_bytes()).unwrap();
        find(&doc)
    }

    pub(super) fn get<'a>(found: &'a [Finding], fact: &str) -> Option<&'a Finding> {
        found.iter().find(|f| f.fact == fact)
    }

    /// The value a facts file would hold: sure, and not low confidence.
    pub(super) fn filled(found: &[Finding], fact: &str) -> Option<String> {
        get(found, fact)
            .filter(|f| f.sure && f.confidence > Confidence::Low)
            .map(|f| f.value.clone())
    }

    pub(super) const HEADER: &str = "<SEC-DOCUMENT>x.txt : 19990104\n<SEC-HEADER>\nFILED AS OF DATE:\t\t19990104\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tBLUEFIN LEASING CORP\n\t\tSTATE OF INCORPORATION:\t\t\tNV\n\t\tFISCAL YEAR END:\t\t\t0331\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n";

    #[test]
    fn the_cover_name_wins_over_the_headers_abbreviation() {
        let text = format!(
            "{HEADER}\n                 BLUEFIN LEASING CORPORATION\n      -------------------------------------\n      (Exact name of registrant as specified in its charter)\n\n</TEXT>\n</DOCUMENT>\n"
        );
        let found = read("b.txt", &text);
        assert_eq!(
            filled(&found, "company").as_deref(),
            Some("BLUEFIN LEASING CORPORATION")
        );
        // Without a cover the header still names the company.
        let found = read("b.txt", &format!("{HEADER}Nothing here.\n</TEXT>\n"));
        assert_eq!(
            filled(&found, "company").as_deref(),
            Some("BLUEFIN LEASING CORP")
        );
    }

    #[test]
    fn a_record_date_needs_a_meeting() {
        // A trust's distribution table: no vote, no meeting.
        let text = format!(
            "{HEADER}SERVICER: Bluefin Leasing Corp RECORD DATE: December 20, 1998 PAYMENT DATE: January 4, 1999\n</TEXT>\n"
        );
        assert!(get(&read("b.txt", &text), "record_date").is_none());
        // Voting words but no meeting date: shown, never filled in.
        let found = read(
            "r.txt",
            "Holders of record at the close of business on March 2, 2020 may vote on the merger.\n",
        );
        let r = get(&found, "record_date").unwrap();
        assert_eq!(r.value, "2020-03-02");
        assert!(!r.sure);
        assert!(r.note.as_deref().unwrap().contains("no meeting"));
    }

    #[test]
    fn a_meeting_already_held_is_the_filings_meeting_when_none_is_coming() {
        let found = read(
            "q.txt",
            "Item 4. The annual meeting of shareholders was held on June 3, 1999.\n",
        );
        assert_eq!(filled(&found, "meeting").as_deref(), Some("1999-06-03"));
        assert_eq!(filled(&found, "meeting_kind").as_deref(), Some("annual"));
        let found = read(
            "k.txt",
            "On May 9, 2023, the company held its 2023 Annual Meeting of Stockholders.\n",
        );
        assert_eq!(filled(&found, "meeting").as_deref(), Some("2023-05-09"));
        // Beside a coming meeting, a meeting held a year before is the prior one.
        let found = read(
            "p.txt",
            "The annual meeting will be held on June 4, 2024.\n\nOur annual meeting was held on June 6, 2023.\n",
        );
        assert_eq!(filled(&found, "meeting").as_deref(), Some("2024-06-04"));
        assert_eq!(
            filled(&found, "prior_meeting").as_deref(),
            Some("2023-06-06")
        );
    }

    #[test]
    fn a_planned_meeting_is_the_meeting_only_when_nothing_else_is() {
        let found = read(
            "q.txt",
            "The Company anticipates holding its annual meeting of shareholders on April 5,\n2001.\n",
        );
        let m = get(&found, "meeting").unwrap();
        assert_eq!(m.value, "2001-04-05");
        assert_eq!(m.confidence, Confidence::Medium);
        assert!(m.sure);
        let found = read(
            "p.txt",
            "The annual meeting will be held on June 4, 2024.\n\nThe Company anticipates holding its annual meeting of shareholders on June 3, 2025.\n",
        );
        assert_eq!(filled(&found, "meeting").as_deref(), Some("2024-06-04"));
    }

    #[test]
    fn a_record_date_or_release_after_the_meeting_is_next_years() {
        let found = read(
            "p.txt",
            "The annual meeting will be held on June 4, 2024.\n\nThe record date for the meeting is April 8, 2024.\n\nThe record date for the next annual meeting is April 9, 2025.\n",
        );
        let r = get(&found, "record_date").unwrap();
        assert_eq!(r.value, "2024-04-08");
        assert!(r.sure);
    }

    proptest::proptest! {
        #[test]
        fn name_and_label_readers_never_panic(s in "(\\PC|İ|Inc\\.| \\(| Company|, a Delaware corporation|State of Incorporation: |, P.O. Box|Date and Time:|Record Date|\n|<div>|held its annual meeting|May 5, 2024){0,40}") {
            if let Ok(doc) = super::super::text::read("x.htm", s.as_bytes()) {
                let _ = find(&doc);
            }
        }
    }

    #[test]
    fn the_headers_fiscal_year_end_wins_and_is_placed_by_the_filing_date() {
        let text =
            format!("{HEADER}Results for the fiscal year ended March 28, 1998 follow.\n</TEXT>\n");
        let found = read("b.txt", &text);
        let f = get(&found, "fiscal_year_end").unwrap();
        assert_eq!(f.value, "1998-03-31");
        assert!(f.sure);
        assert!(f.note.as_deref().unwrap().contains("filing date"), "{f:?}");
    }

    #[test]
    fn a_date_given_as_the_record_date_is_not_the_meetings() {
        for text in [
            "The Board has established December 15, 2016 as the new date for the Annual Meeting, and established September 30, 2016 as the record date for stockholders entitled to notice of and to vote at the meeting.\n",
            "The annual meeting will be held on June 3, 2026. Stockholders of record on April 24, 2026 may vote at the meeting; April 24, 2026 is the record date for the meeting.\n",
        ] {
            let found = read("r.txt", text);
            let meeting = get(&found, "meeting").unwrap();
            assert!(meeting.sure, "{text}: {meeting:?}");
            assert!(
                !meeting.note.as_deref().unwrap_or("").contains("also gives"),
                "{text}: {meeting:?}"
            );
        }
    }

    #[test]
    fn a_fiscal_year_reported_as_ended_places_itself_when_nothing_else_does() {
        for (text, want) in [
            (
                "ANNUAL REPORT For the fiscal year ended June 30, 1999.\n",
                "1999-06-30",
            ),
            (
                "For the Fiscal Year Ended June 30, 2024\n\nResults for the fiscal year ended June 30, 2023 were restated.\n",
                "2024-06-30",
            ),
        ] {
            assert_eq!(
                filled(&read("k.txt", text), "fiscal_year_end").as_deref(),
                Some(want),
                "{text}"
            );
        }
        // A year "ending" is the one under way: month and day only, unsure.
        let found = read(
            "k.txt",
            "Our auditors for the fiscal year ending June 30, 2025 are named below.\n",
        );
        assert!(filled(&found, "fiscal_year_end").is_none());
    }
}
