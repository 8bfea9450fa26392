//! Business-day queries and arithmetic on a [`Calendar`]: whether a date
//! is a business day and why not, rolling a date onto one, and counting
//! business days.

use chrono::{Datelike, NaiveDate, Weekday};

use super::{Calendar, CalendarError, Holiday, Roll, display_name};

impl Calendar {
    /// `Ok(())` when `date` lies in the covered years.
    pub(super) fn covers(&self, date: NaiveDate) -> Result<(), CalendarError> {
        let year = date.year();
        if year < self.first_year || year > self.last_year {
            Err(CalendarError::NotCovered {
                calendar: self.id.clone(),
                date,
                first_year: self.first_year,
                last_year: self.last_year,
            })
        } else {
            Ok(())
        }
    }

    fn is_weekend(&self, date: NaiveDate) -> bool {
        self.weekend[date.weekday().num_days_from_monday() as usize]
    }

    /// The holiday or closure on `date`, if any (weekends are not holidays).
    ///
    /// # Errors
    ///
    /// [`CalendarError::NotCovered`] if `date` is outside the covered years.
    pub fn holiday(&self, date: NaiveDate) -> Result<Option<&Holiday>, CalendarError> {
        self.covers(date)?;
        Ok(self.holidays.get(&date))
    }

    /// Whether `date` is a business day: not a weekend day, not a holiday
    /// (as observed) and not a closure. O(log n).
    ///
    /// # Errors
    ///
    /// [`CalendarError::NotCovered`] if `date` is outside the covered years.
    pub fn is_business_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        self.covers(date)?;
        Ok(!self.is_weekend(date) && !self.holidays.contains_key(&date))
    }

    /// Why `date` is not a business day ("Saturday", "Juneteenth National
    /// Independence Day (observed)"), `None` if it is one. A holiday is
    /// named in preference to the weekday when both apply.
    ///
    /// # Errors
    ///
    /// [`CalendarError::NotCovered`] if `date` is outside the covered years.
    pub fn non_business_reason(&self, date: NaiveDate) -> Result<Option<String>, CalendarError> {
        self.covers(date)?;
        if let Some(holiday) = self.holidays.get(&date) {
            return Ok(Some(display_name(holiday)));
        }
        if self.is_weekend(date) {
            return Ok(Some(weekday_display(date.weekday()).to_owned()));
        }
        Ok(None)
    }

    /// Moves `date` to a business day according to `roll`.
    ///
    /// `Roll::None` returns `date` unchanged without consulting the calendar
    /// (so it never fails). `Roll::Forward` / `Roll::Backward` return the
    /// nearest business day on or after / on or before `date`.
    ///
    /// # Properties
    ///
    /// * For `Forward`/`Backward` the result is a business day.
    /// * `Forward` never moves earlier, `Backward` never moves later; a
    ///   business day is returned unchanged.
    /// * Idempotent: `roll(roll(d, r), r) == roll(d, r)`.
    ///
    /// # Errors
    ///
    /// [`CalendarError::NotCovered`] if `date`, or any day the search has to
    /// look at, is outside the covered years; [`CalendarError::OutOfRange`]
    /// if the search runs past the dates `chrono` can represent.
    pub fn roll(&self, date: NaiveDate, roll: Roll) -> Result<NaiveDate, CalendarError> {
        let step: fn(&NaiveDate) -> Option<NaiveDate> = match roll {
            Roll::None => return Ok(date),
            Roll::Forward => NaiveDate::succ_opt,
            Roll::Backward => NaiveDate::pred_opt,
        };
        let mut current = date;
        while !self.is_business_day(current)? {
            current = step(&current).ok_or(CalendarError::OutOfRange)?;
        }
        Ok(current)
    }

    /// Counts `n` business days from `date`; the anchor day itself is not
    /// counted. `n > 0` counts forward, `n < 0` backward, `n == 0` returns
    /// `date` unchanged (without consulting the calendar).
    ///
    /// # Properties
    ///
    /// * For `n != 0` the result is a business day, and exactly `|n| - 1`
    ///   business days lie strictly between `date` and the result.
    /// * If `date` is a business day,
    ///   `add_business_days(add_business_days(date, n), -n) == date`.
    /// * Monotone: `n > 0` gives a later date, `n < 0` an earlier one.
    ///
    /// # Errors
    ///
    /// [`CalendarError::NotCovered`] if `date` or any day counted over is
    /// outside the covered years; [`CalendarError::OutOfRange`] if the count
    /// runs past the dates `chrono` can represent.
    pub fn add_business_days(&self, date: NaiveDate, n: i32) -> Result<NaiveDate, CalendarError> {
        if n == 0 {
            return Ok(date);
        }
        self.covers(date)?;
        let step: fn(&NaiveDate) -> Option<NaiveDate> = if n > 0 {
            NaiveDate::succ_opt
        } else {
            NaiveDate::pred_opt
        };
        let mut remaining = n.unsigned_abs();
        let mut current = date;
        while remaining > 0 {
            current = step(&current).ok_or(CalendarError::OutOfRange)?;
            if self.is_business_day(current)? {
                remaining -= 1;
            }
        }
        Ok(current)
    }
}

fn weekday_display(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn fed() -> Calendar {
        Calendar::us_federal()
    }

    #[test]
    fn observed_juneteenth_2027_and_roll() {
        let cal = fed();
        let friday = ymd(2027, 6, 18);
        assert!(!cal.is_business_day(friday).expect("covered"));
        assert_eq!(
            cal.non_business_reason(friday).expect("covered").as_deref(),
            Some("Juneteenth National Independence Day (observed)")
        );
        assert_eq!(cal.roll(friday, Roll::Forward), Ok(ymd(2027, 6, 21)));
        assert_eq!(cal.roll(friday, Roll::Backward), Ok(ymd(2027, 6, 17)));
        assert_eq!(cal.roll(friday, Roll::None), Ok(friday));
    }

    #[test]
    fn outside_span_is_an_error() {
        let cal = fed();
        let err = cal
            .is_business_day(ymd(2051, 1, 2))
            .expect_err("not covered");
        assert_eq!(
            err,
            CalendarError::NotCovered {
                calendar: "us_federal".into(),
                date: ymd(2051, 1, 2),
                first_year: 1990,
                last_year: 2050,
            }
        );
        assert_eq!(
            err.to_string(),
            "calendar `us_federal` covers 1990–2050, not 2051"
        );
        assert!(cal.holiday(ymd(1989, 12, 25)).is_err());
        assert!(cal.holidays_in(2051).is_err());
        assert!(cal.non_business_reason(ymd(2051, 1, 1)).is_err());
        assert!(cal.roll(ymd(2051, 1, 5), Roll::Forward).is_err());
        assert_eq!(cal.roll(ymd(2051, 1, 5), Roll::None), Ok(ymd(2051, 1, 5)));
        assert!(cal.add_business_days(ymd(2050, 12, 30), 1).is_err());
        assert_eq!(
            cal.add_business_days(ymd(2051, 1, 5), 0),
            Ok(ymd(2051, 1, 5))
        );
        assert_eq!(
            CalendarError::OutOfRange.to_string(),
            "date arithmetic left the supported range"
        );
    }

    #[test]
    fn business_day_counting_examples() {
        let cal = fed();
        assert_eq!(
            cal.add_business_days(ymd(2025, 4, 14), -20),
            Ok(ymd(2025, 3, 17))
        );
        // Skips Presidents' Day (Washington's Birthday), Monday 2025-02-17.
        assert_eq!(
            cal.add_business_days(ymd(2025, 3, 10), -20),
            Ok(ymd(2025, 2, 7))
        );
        assert_eq!(
            cal.add_business_days(ymd(2025, 2, 14), 1),
            Ok(ymd(2025, 2, 18))
        );
        assert_eq!(
            cal.add_business_days(ymd(2025, 4, 14), 0),
            Ok(ymd(2025, 4, 14))
        );
    }

    #[test]
    fn non_business_reasons() {
        let cal = fed();
        assert_eq!(
            cal.non_business_reason(ymd(2025, 3, 8))
                .expect("covered")
                .as_deref(),
            Some("Saturday")
        );
        assert_eq!(
            cal.non_business_reason(ymd(2025, 3, 10)).expect("covered"),
            None
        );
        assert_eq!(
            cal.non_business_reason(ymd(2025, 12, 25))
                .expect("covered")
                .as_deref(),
            Some("Christmas Day")
        );
    }

    /// A date at least ~14 months inside the 1990–2050 span, so that
    /// ±260 business days from it stay covered.
    fn business_date() -> impl Strategy<Value = NaiveDate> {
        (1992i32..=2049, 1u32..=365)
            .prop_map(|(y, ord)| NaiveDate::from_yo_opt(y, ord).expect("ordinal 1..=365 exists"))
    }

    proptest! {
        #[test]
        fn roll_lands_on_business_day_in_right_direction(date in business_date()) {
            let cal = fed();
            let fwd = cal.roll(date, Roll::Forward).expect("covered");
            let back = cal.roll(date, Roll::Backward).expect("covered");
            prop_assert!(cal.is_business_day(fwd).expect("covered"));
            prop_assert!(cal.is_business_day(back).expect("covered"));
            prop_assert!(fwd >= date);
            prop_assert!(back <= date);
            prop_assert_eq!(cal.roll(fwd, Roll::Forward).expect("covered"), fwd);
            prop_assert_eq!(cal.roll(back, Roll::Backward).expect("covered"), back);
            prop_assert_eq!(cal.roll(date, Roll::None).expect("none"), date);
            if cal.is_business_day(date).expect("covered") {
                prop_assert_eq!(fwd, date);
                prop_assert_eq!(back, date);
            }
        }

        #[test]
        fn add_business_days_round_trips(date in business_date(), n in -260i32..=260) {
            let cal = fed();
            let start = cal.roll(date, Roll::Forward).expect("covered");
            let there = cal.add_business_days(start, n).expect("covered");
            if n != 0 {
                prop_assert!(cal.is_business_day(there).expect("covered"));
                prop_assert_eq!(there > start, n > 0);
            }
            let back = cal.add_business_days(there, -n).expect("covered");
            prop_assert_eq!(back, start);
        }

        #[test]
        fn add_business_days_counts_exactly(date in business_date(), n in 1i32..=60) {
            let cal = fed();
            let end = cal.add_business_days(date, n).expect("covered");
            let mut count = 0;
            let mut d = date;
            while d < end {
                d = d.succ_opt().expect("in range");
                if cal.is_business_day(d).expect("covered") {
                    count += 1;
                }
            }
            prop_assert_eq!(count, n);
            let back = cal.add_business_days(date, -n).expect("covered");
            prop_assert!(back < date);
            prop_assert!(cal.is_business_day(back).expect("covered"));
        }
    }
}
