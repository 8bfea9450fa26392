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

/// "5:00 p.m. Central Daylight Time" kept all year, beside 5:00 p.m.
/// Chicago time (CST, UTC−6, in winter; CDT, UTC−5, in summer) and the
/// company's close of business. Each closes on the 90th day before the
/// meeting.
const FIXED: &str = r#"
    [pack]
    id = "fixed"
    title = "Fixed-offset bylaws"
    version = "1"
    citation = "Demo Bylaws"

    [[rule]]
    id = "cdt_all_year"
    summary = "Notice must be received by 5:00 p.m. Central Daylight Time on the 90th day before the meeting."
    citation = "Demo Bylaws § 2"
    closes = "meeting - 90 days"
    closes_at = "17:00 -05:00"

    [[rule]]
    id = "chicago"
    summary = "Notice must be received by 5:00 p.m. Chicago time on the 90th day before the meeting."
    citation = "Demo Bylaws § 3"
    closes = "meeting - 90 days"
    at = "17:00 America/Chicago"

    [[rule]]
    id = "close_of_business"
    summary = "Notice must be received by the close of business on the 90th day before the meeting."
    citation = "Demo Bylaws § 4"
    closes = "meeting - 90 days"
    at = "close_of_business"
"#;

/// Meeting Wed 15 Apr 2026: back 31 (March), 28 (February) and 31 days
/// (January) is Thu 15 Jan 2026. Meeting Tue 13 Oct 2026: back 13 days to
/// 30 Sep, 30 to 31 Aug, 31 to 31 Jul and 16 more is Wed 15 Jul 2026.
const WINTER: &str = "2026-04-15";
const SUMMER: &str = "2026-10-13";

fn fixed_closes(cli: &Cli, meeting: &str, rule: &str, extra: &[&str]) -> Value {
    let mut facts = vec!["--meeting", meeting];
    facts.extend_from_slice(extra);
    notice(cli, "fixed.toml", "fixed", rule, &facts)["closes"].clone()
}

/// `17:00 -05:00` is 22:00 UTC in January and in July; Chicago's 17:00 is
/// 23:00 UTC in January (CST) and 22:00 in July (CDT).
#[test]
fn five_pm_at_utc_minus_five_is_ten_pm_utc_all_year() {
    let cli = cli_with("fixed.toml", FIXED);
    let (code, _, stderr) = cli.run(&["check", "fixed.toml"]);
    assert_eq!(code, 0, "{stderr}");
    for (meeting, day, chicago_utc) in [
        (WINTER, "2026-01-15", "23:00"),
        (SUMMER, "2026-07-15", "22:00"),
    ] {
        let closes = fixed_closes(&cli, meeting, "cdt_all_year", &[]);
        assert_eq!(closes["date"], day);
        assert_eq!(closes["time"]["local"], format!("{day}T17:00:00"));
        assert_eq!(closes["time"]["zone"], "UTC-05:00");
        assert_eq!(closes["time"]["utc"], format!("{day}T22:00:00"));
        let chicago = fixed_closes(&cli, meeting, "chicago", &[]);
        assert_eq!(chicago["time"]["zone"], "America/Chicago");
        assert_eq!(chicago["time"]["utc"], format!("{day}T{chicago_utc}:00"));
    }
    let out = cli.ok(&[
        "deadlines",
        "--rules",
        "fixed.toml",
        "--meeting",
        WINTER,
        "--today",
        "2025-01-01",
    ]);
    assert!(out.contains("Thu 15 Jan 2026  17:00 UTC-05:00"), "{out}");
    // The rulebook says the offset holds all year.
    let doc = cli.json(&["explain", "fixed.toml", "--format", "json"]);
    assert_eq!(
        doc["packs"][0]["rules"][0]["timing"]["closes"],
        "not rolled off weekends or holidays; at 17:00 UTC-05:00 all year (a fixed offset)"
    );
}

/// The calendar export gives the fixed-offset deadline as its UTC instant
/// (no `TZID`, no `VTIMEZONE` of its own), and Chicago's with its zone.
#[test]
fn the_calendar_export_of_a_fixed_offset_deadline_is_its_utc_instant() {
    let cli = cli_with("fixed.toml", FIXED);
    for (meeting, day) in [(WINTER, "20260115"), (SUMMER, "20260715")] {
        let ics = cli.ok(&[
            "deadlines",
            "--rules",
            "fixed.toml",
            "--meeting",
            meeting,
            "--today",
            "2025-01-01",
            "--format",
            "ics",
        ]);
        let unfolded = ics.replace("\r\n ", "");
        let event = unfolded
            .split("BEGIN:VEVENT\r\n")
            .find(|e| e.contains("UID:fixed.cdt_all_year.closes."))
            .unwrap_or_else(|| panic!("no event for the fixed-offset rule:\n{ics}"));
        assert!(
            event.contains(&format!("\r\nDTSTART:{day}T220000Z\r\n")),
            "{event}"
        );
        assert!(!event.contains("TZID"), "{event}");
        let chicago = unfolded
            .split("BEGIN:VEVENT\r\n")
            .find(|e| e.contains("UID:fixed.chicago.closes."))
            .unwrap();
        assert!(
            chicago.contains(&format!(
                "\r\nDTSTART;TZID=America/Chicago:{day}T170000\r\n"
            )),
            "{chicago}"
        );
        // One zone block each: Chicago's and New York's (close of
        // business); none for the offset.
        let tzids: Vec<&str> = unfolded
            .lines()
            .filter_map(|l| l.strip_prefix("TZID:"))
            .collect();
        assert_eq!(tzids, ["America/Chicago", "America/New_York"], "{ics}");
        // A calendar program reads the same instant back.
        let mut parser = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
        let calendar = parser.next().unwrap().unwrap();
        let start = calendar
            .events
            .iter()
            .find(|e| {
                e.properties.iter().any(|p| {
                    p.name == "UID" && p.value.as_deref().unwrap().contains("cdt_all_year")
                })
            })
            .and_then(|e| e.properties.iter().find(|p| p.name == "DTSTART"))
            .unwrap();
        assert_eq!(start.params, None);
        assert_eq!(
            start.value.as_deref(),
            Some(format!("{day}T220000Z").as_str())
        );
    }
}

/// A company whose close of business is 5:00 p.m. at UTC−5 all year says
/// so in its facts file: `zone = "-05:00"`.
#[test]
fn a_facts_file_zone_may_be_a_fixed_offset() {
    let cli = cli_with("fixed.toml", FIXED);
    cli.file(
        "acme.toml",
        &dedent(
            r#"
            [company]
            name = "Acme"
            zone = "-05:00"
            close_of_business = "17:00"
            rules = ["fixed.toml"]

            [facts]
            meeting = 2026-10-13
            "#,
        ),
    );
    let doc = cli.json(&[
        "deadlines",
        "acme.toml",
        "--today",
        "2025-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(doc["company"]["zone"], "UTC-05:00");
    let time = &deadline(&doc, "fixed", "close_of_business")["closes"]["time"];
    assert_eq!(time["local"], "2026-07-15T17:00:00");
    assert_eq!(time["zone"], "UTC-05:00");
    assert_eq!(time["utc"], "2026-07-15T22:00:00");
}

/// `Etc/GMT+5` still works, and is the same instant as `-05:00`, but its
/// sign is the reverse of the offset's; `govcal check` says so where it is
/// written, in a pack and through a template's parameter. In the pack
/// below the zone starts at line 12, column 20.
#[test]
fn an_etc_gmt_zone_is_accepted_with_a_warning_that_its_sign_is_reversed() {
    let cli = cli_with(
        "posix.toml",
        r#"
        [pack]
        id = "posix"
        title = "POSIX bylaws"
        version = "1"
        citation = "Demo Bylaws"

        [[rule]]
        id = "notice"
        summary = "Notice by 5:00 p.m. CDT on the 90th day before the meeting."
        citation = "Demo Bylaws § 2"
        closes = "meeting - 90 days"
        closes_at = "17:00 Etc/GMT+5"
        title = "Notice deadline"

        [[rule.case]]
        facts = { meeting = 2026-04-15 }
        closes = 2026-01-15
        why = "Back 31, 28 and 31 days from Wed 15 Apr 2026 is Thu 15 Jan 2026."
        "#,
    );
    let (code, _, stderr) = cli.run(&["check", "posix.toml"]);
    assert_eq!(code, 0, "{stderr}");
    crate::util::assert_diagnostic(
        &stderr,
        "posix.toml:12:20",
        &[
            "`Etc/GMT+5` is UTC-05:00: POSIX zone names give the sign of the offset reversed",
            "write `17:00 -05:00` to say the same offset plainly",
        ],
    );
    assert!(
        stderr.ends_with("0 errors, 1 warning, 1 worked case run\n"),
        "{stderr}"
    );
    let closes = notice(
        &cli,
        "posix.toml",
        "posix",
        "notice",
        &["--meeting", SUMMER],
    )["closes"]
        .clone();
    assert_eq!(closes["time"]["zone"], "Etc/GMT+5");
    assert_eq!(closes["time"]["utc"], "2026-07-15T22:00:00");
    // The same through a template: the warning points into the text as
    // instantiated, named after the `[[use]]` that made it.
    cli.file(
        "acme.toml",
        &dedent(
            r#"
            [pack]
            id = "acme_bylaws"
            title = "Acme bylaws"
            version = "1"
            citation = "Acme Bylaws"

            [[use]]
            template = "bylaws/templates/anniversary_window"
            params = { citation = "Acme Bylaws § 1", at = "17:00 Etc/GMT+5" }
            "#,
        ),
    );
    let (code, _, stderr) = cli.run(&["check", "acme.toml"]);
    assert_eq!(code, 0, "{stderr}");
    // Once, though `at` fills both `opens_at` and `closes_at`.
    let warning = "`Etc/GMT+5` is UTC-05:00: POSIX zone names give the sign of the offset reversed";
    assert_eq!(stderr.matches(warning).count(), 1, "{stderr}");
    assert!(stderr.contains("(as used at acme.toml:7)"), "{stderr}");
}

/// A portfolio's `zone` column takes an offset as a facts file does, and a
/// malformed one is reported by its row.
#[test]
fn a_portfolio_zone_may_be_a_fixed_offset() {
    let cli = cli_with("fixed.toml", FIXED);
    cli.file(
        "portfolio.csv",
        "name,zone,packs,meeting\nAcme,-05:00,fixed.toml,2026-10-13\nBad,-5:00,fixed.toml,2026-10-13\n",
    );
    let (_, stdout, stderr) = cli.run(&["batch", "portfolio.csv", "--today", "2025-01-01"]);
    assert!(
        stdout.contains(
            "Acme,fixed,close_of_business,closes,2026-07-15,Wed,17:00,UTC-05:00,computed,"
        ),
        "{stdout}"
    );
    assert!(
        stderr.contains("row 3 (Bad): column `zone`: `-5:00` is not an offset from UTC"),
        "{stderr}"
    );
}
