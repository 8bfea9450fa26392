//! Reading a holiday-calendar TOML file (`rules/calendars/*.toml`) into a
//! [`Calendar`]: the file's shape (serde structs), validation that reports
//! every problem with the byte span of the offending text, and the
//! built-in U.S. federal calendar ([`Calendar::us_federal`]).

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;
use toml::Spanned;

use crate::model::calendar::holidays::{Generator, Nth, Observance, Rule, generate};
use crate::model::calendar::{Calendar, Holiday, display_name};

/// The built-in U.S. federal calendar file.
const US_FEDERAL_TOML: &str = include_str!("../../rules/calendars/us_federal.toml");

/// Earliest `first_year` a calendar file may declare (first full Gregorian
/// year, so the Easter computus is meaningful).
const MIN_YEAR: i64 = 1583;
/// Latest `last_year` a calendar file may declare.
const MAX_YEAR: i64 = 9998;
/// Largest allowed `|easter_offset|`, in days.
const MAX_EASTER_OFFSET: i64 = 366;

const OBSERVANCE_NAMES: [&str; 4] = ["none", "federal", "sunday_to_monday", "nyse"];
const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A problem found in a calendar TOML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarProblem {
    /// Byte range of the offending text, when known.
    pub span: Option<Range<usize>>,
    /// What is wrong (lowercase, no trailing period).
    pub message: String,
    /// A suggestion for fixing it, when there is one.
    pub help: Option<String>,
}

impl fmt::Display for CalendarProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(help) = &self.help {
            write!(f, " (help: {help})")?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Raw TOML model
// ---------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCalendar {
    id: Spanned<String>,
    title: Spanned<String>,
    version: Spanned<String>,
    citation: Spanned<String>,
    first_year: Spanned<i64>,
    last_year: Spanned<i64>,
    weekend: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    holiday: Vec<RawHoliday>,
    #[serde(default)]
    closure: Vec<RawClosure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHoliday {
    name: Spanned<String>,
    citation: Spanned<String>,
    month: Option<Spanned<i64>>,
    day: Option<Spanned<i64>>,
    weekday: Option<Spanned<String>>,
    nth: Option<Spanned<toml::Value>>,
    easter_offset: Option<Spanned<i64>>,
    from_year: Option<Spanned<i64>>,
    until_year: Option<Spanned<i64>>,
    every: Option<Spanned<i64>>,
    observance: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClosure {
    date: Spanned<toml::value::Datetime>,
    name: Spanned<String>,
    source: Spanned<String>,
}

/// Collects problems while validating a file.
struct Problems(Vec<CalendarProblem>);

impl Problems {
    fn push(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.0.push(CalendarProblem {
            span: Some(span),
            message: message.into(),
            help: None,
        });
    }

    fn push_help(&mut self, span: Range<usize>, message: impl Into<String>, help: Option<String>) {
        self.0.push(CalendarProblem {
            span: Some(span),
            message: message.into(),
            help,
        });
    }
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

static US_FEDERAL: LazyLock<Calendar> = LazyLock::new(|| {
    Calendar::parse_toml(US_FEDERAL_TOML)
        .expect("the built-in rules/calendars/us_federal.toml is valid (checked by the test suite)")
});

impl Calendar {
    /// Parses and validates a calendar TOML file and precomputes its
    /// holidays for every covered year.
    ///
    /// # Errors
    ///
    /// Returns every problem found, each with the byte span of the offending
    /// text where known. A TOML syntax or shape error (unknown key, wrong
    /// type, missing key) stops parsing and is reported alone; all semantic
    /// problems (unknown observance, month 13, 30 February, `nth` outside
    /// 1..=5, `from_year` after `until_year`, a closure outside the covered
    /// years or listed twice, ...) are reported together.
    pub fn parse_toml(text: &str) -> Result<Calendar, Vec<CalendarProblem>> {
        let raw: RawCalendar = toml::from_str(text).map_err(|e| {
            vec![CalendarProblem {
                span: e.span(),
                message: tidy_message(e.message()),
                help: None,
            }]
        })?;
        let mut problems = Problems(Vec::new());

        check_id(&raw.id, &mut problems);
        for field in [&raw.title, &raw.version, &raw.citation] {
            check_non_empty(field, "value", &mut problems);
        }
        let years = check_years(&raw.first_year, &raw.last_year, &mut problems);
        let weekend = check_weekend(&raw.weekend, &mut problems);
        let generators: Vec<Option<Generator>> = raw
            .holiday
            .iter()
            .map(|h| check_holiday(h, &mut problems))
            .collect();
        let closures = check_closures(&raw.closure, years, text, &mut problems);

        let (Some((first_year, last_year)), Some(weekend)) = (years, weekend) else {
            return Err(problems.0);
        };
        if !problems.0.is_empty() {
            return Err(problems.0);
        }
        let generators: Vec<Generator> = generators.into_iter().flatten().collect();
        let mut holidays = generate(&generators, first_year, last_year);

        for (date, span, name, source) in closures {
            if let Some(existing) = holidays.get(&date) {
                problems.push(
                    span,
                    format!(
                        "closure on {date} falls on a holiday already produced by a rule ({})",
                        display_name(existing)
                    ),
                );
                continue;
            }
            holidays.insert(
                date,
                Holiday {
                    name,
                    source,
                    observed: false,
                    closure: true,
                },
            );
        }
        if !problems.0.is_empty() {
            return Err(problems.0);
        }

        Ok(Calendar {
            id: raw.id.into_inner(),
            title: raw.title.into_inner(),
            version: raw.version.into_inner(),
            citation: raw.citation.into_inner(),
            first_year,
            last_year,
            weekend,
            holidays,
        })
    }

    /// The built-in U.S. federal calendar (`rules/calendars/us_federal.toml`):
    /// 5 U.S.C. 6103(a) holidays and executive-order closures, 1990–2050.
    ///
    /// # Panics
    ///
    /// Never in practice: the embedded file is fixed at compile time and the
    /// test suite checks that it parses.
    #[must_use]
    pub fn us_federal() -> Calendar {
        US_FEDERAL.clone()
    }
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

/// Lowercases the first letter and drops trailing whitespace and periods, so
/// serde/toml messages match our own style.
fn tidy_message(message: &str) -> String {
    let trimmed = message.trim().trim_end_matches('.');
    let mut chars = trimmed.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "invalid calendar file".to_owned(),
    }
}

fn is_snake_case(s: &str) -> bool {
    let mut chars = s.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_lowercase()) {
        return false;
    }
    let mut prev_underscore = false;
    for c in chars {
        match c {
            'a'..='z' | '0'..='9' => prev_underscore = false,
            '_' if !prev_underscore => prev_underscore = true,
            _ => return false,
        }
    }
    !prev_underscore
}

fn to_snake_case(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_owned()
}

fn check_id(id: &Spanned<String>, problems: &mut Problems) {
    if !is_snake_case(id.get_ref()) {
        let suggestion = to_snake_case(id.get_ref());
        let help = is_snake_case(&suggestion).then(|| format!("try `{suggestion}`"));
        problems.push_help(
            id.span(),
            "calendar id must be snake_case (lowercase letters, digits and single underscores, starting with a letter)",
            help,
        );
    }
}

fn check_non_empty(value: &Spanned<String>, what: &str, problems: &mut Problems) {
    if value.get_ref().trim().is_empty() {
        problems.push(value.span(), format!("{what} must not be empty"));
    }
}

fn check_years(
    first: &Spanned<i64>,
    last: &Spanned<i64>,
    problems: &mut Problems,
) -> Option<(i32, i32)> {
    let mut ok = true;
    for (name, year) in [("first_year", first), ("last_year", last)] {
        if !(MIN_YEAR..=MAX_YEAR).contains(year.get_ref()) {
            problems.push(
                year.span(),
                format!("{name} must be between {MIN_YEAR} and {MAX_YEAR}"),
            );
            ok = false;
        }
    }
    if ok && first.get_ref() > last.get_ref() {
        problems.push(
            first.span(),
            format!(
                "first_year {} is after last_year {}",
                first.get_ref(),
                last.get_ref()
            ),
        );
        ok = false;
    }
    if !ok {
        return None;
    }
    Some((
        i32::try_from(*first.get_ref()).ok()?,
        i32::try_from(*last.get_ref()).ok()?,
    ))
}

fn check_weekend(
    weekend: &Spanned<Vec<Spanned<String>>>,
    problems: &mut Problems,
) -> Option<[bool; 7]> {
    let mut days = [false; 7];
    let mut ok = true;
    for entry in weekend.get_ref() {
        match parse_weekday(entry, problems) {
            Some(day) => {
                let index = day.num_days_from_monday() as usize;
                if days[index] {
                    problems.push(
                        entry.span(),
                        format!("`{}` is listed twice", entry.get_ref()),
                    );
                    ok = false;
                }
                days[index] = true;
            }
            None => ok = false,
        }
    }
    if days.iter().all(|d| *d) {
        problems.push(
            weekend.span(),
            "weekend cannot contain every day of the week",
        );
        ok = false;
    }
    ok.then_some(days)
}

fn parse_weekday(name: &Spanned<String>, problems: &mut Problems) -> Option<Weekday> {
    let weekday = match name.get_ref().as_str() {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        other => {
            problems.push_help(
                name.span(),
                format!("unknown weekday `{other}`"),
                Some(suggest(other, &WEEKDAY_NAMES).map_or_else(
                    || format!("expected one of {}", quoted_list(&WEEKDAY_NAMES)),
                    |s| format!("did you mean `{s}`?"),
                )),
            );
            return None;
        }
    };
    Some(weekday)
}

fn parse_observance(name: &Spanned<String>, problems: &mut Problems) -> Option<Observance> {
    let observance = match name.get_ref().as_str() {
        "none" => Observance::None,
        "federal" => Observance::Federal,
        "sunday_to_monday" => Observance::SundayToMonday,
        "nyse" => Observance::Nyse,
        other => {
            problems.push_help(
                name.span(),
                format!("unknown observance `{other}`"),
                Some(suggest(other, &OBSERVANCE_NAMES).map_or_else(
                    || format!("expected one of {}", quoted_list(&OBSERVANCE_NAMES)),
                    |s| format!("did you mean `{s}`?"),
                )),
            );
            return None;
        }
    };
    Some(observance)
}

fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The closest candidate to `input`, if it is a plausible near miss
/// (different case, `-`/space for `_`, or a small edit distance).
///
/// Not `diag::did_you_mean`: this one normalises the input first, allows at
/// most 3 edits, prefers the earlier candidate on a tie (the other the
/// alphabetically first) and returns the name rather than a sentence.
fn suggest<'a>(input: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let normalized: String = input
        .trim()
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    let limit = (normalized.chars().count() / 3).clamp(1, 3);
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(&normalized, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn days_in_month_max(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn check_holiday(raw: &RawHoliday, problems: &mut Problems) -> Option<Generator> {
    let before = problems.0.len();
    check_non_empty(&raw.name, "holiday name", problems);
    check_non_empty(&raw.citation, "citation", problems);
    let observance = parse_observance(&raw.observance, problems);

    let inverted = match (&raw.from_year, &raw.until_year) {
        (Some(from), Some(until)) if from.get_ref() > until.get_ref() => Some((from, until)),
        _ => None,
    };
    if let Some((from, until)) = inverted {
        problems.push(
            from.span(),
            format!(
                "from_year {} is after until_year {}",
                from.get_ref(),
                until.get_ref()
            ),
        );
    }

    if let Some(every) = &raw.every {
        if !(2..=100).contains(every.get_ref()) {
            problems.push(
                every.span(),
                format!("every must be 2 to 100 years, not {}", every.get_ref()),
            );
        } else if raw.from_year.is_none() {
            problems.push_help(
                every.span(),
                "`every` needs `from_year`, the first year of the cycle",
                Some("add `from_year = 1969` (a year the holiday falls in)".to_owned()),
            );
        }
    }

    let rule = check_rule(raw, problems);

    if problems.0.len() != before {
        return None;
    }
    Some(Generator {
        name: raw.name.get_ref().clone(),
        citation: raw.citation.get_ref().clone(),
        rule: rule?,
        from_year: raw.from_year.as_ref().map(|y| *y.get_ref()),
        until_year: raw.until_year.as_ref().map(|y| *y.get_ref()),
        every: raw.every.as_ref().map(|y| *y.get_ref()),
        observance: observance?,
    })
}

/// An Easter-relative rule: `easter_offset` and nothing else.
fn check_easter_rule(raw: &RawHoliday, offset: &Spanned<i64>, problems: &mut Problems) -> Rule {
    for (key, span) in [
        ("month", raw.month.as_ref().map(Spanned::span)),
        ("day", raw.day.as_ref().map(Spanned::span)),
        ("weekday", raw.weekday.as_ref().map(Spanned::span)),
        ("nth", raw.nth.as_ref().map(Spanned::span)),
    ] {
        if let Some(span) = span {
            problems.push_help(
                span,
                format!("`{key}` cannot be combined with `easter_offset`"),
                Some("an Easter-relative holiday is given by `easter_offset` alone".to_owned()),
            );
        }
    }
    if !(-MAX_EASTER_OFFSET..=MAX_EASTER_OFFSET).contains(offset.get_ref()) {
        problems.push(
            offset.span(),
            format!(
                "easter_offset must be between -{MAX_EASTER_OFFSET} and {MAX_EASTER_OFFSET} days"
            ),
        );
    }
    Rule::Easter {
        offset: *offset.get_ref(),
    }
}

/// The date rule of a `[[holiday]]`: fixed, n-th/last weekday or Easter-relative.
fn check_rule(raw: &RawHoliday, problems: &mut Problems) -> Option<Rule> {
    let anchor = raw.name.span();
    if let Some(offset) = &raw.easter_offset {
        Some(check_easter_rule(raw, offset, problems))
    } else {
        let month = match &raw.month {
            Some(m) if (1..=12).contains(m.get_ref()) => u32::try_from(*m.get_ref()).ok(),
            Some(m) => {
                problems.push(
                    m.span(),
                    format!("month must be 1 to 12, not {}", m.get_ref()),
                );
                None
            }
            None => {
                problems.push_help(
                    anchor.clone(),
                    format!("holiday `{}` has no date rule", raw.name.get_ref()),
                    Some(
                        "give `month` and `day`, or `month`, `weekday` and `nth`, or `easter_offset`"
                            .to_owned(),
                    ),
                );
                None
            }
        };
        match (&raw.day, &raw.nth) {
            (Some(day), None) => {
                if let Some(weekday) = &raw.weekday {
                    problems.push_help(
                        weekday.span(),
                        "`weekday` needs `nth`, not `day`",
                        Some("use `nth = 1..5` or `nth = \"last\"` instead of `day`".to_owned()),
                    );
                }
                let d = *day.get_ref();
                match month {
                    Some(m) if d < 1 || d > i64::from(days_in_month_max(m)) => {
                        problems.push(day.span(), format!("day {d} does not exist in month {m}"));
                        None
                    }
                    Some(m) => u32::try_from(d)
                        .ok()
                        .map(|day| Rule::Fixed { month: m, day }),
                    None => None,
                }
            }
            (None, Some(raw_nth)) => {
                let nth = parse_nth(raw_nth, problems);
                let weekday = if let Some(w) = &raw.weekday {
                    parse_weekday(w, problems)
                } else {
                    problems.push(raw_nth.span(), "`nth` needs a `weekday`");
                    None
                };
                match (month, weekday, nth) {
                    (Some(month), Some(weekday), Some(nth)) => Some(Rule::Weekday {
                        month,
                        weekday,
                        nth,
                    }),
                    _ => None,
                }
            }
            (Some(day), Some(_)) => {
                problems.push_help(day.span(), "give either `day` or `nth`, not both", None);
                None
            }
            (None, None) => {
                if month.is_some() {
                    problems.push_help(
                        anchor.clone(),
                        format!(
                            "holiday `{}` has a month but no `day` or `nth`",
                            raw.name.get_ref()
                        ),
                        Some("add `day = ...`, or `weekday = ...` with `nth = ...`".to_owned()),
                    );
                }
                None
            }
        }
    }
}

fn parse_nth(nth: &Spanned<toml::Value>, problems: &mut Problems) -> Option<Nth> {
    match nth.get_ref() {
        toml::Value::Integer(n) if (1..=5).contains(n) => u8::try_from(*n).ok().map(Nth::Nth),
        toml::Value::String(s) if s == "last" => Some(Nth::Last),
        toml::Value::String(s) => {
            let help = suggest(s, &["last"]).map_or_else(
                || "use 1 to 5, or \"last\"".to_owned(),
                |_| "did you mean `\"last\"`?".to_owned(),
            );
            problems.push_help(nth.span(), format!("unknown nth `{s}`"), Some(help));
            None
        }
        other => {
            problems.push_help(
                nth.span(),
                format!("nth must be 1 to 5 or \"last\", not {other}"),
                None,
            );
            None
        }
    }
}

type CheckedClosure = (NaiveDate, Range<usize>, String, String);

fn check_closures(
    raw: &[RawClosure],
    years: Option<(i32, i32)>,
    text: &str,
    problems: &mut Problems,
) -> Vec<CheckedClosure> {
    let mut seen: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for closure in raw {
        let span = closure.date.span();
        check_non_empty(&closure.name, "closure name", problems);
        check_non_empty(&closure.source, "closure source", problems);
        let datetime = closure.date.get_ref();
        let date = if let (Some(d), None, None) = (datetime.date, datetime.time, datetime.offset) {
            let date =
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day));
            if date.is_none() {
                problems.push(span.clone(), format!("{datetime} is not a valid date"));
            }
            date
        } else {
            problems.push_help(
                span.clone(),
                format!("closure date must be a plain date, not `{datetime}`"),
                Some("write it as YYYY-MM-DD, without a time or offset".to_owned()),
            );
            None
        };
        let Some(date) = date else { continue };
        let outside = years.filter(|(first, last)| date.year() < *first || date.year() > *last);
        if let Some((first, last)) = outside {
            problems.push(
                span.clone(),
                format!("closure on {date} is outside the calendar's years {first}–{last}"),
            );
            continue;
        }
        if let Some(previous) = seen.get(&date) {
            let line = text
                .get(..*previous)
                .map_or(0, |t| t.matches('\n').count() + 1);
            problems.push_help(
                span.clone(),
                format!("duplicate closure on {date}"),
                Some(format!("it is already listed at line {line}")),
            );
            continue;
        }
        seen.insert(date, span.start);
        out.push((
            date,
            span,
            closure.name.get_ref().clone(),
            closure.source.get_ref().clone(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calendar::holidays::tests::NYSE_LIKE;
    use proptest::prelude::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn fed() -> Calendar {
        Calendar::us_federal()
    }

    #[test]
    fn builtin_us_federal_parses() {
        let cal = Calendar::parse_toml(US_FEDERAL_TOML).expect("us_federal.toml parses");
        assert_eq!(cal.id(), "us_federal");
        assert_eq!(cal.years(), (1990, 2050));
        assert!(!cal.title().is_empty());
        assert!(!cal.version().is_empty());
        assert!(cal.citation().contains("6103"));
    }

    #[test]
    fn executive_order_closures() {
        let cal = fed();
        let bush = cal
            .holiday(ymd(2018, 12, 5))
            .expect("covered")
            .expect("closed");
        assert!(bush.is_closure());
        assert!(bush.source.contains("13852"));
        assert!(!cal.is_business_day(ymd(2018, 12, 5)).expect("covered"));
        for date in [
            ymd(2018, 12, 24),
            ymd(2019, 12, 24),
            ymd(2024, 12, 24),
            ymd(2025, 1, 9),
            ymd(2025, 12, 24),
            ymd(2025, 12, 26),
        ] {
            assert!(!cal.is_business_day(date).expect("covered"), "{date}");
        }
        // Every closure names an executive order or a Federal Register cite.
        for year in 1990..=2050 {
            for (_, h) in cal.holidays_in(year).expect("covered") {
                if h.is_closure() {
                    assert!(h.source.contains("Executive Order") || h.source.contains(" FR "));
                }
            }
        }
    }

    fn problems(text: &str) -> Vec<CalendarProblem> {
        Calendar::parse_toml(text).expect_err("invalid calendar")
    }

    fn slice<'a>(text: &'a str, p: &CalendarProblem) -> &'a str {
        &text[p.span.clone().expect("span")]
    }

    const BROKEN: &str = r#"
id = "Bad-Id"
title = "t"
version = "1"
citation = "c"
first_year = 2020
last_year = 2030
weekend = ["saturday", "sundy"]

[[holiday]]
name = "Thirteenth month"
citation = "c"
month = 13
day = 1
observance = "federl"

[[holiday]]
name = "Feb 30"
citation = "c"
month = 2
day = 30
observance = "none"

[[holiday]]
name = "Sixth Monday"
citation = "c"
month = 3
weekday = "monday"
nth = 6
from_year = 2025
until_year = 2021
observance = "sunday-to-monday"

[[closure]]
date = 2031-01-02
name = "Too late"
source = "EO"

[[closure]]
date = 2024-12-24
name = "Eve"
source = "EO"

[[closure]]
date = 2024-12-24
name = "Eve again"
source = "EO"
"#;

    #[test]
    fn reports_all_problems_with_spans() {
        let found = problems(BROKEN);
        let by_message = |needle: &str| {
            found
                .iter()
                .find(|p| p.message.contains(needle))
                .unwrap_or_else(|| panic!("no problem mentioning {needle:?} in {found:#?}"))
        };

        let id = by_message("snake_case");
        assert_eq!(slice(BROKEN, id), "\"Bad-Id\"");
        assert_eq!(id.help.as_deref(), Some("try `bad_id`"));

        let weekday = by_message("unknown weekday");
        assert_eq!(slice(BROKEN, weekday), "\"sundy\"");
        assert_eq!(weekday.help.as_deref(), Some("did you mean `sunday`?"));

        let month = by_message("month must be 1 to 12");
        assert_eq!(slice(BROKEN, month), "13");

        let observance = by_message("unknown observance `federl`");
        assert_eq!(slice(BROKEN, observance), "\"federl\"");
        assert_eq!(observance.help.as_deref(), Some("did you mean `federal`?"));

        let feb30 = by_message("day 30 does not exist in month 2");
        assert_eq!(slice(BROKEN, feb30), "30");

        let nth = by_message("nth must be 1 to 5");
        assert_eq!(slice(BROKEN, nth), "6");

        let years = by_message("from_year 2025 is after until_year 2021");
        assert_eq!(slice(BROKEN, years), "2025");

        let dashed = by_message("unknown observance `sunday-to-monday`");
        assert_eq!(
            dashed.help.as_deref(),
            Some("did you mean `sunday_to_monday`?")
        );

        let late = by_message("outside the calendar's years");
        assert_eq!(slice(BROKEN, late), "2031-01-02");

        let duplicate = by_message("duplicate closure on 2024-12-24");
        let second = BROKEN.rfind("2024-12-24").expect("present");
        assert_eq!(duplicate.span, Some(second..second + "2024-12-24".len()));
        assert!(
            duplicate
                .help
                .as_deref()
                .is_some_and(|h| h.contains("line"))
        );

        assert_eq!(found.len(), 10, "{found:#?}");
        for p in &found {
            assert!(!p.message.ends_with('.'), "{}", p.message);
            assert!(!p.message.starts_with(char::is_uppercase), "{}", p.message);
        }
    }

    #[test]
    fn serde_errors_have_spans() {
        let text = NYSE_LIKE.replace("observance = \"none\"", "observance = \"none\"\ncolour = 1");
        let found = problems(&text);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("unknown field `colour`"),
            "{found:?}"
        );
        assert_eq!(slice(&text, &found[0]), "colour");

        let text = NYSE_LIKE.replace("first_year = 2020", "first_year = \"2020\"");
        let found = problems(&text);
        assert_eq!(slice(&text, &found[0]), "\"2020\"");

        let text = NYSE_LIKE.replace("last_year = 2030", "last_year = 2030\nlast_year = 2031");
        assert_eq!(problems(&text).len(), 1);
    }

    #[test]
    fn more_shape_problems() {
        let base = |extra: &str| {
            format!(
                "id = \"x\"\ntitle = \"t\"\nversion = \"1\"\ncitation = \"c\"\nfirst_year = 2020\nlast_year = 2021\nweekend = [\"saturday\"]\n{extra}"
            )
        };
        let text = base(
            "[[holiday]]\nname = \"a\"\ncitation = \"c\"\nmonth = 1\nweekday = \"monday\"\nnth = \"lst\"\nobservance = \"none\"\n",
        );
        let found = problems(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(slice(&text, &found[0]), "\"lst\"");
        assert_eq!(found[0].help.as_deref(), Some("did you mean `\"last\"`?"));

        let text = base("[[holiday]]\nname = \"a\"\ncitation = \"c\"\nobservance = \"none\"\n");
        let found = problems(&text);
        assert_eq!(slice(&text, &found[0]), "\"a\"");
        assert!(found[0].message.contains("no date rule"));

        let text = base(
            "[[holiday]]\nname = \"a\"\ncitation = \"c\"\nmonth = 4\neaster_offset = 1\nobservance = \"none\"\n",
        );
        let found = problems(&text);
        assert_eq!(slice(&text, &found[0]), "4");

        let text = base("[[closure]]\ndate = 2020-05-01T10:00:00\nname = \"n\"\nsource = \"s\"\n");
        let found = problems(&text);
        assert_eq!(slice(&text, &found[0]), "2020-05-01T10:00:00");

        let text = base("").replace("2020\n", "2022\n");
        let found = problems(&text);
        assert!(
            found[0]
                .message
                .contains("first_year 2022 is after last_year 2021")
        );

        let text = base(
            "[[holiday]]\nname = \"Christmas\"\ncitation = \"c\"\nmonth = 12\nday = 25\nobservance = \"none\"\n[[closure]]\ndate = 2020-12-25\nname = \"n\"\nsource = \"s\"\n",
        );
        let found = problems(&text);
        assert!(found[0].message.contains("falls on a holiday"), "{found:?}");
        assert_eq!(slice(&text, &found[0]), "2020-12-25");
    }

    proptest! {
        #[test]
        fn parse_never_panics_and_spans_are_in_bounds(
            month in any::<i64>(),
            offset in any::<i64>(),
            first in any::<i64>(),
            nth in any::<i64>(),
            junk in "[a-z_ -]{0,12}",
        ) {
            let text = NYSE_LIKE
                .replace("month = 7", &format!("month = {month}"))
                .replace("easter_offset = -2", &format!("easter_offset = {offset}"))
                .replace("first_year = 2020", &format!("first_year = {first}"))
                .replace("nth = \"last\"", &format!("nth = {nth}"))
                .replace("observance = \"none\"", &format!("observance = \"{junk}\""));
            if let Err(found) = Calendar::parse_toml(&text) {
                prop_assert!(!found.is_empty());
                for p in found {
                    if let Some(span) = p.span {
                        prop_assert!(span.start <= span.end && text.get(span).is_some());
                    }
                }
            }
        }
    }
}
