//! `govcal extract --format json` on small proxy statements that print
//! next year's deadlines in different layouts: each printed deadline with
//! its purpose, first and last day, and no window reported twice.

use serde_json::Value;

use crate::util::Cli;

/// (purpose, opens, closes) of each printed deadline, in order.
fn printed(doc: &Value) -> Vec<(String, Option<String>, String)> {
    doc["printed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["purpose"].as_str().unwrap().to_owned(),
                p["opens"].as_str().map(str::to_owned),
                p["closes"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn row(purpose: &str, opens: Option<&str>, closes: &str) -> (String, Option<String>, String) {
    (
        purpose.to_owned(),
        opens.map(str::to_owned),
        closes.to_owned(),
    )
}

fn extract(name: &str, text: &str) -> Vec<(String, Option<String>, String)> {
    let cli = Cli::new();
    std::fs::write(cli.path().join(name), text).unwrap();
    let doc = cli.json(&["extract", name, "--format", "json"]);
    let got = printed(&doc);
    // No window twice: the same days are printed once per purpose, and
    // the same place gives one deadline.
    let mut places: Vec<(u64, u64, String, Option<String>)> = Vec::new();
    for p in doc["printed"].as_array().unwrap() {
        let key = (
            p["line"].as_u64().unwrap(),
            p["column"].as_u64().unwrap(),
            p["closes"].as_str().unwrap().to_owned(),
            p["opens"].as_str().map(str::to_owned),
        );
        assert!(
            !places.contains(&key),
            "{name}: twice at one place: {doc:#}"
        );
        places.push(key);
    }
    let mut seen = got.clone();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), got.len(), "{name}: a window twice: {got:?}");
    got
}

const MEETING_HTML: &str = "<p>The 2026 Annual Meeting of Stockholders will be held on Thursday, May 7, 2026. This proxy statement is first being mailed to stockholders on or about March 27, 2026.</p>";

/// A summary table: a label cell, role words and dates in other cells,
/// each cell a paragraph; the purpose column headers of a second table.
#[test]
fn deadlines_in_html_tables() {
    let text = format!(
        "<html><body>{MEETING_HTML}\
         <p>Stockholder proposals and nominations for the 2027 annual meeting:</p>\
         <table><tr><th><p>Type</p></th><th><p>Window opens</p></th><th><p>Window closes</p></th></tr>\
         <tr><td><p>Proposals for inclusion in our proxy statement under Rule&nbsp;14a-8</p></td><td><p>&#8212;</p></td><td><p>November 27, 2026</p></td></tr>\
         <tr><td><p>Nominations and other business under our bylaws (not for inclusion in our proxy statement)</p></td><td><p>January 7, 2027</p></td><td><p>February 6, 2027</p></td></tr>\
         <tr><td><p>Proxy access nominations</p></td><td><p>October 28, 2026</p></td><td><p>November 27, 2026</p></td></tr>\
         <tr><td><p>Notice of solicitation in support of nominees other than the Company&#8217;s nominees (Rule&nbsp;14a-19)</p></td><td><p>&#8212;</p></td><td><p>March 8, 2027</p></td></tr>\
         </table></body></html>"
    );
    assert_eq!(
        extract("proxy.htm", &text),
        vec![
            row("rule_14a8", None, "2026-11-27"),
            row("advance_notice", Some("2027-01-07"), "2027-02-06"),
            row("proxy_access", Some("2026-10-28"), "2026-11-27"),
            row("rule_14a19", None, "2027-03-08"),
        ]
    );
    let by_columns = format!(
        "<html><body>{MEETING_HTML}\
         <table><tr><td></td><td>Rule 14a-8 proposals</td><td>Advance notice under our bylaws</td></tr>\
         <tr><td>Earliest date</td><td>n/a</td><td>January 7, 2027</td></tr>\
         <tr><td>Deadline</td><td>November 27, 2026</td><td>February 6, 2027</td></tr></table></body></html>"
    );
    assert_eq!(
        extract("columns.htm", &by_columns),
        vec![
            row("rule_14a8", None, "2026-11-27"),
            row("advance_notice", Some("2027-01-07"), "2027-02-06"),
        ]
    );
}

/// Plain text: a cell to a line, a window over two bullets with the
/// purpose in the lead-in, a close-first window, "as early as … but no
/// later than", and "no" and "later than" on two lines.
#[test]
fn deadlines_in_plain_text_layouts() {
    let text = "\
The 2026 Annual Meeting of Shareholders will be held on May 7, 2026. This
proxy statement is first being mailed to shareholders on or about March 27,
2026.

SHAREHOLDER PROPOSALS FOR THE 2027 ANNUAL MEETING

Proposals under Rule 14a-8
No later than
November 27, 2026

Shareholders who intend to present a proposal outside of the SEC Rule 14a-8
process must deliver notice to our Secretary:

    o   not later than the close of business on February 6, 2027, and

    o   not earlier than the close of business on January 7, 2027.

A shareholder who wishes to include a nominee in our proxy materials must
deliver the notice as early as October 28, 2026, but no
later than November 27, 2026.

Shareholders who intend to solicit proxies in support of director nominees
other than the Company's nominees must give notice no later than March 8,
2027.

The Board declared a quarterly dividend payable on December 15, 2026. The
2026 annual meeting was held on May 7, 2026. We will report earnings on
February 6, 2027.
";
    assert_eq!(
        extract("proxy.txt", text),
        vec![
            row("rule_14a8", None, "2026-11-27"),
            row("advance_notice", Some("2027-01-07"), "2027-02-06"),
            row("proxy_access", Some("2026-10-28"), "2026-11-27"),
            row("rule_14a19", None, "2027-03-08"),
        ]
    );
}

/// Rule 14a-8 named after the date; the same window restated in a
/// summary for the same purpose is one deadline.
#[test]
fn each_printed_window_once_with_its_purpose() {
    let text = format!(
        "<html><body>{MEETING_HTML}\
         <p>Proposals to be included in the proxy statement for the 2027 meeting must be received by November 27, 2026 and must comply with Rule 14a-8.</p>\
         <p>Under our bylaws, notice of a nomination or other business must be received no earlier than January 7, 2027 and no later than February 6, 2027.</p>\
         <table><tr><td>Nominations and other business under our bylaws</td><td>January 7, 2027 &#8211; February 6, 2027</td></tr></table>\
         </body></html>"
    );
    assert_eq!(
        extract("proxy.htm", &text),
        vec![
            row("rule_14a8", None, "2026-11-27"),
            row("advance_notice", Some("2027-01-07"), "2027-02-06"),
        ]
    );
}

/// Issue 19 through the process: a deadline section alone (no meeting or
/// release read) whose first sentence expects next year's meeting, with
/// clock times and zones inside its window; next year's meeting is no
/// anchor and no deadline, and a date on or after it is no deadline for it.
#[test]
fn a_deadline_section_alone_with_next_years_meeting_first() {
    for expected in [
        "We expect that our 2026 annual meeting of shareholders will be held on Thursday, May 14, 2026.",
        "Our next annual meeting is expected to be held on May 14, 2026.",
        "The Company currently plans to hold its 2026 annual meeting of stockholders on May 14, 2026.",
    ] {
        next_years_meeting_first(expected);
    }
}

fn next_years_meeting_first(expected: &str) {
    let text = format!(
        "Shareholder proposals for next year\n{expected}\n\
        Proposals under Rule 14a-8 for inclusion in our proxy materials for the 2026 annual meeting must be received no later than November 24, 2025.\n\
        Notice of nominations or other business under our bylaws must be received no later than 5:00 p.m., Eastern Time, on February 13, 2026 and no earlier than 8:00 a.m. Eastern Time on January 14, 2026.\n\
        The Rule 14a-19 notice for the 2027 annual meeting must be received no later than March 15, 2027.\n"
    );
    assert_eq!(
        extract("section.txt", &text),
        vec![
            row("rule_14a8", None, "2025-11-24"),
            row("advance_notice", Some("2026-01-14"), "2026-02-13"),
        ],
        "{expected}"
    );
}

/// Issue 19 §9 through the process: a by-law window printed a year early
/// (this year's meeting minus 120 and 90 days) in a sentence that counts
/// from the anniversary is reported as printed, for `verify` to call it
/// wrong; last year's window cited in the same statement is not.
#[test]
fn a_window_printed_in_the_wrong_year_is_reported() {
    let text = "<html><body>\
        <p>NOTICE IS HEREBY GIVEN that the 2020 Annual Meeting of Shareholders of Example Holdings Corp. will be held on Thursday, May 14, 2020, at 10:00 a.m.</p>\
        <p>Holders of record at the close of business on March 16, 2020 are entitled to vote.</p>\
        <p>We are mailing this proxy statement to shareholders on or about March 25, 2020.</p>\
        <p>Proposals for inclusion in our proxy statement for the 2021 Annual Meeting must be received no later than November 25, 2020.</p>\
        <p>Under our Bylaws, notice of a nomination must be delivered not less than 90 days or more than 120 days prior to the anniversary of the immediately preceding Annual Meeting (i.e., between January 15, 2020, and February 14, 2020).</p>\
        <p>For this year's meeting, notice of nominations under our Bylaws was due no later than February 14, 2020, the anniversary rule applied to last year's meeting.</p>\
        </body></html>";
    assert_eq!(
        extract("proxy.htm", text),
        vec![
            row("rule_14a8", None, "2020-11-25"),
            row("advance_notice", Some("2020-01-15"), "2020-02-14"),
        ]
    );
}
