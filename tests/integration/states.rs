//! The state corporate-code packs (`rules/states/`) through the CLI: a
//! record date outside Delaware's § 213(a) window is flagged, a pack for
//! another state says why it does not apply, and the rules reference's W9
//! meeting gives each state's window.
//!
//! 8 Del. C. § 213(a): record date no more than 60 nor fewer than 10 days
//! before the meeting. McKesson Corp. v. Derdiger, 793 A.2d 385 (Del. Ch.
//! 2002): for the meeting of Wed 25 Jul 2001 a record date of Fri 25 May
//! 2001 (61 days before) was invalid; Sat 26 May 2001 (60 days) is the
//! earliest valid date.

use serde_json::Value;

use crate::util::{Cli, closes, deadline, opens, status};

const DE: &str = "us_de_dgcl";
const CA: &str = "us_ca_corporations_code";

/// The warnings of `pack`/`rule`.
fn warnings<'a>(doc: &'a Value, pack: &str, rule: &str) -> Vec<&'a str> {
    deadline(doc, pack, rule)["warnings"]
        .as_array()
        .expect("`warnings` is an array")
        .iter()
        .map(|w| w.as_str().expect("a warning is a string"))
        .collect()
}

/// A Delaware company's profile with the McKesson meeting and `record_date`.
fn mckesson(record_date: &str) -> Value {
    let cli = Cli::new();
    cli.file(
        "mckesson.toml",
        &format!(
            r#"
            [company]
            name = "McKesson Corporation"
            state = "DE"

            [facts]
            meeting = 2001-07-25
            record_date = {record_date}
            "#
        ),
    );
    cli.json(&[
        "deadlines",
        "mckesson.toml",
        "--today",
        "2001-01-01",
        "--format",
        "json",
    ])
}

/// 25 Jul 2001 - 60 days = Sat 26 May 2001; a record date of Fri 25 May is
/// one day before it, and the warning names § 213(a).
#[test]
fn delaware_record_date_61_days_before_the_meeting_is_flagged_under_section_213a() {
    let doc = mckesson("2001-05-25");
    assert_eq!(opens(&doc, DE, "record_date"), "2001-05-26");
    assert_eq!(closes(&doc, DE, "record_date"), "2001-07-15");
    let w = warnings(&doc, DE, "record_date");
    assert!(
        w.contains(
            &"the record date (Fri 25 May 2001) is 1 day before the window opens on Sat 26 May 2001 (8 Del. C. § 213(a))"
        ),
        "{w:?}"
    );
}

/// A record date on the 60th day, a Saturday, is valid as it stands: no
/// window warning, and no note that the window opens on a Saturday (an
/// opening day off a business day is harmless); the closing day, Sunday
/// 15 July 2001, is noted.
#[test]
fn delaware_record_date_on_saturday_26_may_2001_is_inside_the_window() {
    let doc = mckesson("2001-05-26");
    let w = warnings(&doc, DE, "record_date");
    assert!(!w.iter().any(|w| w.contains("window")), "{w:?}");
    assert!(!w.iter().any(|w| w.contains("Sat 26 May 2001")), "{w:?}");
    assert!(
        w.iter()
            .any(|w| w.contains("closes Sun 15 Jul 2001") && w.contains("does not roll")),
        "{w:?}"
    );
}

/// HemaCare is a California corporation (W8): with `--all`, every Delaware
/// rule is listed as not applicable, with the reason, while the California
/// code's windows are computed: 25 May 2004 less 60 days is Fri 26 Mar
/// 2004, less 10 days Sat 15 May 2004, and less 30 days (third-class mail)
/// Sun 25 Apr 2004.
#[test]
fn california_company_gets_the_delaware_rules_as_not_applicable_with_the_reason() {
    let cli = Cli::new();
    cli.copy("examples/hemacare-2004.toml");
    // With the default library, Delaware's pack is for another state and is
    // not loaded at all; asked for by name, it is, and says why it does not
    // apply.
    let plain = cli.json(&[
        "deadlines",
        "hemacare-2004.toml",
        "--today",
        "2004-02-27",
        "--all",
        "--format",
        "json",
    ]);
    assert!(
        plain["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["pack"] != DE)
    );
    let doc = cli.json(&[
        "deadlines",
        "hemacare-2004.toml",
        "--today",
        "2004-02-27",
        "--all",
        "--rules",
        "states/delaware",
        "--format",
        "json",
    ]);
    for rule in ["annual_meeting_latest", "record_date", "meeting_notice"] {
        let d = deadline(&doc, DE, rule);
        assert_eq!(d["status"], "not_applicable", "{rule}: {d:#}");
        assert_eq!(
            d["words"],
            "applies to corporations incorporated in Delaware; HemaCare Corporation is incorporated in California",
            "{rule}"
        );
    }
    assert_eq!(status(&doc, CA, "record_date"), "computed");
    assert_eq!(opens(&doc, CA, "record_date"), "2004-03-26");
    assert_eq!(closes(&doc, CA, "meeting_notice"), "2004-05-15");
    assert_eq!(
        closes(&doc, CA, "meeting_notice_third_class_mail"),
        "2004-04-25"
    );
    // 13 Aug 2003 + 15 months = Sat 13 Nov 2004 (Cal. Corp. Code § 600(c)).
    assert_eq!(closes(&doc, CA, "annual_meeting_latest"), "2004-11-13");
}

/// Without `--all` the other states' packs are only counted.
#[test]
fn california_company_does_not_list_other_states_rules_without_all() {
    let cli = Cli::new();
    cli.copy("examples/hemacare-2004.toml");
    let doc = cli.json(&[
        "deadlines",
        "hemacare-2004.toml",
        "--today",
        "2004-02-27",
        "--format",
        "json",
    ]);
    let packs: Vec<&str> = doc["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["pack"].as_str().unwrap())
        .collect();
    assert!(packs.contains(&CA), "{packs:?}");
    for other in [DE, "us_ny_bcl", "mbca", "us_nv_nrs_78", "us_md_corps_assns"] {
        assert!(!packs.contains(&other), "{other} listed: {packs:?}");
    }
}

/// Rules reference W9, meeting Thu 12 Jun 2025, for a profile that names no
/// state (so every state's pack applies): Delaware [Sun 13 Apr, Mon 2 Jun];
/// MBCA record date from Thu 3 Apr (70 days); Maryland notice [Fri 14 Mar,
/// Mon 2 Jun] (90 days); New York third-class notice by Mon 19 May (24
/// days); California third-class notice by Tue 13 May (30 days).
#[test]
fn a_state_pack_loaded_with_its_family_asks_for_the_state_when_the_profile_has_none() {
    let doc = Cli::new().json(&[
        "deadlines",
        "--only",
        "states",
        "--meeting",
        "2025-06-12",
        "--all",
        "--format",
        "json",
    ]);
    let d = deadline(&doc, DE, "record_date");
    assert_eq!(d["status"], "not_applicable");
    assert_eq!(
        d["words"],
        "applies to corporations incorporated in Delaware; the profile does not name Company's state of incorporation (add `state = \"...\"` under `[company]`)"
    );
}

#[test]
fn w9_meeting_12_june_2025_gives_each_states_window() {
    // Each state's pack named on its own applies although no profile names
    // a state (loaded as the `states` family, they would not).
    let doc = Cli::new().json(&[
        "deadlines",
        "--only",
        "states/delaware",
        "--only",
        "states/california",
        "--only",
        "states/new_york",
        "--only",
        "states/mbca",
        "--only",
        "states/nevada",
        "--only",
        "states/maryland",
        "--meeting",
        "2025-06-12",
        "--today",
        "2025-01-15",
        "--format",
        "json",
    ]);
    for rule in ["record_date", "meeting_notice"] {
        assert_eq!(opens(&doc, DE, rule), "2025-04-13", "{rule}");
        assert_eq!(closes(&doc, DE, rule), "2025-06-02", "{rule}");
    }
    assert_eq!(opens(&doc, "mbca", "record_date_earliest"), "2025-04-03");
    assert!(deadline(&doc, "mbca", "record_date_earliest")["closes"].is_null());
    assert_eq!(
        opens(&doc, "us_md_corps_assns", "meeting_notice"),
        "2025-03-14"
    );
    assert_eq!(
        closes(&doc, "us_md_corps_assns", "meeting_notice"),
        "2025-06-02"
    );
    assert_eq!(
        closes(&doc, "us_ny_bcl", "meeting_notice_third_class_mail"),
        "2025-05-19"
    );
    assert_eq!(
        closes(&doc, CA, "meeting_notice_third_class_mail"),
        "2025-05-13"
    );
}

/// 8 Del. C. § 211(c): 31 Jan 2024 + 13 months clamps to Fri 28 Feb 2025;
/// an annual meeting on Mon 3 Mar 2025 is 3 days late and flagged.
#[test]
fn delaware_13_months_from_31_january_2024_ends_28_february_2025() {
    let doc = Cli::new().json(&[
        "deadlines",
        "--only",
        "states/delaware",
        "--prior-meeting",
        "2024-01-31",
        "--meeting",
        "2025-03-03",
        "--today",
        "2025-01-15",
        "--format",
        "json",
    ]);
    assert_eq!(closes(&doc, DE, "annual_meeting_latest"), "2025-02-28");
    let w = warnings(&doc, DE, "annual_meeting_latest");
    assert!(
        w.iter().any(
            |w| w.contains("is 3 days after the window closes on Fri 28 Feb 2025")
                && w.contains("§ 211(c)")
        ),
        "{w:?}"
    );
}
