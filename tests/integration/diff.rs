//! `govcal diff OLD NEW`: what an amendment changes, for one meeting and
//! across a span of meeting dates. Expected dates are computed independently
//! with python3 `datetime` (`date - timedelta(days=N)`), as each comment says.

use serde_json::Value;

use crate::util::{Cli, manifest_path};

/// Asserts that `out` contains `text`, showing `out` if not.
fn has(out: &str, text: &str) {
    assert!(out.contains(text), "no `{text}` in:\n{out}");
}

const NORTHWIND: [&str; 4] = [
    "diff",
    "northwind-bylaws.toml",
    "northwind-amended-bylaws.toml",
    "northwind-2026.toml",
];

/// The amendment of the README: 120/90 -> 150/120 before the anniversary
/// (Fri 15 May 2026) of the Thu 15 May 2025 meeting. python3:
/// date(2026,5,15) - timedelta(120) = 2026-01-15, - timedelta(90) =
/// 2026-02-14; - timedelta(150) = 2025-12-16, - timedelta(120) = 2026-01-15.
#[test]
fn northwind_amendment_moves_both_bounds_30_days_earlier() {
    let cli = Cli::with_examples();
    let out = cli.ok(&NORTHWIND);
    assert!(
        out.contains(
            "opens   30 days earlier: Thu 15 Jan 2026 → Tue 16 Dec 2025, 17:00 America/New_York"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "closes  30 days earlier: Sat 14 Feb 2026 → Thu 15 Jan 2026, 17:00 America/New_York"
        ),
        "{out}"
    );
    // Nothing else in the library moves: two lines of changes.
    has(&out, "\n2 deadlines change:\n");
    assert!(out.contains("Northwind Bylaws § 1.10(a)(2) (as amended 12 November 2026)"));
    let path = manifest_path("tests/integration/snapshots/diff-northwind-2026.txt");
    if std::env::var_os("GOVCAL_BLESS").is_some() {
        std::fs::write(&path, &out).unwrap();
    }
    assert_eq!(out, std::fs::read_to_string(&path).unwrap());

    let doc: Value = cli.json(&[&NORTHWIND[..], &["--format", "json"]].concat());
    assert_eq!(doc["mode"], "meeting");
    assert_eq!(doc["old"]["version"], "2024-02-15");
    assert_eq!(doc["new"]["version"], "2026-11-12");
    let changes = doc["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 2, "{doc:#}");
    let closes = changes.iter().find(|c| c["bound"] == "closes").unwrap();
    assert_eq!(closes["pack"], "northwind_bylaws");
    assert_eq!(closes["rule"], "advance_notice");
    assert_eq!(closes["old"]["state"], "date");
    assert_eq!(closes["old"]["date"], "2026-02-14");
    assert_eq!(closes["new"]["date"], "2026-01-15");
    assert_eq!(closes["new"]["time"], "17:00");
    assert_eq!(closes["new"]["zone"], "America/New_York");
    assert_eq!(closes["shift_days"], -30);
    assert!(doc.get("unchanged").is_none());
    let all: Value = cli.json(&[&NORTHWIND[..], &["--format", "json", "--all"]].concat());
    assert!(!all["unchanged"].as_array().unwrap().is_empty());
}

/// Over two years with last year's meeting fixed at Thu 15 May 2025: the
/// anniversary window (both bounds 30 days earlier) holds for meetings from
/// 30 days before to 60 days after Fri 15 May 2026, i.e. Wed 15 Apr to Tue
/// 14 Jul 2026 (python3: date(2026,5,15) -/+ timedelta(30/60)); outside, the
/// fallback's opening date moves 30 days earlier and its closing date,
/// 10 days after an announcement 77 days before the meeting, does not move.
#[test]
fn northwind_span_summarises_in_four_lines() {
    let cli = Cli::with_examples();
    let out = cli.ok(&[
        &NORTHWIND[..],
        &["--from", "2026-01-01", "--to", "2027-12-31"],
    ]
    .concat());
    let runs: Vec<&str> = out.lines().filter(|l| l.starts_with("for ")).collect();
    assert_eq!(runs.len(), 4, "{out}");
    assert!(runs[0].starts_with("for meetings between Thu 1 Jan 2026 and Tue 14 Apr 2026: northwind_bylaws/advance_notice opens 30 days earlier"), "{out}");
    assert!(runs[1].starts_with("for meetings between Wed 15 Apr 2026 and Tue 14 Jul 2026: northwind_bylaws/advance_notice opens 30 days earlier (Thu 15 Jan 2026 → Tue 16 Dec 2025"), "{out}");
    assert!(runs[2].starts_with("for meetings between Wed 15 Apr 2026 and Tue 14 Jul 2026: northwind_bylaws/advance_notice closes 30 days earlier (Sat 14 Feb 2026 → Thu 15 Jan 2026"), "{out}");
    assert!(runs[3].starts_with("for meetings between Wed 15 Jul 2026 and Fri 31 Dec 2027: northwind_bylaws/advance_notice opens 30 days earlier"), "{out}");
    has(&out, "prior_meeting stays Thu 15 May 2025 (history)");
    has(&out, "announcement stays 77 days before the meeting");
    has(&out, "(730 dates)");
}

/// Two versions of a bylaw that differ only in how far the meeting may be
/// advanced before the fallback applies: 30 days, then 60.
fn threshold_packs() -> Cli {
    let cli = Cli::new();
    for (file, version, advanced) in [("old.toml", "1", 30), ("new.toml", "2", 60)] {
        cli.file(
            file,
            &format!(
                r#"
                [pack]
                id = "acme_bylaws"
                title = "Acme bylaws"
                version = "{version}"
                citation = "Acme Bylaws § 2"

                [[use]]
                template = "bylaws/templates/anniversary_window"
                id = "advance_notice"
                params = {{ citation = "Acme Bylaws § 2(a)", advanced_days = {advanced} }}
                "#
            ),
        );
    }
    cli
}

/// The anniversary of the Thu 15 May 2025 meeting is Fri 15 May 2026. Only
/// meetings advanced 31 to 60 days (python3: date(2026,5,15) -
/// timedelta(60) = Mon 16 Mar 2026, - timedelta(31) = Tue 14 Apr 2026) change
/// branch. There the opening date goes from 120 days before the meeting to
/// Thu 15 Jan 2026 (+60 days for 16 Mar: 2025-11-16 -> 2026-01-15; +31 for
/// 14 Apr: 2025-12-15 -> 2026-01-15), and the closing date from 10 days after
/// an announcement 77 days before the meeting (16 Mar: 2026-01-08; 14 Apr:
/// 2026-02-06) to Sat 14 Feb 2026 (+37 and +8 days).
#[test]
fn threshold_amendment_changes_exactly_the_meetings_advanced_31_to_60_days() {
    let cli = threshold_packs();
    let args = [
        "diff",
        "old.toml",
        "new.toml",
        "--only",
        "old.toml",
        "--prior-meeting",
        "2025-05-15",
        "--meeting",
        "2026-05-14",
        "--announcement",
        "2026-02-26",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
    ];
    let out = cli.ok(&args);
    let runs: Vec<&str> = out.lines().filter(|l| l.starts_with("for ")).collect();
    assert_eq!(
        runs,
        [
            "for meetings between Mon 16 Mar 2026 and Tue 14 Apr 2026: acme_bylaws/advance_notice opens moves 31 to 60 days later (meeting Mon 16 Mar 2026: Sun 16 Nov 2025 → Thu 15 Jan 2026, 17:00 America/New_York; meeting Tue 14 Apr 2026: Mon 15 Dec 2025 → Thu 15 Jan 2026, 17:00 America/New_York)",
            "for meetings between Mon 16 Mar 2026 and Tue 14 Apr 2026: acme_bylaws/advance_notice closes moves 8 to 37 days later (meeting Mon 16 Mar 2026: Thu 8 Jan 2026 → Sat 14 Feb 2026, 17:00 America/New_York; meeting Tue 14 Apr 2026: Fri 6 Feb 2026 → Sat 14 Feb 2026, 17:00 America/New_York)",
        ],
        "{out}"
    );
    has(&out, "335 meeting dates of 365: no deadline moves");

    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let doc = cli.json(&json_args);
    assert_eq!(doc["mode"], "span");
    assert_eq!(doc["meetings"], 365);
    assert_eq!(doc["unchanged_meetings"], 335);
    let runs = doc["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 2);
    let opens = &runs[0];
    assert_eq!(opens["bound"], "opens");
    assert_eq!(
        (opens["from"].as_str(), opens["to"].as_str()),
        (Some("2026-03-16"), Some("2026-04-14"))
    );
    assert_eq!(
        (opens["shift_min"].as_i64(), opens["shift_max"].as_i64()),
        (Some(31), Some(60))
    );
    assert_eq!(opens["meetings"], 30);
    assert_eq!(opens["first"]["new"]["date"], "2026-01-15");
    assert!(
        doc["assumptions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "prior_meeting stays Thu 15 May 2025 (history)")
    );
}

/// With no prior meeting given, last year's meeting is one year before each
/// meeting date: every meeting sits on its anniversary, so the threshold
/// never matters and nothing moves.
#[test]
fn span_without_prior_meeting_assumes_one_a_year_earlier() {
    let cli = threshold_packs();
    let out = cli.ok(&[
        "diff",
        "old.toml",
        "new.toml",
        "--only",
        "old.toml",
        "--from",
        "2026-01-01",
        "--to",
        "2026-03-31",
    ]);
    has(
        &out,
        "last year's meeting is taken to be one year before each meeting date",
    );
    has(&out, "no deadline moves for any meeting date in the span");
}

#[test]
fn rules_added_removed_and_renamed() {
    let cli = Cli::new();
    let head = r#"
        [pack]
        id = "demo"
        title = "Demo"
        version = "VERSION"
        citation = "Demo § 1"
    "#;
    let rule = |id: &str, closes: &str, extra: &str| {
        format!(
            "\n[[rule]]\nid = \"{id}\"\nsummary = \"s\"\ncitation = \"Demo § 1({id})\"\ncloses = \"{closes}\"\n{extra}\n[[rule.case]]\nfacts = {{ meeting = 2026-05-14 }}\nstatus = \"computed\"\n"
        )
    };
    let old = format!(
        "{}{}{}{}",
        crate::util::dedent(head).replace("VERSION", "1"),
        rule("kept", "meeting - 10 days", ""),
        rule("dropped", "meeting - 20 days", ""),
        rule("old_name", "meeting - 30 days", ""),
    );
    let new = format!(
        "{}{}{}{}",
        crate::util::dedent(head).replace("VERSION", "2"),
        rule("kept", "meeting - 10 days", ""),
        rule("added", "meeting - 40 days", ""),
        rule("new_name", "meeting - 31 days", "aliases = [\"old_name\"]"),
    );
    cli.file("old.toml", &old).file("new.toml", &new);
    let out = cli.ok(&[
        "diff",
        "old.toml",
        "new.toml",
        "--only",
        "old.toml",
        "--meeting",
        "2026-05-14",
    ]);
    // 2026-05-14 - 40 = 2026-04-04; - 20 = 2026-04-24; - 30 = 2026-04-14; - 31 = 2026-04-13.
    has(
        &out,
        "demo/added     closes  new rule: no such rule → Sat 4 Apr 2026",
    );
    has(
        &out,
        "demo/new_name  closes  1 day earlier: Tue 14 Apr 2026 → Mon 13 Apr 2026",
    );
    has(
        &out,
        "demo/dropped   closes  rule removed: Fri 24 Apr 2026 → no such rule",
    );
    has(
        &out,
        "demo/new_name: Demo § 1(new_name) (before: Demo § 1(old_name)) (formerly demo/old_name)",
    );
    assert!(!out.contains("demo/kept"), "{out}");

    let unchanged = [
        "diff",
        "old.toml",
        "old.toml",
        "--only",
        "old.toml",
        "--meeting",
        "2026-05-14",
    ];
    has(&cli.ok(&unchanged), "\nno deadline moves\n");
    let all = cli.ok(&[&unchanged[..], &["--all"]].concat());
    has(&all, "demo/kept closes: Mon 4 May 2026");
}

#[test]
fn a_meeting_becoming_special_makes_the_window_not_applicable() {
    let cli = threshold_packs();
    cli.file(
        "special.toml",
        r#"
        [pack]
        id = "acme_bylaws"
        title = "Acme bylaws"
        version = "3"
        citation = "Acme Bylaws § 2"

        [[use]]
        template = "bylaws/templates/special_meeting_nominations"
        id = "advance_notice"
        params = { citation = "Acme Bylaws § 2(b)" }
        "#,
    );
    let out = cli.ok(&[
        "diff",
        "old.toml",
        "special.toml",
        "--only",
        "old.toml",
        "--meeting",
        "2026-05-14",
        "--prior-meeting",
        "2025-05-15",
    ]);
    has(
        &out,
        "opens   becomes not applicable: Thu 15 Jan 2026 17:00 America/New_York → not applicable",
    );
}

#[test]
fn bad_spans_and_formats_are_refused_with_exit_2() {
    let cli = threshold_packs();
    let base = ["diff", "old.toml", "new.toml", "--only", "old.toml"];
    let run = |extra: &[&str]| cli.run(&[&base[..], extra].concat());
    let (code, out, err) = run(&["--from", "2027-01-02", "--to", "2027-01-01"]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    has(
        &err,
        "error: `--from` Sat 2 Jan 2027 is after `--to` Fri 1 Jan 2027",
    );
    let (code, _, err) = run(&["--from", "2026-01-01", "--to", "2046-01-02"]);
    assert_eq!(code, 2, "{err}");
    has(&err, "is longer than 20 years");
    // Exactly 20 years is the longest span accepted.
    let (code, _, err) = run(&["--from", "2026-01-01", "--to", "2046-01-01"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&["--from", "2026-01-01"]);
    assert_eq!(code, 2, "{err}");
    has(&err, "--to");
    let (code, _, err) = run(&["--format", "csv", "--meeting", "2026-05-14"]);
    assert_eq!(code, 2, "{err}");
    has(&err, "invalid value 'csv' for '--format <FORMAT>'");
    let (code, _, err) = run(&[
        "--from",
        "2026-01-01",
        "--to",
        "2026-02-01",
        "--record-date",
        "2026-03-01",
    ]);
    assert_eq!(code, 2, "{err}");
    has(&err, "`record_date` is given without a meeting date");
    let (code, _, err) = cli.run(&["diff", "old.toml", "nosuch.toml", "--only", "old.toml"]);
    assert_eq!(code, 2, "{err}");
    has(&err, "nosuch.toml");
    let (code, _, err) = cli.run(&["diff", "old.toml", "sec", "--only", "old.toml"]);
    assert_eq!(code, 2, "{err}");
    has(&err, "`sec` names 3 packs");
}

#[test]
fn one_meeting_needs_its_facts_and_a_span_does_not() {
    let cli = threshold_packs();
    let (code, out, err) = cli.run(&["diff", "old.toml", "new.toml", "--rules", "old.toml"]);
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    has(&err, "no facts given");
    // Over a span the span supplies the meeting (see
    // `span_without_prior_meeting_assumes_one_a_year_earlier`), and
    // impossible facts are refused there too.
    let (code, _, err) = cli.run(&[
        "diff",
        "old.toml",
        "new.toml",
        "--rules",
        "old.toml",
        "--from",
        "2026-01-01",
        "--to",
        "2026-01-31",
        "--meeting",
        "2026-01-15",
        "--record-date",
        "2026-01-20",
    ]);
    assert_eq!(code, 1, "{err}");
    has(&err, "is after `meeting`");
}
