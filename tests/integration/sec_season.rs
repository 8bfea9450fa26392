//! A proxy season through the CLI with the built-in SEC and exchange packs:
//! the rules reference's worked examples W10 (broker search, NYSE notice,
//! notice and access) and W13 (preliminary proxy under Rule 14a-6(k)), the
//! Form 8-K Item 5.07 count across holidays, Rule 14a-4(c)(1) giving way
//! to an advance-notice bylaw, and a special meeting (Rule 14a-4(c)(3), the
//! Rule 14a-19 fallback, the exchanges' annual-meeting rules not
//! applicable).

use serde_json::Value;

use crate::util::{Cli, closes, deadline, opens, status};

const SEC: &str = "sec_regulation_14a";
const FILINGS: &str = "sec_filings";
const NYSE: &str = "nyse_listed_company_manual";
const NASDAQ: &str = "nasdaq_listing_rules";

/// `deadlines season.toml --all --format json` for a facts file with the
/// given `[company]` and `[facts]` bodies.
fn season(company: &str, facts: &str) -> Value {
    let cli = Cli::new();
    cli.file(
        "season.toml",
        &format!("[company]\n{company}\n\n[facts]\n{facts}\n"),
    );
    cli.json(&[
        "deadlines",
        "season.toml",
        "--today",
        "2025-01-02",
        "--all",
        "--format",
        "json",
    ])
}

/// A deadline's warnings, joined.
fn warnings(doc: &Value, pack: &str, rule: &str) -> String {
    deadline(doc, pack, rule)["warnings"].to_string()
}

/// W10: meeting Thu 12 Jun 2025, record date Mon 14 Apr 2025 (59 days
/// before). Rule 14a-13(a)(3): 20 business days before the record date,
/// four whole weeks with no holiday, Mon 17 Mar 2025. NYSE LCM § 204.21:
/// record date - 10 days = Fri 4 Apr 2025. Rule 14a-16(a)(1): meeting - 40
/// days = Sat 3 May 2025, not rolled, with a warning.
#[test]
fn w10_broker_search_17_march_nyse_notice_4_april_notice_and_access_3_may_2025() {
    let doc = season(
        "name = \"W10 Corp.\"\nexchange = \"nyse\"\nrules = [\"sec\", \"exchanges\"]",
        "meeting = 2025-06-12\nrecord_date = 2025-04-14",
    );
    assert_eq!(closes(&doc, SEC, "broker_search"), "2025-03-17");
    assert_eq!(closes(&doc, NYSE, "record_date_notice"), "2025-04-04");
    let noia = deadline(&doc, SEC, "notice_of_internet_availability");
    assert_eq!(noia["closes"]["computed"], "2025-05-03");
    assert_eq!(noia["closes"]["date"], "2025-05-03");
    let w = warnings(&doc, SEC, "notice_of_internet_availability");
    assert!(
        w.contains("Sat 3 May 2025") && w.contains("does not roll"),
        "{w}"
    );
    // NYSE's 30-day recommendation: the latest record date is Tue 13 May
    // 2025, and 14 April is well before it, so no warning.
    assert_eq!(closes(&doc, NYSE, "record_date_spacing"), "2025-05-13");
    assert_eq!(warnings(&doc, NYSE, "record_date_spacing"), "[]");
    // The company is listed on the NYSE, so Nasdaq's pack, loaded with its
    // family, is not even read: none of its rules could apply.
    assert!(
        doc["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["pack"] != NASDAQ),
        "{doc:#}"
    );
}

/// W10's alternative record date, Mon 10 Mar 2025: the 20 business days
/// skip Washington's Birthday (Mon 17 Feb 2025), so Fri 7 Feb 2025.
#[test]
fn w10_alternative_record_date_skips_washingtons_birthday_to_7_february_2025() {
    let doc = season(
        "name = \"W10 Corp.\"\nrules = [\"sec\"]",
        "meeting = 2025-06-12\nrecord_date = 2025-03-10",
    );
    assert_eq!(closes(&doc, SEC, "broker_search"), "2025-02-07");
}

/// NYSE recommends at least 30 days between record date and meeting: a
/// record date of Tue 20 May 2025 for the Thu 12 Jun meeting (23 days) is
/// 7 days after the latest recommended date (Tue 13 May), which is a
/// warning, not an error: the command still succeeds.
#[test]
fn nyse_record_date_23_days_before_the_meeting_is_a_warning_not_an_error() {
    let doc = season(
        "name = \"W10 Corp.\"\nexchange = \"nyse\"\nrules = [\"exchanges\"]",
        "meeting = 2025-06-12\nrecord_date = 2025-05-20",
    );
    let spacing = deadline(&doc, NYSE, "record_date_spacing");
    assert_eq!(spacing["status"], "computed");
    assert_eq!(spacing["certainty"], "practice");
    let w = warnings(&doc, NYSE, "record_date_spacing");
    assert!(
        w.contains("Tue 20 May 2025")
            && w.contains("7 days after the window closes on Tue 13 May 2025"),
        "{w}"
    );
}

/// W13: a preliminary proxy filed Mon 3 Mar 2025 is day 1 under Rule
/// 14a-6(k); the ten days are 3-12 Mar and definitive copies may first be
/// sent Thu 13 Mar 2025. For a release on 13 Mar, the last filing day is
/// Mon 3 Mar, at the 5:30 p.m. Eastern EDGAR cut-off.
#[test]
fn w13_preliminary_filed_3_march_allows_release_13_march_2025() {
    let doc = season(
        "name = \"W13 Corp.\"\nrules = [\"sec\"]",
        "proxy_release = 2025-03-13\npreliminary_filing = 2025-03-03",
    );
    let pre = deadline(&doc, SEC, "preliminary_proxy_filing");
    assert_eq!(pre["closes"]["date"], "2025-03-03");
    assert_eq!(pre["closes"]["time"]["local"], "2025-03-03T17:30:00");
    assert_eq!(pre["closes"]["time"]["zone"], "America/New_York");
    assert_eq!(pre["warnings"], Value::Array(Vec::new()));
    assert_eq!(
        opens(&doc, SEC, "earliest_definitive_release"),
        "2025-03-13"
    );
    assert_eq!(
        deadline(&doc, SEC, "earliest_definitive_release")["warnings"],
        Value::Array(Vec::new())
    );
}

/// W13 one day late: a preliminary filed Tue 4 Mar 2025 leaves only nine
/// days before a 13 March release; both rules say so.
#[test]
fn w13_preliminary_filed_a_day_late_warns_on_both_sides() {
    let doc = season(
        "name = \"W13 Corp.\"\nrules = [\"sec\"]",
        "proxy_release = 2025-03-13\npreliminary_filing = 2025-03-04",
    );
    let w = warnings(&doc, SEC, "preliminary_proxy_filing");
    assert!(
        w.contains("1 day after the window closes on Mon 3 Mar 2025"),
        "{w}"
    );
    assert_eq!(
        opens(&doc, SEC, "earliest_definitive_release"),
        "2025-03-14"
    );
    let w = warnings(&doc, SEC, "earliest_definitive_release");
    assert!(
        w.contains("1 day before the window opens on Fri 14 Mar 2025"),
        "{w}"
    );
}

/// Form 8-K Item 5.07: four business days after the meeting. A meeting on
/// Thu 22 May 2025 counts Fri 23, (Memorial Day, Mon 26 May, skipped),
/// Tue 27, Wed 28, Thu 29 May 2025, due at 5:30 p.m. Eastern.
#[test]
fn form_8k_voting_results_skip_memorial_day_to_29_may_2025() {
    let doc = season(
        "name = \"Acme\"\nrules = [\"sec/filings\"]",
        "meeting = 2025-05-22",
    );
    let k = deadline(&doc, FILINGS, "voting_results_8k");
    assert_eq!(k["closes"]["date"], "2025-05-29");
    assert_eq!(k["closes"]["time"]["local"], "2025-05-29T17:30:00");
    assert_eq!(k["closes"]["time"]["utc"], "2025-05-29T21:30:00");
}

/// General Instruction B.1: a meeting on Sat 14 Jun 2025 starts the count
/// on Mon 16 Jun; with Juneteenth (Thu 19 Jun) skipped the fourth business
/// day is Fri 20 Jun 2025.
#[test]
fn form_8k_after_a_saturday_meeting_skips_juneteenth_to_20_june_2025() {
    let doc = season(
        "name = \"Acme\"\nrules = [\"sec/filings\"]",
        "meeting = 2025-06-14",
    );
    assert_eq!(closes(&doc, FILINGS, "voting_results_8k"), "2025-06-20");
}

const ADVANCE_NOTICE_BYLAW: &str = r#"
    [pack]
    id = "acme_bylaws"
    title = "Acme Corp. bylaws"
    version = "2025-01-01"
    citation = "Acme Corp. Bylaws § 2.5"

    [[rule]]
    id = "business_notice"
    summary = "Notice of other business must be received from the 120th to the 90th day before the anniversary of last year's meeting."
    citation = "Acme Corp. Bylaws § 2.5(a)"
    tags = ["advance_notice"]
    opens = "anniversary(prior_meeting) - 120 days"
    closes = "anniversary(prior_meeting) - 90 days"
"#;

/// Rule 14a-4(c)(1) with last year's release Fri 11 Apr 2024 and the
/// meeting on the anniversary: alone, 11 Apr 2025 - 45 days = Tue 25 Feb
/// 2025 (11 days to 31 Mar, 31 to 28 Feb, 3 more). With a bylaw pack whose rule carries `tags = ["advance_notice"]`,
/// the bylaw date replaces it (C&DI 124.02): not applicable, with the
/// reason and the replacing rule.
#[test]
fn rule_14a_4_c_1_is_not_applicable_when_an_advance_notice_bylaw_is_loaded() {
    let cli = Cli::new();
    cli.file("acme_bylaws.toml", ADVANCE_NOTICE_BYLAW);
    let run = |rules: &[&str]| {
        let mut args = vec!["deadlines"];
        for r in rules {
            args.extend(["--only", r]);
        }
        args.extend([
            "--meeting",
            "2025-05-22",
            "--prior-meeting",
            "2024-05-22",
            "--prior-proxy-release",
            "2024-04-11",
            "--today",
            "2024-06-01",
            "--all",
            "--format",
            "json",
        ]);
        cli.json(&args)
    };

    let alone = run(&["sec"]);
    assert_eq!(
        closes(&alone, SEC, "discretionary_authority_notice"),
        "2025-02-25"
    );

    let with_bylaw = run(&["sec", "acme_bylaws.toml"]);
    let d = deadline(&with_bylaw, SEC, "discretionary_authority_notice");
    assert_eq!(d["status"], "not_applicable", "{d:#}");
    let words = d["words"].as_str().unwrap();
    assert!(words.contains("advance-notice bylaw"), "{words}");
    assert!(words.contains("C&DI 124.02"), "{words}");
    assert!(
        words.ends_with("here acme_bylaws/business_notice sets it"),
        "{words}"
    );
    // The bylaw's own window: anniversary Thu 22 May 2025 - 120 days = Wed
    // 22 Jan 2025, and - 90 days = Fri 21 Feb 2025.
    assert_eq!(
        opens(&with_bylaw, "acme_bylaws", "business_notice"),
        "2025-01-22"
    );
    assert_eq!(
        closes(&with_bylaw, "acme_bylaws", "business_notice"),
        "2025-02-21"
    );
    // Rule 14a-8(e)(2) does not yield: 11 Apr 2025 - 120 days = Thu 12 Dec 2024.
    assert_eq!(
        closes(&with_bylaw, SEC, "shareholder_proposal_deadline"),
        "2024-12-12"
    );

    let table = cli.ok(&[
        "deadlines",
        "--only",
        "sec",
        "--only",
        "acme_bylaws.toml",
        "--meeting",
        "2025-05-22",
        "--prior-meeting",
        "2024-05-22",
        "--prior-proxy-release",
        "2024-04-11",
        "--today",
        "2024-06-01",
        "--all",
    ]);
    assert!(
        table.contains("sec_regulation_14a/discretionary_authority_notice: the company's advance-notice bylaw sets the date"),
        "{table}"
    );
}

/// Rule 14a-19(a)(2) (UNCERTAIN U4): later of meeting - 25 days and the
/// company's filing + 4 (Rule 14a-6(k)). Meeting Thu 12 Jun 2025, company
/// filed Tue 20 May: Sat 24 May 2025, rolled back to Fri 23 May rather than
/// forward past Memorial Day to Tue 27 May.
#[test]
fn dissident_definitive_proxy_rolls_back_from_saturday_24_to_friday_23_may_2025() {
    let doc = season(
        "name = \"Acme\"\nrules = [\"sec\"]",
        "meeting = 2025-06-12\ndefinitive_filing = 2025-05-20",
    );
    let d = deadline(&doc, SEC, "dissident_definitive_proxy");
    assert_eq!(d["closes"]["computed"], "2025-05-24");
    assert_eq!(d["closes"]["date"], "2025-05-23");
    assert_eq!(d["closes"]["roll"], "backward");
}

/// The special meeting of issue 15: Wed 20 May 2026, its date first
/// announced Mon 20 Apr 2026; the last annual meeting was Thu 15 May 2025
/// and last year's proxy went out Wed 1 Apr 2025. The meeting is 5 days
/// after the anniversary of last year's annual meeting (Fri 15 May 2026),
/// so read as an annual meeting every anniversary rule took its main
/// branch: Rule 14a-4(c)(1) gave 1 Apr 2026 - 45 days = Sun 15 Feb 2026
/// and Rule 14a-19(b)(1) gave 15 May 2026 - 60 days = Mon 16 Mar 2026,
/// both before the meeting was called.
const SPECIAL_MEETING: [&str; 10] = [
    "--meeting",
    "2026-05-20",
    "--meeting-kind",
    "special",
    "--announcement",
    "2026-04-20",
    "--prior-meeting",
    "2025-05-15",
    "--prior-proxy-release",
    "2025-04-01",
];

/// `deadlines` for the special meeting with `rules`, as JSON or, with
/// `json` false, as the table.
fn special_meeting(cli: &Cli, rules: &[&str], json: bool) -> String {
    let mut args = vec!["deadlines"];
    for r in rules {
        args.extend(["--rules", r]);
    }
    args.extend(SPECIAL_MEETING);
    args.extend(["--today", "2026-04-21", "--all"]);
    if json {
        args.extend(["--format", "json"]);
    }
    cli.ok(&args)
}

/// At the special meeting, Rule 14a-4(c)(3)'s reasonable time replaces
/// (c)(1)'s date; Rule 14a-19(b)(1) takes its fallback, the later of
/// 20 May - 60 days = Sat 21 Mar 2026 and 20 Apr + 10 days = Thu 30 Apr
/// 2026, so Thu 30 Apr 2026 (a business day); Rule 14a-19(d) gives
/// 20 May - 50 days = Tue 31 Mar 2026.
#[test]
fn special_meeting_gets_rule_14a_4_c_3_and_the_rule_14a_19_fallback() {
    let cli = Cli::new();
    let doc: Value = serde_json::from_str(&special_meeting(&cli, &["sec"], true)).unwrap();
    let da = deadline(&doc, SEC, "discretionary_authority_notice");
    assert_eq!(da["status"], "unspecified", "{da:#}");
    let words = da["words"].as_str().unwrap();
    assert!(
        words.contains("a reasonable time before the solicitation")
            && words.contains("14a-4(c)(3)"),
        "{words}"
    );
    assert_eq!(da["closes"], Value::Null, "{da:#}");
    assert_eq!(closes(&doc, SEC, "dissident_nominee_notice"), "2026-04-30");
    assert_eq!(closes(&doc, SEC, "company_nominee_notice"), "2026-03-31");

    let table = special_meeting(&cli, &["sec"], false);
    for stale in ["Sun 15 Feb 2026", "Mon 16 Mar 2026", "Thu 26 Mar 2026"] {
        assert!(!table.contains(stale), "{stale} in\n{table}");
    }
    assert!(table.contains("Thu 30 Apr 2026"), "{table}");
    assert!(
        table.contains("branch applies: special meeting: Rule 14a-4(c)(3)"),
        "{table}"
    );
}

/// Rule 14a-4(c)(1) gives way to an advance-notice bylaw only at an annual
/// meeting: at the special meeting the same bylaw (which applies to every
/// meeting) does not replace paragraph (c)(3), whose standard does not
/// mention a bylaw date. The bylaw's own window is still reported: Fri 15
/// May 2026 - 90 days (30 to 15 Apr, 31 to 15 Mar, 28 to 15 Feb, 1 more)
/// = Sat 14 Feb 2026, and - 120 days (31 more) = Thu 15 Jan 2026.
#[test]
fn special_meeting_rule_14a_4_c_3_does_not_give_way_to_the_bylaw() {
    let cli = Cli::new();
    cli.file("acme_bylaws.toml", ADVANCE_NOTICE_BYLAW);
    let doc: Value =
        serde_json::from_str(&special_meeting(&cli, &["sec", "acme_bylaws.toml"], true)).unwrap();
    let da = deadline(&doc, SEC, "discretionary_authority_notice");
    assert_eq!(da["status"], "unspecified", "{da:#}");
    assert!(
        da["words"].as_str().unwrap().contains("14a-4(c)(3)"),
        "{da:#}"
    );
    assert_eq!(closes(&doc, "acme_bylaws", "business_notice"), "2026-02-14");
    assert_eq!(opens(&doc, "acme_bylaws", "business_notice"), "2026-01-15");
}

/// The exchanges' annual-meeting requirements say nothing of a special
/// meeting: a special meeting on Tue 10 Feb 2026, after NYSE § 302.00's
/// window for a 2024 fiscal year (1 Jan - 31 Dec 2025), is not applicable
/// and draws no warning. The same meeting as an annual meeting is late.
#[test]
fn exchange_annual_meeting_rules_do_not_apply_to_a_special_meeting() {
    let facts = "meeting = 2026-02-10\nfiscal_year_end = 2024-12-31";
    let company = "name = \"Acme\"\nexchange = \"nyse\"\nrules = [\"exchanges\"]";
    let doc = season(company, &format!("meeting_kind = \"special\"\n{facts}"));
    let d = deadline(&doc, NYSE, "annual_meeting");
    assert_eq!(d["status"], "not_applicable", "{d:#}");
    assert!(d["words"].as_str().unwrap().contains("§ 302.00"), "{d:#}");
    assert_eq!(d["warnings"], Value::Array(Vec::new()));

    let doc = season(company, &format!("meeting_kind = \"annual\"\n{facts}"));
    assert_eq!(closes(&doc, NYSE, "annual_meeting"), "2025-12-31");
    let w = warnings(&doc, NYSE, "annual_meeting");
    assert!(w.contains("Tue 10 Feb 2026"), "{w}");

    let company = "name = \"Acme\"\nexchange = \"nasdaq\"\nrules = [\"exchanges\"]";
    let doc = season(company, &format!("meeting_kind = \"special\"\n{facts}"));
    assert_eq!(status(&doc, NASDAQ, "annual_meeting"), "not_applicable");
}
