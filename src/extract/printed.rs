//! The deadlines a proxy statement prints for next year's meeting (Rule
//! 14a-5(e)): the Rule 14a-8 proposal deadline, the advance-notice window
//! of the bylaws, the proxy-access window and the Rule 14a-19 notice date.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::Serialize;

use super::dates;
use super::text::Doc;

/// What a printed deadline is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// A proposal for the company's proxy statement under Rule 14a-8.
    #[serde(rename = "rule_14a8")]
    Rule14a8,
    /// Notice of nominations or other business under the bylaws.
    AdvanceNotice,
    /// Nominees for the company's proxy statement under a proxy-access bylaw.
    ProxyAccess,
    /// The notice of a dissident's nominees under Rule 14a-19.
    #[serde(rename = "rule_14a19")]
    Rule14a19,
}

impl Purpose {
    /// For people.
    pub fn label(self) -> &'static str {
        match self {
            Purpose::Rule14a8 => "Rule 14a-8 proposal",
            Purpose::AdvanceNotice => "advance notice under the bylaws",
            Purpose::ProxyAccess => "proxy access nomination",
            Purpose::Rule14a19 => "Rule 14a-19 notice",
        }
    }
}

/// One deadline as printed.
#[derive(Debug, Clone, Serialize)]
pub struct Printed {
    /// What it is for.
    pub purpose: Purpose,
    /// The first day of a window, when printed.
    pub opens: Option<NaiveDate>,
    /// The last day.
    pub closes: NaiveDate,
    /// A clock time, when printed.
    pub time: Option<NaiveTime>,
    /// "close of business" without a clock time.
    pub close_of_business: bool,
    /// The zone, when printed ("Eastern Time").
    pub zone: Option<String>,
    /// 1-based line and column of the sentence's first date.
    pub line: usize,
    /// Column in characters.
    pub column: usize,
    /// The sentence.
    pub text: String,
}

/// Words saying a proposal or nomination is not for the company's proxy
/// statement (so it goes by the bylaws' advance notice instead).
const NOT_FOR_INCLUSION: [&str; 14] = [
    "outside",
    "not intended to be included",
    "not to be included",
    "not be included",
    "not submitted for inclusion",
    "not wish the proposal to be included",
    "not wish to have",
    "not pursuant to",
    "without inclusion",
    "without being included",
    "not submitted",
    "not seeking",
    "rather than",
    "not for inclusion",
];

/// A nomination named as such ("nominate a director", "director
/// nomination"), not the nominating committee.
fn names_a_nomination(lower: &str) -> bool {
    lower.contains("nominate") || lower.contains("nomination")
}

/// Inclusion in the company's proxy statement or proxy materials.
fn names_inclusion(lower: &str) -> bool {
    (lower.contains("inclusion in") || lower.contains("included in"))
        && (lower.contains("proxy statement") || lower.contains("proxy material"))
}

fn purpose_of(lower: &str) -> Option<Purpose> {
    // The Rule 14a-4(c) cut-off for discretionary voting is no notice
    // deadline of its own.
    if lower.contains("discretionary authority") || lower.contains("discretionary voting") {
        return None;
    }
    if lower.contains("14a-19") {
        return Some(Purpose::Rule14a19);
    }
    let proposes = ["nominat", "proposal", "business", "notice"]
        .iter()
        .any(|w| lower.contains(w));
    let excluded = NOT_FOR_INCLUSION.iter().any(|w| lower.contains(w));
    // "not for inclusion (under proxy access or Rule 14a-8)" names both
    // only to set them aside.
    if excluded && proposes {
        return Some(Purpose::AdvanceNotice);
    }
    if lower.contains("proxy access") || lower.contains("proxy-access") {
        return Some(Purpose::ProxyAccess);
    }
    if lower.contains("14a-8") {
        return Some(if lower.contains("other than") {
            Purpose::AdvanceNotice
        } else {
            Purpose::Rule14a8
        });
    }
    if names_inclusion(lower) {
        if lower.contains("proposal") {
            return Some(Purpose::Rule14a8);
        }
        if lower.contains("nominee") || names_a_nomination(lower) {
            return Some(Purpose::ProxyAccess);
        }
    }
    let bylaws = ["bylaws", "by-laws", "by-law", "bylaw", "advance notice"]
        .iter()
        .any(|w| lower.contains(w));
    if (bylaws && proposes) || (names_a_nomination(lower) && !lower.contains("recommend")) {
        return Some(Purpose::AdvanceNotice);
    }
    None
}

/// What a date in a deadline sentence is, read from the words before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The first day of a window ("no earlier than", "between").
    Opens,
    /// The last day ("no later than", "by", "on or before").
    Closes,
    /// A date in a condition ("more than 30 days before or after"), the
    /// anniversary, a meeting date.
    Other,
}

/// Words that, ending the text before a date (time of day, zone and "the
/// close of business on" set aside), give its role; of two that both end
/// it, the longer ("before or after" over "after").
const ROLE_WORDS: [(&str, Role); 28] = [
    ("earlier than", Role::Opens),
    ("sooner than", Role::Opens),
    ("not before", Role::Opens),
    ("on or after", Role::Opens),
    ("between", Role::Opens),
    ("from", Role::Opens),
    ("beginning", Role::Opens),
    ("starting", Role::Opens),
    ("later than", Role::Closes),
    ("on or before", Role::Closes),
    ("before", Role::Closes),
    ("by", Role::Closes),
    ("prior to", Role::Closes),
    ("until", Role::Closes),
    ("through", Role::Closes),
    ("and", Role::Closes),
    ("to", Role::Closes),
    ("nor", Role::Closes),
    ("deadline", Role::Closes),
    ("due", Role::Closes),
    ("before or after", Role::Other),
    ("days before", Role::Other),
    ("days after", Role::Other),
    ("days from", Role::Other),
    ("days", Role::Other),
    ("anniversary", Role::Other),
    ("–", Role::Closes),
    ("held", Role::Other),
];

/// Noise between the deadline words and a date: the time of day, the
/// zone, "the close of business on", punctuation.
fn is_filler(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "close"
            | "of"
            | "business"
            | "on"
            | "at"
            | "p.m."
            | "a.m."
            | "pm"
            | "am"
            | "p.m"
            | "a.m"
            | "time"
            | "eastern"
            | "central"
            | "mountain"
            | "pacific"
            | "standard"
            | "daylight"
            | "prevailing"
            | "local"
            | "et"
            | "edt"
            | "est"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "is"
    ) || word.chars().all(|c| c.is_ascii_digit() || c == ':')
}

/// The role of a date given the lowercase text before it (from the
/// previous date or the sentence's start); None when no deadline or
/// condition words come right before it.
fn role_of(before: &str) -> Option<Role> {
    // Drop the filler words at the end, then look at what is left.
    let words: Vec<&str> = before
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';'))
        .filter(|w| !w.is_empty())
        .collect();
    let keep = words
        .iter()
        .rposition(|w| !is_filler(w))
        .map_or(0, |i| i + 1);
    let head = words.get(..keep).unwrap_or_default();
    // At most four words: "no later than", "on or before", "before or after".
    let tail = head
        .get(head.len().saturating_sub(4)..)
        .unwrap_or_default()
        .join(" ");
    ROLE_WORDS
        .iter()
        .filter(|(w, _)| tail == *w || tail.ends_with(&format!(" {w}")))
        .max_by_key(|(w, _)| w.len())
        .map(|(_, r)| *r)
}

fn zone_of(lower: &str) -> Option<&'static str> {
    [
        ("eastern", "America/New_York"),
        ("central", "America/Chicago"),
        ("mountain", "America/Denver"),
        ("pacific", "America/Los_Angeles"),
    ]
    .iter()
    .find(|(w, _)| {
        lower.contains(&format!("{w} time"))
            || lower.contains(&format!("{w} standard time"))
            || lower.contains(&format!("{w} daylight time"))
            || lower.contains(&format!("{w} prevailing time"))
    })
    .map(|(_, z)| *z)
}

/// `5:00 p.m.`, `6:00 pm`, `11:59 p.m.`: the first clock time in `lower`.
fn time_of(lower: &str) -> Option<NaiveTime> {
    let b = lower.as_bytes();
    for (i, _) in lower.match_indices(':') {
        // By bytes: the last byte of any character that is not an ASCII
        // digit is not one either, so the hour starts on a character
        // boundary even after `ó` (found by fuzzing, issue #18).
        let h_start = b[..i]
            .iter()
            .rposition(|c| !c.is_ascii_digit())
            .map_or(0, |p| p + 1);
        let (Ok(h), Some(m)) = (
            lower[h_start..i].parse::<u32>(),
            lower.get(i + 1..i + 3).and_then(|m| m.parse::<u32>().ok()),
        ) else {
            continue;
        };
        let rest = lower[i + 3..].trim_start();
        let pm = rest.starts_with("p.m") || rest.starts_with("pm");
        let am = rest.starts_with("a.m") || rest.starts_with("am");
        if !(pm || am) || h == 0 || h > 12 || b.get(i + 3).is_none() {
            continue;
        }
        let h24 = match (pm, h) {
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, 12) => 0,
            (false, h) => h,
        };
        return NaiveTime::from_hms_opt(h24, m, 0);
    }
    None
}

/// Every deadline printed in `doc` after `after` (the proxy statement's
/// release or meeting: next year's dates come later), one per sentence and
/// purpose.
pub fn find(doc: &Doc, after: NaiveDate) -> Vec<Printed> {
    let mut out: Vec<Printed> = Vec::new();
    // "To be timely, the notice of proxy access nomination must be
    // delivered …. If, as expected, …, then such notice must be delivered
    // no earlier than …": the second sentence's purpose is the first's.
    // A list item continues the sentence that introduced the list ("you
    // must:" followed by "• Notify … on or before …").
    let mut previous: Option<Purpose> = None;
    let mut introduces_a_list = false;
    for s in &doc.sentences {
        let lower = s.text.to_lowercase();
        let own = purpose_of(&lower);
        let list_item = introduces_a_list || lower.starts_with(['•', '·', '▪', '●']);
        introduces_a_list = lower.trim_end().ends_with(':');
        let carried = list_item
            || [
                "such notice",
                "such nomination",
                "such nominee",
                "such proposal",
                "such advance notice",
            ]
            .iter()
            .any(|w| lower.contains(w));
        let purpose = match (own, previous) {
            (Some(p), Some(prev)) if carried && p == Purpose::AdvanceNotice => prev,
            (Some(p), _) => p,
            (None, Some(prev)) if carried => prev,
            _ => {
                previous = None;
                continue;
            }
        };
        previous = Some(purpose);
        let Some((opens, closes)) = window_of(&s.text, after) else {
            continue;
        };
        let first = opens
            .as_ref()
            .map_or(closes.span.start, |o| o.span.start.min(closes.span.start));
        let (line, column) = doc.source.line_col(s.offset(first));
        let time = time_of(&lower);
        let p = Printed {
            purpose,
            opens: opens.map(|f| f.date),
            closes: closes.date,
            time,
            close_of_business: time.is_none() && lower.contains("close of business"),
            zone: zone_of(&lower).map(str::to_owned),
            line,
            column,
            text: s.text.clone(),
        };
        // The same deadline restated later (a summary table, say) is kept once.
        if !out
            .iter()
            .any(|o| o.purpose == p.purpose && o.closes == p.closes && o.opens == p.opens)
        {
            out.push(p);
        }
    }
    out
}

/// The window a deadline sentence prints: its first closing date after
/// `after`, and the opening date that goes with it, if any (printed before
/// or after the closing date).
///
/// A row of a summary table (no closing punctuation) gives its dates
/// bare after a label: one date is the deadline, two are a window.
fn window_of(sentence: &str, after: NaiveDate) -> Option<(Option<dates::Found>, dates::Found)> {
    let row = !sentence
        .trim_end()
        .ends_with(['.', ';', ':', '?', '!', ')']);
    let mut from = 0;
    let mut opens: Vec<dates::Found> = Vec::new();
    let mut closes: Vec<dates::Found> = Vec::new();
    let mut bare: Vec<dates::Found> = Vec::new();
    for f in dates::find(sentence) {
        let before = sentence
            .get(from..f.span.start)
            .unwrap_or_default()
            .to_lowercase();
        from = f.span.end;
        if f.date <= after {
            continue;
        }
        match role_of(&before) {
            Some(Role::Opens) => opens.push(f),
            Some(Role::Closes) => closes.push(f),
            Some(Role::Other) => {}
            None if row => bare.push(f),
            None => {}
        }
    }
    // In a row, a bare date before the closing date opens the window; a
    // bare date alone closes it.
    if closes.is_empty() {
        closes.extend(bare.pop());
    }
    opens.append(&mut bare);
    let close = closes.into_iter().next()?;
    let open = opens
        .into_iter()
        .filter(|o| o.date < close.date)
        .max_by_key(|o| o.date);
    Some((open, close))
}

/// Where to look for next year's deadlines in a proxy statement whose
/// meeting and release dates were not read: after the first date it
/// prints (its notice of meeting comes first, and next year's deadlines
/// fall months later). None for a filing whose SGML header names another
/// form, such as a 10-Q.
pub fn fallback_anchor(doc: &Doc) -> Option<NaiveDate> {
    let form = doc
        .header
        .get("CONFORMED SUBMISSION TYPE")
        .or_else(|| doc.header.get("FORM TYPE"));
    if form.is_some_and(|(f, _)| !f.to_ascii_uppercase().contains("14A")) {
        return None;
    }
    doc.sentences
        .iter()
        .find_map(|s| dates::find(&s.text).first().map(|f| f.date))
}

/// The zone of a printed deadline as a chrono-tz zone.
pub fn zone(p: &Printed) -> Option<Tz> {
    p.zone.as_deref().and_then(|z| z.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
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
            purpose_of(&doc.sentences[2].text.to_lowercase()),
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
}
