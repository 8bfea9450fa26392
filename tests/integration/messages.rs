//! Messages a hostile or careless input must not spoil (#18): bounded (a
//! file of NUL bytes, a megabyte-long line), located right (a binary
//! filing, line breaks that are a lone CR, a date outside the holiday
//! calendars), helpful (a date with a sign, a facts file given as a pack)
//! and in file order.

use crate::util::{Cli, assert_diagnostic};

/// The location lines (`file:line:col`) of a run's stderr, in order.
fn locations<'a>(err: &'a str, file: &str) -> Vec<&'a str> {
    err.lines()
        .filter(|l| l.starts_with(&format!("{file}:")))
        .collect()
}

/// The `file:line:col` in each snippet header `╭─[file:line:col]`.
fn headers(err: &str) -> Vec<&str> {
    err.lines()
        .filter_map(|l| l.split_once("╭─[").map(|(_, h)| h.trim_end_matches(']')))
        .collect()
}

#[test]
fn issue_18_a_file_of_nul_bytes_as_facts_prints_a_short_report() {
    // See #18: 20 MB of NUL bytes printed 40 MB on stderr.
    let cli = Cli::new();
    cli.file("zero.toml", "");
    std::fs::write(cli.path().join("zero.toml"), vec![0u8; 20 << 20]).unwrap();
    let (code, out, err) = cli.run(&["deadlines", "zero.toml"]);
    assert_ne!(code, 0, "{err}");
    assert!(out.is_empty());
    assert!(err.len() < 8_000, "{} bytes on stderr", err.len());
    for line in err.lines() {
        assert!(line.chars().count() < 200, "a long line: {line}");
    }
}

#[test]
fn issue_18_a_megabyte_line_is_cut_around_its_problem_and_shown_once() {
    // See #18: a 1 MB line was echoed twice.
    let cli = Cli::new();
    let long = format!("{}\n", "x".repeat(1 << 20));
    cli.file("long.toml", &long);
    let (code, _, err) = cli.run(&["deadlines", "long.toml"]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(&err, "long.toml:1:1048577", &["key with no value"]);
    assert_eq!(headers(&err), ["long.toml:1:1048577"]);
    assert!(err.len() < 2_000, "{} bytes on stderr", err.len());
    let shown = err.lines().find(|l| l.starts_with(" 1 │ ")).unwrap();
    assert!(shown.starts_with(" 1 │ …xxx"), "{shown}");
    // The same in a check of a pack and in a portfolio's header.
    let (code, _, err) = cli.run(&["check", "long.toml"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.len() < 4_000, "{} bytes on stderr", err.len());
    cli.file("p.csv", &format!("name,{}\nA,B\n", "y".repeat(1 << 20)));
    let (code, _, err) = cli.run(&["batch", "p.csv", "-o", "out.csv"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.len() < 4_000, "{} bytes on stderr", err.len());
}

#[test]
fn issue_18_a_binary_filing_is_at_one_place_in_the_location_and_the_snippet() {
    // See #18: `1:52` in the location, `2:33` in the snippet's header. A
    // lone CR is a line break for both.
    let cli = Cli::new();
    cli.file("b.txt", "");
    let mut bytes = b"Proxy\rstatement\r".to_vec();
    bytes.extend((0u8..32).filter(|b| !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)));
    bytes.extend([0u8; 16]);
    std::fs::write(cli.path().join("b.txt"), &bytes).unwrap();
    let (code, _, err) = cli.run(&["extract", "b.txt"]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(
        &err,
        "b.txt:3:1",
        &["this is a binary file, not a filing's text"],
    );
    assert_eq!(locations(&err, "b.txt"), headers(&err), "{err}");
    // Control characters are shown as symbols, never sent to the terminal.
    assert!(err.contains(" 3 │ ␀␁␂"), "{err}");
    assert!(!err.contains('\u{1b}'), "{err}");
}

#[test]
fn issue_18_a_filing_with_lone_cr_line_breaks_is_read_by_lines() {
    // See #18: everything was on line 1.
    let cli = Cli::new();
    cli.file(
        "cr.txt",
        "ANNUAL MEETING\r\rThe annual meeting will be held on June 10, 2026.\r",
    );
    let out = cli.ok(&["extract", "cr.txt"]);
    assert!(
        out.contains("# cr.txt:3:36 (High confidence): The annual meeting will be held on June 10, 2026.\nmeeting = 2026-06-10\n"),
        "{out}"
    );
}

#[test]
fn issue_18_a_previous_calendar_with_lone_cr_line_breaks_is_read_by_lines() {
    // See #18: CR-only line endings put everything on line 1.
    let cli = Cli::new();
    cli.copy("examples/cascadia-2026.toml")
        .copy("examples/cascadia-bylaws.toml");
    let args = [
        "deadlines",
        "cascadia-2026.toml",
        "--today",
        "2026-01-05",
        "--format",
        "ics",
    ];
    let ics = cli.ok(&args);
    let lines: Vec<&str> = ics.split("\r\n").collect();
    let at = lines.iter().position(|l| *l == "SEQUENCE:0").unwrap();
    let broken = ics
        .replacen("SEQUENCE:0", "SEQUENCE:abc", 1)
        .replace("\r\n", "\r");
    cli.file("old.ics", &broken);
    let mut with_previous = args.to_vec();
    with_previous.extend(["--previous", "old.ics"]);
    let (code, _, err) = cli.run(&with_previous);
    assert_eq!(code, 1, "{err}");
    let place = format!("old.ics:{}:1", at + 1);
    assert_diagnostic(&err, &place, &["SEQUENCE must be a small whole number"]);
    assert_eq!(headers(&err), [place.as_str()], "{err}");
    // Read whole, the same file with its SEQUENCE intact updates as usual.
    cli.file("old.ics", &ics.replace("\r\n", "\r"));
    let (code, _, err) = cli.run(&with_previous);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn issue_18_problems_are_reported_in_file_order() {
    // See #18: unknown facts came in the order of their names.
    let cli = Cli::new();
    cli.file(
        "f.toml",
        "
        [facts]
        zz_unknown = 2026-01-01
        meeting = 2026-05-01
        aa_unknown = 2026-01-02
        ",
    );
    let (code, _, err) = cli.run(&["deadlines", "f.toml"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(locations(&err, "f.toml"), ["f.toml:2:1", "f.toml:4:1"]);
    // And in `check`, in text and JSON (for editors): the notes at the
    // pack's id came after the rules' problems.
    cli.file(
        "pack.toml",
        r#"
        [pack]
        id = "acme_bylaws"
        title = "Acme bylaws"
        version = "1"
        citation = "Acme Bylaws"

        [[rule]]
        id = "late_window"
        title = "Notice window"
        summary = "Notice from 30 days before the meeting until 10 days after the announcement."
        citation = "Acme Bylaws § 1"
        opens = "meeting - 30 days"
        closes = "announcement + 10 days"

        [[rule.case]]
        facts = { meeting = 2026-05-14, announcement = 2026-01-05 }
        opens = 2026-04-14
        closes = 2026-01-15
        why = "Written to show the problem."

        [[rule]]
        id = "record_date_window"
        title = "Record date window"
        summary = "A record date not more than 70 nor less than 10 days before the meeting."
        citation = "Acme Bylaws § 5"
        opens = "meeting - 70 days"
        closes = "meeting - 10 days"
        checks = "record_date"

        [[rule.case]]
        facts = { meeting = 2026-05-14 }
        opens = 2026-03-05
        closes = 2026-05-04
        why = "14 May 2026 - 70 days = 5 Mar; - 10 days = 4 May."
        "#,
    );
    let (code, _, err) = cli.run(&["check", "pack.toml"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        locations(&err, "pack.toml"),
        ["pack.toml:2:6", "pack.toml:2:6", "pack.toml:12:10"],
        "{err}"
    );
    let (code, out, err) = cli.run(&["check", "pack.toml", "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let lines: Vec<u64> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [2, 2, 12], "{doc}");
}

#[test]
fn issue_18_a_date_outside_the_calendars_names_the_fact_and_its_place() {
    // See #18: "calendar us_federal covers 1990–2050, not 0", and no more.
    let cli = Cli::new();
    cli.file(
        "f.toml",
        "
        [company]
        name = \"X\"
        state = \"DE\"

        [facts]
        meeting = 0000-05-14
        ",
    );
    let (code, _, err) = cli.run(&["deadlines", "f.toml"]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(
        &err,
        "f.toml:6:11",
        &[
            "`meeting` (0000-05-14, at f.toml:6:11) is outside the years calendar `us_federal`",
            "1990–2050",
            "help: check the year: rule `us_de_dgcl/record_date` needs the calendar's holidays for 0",
        ],
    );
    let (code, _, err) = cli.run(&["explain", "f.toml"]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(&err, "f.toml:6:11", &[]);
    // From a flag, the flag is named.
    let (code, _, err) = cli.run(&["deadlines", "f.toml", "--meeting", "2099-01-01"]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(
        &err,
        "command line:1:1",
        &["`meeting` (2099-01-01, from `--meeting`) is outside the years"],
    );
    // In a folder of facts files, the file and line.
    std::fs::create_dir(cli.path().join("folder")).unwrap();
    std::fs::copy(cli.path().join("f.toml"), cli.path().join("folder/f.toml")).unwrap();
    let (code, _, err) = cli.run(&["batch", "folder", "-o", "out.csv"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.starts_with("error: folder/f.toml: `meeting` (0000-05-14, at folder/f.toml:6:11) is outside the years calendar `us_federal` covers, 1990–2050\n"),
        "{err}"
    );
}

#[test]
fn issue_18_a_year_with_a_sign_is_not_read_as_a_day_and_a_month() {
    // See #18: `-0001-05-14` got "if you mean 5 January 0014".
    let cli = Cli::new();
    let (code, _, err) = cli.run(&["deadlines", "--meeting=-0001-05-14"]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        err,
        "error: `--meeting`: `-0001-05-14` has a sign before its year: dates here have a year from 0000 to 9999 and no sign\n  \
         help: write it as `YYYY-MM-DD`, e.g. `2004-05-25`, or as `May 25, 2004`\n"
    );
    cli.file("f.toml", "[facts]\nmeeting = \"-0001-05-14\"\n");
    let (code, _, err) = cli.run(&["deadlines", "f.toml"]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(&err, "f.toml:2:11", &["has a sign before its year"]);
    assert!(!err.contains("if you mean"), "{err}");
}

#[test]
fn issue_18_a_facts_file_given_as_a_pack_is_told_where_it_goes() {
    // See #18: `[facts]` got "did you mean `fact`?".
    let cli = Cli::new();
    cli.file(
        "f.toml",
        "
        [company]
        name = \"X\"
        state = \"DE\"

        [facts]
        meeting = 2026-05-14
        ",
    );
    let help =
        "help: `govcal deadlines f.toml` computes its deadlines; `check`, `--rules`, `--only`";
    for args in [
        &["check", "f.toml"][..],
        &["deadlines", "f.toml", "--rules", "f.toml"][..],
    ] {
        let (code, _, err) = cli.run(args);
        assert_eq!(code, 1, "{err}");
        assert_eq!(locations(&err, "f.toml"), ["f.toml:5:2"], "{err}");
        assert_diagnostic(
            &err,
            "f.toml:5:2",
            &[
                "this is a facts file, not a rule pack: it has `[facts]`",
                help,
            ],
        );
        assert!(!err.contains("did you mean"), "{err}");
    }
    // Dates at the top level, with no table.
    cli.file("g.toml", "meeting = 2026-05-14\n");
    let (code, _, err) = cli.run(&["check", "g.toml"]);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(
        &err,
        "g.toml:1:1",
        &["`meeting` is a fact: this looks like a facts file, not a rule pack"],
    );
    // And the other way: a pack given as a facts file.
    cli.file(
        "p.toml",
        "
        [pack]
        id = \"demo\"
        title = \"Demo\"
        version = \"1\"
        ",
    );
    let (code, _, err) = cli.run(&["deadlines", "p.toml"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(locations(&err, "p.toml"), ["p.toml:1:2"], "{err}");
    assert_diagnostic(
        &err,
        "p.toml:1:2",
        &[
            "this is a rule pack, not a facts file: it has `[pack]`",
            "help: `govcal check p.toml` checks it",
        ],
    );
}

#[test]
fn issue_18_a_facts_file_with_lone_cr_line_breaks_is_one_problem_at_the_first() {
    let cli = Cli::new();
    cli.file(
        "f.toml",
        "[facts]\rmeeting = 2026-05-14\rprior_meeting = 2025-05-15\r",
    );
    let (code, _, err) = cli.run(&["deadlines", "f.toml"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(locations(&err, "f.toml"), ["f.toml:1:8"], "{err}");
    assert_diagnostic(
        &err,
        "f.toml:1:8",
        &[
            "a line ends in a lone carriage return (CR), which TOML does not allow",
            "help: save the file with LF or CRLF line endings",
        ],
    );
}
