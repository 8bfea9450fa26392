//! Bad input. Problems in the user's files exit 1 with a diagnostic whose
//! first line is `path:line:col` (1-based; columns count characters); a run
//! that cannot start (bad flag, unknown pack, unreadable file) exits 2 with
//! `error: ...`. Nothing panics (`Cli::run` checks stderr for "panicked").
//!
//! Locations below are counted by hand from the texts written here.

use crate::util::{Cli, assert_diagnostic};

/// A pack whose only rule starts at line 7; `body` starts at line 11,
/// column 1.
fn pack(body: &str) -> String {
    format!(
        "[pack]\nid = \"p\"\ntitle = \"Test pack\"\nversion = \"1\"\ncitation = \"Test\"\n\n[[rule]]\nid = \"a\"\nsummary = \"A.\"\ncitation = \"Test\"\n{body}\n"
    )
}

/// A facts file whose `[facts]` table starts at line 5; `facts` starts at
/// line 6, column 1.
fn facts(facts: &str) -> String {
    format!("[company]\nname = \"X\"\nrules = [\"sec\"]\n\n[facts]\n{facts}\n")
}

/// `govcal check pack.toml` on `text`; asserts exit 1.
fn check_pack(text: &str) -> String {
    let cli = Cli::new();
    cli.file("pack.toml", text);
    let (code, stdout, stderr) = cli.run(&["check", "pack.toml"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.is_empty());
    stderr
}

/// `govcal deadlines facts.toml` on `text`; asserts exit 1 and no output.
fn deadlines_facts(text: &str) -> String {
    let cli = Cli::new();
    cli.file("facts.toml", text);
    let (code, stdout, stderr) = cli.run(&["deadlines", "facts.toml", "--today", "2004-01-01"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.ends_with("error: found 1 problem\n"), "{stderr}");
    stderr
}

/// `govcal deadlines --rules sec --meeting DATE`; asserts exit 2 and
/// returns stderr.
fn meeting_flag(date: &str) -> String {
    let (code, stdout, stderr) = Cli::new().run(&[
        "deadlines",
        "--only",
        "sec",
        "--meeting",
        date,
        "--today",
        "2004-01-01",
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    stderr
}

// `closes = "meting - 10 days"`: `m` is column 11 of line 11.
#[test]
fn misspelt_fact_in_a_pack_expression_is_located_and_suggests_meeting() {
    let stderr = check_pack(&pack(r#"closes = "meting - 10 days""#));
    assert_diagnostic(
        &stderr,
        "pack.toml:11:11",
        &["unknown fact `meting`", "help: did you mean `meeting`?"],
    );
    // The warnings: no worked cases, no title.
    assert!(stderr.ends_with("checked 1 pack: 1 error, 2 warnings, 0 worked cases run\n"));
}

// The condition of `yields_to` is checked like any other: line 11,
// `meeting_knd` at column 48 (after `yields_to = { tag = "t", reason = "r",
// when = "`, 47 characters).
#[test]
fn misspelt_fact_in_a_yields_to_condition_is_located() {
    let stderr = check_pack(&pack(
        r#"yields_to = { tag = "t", reason = "r", when = "meeting_knd == annual" }
closes = "meeting - 10 days""#,
    ));
    assert_diagnostic(
        &stderr,
        "pack.toml:11:48",
        &["unknown fact `meeting_knd`", "did you mean `meeting_kind`?"],
    );
}

#[test]
fn misspelt_fact_in_a_pack_given_to_deadlines_exits_1_with_location() {
    let cli = Cli::new();
    cli.file("pack.toml", &pack(r#"closes = "meting - 10 days""#));
    let (code, stdout, stderr) = cli.run(&[
        "deadlines",
        "--only",
        "pack.toml",
        "--meeting",
        "2025-05-01",
        "--today",
        "2025-01-01",
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.is_empty());
    assert_diagnostic(
        &stderr,
        "pack.toml:11:11",
        &["unknown fact `meting`", "did you mean `meeting`?"],
    );
    assert!(stderr.ends_with("error: found 1 problem\n"), "{stderr}");
}

// `meting = 2025-05-01` is line 6, column 1 of the facts file.
#[test]
fn misspelt_fact_in_a_facts_file_is_located_and_suggests_meeting() {
    let stderr = deadlines_facts(&facts("meting = 2025-05-01"));
    assert_diagnostic(
        &stderr,
        "facts.toml:6:1",
        &["unknown fact `meting`", "help: did you mean `meeting`?"],
    );
}

// `clozes = ...` is line 11, column 1.
#[test]
fn unknown_key_in_a_rule_is_located_and_suggests_closes() {
    let stderr = check_pack(&pack(r#"clozes = "meeting - 10 days""#));
    assert_diagnostic(
        &stderr,
        "pack.toml:11:1",
        &["unknown key `clozes`", "did you mean `closes`?"],
    );
}

// `zon = "UTC"` is line 4, column 1 (in `[company]`).
#[test]
fn unknown_key_in_a_facts_file_is_located_and_suggests_zone() {
    let text = "[company]\nname = \"X\"\nrules = [\"sec\"]\nzon = \"UTC\"\n\n[facts]\nmeeting = 2025-05-01\n";
    let stderr = deadlines_facts(text);
    assert_diagnostic(
        &stderr,
        "facts.toml:4:1",
        &["unknown key `zon`", "did you mean `zone`?"],
    );
}

// `closes = "meeting - 90 dayz"`: `dayz` starts at column 11 + 13 = 24.
#[test]
fn unknown_unit_in_an_expression_is_located_and_suggests_days() {
    let stderr = check_pack(&pack(r#"closes = "meeting - 90 dayz""#));
    assert_diagnostic(
        &stderr,
        "pack.toml:11:24",
        &["unknown unit `dayz`", "did you mean `days`?"],
    );
}

// `closes = "later_of(meeting - 90 days"`: the expression's 26 characters
// occupy columns 11-36, so its end is column 37.
#[test]
fn unclosed_parenthesis_is_reported_at_the_end_of_the_expression() {
    let stderr = check_pack(&pack(r#"closes = "later_of(meeting - 90 days""#));
    assert_diagnostic(
        &stderr,
        "pack.toml:11:37",
        &["expected `,` or `)`, found the end of the expression"],
    );
}

// `meeting = "2004-02-30"`: the string starts at column 11 of line 6.
#[test]
fn impossible_date_string_in_a_facts_file_is_located() {
    let stderr = deadlines_facts(&facts(r#"meeting = "2004-02-30""#));
    assert_diagnostic(
        &stderr,
        "facts.toml:6:11",
        &["no such date `2004-02-30`: February 2004 has 29 days"],
    );
}

// `meeting = 2004-02-30` (a TOML date): column 11 of line 6.
#[test]
fn impossible_toml_date_in_a_facts_file_is_located() {
    let stderr = deadlines_facts(&facts("meeting = 2004-02-30"));
    assert_diagnostic(&stderr, "facts.toml:6:11", &["invalid date"]);
}

#[test]
fn impossible_date_flag_exits_2() {
    let stderr = meeting_flag("2004-02-30");
    assert_eq!(
        stderr,
        "error: `--meeting`: no such date `2004-02-30`: February 2004 has 29 days\n"
    );
}

#[test]
fn ambiguous_numeric_date_flag_exits_2_and_suggests_iso() {
    let stderr = meeting_flag("03/04/2004");
    assert!(
        stderr.starts_with("error: `--meeting`: `03/04/2004` is ambiguous"),
        "{stderr}"
    );
    assert!(stderr.contains("`2004-03-04`"), "{stderr}");
}

#[test]
fn ambiguous_numeric_date_in_a_facts_file_is_located() {
    let stderr = deadlines_facts(&facts(r#"meeting = "03/04/2004""#));
    assert_diagnostic(
        &stderr,
        "facts.toml:6:11",
        &["`03/04/2004` is ambiguous", "`2004-03-04`"],
    );
}

// `zone = "America/Los_Angles"`: the string starts at column 8 of line 3.
#[test]
fn unknown_zone_in_a_facts_file_suggests_america_los_angeles() {
    let text = "[company]\nname = \"X\"\nzone = \"America/Los_Angles\"\nrules = [\"sec\"]\n\n[facts]\nmeeting = 2025-05-01\n";
    let stderr = deadlines_facts(text);
    assert_diagnostic(
        &stderr,
        "facts.toml:3:8",
        &[
            "unknown time zone `America/Los_Angles`",
            "did you mean `America/Los_Angeles`?",
        ],
    );
}

// `at = "17:30 America/New_Yrok"`: the zone starts at column 13 of line 12.
#[test]
fn unknown_zone_in_a_rule_time_suggests_america_new_york() {
    let stderr = check_pack(&pack(
        "closes = \"meeting - 10 days\"\nat = \"17:30 America/New_Yrok\"",
    ));
    assert_diagnostic(
        &stderr,
        "pack.toml:12:13",
        &[
            "unknown time zone `America/New_Yrok`",
            "did you mean `America/New_York`?",
        ],
    );
}

// `opens_at = "8am"`: the string starts at column 12 of line 13.
#[test]
fn a_bad_opening_time_is_located_at_its_value() {
    let stderr = check_pack(&pack(
        "opens = \"meeting - 60 days\"\ncloses = \"meeting - 10 days\"\nopens_at = \"8am\"",
    ));
    assert_diagnostic(
        &stderr,
        "pack.toml:13:12",
        &["`8am` is not a clock time", "write `close_of_business`"],
    );
}

// `closes_roll = "forwards"`: the value starts at column 15 of line 12.
#[test]
fn a_bad_closing_roll_is_located_at_its_value() {
    let stderr = check_pack(&pack(
        "closes = \"meeting - 10 days\"\ncloses_roll = \"forwards\"",
    ));
    assert_diagnostic(
        &stderr,
        "pack.toml:12:15",
        &["unknown value `forwards`", "did you mean `forward`?"],
    );
}

// `at` on line 13 beside `opens_at` and `closes_at` would set neither
// bound; likewise `roll` on line 16 beside `opens_roll` and `closes_roll`.
#[test]
fn a_general_time_or_roll_that_both_bounds_override_is_refused() {
    let stderr = check_pack(&pack(
        "opens = \"meeting - 60 days\"\ncloses = \"meeting - 10 days\"\nat = \"close_of_business\"\nopens_at = \"08:00\"\ncloses_at = \"17:00\"\nroll = \"forward\"\nopens_roll = \"none\"\ncloses_roll = \"forward\"",
    ));
    assert_diagnostic(
        &stderr,
        "pack.toml:13:6",
        &[
            "`at` applies to no bound: `opens_at` and `closes_at` both override it",
            "remove `at`, or one of `opens_at` and `closes_at`",
        ],
    );
    assert_diagnostic(
        &stderr,
        "pack.toml:16:8",
        &["`roll` applies to no bound: `opens_roll` and `closes_roll` both override it"],
    );
}

// `at = "17:00 -5:00"`: the offset starts at column 13 of line 12.
#[test]
fn a_malformed_offset_in_a_rule_time_is_located_and_shows_the_form() {
    let stderr = check_pack(&pack(
        "closes = \"meeting - 10 days\"\nat = \"17:00 -5:00\"",
    ));
    assert_diagnostic(
        &stderr,
        "pack.toml:12:13",
        &[
            "`-5:00` is not an offset from UTC",
            "write the sign, hours and minutes: `-05:00` is five hours behind UTC",
        ],
    );
}

// `zone = "+15:00"`: the string starts at column 8 of line 3.
#[test]
fn an_offset_no_place_uses_in_a_facts_file_is_located() {
    let text = "[company]\nname = \"X\"\nzone = \"+15:00\"\nrules = [\"sec\"]\n\n[facts]\nmeeting = 2025-05-01\n";
    let stderr = deadlines_facts(text);
    assert_diagnostic(
        &stderr,
        "facts.toml:3:8",
        &["`+15:00` is not an offset in use: offsets run from -12:00 to +14:00"],
    );
}

/// Rule `a` closes a day before `b`, and `b` a day after `a`. The cycle is
/// reported at `b`'s reference to `a`: line 17, column 11.
const CYCLE: &str = r#"
    [pack]
    id = "p"
    title = "Test pack"
    version = "1"
    citation = "Test"

    [[rule]]
    id = "a"
    summary = "A."
    citation = "Test"
    closes = "b.closes - 1 day"

    [[rule]]
    id = "b"
    summary = "B."
    citation = "Test"
    closes = "a.closes + 1 day"
"#;

#[test]
fn cycle_between_rules_is_reported_by_check() {
    let stderr = check_pack(CYCLE);
    assert_diagnostic(
        &stderr,
        "pack.toml:17:11",
        &["rules depend on each other in a cycle: `a` -> `b` -> `a`"],
    );
}

#[test]
fn cycle_between_rules_is_reported_by_deadlines() {
    let cli = Cli::new();
    cli.file("pack.toml", CYCLE);
    let (code, stdout, stderr) = cli.run(&[
        "deadlines",
        "--only",
        "pack.toml",
        "--meeting",
        "2025-05-01",
        "--today",
        "2025-01-01",
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.is_empty());
    assert_diagnostic(&stderr, "pack.toml:17:11", &["`a` -> `b`"]);
}

#[test]
fn unknown_built_in_pack_exits_2_and_suggests_sec() {
    for flag in ["--rules", "--only"] {
        let (code, stdout, stderr) = Cli::new().run(&[
            "deadlines",
            flag,
            "secc",
            "--meeting",
            "2025-05-01",
            "--today",
            "2025-01-01",
        ]);
        assert_eq!(code, 2, "{flag}");
        assert!(stdout.is_empty());
        assert_eq!(
            stderr,
            "error: unknown rule pack `secc`\n  help: did you mean `sec`?\n"
        );
    }
}

#[test]
fn missing_facts_file_exits_2() {
    let (code, stdout, stderr) =
        Cli::new().run(&["deadlines", "missing.toml", "--today", "2025-01-01"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.starts_with("error: failed to read `missing.toml`"),
        "{stderr}"
    );
}

#[test]
fn bad_alarm_list_exits_2() {
    let cli = Cli::new();
    cli.copy("examples/hemacare-2004.toml");
    let (code, stdout, stderr) = cli.run(&[
        "deadlines",
        "hemacare-2004.toml",
        "--today",
        "2004-02-27",
        "--format",
        "ics",
        "--alarm",
        "14x",
    ]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.starts_with("error: `--alarm`: `14x` is not a reminder time"),
        "{stderr}"
    );
}

#[test]
fn unknown_flag_exits_2() {
    let (code, stdout, stderr) = Cli::new().run(&["deadlines", "--meetin", "2025-05-01"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("--meetin"), "{stderr}");
}
