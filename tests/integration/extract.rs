//! `govcal extract` and `deadlines --from-filing`: meeting facts read from
//! SEC filings, each with its place in the file, and bad input refused.

use serde_json::Value;

use crate::util::Cli;

const SEED_2004: &str = "tests/fixtures/filings/hemacare-8k-2004-02-27.txt";
const SEED_2003: &str = "tests/fixtures/filings/hemacare-8k-2003-11-03.txt";

fn fact<'a>(doc: &'a Value, name: &str) -> &'a Value {
    doc["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["fact"] == name)
        .unwrap_or_else(|| panic!("no {name} in {doc:#}"))
}

/// HemaCare's Form 8-K of 27 February 2004, read by hand: California
/// (cover page, line 24); the press release of 27 February 2004 announced
/// the meeting (line 57); "The Meeting will be held on May 25, 2004" (line
/// 70, column 46); "The prior year's annual meeting was held on August 13,
/// 2003" (line 71, column 41); the proxy statement "will be mailed to
/// shareholders on or about April 10, 2004" (line 73, column 39). No record
/// date is stated.
#[test]
fn the_2004_seed_gives_every_fact_it_states_with_its_place() {
    let cli = Cli::new();
    cli.copy(SEED_2004);
    let doc = cli.json(&["extract", "hemacare-8k-2004-02-27.txt", "--format", "json"]);
    assert_eq!(doc["format"], "text");
    let expect = [
        ("company", "HemaCare Corporation", 19, 23),
        ("state", "CA", 24, 28),
        ("meeting", "2004-05-25", 70, 46),
        ("prior_meeting", "2003-08-13", 71, 41),
        ("announcement", "2004-02-27", 57, 4),
        ("proxy_release", "2004-04-10", 73, 39),
    ];
    for (name, value, line, column) in expect {
        let f = fact(&doc, name);
        assert_eq!(f["value"], value, "{name}");
        assert_eq!(
            (f["line"].as_u64(), f["column"].as_u64()),
            (Some(line), Some(column)),
            "{name}"
        );
        assert_eq!(f["sure"], true, "{name}");
    }
    assert_eq!(fact(&doc, "meeting_kind")["value"], "annual");
    assert_eq!(fact(&doc, "meeting")["confidence"], "high");
    let release = fact(&doc, "proxy_release");
    assert_eq!(release["confidence"], "medium");
    assert!(release["note"].as_str().unwrap().contains("on or about"));
    assert!(
        release["evidence"]
            .as_str()
            .unwrap()
            .contains("will be mailed to shareholders on or about April 10, 2004.")
    );
    let names: Vec<&str> = doc["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["fact"].as_str().unwrap())
        .collect();
    assert!(
        !names.contains(&"record_date"),
        "the 8-K states none: {names:?}"
    );
}

/// The facts file it prints is one `govcal deadlines` accepts, and gives
/// the bylaw's Friday 5 March 2004.
#[test]
fn the_facts_file_runs_and_from_filing_does_both() {
    let cli = Cli::new();
    cli.copy(SEED_2004);
    let toml = cli.ok(&[
        "extract",
        "hemacare-8k-2004-02-27.txt",
        "--output",
        "facts.toml",
    ]);
    assert!(toml.is_empty());
    let text = std::fs::read_to_string(cli.path().join("facts.toml")).unwrap();
    assert!(text.contains("\nmeeting = 2004-05-25\n"), "{text}");
    assert!(
        text.contains("\nname = \"HemaCare Corporation\"\n"),
        "{text}"
    );
    assert!(text.contains("# hemacare-8k-2004-02-27.txt:70:46 (High confidence): The Meeting will be held on May 25, 2004."), "{text}");
    for args in [
        &["deadlines", "facts.toml"][..],
        &["deadlines", "--from-filing", "hemacare-8k-2004-02-27.txt"],
    ] {
        let mut args = args.to_vec();
        args.extend([
            "--only",
            "bylaws/hemacare",
            "--today",
            "2004-02-27",
            "--format",
            "json",
        ]);
        let doc = cli.json(&args);
        let closes: Vec<&str> = doc["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["closes"]["date"].as_str().unwrap())
            .collect();
        assert_eq!(closes, ["2004-03-05", "2004-03-05"], "{args:?}");
    }
}

/// The 8-K of 3 November 2003 names a director and an officer: no meeting.
/// `extract` gives what it states (exit 0) with a note and a warning;
/// `deadlines --from-filing` and `verify`, which need the date, refuse it.
#[test]
fn a_filing_without_a_meeting_date_gives_what_it_states_and_no_deadlines() {
    let cli = Cli::new();
    cli.copy(SEED_2003);
    let (code, stdout, stderr) = cli.run(&["extract", "hemacare-8k-2003-11-03.txt"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains(NO_MEETING_NOTE), "{stdout}");
    assert!(
        stdout.contains("\nname = \"HemaCare Corporation\"\n"),
        "{stdout}"
    );
    assert!(stdout.contains("\nstate = \"CA\"\n"), "{stdout}");
    assert_no_meeting_warning(&stderr, "hemacare-8k-2003-11-03.txt");
    let flat = stderr.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("the facts file has what it states (company HemaCare Corporation, state CA)"),
        "{stderr}"
    );
    for args in [
        &["deadlines", "--from-filing", "hemacare-8k-2003-11-03.txt"][..],
        &["verify", "hemacare-8k-2003-11-03.txt"],
    ] {
        let (code, stdout, stderr) = cli.run(args);
        assert_eq!(code, 1, "{args:?}: {stderr}");
        assert!(stdout.is_empty());
        assert!(
            stderr.starts_with("hemacare-8k-2003-11-03.txt:1:1\n"),
            "{stderr}"
        );
        assert!(headline(&stderr).starts_with('×'), "an error: {stderr}");
        assert!(headline(&stderr).ends_with(" no meeting date found in this filing"));
        assert!(
            stderr.contains("found only: company HemaCare Corporation, state CA"),
            "{stderr}"
        );
    }
}

/// The note at the top of a facts file read from a filing with no meeting date.
const NO_MEETING_NOTE: &str = "# NO MEETING DATE was found in this filing: write it in by hand below\n\
                               # (`meeting = YYYY-MM-DD`) before running `govcal deadlines` on this file.\n";

/// The line under a diagnostic's location: its mark (`×` an error, `⚠` a
/// warning) and message.
fn headline(stderr: &str) -> &str {
    stderr.lines().nth(1).unwrap_or_default().trim()
}

/// The warning `extract` gives on stderr for such a filing, located at its start.
fn assert_no_meeting_warning(stderr: &str, file: &str) {
    assert!(stderr.starts_with(&format!("{file}:1:1\n")), "{stderr}");
    assert!(headline(stderr).starts_with('⚠'), "a warning: {stderr}");
    assert!(headline(stderr).ends_with(" no meeting date found in this filing"));
    // The help is wrapped: read it with its lines joined.
    let flat = stderr.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("write the meeting date in by hand under [facts] (`meeting = YYYY-MM-DD`)"),
        "{stderr}"
    );
    assert!(!stderr.contains("error"), "{stderr}");
}

/// A report without a meeting: its file, lines of the facts file `extract`
/// gives, and facts (name, value) of its JSON.
type Report = (
    &'static str,
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
);

/// Annual and quarterly reports state the company, its state and the end
/// of its fiscal year, and no meeting: `extract` gives them (exit 0, as a
/// facts file and as JSON), with the note; once the meeting is written in,
/// `deadlines` reads the file. `deadlines --from-filing` refuses them.
#[test]
fn annual_and_quarterly_reports_give_their_facts_without_a_meeting() {
    let cli = Cli::new();
    let cases: [Report; 3] = [
        (
            "tests/fixtures/filings/pg-10k-fy2024.htm",
            &[
                "\nstate = \"OH\"\n",
                "# note: the fiscal year end the filing reports\nfiscal_year_end = 2024-06-30\n",
            ],
            &[("state", "OH"), ("fiscal_year_end", "2024-06-30")],
        ),
        (
            "tests/fixtures/filings/medicis-10k-fy1999.htm",
            &[
                "\nname = \"MEDICIS PHARMACEUTICAL CORPORATION\"\n",
                "\nstate = \"DE\"\n",
                "\nfiscal_year_end = 1999-06-30\n",
            ],
            &[
                ("company", "MEDICIS PHARMACEUTICAL CORPORATION"),
                ("state", "DE"),
                ("fiscal_year_end", "1999-06-30"),
            ],
        ),
        (
            "tests/fixtures/filings/apple-10q-1999-02-08.txt",
            &[
                "\nname = \"APPLE COMPUTER, INC.\"\n",
                "\nstate = \"CA\"\n",
                "\nfiscal_year_end = 1998-09-30\n",
            ],
            &[
                ("company", "APPLE COMPUTER, INC."),
                ("state", "CA"),
                ("fiscal_year_end", "1998-09-30"),
            ],
        ),
    ];
    for (path, in_toml, in_json) in cases {
        cli.copy(path);
        let file = path.rsplit('/').next().unwrap();
        let (code, toml, stderr) = cli.run(&["extract", file]);
        assert_eq!(code, 0, "{file}: {stderr}");
        assert!(toml.contains(NO_MEETING_NOTE), "{file}: {toml}");
        for want in in_toml {
            assert!(toml.contains(want), "{file}: {want:?} not in {toml}");
        }
        assert!(!toml.contains("\nmeeting ="), "{file}: {toml}");
        assert_no_meeting_warning(&stderr, file);
        let (code, json, stderr) = cli.run(&["extract", file, "--format", "json"]);
        assert_eq!(code, 0, "{file}: {stderr}");
        assert_no_meeting_warning(&stderr, file);
        let doc: Value = serde_json::from_str(&json).unwrap();
        for (name, value) in in_json {
            assert_eq!(fact(&doc, name)["value"], *value, "{file}");
        }
        let (code, stdout, stderr) = cli.run(&["deadlines", "--from-filing", file]);
        assert_eq!(code, 1, "{file}: {stderr}");
        assert!(stdout.is_empty(), "{file}: {stdout}");
        assert!(
            stderr.starts_with(&format!("{file}:1:1\n"))
                && headline(&stderr).starts_with('×')
                && headline(&stderr).ends_with(" no meeting date found in this filing"),
            "{file}: {stderr}"
        );
    }
    // The place left for the meeting is in `[facts]`: written in, the file runs.
    cli.ok(&["extract", "apple-10q-1999-02-08.txt", "-o", "apple.toml"]);
    let text = std::fs::read_to_string(cli.path().join("apple.toml")).unwrap();
    let filled = text.replace("# meeting = YYYY-MM-DD\n", "meeting = 2000-03-15\n");
    assert_ne!(filled, text);
    cli.file("apple.toml", &filled);
    let doc = cli.json(&[
        "deadlines",
        "apple.toml",
        "--today",
        "1999-03-01",
        "--format",
        "json",
    ]);
    assert_eq!(doc["facts"]["meeting"], "2000-03-15", "{doc:#}");
}

#[test]
fn empty_and_binary_files_are_refused() {
    let cli = Cli::new();
    cli.file("empty.txt", "  \n\n");
    std::fs::write(cli.path().join("scan.pdf"), b"%PDF-1.4\n\x00\x01\x02binary").unwrap();
    for (file, message) in [
        ("empty.txt", "the file is empty"),
        ("scan.pdf", "this is a binary file"),
    ] {
        let (code, stdout, stderr) = cli.run(&["extract", file]);
        assert_eq!(code, 1, "{stderr}");
        assert!(stdout.is_empty());
        assert!(stderr.contains(message), "{stderr}");
        assert!(stderr.starts_with(file), "{stderr}");
    }
    let (code, _, stderr) = cli.run(&["extract", "missing.txt"]);
    assert_eq!(code, 2, "{stderr}");
}

/// The same announcement as EDGAR HTML inside a full-submission file:
/// entities, tags, a table cell holding the date, a date broken across
/// lines, a weekday and `<PAGE>` markers.
#[test]
fn html_and_submission_files_read_the_same() {
    let cli = Cli::new();
    cli.file(
        "sub.txt",
        "<SEC-DOCUMENT>0000801748-04-000001.txt : 20040227\n<SEC-HEADER>\nACCESSION NUMBER:\t\t0000801748-04-000001\nFILED AS OF DATE:\t\t20040227\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tHEMACARE CORP /CA/\n\t\tSTATE OF INCORPORATION:\t\t\tCA\n\t\tFISCAL YEAR END:\t\t\t1231\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n<html><body><p>On February&nbsp;27, 2004, HemaCare&#8217;s board issued a press release announcing the date of its annual meeting.</p>\n<table><tr><td>Meeting date</td><td>Tuesday, May\n 25, 2004</td></tr></table>\n<p>Shareholders of record at the close of business on April&nbsp;7, 2004 may vote.</p>\n<PAGE> 2\n<p>The proxy statement will be mailed on or about April 10, 2004 &amp; filed.</p></body></html>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n",
    );
    let doc = cli.json(&["extract", "sub.txt", "--format", "json"]);
    assert_eq!(doc["format"], "submission");
    for (name, value) in [
        ("company", "HEMACARE CORP /CA/"),
        ("state", "CA"),
        ("meeting", "2004-05-25"),
        ("announcement", "2004-02-27"),
        ("record_date", "2004-04-07"),
        ("proxy_release", "2004-04-10"),
        ("fiscal_year_end", "2003-12-31"),
    ] {
        assert_eq!(fact(&doc, name)["value"], value, "{name}: {doc:#}");
    }
    // The meeting date's place: line 14, where "Tuesday, May" begins.
    assert_eq!(fact(&doc, "meeting")["line"], 14);
}

const EASTMAN: &str = "tests/fixtures/filings/eastman-def14a-2026.htm";

/// Eastman Chemical's 2026 proxy statement (an excerpt; provenance in
/// `eastman-def14a-2026.expected.toml`): materials first sent Tue 24 Mar
/// 2026, so Rule 14a-8(e)(2)'s deadline for the 2027 meeting is 120 days
/// before Wed 24 Mar 2027: Tue 24 Nov 2026, as printed. The bylaw windows
/// are reported unchecked without the bylaws.
#[test]
fn verify_agrees_with_a_correctly_printed_date() {
    let cli = Cli::new();
    cli.copy(EASTMAN);
    let doc = cli.json(&[
        "verify",
        "eastman-def14a-2026.htm",
        "--format",
        "json",
        "--today",
        "2026-04-01",
    ]);
    let items = doc["deadlines"].as_array().unwrap();
    let rule = &items[0];
    assert_eq!(rule["purpose"], "rule_14a8");
    assert_eq!(rule["verdict"], "agrees");
    assert_eq!(rule["printed"]["closes"], "2026-11-24");
    assert_eq!(rule["computed"]["closes"], "2026-11-24");
    assert_eq!(
        rule["computed"]["rule"],
        "sec_regulation_14a/shareholder_proposal_deadline"
    );
    let kinds: Vec<(&str, &str)> = items
        .iter()
        .map(|i| {
            (
                i["purpose"].as_str().unwrap(),
                i["verdict"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("rule_14a8", "agrees"),
            ("advance_notice", "unchecked"),
            ("proxy_access", "unchecked")
        ]
    );
    assert_eq!(items[1]["printed"]["opens"], "2026-10-25");
}

/// The same proxy statement with the 119th day printed for the 120th
/// (Wednesday 25 November 2026): reported as differing by one day, with
/// the arithmetic, and exit 1.
#[test]
fn verify_catches_a_date_printed_one_day_off() {
    let cli = Cli::new();
    let text = std::fs::read_to_string(crate::util::manifest_path(EASTMAN)).unwrap();
    let wrong = text.replacen(
        "no later than November 24, 2026, in order",
        "no later than November 25, 2026, in order",
        1,
    );
    assert_ne!(wrong, text);
    cli.file("eastman.htm", &wrong);
    let (code, stdout, stderr) = cli.run(&["verify", "eastman.htm", "--today", "2026-04-01"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stdout.contains("DIFFERS   Rule 14a-8 proposal: closes Wed 25 Nov 2026"),
        "{stdout}"
    );
    assert!(
        stdout.contains("closing date printed 1 day later than computed"),
        "{stdout}"
    );
    assert!(
        stdout.contains("120 days before the anniversary of the release of last year's proxy statement (Wed 24 Mar 2027) = Tue 24 Nov 2026"),
        "{stdout}"
    );
    assert!(
        stdout.contains("3 printed, 0 agree, 1 differ, 2 unchecked"),
        "{stdout}"
    );
}

/// An HTML filing thick with character references: named ones (HTML 4's
/// and HTML5's), numbers in decimal and hex, old names without their `;`,
/// unknown ones left as written. The date after them is read, the sentence
/// reads as a browser shows it, and its place is the line and column of
/// the date in the file as written (each reference counted as the
/// characters it is written with).
#[test]
fn character_references_are_read_and_locations_stay_in_the_file() {
    let noise = "&ldquo;Caf&eacute;&rdquo; &mdash; &sect;&nbsp;2 &para;&nbsp3 &copy 2004 &reg; \
                 &trade; &#8217;&#x2019;&#146; &hellip; &frac12; &NotEqualTilde; &bull;&middot;\
                 &ensp;&emsp;&thinsp; &Eacute;&Yuml;&shy;&#8203;&zwj;";
    let meeting_line = format!(
        "<p>{noise} Stockholders of Caf&eacute; &amp; Cr&egrave;me, Inc.: The annual meeting \
         of stockholders of the Company will be held on&nbsp;May&#160;25,&nbsp2004 at \
         9&nbsp;a.m. &unknown; AT&T&#xA0;&amp</p>"
    );
    let html = format!(
        "<html><body>\n{}\n<p>\n{meeting_line}\n</p></body></html>\n",
        format!("<p>{noise}</p>\n").repeat(40)
    );
    let cli = Cli::new();
    cli.file("references.htm", &html);
    let doc = cli.json(&["extract", "references.htm", "--format", "json"]);
    let meeting = fact(&doc, "meeting");
    assert_eq!(meeting["value"], "2004-05-25");
    // The line and column of `May` in the file as written.
    let line = html
        .lines()
        .position(|l| l == meeting_line)
        .expect("the line")
        + 1;
    let column = meeting_line[..meeting_line.find("May&#160;25").unwrap()]
        .chars()
        .count()
        + 1;
    assert_eq!(line, 44);
    assert!(column > 300, "{column}: many references before the date");
    assert_eq!(
        (meeting["line"].as_u64(), meeting["column"].as_u64()),
        (Some(line as u64), Some(column as u64))
    );
    let evidence = meeting["evidence"].as_str().unwrap();
    for shown in [
        "“Café” — § 2 ¶ 3 © 2004 ® ™ ’’’ … ½ \u{2242}\u{338} •· ÉŸ Stockholders",
        "of Café & Crème, Inc.:",
        "will be held on May 25, 2004 at 9 a.m. &unknown; AT&T &",
    ] {
        assert!(evidence.contains(shown), "{shown:?} not in {evidence:?}");
    }
}

/// Issue 19 §3/§4 through the process: a notice in capitals names the
/// company after the meeting's words; a defined term stands between the
/// results report's meeting and its date; the record date is
/// "established ... as the record date"; the state is "incorporated under
/// Oregon law". Each value comes with the place of its date or word.
#[test]
fn a_notice_in_capitals_with_a_defined_term_and_stated_state() {
    let cli = Cli::new();
    cli.file(
        "notice.txt",
        "NOTICE IS HEREBY GIVEN THAT THE ANNUAL MEETING OF STOCKHOLDERS OF THE XYZ COMPANY, INC. (THE \"COMPANY\") WILL BE HELD AS SET OUT BELOW.\n\
         \n\
         The Company will hold its 2025 Annual Meeting of Shareholders (together with any adjournments, the “Meeting”) on May 8, 2025.\n\
         \n\
         The Board of Directors has established the close of business on March 10, 2025 as the record date for determining the stockholders entitled to vote at the Meeting.\n\
         \n\
         The Company was incorporated under Oregon law.\n",
    );
    let doc = cli.json(&["extract", "notice.txt", "--format", "json"]);
    let expect = [
        ("company", "The XYZ Company, Inc.", 1, 67),
        ("meeting", "2025-05-08", 3, 114),
        ("record_date", "2025-03-10", 5, 65),
        ("state", "OR", 7, 36),
    ];
    for (name, value, line, column) in expect {
        let f = fact(&doc, name);
        assert_eq!(f["value"], value, "{name}: {f:#}");
        assert_eq!(f["sure"], true, "{name}");
        assert_eq!(
            (f["line"].as_u64(), f["column"].as_u64()),
            (Some(line), Some(column)),
            "{name}: {f:#}"
        );
    }
}
