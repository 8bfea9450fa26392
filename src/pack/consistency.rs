//! Whether a meeting's facts can all be true together, checked in one place
//! for every way facts arrive: a facts file, the facts read from a filing,
//! flags, a portfolio row and a worked case.
//!
//! * **Impossible** orders (a record date after the meeting, a meeting on or
//!   before last year's) are [`Problem`]s naming both facts and where each
//!   was given; nothing may be computed from them, because any date that
//!   came out would be confidently wrong.
//! * So are **no facts at all** where some are needed: every answer would
//!   be conditional on everything.
//! * **Doubtful** values (a record date 120 days before the meeting) are
//!   [`FactWarning`]s: data, put into words by `analyse::words` and printed
//!   with the deadlines' warnings. They do not stop a run.
//!
//! Only what cannot happen is refused. A record date, announcement, notice
//! or proxy statement *on* the meeting day is odd but possible, and so is an
//! announcement of this meeting before last year's was held.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use crate::diag::{Diagnostic, SourceFile};
use crate::error::Error;
use crate::model::calendar::CalendarError;
use crate::model::dates::show_date;
use crate::model::facts::Facts;
use crate::model::offset::add_months;

/// Where a fact's value was given, to name the place in a message.
#[derive(Clone, Debug)]
pub enum Given {
    /// In a file (a facts file, the facts read from a filing, a worked
    /// case): the value's byte span.
    File {
        /// The file.
        source: Arc<SourceFile>,
        /// The value's span.
        span: Range<usize>,
    },
    /// On the command line.
    Flag {
        /// The flag as the user knows it: `--meeting`, `--fact record_date`.
        flag: String,
        /// The fact flags as typed, one line, for a diagnostic to point into.
        source: Arc<SourceFile>,
        /// Where this flag and its value stand in `source`.
        span: Range<usize>,
    },
    /// In a column of a portfolio row (the report names the row).
    Column(String),
}

impl Given {
    /// The place in words: "at facts.toml:3:11", "from `--meeting`", "in
    /// column `meeting`".
    fn place(&self) -> String {
        match self {
            Given::File { source, span } => {
                let (line, col) = source.line_col(span.start);
                format!("at {}:{line}:{col}", source.shown_name())
            }
            Given::Flag { flag, .. } => format!("from `{flag}`"),
            Given::Column(c) => format!("in column `{c}`"),
        }
    }

    /// Where a diagnostic can point, if anywhere.
    fn at(&self) -> Option<(Arc<SourceFile>, Range<usize>)> {
        match self {
            Given::File { source, span } | Given::Flag { source, span, .. } => {
                Some((Arc::clone(source), span.clone()))
            }
            Given::Column(_) => None,
        }
    }
}

/// Where each fact was given, by fact name.
pub type Origins = BTreeMap<String, Given>;

/// What the facts came in: it decides what a run with none needs to be
/// told.
#[derive(Clone, Copy, Debug)]
pub enum Input<'a> {
    /// A facts file; a problem with it points at it.
    File(&'a Arc<SourceFile>),
    /// The facts read from a filing (as `govcal extract` writes them).
    Filing(&'a Arc<SourceFile>),
    /// Flags only.
    Flags,
    /// A portfolio row.
    Row,
    /// Facts that may all be missing: a worked case (a conditional answer is
    /// what it shows) or a comparison over meeting dates (which supplies the
    /// meeting).
    MayBeEmpty,
}

/// A set of facts that cannot be true: what is wrong, how to fix it, and
/// where to point.
#[derive(Clone, Debug)]
pub struct Problem {
    /// One lowercase line naming the facts, their dates and where each was
    /// given.
    pub message: String,
    /// The fix.
    pub help: String,
    /// Where a diagnostic points: the first of the facts given in a file
    /// or a flag; `None` for portfolio cells, or when nothing was given.
    pub at: Option<(Arc<SourceFile>, Range<usize>)>,
}

impl Problem {
    /// Returns the problem as an error diagnostic, at `fallback`'s start
    /// when it has no place of its own.
    pub fn diagnostic(&self, fallback: &Arc<SourceFile>) -> Diagnostic {
        let (source, span) = self
            .at
            .clone()
            .unwrap_or_else(|| (Arc::clone(fallback), 0..0));
        Diagnostic::error(&source, span, self.message.clone()).with_help(self.help.clone())
    }
}

/// Something doubtful in the facts, not impossible: a warning, as data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactWarning {
    /// The meeting is more than [`LONG_GAP_MONTHS`] months after last
    /// year's annual meeting: is `prior_meeting` really last year's?
    LongAfterPrior {
        /// Last year's annual meeting, as given.
        prior_meeting: NaiveDate,
        /// This meeting.
        meeting: NaiveDate,
    },
    /// The record date is more than [`RECORD_DATE_DAYS`] days before the
    /// meeting: more than the state statutes govcal knows allow.
    EarlyRecordDate {
        /// The record date.
        record_date: NaiveDate,
        /// The meeting.
        meeting: NaiveDate,
        /// Days from the record date to the meeting.
        days: i64,
    },
    /// "Today" (`--today`, `SOURCE_DATE_EPOCH` or the clock) falls outside
    /// the years the holiday calendars cover: likely a typo, and days
    /// left and calendar time stamps count from it.
    TodayOutsideCalendars {
        /// The date taken as today.
        today: NaiveDate,
        /// The first year the calendars cover.
        first_year: i32,
        /// The last.
        last_year: i32,
    },
}

/// A [`FactWarning::TodayOutsideCalendars`] when `today` is outside the
/// years of the federal holiday calendar, on which every other calendar
/// builds.
#[must_use]
pub fn today_warning(today: NaiveDate) -> Option<FactWarning> {
    use chrono::Datelike as _;
    let federal = crate::model::calendar::Calendar::us_federal();
    let (first_year, last_year) = (federal.first_year, federal.last_year);
    (!(first_year..=last_year).contains(&today.year())).then_some(
        FactWarning::TodayOutsideCalendars {
            today,
            first_year,
            last_year,
        },
    )
}

/// A meeting more than this many months after the prior annual meeting is
/// doubtful: annual meetings are about 12 months apart, and 8 Del. C.
/// § 211(c) lets shareholders ask a court to order one after 13.
pub const LONG_GAP_MONTHS: i64 = 18;

/// A record date more than this many days before the meeting is doubtful:
/// it is the longest any state code govcal ships allows (Maryland § 2-511;
/// the Model Act § 7.07 allows 70, Delaware § 213(a) 60).
pub const RECORD_DATE_DAYS: i64 = 90;

/// What [`check_facts`] found.
#[derive(Clone, Debug, Default)]
pub struct FactCheck {
    /// Impossible facts, or none where some are needed: nothing may be
    /// computed.
    pub problems: Vec<Problem>,
    /// Doubtful facts: warnings.
    pub warnings: Vec<FactWarning>,
}

/// Two facts that come in this order.
struct Order {
    /// The fact that must come first (or on the same day, if `same_day`).
    first: &'static str,
    /// The fact it must not come after.
    then: &'static str,
    /// Whether both may fall on one day.
    same_day: bool,
    /// Not checked when this fact is given (another check covers it).
    unless: Option<&'static str>,
    /// Why the order cannot be otherwise, and the fix.
    help: &'static str,
}

/// The orders that cannot be otherwise. Every standard fact about this
/// meeting's preparation comes on or before it; `fiscal_year_end` and the
/// shareholder's own notices (`nomination_notice`, `business_notice`) are
/// not here, because a late notice is a fact the rules judge, not an
/// impossibility.
const ORDERS: [Order; 9] = [
    Order {
        first: "prior_meeting",
        then: "meeting",
        same_day: false,
        unless: None,
        help: "`prior_meeting` is last year's annual meeting, held before this one: correct one of the two dates, or leave `prior_meeting` out if no annual meeting was held last year",
    },
    Order {
        first: "announcement",
        then: "meeting",
        same_day: true,
        unless: None,
        help: "a meeting's date is announced before the meeting is held: correct one of the two dates",
    },
    Order {
        first: "record_date",
        then: "meeting",
        same_day: true,
        unless: None,
        help: "the record date fixes who may vote at the meeting, so it cannot come after it: correct one of the two dates",
    },
    Order {
        first: "notice_mailing",
        then: "meeting",
        same_day: true,
        unless: None,
        help: "the notice of a meeting is sent before the meeting: correct one of the two dates",
    },
    Order {
        first: "proxy_release",
        then: "meeting",
        same_day: true,
        unless: None,
        help: "the proxy statement asks for proxies to vote at the meeting, so it is sent before it: correct one of the two dates",
    },
    Order {
        first: "preliminary_filing",
        then: "meeting",
        same_day: true,
        unless: None,
        help: "the preliminary proxy statement is filed before proxies for the meeting are asked for: correct one of the two dates",
    },
    Order {
        first: "definitive_filing",
        then: "meeting",
        same_day: true,
        unless: None,
        help: "the definitive proxy statement asks for proxies to vote at the meeting, so it is filed before it: correct one of the two dates",
    },
    Order {
        first: "prior_proxy_release",
        then: "prior_meeting",
        same_day: true,
        unless: None,
        help: "last year's proxy statement asked for proxies for last year's meeting, so it was sent before it: correct one of the two dates",
    },
    Order {
        first: "prior_proxy_release",
        then: "meeting",
        same_day: true,
        unless: Some("prior_meeting"),
        help: "last year's proxy statement was sent before last year's meeting, which came before this one: correct one of the two dates",
    },
];

/// Checks `facts`, given as `origins` says, in `input`: every impossible
/// order and, when `input` needs facts, their absence, as problems (all of
/// them, in a fixed order); doubtful values as warnings.
///
/// # Properties
///
/// * Only a strict inversion is a problem, except that a meeting must come
///   after `prior_meeting` (not on the same day).
/// * A problem names both facts, their dates and where each was given.
/// * The result depends only on the arguments: same facts, same problems.
///
/// # Example
///
/// ```
/// use govcal::model::facts::Facts;
/// use govcal::pack::consistency::{Input, Origins, check_facts};
/// let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let mut facts = Facts::default();
/// facts.set("meeting", date(2026, 5, 14));
/// facts.set("record_date", date(2026, 5, 15));
/// let check = check_facts(&facts, &Origins::new(), Input::Flags);
/// assert_eq!(check.problems.len(), 1);
/// assert!(check.problems[0].message.starts_with("`record_date` (Fri 15 May 2026) is after `meeting`"));
/// ```
pub fn check_facts(facts: &Facts, origins: &Origins, input: Input<'_>) -> FactCheck {
    let mut out = FactCheck::default();
    if facts.iter().next().is_none() {
        if let Some(p) = no_facts(input) {
            out.problems.push(p);
        }
        return out;
    }
    for o in &ORDERS {
        let (Some(first), Some(then)) = (facts.get(o.first), facts.get(o.then)) else {
            continue;
        };
        if o.unless.is_some_and(|u| facts.get(u).is_some()) {
            continue;
        }
        let wrong = if o.same_day {
            first > then
        } else {
            first >= then
        };
        if !wrong {
            continue;
        }
        let named = |name: &str, date: NaiveDate| match origins.get(name) {
            Some(g) => format!("`{name}` ({}, {})", show_date(date), g.place()),
            None => format!("`{name}` ({})", show_date(date)),
        };
        let relation = if o.same_day { "after" } else { "on or after" };
        let at = [o.first, o.then]
            .iter()
            .find_map(|n| origins.get(*n).and_then(Given::at));
        out.problems.push(Problem {
            message: format!(
                "{} is {relation} {}",
                named(o.first, first),
                named(o.then, then)
            ),
            help: o.help.to_owned(),
            at,
        });
    }
    if !out.problems.is_empty() {
        return out;
    }
    if let (Some(prior_meeting), Some(meeting)) = (facts.get("prior_meeting"), facts.get("meeting"))
        && add_months(prior_meeting, LONG_GAP_MONTHS).is_ok_and(|limit| meeting > limit)
    {
        out.warnings.push(FactWarning::LongAfterPrior {
            prior_meeting,
            meeting,
        });
    }
    if let (Some(record_date), Some(meeting)) = (facts.get("record_date"), facts.get("meeting")) {
        let days = (meeting - record_date).num_days();
        if days > RECORD_DATE_DAYS {
            out.warnings.push(FactWarning::EarlyRecordDate {
                record_date,
                meeting,
                days,
            });
        }
    }
    out
}

/// The facts a date outside a holiday calendar's years comes from: when
/// `err` is such a date ([`CalendarError::NotCovered`], alone or as a
/// rule's cause), a problem for each fact outside the calendar's years,
/// naming the fact, its date, where it was given and the calendar's years
/// (#18). When none is outside them, a date computed from the facts
/// crossed the first or last year: the problems are then at the facts
/// within a year of that date. Empty for any other error.
pub fn outside_calendar(err: &Error, facts: &Facts, origins: &Origins) -> Vec<Problem> {
    let (rule, cause) = match err {
        Error::Rule { rule, source } => (Some(rule.as_str()), &**source),
        other => (None, other),
    };
    let Error::Calendar(CalendarError::NotCovered {
        calendar,
        date,
        first_year,
        last_year,
    }) = cause
    else {
        return Vec::new();
    };
    let needs = match rule {
        Some(rule) => format!(
            "rule `{rule}` needs the calendar's holidays for {}",
            date.year()
        ),
        None => format!("the calendar's holidays for {} are needed", date.year()),
    };
    let years = *first_year..=*last_year;
    let outside: Vec<(&str, NaiveDate)> = facts
        .iter()
        .filter(|(_, value)| !years.contains(&value.year()))
        .collect();
    // None outside: a date computed from one near the edge crossed it.
    let (facts, relation, help) = if outside.is_empty() {
        let edge = if date.year() > *last_year {
            "end"
        } else {
            "start"
        };
        let near: Vec<(&str, NaiveDate)> = facts
            .iter()
            .filter(|(_, value)| (value.year() - date.year()).abs() <= 1)
            .collect();
        (
            near,
            format!("is too near the {edge} of"),
            format!("{needs}, which it does not have"),
        )
    } else {
        (
            outside,
            "is outside".to_owned(),
            format!("check the year: {needs}"),
        )
    };
    facts
        .into_iter()
        .map(|(name, value)| {
            let given = origins.get(name);
            let place = given.map(|g| format!(", {}", g.place())).unwrap_or_default();
            Problem {
                message: format!(
                    "`{name}` ({value}{place}) {relation} the years calendar `{calendar}` covers, {first_year}–{last_year}"
                ),
                help: help.clone(),
                at: given.and_then(Given::at),
            }
        })
        .collect()
}

/// The problem of no facts at all, said for where they were expected.
fn no_facts(input: Input<'_>) -> Option<Problem> {
    let needed =
        "govcal needs the meeting's dates, at least the meeting or last year's annual meeting";
    let (message, help, at) = match input {
        Input::MayBeEmpty => return None,
        Input::File(src) => {
            // Point at the `[facts]` table if there is one, else the start.
            let at = src.text().find("[facts]").map_or(0..0, |i| i..i + 7);
            (
                format!("no facts given: the facts file has no dates; {needed}"),
                "add the meeting's date under `[facts]`, e.g. `meeting = 2026-05-14`, and last year's, e.g. `prior_meeting = 2025-05-15`".to_owned(),
                Some((Arc::clone(src), at)),
            )
        }
        Input::Filing(src) => (
            format!("no facts given: no dates were read from the filing; {needed}"),
            "`govcal extract FILING` shows what was read; give the dates with `--meeting` and `--prior-meeting`".to_owned(),
            Some((Arc::clone(src), 0..0)),
        ),
        Input::Flags => (
            format!("no facts given: {needed}"),
            "name a facts file with `meeting = 2026-05-14` under `[facts]`, or give `--meeting 2026-05-14` (and `--prior-meeting`)".to_owned(),
            None,
        ),
        Input::Row => (
            format!("no facts given: the row has no dates; {needed}"),
            "fill in the `meeting` or `prior_meeting` column, or name a facts file in `profile`"
                .to_owned(),
            None,
        ),
    };
    Some(Problem { message, help, at })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn facts(pairs: &[(&str, NaiveDate)]) -> Facts {
        let mut f = Facts::default();
        for (n, d) in pairs {
            f.set(*n, *d);
        }
        f
    }

    fn problems(f: &Facts) -> Vec<String> {
        check_facts(f, &Origins::new(), Input::MayBeEmpty)
            .problems
            .into_iter()
            .map(|p| p.message)
            .collect()
    }

    #[test]
    fn a_meeting_on_or_before_the_prior_one_is_impossible() {
        let m = ymd(2026, 5, 14);
        for prior in [m, ymd(2026, 6, 1)] {
            let got = problems(&facts(&[("meeting", m), ("prior_meeting", prior)]));
            assert_eq!(got.len(), 1, "{got:?}");
            assert!(
                got[0].contains("`prior_meeting`") && got[0].contains("is on or after `meeting`"),
                "{got:?}"
            );
        }
        assert!(
            problems(&facts(&[
                ("meeting", m),
                ("prior_meeting", ymd(2026, 5, 13))
            ]))
            .is_empty()
        );
    }

    #[test]
    fn preparations_after_the_meeting_are_impossible_and_on_its_day_are_not() {
        let m = ymd(2026, 5, 14);
        for name in [
            "announcement",
            "record_date",
            "notice_mailing",
            "proxy_release",
            "preliminary_filing",
            "definitive_filing",
            "prior_proxy_release",
        ] {
            let after = problems(&facts(&[("meeting", m), (name, ymd(2026, 5, 15))]));
            assert_eq!(after.len(), 1, "{name}: {after:?}");
            assert!(
                after[0].starts_with(&format!("`{name}` (Fri 15 May 2026) is after `meeting`")),
                "{after:?}"
            );
            if name != "prior_proxy_release" {
                assert!(
                    problems(&facts(&[("meeting", m), (name, m)])).is_empty(),
                    "{name} on the meeting day is possible"
                );
            }
        }
    }

    #[test]
    fn notices_and_the_fiscal_year_end_may_come_after_the_meeting() {
        let m = ymd(2026, 5, 14);
        for name in ["nomination_notice", "business_notice", "fiscal_year_end"] {
            assert!(problems(&facts(&[("meeting", m), (name, ymd(2026, 6, 1))])).is_empty());
        }
    }

    #[test]
    fn last_years_proxy_after_last_years_meeting_is_impossible() {
        let got = problems(&facts(&[
            ("meeting", ymd(2026, 5, 14)),
            ("prior_meeting", ymd(2025, 5, 15)),
            ("prior_proxy_release", ymd(2025, 6, 1)),
        ]));
        assert_eq!(
            got,
            ["`prior_proxy_release` (Sun 1 Jun 2025) is after `prior_meeting` (Thu 15 May 2025)"]
        );
    }

    #[test]
    fn a_date_outside_a_calendar_is_put_at_each_fact_outside_it() {
        let file = SourceFile::new("f.toml", "[facts]\nmeeting = 0000-05-14\n");
        let mut origins = Origins::new();
        origins.insert(
            "meeting".to_owned(),
            Given::File {
                source: Arc::clone(&file),
                span: 18..28,
            },
        );
        let f = facts(&[
            ("meeting", ymd(0, 5, 14)),
            ("prior_meeting", ymd(2025, 5, 15)),
        ]);
        let err = Error::Rule {
            rule: "us_de_dgcl/record_date".to_owned(),
            source: Box::new(Error::Calendar(CalendarError::NotCovered {
                calendar: "us_federal".to_owned(),
                date: ymd(0, 4, 1),
                first_year: 1990,
                last_year: 2050,
            })),
        };
        let got = outside_calendar(&err, &f, &origins);
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].message,
            "`meeting` (0000-05-14, at f.toml:2:11) is outside the years calendar `us_federal` covers, 1990–2050"
        );
        assert_eq!(
            got[0].help,
            "check the year: rule `us_de_dgcl/record_date` needs the calendar's holidays for 0"
        );
        assert_eq!(got[0].at.as_ref().map(|(_, s)| s.clone()), Some(18..28));
        assert!(outside_calendar(&Error::OutOfRange, &f, &origins).is_empty());
    }

    #[test]
    fn every_problem_is_reported_with_both_places() {
        let file = SourceFile::new(
            "f.toml",
            "[facts]\nmeeting = 2026-05-14\nrecord_date = 2026-06-01\n",
        );
        let mut origins = Origins::new();
        origins.insert(
            "meeting".to_owned(),
            Given::File {
                source: Arc::clone(&file),
                span: 18..28,
            },
        );
        origins.insert(
            "record_date".to_owned(),
            Given::File {
                source: Arc::clone(&file),
                span: 43..53,
            },
        );
        let line = SourceFile::new("command line", "--announcement 2026-06-02");
        origins.insert(
            "announcement".to_owned(),
            Given::Flag {
                flag: "--announcement".to_owned(),
                source: Arc::clone(&line),
                span: 0..25,
            },
        );
        let f = facts(&[
            ("meeting", ymd(2026, 5, 14)),
            ("record_date", ymd(2026, 6, 1)),
            ("announcement", ymd(2026, 6, 2)),
        ]);
        let check = check_facts(&f, &origins, Input::File(&file));
        let got: Vec<&str> = check.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            got,
            [
                "`announcement` (Tue 2 Jun 2026, from `--announcement`) is after `meeting` (Thu 14 May 2026, at f.toml:2:11)",
                "`record_date` (Mon 1 Jun 2026, at f.toml:3:15) is after `meeting` (Thu 14 May 2026, at f.toml:2:11)",
            ]
        );
        // Each points at its first fact: the flag, then the record date.
        let d: Vec<String> = check
            .problems
            .iter()
            .map(|p| p.diagnostic(&file).location())
            .collect();
        assert_eq!(d, ["command line:1:1", "f.toml:3:15"]);
        assert!(
            check.problems[1]
                .help
                .contains("record date fixes who may vote")
        );
    }

    #[test]
    fn no_facts_is_a_problem_where_facts_are_needed() {
        let empty = Facts::default();
        let file = SourceFile::new("f.toml", "[company]\nname = \"A\"\n[facts]\n");
        let p = &check_facts(&empty, &Origins::new(), Input::File(&file)).problems;
        assert_eq!(p.len(), 1);
        assert!(p[0].message.starts_with("no facts given"), "{p:?}");
        assert!(p[0].help.contains("meeting = 2026-05-14"), "{p:?}");
        assert_eq!(p[0].diagnostic(&file).location(), "f.toml:3:1");
        for input in [Input::Flags, Input::Row, Input::Filing(&file)] {
            assert_eq!(
                check_facts(&empty, &Origins::new(), input).problems.len(),
                1
            );
        }
        assert!(problems(&empty).is_empty(), "a worked case may have none");
        // One date is enough.
        let one = facts(&[("fiscal_year_end", ymd(2025, 12, 31))]);
        assert!(
            check_facts(&one, &Origins::new(), Input::Flags)
                .problems
                .is_empty()
        );
    }

    #[test]
    fn a_meeting_more_than_18_months_after_the_prior_one_is_doubtful() {
        let prior = ymd(2024, 11, 30);
        let warn = |meeting| {
            check_facts(
                &facts(&[("meeting", meeting), ("prior_meeting", prior)]),
                &Origins::new(),
                Input::Flags,
            )
            .warnings
        };
        // 18 months after 30 November 2024 is 30 May 2026.
        assert!(warn(ymd(2026, 5, 30)).is_empty());
        assert_eq!(
            warn(ymd(2026, 5, 31)),
            [FactWarning::LongAfterPrior {
                prior_meeting: prior,
                meeting: ymd(2026, 5, 31)
            }]
        );
    }

    #[test]
    fn a_record_date_more_than_90_days_before_the_meeting_is_doubtful() {
        let m = ymd(2026, 5, 14);
        let warn = |r| {
            check_facts(
                &facts(&[("meeting", m), ("record_date", r)]),
                &Origins::new(),
                Input::Flags,
            )
            .warnings
        };
        assert!(warn(ymd(2026, 2, 13)).is_empty(), "90 days");
        assert_eq!(
            warn(ymd(2026, 2, 12)),
            [FactWarning::EarlyRecordDate {
                record_date: ymd(2026, 2, 12),
                meeting: m,
                days: 91
            }]
        );
        assert!(
            warn(m).is_empty(),
            "on the meeting day: possible, not doubtful"
        );
    }
}
