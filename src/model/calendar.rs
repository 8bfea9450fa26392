//! Business-day calendars: weekends, statutory holidays and one-off closures.
//!
//! A [`Calendar`] is built from a TOML file (see `rules/calendars/*.toml`)
//! that describes holidays as *generators* (fixed date, n-th weekday, last
//! weekday, Easter-relative) together with an observance policy that moves a
//! holiday falling on a weekend, plus individually dated closures (for
//! example executive orders closing the federal executive departments).
//!
//! Every calendar covers an explicit span of years. Asking about a date
//! outside that span is an error ([`CalendarError::NotCovered`]), never a
//! silent "no holidays".

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use toml::Spanned;

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

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

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
    closure: bool,
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
    id: String,
    title: String,
    version: String,
    citation: String,
    first_year: i32,
    last_year: i32,
    /// Indexed by `Weekday::num_days_from_monday()`.
    weekend: [bool; 7],
    holidays: BTreeMap<NaiveDate, Holiday>,
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
    observance: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClosure {
    date: Spanned<toml::value::Datetime>,
    name: Spanned<String>,
    source: Spanned<String>,
}

// ---------------------------------------------------------------------------
// Validated model
// ---------------------------------------------------------------------------

/// What happens to a holiday that falls on a weekend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Observance {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Nth {
    Nth(u8),
    Last,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
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

#[derive(Debug, Clone)]
struct Generator {
    name: String,
    citation: String,
    rule: Rule,
    from_year: Option<i64>,
    until_year: Option<i64>,
    observance: Observance,
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
// Calendar
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

    fn covers(&self, date: NaiveDate) -> Result<(), CalendarError> {
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

fn display_name(holiday: &Holiday) -> String {
    if holiday.observed {
        format!("{} (observed)", holiday.name)
    } else {
        holiday.name.clone()
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
        .map(|c| (levenshtein(&normalized, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev_diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(prev_diag + usize::from(ca != *cb));
            prev_diag = above;
        }
    }
    row[b.len()]
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

// ---------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------

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

fn generate(
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

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const OBSERVED_FIXTURE: &str =
        include_str!("../../tests/fixtures/calendars/us_federal_observed.txt");

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

    #[derive(Deserialize)]
    struct RollHolder {
        roll: Roll,
    }

    #[test]
    fn reasons_and_display() {
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

    const NYSE_LIKE: &str = r#"
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
