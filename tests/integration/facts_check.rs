//! Impossible and doubtful facts (issue 15). Facts that cannot all be true
//! (a record date after the meeting, a meeting on or before last year's)
//! exit 1 naming both facts and where each was given: file:line:col in a
//! facts file or a pack's worked case, the flag on the command line, the
//! column of a portfolio row. No facts at all is refused the same way.
//! Doubtful facts (a meeting 18 months after the last, a record date more
//! than 90 days before the meeting) and shareholder dates out of order with
//! the meeting are warnings: in the table, in JSON `warnings`, in batch
//! JSON lines, and not fatal.
//!
//! Locations below are counted by hand from the texts written here.

use serde_json::Value;

use crate::util::{Cli, assert_diagnostic, deadline};

const TODAY: &str = "2026-01-05";

/// A facts file whose `[facts]` table starts at line 5; `facts` starts at
/// line 6, column 1.
fn facts(facts: &str) -> String {
    format!("[company]\nname = \"X\"\nrules = [\"sec\"]\n\n[facts]\n{facts}\n")
}

/// `stderr` with miette's wrapped lines joined again: a message continues
/// after `│`, a help after eight spaces.
fn unwrapped(stderr: &str) -> String {
    let mut out = String::with_capacity(stderr.len());
    let mut rest = stderr;
    while let Some(at) = rest.find('\n') {
        out.push_str(&rest[..at]);
        let next = &rest[at + 1..];
        let continued = next
            .strip_prefix("  │ ")
            .or_else(|| next.strip_prefix("        "));
        match continued {
            // A line broken after a hyphen (`2026-05-` / `14`) joins up.
            Some(more) if out.ends_with('-') => rest = more,
            Some(more) => {
                out.push(' ');
                rest = more;
            }
            None => {
                out.push('\n');
                rest = next;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `govcal ARGS`: (exit code, stdout, stderr with its lines unwrapped).
fn run(cli: &Cli, args: &[&str]) -> (i32, String, String) {
    let (code, out, err) = cli.run(args);
    (code, out, unwrapped(&err))
}

/// `govcal deadlines facts.toml EXTRA…` on `text`: (exit code, stdout,
/// stderr unwrapped).
fn deadlines(text: &str, extra: &[&str]) -> (i32, String, String) {
    let cli = Cli::new();
    cli.file("facts.toml", text);
    let mut args = vec!["deadlines", "facts.toml", "--today", TODAY];
    args.extend_from_slice(extra);
    run(&cli, &args)
}

/// As [`deadlines`], expecting exit 1, no output and `n` problems.
fn refused(text: &str, extra: &[&str], n: usize) -> String {
    let (code, out, err) = deadlines(text, extra);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty(), "{out}");
    let found = if n == 1 {
        "error: found 1 problem\n".to_owned()
    } else {
        format!("error: found {n} problems\n")
    };
    assert!(err.ends_with(&found), "{err}");
    err
}

#[test]
fn each_preparation_after_the_meeting_is_refused_at_both_places() {
    // `meeting = 2026-05-14` at 6:11; the other fact at 7:(len + 4).
    for name in [
        "announcement",
        "record_date",
        "notice_mailing",
        "proxy_release",
        "preliminary_filing",
        "definitive_filing",
        "prior_proxy_release",
    ] {
        let err = refused(
            &facts(&format!("meeting = 2026-05-14\n{name} = 2026-05-15")),
            &[],
            1,
        );
        let col = name.len() + 4;
        assert_diagnostic(
            &err,
            &format!("facts.toml:7:{col}"),
            &[&format!(
                "`{name}` (Fri 15 May 2026, at facts.toml:7:{col}) is after `meeting` (Thu 14 May 2026, at facts.toml:6:11)"
            )],
        );
        assert!(err.contains("correct one of the two dates"), "{err}");
    }
}

#[test]
fn a_meeting_on_or_before_the_prior_one_is_refused() {
    for prior in ["2026-05-14", "2026-06-01"] {
        let err = refused(
            &facts(&format!("meeting = 2026-05-14\nprior_meeting = {prior}")),
            &[],
            1,
        );
        assert_diagnostic(
            &err,
            "facts.toml:7:17",
            &[
                "`prior_meeting` (",
                "at facts.toml:7:17) is on or after `meeting` (Thu 14 May 2026, at facts.toml:6:11)",
                "leave `prior_meeting` out if no annual meeting was held last year",
            ],
        );
    }
}

#[test]
fn last_years_proxy_after_last_years_meeting_is_refused() {
    let err = refused(
        &facts(
            "meeting = 2026-05-14\nprior_meeting = 2025-05-15\nprior_proxy_release = 2025-05-16",
        ),
        &[],
        1,
    );
    assert_diagnostic(
        &err,
        "facts.toml:8:23",
        &[
            "`prior_proxy_release` (Fri 16 May 2025, at facts.toml:8:23) is after `prior_meeting` (Thu 15 May 2025, at facts.toml:7:17)",
        ],
    );
}

#[test]
fn several_problems_are_reported_together() {
    let err = refused(
        &facts(
            "meeting = 2026-05-14\nprior_meeting = 2026-06-01\nrecord_date = 2026-05-20\nannouncement = 2026-02-01",
        ),
        &[],
        2,
    );
    assert_diagnostic(&err, "facts.toml:7:17", &["`prior_meeting`"]);
    assert_diagnostic(&err, "facts.toml:8:15", &["`record_date`"]);
}

#[test]
fn what_is_merely_unusual_is_not_refused() {
    // A record date, announcement and proxy statement on the meeting day;
    // shareholder notices after it (late, which the rules judge); an
    // announcement before last year's meeting.
    let (code, _, err) = deadlines(
        &facts(
            "meeting = 2026-05-14\nprior_meeting = 2025-05-15\nrecord_date = 2026-05-14\nannouncement = 2025-05-01\nproxy_release = 2026-05-14\nnomination_notice = 2026-06-01\nfiscal_year_end = 2026-06-30",
        ),
        &[],
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn flags_are_named_and_pointed_at_on_the_command_line() {
    let (code, out, err) = run(
        &Cli::new(),
        &[
            "deadlines",
            "--rules",
            "sec",
            "--meeting",
            "2026-05-14",
            "--prior-meeting",
            "2026-05-14",
            "--fact",
            "record_date=2026-06-01",
            "--today",
            TODAY,
        ],
    );
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    // The fact flags as typed: `--meeting 2026-05-14 --prior-meeting
    // 2026-05-14 --fact record_date=2026-06-01`.
    assert_diagnostic(
        &err,
        "command line:1:22",
        &[
            "`prior_meeting` (Thu 14 May 2026, from `--prior-meeting`) is on or after `meeting` (Thu 14 May 2026, from `--meeting`)",
        ],
    );
    assert_diagnostic(
        &err,
        "command line:1:49",
        &["`record_date` (Mon 1 Jun 2026, from `--fact record_date`) is after `meeting`"],
    );
    assert!(err.ends_with("error: found 2 problems\n"), "{err}");
}

#[test]
fn a_flag_against_the_facts_file_names_both() {
    let err = refused(
        &facts("meeting = 2026-05-14"),
        &["--record-date", "2026-05-15"],
        1,
    );
    assert_diagnostic(
        &err,
        "command line:1:1",
        &[
            "`record_date` (Fri 15 May 2026, from `--record-date`) is after `meeting` (Thu 14 May 2026, at facts.toml:6:11)",
        ],
    );
    // A flag that puts things right is accepted.
    let (code, _, err) = deadlines(
        &facts("meeting = 2026-05-14\nrecord_date = 2026-06-01"),
        &["--record-date", "2026-03-16"],
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn facts_read_from_a_filing_are_checked_with_the_flags() {
    let cli = Cli::new();
    cli.file(
        "proxy.txt",
        "The annual meeting of stockholders will be held on May 14, 2026.\n",
    );
    let (code, out, err) = run(
        &cli,
        &[
            "deadlines",
            "--from-filing",
            "proxy.txt",
            "--announcement",
            "2026-06-01",
            "--today",
            TODAY,
        ],
    );
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(
        err.contains("`announcement` (Mon 1 Jun 2026, from `--announcement`) is after `meeting` (Thu 14 May 2026, at proxy.txt (facts read from it):"),
        "{err}"
    );
}

#[test]
fn no_facts_at_all_is_refused_with_what_is_needed() {
    // An empty facts file, and one with an empty `[facts]` table.
    let err = refused("", &[], 1);
    assert_diagnostic(
        &err,
        "facts.toml:1:1",
        &["no facts given", "`meeting = 2026-05-14`"],
    );
    let err = refused(&facts(""), &[], 1);
    assert_diagnostic(
        &err,
        "facts.toml:5:1",
        &["no facts given", "under `[facts]`"],
    );
    // Flags only, and none given.
    let (code, out, err) = run(
        &Cli::new(),
        &["deadlines", "--rules", "sec", "--today", TODAY],
    );
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(err.contains("no facts given"), "{err}");
    assert!(err.contains("`--meeting 2026-05-14`"), "{err}");
    // The only fact taken away.
    let err = refused(&facts("meeting = 2026-05-14"), &["--without", "meeting"], 1);
    assert!(err.contains("no facts given"), "{err}");
    // `explain` needs them too; `diff` over a span of meetings does not.
    let cli = Cli::new();
    cli.file("facts.toml", &facts(""));
    let (code, _, err) = run(&cli, &["explain", "facts.toml", "--today", TODAY]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("no facts given"), "{err}");
}

#[test]
fn a_worked_case_with_impossible_facts_is_refused_at_its_facts() {
    let cli = Cli::new();
    cli.file(
        "pack.toml",
        r#"
        [pack]
        id = "demo"
        title = "Demo"
        version = "1"
        citation = "Demo bylaws"

        [[rule]]
        id = "record_date_notice"
        summary = "Notice of the record date 10 days before it."
        citation = "Demo § 1"
        closes = "record_date - 10 days"

        [[rule.case]]
        facts = { meeting = 2026-05-14, record_date = 2026-05-20 }
        closes = 2026-05-10
        "#,
    );
    let (code, _, err) = run(&cli, &["check", "pack.toml"]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(
        &err,
        "pack.toml:14:47",
        &[
            "`record_date` (Wed 20 May 2026, at pack.toml:14:47) is after `meeting` (Thu 14 May 2026, at pack.toml:14:21)",
        ],
    );
}

#[test]
fn batch_rows_with_impossible_or_no_facts_are_bad_rows_and_the_rest_run() {
    let cli = Cli::with_examples();
    cli.file(
        "portfolio.csv",
        "
        name,state,exchange,prior_meeting,meeting,record_date,profile
        Alpha Corp.,DE,NYSE,2025-05-15,2026-05-14,2026-03-16,
        Bravo Inc.,DE,NYSE,2025-05-15,2026-05-14,2026-05-20,
        Charlie Co.,DE,NYSE,2026-06-01,2026-05-14,2026-05-20,
        Delta Holdings,DE,NYSE,,,,
        Echo Ltd.,,,,,2026-06-01,northwind-2026.toml
        ",
    );
    let (code, out, err) = cli.run(&["batch", "portfolio.csv", "--today", TODAY]);
    assert_eq!(code, 1, "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert!(
        lines[0].contains("row 3 (Bravo Inc.): `record_date` (Wed 20 May 2026, in column `record_date`) is after `meeting` (Thu 14 May 2026, in column `meeting`)"),
        "{err}"
    );
    // Both problems of one row, in one report.
    assert!(
        lines[1].contains("row 4 (Charlie Co.): `prior_meeting` (Mon 1 Jun 2026, in column `prior_meeting`) is on or after `meeting`")
            && lines[1].contains("; and `record_date` (Wed 20 May 2026, in column `record_date`) is after"),
        "{err}"
    );
    assert!(
        lines[2].contains("row 5 (Delta Holdings): no facts given"),
        "{err}"
    );
    // A cell overriding a facts file: the cell and the file's line.
    assert!(
        lines[3].contains("row 6 (Echo Ltd.): `record_date` (Mon 1 Jun 2026, in column `record_date`) is after `meeting` (Thu 14 May 2026, at ")
            && lines[3].contains("northwind-2026.toml:18:11)"),
        "{err}"
    );
    assert!(
        err.ends_with("govcal batch: 1 company, 4 rows failed\n"),
        "{err}"
    );
    assert!(
        out.lines().skip(1).all(|l| l.starts_with("Alpha Corp.,")),
        "{out}"
    );
}

#[test]
fn a_facts_file_in_a_folder_portfolio_is_refused_at_its_line() {
    let cli = Cli::new();
    cli.file(
        "folder/a.toml",
        &facts("meeting = 2026-05-14\nannouncement = 2026-05-20"),
    );
    let (code, _, err) = cli.run(&["batch", "folder", "--today", TODAY]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("`announcement` (Wed 20 May 2026, at folder/a.toml:7:16) is after `meeting` (Thu 14 May 2026, at folder/a.toml:6:11)"),
        "{err}"
    );
}

/// The fact warnings of a `deadlines --format json` document.
fn fact_warnings(doc: &Value) -> Vec<String> {
    doc["warnings"]
        .as_array()
        .expect("`warnings` is an array")
        .iter()
        .map(|w| w.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_meeting_more_than_18_months_after_the_prior_one_is_a_warning() {
    // 18 months after 15 November 2024 is 15 May 2026.
    let text = |meeting: &str| facts(&format!("meeting = {meeting}\nprior_meeting = 2024-11-15"));
    let cli = Cli::new();
    cli.file("on.toml", &text("2026-05-15"));
    cli.file("after.toml", &text("2026-05-16"));
    let on = cli.json(&["deadlines", "on.toml", "--format", "json", "--today", TODAY]);
    assert!(fact_warnings(&on).is_empty(), "{:?}", fact_warnings(&on));
    let after = cli.json(&[
        "deadlines",
        "after.toml",
        "--format",
        "json",
        "--today",
        TODAY,
    ]);
    assert_eq!(
        fact_warnings(&after),
        [
            "the meeting (Sat 16 May 2026) is more than 18 months after the prior annual meeting (Fri 15 Nov 2024): check that `prior_meeting` is last year's annual meeting, as every date counted from its anniversary assumes"
        ]
    );
    // Not fatal, and in the table's warnings.
    let table = cli.ok(&["deadlines", "after.toml", "--today", TODAY]);
    let warnings = table
        .split("\nWarnings:\n")
        .nth(1)
        .expect("a Warnings section");
    assert!(
        warnings.starts_with("  facts: the meeting (Sat 16 May 2026) is more than 18 months after"),
        "{table}"
    );
}

#[test]
fn a_record_date_more_than_90_days_before_the_meeting_is_a_warning() {
    let cli = Cli::new();
    cli.file(
        "f.toml",
        &facts("meeting = 2026-05-14\nprior_meeting = 2025-05-15"),
    );
    let run = |record: &str, format: &str| {
        cli.ok(&[
            "deadlines",
            "f.toml",
            "--record-date",
            record,
            "--format",
            format,
            "--today",
            TODAY,
        ])
    };
    let ninety: Value = serde_json::from_str(&run("2026-02-13", "json")).unwrap();
    assert!(fact_warnings(&ninety).is_empty());
    let more: Value = serde_json::from_str(&run("2026-02-12", "json")).unwrap();
    assert_eq!(
        fact_warnings(&more),
        [
            "the record date (Thu 12 Feb 2026) is 91 days before the meeting (Thu 14 May 2026): more than state corporation statutes allow (at most 90 days; 60 in Delaware, 8 Del. C. § 213(a)); check the record date"
        ]
    );
    assert!(
        run("2026-02-12", "table")
            .contains("  facts: the record date (Thu 12 Feb 2026) is 91 days before")
    );
    // CSV has no place for it: stderr says it.
    let (code, _, err) = cli.run(&[
        "deadlines",
        "f.toml",
        "--record-date",
        "2026-02-12",
        "--format",
        "csv",
        "--today",
        TODAY,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning: X: the record date (Thu 12 Feb 2026) is 91 days"),
        "{err}"
    );
    // `explain` says it after the facts.
    let explained = cli.ok(&[
        "explain",
        "f.toml",
        "--record-date",
        "2026-02-12",
        "--today",
        TODAY,
    ]);
    assert!(
        explained.contains("\nwarning: the record date (Thu 12 Feb 2026) is 91 days"),
        "{explained}"
    );
}

#[test]
fn batch_json_lines_carry_the_fact_warnings() {
    let cli = Cli::new();
    cli.file(
        "portfolio.csv",
        "
        name,prior_meeting,meeting,record_date
        Alpha Corp.,2025-05-15,2026-05-14,2026-03-16
        Bravo Inc.,2025-05-15,2026-05-14,2026-01-05
        ",
    );
    let out = cli.ok(&[
        "batch",
        "portfolio.csv",
        "--format",
        "jsonl",
        "--today",
        TODAY,
    ]);
    let docs: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(fact_warnings(&docs[0]).is_empty());
    assert_eq!(fact_warnings(&docs[1]).len(), 1);
    assert!(
        fact_warnings(&docs[1])[0]
            .starts_with("the record date (Mon 5 Jan 2026) is 129 days before")
    );
    // In CSV, on stderr, with the row.
    let (code, _, err) = cli.run(&["batch", "portfolio.csv", "--today", TODAY]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning: portfolio.csv row 3 (Bravo Inc.): the record date (Mon 5 Jan 2026) is 129 days before"),
        "{err}"
    );
}

/// A pack with shareholder and company rules counted from the meeting,
/// from last year's meeting, and from another rule.
const ORDER_PACK: &str = r#"
[pack]
id = "demo"
title = "Demo"
version = "1"
citation = "Demo bylaws"

[[rule]]
id = "holder_from_meeting"
summary = "s"
citation = "Demo § 1"
actor = "shareholder"
closes = "meeting - 90 days"

[[rule]]
id = "holder_from_anniversary"
summary = "s"
citation = "Demo § 2"
actor = "shareholder"
closes = "anniversary(prior_meeting) - 90 days"

[[rule]]
id = "holder_through_a_rule"
summary = "s"
citation = "Demo § 3"
actor = "dissident"
closes = "company_from_meeting.closes + 5 days"

[[rule]]
id = "company_from_meeting"
summary = "s"
citation = "Demo § 4"
actor = "company"
closes = "meeting - 90 days"

[[rule]]
id = "holder_after"
summary = "s"
citation = "Demo § 5"
actor = "shareholder"
opens = "meeting + 1 day"
closes = "meeting + 12 days"

[[rule]]
id = "company_after"
summary = "s"
citation = "Demo § 6"
actor = "company"
closes = "meeting + 4 days"
"#;

/// The warnings of `demo/RULE`.
fn rule_warnings(doc: &Value, rule: &str) -> Vec<String> {
    deadline(doc, "demo", rule)["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn shareholder_dates_after_the_meeting_or_before_its_announcement_are_warnings() {
    let cli = Cli::new();
    cli.file("demo.toml", ORDER_PACK);
    let run = |announcement: &str| {
        cli.json(&[
            "deadlines",
            "--rules",
            "demo.toml",
            "--meeting",
            "2026-05-14",
            "--prior-meeting",
            "2025-05-15",
            "--announcement",
            announcement,
            "--format",
            "json",
            "--today",
            TODAY,
        ])
    };
    // Announced 1 March 2026, after 13 February (90 days before the
    // meeting) and 18 February (5 days later).
    let late = run("2026-03-01");
    let before = "closes Fri 13 Feb 2026 is counted from the meeting date but falls before the meeting date was first announced (Sun 1 Mar 2026), so no shareholder could have known it in time";
    assert_eq!(rule_warnings(&late, "holder_from_meeting").len(), 1);
    assert!(rule_warnings(&late, "holder_from_meeting")[0].starts_with(before));
    assert!(
        rule_warnings(&late, "holder_through_a_rule")[0].starts_with(
            "closes Wed 18 Feb 2026 is counted from the meeting date but falls before"
        )
    );
    // Counted from last year's meeting, whose anniversary shareholders
    // knew; a company's date: no warning.
    // (14 February 2026 is a Saturday: that warning is there.)
    let announced = |rule: &str| {
        rule_warnings(&late, rule)
            .iter()
            .any(|w| w.contains("first announced"))
    };
    assert!(!announced("holder_from_anniversary"));
    assert!(!announced("company_from_meeting"));
    // After the meeting: the first bound after it; a company's date after
    // the meeting (a report of the vote) is ordinary.
    assert_eq!(
        rule_warnings(&late, "holder_after"),
        [
            "opens Fri 15 May 2026 is after the meeting (Thu 14 May 2026): a step a shareholder or dissident takes for a meeting cannot come after it; check the meeting date and the dates this one is counted from"
        ]
    );
    assert!(rule_warnings(&late, "company_after").is_empty());
    // Announced in time: no warning.
    let early = run("2026-02-01");
    assert!(rule_warnings(&early, "holder_from_meeting").is_empty());
    assert!(rule_warnings(&early, "holder_through_a_rule").is_empty());
    // In the table too.
    let table = cli.ok(&[
        "deadlines",
        "--rules",
        "demo.toml",
        "--meeting",
        "2026-05-14",
        "--prior-meeting",
        "2025-05-15",
        "--announcement",
        "2026-03-01",
        "--today",
        TODAY,
    ]);
    assert!(
        table.contains(&format!("  demo/holder_from_meeting: {before}")),
        "{table}"
    );
}

#[test]
fn rule_14a19_a2_after_a_late_definitive_filing_is_a_warning() {
    let cli = Cli::with_examples();
    let doc = cli.json(&[
        "deadlines",
        "northwind-2026.toml",
        "--fact",
        "definitive_filing=2026-05-13",
        "--format",
        "json",
        "--today",
        TODAY,
    ]);
    let w =
        deadline(&doc, "sec_regulation_14a", "dissident_definitive_proxy")["warnings"].to_string();
    assert!(w.contains("is after the meeting (Thu 14 May 2026)"), "{w}");
}

#[test]
fn the_shipped_examples_have_no_doubtful_facts_or_dates() {
    let cli = Cli::with_examples();
    for e in [
        "northwind-2026.toml",
        "hemacare-2004.toml",
        "kestrel-2026.toml",
        "cascadia-2026.toml",
        "harborview-2026.toml",
    ] {
        let doc = cli.json(&["deadlines", e, "--format", "json", "--today", TODAY]);
        assert!(
            fact_warnings(&doc).is_empty(),
            "{e}: {:?}",
            fact_warnings(&doc)
        );
        for d in doc["deadlines"].as_array().unwrap() {
            let w = d["warnings"].to_string();
            assert!(
                !w.contains("after the meeting (")
                    && !w.contains("before the meeting date was first announced"),
                "{e}: {}/{}: {w}",
                d["pack"],
                d["rule"]
            );
        }
    }
}
