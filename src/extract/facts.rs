//! The meeting facts a filing states, each with the sentence it came from.
//!
//! Dates are assigned by the words just before them ("will be held on",
//! "of record at the close of business on", "mailed on or about", "press
//! release dated"), so one sentence can give several facts. Every place a
//! fact is stated is a candidate; when they disagree the value is marked
//! unsure and is not filled in.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::dates::{self, Found};
use super::text::{Doc, Format, Sentence};

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

struct Candidate {
    value: String,
    confidence: Confidence,
    offset: usize,
    evidence: String,
    note: Option<String>,
}

/// Cue phrases that make a date following them (within a clause) a fact.
const CUES: [(&str, &[&str]); 6] = [
    (
        "record_date",
        &[
            "record date",
            "of record at the close of business on",
            "of record as of the close of business on",
            "of record at the close of business",
            "of record on",
            "of record as of",
            "close of business on",
        ],
    ),
    (
        "prior_meeting",
        &[
            "prior year's annual meeting",
            "prior year’s annual meeting",
            "last year's annual meeting",
            "last year’s annual meeting",
            "preceding year's annual meeting",
            "preceding year’s annual meeting",
            "previous year's annual meeting",
            "previous year’s annual meeting",
            "last annual meeting",
            "prior annual meeting",
            "annual meeting was held",
            "meeting was held on",
        ],
    ),
    (
        "meeting",
        &[
            "will be held",
            "to be held",
            "be held on",
            "will take place",
            "scheduled for",
            "scheduled to be held",
            "has been scheduled",
            "has been set for",
            "will hold its",
            "will convene",
            "meeting date",
            "date of the meeting",
            "date of the annual meeting",
            "date of its annual meeting",
            "date of the special meeting",
            "annual meeting on",
            "special meeting on",
            "meeting of shareholders on",
            "meeting of stockholders on",
        ],
    ),
    (
        "proxy_release",
        &[
            "mailed to shareholders on",
            "mailed to stockholders on",
            "will be mailed",
            "first mailed",
            "first sent",
            "sent or given",
            "first made available",
            "made available",
            "first released",
            "mailing date",
            "are being mailed",
            "is being mailed",
            "be mailed",
            "released to",
            "distributed",
        ],
    ),
    (
        "announcement",
        &[
            "issued a press release",
            "press release dated",
            "press release issued",
            "publicly announced",
            "announced that",
        ],
    ),
    (
        "fiscal_year_end",
        &[
            "fiscal year ended",
            "fiscal year ending",
            "fiscal year end",
            "year ended",
        ],
    ),
];

/// Words that put a sentence about a meeting into the future beyond the one
/// the filing is about ("our 2026 annual meeting" in a 2025 proxy).
const NEXT_YEAR: [&str; 6] = [
    "next year",
    "anticipate",
    "expect that",
    "expects that",
    "intends to hold",
    "to be included in",
];

/// Reads every fact from `doc`.
pub fn find(doc: &Doc) -> Vec<Finding> {
    let mut found: BTreeMap<&'static str, Vec<Candidate>> = BTreeMap::new();
    let mut add = |fact: &'static str, c: Candidate| found.entry(fact).or_default().push(c);
    header_facts(doc, &mut add);
    cover_facts(doc, &mut add);
    let mut kinds: Vec<(usize, &'static str)> = Vec::new();
    for (index, s) in doc.sentences.iter().enumerate() {
        sentence_facts(s, index, &mut add, &mut kinds);
    }
    let mut findings = Vec::new();
    for (fact, candidates) in &found {
        if let Some(f) = decide(doc, fact, candidates) {
            findings.push(f);
        }
    }
    // The kind of meeting: stated beside the meeting date, else the kind
    // most mentioned.
    if let Some(meeting) = findings.iter().find(|f| f.fact == "meeting").cloned() {
        let kind = meeting_kind(doc, &meeting);
        findings.push(kind);
    }
    fiscal_year_before_meeting(&mut findings);
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
    findings
}

fn header_facts(doc: &Doc, add: &mut impl FnMut(&'static str, Candidate)) {
    if doc.format != Format::Submission {
        return;
    }
    let get = |k: &str| doc.header.get(k);
    if let Some((name, at)) = get("COMPANY CONFORMED NAME") {
        add(
            "company",
            Candidate {
                value: name.clone(),
                confidence: Confidence::High,
                offset: *at,
                evidence: format!("COMPANY CONFORMED NAME: {name}"),
                note: Some("from the SGML header".to_owned()),
            },
        );
    }
    if let Some((state, at)) = get("STATE OF INCORPORATION") {
        if let Some(code) = state_code(state) {
            add(
                "state",
                Candidate {
                    value: code.to_owned(),
                    confidence: Confidence::High,
                    offset: *at,
                    evidence: format!("STATE OF INCORPORATION: {state}"),
                    note: None,
                },
            );
        }
    }
    if let Some((fye, at)) = get("FISCAL YEAR END") {
        if fye.len() == 4 && fye.bytes().all(|b| b.is_ascii_digit()) {
            add(
                "fiscal_year_end",
                Candidate {
                    value: format!("--{}-{}", &fye[..2], &fye[2..]),
                    confidence: Confidence::High,
                    offset: *at,
                    evidence: format!("FISCAL YEAR END: {fye}"),
                    note: None,
                },
            );
        }
    }
    if let Some((filed, at)) = get("FILED AS OF DATE") {
        if let Ok(d) = NaiveDate::parse_from_str(filed, "%Y%m%d") {
            add(
                "announcement",
                Candidate {
                    value: d.to_string(),
                    confidence: Confidence::Low,
                    offset: *at,
                    evidence: format!("FILED AS OF DATE: {filed}"),
                    note: Some(
                        "the filing date; the meeting date may have been announced earlier"
                            .to_owned(),
                    ),
                },
            );
        }
    }
}

/// The cover page of a Form 8-K, 10-K or 10-Q: the line above "(Exact name
/// of registrant …)" and "(State or other jurisdiction of incorporation)";
/// the date of report.
fn cover_facts(doc: &Doc, add: &mut impl FnMut(&'static str, Candidate)) {
    let lines = &doc.lines;
    let above = |i: usize| (0..i).rev().take(6).find(|&k| !lines[k].text.is_empty());
    for (i, line) in lines.iter().enumerate().take(400) {
        let lower = line.text.to_ascii_lowercase();
        if lower.starts_with("(exact name of registrant")
            || lower.starts_with("(exact name of the registrant")
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
                    },
                );
            }
        }
        if let Some(col) = lower.find("(state or other jurisdiction") {
            if let Some(k) = above(i) {
                let raw = &lines[k].raw;
                let value = column_at(
                    raw,
                    line.raw.to_ascii_lowercase().find("(state").unwrap_or(col),
                );
                if let Some(code) = state_code(&value) {
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
                        },
                    );
                }
            }
        }
    }
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

fn sentence_facts(
    s: &Sentence,
    index: usize,
    add: &mut impl FnMut(&'static str, Candidate),
    kinds: &mut Vec<(usize, &'static str)>,
) {
    let lower = s.text.to_lowercase();
    let mentions_meeting = lower.contains("meeting");
    if lower.contains("special meeting") {
        kinds.push((index, "special"));
    }
    if lower.contains("annual meeting") {
        kinds.push((index, "annual"));
    }
    let found = dates::find(&s.text);
    if found.is_empty() {
        return;
    }
    let next_year = NEXT_YEAR.iter().any(|w| lower.contains(w));
    for (k, f) in found.iter().enumerate() {
        let previous_end = if k == 0 { 0 } else { found[k - 1].span.end };
        let next_start = found.get(k + 1).map_or(lower.len(), |n| n.span.start);
        let Some(fact) = cue_before(&lower, previous_end, f)
            .or_else(|| announced_after(&lower, f.span.end, next_start))
        else {
            continue;
        };
        let proxy_context =
            lower.contains("proxy") || lower.contains("materials") || lower.contains("notice");
        match fact {
            "meeting" | "prior_meeting" if !mentions_meeting => continue,
            "meeting" if next_year => continue,
            "proxy_release" if !proxy_context => continue,
            "announcement" if !mentions_meeting => continue,
            _ => {}
        }
        let mut note = None;
        let mut confidence = Confidence::High;
        if f.approximate {
            note = Some("\"on or about\": an expected date".to_owned());
            confidence = Confidence::Medium;
        }
        if f.year_inferred {
            confidence = Confidence::Medium;
        }
        if f.weekday_mismatch {
            note = Some("the weekday written beside it is not this date's".to_owned());
            confidence = Confidence::Low;
        }
        let value = if fact == "fiscal_year_end" {
            format!("--{:02}-{:02}", f.date.month(), f.date.day())
        } else {
            f.date.to_string()
        };
        add(
            fact,
            Candidate {
                value,
                confidence,
                offset: s.offset(f.span.start),
                evidence: s.text.clone(),
                note,
            },
        );
    }
}

/// The fact whose cue ends nearest before the date, within the same clause
/// (no earlier date between) and at most 160 bytes before it.
fn cue_before(lower: &str, previous_end: usize, f: &Found) -> Option<&'static str> {
    let start = f.span.start;
    let window_start = previous_end.max(start.saturating_sub(160));
    let window = lower.get(window_start..start)?;
    let mut best: Option<(usize, &'static str)> = None;
    for (fact, cues) in CUES {
        for cue in cues {
            if let Some(pos) = window.rfind(cue) {
                let end = pos + cue.len();
                if best.is_none_or(|(b, _)| end > b) {
                    best = Some((end, fact));
                }
            }
        }
    }
    best.map(|(_, fact)| fact)
}

/// "On February 27, 2004, the company issued a press release announcing
/// the date of its annual meeting": the date comes before its cue.
fn announced_after(lower: &str, end: usize, next_start: usize) -> Option<&'static str> {
    let window = lower.get(end..next_start.min(end + 120))?;
    let cue = [
        "issued a press release announcing",
        "announced the date",
        "publicly announced the date",
        "announced that its",
    ]
    .iter()
    .any(|c| window.contains(c));
    (cue && lower.contains("meeting")).then_some("announcement")
}

fn decide(doc: &Doc, fact: &'static str, candidates: &[Candidate]) -> Option<Finding> {
    let mut counts: BTreeMap<&str, (usize, Confidence)> = BTreeMap::new();
    for c in candidates {
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
    let others: Vec<String> = counts
        .iter()
        .filter(|(v, _)| **v != best)
        .map(|(v, (n, _))| format!("{v} ({n}×)"))
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
        value = display_name(doc, &best);
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
fn display_name(doc: &Doc, name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_owned();
    }
    let lower = name.to_lowercase();
    for s in &doc.sentences {
        let sl = s.text.to_lowercase();
        if let Some(pos) = sl.find(&lower) {
            if sl.len() == s.text.len() {
                let candidate = &s.text[pos..pos + name.len()];
                if candidate.chars().any(char::is_lowercase) {
                    return candidate.to_owned();
                }
            }
        }
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
        let text: String = doc
            .sentences
            .iter()
            .map(|s| s.text.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        let annual = text.matches("annual meeting").count();
        let special = text.matches("special meeting").count();
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
/// day before the meeting.
fn fiscal_year_before_meeting(findings: &mut Vec<Finding>) {
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
    let Some(meeting) = meeting else {
        fye.sure = false;
        fye.note = Some("month and day only, and no meeting date to place it".to_owned());
        return;
    };
    let mut year = meeting.year();
    let date = loop {
        match NaiveDate::from_ymd_opt(year, m, d) {
            Some(x) if x < meeting => break Some(x),
            _ if year < meeting.year() - 2 => break None,
            _ => year -= 1,
        }
    };
    if let Some(date) = date {
        fye.value = date.to_string();
        let n = "the last fiscal year end before the meeting".to_owned();
        fye.note = Some(fye.note.take().map_or(n.clone(), |o| format!("{o}; {n}")));
    }
    findings.retain(|f| !(f.fact == "fiscal_year_end" && f.value.starts_with("--") && f.sure));
}

/// The USPS code of a state named in full or by code, as a cover page
/// writes it ("CALIFORNIA", "State of Delaware").
pub fn state_code(name: &str) -> Option<&'static str> {
    let n = name.trim();
    let n = n
        .get(..9)
        .filter(|p| p.eq_ignore_ascii_case("state of "))
        .map_or(n, |_| &n[9..]);
    crate::jurisdiction::state_code(n)
}
