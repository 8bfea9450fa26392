//! Dates as filings write them, found in a sentence.
//!
//! Accepted: `May 25, 2004`, `May 25 2004`, `Feb. 27, 2004`, `Sept. 5,
//! 2024`, `25 May 2004`, `February 27th, 2004`, `the 27th day of February,
//! 2004`, `the twenty-seventh day of February, 2004`, `2004-05-25`, and US
//! numeric `5/25/2004`. A weekday before the date (`Tuesday, May 25, 2004`)
//! is checked against it. In a range such as `between October 29 and
//! November 28, 2024` the first date takes the year of the second. `on or
//! about`, `about` and `approximately` before a date are noted.

use chrono::{Datelike, NaiveDate, Weekday};

/// A date found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The date.
    pub date: NaiveDate,
    /// Byte span in the sentence (weekday included).
    pub span: std::ops::Range<usize>,
    /// Preceded by "on or about", "about" or "approximately".
    pub approximate: bool,
    /// A weekday was written and it is not the date's weekday.
    pub weekday_mismatch: bool,
    /// The year was taken from the next date of a range.
    pub year_inferred: bool,
}

/// A date written as one that does not exist (`February 30, 2026`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Impossible {
    /// Byte span in the sentence.
    pub span: std::ops::Range<usize>,
    /// Why: `February 2026 has 28 days`.
    pub reason: String,
}

#[derive(Debug, Clone)]
struct Token<'a> {
    text: &'a str,
    lower: String,
    span: std::ops::Range<usize>,
}

/// Words and single punctuation marks, with spans. Letters, digits and an
/// internal hyphen or slash stay together (`twenty-seventh`, `5/25/2004`).
fn tokens(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let joiner = matches!(c, '-' | '/')
            && start.is_some()
            && chars.get(k + 1).is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || joiner {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(st) = start.take() {
            out.push(token(s, st, i));
        }
        if !c.is_whitespace() {
            out.push(token(s, i, i + c.len_utf8()));
        }
    }
    if let Some(st) = start {
        out.push(token(s, st, s.len()));
    }
    out
}

fn token(s: &str, a: usize, b: usize) -> Token<'_> {
    Token {
        text: &s[a..b],
        lower: s[a..b].to_lowercase(),
        span: a..b,
    }
}

/// The month a word names (`February`, `Feb`, `Sept`).
pub fn month(word: &str) -> Option<u32> {
    crate::model::dates::month_number(word)
}

fn weekday(word: &str) -> Option<Weekday> {
    match word.to_ascii_lowercase().as_str() {
        "monday" | "mon" => Some(Weekday::Mon),
        "tuesday" | "tue" | "tues" => Some(Weekday::Tue),
        "wednesday" | "wed" => Some(Weekday::Wed),
        "thursday" | "thu" | "thur" | "thurs" => Some(Weekday::Thu),
        "friday" | "fri" => Some(Weekday::Fri),
        "saturday" | "sat" => Some(Weekday::Sat),
        "sunday" | "sun" => Some(Weekday::Sun),
        _ => None,
    }
}

/// The number an ordinal or cardinal word or numeral stands for: `27th`,
/// `27`, `seventh`, `twenty-seventh`, `ninetieth`, `one hundred twentieth`
/// (as one string with spaces or hyphens).
pub fn number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let rest = &w[digits.len()..];
        if rest.is_empty() || matches!(rest, "st" | "nd" | "rd" | "th") {
            return digits.parse().ok();
        }
        return None;
    }
    let mut total = 0;
    let mut current = 0;
    let mut any = false;
    for part in w.split(['-', ' ']).filter(|p| !p.is_empty() && *p != "and") {
        let v = small_number(part)?;
        any = true;
        if v == 100 {
            current = current.max(1) * 100;
        } else {
            current += v;
        }
        if part.ends_with("hundred") || part.ends_with("hundredth") {
            total += current;
            current = 0;
        }
    }
    any.then_some(total + current)
}

fn small_number(w: &str) -> Option<u32> {
    const UNITS: [(&str, &str, u32); 19] = [
        ("one", "first", 1),
        ("two", "second", 2),
        ("three", "third", 3),
        ("four", "fourth", 4),
        ("five", "fifth", 5),
        ("six", "sixth", 6),
        ("seven", "seventh", 7),
        ("eight", "eighth", 8),
        ("nine", "ninth", 9),
        ("ten", "tenth", 10),
        ("eleven", "eleventh", 11),
        ("twelve", "twelfth", 12),
        ("thirteen", "thirteenth", 13),
        ("fourteen", "fourteenth", 14),
        ("fifteen", "fifteenth", 15),
        ("sixteen", "sixteenth", 16),
        ("seventeen", "seventeenth", 17),
        ("eighteen", "eighteenth", 18),
        ("nineteen", "nineteenth", 19),
    ];
    const TENS: [(&str, &str, u32); 8] = [
        ("twenty", "twentieth", 20),
        ("thirty", "thirtieth", 30),
        ("forty", "fortieth", 40),
        ("fifty", "fiftieth", 50),
        ("sixty", "sixtieth", 60),
        ("seventy", "seventieth", 70),
        ("eighty", "eightieth", 80),
        ("ninety", "ninetieth", 90),
    ];
    UNITS
        .iter()
        .chain(TENS.iter())
        .find(|(c, o, _)| w == *c || w == *o)
        .map(|(_, _, v)| *v)
        .or_else(|| matches!(w, "hundred" | "hundredth").then_some(100))
}

fn year(t: &Token<'_>) -> Option<i32> {
    (t.text.len() == 4 && t.text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.text.parse().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}

fn day(t: &Token<'_>) -> Option<u32> {
    if t.text.len() > 4 || !t.text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    number(t.text).filter(|d| (1..=31).contains(d))
}

/// Every date in `s`, in order.
pub fn find(s: &str) -> Vec<Found> {
    scan(s).0
}

/// Every date in `s`, in order, and every date written that does not
/// exist (so that it can be noted rather than silently passed over).
pub fn scan(s: &str) -> (Vec<Found>, Vec<Impossible>) {
    let toks = tokens(s);
    let mut out: Vec<Found> = Vec::new();
    let mut impossible = Vec::new();
    // (index into out, month, day) of dates still waiting for a year.
    let mut pending: Vec<(usize, u32, u32)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let at = |k: usize| toks.get(k);
        let skip_comma = |k: usize| {
            if at(k).is_some_and(|t| t.text == ",") {
                k + 1
            } else {
                k
            }
        };
        let skip_dot = |k: usize| {
            if at(k).is_some_and(|t| t.text == ".") {
                k + 1
            } else {
                k
            }
        };
        let mut hit: Option<(u32, u32, Option<i32>, usize, usize)> = None; // month, day, year, first, last
        if let Some(m) = month(&t.lower) {
            // Month Day[,] Year  |  Month Day (year later)
            let k = skip_dot(i + 1);
            if let Some(d) = at(k).and_then(day) {
                let k2 = skip_comma(k + 1);
                match at(k2).and_then(year) {
                    Some(y) => hit = Some((m, d, Some(y), i, k2)),
                    None if t.lower != "may" || t.text.starts_with('M') => {
                        hit = Some((m, d, None, i, k));
                    }
                    None => {}
                }
            }
        } else if let Some(d) = day(t) {
            // Day Month[,] Year
            let k = i + 1;
            if let Some(m) = at(k).and_then(|x| month(&x.lower)) {
                let k2 = skip_comma(skip_dot(k + 1));
                if let Some(y) = at(k2).and_then(year) {
                    hit = Some((m, d, Some(y), i, k2));
                }
            }
        } else if t.lower == "the" || t.lower == "this" {
            // the 27th day of February, 2004  |  the twenty-seventh day of ...
            let mut k = i + 1;
            let mut words = Vec::new();
            while let Some(x) = at(k) {
                if x.lower == "day" || words.len() > 3 {
                    break;
                }
                words.push(x.lower.clone());
                k += 1;
            }
            if at(k).is_some_and(|x| x.lower == "day") && at(k + 1).is_some_and(|x| x.lower == "of")
            {
                let d = number(&words.join(" ")).filter(|d| (1..=31).contains(d));
                if let (Some(d), Some(m)) = (d, at(k + 2).and_then(|x| month(&x.lower))) {
                    let k2 = skip_comma(k + 3);
                    if let Some(y) = at(k2).and_then(year) {
                        hit = Some((m, d, Some(y), i, k2));
                    }
                }
            }
        } else if let Some(date) = numeric(t.text) {
            hit = Some((date.month(), date.day(), Some(date.year()), i, i));
        }
        let Some((m, d, y, first, last)) = hit else {
            i += 1;
            continue;
        };
        // A weekday right before: `Tuesday, May 25, 2004`.
        let mut start_tok = first;
        let mut written_weekday = None;
        if first >= 1 {
            let back = if toks[first - 1].text == "," && first >= 2 {
                first - 2
            } else {
                first - 1
            };
            if let Some(w) = weekday(toks[back].text) {
                written_weekday = Some(w);
                start_tok = back;
            }
        }
        let approximate = start_tok >= 2
            && (toks[start_tok - 1].lower == "about"
                || toks[start_tok - 1].lower == "approximately"
                || toks[start_tok - 1].lower == "around");
        let span = toks[start_tok].span.start..toks[last].span.end;
        let Some(y) = y else {
            // Held until a date with a year follows within a few words
            // (`between October 29 and November 28, 2024`).
            let joined = at(last + 1).is_some_and(|x| {
                matches!(
                    x.lower.as_str(),
                    "and" | "through" | "to" | "until" | "-" | "–" | "—"
                )
            });
            if joined {
                out.push(Found {
                    date: NaiveDate::MIN,
                    span,
                    approximate,
                    weekday_mismatch: false,
                    year_inferred: true,
                });
                pending.push((out.len() - 1, m, d));
            }
            i = last + 1;
            continue;
        };
        let Some(date) = NaiveDate::from_ymd_opt(y, m, d) else {
            impossible.push(Impossible {
                span,
                reason: month_days(y, m).map_or_else(
                    || "no such date".to_owned(),
                    |(name, days)| format!("{name} {y} has {days} days"),
                ),
            });
            i = last + 1;
            continue;
        };
        // Earlier dates of a range take this year.
        for (idx, pm, pd) in pending.drain(..) {
            let py = if pm > m { y - 1 } else { y };
            if let Some(pdate) = NaiveDate::from_ymd_opt(py, pm, pd) {
                out[idx].date = pdate;
            }
        }
        out.push(Found {
            date,
            span,
            approximate,
            weekday_mismatch: written_weekday.is_some_and(|w| w != date.weekday()),
            year_inferred: false,
        });
        i = last + 1;
    }
    // Dates that never got a year are dropped.
    out.retain(|f| f.date != NaiveDate::MIN);
    (out, impossible)
}

/// The name of month `m` of year `y` and its number of days.
fn month_days(y: i32, m: u32) -> Option<(&'static str, u32)> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)?
    };
    let days = u32::try_from((next - first).num_days()).ok()?;
    Some((
        chrono::Month::try_from(u8::try_from(m).ok()?).ok()?.name(),
        days,
    ))
}

/// `5/25/2004` (US month/day/year) and `2004-05-25`.
fn numeric(t: &str) -> Option<NaiveDate> {
    if let Some((a, rest)) = t.split_once('/') {
        let (b, c) = rest.split_once('/')?;
        if c.len() != 4 {
            return None;
        }
        return NaiveDate::from_ymd_opt(c.parse().ok()?, a.parse().ok()?, b.parse().ok()?);
    }
    let parts: Vec<&str> = t.split('-').collect();
    if parts.len() == 3
        && parts[0].len() == 4
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return NaiveDate::from_ymd_opt(
            parts[0].parse().ok()?,
            parts[1].parse().ok()?,
            parts[2].parse().ok()?,
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn dates(s: &str) -> Vec<NaiveDate> {
        find(s).into_iter().map(|f| f.date).collect()
    }

    #[test]
    fn filing_forms() {
        assert_eq!(
            dates("The Meeting will be held on May 25, 2004."),
            [d(2004, 5, 25)]
        );
        assert_eq!(
            dates("Date: February  27,   2004 HEMACARE"),
            [d(2004, 2, 27)]
        );
        assert_eq!(
            dates("dated Feb. 27, 2004 and Sept. 5, 2024"),
            [d(2004, 2, 27), d(2024, 9, 5)]
        );
        assert_eq!(dates("held on 25 May 2004 at"), [d(2004, 5, 25)]);
        assert_eq!(dates("on February 27th, 2004"), [d(2004, 2, 27)]);
        assert_eq!(
            dates("Dated this 27th day of February, 2004"),
            [d(2004, 2, 27)]
        );
        assert_eq!(dates("on the 27th day of February, 2004"), [d(2004, 2, 27)]);
        assert_eq!(
            dates("the twenty-seventh day of February, 2004"),
            [d(2004, 2, 27)]
        );
        assert_eq!(
            dates("filed 2004-02-27 and 5/25/2004"),
            [d(2004, 2, 27), d(2004, 5, 25)]
        );
        assert_eq!(dates("on May 25 2004"), [d(2004, 5, 25)]);
        assert_eq!(dates("shareholders may 25 percent"), []);
    }

    #[test]
    fn ranges_take_the_later_year() {
        assert_eq!(
            dates("between October 29 and November 28, 2024"),
            [d(2024, 10, 29), d(2024, 11, 28)]
        );
        assert_eq!(
            dates("from December 15 through January 14, 2025"),
            [d(2024, 12, 15), d(2025, 1, 14)]
        );
        assert!(find("between October 29 and November 28, 2024")[0].year_inferred);
        assert_eq!(dates("on October 29 the board"), []);
    }

    #[test]
    fn weekdays_and_approximate_dates() {
        let f = find("on Tuesday, May 25, 2004, at 10:00 a.m.");
        assert_eq!(f[0].date, d(2004, 5, 25));
        assert!(!f[0].weekday_mismatch);
        assert_eq!(
            &"on Tuesday, May 25, 2004, at"[f[0].span.clone()],
            "Tuesday, May 25, 2004"
        );
        assert!(find("on Monday, May 25, 2004")[0].weekday_mismatch);
        assert!(find("mailed on or about April 10, 2004.")[0].approximate);
        assert!(!find("mailed on April 10, 2004.")[0].approximate);
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(number("seventh"), Some(7));
        assert_eq!(number("tenth"), Some(10));
        assert_eq!(number("ninetieth"), Some(90));
        assert_eq!(number("one hundred twentieth"), Some(120));
        assert_eq!(number("one hundred and fiftieth"), Some(150));
        assert_eq!(number("twenty-seventh"), Some(27));
        assert_eq!(number("120th"), Some(120));
        assert_eq!(number("sixty"), Some(60));
        assert_eq!(number("several"), None);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let _ = find(&s);
        }
    }
}
