//! Property values as RFC 5545 writes them: `DATE`, local and UTC
//! `DATE-TIME`, appended to a line without formatting machinery.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

/// Appends `n` as at least `width` decimal digits (a negative year keeps
/// its sign, as `format!("{:04}")` writes it).
fn push_padded(out: &mut String, n: i64, width: usize) {
    if n < 0 {
        out.push('-');
        push_padded(out, -n, width.saturating_sub(1));
        return;
    }
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n.unsigned_abs();
    loop {
        digits[len] = b'0' + u8::try_from(rest % 10).unwrap_or(0);
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for _ in len..width {
        out.push('0');
    }
    for &d in digits[..len].iter().rev() {
        out.push(char::from(d));
    }
}

/// `DATE` (RFC 5545 §3.3.4): `20260305`.
pub(super) fn push_date(out: &mut String, d: NaiveDate) {
    push_padded(out, i64::from(d.year()), 4);
    push_padded(out, i64::from(d.month()), 2);
    push_padded(out, i64::from(d.day()), 2);
}

/// Local `DATE-TIME` (RFC 5545 §3.3.5, form #1): `20260305T170000`.
pub(super) fn push_local(out: &mut String, dt: NaiveDateTime) {
    push_date(out, dt.date());
    out.push('T');
    push_padded(out, i64::from(dt.hour()), 2);
    push_padded(out, i64::from(dt.minute()), 2);
    push_padded(out, i64::from(dt.second()), 2);
}

/// `DATE-TIME` in UTC form (RFC 5545 §3.3.5, form #2).
pub(super) fn push_utc(out: &mut String, t: NaiveDateTime) {
    push_local(out, t);
    out.push('Z');
}

#[cfg(test)]
pub(super) fn fmt_date(d: NaiveDate) -> String {
    let mut s = String::new();
    push_date(&mut s, d);
    s
}

#[cfg(test)]
pub(super) fn fmt_local(dt: NaiveDateTime) -> String {
    let mut s = String::new();
    push_local(&mut s, dt);
    s
}

#[cfg(test)]
pub(super) fn fmt_utc(t: NaiveDateTime) -> String {
    let mut s = String::new();
    push_utc(&mut s, t);
    s
}

/// `DATE-TIME` in UTC form at 00:00:00.
#[cfg(test)]
pub(super) fn utc_midnight(d: NaiveDate) -> String {
    fmt_utc(d.and_time(chrono::NaiveTime::MIN))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The digits are what `format!` writes, for every date chrono holds.
        #[test]
        fn values_match_format(days in i64::from(NaiveDate::MIN.num_days_from_ce())..=i64::from(NaiveDate::MAX.num_days_from_ce()), secs in 0u32..86_400) {
            let d = NaiveDate::from_num_days_from_ce_opt(i32::try_from(days).unwrap()).unwrap();
            let t = d.and_time(chrono::NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).unwrap());
            prop_assert_eq!(fmt_date(d), format!("{:04}{:02}{:02}", d.year(), d.month(), d.day()));
            prop_assert_eq!(
                fmt_utc(t),
                format!("{:04}{:02}{:02}T{:02}{:02}{:02}Z", d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())
            );
        }
    }
}
