//! Business-day calendars: weekends, statutory holidays and one-off closures.
//!
//! A [`Calendar`] is built from a TOML file (see `rules/calendars/*.toml`,
//! read by `pack::calendar`) that describes holidays as *generators* (fixed
//! date, n-th weekday, last weekday, Easter-relative) together with an
//! observance policy that moves a holiday falling on a weekend, plus
//! individually dated closures (for example executive orders closing the
//! federal executive departments).
//!
//! This module holds the data; `business` the business-day queries and
//! arithmetic, and `holidays` the generators that turn holiday rules into
//! dates.
//!
//! Every calendar covers an explicit span of years. Asking about a date
//! outside that span is an error ([`CalendarError::NotCovered`]), never a
//! silent "no holidays".

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

mod business;
pub(crate) mod holidays;

/// How to move a date that is not a business day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Roll {
    /// Leave the date where it is.
    None,
    /// Move to the nearest business day on or after the date.
    Forward,
    /// Move to the nearest business day on or before the date.
    Backward,
}

impl fmt::Display for Roll {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Roll::None => "none",
            Roll::Forward => "forward",
            Roll::Backward => "backward",
        })
    }
}

/// A non-business day other than a weekend: a holiday (as observed) or a
/// one-off closure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    /// Name of the holiday or closure, e.g. `"Christmas Day"`.
    pub name: String,
    /// Legal source: the holiday's citation or the closure's order.
    pub source: String,
    /// `true` when the day is observed on a date other than its actual date
    /// (a Saturday holiday observed on Friday, a Sunday one on Monday).
    pub observed: bool,
    pub(crate) closure: bool,
}

impl Holiday {
    /// `true` for a one-off dated closure (`[[closure]]` in the TOML file),
    /// `false` for a day produced by a `[[holiday]]` rule.
    #[must_use]
    pub fn is_closure(&self) -> bool {
        self.closure
    }
}

/// A business-day calendar covering the years `first_year..=last_year`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) version: String,
    pub(crate) citation: String,
    pub(crate) first_year: i32,
    pub(crate) last_year: i32,
    /// Indexed by `Weekday::num_days_from_monday()`.
    pub(crate) weekend: [bool; 7],
    pub(crate) holidays: BTreeMap<NaiveDate, Holiday>,
}

/// Errors from calendar queries and date arithmetic.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// The date lies in a year the calendar does not cover.
    #[error("calendar `{calendar}` covers {first_year}–{last_year}, not {}", .date.year())]
    NotCovered {
        /// Calendar id.
        calendar: String,
        /// The date that was asked about.
        date: NaiveDate,
        /// First covered year.
        first_year: i32,
        /// Last covered year.
        last_year: i32,
    },
    /// Date arithmetic went past the dates `chrono` can represent.
    #[error("date arithmetic left the supported range")]
    OutOfRange,
}

impl Calendar {
    /// A calendar whose only non-business days are Saturdays and Sundays,
    /// covering `first_year..=last_year` (handy for tests).
    ///
    /// If `first_year > last_year` the calendar covers no year at all and
    /// every query that needs it fails with [`CalendarError::NotCovered`].
    #[must_use]
    pub fn weekends_only(first_year: i32, last_year: i32) -> Calendar {
        Calendar {
            id: "weekends_only".to_owned(),
            title: "Saturdays and Sundays only".to_owned(),
            version: "1".to_owned(),
            citation: "none".to_owned(),
            first_year,
            last_year,
            weekend: [false, false, false, false, false, true, true],
            holidays: BTreeMap::new(),
        }
    }

    /// The calendar's `snake_case` identifier, e.g. `us_federal`.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The calendar's human-readable title.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The calendar data version.
    #[must_use]
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The legal citation for the calendar as a whole.
    #[must_use]
    pub fn citation(&self) -> &str {
        &self.citation
    }

    /// The covered years, `(first_year, last_year)`, both inclusive.
    #[must_use]
    pub fn years(&self) -> (i32, i32) {
        (self.first_year, self.last_year)
    }

    /// All holidays and closures whose (observed) date falls in `year`,
    /// sorted by date. Weekends are not listed.
    ///
    /// # Errors
    ///
    /// [`CalendarError::NotCovered`] if `year` is outside the covered years;
    /// [`CalendarError::OutOfRange`] if `year` cannot be represented.
    pub fn holidays_in(&self, year: i32) -> Result<Vec<(NaiveDate, &Holiday)>, CalendarError> {
        let start = NaiveDate::from_ymd_opt(year, 1, 1).ok_or(CalendarError::OutOfRange)?;
        let end = NaiveDate::from_ymd_opt(year, 12, 31).ok_or(CalendarError::OutOfRange)?;
        self.covers(start)?;
        Ok(self
            .holidays
            .range(start..=end)
            .map(|(date, holiday)| (*date, holiday))
            .collect())
    }
}

/// How a holiday is named to a reader: `"Christmas Day"`, or
/// `"Christmas Day (observed)"` when it is observed on another date.
pub(crate) fn display_name(holiday: &Holiday) -> String {
    if holiday.observed {
        format!("{} (observed)", holiday.name)
    } else {
        holiday.name.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[derive(Deserialize)]
    struct RollHolder {
        roll: Roll,
    }

    #[test]
    fn roll_display_and_serde() {
        assert_eq!(Roll::Forward.to_string(), "forward");
        assert_eq!(Roll::Backward.to_string(), "backward");
        assert_eq!(Roll::None.to_string(), "none");
        let w: RollHolder = toml::from_str("roll = \"backward\"").expect("roll parses");
        assert_eq!(w.roll, Roll::Backward);
        assert!(toml::from_str::<RollHolder>("roll = \"sideways\"").is_err());
    }

    #[test]
    fn weekends_only_calendar() {
        let cal = Calendar::weekends_only(2000, 2001);
        assert_eq!(cal.years(), (2000, 2001));
        assert!(cal.is_business_day(ymd(2000, 12, 25)).expect("covered"));
        assert!(!cal.is_business_day(ymd(2000, 12, 23)).expect("covered"));
        assert!(cal.holidays_in(2000).expect("covered").is_empty());
        let empty = Calendar::weekends_only(2001, 2000);
        assert!(empty.is_business_day(ymd(2000, 6, 1)).is_err());
        // Extreme spans never panic.
        let huge = Calendar::weekends_only(i32::MIN, i32::MAX);
        assert_eq!(
            huge.add_business_days(NaiveDate::MAX, 1),
            Err(CalendarError::OutOfRange)
        );
        assert_eq!(huge.holidays_in(i32::MAX), Err(CalendarError::OutOfRange));
    }
}
