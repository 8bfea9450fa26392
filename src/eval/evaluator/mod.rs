//! The evaluator: one rule at a time, in dependency order, from its
//! applicability and branches to its bounds, rolled and timed. Known values
//! are computed; values that depend on a missing fact stay symbolic
//! (`condition`). Every step is recorded as data (`trace`); nothing here
//! formats text.

mod expr;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;

use chrono::NaiveDate;

use super::condition::{
    Form, Res, Truth, Val, bool_truth, flip, solve, solve_two, t_and, t_not, t_or, unsolved,
};
use super::trace::{Op, Step};
use super::{Answer, Bound, Case, Context, Deadline, Moment, Warning, Why};
use crate::error::{Error, Result};
use crate::model::calendar::{Calendar, Roll};
use crate::model::expr::{BoundName, Cond, Expr, ExprKind};
use crate::model::facts::Facts;
use crate::model::ranges::day_number;
use crate::model::rule::{Actor, Branch, Outcome, Rule, RulePack, Status, TimeSpec, Yield};

/// Stack that must be left before evaluation goes one level deeper: more
/// than one expression node, one rule's setup or one condition takes in a
/// debug build (an expression node's frame is about 13 KiB there).
const RED_ZONE: usize = 256 * 1024;

/// The size of each new stack segment when less than [`RED_ZONE`] is left.
const STACK_SEGMENT: usize = 2 * 1024 * 1024;

/// Runs `f`, first moving to a new stack segment if less than [`RED_ZONE`]
/// is left on this one.
///
/// Evaluation recurses down each expression ([`MAX_DEPTH`] levels at most)
/// and from a rule into the rules it refers to ([`MAX_REFERENCE_DEPTH`]
/// deep at most): bounded, but more than a 2 MiB worker thread holds in a
/// debug build. Growing the stack keeps every thread safe, the main one,
/// rayon's workers and the test harness's alike. See #18.
///
/// [`MAX_DEPTH`]: crate::pack::expr::MAX_DEPTH
/// [`MAX_REFERENCE_DEPTH`]: crate::pack::expr::MAX_REFERENCE_DEPTH
pub(super) fn with_stack<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, f)
}

pub(super) struct Evaluator<'p, 'a> {
    packs: &'p [RulePack],
    facts: &'a Facts,
    cx: &'a Context<'a>,
    /// Deadlines already evaluated, by the address of their rule (rules
    /// refer to each other, and each is evaluated once per run).
    done: HashMap<*const Rule, Rc<Deadline<'p>>, ByAddress>,
    /// Rules being evaluated, to report a cycle.
    active: HashSet<*const Rule, ByAddress>,
    /// Why each pack does not govern the company (`None`: it does), by
    /// position in `packs`, computed when first asked.
    excluded: Vec<std::cell::OnceCell<Option<Arc<str>>>>,
}

/// Hashes a rule's address. The keys are addresses of rules in loaded
/// packs, not chosen by anyone, so `SipHash`'s guard against chosen keys buys
/// nothing here, and it was a tenth of a batch run's evaluation time.
#[derive(Default)]
struct AddressHasher(u64);

impl std::hash::Hasher for AddressHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn finish(&self) -> u64 {
        // The table indexes by the low bits; an address's are its alignment.
        self.0 ^ (self.0 >> 29)
    }
}

type ByAddress = std::hash::BuildHasherDefault<AddressHasher>;

/// One answer a bound can give in a conditional window, and when.
#[derive(Clone)]
struct Variant<'p> {
    truth: Truth<'p>,
    answer: Option<Answer<'p>>,
    unspecified: Option<&'p str>,
    not_applicable: Option<Why<'p>>,
}

impl<'p> Variant<'p> {
    fn always(answer: Option<Answer<'p>>) -> Self {
        Variant {
            truth: Truth::Yes,
            answer,
            unspecified: None,
            not_applicable: None,
        }
    }
}

/// What one rule is being evaluated with.
pub(super) struct RuleCx<'p> {
    pub(super) pack: &'p str,
    pub(super) rule: &'p Rule,
    pub(super) calendar: Arc<Calendar>,
    pub(super) citation: &'p str,
}

impl<'p, 'a> Evaluator<'p, 'a> {
    pub(super) fn new(packs: &'p [RulePack], facts: &'a Facts, cx: &'a Context<'a>) -> Self {
        Evaluator {
            packs,
            facts,
            cx,
            done: HashMap::default(),
            active: HashSet::default(),
            excluded: vec![std::cell::OnceCell::new(); packs.len()],
        }
    }

    /// Returns why `packs[i]` does not govern the company, if it does not.
    pub(super) fn excluded(&self, i: usize) -> Option<&Arc<str>> {
        let p = &self.packs[i];
        self.excluded[i]
            .get_or_init(|| {
                p.applies_to
                    .as_ref()
                    .and_then(|a| a.excludes(self.cx.company, p.requested))
                    .map(Arc::from)
            })
            .as_ref()
    }

    /// The loaded rule that replaces one with `yields_to`, if any: a rule
    /// of another pack that governs the company, carries the tag and
    /// applies to this meeting, when the yield's own condition holds. A
    /// tagged rule that does not apply to this meeting (an annual-meeting
    /// bylaw clause at a special meeting) sets no date and replaces nothing;
    /// a yield whose condition is false or undecided keeps the rule's own
    /// answer.
    fn replacement(
        &mut self,
        pack: &'p RulePack,
        y: &'p Yield,
        rc: &RuleCx<'p>,
    ) -> Result<Option<Why<'p>>> {
        if let Some(c) = &y.when {
            // The condition's own steps are not part of the rule's trace.
            let mut scratch = Vec::new();
            if !matches!(self.truth(c, rc, &mut scratch)?, Truth::Yes) {
                return Ok(None);
            }
        }
        let packs = self.packs;
        for p in packs {
            if p.id == pack.id || !p.governs(self.cx.company) {
                continue;
            }
            for r in p.rules.iter().filter(|r| r.tags.contains(&y.tag)) {
                if self.rule(p, r)?.status != Status::NotApplicable {
                    return Ok(Some(Why::Replaced {
                        reason: &y.reason,
                        pack: &p.id,
                        rule: &r.id,
                    }));
                }
            }
        }
        Ok(None)
    }

    pub(super) fn calendar(&self, id: &str) -> Result<Arc<Calendar>> {
        self.cx
            .calendars
            .get(id)
            .cloned()
            .ok_or_else(|| Error::usage(format!("unknown calendar `{id}`"), None))
    }

    pub(super) fn rule(&mut self, pack: &'p RulePack, rule: &'p Rule) -> Result<Rc<Deadline<'p>>> {
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
        let result = with_stack(|| self.rule_inner(pack, rule)).map_err(|e| Error::Rule {
            rule: format!("{}/{}", pack.id, rule.id),
            source: Box::new(e),
        });
        self.active.remove(&key);
        let d = Rc::new(result?);
        self.done.insert(key, Rc::clone(&d));
        Ok(d)
    }

    fn rule_inner(&mut self, pack: &'p RulePack, rule: &'p Rule) -> Result<Deadline<'p>> {
        let rc = RuleCx {
            pack: &pack.id,
            rule,
            calendar: self.calendar(&rule.calendar)?,
            citation: &rule.citation,
        };
        let mut d = Deadline {
            pack: pack.id.clone(),
            rule: rule.id.clone(),
            title: rule.name().to_owned(),
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
            Some(i) => self.excluded(i).cloned(),
            None => pack
                .applies_to
                .as_ref()
                .and_then(|a| a.excludes(self.cx.company, pack.requested))
                .map(Arc::from),
        }
        .map(Why::Excluded);
        // A rule another loaded rule replaces (an advance-notice bylaw date
        // replaces Rule 14a-4(c)(1)'s 45-day date).
        let replaced = match &rule.yields_to {
            None => None,
            Some(y) => self.replacement(pack, y, &rc)?,
        };
        if let Some(why) = excluded.or(replaced) {
            d.status = Status::NotApplicable;
            trace.push(Step {
                op: Op::NotApplicable(why.clone()),
                date: None,
                citation: Some(rc.citation),
            });
            d.words = Some(why);
            d.trace = trace;
            return Ok(d);
        }
        // Applicability first: a rule that does not apply says why.
        let mut guards: Vec<(Res, Option<&Branch>)> = Vec::new();
        let not_applicable_reason = |c: &'p Cond| match &rule.not_applicable {
            Some(why) => Why::Said(why),
            None => Why::AppliesOnlyWhen(c),
        };
        if let Some(c) = &rule.applies_when {
            match self.truth(c, &rc, &mut trace)? {
                Truth::Yes => {}
                Truth::No => {
                    d.status = Status::NotApplicable;
                    d.words = Some(not_applicable_reason(c));
                    trace.push(Step {
                        op: Op::NotApplicable(not_applicable_reason(c)),
                        date: None,
                        citation: Some(rc.citation),
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
            let citation = Some(b.citation.as_deref().unwrap_or(rc.citation));
            match t {
                Truth::Yes => {
                    if !matches!(b.when, Cond::Otherwise(_)) {
                        trace.push(Step {
                            op: Op::Branch {
                                branch: b,
                                applies: true,
                            },
                            date: None,
                            citation,
                        });
                    }
                    chosen = Some((i, b));
                    break;
                }
                Truth::No => {
                    trace.push(Step {
                        op: Op::Branch {
                            branch: b,
                            applies: false,
                        },
                        date: None,
                        citation,
                    });
                }
                Truth::Maybe(r) => guards.push((r, Some(b))),
            }
        }
        if guards.is_empty() {
            match chosen {
                None => {
                    d.status = Status::NotApplicable;
                    d.words = Some(Why::NoBranch);
                }
                Some((i, b)) => {
                    d.branch.clone_from(&b.label);
                    d.branch_index = Some(i);
                    match &b.outcome {
                        Outcome::Unspecified(words) => {
                            d.status = Status::Unspecified;
                            d.words = Some(Why::Law(words));
                            trace.push(Step {
                                op: Op::NoDate(words),
                                date: None,
                                citation: Some(b.citation.as_deref().unwrap_or(rc.citation)),
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
                                let order = self.check_order(&d, rc.pack, closes.as_ref());
                                d.warnings.extend(order);
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
                        when: Some(cond.cond.clone()),
                        opens: None,
                        closes: None,
                        unspecified: None,
                        not_applicable: Some(
                            rule.applies_when
                                .as_ref()
                                .map_or(Why::Said(""), not_applicable_reason),
                        ),
                        next_year: false,
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
                        when: cond.map(|r| r.cond),
                        opens: None,
                        closes: None,
                        unspecified: None,
                        not_applicable: Some(Why::NoBranchInCase),
                        next_year: false,
                    }),
                }
            }
        }
        d.missing.sort();
        d.missing.dedup();
        if d.status == Status::Conditional {
            d.cases = super::solve::simplify(std::mem::take(&mut d.cases), self.facts);
        }
        if d.status == Status::Conditional {
            trace.push(Step {
                op: Op::DependsOn(d.missing.clone()),
                date: None,
                citation: None,
            });
        }
        d.trace = trace;
        Ok(d)
    }

    fn branch_cases(
        &mut self,
        cond: Option<Res<'p>>,
        b: &'p Branch,
        rc: &RuleCx<'p>,
        missing: &mut Vec<String>,
    ) -> Result<Vec<Case<'p>>> {
        match &b.outcome {
            Outcome::Unspecified(words) => Ok(vec![Case {
                when: cond.map(|c| c.cond),
                opens: None,
                closes: None,
                unspecified: Some(words),
                not_applicable: None,
                next_year: false,
            }]),
            Outcome::Window { opens, closes } => {
                let mut scratch = Vec::new();
                let o = self.bound_val(opens.as_ref(), rc, &mut scratch)?;
                let c = self.bound_val(closes.as_ref(), rc, &mut scratch)?;
                self.window_cases(cond, o.as_ref(), c.as_ref(), rc, missing)
            }
        }
    }

    /// Splits a window whose bounds may be pending into cases: each bound
    /// gives one or more variants (a threshold two, a conditional rule
    /// referred to one per case), and every combination of an opening and a
    /// closing variant that can hold is a case.
    fn window_cases(
        &mut self,
        cond: Option<Res<'p>>,
        opens: Option<&Val<'p>>,
        closes: Option<&Val<'p>>,
        rc: &RuleCx<'p>,
        missing: &mut Vec<String>,
    ) -> Result<Vec<Case<'p>>> {
        let base = cond.map_or(Truth::Yes, Truth::Maybe);
        let o = self.bound_variants(opens, BoundName::Opens, rc, missing)?;
        let c = self.bound_variants(closes, BoundName::Closes, rc, missing)?;
        let mut out = Vec::new();
        for vo in &o {
            for vc in &c {
                let truth = t_and(t_and(base.clone(), vo.truth.clone()), vc.truth.clone());
                let when = match truth {
                    Truth::No => continue,
                    Truth::Yes => None,
                    Truth::Maybe(r) => {
                        missing.extend(r.missing.iter().cloned());
                        Some(r.cond)
                    }
                };
                out.push(Case {
                    when,
                    opens: vo.answer.clone(),
                    closes: vc.answer.clone(),
                    unspecified: vo.unspecified.or(vc.unspecified),
                    not_applicable: vo
                        .not_applicable
                        .clone()
                        .or_else(|| vc.not_applicable.clone()),
                    next_year: false,
                });
            }
        }
        Ok(out)
    }

    /// The answers one bound can give, each with when it gives it.
    fn bound_variants(
        &mut self,
        v: Option<&Val<'p>>,
        bound: BoundName,
        rc: &RuleCx<'p>,
        missing: &mut Vec<String>,
    ) -> Result<Vec<Variant<'p>>> {
        let roll = rc.rule.roll_of(bound);
        let date = |this: &mut Self, d: NaiveDate| -> Result<Option<Answer<'p>>> {
            let mut t = Vec::new();
            let mut w = Vec::new();
            Ok(this
                .finish(Some(&Val::Date(d)), bound, rc, &mut t, &mut w)?
                .map(Answer::Date))
        };
        let one = |answer| vec![Variant::always(answer)];
        Ok(match v {
            None | Some(Val::Days(_)) => one(None),
            Some(Val::Date(d)) => one(date(self, *d)?),
            Some(Val::Pend(p)) => {
                missing.extend(p.missing.iter().cloned());
                match &p.form {
                    // later_of(K, g(f)) is K when f is in `wins`.
                    Form::Threshold {
                        known,
                        fact,
                        wins,
                        unknown,
                    } => {
                        let known_wins = Res::solved(fact, wins.clone());
                        vec![
                            Variant {
                                truth: known_wins.clone(),
                                answer: date(self, *known)?,
                                ..Variant::always(None)
                            },
                            Variant {
                                truth: t_not(known_wins),
                                answer: Some(Answer::Pending {
                                    expr: unknown,
                                    roll,
                                }),
                                ..Variant::always(None)
                            },
                        ]
                    }
                    // Another rule's conditional answer: its cases, its
                    // dates with this rule's roll and time.
                    Form::Cases {
                        bound: theirs,
                        cases,
                    } => {
                        let mut out = Vec::new();
                        for case in cases {
                            let truth = match &case.when {
                                None => Truth::Yes,
                                Some(cond) => Truth::Maybe(Res {
                                    cond: cond.clone(),
                                    missing: p.missing.clone(),
                                }),
                            };
                            let a = match theirs {
                                BoundName::Opens => &case.opens,
                                BoundName::Closes => &case.closes,
                            };
                            let answer = match a {
                                Some(Answer::Date(b)) => date(self, b.date)?,
                                // In words: this rule's roll, where it has one,
                                // is the last applied.
                                Some(Answer::Pending { expr, roll: theirs }) => {
                                    Some(Answer::Pending {
                                        expr,
                                        roll: if roll == Roll::None { *theirs } else { roll },
                                    })
                                }
                                None => None,
                            };
                            out.push(Variant {
                                truth,
                                answer,
                                unspecified: case.unspecified,
                                not_applicable: case.not_applicable.clone(),
                            });
                        }
                        out
                    }
                    _ => one(Some(Answer::Pending { expr: p.expr, roll })),
                }
            }
        })
    }

    fn bound_val(
        &mut self,
        e: Option<&'p Expr>,
        rc: &RuleCx<'p>,
        trace: &mut Vec<Step<'p>>,
    ) -> Result<Option<Val<'p>>> {
        e.map(|e| self.eval(e, rc, trace)).transpose()
    }

    /// For a rule that `checks` a fact (a record date against the window
    /// the statute allows), warns when the fact lies outside the window.
    fn check_fact(&self, d: &Deadline<'p>, rule: &'p Rule) -> Vec<Warning<'p>> {
        let Some((fact, value)) = rule
            .checks
            .as_deref()
            .and_then(|f| self.facts.get(f).map(|v| (f, v)))
        else {
            return Vec::new();
        };
        let opens = d
            .opens
            .as_ref()
            .filter(|o| value < o.date)
            .map(|o| (BoundName::Opens, o.date));
        let closes = d
            .closes
            .as_ref()
            .filter(|c| value > c.date)
            .map(|c| (BoundName::Closes, c.date));
        opens
            .into_iter()
            .chain(closes)
            .map(|(bound, date)| Warning::Outside {
                fact,
                value,
                bound,
                date,
                citation: &rule.citation,
            })
            .collect()
    }

    /// For a shareholder's or dissident's rule, warns of a date after the
    /// meeting, and of a closing date counted from the meeting date that
    /// falls before the meeting date was first announced. A closing date
    /// counted only from last year's meeting or proxy statement may well
    /// come before the announcement: last year's proxy statement printed it
    /// (Rule 14a-5(e)), so shareholders knew it; that is not warned of.
    fn check_order(
        &self,
        d: &Deadline<'p>,
        pack: &str,
        closes: Option<&'p Expr>,
    ) -> Vec<Warning<'p>> {
        if !matches!(d.actor, Some(Actor::Shareholder | Actor::Dissident)) {
            return Vec::new();
        }
        let mut out = Vec::new();
        if let Some(meeting) = self.facts.get("meeting")
            && let Some((bound, b)) = d.bounds().find(|(_, b)| b.date > meeting)
        {
            out.push(Warning::AfterMeeting {
                bound,
                date: b.date,
                meeting,
            });
        }
        if let (Some(announcement), Some(c), Some(e)) =
            (self.facts.get("announcement"), d.closes.as_ref(), closes)
            && c.date < announcement
            && self.counts_from(e, pack, "meeting", 0)
        {
            out.push(Warning::BeforeAnnouncement {
                bound: BoundName::Closes,
                date: c.date,
                announcement,
            });
        }
        out
    }

    /// Whether the date of `e` (written in pack `pack`) is counted from fact
    /// `fact`: directly, or through another rule's bound as the branch that
    /// rule took gives it.
    fn counts_from(&self, e: &Expr, pack: &str, fact: &str, depth: usize) -> bool {
        // Rules refer to each other without cycles and at most
        // MAX_REFERENCE_DEPTH deep (loading refuses more); `depth` counts
        // the references followed, and its limit only keeps a bug from
        // recursing for ever.
        if depth > crate::pack::expr::MAX_REFERENCE_DEPTH {
            return false;
        }
        let from = |x: &Expr| with_stack(|| self.counts_from(x, pack, fact, depth));
        match &e.kind {
            ExprKind::Fact(f) => f == fact,
            ExprKind::Date(_) | ExprKind::Amount(_) => false,
            ExprKind::Shift { base, .. } => from(base),
            ExprKind::Diff(a, b) => from(a) || from(b),
            ExprKind::LaterOf(v) | ExprKind::EarlierOf(v) => v.iter().any(from),
            ExprKind::Anniversary(x) | ExprKind::Abs(x) => from(x),
            ExprKind::RuleRef {
                pack: p,
                rule,
                bound,
            } => {
                let pack_id = p.as_deref().unwrap_or(pack);
                let Some(target) = self
                    .packs
                    .iter()
                    .find(|tp| tp.id == pack_id)
                    .and_then(|tp| tp.rule(rule))
                else {
                    return false;
                };
                let key: *const Rule = target;
                let Some(i) = self.done.get(&key).and_then(|dl| dl.branch_index) else {
                    return false;
                };
                match target.branches.get(i).map(|b| &b.outcome) {
                    Some(Outcome::Window { opens, closes }) => {
                        let x = match bound {
                            BoundName::Opens => opens.as_ref(),
                            BoundName::Closes => closes.as_ref(),
                        };
                        x.is_some_and(|x| self.counts_from(x, pack_id, fact, depth + 1))
                    }
                    _ => false,
                }
            }
        }
    }

    /// Rolls a known date, attaches its time of day, and adds warnings.
    fn finish(
        &mut self,
        v: Option<&Val<'p>>,
        bound: BoundName,
        rc: &RuleCx<'p>,
        trace: &mut Vec<Step<'p>>,
        warnings: &mut Vec<Warning<'p>>,
    ) -> Result<Option<Bound>> {
        let Some(&Val::Date(computed)) = v else {
            return Ok(None);
        };
        let roll = rc.rule.roll_of(bound);
        let date = rc.calendar.roll(computed, roll)?;
        if date != computed {
            trace.push(Step {
                op: Op::Rolled {
                    computed,
                    roll,
                    calendar: Arc::clone(&rc.calendar),
                },
                date: Some(date),
                citation: Some(rc.citation),
            });
        } else if roll == Roll::None {
            // A window that opens on a Sunday is harmless; one that closes
            // on a Sunday may find the office shut. A date govcal cannot
            // check against a holiday calendar is not reported: the run
            // stops with the rule and the span.
            let business = rc.calendar.is_business_day(computed)?;
            if bound == BoundName::Closes && !business {
                warnings.push(Warning::NotBusinessDay {
                    bound,
                    date: computed,
                    calendar: Arc::clone(&rc.calendar),
                });
            }
        }
        if let Some(today) = self.cx.today
            && date < today
        {
            warnings.push(Warning::Past { bound, date, today });
        }
        let time = rc.rule.at_of(bound).map(|spec| {
            let (clock, zone) = match spec {
                TimeSpec::CloseOfBusiness => {
                    (self.cx.company.close_of_business, self.cx.company.zone)
                }
                TimeSpec::Clock { time, zone } => (*time, zone.unwrap_or(self.cx.company.zone)),
            };
            let local = date.and_time(clock);
            let utc = zone.to_utc(local);
            Moment { local, zone, utc }
        });
        Ok(Some(Bound {
            date,
            computed,
            roll,
            time,
        }))
    }

    pub(super) fn truth(
        &mut self,
        c: &'p Cond,
        rc: &RuleCx<'p>,
        trace: &mut Vec<Step<'p>>,
    ) -> Result<Truth<'p>> {
        with_stack(|| self.truth_here(c, rc, trace))
    }

    fn truth_here(
        &mut self,
        c: &'p Cond,
        rc: &RuleCx<'p>,
        trace: &mut Vec<Step<'p>>,
    ) -> Result<Truth<'p>> {
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
                    (Val::Pend(p), Val::Pend(q)) => solve_two(&p, *op, &q, c),
                    (l, r) => {
                        let mut missing = BTreeSet::new();
                        for v in [l, r] {
                            if let Val::Pend(p) = v {
                                missing.extend(p.missing);
                            }
                        }
                        unsolved(c, missing)
                    }
                }
            }
        })
    }
}
