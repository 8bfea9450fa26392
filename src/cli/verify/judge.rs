//! Company errors said plainly: a window printed in the wrong year (the
//! dates for this year's meeting printed as next year's), a date one day
//! off because of a February 29, a window already past when printed.
//!
//! Each function says what it sees or `None`; none of them decides a
//! verdict on a guess (the callers compare dates first).

use chrono::{Datelike, NaiveDate};

use crate::model::dates::show_date;
use crate::model::offset::add_days;

/// The days from `a` to `b` (negative when `b` is earlier).
pub(crate) fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    b.signed_duration_since(a).num_days()
}

/// `anchor` moved back `n` calendar days; `None` out of chrono's range.
pub(crate) fn days_before(anchor: NaiveDate, n: u32) -> Option<NaiveDate> {
    add_days(anchor, -i64::from(n)).ok()
}

/// The first February 29 after `lo` and not after `hi`.
///
/// # Properties
///
/// * The range is half open: `lo` itself is not in it, `hi` is, as the
///   days counted back from `hi` to `lo` are.
pub(crate) fn feb29_between(lo: NaiveDate, hi: NaiveDate) -> Option<NaiveDate> {
    (lo.year()..=hi.year())
        .filter_map(|y| NaiveDate::from_ymd_opt(y, 2, 29))
        .find(|d| lo < *d && *d <= hi)
}

/// The same day and month a year earlier; `None` for February 29.
fn year_earlier(d: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year().checked_sub(1)?, d.month(), d.day())
}

/// The same day and month a year later; `None` for February 29.
pub(crate) fn year_later(d: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year().checked_add(1)?, d.month(), d.day())
}

/// Why `printed` is one day off `computed`, a count of days back from
/// `anchor`, when a February 29 explains it:
///
/// * printed a day early, with a February 29 in the days counted: the
///   printed date is right only if that day is not counted;
/// * printed a day late, with no February 29 in the days counted but one
///   in the same days a year earlier: this year's count was carried over
///   by calendar date, counting a February 29 next year does not have.
///
/// `None` when the dates are not one day apart or no February 29 is
/// involved.
pub(crate) fn leap_day_note(
    printed: NaiveDate,
    computed: NaiveDate,
    anchor: NaiveDate,
) -> Option<String> {
    let n = days_between(computed, anchor);
    if n <= 0 {
        return None;
    }
    match days_between(computed, printed) {
        -1 => {
            let leap = feb29_between(printed, anchor)?;
            Some(format!(
                "one day off: February 29, {} lies between the printed date and {} and was not counted ({} is {} days before {}, not {n})",
                leap.year(),
                show_date(anchor),
                show_date(printed),
                n + 1,
                show_date(anchor),
            ))
        }
        1 => {
            if feb29_between(computed, anchor).is_some() {
                return None;
            }
            let (p0, a0) = (year_earlier(printed)?, year_earlier(anchor)?);
            let leap = feb29_between(p0, a0)?;
            Some(format!(
                "one day off: February 29 counted where there is none ({} is {n} days before {} because February 29, {} lies between them, but no February 29 lies between {} and {}, so {n} days before {} is {})",
                show_date(p0),
                show_date(a0),
                leap.year(),
                show_date(printed),
                show_date(anchor),
                show_date(anchor),
                show_date(computed),
            ))
        }
        _ => None,
    }
}

/// The dates a window would have for this year's meeting, compared with
/// the printed ones: the wrong-year diagnosis, when they are the same.
pub(crate) struct WrongYear {
    /// What next year's dates are counted from, this year (this year's
    /// meeting, this proxy statement's release).
    pub(crate) anchor_words: String,
    /// Its date.
    pub(crate) anchor: NaiveDate,
    /// Its anniversary, which the dates should be counted from.
    pub(crate) next_anchor: NaiveDate,
}

impl WrongYear {
    /// The explanation, and a February 29 note when moving the printed
    /// dates a year on would still leave them a day off.
    pub(crate) fn explain(
        &self,
        printed_closes: NaiveDate,
        computed_closes: NaiveDate,
    ) -> Vec<String> {
        let mut out = vec![format!(
            "printed in the wrong year: these are the dates counted from this year's {} ({}), not from its anniversary ({}), which next year's dates are counted from",
            self.anchor_words,
            show_date(self.anchor),
            show_date(self.next_anchor)
        )];
        if let Some(moved) = year_later(printed_closes) {
            let off = days_between(computed_closes, moved);
            if off.abs() == 1 {
                let this = feb29_between(printed_closes, self.anchor);
                let next = feb29_between(computed_closes, self.next_anchor);
                let why = match (this, next) {
                    (Some(l), None) => format!(
                        "this year's count spans February 29, {}, and next year's has none",
                        l.year()
                    ),
                    (None, Some(l)) => format!(
                        "next year's count spans February 29, {}, and this year's has none",
                        l.year()
                    ),
                    _ => String::new(),
                };
                if !why.is_empty() {
                    out.push(format!(
                        "moved a year on, the printed closing date ({}) would still be one day {} ({}): {why}",
                        show_date(moved),
                        if off > 0 { "late" } else { "early" },
                        show_date(computed_closes),
                    ));
                }
            }
        }
        out
    }
}

/// Why a printed closing date cannot be next year's: it falls before
/// this proxy statement was sent (already past when printed) or before
/// this year's meeting. `None` when it falls after both.
pub(crate) fn past_note(
    closes: NaiveDate,
    release: Option<NaiveDate>,
    meeting: NaiveDate,
) -> Option<String> {
    if let Some(r) = release.filter(|r| closes < *r) {
        return Some(format!(
            "the printed date ({}) was already past when this proxy statement was sent ({}): it cannot be a deadline for next year's meeting",
            show_date(closes),
            show_date(r)
        ));
    }
    (closes < meeting).then(|| {
        format!(
            "the printed date ({}) falls before this year's meeting ({}): it cannot be a deadline for next year's meeting",
            show_date(closes),
            show_date(meeting)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn february_29_is_found_in_the_days_counted() {
        assert_eq!(
            feb29_between(d(2020, 1, 15), d(2020, 5, 14)),
            Some(d(2020, 2, 29))
        );
        assert_eq!(feb29_between(d(2021, 1, 14), d(2021, 5, 14)), None);
        // Half open: a count back from 29 February counts it, one from
        // 29 February does not.
        assert_eq!(
            feb29_between(d(2020, 1, 1), d(2020, 2, 29)),
            Some(d(2020, 2, 29))
        );
        assert_eq!(feb29_between(d(2020, 2, 29), d(2020, 6, 1)), None);
        assert_eq!(
            feb29_between(d(2023, 11, 1), d(2024, 3, 1)),
            Some(d(2024, 2, 29))
        );
    }

    /// Last year's count carried over by calendar date: 120 days before
    /// 14 May 2019 is 14 January 2019; 120 days before 14 May 2020 is
    /// 15 January 2020, because 2020 has a 29 February. Printing 14
    /// January 2020 leaves it out.
    #[test]
    fn a_date_a_day_early_over_february_29_says_it_was_not_counted() {
        let note = leap_day_note(d(2020, 1, 14), d(2020, 1, 15), d(2020, 5, 14)).unwrap();
        assert!(note.starts_with("one day off: February 29, 2020"), "{note}");
        assert!(note.contains("not counted"), "{note}");
        assert!(note.contains("121 days before"), "{note}");
    }

    /// This year's count (over 29 February 2020) carried into 2021: 15
    /// January 2021 for 14 January.
    #[test]
    fn a_date_a_day_late_after_a_leap_year_says_february_29_was_counted() {
        let note = leap_day_note(d(2021, 1, 15), d(2021, 1, 14), d(2021, 5, 14)).unwrap();
        assert!(
            note.starts_with("one day off: February 29 counted where there is none"),
            "{note}"
        );
        assert!(note.contains("February 29, 2020"), "{note}");
    }

    #[test]
    fn a_day_off_with_no_february_29_near_is_not_a_leap_day_error() {
        // Eastman's 2027 deadline one day late: no leap day involved.
        assert_eq!(
            leap_day_note(d(2026, 11, 25), d(2026, 11, 24), d(2027, 3, 24)),
            None
        );
        // Two days off is not one.
        assert_eq!(
            leap_day_note(d(2020, 1, 13), d(2020, 1, 15), d(2020, 5, 14)),
            None
        );
        // A day late, but next year's days do span 29 February.
        assert_eq!(
            leap_day_note(d(2020, 1, 16), d(2020, 1, 15), d(2020, 5, 14)),
            None
        );
    }

    #[test]
    fn the_wrong_year_diagnosis_adds_the_leap_day_when_it_matters() {
        let w = WrongYear {
            anchor_words: "meeting".to_owned(),
            anchor: d(2020, 5, 14),
            next_anchor: d(2021, 5, 14),
        };
        let lines = w.explain(d(2020, 2, 14), d(2021, 2, 13));
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].starts_with("printed in the wrong year"));
        assert!(lines[1].contains("one day late"), "{lines:?}");
        assert!(lines[1].contains("February 29, 2020"), "{lines:?}");
        // No leap day: one line.
        let w = WrongYear {
            anchor_words: "meeting".to_owned(),
            anchor: d(2025, 5, 14),
            next_anchor: d(2026, 5, 14),
        };
        assert_eq!(w.explain(d(2025, 2, 13), d(2026, 2, 13)).len(), 1);
    }

    #[test]
    fn a_date_before_the_release_or_the_meeting_is_past() {
        let meeting = d(2020, 5, 14);
        let release = Some(d(2020, 3, 25));
        assert!(
            past_note(d(2020, 2, 14), release, meeting)
                .unwrap()
                .contains("already past when this proxy statement was sent")
        );
        assert!(
            past_note(d(2020, 4, 1), release, meeting)
                .unwrap()
                .contains("before this year's meeting")
        );
        assert!(
            past_note(d(2020, 4, 1), None, meeting)
                .unwrap()
                .contains("before this year's meeting")
        );
        assert_eq!(past_note(d(2021, 1, 14), release, meeting), None);
    }
}
