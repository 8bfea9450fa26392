//! Symbolic conditions: what evaluation knows about a condition or a value
//! when facts are missing. A comparison on one missing fact is solved into
//! the set of its dates for which it holds; the rest is kept as the rule
//! wrote it. The result is data ([`Condition`]); `analyse::words` puts it
//! into words and the JSON output writes it as dates.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::model::expr::{CmpOp, Cond, Expr};
use crate::model::ranges::Ranges;

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
    /// `later_of(known, fact + c)` (or `earlier_of` when `later` is false).
    Threshold {
        known: NaiveDate,
        fact: String,
        c: i64,
        later: bool,
        unknown: &'p Expr,
    },
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

    /// The set of dates of one fact, when the condition was solved.
    fn set(&self) -> Option<(&str, &Ranges)> {
        match &self.cond {
            Condition::Dates { fact, ranges } => Some((fact, ranges)),
            _ => None,
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
            (Some((fa, ra)), Some((fb, rb))) if fa == fb => Res::solved(fa, ra.intersect(rb)),
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
            (Some((fa, ra)), Some((fb, rb))) if fa == fb => Res::solved(fa, ra.union(rb)),
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
            Some((f, set)) => Res::solved(f, set.complement()),
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
        _ => unsolved(c, p.missing.clone()),
    }
}
