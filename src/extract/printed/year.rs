//! Which year a deadline sentence is about: next year's meeting as the
//! filing expects it (an upper bound for its deadlines, never an anchor),
//! and sentences that are plainly next year's deadline statements even
//! when the company printed their dates in the wrong year.

use chrono::{Datelike, NaiveDate, TimeDelta};

use super::super::dates;
use super::super::text::Doc;
use super::window::{Role, role_of};

/// Words that put a meeting date in the future tense of a plan: "we
/// anticipate that our 2026 annual meeting will be held on …", "is
/// expected to be held on …".
const PLANNED: [&str; 9] = [
    "anticipate",
    "expect",
    "currently plan",
    "plan to hold",
    "intend to hold",
    "intends to hold",
    "tentatively",
    "currently scheduled",
    "likely be held",
];

/// Words that say a deadline is past: a date cited from last year.
const PAST: [&str; 16] = [
    "was received",
    "no such notice",
    "did not receive",
    "received no ",
    "has not received",
    "was due",
    "were due",
    "had to be",
    "had been",
    "must have been",
    "was required",
    "were required",
    "deadline was",
    "last year",
    "was the deadline",
    "were received",
];

/// The year a sentence names a meeting for ("the 2021 annual meeting",
/// "our 2021 meeting"): each four-digit year followed by words that name
/// a meeting within three words.
fn named_meeting_years(lower: &str) -> Vec<i32> {
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';' | '“' | '"'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let y = w.trim_end_matches(['\'', '’']).trim_end_matches("'s");
        let Ok(year) = y.parse::<i32>() else { continue };
        if !(1900..=2200).contains(&year) || y.len() != 4 {
            continue;
        }
        let next = words
            .get(i + 1..(i + 4).min(words.len()))
            .unwrap_or_default();
        if next.iter().any(|n| n.starts_with("meeting")) {
            out.push(year);
        }
    }
    out
}

/// Whether a sentence names a plan for a later annual meeting and its day
/// (no deadline in it): the date of that meeting.
fn planned_meeting(text: &str, meeting: Option<NaiveDate>) -> Option<NaiveDate> {
    let lower = text.to_lowercase();
    if !lower.contains("annual") || !lower.contains("meeting") {
        return None;
    }
    if !PLANNED.iter().any(|w| lower.contains(w)) {
        return None;
    }
    let found = dates::find(text);
    let mut from = 0;
    let mut day = None;
    for f in &found {
        let before = text
            .get(from..f.span.start)
            .unwrap_or_default()
            .to_lowercase();
        from = f.span.end;
        if matches!(role_of(&before), Some(Role::Opens | Role::Closes)) {
            return None;
        }
        match day {
            None => day = Some(f.date),
            Some(d) if d == f.date => {}
            Some(_) => return None,
        }
    }
    let day = day?;
    // This year's meeting, when known, is not next year's.
    if meeting.is_some_and(|m| day < m + TimeDelta::days(180)) {
        return None;
    }
    // A year named for the meeting must be the date's.
    let years = named_meeting_years(&lower);
    if years.iter().any(|y| *y != day.year()) {
        return None;
    }
    Some(day)
}

/// Next year's meeting as the filing expects it ("We anticipate that our
/// 2026 annual meeting will be held on May 15, 2026"): the deadlines
/// printed for it fall before it, and it is never where they are counted
/// from. `meeting` is this year's, when known.
pub fn next_meeting(doc: &Doc, meeting: Option<NaiveDate>) -> Option<NaiveDate> {
    doc.sentences
        .iter()
        .find_map(|s| planned_meeting(&s.text, meeting))
}

/// Whether a sentence (lowercase) that prints a deadline says plainly that
/// it is for next year's meeting: it names that meeting ("the 2021 annual
/// meeting", "next year's annual meeting", "our next annual meeting") or
/// counts from an anniversary, and says nothing of a deadline that has
/// passed. `meeting` is this year's meeting, when known; `after` where
/// next year's dates are looked for.
pub(super) fn is_next_years(lower: &str, meeting: Option<NaiveDate>, after: NaiveDate) -> bool {
    if PAST.iter().any(|w| lower.contains(w)) {
        return false;
    }
    let this_year = meeting.map_or(after.year(), |m| m.year());
    let named = named_meeting_years(lower);
    let later_named = named.iter().any(|y| *y > this_year);
    // A deadline for this year's meeting ("for this year's meeting", "for
    // the 2020 annual meeting"), unless next year's is named too.
    let for_this_year = ["for this year", "for the current year", "at this year"]
        .iter()
        .any(|w| lower.contains(w))
        || [
            format!("for the {this_year} "),
            format!("for our {this_year} "),
        ]
        .iter()
        .any(|w| lower.contains(w.as_str()));
    if for_this_year && !later_named {
        return false;
    }
    if lower.contains("anniversary")
        || lower.contains("next year's")
        || lower.contains("next year’s")
        || lower.contains("next annual meeting")
    {
        return true;
    }
    later_named
}

/// How far before the anchor a next year's deadline printed in the wrong
/// year may fall (this year's meeting minus 120 days, say): a year.
pub(super) const WRONG_YEAR_REACH: i64 = 365;

/// Where to look for next year's deadlines in a proxy statement whose
/// meeting and release dates were not read: from the first date it
/// prints (its notice of meeting comes first, and next year's deadlines
/// fall months later), that date itself included when it is printed as a
/// deadline (an excerpt that begins with its deadlines). A sentence about
/// next year's meeting is passed over. None for a filing whose SGML header
/// names another form, such as a 10-Q.
pub fn fallback_anchor(doc: &Doc) -> Option<NaiveDate> {
    let form = doc
        .header
        .get("CONFORMED SUBMISSION TYPE")
        .or_else(|| doc.header.get("FORM TYPE"));
    if form.is_some_and(|(f, _)| !f.to_ascii_uppercase().contains("14A")) {
        return None;
    }
    doc.sentences.iter().find_map(|s| {
        if planned_meeting(&s.text, None).is_some() {
            return None;
        }
        let first = dates::find(&s.text).into_iter().next()?;
        let before = s.text[..first.span.start].to_lowercase();
        if matches!(role_of(&before), Some(Role::Opens | Role::Closes)) {
            first.date.pred_opt()
        } else {
            Some(first.date)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn doc(s: &str) -> Doc {
        text::read("p.txt", s.as_bytes()).unwrap()
    }

    /// Next year's meeting in several wordings.
    #[test]
    fn next_years_meeting_as_planned() {
        for s in [
            "We anticipate that our 2026 Annual Meeting of Shareholders will be held on May 15, 2026.",
            "Our 2026 annual meeting of stockholders is expected to be held on Friday, May 15, 2026.",
            "WE CURRENTLY PLAN TO HOLD NEXT YEAR'S ANNUAL MEETING ON MAY 15, 2026.",
            "The Company intends to hold its 2026 annual meeting on or about May 15, 2026.",
            "Next year's annual meeting is tentatively scheduled for May 15, 2026.",
        ] {
            assert_eq!(next_meeting(&doc(s), None), Some(d(2026, 5, 15)), "{s}");
            assert_eq!(
                next_meeting(&doc(s), Some(d(2025, 5, 9))),
                Some(d(2026, 5, 15)),
                "{s}"
            );
        }
    }

    /// This year's meeting, deadlines, other events and a year that is not
    /// the date's are not next year's meeting.
    #[test]
    fn look_alikes_are_not_next_years_meeting() {
        for (s, meeting) in [
            // This year's meeting, known.
            (
                "The annual meeting is expected to be held on May 14, 2020.",
                Some(d(2020, 5, 14)),
            ),
            // A deadline sentence.
            (
                "We anticipate that proposals for the 2026 annual meeting must be received no later than November 26, 2025.",
                None,
            ),
            // No plan.
            ("The 2025 annual meeting will be held on May 9, 2025.", None),
            // Not an annual meeting.
            (
                "We expect the special meeting to be held on June 3, 2025.",
                None,
            ),
            (
                "We expect to announce fourth-quarter earnings on February 5, 2027.",
                None,
            ),
            // The named year is not the date's.
            (
                "We anticipate that our 2026 annual meeting will be held about a year after May 9, 2025.",
                None,
            ),
            // Two different dates.
            (
                "We expect the 2026 annual meeting to be held on May 15, 2026 or May 22, 2026.",
                None,
            ),
        ] {
            assert_eq!(next_meeting(&doc(s), meeting), None, "{s}");
        }
    }

    #[test]
    fn next_years_statements() {
        let after = d(2020, 3, 25);
        let meeting = Some(d(2020, 5, 14));
        for s in [
            "notice must be delivered not less than 90 days or more than 120 days prior to the anniversary of the date of the immediately preceding annual meeting (i.e., between january 15, 2020, and february 14, 2020)",
            "for the 2021 annual meeting, notice must be received between january 15, 2020 and february 14, 2020",
            "notice for next year's annual meeting must be received between january 15, 2020 and february 14, 2020",
            "to be timely for our next annual meeting, notice must arrive between january 15, 2020 and february 14, 2020",
            // Counting from this year's meeting, named, for next year's.
            "notice for the 2021 annual meeting must arrive 90 to 120 days before the anniversary of the 2020 annual meeting (between january 15, 2020 and february 14, 2020)",
            "notice must arrive by the 90th day before the first anniversary of this year's annual meeting, february 14, 2020",
        ] {
            assert!(is_next_years(s, meeting, after), "{s}");
        }
        for s in [
            // This year's meeting and last year's deadlines.
            "for the 2020 annual meeting, notice must be received between january 15, 2020 and february 14, 2020",
            "notice for the 2021 annual meeting was due between january 15, 2020 and february 14, 2020",
            "last year, notices under the anniversary rule had to be received by february 14, 2019",
            "proposals for this year's meeting were due by november 25, 2019",
            "notice must be received between january 15, 2020 and february 14, 2020",
            // This year's deadline by the anniversary rule, in the present.
            "under our bylaws, notice for this year's meeting must be received 90 to 120 days before the anniversary of last year's meeting, i.e., between january 15, 2020 and february 14, 2020",
            "notice for the 2020 annual meeting must be received before the anniversary, i.e., between january 15, 2020 and february 14, 2020",
            "notice under the anniversary rule, between january 15, 2020 and february 14, 2020, was received from one holder",
            "the company did not receive notice under the anniversary rule between january 15, 2020 and february 14, 2020",
        ] {
            assert!(!is_next_years(s, meeting, after), "{s}");
        }
        // A proxy statement released in December for a February meeting:
        // the meeting's own year is not next year's.
        assert!(!is_next_years(
            "notice for the 2025 annual meeting must be received between october 1, 2024 and november 1, 2024",
            Some(d(2025, 2, 20)),
            d(2024, 12, 20),
        ));
    }

    /// An excerpt that begins with its deadlines is read from its first
    /// date on; a sentence about next year's meeting is passed over.
    #[test]
    fn fallback_anchor_of_an_excerpt() {
        let s =
            "Notice must arrive no earlier than February 5, 2025 and no later than March 7, 2025.";
        assert_eq!(fallback_anchor(&doc(s)), Some(d(2025, 2, 4)));
        let s = "We anticipate that our 2026 Annual Meeting will be held on May 15, 2026.\nProposals must arrive no later than November 26, 2025.";
        assert_eq!(fallback_anchor(&doc(s)), Some(d(2025, 11, 25)));
        let s =
            "Our meeting is on Thursday, April 30, 2026. Proposals are due by December 1, 2026.";
        assert_eq!(fallback_anchor(&doc(s)), Some(d(2026, 4, 30)));
    }
}
