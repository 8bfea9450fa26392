//! Dates as people and filings write them: the one parser for dates,
//! zones and clock times, and the one way a date is shown.

use std::str::FromStr;

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveTime};
use chrono_tz::Tz;

use crate::diag::did_you_mean;
use crate::model::zone::Zone;

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DateError {
    /// What is wrong.
    pub message: String,
    /// How to write it instead.
    pub help: Option<String>,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub(crate) fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let w = if w == "sept" { "sep".to_owned() } else { w };
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn day_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let digits = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(&w);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn year_number(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

fn no_such_date(text: &str, y: i32, m: u32) -> DateError {
    let days = NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| {
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            }?;
            Some(next.signed_duration_since(d).num_days())
        })
        .map(|n| {
            format!(
                ": {} {y} has {n} days",
                capitalise(MONTHS[(m as usize).saturating_sub(1) % 12])
            )
        })
        .unwrap_or_default();
    DateError {
        message: format!("no such date `{text}`{days}"),
        help: None,
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// Parses a date as ISO (`2004-05-25`) or as filings write it (`May 25, 2004`,
/// `February  27,   2004`, `25 May 2004`, `May 25th, 2004`, `Feb. 27, 2004`,
/// with an optional leading weekday).
///
/// # Errors
///
/// A [`DateError`] for an impossible date (`2004-02-30`), for a numeric form
/// whose order of month and day is ambiguous (`03/04/2004`), and for text
/// that is not a date; each says what to write instead.
///
/// # Example
///
/// ```
/// use govcal::model::dates::parse_date;
/// let d = parse_date("February  27,   2004")?;
/// assert_eq!(d.to_string(), "2004-02-27");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let t = text.trim();
    let iso_help = "write it as `YYYY-MM-DD`, e.g. `2004-05-25`, or as `May 25, 2004`";
    // ISO 8601 calendar date.
    let b = t.as_bytes();
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    {
        let y: i32 = t[..4].parse().unwrap_or(0);
        let m: u32 = t[5..7].parse().unwrap_or(0);
        let d: u32 = t[8..].parse().unwrap_or(0);
        if !(1..=12).contains(&m) {
            return Err(DateError {
                message: format!("no such date `{t}`: there is no month {m}"),
                help: Some(iso_help.to_owned()),
            });
        }
        return NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| no_such_date(t, y, m));
    }
    // A sign before the year (`-0001-05-14`, ISO 8601's expanded years):
    // no meeting date has one, and read as `-0001-05-14` with dashes for
    // separators it would give nonsense hints (#18).
    if let Some(rest) = t.strip_prefix(['-', '+'])
        && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return Err(DateError {
            message: format!(
                "`{t}` has a sign before its year: dates here have a year from 0000 to 9999 and no sign"
            ),
            help: Some(iso_help.to_owned()),
        });
    }
    // Numeric forms with slashes, dots or dashes: refuse as ambiguous.
    let numeric_parts: Vec<&str> = t.split(['/', '.', '-']).filter(|p| !p.is_empty()).collect();
    if numeric_parts.len() == 3
        && numeric_parts
            .iter()
            .all(|p| p.bytes().all(|c| c.is_ascii_digit()))
    {
        let (a, bb, y) = (numeric_parts[0], numeric_parts[1], numeric_parts[2]);
        // Only `M/D/YYYY` is read the US way for the hint: `2004/03/04` or
        // `3/4/04` would give a month 2004 or the year 4.
        let us = (a.len() <= 2 && bb.len() <= 2 && y.len() == 4)
            .then_some(y)
            .and_then(|y| {
                y.parse::<i32>()
                    .ok()
                    .zip(a.parse::<u32>().ok())
                    .zip(bb.parse::<u32>().ok())
                    .and_then(|((y, m), d)| NaiveDate::from_ymd_opt(y, m, d))
            });
        let help = match us {
            Some(d) if a != bb => format!(
                "if you mean {}, write `{}` (or `{}`)",
                d.format("%-d %B %Y"),
                d.format("%Y-%m-%d"),
                d.format("%B %-d, %Y")
            ),
            _ => iso_help.to_owned(),
        };
        return Err(DateError {
            message: format!(
                "`{t}` is ambiguous: numeric dates are read month-first in the US and day-first elsewhere"
            ),
            help: Some(help),
        });
    }
    // Words: optional weekday, then "May 25, 2004" or "25 May 2004".
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let mut words: &[&str] = &words;
    let mut weekday = None;
    if let Some((first, rest)) = words.split_first()
        && (weekday_number(first).is_some() || first.eq_ignore_ascii_case("the"))
    {
        weekday = weekday_number(first);
        words = rest;
    }
    let parsed = match words {
        [m, d, y] if month_number(m).is_some() => {
            Some((year_number(y), month_number(m), day_number(d)))
        }
        [d, m, y] if month_number(m).is_some() => {
            Some((year_number(y), month_number(m), day_number(d)))
        }
        [d, of, m, y] if of.eq_ignore_ascii_case("of") && month_number(m).is_some() => {
            Some((year_number(y), month_number(m), day_number(d)))
        }
        // "the 27th day of February, 2004"
        [d, day, of, m, y]
            if day.eq_ignore_ascii_case("day")
                && of.eq_ignore_ascii_case("of")
                && month_number(m).is_some() =>
        {
            Some((year_number(y), month_number(m), day_number(d)))
        }
        _ => None,
    };
    match parsed {
        Some((Some(y), Some(m), Some(d))) => {
            let date = NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| no_such_date(t, y, m))?;
            // A weekday that contradicts the date is a typo somewhere: refuse it.
            match weekday {
                Some(w) if w != date.weekday() => Err(DateError {
                    message: format!(
                        "`{t}` does not add up: {} was a {}",
                        date.format("%-d %B %Y"),
                        date.format("%A")
                    ),
                    help: Some(format!(
                        "check the date; write `{}` if that is the day meant",
                        date.format("%Y-%m-%d")
                    )),
                }),
                _ => Ok(date),
            }
        }
        _ => Err(DateError {
            message: format!("`{t}` is not a date"),
            help: Some(iso_help.to_owned()),
        }),
    }
}

fn weekday_number(w: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    [
        ("monday", Mon),
        ("tuesday", Tue),
        ("wednesday", Wed),
        ("thursday", Thu),
        ("friday", Fri),
        ("saturday", Sat),
        ("sunday", Sun),
    ]
    .into_iter()
    .find(|(d, _)| *d == w || (w.len() == 3 && d.starts_with(&w)))
    .map(|(_, day)| day)
}

/// Formats a date for people: `Fri 5 Mar 2004`.
pub fn show_date(d: NaiveDate) -> String {
    // Written out by hand: chrono's `format` parses its pattern on every
    // call, and evaluation formats a date for every step of every trace.
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let day = DAYS[d.weekday().num_days_from_monday() as usize];
    let month = MONTHS[d.month0() as usize];
    format!("{day} {} {month} {:04}", d.day(), d.year())
}

/// Parses a zone: an IANA zone name (`America/Chicago`), or a fixed offset
/// from UTC used all year, `-05:00` (five hours behind UTC, as ISO 8601
/// writes it) or `UTC-05:00`.
///
/// # Errors
///
/// A [`DateError`] naming the zone, with the closest known zone as help,
/// or saying how to write the offset.
pub fn parse_zone(name: &str) -> Result<Zone, DateError> {
    let offset = name.strip_prefix("UTC").unwrap_or(name);
    if offset.starts_with(['+', '-', '\u{2212}']) {
        return parse_offset(name, offset).map(Zone::Offset);
    }
    if parse_clock(name).is_ok() {
        return Err(DateError {
            message: format!("`{name}` is not a time zone: an offset from UTC needs its sign"),
            help: Some(format!(
                "write `-{name}` for {name} behind UTC (west of Greenwich), `+{name}` for ahead"
            )),
        });
    }
    Tz::from_str(name).map(Zone::Iana).map_err(|_| DateError {
        message: format!("unknown time zone `{name}`"),
        help: did_you_mean(name, chrono_tz::TZ_VARIANTS.iter().map(|z| z.name())).or_else(|| {
            Some(
                "use an IANA zone name such as `America/New_York`, or an offset from UTC such as `-05:00`"
                    .to_owned(),
            )
        }),
    })
}

/// Reads `±HH:MM` (the `−` of typeset text too), from −12:00 to +14:00,
/// the offsets in use.
fn parse_offset(name: &str, text: &str) -> Result<FixedOffset, DateError> {
    let (west, rest) = match text.chars().next() {
        Some('+') => (false, &text[1..]),
        Some(c) => (true, &text[c.len_utf8()..]),
        None => (false, text),
    };
    let digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    let parsed = rest
        .split_once(':')
        .filter(|(h, m)| digits(h) && digits(m))
        .and_then(|(h, m)| Some((h.parse::<i32>().ok()?, m.parse::<i32>().ok()?)));
    let Some((hours, minutes)) = parsed.filter(|(_, m)| *m < 60) else {
        return Err(DateError {
            message: format!("`{name}` is not an offset from UTC"),
            help: Some(
                "write the sign, hours and minutes: `-05:00` is five hours behind UTC (US Central Daylight Time kept all year)"
                    .to_owned(),
            ),
        });
    };
    let seconds = (hours * 60 + minutes) * 60;
    let seconds = if west { -seconds } else { seconds };
    if !(-12 * 3600..=14 * 3600).contains(&seconds) {
        return Err(DateError {
            message: format!("`{name}` is not an offset in use: offsets run from -12:00 to +14:00"),
            help: Some(
                "`-05:00` is five hours behind UTC, `+05:30` five and a half ahead".to_owned(),
            ),
        });
    }
    FixedOffset::east_opt(seconds).ok_or_else(|| DateError {
        message: format!("`{name}` is not an offset from UTC"),
        help: None,
    })
}

/// Parses `HH:MM` (24-hour).
///
/// # Errors
///
/// A [`DateError`] when the text is not a 24-hour clock time.
pub fn parse_clock(text: &str) -> Result<NaiveTime, DateError> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| DateError {
        message: format!("`{text}` is not a clock time"),
        help: Some("write a 24-hour time such as `17:00`".to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The hand-written formatter says what chrono's `%a %-d %b %Y` says,
    /// every day from 1 Jan 1900 to 31 Dec 2199.
    #[test]
    fn show_date_matches_chrono_formatting() {
        let mut d = ymd(1900, 1, 1);
        while d <= ymd(2199, 12, 31) {
            assert_eq!(show_date(d), d.format("%a %-d %b %Y").to_string());
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn accepts_the_forms_filings_use() {
        for text in [
            "2004-05-25",
            "May 25, 2004",
            "May 25 2004",
            "25 May 2004",
            "May 25th, 2004",
            "Tuesday, May 25, 2004",
            "the 25th day of May, 2004",
            "MAY 25, 2004",
        ] {
            assert_eq!(parse_date(text), Ok(ymd(2004, 5, 25)), "{text}");
        }
        assert_eq!(parse_date("February  27,   2004"), Ok(ymd(2004, 2, 27)));
        assert_eq!(parse_date("Feb. 27, 2004"), Ok(ymd(2004, 2, 27)));
        assert_eq!(parse_date("Sept. 3, 2024"), Ok(ymd(2024, 9, 3)));
    }

    #[test]
    fn refuses_ambiguous_numeric_dates_and_says_why() {
        let e = parse_date("03/04/2004").unwrap_err();
        assert!(e.message.contains("ambiguous"), "{}", e.message);
        assert_eq!(
            e.help.as_deref(),
            Some("if you mean 4 March 2004, write `2004-03-04` (or `March 4, 2004`)")
        );
        assert!(parse_date("3.4.2004").is_err());
        // No hint that reads a year as a month or a day (#18).
        for text in ["2004/03/04", "3/4/04", "0001-05-14-"] {
            let e = parse_date(text).unwrap_err();
            assert!(!e.help.unwrap().starts_with("if you mean"), "{text}");
        }
    }

    #[test]
    fn refuses_a_signed_year_without_reading_it_as_day_and_month() {
        // See #18: `-0001-05-14` got "if you mean 5 January 0014".
        for text in ["-0001-05-14", "+2026-05-14", "-1"] {
            let e = parse_date(text).unwrap_err();
            assert_eq!(
                e.message,
                format!(
                    "`{text}` has a sign before its year: dates here have a year from 0000 to 9999 and no sign"
                )
            );
            assert!(!e.help.unwrap().contains("if you mean"), "{text}");
        }
    }

    #[test]
    fn refuses_a_weekday_that_contradicts_the_date() {
        let e = parse_date("Monday, May 25, 2004").unwrap_err();
        assert_eq!(
            e.message,
            "`Monday, May 25, 2004` does not add up: 25 May 2004 was a Tuesday"
        );
    }

    #[test]
    fn refuses_impossible_dates() {
        let e = parse_date("2004-02-30").unwrap_err();
        assert_eq!(
            e.message,
            "no such date `2004-02-30`: February 2004 has 29 days"
        );
        assert!(parse_date("February 30, 2003").is_err());
        assert!(parse_date("2004-13-01").is_err());
    }

    #[test]
    fn a_zone_is_an_iana_name_or_a_signed_offset() {
        let west = |h: i32, m: i32| Zone::Offset(FixedOffset::west_opt((h * 60 + m) * 60).unwrap());
        let east = |h: i32, m: i32| Zone::Offset(FixedOffset::east_opt((h * 60 + m) * 60).unwrap());
        assert_eq!(parse_zone("-05:00").unwrap(), west(5, 0));
        assert_eq!(parse_zone("UTC-05:00").unwrap(), west(5, 0));
        assert_eq!(parse_zone("\u{2212}05:00").unwrap(), west(5, 0));
        assert_eq!(parse_zone("+05:30").unwrap(), east(5, 30));
        assert_eq!(parse_zone("-12:00").unwrap(), west(12, 0));
        assert_eq!(parse_zone("+14:00").unwrap(), east(14, 0));
        assert_eq!(parse_zone("+00:00").unwrap(), east(0, 0));
        assert_eq!(
            parse_zone("America/Chicago").unwrap(),
            Zone::Iana(Tz::America__Chicago)
        );
        assert_eq!(parse_zone("UTC").unwrap(), Zone::Iana(Tz::UTC));
        // Etc/GMT+5 is accepted as written: five hours behind UTC.
        assert_eq!(
            parse_zone("Etc/GMT+5").unwrap(),
            Zone::Iana(Tz::Etc__GMTPlus5)
        );
    }

    #[test]
    fn a_malformed_or_unsigned_offset_says_how_to_write_it() {
        for bad in ["-5", "-5:00", "-0500", "-05:0", "UTC-5", "-05:60", "+"] {
            let e = parse_zone(bad).unwrap_err();
            assert_eq!(
                e.message,
                format!("`{bad}` is not an offset from UTC"),
                "{bad}"
            );
            assert!(
                e.help
                    .unwrap()
                    .contains("`-05:00` is five hours behind UTC")
            );
        }
        for bad in ["-13:00", "+14:30"] {
            let e = parse_zone(bad).unwrap_err();
            assert_eq!(
                e.message,
                format!("`{bad}` is not an offset in use: offsets run from -12:00 to +14:00")
            );
        }
        let e = parse_zone("05:00").unwrap_err();
        assert_eq!(
            e.message,
            "`05:00` is not a time zone: an offset from UTC needs its sign"
        );
        assert_eq!(
            e.help.as_deref(),
            Some("write `-05:00` for 05:00 behind UTC (west of Greenwich), `+05:00` for ahead")
        );
    }

    #[test]
    fn unknown_zone_suggests_the_nearest() {
        let e = parse_zone("America/Los_Angles").unwrap_err();
        assert_eq!(
            e.help.as_deref(),
            Some("did you mean `America/Los_Angeles`?")
        );
    }
}
