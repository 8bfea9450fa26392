//! Offsets in days, business days, weeks, months and years, and the
//! anniversary of a date: the only date arithmetic in the crate.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Months, NaiveDate};

use crate::model::calendar::CalendarError;

type Result<T> = std::result::Result<T, CalendarError>;
use crate::model::calendar::Calendar;
use crate::model::expr::Unit;
use crate::model::rule::LeapDay;

/// A signed amount of time in one unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Offset {
    /// Signed count: negative moves back in time.
    pub n: i64,
    /// The unit.
    pub unit: Unit,
}

impl Offset {
    /// Returns an offset of `n` calendar days.
    pub fn days(n: i64) -> Self {
        Offset {
            n,
            unit: Unit::Days,
        }
    }

    /// Returns an offset of `n` months.
    pub fn months(n: i64) -> Self {
        Offset {
            n,
            unit: Unit::Months,
        }
    }

    /// Returns an offset of `n` business days.
    pub fn business_days(n: i64) -> Self {
        Offset {
            n,
            unit: Unit::BusinessDays,
        }
    }

    /// Moves `date` by this offset, counting business days with `calendar`.
    ///
    /// # Properties
    ///
    /// * The anchor day is not counted: `-10d` from Thursday 12 June 2025 is
    ///   Monday 2 June.
    /// * Day offsets are reversible: `+Nd` then `-Nd` gives back `date`.
    /// * Month and year offsets clamp to the month's end, so they are *not*
    ///   reversible: 31 March `+1m` is 30 April, but 30 April `-1m` is
    ///   30 March. 29 February `+1y` is 28 February.
    /// * Business-day offsets (`bd`) count only `calendar`'s business days
    ///   and always land on one.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] past chrono's date range; a [`CalendarError`]
    /// if a `bd` offset crosses a year `calendar` does not cover.
    ///
    /// # Example
    ///
    /// ```
    /// use govcal::model::{calendar::Calendar, offset::Offset};
    /// let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let plus_one_month: Offset = "+1m".parse()?;
    /// let got = plus_one_month.checked_apply(date(2025, 3, 31), &Calendar::us_federal())?;
    /// assert_eq!(got, date(2025, 4, 30));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_apply(self, date: NaiveDate, calendar: &Calendar) -> Result<NaiveDate> {
        match self.unit {
            Unit::Days => add_days(date, self.n),
            Unit::Weeks => add_days(
                date,
                self.n.checked_mul(7).ok_or(CalendarError::OutOfRange)?,
            ),
            Unit::BusinessDays => {
                let n = i32::try_from(self.n).map_err(|_| CalendarError::OutOfRange)?;
                Ok(calendar.add_business_days(date, n)?)
            }
            Unit::Months => add_months(date, self.n),
            Unit::Years => add_months(
                date,
                self.n.checked_mul(12).ok_or(CalendarError::OutOfRange)?,
            ),
        }
    }
}

/// Adds `n` calendar days (negative moves back) without panicking.
///
/// # Errors
///
/// [`CalendarError::OutOfRange`] past chrono's date range.
pub fn add_days(date: NaiveDate, n: i64) -> Result<NaiveDate> {
    let magnitude = chrono::Days::new(n.unsigned_abs());
    if n >= 0 {
        date.checked_add_days(magnitude)
    } else {
        date.checked_sub_days(magnitude)
    }
    .ok_or(CalendarError::OutOfRange)
}

/// Adds `n` calendar months (negative moves back) without panicking.
///
/// # Properties
///
/// * The day of the month is kept, or clamped to the month's end: 31 August
///   `+18` months is 28 February (29 in a leap year).
///
/// # Errors
///
/// [`CalendarError::OutOfRange`] past chrono's date range.
pub fn add_months(date: NaiveDate, n: i64) -> Result<NaiveDate> {
    let m = Months::new(u32::try_from(n.unsigned_abs()).map_err(|_| CalendarError::OutOfRange)?);
    if n >= 0 {
        date.checked_add_months(m)
    } else {
        date.checked_sub_months(m)
    }
    .ok_or(CalendarError::OutOfRange)
}

/// Returns the anniversary of `date`: the same month and day one year later.
///
/// # Properties
///
/// * For every day but 29 February, the result has the same month and day
///   and a year one greater.
/// * 29 February becomes 28 February or 1 March of the next year, as
///   `leap_day` says; 28 February is the default because it gives the
///   earlier, and so safer, deadline (rules reference §5.7).
///
/// # Errors
///
/// [`CalendarError::OutOfRange`] past chrono's date range.
pub fn anniversary(date: NaiveDate, leap_day: LeapDay) -> Result<NaiveDate> {
    let year = date
        .year()
        .checked_add(1)
        .ok_or(CalendarError::OutOfRange)?;
    if let Some(d) = NaiveDate::from_ymd_opt(year, date.month(), date.day()) {
        return Ok(d);
    }
    // Only 29 February lacks a same-day anniversary.
    let (m, d) = match leap_day {
        LeapDay::February28 => (2, 28),
        LeapDay::March1 => (3, 1),
    };
    NaiveDate::from_ymd_opt(year, m, d).ok_or(CalendarError::OutOfRange)
}

/// Why an offset such as `+1m` could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not an offset; write a sign, a number and a unit: `-10d`, `+20bd`, `+1w`, `+1m`, `+1y`"
)]
pub struct ParseOffsetError(String);

impl FromStr for Offset {
    type Err = ParseOffsetError;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        let err = || ParseOffsetError(s.to_owned());
        let (sign, rest) = match s.as_bytes().first() {
            Some(b'+') => (1, &s[1..]),
            Some(b'-') => (-1, &s[1..]),
            _ => return Err(err()),
        };
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let n: i64 = rest[..digits].parse().map_err(|_| err())?;
        let unit = match &rest[digits..] {
            "d" => Unit::Days,
            "bd" => Unit::BusinessDays,
            "w" => Unit::Weeks,
            "m" => Unit::Months,
            "y" => Unit::Years,
            _ => return Err(err()),
        };
        Ok(Offset { n: sign * n, unit })
    }
}

impl fmt::Display for Offset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.unit {
            Unit::Days => "d",
            Unit::BusinessDays => "bd",
            Unit::Weeks => "w",
            Unit::Months => "m",
            Unit::Years => "y",
        };
        write!(f, "{:+}{unit}", self.n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (1900i32..=2200, 1u32..=12, 1u32..=31)
            .prop_filter_map("no such day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
    }

    #[test]
    fn anchor_day_is_not_counted() {
        let cal = Calendar::us_federal();
        assert_eq!(
            Offset::days(-10)
                .checked_apply(ymd(2025, 6, 12), &cal)
                .unwrap(),
            ymd(2025, 6, 2)
        );
        // SLB 14's own example: anniversary 14 April 2001 - 120 days = 15 December 2000.
        assert_eq!(
            Offset::days(-120)
                .checked_apply(ymd(2001, 4, 14), &cal)
                .unwrap(),
            ymd(2000, 12, 15)
        );
    }

    #[test]
    fn month_offset_clamps_to_month_end() {
        let cal = Calendar::us_federal();
        assert_eq!(
            Offset::months(1)
                .checked_apply(ymd(2025, 3, 31), &cal)
                .unwrap(),
            ymd(2025, 4, 30)
        );
        assert_eq!(
            "+13m"
                .parse::<Offset>()
                .unwrap()
                .checked_apply(ymd(2024, 1, 31), &cal)
                .unwrap(),
            ymd(2025, 2, 28)
        );
    }

    #[test]
    fn leap_day_anniversary_follows_the_policy() {
        assert_eq!(
            anniversary(ymd(2024, 2, 29), LeapDay::February28).unwrap(),
            ymd(2025, 2, 28)
        );
        assert_eq!(
            anniversary(ymd(2024, 2, 29), LeapDay::March1).unwrap(),
            ymd(2025, 3, 1)
        );
        assert_eq!(
            anniversary(ymd(2003, 8, 13), LeapDay::February28).unwrap(),
            ymd(2004, 8, 13)
        );
    }

    #[test]
    fn offsets_parse_and_print() {
        for s in ["-10d", "+20bd", "+1w", "+1m", "-1y"] {
            assert_eq!(s.parse::<Offset>().unwrap().to_string(), s);
        }
        assert!("10d".parse::<Offset>().is_err());
        assert!("+10x".parse::<Offset>().is_err());
    }

    #[test]
    fn out_of_range_is_an_error_not_a_panic() {
        assert!(add_days(NaiveDate::MAX, 1).is_err());
        assert!(add_days(NaiveDate::MIN, -1).is_err());
    }

    proptest! {
        #[test]
        fn prop_day_offsets_are_reversible(date in any_date(), n in -3650i64..=3650) {
            let there = add_days(date, n).unwrap();
            prop_assert_eq!(add_days(there, -n).unwrap(), date);
        }

        #[test]
        fn prop_month_offsets_keep_the_day_or_clamp(date in any_date(), n in -120i64..=120) {
            let got = add_months(date, n).unwrap();
            let clamped = got.day() < date.day() && got.succ_opt().unwrap().day() == 1;
            prop_assert!(got.day() == date.day() || clamped);
        }

        #[test]
        fn prop_anniversary_is_one_year_on(date in any_date()) {
            let a = anniversary(date, LeapDay::February28).unwrap();
            prop_assert_eq!(a.year(), date.year() + 1);
            let days = a.signed_duration_since(date).num_days();
            prop_assert!((365..=366).contains(&days));
        }
    }
}
