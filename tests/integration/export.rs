//! CSV and iCalendar (RFC 5545) output.

use std::io::BufReader;

use ical::parser::ical::component::IcalEvent;

use crate::util::{Cli, manifest_path};

/// The bylaw pack alone, so the golden file does not change whenever an SEC
/// rule gains a date for HemaCare (Rule 14a-6(a) computes one from the
/// release date).
const HEMACARE_ICS: &[&str] = &[
    "deadlines",
    "hemacare-2004.toml",
    "--only",
    "bylaws/hemacare",
    "--today",
    "2004-02-27",
    "--format",
    "ics",
    "--alarm",
    "14d,1d",
];

/// The golden file, checked line by line when it was made: VERSION 2.0,
/// PRODID, no METHOD, NAME and X-WR-CALNAME, one VEVENT per computed
/// bound (the two HemaCare notices closing Fri 5 Mar 2004, Form 8-K of 27
/// Feb 2004), all-day DTSTART 20040305 / exclusive DTEND 20040306, stable
/// UIDs, DTSTAMP from `--today`, `\,` and `\n` escapes, VALARMs at -P14D
/// and -P1D. Set `GOVCAL_BLESS=1` to rewrite it after a deliberate change.
const SNAPSHOT: &str = "tests/integration/snapshots/hemacare-2004.ics";

fn hemacare() -> Cli {
    let cli = Cli::new();
    cli.copy("examples/hemacare-2004.toml");
    cli
}

fn hemacare_ics(cli: &Cli) -> Vec<u8> {
    let (code, stdout, stderr) = cli.run_bytes(HEMACARE_ICS);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    stdout
}

fn prop<'a>(event: &'a IcalEvent, name: &str) -> Option<&'a str> {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

fn parse(bytes: &[u8]) -> ical::parser::ical::component::IcalCalendar {
    let mut parser = ical::IcalParser::new(BufReader::new(bytes));
    let cal = parser
        .next()
        .expect("one calendar")
        .expect("the calendar parses");
    assert!(parser.next().is_none(), "only one calendar");
    cal
}

/// Asserts RFC 5545 §3.1 framing: every line ends CRLF and holds at most
/// 75 octets before it, and no bare LF or CR occurs.
fn assert_framing(bytes: &[u8]) {
    assert!(bytes.ends_with(b"\r\n"), "ends with CRLF");
    for (i, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        let line = line
            .strip_suffix(b"\r\n")
            .unwrap_or_else(|| panic!("line {} is not ended by CRLF", i + 1));
        assert!(!line.contains(&b'\r'), "bare CR in line {}", i + 1);
        assert!(
            line.len() <= 75,
            "line {} has {} octets: {}",
            i + 1,
            line.len(),
            String::from_utf8_lossy(line)
        );
        assert!(
            std::str::from_utf8(line).is_ok(),
            "line {} splits a character",
            i + 1
        );
    }
}

#[test]
fn hemacare_ics_matches_the_golden_file_byte_for_byte() {
    let out = hemacare_ics(&hemacare());
    let path = manifest_path(SNAPSHOT);
    if std::env::var_os("GOVCAL_BLESS").is_some() {
        std::fs::write(&path, &out).unwrap();
    }
    let golden = std::fs::read(&path).unwrap();
    assert!(
        out == golden,
        "ICS differs from {SNAPSHOT}:\n--- got\n{}\n--- expected\n{}",
        String::from_utf8_lossy(&out),
        String::from_utf8_lossy(&golden)
    );
}

#[test]
fn hemacare_ics_lines_end_crlf_and_fit_75_octets() {
    let out = hemacare_ics(&hemacare());
    assert_framing(&out);
    // The citation's "§" (2 octets) must not push a line past 75 octets.
    assert!(out.windows(2).any(|w| w == "§".as_bytes()));
}

/// Parsing back with the `ical` crate: the calendar's properties and one
/// event per HemaCare notice on Fri 5 Mar 2004 (Form 8-K of 27 Feb 2004).
#[test]
fn hemacare_ics_parses_back_with_two_all_day_events_on_5_march_2004() {
    let cal = parse(&hemacare_ics(&hemacare()));
    let calprop = |name: &str| {
        cal.properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
    };
    assert_eq!(calprop("VERSION").as_deref(), Some("2.0"));
    // No METHOD: with one, libical (Evolution) demands an ORGANIZER (#21).
    assert_eq!(calprop("METHOD"), None);
    assert_eq!(calprop("PRODID").as_deref(), Some("-//govcal//govcal//EN"));
    assert_eq!(
        calprop("X-WR-CALNAME").as_deref(),
        Some("govcal: HemaCare Corporation deadlines")
    );
    assert_eq!(cal.events.len(), 2);
    let mut seen = Vec::new();
    for event in &cal.events {
        let uid = prop(event, "UID").unwrap();
        seen.push(uid.to_owned());
        let rule = if uid.contains("nomination_notice") {
            "nomination"
        } else {
            "business"
        };
        assert_eq!(
            uid,
            format!("hemacare_bylaws.{rule}_notice.closes.hemacare-corporation.annual-2004@govcal")
        );
        assert_eq!(prop(event, "DTSTART"), Some("20040305"));
        assert_eq!(prop(event, "DTEND"), Some("20040306"));
        assert_eq!(prop(event, "DTSTAMP"), Some("20040227T000000Z"));
        assert_eq!(
            prop(event, "SUMMARY"),
            Some(
                format!(
                    "HemaCare Corporation \u{2014} Shareholder: Advance notice of {} (Bylaws § 2.14) closes",
                    if rule == "nomination" { "nominations" } else { "other business" }
                )
                .as_str()
            )
        );
        let dtstart = event
            .properties
            .iter()
            .find(|p| p.name == "DTSTART")
            .unwrap();
        assert_eq!(
            dtstart.params,
            Some(vec![("VALUE".to_owned(), vec!["DATE".to_owned()])])
        );
        let triggers: Vec<&str> = event
            .alarms
            .iter()
            .filter_map(|a| a.properties.iter().find(|p| p.name == "TRIGGER"))
            .filter_map(|p| p.value.as_deref())
            .collect();
        assert_eq!(triggers, ["-P14D", "-P1D"]);
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 2, "UIDs are unique");

    // Folding loses nothing: the unfolded, still-escaped DESCRIPTION holds
    // the summary's words with their spaces.
    let nomination = cal
        .events
        .iter()
        .find(|e| prop(e, "UID").unwrap().contains("nomination"))
        .unwrap();
    let description = prop(nomination, "DESCRIPTION").unwrap();
    assert!(
        description.contains(
            "no later than the later of 90 days before the meeting and the seventh day after the meeting date is first publicly announced."
        ),
        "{description}"
    );
    assert!(description.contains("Citation: HemaCare Bylaws § 2.14 (nominations)"));
    let business = cal
        .events
        .iter()
        .find(|e| prop(e, "UID").unwrap().contains("business"))
        .unwrap();
    assert!(
        prop(business, "DESCRIPTION")
            .unwrap()
            .contains("the meeting or\\, if later\\, by the seventh day"),
        "commas escaped"
    );
}

#[test]
fn ics_output_is_identical_on_every_run() {
    let cli = hemacare();
    let first = hemacare_ics(&cli);
    let second = hemacare_ics(&cli);
    assert!(first == second, "two runs differ");
    assert!(
        hemacare_ics(&hemacare()) == first,
        "another directory differs"
    );
}

#[test]
fn output_flag_writes_the_same_ics_bytes_and_prints_nothing() {
    let cli = hemacare();
    let expected = hemacare_ics(&cli);
    let mut args = HEMACARE_ICS.to_vec();
    args.extend(["--output", "out/hemacare.ics"]);
    std::fs::create_dir(cli.path().join("out")).unwrap();
    let (code, stdout, stderr) = cli.run_bytes(&args);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty(), "nothing on stdout");
    assert!(stderr.is_empty(), "{stderr}");
    let written = std::fs::read(cli.path().join("out/hemacare.ics")).unwrap();
    assert!(written == expected, "--output differs from stdout");
    let leftovers: Vec<_> = std::fs::read_dir(cli.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["hemacare.ics"], "no temporary file left behind");
}

/// A company in Los Angeles under the model bylaw (close of business,
/// 17:00 local). W6: anniversary Fri 15 May 2026, window Thu 15 Jan 2026
/// to Sat 14 Feb 2026 (no roll).
const ACME: &str = r#"
    [company]
    name = "Acme, Inc."
    zone = "America/Los_Angeles"
    rules = ["bylaws/templates/anniversary_window"]

    [facts]
    prior_meeting = 2025-05-15
    meeting = 2026-05-14
"#;

fn acme_ics() -> Vec<u8> {
    let cli = Cli::new();
    cli.file("acme.toml", ACME);
    let (code, stdout, stderr) = cli.run_bytes(&[
        "deadlines",
        "acme.toml",
        "--only",
        "bylaws/templates/anniversary_window",
        "--today",
        "2026-01-01",
        "--format",
        "ics",
    ]);
    assert_eq!(code, 0, "{stderr}");
    stdout
}

#[test]
fn timed_deadlines_use_the_company_zone_and_carry_a_vtimezone() {
    let out = acme_ics();
    assert_framing(&out);
    let text = String::from_utf8(out.clone()).unwrap();
    assert!(
        text.contains("\r\nBEGIN:VTIMEZONE\r\nTZID:America/Los_Angeles\r\n"),
        "{text}"
    );
    assert!(text.contains("\r\nDTSTART;TZID=America/Los_Angeles:20260115T170000\r\n"));
    assert!(text.contains("\r\nDTSTART;TZID=America/Los_Angeles:20260214T170000\r\n"));
    assert!(
        text.contains("NAME:govcal: Acme\\, Inc. deadlines\r\n"),
        "comma escaped"
    );
    // Folding may split the citation; look at the unfolded text.
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded.contains("\\; fallback pattern P5"),
        "semicolon escaped"
    );

    let cal = parse(&out);
    assert_eq!(cal.timezones.len(), 1);
    assert_eq!(cal.events.len(), 2, "opens and closes");
    for event in &cal.events {
        let dtstart = event
            .properties
            .iter()
            .find(|p| p.name == "DTSTART")
            .unwrap();
        assert_eq!(
            dtstart.params,
            Some(vec![(
                "TZID".to_owned(),
                vec!["America/Los_Angeles".to_owned()]
            )])
        );
    }
}

/// Every event has a DTEND later than its DTSTART (RFC 5545 §3.8.2.2):
/// an all-day event ends the next day (exclusive), a timed one a minute
/// after its start, in the same zone (#21). Checked on every example
/// calendar and on Acme's timed window.
#[test]
fn every_event_ends_after_it_starts() {
    use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
    let cli = Cli::with_examples();
    let mut calendars = vec![("acme".to_owned(), acme_ics())];
    for facts in [
        "cascadia-2026.toml",
        "harborview-2026.toml",
        "hemacare-2004.toml",
        "kestrel-2026.toml",
        "northwind-2026.toml",
        "prairie-2026.toml",
    ] {
        let (code, stdout, stderr) = cli.run_bytes(&[
            "deadlines",
            facts,
            "--format",
            "ics",
            "--today",
            "2026-01-05",
        ]);
        assert_eq!(code, 0, "{stderr}");
        calendars.push((facts.to_owned(), stdout));
    }
    let (mut timed, mut all_day) = (0, 0);
    for (name, bytes) in &calendars {
        for event in &parse(bytes).events {
            let find = |n: &str| event.properties.iter().find(|p| p.name == n);
            let uid = prop(event, "UID").unwrap();
            let start = find("DTSTART").unwrap();
            let end = find("DTEND").unwrap_or_else(|| panic!("{name}: {uid} has no DTEND"));
            assert_eq!(start.params, end.params, "{name}: {uid}");
            let (s, e) = (
                start.value.as_deref().unwrap(),
                end.value.as_deref().unwrap(),
            );
            if s.len() == 8 {
                let day = |v| NaiveDate::parse_from_str(v, "%Y%m%d").unwrap();
                assert_eq!(day(e), day(s).succ_opt().unwrap(), "{name}: {uid}");
                all_day += 1;
            } else {
                let at = |v: &str| {
                    NaiveDateTime::parse_from_str(v.trim_end_matches('Z'), "%Y%m%dT%H%M%S").unwrap()
                };
                assert_eq!(s.ends_with('Z'), e.ends_with('Z'), "{name}: {uid}");
                assert_eq!(at(e) - at(s), TimeDelta::minutes(1), "{name}: {uid}");
                timed += 1;
            }
        }
    }
    assert!(
        timed >= 10 && all_day >= 10,
        "{timed} timed, {all_day} all-day"
    );
}

/// The header and the HemaCare rows: both notices close 2004-03-05 (Form
/// 8-K of 27 Feb 2004); the SEC fallbacks have no date.
#[test]
fn csv_has_a_header_and_one_row_per_bound_with_hemacare_on_2004_03_05() {
    let out = hemacare().ok(&[
        "deadlines",
        "hemacare-2004.toml",
        "--today",
        "2004-02-27",
        "--format",
        "csv",
    ]);
    assert!(out.contains("\r\n"), "RFC 4180 line ends");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "company,pack,rule,bound,date,weekday,time,zone,status,actor,citation,note"
    );
    for rule in ["nomination_notice", "business_notice"] {
        let row = lines
            .iter()
            .find(|l| l.contains(&format!(",hemacare_bylaws,{rule},")))
            .unwrap_or_else(|| panic!("no row for {rule}:\n{out}"));
        assert!(
            row.starts_with(&format!(
                "HemaCare Corporation,hemacare_bylaws,{rule},closes,2004-03-05,Fri,,,computed,shareholder,"
            )),
            "{row}"
        );
    }
    let proposal = lines
        .iter()
        .find(|l| l.contains("shareholder_proposal_deadline"))
        .unwrap();
    assert!(proposal.contains(",,,,,,unspecified,"), "{proposal}");
    // One row per bound, and one undated row for a deadline with no date,
    // for exactly the deadlines the JSON output lists (so the count follows
    // the shipped SEC pack).
    let doc = hemacare().json(&[
        "deadlines",
        "hemacare-2004.toml",
        "--today",
        "2004-02-27",
        "--format",
        "json",
    ]);
    let expected: usize = doc["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let bounds = usize::from(!d["opens"].is_null()) + usize::from(!d["closes"].is_null());
            bounds.max(1)
        })
        .sum();
    assert_eq!(
        lines.len(),
        1 + expected,
        "header and one row per bound: {out}"
    );
}

/// A field holding a comma is quoted (RFC 4180 §2).
#[test]
fn csv_quotes_a_company_name_with_a_comma() {
    let cli = Cli::new();
    cli.file("acme.toml", ACME);
    // Acme's profile names no state, so without `--rules` every state's
    // pack would apply and come first.
    let out = cli.ok(&[
        "deadlines",
        "acme.toml",
        "--only",
        "bylaws/templates/anniversary_window",
        "--today",
        "2026-01-01",
        "--format",
        "csv",
    ]);
    let row = out.lines().nth(2).unwrap();
    assert!(
        row.starts_with("\"Acme, Inc.\",anniversary_window,shareholder_notice,closes,2026-02-14,Sat,17:00,America/Los_Angeles,computed,"),
        "{row}"
    );
}
