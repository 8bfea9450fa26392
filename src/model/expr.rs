//! The date-expression language's syntax tree: expressions, conditions,
//! quantities and their spans. Parsing and type checking are in
//! `pack::expr`; words for them in `analyse::describe`.

use std::fmt;
use std::ops::Range;

use chrono::NaiveDate;

/// A byte span inside the expression text.
pub type Span = Range<usize>;

/// The unit of an offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Calendar days.
    Days,
    /// Business days on a holiday calendar.
    BusinessDays,
    /// Weeks of seven calendar days.
    Weeks,
    /// Calendar months, clamped to the month's end.
    Months,
    /// Calendar years, clamped to the month's end (29 February).
    Years,
}

impl Unit {
    /// Returns the unit's name as written in rule packs, singular or plural.
    pub fn name(self, n: i64) -> &'static str {
        let one = n.abs() == 1;
        match (self, one) {
            (Unit::Days, true) => "day",
            (Unit::Days, false) => "days",
            (Unit::BusinessDays, true) => "business day",
            (Unit::BusinessDays, false) => "business days",
            (Unit::Weeks, true) => "week",
            (Unit::Weeks, false) => "weeks",
            (Unit::Months, true) => "month",
            (Unit::Months, false) => "months",
            (Unit::Years, true) => "year",
            (Unit::Years, false) => "years",
        }
    }
}

/// An amount of time: `90 days`, `20 business days on us_federal`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity {
    /// How many units (never negative; direction comes from `+`/`-`).
    pub n: i64,
    /// The unit.
    pub unit: Unit,
    /// The holiday calendar named with `on`, for business days.
    pub calendar: Option<(String, Span)>,
    /// Where it is written.
    pub span: Span,
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.n, self.unit.name(self.n))?;
        if let Some((cal, _)) = &self.calendar {
            write!(f, " on {cal}")?;
        }
        Ok(())
    }
}

/// Which end of a rule's window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BoundName {
    /// The earliest moment (`opens`).
    Opens,
    /// The latest moment (`closes`).
    Closes,
}

impl BoundName {
    /// Returns `opens` or `closes`.
    pub fn as_str(self) -> &'static str {
        match self {
            BoundName::Opens => "opens",
            BoundName::Closes => "closes",
        }
    }
}

/// A date expression with its span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is written.
    pub span: Span,
}

/// The forms of a date expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExprKind {
    /// A named fact: `meeting`.
    Fact(String),
    /// Another rule's bound: `record_date_window.opens`.
    RuleRef {
        /// The pack id, when written `pack/rule.bound`.
        pack: Option<String>,
        /// The rule id.
        rule: String,
        /// Which bound.
        bound: BoundName,
    },
    /// A literal date: `2022-09-01`.
    Date(NaiveDate),
    /// A bare amount, a number of days: `30 days`.
    Amount(Quantity),
    /// `base + quantity` (`sign` = 1) or `base - quantity` (`sign` = -1).
    Shift {
        /// The date moved.
        base: Box<Expr>,
        /// +1 or -1.
        sign: i8,
        /// By how much.
        by: Quantity,
    },
    /// `a - b` between two dates: a signed number of days.
    Diff(Box<Expr>, Box<Expr>),
    /// The latest of the dates.
    LaterOf(Vec<Expr>),
    /// The earliest of the dates.
    EarlierOf(Vec<Expr>),
    /// The same month and day one year later.
    Anniversary(Box<Expr>),
    /// The absolute value of a number of days.
    Abs(Box<Expr>),
}

/// What a comparison compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `==`
    Eq,
    /// `!=`
    Ne,
}

impl CmpOp {
    /// Returns the operator as written.
    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
        }
    }

    /// Applies the comparison.
    pub fn holds<T: Ord>(self, a: &T, b: &T) -> bool {
        match self {
            CmpOp::Lt => a < b,
            CmpOp::Le => a <= b,
            CmpOp::Gt => a > b,
            CmpOp::Ge => a >= b,
            CmpOp::Eq => a == b,
            CmpOp::Ne => a != b,
        }
    }
}

/// Annual or special meeting.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// The regularly scheduled annual meeting.
    #[default]
    Annual,
    /// Any other meeting.
    Special,
}

impl MeetingKind {
    /// Returns `annual` or `special`.
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingKind::Annual => "annual",
            MeetingKind::Special => "special",
        }
    }
}

/// A branch condition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cond {
    /// Always true; the last branch.
    Otherwise(Span),
    /// The fact is not known (for `prior_meeting`: no meeting last year).
    Missing(String, Span),
    /// The fact is known.
    Present(String, Span),
    /// `meeting_kind == annual` (or `!=` when `negate`).
    KindIs {
        /// The kind compared with.
        kind: MeetingKind,
        /// True for `!=`.
        negate: bool,
        /// Where it is written.
        span: Span,
    },
    /// Two dates or two numbers of days compared.
    Cmp {
        /// Left side.
        lhs: Expr,
        /// Operator.
        op: CmpOp,
        /// Right side.
        rhs: Expr,
    },
    /// Negation.
    Not(Box<Cond>),
    /// All hold.
    And(Vec<Cond>),
    /// Any holds.
    Or(Vec<Cond>),
}

impl Expr {
    /// Calls `f` on every node of this expression, outermost first.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Expr)) {
        f(self);
        match &self.kind {
            ExprKind::Shift { base, .. } => base.walk(f),
            ExprKind::Diff(a, b) => {
                a.walk(f);
                b.walk(f);
            }
            ExprKind::LaterOf(args) | ExprKind::EarlierOf(args) => {
                for a in args {
                    a.walk(f);
                }
            }
            ExprKind::Anniversary(a) | ExprKind::Abs(a) => a.walk(f),
            ExprKind::Fact(_)
            | ExprKind::RuleRef { .. }
            | ExprKind::Date(_)
            | ExprKind::Amount(_) => {}
        }
    }

    /// Returns this expression with every span moved right by `by` bytes.
    #[must_use]
    pub fn shifted(mut self, by: usize) -> Expr {
        self.shift_spans(by);
        self
    }

    fn shift_spans(&mut self, by: usize) {
        self.span = self.span.start + by..self.span.end + by;
        match &mut self.kind {
            ExprKind::Shift { base, by: q, .. } => {
                base.shift_spans(by);
                q.shift_spans(by);
            }
            ExprKind::Amount(q) => q.shift_spans(by),
            ExprKind::Diff(a, b) => {
                a.shift_spans(by);
                b.shift_spans(by);
            }
            ExprKind::LaterOf(args) | ExprKind::EarlierOf(args) => {
                for a in args {
                    a.shift_spans(by);
                }
            }
            ExprKind::Anniversary(a) | ExprKind::Abs(a) => a.shift_spans(by),
            ExprKind::Fact(_) | ExprKind::RuleRef { .. } | ExprKind::Date(_) => {}
        }
    }
}

impl Quantity {
    fn shift_spans(&mut self, by: usize) {
        self.span = self.span.start + by..self.span.end + by;
        if let Some((_, s)) = &mut self.calendar {
            *s = s.start + by..s.end + by;
        }
    }
}

impl Cond {
    /// Calls `f` on every expression in the condition.
    pub fn walk_exprs<'a>(&'a self, f: &mut impl FnMut(&'a Expr)) {
        match self {
            Cond::Cmp { lhs, rhs, .. } => {
                lhs.walk(f);
                rhs.walk(f);
            }
            Cond::Not(c) => c.walk_exprs(f),
            Cond::And(cs) | Cond::Or(cs) => {
                for c in cs {
                    c.walk_exprs(f);
                }
            }
            Cond::Otherwise(_) | Cond::Missing(..) | Cond::Present(..) | Cond::KindIs { .. } => {}
        }
    }

    /// Calls `f` with every fact named by `missing(...)`/`present(...)`.
    pub fn walk_named_facts<'a>(&'a self, f: &mut impl FnMut(&'a str, &'a Span)) {
        match self {
            Cond::Missing(n, s) | Cond::Present(n, s) => f(n, s),
            Cond::Not(c) => c.walk_named_facts(f),
            Cond::And(cs) | Cond::Or(cs) => {
                for c in cs {
                    c.walk_named_facts(f);
                }
            }
            Cond::Otherwise(_) | Cond::Cmp { .. } | Cond::KindIs { .. } => {}
        }
    }

    /// Returns this condition with every span moved right by `by` bytes.
    #[must_use]
    pub fn shifted(self, by: usize) -> Cond {
        let sh = |s: Span| s.start + by..s.end + by;
        match self {
            Cond::Otherwise(s) => Cond::Otherwise(sh(s)),
            Cond::Missing(n, s) => Cond::Missing(n, sh(s)),
            Cond::Present(n, s) => Cond::Present(n, sh(s)),
            Cond::KindIs { kind, negate, span } => Cond::KindIs {
                kind,
                negate,
                span: sh(span),
            },
            Cond::Cmp { lhs, op, rhs } => Cond::Cmp {
                lhs: lhs.shifted(by),
                op,
                rhs: rhs.shifted(by),
            },
            Cond::Not(c) => Cond::Not(Box::new(c.shifted(by))),
            Cond::And(cs) => Cond::And(cs.into_iter().map(|c| c.shifted(by)).collect()),
            Cond::Or(cs) => Cond::Or(cs.into_iter().map(|c| c.shifted(by)).collect()),
        }
    }
}
