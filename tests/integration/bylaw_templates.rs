//! The bylaw templates of `rules/bylaws/templates/` instantiated with
//! numbers other than their defaults, as companies' own bylaws packs, with
//! dates computed independently (python3 `datetime`; weekdays shown).
//!
//! Counting: "the Nth day before X" is X − N and "the Nth day after A" is
//! A + N, the anchor day not counted (rules reference §5.1, §5.3). Business
//! days skip weekends and federal holidays as observed (`us_federal`).
//! Bylaw dates do not roll off weekends (rules reference §5.6).

use serde_json::Value;

use crate::util::{Cli, assert_diagnostic, closes, deadline, dedent, opens, status};

const GLOBEX_ID: &str = "globex_bylaws";
const INITECH_ID: &str = "initech_bylaws";

/// Globex: other business on a 70/45-day window before the anniversary of
/// last year's proxy mailing; nominations on the 120/90 anniversary window
/// with the P6(b) fallback (delayed more than 90 days: 90 days before the
/// meeting to the later of 70 days before and 10 days after the
/// announcement); proxy access 150/120 days before the meeting; the model
/// special-meeting clause; the pre-meeting update duty.
const GLOBEX: &str = r#"
    [pack]
    id = "globex_bylaws"
    title = "Globex Corporation Amended and Restated Bylaws"
    version = "2025-09-01"
    citation = "Globex Corporation Amended and Restated Bylaws (as amended 1 September 2025)"

    [[use]]
    template = "bylaws/templates/mailing_anniversary_window"
    id = "business_notice"
    params = { citation = "Globex Bylaws § 1.10(a)", subject = "other business", open_days = 70, checks = "business_notice" }

    [[use.case]]
    facts = { prior_proxy_release = 2025-04-01, prior_meeting = 2025-05-15, meeting = 2026-05-14 }
    opens = 2026-01-21
    closes = 2026-02-15
    why = "Anniversary of the mailing Wed 1 Apr 2026: 70 days before is Wed 21 Jan 2026, 45 days before Sun 15 Feb 2026 (no roll)."

    [[use.case]]
    facts = { prior_proxy_release = 2025-04-01, prior_meeting = 2025-05-15, meeting = 2026-08-03, announcement = 2026-06-05 }
    opens = 2026-04-05
    closes = 2026-06-15
    why = "80 days after the anniversary of last year's meeting (more than 60): opens Sun 5 Apr 2026 (120 days before Mon 3 Aug); the later of Tue 5 May (90 days before) and Mon 15 Jun 2026 (5 Jun + 10)."

    [[use]]
    template = "bylaws/templates/anniversary_window"
    id = "nomination_notice"
    params = { citation = "Globex Bylaws § 2.10(b)", subject = "a nomination", delayed_days = 90, fallback_open_days = 90, fallback_close_days = 70 }

    [[use.case]]
    facts = { prior_meeting = 2025-05-15, meeting = 2026-08-03 }
    opens = 2026-01-15
    closes = 2026-02-14
    why = "80 days after the anniversary (Fri 15 May 2026), within 90: the window stays Thu 15 Jan to Sat 14 Feb 2026."

    [[use.case]]
    facts = { prior_meeting = 2025-05-15, meeting = 2026-08-20, announcement = 2026-06-05 }
    opens = 2026-05-22
    closes = 2026-06-15
    why = "97 days after the anniversary (more than 90): opens Fri 22 May 2026 (90 days before Thu 20 Aug); the later of Thu 11 Jun (70 days before) and Mon 15 Jun 2026 (5 Jun + 10)."

    [[use]]
    template = "bylaws/templates/proxy_access_meeting"
    id = "proxy_access_nomination"
    params = { citation = "Globex Bylaws § 2.11(d)", open_days = 150, close_days = 120 }

    [[use.case]]
    facts = { meeting = 2026-05-14, announcement = 2025-12-01 }
    opens = 2025-12-15
    closes = 2026-01-14
    why = "Meeting Thu 14 May 2026: 150 days before is Mon 15 Dec 2025; 120 days before, Wed 14 Jan 2026, is later than 11 Dec 2025 (1 Dec + 10)."

    [[use.case]]
    facts = { meeting = 2026-05-14, announcement = 2026-01-10 }
    opens = 2025-12-15
    closes = 2026-01-20
    why = "Announced Sat 10 Jan 2026: 10 days later, Tue 20 Jan 2026, is after the 120th day before the meeting and governs."

    [[use]]
    template = "bylaws/templates/special_meeting_nominations"
    id = "special_meeting_nomination_notice"
    params = { citation = "Globex Bylaws § 2.10(c)" }

    [[use]]
    template = "bylaws/templates/update_duties"
    rule = "pre_meeting_update"
    params = { citation = "Globex Bylaws § 2.10(e)" }
"#;

/// Initech, newly public: nominations on the anniversary window with last
/// year's meeting deemed held on 15 June 2025 (P13); other business on the
/// P7 fallback with a 15-day announcement leg, so that the 100-day
/// condition changes dates.
const INITECH: &str = r#"
    [pack]
    id = "initech_bylaws"
    title = "Initech, Inc. Amended and Restated Bylaws"
    version = "2025-07-01"
    citation = "Initech, Inc. Amended and Restated Bylaws (effective on the closing of the initial public offering)"

    [[use]]
    template = "bylaws/templates/first_meeting_after_ipo"
    id = "nomination_notice"
    params = { citation = "Initech Bylaws § 2.5(b)", subject = "a nomination", deemed_prior_meeting = 2025-06-15 }

    [[use.case]]
    facts = { meeting = 2026-06-10 }
    opens = 2026-02-15
    closes = 2026-03-17
    why = "First annual meeting Wed 10 Jun 2026, 5 days before the deemed anniversary Mon 15 Jun 2026: 120 days before it is Sun 15 Feb 2026, 90 days before Tue 17 Mar 2026."

    [[use.case]]
    facts = { prior_meeting = 2026-06-10, meeting = 2027-06-09 }
    opens = 2027-02-10
    closes = 2027-03-12
    why = "The next year the real meeting governs: anniversary Thu 10 Jun 2027; 120 days before is Wed 10 Feb 2027, 90 days before Fri 12 Mar 2027."

    [[use]]
    template = "bylaws/templates/anniversary_window_late_announcement"
    id = "business_notice"
    params = { citation = "Initech Bylaws § 2.5(a)", subject = "other business", announcement_days = 15, checks = "business_notice" }

    [[use.case]]
    facts = { prior_meeting = 2025-05-15, meeting = 2026-08-20, announcement = 2026-05-10 }
    opens = 2026-04-22
    closes = 2026-05-22
    why = "97 days after the anniversary; announced Sun 10 May 2026, 102 days ahead (not less than 100): no announcement leg, so Fri 22 May 2026 (90 days before Thu 20 Aug), although 10 May + 15 = 25 May is later."

    [[use.case]]
    facts = { prior_meeting = 2025-05-15, meeting = 2026-08-20, announcement = 2026-05-13 }
    opens = 2026-04-22
    closes = 2026-05-28
    why = "Announced Wed 13 May 2026, 99 days ahead: the later of Fri 22 May and Thu 28 May 2026 (13 May + 15)."
"#;

/// Hooli, a California company with a HemaCare-style meeting-anchored
/// bylaw (P9) but a 10-day announcement leg.
const HOOLI: &str = r#"
    [pack]
    id = "hooli_bylaws"
    title = "Hooli Corporation Bylaws"
    version = "2003-01-15"
    citation = "Hooli Corporation Bylaws § 2.14"

    [[use]]
    template = "bylaws/templates/meeting_anchored"
    id = "nomination_notice"
    params = { citation = "Hooli Bylaws § 2.14", subject = "a nomination", announcement_days = 10 }

    [[use.case]]
    facts = { meeting = 2004-05-25, announcement = 2004-02-27 }
    closes = 2004-03-08
    why = "W8's dates with a 10-day leg: 90 days before Tue 25 May 2004 is Wed 25 Feb 2004; 27 Feb + 10 days, through 29 Feb, is Mon 8 Mar 2004."

    [[use.case]]
    facts = { meeting = 2004-05-25, announcement = 2004-01-15 }
    closes = 2004-02-25
    why = "Announced Thu 15 Jan 2004: 25 Jan is earlier than Wed 25 Feb 2004 (90 days before), which governs."
"#;

fn company(name: &str, text: &str) -> Cli {
    let cli = Cli::new();
    cli.file(name, &dedent(text));
    cli
}

/// `deadlines --rules FILE ARGS --all --format json`.
fn deadlines(cli: &Cli, file: &str, args: &[&str]) -> Value {
    let mut all = vec!["deadlines", "--only", file, "--today", "2025-01-01"];
    all.extend_from_slice(args);
    all.extend(["--all", "--format", "json"]);
    cli.json(&all)
}

#[test]
fn each_company_pack_checks_clean_with_its_own_cases_and_the_kept_template_cases() {
    // Hooli's one warning is real: its meeting-anchored clause closes 7
    // days after a late announcement, which can be after Rule 14a-19(b)(1)'s
    // 60 days before the anniversary. Globex's special-meeting clause (the
    // later of 90 days before the meeting and 10 days after the
    // announcement) draws none: at a special meeting Rule 14a-19(b)(1)
    // takes its fallback, the later of 60 days before and 10 days after,
    // which is never earlier.
    for (file, text, cases, warnings, note) in [
        (
            "globex_bylaws.toml",
            GLOBEX,
            11,
            "0 warnings",
            "6 of ours + 3 of special_meeting_nominations + 2 of pre_meeting_update (citation only)",
        ),
        ("initech_bylaws.toml", INITECH, 4, "0 warnings", "4 of ours"),
        ("hooli_bylaws.toml", HOOLI, 2, "1 warning", "2 of ours"),
    ] {
        let (code, _, stderr) = company(file, text).run(&["check", file]);
        assert_eq!(code, 0, "{file}: {stderr}");
        assert!(
            stderr.ends_with(&format!(
                "checked 1 pack: 0 errors, {warnings}, {cases} worked cases run\n"
            )),
            "{file}: {note}: {stderr}"
        );
    }
}

/// Globex's 2026 annual meeting, Thu 14 May 2026, a day before the
/// anniversary of Fri 15 May 2025; last year's proxy mailed Tue 1 Apr 2025.
#[test]
fn globex_annual_meeting_gets_each_window_with_its_own_numbers() {
    let cli = company("globex_bylaws.toml", GLOBEX);
    let doc = deadlines(
        &cli,
        "globex_bylaws.toml",
        &[
            "--prior-meeting",
            "2025-05-15",
            "--prior-proxy-release",
            "2025-04-01",
            "--meeting",
            "2026-05-14",
            "--announcement",
            "2025-12-01",
        ],
    );
    // 70/45 before Wed 1 Apr 2026: Wed 21 Jan and Sun 15 Feb 2026.
    assert_eq!(opens(&doc, GLOBEX_ID, "business_notice"), "2026-01-21");
    assert_eq!(closes(&doc, GLOBEX_ID, "business_notice"), "2026-02-15");
    let business = deadline(&doc, GLOBEX_ID, "business_notice");
    assert_eq!(business["citation"], "Globex Bylaws § 1.10(a)");
    let summary = business["summary"].as_str().unwrap();
    assert!(
        summary.starts_with(
            "A shareholder's notice of other business must be received at the principal executive offices not earlier than the 70th day and not later than the 45th day before the first anniversary of the date last year's proxy materials were first sent"
        ),
        "{summary}"
    );
    // 120/90 before Fri 15 May 2026: Thu 15 Jan and Sat 14 Feb 2026.
    assert_eq!(opens(&doc, GLOBEX_ID, "nomination_notice"), "2026-01-15");
    assert_eq!(closes(&doc, GLOBEX_ID, "nomination_notice"), "2026-02-14");
    let summary = deadline(&doc, GLOBEX_ID, "nomination_notice")["summary"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        summary.contains("more than 30 days before or more than 90 days after that anniversary, the window runs from the 90th day before the meeting to the later of the 70th day before it and the 10th day after"),
        "{summary}"
    );
    // 150/120 before Thu 14 May 2026: Mon 15 Dec 2025 and Wed 14 Jan 2026.
    assert_eq!(
        opens(&doc, GLOBEX_ID, "proxy_access_nomination"),
        "2025-12-15"
    );
    assert_eq!(
        closes(&doc, GLOBEX_ID, "proxy_access_nomination"),
        "2026-01-14"
    );
    // 10 and 8 business days before Thu 14 May 2026: Thu 30 Apr and Mon
    // 4 May 2026 (no holiday in between).
    assert_eq!(opens(&doc, GLOBEX_ID, "pre_meeting_update"), "2026-04-30");
    assert_eq!(closes(&doc, GLOBEX_ID, "pre_meeting_update"), "2026-05-04");
    // The special-meeting clause does not apply, and says why.
    assert_eq!(
        status(&doc, GLOBEX_ID, "special_meeting_nomination_notice"),
        "not_applicable"
    );
    let words = deadline(&doc, GLOBEX_ID, "special_meeting_nomination_notice")["words"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        words,
        "this provision governs special meetings called to elect directors; an annual meeting follows the bylaw's annual-meeting advance-notice clause"
    );
}

/// The 2026 meeting moved to Thu 20 Aug 2026, 97 days after the
/// anniversary, announced Fri 5 Jun 2026: both notice rules fall back,
/// each with its own numbers.
#[test]
fn globex_meeting_moved_97_days_later_falls_back_differently_for_each_rule() {
    let cli = company("globex_bylaws.toml", GLOBEX);
    let doc = deadlines(
        &cli,
        "globex_bylaws.toml",
        &[
            "--prior-meeting",
            "2025-05-15",
            "--prior-proxy-release",
            "2025-04-01",
            "--meeting",
            "2026-08-20",
            "--announcement",
            "2026-06-05",
        ],
    );
    // Mailing-date window, default fallback: 120 days before 20 Aug is
    // Wed 22 Apr; the later of Fri 22 May (90 days before) and Mon 15 Jun
    // (5 Jun + 10).
    assert_eq!(opens(&doc, GLOBEX_ID, "business_notice"), "2026-04-22");
    assert_eq!(closes(&doc, GLOBEX_ID, "business_notice"), "2026-06-15");
    // P6(b): 90 days before is Fri 22 May; the later of Thu 11 Jun (70 days
    // before) and Mon 15 Jun.
    assert_eq!(opens(&doc, GLOBEX_ID, "nomination_notice"), "2026-05-22");
    assert_eq!(closes(&doc, GLOBEX_ID, "nomination_notice"), "2026-06-15");
    let branch = deadline(&doc, GLOBEX_ID, "nomination_notice")["branch"].to_string();
    assert!(branch.contains("more than 90 days later"), "{branch}");
    // Proxy access keyed to the meeting: 150 days before is Mon 23 Mar;
    // the later of Wed 22 Apr (120 days before) and Mon 15 Jun.
    assert_eq!(
        opens(&doc, GLOBEX_ID, "proxy_access_nomination"),
        "2026-03-23"
    );
    assert_eq!(
        closes(&doc, GLOBEX_ID, "proxy_access_nomination"),
        "2026-06-15"
    );
}

/// A special meeting, Tue 15 Sep 2026, its date and the board's nominees
/// announced Wed 1 Jul 2026.
#[test]
fn globex_special_meeting_applies_only_the_special_meeting_clause_and_the_update_duty() {
    let cli = company("globex_bylaws.toml", GLOBEX);
    let doc = deadlines(
        &cli,
        "globex_bylaws.toml",
        &[
            "--meeting-kind",
            "special",
            "--meeting",
            "2026-09-15",
            "--announcement",
            "2026-07-01",
        ],
    );
    // 120 days before is Mon 18 May 2026; the later of Wed 17 Jun (90 days
    // before) and Sat 11 Jul 2026 (1 Jul + 10), not rolled.
    assert_eq!(
        opens(&doc, GLOBEX_ID, "special_meeting_nomination_notice"),
        "2026-05-18"
    );
    assert_eq!(
        closes(&doc, GLOBEX_ID, "special_meeting_nomination_notice"),
        "2026-07-11"
    );
    for rule in [
        "business_notice",
        "nomination_notice",
        "proxy_access_nomination",
    ] {
        assert_eq!(status(&doc, GLOBEX_ID, rule), "not_applicable", "{rule}");
    }
    // 8 business days before Tue 15 Sep 2026, skipping Labor Day (Mon
    // 7 Sep): Wed 2 Sep; the 10th: Mon 31 Aug 2026.
    assert_eq!(opens(&doc, GLOBEX_ID, "pre_meeting_update"), "2026-08-31");
    assert_eq!(closes(&doc, GLOBEX_ID, "pre_meeting_update"), "2026-09-02");
}

/// Initech's first annual meeting, Wed 10 Jun 2026, with no prior meeting:
/// the deemed date 15 Jun 2025 stands in for it.
#[test]
fn initech_first_meeting_uses_the_deemed_date_and_a_15_day_leg_only_under_100_days() {
    let cli = company("initech_bylaws.toml", INITECH);
    let doc = deadlines(
        &cli,
        "initech_bylaws.toml",
        &["--meeting", "2026-06-10", "--announcement", "2026-03-20"],
    );
    // Deemed anniversary Mon 15 Jun 2026: 120 days before is Sun 15 Feb,
    // 90 days before Tue 17 Mar 2026.
    assert_eq!(opens(&doc, INITECH_ID, "nomination_notice"), "2026-02-15");
    assert_eq!(closes(&doc, INITECH_ID, "nomination_notice"), "2026-03-17");
    let summary = deadline(&doc, INITECH_ID, "nomination_notice")["summary"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        summary.contains("which, if none was held, is deemed to have been held on 2025-06-15"),
        "{summary}"
    );
    // Other business: no meeting last year, so the P7 fallback; announced
    // Fri 20 Mar 2026, 82 days ahead (less than 100): 120 days before is
    // Tue 10 Feb; the later of Thu 12 Mar (90 days before) and Sat 4 Apr
    // 2026 (20 Mar + 15).
    assert_eq!(opens(&doc, INITECH_ID, "business_notice"), "2026-02-10");
    assert_eq!(closes(&doc, INITECH_ID, "business_notice"), "2026-04-04");
}

/// Hooli: W8's HemaCare dates under a 10-day leg.
#[test]
fn hooli_meeting_anchored_bylaw_with_a_10_day_leg_closes_8_march_2004() {
    let cli = company("hooli_bylaws.toml", HOOLI);
    let doc = deadlines(
        &cli,
        "hooli_bylaws.toml",
        &["--meeting", "2004-05-25", "--announcement", "2004-02-27"],
    );
    // 27 Feb 2004 + 10 days, through 29 Feb, is Mon 8 Mar 2004; 90 days
    // before the meeting is Wed 25 Feb 2004.
    assert_eq!(
        closes(&doc, "hooli_bylaws", "nomination_notice"),
        "2004-03-08"
    );
    let d = deadline(&doc, "hooli_bylaws", "nomination_notice");
    assert!(d["opens"].is_null(), "{d}");
    assert_eq!(d["citation"], "Hooli Bylaws § 2.14");
}

/// Umbrella's proxy-access bylaw counts from the first anniversary of last
/// year's annual meeting (`base = "prior_meeting"`), 150/120 days, with the
/// template's moved-meeting fallback (more than 30 days either way: 150
/// days before the meeting to the later of 120 days before it and 10 days
/// after the announcement). Last year's meeting: Thu 15 May 2025, so the
/// anniversary is Fri 15 May 2026.
const UMBRELLA: &str = r#"
    [pack]
    id = "umbrella_bylaws"
    title = "Umbrella Corporation Amended and Restated Bylaws"
    version = "2025-10-01"
    citation = "Umbrella Corporation Amended and Restated Bylaws (as amended 1 October 2025)"

    [[use]]
    template = "bylaws/templates/proxy_access"
    id = "proxy_access_nomination"
    params = { citation = "Umbrella Bylaws § 1.14(d)", base = "prior_meeting" }

    [[use.case]]
    facts = { prior_meeting = 2025-05-15, meeting = 2026-05-14 }
    opens = 2025-12-16
    closes = 2026-01-15
    why = "Anniversary Fri 15 May 2026. Back a month at a time: to 15 Apr 30 days, 15 Mar 31, 15 Feb 28, 15 Jan 31 (120 in all: Thu 15 Jan 2026 is the 120th day before), 15 Dec 2025 31 (151: Tue 16 Dec 2025 is the 150th)."

    [[use.case]]
    facts = { prior_meeting = 2025-05-15, meeting = 2026-04-15 }
    opens = 2025-12-16
    closes = 2026-01-15
    why = "Wed 15 Apr 2026 is exactly 30 days before the anniversary (15 Apr -> 15 May is 30): not more than 30, so the anniversary window stands."

    [[use.case]]
    facts = { prior_meeting = 2025-05-15, meeting = 2026-04-14, announcement = 2026-01-20 }
    opens = 2025-11-15
    closes = 2026-01-30
    why = "Tue 14 Apr 2026 is 31 days early: fallback. 14 Apr -> 14 Nov 2025 is 31 + 28 + 31 + 31 + 30 = 151 days, so 150 days before is Sat 15 Nov 2025; 14 Apr -> 14 Dec is 121, so 120 days before is Mon 15 Dec 2025, earlier than Fri 30 Jan 2026 (20 Jan + 10), which governs."

    [[use.case]]
    facts = { prior_meeting = 2025-05-15, meeting = 2026-06-15, announcement = 2026-03-02 }
    opens = 2026-01-16
    closes = 2026-03-12
    why = "Mon 15 Jun 2026 is 31 days late (15 May -> 15 Jun): fallback. 15 Jun -> 15 Jan is 31 + 30 + 31 + 28 + 31 = 151, so 150 days before is Fri 16 Jan 2026; 15 Jun -> 15 Feb is 120, Sun 15 Feb 2026, earlier than Thu 12 Mar 2026 (2 Mar + 10)."

    [[use.case]]
    facts = { meeting = 2026-06-11, announcement = 2026-02-05 }
    opens = 2026-01-12
    closes = 2026-02-15
    why = "No annual meeting last year: 11 Jun -> 11 Jan is 151 days, so 150 before is Mon 12 Jan 2026; 11 Jun -> 11 Feb is 120, Wed 11 Feb 2026, earlier than Sun 15 Feb 2026 (5 Feb + 10), not rolled."
"#;

/// Wayne's proxy-access bylaw keeps the template's default base, the
/// anniversary of last year's proxy release (Tue 1 Apr 2025, so Wed 1 Apr
/// 2026).
const WAYNE: &str = r#"
    [pack]
    id = "wayne_bylaws"
    title = "Wayne Enterprises, Inc. Bylaws"
    version = "2025-10-01"
    citation = "Wayne Enterprises, Inc. Bylaws"

    [[use]]
    template = "bylaws/templates/proxy_access"
    id = "proxy_access_nomination"
    params = { citation = "Wayne Bylaws § 2.9", base = "prior_proxy_release" }

    [[use.case]]
    facts = { prior_proxy_release = 2025-04-01, prior_meeting = 2025-05-15, meeting = 2026-05-14 }
    opens = 2025-11-02
    closes = 2025-12-02
    why = "Anniversary of the release Wed 1 Apr 2026: 1 Apr -> 1 Nov 2025 is 31 + 28 + 31 + 31 + 30 = 151 days, so 150 days before is Sun 2 Nov 2025; 1 Apr -> 1 Dec is 121, so 120 days before is Tue 2 Dec 2025."
"#;

/// The same meeting under both bases: Thu 14 May 2026, a day before the
/// anniversary of last year's meeting (Fri 15 May 2026), last year's proxy
/// released Tue 1 Apr 2025.
#[test]
fn proxy_access_counts_from_the_base_the_bylaw_names() {
    for (file, text, cases) in [
        ("umbrella_bylaws.toml", UMBRELLA, 5),
        // Ours and the template's 5: a changed citation and the default
        // base written out leave its arithmetic as it was.
        ("wayne_bylaws.toml", WAYNE, 6),
    ] {
        let (code, _, stderr) = company(file, text).run(&["check", file]);
        assert_eq!(code, 0, "{file}: {stderr}");
        assert!(
            stderr.ends_with(&format!("0 errors, 0 warnings, {cases} worked cases run\n")),
            "{file}: {stderr}"
        );
    }
    let facts = [
        "--prior-meeting",
        "2025-05-15",
        "--prior-proxy-release",
        "2025-04-01",
        "--meeting",
        "2026-05-14",
    ];
    let id = "proxy_access_nomination";
    let umbrella = company("umbrella_bylaws.toml", UMBRELLA);
    let doc = deadlines(&umbrella, "umbrella_bylaws.toml", &facts);
    // 150 and 120 days before Fri 15 May 2026 (the cases above).
    assert_eq!(opens(&doc, "umbrella_bylaws", id), "2025-12-16");
    assert_eq!(closes(&doc, "umbrella_bylaws", id), "2026-01-15");
    let summary = deadline(&doc, "umbrella_bylaws", id)["summary"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        summary.contains("not later than the 120th day before the anniversary of the prior annual meeting; if there was no annual meeting last year"),
        "{summary}"
    );
    let wayne = company("wayne_bylaws.toml", WAYNE);
    let doc = deadlines(&wayne, "wayne_bylaws.toml", &facts);
    // 150 and 120 days before Wed 1 Apr 2026.
    assert_eq!(opens(&doc, "wayne_bylaws", id), "2025-11-02");
    assert_eq!(closes(&doc, "wayne_bylaws", id), "2025-12-02");
    let summary = deadline(&doc, "wayne_bylaws", id)["summary"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        summary.contains("before the anniversary of the release of last year's proxy statement;"),
        "{summary}"
    );
    // Without the release date, a window keyed to last year's meeting is
    // still known; one keyed to the release is not.
    let facts = ["--prior-meeting", "2025-05-15", "--meeting", "2026-05-14"];
    let doc = deadlines(&umbrella, "umbrella_bylaws.toml", &facts);
    assert_eq!(status(&doc, "umbrella_bylaws", id), "computed");
    let doc = deadlines(&wayne, "wayne_bylaws.toml", &facts);
    assert_eq!(status(&doc, "wayne_bylaws", id), "conditional");
}

/// The instantiated rule keeps the template's `proxy_access` tag whatever
/// its base, so a rule that yields to proxy access finds it.
#[test]
fn proxy_access_keyed_to_last_years_meeting_keeps_its_tag() {
    let cli = company("umbrella_bylaws.toml", UMBRELLA);
    cli.file(
        "fallback.toml",
        &dedent(
            r#"
            [pack]
            id = "fallback_access"
            title = "A default proxy-access date"
            version = "1"
            citation = "Nowhere"

            [[rule]]
            id = "default_access"
            summary = "A stand-in for a company without its own proxy-access clause."
            citation = "Nowhere § 1"
            closes = "meeting - 120 days"
            yields_to = { tag = "proxy_access", reason = "the company's own proxy-access bylaw sets the date" }
            "#,
        ),
    );
    let doc = cli.json(&["explain", "umbrella_bylaws.toml", "--format", "json"]);
    let rule = &doc["packs"][0]["rules"][0];
    assert_eq!(rule["id"], "proxy_access_nomination");
    assert_eq!(rule["tags"], serde_json::json!(["proxy_access"]));
    let doc = cli.json(&[
        "deadlines",
        "--rules",
        "umbrella_bylaws.toml",
        "--rules",
        "fallback.toml",
        "--prior-meeting",
        "2025-05-15",
        "--meeting",
        "2026-05-14",
        "--today",
        "2025-01-01",
        "--all",
        "--format",
        "json",
    ]);
    assert_eq!(
        status(&doc, "fallback_access", "default_access"),
        "not_applicable"
    );
    let words = deadline(&doc, "fallback_access", "default_access").to_string();
    assert!(words.contains("proxy_access_nomination"), "{words}");
}

/// A base the template does not offer is refused where it is written, with
/// the nearest value, not read as some other date's anniversary.
#[test]
fn a_proxy_access_base_the_template_does_not_offer_is_refused_at_its_value() {
    for (bad, help) in [
        ("prior_meting", "did you mean `prior_meeting`?"),
        (
            "record_date",
            "`base` takes `\"prior_proxy_release\"` or `\"prior_meeting\"`",
        ),
    ] {
        let text = UMBRELLA.replace("base = \"prior_meeting\"", &format!("base = \"{bad}\""));
        let cli = company("umbrella_bylaws.toml", &text);
        let (code, _, stderr) = cli.run(&["check", "umbrella_bylaws.toml"]);
        assert_eq!(code, 1, "{stderr}");
        // `params = { ..., base = "..." }` on line 10, the value in column 59.
        assert_diagnostic(
            &stderr,
            "umbrella_bylaws.toml:10:59",
            &[&format!("`{bad}` is not a value `base` can take"), help],
        );
    }
}
