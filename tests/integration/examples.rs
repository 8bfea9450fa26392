//! The shipped examples, whole seasons through the default library: each
//! profile's dates against values computed independently (python3
//! `datetime`, with the 2026 federal holidays of 5 U.S.C. 6103 for business
//! days), and each table against a golden file (`GOVCAL_BLESS=1` rewrites
//! them after a deliberate change).

use serde_json::Value;

use crate::util::{Cli, deadline, manifest_path};

/// Runs `deadlines` on a shipped example (with the files beside it).
fn season(example: &str, today: &str, extra: &[&str]) -> Value {
    let cli = Cli::with_examples();
    let mut args = vec!["deadlines", example, "--today", today, "--format", "json"];
    args.extend_from_slice(extra);
    cli.json(&args)
}

fn bound<'a>(doc: &'a Value, id: &str, which: &str) -> &'a str {
    let (pack, rule) = id.split_once('/').unwrap();
    deadline(doc, pack, rule)[which]["date"]
        .as_str()
        .unwrap_or_else(|| panic!("{id} has no {which} date"))
}

fn table_matches_golden(example: &str, today: &str) {
    let cli = Cli::with_examples();
    let out = cli.ok(&["deadlines", example, "--today", today]);
    let stem = example.trim_end_matches(".toml");
    let path = manifest_path(&format!("tests/integration/snapshots/{stem}.txt"));
    if std::env::var_os("GOVCAL_BLESS").is_some() {
        std::fs::write(&path, &out).unwrap();
    }
    let golden = std::fs::read_to_string(&path).unwrap();
    assert!(
        out == golden,
        "table for {example} differs from {}:\n--- got\n{out}\n--- expected\n{golden}",
        path.display()
    );
}

/// Northwind (Delaware, NYSE, P1 + P5 bylaw), meeting Thu 14 May 2026,
/// prior meeting Thu 15 May 2025 (anniversary Fri 15 May 2026), prior proxy
/// released 3 Apr 2025, record date Mon 16 Mar 2026, proxy released and
/// filed Thu 2 Apr 2026, fiscal year end 31 Dec 2025.
#[test]
fn northwind_delaware_nyse_season_company_and_shareholder_sides() {
    let doc = season("northwind-2026.toml", "2026-01-05", &[]);
    let closes = |id| bound(&doc, id, "closes").to_owned();
    let opens = |id| bound(&doc, id, "opens").to_owned();
    // The shareholder's side this year.
    assert_eq!(
        closes("sec_regulation_14a/shareholder_proposal_deadline"),
        "2025-12-04"
    ); // 2026-04-03 - 120
    assert_eq!(opens("northwind_bylaws/advance_notice"), "2026-01-15"); // 2026-05-15 - 120
    assert_eq!(closes("northwind_bylaws/advance_notice"), "2026-02-14"); // - 90, a Saturday, no roll
    assert_eq!(
        closes("sec_regulation_14a/dissident_nominee_notice"),
        "2026-03-16"
    ); // - 60
    // The company's side.
    assert_eq!(
        closes("sec_regulation_14a/company_nominee_notice"),
        "2026-03-26"
    ); // - 50
    assert_eq!(closes("sec_regulation_14a/broker_search"), "2026-02-13"); // 20 business days before 16 Mar, over Presidents' Day
    assert_eq!(
        closes("nyse_listed_company_manual/record_date_notice"),
        "2026-03-06"
    ); // RD - 10
    assert_eq!(opens("us_de_dgcl/record_date"), "2026-03-15"); // M - 60
    assert_eq!(closes("us_de_dgcl/record_date"), "2026-05-04"); // M - 10
    assert_eq!(closes("us_de_dgcl/meeting_notice"), "2026-05-04");
    assert_eq!(
        closes("sec_regulation_14a/preliminary_proxy_filing"),
        "2026-03-23"
    ); // release - 10
    assert_eq!(
        closes("sec_regulation_14a/notice_of_internet_availability"),
        "2026-04-04"
    ); // M - 40
    assert_eq!(closes("sec_filings/part_iii_proxy_10k"), "2026-04-30"); // FYE + 120
    assert_eq!(closes("sec_filings/voting_results_8k"), "2026-05-20"); // 4 business days after M
    assert_eq!(closes("us_de_dgcl/annual_meeting_latest"), "2026-06-15"); // prior + 13 months
    // The bylaw's date replaces Rule 14a-4(c)(1)'s (C&DI 124.02): hidden.
    let rules: Vec<&str> = doc["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(
        !rules.contains(&"discretionary_authority_notice"),
        "{rules:?}"
    );
    // Other states' packs are not applicable and hidden.
    assert!(
        doc["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["pack"] != "us_ca_corporations_code")
    );

    // What this year's proxy statement must print for 2027 (Rule 14a-5(e)).
    let next = doc["next_year"]["deadlines"].as_array().unwrap();
    let printed = |rule: &str| -> &Value {
        next.iter()
            .find(|d| d["rule"] == rule)
            .unwrap_or_else(|| panic!("{rule} not in next_year: {next:#?}"))
    };
    let first_case = |rule: &str, which: &str| -> String {
        printed(rule)["cases"][0][which]["value"]["date"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        first_case("shareholder_proposal_deadline", "closes"),
        "2026-12-03"
    ); // 2027-04-02 - 120
    assert_eq!(first_case("advance_notice", "opens"), "2027-01-14"); // 2027-05-14 - 120
    assert_eq!(first_case("advance_notice", "closes"), "2027-02-13"); // - 90
    assert_eq!(
        first_case("dissident_nominee_notice", "closes"),
        "2027-03-15"
    ); // - 60
    assert_eq!(
        printed("advance_notice")["disclose_in_proxy"],
        "Rule 14a-5(e)(2)"
    );
}

#[test]
fn northwind_table_matches_golden() {
    table_matches_golden("northwind-2026.toml", "2026-01-05");
}

/// Kestrel (Delaware, Nasdaq): the meeting moved 41 days earlier than the
/// anniversary of 10 Jun 2025 (rules reference W7), announced Fri 20 Feb
/// 2026; record date Mon 9 Mar 2026; proxy released and filed Fri 20 Mar.
#[test]
fn kestrel_meeting_moved_41_days_uses_every_fallback() {
    let doc = season("kestrel-2026.toml", "2026-02-20", &[]);
    let closes = |id| bound(&doc, id, "closes").to_owned();
    assert_eq!(
        bound(&doc, "kestrel_bylaws/advance_notice", "opens"),
        "2025-12-31"
    ); // M - 120
    assert_eq!(closes("kestrel_bylaws/advance_notice"), "2026-03-02"); // later of M - 90 (30 Jan) and Ann + 10
    let time = &deadline(&doc, "kestrel_bylaws", "advance_notice")["closes"]["time"];
    assert_eq!(
        time["local"], "2026-03-02T18:00:00",
        "close of business is 6 p.m."
    );
    assert_eq!(time["zone"], "America/Chicago");
    assert_eq!(
        closes("sec_regulation_14a/dissident_nominee_notice"),
        "2026-03-02"
    ); // later of 1 Mar and 2 Mar
    assert_eq!(
        closes("sec_regulation_14a/company_nominee_notice"),
        "2026-03-11"
    ); // M - 50
    assert_eq!(
        closes("nasdaq_listing_rules/record_date_notice"),
        "2026-02-27"
    ); // RD - 10
    assert_eq!(closes("sec_regulation_14a/broker_search"), "2026-02-06");
    assert_eq!(
        closes("sec_regulation_14a/dissident_definitive_proxy"),
        "2026-04-03"
    ); // Sun 5 Apr rolled back
    for rule in ["shareholder_proposal_deadline", "meeting_change_notice"] {
        assert_eq!(
            deadline(&doc, "sec_regulation_14a", rule)["status"],
            "unspecified",
            "{rule}"
        );
    }
    assert!(
        deadline(&doc, "sec_regulation_14a", "meeting_change_notice")["trace"]
            .to_string()
            .contains("is 41 days before the anniversary"),
    );
}

#[test]
fn kestrel_table_matches_golden() {
    table_matches_golden("kestrel-2026.toml", "2026-02-20");
}

/// Cascadia (Delaware, Nasdaq, offices in California): meeting Wed 10 Jun
/// 2026, one day before the anniversary of Wed 11 Jun 2025, so the bylaw's
/// anniversary window holds: 120 days before Thu 11 Jun 2026 is Wed 11 Feb,
/// 90 days before is Fri 13 Mar 2026, at close of business, 5:00 p.m.
/// Pacific (PDT from Sun 8 Mar 2026, so 00:00 UTC on 14 Mar). Delaware
/// § 222(b): notice 60 to 10 days before the meeting, Sat 11 Apr to Sun 31
/// May 2026.
#[test]
fn cascadia_closes_at_five_pacific() {
    let doc = season("cascadia-2026.toml", "2026-01-05", &[]);
    assert_eq!(
        bound(&doc, "cascadia_bylaws/advance_notice", "opens"),
        "2026-02-11"
    );
    assert_eq!(
        bound(&doc, "cascadia_bylaws/advance_notice", "closes"),
        "2026-03-13"
    );
    let time = &deadline(&doc, "cascadia_bylaws", "advance_notice")["closes"]["time"];
    assert_eq!(time["local"], "2026-03-13T17:00:00");
    assert_eq!(time["zone"], "America/Los_Angeles");
    assert_eq!(time["utc"], "2026-03-14T00:00:00");
    assert_eq!(
        bound(&doc, "us_de_dgcl/meeting_notice", "opens"),
        "2026-04-11"
    );
    assert_eq!(
        bound(&doc, "us_de_dgcl/meeting_notice", "closes"),
        "2026-05-31"
    );
}

/// HemaCare (California), the first real case: the bylaw closes Fri 5 Mar
/// 2004 (Form 8-K of 27 Feb 2004), and California's windows for a 25 May
/// 2004 meeting are those of the rules reference W8: record date and notice
/// in [Fri 26 Mar, Sat 15 May 2004], third-class mail by Sun 25 Apr 2004.
#[test]
fn hemacare_california_season() {
    let doc = season("hemacare-2004.toml", "2004-02-27", &[]);
    assert_eq!(
        bound(&doc, "hemacare_bylaws/nomination_notice", "closes"),
        "2004-03-05"
    );
    assert_eq!(
        bound(&doc, "us_ca_corporations_code/record_date", "opens"),
        "2004-03-26"
    );
    assert_eq!(
        bound(&doc, "us_ca_corporations_code/record_date", "closes"),
        "2004-05-15"
    );
    assert_eq!(
        bound(
            &doc,
            "us_ca_corporations_code/meeting_notice_third_class_mail",
            "closes"
        ),
        "2004-04-25"
    );
    // Next year's proxy items: Rule 14a-8's date from the anniversary of the
    // 10 Apr 2004 mailing (10 Apr 2005 less 120 days: Sat 11 Dec 2004), and
    // nothing for Rule 14a-19, which does not reach a 2005 meeting.
    let next = doc["next_year"]["deadlines"].as_array().unwrap();
    let proposal = next
        .iter()
        .find(|d| d["rule"] == "shareholder_proposal_deadline")
        .unwrap();
    assert_eq!(
        proposal["cases"][0]["closes"]["value"]["date"],
        "2004-12-11"
    );
    assert!(
        next.iter()
            .all(|d| d["pack"] != "sec_regulation_14a" || d["rule"] != "dissident_nominee_notice"),
        "{next:#?}"
    );
    let all = season(
        "hemacare-2004.toml",
        "2004-02-27",
        &["--all", "--rules", "states/delaware"],
    );
    let de = deadline(&all, "us_de_dgcl", "record_date");
    assert_eq!(de["status"], "not_applicable");
    assert!(
        de["words"]
            .as_str()
            .unwrap()
            .contains("HemaCare Corporation is incorporated in California"),
        "{de:#}"
    );
}

#[test]
fn hemacare_table_matches_golden() {
    table_matches_golden("hemacare-2004.toml", "2004-02-27");
}

/// Harborview (Maryland REIT, NYSE): the notice window is keyed to the
/// anniversary of last year's proxy statement (Fri 4 Apr 2025, anniversary
/// Sat 4 Apr 2026): opens 150 days before (Wed 5 Nov 2025) and closes at
/// 5:00 p.m. Eastern 120 days before (Fri 5 Dec 2025); Maryland's notice and
/// record-date windows run from 90 to 10 days before the 20 May 2026 meeting;
/// Rule 14a-19's 60th day before the 21 May anniversary is Sunday 22 March,
/// rolled to Monday 23 March.
#[test]
fn harborview_maryland_reit_window_keyed_to_the_proxy_date() {
    let doc = season("harborview-2026.toml", "2025-10-01", &[]);
    assert_eq!(
        bound(&doc, "harborview_bylaws/advance_notice", "opens"),
        "2025-11-05"
    );
    assert_eq!(
        bound(&doc, "harborview_bylaws/advance_notice", "closes"),
        "2025-12-05"
    );
    let time = &deadline(&doc, "harborview_bylaws", "advance_notice")["closes"]["time"];
    assert_eq!(time["local"], "2025-12-05T17:00:00");
    assert_eq!(time["zone"], "America/New_York");
    assert_eq!(
        bound(&doc, "us_md_corps_assns/meeting_notice", "opens"),
        "2026-02-19"
    );
    assert_eq!(
        bound(&doc, "us_md_corps_assns/record_date", "closes"),
        "2026-05-10"
    );
    assert_eq!(
        bound(
            &doc,
            "sec_regulation_14a/dissident_nominee_notice",
            "closes"
        ),
        "2026-03-23"
    );
    assert_eq!(
        bound(&doc, "sec_regulation_14a/company_nominee_notice", "closes"),
        "2026-04-01"
    );
    assert_eq!(
        bound(&doc, "sec_filings/voting_results_8k", "closes"),
        "2026-05-27"
    ); // over Memorial Day
    // Next year's window, to print in this year's proxy statement: the
    // anniversary of the 3 Apr 2026 proxy statement less 150 and 120 days.
    let next = doc["next_year"]["deadlines"].as_array().unwrap();
    let notice = next.iter().find(|d| d["rule"] == "advance_notice").unwrap();
    assert_eq!(notice["cases"][0]["opens"]["value"]["date"], "2026-11-04");
    assert_eq!(notice["cases"][0]["closes"]["value"]["date"], "2026-12-04");
}

#[test]
fn harborview_table_matches_golden() {
    table_matches_golden("harborview-2026.toml", "2025-10-01");
}
