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

fn purpose_of(lower: &str) -> Option<Purpose> {
    if lower.contains("14a-19") {
        return Some(Purpose::Rule14a19);
    }
    if lower.contains("proxy access") || lower.contains("proxy-access") {
        return Some(Purpose::ProxyAccess);
    }
    if lower.contains("14a-8") {
        let outside = [
            "outside",
            "other than",
            "not intended to be included",
            "not to be included",
            "not pursuant to",
            "without inclusion",
            "without being included",
            "not submitted",
            "not seeking",
            "rather than",
        ]
        .iter()
        .any(|w| lower.contains(w));
        return Some(if outside {
            Purpose::AdvanceNotice
        } else {
            Purpose::Rule14a8
        });
    }
    let bylaws = ["bylaws", "by-laws", "by-law", "bylaw", "advance notice"]
        .iter()
        .any(|w| lower.contains(w));
    let nominates = ["nominat", "proposal", "business", "notice"]
        .iter()
        .any(|w| lower.contains(w));
    (bylaws && nominates).then_some(Purpose::AdvanceNotice)
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
        let h_start = lower[..i]
            .rfind(|c: char| !c.is_ascii_digit())
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
    let mut previous: Option<Purpose> = None;
    for s in &doc.sentences {
        let lower = s.text.to_lowercase();
        let own = purpose_of(&lower);
        let carried = [
            "such notice",
            "such nomination",
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
        let found: Vec<dates::Found> = dates::find(&s.text)
            .into_iter()
            .filter(|f| f.date > after)
            .collect();
        if found.is_empty() {
            continue;
        }
        // With two dates, the earlier opens the window when the text says
        // "earlier than", "after", "between" or "from".
        let window = [
            "earlier than",
            "between",
            "after",
            "from",
            "no sooner than",
            "not before",
        ]
        .iter()
        .any(|w| lower.contains(w));
        let (opens, closes) = if found.len() >= 2 && window {
            let mut ds: Vec<NaiveDate> = found.iter().map(|f| f.date).collect();
            ds.sort();
            (ds.first().copied(), ds[ds.len() - 1])
        } else {
            (None, found[0].date)
        };
        let (line, column) = doc.source.line_col(s.offset(found[0].span.start));
        let time = time_of(&lower);
        let p = Printed {
            purpose,
            opens,
            closes,
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
}
