//! Times of day and rolls per bound (`opens_at`, `closes_at`, `opens_roll`,
//! `closes_roll`, directly and through a template's parameters).
//!
//! Dates are counted by hand in the comments: "N days before X" is X − N.
//! Business days and holidays are those of `us_federal` (5 U.S.C. 6103).

use serde_json::Value;

use crate::util::{Cli, deadline, dedent};

/// A notice window that opens at 8:00 a.m. on the 60th day before the
/// meeting, whatever day that is, and closes at 5:00 p.m. on the 10th day
/// before it, moved to the next business day when that is not one.
const EIGHT_TO_FIVE: &str = r#"
    [pack]
    id = "demo"
    title = "Demo bylaws"
    version = "1"
    citation = "Demo Bylaws"

    [[rule]]
    id = "notice"
    summary = "Notice may be given from 8:00 a.m. on the 60th day before the meeting until 5:00 p.m. on the 10th day before it, or the next business day if that is not one."
    citation = "Demo Bylaws § 1"
    opens = "meeting - 60 days"
    closes = "meeting - 10 days"
    opens_at = "08:00"
    closes_at = "17:00"
    closes_roll = "forward"

    [[rule.case]]
    facts = { meeting = 2026-06-10 }
    opens = 2026-04-11
    closes = 2026-06-01
    why = "Meeting Wed 10 Jun 2026. 60 days before: back 10 days to 31 May, 31 more to 30 Apr, 19 more to Sat 11 Apr 2026, which stays. 10 days before: Sun 31 May 2026, moved forward to Mon 1 Jun."
"#;

fn cli_with(name: &str, text: &str) -> Cli {
    let cli = Cli::new();
    cli.file(name, &dedent(text));
    cli
}

fn notice(cli: &Cli, file: &str, pack: &str, rule: &str, facts: &[&str]) -> Value {
    let mut args = vec!["deadlines", "--rules", file, "--today", "2025-01-01"];
    args.extend_from_slice(facts);
    args.extend(["--format", "json"]);
    deadline(&cli.json(&args), pack, rule).clone()
}

/// The opening bound keeps its Saturday at 08:00; the closing bound's
/// Sunday moves to Monday and takes 17:00 there. New York is on EDT (UTC−4)
/// in April and June 2026: 08:00 is 12:00 UTC and 17:00 is 21:00 UTC.
#[test]
fn a_window_opens_at_eight_unrolled_and_closes_at_five_rolled_forward() {
    let cli = cli_with("demo.toml", EIGHT_TO_FIVE);
    let (code, _, stderr) = cli.run(&["check", "demo.toml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.ends_with("1 worked case run\n"), "{stderr}");
    let d = notice(
        &cli,
        "demo.toml",
        "demo",
        "notice",
        &["--meeting", "2026-06-10"],
    );
    let opens = &d["opens"];
    assert_eq!(opens["date"], "2026-04-11");
    assert_eq!(opens["computed"], "2026-04-11");
    assert_eq!(opens["roll"], "none");
    assert_eq!(opens["time"]["local"], "2026-04-11T08:00:00");
    assert_eq!(opens["time"]["zone"], "America/New_York");
    assert_eq!(opens["time"]["utc"], "2026-04-11T12:00:00");
    let closes = &d["closes"];
    assert_eq!(closes["computed"], "2026-05-31");
    assert_eq!(closes["date"], "2026-06-01");
    assert_eq!(closes["roll"], "forward");
    assert_eq!(closes["time"]["local"], "2026-06-01T17:00:00");
    assert_eq!(closes["time"]["utc"], "2026-06-01T21:00:00");
    // The rolled Sunday draws no warning (an opening date never does).
    assert_eq!(d["warnings"], serde_json::json!([]));
    // The table shows each bound with its own time.
    let out = cli.ok(&[
        "deadlines",
        "--rules",
        "demo.toml",
        "--meeting",
        "2026-06-10",
        "--today",
        "2025-01-01",
    ]);
    assert!(
        out.contains("Sat 11 Apr 2026  08:00 America/New_York  opens"),
        "{out}"
    );
    assert!(
        out.contains("Mon 1 Jun 2026   17:00 America/New_York  closes"),
        "{out}"
    );
}

/// The rulebook's English names each bound's own roll and time.
#[test]
fn the_rulebook_words_each_bound_with_its_own_time_and_roll() {
    let cli = cli_with("demo.toml", EIGHT_TO_FIVE);
    let doc = cli.json(&["explain", "demo.toml", "--format", "json"]);
    let r = &doc["packs"][0]["rules"][0];
    assert_eq!(
        r["timing"]["opens"],
        "not rolled off weekends or holidays; at 08:00 in the company's time zone"
    );
    assert_eq!(
        r["timing"]["closes"],
        "if it falls on a weekend or holiday, it moves forward to the next business day on the `us_federal` calendar; at 17:00 in the company's time zone"
    );
    let english = r["english"].as_str().unwrap();
    assert!(
        english.contains("opens: not rolled off weekends or holidays; at 08:00 in the company's time zone; closes: if it falls on a weekend or holiday, it moves forward"),
        "{english}"
    );
}

/// A company whose advance-notice bylaw opens at 8:00 a.m. and closes at
/// 5:00 p.m. Central, moved to the next business day, states just that to
/// the anniversary-window template. Last year's meeting Thu 15 May 2025:
/// anniversary Fri 15 May 2026; 120 days before is Thu 15 Jan 2026 (back
/// 30 + 31 + 28 + 31 days through April, March, February and January);
/// 90 days before is Sat 14 Feb 2026, and the next business day is Tue
/// 17 Feb, since Mon 16 Feb 2026 is Washington's Birthday (the third
/// Monday of February).
#[test]
fn a_template_takes_each_bounds_time_and_roll_as_parameters() {
    let cli = cli_with(
        "acme.toml",
        r#"
        [pack]
        id = "acme_bylaws"
        title = "Acme bylaws"
        version = "1"
        citation = "Acme Bylaws"

        [[use]]
        template = "bylaws/templates/anniversary_window"
        id = "nomination_notice"
        params = { citation = "Acme Bylaws § 2.4", at = "17:00 America/Chicago", opens_at = "08:00", closes_roll = "forward" }

        [[use.case]]
        facts = { prior_meeting = 2025-05-15, meeting = 2026-05-14 }
        opens = 2026-01-15
        closes = 2026-02-17
        why = "120 days before Fri 15 May 2026 is Thu 15 Jan 2026; 90 days before is Sat 14 Feb, rolled past Presidents' Day (Mon 16 Feb) to Tue 17 Feb 2026."
        "#,
    );
    let (code, _, stderr) = cli.run(&["check", "acme.toml"]);
    assert_eq!(code, 0, "{stderr}");
    let d = notice(
        &cli,
        "acme.toml",
        "acme_bylaws",
        "nomination_notice",
        &["--prior-meeting", "2025-05-15", "--meeting", "2026-05-14"],
    );
    // `opens_at` given: 08:00 in the company's zone (New York by default),
    // EST in January: 13:00 UTC. Not rolled (`roll` is "none").
    assert_eq!(d["opens"]["date"], "2026-01-15");
    assert_eq!(d["opens"]["roll"], "none");
    assert_eq!(d["opens"]["time"]["local"], "2026-01-15T08:00:00");
    assert_eq!(d["opens"]["time"]["zone"], "America/New_York");
    assert_eq!(d["opens"]["time"]["utc"], "2026-01-15T13:00:00");
    // `closes_at` not given: it is `at`, 17:00 Chicago (CST, UTC−6), so
    // 23:00 UTC.
    assert_eq!(d["closes"]["computed"], "2026-02-14");
    assert_eq!(d["closes"]["date"], "2026-02-17");
    assert_eq!(d["closes"]["time"]["local"], "2026-02-17T17:00:00");
    assert_eq!(d["closes"]["time"]["zone"], "America/Chicago");
    assert_eq!(d["closes"]["time"]["utc"], "2026-02-17T23:00:00");
}
