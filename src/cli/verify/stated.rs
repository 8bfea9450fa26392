//! The rule a deadline sentence states for itself: "not less than 90 days
//! or more than 120 days prior to the anniversary of the immediately
//! preceding annual meeting (i.e., between …)". `verify` checks a printed
//! window against it when no loaded rule gives the deadline (the bylaws
//! are seldom loaded).
//!
//! Only the plainest form is read: one or two counts of calendar days
//! before the anniversary of the preceding annual meeting, or of the
//! release of this (the preceding year's) proxy statement. Anything else
//! (business days, days after, a meeting-anchored window, two readings
//! that disagree) reads as no rule, so that the printed date stays
//! unchecked rather than be judged against a guess.

use std::ops::Range;

use crate::extract::dates::number;

/// What a stated window counts back from, as seen from next year's
/// meeting: both are this year's dates, one year on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// The anniversary of the preceding annual meeting: this year's meeting.
    PriorMeeting,
    /// The anniversary of the release (mailing) of the preceding year's
    /// proxy statement: this one's.
    ProxyRelease,
}

impl Anchor {
    /// As the JSON output names it.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Anchor::PriorMeeting => "prior_meeting",
            Anchor::ProxyRelease => "proxy_release",
        }
    }

    /// For people, as next year's meeting sees it.
    pub(crate) fn words(self) -> &'static str {
        match self {
            Anchor::PriorMeeting => "the anniversary of the preceding annual meeting",
            Anchor::ProxyRelease => "the anniversary of this proxy statement's release",
        }
    }
}

/// A window a sentence states: `opens_days` (when stated) and
/// `closes_days` calendar days before the anniversary of `anchor`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StatedRule {
    /// Days before the anniversary on which the window opens (the larger
    /// count), when the sentence gives two.
    pub(crate) opens_days: Option<u32>,
    /// Days before the anniversary on which it closes.
    pub(crate) closes_days: u32,
    /// What the days are counted from.
    pub(crate) anchor: Anchor,
    /// The words stating the rule, as the sentence has them.
    pub(crate) words: String,
}

/// Words that may stand between two counts of one window ("not less than
/// 90 nor more than 120 days").
const CONNECTORS: [&str; 16] = [
    "nor", "or", "and", "but", "not", "no", "more", "less", "than", "later", "earlier", "fewer",
    "greater", "to", "at", "least",
];

/// Words that lead into a window's first count.
const LEAD_WORDS: [&str; 14] = [
    "not", "no", "less", "more", "than", "later", "earlier", "sooner", "fewer", "at", "least",
    "between", "the", "by",
];

/// Longest stretch before "anniversary" searched for the counts, in bytes.
const REACH: usize = 260;

/// Reads the rule `sentence` states for its window; `None` when it states
/// none, or none that can be read with confidence.
pub(crate) fn read(sentence: &str) -> Option<StatedRule> {
    // ASCII lowercasing keeps byte offsets, so spans index `sentence` too.
    let lower = sentence.to_ascii_lowercase();
    let mut found: Option<StatedRule> = None;
    for (at, _) in lower.match_indices("anniversary") {
        let Some(rule) = read_at(sentence, &lower, at) else {
            continue;
        };
        match &found {
            None => found = Some(rule),
            Some(f)
                if (f.opens_days, f.closes_days, f.anchor)
                    == (rule.opens_days, rule.closes_days, rule.anchor) => {}
            // Two rules that disagree: neither is sure.
            Some(_) => return None,
        }
    }
    found
}

/// The rule stated before the "anniversary" at byte `at`, if any.
fn read_at(sentence: &str, lower: &str, at: usize) -> Option<StatedRule> {
    let mut start = floor_boundary(lower, at.saturating_sub(REACH));
    // Not past a semicolon, nor past an earlier anniversary's words.
    if let Some(cut) = [";", "anniversary"]
        .iter()
        .filter_map(|w| lower[start..at].rfind(w).map(|k| k + w.len()))
        .max()
    {
        start += cut;
    }
    let before = &lower[start..at];
    let toks = tokens(before);
    let is_days = |w: &str| matches!(w, "day" | "days");
    let is_number = |k: usize| toks.get(k).is_some_and(|t| number(&t.0).is_some());
    // For each word: the count of days it gives, if it is one.
    let mut counted: Vec<Option<u32>> = vec![None; toks.len()];
    for (i, (word, _)) in toks.iter().enumerate() {
        let Some(n) = number(word) else {
            continue;
        };
        let next = toks.get(i + 1).map_or("", |t| t.0.as_str());
        if next == "business" {
            // Business days need a calendar the sentence does not name.
            return None;
        }
        let direct =
            is_days(next) || (next == "calendar" && toks.get(i + 2).is_some_and(|t| is_days(&t.0)));
        // "90 nor more than one hundred twenty (120) days": a count whose
        // "days" comes after the next count, with connecting words between.
        let shared = || {
            let mut j = i + 1;
            let mut joined = false;
            while toks
                .get(j)
                .is_some_and(|t| CONNECTORS.contains(&t.0.as_str()))
            {
                joined = true;
                j += 1;
            }
            let numbers = j;
            while is_number(j) {
                j += 1;
            }
            joined && j > numbers && toks.get(j).is_some_and(|t| is_days(&t.0))
        };
        if (1..=400).contains(&n) && (direct || shared()) {
            counted[i] = Some(n);
        }
    }
    let fi = counted.iter().position(Option::is_some)?;
    let li = counted.iter().rposition(Option::is_some)?;
    // Any other number among the counts ("30, 60 or 90 days") makes the
    // window unsure; a number spelled out before its figures ("ninety
    // (90)") does not.
    for k in fi.saturating_sub(1)..=li {
        let spelled = toks[k].0.chars().all(char::is_alphabetic) && is_number(k + 1);
        if counted[k].is_none() && is_number(k) && !spelled {
            return None;
        }
    }
    let counts: Vec<(u32, Range<usize>)> = counted
        .iter()
        .zip(&toks)
        .filter_map(|(c, t)| c.map(|n| (n, t.1.clone())))
        .collect();
    let (first, last) = (counts.first()?.1.clone(), counts.last()?.1.clone());
    // From the first count to the anniversary: no other direction.
    let stretch = &before[first.start..];
    if ["after", "following", "business day"]
        .iter()
        .any(|w| stretch.contains(w))
    {
        return None;
    }
    let tail = &before[last.end..];
    if tail.len() > 60 || !(tail.contains("prior to") || tail.contains("before")) {
        return None;
    }
    let anchor_end = anchor_end(lower, at);
    let anchor = anchor_of(&lower[at + "anniversary".len()..anchor_end])?;
    let mut days: Vec<u32> = counts.iter().map(|c| c.0).collect();
    days.sort_unstable();
    days.dedup();
    let (opens_days, closes_days) = match days.as_slice() {
        [one] => {
            // One count closes the window only when it is a "no later
            // than" kind of bound.
            let lead = &before[floor_boundary(before, first.start.saturating_sub(30))..first.start];
            let closing = ["later than", "less than", "at least", "fewer than", " by "]
                .iter()
                .any(|w| lead.contains(w));
            let opening = ["earlier than", "more than", "sooner than"]
                .iter()
                .any(|w| lead.contains(w));
            if !closing || opening {
                return None;
            }
            (None, *one)
        }
        [close, open] => (Some(*open), *close),
        _ => return None,
    };
    // The words shown start with the bound's own ("not less than").
    let mut lead = fi;
    while lead > 0 && LEAD_WORDS.contains(&toks[lead - 1].0.as_str()) {
        lead -= 1;
    }
    let words = sentence
        .get(start + toks[lead].1.start..anchor_end)
        .unwrap_or_default()
        .trim()
        .trim_end_matches([',', '.', ' '])
        .to_owned();
    Some(StatedRule {
        opens_days,
        closes_days,
        anchor,
        words,
    })
}

/// Where the words naming the anniversary's date end: before a
/// parenthesis, a semicolon, a colon, a comma, the next anniversary or the
/// end, at most 160 bytes on.
fn anchor_end(lower: &str, at: usize) -> usize {
    let limit = floor_boundary(lower, (at + 160).min(lower.len()));
    let from = at + "anniversary".len();
    let rest = &lower[from..limit];
    [rest.find(['(', ';', ':', ',']), rest.find("anniversary")]
        .into_iter()
        .flatten()
        .min()
        .map_or(limit, |k| from + k)
}

/// Words saying a proxy statement was sent.
const RELEASE: [&str; 9] = [
    "released",
    "release of",
    "mailed",
    "mailing",
    "first sent",
    "were sent",
    "was sent",
    "distributed",
    "made available",
];

/// What the words after "anniversary" name: the preceding annual meeting
/// or the release of the preceding year's (this) proxy statement.
fn anchor_of(after: &str) -> Option<Anchor> {
    let after = after.trim_start();
    // "anniversary of …", "anniversary date of …"; not "such anniversary".
    if !(after.starts_with("of ") || after.starts_with("date of ")) {
        return None;
    }
    let meeting = after.find("meeting");
    let release = RELEASE.iter().filter_map(|w| after.find(w)).min();
    let this_years = |words: &[&str]| words.iter().any(|w| after.contains(w));
    match (release, meeting) {
        (Some(r), m) if m.is_none_or(|m| r < m) => this_years(&[
            "this proxy",
            "these proxy",
            "preceding",
            "previous",
            "prior",
            "last year",
        ])
        .then_some(Anchor::ProxyRelease),
        (None, Some(m)) => {
            let proxy = ["proxy statement", "proxy materials", "notice of"]
                .iter()
                .filter_map(|w| after.find(w))
                .any(|p| p < m);
            // "the date of the proxy statement for last year's meeting" is
            // a release only roughly: read no rule.
            (!proxy
                && this_years(&[
                    "preceding",
                    "previous",
                    "prior",
                    "last year",
                    "last annual",
                    "this year",
                ]))
            .then_some(Anchor::PriorMeeting)
        }
        _ => None,
    }
}

/// The words of `s` with their byte spans; punctuation around a word is
/// not part of it ("(120)" is "120").
fn tokens(s: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in s.split_inclusive(char::is_whitespace) {
        let start = pos;
        pos += raw.len();
        let trimmed = raw.trim_end();
        let word = trimmed.trim_start_matches(|c: char| !c.is_alphanumeric());
        let lead = trimmed.len() - word.len();
        let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !word.is_empty() {
            out.push((word.to_owned(), start + lead..start + lead + word.len()));
        }
    }
    out
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(s: &str) -> Option<(Option<u32>, u32, Anchor)> {
        read(s).map(|r| (r.opens_days, r.closes_days, r.anchor))
    }

    #[test]
    fn a_window_before_the_preceding_meetings_anniversary() {
        let s = "Under our Bylaws, nominations may be made by a shareholder who has delivered written notice to our Secretary (containing certain information specified in the Bylaws) not less than 90 days or more than 120 days prior to the anniversary of the date of the immediately preceding Annual Meeting of Shareholders (i.e., between January 15, 2020, and February 14, 2020); provided, however, that in the event that the Annual Meeting is called for a date that is not within 30 days before or after such anniversary date, notice must be received not later than the 10th day following the day on which notice was mailed.";
        let r = read(s).unwrap();
        assert_eq!(
            (r.opens_days, r.closes_days, r.anchor),
            (Some(120), 90, Anchor::PriorMeeting)
        );
        assert_eq!(
            r.words,
            "not less than 90 days or more than 120 days prior to the anniversary of the date of the immediately preceding Annual Meeting of Shareholders"
        );
    }

    #[test]
    fn other_wordings_of_the_meeting_window() {
        for s in [
            "Notice must be received not earlier than the 120th day nor later than the 90th day before the first anniversary of the preceding year's annual meeting, that is, between January 6, 2027 and February 5, 2027.",
            "A STOCKHOLDER'S NOTICE MUST BE DELIVERED NOT LESS THAN NINETY (90) NOR MORE THAN ONE HUNDRED TWENTY (120) DAYS PRIOR TO THE ONE-YEAR ANNIVERSARY OF THE PRIOR YEAR'S ANNUAL MEETING, OR BETWEEN JANUARY 6, 2027 AND FEBRUARY 5, 2027.",
            "must be delivered not later than the close of business on the 90th day, nor earlier than the close of business on the 120th day, prior to the first anniversary of the preceding year's annual meeting of stockholders (January 6, 2027 to February 5, 2027).",
            "must be received\nat least 90 days but not more than 120 days before the anniversary of the previous year's annual meeting, i.e. no earlier than January 6, 2027.",
            "must be received between the 120th day and the 90th day prior to the first anniversary of last year's annual meeting: January 6, 2027 through February 5, 2027.",
        ] {
            assert_eq!(rule(s), Some((Some(120), 90, Anchor::PriorMeeting)), "{s}");
        }
    }

    #[test]
    fn a_deadline_before_the_anniversary_of_this_proxy_statements_release() {
        for s in [
            "Proposals must be received no later than 120 days before the anniversary of the date this proxy statement was released to shareholders, or November 17, 2026.",
            "must be received no later than close of business on November 17, 2026, which is not less than 120 days before the one-year anniversary of the mailing of this proxy statement.",
            "must be received by the Secretary at least 120 calendar days prior to the anniversary of the date on which the Company first mailed its proxy materials for the preceding year's annual meeting (November 17, 2026).",
        ] {
            assert_eq!(rule(s), Some((None, 120, Anchor::ProxyRelease)), "{s}");
        }
    }

    #[test]
    fn rules_that_are_not_read() {
        for s in [
            // No count of days stated; a date alone.
            "Proposals must be received by January 1, 2021.",
            // Days after, not before.
            "Notice must be received not later than the 10th day following the anniversary of the preceding annual meeting.",
            // Business days.
            "Notice must be given not less than 60 business days prior to the anniversary of the preceding year's annual meeting.",
            // "such anniversary": the anchor is not named here.
            "If the meeting is called for a date more than 30 days before such anniversary date, notice must be received by the 10th day after the announcement.",
            // Counted from the meeting itself, whose date is not yet set.
            "Notice must be received not less than 90 nor more than 120 days prior to the annual meeting.",
            // One count that opens the window only.
            "Notice may not be given earlier than 120 days prior to the anniversary of the preceding year's annual meeting.",
            // The date of last year's proxy statement, not its release.
            "Notice must be received not less than 120 days prior to the anniversary of the date of the proxy statement for the preceding year's annual meeting.",
            // An anniversary of something else.
            "Options vest no later than 90 days before the anniversary of the grant date.",
            // Three counts: not one window.
            "Notice must be received not less than 30, 60 or 90 days prior to the anniversary of the preceding annual meeting.",
            // Section numbers are not days; no count at all.
            "Under Section 2.13 of the bylaws, notice must be received prior to the anniversary of the preceding annual meeting.",
            // Within 30 days before or after: a condition, not a window.
            "unless the meeting is held more than 30 days before or after the anniversary of the preceding year's annual meeting.",
        ] {
            assert_eq!(rule(s), None, "{s}");
        }
    }

    /// Two anniversaries stating different rules: neither is sure.
    #[test]
    fn two_rules_that_disagree_are_not_read() {
        let s = "Notice must be received not less than 90 days prior to the anniversary of the preceding annual meeting, or for proxy access not less than 120 days prior to the anniversary of the mailing of this proxy statement.";
        assert_eq!(rule(s), None);
    }
}
