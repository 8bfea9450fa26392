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
    /// Where the value comes from, best first: only candidates of the best
    /// rank present are weighed (a cover page's name before the SGML
    /// header's abbreviation; the header's fiscal year end before a
    /// 52/53-week date in the text). The others are still noted.
    rank: u8,
}

/// Cue phrases that make a date following them (within a clause) a fact.
/// `held_meeting` and `planned_meeting` are a meeting told in the past
/// tense or as a plan; [`find`] makes them the meeting or the prior meeting.
const CUES: [(&str, &[&str]); 8] = [
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
        ],
    ),
    (
        "held_meeting",
        &[
            "annual meeting was held",
            "meeting was held on",
            "was held on",
            "shareholders held on",
            "stockholders held on",
            "meeting held on",
        ],
    ),
    (
        "planned_meeting",
        &[
            "anticipates holding its",
            "anticipates holding the",
            "intends to hold its",
            "expects to hold its",
            "plans to hold its",
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
            "first being sent",
            "first being mailed",
            "first being made available",
            "first being distributed",
            "sent or given",
            "first made available",
            "made available",
            "first released",
            "mailing date",
            "are being mailed",
            "is being mailed",
            "be mailed",
            "begin mailing",
            "began mailing",
            "commence mailing",
            "released to",
            "distributed",
            "proxy statement filed with",
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

/// Cues that name a meeting or a time of day rather than an act ("the
/// annual meeting on", "close of business on"): an act named earlier in
/// the clause ("we will begin mailing the notice for the annual meeting on
/// or about …") decides the fact instead.
const WEAK_CUES: [&str; 5] = [
    "annual meeting on",
    "special meeting on",
    "meeting of shareholders on",
    "meeting of stockholders on",
    "close of business on",
];

/// Words that show a sentence is about who may vote at a meeting; a bare
/// "close of business on" is a record date only beside one of them.
const RECORD_CONTEXT: [&str; 7] = [
    "of record",
    "record date",
    "entitled to vote",
    "entitled to notice",
    "entitled to receive notice",
    "eligible to vote",
    "may vote",
];

/// Words just before "close of business on" that make it a deadline, not
/// a record date ("no later than the close of business on").
const DEADLINE_WORDS: [&str; 7] = [
    "later than",
    "earlier than",
    "before",
    "prior to",
    "received",
    "delivered",
    "by the",
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

/// Words that make a past meeting last year's ("the prior year's annual
/// meeting was held on …").
const PRIOR_WORDS: [&str; 7] = [
    "prior year",
    "last year",
    "preceding year",
    "previous year",
    "last annual meeting",
    "prior annual meeting",
    "prior year’s",
];

/// Reads every fact from `doc`.
pub fn find(doc: &Doc) -> Vec<Finding> {
    let mut found: BTreeMap<&'static str, Vec<Candidate>> = BTreeMap::new();
    let mut add = |fact: &'static str, c: Candidate| found.entry(fact).or_default().push(c);
    header_facts(doc, &mut add);
    cover_facts(doc, &mut add);
    for s in &doc.sentences {
        sentence_facts(s, &mut add);
        name_facts(s, &mut add);
    }
    label_facts(doc, &mut add);
    settle_meeting(&mut found);
    let mut findings = Vec::new();
    let meeting = found.get("meeting").and_then(|c| decide(doc, "meeting", c));
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
    fiscal_year_before_meeting(&mut findings, filed);
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
                rank: 2,
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
                    rank: 0,
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
                    rank: 0,
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
                    rank: 0,
                },
            );
        }
    }
}

/// Whether a cover-page line is only a rule (`-----`, `_____`).
fn is_rule(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| matches!(c, '-' | '_' | '=' | ' '))
}

/// The cover page of a Form 8-K, 10-K, 10-Q or a proxy statement: the line
/// above "(Exact name of registrant …)" or "(Name of Registrant as
/// Specified In Its Charter)", and the state above "(State or other
/// jurisdiction of incorporation)" — in an HTML table the state's cell may
/// be some lines above its caption.
fn cover_facts(doc: &Doc, add: &mut impl FnMut(&'static str, Candidate)) {
    let lines = &doc.lines;
    let above = |i: usize| {
        (0..i)
            .rev()
            .take(6)
            .find(|&k| !lines[k].text.is_empty() && !is_rule(&lines[k].text))
    };
    for (i, line) in lines.iter().enumerate().take(400) {
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
fn state_cell_above(
    lines: &[super::text::Line],
    i: usize,
) -> Option<(usize, String, &'static str)> {
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

fn sentence_facts(s: &Sentence, add: &mut impl FnMut(&'static str, Candidate)) {
    let lower = s.text.to_lowercase();
    let mentions_meeting = lower.contains("meeting");
    let found = dates::find(&s.text);
    if found.is_empty() {
        return;
    }
    let next_year = NEXT_YEAR.iter().any(|w| lower.contains(w));
    let prior_words = PRIOR_WORDS.iter().any(|w| lower.contains(w));
    let record_context = RECORD_CONTEXT.iter().any(|w| lower.contains(w));
    let meeting_context = [
        "meeting",
        "vote",
        "voting",
        "stockholder",
        "shareholder",
        "proxy",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let proxy_context =
        lower.contains("proxy") || lower.contains("materials") || lower.contains("notice");
    for (k, f) in found.iter().enumerate() {
        let previous_end = if k == 0 { 0 } else { found[k - 1].span.end };
        let next_start = found.get(k + 1).map_or(lower.len(), |n| n.span.start);
        let Some(cue) = cue_before(&lower, previous_end, f)
            .or_else(|| cue_after(&lower, f.span.end, next_start))
        else {
            continue;
        };
        let mut fact = cue.fact;
        match fact {
            "meeting" | "prior_meeting" | "held_meeting" | "planned_meeting"
                if !mentions_meeting =>
            {
                continue;
            }
            "meeting" if next_year => {
                let planned = CUES
                    .iter()
                    .filter(|(f, _)| *f == "planned_meeting")
                    .flat_map(|(_, cues)| cues.iter())
                    .any(|c| lower.contains(c));
                if !planned {
                    continue;
                }
                fact = "planned_meeting";
            }
            "held_meeting" if prior_words => fact = "prior_meeting",
            "proxy_release" if !proxy_context => continue,
            "announcement" if !mentions_meeting => continue,
            "record_date" if !meeting_context => continue,
            "record_date" if cue.phrase == "close of business on" => {
                let before = lower
                    .get(cue.start.saturating_sub(30)..cue.start)
                    .unwrap_or("");
                if !record_context || DEADLINE_WORDS.iter().any(|w| before.contains(w)) {
                    continue;
                }
            }
            _ => {}
        }
        let mut note = None;
        let mut confidence = Confidence::High;
        if f.approximate {
            note = Some("\"on or about\": an expected date".to_owned());
            confidence = Confidence::Medium;
        }
        if f.year_inferred || fact == "planned_meeting" {
            confidence = Confidence::Medium;
        }
        if fact == "planned_meeting" {
            note = Some("a planned date (\"anticipates holding\")".to_owned());
        }
        if cue.phrase == "proxy statement filed with" {
            confidence = Confidence::Medium;
            note = Some("the date the proxy statement was filed with the SEC".to_owned());
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
                rank: u8::from(fact == "fiscal_year_end"),
            },
        );
    }
}

/// A cue found near a date: the fact it names, the cue, and where it
/// starts in the lower-cased sentence.
struct Cue {
    fact: &'static str,
    phrase: &'static str,
    start: usize,
}

/// The fact whose cue ends nearest before the date, within the same clause
/// (no earlier date between) and at most 160 bytes before it. A weak cue
/// ([`WEAK_CUES`]) gives way to an act of mailing or fixing a record date
/// named earlier in the window.
fn cue_before(lower: &str, previous_end: usize, f: &Found) -> Option<Cue> {
    let start = f.span.start;
    let mut window_start = previous_end.max(start.saturating_sub(160));
    while !lower.is_char_boundary(window_start) {
        window_start += 1;
    }
    let window = lower.get(window_start..start)?;
    let mut best: Option<(usize, Cue)> = None;
    let mut strong: Option<(usize, Cue)> = None;
    for (fact, cues) in CUES {
        for cue in cues {
            if let Some(pos) = window.rfind(cue) {
                let end = pos + cue.len();
                let weak = WEAK_CUES.contains(cue);
                let c = || Cue {
                    fact,
                    phrase: cue,
                    start: window_start + pos,
                };
                if best.as_ref().is_none_or(|(b, _)| end > *b) {
                    best = Some((end, c()));
                }
                if !weak
                    && matches!(fact, "proxy_release" | "record_date")
                    && strong.as_ref().is_none_or(|(b, _)| end > *b)
                {
                    strong = Some((end, c()));
                }
            }
        }
    }
    let (_, best) = best?;
    if WEAK_CUES.contains(&best.phrase) {
        if let Some((_, s)) = strong {
            if s.fact != best.fact {
                return Some(s);
            }
        }
    }
    Some(best)
}

/// Cues written after their date, within the same clause: "On February 27,
/// 2004, the company issued a press release announcing the date of its
/// annual meeting", "On November 14, 2024, the company held its annual
/// meeting", "The board has fixed June 13, 2025 as the record date", "On
/// March 17, 2026, we first mailed a notice of availability".
fn cue_after(lower: &str, end: usize, next_start: usize) -> Option<Cue> {
    const AFTER: [(&str, &[&str]); 4] = [
        (
            "announcement",
            &[
                "issued a press release announcing",
                "announced the date",
                "publicly announced the date",
                "announced that its",
            ],
        ),
        ("held_meeting", &["held its"]),
        (
            "record_date",
            &["as the record date", "as the record date for"],
        ),
        (
            "proxy_release",
            &[
                "we first mailed",
                "we mailed",
                "we first sent",
                "we sent",
                "we began mailing",
                "we first made available",
            ],
        ),
    ];
    let mut stop = next_start.min(end + 120).min(lower.len());
    while !lower.is_char_boundary(stop) {
        stop -= 1;
    }
    let window = lower.get(end..stop)?;
    // The cue must belong to this date: no sentence-like break before it.
    let mut best: Option<Cue> = None;
    for (fact, cues) in AFTER {
        for cue in cues {
            if let Some(pos) = window.find(cue) {
                if best.as_ref().is_none_or(|b| end + pos < b.start) {
                    best = Some(Cue {
                        fact,
                        phrase: cue,
                        start: end + pos,
                    });
                }
            }
        }
    }
    let best = best?;
    if best.fact == "announcement" && !lower.contains("meeting") {
        return None;
    }
    if best.fact == "held_meeting" && !lower[best.start..].contains("meeting") {
        return None;
    }
    Some(best)
}

/// Where a company names itself in a sentence: "Name Inc. (the
/// “Company”)", "Name Inc., a Delaware corporation" (which gives the state
/// too), "State of Incorporation: Delaware", and at medium confidence the
/// name in the address proposals are sent to ("to Name Company, P.O. Box
/// …").
fn name_facts(s: &Sentence, add: &mut impl FnMut(&'static str, Candidate)) {
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

/// A table of labels and values, each its own sentence: "Date and Time:"
/// then "Thursday, April 30, 2026, at 9:00 a.m.", "Record Date:" then
/// "Close of business on March 9, 2026". The value must follow its label
/// directly (not after another label, as in a table read column by column).
fn label_facts(doc: &Doc, add: &mut impl FnMut(&'static str, Candidate)) {
    const LABELS: [(&str, &str); 8] = [
        ("date", "meeting"),
        ("date and time", "meeting"),
        ("time and date", "meeting"),
        ("meeting date", "meeting"),
        ("date of meeting", "meeting"),
        ("record date", "record_date"),
        ("date of mailing", "proxy_release"),
        ("mailing date", "proxy_release"),
    ];
    let blank = |s: &Sentence| {
        s.text
            .chars()
            .all(|c| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}')
    };
    let label_like = |s: &Sentence| {
        let t = s.text.trim();
        t.split_whitespace().count() <= 4
            && !t.ends_with('.')
            && !t.chars().any(|c| c.is_ascii_digit())
    };
    let sentences = &doc.sentences;
    let substantive: Vec<usize> = (0..sentences.len())
        .filter(|&i| !blank(&sentences[i]))
        .collect();
    for (n, &i) in substantive.iter().enumerate() {
        let label = sentences[i]
            .text
            .trim()
            .trim_end_matches(':')
            .trim()
            .to_lowercase();
        let Some((_, fact)) = LABELS.iter().find(|(l, _)| *l == label) else {
            continue;
        };
        if n > 0 && label_like(&sentences[substantive[n - 1]]) {
            continue;
        }
        let Some(&j) = substantive.get(n + 1) else {
            continue;
        };
        let value = &sentences[j];
        let Some(f) = dates::find(&value.text).into_iter().next() else {
            continue;
        };
        let prefix = value.text.get(..f.span.start).unwrap_or("x").to_lowercase();
        let allowed = ["close", "of", "business", "on", "at", "the"];
        if !prefix
            .split(|c: char| !c.is_alphanumeric())
            .all(|w| w.is_empty() || allowed.contains(&w))
        {
            continue;
        }
        let context = substantive[n.saturating_sub(20)..n]
            .iter()
            .any(|&k| sentences[k].text.to_lowercase().contains("meeting"));
        if !context {
            continue;
        }
        let (confidence, note) = if f.weekday_mismatch {
            (
                Confidence::Low,
                Some("the weekday written beside it is not this date's".to_owned()),
            )
        } else if f.approximate {
            (
                Confidence::Medium,
                Some("\"on or about\": an expected date".to_owned()),
            )
        } else {
            (Confidence::High, None)
        };
        add(
            fact,
            Candidate {
                value: f.date.to_string(),
                confidence,
                offset: value.offset(f.span.start),
                evidence: format!("{} {}", sentences[i].text.trim(), value.text.trim()),
                note,
                rank: 0,
            },
        );
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
                let candidate = s.text.get(pos..pos + lower.len()).unwrap_or("");
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
/// day before the meeting or, when the filing names no meeting, before the
/// date it was filed (a facts file holds full dates).
fn fiscal_year_before_meeting(findings: &mut Vec<Finding>, filed: Option<NaiveDate>) {
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
    use super::*;

    fn read(name: &str, text: &str) -> Vec<Finding> {
        let doc = super::super::text::read(name, text.as_bytes()).unwrap();
        find(&doc)
    }

    fn get<'a>(found: &'a [Finding], fact: &str) -> Option<&'a Finding> {
        found.iter().find(|f| f.fact == fact)
    }

    /// The value a facts file would hold: sure, and not low confidence.
    fn filled(found: &[Finding], fact: &str) -> Option<String> {
        get(found, fact)
            .filter(|f| f.sure && f.confidence > Confidence::Low)
            .map(|f| f.value.clone())
    }

    const HEADER: &str = "<SEC-DOCUMENT>x.txt : 19990104\n<SEC-HEADER>\nFILED AS OF DATE:\t\t19990104\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tBLUEFIN LEASING CORP\n\t\tSTATE OF INCORPORATION:\t\t\tNV\n\t\tFISCAL YEAR END:\t\t\t0331\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n";

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
    fn a_deadline_at_the_close_of_business_is_no_record_date() {
        let found = read(
            "p.txt",
            "The annual meeting will be held on June 4, 2024.\n\nYou may vote if you held shares of record at the close of business on April 8, 2024.\n\nA holder entitled to vote who votes by mail must see the ballot received no later than the close of business on June 3, 2024.\n",
        );
        let r = get(&found, "record_date").unwrap();
        assert_eq!(r.value, "2024-04-08");
        assert!(r.sure, "{r:?}");
        assert!(r.note.is_none(), "{r:?}");
        // Without voting words a bare "close of business on" is nothing.
        let found = read(
            "d.txt",
            "The annual meeting will be held on June 4, 2024.\n\nOffers are taken until the close of business on April 8, 2024.\n",
        );
        assert!(get(&found, "record_date").is_none());
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

    #[test]
    fn dates_before_their_cue() {
        let found = read(
            "p.txt",
            "The annual meeting will be held on June 4, 2024.\n\nThe Board fixed April 8, 2024 as the record date for the meeting.\n\nOn April 19, 2024, we first mailed a notice of availability of the proxy materials.\n",
        );
        assert_eq!(filled(&found, "record_date").as_deref(), Some("2024-04-08"));
        assert_eq!(
            filled(&found, "proxy_release").as_deref(),
            Some("2024-04-19")
        );
    }

    #[test]
    fn proxy_release_wordings() {
        let mailing = read(
            "p.txt",
            "The annual meeting will be held on June 4, 2024.\n\nWe will begin mailing a notice of availability of proxy materials for the Annual Meeting on or about April 19, 2024.\n",
        );
        let p = get(&mailing, "proxy_release").unwrap();
        assert_eq!(p.value, "2024-04-19");
        assert_eq!(p.confidence, Confidence::Medium);
        assert_eq!(filled(&mailing, "meeting").as_deref(), Some("2024-06-04"));
        let sent = read(
            "s.txt",
            "The annual meeting will be held on June 4, 2024.\n\nThis proxy statement is first being sent to holders on April 19, 2024.\n",
        );
        assert_eq!(
            filled(&sent, "proxy_release").as_deref(),
            Some("2024-04-19")
        );
        let filed = read(
            "f.txt",
            "On May 9, 2023, the company held its annual meeting.\n\nSee the definitive proxy statement filed with the SEC on March 30, 2023.\n",
        );
        let p = get(&filed, "proxy_release").unwrap();
        assert_eq!(p.value, "2023-03-30");
        assert_eq!(p.confidence, Confidence::Medium);
        // A proxy statement "dated" is the date on it, not its release.
        let dated = read(
            "d.txt",
            "The annual meeting will be held on June 4, 2024.\n\nSee the proxy statement dated April 12, 2024.\n",
        );
        assert!(get(&dated, "proxy_release").is_none());
    }

    #[test]
    fn a_table_of_labels_and_values() {
        let html = "<html><body><p>Notice of Annual Meeting of Holders</p><div>Date and Time:</div><div>Friday, June 7, 2024, at 10:00 a.m.</div><div>Record Date:</div><div>Close of business on April 8, 2024</div></body></html>";
        let found = read("t.htm", html);
        assert_eq!(filled(&found, "meeting").as_deref(), Some("2024-06-07"));
        assert_eq!(filled(&found, "record_date").as_deref(), Some("2024-04-08"));
        // Labels first, then values: the value after the last label is not its own.
        let html = "<html><body><p>Notice of Annual Meeting of Holders</p><div>WHEN</div><div>WHERE</div><div>RECORD DATE</div><div>Friday June 7, 2024</div></body></html>";
        assert!(get(&read("c.htm", html), "record_date").is_none());
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
}
