//! What an amendment changes: deadlines evaluated under two versions of a
//! library, paired rule by rule and bound by bound, and the changes over a
//! span of meeting dates summarised into runs. Pure functions over
//! [`Deadline`]s; loading, evaluating and printing belong to the caller.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::eval::{Bound, Deadline};
use crate::model::expr::{BoundName, MeetingKind};
use crate::model::facts::Facts;
use crate::model::offset::add_days;
use crate::model::rule::RulePack;
use crate::model::rule::Status;

/// What one version of the library says about one bound of one rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum State {
    /// The rule is not in this version of the library.
    Absent,
    /// The rule gives this bound a date.
    Date {
        /// The date, after any roll.
        date: NaiveDate,
        /// The time of day (`17:00`), when the rule has one.
        #[serde(skip_serializing_if = "Option::is_none")]
        time: Option<String>,
        /// The time zone of `time`.
        #[serde(skip_serializing_if = "Option::is_none")]
        zone: Option<String>,
    },
    /// The rule gives dates, but none for this bound (a cut-off with no
    /// opening date).
    NoBound,
    /// The rule gives no date: its answer is conditional, unspecified or
    /// not applicable.
    NoDate {
        /// The kind of answer.
        status: Status,
        /// The law's words, or why the rule does not apply.
        #[serde(skip_serializing_if = "Option::is_none")]
        words: Option<String>,
    },
}

impl State {
    fn of(d: Option<&Deadline>, bound: BoundName) -> State {
        let Some(d) = d else {
            return State::Absent;
        };
        if d.status != Status::Computed {
            return State::NoDate {
                status: d.status,
                words: d.words.as_ref().map(ToString::to_string),
            };
        }
        let b: Option<&Bound> = match bound {
            BoundName::Opens => d.opens.as_ref(),
            BoundName::Closes => d.closes.as_ref(),
        };
        match b {
            Some(b) => State::Date {
                date: b.date,
                time: b.time.as_ref().map(|m| m.local.format("%H:%M").to_string()),
                zone: b.time.as_ref().map(|m| m.zone.name().into_owned()),
            },
            None => State::NoBound,
        }
    }

    /// Returns the date, when this side has one.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            State::Date { date, .. } => Some(*date),
            _ => None,
        }
    }

    /// Returns a short name of the kind of state (`date`, `absent`,
    /// `no_bound`, or the status), for grouping.
    pub fn kind(&self) -> &'static str {
        match self {
            State::Absent => "absent",
            State::Date { .. } => "date",
            State::NoBound => "no_bound",
            State::NoDate { status, .. } => match status {
                Status::Computed => "computed",
                Status::Conditional => "conditional",
                Status::Unspecified => "unspecified",
                Status::NotApplicable => "not_applicable",
            },
        }
    }

    fn nothing(&self) -> bool {
        matches!(self, State::Absent | State::NoBound)
    }
}

/// One bound of one rule under both versions of the library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The pack's id (in the new library; in the old one for a removed rule).
    pub pack: String,
    /// The rule's id, likewise.
    pub rule: String,
    /// The rule's full id in the old library, when it was renamed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub was: Option<String>,
    /// Which bound.
    pub bound: BoundName,
    /// Before the amendment.
    pub old: State,
    /// After it.
    pub new: State,
    /// The branch taken before, when the rule has branches.
    pub old_branch: Option<String>,
    /// The branch taken after.
    pub new_branch: Option<String>,
    /// The rule's citation (the new one, else the old one).
    pub citation: String,
    /// The old citation, when it differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_citation: Option<String>,
}

impl Change {
    /// Returns `<pack>/<rule>`.
    pub fn id(&self) -> String {
        format!("{}/{}", self.pack, self.rule)
    }

    /// Returns whether the two sides differ.
    pub fn is_change(&self) -> bool {
        self.old != self.new
    }

    /// Returns how many calendar days the date moved (negative: earlier),
    /// when both sides have one.
    pub fn shift_days(&self) -> Option<i64> {
        Some(
            self.new
                .date()?
                .signed_duration_since(self.old.date()?)
                .num_days(),
        )
    }

    /// Returns whether both sides have a date and their times of day differ.
    pub fn time_changed(&self) -> bool {
        match (&self.old, &self.new) {
            (
                State::Date {
                    time: t1, zone: z1, ..
                },
                State::Date {
                    time: t2, zone: z2, ..
                },
            ) => (t1, z1) != (t2, z2),
            _ => false,
        }
    }
}

/// Maps old full rule ids to new ones where they differ: a rule renamed
/// (its old id among its `aliases`), or a rule of the replaced pack when
/// the new version has another pack id (`old_pack` → `new_pack`).
pub fn renames(
    old: &[RulePack],
    new: &[RulePack],
    old_pack: &str,
    new_pack: &str,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for p in new {
        let from_pack = if p.id == new_pack { old_pack } else { &p.id };
        let Some(q) = old.iter().find(|q| q.id == from_pack) else {
            continue;
        };
        for r in &p.rules {
            // The same id first, then a former one.
            let found = std::iter::once(&r.id)
                .chain(&r.aliases)
                .find(|a| q.rules.iter().any(|o| o.id == **a));
            if let Some(a) = found {
                let (source, target) = (format!("{}/{a}", q.id), format!("{}/{}", p.id, r.id));
                if source != target {
                    out.insert(source, target);
                }
            }
        }
    }
    out
}

/// Pairs the deadlines of the old and the new library, rule by rule (through
/// `renames`, from [`renames`]) and bound by bound, in library order, the
/// rules only in the new library last. Unchanged pairs are included (see
/// [`Change::is_change`]); a bound that neither side has is not.
pub fn compare(
    old: &[Deadline],
    new: &[Deadline],
    renames: &BTreeMap<String, String>,
) -> Vec<Change> {
    let mut by_id: BTreeMap<String, &Deadline> = new.iter().map(|d| (d.id(), d)).collect();
    let mut pairs: Vec<(Option<&Deadline>, Option<&Deadline>)> = Vec::new();
    for d in old {
        let id = d.id();
        let target = renames.get(&id).unwrap_or(&id);
        pairs.push((Some(d), by_id.remove(target)));
    }
    pairs.extend(
        new.iter()
            .filter(|d| by_id.contains_key(&d.id()))
            .map(|d| (None, Some(d))),
    );
    let mut out = Vec::new();
    for (o, n) in pairs {
        let Some(named) = n.or(o) else { continue };
        let was = match (o, n) {
            (Some(o), Some(n)) if o.id() != n.id() => Some(o.id()),
            _ => None,
        };
        let citation = named.citation.clone();
        let old_citation = o
            .map(|o| o.citation.clone())
            .filter(|c| n.is_some() && *c != citation);
        for bound in [BoundName::Opens, BoundName::Closes] {
            let (os, ns) = (State::of(o, bound), State::of(n, bound));
            if os.nothing() && ns.nothing() {
                continue;
            }
            out.push(Change {
                pack: named.pack.clone(),
                rule: named.rule.clone(),
                was: was.clone(),
                bound,
                old: os,
                new: ns,
                old_branch: o.and_then(|d| d.branch.clone()),
                new_branch: n.and_then(|d| d.branch.clone()),
                citation: citation.clone(),
                old_citation: old_citation.clone(),
            });
        }
    }
    out
}

/// The facts that are history, not this meeting's: they stay as given
/// while the meeting date moves across a span.
pub const HISTORY: [&str; 2] = ["prior_meeting", "prior_proxy_release"];

/// Returns the facts for a meeting on `meeting`, from the facts as given:
///
/// * the facts in [`HISTORY`] stay as given;
/// * a missing `prior_meeting` of an annual meeting is taken to be the same
///   day one year before (28 February for a meeting on 29 February);
/// * every other fact (announcement, record date, …) keeps its distance in
///   calendar days from the meeting as given.
///
/// # Errors
///
/// [`Error::Usage`] when the facts give a date of this meeting but no
/// meeting date to keep its distance from; [`Error::OutOfRange`] past
/// chrono's range.
pub fn facts_for_meeting(given: &Facts, meeting: NaiveDate) -> Result<Facts> {
    let mut out = given.clone();
    out.set("meeting", meeting);
    for (name, date) in given.iter() {
        if name == "meeting" || HISTORY.contains(&name) {
            continue;
        }
        let Some(was) = given.get("meeting") else {
            return Err(Error::usage(
                format!(
                    "`{name}` is given without a meeting date, so it cannot keep its distance from the meeting across the span"
                ),
                Some(format!(
                    "give `--meeting` (the meeting `{name}` belongs to) or drop it with `--without {name}`"
                )),
            ));
        };
        out.set(
            name,
            add_days(date, meeting.signed_duration_since(was).num_days())?,
        );
    }
    if given.meeting_kind == MeetingKind::Annual && given.get("prior_meeting").is_none() {
        out.set("prior_meeting", one_year_before(meeting)?);
    }
    Ok(out)
}

/// Returns the same day one year earlier; 28 February for 29 February.
fn one_year_before(date: NaiveDate) -> Result<NaiveDate> {
    let year = date.year().checked_sub(1).ok_or(Error::OutOfRange)?;
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))
        .ok_or(Error::OutOfRange)
}

/// Consecutive meeting dates over which one bound of one rule changes the
/// same way: the same kinds of answer, the same branches taken before and
/// after, the same direction and the same time-of-day change. The shift in
/// days may vary within a run (an anniversary-keyed date replaced by a
/// meeting-keyed one); `shift_min` and `shift_max` say by how much.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Run {
    /// The first meeting date of the run.
    pub from: NaiveDate,
    /// The last meeting date of the run.
    pub to: NaiveDate,
    /// How many meeting dates it covers.
    pub meetings: usize,
    /// The smallest shift in days over the run, when both sides have dates.
    pub shift_min: Option<i64>,
    /// The largest shift in days over the run.
    pub shift_max: Option<i64>,
    /// The change for a meeting on `from`.
    pub first: Change,
    /// The change for a meeting on `to`.
    pub last: Change,
}

/// What must stay the same along a run.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct RunKey {
    id: String,
    was: Option<String>,
    bound: BoundName,
    kinds: (&'static str, &'static str),
    branches: (Option<String>, Option<String>),
    direction: i64,
    time_changed: bool,
}

impl RunKey {
    fn of(c: &Change) -> RunKey {
        RunKey {
            id: c.id(),
            was: c.was.clone(),
            bound: c.bound,
            kinds: (c.old.kind(), c.new.kind()),
            branches: (c.old_branch.clone(), c.new_branch.clone()),
            direction: c.shift_days().map_or(0, i64::signum),
            time_changed: c.time_changed(),
        }
    }
}

/// Summarises the changes for each meeting date (in increasing date order)
/// into [`Run`]s, sorted by first date, rule id and bound. Unchanged pairs
/// are ignored; a date missing from the input breaks every run.
///
/// # Properties
///
/// * Every changed pair of every date falls in exactly one run, and the
///   `meetings` of the runs add up to the number of changed pairs.
/// * A run's dates are consecutive days: `meetings` is `to - from + 1`.
pub fn runs(per_meeting: &[(NaiveDate, Vec<Change>)]) -> Vec<Run> {
    let mut open: BTreeMap<RunKey, Run> = BTreeMap::new();
    let mut done: Vec<Run> = Vec::new();
    for (date, changes) in per_meeting {
        for c in changes.iter().filter(|c| c.is_change()) {
            let key = RunKey::of(c);
            let shift = c.shift_days();
            if let Some(run) = open.get_mut(&key) {
                if run.to.succ_opt() == Some(*date) {
                    run.to = *date;
                    run.meetings += 1;
                    run.shift_min = run.shift_min.min(shift);
                    run.shift_max = run.shift_max.max(shift);
                    run.last = c.clone();
                    continue;
                }
                if let Some(ended) = open.remove(&key) {
                    done.push(ended);
                }
            }
            open.insert(
                key,
                Run {
                    from: *date,
                    to: *date,
                    meetings: 1,
                    shift_min: shift,
                    shift_max: shift,
                    first: c.clone(),
                    last: c.clone(),
                },
            );
        }
    }
    done.extend(open.into_values());
    done.sort_by(|a, b| {
        (a.from, a.first.id(), a.first.bound, a.to).cmp(&(
            b.from,
            b.first.id(),
            b.first.bound,
            b.to,
        ))
    });
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    fn at(d: NaiveDate) -> State {
        State::Date {
            date: d,
            time: None,
            zone: None,
        }
    }

    fn change(rule: &str, old: State, new: State, branch: &str) -> Change {
        Change {
            pack: "p".to_owned(),
            rule: rule.to_owned(),
            was: None,
            bound: BoundName::Closes,
            old,
            new,
            old_branch: Some(branch.to_owned()),
            new_branch: Some(branch.to_owned()),
            citation: "c".to_owned(),
            old_citation: None,
        }
    }

    /// Meeting dates from 1 Mar 2027, one a day, with a change per date.
    fn days(changes: Vec<Vec<Change>>) -> Vec<(NaiveDate, Vec<Change>)> {
        let mut d = date(2027, 3, 1);
        changes
            .into_iter()
            .map(|c| {
                let this = d;
                d = d.succ_opt().expect("a next day");
                (this, c)
            })
            .collect()
    }

    #[test]
    fn a_constant_shift_is_one_run_and_a_gap_splits_it() {
        let moved = || {
            vec![change(
                "a",
                at(date(2027, 2, 14)),
                at(date(2027, 1, 15)),
                "x",
            )]
        };
        let same = vec![change(
            "a",
            at(date(2027, 2, 14)),
            at(date(2027, 2, 14)),
            "x",
        )];
        let got = runs(&days(vec![moved(), moved(), moved(), same, moved()]));
        assert_eq!(got.len(), 2, "{got:#?}");
        assert_eq!(
            (got[0].from, got[0].to, got[0].meetings),
            (date(2027, 3, 1), date(2027, 3, 3), 3)
        );
        assert_eq!((got[0].shift_min, got[0].shift_max), (Some(-30), Some(-30)));
        assert_eq!(
            (got[1].from, got[1].to, got[1].meetings),
            (date(2027, 3, 5), date(2027, 3, 5), 1)
        );
    }

    #[test]
    fn a_varying_shift_in_one_branch_is_one_run_with_its_range() {
        // The old date is fixed, the new one follows the meeting.
        let per: Vec<Vec<Change>> = (0..5)
            .map(|i| {
                vec![change(
                    "a",
                    at(date(2027, 2, 14)),
                    at(date(2027, 1, 10 + i)),
                    "x",
                )]
            })
            .collect();
        let got = runs(&days(per));
        assert_eq!(got.len(), 1, "{got:#?}");
        assert_eq!((got[0].shift_min, got[0].shift_max), (Some(-35), Some(-31)));
        assert_eq!(got[0].first.new.date(), Some(date(2027, 1, 10)));
        assert_eq!(got[0].last.new.date(), Some(date(2027, 1, 14)));
    }

    #[test]
    fn another_branch_direction_or_rule_starts_another_run() {
        let d = |n| at(date(2027, 2, n));
        let got = runs(&days(vec![
            vec![change("a", d(14), d(1), "x"), change("b", d(1), d(2), "x")],
            vec![change("a", d(14), d(1), "y"), change("b", d(1), d(2), "x")],
            vec![change("a", d(14), d(20), "y"), change("b", d(1), d(2), "x")],
        ]));
        let summary: Vec<(String, NaiveDate, usize)> = got
            .iter()
            .map(|r| (r.first.rule.clone(), r.from, r.meetings))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("a".to_owned(), date(2027, 3, 1), 1),
                ("b".to_owned(), date(2027, 3, 1), 3),
                ("a".to_owned(), date(2027, 3, 2), 1),
                ("a".to_owned(), date(2027, 3, 3), 1),
            ]
        );
    }

    #[test]
    fn a_status_change_groups_without_a_shift() {
        let na = State::NoDate {
            status: Status::NotApplicable,
            words: None,
        };
        let got = runs(&days(vec![
            vec![change("a", at(date(2027, 2, 1)), na.clone(), "x")],
            vec![change("a", at(date(2027, 2, 2)), na, "x")],
        ]));
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].meetings, got[0].shift_min), (2, None));
    }

    #[test]
    fn facts_follow_the_meeting_and_history_stays() {
        let mut given = Facts::default();
        given.set("meeting", date(2026, 5, 14));
        given.set("announcement", date(2026, 2, 26));
        given.set("prior_proxy_release", date(2025, 4, 3));
        let got = facts_for_meeting(&given, date(2027, 3, 1)).expect("facts");
        // 2026-02-26 is 77 days before 2026-05-14; 77 days before 2027-03-01
        // is 2026-12-14 (python3: date(2027,3,1) - timedelta(77)).
        assert_eq!(got.get("announcement"), Some(date(2026, 12, 14)));
        assert_eq!(got.get("prior_proxy_release"), Some(date(2025, 4, 3)));
        assert_eq!(got.get("prior_meeting"), Some(date(2026, 3, 1)));
        let leap = facts_for_meeting(&Facts::default(), date(2028, 2, 29)).expect("facts");
        assert_eq!(leap.get("prior_meeting"), Some(date(2027, 2, 28)));
        let mut orphan = Facts::default();
        orphan.set("record_date", date(2026, 3, 16));
        assert!(matches!(
            facts_for_meeting(&orphan, date(2027, 3, 1)),
            Err(Error::Usage { .. })
        ));
    }
}
