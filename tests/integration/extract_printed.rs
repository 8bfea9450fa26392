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
