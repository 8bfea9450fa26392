//! Evaluation: every selected rule, in dependency order, against a meeting's
//! facts, into [`Deadline`]s with a status, a trace and warnings.
//!
//! What is known is computed; what is not stays symbolic. A condition on
//! one missing fact is solved into dates ("if the meeting is between …"),
//! and `later_of` / `earlier_of` against one missing fact becomes the
//! threshold at which the answer changes (DESIGN §5).

pub mod cases;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use serde::Serialize;

use crate::analyse::describe::{describe_cond, describe_expr, join_and};
use crate::error::{Error, Result};
use crate::model::calendar::{Calendar, Roll};
use crate::model::dates::show_date;
use crate::model::expr::{BoundName, CmpOp, Cond, Expr, ExprKind, Unit};
use crate::model::facts::{Company, Facts, fact_phrase};
use crate::model::offset::{Offset, anniversary};
use crate::model::ranges::{Ranges, day_number};
use crate::model::rule::{
    Actor, Branch, Certainty, Counting, Outcome, Rule, RulePack, Status, Test, TimeSpec,
};
use crate::model::zone;

/// One step of a trace: what was done, the date it gave, and the clause.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    /// What was computed, in words, with the values used.
    pub text: String,
    /// The resulting date, if the step gives one.
    pub date: Option<NaiveDate>,
    /// The clause applied.
    pub citation: Option<String>,
}

/// A time of day in a zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Moment {
    /// Wall-clock date and time.
    pub local: NaiveDateTime,
    /// The zone.
    pub zone: Tz,
    /// The same instant in UTC, per [`zone::to_zoned`].
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Answer {
    /// A known date.
    Date(Bound),
    /// A date that depends on a missing fact, in words.
    Words(String),
}

/// One case of a conditional result: when it holds, and what it yields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Case {
    /// The condition, in words.
    pub when: String,
    /// The opening bound in this case.
    pub opens: Option<Answer>,
    /// The closing bound in this case.
    pub closes: Option<Answer>,
    /// The law's words, when this case has no date.
    pub unspecified: Option<String>,
    /// Not applicable in this case, with the reason.
    pub not_applicable: Option<String>,
}

/// A rule evaluated against facts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// The pack's id.
    pub pack: String,
    /// The rule's id.
    pub rule: String,
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
    pub words: Option<String>,
    /// For `conditional`: the answer case by case.
    pub cases: Vec<Case>,
    /// Facts whose absence made the answer conditional.
    pub missing: Vec<String>,
    /// The steps that produced the dates.
    pub trace: Vec<Step>,
    /// Things to look at: weekend dates that do not roll, dates past.
    pub warnings: Vec<String>,
    /// The disclosure rule under which next year's date is printed in this
    /// year's proxy statement, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disclose_in_proxy: Option<String>,
}

impl Deadline {
    /// Returns `<pack>/<rule>`.
    pub fn id(&self) -> String {
        format!("{}/{}", self.pack, self.rule)
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
/// this meeting becomes the prior meeting and this year's proxy release the
/// prior release. `None` unless this is an annual meeting with a date.
pub fn next_year_facts(facts: &Facts) -> Option<Facts> {
    if facts.meeting_kind != crate::model::expr::MeetingKind::Annual {
        return None;
    }
    let meeting = facts.get("meeting")?;
    let mut next = Facts::default();
    next.set("prior_meeting", meeting);
    if let Some(r) = facts.get("proxy_release") {
        next.set("prior_proxy_release", r);
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
pub fn evaluate_next_year(
    packs: &[RulePack],
    facts: &Facts,
    cx: &Context<'_>,
) -> Result<Vec<Deadline>> {
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
    let inapplicable: BTreeSet<String> = evaluate(packs, &likely, &cx)?
        .into_iter()
        .filter(|d| d.status == Status::NotApplicable)
        .map(|d| d.id())
        .collect();
    let mut out: Vec<Deadline> = evaluate(packs, &next, &cx)?
        .into_iter()
        .filter(|d| {
            d.disclose_in_proxy.is_some()
                && d.status != Status::NotApplicable
                && !inapplicable.contains(&d.id())
        })
        .collect();
    let next_year = |t: &str| t.replace("the meeting", "next year's meeting");
    for d in &mut out {
        d.cases.retain(|c| c.not_applicable.is_none());
        for c in &mut d.cases {
            c.when = next_year(&c.when);
            for a in [&mut c.opens, &mut c.closes].into_iter().flatten() {
                if let Answer::Words(w) = a {
                    *w = next_year(w);
                }
            }
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
pub fn evaluate(packs: &[RulePack], facts: &Facts, cx: &Context<'_>) -> Result<Vec<Deadline>> {
    let mut ev = Evaluator::new(packs, facts, cx);
    let mut out = Vec::new();
    for p in packs {
        for r in &p.rules {
            out.push(ev.rule(p, r)?);
        }
    }
    // With the cache gone each deadline has one owner: moved, not cloned.
    drop(ev);
    Ok(out.into_iter().map(unshare).collect())
}

/// Takes a deadline out of its `Rc`, cloning only if it is still shared.
fn unshare(d: Rc<Deadline>) -> Deadline {
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
pub fn evaluate_one(
    packs: &[RulePack],
    pack: usize,
    rule: usize,
    facts: &Facts,
    cx: &Context<'_>,
) -> Result<Deadline> {
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
pub fn condition_holds(
    packs: &[RulePack],
    pack: usize,
    rule: usize,
    c: &Cond,
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

/// A value during evaluation.
#[derive(Clone, Debug)]
enum Val {
    Date(NaiveDate),
    Days(i64),
    Pend(Pend),
}

/// A value that depends on missing facts.
#[derive(Clone, Debug)]
struct Pend {
    text: String,
    missing: BTreeSet<String>,
    form: Form,
}

#[derive(Clone, Debug)]
enum Form {
    /// Nothing we can solve.
    Opaque,
    /// `s * fact + c` in day numbers (a date when `days` is false, else a
    /// number of days), optionally under `abs`.
    Affine {
        fact: String,
        s: i64,
        c: i64,
        abs: bool,
        days: bool,
    },
    /// `later_of(known, fact + c)` (or `earlier_of` when `later` is false).
    Threshold {
        known: NaiveDate,
        fact: String,
        c: i64,
        later: bool,
        unknown_text: String,
    },
}

/// A condition's truth when facts may be missing.
#[derive(Clone, Debug)]
enum Truth {
    Yes,
    No,
    Maybe(Res),
}

/// An undecided condition: in words, and as a set of dates of one fact when
/// it could be solved.
#[derive(Clone, Debug)]
struct Res {
    text: String,
    missing: BTreeSet<String>,
    set: Option<(String, Ranges)>,
}

impl Res {
    fn solved(fact: &str, ranges: Ranges) -> Truth {
        if ranges.is_empty() {
            Truth::No
        } else if ranges.is_all() {
            Truth::Yes
        } else {
            Truth::Maybe(Res {
                text: ranges.describe(&fact_phrase(fact)),
                missing: BTreeSet::from([fact.to_owned()]),
                set: Some((fact.to_owned(), ranges)),
            })
        }
    }
}

fn t_and(a: Truth, b: Truth) -> Truth {
    match (a, b) {
        (Truth::No, _) | (_, Truth::No) => Truth::No,
        (Truth::Yes, x) | (x, Truth::Yes) => x,
        (Truth::Maybe(a), Truth::Maybe(b)) => match (&a.set, &b.set) {
            (Some((fa, ra)), Some((fb, rb))) if fa == fb => Res::solved(fa, ra.intersect(rb)),
            _ => Truth::Maybe(Res {
                text: format!("{}, and {}", a.text, b.text),
                missing: a.missing.union(&b.missing).cloned().collect(),
                set: None,
            }),
        },
    }
}

fn t_or(a: Truth, b: Truth) -> Truth {
    match (a, b) {
        (Truth::Yes, _) | (_, Truth::Yes) => Truth::Yes,
        (Truth::No, x) | (x, Truth::No) => x,
        (Truth::Maybe(a), Truth::Maybe(b)) => match (&a.set, &b.set) {
            (Some((fa, ra)), Some((fb, rb))) if fa == fb => Res::solved(fa, ra.union(rb)),
            _ => Truth::Maybe(Res {
                text: format!("{}, or {}", a.text, b.text),
                missing: a.missing.union(&b.missing).cloned().collect(),
                set: None,
            }),
        },
    }
}

fn t_not(a: Truth) -> Truth {
    match a {
        Truth::Yes => Truth::No,
        Truth::No => Truth::Yes,
        Truth::Maybe(r) => match &r.set {
            Some((f, set)) => Res::solved(f, set.complement()),
            None => Truth::Maybe(Res {
                text: format!("it is not the case that {}", r.text),
                missing: r.missing,
                set: None,
            }),
        },
    }
}

fn flip(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        CmpOp::Eq => CmpOp::Eq,
        CmpOp::Ne => CmpOp::Ne,
    }
}

struct Evaluator<'a> {
    packs: &'a [RulePack],
    facts: &'a Facts,
    cx: &'a Context<'a>,
    /// Deadlines already evaluated, by the address of their rule (rules
    /// refer to each other, and each is evaluated once per run).
    done: HashMap<*const Rule, Rc<Deadline>>,
    /// Rules being evaluated, to report a cycle.
    active: HashSet<*const Rule>,
    /// Why each pack does not govern the company (`None`: it does), by
    /// position in `packs`, computed when first asked.
    excluded: Vec<std::cell::OnceCell<Option<String>>>,
}

/// What one rule is being evaluated with.
struct RuleCx<'r> {
    pack: &'r str,
    rule: &'r Rule,
    calendar: Arc<Calendar>,
    citation: &'r str,
}

impl<'a> Evaluator<'a> {
    fn new(packs: &'a [RulePack], facts: &'a Facts, cx: &'a Context<'a>) -> Self {
        Evaluator {
            packs,
            facts,
            cx,
            done: HashMap::new(),
            active: HashSet::new(),
            excluded: vec![std::cell::OnceCell::new(); packs.len()],
        }
    }

    /// Returns why `packs[i]` does not govern the company, if it does not.
    fn excluded(&self, i: usize) -> Option<&str> {
        let p = &self.packs[i];
        self.excluded[i]
            .get_or_init(|| {
                p.applies_to
                    .as_ref()
                    .and_then(|a| a.excludes(self.cx.company, p.requested))
            })
            .as_deref()
    }

    fn calendar(&self, id: &str) -> Result<Arc<Calendar>> {
        self.cx
            .calendars
            .get(id)
            .cloned()
            .ok_or_else(|| Error::usage(format!("unknown calendar `{id}`"), None))
    }

    fn rule(&mut self, pack: &'a RulePack, rule: &'a Rule) -> Result<Rc<Deadline>> {
        let key: *const Rule = rule;
        if let Some(d) = self.done.get(&key) {
            return Ok(Rc::clone(d));
        }
        if !self.active.insert(key) {
            return Err(Error::Rule {
                rule: format!("{}/{}", pack.id, rule.id),
                source: Box::new(Error::usage("rules depend on each other in a cycle", None)),
            });
        }
        let result = self.rule_inner(pack, rule).map_err(|e| Error::Rule {
            rule: format!("{}/{}", pack.id, rule.id),
            source: Box::new(e),
        });
        self.active.remove(&key);
        let d = Rc::new(result?);
        self.done.insert(key, Rc::clone(&d));
        Ok(d)
    }

    fn rule_inner(&mut self, pack: &'a RulePack, rule: &'a Rule) -> Result<Deadline> {
        let rc = RuleCx {
            pack: &pack.id,
            rule,
            calendar: self.calendar(&rule.calendar)?,
            citation: &rule.citation,
        };
        let mut d = Deadline {
            pack: pack.id.clone(),
            rule: rule.id.clone(),
            pack_version: pack.version.clone(),
            summary: rule.summary.clone(),
            citation: rule.citation.clone(),
            url: rule.url.clone(),
            actor: rule.actor,
            test: rule.test,
            certainty: rule.certainty,
            status: Status::Computed,
            branch: None,
            branch_index: None,
            opens: None,
            closes: None,
            words: None,
            cases: Vec::new(),
            missing: Vec::new(),
            trace: Vec::new(),
            warnings: Vec::new(),
            disclose_in_proxy: rule.disclose_in_proxy.clone(),
        };
        let mut trace = Vec::new();
        // A pack for another state or exchange governs other companies.
        let this = self.packs.iter().position(|p| std::ptr::eq(p, pack));
        let excluded = match this {
            Some(i) => self.excluded(i).map(str::to_owned),
            None => pack
                .applies_to
                .as_ref()
                .and_then(|a| a.excludes(self.cx.company, pack.requested)),
        };
        // A rule another loaded rule replaces (an advance-notice bylaw date
        // replaces Rule 14a-4(c)(1)'s 45-day date).
        let replaced = match &rule.yields_to {
            None => None,
            Some((tag, reason)) => {
                let mut found = None;
                for (i, p) in self.packs.iter().enumerate() {
                    if p.id == pack.id {
                        continue;
                    }
                    let Some(r) = p.rules.iter().find(|r| r.tags.contains(tag)) else {
                        continue;
                    };
                    if self.excluded(i).is_none() {
                        found = Some(format!("{reason}; here {}/{} sets it", p.id, r.id));
                        break;
                    }
                }
                found
            }
        };
        if let Some(why) = excluded.or(replaced) {
            d.status = Status::NotApplicable;
            trace.push(Step {
                text: format!("not applicable: {why}"),
                date: None,
                citation: Some(rc.citation.to_owned()),
            });
            d.words = Some(why);
            d.trace = trace;
            return Ok(d);
        }
        // Applicability first: a rule that does not apply says why.
        let mut guards: Vec<(Res, Option<&Branch>)> = Vec::new();
        let not_applicable_reason = |c: &Cond| {
            rule.not_applicable
                .clone()
                .unwrap_or_else(|| format!("applies only when {}", describe_cond(c)))
        };
        if let Some(c) = &rule.applies_when {
            match self.truth(c, &rc, &mut trace)? {
                Truth::Yes => {}
                Truth::No => {
                    d.status = Status::NotApplicable;
                    d.words = Some(not_applicable_reason(c));
                    trace.push(Step {
                        text: format!("not applicable: {}", not_applicable_reason(c)),
                        date: None,
                        citation: Some(rc.citation.to_owned()),
                    });
                    d.trace = trace;
                    return Ok(d);
                }
                Truth::Maybe(r) => {
                    // Not applicable unless the condition holds.
                    if let Truth::Maybe(neg) = t_not(Truth::Maybe(r)) {
                        guards.push((neg, None));
                    }
                }
            }
        }
        let mut chosen = None;
        for (i, b) in rule.branches.iter().enumerate() {
            let t = self.truth(&b.when, &rc, &mut trace)?;
            let label = b.label.clone().unwrap_or_else(|| describe_cond(&b.when));
            match t {
                Truth::Yes => {
                    if !matches!(b.when, Cond::Otherwise(_)) {
                        trace.push(Step {
                            text: format!("branch applies: {label}"),
                            date: None,
                            citation: Some(
                                b.citation.clone().unwrap_or_else(|| rc.citation.to_owned()),
                            ),
                        });
                    }
                    chosen = Some((i, b));
                    break;
                }
                Truth::No => {
                    trace.push(Step {
                        text: format!("branch does not apply: {label}"),
                        date: None,
                        citation: Some(
                            b.citation.clone().unwrap_or_else(|| rc.citation.to_owned()),
                        ),
                    });
                }
                Truth::Maybe(r) => guards.push((r, Some(b))),
            }
        }
        if guards.is_empty() {
            match chosen {
                None => {
                    d.status = Status::NotApplicable;
                    d.words = Some("no branch of the rule applies to this meeting".to_owned());
                }
                Some((i, b)) => {
                    d.branch.clone_from(&b.label);
                    d.branch_index = Some(i);
                    match &b.outcome {
                        Outcome::Unspecified(words) => {
                            d.status = Status::Unspecified;
                            d.words = Some(words.clone());
                            trace.push(Step {
                                text: format!("no date: {words}"),
                                date: None,
                                citation: Some(
                                    b.citation.clone().unwrap_or_else(|| rc.citation.to_owned()),
                                ),
                            });
                        }
                        Outcome::Window { opens, closes } => {
                            let o = self.bound_val(opens.as_ref(), &rc, &mut trace)?;
                            let c = self.bound_val(closes.as_ref(), &rc, &mut trace)?;
                            let pending =
                                matches!(o, Some(Val::Pend(_))) || matches!(c, Some(Val::Pend(_)));
                            if pending {
                                d.status = Status::Conditional;
                                d.cases = self.window_cases(
                                    None,
                                    o.as_ref(),
                                    c.as_ref(),
                                    &rc,
                                    &mut d.missing,
                                )?;
                            } else {
                                d.opens = self.finish(
                                    o.as_ref(),
                                    BoundName::Opens,
                                    &rc,
                                    &mut trace,
                                    &mut d.warnings,
                                )?;
                                d.closes = self.finish(
                                    c.as_ref(),
                                    BoundName::Closes,
                                    &rc,
                                    &mut trace,
                                    &mut d.warnings,
                                )?;
                                let outside = self.check_fact(&d, rule);
                                d.warnings.extend(outside);
                            }
                        }
                    }
                }
            }
        } else {
            d.status = Status::Conditional;
            let mut earlier: Truth = Truth::No;
            for (res, branch) in guards {
                let this = t_and(Truth::Maybe(res.clone()), t_not(earlier.clone()));
                earlier = t_or(earlier, Truth::Maybe(res));
                let Truth::Maybe(cond) = this else {
                    continue;
                };
                d.missing.extend(cond.missing.iter().cloned());
                match branch {
                    None => d.cases.push(Case {
                        when: cond.text.clone(),
                        opens: None,
                        closes: None,
                        unspecified: None,
                        not_applicable: Some(
                            rule.applies_when
                                .as_ref()
                                .map(not_applicable_reason)
                                .unwrap_or_default(),
                        ),
                    }),
                    Some(b) => {
                        let cases = self.branch_cases(Some(cond), b, &rc, &mut d.missing)?;
                        d.cases.extend(cases);
                    }
                }
            }
            let rest = t_not(earlier);
            let rest_cond = match rest {
                Truth::No => None,
                Truth::Yes => Some(None),
                Truth::Maybe(r) => Some(Some(r)),
            };
            if let Some(cond) = rest_cond {
                match chosen {
                    Some((_, b)) => {
                        let cases = self.branch_cases(cond, b, &rc, &mut d.missing)?;
                        d.cases.extend(cases);
                    }
                    None => d.cases.push(Case {
                        when: cond.map_or_else(|| "otherwise".to_owned(), |r| r.text),
                        opens: None,
                        closes: None,
                        unspecified: None,
                        not_applicable: Some("no branch of the rule applies".to_owned()),
                    }),
                }
            }
        }
        d.missing.sort();
        d.missing.dedup();
        if d.status == Status::Conditional {
            trace.push(Step {
                text: format!(
                    "the answer depends on {} not given",
                    join_and(
                        &d.missing
                            .iter()
                            .map(|m| format!("`{m}`"))
                            .collect::<Vec<_>>()
                    )
                ),
                date: None,
                citation: None,
            });
        }
        d.trace = trace;
        Ok(d)
    }

    fn branch_cases(
        &mut self,
        cond: Option<Res>,
        b: &Branch,
        rc: &RuleCx<'_>,
        missing: &mut Vec<String>,
    ) -> Result<Vec<Case>> {
        match &b.outcome {
            Outcome::Unspecified(words) => Ok(vec![Case {
                when: cond.map_or_else(|| "otherwise".to_owned(), |c| c.text),
                opens: None,
                closes: None,
                unspecified: Some(words.clone()),
                not_applicable: None,
            }]),
            Outcome::Window { opens, closes } => {
                let mut scratch = Vec::new();
                let o = self.bound_val(opens.as_ref(), rc, &mut scratch)?;
                let c = self.bound_val(closes.as_ref(), rc, &mut scratch)?;
                self.window_cases(cond, o.as_ref(), c.as_ref(), rc, missing)
            }
        }
    }

    /// Splits a window whose bounds may be pending into cases.
    fn window_cases(
        &mut self,
        cond: Option<Res>,
        opens: Option<&Val>,
        closes: Option<&Val>,
        rc: &RuleCx<'_>,
        missing: &mut Vec<String>,
    ) -> Result<Vec<Case>> {
        // A threshold in either bound splits the case in two.
        let split = [opens, closes].into_iter().find_map(|v| match v {
            Some(Val::Pend(Pend {
                form:
                    Form::Threshold {
                        known,
                        fact,
                        c,
                        later,
                        ..
                    },
                ..
            })) => Some((*known, fact.clone(), *c, *later)),
            _ => None,
        });
        let base = cond.map_or(Truth::Yes, Truth::Maybe);
        let mut out = Vec::new();
        let variants: Vec<(Truth, bool)> = match &split {
            Some((known, fact, c, later)) => {
                // later_of(K, f + c) is K exactly when f + c <= K.
                let k = day_number(*known) - c;
                let op = if *later { CmpOp::Le } else { CmpOp::Ge };
                let known_wins = Res::solved(fact, Ranges::compare(op, k));
                vec![
                    (t_and(base.clone(), known_wins.clone()), true),
                    (t_and(base, t_not(known_wins)), false),
                ]
            }
            None => vec![(base, false)],
        };
        for (truth, known_branch) in variants {
            let when = match truth {
                Truth::No => continue,
                Truth::Yes => "otherwise".to_owned(),
                Truth::Maybe(r) => {
                    missing.extend(r.missing.iter().cloned());
                    r.text
                }
            };
            let answer = |this: &mut Self,
                          v: Option<&Val>,
                          bound: BoundName,
                          missing: &mut Vec<String>|
             -> Result<Option<Answer>> {
                Ok(match v {
                    None => None,
                    Some(Val::Date(d)) => {
                        let mut t = Vec::new();
                        let mut w = Vec::new();
                        this.finish(Some(&Val::Date(*d)), bound, rc, &mut t, &mut w)?
                            .map(Answer::Date)
                    }
                    Some(Val::Days(_)) => None,
                    Some(Val::Pend(p)) => {
                        missing.extend(p.missing.iter().cloned());
                        match &p.form {
                            Form::Threshold {
                                known,
                                unknown_text,
                                ..
                            } => {
                                if known_branch {
                                    let mut t = Vec::new();
                                    let mut w = Vec::new();
                                    this.finish(
                                        Some(&Val::Date(*known)),
                                        bound,
                                        rc,
                                        &mut t,
                                        &mut w,
                                    )?
                                    .map(Answer::Date)
                                } else {
                                    Some(Answer::Words(roll_words(
                                        unknown_text,
                                        rc.rule.roll_of(bound),
                                    )))
                                }
                            }
                            _ => Some(Answer::Words(roll_words(&p.text, rc.rule.roll_of(bound)))),
                        }
                    }
                })
            };
            let o = answer(self, opens, BoundName::Opens, missing)?;
            let c = answer(self, closes, BoundName::Closes, missing)?;
            out.push(Case {
                when,
                opens: o,
                closes: c,
                unspecified: None,
                not_applicable: None,
            });
        }
        Ok(out)
    }

    fn bound_val(
        &mut self,
        e: Option<&Expr>,
        rc: &RuleCx<'_>,
        trace: &mut Vec<Step>,
    ) -> Result<Option<Val>> {
        e.map(|e| self.eval(e, rc, trace)).transpose()
    }

    /// For a rule that `checks` a fact (a record date against the window
    /// the statute allows), warns when the fact lies outside the window.
    fn check_fact(&self, d: &Deadline, rule: &Rule) -> Vec<String> {
        let Some(value) = rule.checks.as_ref().and_then(|f| self.facts.get(f)) else {
            return Vec::new();
        };
        let what = fact_phrase(rule.checks.as_deref().unwrap_or_default());
        let opens = d
            .opens
            .as_ref()
            .filter(|o| value < o.date)
            .map(|o| ("before the window opens", o.date));
        let closes = d
            .closes
            .as_ref()
            .filter(|c| value > c.date)
            .map(|c| ("after the window closes", c.date));
        opens
            .into_iter()
            .chain(closes)
            .map(|(side, date)| {
                let days = usize::try_from((date - value).num_days().abs()).unwrap_or(0);
                format!(
                    "{what} ({}) is {} {side} on {} ({})",
                    show_date(value),
                    crate::error::plural(days, "day", "days"),
                    show_date(date),
                    d.citation
                )
            })
            .collect()
    }

    /// Rolls a known date, attaches its time of day, and adds warnings.
    fn finish(
        &mut self,
        v: Option<&Val>,
        bound: BoundName,
        rc: &RuleCx<'_>,
        trace: &mut Vec<Step>,
        warnings: &mut Vec<String>,
    ) -> Result<Option<Bound>> {
        let Some(&Val::Date(computed)) = v else {
            return Ok(None);
        };
        let roll = rc.rule.roll_of(bound);
        let date = rc.calendar.roll(computed, roll)?;
        if date != computed {
            let why = rc
                .calendar
                .non_business_reason(computed)?
                .unwrap_or_else(|| "not a business day".to_owned());
            trace.push(Step {
                text: format!(
                    "{} is not a business day ({why}); rolled {roll} on `{}` to {}",
                    show_date(computed),
                    rc.calendar.id(),
                    show_date(date)
                ),
                date: Some(date),
                citation: Some(rc.citation.to_owned()),
            });
        } else if roll == Roll::None {
            match rc.calendar.non_business_reason(computed) {
                // A window that opens on a Sunday is harmless; one that
                // closes on a Sunday may find the office shut.
                Ok(Some(_)) if bound == BoundName::Opens => {}
                Ok(Some(why)) => warnings.push(format!(
                    "{} {} falls on a day that is not a business day ({why}) and this rule does not roll it",
                    bound.as_str(),
                    show_date(computed)
                )),
                Ok(None) => {}
                // A date govcal cannot check against a holiday calendar is
                // not reported: the run stops with the rule and the span.
                Err(e) => return Err(e.into()),
            }
        }
        if let Some(today) = self.cx.today
            && date < today
        {
            warnings.push(format!(
                "{} {} is already past on {}",
                bound.as_str(),
                show_date(date),
                show_date(today)
            ));
        }
        let time = rc.rule.at_of(bound).map(|spec| {
            let (clock, zone) = match spec {
                TimeSpec::CloseOfBusiness => {
                    (self.cx.company.close_of_business, self.cx.company.zone)
                }
                TimeSpec::Clock { time, zone } => (*time, zone.unwrap_or(self.cx.company.zone)),
            };
            let local = date.and_time(clock);
            let utc = zone::to_zoned(zone, local).naive_utc();
            Moment { local, zone, utc }
        });
        Ok(Some(Bound {
            date,
            computed,
            roll,
            time,
        }))
    }

    fn truth(&mut self, c: &Cond, rc: &RuleCx<'_>, trace: &mut Vec<Step>) -> Result<Truth> {
        Ok(match c {
            Cond::Otherwise(_) => Truth::Yes,
            Cond::Missing(f, _) => bool_truth(self.facts.get(f).is_none()),
            Cond::Present(f, _) => bool_truth(self.facts.get(f).is_some()),
            Cond::KindIs { kind, negate, .. } => {
                bool_truth((self.facts.meeting_kind == *kind) != *negate)
            }
            Cond::Not(c) => t_not(self.truth(c, rc, trace)?),
            Cond::And(cs) => {
                let mut acc = Truth::Yes;
                for c in cs {
                    acc = t_and(acc, self.truth(c, rc, trace)?);
                }
                acc
            }
            Cond::Or(cs) => {
                let mut acc = Truth::No;
                for c in cs {
                    acc = t_or(acc, self.truth(c, rc, trace)?);
                }
                acc
            }
            Cond::Cmp { lhs, op, rhs } => {
                let l = self.eval(lhs, rc, trace)?;
                let r = self.eval(rhs, rc, trace)?;
                match (l, r) {
                    (Val::Date(a), Val::Date(b)) => bool_truth(op.holds(&a, &b)),
                    (Val::Days(a), Val::Days(b)) => bool_truth(op.holds(&a, &b)),
                    (Val::Pend(p), Val::Date(k)) => solve(&p, *op, day_number(k), c),
                    (Val::Pend(p), Val::Days(k)) => solve(&p, *op, k, c),
                    (Val::Date(k), Val::Pend(p)) => solve(&p, flip(*op), day_number(k), c),
                    (Val::Days(k), Val::Pend(p)) => solve(&p, flip(*op), k, c),
                    (l, r) => {
                        let mut missing = BTreeSet::new();
                        for v in [l, r] {
                            if let Val::Pend(p) = v {
                                missing.extend(p.missing);
                            }
                        }
                        Truth::Maybe(Res {
                            text: describe_cond(c),
                            missing,
                            set: None,
                        })
                    }
                }
            }
        })
    }

    #[allow(clippy::too_many_lines)]
    fn eval(&mut self, e: &Expr, rc: &RuleCx<'_>, trace: &mut Vec<Step>) -> Result<Val> {
        let cite = || Some(rc.citation.to_owned());
        Ok(match &e.kind {
            ExprKind::Fact(f) => match self.facts.get(f) {
                Some(d) => Val::Date(d),
                None => Val::Pend(Pend {
                    text: fact_phrase(f),
                    missing: BTreeSet::from([f.clone()]),
                    form: Form::Affine {
                        fact: f.clone(),
                        s: 1,
                        c: 0,
                        abs: false,
                        days: false,
                    },
                }),
            },
            ExprKind::Date(d) => Val::Date(*d),
            ExprKind::Amount(q) => Val::Days(match q.unit {
                Unit::Weeks => q.n * 7,
                _ => q.n,
            }),
            ExprKind::RuleRef { pack, rule, bound } => {
                let pack_id = pack.as_deref().unwrap_or(rc.pack);
                let packs = self.packs;
                let target = packs
                    .iter()
                    .find(|p| p.id == pack_id)
                    .and_then(|p| p.rule(rule).map(|r| (p, r)));
                let Some((tp, tr)) = target else {
                    return Err(Error::usage(
                        format!("unknown rule `{pack_id}/{rule}`"),
                        None,
                    ));
                };
                let dl = self.rule(tp, tr)?;
                let b = match bound {
                    BoundName::Opens => dl.opens.as_ref(),
                    BoundName::Closes => dl.closes.as_ref(),
                };
                if let Some(b) = b {
                    trace.push(Step {
                        text: format!(
                            "rule `{}` {} on {}",
                            tr.id,
                            bound.as_str(),
                            show_date(b.date)
                        ),
                        date: Some(b.date),
                        citation: Some(tr.citation.clone()),
                    });
                    Val::Date(b.date)
                } else {
                    let mut missing: BTreeSet<String> = dl.missing.iter().cloned().collect();
                    if missing.is_empty() {
                        missing.insert(format!("{}.{}", tr.id, bound.as_str()));
                    }
                    Val::Pend(Pend {
                        text: describe_expr(e),
                        missing,
                        form: Form::Opaque,
                    })
                }
            }
            ExprKind::Shift { base, sign, by } => {
                let b = self.eval(base, rc, trace)?;
                let mut n = by.n;
                let counted = matches!(by.unit, Unit::Days | Unit::Weeks);
                let days_n = if by.unit == Unit::Weeks { n * 7 } else { n };
                let adjusted = match (counted, rc.rule.counting) {
                    (true, Counting::ClearDays) => days_n + 1,
                    (true, Counting::AnchorIsDayOne) => (days_n - 1).max(0),
                    _ => days_n,
                };
                let unit = if counted { Unit::Days } else { by.unit };
                if counted {
                    n = adjusted;
                }
                let signed = i64::from(*sign) * n;
                match b {
                    Val::Date(d) => {
                        let cal = match &by.calendar {
                            Some((id, _)) => self.calendar(id)?,
                            None => Arc::clone(&rc.calendar),
                        };
                        let got = Offset { n: signed, unit }.checked_apply(d, &cal)?;
                        let dir = if *sign < 0 { "before" } else { "after" };
                        let counting = match (counted, rc.rule.counting) {
                            (true, Counting::ClearDays) => " (clear days: neither end counted)",
                            (true, Counting::AnchorIsDayOne) => {
                                " (the anchor day counted as day 1)"
                            }
                            _ => "",
                        };
                        let on = if by.unit == Unit::BusinessDays {
                            format!(" on `{}`", cal.id())
                        } else {
                            String::new()
                        };
                        trace.push(Step {
                            text: format!(
                                "{by} {dir} {} ({}){on}{counting} = {}",
                                describe_expr(base),
                                show_date(d),
                                show_date(got)
                            ),
                            date: Some(got),
                            citation: cite(),
                        });
                        Val::Date(got)
                    }
                    Val::Pend(p) => Val::Pend(match p.form {
                        Form::Affine {
                            fact,
                            s: 1,
                            c,
                            abs: false,
                            days: false,
                        } if counted => Pend {
                            text: describe_expr(e),
                            missing: p.missing,
                            form: Form::Affine {
                                fact,
                                s: 1,
                                c: c + signed,
                                abs: false,
                                days: false,
                            },
                        },
                        _ => Pend {
                            text: describe_expr(e),
                            missing: p.missing,
                            form: Form::Opaque,
                        },
                    }),
                    Val::Days(_) => {
                        return Err(Error::usage(
                            "an amount was added to a number of days",
                            None,
                        ));
                    }
                }
            }
            ExprKind::Diff(a, b) => {
                let va = self.eval(a, rc, trace)?;
                let vb = self.eval(b, rc, trace)?;
                match (va, vb) {
                    (Val::Date(x), Val::Date(y)) => {
                        let n = day_number(x) - day_number(y);
                        let unit = if n.abs() == 1 { "day" } else { "days" };
                        let rel = if n >= 0 {
                            format!("{n} {unit} after")
                        } else {
                            format!("{} {unit} before", -n)
                        };
                        trace.push(Step {
                            text: format!(
                                "{} ({}) is {rel} {} ({})",
                                describe_expr(a),
                                show_date(x),
                                describe_expr(b),
                                show_date(y)
                            ),
                            date: None,
                            citation: cite(),
                        });
                        Val::Days(n)
                    }
                    (
                        Val::Pend(Pend {
                            missing,
                            form:
                                Form::Affine {
                                    fact,
                                    s: 1,
                                    c,
                                    abs: false,
                                    days: false,
                                },
                            ..
                        }),
                        Val::Date(y),
                    ) => Val::Pend(Pend {
                        text: describe_expr(e),
                        missing,
                        form: Form::Affine {
                            fact,
                            s: 1,
                            c: c - day_number(y),
                            abs: false,
                            days: true,
                        },
                    }),
                    (
                        Val::Date(x),
                        Val::Pend(Pend {
                            missing,
                            form:
                                Form::Affine {
                                    fact,
                                    s: 1,
                                    c,
                                    abs: false,
                                    days: false,
                                },
                            ..
                        }),
                    ) => Val::Pend(Pend {
                        text: describe_expr(e),
                        missing,
                        form: Form::Affine {
                            fact,
                            s: -1,
                            c: day_number(x) - c,
                            abs: false,
                            days: true,
                        },
                    }),
                    (va, vb) => Val::Pend(opaque(e, [va, vb])),
                }
            }
            ExprKind::LaterOf(args) | ExprKind::EarlierOf(args) => {
                let later = matches!(e.kind, ExprKind::LaterOf(_));
                let mut known: Vec<NaiveDate> = Vec::new();
                let mut pending: Vec<(Pend, &Expr)> = Vec::new();
                for a in args {
                    match self.eval(a, rc, trace)? {
                        Val::Date(d) => known.push(d),
                        Val::Pend(p) => pending.push((p, a)),
                        Val::Days(_) => return Err(Error::usage("`later_of` needs dates", None)),
                    }
                }
                let best = if later {
                    known.iter().max()
                } else {
                    known.iter().min()
                }
                .copied();
                match (best, pending.len()) {
                    (Some(k), 0) => {
                        let shown: Vec<String> = known.iter().map(|d| show_date(*d)).collect();
                        trace.push(Step {
                            text: format!(
                                "the {} of {} = {}",
                                if later { "later" } else { "earlier" },
                                join_and(&shown),
                                show_date(k)
                            ),
                            date: Some(k),
                            citation: cite(),
                        });
                        Val::Date(k)
                    }
                    (Some(k), 1) => {
                        let (p, a) = pending.remove(0);
                        match p.form {
                            Form::Affine {
                                fact,
                                s: 1,
                                c,
                                abs: false,
                                days: false,
                            } => Val::Pend(Pend {
                                text: describe_expr(e),
                                missing: p.missing,
                                form: Form::Threshold {
                                    known: k,
                                    fact,
                                    c,
                                    later,
                                    unknown_text: describe_expr(a),
                                },
                            }),
                            _ => Val::Pend(Pend {
                                text: describe_expr(e),
                                missing: p.missing,
                                form: Form::Opaque,
                            }),
                        }
                    }
                    _ => {
                        let vals = pending.into_iter().map(|(p, _)| Val::Pend(p));
                        Val::Pend(opaque(e, vals))
                    }
                }
            }
            ExprKind::Anniversary(x) => match self.eval(x, rc, trace)? {
                Val::Date(d) => {
                    let got = anniversary(d, rc.rule.leap_day)?;
                    trace.push(Step {
                        text: format!(
                            "the anniversary of {} ({}) = {}",
                            describe_expr(x),
                            show_date(d),
                            show_date(got)
                        ),
                        date: Some(got),
                        citation: cite(),
                    });
                    Val::Date(got)
                }
                v => Val::Pend(opaque(e, [v])),
            },
            ExprKind::Abs(x) => match self.eval(x, rc, trace)? {
                Val::Days(n) => Val::Days(n.abs()),
                Val::Pend(Pend {
                    missing,
                    form:
                        Form::Affine {
                            fact,
                            s,
                            c,
                            abs: false,
                            days: true,
                        },
                    ..
                }) => Val::Pend(Pend {
                    text: describe_expr(e),
                    missing,
                    form: Form::Affine {
                        fact,
                        s,
                        c,
                        abs: true,
                        days: true,
                    },
                }),
                v => Val::Pend(opaque(e, [v])),
            },
        })
    }
}

fn bool_truth(b: bool) -> Truth {
    if b { Truth::Yes } else { Truth::No }
}

fn opaque(e: &Expr, vals: impl IntoIterator<Item = Val>) -> Pend {
    let mut missing = BTreeSet::new();
    for v in vals {
        if let Val::Pend(p) = v {
            missing.extend(p.missing);
        }
    }
    Pend {
        text: describe_expr(e),
        missing,
        form: Form::Opaque,
    }
}

/// Solves `p op k` for the one fact `p` depends on.
fn solve(p: &Pend, op: CmpOp, k: i64, c: &Cond) -> Truth {
    match &p.form {
        Form::Affine {
            fact,
            s,
            c: off,
            abs,
            ..
        } => {
            let mut v = Ranges::compare(op, k);
            if *abs {
                v = v.abs_preimage();
            }
            // v = s * f + off, so f = (v - off) * s for s = ±1.
            let f = if *s == 1 {
                v.shift(-off)
            } else {
                v.negate().shift(*off)
            };
            Res::solved(fact, f)
        }
        _ => Truth::Maybe(Res {
            text: describe_cond(c),
            missing: p.missing.clone(),
            set: None,
        }),
    }
}

fn roll_words(text: &str, roll: Roll) -> String {
    match roll {
        Roll::None => text.to_owned(),
        Roll::Forward => format!("{text}, moved to the next business day if it is not one"),
        Roll::Backward => format!("{text}, moved to the previous business day if it is not one"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::offset::add_days;
    use crate::pack::load::{BUILTIN_PACKS, Library};
    use chrono::Datelike as _;
    use proptest::prelude::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn library() -> Library {
        let specs: Vec<String> = BUILTIN_PACKS.iter().map(|p| p.name.to_owned()).collect();
        Library::load(&specs, None).expect("built-in packs load")
    }

    fn run(lib: &Library, facts: &Facts) -> Vec<Deadline> {
        let company = Company::default();
        let cx = Context {
            company: &company,
            calendars: &lib.calendars,
            today: None,
        };
        evaluate(&lib.packs, facts, &cx).expect("evaluates")
    }

    fn find<'a>(all: &'a [Deadline], rule: &str) -> &'a Deadline {
        all.iter().find(|d| d.rule == rule).expect("rule evaluated")
    }

    #[test]
    fn hemacare_without_announcement_gives_the_18_february_threshold() {
        let lib = library();
        let mut facts = Facts::default();
        facts.set("meeting", ymd(2004, 5, 25));
        facts.set("prior_meeting", ymd(2003, 8, 13));
        let all = run(&lib, &facts);
        let d = find(&all, "nomination_notice");
        assert_eq!(d.status, Status::Conditional);
        assert_eq!(d.missing, vec!["announcement".to_owned()]);
        assert_eq!(d.cases.len(), 2);
        assert!(
            d.cases[0].when.ends_with("is on or before Wed 18 Feb 2004"),
            "{}",
            d.cases[0].when
        );
        assert!(matches!(&d.cases[0].closes, Some(Answer::Date(b)) if b.date == ymd(2004, 2, 25)));
        assert!(
            matches!(&d.cases[1].closes, Some(Answer::Words(w)) if w == "7 days after the first public announcement of the meeting date")
        );
    }

    #[test]
    fn anniversary_window_without_a_meeting_date_is_solved_into_meeting_dates() {
        // DESIGN §5: "15 Jan 2026 – 14 Feb 2026, if the 2026 meeting is held
        // between 15 Apr 2026 and 14 Jul 2026".
        let lib = library();
        let mut facts = Facts::default();
        facts.set("prior_meeting", ymd(2025, 5, 15));
        let all = run(&lib, &facts);
        let d = find(&all, "shareholder_notice");
        assert_eq!(d.status, Status::Conditional);
        let window = d
            .cases
            .iter()
            .find(|c| c.when == "the meeting is between Wed 15 Apr 2026 and Tue 14 Jul 2026")
            .expect("the anniversary-window case");
        assert!(matches!(&window.opens, Some(Answer::Date(b)) if b.date == ymd(2026, 1, 15)));
        assert!(matches!(&window.closes, Some(Answer::Date(b)) if b.date == ymd(2026, 2, 14)));
        let moved = d
            .cases
            .iter()
            .find(|c| {
                c.when.contains("on or before Tue 14 Apr 2026")
                    && c.when.contains("on or after Wed 15 Jul 2026")
            })
            .expect("the moved-meeting case");
        assert!(
            matches!(&moved.opens, Some(Answer::Words(w)) if w == "120 days before the meeting")
        );
    }

    #[test]
    fn special_meeting_proposal_deadline_is_unspecified() {
        let lib = library();
        let mut facts = Facts::default();
        facts.meeting_kind = crate::model::expr::MeetingKind::Special;
        facts.set("meeting", ymd(2025, 9, 10));
        let all = run(&lib, &facts);
        let d = find(&all, "shareholder_proposal_deadline");
        assert_eq!(d.status, Status::Unspecified);
        assert!(d.words.as_deref().unwrap().contains("14a-8(e)(3)"));
    }

    /// Every window opens no later than it closes, and every date reported
    /// (computed, rolled, or in a conditional case) lies in the years the
    /// rule's holiday calendar covers.
    fn check_windows(lib: &Library, all: &[Deadline]) -> std::result::Result<(), TestCaseError> {
        for d in all {
            let rule = lib
                .packs
                .iter()
                .find(|p| p.id == d.pack)
                .and_then(|p| p.rule(&d.rule))
                .expect("a deadline comes from a loaded rule");
            let (first, last) = lib.calendars[&rule.calendar].years();
            let mut dates: Vec<NaiveDate> = Vec::new();
            if let (Some(o), Some(c)) = (&d.opens, &d.closes) {
                prop_assert!(
                    o.date <= c.date,
                    "{} opens {} after it closes {}",
                    d.id(),
                    o.date,
                    c.date
                );
            }
            for b in d.opens.iter().chain(d.closes.iter()) {
                dates.extend([b.date, b.computed]);
            }
            for case in &d.cases {
                if let (Some(Answer::Date(o)), Some(Answer::Date(c))) = (&case.opens, &case.closes)
                {
                    prop_assert!(
                        o.date <= c.date,
                        "{} case {}: opens after it closes",
                        d.id(),
                        case.when
                    );
                }
                for a in case.opens.iter().chain(case.closes.iter()) {
                    if let Answer::Date(b) = a {
                        dates.extend([b.date, b.computed]);
                    }
                }
            }
            for date in dates {
                prop_assert!(
                    (first..=last).contains(&date.year()),
                    "{} reports {date}, outside `{}` ({first}-{last})",
                    d.id(),
                    rule.calendar
                );
            }
        }
        Ok(())
    }

    #[test]
    fn a_date_before_today_is_warned_about() {
        let lib = library();
        let mut facts = Facts::default();
        facts.set("meeting", ymd(2004, 5, 25));
        facts.set("announcement", ymd(2004, 2, 27));
        let company = Company::default();
        let cx = Context {
            company: &company,
            calendars: &lib.calendars,
            today: Some(ymd(2004, 3, 6)),
        };
        let all = evaluate(&lib.packs, &facts, &cx).unwrap();
        let d = find(&all, "nomination_notice");
        assert_eq!(
            d.warnings,
            vec!["closes Fri 5 Mar 2004 is already past on Sat 6 Mar 2004".to_owned()]
        );
        let cx = Context {
            today: Some(ymd(2004, 3, 5)),
            ..cx
        };
        let all = evaluate(&lib.packs, &facts, &cx).unwrap();
        assert!(
            find(&all, "nomination_notice").warnings.is_empty(),
            "the day itself is not past"
        );
    }

    fn combinators() -> Library {
        let src = crate::diag::SourceFile::new(
            "combinators.toml",
            r#"
[pack]
id = "combinators"
title = "later_of and earlier_of"
version = "1"
citation = "test"

[[rule]]
id = "later"
summary = "Later of two dates."
citation = "test"
closes = "later_of(meeting - 90 days, announcement + 7 days)"

[[rule]]
id = "earlier"
summary = "Earlier of two dates."
citation = "test"
closes = "earlier_of(meeting - 90 days, announcement + 7 days)"
"#,
        );
        let calendars = crate::pack::load::builtin_calendars();
        let (pack, _) = crate::pack::load::parse_pack(&src, &calendars).expect("parses");
        Library {
            packs: vec![pack],
            calendars,
            warnings: Vec::new(),
        }
    }

    proptest! {
        #[test]
        fn prop_later_of_is_at_least_each_term_and_earlier_of_at_most(
            meeting_day in 0i64..16_000,
            lead in 0i64..400,
        ) {
            let lib = combinators();
            let meeting = add_days(ymd(1995, 1, 1), meeting_day).unwrap();
            let announcement = add_days(meeting, -lead).unwrap();
            let mut facts = Facts::default();
            facts.set("meeting", meeting);
            facts.set("announcement", announcement);
            let all = run(&lib, &facts);
            let terms = [add_days(meeting, -90).unwrap(), add_days(announcement, 7).unwrap()];
            let later = find(&all, "later").closes.as_ref().unwrap().date;
            let earlier = find(&all, "earlier").closes.as_ref().unwrap().date;
            for t in terms {
                prop_assert!(later >= t && earlier <= t);
            }
            prop_assert!(terms.contains(&later) && terms.contains(&earlier));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Issue 3, point 8: every shipped pack, meetings from 1995 to 2040,
        /// every fact a pack can use set at a plausible distance from the
        /// meeting (or left out), annual and special meetings, this year and
        /// next.
        #[test]
        fn prop_every_shipped_pack_keeps_windows_ordered_and_dates_inside_its_calendar(
            meeting_day in 0i64..=16_801, // 1995-01-01 ..= 2040-12-31
            gap in prop::option::of(250i64..480),
            notice in prop::option::of(1i64..200),
            proxy_lead in 20i64..70,
            record_lead in 5i64..95,
            fye_lead in 30i64..400,
            other_lead in 1i64..200,
            special in prop::bool::weighted(0.2),
            with_dates in prop::bool::weighted(0.8),
        ) {
            let lib = library();
            let meeting = add_days(ymd(1995, 1, 1), meeting_day).unwrap();
            prop_assume!(meeting.year() <= 2040);
            let before = |n: i64| add_days(meeting, -n).unwrap();
            let mut facts = Facts::default();
            facts.set("meeting", meeting);
            if special {
                facts.meeting_kind = crate::model::expr::MeetingKind::Special;
            }
            if let Some(g) = gap {
                let prior = before(g);
                facts.set("prior_meeting", prior);
                facts.set("prior_proxy_release", add_days(prior, -proxy_lead).unwrap());
            }
            if let Some(n) = notice {
                facts.set("announcement", before(n));
            }
            if with_dates {
                facts.set("record_date", before(record_lead));
                facts.set("proxy_release", before(proxy_lead));
                facts.set("notice_mailing", before(proxy_lead));
                facts.set("definitive_filing", before(proxy_lead));
                facts.set("preliminary_filing", before(proxy_lead + 12));
                facts.set("fiscal_year_end", before(fye_lead));
                // Facts that packs declare for themselves.
                for f in lib.packs.iter().flat_map(|p| &p.facts) {
                    facts.set(&f.name, before(other_lead));
                }
            }
            check_windows(&lib, &run(&lib, &facts))?;
            let company = Company::default();
            let cx = Context { company: &company, calendars: &lib.calendars, today: None };
            check_windows(&lib, &evaluate_next_year(&lib.packs, &facts, &cx).unwrap())?;
            // The same facts with the meeting date unknown: conditional windows too.
            facts.remove("meeting");
            check_windows(&lib, &run(&lib, &facts))?;
        }
    }
}
