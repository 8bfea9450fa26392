//! The shipped holiday calendars (`rules/calendars/*.toml`) compared, year by
//! year, with published lists kept as plain-text fixtures in
//! `tests/fixtures/calendars/` (each file names its source in its header),
//! and the rule that a calendar refuses dates outside its years.
//!
//! A comparison looks at weekdays only: a weekday is "closed" when the
//! calendar says it is not a business day. Where a published list and our
//! calendar disagree on a day, and the disagreement has been looked into,
//! it is listed in a `KnownDifference` with the reason; every other
//! difference fails the test, naming the year and the dates.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, Weekday};
use govcal::model::calendar::{Calendar, CalendarError, Roll};
use govcal::pack::load::builtin_calendars;

use crate::util::{Cli, manifest_path};

/// The calendars this file checks, all covering 1990-2050.
const SHIPPED: [&str; 4] = ["dc_area", "nyse", "sec_business_days", "us_federal"];

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn calendar(id: &str) -> Arc<Calendar> {
    builtin_calendars()
        .remove(id)
        .unwrap_or_else(|| panic!("no built-in calendar `{id}`"))
}

/// Reads a fixture of lines `YYYY: MM-DD, MM-DD, ...` (comments start with
/// `#`; a trailing `*`, which the OPM fixture uses to mark a holiday moved
/// off a weekend, is ignored). The years must follow one another without a
/// gap, so that "every year of the fixture" is a well-defined span.
fn read_fixture(name: &str) -> BTreeMap<i32, BTreeSet<NaiveDate>> {
    let path = manifest_path(&format!("tests/fixtures/calendars/{name}"));
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let mut years = BTreeMap::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = || format!("{name}:{}", number + 1);
        let (year, dates) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("{}: expected `YYYY: MM-DD, ...`", at()));
        let year: i32 = year
            .trim()
            .parse()
            .unwrap_or_else(|e| panic!("{}: {e}", at()));
        let dates: BTreeSet<NaiveDate> = dates
            .split(',')
            .map(|s| s.trim().trim_end_matches('*'))
            .filter(|s| !s.is_empty())
            .map(|md| {
                let (m, d) = md
                    .split_once('-')
                    .unwrap_or_else(|| panic!("{}: expected MM-DD, found {md:?}", at()));
                let date = NaiveDate::from_ymd_opt(
                    year,
                    m.parse().unwrap_or_else(|e| panic!("{}: {e}", at())),
                    d.parse().unwrap_or_else(|e| panic!("{}: {e}", at())),
                )
                .unwrap_or_else(|| panic!("{}: no such date {year}-{md}", at()));
                assert!(
                    date.weekday().num_days_from_monday() < 5,
                    "{}: {date} is a weekend day; fixtures list weekdays only",
                    at()
                );
                date
            })
            .collect();
        assert!(
            years.insert(year, dates).is_none(),
            "{}: year {year} listed twice",
            at()
        );
    }
    let (first, last) = (
        *years
            .keys()
            .next()
            .expect("fixture lists at least one year"),
        *years
            .keys()
            .next_back()
            .expect("fixture lists at least one year"),
    );
    assert_eq!(
        years.len(),
        usize::try_from(last - first + 1).expect("last >= first"),
        "{name}: years {first}-{last} have a gap"
    );
    years
}

/// Weekdays of `year` that `cal` says are not business days.
fn closed_weekdays(cal: &Calendar, year: i32) -> BTreeSet<NaiveDate> {
    ymd(year, 1, 1)
        .iter_days()
        .take_while(|d| d.year() == year)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .filter(|d| !cal.is_business_day(*d).expect("year is covered"))
        .collect()
}

/// A day on which a published list and our calendar disagree, with the
/// reason our calendar is right.
struct KnownDifference {
    date: NaiveDate,
    /// `true`: we say closed and the list does not; `false`: the reverse.
    closed_in_govcal: bool,
    why: &'static str,
}

/// Compares `calendar` with `fixture` for every year the fixture lists and
/// panics with every unexplained difference, year by year.
fn assert_matches_fixture(calendar_id: &str, fixture: &str, known: &[KnownDifference]) {
    let cal = calendar(calendar_id);
    let mut years = read_fixture(fixture);
    for k in known {
        let listed = years
            .get_mut(&k.date.year())
            .unwrap_or_else(|| panic!("{fixture} has no year {}", k.date.year()));
        // A known difference must still be a difference; otherwise its
        // explanation is stale and should go.
        assert_eq!(
            listed.contains(&k.date),
            !k.closed_in_govcal,
            "{fixture}: {} is no longer a difference ({})",
            k.date,
            k.why
        );
        if k.closed_in_govcal {
            listed.insert(k.date);
        } else {
            listed.remove(&k.date);
        }
    }
    let mut failures = Vec::new();
    for (year, expected) in &years {
        let actual = closed_weekdays(&cal, *year);
        if actual != *expected {
            let ours: Vec<_> = actual
                .difference(expected)
                .map(ToString::to_string)
                .collect();
            let theirs: Vec<_> = expected
                .difference(&actual)
                .map(ToString::to_string)
                .collect();
            failures.push(format!(
                "{year}: closed only in `{calendar_id}`: [{}]; closed only in {fixture}: [{}]",
                ours.join(", "),
                theirs.join(", ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "`{calendar_id}` disagrees with {fixture}:\n{}",
        failures.join("\n")
    );
}

/// The `holidays` package's list of federal closings by executive order
/// starts in 2001, so it lacks the two earlier full-day closings that
/// us_federal.toml lists with their sources.
const FEDERAL_CLOSINGS_BEFORE_2001: [KnownDifference; 2] = [
    KnownDifference {
        date: NaiveDate::from_ymd_opt(1994, 4, 27).expect("valid"),
        closed_in_govcal: true,
        why: "executive order of 23 Apr. 1994 closing the executive departments for \
              President Nixon's funeral, 59 FR 21915",
    },
    KnownDifference {
        date: NaiveDate::from_ymd_opt(1997, 12, 26).expect("valid"),
        closed_in_govcal: true,
        why: "Executive Order 13068 of 25 Nov. 1997 closing the executive departments \
              on the day after Christmas",
    },
];

#[test]
fn us_federal_matches_the_holidays_package_every_year_1990_2050() {
    assert_matches_fixture(
        "us_federal",
        "us_federal_python_holidays.txt",
        &FEDERAL_CLOSINGS_BEFORE_2001,
    );
}

#[test]
fn sec_business_days_matches_the_federal_list_every_year_1990_2050() {
    // The SEC is closed on federal holidays and on days the President closes
    // the executive departments (its notice for 5 Dec. 2018); see the head of
    // rules/calendars/sec_business_days.toml.
    assert_matches_fixture(
        "sec_business_days",
        "us_federal_python_holidays.txt",
        &FEDERAL_CLOSINGS_BEFORE_2001,
    );
}

#[test]
fn nyse_matches_exchange_calendars_xnys_every_year_1990_2050() {
    assert_matches_fixture("nyse", "nyse_exchange_calendars.txt", &[]);
}

#[test]
fn nyse_matches_the_holidays_package_every_year_1990_2050() {
    assert_matches_fixture("nyse", "nyse_python_holidays.txt", &[]);
}

#[test]
fn nyse_matches_the_exchanges_published_holidays_for_2022_to_2024() {
    assert_matches_fixture("nyse", "nyse_published_2022_2024.txt", &[]);
}

#[test]
fn us_federal_matches_opm_for_2021_to_2027_apart_from_executive_order_closings() {
    // OPM's tables list the statutory holidays only; the one executive-order
    // closing in these years is the only difference.
    assert_matches_fixture(
        "us_federal",
        "us_federal_observed.txt",
        &[
            KnownDifference {
                date: ymd(2024, 12, 24),
                closed_in_govcal: true,
                why: "Executive Order 14129, 89 FR 104857; not a statutory holiday",
            },
            KnownDifference {
                date: ymd(2025, 1, 9),
                closed_in_govcal: true,
                why: "Executive Order 14133, 90 FR 187; not a statutory holiday",
            },
            KnownDifference {
                date: ymd(2025, 12, 24),
                closed_in_govcal: true,
                why: "Executive Order 14371; not a statutory holiday",
            },
            KnownDifference {
                date: ymd(2025, 12, 26),
                closed_in_govcal: true,
                why: "Executive Order 14371; not a statutory holiday",
            },
        ],
    );
}

#[test]
fn sec_business_days_and_us_federal_agree_on_every_day_1990_2050() {
    // Each file stands alone, so a closing added to one must be added to the
    // other by hand; this catches one forgotten.
    let sec = calendar("sec_business_days");
    let federal = calendar("us_federal");
    let mut differences = Vec::new();
    for year in 1990..=2050 {
        let (a, b) = (closed_weekdays(&sec, year), closed_weekdays(&federal, year));
        if a != b {
            let only_sec: Vec<_> = a.difference(&b).map(ToString::to_string).collect();
            let only_fed: Vec<_> = b.difference(&a).map(ToString::to_string).collect();
            differences.push(format!(
                "{year}: only sec_business_days: [{}]; only us_federal: [{}]",
                only_sec.join(", "),
                only_fed.join(", ")
            ));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

/// Issue 16, point 5: `dc_area` is `us_federal` plus Inauguration Day (5
/// U.S.C. 6103(c)): 20 January every fourth year from 1969, moved to
/// Monday from a Sunday and not at all from a Saturday. The weekdays it
/// adds, 1990-2050, are worked out by hand from the weekday of each 20
/// January: 1993 Wed, 2005 Thu, 2009 Tue, 2017 Fri, 2021 Wed, 2033 Thu,
/// 2037 Tue, 2045 Fri, 2049 Wed; 1997 and 2025 (Mon) and 2013 and 2041
/// (Sun, so Mon 21 Jan) are Martin Luther King, Jr. Day already; 2001 and
/// 2029 are Saturdays. `sec_business_days` keeps them as business days.
#[test]
fn dc_area_is_us_federal_plus_inauguration_day() {
    let dc = calendar("dc_area");
    let federal = calendar("us_federal");
    let sec = calendar("sec_business_days");
    let mut added = Vec::new();
    for year in 1990..=2050 {
        let (a, b) = (closed_weekdays(&dc, year), closed_weekdays(&federal, year));
        assert!(b.is_subset(&a), "{year}: dc_area lacks a federal holiday");
        added.extend(a.difference(&b).copied());
    }
    let expected: Vec<NaiveDate> = [1993, 2005, 2009, 2017, 2021, 2033, 2037, 2045, 2049]
        .into_iter()
        .map(|y| ymd(y, 1, 20))
        .collect();
    assert_eq!(added, expected);
    for day in &expected {
        assert!(sec.is_business_day(*day).unwrap(), "{day}");
    }
    // The day's name, and the Sunday move: 20 Jan 2013 was a Sunday, so
    // Monday the 21st, which the rule listed first names.
    let reason = dc.non_business_reason(ymd(2021, 1, 20)).unwrap().unwrap();
    assert!(reason.contains("Inauguration Day"), "{reason}");
    let moved = dc.holiday(ymd(2013, 1, 21)).unwrap().unwrap();
    assert!(moved.name.contains("Inauguration Day"), "{}", moved.name);
    assert!(
        dc.holiday(ymd(2029, 1, 22)).unwrap().is_none(),
        "no Saturday move"
    );
}

#[test]
fn sec_business_days_closes_every_day_the_sec_announced_edgar_closed() {
    let cal = calendar("sec_business_days");
    let path = manifest_path("tests/fixtures/calendars/sec_edgar_announced_closures.txt");
    let text = std::fs::read_to_string(&path).expect("read the fixture");
    let mut checked = 0;
    for line in text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let (date, source) = line
            .split_once(char::is_whitespace)
            .expect("`DATE  source`");
        let date: NaiveDate = date.parse().expect("YYYY-MM-DD");
        assert!(!source.trim().is_empty(), "{date}: no source");
        assert!(
            !cal.is_business_day(date).expect("covered"),
            "{date} ({}) is a business day in sec_business_days",
            source.trim()
        );
        checked += 1;
    }
    assert_eq!(checked, 15);
}

#[test]
fn sec_business_days_counts_past_the_2018_day_of_mourning() {
    // ICI memo 31512: with 5 Dec. 2018 a holiday for filing purposes, the
    // fifth business day after the end of November 2018 (the Form N-MFP
    // deadline) was Monday 10 December, not Friday 7 December.
    let cal = calendar("sec_business_days");
    assert_eq!(
        cal.add_business_days(ymd(2018, 11, 30), 5),
        Ok(ymd(2018, 12, 10))
    );
}

#[test]
fn nyse_and_sec_calendars_differ_where_the_rules_differ() {
    let nyse = calendar("nyse");
    let sec = calendar("sec_business_days");
    let open = |cal: &Calendar, d| cal.is_business_day(d).expect("covered");
    // Good Friday 2025: the Exchange is closed, the SEC open.
    assert!(!open(&nyse, ymd(2025, 4, 18)) && open(&sec, ymd(2025, 4, 18)));
    // Columbus Day and Veterans Day 2025: the Exchange trades, the SEC is closed.
    for d in [ymd(2025, 10, 13), ymd(2025, 11, 11)] {
        assert!(open(&nyse, d) && !open(&sec, d), "{d}");
    }
    // New Year's Day 2022 was a Saturday: federal offices closed on Friday
    // 31 Dec. 2021, the Exchange traded (the Friday ended the year).
    assert!(open(&nyse, ymd(2021, 12, 31)) && !open(&sec, ymd(2021, 12, 31)));
    // Juneteenth: federal from 2021, the Exchange from 2022.
    assert!(open(&nyse, ymd(2021, 6, 18)) && !open(&sec, ymd(2021, 6, 18)));
    assert!(!open(&nyse, ymd(2022, 6, 20)) && !open(&sec, ymd(2022, 6, 20)));
    // Dr. King's birthday: the Exchange first closed in 1998.
    assert!(open(&nyse, ymd(1997, 1, 20)) && !open(&nyse, ymd(1998, 1, 19)));
    // Hurricane Sandy closed the Exchange, not the SEC's EDGAR.
    assert!(!open(&nyse, ymd(2012, 10, 29)) && open(&sec, ymd(2012, 10, 29)));
}

#[test]
fn every_shipped_calendar_is_built_in_and_covers_1990_to_2050() {
    let built_in = builtin_calendars();
    let on_disk: BTreeSet<String> = std::fs::read_dir(manifest_path("rules/calendars"))
        .expect("read rules/calendars")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            p.file_stem()
                .expect("a name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        built_in.keys().cloned().collect::<BTreeSet<_>>(),
        on_disk,
        "every file in rules/calendars is built in, under its file name"
    );
    for id in SHIPPED {
        assert_eq!(calendar(id).years(), (1990, 2050), "{id}");
    }
}

#[test]
fn every_calendar_refuses_a_date_outside_its_years() {
    for (id, cal) in builtin_calendars() {
        let (first, last) = cal.years();
        let before = ymd(first - 1, 12, 31);
        let after = ymd(last + 1, 1, 1);
        for date in [before, after] {
            let err = cal.is_business_day(date).expect_err("outside the years");
            assert!(
                matches!(&err, CalendarError::NotCovered { calendar, .. } if *calendar == id),
                "{id}: {err:?}"
            );
            assert_eq!(
                err.to_string(),
                format!("calendar `{id}` covers {first}–{last}, not {}", date.year())
            );
            assert!(cal.holiday(date).is_err(), "{id}: holiday({date})");
            assert!(cal.non_business_reason(date).is_err(), "{id}");
        }
        assert!(cal.holidays_in(first - 1).is_err(), "{id}");
        assert!(cal.holidays_in(last + 1).is_err(), "{id}");
        // Counting or rolling across the end of the span fails too, rather
        // than treating the next year as free of holidays.
        let last_day = ymd(last, 12, 31);
        assert!(cal.add_business_days(last_day, 5).is_err(), "{id}");
        assert!(cal.add_business_days(ymd(first, 1, 1), -5).is_err(), "{id}");
        assert!(cal.roll(after, Roll::Forward).is_err(), "{id}");
        // The last covered day still answers.
        assert!(cal.is_business_day(last_day).is_ok(), "{id}");
    }
}

#[test]
fn a_rule_counting_nyse_business_days_past_2050_is_an_error_naming_the_calendar() {
    let cli = Cli::new();
    cli.file(
        "pack.toml",
        r#"
        [pack]
        id = "p"
        title = "Test pack"
        version = "1"
        citation = "Test"

        [[rule]]
        id = "a"
        summary = "A."
        citation = "Test"
        closes = "meeting - 5 business days on nyse"
        "#,
    );
    let (code, stdout, stderr) = cli.run(&[
        "deadlines",
        "--only",
        "pack.toml",
        "--meeting",
        "2051-01-10",
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    // The fact outside the calendar's years is named where it was given
    // (#18).
    assert!(
        stderr.starts_with("command line:1:1\n  × `meeting` (2051-01-10, from `--meeting`) is outside the years calendar `nyse` covers"),
        "{stderr}"
    );
    assert!(
        stderr.contains("help: check the year: rule `p/a` needs the calendar's holidays for 2051"),
        "{stderr}"
    );
    // A date computed past the calendar's last year from a fact inside it:
    // the fact near the edge is named.
    cli.file(
        "later.toml",
        &std::fs::read_to_string(cli.path().join("pack.toml"))
            .unwrap()
            .replace("meeting - 5", "meeting + 5"),
    );
    let (code, _, stderr) = cli.run(&[
        "deadlines",
        "--only",
        "later.toml",
        "--meeting",
        "2050-12-30",
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.starts_with("command line:1:1\n  × `meeting` (2050-12-30, from `--meeting`) is too near the end of the years calendar `nyse`"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "help: rule `p/a` needs the calendar's holidays for 2051, which it does not have"
        ),
        "{stderr}"
    );
    // Inside the span the same rule counts over the 9 Jan. 2025 closure.
    let out = cli.ok(&[
        "deadlines",
        "--only",
        "pack.toml",
        "--meeting",
        "2025-01-10",
    ]);
    assert!(out.contains("Thu 2 Jan 2025"), "{out}");
}

/// A holiday rule's `every` needs `from_year` and a cycle of 2 to 100
/// years; the errors point at the key.
#[test]
fn every_needs_from_year_and_a_sensible_cycle() {
    let base = "id = \"t\"\ntitle = \"t\"\nversion = \"1\"\ncitation = \"c\"\nfirst_year = 2020\nlast_year = 2030\nweekend = [\"saturday\", \"sunday\"]\n[[holiday]]\nname = \"Inauguration Day\"\ncitation = \"5 U.S.C. 6103(c)\"\nmonth = 1\nday = 20\nobservance = \"sunday_to_monday\"\n";
    let problems = |extra: &str| {
        Calendar::parse_toml(&format!("{base}{extra}"))
            .err()
            .map(|p| p.into_iter().map(|p| p.message).collect::<Vec<_>>())
    };
    assert_eq!(
        problems("every = 4\n"),
        Some(vec![
            "`every` needs `from_year`, the first year of the cycle".to_owned()
        ])
    );
    assert_eq!(
        problems("every = 1\nfrom_year = 1969\n"),
        Some(vec!["every must be 2 to 100 years, not 1".to_owned()])
    );
    let cal = Calendar::parse_toml(&format!("{base}every = 4\nfrom_year = 1969\n")).unwrap();
    let days: Vec<NaiveDate> = (2020..=2030)
        .flat_map(|y| cal.holidays_in(y).unwrap().into_iter().map(|(d, _)| d))
        .collect();
    // 2021 (Wed), 2025 (Mon), 2029 (Sat, not moved).
    assert_eq!(days, [ymd(2021, 1, 20), ymd(2025, 1, 20), ymd(2029, 1, 20)]);
}
