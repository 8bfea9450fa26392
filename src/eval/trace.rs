//! The trace as data: each step says what was done, with the values it
//! used and the clause it applied. Words for a step are produced only by
//! an output that shows them (`analyse::words`); evaluation never formats
//! text, so a run that prints no trace (CSV, `batch`) builds none.

use std::sync::Arc;

use chrono::NaiveDate;

use super::Why;
use crate::model::calendar::{Calendar, Roll};
use crate::model::expr::{BoundName, Expr, Quantity};
use crate::model::rule::{Branch, Counting, Rule};

/// One step of a trace: what was done, the date it gave, and the clause.
#[derive(Clone, Debug)]
pub struct Step<'p> {
    /// What was done, with its operands.
    pub op: Op<'p>,
    /// The resulting date, if the step gives one.
    pub date: Option<NaiveDate>,
    /// The clause applied: the citation of the rule or branch, borrowed
    /// from the pack.
    pub citation: Option<&'p str>,
}

/// What a step did, with the values it used. The result is the step's
/// `date`.
#[derive(Clone, Debug)]
pub enum Op<'p> {
    /// The rule does not apply, and why.
    NotApplicable(Why<'p>),
    /// A branch was tested on known facts.
    Branch {
        /// The branch.
        branch: &'p Branch,
        /// Whether its condition held.
        applies: bool,
    },
    /// The branch taken gives no date; the law's words.
    NoDate(&'p str),
    /// The answer depends on these facts, which were not given.
    DependsOn(Vec<String>),
    /// A date that is not a business day was moved; the result is the
    /// step's date.
    Rolled {
        /// The date before the roll.
        computed: NaiveDate,
        /// Which way.
        roll: Roll,
        /// The holiday calendar that said it is not a business day.
        calendar: Arc<Calendar>,
    },
    /// Another rule's bound was used.
    RuleBound {
        /// The rule referred to.
        rule: &'p Rule,
        /// Which bound.
        bound: BoundName,
    },
    /// `base ± by`: a date moved by an amount of time.
    Shift {
        /// The expression moved.
        base: &'p Expr,
        /// Its date.
        from: NaiveDate,
        /// +1 or -1.
        sign: i8,
        /// The amount, as written.
        by: &'p Quantity,
        /// The calendar counted on, for business days.
        calendar: Option<Arc<Calendar>>,
        /// The counting convention, when it changed a day count.
        counting: Option<Counting>,
    },
    /// `a - b`: the days between two dates.
    Diff {
        /// The later-minus side.
        a: &'p Expr,
        /// Its date.
        x: NaiveDate,
        /// The subtracted side.
        b: &'p Expr,
        /// Its date.
        y: NaiveDate,
    },
    /// The later (or earlier) of some dates.
    Pick {
        /// `later_of` when true, `earlier_of` when false.
        later: bool,
        /// The dates compared, in the rule's order.
        of: Vec<NaiveDate>,
    },
    /// The anniversary of a date.
    Anniversary {
        /// The expression.
        of: &'p Expr,
        /// Its date.
        from: NaiveDate,
    },
}
