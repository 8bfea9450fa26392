//! Holiday generation: the rules a calendar file gives for its holidays
//! (fixed date, n-th or last weekday of a month, Easter-relative), the
//! Easter computus, the observance policies that move a holiday off a
//! weekend, and [`generate`], which turns the rules into dated holidays for
//! a span of years.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};

use super::Holiday;

/// What happens to a holiday that falls on a weekend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Observance {
    /// Kept where it falls.
    None,
    /// Saturday -> the Friday before (5 U.S.C. 6103(b)(1)); Sunday -> the
    /// Monday after (Executive Order 11582, section 3(a)).
    Federal,
    /// Sunday -> the Monday after; a Saturday holiday is not moved.
    SundayToMonday,
    /// NYSE Rule 7.2: Sunday -> the Monday after; Saturday -> the Friday
    /// before, unless that Friday ends a monthly or yearly accounting
    /// period, in which case no day is closed. "Ends a period" is read as
    /// "is the last weekday of its month": the Monday after the Saturday is
    /// in the next month. Weekday holidays later in the month are not
    /// considered; none of Rule 7.2's holidays can make a difference.
    Nyse,
}

/// Which weekday of the month: the first to fifth, or the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Nth {
    Nth(u8),
    Last,
}

/// The date rule of a holiday: a fixed day, the n-th or last weekday of a
/// month, or a number of days from Easter Sunday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    Fixed {
        month: u32,
        day: u32,
    },
    Weekday {
        month: u32,
        weekday: Weekday,
        nth: Nth,
    },
    Easter {
        offset: i64,
    },
}

/// One `[[holiday]]` of a calendar file, validated: its rule, the years it
/// applies to (both inclusive, open when absent) and its observance.
#[derive(Debug, Clone)]
pub(crate) struct Generator {
    pub(crate) name: String,
    pub(crate) citation: String,
    pub(crate) rule: Rule,
    pub(crate) from_year: Option<i64>,
    pub(crate) until_year: Option<i64>,
    /// Only every this many years, counting from `from_year` (Inauguration
    /// Day: every 4 years from 1969).
    pub(crate) every: Option<i64>,
    pub(crate) observance: Observance,
}

/// Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm
/// (Meeus/Jones/Butcher). The one-letter names follow the published
/// algorithm.
#[allow(clippy::many_single_char_names)]
fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The actual (unobserved) date of a rule in `year`, or `None` when the
/// rule produces no date that year (29 February in a common year, a fifth
/// weekday that does not exist).
fn actual_date(rule: Rule, year: i32) -> Option<NaiveDate> {
    match rule {
        Rule::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
        Rule::Weekday {
            month,
            weekday,
            nth: Nth::Nth(n),
        } => NaiveDate::from_weekday_of_month_opt(year, month, weekday, n),
        Rule::Weekday {
            month,
            weekday,
            nth: Nth::Last,
        } => {
            let first_next = if month == 12 {
                NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1)?
            };
            let last = first_next.pred_opt()?;
            let back =
                (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
            last.checked_sub_days(chrono::Days::new(u64::from(back)))
        }
        Rule::Easter { offset } => {
            let easter = easter_sunday(year)?;
            let days = chrono::Days::new(offset.unsigned_abs());
            if offset >= 0 {
                easter.checked_add_days(days)
            } else {
                easter.checked_sub_days(days)
            }
        }
    }
}

/// Applies an observance policy: `Some((date, moved))`, or `None` when the
/// holiday produces no closure (NYSE month-end Saturday rule).
fn observe(date: NaiveDate, observance: Observance) -> Option<(NaiveDate, bool)> {
    match (observance, date.weekday()) {
        (Observance::Federal | Observance::Nyse | Observance::SundayToMonday, Weekday::Sun) => {
            Some((date.succ_opt()?, true))
        }
        (Observance::Federal, Weekday::Sat) => Some((date.pred_opt()?, true)),
        (Observance::Nyse, Weekday::Sat) => {
            let friday = date.pred_opt()?;
            let monday = friday.checked_add_days(chrono::Days::new(3))?;
            // The Friday is the last business day of its month (or year) when
            // the next weekday is in another month: then there is no closure.
            (monday.month() == friday.month()).then_some((friday, true))
        }
        _ => Some((date, false)),
    }
}

pub(crate) fn generate(
    generators: &[Generator],
    first_year: i32,
    last_year: i32,
) -> BTreeMap<NaiveDate, Holiday> {
    let mut holidays = BTreeMap::new();
    // One year either side, because observance can move a day across New
    // Year (1 January on a Saturday is observed on 31 December).
    let start = first_year.saturating_sub(1);
    let end = last_year.saturating_add(1);
    for generator in generators {
        for year in start..=end {
            let y = i64::from(year);
            if generator.from_year.is_some_and(|from| y < from)
                || generator.until_year.is_some_and(|until| y > until)
                || generator
                    .every
                    .is_some_and(|n| (y - generator.from_year.unwrap_or(y)).rem_euclid(n) != 0)
            {
                continue;
            }
            let Some(actual) = actual_date(generator.rule, year) else {
                continue;
            };
            let Some((date, observed)) = observe(actual, generator.observance) else {
                continue;
            };
            if date.year() < first_year || date.year() > last_year {
                continue;
            }
            // If two rules land on the same day, the first listed wins.
            holidays.entry(date).or_insert_with(|| Holiday {
                name: generator.name.clone(),
                source: generator.citation.clone(),
                observed,
                closure: false,
            });
        }
    }
    holidays
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::calendar::Calendar;

    const OBSERVED_FIXTURE: &str =
        include_str!("../../../tests/fixtures/calendars/us_federal_observed.txt");

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn fed() -> Calendar {
        Calendar::us_federal()
    }

    #[test]
    fn matches_opm_published_observed_holidays() {
        let cal = fed();
        let mut years_checked = 0;
        for line in OBSERVED_FIXTURE.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (year, dates) = line.split_once(':').expect("`YYYY: ...` line");
            let year: i32 = year.trim().parse().expect("year");
            let expected: Vec<(NaiveDate, bool)> = dates
                .split(',')
                .map(|s| {
                    let s = s.trim();
                    let (md, moved) = s.strip_suffix('*').map_or((s, false), |md| (md, true));
                    let (m, d) = md.split_once('-').expect("MM-DD");
                    (
                        ymd(year, m.parse().expect("month"), d.parse().expect("day")),
                        moved,
                    )
                })
                .collect();
            let actual: Vec<(NaiveDate, bool)> = cal
                .holidays_in(year)
                .expect("covered year")
                .into_iter()
                .filter(|(_, h)| !h.is_closure())
                .map(|(d, h)| (d, h.observed))
                .collect();
            assert_eq!(actual, expected, "observed holidays in {year}");
            years_checked += 1;
        }
        assert!(years_checked >= 7);
    }

    #[test]
    fn juneteenth_from_2021_only() {
        let cal = fed();
        let has_juneteenth = |year| {
            cal.holidays_in(year)
                .expect("covered")
                .iter()
                .any(|(_, h)| h.name.starts_with("Juneteenth"))
        };
        assert!(!has_juneteenth(2020));
        assert!(cal.is_business_day(ymd(2020, 6, 19)).expect("covered"));
        for year in 2021..=2040 {
            assert!(has_juneteenth(year), "Juneteenth in {year}");
        }
        // First observance: Friday 18 June 2021.
        let first = cal
            .holiday(ymd(2021, 6, 18))
            .expect("covered")
            .expect("holiday");
        assert!(first.observed);
    }

    #[test]
    fn new_year_2022_observed_on_2021_12_31() {
        let cal = fed();
        let h = cal
            .holiday(ymd(2021, 12, 31))
            .expect("covered")
            .expect("holiday");
        assert_eq!(h.name, "New Year's Day");
        assert!(h.observed);
        assert!(!cal.is_business_day(ymd(2021, 12, 31)).expect("covered"));
        // And 2050-12-30 is reachable even though New Year 2051 is outside the span
        // (1 Jan 2051 is a Sunday, observed Monday 2 Jan 2051; Friday stays a business day).
        assert!(cal.is_business_day(ymd(2050, 12, 30)).expect("covered"));
    }

    #[test]
    fn easter_computus() {
        // Known Western Easter dates.
        for (y, m, d) in [
            (1990, 4, 15),
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2038, 4, 25),
        ] {
            assert_eq!(easter_sunday(y), Some(ymd(y, m, d)), "{y}");
        }
    }

    /// A small NYSE-like calendar file: `nyse` and `sunday_to_monday`
    /// observance, an Easter-relative rule and a last-weekday rule (also
    /// used by the calendar-file tests in `pack::calendar`).
    pub(crate) const NYSE_LIKE: &str = r#"
id = "test_nyse"
title = "t"
version = "1"
citation = "c"
first_year = 2020
last_year = 2030
weekend = ["saturday", "sunday"]

[[holiday]]
name = "New Year's Day"
citation = "c"
month = 1
day = 1
observance = "nyse"

[[holiday]]
name = "Good Friday"
citation = "c"
easter_offset = -2
observance = "none"

[[holiday]]
name = "Independence Day"
citation = "c"
month = 7
day = 4
observance = "nyse"

[[holiday]]
name = "Christmas Day"
citation = "c"
month = 12
day = 25
observance = "nyse"

[[holiday]]
name = "Memorial Day"
citation = "c"
month = 5
weekday = "monday"
nth = "last"
observance = "sunday_to_monday"
"#;

    #[test]
    fn nyse_and_easter_rules() {
        let cal = Calendar::parse_toml(NYSE_LIKE).expect("valid");
        // New Year 2022 is a Saturday: the Friday is the last business day of
        // the year, so no closure.
        assert!(cal.is_business_day(ymd(2021, 12, 31)).expect("covered"));
        // Christmas 2021 is a Saturday: closed Friday 24 December.
        assert!(!cal.is_business_day(ymd(2021, 12, 24)).expect("covered"));
        // Independence Day 2026 is a Saturday: closed Friday 3 July.
        assert!(!cal.is_business_day(ymd(2026, 7, 3)).expect("covered"));
        // Independence Day 2021 is a Sunday: closed Monday 5 July.
        assert!(!cal.is_business_day(ymd(2021, 7, 5)).expect("covered"));
        // Good Friday 2025 = 18 April; 2024 = 29 March.
        let gf = cal
            .holiday(ymd(2025, 4, 18))
            .expect("covered")
            .expect("holiday");
        assert_eq!(gf.name, "Good Friday");
        assert!(!cal.is_business_day(ymd(2024, 3, 29)).expect("covered"));
        assert_eq!(
            cal.holiday(ymd(2025, 5, 26))
                .expect("covered")
                .map(|h| h.name.as_str()),
            Some("Memorial Day")
        );
    }

    /// One fixed-date holiday with the `nyse` observance, for probing the
    /// Saturday and Sunday rules on chosen dates.
    fn nyse_fixed(month: u32, day: u32) -> Calendar {
        Calendar::parse_toml(&format!(
            "id = \"t\"\ntitle = \"t\"\nversion = \"1\"\ncitation = \"c\"\n\
             first_year = 2020\nlast_year = 2030\nweekend = [\"saturday\", \"sunday\"]\n\
             [[holiday]]\nname = \"h\"\ncitation = \"c\"\nmonth = {month}\nday = {day}\n\
             observance = \"nyse\"\n"
        ))
        .expect("valid calendar")
    }

    fn closed(cal: &Calendar, date: NaiveDate) -> bool {
        !cal.is_business_day(date).expect("covered")
    }

    #[test]
    fn nyse_saturday_holiday_closes_the_friday_before_within_a_month() {
        // Saturday 29 January 2028: Friday the 28th is not the month's last
        // weekday (Monday the 31st is), so the Exchange closes on it.
        let cal = nyse_fixed(1, 29);
        assert_eq!(ymd(2028, 1, 29).weekday(), Weekday::Sat);
        assert!(closed(&cal, ymd(2028, 1, 28)));
        assert!(!closed(&cal, ymd(2028, 1, 31)));
        let h = cal
            .holiday(ymd(2028, 1, 28))
            .expect("covered")
            .expect("holiday");
        assert!(h.observed);
    }

    #[test]
    fn nyse_saturday_holiday_closes_nothing_when_the_friday_ends_the_month() {
        // Saturday 31 January 2026: Friday the 30th is the last weekday of
        // January (a monthly accounting period ends): no closure, and the
        // holiday is not moved to Monday either.
        let cal = nyse_fixed(1, 31);
        assert_eq!(ymd(2026, 1, 31).weekday(), Weekday::Sat);
        assert!(!closed(&cal, ymd(2026, 1, 30)));
        assert!(!closed(&cal, ymd(2026, 2, 2)));
        assert!(cal.holidays_in(2026).expect("covered").is_empty());
        // Saturday 30 January 2027: the 31st is a Sunday, so Friday the
        // 29th ends the month: no closure.
        let cal = nyse_fixed(1, 30);
        assert_eq!(ymd(2027, 1, 30).weekday(), Weekday::Sat);
        assert!(!closed(&cal, ymd(2027, 1, 29)));
        assert!(!closed(&cal, ymd(2027, 2, 1)));
        // New Year's Day on a Saturday (2022): Friday 31 December 2021 ends
        // the year, so the Exchange is open that day and on Monday 3 January.
        let cal = nyse_fixed(1, 1);
        assert!(!closed(&cal, ymd(2021, 12, 31)));
        assert!(!closed(&cal, ymd(2022, 1, 3)));
        assert!(
            cal.holidays_in(2021)
                .expect("covered")
                .iter()
                .all(|(d, _)| d.month() == 1)
        );
    }

    #[test]
    fn nyse_sunday_holiday_closes_the_monday_after_even_across_a_month_end() {
        // Sunday 31 May 2026 -> Monday 1 June 2026.
        let cal = nyse_fixed(5, 31);
        assert_eq!(ymd(2026, 5, 31).weekday(), Weekday::Sun);
        assert!(closed(&cal, ymd(2026, 6, 1)));
        assert!(!closed(&cal, ymd(2026, 5, 29)));
        // Sunday 1 January 2023 -> Monday 2 January 2023.
        let cal = nyse_fixed(1, 1);
        assert!(closed(&cal, ymd(2023, 1, 2)));
        assert!(!closed(&cal, ymd(2022, 12, 30)));
    }
}
