//! Checks that need the rules evaluated, not just read. `govcal check`
//! searches meeting dates (across the years the holiday calendars cover)
//! and the facts around them for:
//!
//! - a window that opens after it closes (an error, with the meeting that
//!   shows it);
//! - a branch that is never taken, because an earlier branch always matches
//!   first or because its own condition never holds (a warning);
//! - a company rule outside a rule above it that constrains the same fact
//!   (`checks`): a bylaw record-date window wider than the state statute's,
//!   an advance-notice deadline later than Rule 14a-19's (a warning naming
//!   both citations and the meeting that shows it).
//!
//! The search is a fixed, seeded sample, so the same packs give the same
//! findings. It can miss a problem that only a narrow combination of facts
//! shows; it never reports one it has not seen.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::Arc;

use chrono::{Days, Months, NaiveDate};

use crate::analyse::describe::describe_cond;
use crate::diag::Diagnostic;
use crate::eval::{Context, Deadline, condition_holds, evaluate_one};
use crate::model::calendar::Calendar;
use crate::model::dates::show_date;
use crate::model::expr::MeetingKind;
use crate::model::expr::{Cond, Expr, ExprKind, Unit};
use crate::model::facts::{Company, Facts, fact_phrase};
use crate::model::rule::Status;
use crate::model::rule::{Level, Outcome, Rule, RulePack};

/// How many fact combinations are tried for each rule (or pair of rules).
pub const SAMPLES: usize = 800;

/// Returns the findings for the rules of `checked`, evaluated beside
/// `above` (the SEC, state and exchange packs a company's rules are
/// compared with; packs already in `checked` are not loaded twice).
pub fn lint(
    checked: &[RulePack],
    above: &[RulePack],
    calendars: &BTreeMap<String, Arc<Calendar>>,
) -> Vec<Diagnostic> {
    // Every pack applies and no rule yields: the search is about each rule's
    // own arithmetic, as for worked cases.
    let mut all: Vec<RulePack> = checked.to_vec();
    for p in above {
        if !all.iter().any(|q| q.id == p.id) {
            all.push(p.clone());
        }
    }
    for p in &mut all {
        p.requested = true;
        for r in &mut p.rules {
            r.yields_to = None;
        }
    }
    let company = Company::default();
    let search = Search {
        packs: &all,
        cx: Context {
            company: &company,
            calendars,
            today: None,
        },
    };
    let mut out = Vec::new();
    for (pi, pack) in all.iter().enumerate().take(checked.len()) {
        for ri in 0..pack.rules.len() {
            out.extend(search.rule(pi, ri));
        }
        if pack.level == Level::Company {
            out.extend(search.contradictions(pi));
        }
    }
    out
}

/// The packs and what evaluation needs.
struct Search<'a> {
    packs: &'a [RulePack],
    cx: Context<'a>,
}

/// A rule, by position.
type At = (usize, usize);

impl Search<'_> {
    fn rule_at(&self, (pi, ri): At) -> &Rule {
        &self.packs[pi].rules[ri]
    }

    /// Evaluates a rule; `None` when the facts leave a calendar's span.
    fn eval(&self, (pi, ri): At, facts: &Facts) -> Option<Deadline<'_>> {
        evaluate_one(self.packs, pi, ri, facts, &self.cx).ok()
    }

    /// The window-order and branch checks of one rule.
    fn rule(&self, pi: usize, ri: usize) -> Vec<Diagnostic> {
        let rule = self.rule_at((pi, ri));
        let windows = rule.branches.iter().any(|b| {
            matches!(
                &b.outcome,
                Outcome::Window {
                    opens: Some(_),
                    closes: Some(_)
                }
            )
        });
        let guarded = rule.branches.len() > 1 || rule.applies_when.is_some();
        if !windows && !guarded {
            return Vec::new();
        }
        let mut sampler = Sampler::new(self, &[(pi, ri)]);
        let mut out = Vec::new();
        let mut misordered = false;
        let mut taken = vec![false; rule.branches.len()];
        let mut applies = false;
        let mut tried = Vec::new();
        for _ in 0..SAMPLES {
            let facts = sampler.next();
            let Some(d) = self.eval((pi, ri), &facts) else {
                continue;
            };
            if let Some(i) = d.branch_index {
                taken[i] = true;
            }
            if d.status != Status::NotApplicable || d.branch_index.is_some() {
                applies = true;
            }
            if let (Some(o), Some(c), false) = (&d.opens, &d.closes, misordered)
                && o.date > c.date
            {
                misordered = true;
                let span = d
                    .branch_index
                    .and_then(|i| match &rule.branches[i].outcome {
                        Outcome::Window { opens: Some(e), .. } => Some(e.span.clone()),
                        _ => None,
                    })
                    .unwrap_or_else(|| rule.span.clone());
                out.push(
                    Diagnostic::error(
                        &rule.source,
                        span,
                        format!(
                            "the window of `{}` can open after it closes: {}, it opens {} and closes {}",
                            rule.id,
                            with_facts(&facts, &sampler.used),
                            show_date(o.date),
                            show_date(c.date)
                        ),
                    )
                    .with_help(
                        "check which bound should be the later; a `later_of` on the closing date often fixes this",
                    ),
                );
            }
            tried.push(facts);
        }
        if let Some(c) = &rule.applies_when
            && !applies
            && !tried.is_empty()
        {
            out.push(
                Diagnostic::warning(
                    &rule.source,
                    cond_span(c).unwrap_or_else(|| rule.span.clone()),
                    format!(
                        "`{}` never applies: `applies_when` was false for every one of {} meetings tried",
                        rule.id,
                        tried.len()
                    ),
                )
                .with_help("check the condition's direction and dates"),
            );
        } else if applies {
            out.extend(self.unreachable((pi, ri), &taken, &tried, &sampler.used));
        }
        out
    }

    /// Warnings for branches never taken in `samples`.
    fn unreachable(
        &self,
        at: At,
        taken: &[bool],
        samples: &[Facts],
        used: &BTreeSet<String>,
    ) -> Vec<Diagnostic> {
        let rule = self.rule_at(at);
        let mut out = Vec::new();
        for (i, b) in rule.branches.iter().enumerate() {
            if taken[i] {
                continue;
            }
            let label = b.label.clone().unwrap_or_else(|| describe_cond(&b.when));
            let span = cond_span(&b.when).unwrap_or_else(|| rule.span.clone());
            // Where does this branch's own condition hold, and what took it?
            let shadow = samples.iter().find_map(|f| {
                let holds =
                    condition_holds(self.packs, at.0, at.1, &b.when, f, &self.cx).ok()??;
                if !holds {
                    return None;
                }
                let d = self.eval(at, f)?;
                Some((f, d.branch_index?))
            });
            let d = match shadow {
                Some((facts, j)) if j < i => {
                    let earlier = rule.branches[j]
                        .label
                        .clone()
                        .unwrap_or_else(|| describe_cond(&rule.branches[j].when));
                    Diagnostic::warning(
                        &rule.source,
                        span,
                        format!(
                            "branch {} of `{}` (\"{label}\") is never taken: whenever its condition holds, branch {} (\"{earlier}\") matches first, e.g. {}",
                            i + 1,
                            rule.id,
                            j + 1,
                            with_facts(facts, used)
                        ),
                    )
                    .with_help("put the narrower branch first, or remove the one that cannot be reached")
                }
                _ => Diagnostic::warning(
                    &rule.source,
                    span,
                    format!(
                        "branch {} of `{}` (\"{label}\") is never taken: its condition held for none of {} meetings tried",
                        i + 1,
                        rule.id,
                        samples.len()
                    ),
                )
                .with_help("check the condition's direction, numbers and dates"),
            };
            out.push(d);
        }
        out
    }

    /// Warnings for the rules of company pack `pi` that fall outside a rule
    /// above them constraining the same fact.
    fn contradictions(&self, pi: usize) -> Vec<Diagnostic> {
        let pack = &self.packs[pi];
        let mut out = Vec::new();
        let mut unknown_state = BTreeSet::new();
        for (ri, rule) in pack.rules.iter().enumerate() {
            let Some(fact) = &rule.checks else {
                continue;
            };
            for (hi, higher) in self.packs.iter().enumerate() {
                if higher.level >= Level::Company || hi == pi {
                    continue;
                }
                let governs = governs(higher, pack);
                for (qi, q) in higher.rules.iter().enumerate() {
                    if q.checks.as_ref() != Some(fact) {
                        continue;
                    }
                    match governs {
                        Governs::Yes => {}
                        Governs::No => continue,
                        Governs::Unknown(what) => {
                            unknown_state.insert(what);
                            continue;
                        }
                    }
                    if let Some(d) = self.outside((pi, ri), (hi, qi)) {
                        out.push(d);
                    }
                }
            }
        }
        for what in unknown_state {
            out.push(
                Diagnostic::warning(
                    &pack.source,
                    pack.span.clone(),
                    format!(
                        "`{}` does not say which {what} it answers to, so its rules were not compared with that {what}'s rules",
                        pack.id
                    ),
                )
                .with_help(if what == "country" {
                    "add `applies_to = { countries = [\"CA\"] }` (the country of incorporation, outside the United States) under `[pack]`"
                } else {
                    "add `applies_to = { states = [\"DE\"] }` (the state of incorporation) under `[pack]`"
                }),
            );
        }
        out
    }

    /// The first sampled meeting where rule `low` falls outside rule `high`.
    fn outside(&self, low: At, high: At) -> Option<Diagnostic> {
        let rule = self.rule_at(low);
        let above = self.rule_at(high);
        let mut sampler = Sampler::new(self, &[low, high]);
        // An annual meeting makes the plainer example; a special meeting's
        // is kept in case no annual one shows the problem.
        let mut special = None;
        for _ in 0..SAMPLES {
            let facts = sampler.next();
            let (Some(a), Some(b)) = (self.eval(low, &facts), self.eval(high, &facts)) else {
                continue;
            };
            if a.status != Status::Computed || b.status != Status::Computed {
                continue;
            }
            let early = match (&a.opens, &b.opens) {
                (Some(x), Some(y)) if x.date < y.date => Some(("opens", "before", x, y)),
                _ => None,
            };
            let late = match (&a.closes, &b.closes) {
                (Some(x), Some(y)) if x.date > y.date => Some(("closes", "after", x, y)),
                _ => None,
            };
            let Some((bound, word, mine, theirs)) = early.or(late) else {
                continue;
            };
            let higher = &self.packs[high.0];
            let found = Some(
                Diagnostic::warning(
                    &rule.source,
                    rule.span.clone(),
                    format!(
                        "`{}` {bound} {word} {} allows: {}, it {bound} {} but `{}/{}` {bound} {}",
                        rule.id,
                        above.citation,
                        with_facts(&facts, &sampler.used),
                        show_date(mine.date),
                        higher.id,
                        above.id,
                        show_date(theirs.date),
                    ),
                )
                .with_help(format!(
                    "{} cannot widen {} ({} law): a date that meets the company's rule but not this one still fails the law above it; amend the rule, or explain the difference in its notes",
                    rule.citation,
                    above.citation,
                    higher.level.as_str()
                )),
            );
            if facts.meeting_kind == MeetingKind::Annual {
                return found;
            }
            special = special.or(found);
        }
        special
    }
}

/// Whether a pack above governs a company's pack.
enum Governs {
    Yes,
    No,
    /// The company pack does not say its state (or exchange).
    Unknown(&'static str),
}

fn governs(higher: &RulePack, company: &RulePack) -> Governs {
    let Some(h) = &higher.applies_to else {
        return Governs::Yes;
    };
    let (states, countries, exchanges) =
        company
            .applies_to
            .as_ref()
            .map_or((&[][..], &[][..], &[][..]), |a| {
                (
                    a.states.as_slice(),
                    a.countries.as_slice(),
                    a.exchanges.as_slice(),
                )
            });
    // A company incorporated outside the United States answers to no
    // state's law; a U.S. company to no other country's.
    let foreign = |c: &String| c != crate::model::jurisdiction::UNITED_STATES;
    if (!h.states.is_empty() && !countries.is_empty() && countries.iter().all(foreign))
        || (!h.countries.is_empty() && !states.is_empty())
    {
        return Governs::No;
    }
    for (theirs, mine, what) in [
        (&h.states, states, "state"),
        (&h.countries, countries, "country"),
        (&h.exchanges, exchanges, "exchange"),
    ] {
        if theirs.is_empty() {
            continue;
        }
        if mine.is_empty() {
            // Many companies' bylaws need not say where they are listed; an
            // exchange's rules are compared only when the pack says.
            return if what == "exchange" {
                Governs::No
            } else {
                Governs::Unknown(what)
            };
        }
        if !mine.iter().all(|m| theirs.contains(m)) {
            return Governs::No;
        }
    }
    Governs::Yes
}

/// "with the meeting on Tue 14 May 2024 and the prior annual meeting on …".
fn with_facts(facts: &Facts, used: &BTreeSet<String>) -> String {
    let mut parts = Vec::new();
    let kind = if facts.meeting_kind == MeetingKind::Special {
        "a special meeting"
    } else {
        "the meeting"
    };
    if let Some(m) = facts.get("meeting") {
        parts.push(format!("{kind} on {}", show_date(m)));
    }
    for name in used {
        if name == "meeting" || name == "meeting_kind" {
            continue;
        }
        match facts.get(name) {
            Some(d) => parts.push(format!("{} on {}", fact_phrase(name), show_date(d))),
            None if name == "prior_meeting" => parts.push("no annual meeting last year".to_owned()),
            None => parts.push(format!("{} not known", fact_phrase(name))),
        }
    }
    format!("with {}", crate::analyse::describe::join_and(&parts))
}

/// The first span in a condition.
fn cond_span(c: &Cond) -> Option<Range<usize>> {
    match c {
        Cond::Otherwise(s) | Cond::Missing(_, s) | Cond::Present(_, s) => Some(s.clone()),
        Cond::KindIs { span, .. } => Some(span.clone()),
        Cond::Cmp { lhs, .. } => Some(lhs.span.clone()),
        Cond::Not(c) => cond_span(c),
        Cond::And(cs) | Cond::Or(cs) => cs.first().and_then(cond_span),
    }
}

/// The facts the rules at `at` read, following references to other rules.
fn used_facts(packs: &[RulePack], at: &[At]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut tested = BTreeSet::new();
    walk_rules(
        packs,
        at,
        &mut |e| {
            if let ExprKind::Fact(f) = &e.kind {
                out.insert(f.clone());
            }
        },
        &mut |c| {
            if let Cond::Missing(f, _) | Cond::Present(f, _) = c {
                tested.insert(f.clone());
            }
        },
    );
    out.extend(tested);
    out.insert("meeting".to_owned());
    out
}

/// Calls `on_expr` on every expression node and `on_cond` on every
/// condition node of the rules at `at` and of the rules they refer to.
fn walk_rules(
    packs: &[RulePack],
    at: &[At],
    on_expr: &mut impl FnMut(&Expr),
    on_cond: &mut impl FnMut(&Cond),
) {
    let mut seen: BTreeSet<At> = BTreeSet::new();
    let mut todo: Vec<At> = at.to_vec();
    while let Some(here) = todo.pop() {
        if !seen.insert(here) {
            continue;
        }
        let pack = &packs[here.0];
        let rule = &pack.rules[here.1];
        let mut exprs: Vec<&Expr> = Vec::new();
        let mut conds: Vec<&Cond> = rule.applies_when.iter().collect();
        for b in &rule.branches {
            conds.push(&b.when);
            if let Outcome::Window { opens, closes } = &b.outcome {
                exprs.extend(opens.iter().chain(closes.iter()));
            }
        }
        let mut visit = |e: &Expr| {
            if let ExprKind::RuleRef {
                pack: p, rule: r, ..
            } = &e.kind
            {
                let pid = p.as_deref().unwrap_or(&pack.id);
                if let Some(qi) = packs.iter().position(|q| q.id == pid)
                    && let Some(ri) = packs[qi]
                        .rules
                        .iter()
                        .position(|x| x.id == *r || x.aliases.contains(r))
                {
                    todo.push((qi, ri));
                }
            }
            on_expr(e);
        };
        for c in conds {
            walk_cond(c, on_cond);
            c.walk_exprs(&mut |e| e.walk(&mut visit));
        }
        for e in exprs {
            e.walk(&mut visit);
        }
    }
}

fn walk_cond(c: &Cond, f: &mut impl FnMut(&Cond)) {
    f(c);
    match c {
        Cond::Not(inner) => walk_cond(inner, f),
        Cond::And(cs) | Cond::Or(cs) => {
            for c in cs {
                walk_cond(c, f);
            }
        }
        _ => {}
    }
}

/// Draws facts for the rules being searched: a meeting date anywhere in the
/// calendars' span, and each other fact the rules read at a distance from
/// the meeting that is either one of the rules' own numbers (give or take a
/// day, where thresholds bite) or random.
struct Sampler {
    rng: Rng,
    used: BTreeSet<String>,
    /// Interesting distances in days, from the rules' constants.
    near: Vec<i64>,
    /// Dates written in the rules (`meeting > 2022-08-31`).
    dates: Vec<NaiveDate>,
    first: NaiveDate,
    days: u64,
}

impl Sampler {
    fn new(search: &Search<'_>, at: &[At]) -> Sampler {
        let mut near = BTreeSet::from([0_i64, 1, 2, 7]);
        let mut dates = BTreeSet::new();
        walk_rules(
            search.packs,
            at,
            &mut |e| match &e.kind {
                ExprKind::Amount(q) | ExprKind::Shift { by: q, .. } => {
                    let n = match q.unit {
                        Unit::Days => q.n,
                        Unit::BusinessDays => q.n * 7 / 5,
                        Unit::Weeks => q.n * 7,
                        Unit::Months => q.n * 30,
                        Unit::Years => q.n * 365,
                    };
                    near.extend([n - 1, n, n + 1]);
                }
                ExprKind::Date(d) => {
                    dates.insert(*d);
                }
                _ => {}
            },
            &mut |_| {},
        );
        let used = used_facts(search.packs, at);
        // Meetings whose every computed date stays inside the calendars:
        // two years in from each end of the narrowest span.
        let (lo, hi) = search
            .cx
            .calendars
            .values()
            .map(|c| c.years())
            .fold((i32::MIN, i32::MAX), |(a, b), (x, y)| (a.max(x), b.min(y)));
        let first = NaiveDate::from_ymd_opt(lo.saturating_add(2), 1, 1)
            .unwrap_or(NaiveDate::from_ymd_opt(1992, 1, 1).unwrap_or_default());
        let last = NaiveDate::from_ymd_opt(hi.saturating_sub(2), 12, 31).unwrap_or(first);
        let days = u64::try_from((last - first).num_days().max(1)).unwrap_or(1);
        let seed = at.iter().fold(0x9E37_79B9_7F4A_7C15_u64, |h, (p, r)| {
            let name = format!("{}/{}", search.packs[*p].id, search.packs[*p].rules[*r].id);
            name.bytes()
                .fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
        });
        Sampler {
            rng: Rng(seed | 1),
            used,
            near: near.into_iter().filter(|n| *n >= 0).collect(),
            dates: dates.into_iter().collect(),
            first,
            days,
        }
    }

    /// A distance in days within `min..=max`: one of the rules' own
    /// numbers when one fits (thresholds bite there), else a random one.
    fn distance(&mut self, min: i64, max: i64) -> i64 {
        let fits: Vec<i64> = self
            .near
            .iter()
            .copied()
            .filter(|n| (min..=max).contains(n))
            .collect();
        if self.rng.below(2) == 0 && !fits.is_empty() {
            fits[self.rng.index(fits.len())]
        } else {
            let width = u64::try_from(max - min).unwrap_or(0);
            min + i64::try_from(self.rng.below(width + 1)).unwrap_or(0)
        }
    }

    fn next(&mut self) -> Facts {
        let mut facts = Facts::default();
        let meeting = if !self.dates.is_empty() && self.rng.below(8) == 0 {
            // Around a date the rules name, or its anniversary.
            let d = self.dates[self.rng.index(self.dates.len())];
            let d = if self.rng.below(2) == 0 {
                d
            } else {
                d.checked_add_months(Months::new(12)).unwrap_or(d)
            };
            let sign = if self.rng.below(2) == 0 { -1 } else { 1 };
            shift_days(d, sign * self.distance(0, 100))
        } else {
            self.first + Days::new(self.rng.below(self.days))
        };
        facts.set("meeting", meeting);
        if self.rng.below(5) == 0 {
            facts.meeting_kind = MeetingKind::Special;
        }
        let last_year = meeting
            .checked_sub_months(Months::new(12))
            .unwrap_or(meeting);
        let used: Vec<String> = self.used.iter().cloned().collect();
        for name in used {
            if name == "meeting" || name == "meeting_kind" {
                continue;
            }
            // Now and then a fact is not known (no meeting last year).
            if self.rng.below(10) == 0 {
                continue;
            }
            let sign = if self.rng.below(2) == 0 { -1 } else { 1 };
            // Distances as practice has them (DESIGN: facts a company could
            // really have), so that a finding is one counsel could meet.
            let date = match name.as_str() {
                "prior_meeting" => shift_days(last_year, sign * self.distance(0, 120)),
                "prior_proxy_release" => {
                    let prior = facts.get("prior_meeting").unwrap_or(last_year);
                    shift_days(prior, -self.distance(30, 90))
                }
                "announcement" => shift_days(meeting, -self.distance(30, 200)),
                "proxy_release" | "definitive_filing" => {
                    shift_days(meeting, -self.distance(30, 120))
                }
                "preliminary_filing" => shift_days(meeting, -self.distance(40, 200)),
                "record_date" | "notice_mailing" => shift_days(meeting, -self.distance(10, 90)),
                "fiscal_year_end" => shift_days(meeting, -self.distance(30, 400)),
                _ => shift_days(meeting, sign * self.distance(0, 400)),
            };
            facts.set(name, date);
        }
        // Keep the calendar-year ordering of real filings simple: a prior
        // meeting never falls after this one.
        if let Some(p) = facts.get("prior_meeting")
            && p >= meeting
        {
            facts.set("prior_meeting", shift_days(meeting, -1));
        }
        facts
    }
}

fn shift_days(d: NaiveDate, n: i64) -> NaiveDate {
    let by = Days::new(n.unsigned_abs());
    if n < 0 {
        d.checked_sub_days(by).unwrap_or(d)
    } else {
        d.checked_add_days(by).unwrap_or(d)
    }
}

/// A small, seeded generator (xorshift64*): the search must give the same
/// findings on every run and machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn index(&mut self, len: usize) -> usize {
        usize::try_from(self.below(len as u64)).unwrap_or(0)
    }
}
