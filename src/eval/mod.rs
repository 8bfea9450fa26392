//! Evaluation: every selected rule, in dependency order, against a meeting's
//! facts, into [`Deadline`]s with a status, a trace and warnings.
//!
//! What is known is computed; what is not stays symbolic. A condition on
//! one missing fact is solved into dates ("if the meeting is between …"),
//! and `later_of` / `earlier_of` against one missing fact becomes the
//! threshold at which the answer changes (DESIGN §5).

mod condition;
mod evaluator;
mod solve;
#[cfg(test)]
mod tests;
pub mod trace;

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use std::sync::Arc;

use crate::model::zone::Zone;
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::error::Result;
use crate::model::calendar::{Calendar, Roll};
use crate::model::expr::{BoundName, Cond, Expr};
use crate::model::facts::{Company, Facts};
use crate::model::offset::anniversary;
use crate::model::rule::{Actor, Certainty, RulePack, Status, Test};

pub use condition::Condition;
use condition::Truth;
use evaluator::{Evaluator, RuleCx};
pub use trace::{Op, Step};

/// A time of day in a zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Moment {
    /// Wall-clock date and time.
    pub local: NaiveDateTime,
    /// The zone.
    pub zone: Zone,
    /// The same instant in UTC, per [`Zone::to_utc`].
    pub utc: NaiveDateTime,
}

/// One end of a window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bound {
    /// The date, after any roll.
    pub date: NaiveDate,
    /// The date the arithmetic gave, before any roll.
    pub computed: NaiveDate,
    /// The roll policy applied.
    pub roll: Roll,
    /// The time of day, when the rule has one.
    pub time: Option<Moment>,
}

/// One answer in a conditional result.
#[derive(Clone, Debug)]
pub enum Answer<'p> {
    /// A known date.
    Date(Bound),
    /// A date that depends on a missing fact: the expression that gives
    /// it, moved as the rule's roll says once known.
    Pending {
        /// The expression.
        expr: &'p Expr,
        /// The roll of the bound.
        roll: Roll,
    },
}

/// One case of a conditional result: when it holds, and what it yields.
#[derive(Clone, Debug)]
pub struct Case<'p> {
    /// When the case holds; `None`: in every case the others leave
    /// ("otherwise").
    pub when: Option<Condition<'p>>,
    /// The opening bound in this case.
    pub opens: Option<Answer<'p>>,
    /// The closing bound in this case.
    pub closes: Option<Answer<'p>>,
    /// The law's words, when this case has no date.
    pub unspecified: Option<&'p str>,
    /// Not applicable in this case, with the reason.
    pub not_applicable: Option<Why<'p>>,
    /// The case is about next year's meeting (its words say so).
    pub next_year: bool,
}

/// Why a rule gives no date or does not apply, as data; `analyse::words`
/// says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why<'p> {
    /// The law gives no date: its words.
    Law(&'p str),
    /// The rule's own words for why it does not apply.
    Said(&'p str),
    /// The pack governs other companies (another state or exchange): why,
    /// shared by every rule of the pack.
    Excluded(Arc<str>),
    /// Another loaded rule sets this date instead.
    Replaced {
        /// The rule's reason for yielding.
        reason: &'p str,
        /// The pack of the rule that sets the date.
        pack: &'p str,
        /// That rule.
        rule: &'p str,
    },
    /// The rule applies only when this condition holds, and it does not.
    AppliesOnlyWhen(&'p Cond),
    /// No branch of the rule applies to this meeting.
    NoBranch,
    /// No branch applies in this case of a conditional answer.
    NoBranchInCase,
}

/// Something to look at in a computed date.
#[derive(Clone, Debug)]
pub enum Warning<'p> {
    /// A closing date that is not a business day, on a rule that does not
    /// roll it.
    NotBusinessDay {
        /// Which bound.
        bound: BoundName,
        /// The date.
        date: NaiveDate,
        /// The calendar that says why.
        calendar: Arc<Calendar>,
    },
    /// The date is before `--today`.
    Past {
        /// Which bound.
        bound: BoundName,
        /// The date.
        date: NaiveDate,
        /// Today.
        today: NaiveDate,
    },
    /// A fact the rule checks (a record date) lies outside its window.
    Outside {
        /// The fact's name.
        fact: &'p str,
        /// Its date.
        value: NaiveDate,
        /// The bound it is on the wrong side of.
        bound: BoundName,
        /// That bound's date.
        date: NaiveDate,
        /// The rule's citation.
        citation: &'p str,
    },
    /// A shareholder's or dissident's date that falls after the meeting: a
    /// step for the meeting that can only be taken once it is over.
    AfterMeeting {
        /// Which bound.
        bound: BoundName,
        /// The date.
        date: NaiveDate,
        /// The meeting.
        meeting: NaiveDate,
    },
    /// A shareholder's or dissident's closing date counted from the meeting
    /// date that falls before the meeting date was first announced: no one
    /// outside the company could have known it in time.
    BeforeAnnouncement {
        /// Which bound.
        bound: BoundName,
        /// The date.
        date: NaiveDate,
        /// The first public announcement of the meeting date.
        announcement: NaiveDate,
    },
}

impl Warning<'_> {
    /// The bound the warning is about, when it is about one date of the
    /// deadline (a date not rolled, a date past, a date out of order with
    /// the meeting); `None` for a fact outside the window.
    pub fn bound(&self) -> Option<BoundName> {
        match self {
            Warning::NotBusinessDay { bound, .. }
            | Warning::Past { bound, .. }
            | Warning::AfterMeeting { bound, .. }
            | Warning::BeforeAnnouncement { bound, .. } => Some(*bound),
            Warning::Outside { .. } => None,
        }
    }
}

/// A rule evaluated against facts.
#[derive(Clone, Debug, Serialize)]
pub struct Deadline<'p> {
    /// The pack's id.
    pub pack: String,
    /// The rule's id.
    pub rule: String,
    /// The rule's title, the name a person reads (the id if it has none).
    pub title: String,
    /// The pack's version.
    pub pack_version: String,
    /// The rule's summary.
    pub summary: String,
    /// The rule's citation.
    pub citation: String,
    /// Where to read it.
    pub url: Option<String>,
    /// Who must act.
    pub actor: Option<Actor>,
    /// What counts as meeting it.
    pub test: Option<Test>,
    /// How sure the reading is.
    pub certainty: Option<Certainty>,
    /// What kind of answer.
    pub status: Status,
    /// The label of the branch taken.
    pub branch: Option<String>,
    /// The position of the branch taken among the rule's branches, when one
    /// was taken on known facts (for `govcal check`'s search).
    #[serde(skip)]
    pub branch_index: Option<usize>,
    /// The window's earliest moment.
    pub opens: Option<Bound>,
    /// The window's latest moment.
    pub closes: Option<Bound>,
    /// For `unspecified`: the law's words; for `not applicable`: why.
    pub words: Option<Why<'p>>,
    /// For `conditional`: the answer case by case.
    pub cases: Vec<Case<'p>>,
    /// Facts whose absence made the answer conditional.
    pub missing: Vec<String>,
    /// The steps that produced the dates.
    pub trace: Vec<Step<'p>>,
    /// Things to look at: weekend dates that do not roll, dates past, a
    /// checked fact outside the window, a shareholder's date out of order
    /// with the meeting.
    pub warnings: Vec<Warning<'p>>,
    /// The disclosure rule under which next year's date is printed in this
    /// year's proxy statement, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disclose_in_proxy: Option<String>,
}

impl Deadline<'_> {
    /// Returns `<pack>/<rule>`.
    pub fn id(&self) -> String {
        format!("{}/{}", self.pack, self.rule)
    }

    /// The name a person reads: the rule's title, or its full id
    /// (`pack/rule`) when the rule has none.
    pub fn name(&self) -> String {
        if self.title == self.rule {
            self.id()
        } else {
            self.title.clone()
        }
    }

    /// Returns the computed bounds with their names.
    pub fn bounds(&self) -> impl Iterator<Item = (BoundName, &Bound)> {
        [
            (BoundName::Opens, self.opens.as_ref()),
            (BoundName::Closes, self.closes.as_ref()),
        ]
        .into_iter()
        .filter_map(|(n, b)| b.map(|b| (n, b)))
    }
}

/// What evaluation needs besides the packs and facts.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The company (zone, close of business).
    pub company: &'a Company,
    /// Holiday calendars by id.
    pub calendars: &'a BTreeMap<String, Arc<Calendar>>,
    /// "Today", for warnings about past dates; never read from the clock here.
    pub today: Option<NaiveDate>,
}

/// The facts of next year's annual meeting as far as this year's give them:
/// every date of this year becomes next year's `prior_` fact (this meeting
/// the prior meeting, this year's proxy release the prior release, this
/// year's definitive filing `prior_definitive_filing`, ...). Facts that are
/// already about last year are not carried. `None` unless this is an
/// annual meeting with a date.
pub fn next_year_facts(facts: &Facts) -> Option<Facts> {
    if facts.meeting_kind != crate::model::expr::MeetingKind::Annual {
        return None;
    }
    facts.get("meeting")?;
    let mut next = Facts::default();
    for (name, date) in facts.iter() {
        if !name.starts_with("prior_") {
            next.set(format!("prior_{name}"), date);
        }
    }
    Some(next)
}

/// Evaluates the rules whose next-year date this year's proxy statement must
/// print (Rule 14a-5(e)), for next year's meeting, whose date is not known:
/// each answer says for which meeting dates it holds. Cases in which the
/// rule would not apply (a meeting before this one) are dropped.
///
/// # Errors
///
/// As [`evaluate`].
pub fn evaluate_next_year<'p>(
    packs: &'p [RulePack],
    facts: &Facts,
    cx: &Context<'_>,
) -> Result<Vec<Deadline<'p>>> {
    let Some(next) = next_year_facts(facts) else {
        return Ok(Vec::new());
    };
    let cx = Context { today: None, ..*cx };
    // A rule that would not apply to a meeting held on this one's
    // anniversary (Rule 14a-19 for a meeting before September 2022) has
    // nothing to print.
    let mut likely = next.clone();
    if let Some(this) = facts.get("meeting") {
        likely.set(
            "meeting",
            anniversary(this, crate::model::rule::LeapDay::default())?,
        );
    }
    // Only rules that apply are printed: packs for other places are skipped.
    let inapplicable: BTreeSet<String> = evaluate_governing(packs, &likely, &cx)?
        .into_iter()
        .filter(|d| d.status == Status::NotApplicable)
        .map(|d| d.id())
        .collect();
    let mut out: Vec<Deadline<'p>> = evaluate_governing(packs, &next, &cx)?
        .into_iter()
        .filter(|d| {
            d.disclose_in_proxy.is_some()
                && d.status != Status::NotApplicable
                && !inapplicable.contains(&d.id())
        })
        .collect();
    for d in &mut out {
        d.cases.retain(|c| c.not_applicable.is_none());
        for c in &mut d.cases {
            c.next_year = true;
        }
        // The case with a date first: it is what the proxy statement prints.
        d.cases.sort_by_key(|c| {
            !matches!(
                (&c.opens, &c.closes),
                (Some(Answer::Date(_)), _) | (_, Some(Answer::Date(_)))
            )
        });
    }
    out.sort_by_key(|d| {
        let first_date = d.closes.as_ref().map(|b| b.date).or_else(|| {
            d.cases.iter().find_map(|c| match &c.closes {
                Some(Answer::Date(b)) => Some(b.date),
                _ => None,
            })
        });
        (first_date.is_none(), first_date, d.id())
    });
    Ok(out)
}

/// Evaluates every rule of `packs` against `facts`, in dependency order,
/// returning the deadlines in pack and rule order.
///
/// # Errors
///
/// [`Error::Rule`] naming the rule when a date leaves a holiday calendar's
/// span or chrono's range.
pub fn evaluate<'p>(
    packs: &'p [RulePack],
    facts: &Facts,
    cx: &Context<'_>,
) -> Result<Vec<Deadline<'p>>> {
    evaluate_packs(packs, facts, cx, false)
}

/// As [`evaluate`], but without the rules of packs that do not govern the
/// company (another state's code, an exchange it is not listed on): their
/// answers would all be "not applicable", which CSV and calendars do not
/// show. A portfolio evaluates every loaded pack for every row, so this
/// saves most of the work when many places' packs are loaded.
///
/// # Errors
///
/// As [`evaluate`].
pub fn evaluate_governing<'p>(
    packs: &'p [RulePack],
    facts: &Facts,
    cx: &Context<'_>,
) -> Result<Vec<Deadline<'p>>> {
    evaluate_packs(packs, facts, cx, true)
}

fn evaluate_packs<'p>(
    packs: &'p [RulePack],
    facts: &Facts,
    cx: &Context<'_>,
    governing_only: bool,
) -> Result<Vec<Deadline<'p>>> {
    let mut ev = Evaluator::new(packs, facts, cx);
    let mut out = Vec::new();
    for p in packs {
        if governing_only && !p.governs(cx.company) {
            continue;
        }
        for r in &p.rules {
            out.push(ev.rule(p, r)?);
        }
    }
    // With the cache gone each deadline has one owner: moved, not cloned.
    drop(ev);
    Ok(out.into_iter().map(unshare).collect())
}

/// Takes a deadline out of its `Rc`, cloning only if it is still shared.
fn unshare(d: Rc<Deadline<'_>>) -> Deadline<'_> {
    Rc::try_unwrap(d).unwrap_or_else(|d| (*d).clone())
}

/// Evaluates one rule, `packs[pack].rules[rule]`, and the rules it refers
/// to, on `facts`.
///
/// # Errors
///
/// As [`evaluate`].
///
/// # Panics
///
/// If `pack` or `rule` is out of range: callers pass positions they took
/// from `packs`.
pub fn evaluate_one<'p>(
    packs: &'p [RulePack],
    pack: usize,
    rule: usize,
    facts: &Facts,
    cx: &Context<'_>,
) -> Result<Deadline<'p>> {
    let mut ev = Evaluator::new(packs, facts, cx);
    let p = &packs[pack];
    let d = ev.rule(p, &p.rules[rule])?;
    drop(ev);
    Ok(unshare(d))
}

/// Returns whether condition `c`, written in `packs[pack].rules[rule]`,
/// holds on `facts`: `None` when a fact it needs is missing.
///
/// # Errors
///
/// As [`evaluate`].
///
/// # Panics
///
/// If `pack` or `rule` is out of range.
pub fn condition_holds<'p>(
    packs: &'p [RulePack],
    pack: usize,
    rule: usize,
    c: &'p Cond,
    facts: &Facts,
    cx: &Context<'_>,
) -> Result<Option<bool>> {
    let mut ev = Evaluator::new(packs, facts, cx);
    let p = &packs[pack];
    let r = &p.rules[rule];
    let rc = RuleCx {
        pack: &p.id,
        rule: r,
        calendar: ev.calendar(&r.calendar)?,
        citation: &r.citation,
    };
    Ok(match ev.truth(c, &rc, &mut Vec::new())? {
        Truth::Yes => Some(true),
        Truth::No => Some(false),
        Truth::Maybe(_) => None,
    })
}
