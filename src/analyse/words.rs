//! Evaluation's results in words: each trace step, each condition of a
//! conditional answer, each pending date, reason and warning, and the
//! doubts about a meeting's facts (`pack::consistency::FactWarning`). Evaluation
//! records these as data; only an output that shows them (the table's
//! "Why", `explain`, JSON, a calendar event's description) calls these
//! functions, so CSV and `batch` never build them.
//!
//! The JSON form of a trace step, a case and its condition is here too
//! (`Serialize`), beside the words it carries.

use std::fmt;

use chrono::NaiveDate;
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::analyse::describe::{describe_cond, describe_expr, join_and};
use crate::eval::{Answer, Case, Condition, Op, Step, Warning, Why};
use crate::model::calendar::Roll;
use crate::model::dates::show_date;
use crate::model::expr::BoundName;
use crate::model::facts::fact_phrase;
use crate::model::ranges::{Ranges, from_day_number};
use crate::model::rule::Counting;
use crate::pack::consistency::{FactWarning, LONG_GAP_MONTHS, RECORD_DATE_DAYS};

impl fmt::Display for Step<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let date = |d: Option<NaiveDate>| d.map(show_date).unwrap_or_default();
        match &self.op {
            Op::NotApplicable(why) => write!(f, "not applicable: {why}"),
            Op::Branch { branch, applies } => {
                let label = branch
                    .label
                    .clone()
                    .unwrap_or_else(|| describe_cond(&branch.when));
                if *applies {
                    write!(f, "branch applies: {label}")
                } else {
                    write!(f, "branch does not apply: {label}")
                }
            }
            Op::NoDate(words) => write!(f, "no date: {words}"),
            Op::DependsOn(missing) => {
                let named: Vec<String> = missing.iter().map(|m| format!("`{m}`")).collect();
                write!(f, "the answer depends on {} not given", join_and(&named))
            }
            Op::Rolled {
                computed,
                roll,
                calendar,
            } => {
                let why = calendar
                    .non_business_reason(*computed)
                    .ok()
                    .flatten()
                    .unwrap_or_else(|| "not a business day".to_owned());
                write!(
                    f,
                    "{} is not a business day ({why}); rolled {roll} on `{}` to {}",
                    show_date(*computed),
                    calendar.id(),
                    date(self.date)
                )
            }
            Op::RuleBound { rule, bound } => write!(
                f,
                "rule `{}` {} on {}",
                rule.id,
                bound.as_str(),
                date(self.date)
            ),
            Op::Shift {
                base,
                from,
                sign,
                by,
                calendar,
                counting,
            } => {
                let dir = if *sign < 0 { "before" } else { "after" };
                write!(
                    f,
                    "{by} {dir} {} ({})",
                    describe_expr(base),
                    show_date(*from)
                )?;
                if let Some(cal) = calendar {
                    write!(f, " on `{}`", cal.id())?;
                }
                match counting {
                    Some(Counting::ClearDays) => {
                        f.write_str(" (clear days: neither end counted)")?;
                    }
                    Some(Counting::AnchorIsDayOne) => {
                        f.write_str(" (the anchor day counted as day 1)")?;
                    }
                    _ => {}
                }
                write!(f, " = {}", date(self.date))
            }
            Op::Diff { a, x, b, y } => {
                let n = (*x - *y).num_days();
                let unit = if n.abs() == 1 { "day" } else { "days" };
                let rel = if n >= 0 {
                    format!("{n} {unit} after")
                } else {
                    format!("{} {unit} before", -n)
                };
                write!(
                    f,
                    "{} ({}) is {rel} {} ({})",
                    describe_expr(a),
                    show_date(*x),
                    describe_expr(b),
                    show_date(*y)
                )
            }
            Op::Pick { later, of } => {
                let shown: Vec<String> = of.iter().map(|d| show_date(*d)).collect();
                write!(
                    f,
                    "the {} of {} = {}",
                    if *later { "later" } else { "earlier" },
                    join_and(&shown),
                    date(self.date)
                )
            }
            Op::Anniversary { of, from } => write!(
                f,
                "the anniversary of {} ({}) = {}",
                describe_expr(of),
                show_date(*from),
                date(self.date)
            ),
        }
    }
}

impl fmt::Display for Why<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Why::Law(w) | Why::Said(w) => f.write_str(w),
            Why::Excluded(w) => f.write_str(w),
            Why::Replaced { reason, pack, rule } => {
                write!(f, "{reason}; here {pack}/{rule} sets it")
            }
            Why::AppliesOnlyWhen(c) => write!(f, "applies only when {}", describe_cond(c)),
            Why::NoBranch => f.write_str("no branch of the rule applies to this meeting"),
            Why::NoBranchInCase => f.write_str("no branch of the rule applies"),
        }
    }
}

impl fmt::Display for Warning<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::NotBusinessDay {
                bound,
                date,
                calendar,
            } => {
                let why = calendar
                    .non_business_reason(*date)
                    .ok()
                    .flatten()
                    .unwrap_or_else(|| "not a business day".to_owned());
                write!(
                    f,
                    "{} {} falls on a day that is not a business day ({why}) and this rule does not roll it",
                    bound.as_str(),
                    show_date(*date)
                )
            }
            Warning::Past { bound, date, today } => write!(
                f,
                "{} {} is already past on {}",
                bound.as_str(),
                show_date(*date),
                show_date(*today)
            ),
            Warning::Outside {
                fact,
                value,
                bound,
                date,
                citation,
            } => {
                let side = match bound {
                    BoundName::Opens => "before the window opens",
                    BoundName::Closes => "after the window closes",
                };
                let days = (*date - *value).num_days().unsigned_abs();
                let unit = if days == 1 { "day" } else { "days" };
                write!(
                    f,
                    "{} ({}) is {days} {unit} {side} on {} ({citation})",
                    fact_phrase(fact),
                    show_date(*value),
                    show_date(*date)
                )
            }
            Warning::AfterMeeting {
                bound,
                date,
                meeting,
            } => write!(
                f,
                "{} {} is after the meeting ({}): a step a shareholder or dissident takes for a meeting cannot come after it; check the meeting date and the dates this one is counted from",
                bound.as_str(),
                show_date(*date),
                show_date(*meeting)
            ),
            Warning::BeforeAnnouncement {
                bound,
                date,
                announcement,
            } => write!(
                f,
                "{} {} is counted from the meeting date but falls before the meeting date was first announced ({}), so no shareholder could have known it in time; check the announcement date, and whether the rule gives a later date after a late announcement",
                bound.as_str(),
                show_date(*date),
                show_date(*announcement)
            ),
        }
    }
}

impl fmt::Display for FactWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FactWarning::LongAfterPrior {
                prior_meeting,
                meeting,
            } => write!(
                f,
                "the meeting ({}) is more than {LONG_GAP_MONTHS} months after the prior annual meeting ({}): check that `prior_meeting` is last year's annual meeting, as every date counted from its anniversary assumes",
                show_date(*meeting),
                show_date(*prior_meeting)
            ),
            FactWarning::EarlyRecordDate {
                record_date,
                meeting,
                days,
            } => write!(
                f,
                "the record date ({}) is {days} days before the meeting ({}): more than state corporation statutes allow (at most {RECORD_DATE_DAYS} days; 60 in Delaware, 8 Del. C. § 213(a)); check the record date",
                show_date(*record_date),
                show_date(*meeting)
            ),
            FactWarning::TodayOutsideCalendars {
                today,
                first_year,
                last_year,
            } => write!(
                f,
                "today is taken to be {}, outside the years govcal's holiday calendars cover ({first_year}–{last_year}): days left and calendar time stamps count from it; check `--today`",
                show_date(*today)
            ),
        }
    }
}

impl Serialize for FactWarning {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A condition in words: "the meeting is between Tue 11 May 2027 and Mon 9
/// Aug 2027".
pub fn condition_text(c: &Condition<'_>) -> String {
    match c {
        Condition::Dates { fact, ranges } => dates_text(&fact_phrase(fact), ranges),
        Condition::Apart { fact, minus, days } => apart_text(fact, minus, days),
        Condition::Unsolved { cond, .. } => describe_cond(cond),
        Condition::All(parts) => joined(parts, ", and "),
        // An "or" of "and"s is set off with semicolons, so that "a, and b;
        // or c" cannot be read as "a, and (b or c)".
        Condition::Any(parts) if parts.iter().any(|p| matches!(p, Condition::All(_))) => {
            joined(parts, "; or ")
        }
        Condition::Any(parts) => joined(parts, ", or "),
        Condition::Not(c) => format!("it is not the case that {}", condition_text(c)),
    }
}

fn joined(parts: &[Condition<'_>], sep: &str) -> String {
    parts
        .iter()
        .map(condition_text)
        .collect::<Vec<_>>()
        .join(sep)
}

/// A set of dates for `subject`: "the meeting is on or before Tue 14 Apr
/// 2026 or on or after Wed 15 Jul 2026".
pub fn dates_text(subject: &str, ranges: &Ranges) -> String {
    let day = |n: i64| from_day_number(n).map_or_else(|| format!("day {n}"), show_date);
    let parts: Vec<String> = ranges
        .0
        .iter()
        .map(|&(a, b)| match (a == i64::MIN, b == i64::MAX) {
            (true, true) => "on any date".to_owned(),
            (true, false) => format!("on or before {}", day(b)),
            (false, true) => format!("on or after {}", day(a)),
            (false, false) if a == b => format!("on {}", day(a)),
            (false, false) => format!("between {} and {}", day(a), day(b)),
        })
        .collect();
    if parts.is_empty() {
        return format!("{subject} is on no date");
    }
    format!("{subject} is {}", parts.join(" or "))
}

fn n_days(n: i64) -> String {
    if n.unsigned_abs() == 1 {
        format!("{} day", n.unsigned_abs())
    } else {
        format!("{} days", n.unsigned_abs())
    }
}

/// The days between two facts: "the meeting is at least 100 days after the
/// first public announcement of the meeting date".
pub fn apart_text(fact: &str, minus: &str, days: &Ranges) -> String {
    let m = fact_phrase(minus);
    let parts: Vec<String> = days
        .0
        .iter()
        .map(|&(l, h)| match (l == i64::MIN, h == i64::MAX) {
            (true, true) => format!("on any day relative to {m}"),
            (false, true) if l > 0 => format!("at least {} after {m}", n_days(l)),
            (false, true) if l == 0 => format!("on or after {m}"),
            (false, true) => format!("no more than {} before {m}", n_days(l)),
            (true, false) if h < 0 => format!("at least {} before {m}", n_days(h)),
            (true, false) if h == 0 => format!("on or before {m}"),
            (true, false) => format!("no more than {} after {m}", n_days(h)),
            (false, false) if l == h && l == 0 => format!("on the same day as {m}"),
            (false, false) if l == h && l > 0 => format!("exactly {} after {m}", n_days(l)),
            (false, false) if l == h => format!("exactly {} before {m}", n_days(l)),
            (false, false) if l >= 0 => format!("{l} to {} after {m}", n_days(h)),
            (false, false) if h <= 0 => format!("{} to {} before {m}", -h, n_days(l)),
            (false, false) => format!("between {} before and {} after {m}", n_days(l), n_days(h)),
        })
        .collect();
    format!("{} is {}", fact_phrase(fact), parts.join(" or "))
}

/// Words about this year's meeting made about next year's.
fn for_year(text: String, next_year: bool) -> String {
    if next_year {
        text.replace("the meeting", "next year's meeting")
    } else {
        text
    }
}

/// When a case holds, in words: "otherwise" or the condition.
pub fn case_when(c: &Case<'_>) -> String {
    match &c.when {
        None => "otherwise".to_owned(),
        Some(cond) => for_year(condition_text(cond), c.next_year),
    }
}

/// A bound's answer in a case that gives no date, in words: "7 days after
/// the first public announcement of the meeting date".
pub fn pending_text(c: &Case<'_>, a: &Answer<'_>) -> Option<String> {
    match a {
        Answer::Date(_) => None,
        Answer::Pending { expr, roll } => {
            let text = describe_expr(expr);
            let text = match roll {
                Roll::None => text,
                Roll::Forward => {
                    format!("{text}, moved to the next business day if it is not one")
                }
                Roll::Backward => {
                    format!("{text}, moved to the previous business day if it is not one")
                }
            };
            Some(for_year(text, c.next_year))
        }
    }
}

impl Serialize for Step<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Step", 3)?;
        st.serialize_field("text", &self.to_string())?;
        st.serialize_field("date", &self.date)?;
        st.serialize_field("citation", &self.citation)?;
        st.end()
    }
}

impl Serialize for Why<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for Warning<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// An answer of a case as JSON: `{"kind": "date", "value": {...}}` or
/// `{"kind": "words", "value": "..."}`.
struct AnswerJson<'c, 'p>(&'c Case<'p>, &'c Answer<'p>);

impl Serialize for AnswerJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        match self.1 {
            Answer::Date(b) => {
                m.serialize_entry("kind", "date")?;
                m.serialize_entry("value", b)?;
            }
            Answer::Pending { .. } => {
                m.serialize_entry("kind", "words")?;
                m.serialize_entry("value", &pending_text(self.0, self.1))?;
            }
        }
        m.end()
    }
}

/// A condition as JSON: dates where it was solved, `all`/`any`/`not`
/// around parts, and the rule's words with the facts they need where not.
struct ConditionJson<'c, 'p>(&'c Condition<'p>, bool);

impl Serialize for ConditionJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let next_year = self.1;
        match self.0 {
            Condition::Dates { fact, ranges } => {
                let spans: Vec<DatesJson<'_>> = ranges
                    .intervals()
                    .map(|(from, to)| DatesJson { fact, from, to })
                    .collect();
                if let [one] = spans.as_slice() {
                    one.serialize(s)
                } else {
                    let mut m = s.serialize_map(Some(1))?;
                    m.serialize_entry("any", &spans)?;
                    m.end()
                }
            }
            Condition::Apart { fact, minus, days } => {
                let spans: Vec<ApartJson<'_>> = days
                    .0
                    .iter()
                    .map(|&(l, h)| ApartJson {
                        fact,
                        minus,
                        at_least: (l != i64::MIN).then_some(l),
                        at_most: (h != i64::MAX).then_some(h),
                    })
                    .collect();
                if let [one] = spans.as_slice() {
                    one.serialize(s)
                } else {
                    let mut m = s.serialize_map(Some(1))?;
                    m.serialize_entry("any", &spans)?;
                    m.end()
                }
            }
            Condition::Unsolved { cond, facts } => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("unsolved", &for_year(describe_cond(cond), next_year))?;
                m.serialize_entry("facts", facts)?;
                m.end()
            }
            Condition::All(parts) | Condition::Any(parts) => {
                let key = if matches!(self.0, Condition::All(_)) {
                    "all"
                } else {
                    "any"
                };
                let parts: Vec<ConditionJson<'_, '_>> =
                    parts.iter().map(|p| ConditionJson(p, next_year)).collect();
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry(key, &parts)?;
                m.end()
            }
            Condition::Not(c) => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("not", &ConditionJson(c, next_year))?;
                m.end()
            }
        }
    }
}

/// One interval of a fact's dates: `on`, `on_or_before`, `on_or_after` or
/// `between`.
struct DatesJson<'a> {
    fact: &'a str,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

impl Serialize for DatesJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("fact", self.fact)?;
        match (self.from, self.to) {
            (Some(a), Some(b)) if a == b => m.serialize_entry("on", &a)?,
            (Some(a), Some(b)) => m.serialize_entry("between", &[a, b])?,
            (None, Some(b)) => m.serialize_entry("on_or_before", &b)?,
            (Some(a), None) => m.serialize_entry("on_or_after", &a)?,
            (None, None) => m.serialize_entry("any_date", &true)?,
        }
        m.end()
    }
}

/// Days between two facts, `fact - minus`: `{"fact", "minus", "days":
/// {"at_least", "at_most"}}` with either end left out when open.
struct ApartJson<'a> {
    fact: &'a str,
    minus: &'a str,
    at_least: Option<i64>,
    at_most: Option<i64>,
}

impl Serialize for ApartJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut days = serde_json::Map::new();
        if let Some(l) = self.at_least {
            days.insert("at_least".to_owned(), l.into());
        }
        if let Some(h) = self.at_most {
            days.insert("at_most".to_owned(), h.into());
        }
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("fact", self.fact)?;
        m.serialize_entry("minus", self.minus)?;
        m.serialize_entry("days", &days)?;
        m.end()
    }
}

impl Serialize for Case<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Case", 6)?;
        st.serialize_field("when", &case_when(self))?;
        st.serialize_field(
            "condition",
            &self.when.as_ref().map(|c| ConditionJson(c, self.next_year)),
        )?;
        st.serialize_field("opens", &self.opens.as_ref().map(|a| AnswerJson(self, a)))?;
        st.serialize_field("closes", &self.closes.as_ref().map(|a| AnswerJson(self, a)))?;
        st.serialize_field("unspecified", &self.unspecified)?;
        st.serialize_field("not_applicable", &self.not_applicable)?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::expr::CmpOp;

    fn band(fact: &str, op: CmpOp, y: i32, m: u32, d: u32) -> Condition<'static> {
        let day = crate::model::ranges::day_number(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        Condition::Dates {
            fact: fact.to_owned(),
            ranges: Ranges::compare(op, day),
        }
    }

    /// An "or" of "and"s cannot be misread: its parts are set off by
    /// semicolons; a plain "or" keeps commas.
    #[test]
    fn an_or_of_ands_is_grouped() {
        let c = Condition::Any(vec![
            Condition::All(vec![
                band("meeting", CmpOp::Le, 2026, 5, 1),
                band("announcement", CmpOp::Ge, 2026, 2, 1),
            ]),
            band("meeting", CmpOp::Ge, 2026, 7, 1),
        ]);
        assert_eq!(
            condition_text(&c),
            "the meeting is on or before Fri 1 May 2026, and the first public announcement of the meeting date is on or after Sun 1 Feb 2026; or the meeting is on or after Wed 1 Jul 2026"
        );
        let plain = Condition::Any(vec![
            band("meeting", CmpOp::Le, 2026, 5, 1),
            band("announcement", CmpOp::Ge, 2026, 2, 1),
        ]);
        assert!(condition_text(&plain).contains("2026, or the first"));
    }
}
