//! Facts: a meeting's named dates, and the company profile they come with.
//! Also the one parser for dates as people and filings write them.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::str::FromStr;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, SourceFile, did_you_mean};
use crate::pack::MeetingKind;
use crate::pack::schema::toml_date;

/// The facts every pack may use, with what each means.
pub const STANDARD_FACTS: [(&str, &str); 13] = [
    ("meeting", "the date of the meeting"),
    (
        "meeting_kind",
        "whether the meeting is the annual meeting or a special meeting",
    ),
    (
        "prior_meeting",
        "the date of last year's annual meeting (missing: none was held)",
    ),
    (
        "announcement",
        "the date the meeting date was first publicly announced",
    ),
    (
        "prior_proxy_release",
        "the date last year's proxy statement was first sent or made available to shareholders",
    ),
    (
        "proxy_release",
        "the date this year's proxy statement is first sent or made available",
    ),
    ("record_date", "the record date for the meeting"),
    ("notice_mailing", "the date the notice of meeting is sent"),
    (
        "preliminary_filing",
        "the date the preliminary proxy statement is filed with the SEC",
    ),
    (
        "definitive_filing",
        "the date the definitive proxy statement is filed with the SEC",
    ),
    ("fiscal_year_end", "the last day of the fiscal year"),
    (
        "nomination_notice",
        "the date a shareholder's notice of director nominations reaches the company",
    ),
    (
        "business_notice",
        "the date a shareholder's notice of business other than nominations reaches the company",
    ),
];

/// Returns a short noun phrase for a fact, for explanations: "the meeting".
pub fn fact_phrase(name: &str) -> String {
    match name {
        "meeting" => "the meeting".to_owned(),
        "prior_meeting" => "the prior annual meeting".to_owned(),
        "announcement" => "the first public announcement of the meeting date".to_owned(),
        "prior_proxy_release" => "the release of last year's proxy statement".to_owned(),
        "proxy_release" => "the release of this year's proxy statement".to_owned(),
        "record_date" => "the record date".to_owned(),
        "notice_mailing" => "the mailing of the notice of meeting".to_owned(),
        "preliminary_filing" => "the filing of the preliminary proxy statement".to_owned(),
        "definitive_filing" => "the filing of the definitive proxy statement".to_owned(),
        "fiscal_year_end" => "the fiscal year end".to_owned(),
        "nomination_notice" => "the shareholder's notice of nominations".to_owned(),
        "business_notice" => "the shareholder's notice of other business".to_owned(),
        other => format!("`{other}`"),
    }
}

/// A meeting's named dates; any of them may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    dates: BTreeMap<String, NaiveDate>,
    /// Annual (the default) or special.
    pub meeting_kind: MeetingKind,
}

impl Facts {
    /// Returns the date of fact `name`, if known.
    pub fn get(&self, name: &str) -> Option<NaiveDate> {
        self.dates.get(name).copied()
    }

    /// Sets fact `name` to `date`.
    pub fn set(&mut self, name: impl Into<String>, date: NaiveDate) {
        self.dates.insert(name.into(), date);
    }

    /// Removes fact `name`.
    pub fn remove(&mut self, name: &str) {
        self.dates.remove(name);
    }

    /// Returns every known date fact, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, NaiveDate)> {
        self.dates.iter().map(|(k, v)| (k.as_str(), *v))
    }
}

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
/// use govcal::facts::parse_date;
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
    // Numeric forms with slashes, dots or dashes: refuse as ambiguous.
    let numeric_parts: Vec<&str> = t.split(['/', '.', '-']).filter(|p| !p.is_empty()).collect();
    if numeric_parts.len() == 3
        && numeric_parts
            .iter()
            .all(|p| p.bytes().all(|c| c.is_ascii_digit()))
    {
        let (a, bb, y) = (numeric_parts[0], numeric_parts[1], numeric_parts[2]);
        let us = y
            .parse::<i32>()
            .ok()
            .zip(a.parse::<u32>().ok())
            .zip(bb.parse::<u32>().ok())
            .and_then(|((y, m), d)| NaiveDate::from_ymd_opt(y, m, d));
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

/// Parses an IANA zone name.
///
/// # Errors
///
/// A [`DateError`] naming the zone, with the closest known zone as help.
pub fn parse_zone(name: &str) -> Result<Tz, DateError> {
    Tz::from_str(name).map_err(|_| DateError {
        message: format!("unknown time zone `{name}`"),
        help: did_you_mean(name, chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()))
            .or_else(|| Some("use an IANA zone name such as `America/New_York`".to_owned())),
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

/// The company a meeting belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Company {
    /// Name as it appears in filings.
    pub name: String,
    /// State of incorporation, as its USPS code (`CA`).
    pub state: Option<String>,
    /// Listing exchange code (`nyse`, `nasdaq`).
    pub exchange: Option<String>,
    /// Zone of the principal executive offices.
    pub zone: Tz,
    /// What "close of business" means there.
    pub close_of_business: NaiveTime,
    /// Rule packs that apply: built-in names or paths.
    pub rules: Vec<String>,
}

impl Default for Company {
    fn default() -> Self {
        Company {
            name: "Company".to_owned(),
            state: None,
            exchange: None,
            zone: Tz::America__New_York,
            close_of_business: NaiveTime::from_hms_opt(17, 0, 0).expect("17:00 is a time"),
            rules: Vec::new(),
        }
    }
}

/// A facts file: the company and the meeting's dates, with the spans of
/// each fact so that a misspelt name is reported where it stands.
#[derive(Debug, Clone)]
pub struct Profile {
    /// The company.
    pub company: Company,
    /// The meeting's facts.
    pub facts: Facts,
    /// Each fact's name and its span, to check names against the loaded packs.
    pub names: Vec<(String, Range<usize>)>,
    /// The file.
    pub source: Arc<SourceFile>,
}

/// A govcal facts file: one company and one meeting. Both tables are
/// optional; command-line flags override what the file says.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(deny_unknown_fields, rename = "Profile", title = "govcal facts file")]
pub(crate) struct RawProfile {
    /// The company: its name, state, exchange, time zone, close of business
    /// and the rule packs that apply to it.
    company: Option<RawCompany>,
    /// The meeting's dates, by fact name: a bare TOML date (`2004-05-25`) or
    /// a date as filings write it (`"May 25, 2004"`). Standard facts need no
    /// declaration; any other must be declared by a loaded pack.
    #[serde(default)]
    #[schemars(schema_with = "crate::pack::jsonschema::facts_table")]
    facts: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
}

/// The `[company]` table of a facts file.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(deny_unknown_fields, rename = "Company")]
struct RawCompany {
    /// The company's name as it appears in its filings. Required when
    /// `[company]` is present.
    name: String,
    /// The state of incorporation, as its name or two-letter code
    /// (`"Delaware"` or `"DE"`). Packs with `applies_to` use it.
    #[schemars(with = "Option<String>")]
    state: Option<Spanned<String>>,
    /// The listing exchange: `"NYSE"`, `"Nasdaq"` or `"NYSE American"`.
    #[schemars(with = "Option<String>")]
    exchange: Option<Spanned<String>>,
    /// The IANA time zone of the principal executive offices
    /// (`"America/Los_Angeles"`). Default `"America/New_York"`.
    #[schemars(with = "Option<String>")]
    zone: Option<Spanned<String>>,
    /// What close of business means there, as a 24-hour `HH:MM` time.
    /// Default `"17:00"`.
    #[schemars(with = "Option<String>")]
    close_of_business: Option<Spanned<String>>,
    /// The rule packs to apply when no `--rules` is given: built-in names
    /// (`"bylaws/hemacare"`), families (`"sec"`), pack ids, or paths ending in
    /// `.toml` (relative to this file's directory).
    #[serde(default)]
    rules: Vec<String>,
}

/// Reads one fact's value: a TOML date, a date string, or for
/// `meeting_kind` the word `annual` or `special`.
pub(crate) fn fact_value(
    src: &Arc<SourceFile>,
    name: &str,
    value: &Spanned<toml::Value>,
    facts: &mut Facts,
    problems: &mut Vec<Diagnostic>,
) {
    let span = value.span();
    if name == "meeting_kind" {
        match value.get_ref().as_str() {
            Some("annual") => facts.meeting_kind = MeetingKind::Annual,
            Some("special") => facts.meeting_kind = MeetingKind::Special,
            _ => problems.push(
                Diagnostic::error(src, span, "expected `\"annual\"` or `\"special\"`")
                    .with_help("write `meeting_kind = \"annual\"`"),
            ),
        }
        return;
    }
    let date = match value.get_ref() {
        toml::Value::Datetime(dt) => toml_date(dt).map_err(|m| DateError {
            message: m,
            help: None,
        }),
        toml::Value::String(s) => parse_date(s),
        other => Err(DateError {
            message: format!("expected a date, found {}", other.type_str()),
            help: Some("write a date such as `2004-05-25`".to_owned()),
        }),
    };
    match date {
        Ok(d) => facts.set(name, d),
        Err(e) => {
            problems.push(Diagnostic::error(src, span, e.message).with_help_opt(e.help));
        }
    }
}

impl Profile {
    /// Parses a facts file.
    ///
    /// # Errors
    ///
    /// Every problem found, each at its line and column.
    pub fn parse(src: &Arc<SourceFile>) -> Result<Profile, Vec<Diagnostic>> {
        let (raw, mut problems) = crate::pack::load::read_toml::<RawProfile>(src)?;
        let mut company = Company::default();
        if let Some(c) = raw.company {
            company.name = c.name;
            if let Some(s) = c.state {
                match crate::jurisdiction::state_code(s.get_ref()) {
                    Some(code) => company.state = Some(code.to_owned()),
                    None => problems.push(
                        Diagnostic::error(src, s.span(), format!("unknown state `{}`", s.get_ref()))
                            .with_help(did_you_mean(s.get_ref(), crate::jurisdiction::state_spellings())
                                .unwrap_or_else(|| "write the state's name or its two-letter code, e.g. `Delaware` or `DE`".to_owned())),
                    ),
                }
            }
            if let Some(e) = c.exchange {
                match crate::jurisdiction::exchange_code(e.get_ref()) {
                    Some(code) => company.exchange = Some(code.to_owned()),
                    None => problems.push(
                        Diagnostic::error(
                            src,
                            e.span(),
                            format!("unknown exchange `{}`", e.get_ref()),
                        )
                        .with_help("govcal knows `NYSE`, `Nasdaq` and `NYSE American`"),
                    ),
                }
            }
            company.rules = c.rules;
            if let Some(z) = c.zone {
                match parse_zone(z.get_ref()) {
                    Ok(tz) => company.zone = tz,
                    Err(e) => problems
                        .push(Diagnostic::error(src, z.span(), e.message).with_help_opt(e.help)),
                }
            }
            if let Some(t) = c.close_of_business {
                match parse_clock(t.get_ref()) {
                    Ok(time) => company.close_of_business = time,
                    Err(e) => problems
                        .push(Diagnostic::error(src, t.span(), e.message).with_help_opt(e.help)),
                }
            }
        }
        let mut facts = Facts::default();
        let mut names = Vec::new();
        for (name, value) in &raw.facts {
            names.push((name.get_ref().clone(), name.span()));
            fact_value(src, name.get_ref(), value, &mut facts, &mut problems);
        }
        if problems.is_empty() {
            Ok(Profile {
                company,
                facts,
                names,
                source: Arc::clone(src),
            })
        } else {
            Err(problems)
        }
    }

    /// Reports every fact name that is neither standard nor declared by a pack.
    pub fn check_names(&self, known: &BTreeSet<String>) -> Vec<Diagnostic> {
        self.names
            .iter()
            .filter(|(n, _)| !known.contains(n))
            .map(|(n, span)| {
                Diagnostic::error(&self.source, span.clone(), format!("unknown fact `{n}`"))
                    .with_help_opt(did_you_mean(n, known.iter().map(String::as_str)))
            })
            .collect()
    }
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
    fn unknown_zone_suggests_the_nearest() {
        let e = parse_zone("America/Los_Angles").unwrap_err();
        assert_eq!(
            e.help.as_deref(),
            Some("did you mean `America/Los_Angeles`?")
        );
    }
}
