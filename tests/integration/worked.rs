//! The rules reference's worked examples W3-W7 through the CLI, with the
//! built-in Rule 14a-19 pack and the model anniversary-window bylaw.
//!
//! Rule 14a-19(b)(1) (dissident's notice): 60 days before the anniversary
//! of last year's meeting; if the meeting moved more than 30 days, the
//! later of 60 days before the meeting and 10 days after its first public
//! announcement. Rule 14a-19(d) (company's notice): 50 days before the
//! anniversary, or before the meeting if it moved more than 30 days.
//! Instruction 1 to paragraphs (b)(1) and (d): a Saturday, Sunday or
//! federal holiday moves to the next business day (17 CFR 240.14a-19).
//!
//! Model bylaw (patterns P1 + P5): from the 120th to the 90th day before
//! the anniversary; if the meeting is more than 30 days earlier or more than
//! 60 days later, from the 120th day before the meeting to the later of the
//! 90th day before it and the 10th day after the announcement. No roll.

use serde_json::Value;

use crate::util::{Cli, closes, deadline, opens, status};

const SEC: &str = "sec_regulation_14a";
const BYLAW: &str = "anniversary_window";

/// `deadlines --rules sec --rules bylaws/templates/anniversary_window` in JSON.
fn worked(prior: &str, meeting: &str, announcement: Option<&str>) -> Value {
    let mut args = vec![
        "deadlines",
        "--only",
        "sec",
        "--only",
        "bylaws/templates/anniversary_window",
        "--prior-meeting",
        prior,
        "--meeting",
        meeting,
        "--today",
        "2024-01-01",
        "--format",
        "json",
    ];
    if let Some(a) = announcement {
        args.extend(["--announcement", a]);
    }
    Cli::new().json(&args)
}

/// W3: meeting Thu 22 May 2025 on the anniversary of 22 May 2024.
/// 22 May 2025 - 60 days = Sun 23 Mar 2025, rolled to Mon 24 Mar;
/// - 50 days = Wed 2 Apr 2025. Source: 17 CFR 240.14a-19(b)(1), (d).
#[test]
fn w3_dissident_notice_rolls_from_sunday_23_march_to_24_march_2025() {
    let doc = worked("2024-05-22", "2025-05-22", None);
    let d = deadline(&doc, SEC, "dissident_nominee_notice");
    assert_eq!(d["closes"]["computed"], "2025-03-23");
    assert_eq!(d["closes"]["date"], "2025-03-24");
    assert_eq!(closes(&doc, SEC, "company_nominee_notice"), "2025-04-02");
}

/// W4: anniversary Tue 17 Aug 2027; - 60 days = Fri 18 Jun 2027, the
/// observed Juneteenth holiday (19 Jun 2027 is a Saturday; 5 U.S.C. 6103),
/// so rolled to Mon 21 Jun; - 50 days = Mon 28 Jun 2027. Source: 17 CFR
/// 240.14a-19(b)(1), (d) and Instruction 1.
#[test]
fn w4_dissident_notice_rolls_past_observed_juneteenth_to_21_june_2027() {
    let doc = worked("2026-08-17", "2027-08-17", None);
    let d = deadline(&doc, SEC, "dissident_nominee_notice");
    assert_eq!(d["closes"]["computed"], "2027-06-18");
    assert_eq!(d["closes"]["date"], "2027-06-21");
    assert_eq!(closes(&doc, SEC, "company_nominee_notice"), "2027-06-28");
}

/// W5: anniversary Thu 5 Jun 2025, meeting Thu 28 Aug 2025 (84 days
/// later): dissident = later of Sun 29 Jun (meeting - 60) and Fri 11 Jul
/// (1 Jul + 10) = Fri 11 Jul 2025; company = meeting - 50 = Wed 9 Jul 2025,
/// before the dissident's. Source: 17 CFR 240.14a-19(b)(1), (d).
#[test]
fn w5_delayed_meeting_puts_company_notice_9_july_before_dissident_11_july_2025() {
    let doc = worked("2024-06-05", "2025-08-28", Some("2025-07-01"));
    assert_eq!(closes(&doc, SEC, "dissident_nominee_notice"), "2025-07-11");
    assert_eq!(closes(&doc, SEC, "company_nominee_notice"), "2025-07-09");
    assert_eq!(
        status(&doc, SEC, "shareholder_proposal_deadline"),
        "unspecified"
    );
}

/// W6: anniversary Fri 15 May 2026, meeting Thu 14 May 2026. Bylaw window
/// Thu 15 Jan 2026 (- 120) to Sat 14 Feb 2026 (- 90), which does not roll
/// (bylaws are read as contracts; Hill International v. Opportunity
/// Partners, Del. 2015), with a warning. Rule 14a-19: anniversary - 60 =
/// Mon 16 Mar 2026; - 50 = Thu 26 Mar 2026.
#[test]
fn w6_bylaw_window_closes_saturday_14_february_2026_without_roll_and_warns() {
    let doc = worked("2025-05-15", "2026-05-14", None);
    let bylaw = deadline(&doc, BYLAW, "shareholder_notice");
    assert_eq!(bylaw["status"], "computed");
    assert_eq!(opens(&doc, BYLAW, "shareholder_notice"), "2026-01-15");
    assert_eq!(closes(&doc, BYLAW, "shareholder_notice"), "2026-02-14");
    assert_eq!(bylaw["closes"]["computed"], "2026-02-14");
    let warnings = bylaw["warnings"].to_string();
    assert!(warnings.contains("not a business day"), "{warnings}");
    assert!(warnings.contains("Sat 14 Feb 2026"), "{warnings}");
    assert_eq!(closes(&doc, SEC, "dissident_nominee_notice"), "2026-03-16");
    assert_eq!(closes(&doc, SEC, "company_nominee_notice"), "2026-03-26");
}

/// W6 in the table: the warning is printed for people too.
#[test]
fn w6_table_warns_that_saturday_14_february_2026_is_not_a_business_day() {
    let out = Cli::new().ok(&[
        "deadlines",
        "--only",
        "bylaws/templates/anniversary_window",
        "--prior-meeting",
        "2025-05-15",
        "--meeting",
        "2026-05-14",
        "--today",
        "2026-01-01",
    ]);
    assert!(out.contains("Warnings:"), "{out}");
    assert!(
        out.contains(
            "closes Sat 14 Feb 2026 falls on a day that is not a business day (Saturday) and this rule does not roll it"
        ),
        "{out}"
    );
}

/// W6b: meeting Mon 29 Jun 2026, 45 days after the anniversary: within the
/// bylaw's 60-day allowance (window unchanged) but more than Rule 14a-19's
/// 30 days: company = 29 Jun - 50 = Sun 10 May 2026, rolled to Mon 11 May;
/// dissident = later of Thu 30 Apr (- 60) and Thu 12 Mar (2 Mar + 10).
#[test]
fn w6b_meeting_45_days_late_keeps_bylaw_window_but_moves_rule_14a_19_dates() {
    let doc = worked("2025-05-15", "2026-06-29", Some("2026-03-02"));
    assert_eq!(opens(&doc, BYLAW, "shareholder_notice"), "2026-01-15");
    assert_eq!(closes(&doc, BYLAW, "shareholder_notice"), "2026-02-14");
    let company = deadline(&doc, SEC, "company_nominee_notice");
    assert_eq!(company["closes"]["computed"], "2026-05-10");
    assert_eq!(company["closes"]["date"], "2026-05-11");
    assert_eq!(closes(&doc, SEC, "dissident_nominee_notice"), "2026-04-30");
}

/// W7: anniversary Wed 10 Jun 2026, meeting Thu 30 Apr 2026 (41 days
/// earlier), announced Fri 20 Feb 2026. Bylaw fallback: opens 30 Apr - 120
/// = Wed 31 Dec 2025, closes later of Fri 30 Jan 2026 and 20 Feb + 10 = Mon
/// 2 Mar 2026. Rule 14a-19: later of Sun 1 Mar and Mon 2 Mar = 2 Mar;
/// company 30 Apr - 50 = Wed 11 Mar 2026. Rules 14a-8(e)(2), 14a-4(c)(1):
/// moved more than 30 days, so no fixed date.
#[test]
fn w7_meeting_41_days_early_uses_every_fallback() {
    let doc = worked("2025-06-10", "2026-04-30", Some("2026-02-20"));
    let bylaw = deadline(&doc, BYLAW, "shareholder_notice");
    assert!(
        bylaw["branch"]
            .as_str()
            .unwrap()
            .starts_with("no meeting last year, or the meeting moved"),
        "{bylaw:#}"
    );
    assert_eq!(opens(&doc, BYLAW, "shareholder_notice"), "2025-12-31");
    assert_eq!(closes(&doc, BYLAW, "shareholder_notice"), "2026-03-02");
    assert_eq!(closes(&doc, SEC, "dissident_nominee_notice"), "2026-03-02");
    assert_eq!(closes(&doc, SEC, "company_nominee_notice"), "2026-03-11");
    assert_eq!(
        status(&doc, SEC, "shareholder_proposal_deadline"),
        "unspecified"
    );
    // The bylaw's date replaces Rule 14a-4(c)(1)'s (C&DI 124.02): the rule
    // is not applicable, so the JSON without `--all` leaves it out.
    assert!(
        doc["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["rule"] != "discretionary_authority_notice"),
        "{doc:#}"
    );
}

/// The model bylaw closes at close of business (17:00) in the company's
/// zone; with no facts file the zone defaults to America/New_York, so
/// 17:00 EST on 2 Mar 2026 is 22:00 UTC.
#[test]
fn model_bylaw_deadline_is_at_close_of_business_in_the_company_zone() {
    let doc = worked("2025-06-10", "2026-04-30", Some("2026-02-20"));
    let time = &deadline(&doc, BYLAW, "shareholder_notice")["closes"]["time"];
    assert_eq!(time["local"], "2026-03-02T17:00:00");
    assert_eq!(time["zone"], "America/New_York");
    assert_eq!(time["utc"], "2026-03-02T22:00:00");
}
