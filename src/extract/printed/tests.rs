//! Printed deadlines read from whole texts: wordings, layouts and
//! look-alikes.

use super::*;
use crate::extract::printed::window::{Role, role_of, time_of};
use crate::extract::text;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A clock time right after a letter of two bytes: the hour's start
/// was taken one byte into the letter (a panic found by fuzzing).
#[test]
fn a_time_after_a_multibyte_letter() {
    assert_eq!(time_of("león5:00 p.m."), NaiveTime::from_hms_opt(17, 0, 0));
    assert_eq!(time_of("ó12:30 pm"), NaiveTime::from_hms_opt(12, 30, 0));
    assert_eq!(time_of("ó:30 pm"), None);
}

#[test]
fn a_proxy_statements_section() {
    let text = "Stockholder proposals submitted pursuant to Rule 14a-8 for inclusion in our proxy statement for the 2025 annual meeting must be received by us no later than November 29, 2024.\n\n\
        Stockholders who wish to present a proposal or nominate a director outside of Rule 14a-8 must give notice under our bylaws not earlier than the close of business on January 9, 2025 and not later than 5:00 p.m., Eastern Time, on February 8, 2025.\n\n\
        To comply with Rule 14a-19, a stockholder must provide notice no later than March 10, 2025.\n\n\
        Nominations under the proxy access provisions of our bylaws must be received between October 30, 2024 and November 29, 2024.\n";
    let doc = text::read("p.txt", text.as_bytes()).unwrap();
    let p = find(&doc, d(2024, 4, 1));
    assert_eq!(p.len(), 4, "{p:#?}");
    assert_eq!(
        (p[0].purpose, p[0].closes, p[0].opens),
        (Purpose::Rule14a8, d(2024, 11, 29), None)
    );
    assert_eq!(p[1].purpose, Purpose::AdvanceNotice);
    assert_eq!(
        (p[1].opens, p[1].closes),
        (Some(d(2025, 1, 9)), d(2025, 2, 8))
    );
    assert_eq!(p[1].time, NaiveTime::from_hms_opt(17, 0, 0));
    assert_eq!(p[1].zone.as_deref(), Some("America/New_York"));
    assert_eq!(
        (p[2].purpose, p[2].closes),
        (Purpose::Rule14a19, d(2025, 3, 10))
    );
    assert_eq!(p[3].purpose, Purpose::ProxyAccess);
    assert_eq!(
        (p[3].opens, p[3].closes),
        (Some(d(2024, 10, 30)), d(2024, 11, 29))
    );
}

fn read(text: &str, after: NaiveDate) -> Vec<Printed> {
    let doc = text::read("p.htm", text.as_bytes()).unwrap();
    find(&doc, after)
}

fn summary(p: &[Printed]) -> Vec<(Purpose, Option<NaiveDate>, NaiveDate)> {
    p.iter().map(|p| (p.purpose, p.opens, p.closes)).collect()
}

/// Inclusion in the proxy statement without naming Rule 14a-8 is a
/// 14a-8 proposal; declining inclusion is advance notice; a nomination
/// needs no mention of the bylaws.
#[test]
fn purpose_from_inclusion_wording() {
    let text = "<p>An owner who wants a proposal included in our proxy materials for the 2025 meeting must deliver it so that it arrives no later than October 1, 2024.</p>\
        <p>An owner who does not wish the proposal to be included in our proxy materials must give notice no earlier than November 4, 2024 and no later than December 4, 2024.</p>\
        <p>An owner who wishes to nominate a director must tell us in writing no earlier than November 4, 2024 and no later than December 4, 2024.</p>";
    let p = read(text, d(2024, 2, 1));
    assert_eq!(
        summary(&p),
        vec![
            (Purpose::Rule14a8, None, d(2024, 10, 1)),
            (Purpose::AdvanceNotice, Some(d(2024, 11, 4)), d(2024, 12, 4)),
        ],
        "{p:#?}"
    );
    // The third sentence is read too (kept once as the same window).
    let doc = text::read("p.htm", text.as_bytes()).unwrap();
    assert_eq!(
        purpose_of(&doc.sentences[2].text.to_lowercase(), true).map(|(p, _)| p),
        Some(Purpose::AdvanceNotice)
    );
}

/// The anniversary named in the "more than 30 days before or after"
/// condition is not a deadline and opens no window.
#[test]
fn a_condition_date_is_not_a_deadline() {
    let text = "<p>Proposals under Rule 14a-8 for the 2027 meeting must reach us by November 20, 2026, unless that meeting is held more than 30 days before or after May 4, 2027.</p>";
    let p = read(text, d(2026, 3, 1));
    assert_eq!(
        summary(&p),
        vec![(Purpose::Rule14a8, None, d(2026, 11, 20))],
        "{p:#?}"
    );
}

/// A list introduced by "you must:" carries the purpose to its items;
/// a weekday before the date is no obstacle.
#[test]
fn list_items_take_the_purpose_of_their_lead_in() {
    let text = "<p>Under our Bylaws, to nominate a director whose nomination will not be included in the proxy statement, you must:</p>\
        <div>\u{2022} Write to our Secretary on or before Tuesday, June 2, 2026; and</div>\
        <div>\u{2022} Give the information our Bylaws require.</div>\
        <p>To use the proxy access right of our Bylaws, you must:</p>\
        <div>\u{2022} Write to our Secretary on or before Monday, May 4, 2026; and</div>";
    let p = read(text, d(2025, 9, 1));
    assert_eq!(
        summary(&p),
        vec![
            (Purpose::AdvanceNotice, None, d(2026, 6, 2)),
            (Purpose::ProxyAccess, None, d(2026, 5, 4)),
        ],
        "{p:#?}"
    );
}

/// The closing date may come first and the opening date second.
#[test]
fn closing_date_printed_before_opening_date() {
    let text = "<p>Under our bylaws, nominations must be delivered no later than the close of business on March 2, 2026, and no earlier than the close of business on February 1, 2026.</p>";
    let p = read(text, d(2025, 6, 1));
    assert_eq!(
        summary(&p),
        vec![(Purpose::AdvanceNotice, Some(d(2026, 2, 1)), d(2026, 3, 2))],
        "{p:#?}"
    );
    assert!(p[0].close_of_business);
}

/// Setting aside proxy access and Rule 14a-8 leaves the bylaws' own
/// notice; "such nominees" continues the proxy-access sentence.
#[test]
fn set_aside_proxy_access_is_advance_notice() {
    let text = "<p>Proxy Access: our bylaws let a group of holders put nominees in our proxy statement.</p>\
        <p>Notice of such nominees must arrive no earlier than October 10, 2026 and no later than November 9, 2026.</p>\
        <p>Other business: holders may bring nominations or other business directly to the meeting, not submitted for inclusion in our proxy statement (under proxy access or Rule 14a-8).</p>\
        <p>In each case, nominations or business under these bylaw provisions must be received between October 10, 2026 and November 9, 2026.</p>";
    let p = read(text, d(2026, 3, 1));
    assert_eq!(
        summary(&p),
        vec![
            (Purpose::ProxyAccess, Some(d(2026, 10, 10)), d(2026, 11, 9)),
            (
                Purpose::AdvanceNotice,
                Some(d(2026, 10, 10)),
                d(2026, 11, 9)
            ),
        ],
        "{p:#?}"
    );
}

/// The Rule 14a-4(c) discretionary-voting cut-off is not a notice
/// deadline, though it reads like one.
#[test]
fn discretionary_authority_cut_off_is_skipped() {
    let text = "<p>If an owner means to present a proposal without inclusion in our proxy materials and we do not receive notice of it on or before March 1, 2027, the proxies will have discretionary authority to vote on it.</p>";
    assert!(read(text, d(2026, 3, 1)).is_empty());
}

/// A summary table: a label, then one date or two.
#[test]
fn summary_table_rows() {
    let text = "<table><tr><td>Rule 14a-8 proposals</td><td>Wednesday, November 18, 2026</td></tr>\
        <tr><td>Nominations under our bylaws</td><td>January 4, 2027</td><td>February 3, 2027</td></tr>\
        <tr><td>Rule 14a-19 notice</td><td>March 5, 2027</td></tr></table>";
    let p = read(text, d(2026, 3, 1));
    assert_eq!(
        summary(&p),
        vec![
            (Purpose::Rule14a8, None, d(2026, 11, 18)),
            (Purpose::AdvanceNotice, Some(d(2027, 1, 4)), d(2027, 2, 3)),
            (Purpose::Rule14a19, None, d(2027, 3, 5)),
        ],
        "{p:#?}"
    );
}

#[test]
fn roles_of_dates() {
    assert_eq!(role_of("must arrive no later than "), Some(Role::Closes));
    assert_eq!(
        role_of("not later than 5:00 p.m., eastern time, on "),
        Some(Role::Closes)
    );
    assert_eq!(
        role_of("no earlier than the close of business on "),
        Some(Role::Opens)
    );
    assert_eq!(
        role_of("more than 30 days before or after "),
        Some(Role::Other)
    );
    assert_eq!(role_of(" and "), Some(Role::Closes));
    assert_eq!(role_of("will be held on "), Some(Role::Other));
    assert_eq!(role_of("the record date is the"), None);
}

/// A proxy statement without a header is read from its first date; a
/// filing whose header names another form is not read at all.
#[test]
fn fallback_anchor_only_for_proxy_statements() {
    let doc = text::read(
        "p.htm",
        b"<p>Our meeting is on Thursday, April 30, 2026.</p><p>Filed May 1, 2026.</p>",
    )
    .unwrap();
    assert_eq!(fallback_anchor(&doc), Some(d(2026, 4, 30)));
    let quarterly = "<SEC-DOCUMENT>\nCONFORMED SUBMISSION TYPE:\t10-Q\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>10-Q\n<TEXT>\nThe quarter ended June 30, 1998.\n</TEXT>\n</DOCUMENT>\n";
    let doc = text::read("q.txt", quarterly.as_bytes()).unwrap();
    assert_eq!(fallback_anchor(&doc), None);
}

const RULE_14A8: Purpose = Purpose::Rule14a8;
const NOTICE: Purpose = Purpose::AdvanceNotice;
const ACCESS: Purpose = Purpose::ProxyAccess;
const RULE_14A19: Purpose = Purpose::Rule14a19;

fn read_as(
    name: &str,
    text: &str,
    after: NaiveDate,
) -> Vec<(Purpose, Option<NaiveDate>, NaiveDate)> {
    let doc = text::read(name, text.as_bytes()).unwrap();
    summary(&find(&doc, after))
}

/// A table of deadlines whose cells hold paragraphs, as EDGAR HTML writes
/// them: a label, then "No later than" and the date in another cell.
#[test]
fn html_table_rows_with_a_label_and_a_deadline() {
    let text = "<p>Deadlines for the 2027 annual meeting:</p><table>\
        <tr><td><p>Rule 14a-8 proposals</p></td><td><p>No later than</p></td><td><p>November 25, 2026</p></td></tr>\
        <tr><td><p>Director nominations and other business under our bylaws</p></td><td><p>Between January 6, 2027 and February 5, 2027</p></td></tr>\
        <tr><td><div>Proxy access nominations</div></td><td><div>No earlier than October 26, 2026</div><div>No later than November 25, 2026</div></td></tr>\
        <tr><td><p>Universal proxy notice (Rule&nbsp;14a-19)</p></td><td><p>No later than March 8, 2027</p></td></tr></table>";
    assert_eq!(
        read_as("p.htm", text, d(2026, 4, 1)),
        vec![
            (RULE_14A8, None, d(2026, 11, 25)),
            (NOTICE, Some(d(2027, 1, 6)), d(2027, 2, 5)),
            (ACCESS, Some(d(2026, 10, 26)), d(2026, 11, 25)),
            (RULE_14A19, None, d(2027, 3, 8)),
        ]
    );
}

/// Column headers give each date its role, whatever the order of the
/// columns; a label in the first column gives the purpose.
#[test]
fn html_table_with_opens_and_closes_columns() {
    for (head, row1, row2, flip) in [
        (
            "<th>Type</th><th>Window opens</th><th>Window closes</th>",
            "January 6, 2027",
            "February 5, 2027",
            false,
        ),
        (
            "<th>Matter</th><th>Earliest date</th><th>Latest date</th>",
            "January 6, 2027",
            "February 5, 2027",
            false,
        ),
        (
            "<th>Matter</th><th>Deadline</th><th>Earliest date</th>",
            "February 5, 2027",
            "January 6, 2027",
            true,
        ),
    ] {
        let text = format!(
            "<table><tr>{head}</tr>\
             <tr><td>Nominations and proposals under our bylaws</td><td>{row1}</td><td>{row2}</td></tr>\
             <tr><td>Proxy access nominees</td><td>{}</td><td>{}</td></tr></table>",
            if flip {
                "November 25, 2026"
            } else {
                "October 26, 2026"
            },
            if flip {
                "October 26, 2026"
            } else {
                "November 25, 2026"
            },
        );
        assert_eq!(
            read_as("p.htm", &text, d(2026, 4, 1)),
            vec![
                (NOTICE, Some(d(2027, 1, 6)), d(2027, 2, 5)),
                (ACCESS, Some(d(2026, 10, 26)), d(2026, 11, 25)),
            ],
            "{head}"
        );
    }
}

/// Headers naming the purposes, a row for each role: read by columns.
#[test]
fn html_table_with_purposes_over_the_columns() {
    let text = "<table><tr><td></td><td>Rule 14a-8 proposals</td><td>Advance notice (bylaws)</td><td>Proxy access</td></tr>\
        <tr><td>Opens</td><td>&#8212;</td><td>January 6, 2027</td><td>October 26, 2026</td></tr>\
        <tr><td>Closes</td><td>November 25, 2026</td><td>February 5, 2027</td><td>November 25, 2026</td></tr></table>";
    assert_eq!(
        read_as("p.htm", text, d(2026, 4, 1)),
        vec![
            (RULE_14A8, None, d(2026, 11, 25)),
            (NOTICE, Some(d(2027, 1, 6)), d(2027, 2, 5)),
            (ACCESS, Some(d(2026, 10, 26)), d(2026, 11, 25)),
        ]
    );
}

/// Plain text with each cell on its own line, with or without blank
/// lines between.
#[test]
fn text_with_a_cell_to_a_line() {
    let tight = "SHAREHOLDER PROPOSALS FOR 2027\n\nRule 14a-8 proposals\nNo later than\nNovember 25, 2026\nNominations under our bylaws\nNo earlier than\nJanuary 6, 2027\nNo later than\nFebruary 5, 2027\n";
    let loose = tight.replace('\n', "\n\n");
    for text in [tight.to_owned(), loose] {
        assert_eq!(
            read_as("p.txt", &text, d(2026, 4, 1)),
            vec![
                (RULE_14A8, None, d(2026, 11, 25)),
                (NOTICE, Some(d(2027, 1, 6)), d(2027, 2, 5)),
            ],
            "{text}"
        );
    }
}

/// A window over two bullets or lines, the purpose in the lead-in, in
/// either order, in HTML and text.
#[test]
fn a_window_split_over_two_bullets() {
    let cases = [
        (
            "p.htm",
            "<p>A stockholder who wishes to nominate a director under our bylaws must deliver notice:</p><ul><li>no earlier than January 15, 2026; and</li><li>no later than February 14, 2026.</li></ul>",
            false,
        ),
        (
            "p.htm",
            "<p>To nominate a director under our bylaws, notice must be delivered:</p><p>\u{2022} not later than the close of business on February 14, 2026, and</p><p>\u{2022} not earlier than the close of business on January 15, 2026.</p>",
            true,
        ),
        (
            "p.txt",
            "Notice of a nomination under our By-laws must be received:\n\n    o   no earlier than January 15, 2026, and\n\n    o   no later than February 14, 2026.\n",
            false,
        ),
        (
            "p.htm",
            "<p>Notice of business under our bylaws must be received:</p><table><tr><td>\u{2022}</td><td>no earlier than January 15, 2026; and</td></tr></table><table><tr><td>\u{2022}</td><td>no later than February 14, 2026.</td></tr></table>",
            false,
        ),
    ];
    for (name, text, cob) in cases {
        let doc = text::read(name, text.as_bytes()).unwrap();
        let p = find(&doc, d(2025, 4, 1));
        assert_eq!(
            summary(&p),
            vec![(NOTICE, Some(d(2026, 1, 15)), d(2026, 2, 14))],
            "{text}"
        );
        assert_eq!(p[0].close_of_business, cob, "{text}");
    }
}

/// Opening and closing days are told by their words, not their order.
#[test]
fn window_wordings() {
    for s in [
        "Notice of nominations under our bylaws must be received not later than the close of business on February 14, 2026 and not earlier than the close of business on January 15, 2026.",
        "Notice of nominations under our bylaws may be delivered as early as January 15, 2026, but no later than February 14, 2026.",
        "Notice of nominations under our bylaws must be received between January 15, 2026 and February 14, 2026.",
        "Notice of nominations under our bylaws must be received from January 15, 2026 through February 14, 2026.",
        "Notice of nominations under our bylaws must be received from January 15, 2026 until February 14, 2026.",
        "Notice of nominations under our bylaws must be received from January 15, 2026 to February 14, 2026.",
        "Notice of nominations under our bylaws must be received on or after January 15, 2026 and on or before February 14, 2026.",
        "Notice of nominations under our bylaws must be received not before January 15, 2026 nor after February 14, 2026.",
        "Notice of nominations under our bylaws must be received no later than February 14, 2026, but not prior to January 15, 2026.",
        "NOTICE OF NOMINATIONS UNDER OUR BYLAWS MUST BE RECEIVED NO EARLIER THAN JANUARY 15, 2026 AND NO LATER THAN FEBRUARY 14, 2026.",
    ] {
        assert_eq!(
            read_as("p.txt", s, d(2025, 4, 1)),
            vec![(NOTICE, Some(d(2026, 1, 15)), d(2026, 2, 14))],
            "{s}"
        );
    }
}

/// A line break (text) or a tag break (HTML) inside "no later than".
#[test]
fn a_break_inside_the_deadline_words() {
    for (name, text) in [
        (
            "p.txt",
            "Proposals under Rule 14a-8 must be received by us no\nlater than November 25, 2026.\n",
        ),
        (
            "p.txt",
            "Proposals under Rule 14a-8 must be received by us not\r\nlater than\r\nNovember 25, 2026.\r\n",
        ),
        (
            "p.htm",
            "<p>Proposals under Rule 14a-8 must be received by us no<br>later than November 25, 2026.</p>",
        ),
        (
            "p.htm",
            "<p>Proposals under Rule 14a-8 must be received by us <span>no</span>\n<span>later than</span> <b>November 25, 2026</b>.</p>",
        ),
        (
            "p.txt",
            "Proposals under Rule 14a-8 must be received no later than\n\n                 -31-\n<PAGE>\n\nNovember 25, 2026.\n",
        ),
    ] {
        assert_eq!(
            read_as(name, text, d(2026, 4, 1)),
            vec![(RULE_14A8, None, d(2026, 11, 25))],
            "{text}"
        );
    }
}

/// One sentence printing two purposes' deadlines, clause by clause.
#[test]
fn clauses_of_one_sentence_with_two_purposes() {
    let s = "Proposals submitted under Rule 14a-8 must be received by November 25, 2026; notice of nominations or other business under our bylaws must be received no earlier than January 6, 2027 and no later than February 5, 2027; and notice under Rule 14a-19 must be received by March 8, 2027.";
    assert_eq!(
        read_as("p.txt", s, d(2026, 4, 1)),
        vec![
            (RULE_14A8, None, d(2026, 11, 25)),
            (NOTICE, Some(d(2027, 1, 6)), d(2027, 2, 5)),
            (RULE_14A19, None, d(2027, 3, 8)),
        ]
    );
}

/// A window restated in a summary table for the same purpose is one
/// deadline; the same window for two purposes in two places stays two.
#[test]
fn each_window_once() {
    let text = "<p>Notice of nominations under our bylaws must be received between January 6, 2027 and February 5, 2027.</p>\
        <table><tr><td>Nominations under our bylaws</td><td>January 6, 2027</td><td>February 5, 2027</td></tr></table>\
        <p>Nominations under our proxy access bylaw must be received between January 6, 2027 and February 5, 2027.</p>";
    assert_eq!(
        read_as("p.htm", text, d(2026, 4, 1)),
        vec![
            (NOTICE, Some(d(2027, 1, 6)), d(2027, 2, 5)),
            (ACCESS, Some(d(2027, 1, 6)), d(2027, 2, 5)),
        ]
    );
}

/// Dates that are no deadline for next year's meeting, in prose, lists
/// and tables, even next to a deadline section.
#[test]
fn look_alikes_are_no_deadlines() {
    let text = "<p>Stockholder Proposals and Director Nominations</p>\
        <p>The 2026 annual meeting was held on May 6, 2026.</p>\
        <p>The Board declared a dividend payable on December 15, 2026 to holders of record on November 30, 2026.</p>\
        <p>We expect to announce fourth-quarter earnings on February 5, 2027.</p>\
        <table><tr><th>Event</th><th>Date</th></tr><tr><td>Dividend payment date</td><td>January 15, 2027</td></tr>\
        <tr><td>Earnings release</td><td>February 5, 2027</td></tr><tr><td>Record date</td><td>March 1, 2027</td></tr></table>\
        <p>Key dates:</p><ul><li>No later than January 15, 2027: dividend paid</li></ul>";
    assert_eq!(read_as("p.htm", text, d(2026, 4, 1)), vec![]);
    let plain = "Stockholder Proposals\n\nDividend payment date\nJanuary 15, 2027\nEarnings release\nFebruary 5, 2027\n";
    assert_eq!(read_as("p.txt", plain, d(2026, 4, 1)), vec![]);
}

/// An EDGAR text table: each line a row, columns parted by spaces.
#[test]
fn edgar_text_table_rows() {
    let text = "<TABLE>\n<S>                                        <C>\nRule 14a-8 proposals                       November 25, 2026\nNominations under our by-laws              January 6, 2027     February 5, 2027\n</TABLE>\n";
    assert_eq!(
        read_as("p.txt", text, d(2026, 4, 1)),
        vec![
            (RULE_14A8, None, d(2026, 11, 25)),
            (NOTICE, Some(d(2027, 1, 6)), d(2027, 2, 5)),
        ]
    );
}

/// A clock time, a zone or "the close of business on" between the
/// deadline words and either date of a window, in either order: the
/// window keeps both days.
#[test]
fn a_time_and_zone_inside_a_window() {
    for s in [
        "Notice of nominations under our bylaws must be received no earlier than February 5, 2025 and no later than 5:00 p.m. Eastern Time on March 7, 2025.",
        "Notice of nominations under our bylaws must be received no earlier than 8:00 a.m. Central Standard Time on February 5, 2025 and no later than 5:00 p.m., local time, on March 7, 2025.",
        "Notice of nominations under our bylaws must be received not earlier than the close of business on February 5, 2025 nor later than 11:59 p.m., New York City time, on March 7, 2025.",
        "Notice of nominations under our bylaws must be received no later than 6:00 p.m. (ET) on Friday, March 7, 2025 and no earlier than the close of business on Wednesday, February 5, 2025.",
        "NOTICE OF NOMINATIONS UNDER OUR BYLAWS MUST BE RECEIVED NO EARLIER THAN 9:00 A.M. PACIFIC TIME ON FEBRUARY 5, 2025 AND NO LATER THAN 12:00 NOON PACIFIC TIME ON MARCH 7, 2025.",
        "Notice of nominations under our bylaws must be received no earlier than\n8:00 a.m. Eastern Time on February 5, 2025 and no later than the close of\nbusiness (5:00 p.m. Eastern Time) on March 7, 2025.",
    ] {
        assert_eq!(
            read_as("p.txt", s, d(2024, 8, 1)),
            vec![(NOTICE, Some(d(2025, 2, 5)), d(2025, 3, 7))],
            "{s}"
        );
    }
    // An excerpt with no meeting or release: read from its first date,
    // which is the window's first day.
    let s = "To be timely for the next annual meeting, advance notice of a nomination must be received no earlier than February 5, 2025 and no later than 5:00 p.m. Eastern Time on March 7, 2025.";
    let doc = text::read("p.txt", s.as_bytes()).unwrap();
    let after = fallback_anchor(&doc).unwrap();
    assert_eq!(
        summary(&find(&doc, after)),
        vec![(NOTICE, Some(d(2025, 2, 5)), d(2025, 3, 7))]
    );
}

/// Next year's meeting as the filing expects it is no anchor: the
/// deadlines after it are read, those on or after it are not deadlines
/// for it; "The notice must …" goes on with the previous sentence.
#[test]
fn next_years_meeting_bounds_its_deadlines() {
    let text = "Future Shareholder Proposals\n\
        We anticipate that our 2026 Annual Meeting of Shareholders will be held on May 15, 2026.\n\
        Proposals under SEC Rule 14a-8 for our 2026 annual meeting must be received no later than November 26, 2025.\n\
        If a shareholder wishes to bring business under the bylaws rather than under Rule 14a-8, the shareholder must give written notice. \
        The notice must be delivered not less than 90 days or more than 120 days prior to the first anniversary of the preceding year's annual meeting (no later than February 8, 2026, and no earlier than January 9, 2026).\n\
        Notice under Rule 14a-19 for the 2027 annual meeting must be received no later than March 16, 2027.\n";
    let doc = text::read("p.txt", text.as_bytes()).unwrap();
    let after = fallback_anchor(&doc).unwrap();
    assert_eq!(after, d(2025, 11, 25));
    assert_eq!(
        summary(&find(&doc, after)),
        vec![
            (RULE_14A8, None, d(2025, 11, 26)),
            (NOTICE, Some(d(2026, 1, 9)), d(2026, 2, 8)),
        ]
    );
}

/// A window the company printed a year early (counted back from this
/// year's meeting) is still reported when its sentence is plainly about
/// next year's meeting; look-alikes before the anchor are not.
#[test]
fn a_window_printed_in_the_wrong_year() {
    let meeting = Some(d(2020, 5, 14));
    let after = d(2020, 3, 25);
    for s in [
        "Under our Bylaws, a shareholder must deliver written notice of a nomination not less than 90 days or more than 120 days prior to the anniversary of the date of the immediately preceding Annual Meeting of Shareholders (i.e., between January 15, 2020, and February 14, 2020).",
        "For the 2021 annual meeting, notice of nominations under our bylaws must be received between January 15, 2020 and February 14, 2020.",
        "To be timely for next year's annual meeting, notice of other business under our by-laws must arrive no earlier than January 15, 2020 and no later than February 14, 2020.",
    ] {
        let doc = text::read("p.txt", s.as_bytes()).unwrap();
        assert_eq!(
            summary(&find_around(&doc, after, meeting)),
            vec![(NOTICE, Some(d(2020, 1, 15)), d(2020, 2, 14))],
            "{s}"
        );
    }
    for s in [
        // Last year's deadlines, cited.
        "Notice of nominations under our bylaws for this year's meeting was due between January 15, 2020 and February 14, 2020.",
        "For the 2020 annual meeting, notice of nominations under our bylaws had to be received between January 15, 2020 and February 14, 2020.",
        // This year's meeting named, not next year's.
        "For the 2020 annual meeting, notice of nominations under our bylaws must be received between January 15, 2020 and February 14, 2020.",
        // No word of next year.
        "Notice of nominations under our bylaws must be received between January 15, 2020 and February 14, 2020.",
        // A condition date and this year's meeting in an anniversary sentence.
        "Under our bylaws, notice of a nomination is due 90 days before the anniversary of this year's annual meeting, which was held on May 14, 2020, unless the meeting is more than 30 days before or after April 1, 2020.",
        // A record date in an anniversary sentence.
        "Holders of record at the close of business on March 16, 2020 may nominate directors under our bylaws before the anniversary of the meeting.",
        // More than a year before.
        "Under our bylaws, notice of nominations for the 2021 annual meeting must be received between January 15, 2019 and February 14, 2019.",
    ] {
        let doc = text::read("p.txt", s.as_bytes()).unwrap();
        assert_eq!(summary(&find_around(&doc, after, meeting)), vec![], "{s}");
    }
}
