//! Every filing in `tests/fixtures/filings/` read by `govcal extract` and
//! compared with the facts and printed deadlines read from it by hand
//! (`NAME.expected.toml`, written independently of the extractor; see
//! `INDEX-8k.md` and `INDEX-proxy.md` for the provenance of each).
//!
//! A fact counts as *found* when the facts file gets the expected value,
//! *missed* when it gets nothing (including a value found but held back as
//! unsure or low-confidence), and *wrong* when it gets another value or a
//! value the filing does not state. Wrong answers are never allowed. The
//! misses that remain are listed in [`KNOWN_MISSES`] with the reason, and
//! the test fails both when a new miss appears and when a listed miss is
//! fixed (so the list stays true). Run with `--nocapture` to see the table.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use govcal::extract;
use govcal::extract::{Confidence, Extraction};

const DIR: &str = "tests/fixtures/filings";

/// The facts a facts file can hold. `meeting_time` and `meeting_zone` in
/// the expectations are not facts-file fields (the time zone of a deadline
/// is the company's office, not the meeting's venue) and are not compared.
const FACTS: [&str; 9] = [
    "company",
    "state",
    "meeting",
    "meeting_kind",
    "prior_meeting",
    "announcement",
    "record_date",
    "proxy_release",
    "fiscal_year_end",
];

/// Facts still missed: (fixture, fact, why).
const KNOWN_MISSED_FACTS: &[(&str, &str, &str)] = &[
    (
        "apple-10q-1998-08-10",
        "announcement",
        "no explicit announcement wording: only the filing date, read at low confidence",
    ),
    (
        "globalpayments-def14a-2026",
        "company",
        "the kept passages never write the company's name (only the GPN in a web address)",
    ),
    (
        "mediasciences-8k-2011-12-19",
        "announcement",
        "the report's filing date (the public announcement) is not in the kept text; its Date of Report is the event's date",
    ),
    (
        "mediasciences-8k-2012-05-04",
        "announcement",
        "the report's filing date (the public announcement) is not in the kept text; its Date of Report is the event's date",
    ),
    (
        "pg-10k-fy2024",
        "company",
        "the cover prints the name with no \"(Exact name of registrant\" caption under it",
    ),
];

/// What the facts file would hold for `fact`: only sure values of medium
/// or high confidence are filled in.
fn filled(x: &Extraction, fact: &str) -> Option<String> {
    let f = x.get(fact)?;
    if !f.sure || f.confidence == Confidence::Low {
        return None;
    }
    Some(f.value.clone())
}

fn same(fact: &str, expected: &str, got: &str) -> bool {
    match fact {
        "company" => expected.eq_ignore_ascii_case(got),
        // The expectation is the month and day ("09-30"); the extractor
        // gives the last fiscal year end before the meeting.
        "fiscal_year_end" => got.ends_with(expected),
        _ => expected == got,
    }
}

fn value_text(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Datetime(d) => d.to_string(),
        other => other.to_string(),
    }
}

fn date(v: Option<&toml::Value>) -> Option<NaiveDate> {
    v.map(value_text)
        .and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

#[derive(Default)]
struct Tally {
    found: Vec<String>,
    missed: Vec<String>,
    wrong: Vec<String>,
}

fn compare(expected: &toml::Table, x: &Extraction) -> Tally {
    let mut t = Tally::default();
    let facts = expected
        .get("facts")
        .and_then(toml::Value::as_table)
        .cloned()
        .unwrap_or_default();
    for fact in FACTS {
        let want = facts.get(fact).map(value_text);
        let got = filled(x, fact);
        match (want, got) {
            (Some(w), Some(g)) if same(fact, &w, &g) => t.found.push(fact.to_owned()),
            (Some(w), Some(g)) => t.wrong.push(format!("{fact}: {g} (expected {w})")),
            (Some(_), None) => t.missed.push(match x.get(fact) {
                Some(f) => format!("{fact} (held back: {} {:?})", f.value, f.confidence),
                None => fact.to_owned(),
            }),
            (None, Some(g)) => t.wrong.push(format!("{fact}: {g} (not stated)")),
            (None, None) => {}
        }
    }
    let printed: Vec<&toml::Table> = expected
        .get("printed")
        .and_then(toml::Value::as_array)
        .map(|a| a.iter().filter_map(toml::Value::as_table).collect())
        .unwrap_or_default();
    let mut matched = BTreeSet::new();
    for p in &printed {
        let purpose = p.get("purpose").map(value_text).unwrap_or_default();
        if purpose == "other" {
            continue;
        }
        let closes = date(p.get("closes"));
        let opens = date(p.get("opens"));
        let key = format!(
            "printed:{purpose}:{}",
            closes.map_or_else(String::new, |d| d.to_string())
        );
        let hit = x.printed.iter().position(|g| {
            serde_json::to_value(g.purpose)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                == Some(purpose.clone())
                && Some(g.closes) == closes
                && (opens.is_none() || g.opens == opens)
        });
        match hit {
            Some(i) => {
                matched.insert(i);
                let g = &x.printed[i];
                let want_time = p.get("time").map(value_text);
                let got_time = g.time.map(|t| t.format("%H:%M").to_string());
                if want_time.is_some() && got_time.is_some() && want_time != got_time {
                    t.wrong
                        .push(format!("{key} time {got_time:?} (expected {want_time:?})"));
                } else {
                    t.found.push(key);
                }
            }
            None => t.missed.push(key),
        }
    }
    for (i, g) in x.printed.iter().enumerate() {
        if matched.contains(&i) {
            continue;
        }
        // The same window printed twice (notice of nominations and notice
        // of business) is one expectation per sentence; an extra copy of a
        // matched deadline is not wrong.
        let duplicate = matched
            .iter()
            .any(|&m| x.printed[m].purpose == g.purpose && x.printed[m].closes == g.closes);
        if !duplicate {
            t.wrong.push(format!(
                "printed {:?} closing {} at line {} (not in the expectations)",
                g.purpose, g.closes, g.line
            ));
        }
    }
    t
}

/// Found, missed and wrong per class: each fact, and the printed
/// deadlines by purpose (the figures the closing notes report).
#[derive(Default)]
struct ClassTally(std::collections::BTreeMap<String, [usize; 3]>);

impl ClassTally {
    /// The class of a tally entry: the fact's name, or `printed:PURPOSE`.
    fn class(entry: &str) -> String {
        let head = entry.split([' ', '(']).next().unwrap_or(entry);
        let head = head.trim_end_matches(':');
        match head.strip_prefix("printed:") {
            Some(rest) => format!("printed:{}", rest.split(':').next().unwrap_or(rest)),
            None if head == "printed" => "printed:unexpected".to_owned(),
            None => head.to_owned(),
        }
    }

    fn add(&mut self, t: &Tally) {
        for (i, list) in [&t.found, &t.missed, &t.wrong].into_iter().enumerate() {
            for e in list {
                self.0.entry(Self::class(e)).or_default()[i] += 1;
            }
        }
    }

    fn show(&self) -> String {
        let mut out = String::from("class                    found missed wrong\n");
        let mut total = [0; 3];
        for (class, n) in &self.0 {
            let _ = writeln!(out, "{class:<24} {:>5} {:>6} {:>5}", n[0], n[1], n[2]);
            for i in 0..3 {
                total[i] += n[i];
            }
        }
        let _ = writeln!(
            out,
            "{:<24} {:>5} {:>6} {:>5}",
            "all", total[0], total[1], total[2]
        );
        out
    }
}

/// The hand-read `NAME.expected.toml` of fixture `name`.
fn expectations(name: &str) -> toml::Table {
    let path = Path::new(DIR).join(format!("{name}.expected.toml"));
    toml::from_str(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixtures() -> Vec<(String, std::path::PathBuf)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(DIR).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(stem) = file.strip_suffix(".expected.toml") {
            let filing = ["txt", "htm", "html"]
                .iter()
                .map(|e| Path::new(DIR).join(format!("{stem}.{e}")))
                .find(|p| p.exists())
                .unwrap_or_else(|| panic!("no filing for {file}"));
            out.push((stem.to_owned(), filing));
        }
    }
    out.sort();
    out
}

/// Printed deadlines still missed: (fixture, `printed:PURPOSE:CLOSES`, why).
const KNOWN_MISSED_PRINTED: &[(&str, &str, &str)] = &[];

/// Every fixture: no wrong value, and exactly the known misses.
#[test]
fn every_fixture_gives_its_hand_read_facts_and_printed_deadlines() {
    let all = fixtures();
    assert!(all.len() >= 17, "only {} fixtures", all.len());
    let mut table = String::new();
    let mut wrong = Vec::new();
    let mut misses = BTreeSet::new();
    let mut classes = ClassTally::default();
    for (name, path) in &all {
        let expected = expectations(name);
        let bytes = std::fs::read(path).unwrap();
        let x = extract::read_all(&path.to_string_lossy(), &bytes)
            .unwrap_or_else(|d| panic!("{name}: {d:?}"));
        let t = compare(&expected, &x);
        classes.add(&t);
        let _ = writeln!(
            table,
            "{name}: found {} [{}]; missed {} [{}]; wrong {} [{}]",
            t.found.len(),
            t.found.join(", "),
            t.missed.len(),
            t.missed.join(", "),
            t.wrong.len(),
            t.wrong.join("; ")
        );
        for w in t.wrong {
            wrong.push(format!("{name}: {w}"));
        }
        for m in t.missed {
            let key = m.split(" (").next().unwrap().to_owned();
            misses.insert((name.clone(), key));
        }
    }
    println!("{table}\n{}", classes.show());
    assert!(
        wrong.is_empty(),
        "wrong values:\n{}\n\n{table}",
        wrong.join("\n")
    );
    let known: BTreeSet<(String, String)> = KNOWN_MISSED_FACTS
        .iter()
        .chain(KNOWN_MISSED_PRINTED)
        .map(|(f, k, _)| ((*f).to_owned(), (*k).to_owned()))
        .collect();
    let new: Vec<_> = misses.difference(&known).collect();
    let fixed: Vec<_> = known.difference(&misses).collect();
    assert!(new.is_empty(), "new misses: {new:?}\n\n{table}");
    assert!(
        fixed.is_empty(),
        "fixed, take off KNOWN_MISSES: {fixed:?}\n\n{table}"
    );
}

/// `govcal verify` on every proxy statement among the fixtures, with the
/// built-in library only: each printed deadline gets the verdict recorded
/// by hand in its expectations (`verdict`: a Rule 14a-8 or 14a-19 date
/// recomputed from the rule, bylaw windows unchecked without the bylaws),
/// and the exit code is 1 exactly when one differs.
#[test]
fn verify_gives_each_printed_deadline_its_hand_checked_verdict() {
    let mut checked = 0;
    for (name, path) in fixtures() {
        let expected = expectations(&name);
        let wanted: Vec<(String, String, String)> = expected
            .get("printed")
            .and_then(toml::Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(toml::Value::as_table)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
            .into_iter()
            .filter_map(|p| {
                Some((
                    p.get("purpose").map(value_text)?,
                    p.get("closes").map(value_text)?,
                    p.get("verdict").map(value_text)?,
                ))
            })
            .collect();
        if wanted.is_empty() {
            continue;
        }
        let cli = crate::util::Cli::new();
        let rel = path.to_string_lossy().into_owned();
        cli.copy(&rel);
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let (code, stdout, stderr) =
            cli.run(&["verify", &file, "--today", "2026-11-22", "--format", "json"]);
        // An excerpt holding only the deadlines states no meeting: `verify`
        // refuses, naming the flag, rather than guess next year's meeting.
        let states_meeting = expected
            .get("facts")
            .and_then(|f| f.get("meeting"))
            .is_some();
        if !states_meeting {
            assert_eq!(code, 1, "{name}: {stdout}\n{stderr}");
            assert!(
                stderr.contains("no meeting date found") && stderr.contains("--meeting"),
                "{name}: {stderr}"
            );
            continue;
        }
        let doc: serde_json::Value = serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("{name}: {e}\n{stdout}\n{stderr}"));
        let got = doc["deadlines"].as_array().unwrap();
        for (purpose, closes, verdict) in &wanted {
            let hits: Vec<&serde_json::Value> = got
                .iter()
                .filter(|d| {
                    d["purpose"] == purpose.as_str() && d["printed"]["closes"] == closes.as_str()
                })
                .collect();
            assert!(
                !hits.is_empty(),
                "{name}: no {purpose} closing {closes} in {doc:#}"
            );
            for h in hits {
                assert_eq!(
                    h["verdict"],
                    verdict.as_str(),
                    "{name}: {purpose} {closes}: {h:#}"
                );
                checked += 1;
            }
        }
        let differs = wanted.iter().any(|(_, _, v)| v == "differs");
        assert_eq!(code, i32::from(differs), "{name}: exit code\n{stderr}");
    }
    assert!(checked >= 24, "only {checked} verdicts checked");
}
