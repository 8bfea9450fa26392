//! Evaluating one date expression: a date, a number of days, or a value
//! that depends on missing facts, kept in a form that can be solved
//! (`condition`). Each step that gives a date is recorded in the trace.

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::NaiveDate;

use super::{Evaluator, RuleCx, with_stack};
use crate::error::{Error, Result};
use crate::eval::condition::{Form, MonoOp, Pend, Val, opaque, preimage};
use crate::eval::trace::{Op, Step};
use crate::model::expr::{BoundName, CmpOp, Expr, ExprKind, Unit};
use crate::model::offset::{Offset, anniversary};
use crate::model::ranges::{Ranges, day_number};
use crate::model::rule::{Counting, Status};

impl<'p> Evaluator<'p, '_> {
    /// Evaluates `e`, recording each step that gives a date in `trace`.
    pub(super) fn eval(
        &mut self,
        e: &'p Expr,
        rc: &RuleCx<'p>,
        trace: &mut Vec<Step<'p>>,
    ) -> Result<Val<'p>> {
        with_stack(|| self.eval_here(e, rc, trace))
    }

    fn eval_here(
        &mut self,
        e: &'p Expr,
        rc: &RuleCx<'p>,
        trace: &mut Vec<Step<'p>>,
    ) -> Result<Val<'p>> {
        let cite = Some(rc.citation);
        Ok(match &e.kind {
            ExprKind::Fact(f) => match self.facts.get(f) {
                Some(d) => Val::Date(d),
                None => Val::Pend(Pend {
                    expr: e,
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
                        op: Op::RuleBound {
                            rule: tr,
                            bound: *bound,
                        },
                        date: Some(b.date),
                        citation: Some(&tr.citation),
                    });
                    Val::Date(b.date)
                } else {
                    let mut missing: BTreeSet<String> = dl.missing.iter().cloned().collect();
                    if missing.is_empty() {
                        missing.insert(format!("{}.{}", tr.id, bound.as_str()));
                    }
                    // A conditional rule lends its cases, so that this rule
                    // gives the same dates case by case.
                    let form = if dl.status == Status::Conditional && !dl.cases.is_empty() {
                        Form::Cases {
                            bound: *bound,
                            cases: dl.cases.clone(),
                        }
                    } else {
                        Form::Opaque
                    };
                    Val::Pend(Pend {
                        expr: e,
                        missing,
                        form,
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
                let months = match by.unit {
                    Unit::Months => Some(signed),
                    Unit::Years => signed.checked_mul(12),
                    _ => None,
                };
                match b {
                    Val::Date(d) => {
                        let cal = match &by.calendar {
                            Some((id, _)) => self.calendar(id)?,
                            None => Arc::clone(&rc.calendar),
                        };
                        let got = Offset { n: signed, unit }.checked_apply(d, &cal)?;
                        let counting = match (counted, rc.rule.counting) {
                            (true, c @ (Counting::ClearDays | Counting::AnchorIsDayOne)) => Some(c),
                            _ => None,
                        };
                        trace.push(Step {
                            op: Op::Shift {
                                base,
                                from: d,
                                sign: *sign,
                                by,
                                calendar: (by.unit == Unit::BusinessDays).then_some(cal),
                                counting,
                            },
                            date: Some(got),
                            citation: cite,
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
                            expr: e,
                            missing: p.missing,
                            form: Form::Affine {
                                fact,
                                s: 1,
                                c: c + signed,
                                abs: false,
                                days: false,
                            },
                        },
                        // Months and years of a missing date, and days
                        // after those: a date that grows with the fact.
                        form if months.is_some()
                            || (counted && matches!(form, Form::Mono { .. })) =>
                        {
                            match form.monotone() {
                                Some((fact, mut ops)) => {
                                    ops.push(months.map_or(MonoOp::Days(signed), MonoOp::Months));
                                    Pend {
                                        expr: e,
                                        missing: p.missing,
                                        form: Form::Mono { fact, ops },
                                    }
                                }
                                None => Pend {
                                    expr: e,
                                    missing: p.missing,
                                    form: Form::Opaque,
                                },
                            }
                        }
                        _ => Pend {
                            expr: e,
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
                        trace.push(Step {
                            op: Op::Diff { a, x, b, y },
                            date: None,
                            citation: cite,
                        });
                        Val::Days(day_number(x) - day_number(y))
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
                        expr: e,
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
                        expr: e,
                        missing,
                        form: Form::Affine {
                            fact,
                            s: -1,
                            c: day_number(x) - c,
                            abs: false,
                            days: true,
                        },
                    }),
                    (
                        Val::Pend(Pend {
                            missing: ma,
                            form:
                                Form::Affine {
                                    fact: fa,
                                    s: 1,
                                    c: ca,
                                    abs: false,
                                    days: false,
                                },
                            ..
                        }),
                        Val::Pend(Pend {
                            missing: mb,
                            form:
                                Form::Affine {
                                    fact: fb,
                                    s: 1,
                                    c: cb,
                                    abs: false,
                                    days: false,
                                },
                            ..
                        }),
                    ) => {
                        if fa == fb {
                            // (f + ca) - (f + cb) whatever f is.
                            Val::Days(ca - cb)
                        } else {
                            Val::Pend(Pend {
                                expr: e,
                                missing: ma.union(&mb).cloned().collect(),
                                form: Form::Gap {
                                    a: fa,
                                    b: fb,
                                    c: ca - cb,
                                    abs: false,
                                },
                            })
                        }
                    }
                    (va, vb) => Val::Pend(opaque(e, [va, vb])),
                }
            }
            ExprKind::LaterOf(args) | ExprKind::EarlierOf(args) => {
                let later = matches!(e.kind, ExprKind::LaterOf(_));
                let mut known: Vec<NaiveDate> = Vec::new();
                let mut pending: Vec<(Pend<'p>, &'p Expr)> = Vec::new();
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
                        trace.push(Step {
                            op: Op::Pick { later, of: known },
                            date: Some(k),
                            citation: cite,
                        });
                        Val::Date(k)
                    }
                    (Some(k), 1) => {
                        let (p, a) = pending.remove(0);
                        // later_of(K, g(f)) is K exactly when g(f) <= K
                        // (earlier_of: when g(f) >= K).
                        let op = if later { CmpOp::Le } else { CmpOp::Ge };
                        let solved = match p.form {
                            Form::Affine {
                                fact,
                                s: 1,
                                c,
                                abs: false,
                                days: false,
                            } => Some((fact, Ranges::compare(op, day_number(k) - c))),
                            Form::Mono { fact, ops } => {
                                preimage(&ops, &Ranges::compare(op, day_number(k)))
                                    .map(|wins| (fact, wins))
                            }
                            _ => None,
                        };
                        match solved {
                            Some((fact, wins)) => Val::Pend(Pend {
                                expr: e,
                                missing: p.missing,
                                form: Form::Threshold {
                                    known: k,
                                    fact,
                                    wins,
                                    unknown: a,
                                },
                            }),
                            _ => Val::Pend(Pend {
                                expr: e,
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
                        op: Op::Anniversary { of: x, from: d },
                        date: Some(got),
                        citation: cite,
                    });
                    Val::Date(got)
                }
                Val::Pend(Pend { missing, form, .. }) => match form.monotone() {
                    Some((fact, mut ops)) => {
                        ops.push(MonoOp::Anniversary(rc.rule.leap_day));
                        Val::Pend(Pend {
                            expr: e,
                            missing,
                            form: Form::Mono { fact, ops },
                        })
                    }
                    None => Val::Pend(Pend {
                        expr: e,
                        missing,
                        form: Form::Opaque,
                    }),
                },
                v @ Val::Days(_) => Val::Pend(opaque(e, [v])),
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
                    expr: e,
                    missing,
                    form: Form::Affine {
                        fact,
                        s,
                        c,
                        abs: true,
                        days: true,
                    },
                }),
                Val::Pend(Pend {
                    missing,
                    form:
                        Form::Gap {
                            a,
                            b,
                            c,
                            abs: false,
                        },
                    ..
                }) => Val::Pend(Pend {
                    expr: e,
                    missing,
                    form: Form::Gap { a, b, c, abs: true },
                }),
                v => Val::Pend(opaque(e, [v])),
            },
        })
    }
}
