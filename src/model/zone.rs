//! Time zones (a named IANA zone, or a fixed offset from UTC used all
//! year), the one place a local wall-clock time becomes an instant, and the
//! daylight-saving policy that goes with it.

use std::borrow::Cow;
use std::fmt;

use chrono::{
    DateTime, FixedOffset, MappedLocalTime, NaiveDateTime, Offset as _, TimeDelta, TimeZone,
};
use chrono_tz::Tz;

/// Where a wall-clock time is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Zone {
    /// An IANA zone (`America/Chicago`), with its daylight-saving rules.
    Iana(Tz),
    /// A fixed offset from UTC, the same all year (`-05:00`: "5:00 p.m.
    /// Central Daylight Time" kept in winter too).
    Offset(FixedOffset),
}

impl Zone {
    /// New York, the default zone of a company.
    pub const NEW_YORK: Zone = Zone::Iana(Tz::America__New_York);

    /// The zone's name as output shows it: the IANA name, or `UTC-05:00`.
    pub fn name(&self) -> Cow<'static, str> {
        match self {
            Zone::Iana(tz) => Cow::Borrowed(tz.name()),
            Zone::Offset(o) => Cow::Owned(format!("UTC{}", offset_text(o.local_minus_utc()))),
        }
    }

    /// The instant (in UTC) of wall-clock time `local` here, per [`to_zoned`].
    pub fn to_utc(self, local: NaiveDateTime) -> NaiveDateTime {
        match self {
            Zone::Iana(tz) => to_zoned(tz, local).naive_utc(),
            Zone::Offset(o) => local
                .checked_sub_signed(TimeDelta::seconds(i64::from(o.local_minus_utc())))
                .unwrap_or(local),
        }
    }

    /// For an `Etc/GMT+N` or `Etc/GMT-N` zone, whose sign is the reverse of
    /// the offset's (POSIX), the offset it really is: `Etc/GMT+5` is
    /// `-05:00`, five hours behind UTC.
    pub fn inverted_sign(&self) -> Option<String> {
        let Zone::Iana(tz) = self else {
            return None;
        };
        let rest = tz.name().strip_prefix("Etc/GMT")?;
        if !rest.starts_with(['+', '-']) || rest[1..] == *"0" {
            return None;
        }
        let seconds = tz
            .offset_from_utc_datetime(&DateTime::UNIX_EPOCH.naive_utc())
            .fix()
            .local_minus_utc();
        Some(offset_text(seconds))
    }
}

/// `-05:00`, `+05:30`, `+00:00`.
fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

impl serde::Serialize for Zone {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name())
    }
}

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

    /// 17:00 at UTC−5 is 22:00 UTC in winter and in summer alike, where
    /// New York's 17:00 is 22:00 UTC only in winter (EST) and 21:00 in
    /// summer (EDT).
    #[test]
    fn a_fixed_offset_is_the_same_all_year() {
        let cdt = Zone::Offset(FixedOffset::west_opt(5 * 3600).unwrap());
        assert_eq!(cdt.name(), "UTC-05:00");
        for (m, d) in [(1, 15), (7, 15)] {
            assert_eq!(cdt.to_utc(at(2026, m, d, 17, 0)), at(2026, m, d, 22, 0));
        }
        let ny = Zone::NEW_YORK;
        assert_eq!(ny.to_utc(at(2026, 1, 15, 17, 0)), at(2026, 1, 15, 22, 0));
        assert_eq!(ny.to_utc(at(2026, 7, 15, 17, 0)), at(2026, 7, 15, 21, 0));
        // Half an hour east of UTC, and UTC itself.
        let ist = Zone::Offset(FixedOffset::east_opt(5 * 3600 + 1800).unwrap());
        assert_eq!(ist.name(), "UTC+05:30");
        assert_eq!(ist.to_utc(at(2026, 1, 15, 17, 0)), at(2026, 1, 15, 11, 30));
        let utc = Zone::Offset(FixedOffset::east_opt(0).unwrap());
        assert_eq!(utc.name(), "UTC+00:00");
    }

    #[test]
    fn posix_names_invert_the_sign_and_say_so() {
        let gmt5: Tz = "Etc/GMT+5".parse().unwrap();
        assert_eq!(Zone::Iana(gmt5).inverted_sign().as_deref(), Some("-05:00"));
        // The instant agrees: Etc/GMT+5 is five hours behind UTC.
        assert_eq!(
            Zone::Iana(gmt5).to_utc(at(2026, 7, 15, 17, 0)),
            at(2026, 7, 15, 22, 0)
        );
        let gmt_minus_10: Tz = "Etc/GMT-10".parse().unwrap();
        assert_eq!(
            Zone::Iana(gmt_minus_10).inverted_sign().as_deref(),
            Some("+10:00")
        );
        for name in ["Etc/GMT", "Etc/GMT+0", "Etc/UTC", "America/Chicago"] {
            let tz: Tz = name.parse().unwrap();
            assert_eq!(Zone::Iana(tz).inverted_sign(), None, "{name}");
        }
    }

    #[test]
    fn close_of_business_in_los_angeles_is_eight_in_new_york() {
        let t = to_zoned(Tz::America__Los_Angeles, at(2004, 3, 5, 17, 0));
        let ny = t.with_timezone(&Tz::America__New_York);
        assert_eq!(ny.naive_local(), at(2004, 3, 5, 20, 0));
    }
}
