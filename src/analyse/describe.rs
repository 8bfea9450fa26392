//! Plain English for expressions, conditions and whole rules, generated
//! from the parsed rule itself (not copied from its summary), so a reader
//! can compare the two. This module chooses the words; `render` lays them out.

use crate::model::calendar::Roll;
use crate::model::expr::BoundName;
use crate::model::expr::{CmpOp, Cond, Expr, ExprKind, Quantity, Unit};
use crate::model::facts::fact_phrase;
use crate::model::rule::{Counting, Outcome, Rule, TimeSpec};
use crate::model::zone::Zone;

/// Returns an English phrase for a date expression:
/// "the later of 90 days before the meeting and 7 days after the first public
/// announcement of the meeting date".
pub fn describe_expr(e: &Expr) -> String {
    words(e, Style::Inline)
}

/// Returns an English phrase for a date expression whose `later_of` and
/// `earlier_of` arguments are enumerated, for a reader who compares it with
/// the clause: "the later of (a) 90 days before the meeting and (b) 7 days
/// after the first public announcement of the meeting date". Arguments of a
/// nested `later_of`/`earlier_of` are numbered (i), (ii), ...
pub fn describe_expr_listed(e: &Expr) -> String {
    words(e, Style::Listed(0))
}

/// How `later_of`/`earlier_of` arguments are joined.
#[derive(Clone, Copy)]
enum Style {
    /// "the later of x and y".
    Inline,
    /// "the later of (a) x and (b) y", at a nesting depth.
    Listed(usize),
}

fn words(e: &Expr, style: Style) -> String {
    match &e.kind {
        ExprKind::Fact(f) => fact_phrase(f),
        ExprKind::RuleRef { pack, rule, bound } => match pack {
            Some(p) => format!("the date rule `{p}/{rule}` {}", bound.as_str()),
            None => format!("the date rule `{rule}` {}", bound.as_str()),
        },
        ExprKind::Date(d) => crate::model::dates::show_date(*d),
        ExprKind::Amount(q) => quantity(q),
        ExprKind::Shift { base, sign, by } => {
            let dir = if *sign < 0 { "before" } else { "after" };
            format!("{} {dir} {}", quantity(by), words(base, style))
        }
        ExprKind::Diff(a, b) => format!(
            "the number of days from {} to {}",
            words(b, style),
            words(a, style)
        ),
        ExprKind::LaterOf(args) => format!("the later of {}", list(args, style)),
        ExprKind::EarlierOf(args) => format!("the earlier of {}", list(args, style)),
        ExprKind::Anniversary(x) => format!("the anniversary of {}", words(x, style)),
        ExprKind::Abs(x) => format!("{}, either way", words(x, style)),
    }
}

fn quantity(q: &Quantity) -> String {
    q.to_string()
}

fn list(args: &[Expr], style: Style) -> String {
    let parts: Vec<String> = match style {
        Style::Inline => args.iter().map(|a| words(a, style)).collect(),
        Style::Listed(depth) => args
            .iter()
            .enumerate()
            .map(|(i, a)| {
                format!(
                    "({}) {}",
                    item_label(depth, i),
                    words(a, Style::Listed(depth + 1))
                )
            })
            .collect(),
    };
    join_and(&parts)
}

/// "a", "b", ... at the top level; "i", "ii", ... below it.
fn item_label(depth: usize, i: usize) -> String {
    const ROMAN: [&str; 10] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];
    match (depth, u8::try_from(i)) {
        (0, Ok(n)) if n < 26 => char::from(b'a' + n).to_string(),
        (_, _) if i < ROMAN.len() => ROMAN[i].to_owned(),
        _ => (i + 1).to_string(),
    }
}

/// Joins phrases as "a", "a and b", "a, b and c".
pub fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Returns an English sentence for a condition: "the meeting is more than 60
/// days after the anniversary of the prior annual meeting".
pub fn describe_cond(c: &Cond) -> String {
    cond_words(c, Style::Inline)
}

/// As [`describe_cond`], with `later_of`/`earlier_of` arguments enumerated
/// as in [`describe_expr_listed`].
pub fn describe_cond_listed(c: &Cond) -> String {
    cond_words(c, Style::Listed(0))
}

fn cond_words(c: &Cond, style: Style) -> String {
    match c {
        Cond::Otherwise(_) => "otherwise".to_owned(),
        Cond::Missing(f, _) if f == "prior_meeting" => {
            "no annual meeting was held last year".to_owned()
        }
        Cond::Missing(f, _) => format!("{} is not known", fact_phrase(f)),
        Cond::Present(f, _) => format!("{} is known", fact_phrase(f)),
        Cond::KindIs { kind, negate, .. } => {
            if *negate {
                format!("the meeting is not {} meeting", article(kind.as_str()))
            } else {
                format!("the meeting is {} meeting", article(kind.as_str()))
            }
        }
        Cond::Cmp { lhs, op, rhs } => compare(lhs, *op, rhs, style),
        Cond::Not(c) => format!("it is not the case that {}", cond_words(c, style)),
        Cond::And(cs) => {
            let parts: Vec<String> = cs.iter().map(|c| grouped(c, style)).collect();
            join_and(&parts)
        }
        Cond::Or(cs) => {
            let parts: Vec<String> = cs.iter().map(|c| grouped(c, style)).collect();
            match parts.as_slice() {
                [init @ .., last] if !init.is_empty() => {
                    format!("{}, or {last}", init.join(", "))
                }
                _ => parts.join(""),
            }
        }
    }
}

/// A part of an `and`/`or`: an `or` inside an `and` (or the reverse) is
/// bracketed so that the grouping written in the rule survives in words.
fn grouped(c: &Cond, style: Style) -> String {
    match c {
        Cond::And(_) | Cond::Or(_) => format!("({})", cond_words(c, style)),
        _ => cond_words(c, style),
    }
}

fn article(word: &str) -> String {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {word}")
    } else {
        format!("a {word}")
    }
}

fn compare(lhs: &Expr, op: CmpOp, rhs: &Expr, style: Style) -> String {
    // "a - b > N days" reads as "a is more than N days after b", or, when b
    // is the meeting, "the meeting is more than N days before a": a rule
    // about a moved meeting reads best with the meeting as its subject.
    if let ExprKind::Amount(q) = &rhs.kind {
        let amount = q.to_string();
        match &lhs.kind {
            ExprKind::Diff(a, b) => {
                let meeting_second = matches!(&b.kind, ExprKind::Fact(f) if f == "meeting")
                    && !matches!(&a.kind, ExprKind::Fact(f) if f == "meeting");
                let (subject, other, dir) = if meeting_second {
                    (words(b, style), words(a, style), "before")
                } else {
                    (words(a, style), words(b, style), "after")
                };
                let how = match op {
                    CmpOp::Gt => "more than",
                    CmpOp::Ge => "at least",
                    CmpOp::Lt => "less than",
                    CmpOp::Le => "at most",
                    CmpOp::Eq => "exactly",
                    CmpOp::Ne => "not exactly",
                };
                return format!("{subject} is {how} {amount} {dir} {other}");
            }
            ExprKind::Abs(inner) => {
                if let ExprKind::Diff(a, b) = &inner.kind {
                    let (a, b) = (words(a, style), words(b, style));
                    return match op {
                        CmpOp::Gt => format!("{a} is more than {amount} before or after {b}"),
                        CmpOp::Ge => format!("{a} is at least {amount} before or after {b}"),
                        CmpOp::Lt => format!("{a} is less than {amount} from {b}"),
                        CmpOp::Le => format!("{a} is within {amount} of {b}"),
                        CmpOp::Eq => format!("{a} is exactly {amount} before or after {b}"),
                        CmpOp::Ne => format!("{a} is not exactly {amount} before or after {b}"),
                    };
                }
            }
            _ => {}
        }
    }
    let verb = match op {
        CmpOp::Lt => "is before",
        CmpOp::Le => "is on or before",
        CmpOp::Gt => "is after",
        CmpOp::Ge => "is on or after",
        CmpOp::Eq => "is",
        CmpOp::Ne => "is not",
    };
    format!("{} {verb} {}", words(lhs, style), words(rhs, style))
}

/// A whole rule in plain English, generated from its parsed expressions,
/// conditions and settings: what a reader compares with the rule's summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleWords {
    /// "applies only when …", from `applies_when`.
    pub applies: Option<String>,
    /// The branches in the order they are tried.
    pub branches: Vec<BranchWords>,
    /// What happens when no branch holds; `None` when the last branch
    /// always holds.
    pub no_branch: Option<String>,
    /// For each bound the rule can yield: how it moves off a weekend or
    /// holiday and its time of day.
    pub timing: Vec<(BoundName, String)>,
    /// How day and week offsets are counted, when the rule has any.
    pub counting: Option<String>,
    /// The holiday calendar business days are counted on, when the rule
    /// counts business days without naming a calendar.
    pub business_days: Option<String>,
}

/// One branch in plain English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BranchWords {
    /// The condition; `None` for the rule's only outcome (no branches).
    pub condition: Option<String>,
    /// Whether this is the `otherwise` branch.
    pub otherwise: bool,
    /// The branch's label as written in the pack, if any.
    pub label: Option<String>,
    /// The branch's own citation, if any.
    pub citation: Option<String>,
    /// What it yields: "opens …, closes …" or "no fixed date: …".
    pub outcome: String,
}

impl RuleWords {
    /// Returns the branches as one passage: "if …: opens …, closes …;
    /// otherwise: …", preceded by the applicability condition.
    pub fn branches_text(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(a) = &self.applies {
            parts.push(a.clone());
        }
        for (i, b) in self.branches.iter().enumerate() {
            parts.push(match (&b.condition, b.otherwise, i) {
                (None, _, _) => b.outcome.clone(),
                (Some(_), true, _) => format!("otherwise: {}", b.outcome),
                (Some(c), false, 0) => format!("if {c}: {}", b.outcome),
                (Some(c), false, _) => format!("otherwise, if {c}: {}", b.outcome),
            });
        }
        if let Some(n) = &self.no_branch {
            parts.push(format!("otherwise: {n}"));
        }
        parts.join("; ")
    }

    /// Returns the timing as one passage: "not rolled off weekends or
    /// holidays; no time of day", naming each bound only when they differ.
    pub fn timing_text(&self) -> String {
        match self.timing.as_slice() {
            [] => String::new(),
            [(_, one)] => one.clone(),
            [(_, first), rest @ ..] if rest.iter().all(|(_, t)| t == first) => {
                format!("both bounds: {first}")
            }
            many => many
                .iter()
                .map(|(b, t)| format!("{}: {t}", b.as_str()))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    /// Returns the whole rule as one passage: branches, timing, the
    /// business-day calendar, and the counting convention when it is not the
    /// default (the anchor day left out).
    pub fn sentence(&self) -> String {
        let mut parts = vec![self.branches_text()];
        let unusual = self
            .counting
            .clone()
            .filter(|c| c != counting_words(Counting::ExcludeAnchor));
        // After several branches, say that the timing governs them all.
        let timing = match self.timing_text() {
            t if self.branches.len() > 1 && !t.is_empty() => format!("in every case, {t}"),
            t => t,
        };
        for extra in [Some(timing), self.business_days.clone(), unusual]
            .into_iter()
            .flatten()
        {
            if !extra.is_empty() {
                parts.push(extra);
            }
        }
        parts.join("; ")
    }
}

/// Returns the plain English of `rule`, generated from its expressions.
pub fn describe_rule(rule: &Rule) -> RuleWords {
    let only = rule.branches.len() == 1 && matches!(rule.branches[0].when, Cond::Otherwise(_));
    let branches: Vec<BranchWords> = rule
        .branches
        .iter()
        .map(|b| {
            let otherwise = matches!(b.when, Cond::Otherwise(_));
            BranchWords {
                condition: (!only).then(|| describe_cond_listed(&b.when)),
                otherwise,
                label: b.label.clone(),
                citation: b.citation.clone(),
                outcome: outcome_words(&b.outcome),
            }
        })
        .collect();
    let ends_open = !rule
        .branches
        .last()
        .is_some_and(|b| matches!(b.when, Cond::Otherwise(_)));
    let mut has = [false; 2];
    for b in &rule.branches {
        if let Outcome::Window { opens, closes } = &b.outcome {
            has[BoundName::Opens as usize] |= opens.is_some();
            has[BoundName::Closes as usize] |= closes.is_some();
        }
    }
    let timing = [BoundName::Opens, BoundName::Closes]
        .into_iter()
        .filter(|b| has[*b as usize])
        .map(|b| {
            let roll = roll_words(rule.roll_of(b), &rule.calendar);
            let at = rule
                .at_of(b)
                .map_or_else(|| "no time of day".to_owned(), time_words);
            (b, format!("{roll}; {at}"))
        })
        .collect();
    let mut days = false;
    let mut business = false;
    let mut visit = |e: &Expr| {
        if let ExprKind::Shift { by, .. } = &e.kind {
            days |= matches!(by.unit, Unit::Days | Unit::Weeks);
            business |= by.unit == Unit::BusinessDays && by.calendar.is_none();
        }
    };
    for b in &rule.branches {
        b.when.walk_exprs(&mut visit);
        if let Outcome::Window { opens, closes } = &b.outcome {
            for e in opens.iter().chain(closes) {
                e.walk(&mut visit);
            }
        }
    }
    if let Some(c) = &rule.applies_when {
        c.walk_exprs(&mut visit);
    }
    RuleWords {
        applies: rule
            .applies_when
            .as_ref()
            .map(|c| format!("applies only when {}", describe_cond_listed(c))),
        branches,
        no_branch: ends_open.then(|| "the rule does not apply".to_owned()),
        timing,
        counting: days.then(|| counting_words(rule.counting).to_owned()),
        business_days: business.then(|| {
            format!(
                "business days are counted on the `{}` holiday calendar",
                rule.calendar
            )
        }),
    }
}

/// Returns "opens …, closes …" or "no fixed date: “…”".
fn outcome_words(o: &Outcome) -> String {
    match o {
        Outcome::Unspecified(w) => format!("no fixed date: \u{201c}{w}\u{201d}"),
        Outcome::Window { opens, closes } => {
            let mut parts = Vec::new();
            if let Some(e) = opens {
                parts.push(format!("opens {}", bound_words(e)));
            }
            if let Some(e) = closes {
                parts.push(format!("closes {}", bound_words(e)));
            }
            parts.join(", ")
        }
    }
}

/// "90 days before the meeting", but "on the later of …" and "on the record
/// date": a bound falls *on* a date but is a distance *before* one.
fn bound_words(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Shift { .. } => describe_expr_listed(e),
        _ => format!("on {}", describe_expr_listed(e)),
    }
}

/// Returns how a bound moves off a weekend or holiday of `calendar`.
pub fn roll_words(roll: Roll, calendar: &str) -> String {
    match roll {
        Roll::None => "not rolled off weekends or holidays".to_owned(),
        Roll::Forward => format!(
            "if it falls on a weekend or holiday, it moves forward to the next business day on the `{calendar}` calendar"
        ),
        Roll::Backward => format!(
            "if it falls on a weekend or holiday, it moves back to the previous business day on the `{calendar}` calendar"
        ),
    }
}

/// Returns a bound's time of day in words.
pub fn time_words(t: &TimeSpec) -> String {
    match t {
        TimeSpec::CloseOfBusiness => {
            "at the company's close of business (17:00 unless its profile says otherwise), in its time zone".to_owned()
        }
        TimeSpec::Clock {
            time,
            zone: Some(z),
        } => {
            let time = time.format("%H:%M");
            match (z, z.inverted_sign()) {
                (Zone::Offset(_), _) => format!("at {time} {z} all year (a fixed offset)"),
                (_, Some(offset)) => format!("at {time} {z}, which is UTC{offset}"),
                _ => format!("at {time} {z}"),
            }
        }
        TimeSpec::Clock { time, zone: None } => {
            format!("at {} in the company's time zone", time.format("%H:%M"))
        }
    }
}

/// Returns how day and week offsets count under `counting`.
pub fn counting_words(counting: Counting) -> &'static str {
    match counting {
        Counting::ExcludeAnchor => {
            "days are counted without the starting day: N days before a date is that date minus N"
        }
        Counting::ClearDays => {
            "clear days: neither the starting day nor the last day is counted, so N days before a date is that date minus (N + 1)"
        }
        Counting::AnchorIsDayOne => {
            "the starting day counts as day 1: N days after a date is that date plus (N − 1)"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::expr::{parse_cond, parse_expr};

    #[test]
    fn hemacare_closing_reads_as_english() {
        let e = parse_expr("later_of(meeting - 90 days, announcement + 7 days)").unwrap();
        assert_eq!(
            describe_expr(&e),
            "the later of 90 days before the meeting and 7 days after the first public announcement of the meeting date"
        );
    }

    #[test]
    fn moved_meeting_condition_reads_as_english() {
        let c = parse_cond(
            "missing(prior_meeting) or abs(meeting - anniversary(prior_meeting)) > 30 days",
        )
        .unwrap();
        assert_eq!(
            describe_cond(&c),
            "no annual meeting was held last year, or the meeting is more than 30 days before or after the anniversary of the prior annual meeting"
        );
    }

    #[test]
    fn listed_style_enumerates_later_of_and_numbers_nested_lists() {
        let e = parse_expr("later_of(meeting - 90 days, announcement + 7 days)").unwrap();
        assert_eq!(
            describe_expr_listed(&e),
            "the later of (a) 90 days before the meeting and (b) 7 days after the first public announcement of the meeting date"
        );
        let e = parse_expr(
            "earlier_of(meeting - 10 days, later_of(record_date, announcement), proxy_release)",
        )
        .unwrap();
        assert_eq!(
            describe_expr_listed(&e),
            "the earlier of (a) 10 days before the meeting, (b) the later of (i) the record date and (ii) the first public announcement of the meeting date and (c) the release of this year's proxy statement"
        );
    }

    #[test]
    fn a_difference_from_the_meeting_reads_with_the_meeting_as_subject() {
        let c = parse_cond("anniversary(prior_meeting) - meeting > 30 days").unwrap();
        assert_eq!(
            describe_cond(&c),
            "the meeting is more than 30 days before the anniversary of the prior annual meeting"
        );
        let c = parse_cond("meeting - anniversary(prior_meeting) >= 60 days").unwrap();
        assert_eq!(
            describe_cond(&c),
            "the meeting is at least 60 days after the anniversary of the prior annual meeting"
        );
    }

    #[test]
    fn mixed_and_or_keeps_its_grouping() {
        let c = parse_cond(
            "(missing(prior_meeting) or meeting > 2022-08-31) and present(announcement)",
        )
        .unwrap();
        assert_eq!(
            describe_cond(&c),
            "(no annual meeting was held last year, or the meeting is after Wed 31 Aug 2022) and the first public announcement of the meeting date is known"
        );
    }
}
