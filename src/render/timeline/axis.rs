//! The time axis the timeline pages draw on: which days it spans (clamped
//! so that dates years apart do not squash the season into a line), where
//! a day falls on it, the month ticks, the shading of weekends and
//! holidays, and escaping for HTML and SVG text.
//!
//! Everything here is a pure function of its inputs, so a page is the same
//! bytes for the same deadlines and `--today`.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::model::calendar::{Calendar, display_name};
use crate::model::offset::{add_days, add_months};
use crate::model::ranges::day_number;

/// The drawing's width in SVG user units; the page scales it to its width.
pub(crate) const WIDTH: f64 = 1000.0;
/// The left gutter holding the lane names.
pub(crate) const GUTTER: f64 = 120.0;
/// The right margin, room for the last mark's number.
const RIGHT: f64 = 40.0;

/// The longest span drawn: past it, the axis is cut around the focus date
/// (the meeting, else today) and dates beyond it are listed only.
const MAX_DAYS: i64 = 800;

pub(crate) use crate::render::html::esc;

/// A span of days drawn left to right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Axis {
    /// The first day drawn (the first of a month).
    pub(crate) start: NaiveDate,
    /// The day after the last day drawn (the first of a month).
    pub(crate) end: NaiveDate,
    /// Whether dates were left off to keep the span readable.
    pub(crate) clamped: bool,
}

impl Axis {
    /// The axis for `dates`: from the first of the month of the earliest to
    /// the first of the month after the latest. With no dates, the months
    /// around `focus`. When the dates span more than about two years, the
    /// axis keeps about a year either side of `focus` and says it was
    /// clamped.
    ///
    /// # Properties
    ///
    /// * `start < end`, both firsts of months, at most ~27 months apart.
    /// * Every date within `MAX_DAYS / 2` days of `focus` is on the axis.
    pub(crate) fn around(dates: &[NaiveDate], focus: NaiveDate) -> Axis {
        let lo = dates.iter().min().copied().unwrap_or(focus).min(focus);
        let hi = dates.iter().max().copied().unwrap_or(focus).max(focus);
        let span = day_number(hi) - day_number(lo);
        let (lo, hi, clamped) = if span > MAX_DAYS {
            let half = MAX_DAYS / 2;
            let a = add_days(focus, -half).unwrap_or(focus).max(lo);
            let b = add_days(focus, half).unwrap_or(focus).min(hi);
            (a, b, true)
        } else {
            (lo, hi, false)
        };
        let start = lo.with_day(1).unwrap_or(lo);
        let end = hi
            .with_day(1)
            .and_then(|d| add_months(d, 1).ok())
            .unwrap_or(hi);
        // A single date (or none) still gets a month either side of it.
        let (start, end) = if day_number(end) - day_number(start) < 45 {
            (
                add_months(start, -1).unwrap_or(start),
                add_months(end, 1).unwrap_or(end),
            )
        } else {
            (start, end)
        };
        Axis {
            start,
            end: end.max(start.succ_opt().unwrap_or(start)),
            clamped,
        }
    }

    /// A fixed span: `start` to the day after `last`.
    pub(crate) fn between(start: NaiveDate, last: NaiveDate) -> Axis {
        let end = last.succ_opt().unwrap_or(last).max(start);
        Axis {
            start,
            end: if end == start {
                start.succ_opt().unwrap_or(start)
            } else {
                end
            },
            clamped: false,
        }
    }

    fn days(self) -> f64 {
        #[allow(clippy::cast_precision_loss, reason = "a few hundred days")]
        let n = (day_number(self.end) - day_number(self.start)).max(1) as f64;
        n
    }

    /// Width of one day in user units.
    pub(crate) fn day_width(self) -> f64 {
        (WIDTH - GUTTER - RIGHT) / self.days()
    }

    /// Whether `d` is drawn.
    pub(crate) fn contains(self, d: NaiveDate) -> bool {
        d >= self.start && d < self.end
    }

    /// The x of the start of day `d`, clamped to the axis.
    pub(crate) fn x(self, d: NaiveDate) -> f64 {
        let d = d.clamp(self.start, self.end);
        #[allow(clippy::cast_precision_loss, reason = "a few hundred days")]
        let n = (day_number(d) - day_number(self.start)) as f64;
        GUTTER + n * self.day_width()
    }

    /// The x of the middle of day `d`.
    pub(crate) fn mid(self, d: NaiveDate) -> f64 {
        self.x(d) + self.day_width() / 2.0
    }

    /// The firsts of months on the axis, the first included.
    fn months(self) -> Vec<NaiveDate> {
        let mut out = Vec::new();
        let mut m = self.start.with_day(1).unwrap_or(self.start);
        while m < self.end && out.len() < 40 {
            if m >= self.start {
                out.push(m);
            }
            match add_months(m, 1) {
                Ok(n) => m = n,
                Err(_) => break,
            }
        }
        out
    }

    /// Month ticks and labels across `top..bottom`, the labels above `top`.
    pub(crate) fn month_ticks(self, out: &mut String, top: f64, bottom: f64) {
        const NAMES: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        out.push_str("<g class=\"months\">");
        let months = self.months();
        // An axis that starts mid-month names that month at its left edge.
        if months.first().is_none_or(|m| *m > self.start) {
            let _ = write!(
                out,
                "<text class=\"month\" x=\"{:.1}\" y=\"{:.1}\">{} {}</text>",
                GUTTER + 2.0,
                top - 8.0,
                NAMES[self.start.month0() as usize],
                self.start.year()
            );
        }
        for m in months {
            let x = self.x(m);
            let label = if m.month() == 1 || m == self.start {
                format!("{} {}", NAMES[m.month0() as usize], m.year())
            } else {
                NAMES[m.month0() as usize].to_owned()
            };
            let _ = write!(
                out,
                "<line class=\"tick\" x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\"/><text class=\"month\" x=\"{:.1}\" y=\"{:.1}\" data-date=\"{m}\">{}</text>",
                top - 6.0,
                x + 2.0,
                top - 8.0,
                esc(&label)
            );
        }
        out.push_str("</g>");
    }

    /// Shades weekends (per the first calendar, else Saturday and Sunday)
    /// and the holidays and closures of `calendars` between `top` and
    /// `bottom`. Returns the notes on years a calendar does not cover, where
    /// no holiday is shaded.
    pub(crate) fn shade(
        self,
        out: &mut String,
        calendars: &[&Calendar],
        top: f64,
        bottom: f64,
    ) -> Vec<String> {
        let h = bottom - top;
        let w = self.day_width();
        let weekend = |d: NaiveDate| match calendars.first() {
            Some(c) => c.weekend[d.weekday().num_days_from_monday() as usize],
            None => matches!(d.weekday(), Weekday::Sat | Weekday::Sun),
        };
        out.push_str("<g class=\"weekends\">");
        let mut d = self.start;
        let mut run: Option<(NaiveDate, i64)> = None;
        let flush = |out: &mut String, run: Option<(NaiveDate, i64)>| {
            if let Some((from, n)) = run {
                #[allow(clippy::cast_precision_loss, reason = "a few days")]
                let width = w * n as f64;
                let _ = write!(
                    out,
                    "<rect class=\"weekend\" x=\"{:.1}\" y=\"{top:.1}\" width=\"{width:.2}\" height=\"{h:.1}\"/>",
                    self.x(from)
                );
            }
        };
        while d < self.end {
            if weekend(d) {
                run = Some(run.map_or((d, 1), |(from, n)| (from, n + 1)));
            } else {
                flush(out, run.take());
            }
            match d.succ_opt() {
                Some(n) => d = n,
                None => break,
            }
        }
        flush(out, run.take());
        out.push_str("</g><g class=\"holidays\">");
        let mut notes = Vec::new();
        // One shading per day, naming every calendar that closes it.
        let mut days: std::collections::BTreeMap<NaiveDate, Vec<String>> =
            std::collections::BTreeMap::new();
        for cal in calendars {
            let last_day = self.end.pred_opt().unwrap_or(self.end).max(self.start);
            for year in self.start.year()..=last_day.year() {
                match cal.holidays_in(year) {
                    Ok(list) => {
                        for (date, holiday) in list {
                            if self.contains(date) {
                                days.entry(date).or_default().push(format!(
                                    "{} ({})",
                                    display_name(holiday),
                                    cal.title()
                                ));
                            }
                        }
                    }
                    Err(e) => {
                        let note = format!("no holidays shaded for {year}: {e}");
                        if !notes.contains(&note) {
                            notes.push(note);
                        }
                    }
                }
            }
        }
        for (date, names) in days {
            let _ = write!(
                out,
                "<rect class=\"holiday\" x=\"{:.1}\" y=\"{top:.1}\" width=\"{w:.2}\" height=\"{h:.1}\" data-date=\"{date}\"><title>{}: {}</title></rect>",
                self.x(date),
                esc(&crate::model::dates::show_date(date)),
                esc(&names.join("; "))
            );
        }
        out.push_str("</g>");
        notes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn escaping_covers_text_and_attributes() {
        assert_eq!(
            esc("A&B <i> \"q\" 'r'"),
            "A&amp;B &lt;i&gt; &quot;q&quot; &#39;r&#39;"
        );
        assert_eq!(esc("a\u{1}b"), "a\u{fffd}b");
    }

    #[test]
    fn the_axis_runs_from_month_start_to_month_start() {
        let a = Axis::around(&[date(2026, 1, 12), date(2026, 5, 14)], date(2026, 1, 5));
        assert_eq!(
            (a.start, a.end, a.clamped),
            (date(2026, 1, 1), date(2026, 6, 1), false)
        );
        assert!(a.x(date(2026, 1, 12)) < a.x(date(2026, 5, 14)));
        assert!((a.x(a.start) - GUTTER).abs() < 1e-9);
    }

    #[test]
    fn no_date_or_one_date_still_gives_months_either_side() {
        let a = Axis::around(&[], date(2026, 3, 10));
        assert_eq!((a.start, a.end), (date(2026, 2, 1), date(2026, 5, 1)));
        let b = Axis::around(&[date(2026, 3, 10)], date(2026, 3, 10));
        assert_eq!(a, b);
    }

    #[test]
    fn dates_years_apart_clamp_around_the_focus() {
        let a = Axis::around(&[date(2001, 1, 1), date(2040, 1, 1)], date(2026, 5, 14));
        assert!(a.clamped);
        assert!(a.contains(date(2026, 5, 14)));
        assert!(day_number(a.end) - day_number(a.start) < 900);
        // Far dates are drawn at the edges, never outside.
        assert!((a.x(date(2001, 1, 1)) - GUTTER).abs() < 1e-9);
        assert!(a.x(date(2040, 1, 1)) <= WIDTH);
    }

    #[test]
    fn the_ends_of_the_calendar_do_not_panic() {
        let a = Axis::around(&[NaiveDate::MIN, NaiveDate::MAX], NaiveDate::MAX);
        assert!(a.start <= a.end);
        let b = Axis::between(NaiveDate::MAX, NaiveDate::MAX);
        assert!(b.x(NaiveDate::MAX).is_finite());
    }

    #[test]
    fn weekends_and_holidays_are_shaded() {
        let cal = Calendar::weekends_only(2026, 2026);
        let a = Axis::between(date(2026, 1, 1), date(2026, 1, 31));
        let mut out = String::new();
        let notes = a.shade(&mut out, &[&cal], 0.0, 10.0);
        // Jan 2026: Sat/Sun 3-4, 10-11, 17-18, 24-25, 31.
        assert_eq!(out.matches("class=\"weekend\"").count(), 5);
        assert!(notes.is_empty(), "{notes:?}");
        let b = Axis::between(date(2027, 1, 1), date(2027, 1, 31));
        let mut out = String::new();
        let notes = b.shade(&mut out, &[&cal], 0.0, 10.0);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("2027"), "{notes:?}");
    }
}
