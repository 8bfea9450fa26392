//! Plain English for expressions and conditions, generated from the parsed
//! expression itself (not copied from a rule's summary), so a reader can
//! compare the two.

use crate::facts::fact_phrase;
use crate::pack::expr::{CmpOp, Cond, Expr, ExprKind, Quantity};

/// Returns an English phrase for a date expression:
/// "the later of 90 days before the meeting and 7 days after the first public
/// announcement of the meeting date".
pub fn describe_expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Fact(f) => fact_phrase(f),
        ExprKind::RuleRef { pack, rule, bound } => match pack {
            Some(p) => format!("the date rule `{p}/{rule}` {}", bound.as_str()),
            None => format!("the date rule `{rule}` {}", bound.as_str()),
        },
        ExprKind::Date(d) => crate::facts::show_date(*d),
        ExprKind::Amount(q) => q.to_string(),
        ExprKind::Shift { base, sign, by } => {
            let dir = if *sign < 0 { "before" } else { "after" };
            format!("{} {dir} {}", quantity(by), describe_expr(base))
        }
        ExprKind::Diff(a, b) => format!(
            "the number of days from {} to {}",
            describe_expr(b),
            describe_expr(a)
        ),
        ExprKind::LaterOf(args) => format!("the later of {}", list(args)),
        ExprKind::EarlierOf(args) => format!("the earlier of {}", list(args)),
        ExprKind::Anniversary(x) => format!("the anniversary of {}", describe_expr(x)),
        ExprKind::Abs(x) => format!("{}, either way", describe_expr(x)),
    }
}

fn quantity(q: &Quantity) -> String {
    q.to_string()
}

fn list(args: &[Expr]) -> String {
    let parts: Vec<String> = args.iter().map(describe_expr).collect();
    join_and(&parts)
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
        Cond::Cmp { lhs, op, rhs } => compare(lhs, *op, rhs),
        Cond::Not(c) => format!("it is not the case that {}", describe_cond(c)),
        Cond::And(cs) => {
            let parts: Vec<String> = cs.iter().map(describe_cond).collect();
            join_and(&parts)
        }
        Cond::Or(cs) => {
            let parts: Vec<String> = cs.iter().map(describe_cond).collect();
            match parts.as_slice() {
                [init @ .., last] if !init.is_empty() => {
                    format!("{}, or {last}", init.join(", "))
                }
                _ => parts.join(""),
            }
        }
    }
}

fn article(word: &str) -> String {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {word}")
    } else {
        format!("a {word}")
    }
}

fn compare(lhs: &Expr, op: CmpOp, rhs: &Expr) -> String {
    // "a - b > N days" reads as "a is more than N days after b".
    if let ExprKind::Amount(q) = &rhs.kind {
        let amount = q.to_string();
        match &lhs.kind {
            ExprKind::Diff(a, b) => {
                let (a, b) = (describe_expr(a), describe_expr(b));
                return match op {
                    CmpOp::Gt => format!("{a} is more than {amount} after {b}"),
                    CmpOp::Ge => format!("{a} is at least {amount} after {b}"),
                    CmpOp::Lt => format!("{a} is less than {amount} after {b}"),
                    CmpOp::Le => format!("{a} is at most {amount} after {b}"),
                    CmpOp::Eq => format!("{a} is exactly {amount} after {b}"),
                    CmpOp::Ne => format!("{a} is not exactly {amount} after {b}"),
                };
            }
            ExprKind::Abs(inner) => {
                if let ExprKind::Diff(a, b) = &inner.kind {
                    let (a, b) = (describe_expr(a), describe_expr(b));
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
    let words = match op {
        CmpOp::Lt => "is before",
        CmpOp::Le => "is on or before",
        CmpOp::Gt => "is after",
        CmpOp::Ge => "is on or after",
        CmpOp::Eq => "is",
        CmpOp::Ne => "is not",
    };
    format!("{} {words} {}", describe_expr(lhs), describe_expr(rhs))
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
}
