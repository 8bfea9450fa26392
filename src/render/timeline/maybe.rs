//! The portfolio page's deadlines whose dates depend on facts not yet set
//! (a company without a meeting date): which of them may fall due within
//! the horizon, so that the page never shows such a company as having
//! nothing due.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::analyse::words::case_when;
use crate::eval::{Answer, Case, Condition, Deadline};
use crate::model::expr::{Expr, ExprKind};
use crate::model::facts::Facts;
use crate::model::rule::Status;

/// One deadline of a company that depends on facts not yet set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortfolioMaybe {
    /// The dates a case gives within the horizon: the date, `opens` or
    /// `closes`, and the case's condition in words ("the meeting is
    /// between …").
    pub dates: Vec<(NaiveDate, &'static str, String)>,
    /// Every case of the answer, in words.
    pub cases: Vec<String>,
    /// Who must act.
    pub who: &'static str,
    /// The rule's name for people.
    pub title: String,
    /// The rule's full id.
    pub id: String,
    /// The rule's citation.
    pub citation: String,
}

/// The facts a condition depends on.
fn condition_facts(c: &Condition<'_>, out: &mut BTreeSet<String>) {
    match c {
        Condition::Dates { fact, .. } => {
            out.insert(fact.clone());
        }
        Condition::Apart { fact, minus, .. } => {
            out.insert(fact.clone());
            out.insert(minus.clone());
        }
        Condition::Unsolved { facts, .. } => out.extend(facts.iter().cloned()),
        Condition::All(parts) | Condition::Any(parts) => {
            for p in parts {
                condition_facts(p, out);
            }
        }
        Condition::Not(p) => condition_facts(p, out),
    }
}

/// The facts a pending answer names that `facts` does not give.
fn expr_facts(e: &Expr, facts: &Facts, out: &mut BTreeSet<String>) {
    e.walk(&mut |n| {
        if let ExprKind::Fact(f) = &n.kind
            && facts.get(f).is_none()
        {
            out.insert(f.clone());
        }
    });
}

/// Whether a case can still yield a date on or after `today`: it gives a
/// date in `today..=end`, or a date not yet known (an answer pending on a
/// fact, or the law's words).
fn case_counts(c: &Case<'_>, today: NaiveDate, end: NaiveDate) -> bool {
    if c.not_applicable.is_some() || c.next_year {
        return false;
    }
    c.unspecified.is_some()
        || [&c.opens, &c.closes]
            .into_iter()
            .flatten()
            .any(|a| match a {
                Answer::Date(b) => b.date >= today && b.date <= end,
                Answer::Pending { .. } => true,
            })
}

/// The facts a portfolio sets for each company (its columns): a deadline
/// that waits on one of them not yet set may fall due any day. Deadlines
/// that wait only on events (a proposal arriving) are the season page's.
const SCHEDULE: [&str; 5] = [
    "meeting",
    "announcement",
    "record_date",
    "prior_meeting",
    "prior_proxy_release",
];

/// The conditional deadlines of `deadlines` that wait on a fact of the
/// company's schedule not yet set (see [`SCHEDULE`]) and may fall due from
/// `today` to `end`, and the facts not given in `facts` they depend on.
pub fn maybes(
    deadlines: &[Deadline<'_>],
    facts: &Facts,
    today: NaiveDate,
    end: NaiveDate,
) -> (Vec<PortfolioMaybe>, Vec<String>) {
    let mut out = Vec::new();
    let mut all = BTreeSet::new();
    for d in deadlines.iter().filter(|d| d.status == Status::Conditional) {
        if !d.cases.iter().any(|c| case_counts(c, today, end)) {
            continue;
        }
        let mut depends = BTreeSet::new();
        let mut dates = Vec::new();
        for c in &d.cases {
            if let Some(w) = &c.when {
                condition_facts(w, &mut depends);
            }
            if c.not_applicable.is_some() || c.next_year {
                continue;
            }
            for (bound, a) in [("opens", &c.opens), ("closes", &c.closes)] {
                match a {
                    Some(Answer::Date(b)) if b.date >= today && b.date <= end => {
                        dates.push((b.date, bound, case_when(c)));
                    }
                    Some(Answer::Pending { expr, .. }) => expr_facts(expr, facts, &mut depends),
                    _ => {}
                }
            }
        }
        if !SCHEDULE
            .iter()
            .any(|f| depends.contains(*f) && facts.get(f).is_none())
        {
            continue;
        }
        all.extend(depends);
        out.push(PortfolioMaybe {
            dates,
            cases: d.cases.iter().map(super::super::case_text).collect(),
            who: super::super::who(d),
            title: d.name(),
            id: d.id(),
            citation: d.citation.clone(),
        });
    }
    let mut depends: Vec<String> = all.into_iter().filter(|f| facts.get(f).is_none()).collect();
    // The meeting first: the fact a secretary sets first.
    depends.sort_by_key(|f| f != "meeting");
    (out, depends)
}

/// "the meeting date" and the other facts, in words, for the row's note:
/// the first by name (the meeting when it is one), the rest counted.
pub fn depends_text(depends: &[String]) -> String {
    let mut names: Vec<String> = depends
        .iter()
        .map(|f| {
            if f == "meeting" {
                "the meeting date".to_owned()
            } else {
                crate::model::facts::fact_phrase(f)
            }
        })
        .collect();
    match names.len() {
        0 => "facts not yet set".to_owned(),
        1 => format!("{}, not yet set", names.remove(0)),
        2 => format!("{} and {}, not yet set", names[0], names[1]),
        n => format!("{} and {} other facts, not yet set", names[0], n - 1),
    }
}
