//! `govcal deadlines` on HemaCare Corporation's 2004 annual meeting and on
//! the same 80-day move in 2025.
//!
//! HemaCare's Form 8-K of 27 February 2004 (SEC accession
//! 0000801748-04-000001): meeting 25 May 2004, prior meeting 13 August
//! 2003, announced 27 February 2004; nominations and other business must be
//! noticed "no later than the latter to occur of either (a) 90 days in
//! advance of such meeting or (b) the seventh day following the first
//! public announcement".

use crate::util::{Cli, closes, deadline, status};
use serde_json::Value;

const HEMACARE: &str = "examples/hemacare-2004.toml";

fn hemacare() -> Cli {
    let cli = Cli::new();
    cli.copy(HEMACARE);
    cli
}

/// 25 May 2004 - 90 days = Wed 25 Feb 2004; 27 Feb 2004 + 7 days (28, 29
/// Feb of the leap year, 1..5 Mar) = Fri 5 Mar 2004; the later is 5 Mar.
/// Source: HemaCare Bylaws § 2.14 as restated in the Form 8-K of 27 Feb
/// 2004.
#[test]
fn hemacare_nomination_and_business_notices_close_friday_5_march_2004_in_table() {
    let out = hemacare().ok(&["deadlines", "hemacare-2004.toml", "--today", "2004-02-27"]);
    assert!(out.contains("HemaCare Corporation: annual meeting Tue 25 May 2004"));
    for rule in ["nominations", "other business"] {
        let row = out
            .lines()
            .find(|l| {
                l.contains(&format!("Advance notice of {rule} (Bylaws § 2.14)"))
                    && l.contains("closes")
            })
            .unwrap_or_else(|| panic!("no table row for {rule}:\n{out}"));
        assert!(row.starts_with("Fri 5 Mar 2004"), "{row}");
        assert!(row.trim_end().ends_with("+7"), "7 days left: {row}");
    }
    assert!(out.contains("the later of Wed 25 Feb 2004 and Fri 5 Mar 2004 = Fri 5 Mar 2004"));
}

/// Same computation as above, in JSON, with the trace steps for 25 Feb
/// (meeting - 90 days) and 5 Mar (announcement + 7 days). Source: Form 8-K
/// of 27 Feb 2004.
#[test]
fn hemacare_nomination_notice_closes_friday_5_march_2004_in_json_with_trace() {
    let doc = hemacare().json(&[
        "deadlines",
        "hemacare-2004.toml",
        "--today",
        "2004-02-27",
        "--format",
        "json",
    ]);
    assert_eq!(doc["today"], "2004-02-27");
    assert_eq!(doc["facts"]["meeting"], "2004-05-25");
    for rule in ["nomination_notice", "business_notice"] {
        let d = deadline(&doc, "hemacare_bylaws", rule);
        assert_eq!(d["status"], "computed", "{rule}");
        assert_eq!(d["closes"]["date"], "2004-03-05", "{rule}");
        assert_eq!(d["closes"]["computed"], "2004-03-05", "no roll: {rule}");
        assert_eq!(d["closes"]["roll"], "none", "{rule}");
        assert!(d["opens"].is_null(), "{rule}");
        assert_eq!(d["missing"].as_array().map(Vec::len), Some(0));
        let steps: Vec<(&str, &str)> = d["trace"]
            .as_array()
            .expect("trace")
            .iter()
            .map(|s| {
                (
                    s["date"].as_str().unwrap_or(""),
                    s["text"].as_str().unwrap_or(""),
                )
            })
            .collect();
        assert!(
            steps.contains(&(
                "2004-02-25",
                "90 days before the meeting (Tue 25 May 2004) = Wed 25 Feb 2004"
            )),
            "{steps:?}"
        );
        assert!(
            steps.iter().any(|(date, text)| *date == "2004-03-05"
                && text.starts_with("7 days after the first public announcement")),
            "{steps:?}"
        );
    }
    assert_eq!(
        deadline(&doc, "hemacare_bylaws", "nomination_notice")["citation"],
        "HemaCare Bylaws § 2.14 (nominations)"
    );
}

/// Without the announcement date the answer turns on it: announcement + 7
/// days overtakes meeting - 90 days (Wed 25 Feb 2004) when the announcement
/// is after Wed 18 Feb 2004 (18 Feb + 7 = 25 Feb). Source: HemaCare Bylaws
/// § 2.14 (Form 8-K of 27 Feb 2004).
#[test]
fn hemacare_without_announcement_is_conditional_on_18_february_2004_in_table() {
    // The bylaw pack alone: Rule 14a-6(a) has a date from the release date.
    let out = hemacare().ok(&[
        "deadlines",
        "hemacare-2004.toml",
        "--only",
        "bylaws/hemacare",
        "--today",
        "2004-02-27",
        "--without",
        "announcement",
    ]);
    assert!(out.contains("No computed dates."), "{out}");
    for rule in ["nomination_notice", "business_notice"] {
        assert!(out.contains(&format!("hemacare_bylaws/{rule}")), "{out}");
    }
    assert!(out.contains(
        "if the first public announcement of the meeting date is on or before Wed 18 Feb 2004: closes Wed 25 Feb 2004"
    ), "{out}");
    assert!(out.contains(
        "if the first public announcement of the meeting date is between Thu 19 Feb 2004 and Tue 25 May 2004: closes 7 days after the first public announcement of the meeting date"
    ), "{out}");
}

/// The same conditional answer in JSON: status `conditional`, `missing`
/// names `announcement`, one case per side of 18 Feb 2004. Source: HemaCare
/// Bylaws § 2.14 (Form 8-K of 27 Feb 2004).
#[test]
fn hemacare_without_announcement_is_conditional_and_names_the_missing_fact_in_json() {
    let doc = hemacare().json(&[
        "deadlines",
        "hemacare-2004.toml",
        "--today",
        "2004-02-27",
        "--without",
        "announcement",
        "--format",
        "json",
    ]);
    assert!(doc["facts"].get("announcement").is_none(), "{doc:#}");
    for rule in ["nomination_notice", "business_notice"] {
        let d = deadline(&doc, "hemacare_bylaws", rule);
        assert_eq!(d["status"], "conditional", "{rule}");
        assert!(d["closes"].is_null(), "{rule}");
        let missing: Vec<&str> = d["missing"]
            .as_array()
            .expect("missing")
            .iter()
            .filter_map(|m| m.as_str())
            .collect();
        assert!(missing.contains(&"announcement"), "{missing:?}");
        let cases = d["cases"].as_array().expect("cases");
        assert_eq!(cases.len(), 2, "{rule}: {cases:?}");
        assert!(
            cases[0]["when"]
                .as_str()
                .unwrap()
                .contains("on or before Wed 18 Feb 2004")
        );
        assert_eq!(cases[0]["closes"]["value"]["date"], "2004-02-25");
        assert!(
            cases[1]["when"]
                .as_str()
                .unwrap()
                .contains("between Thu 19 Feb 2004 and Tue 25 May 2004")
        );
        assert_eq!(cases[1]["closes"]["kind"], "words");
        assert!(
            cases[1]["closes"]["value"]
                .as_str()
                .unwrap()
                .contains("7 days after the first public announcement")
        );
        // The same two cases as data, for a program: the announcement on or
        // before 18 Feb 2004 (18 Feb + 7 days = 25 Feb = 25 May - 90 days),
        // or from 19 Feb to the meeting itself (an announcement comes no
        // later than its meeting, 25 May 2004).
        assert_eq!(
            cases[0]["condition"],
            serde_json::json!({"fact": "announcement", "on_or_before": "2004-02-18"}),
            "{rule}"
        );
        assert_eq!(
            cases[1]["condition"],
            serde_json::json!({"fact": "announcement", "between": ["2004-02-19", "2004-05-25"]}),
            "{rule}"
        );
    }
}

/// Next year's section carries its conditions as data too. With the 2004
/// meeting on 25 May, Rule 14a-8(e)(2) keeps its 120-day date for 2005 only
/// if the 2005 meeting is not moved more than 30 days from 25 May (25 Apr -
/// 24 Jun 2005, both ends included); otherwise it gives no fixed date. Next
/// year's meeting comes after this one, so the earlier band starts on 26
/// May 2004.
#[test]
fn next_year_cases_carry_meeting_dates_as_data() {
    let doc = hemacare().json(&[
        "deadlines",
        "hemacare-2004.toml",
        "--today",
        "2004-02-27",
        "--format",
        "json",
    ]);
    let next = doc["next_year"]["deadlines"].as_array().expect("next year");
    let proposal = next
        .iter()
        .find(|d| d["rule"] == "shareholder_proposal_deadline")
        .expect("Rule 14a-8 for next year");
    let cases = proposal["cases"].as_array().expect("cases");
    assert_eq!(
        cases[0]["condition"],
        serde_json::json!({"fact": "meeting", "between": ["2005-04-25", "2005-06-24"]}),
        "{cases:#?}"
    );
    assert_eq!(
        cases[0]["when"],
        "next year's meeting is between Mon 25 Apr 2005 and Fri 24 Jun 2005"
    );
    assert_eq!(
        cases[1]["condition"],
        serde_json::json!({"any": [
            {"fact": "meeting", "between": ["2004-05-26", "2005-04-24"]},
            {"fact": "meeting", "on_or_after": "2005-06-25"}
        ]})
    );
}

/// The 2004 meeting (25 May) is 80 days before the anniversary of the 13
/// Aug 2003 meeting, more than 30, so Rule 14a-8(e)(2) gives "a reasonable
/// time before the company begins to print and send its proxy materials"
/// and Rule 14a-4(c)(1) "a reasonable time before the registrant sends its
/// proxy materials". Rule 14a-19 applies only to meetings after 31 Aug 2022
/// (17 CFR 240.14a-19; Universal Proxy release, 86 FR 68330).
#[test]
fn hemacare_2004_sec_rules_fall_back_and_rule_14a_19_does_not_apply() {
    let doc = hemacare().json(&[
        "deadlines",
        "hemacare-2004.toml",
        "--today",
        "2004-02-27",
        "--format",
        "json",
        "--all",
    ]);
    let sec = "sec_regulation_14a";
    let proposal = deadline(&doc, sec, "shareholder_proposal_deadline");
    assert_eq!(proposal["status"], "unspecified");
    assert!(proposal["closes"].is_null());
    assert!(
        proposal["words"].as_str().unwrap().contains(
            "a reasonable time before the company begins to print and send its proxy materials"
        ),
        "{proposal:#}"
    );
    let trace = proposal["trace"].to_string();
    assert!(
        trace.contains("is 80 days before the anniversary"),
        "{trace}"
    );

    // HemaCare's § 2.14 is an advance-notice bylaw: its date replaces Rule
    // 14a-4(c)(1)'s (C&DI 124.02), and the rule says which bylaw rule does.
    let discretionary = deadline(&doc, sec, "discretionary_authority_notice");
    assert_eq!(discretionary["status"], "not_applicable");
    assert!(
        discretionary["words"]
            .as_str()
            .unwrap()
            .contains("here hemacare_bylaws/business_notice sets it"),
        "{discretionary:#}"
    );

    for rule in ["dissident_nominee_notice", "company_nominee_notice"] {
        assert_eq!(status(&doc, sec, rule), "not_applicable", "{rule}");
        assert!(
            deadline(&doc, sec, rule)["words"]
                .as_str()
                .unwrap()
                .contains("after 31 August 2022")
        );
    }
}

/// Without `--all`, JSON leaves out the not-applicable Rule 14a-19 entries
/// and the table only counts them.
#[test]
fn hemacare_2004_not_applicable_rules_are_hidden_unless_all() {
    let cli = hemacare();
    let doc = cli.json(&[
        "deadlines",
        "hemacare-2004.toml",
        "--today",
        "2004-02-27",
        "--format",
        "json",
    ]);
    let rules: Vec<&str> = doc["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(!rules.contains(&"dissident_nominee_notice"), "{rules:?}");
    assert!(
        rules.contains(&"shareholder_proposal_deadline"),
        "{rules:?}"
    );

    // Rule 14a-19's three deadlines (2022) and notice and access (2007),
    // among others, did not exist in 2004: count them from `--all`.
    let every = cli.json(&[
        "deadlines",
        "hemacare-2004.toml",
        "--today",
        "2004-02-27",
        "--all",
        "--format",
        "json",
    ]);
    let governing: Vec<&str> = every["packs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    let (hidden, elsewhere): (Vec<&Value>, Vec<&Value>) = every["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["status"] == "not_applicable")
        .partition(|d| governing.contains(&d["pack"].as_str().unwrap()));
    assert!(hidden.len() >= 4, "{every:#}");
    assert!(!elsewhere.is_empty(), "other states' packs are loaded too");
    let table = cli.ok(&["deadlines", "hemacare-2004.toml", "--today", "2004-02-27"]);
    assert!(
        table.contains(&format!(
            "{} rules not applicable to this meeting, and {} rules of packs that do not govern the company (--all lists them)",
            hidden.len(),
            elsewhere.len()
        )),
        "{table}"
    );
    let all = cli.ok(&[
        "deadlines",
        "hemacare-2004.toml",
        "--today",
        "2004-02-27",
        "--all",
    ]);
    assert!(all.contains("Not applicable:"), "{all}");
    assert!(all.contains("sec_regulation_14a/dissident_nominee_notice: Rule 14a-19 applies only"));
    assert!(all.contains(
        "sec_regulation_14a/notice_of_internet_availability: no Notice of Internet Availability could be sent before 1 July 2007"
    ));
}

/// The same 80-day move in 2025 (prior meeting 13 Aug 2024, anniversary
/// Wed 13 Aug 2025, meeting Sun 25 May 2025, announced Thu 27 Feb 2025):
/// - Rule 14a-8(e)(2) and 14a-4(c)(1): reasonable time (moved > 30 days);
/// - Rule 14a-19(b)(1): later of 25 May - 60 = Wed 26 Mar 2025 and
///   27 Feb + 10 = Sun 9 Mar 2025, so Wed 26 Mar (a business day);
/// - Rule 14a-19(d): 25 May - 50 = Sat 5 Apr 2025, rolled forward under
///   Instruction 1 to (b)(1) and (d) to Mon 7 Apr 2025.
#[test]
fn meeting_moved_80_days_earlier_in_2025_uses_the_rule_14a_19_fallbacks() {
    let doc = Cli::new().json(&[
        "deadlines",
        "--only",
        "sec",
        "--prior-meeting",
        "2024-08-13",
        "--meeting",
        "2025-05-25",
        "--announcement",
        "2025-02-27",
        "--today",
        "2025-02-27",
        "--format",
        "json",
    ]);
    let sec = "sec_regulation_14a";
    assert_eq!(
        status(&doc, sec, "shareholder_proposal_deadline"),
        "unspecified"
    );
    assert_eq!(
        status(&doc, sec, "discretionary_authority_notice"),
        "unspecified"
    );
    assert!(
        deadline(&doc, sec, "shareholder_proposal_deadline")["words"]
            .as_str()
            .unwrap()
            .contains(
                "a reasonable time before the company begins to print and send its proxy materials"
            )
    );

    assert_eq!(status(&doc, sec, "dissident_nominee_notice"), "computed");
    assert_eq!(closes(&doc, sec, "dissident_nominee_notice"), "2025-03-26");
    assert_eq!(
        deadline(&doc, sec, "dissident_nominee_notice")["closes"]["computed"],
        "2025-03-26",
        "a Wednesday: nothing to roll"
    );

    let company = deadline(&doc, sec, "company_nominee_notice");
    assert_eq!(company["status"], "computed");
    assert_eq!(
        company["closes"]["computed"], "2025-04-05",
        "Sat 5 Apr 2025"
    );
    assert_eq!(
        company["closes"]["date"], "2025-04-07",
        "rolled to Mon 7 Apr 2025"
    );
    assert_eq!(company["closes"]["roll"], "forward");
}

/// A flag overrides the facts file: announced on 15 Jan 2004 instead,
/// 15 Jan + 7 days = 22 Jan is earlier than 25 May - 90 days = 25 Feb 2004,
/// so the 90-day date governs (HemaCare Bylaws § 2.14).
#[test]
fn announcement_flag_overrides_the_facts_file() {
    let doc = hemacare().json(&[
        "deadlines",
        "hemacare-2004.toml",
        "--today",
        "2004-01-15",
        "--announcement",
        "January 15, 2004",
        "--format",
        "json",
    ]);
    assert_eq!(doc["facts"]["announcement"], "2004-01-15");
    assert_eq!(
        closes(&doc, "hemacare_bylaws", "nomination_notice"),
        "2004-02-25"
    );
}
