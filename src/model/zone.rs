//! The one place a local wall-clock time becomes an instant, and the
//! daylight-saving policy that goes with it.

use chrono::{DateTime, MappedLocalTime, NaiveDateTime, Offset as _, TimeDelta, TimeZone};
use chrono_tz::Tz;

/// Pins a wall-clock time in `tz` to one instant, as RFC 5545 §3.3.5 does.
///
/// * **Fold** (clocks go back; the time happens twice): the first occurrence.
/// * **Gap** (clocks go forward; the time never happens): read it with the
///   offset in force before the gap, so 02:30 on a spring-forward night in
///   New York is 03:30 EDT.
///
/// Deadlines at "close of business" (17:00, 18:00) never fall in a gap or
/// fold in any US zone, but a rule may name any time and zone.
pub fn to_zoned(tz: Tz, local: NaiveDateTime) -> DateTime<Tz> {
    match tz.from_local_datetime(&local) {
        MappedLocalTime::Single(t) => t,
        MappedLocalTime::Ambiguous(first, _second) => first,
        MappedLocalTime::None => {
            // A day earlier is before this gap and after the previous
            // transition, so its offset is the one in force before the gap.
            let day = TimeDelta::days(1);
            let probe = local.checked_sub_signed(day).unwrap_or(local);
            let before = tz.offset_from_utc_datetime(&probe);
            let utc = local
                .checked_sub_signed(TimeDelta::seconds(i64::from(
                    before.fix().local_minus_utc(),
                )))
                .unwrap_or(local);
            tz.from_utc_datetime(&utc)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn gap_reads_with_the_offset_before_it() {
        let t = to_zoned(Tz::America__New_York, at(2025, 3, 9, 2, 30));
        assert_eq!(t.naive_local(), at(2025, 3, 9, 3, 30));
    }

    #[test]
    fn fold_takes_the_first_occurrence() {
        let t = to_zoned(Tz::America__New_York, at(2025, 11, 2, 1, 30));
        assert_eq!(t.offset().fix().local_minus_utc(), -4 * 3600);
    }

    #[test]
    fn close_of_business_in_los_angeles_is_eight_in_new_york() {
        let t = to_zoned(Tz::America__Los_Angeles, at(2004, 3, 5, 17, 0));
        let ny = t.with_timezone(&Tz::America__New_York);
        assert_eq!(ny.naive_local(), at(2004, 3, 5, 20, 0));
    }
}
