//! `govcal verify` with the facts a filing leaves out or states unsurely
//! given by flags, and companies' errors said plainly (issue 19 §9, §10):
//! an unsure meeting date refused at its place unless `--meeting` is
//! given; a Rule 14a-8 date unchecked for want of the proxy release, with
//! the flag named; a bylaw window printed in the wrong year, checked
//! against the rule its own sentence states; a date one day off over a
//! February 29; exit 1 exactly when a printed date differs.

use serde_json::Value;

use crate::util::Cli;

/// 180 Degree Capital's 2020 proxy statement (hand-read in its
/// `.expected.toml`): meeting Thu 14 May 2020, mailed on or about
/// 25 March 2020. Kept here so that the move of the fixture to
/// `tests/fixtures/filings/` changes one line.
const DEGREE_180: &str = "tests/fixtures/filings/180degree-def14a-2020.txt";

/// A proxy statement that gives two meeting dates (so the date is
/// unsure), its release, and a Rule 14a-8 deadline: 120 days before
/// Sun 10 Apr 2005 is Sat 11 Dec 2004.
fn two_meetings(release: bool) -> String {
    let mailed = if release {
        "<p>This proxy statement is first being mailed to stockholders on or about April 10, 2004.</p>\n"
    } else {
        ""
    };
    format!(
        "<html><body>\n\
         <p>NOTICE OF ANNUAL MEETING OF STOCKHOLDERS OF EXAMPLE WIDGETS, INC.</p>\n\
         <p>The annual meeting of stockholders of Example Widgets, Inc. will be held on May 25, 2004, at 10:00 a.m.</p>\n\
         <p>The annual meeting of stockholders will be held on June 1, 2004.</p>\n\
         {mailed}\
         <p>Proposals of stockholders intended to be included in the proxy statement for the 2005 annual meeting under Rule 14a-8 must be received by the Company no later than December 11, 2004.</p>\n\
         </body></html>\n"
    )
}

fn deadline<'a>(doc: &'a Value, purpose: &str) -> &'a Value {
    doc["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["purpose"] == purpose)
        .unwrap_or_else(|| panic!("no {purpose} in {doc:#}"))
}

fn explanation(d: &Value) -> String {
    d["explanation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Without `--meeting`, an unsure meeting date is refused at its place,
/// saying why and naming the flag; with it, `verify` goes on, the flag
/// wins, and the output says the meeting came from the flag.
#[test]
fn meeting_flag_stands_in_for_an_unsure_meeting_date() {
    let cli = Cli::new();
    cli.file("proxy.htm", &two_meetings(true));
    let (code, stdout, stderr) = cli.run(&["verify", "proxy.htm", "--today", "2004-05-01"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.starts_with("proxy.htm:4:55\n"), "{stderr}");
    let flat = stderr
        .split_whitespace()
        .filter(|w| *w != "│")
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("the filing's meeting date is unsure"),
        "{stderr}"
    );
    assert!(flat.contains("the filing also gives"), "why: {stderr}");
    assert!(
        flat.contains("help: give the meeting date with `--meeting YYYY-MM-DD`"),
        "{stderr}"
    );

    let args = [
        "verify",
        "proxy.htm",
        "--today",
        "2004-05-01",
        "--meeting",
        "2004-05-25",
    ];
    let (code, stdout, stderr) = cli.run(&args);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("facts from flags, used instead of the filing's: meeting Tue 25 May 2004 (`--meeting`; the filing's, unsure:"),
        "{stdout}"
    );
    assert!(
        stdout.contains("AGREES    Rule 14a-8 proposal: closes Sat 11 Dec 2004"),
        "{stdout}"
    );
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let doc = cli.json(&json_args);
    assert_eq!(doc["next_meeting"], "2005-05-25");
    let given = &doc["facts_from_flags"][0];
    assert_eq!(given["fact"], "meeting");
    assert_eq!(given["value"], "2004-05-25");
    assert_eq!(given["flag"], "--meeting");
    assert_eq!(given["filing"]["sure"], false);
    let d = deadline(&doc, "rule_14a8");
    assert_eq!(d["verdict"], "agrees");
    assert_eq!(d["checked_against"], "rule");
    assert_eq!(d["computed"]["closes"], "2004-12-11");
}

/// A filing that gives no meeting date at all goes on with `--meeting`.
#[test]
fn meeting_flag_stands_in_for_a_missing_meeting_date() {
    let cli = Cli::new();
    let text = two_meetings(true)
        .replace(" will be held on May 25, 2004, at 10:00 a.m.", ".")
        .replace(
            "<p>The annual meeting of stockholders will be held on June 1, 2004.</p>\n",
            "",
        );
    cli.file("proxy.htm", &text);
    let (code, _, stderr) = cli.run(&["verify", "proxy.htm", "--today", "2004-05-01"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("no meeting date found"), "{stderr}");
    let doc = cli.json(&[
        "verify",
        "proxy.htm",
        "--today",
        "2004-05-01",
        "--meeting",
        "2004-05-25",
        "--format",
        "json",
    ]);
    assert_eq!(deadline(&doc, "rule_14a8")["verdict"], "agrees");
    assert_eq!(doc["facts_from_flags"][0]["filing"], Value::Null);
    // `deadlines --from-filing` takes the flag the same way.
    let (code, stdout, stderr) = cli.run(&[
        "deadlines",
        "--from-filing",
        "proxy.htm",
        "--meeting",
        "2004-05-25",
        "--today",
        "2004-05-01",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Tue 25 May 2004"), "{stdout}");
}

/// Rule 14a-8(e)(2) counts from the proxy release: when the filing's is
/// not read, the deadline is unchecked, and the message says which fact is
/// missing and names `--proxy-release` (not the bylaws). Given, it is
/// checked: agrees (exit 0), or a day off (exit 1).
#[test]
fn a_missing_release_names_the_proxy_release_flag() {
    let cli = Cli::new();
    cli.file("proxy.htm", &two_meetings(false));
    let base = [
        "verify",
        "proxy.htm",
        "--today",
        "2004-05-01",
        "--meeting",
        "2004-05-25",
    ];
    let (code, stdout, stderr) = cli.run(&base);
    assert_eq!(code, 0, "unchecked is not a difference: {stderr}");
    assert!(
        stdout.contains("UNCHECKED Rule 14a-8 proposal: closes Sat 11 Dec 2004"),
        "{stdout}"
    );
    assert!(
        stdout.contains("the date this proxy statement was first sent, which Rule 14a-8(e)(2) counts from, was not read from the filing: give it with `--proxy-release YYYY-MM-DD`"),
        "{stdout}"
    );
    assert!(!stdout.contains("bylaws"), "{stdout}");
    let mut json_args = base.to_vec();
    json_args.extend(["--format", "json"]);
    let doc = cli.json(&json_args);
    let d = deadline(&doc, "rule_14a8");
    assert_eq!(d["verdict"], "unchecked");
    assert_eq!(d["checked_against"], Value::Null);
    assert_eq!(d["needs"][0]["fact"], "proxy_release");
    assert_eq!(d["needs"][0]["flag"], "--proxy-release YYYY-MM-DD");

    let mut given = base.to_vec();
    given.extend(["--proxy-release", "2004-04-10"]);
    let (code, stdout, stderr) = cli.run(&given);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("AGREES    Rule 14a-8 proposal"), "{stdout}");
    assert!(
        stdout.contains(
            "proxy_release Sat 10 Apr 2004 (`--proxy-release`; not read from the filing)"
        ),
        "{stdout}"
    );

    let mut wrong = base.to_vec();
    wrong.extend(["--proxy-release", "2004-04-09"]);
    let (code, stdout, stderr) = cli.run(&wrong);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stdout.contains("closing date printed 1 day later than computed"),
        "{stdout}"
    );
}

/// The 180 Degree bylaw window "between January 15, 2020, and February
/// 14, 2020" is 120 and 90 days before THIS year's meeting (14 May 2020):
/// differs, checked against the rule the sentence states, with the
/// wrong-year diagnosis and the February 29 that would still leave it a day
/// off. With the release given, Rule 14a-8's January 1, 2021 is 37 days
/// later than 25 November 2020.
#[test]
fn a_window_printed_in_the_wrong_year_differs_and_says_why() {
    let cli = Cli::new();
    cli.copy(DEGREE_180);
    let file = DEGREE_180.rsplit('/').next().unwrap();
    let (code, stdout, stderr) = cli.run(&["verify", file, "--today", "2020-04-01"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stdout.contains("DIFFERS   advance notice under the bylaws: opens Wed 15 Jan 2020, closes Fri 14 Feb 2020"),
        "{stdout}"
    );
    assert!(
        stdout.contains("checked against the rule the sentence states: 90 to 120 days before the anniversary of the preceding annual meeting (\"not less than 90 days or more than 120 days prior to the anniversary of the date of the immediately preceding Annual Meeting of Shareholders\")"),
        "{stdout}"
    );
    assert!(
        stdout.contains("printed in the wrong year: these are the dates counted from this year's meeting (Thu 14 May 2020), not from its anniversary (Fri 14 May 2021)"),
        "{stdout}"
    );

    let (code, stdout, stderr) = cli.run(&[
        "verify",
        file,
        "--today",
        "2020-04-01",
        "--proxy-release",
        "2020-03-25",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "{stderr}");
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    let window = deadline(&doc, "advance_notice");
    assert_eq!(window["verdict"], "differs");
    assert_eq!(window["checked_against"], "stated_in_sentence");
    assert_eq!(window["wrong_year"], true);
    assert_eq!(window["stated_rule"]["anchor"], "prior_meeting");
    assert_eq!(window["stated_rule"]["opens_days"], 120);
    assert_eq!(window["stated_rule"]["closes_days"], 90);
    assert_eq!(window["stated_rule"]["opens"], "2021-01-14");
    assert_eq!(window["stated_rule"]["closes"], "2021-02-13");
    let why = explanation(window);
    assert!(
        why.contains("this year's count spans February 29, 2020"),
        "{why}"
    );
    assert!(
        why.contains("was already past when this proxy statement was sent (Wed 25 Mar 2020)"),
        "{why}"
    );
    let rule = deadline(&doc, "rule_14a8");
    assert_eq!(rule["verdict"], "differs");
    assert_eq!(rule["computed"]["closes"], "2020-11-25");
    assert_eq!(rule["closes_off_by_days"], 37);
}

/// A bylaw sentence stating its rule, with dates for a meeting on 14 May
/// 2019's anniversary.
fn window_proxy(opens: &str, closes: &str, meeting: &str) -> String {
    format!(
        "<html><body>\n\
         <p>The annual meeting of stockholders of Example Widgets, Inc. will be held on {meeting}.</p>\n\
         <p>Under our bylaws, a stockholder who wishes to nominate a director must deliver notice to our Secretary not less than 90 days nor more than 120 days prior to the anniversary of the date of the immediately preceding annual meeting (i.e., no earlier than {opens} and no later than {closes}).</p>\n\
         </body></html>\n"
    )
}

/// 120 and 90 days before 14 May 2020 are 15 January and 14 February
/// 2020 (February 29 counted); 2019's dates carried over by calendar date
/// (14 January, 13 February) are a day early, and the output says that
/// February 29 was not counted. The right dates agree, exit 0.
#[test]
fn a_date_one_day_off_over_february_29_says_so() {
    let cli = Cli::new();
    cli.file(
        "early.htm",
        &window_proxy("January 14, 2020", "February 13, 2020", "May 14, 2019"),
    );
    let args = ["verify", "early.htm", "--today", "2019-04-01"];
    let (code, stdout, stderr) = cli.run(&args);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stdout.contains("one day off: February 29, 2020 lies between the printed date and Thu 14 May 2020 and was not counted"),
        "{stdout}"
    );
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let (_, stdout, _) = cli.run(&json_args);
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    let d = deadline(&doc, "advance_notice");
    assert_eq!(d["verdict"], "differs");
    assert_eq!(d["checked_against"], "stated_in_sentence");
    assert_eq!(d["closes_off_by_days"], -1);
    assert_eq!(d["opens_off_by_days"], -1);
    assert_eq!(d["wrong_year"], false);

    // The other way: 2020's count (over 29 February 2020) carried into
    // 2021 is a day late.
    cli.file(
        "late.htm",
        &window_proxy("January 15, 2021", "February 14, 2021", "May 14, 2020"),
    );
    let (code, stdout, _) = cli.run(&["verify", "late.htm", "--today", "2020-04-01"]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("one day off: February 29 counted where there is none"),
        "{stdout}"
    );

    cli.file(
        "right.htm",
        &window_proxy("January 15, 2020", "February 14, 2020", "May 14, 2019"),
    );
    let (code, stdout, stderr) = cli.run(&["verify", "right.htm", "--today", "2019-04-01"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("AGREES    advance notice under the bylaws: opens Wed 15 Jan 2020, closes Fri 14 Feb 2020"),
        "{stdout}"
    );
    assert!(!stdout.contains("one day off"), "{stdout}");
}

/// A bylaw window whose sentence states no rule stays unchecked (exit 0),
/// with the bylaws asked for; a rule stated in another way than govcal
/// reads gives no verdict either.
#[test]
fn a_window_without_a_readable_rule_stays_unchecked() {
    let cli = Cli::new();
    let text = window_proxy("January 15, 2020", "February 14, 2020", "May 14, 2019").replace(
        "not less than 90 days nor more than 120 days prior to the anniversary of the date of the immediately preceding annual meeting (i.e., ",
        "not less than 90 business days before the meeting (i.e., ",
    );
    cli.file("proxy.htm", &text);
    let (code, stdout, stderr) = cli.run(&["verify", "proxy.htm", "--today", "2019-04-01"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("UNCHECKED advance notice under the bylaws"),
        "{stdout}"
    );
    assert!(
        stdout.contains("give the company's bylaws with `--rules FILE`"),
        "{stdout}"
    );
}

/// A sentence that gives this year's own window ("for the 2019 annual
/// meeting, notice must have been received …") is not a wrong-year
/// window: it is not reported at all, and nothing differs.
#[test]
fn this_years_own_window_is_not_a_wrong_year_window() {
    let cli = Cli::new();
    let text = window_proxy("January 14, 2019", "February 13, 2019", "May 14, 2019")
        .replace(
            "Under our bylaws, a stockholder who wishes to nominate a director must deliver",
            "For the 2019 annual meeting, a stockholder who wished to nominate a director must have delivered",
        )
        .replace(
            "</body>",
            "<p>Proposals for the 2020 annual meeting to be included in the proxy statement under Rule 14a-8 must be received by December 1, 2019.</p>\n</body>",
        );
    cli.file("proxy.htm", &text);
    let doc = cli.json(&[
        "verify",
        "proxy.htm",
        "--today",
        "2019-04-01",
        "--format",
        "json",
    ]);
    let purposes: Vec<&str> = doc["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["purpose"].as_str().unwrap())
        .collect();
    assert_eq!(purposes, ["rule_14a8"], "{doc:#}");
}

/// Issue 21: verify's text says each step of a rule's arithmetic once (the
/// Northwind advance-notice window once said the anniversary four times);
/// `--format json` keeps the whole trace.
#[test]
fn verify_text_says_each_step_once() {
    let cli = Cli::with_examples();
    cli.ok(&["disclose", "northwind-2026.toml", "-o", "section.txt"]);
    let args = [
        "verify",
        "section.txt",
        "--meeting",
        "2026-05-14",
        "--proxy-release",
        "2026-04-02",
        "--rules",
        "northwind-bylaws.toml",
    ];
    let text = cli.ok(&args);
    let step = "the anniversary of the prior annual meeting (Thu 14 May 2026) = Fri 14 May 2027";
    // One printed deadline's lines: from its verdict to the next one's.
    let items: Vec<&str> = text.split("\nAGREES").skip(1).collect();
    assert_eq!(items.len(), 3, "{text}");
    for item in &items {
        assert!(item.matches(step).count() <= 1, "{item}");
        let lines: Vec<&str> = item.lines().map(str::trim).collect();
        let mut distinct = lines.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), lines.len(), "a line repeats in\n{item}");
    }
    assert!(text.contains(step), "{text}");
    let json: Value =
        serde_json::from_str(&cli.ok(&[&args[..], &["--format", "json"]].concat())).unwrap();
    assert!(json.to_string().matches(step).count() >= 4, "{json}");
}
