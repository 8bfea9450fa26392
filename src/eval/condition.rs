//! Symbolic conditions: what evaluation knows about a condition or a value
//! when facts are missing. A comparison on one missing fact is solved into
//! the set of its dates for which it holds; the rest is kept as the rule
//! wrote it. The result is data ([`Condition`]); `analyse::words` puts it
//! into words and the JSON output writes it as dates.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::Case;
use crate::model::expr::{BoundName, CmpOp, Cond, Expr};
use crate::model::offset::{add_days, add_months, anniversary};
use crate::model::ranges::{Ranges, day_number, from_day_number};
use crate::model::rule::LeapDay;

/// The condition under which one case of a conditional answer holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Condition<'p> {
    /// The fact's date lies in the set.
    Dates {
        /// The missing fact.
        fact: String,
        /// Its dates for which the case holds.
        ranges: Ranges,
    },
    /// The days from one fact's date to another's lie in the set:
    /// `fact - minus` is in `days` (both facts missing).
    Apart {
        /// The fact counted to.
        fact: String,
        /// The fact counted from.
        minus: String,
        /// The numbers of days for which the case holds.
        days: Ranges,
    },
    /// A condition that could not be solved into dates, as the rule wrote it.
    Unsolved {
        /// The condition in the rule.
        cond: &'p Cond,
        /// The missing facts it depends on.
        facts: Vec<String>,
    },
    /// Every one holds.
    All(Vec<Condition<'p>>),
    /// At least one holds.
    Any(Vec<Condition<'p>>),
    /// It does not hold.
    Not(Box<Condition<'p>>),
}

impl Condition<'_> {
    /// Whether the condition holds on `facts`, which give the facts it
    /// names: `None` when a fact is missing or a part is kept in words.
    pub fn holds(&self, facts: &crate::model::facts::Facts) -> Option<bool> {
        let day = |f: &str| facts.get(f).map(crate::model::ranges::day_number);
        match self {
            Condition::Dates { fact, ranges } => Some(ranges.contains(day(fact)?)),
            Condition::Apart { fact, minus, days } => Some(days.contains(day(fact)? - day(minus)?)),
            Condition::Unsolved { .. } => None,
            Condition::Not(c) => c.holds(facts).map(|b| !b),
            Condition::All(parts) => {
                let mut all = Some(true);
                for p in parts {
                    match p.holds(facts) {
                        Some(false) => return Some(false),
                        None => all = None,
                        Some(true) => {}
                    }
                }
                all
            }
            Condition::Any(parts) => {
                let mut any = Some(false);
                for p in parts {
                    match p.holds(facts) {
                        Some(true) => return Some(true),
                        None => any = None,
                        Some(false) => {}
                    }
                }
                any
            }
        }
    }
}

/// A value during evaluation.
#[derive(Clone, Debug)]
pub(super) enum Val<'p> {
    Date(NaiveDate),
    Days(i64),
    Pend(Pend<'p>),
}

/// A value that depends on missing facts: the expression that gives it,
/// and what is known of its form.
#[derive(Clone, Debug)]
pub(super) struct Pend<'p> {
    pub(super) expr: &'p Expr,
    pub(super) missing: BTreeSet<String>,
    pub(super) form: Form<'p>,
}

#[derive(Clone, Debug)]
pub(super) enum Form<'p> {
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
    /// `(a - b) + c` days between two facts, optionally under `abs`.
    Gap {
        a: String,
        b: String,
        c: i64,
        abs: bool,
    },
    /// A date that grows with one fact's date (never falls as it rises):
    /// the fact moved by `ops` in turn (days, months, anniversaries).
    Mono { fact: String, ops: Vec<MonoOp> },
    /// Another rule's bound, whose answer is conditional: its cases, each
    /// giving a date, a date in words, or no date.
    Cases {
        bound: BoundName,
        cases: Vec<Case<'p>>,
    },
    /// `later_of(known, g(fact))` (or `earlier_of` when `later` is false):
    /// the known date is the answer exactly when `fact` is in `wins`.
    Threshold {
        known: NaiveDate,
        fact: String,
        wins: Ranges,
        unknown: &'p Expr,
    },
}

/// One step of a date that grows with a fact's date.
#[derive(Clone, Copy, Debug)]
pub(super) enum MonoOp {
    Days(i64),
    Months(i64),
    Anniversary(LeapDay),
}

/// The earliest and latest day numbers searched when solving a monotone
/// date: years 1600 to 9000, well inside what every step can represent.
const SEARCH: (i64, i64) = (584_023, 3_286_860);

/// `ops` applied to day number `m`; `None` outside chrono's range.
pub(super) fn mono_apply(ops: &[MonoOp], m: i64) -> Option<i64> {
    let mut d = from_day_number(m)?;
    for op in ops {
        d = match *op {
            MonoOp::Days(n) => add_days(d, n).ok()?,
            MonoOp::Months(n) => add_months(d, n).ok()?,
            MonoOp::Anniversary(leap) => anniversary(d, leap).ok()?,
        };
    }
    Some(day_number(d))
}

/// The fact's values whose image under `ops` lies in `target`: exact,
/// because the image never falls as the fact rises, so the values mapped
/// into an interval form an interval. `None` when a step fails inside the
/// searched years.
pub(super) fn preimage(ops: &[MonoOp], target: &Ranges) -> Option<Ranges> {
    let (lo, hi) = SEARCH;
    let g = |m: i64| mono_apply(ops, m);
    let (g_lo, g_hi) = (g(lo)?, g(hi)?);
    // The first m in lo..=hi with g(m) >= a, or None if there is none.
    let first_at_least = |a: i64| -> Option<Option<i64>> {
        if g_hi < a {
            return Some(None);
        }
        let (mut l, mut h) = (lo, hi);
        while l < h {
            let mid = l + (h - l) / 2;
            if g(mid)? >= a {
                h = mid;
            } else {
                l = mid + 1;
            }
        }
        Some(Some(l))
    };
    // The last m in lo..=hi with g(m) <= b, or None if there is none.
    let last_at_most = |b: i64| -> Option<Option<i64>> {
        if g_lo > b {
            return Some(None);
        }
        let (mut l, mut h) = (lo, hi);
        while l < h {
            let mid = l + (h - l + 1) / 2;
            if g(mid)? <= b {
                l = mid;
            } else {
                h = mid - 1;
            }
        }
        Some(Some(l))
    };
    let mut out = Ranges::none();
    for &(a, b) in &target.0 {
        let from = if a == i64::MIN || g_lo >= a {
            i64::MIN
        } else {
            match first_at_least(a)? {
                Some(m) => m,
                None => continue,
            }
        };
        let to = if b == i64::MAX || g_hi <= b {
            i64::MAX
        } else {
            match last_at_most(b)? {
                Some(m) => m,
                None => continue,
            }
        };
        out = out.union(&Ranges::between(from, to));
    }
    Some(out)
}

impl Form<'_> {
    /// The fact and the steps of a date that grows with it: a fact moved by
    /// days, or already so; `None` for any other form.
    pub(super) fn monotone(self) -> Option<(String, Vec<MonoOp>)> {
        match self {
            Form::Affine {
                fact,
                s: 1,
                c,
                abs: false,
                days: false,
            } => Some((
                fact,
                if c == 0 {
                    Vec::new()
                } else {
                    vec![MonoOp::Days(c)]
                },
            )),
            Form::Mono { fact, ops } => Some((fact, ops)),
            _ => None,
        }
    }
}

/// A condition's truth when facts may be missing.
#[derive(Clone, Debug)]
pub(super) enum Truth<'p> {
    Yes,
    No,
    Maybe(Res<'p>),
}

/// An undecided condition and the facts it depends on.
#[derive(Clone, Debug)]
pub(super) struct Res<'p> {
    pub(super) cond: Condition<'p>,
    pub(super) missing: BTreeSet<String>,
}

impl<'p> Res<'p> {
    pub(super) fn solved(fact: &str, ranges: Ranges) -> Truth<'p> {
        if ranges.is_empty() {
            Truth::No
        } else if ranges.is_all() {
            Truth::Yes
        } else {
            Truth::Maybe(Res {
                cond: Condition::Dates {
                    fact: fact.to_owned(),
                    ranges,
                },
                missing: BTreeSet::from([fact.to_owned()]),
            })
        }
    }

    /// `a - b` in `days`, for two different facts.
    pub(super) fn apart(a: &str, b: &str, days: Ranges) -> Truth<'p> {
        if days.is_empty() {
            return Truth::No;
        }
        if days.is_all() {
            return Truth::Yes;
        }
        // One order for each pair, so that two constraints on it combine:
        // the fact that comes later in a season first ("the meeting is at
        // least 100 days after the announcement").
        let (fact, minus, days) = if (season_rank(a), b) >= (season_rank(b), a) {
            (a, b, days)
        } else {
            (b, a, days.negate())
        };
        Truth::Maybe(Res {
            cond: Condition::Apart {
                fact: fact.to_owned(),
                minus: minus.to_owned(),
                days,
            },
            missing: BTreeSet::from([fact.to_owned(), minus.to_owned()]),
        })
    }

    /// The set a solved condition constrains: one fact's dates, or the
    /// days between two facts.
    fn set(&self) -> Option<(Key<'_>, &Ranges)> {
        match &self.cond {
            Condition::Dates { fact, ranges } => Some((Key::One(fact), ranges)),
            Condition::Apart { fact, minus, days } => Some((Key::Two(fact, minus), days)),
            _ => None,
        }
    }
}

/// Where a fact usually falls in a season, earliest first; other facts in
/// between.
pub(super) fn season_rank(fact: &str) -> usize {
    const SEASON: [&str; 10] = [
        "prior_proxy_release",
        "prior_meeting",
        "fiscal_year_end",
        "",
        "announcement",
        "record_date",
        "preliminary_filing",
        "proxy_release",
        "definitive_filing",
        "meeting",
    ];
    SEASON.iter().position(|f| *f == fact).unwrap_or(3)
}

/// What a solved condition is about.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key<'a> {
    One(&'a str),
    Two(&'a str, &'a str),
}

impl<'p> Key<'_> {
    fn with(self, ranges: Ranges) -> Truth<'p> {
        match self {
            Key::One(f) => Res::solved(f, ranges),
            Key::Two(a, b) => Res::apart(a, b, ranges),
        }
    }
}

/// `a` and then `b` in a list of all (or any): nested lists of the same
/// kind are flattened, which reads the same.
fn joined<'p>(
    a: Condition<'p>,
    b: Condition<'p>,
    wrap: fn(Vec<Condition<'p>>) -> Condition<'p>,
    unwrap: fn(Condition<'p>) -> Result<Vec<Condition<'p>>, Condition<'p>>,
) -> Condition<'p> {
    let mut parts = unwrap(a).unwrap_or_else(|c| vec![c]);
    match unwrap(b) {
        Ok(more) => parts.extend(more),
        Err(c) => parts.push(c),
    }
    wrap(parts)
}

pub(super) fn t_and<'p>(a: Truth<'p>, b: Truth<'p>) -> Truth<'p> {
    match (a, b) {
        (Truth::No, _) | (_, Truth::No) => Truth::No,
        (Truth::Yes, x) | (x, Truth::Yes) => x,
        (Truth::Maybe(a), Truth::Maybe(b)) => match (a.set(), b.set()) {
            (Some((fa, ra)), Some((fb, rb))) if fa == fb => fa.with(ra.intersect(rb)),
            _ => Truth::Maybe(Res {
                missing: a.missing.union(&b.missing).cloned().collect(),
                cond: joined(a.cond, b.cond, Condition::All, |c| match c {
                    Condition::All(v) => Ok(v),
                    c => Err(c),
                }),
            }),
        },
    }
}

pub(super) fn t_or<'p>(a: Truth<'p>, b: Truth<'p>) -> Truth<'p> {
    match (a, b) {
        (Truth::Yes, _) | (_, Truth::Yes) => Truth::Yes,
        (Truth::No, x) | (x, Truth::No) => x,
        (Truth::Maybe(a), Truth::Maybe(b)) => match (a.set(), b.set()) {
            (Some((fa, ra)), Some((fb, rb))) if fa == fb => fa.with(ra.union(rb)),
            _ => Truth::Maybe(Res {
                missing: a.missing.union(&b.missing).cloned().collect(),
                cond: joined(a.cond, b.cond, Condition::Any, |c| match c {
                    Condition::Any(v) => Ok(v),
                    c => Err(c),
                }),
            }),
        },
    }
}

pub(super) fn t_not(a: Truth<'_>) -> Truth<'_> {
    match a {
        Truth::Yes => Truth::No,
        Truth::No => Truth::Yes,
        Truth::Maybe(r) => match r.set() {
            Some((k, set)) => k.with(set.complement()),
            None => Truth::Maybe(Res {
                cond: Condition::Not(Box::new(r.cond)),
                missing: r.missing,
            }),
        },
    }
}

pub(super) fn bool_truth<'p>(b: bool) -> Truth<'p> {
    if b { Truth::Yes } else { Truth::No }
}

/// A condition kept as the rule wrote it.
pub(super) fn unsolved(c: &Cond, missing: BTreeSet<String>) -> Truth<'_> {
    Truth::Maybe(Res {
        cond: Condition::Unsolved {
            cond: c,
            facts: missing.iter().cloned().collect(),
        },
        missing,
    })
}

pub(super) fn flip(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        CmpOp::Eq => CmpOp::Eq,
        CmpOp::Ne => CmpOp::Ne,
    }
}

/// A value depending on the missing facts of `vals`, of a form that cannot
/// be solved.
pub(super) fn opaque<'p>(e: &'p Expr, vals: impl IntoIterator<Item = Val<'p>>) -> Pend<'p> {
    let mut missing = BTreeSet::new();
    for v in vals {
        if let Val::Pend(p) = v {
            missing.extend(p.missing);
        }
    }
    Pend {
        expr: e,
        missing,
        form: Form::Opaque,
    }
}

/// Solves `p op k` for the one fact `p` depends on.
pub(super) fn solve<'p>(p: &Pend<'p>, op: CmpOp, k: i64, c: &'p Cond) -> Truth<'p> {
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
        Form::Mono { fact, ops } => match preimage(ops, &Ranges::compare(op, k)) {
            Some(set) => Res::solved(fact, set),
            None => unsolved(c, p.missing.clone()),
        },
        Form::Gap { a, b, c: off, abs } => {
            let mut v = Ranges::compare(op, k);
            if *abs {
                v = v.abs_preimage();
            }
            // v = (a - b) + off.
            Res::apart(a, b, v.shift(-off))
        }
        _ => unsolved(c, p.missing.clone()),
    }
}

/// Solves `p op q` when both depend on missing facts: two dates `a + ca`
/// and `b + cb` compare as `a - b op cb - ca`.
pub(super) fn solve_two<'p>(p: &Pend<'p>, op: CmpOp, q: &Pend<'p>, c: &'p Cond) -> Truth<'p> {
    if let (
        Form::Affine {
            fact: a,
            s: 1,
            c: ca,
            abs: false,
            days: false,
        },
        Form::Affine {
            fact: b,
            s: 1,
            c: cb,
            abs: false,
            days: false,
        },
    ) = (&p.form, &q.form)
    {
        return if a == b {
            bool_truth(op.holds(ca, cb))
        } else {
            Res::apart(a, b, Ranges::compare(op, cb - ca))
        };
    }
    let mut missing = p.missing.clone();
    missing.extend(q.missing.iter().cloned());
    unsolved(c, missing)
}
