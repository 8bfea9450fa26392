//! The date-expression language: lexer, parser, abstract syntax tree and
//! type check. Spans are byte offsets into the expression's own text; the
//! loader shifts them into the TOML file.
//!
//! Grammar (whitespace between tokens is free):
//!
//! ```text
//! condition  := or
//! or         := and ("or" and)*
//! and        := unary ("and" unary)*
//! unary      := "not" unary | "otherwise" | "missing" "(" name ")"
//!             | "present" "(" name ")" | "meeting_kind" ("==" | "!=") kind
//!             | sum compare sum | "(" condition ")"
//! compare    := "<" | "<=" | ">" | ">=" | "==" | "!="
//! sum        := term (("+" | "-") (quantity | term))*
//! quantity   := integer unit ("on" calendar)?
//! unit       := "day" | "days" | "calendar day(s)" | "business day(s)"
//!             | "week(s)" | "month(s)" | "year(s)"
//! term       := quantity | date | function "(" sum ("," sum)* ")"
//!             | name | rule "." bound | pack "/" rule "." bound | "(" sum ")"
//! function   := "later_of" | "earlier_of" | "anniversary" | "abs"
//! bound      := "opens" | "closes"
//! ```
//!
//! A name is a fact (`meeting`, `prior_meeting`, ...). `x.opens` and
//! `x.closes` refer to the result of rule `x` in the same pack.
//!
//! Nesting is bounded by [`MAX_DEPTH`], so that every later walk over the
//! tree (type check, evaluation, words, traces) recurses at most that deep
//! whatever the input; lists (`and`, `or`, a function's arguments) are
//! vectors and may be as long as the file allows.

use crate::model::expr::{
    BoundName, CmpOp, Cond, Expr, ExprKind, MeetingKind, Quantity, Span, Unit,
};

mod lex;

use lex::{Tok, describe, lex};

/// A parse or type error: where and what, with an optional fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExprError {
    /// Byte span in the expression text.
    pub span: Span,
    /// What is wrong.
    pub message: String,
    /// A concrete fix, if known.
    pub help: Option<String>,
}

impl ExprError {
    fn new(span: Span, message: impl Into<String>) -> Self {
        ExprError {
            span,
            message: message.into(),
            help: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// How many levels an expression or a condition may nest.
///
/// A pair of parentheses, a function call and `not` each open a level, and
/// so does each `+` or `-` after the first term, since `a - 1 day - 2 days`
/// is `(a - 1 day) - 2 days`: the longest chain of terms is therefore 65
/// long. Shipped packs nest at most a few levels; the bound keeps the
/// recursive walks over an expression (type check, evaluation, words,
/// traces) far from the 2 MiB stack of a worker thread, in debug builds
/// too. See #18.
pub const MAX_DEPTH: usize = 64;

/// How long a chain of rules may be in which each refers to the next
/// (`a.closes` in `b`, `b.closes` in `c`, ...), counted in references.
///
/// Evaluation recurses along the chain, each rule through its own
/// expressions, so this bound times [`MAX_DEPTH`] bounds the evaluator's
/// stack. Shipped packs chain at most a few rules. See #18.
pub const MAX_REFERENCE_DEPTH: usize = 64;

/// The message for an expression that nests deeper than [`MAX_DEPTH`].
fn too_deep(span: Span, chain: bool) -> ExprError {
    let err = ExprError::new(
        span,
        format!("expression nested deeper than {MAX_DEPTH} levels"),
    );
    if chain {
        err.help(
            "each `+` or `-` nests one level: add the amounts up (`meeting - 3 days`), \
             or split the expression into rules that refer to each other (`other_rule.closes - 30 days`)",
        )
    } else {
        err.help(
            "each `(`, function call and `not` nests one level: remove some, \
             or split the expression into rules that refer to each other (`other_rule.closes - 30 days`)",
        )
    }
}

/// A parsed node and its height in levels (see [`MAX_DEPTH`]).
type Parsed<T> = Result<(T, usize), ExprError>;

const FUNCTIONS: [&str; 4] = ["later_of", "earlier_of", "anniversary", "abs"];
const KEYWORDS: [&str; 7] = ["and", "or", "not", "otherwise", "missing", "present", "on"];

struct Parser<'a> {
    toks: &'a [(Tok, Span)],
    pos: usize,
    end: usize,
    /// Levels opened around the current token, so that the parser itself
    /// never recurses deeper than [`MAX_DEPTH`].
    depth: usize,
}

impl<'a> Parser<'a> {
    /// A parser at the first of `toks`, the tokens of `text`.
    fn new(toks: &'a [(Tok, Span)], text: &str) -> Self {
        Parser {
            toks,
            pos: 0,
            end: text.len(),
            depth: 0,
        }
    }

    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }

    fn peek_at(&self, k: usize) -> Option<&Tok> {
        self.toks.get(self.pos + k).map(|(t, _)| t)
    }

    fn span_here(&self) -> Span {
        self.toks
            .get(self.pos)
            .map_or(self.end..self.end, |(_, s)| s.clone())
    }

    fn prev_end(&self) -> usize {
        self.pos
            .checked_sub(1)
            .and_then(|p| self.toks.get(p))
            .map_or(0, |(_, s)| s.end)
    }

    fn next(&mut self) -> Option<(Tok, Span)> {
        let t = self.toks.get(self.pos).cloned();
        if t.is_some() {
            self.pos += 1;
        }
        t
    }

    fn is_word(&self, w: &str) -> bool {
        matches!(self.peek(), Some(Tok::Ident(s)) if s == w)
    }

    fn expect(&mut self, want: &Tok, what: &str) -> Result<Span, ExprError> {
        if self.peek() == Some(want) {
            Ok(self.next().map(|(_, s)| s).unwrap_or_default())
        } else {
            Err(ExprError::new(
                self.span_here(),
                format!(
                    "expected {what}, found {}",
                    describe(self.toks.get(self.pos))
                ),
            ))
        }
    }

    /// Opens a level at `span` (a `(`, a function's name, a `not`).
    fn enter(&mut self, span: Span) -> Result<(), ExprError> {
        if self.depth >= MAX_DEPTH {
            return Err(too_deep(span, false));
        }
        self.depth += 1;
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn unexpected(&self, what: &str) -> ExprError {
        ExprError::new(
            self.span_here(),
            format!(
                "expected {what}, found {}",
                describe(self.toks.get(self.pos))
            ),
        )
    }

    fn cond(&mut self) -> Parsed<Cond> {
        self.joined("or", Self::and, Cond::Or)
    }

    fn and(&mut self) -> Parsed<Cond> {
        self.joined("and", Self::unary, Cond::And)
    }

    /// Parts parsed by `part` and joined by the keyword `word` (`or`,
    /// `and`): one part as it is, several as `join` of them. A list is a
    /// vector, not a nesting, so it adds no level.
    fn joined(
        &mut self,
        word: &str,
        part: fn(&mut Self) -> Parsed<Cond>,
        join: fn(Vec<Cond>) -> Cond,
    ) -> Parsed<Cond> {
        let (first, mut height) = part(self)?;
        let mut parts = vec![first];
        while self.is_word(word) {
            self.next();
            let (next, h) = part(self)?;
            parts.push(next);
            height = height.max(h);
        }
        let c = if parts.len() == 1 {
            parts.remove(0)
        } else {
            join(parts)
        };
        Ok((c, height))
    }

    fn fact_arg(&mut self) -> Result<(String, Span), ExprError> {
        self.expect(&Tok::LParen, "`(`")?;
        let (name, span) = match self.next() {
            Some((Tok::Ident(n), s)) => (n, s),
            other => {
                return Err(ExprError::new(
                    other
                        .as_ref()
                        .map_or(self.end..self.end, |(_, s)| s.clone()),
                    format!("expected a fact name, found {}", describe(other.as_ref())),
                ));
            }
        };
        self.expect(&Tok::RParen, "`)`")?;
        Ok((name, span))
    }

    fn unary(&mut self) -> Parsed<Cond> {
        let start = self.span_here();
        match self.peek() {
            Some(Tok::Ident(w)) if w == "not" => {
                self.enter(start)?;
                self.next();
                let (c, h) = self.unary()?;
                self.leave();
                Ok((Cond::Not(Box::new(c)), h + 1))
            }
            Some(Tok::Ident(w)) if w == "otherwise" => {
                self.next();
                Ok((Cond::Otherwise(start), 0))
            }
            Some(Tok::Ident(w)) if w == "missing" || w == "present" => {
                let missing = w == "missing";
                self.next();
                let (name, span) = self.fact_arg()?;
                let c = if missing {
                    Cond::Missing(name, span)
                } else {
                    Cond::Present(name, span)
                };
                Ok((c, 0))
            }
            Some(Tok::Ident(w))
                if w == "meeting_kind" && matches!(self.peek_at(1), Some(Tok::Cmp(_))) =>
            {
                self.next();
                let Some((Tok::Cmp(op), op_span)) = self.next() else {
                    unreachable!("peeked a comparison")
                };
                let negate = match op {
                    CmpOp::Eq => false,
                    CmpOp::Ne => true,
                    _ => {
                        return Err(ExprError::new(
                            op_span,
                            "a meeting kind can only be compared with `==` or `!=`",
                        ));
                    }
                };
                let (kind, span) = match self.next() {
                    Some((Tok::Ident(k), s)) if k == "annual" => (MeetingKind::Annual, s),
                    Some((Tok::Ident(k), s)) if k == "special" => (MeetingKind::Special, s),
                    other => {
                        return Err(ExprError::new(
                            other
                                .as_ref()
                                .map_or(self.end..self.end, |(_, s)| s.clone()),
                            format!(
                                "expected `annual` or `special`, found {}",
                                describe(other.as_ref())
                            ),
                        ));
                    }
                };
                let c = Cond::KindIs {
                    kind,
                    negate,
                    span: start.start..span.end,
                };
                Ok((c, 0))
            }
            Some(Tok::LParen) => {
                // Either a parenthesised condition or a comparison whose
                // left side starts with a parenthesis: try the comparison.
                // The comparison's parentheses never lead back here, so
                // nested conditions are tried in time quadratic in their
                // depth, not exponential.
                let save = (self.pos, self.depth);
                if let Ok(c) = self.comparison() {
                    return Ok(c);
                }
                (self.pos, self.depth) = save;
                self.enter(start)?;
                self.next();
                let (c, h) = self.cond()?;
                self.expect(&Tok::RParen, "`)`")?;
                self.leave();
                Ok((c, h + 1))
            }
            _ => self.comparison(),
        }
    }

    fn comparison(&mut self) -> Parsed<Cond> {
        let (lhs, lhs_height) = self.sum()?;
        let op = match self.peek() {
            Some(Tok::Cmp(op)) => *op,
            _ => {
                return Err(self
                    .unexpected("a comparison such as `>`")
                    .help("a condition compares two dates or two numbers of days, e.g. `meeting - anniversary(prior_meeting) > 60 days`"));
            }
        };
        self.next();
        let (rhs, rhs_height) = self.sum()?;
        Ok((Cond::Cmp { lhs, op, rhs }, lhs_height.max(rhs_height)))
    }

    /// Parses a chain of `+` and `-` into a left-nested tree, one level
    /// deeper for each operator (the chain is bounded by [`MAX_DEPTH`]).
    fn sum(&mut self) -> Parsed<Expr> {
        let (mut left, mut height) = self.term()?;
        loop {
            let sign: i8 = match self.peek() {
                Some(Tok::Plus) => 1,
                Some(Tok::Minus) => -1,
                _ => break,
            };
            let op_span = self.span_here();
            self.next();
            if height >= MAX_DEPTH {
                return Err(too_deep(op_span, true));
            }
            if matches!(self.peek(), Some(Tok::Int(_))) {
                let by = self.quantity()?;
                let span = left.span.start..by.span.end;
                left = Expr {
                    kind: ExprKind::Shift {
                        base: Box::new(left),
                        sign,
                        by,
                    },
                    span,
                };
                height += 1;
            } else {
                let (right, right_height) = self.term()?;
                if right_height >= MAX_DEPTH {
                    return Err(too_deep(op_span, true));
                }
                height = height.max(right_height) + 1;
                if sign > 0 {
                    return Err(ExprError::new(op_span, "cannot add a date to a date")
                        .help("add an amount such as `7 days`"));
                }
                let span = left.span.start..right.span.end;
                left = Expr {
                    kind: ExprKind::Diff(Box::new(left), Box::new(right)),
                    span,
                };
            }
        }
        Ok((left, height))
    }

    fn quantity(&mut self) -> Result<Quantity, ExprError> {
        let (n, start) = match self.next() {
            Some((Tok::Int(n), s)) => (n, s),
            other => {
                return Err(ExprError::new(
                    other
                        .as_ref()
                        .map_or(self.end..self.end, |(_, s)| s.clone()),
                    format!("expected a number, found {}", describe(other.as_ref())),
                ));
            }
        };
        let word = match self.peek() {
            Some(Tok::Ident(w)) => w.clone(),
            _ => {
                return Err(self
                    .unexpected("a unit after the number")
                    .help("write `days`, `business days`, `weeks`, `months` or `years`"));
            }
        };
        let unit = match word.as_str() {
            "day" | "days" => Unit::Days,
            "week" | "weeks" => Unit::Weeks,
            "month" | "months" => Unit::Months,
            "year" | "years" => Unit::Years,
            "business" | "calendar" => {
                self.next();
                if !(self.is_word("day") || self.is_word("days")) {
                    return Err(self.unexpected("`days`"));
                }
                if word == "business" {
                    Unit::BusinessDays
                } else {
                    Unit::Days
                }
            }
            other => {
                let help = crate::diag::did_you_mean(
                    other,
                    ["days", "business", "calendar", "weeks", "months", "years"],
                )
                .unwrap_or_else(|| {
                    "write `days`, `business days`, `weeks`, `months` or `years`".to_owned()
                });
                return Err(
                    ExprError::new(self.span_here(), format!("unknown unit `{other}`")).help(help),
                );
            }
        };
        self.next();
        let mut calendar = None;
        if self.is_word("on") {
            self.next();
            match self.next() {
                Some((Tok::Ident(c), s)) => calendar = Some((c, s)),
                other => {
                    return Err(ExprError::new(
                        other
                            .as_ref()
                            .map_or(self.end..self.end, |(_, s)| s.clone()),
                        format!(
                            "expected a calendar name after `on`, found {}",
                            describe(other.as_ref())
                        ),
                    ));
                }
            }
        }
        let end = self.prev_end();
        Ok(Quantity {
            n,
            unit,
            calendar,
            span: start.start..end,
        })
    }

    fn term(&mut self) -> Parsed<Expr> {
        let here = self.span_here();
        match self.peek().cloned() {
            Some(Tok::Int(_)) => {
                let q = self.quantity()?;
                let span = q.span.clone();
                let e = Expr {
                    kind: ExprKind::Amount(q),
                    span,
                };
                Ok((e, 0))
            }
            Some(Tok::Date(d)) => {
                self.next();
                let e = Expr {
                    kind: ExprKind::Date(d),
                    span: here,
                };
                Ok((e, 0))
            }
            Some(Tok::LParen) => {
                self.enter(here.clone())?;
                self.next();
                let (mut inner, h) = self.sum()?;
                let close = self.expect(&Tok::RParen, "`)`")?;
                self.leave();
                inner.span = here.start..close.end;
                Ok((inner, h + 1))
            }
            Some(Tok::Ident(name)) => {
                self.next();
                if self.peek() == Some(&Tok::LParen) {
                    return self.call(&name, here);
                }
                if KEYWORDS.contains(&name.as_str()) {
                    return Err(ExprError::new(
                        here,
                        format!("expected a date, found the word `{name}`"),
                    ));
                }
                let e = match self.peek() {
                    Some(Tok::Dot) => {
                        self.next();
                        let bound = self.bound_name()?;
                        Expr {
                            kind: ExprKind::RuleRef {
                                pack: None,
                                rule: name,
                                bound,
                            },
                            span: here.start..self.prev_end(),
                        }
                    }
                    Some(Tok::Slash) => {
                        self.next();
                        let rule = match self.next() {
                            Some((Tok::Ident(r), _)) => r,
                            other => {
                                return Err(ExprError::new(
                                    other
                                        .as_ref()
                                        .map_or(self.end..self.end, |(_, s)| s.clone()),
                                    format!(
                                        "expected a rule id after `/`, found {}",
                                        describe(other.as_ref())
                                    ),
                                ));
                            }
                        };
                        self.expect(&Tok::Dot, "`.opens` or `.closes`")?;
                        let bound = self.bound_name()?;
                        Expr {
                            kind: ExprKind::RuleRef {
                                pack: Some(name),
                                rule,
                                bound,
                            },
                            span: here.start..self.prev_end(),
                        }
                    }
                    _ => Expr {
                        kind: ExprKind::Fact(name),
                        span: here,
                    },
                };
                Ok((e, 0))
            }
            _ => Err(self.unexpected("a date")),
        }
    }

    fn bound_name(&mut self) -> Result<BoundName, ExprError> {
        match self.next() {
            Some((Tok::Ident(b), _)) if b == "opens" => Ok(BoundName::Opens),
            Some((Tok::Ident(b), _)) if b == "closes" => Ok(BoundName::Closes),
            other => Err(ExprError::new(
                other
                    .as_ref()
                    .map_or(self.end..self.end, |(_, s)| s.clone()),
                format!(
                    "expected `opens` or `closes`, found {}",
                    describe(other.as_ref())
                ),
            )),
        }
    }

    fn call(&mut self, name: &str, here: Span) -> Parsed<Expr> {
        if !FUNCTIONS.contains(&name) {
            return Err(
                ExprError::new(here, format!("unknown function `{name}`")).help(
                    crate::diag::did_you_mean(name, FUNCTIONS).unwrap_or_else(|| {
                        "functions are `later_of`, `earlier_of`, `anniversary` and `abs`".to_owned()
                    }),
                ),
            );
        }
        self.enter(here.clone())?;
        self.expect(&Tok::LParen, "`(`")?;
        let (first, mut height) = self.sum()?;
        let mut args = vec![first];
        while self.peek() == Some(&Tok::Comma) {
            self.next();
            let (arg, h) = self.sum()?;
            args.push(arg);
            height = height.max(h);
        }
        let close = self.expect(&Tok::RParen, "`,` or `)`")?;
        self.leave();
        let span = here.start..close.end;
        let one = |mut args: Vec<Expr>| -> Result<Box<Expr>, ExprError> {
            if args.len() == 1 {
                Ok(Box::new(args.remove(0)))
            } else {
                Err(ExprError::new(
                    span.clone(),
                    format!("`{name}` takes one argument, found {}", args.len()),
                ))
            }
        };
        let kind = match name {
            "later_of" | "earlier_of" => {
                if args.len() < 2 {
                    return Err(ExprError::new(
                        span,
                        format!("`{name}` needs at least two dates"),
                    ));
                }
                if name == "later_of" {
                    ExprKind::LaterOf(args)
                } else {
                    ExprKind::EarlierOf(args)
                }
            }
            "anniversary" => ExprKind::Anniversary(one(args)?),
            _ => ExprKind::Abs(one(args)?),
        };
        Ok((Expr { kind, span }, height + 1))
    }

    fn finish(&self) -> Result<(), ExprError> {
        if self.pos < self.toks.len() {
            let mut e = self.unexpected("the end of the expression");
            if matches!(self.peek(), Some(Tok::Int(_))) {
                e = e.help("join an amount with `+` or `-`, e.g. `meeting - 90 days`");
            }
            Err(e)
        } else {
            Ok(())
        }
    }
}

/// Parses a date expression such as `later_of(meeting - 90 days, announcement + 7 days)`.
///
/// # Errors
///
/// An [`ExprError`] with the span of the first token that does not fit,
/// or of the one that nests deeper than [`MAX_DEPTH`].
pub fn parse_expr(text: &str) -> Result<Expr, ExprError> {
    let toks = lex(text)?;
    let mut p = Parser::new(&toks, text);
    let (e, _) = p.sum()?;
    p.finish()?;
    Ok(e)
}

/// Parses a branch condition such as `missing(prior_meeting) or abs(meeting - anniversary(prior_meeting)) > 30 days`.
///
/// # Errors
///
/// An [`ExprError`] with the span of the first token that does not fit,
/// or of the one that nests deeper than [`MAX_DEPTH`].
pub fn parse_cond(text: &str) -> Result<Cond, ExprError> {
    let toks = lex(text)?;
    let mut p = Parser::new(&toks, text);
    let (c, _) = p.cond()?;
    p.finish()?;
    Ok(c)
}

/// The type of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// A calendar date.
    Date,
    /// A signed number of days.
    Days,
}

impl Type {
    fn noun(self) -> &'static str {
        match self {
            Type::Date => "a date",
            Type::Days => "a number of days",
        }
    }
}

impl Expr {
    /// Returns this expression's type, pushing every type error found into `errors`.
    pub fn check(&self, errors: &mut Vec<ExprError>) -> Option<Type> {
        let want = |e: &Expr, t: Type, errors: &mut Vec<ExprError>| -> bool {
            match e.check(errors) {
                Some(got) if got == t => true,
                Some(got) => {
                    errors.push(ExprError::new(
                        e.span.clone(),
                        format!("expected {}, found {}", t.noun(), got.noun()),
                    ));
                    false
                }
                None => false,
            }
        };
        match &self.kind {
            ExprKind::Fact(_) | ExprKind::RuleRef { .. } | ExprKind::Date(_) => Some(Type::Date),
            ExprKind::Amount(q) => match q.unit {
                Unit::Days | Unit::Weeks => Some(Type::Days),
                _ => {
                    errors.push(
                        ExprError::new(
                            q.span.clone(),
                            format!("a bare `{}` is not a fixed number of days", q.unit.name(2)),
                        )
                        .help("compare in `days` or `weeks`, or add the amount to a date"),
                    );
                    None
                }
            },
            ExprKind::Shift { base, .. } => want(base, Type::Date, errors).then_some(Type::Date),
            ExprKind::Diff(a, b) => {
                let ok_a = want(a, Type::Date, errors);
                let ok_b = want(b, Type::Date, errors);
                (ok_a && ok_b).then_some(Type::Days)
            }
            ExprKind::LaterOf(args) | ExprKind::EarlierOf(args) => {
                let mut ok = true;
                for a in args {
                    ok &= want(a, Type::Date, errors);
                }
                ok.then_some(Type::Date)
            }
            ExprKind::Anniversary(a) => want(a, Type::Date, errors).then_some(Type::Date),
            ExprKind::Abs(a) => want(a, Type::Days, errors).then_some(Type::Days),
        }
    }
}

impl Cond {
    /// Type-checks both sides of every comparison, pushing errors into `errors`.
    pub fn check(&self, errors: &mut Vec<ExprError>) {
        match self {
            Cond::Cmp { lhs, rhs, .. } => {
                let a = lhs.check(errors);
                let b = rhs.check(errors);
                if let (Some(a), Some(b)) = (a, b)
                    && a != b
                {
                    errors.push(ExprError::new(
                        lhs.span.start..rhs.span.end,
                        format!("cannot compare {} with {}", a.noun(), b.noun()),
                    ));
                }
            }
            Cond::Not(c) => c.check(errors),
            Cond::And(cs) | Cond::Or(cs) => {
                for c in cs {
                    c.check(errors);
                }
            }
            Cond::Otherwise(_) | Cond::Missing(..) | Cond::Present(..) | Cond::KindIs { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hemacare_closing_expression() {
        let e = parse_expr("later_of(meeting - 90 days, announcement + 7 days)").unwrap();
        let ExprKind::LaterOf(args) = &e.kind else {
            panic!("not later_of: {e:?}")
        };
        assert_eq!(args.len(), 2);
        assert_eq!(e.span, 0..50);
        let ExprKind::Shift { base, sign, by } = &args[0].kind else {
            panic!()
        };
        assert_eq!(base.kind, ExprKind::Fact("meeting".into()));
        assert_eq!(*sign, -1);
        assert_eq!((by.n, by.unit), (90, Unit::Days));
        assert_eq!(by.span, 19..26);
    }

    #[test]
    fn parses_business_days_on_a_calendar() {
        let e = parse_expr("record_date - 20 business days on us_federal").unwrap();
        let ExprKind::Shift { by, .. } = &e.kind else {
            panic!()
        };
        assert_eq!(by.unit, Unit::BusinessDays);
        assert_eq!(
            by.calendar.as_ref().map(|c| c.0.as_str()),
            Some("us_federal")
        );
    }

    #[test]
    fn parses_rule_references() {
        let e = parse_expr("record_date_window.closes - 10 days").unwrap();
        let ExprKind::Shift { base, .. } = &e.kind else {
            panic!()
        };
        assert!(
            matches!(&base.kind, ExprKind::RuleRef { rule, bound: BoundName::Closes, pack: None } if rule == "record_date_window")
        );
        let e = parse_expr("sec_regulation_14a/dissident_notice.closes").unwrap();
        assert!(
            matches!(&e.kind, ExprKind::RuleRef { pack: Some(p), .. } if p == "sec_regulation_14a")
        );
    }

    #[test]
    fn parses_asymmetric_moved_meeting_condition() {
        let c = parse_cond(
            "missing(prior_meeting) or anniversary(prior_meeting) - meeting > 30 days or meeting - anniversary(prior_meeting) > 60 days",
        )
        .unwrap();
        let Cond::Or(parts) = c else { panic!() };
        assert_eq!(parts.len(), 3);
        let mut errors = Vec::new();
        parts[1].check(&mut errors);
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn parenthesised_conditions_and_comparisons_both_parse() {
        parse_cond("(meeting - announcement) < 100 days").unwrap();
        parse_cond("(missing(announcement) or meeting_kind == special) and not present(meeting)")
            .unwrap();
    }

    #[test]
    fn error_points_at_unknown_unit() {
        let err = parse_expr("meeting - 90 dayz").unwrap_err();
        assert_eq!(err.span, 13..17);
        assert_eq!(err.message, "unknown unit `dayz`");
        assert_eq!(err.help.as_deref(), Some("did you mean `days`?"));
    }

    #[test]
    fn error_for_adding_two_dates() {
        let err = parse_expr("meeting + announcement").unwrap_err();
        assert_eq!(err.span, 8..9);
        assert_eq!(err.message, "cannot add a date to a date");
    }

    #[test]
    fn error_for_impossible_date_literal() {
        let err = parse_expr("2004-02-30 + 1 day").unwrap_err();
        assert_eq!(
            (err.span, err.message.as_str()),
            (0..10, "no such date `2004-02-30`")
        );
    }

    #[test]
    fn error_for_missing_operator() {
        let err = parse_expr("meeting 90 days").unwrap_err();
        assert_eq!(err.span, 8..10);
        assert!(err.help.unwrap().contains("`meeting - 90 days`"));
    }

    #[test]
    fn type_errors_are_reported_with_spans() {
        let mut errors = Vec::new();
        let c = parse_cond("meeting > 30 days").unwrap();
        c.check(&mut errors);
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].message,
            "cannot compare a date with a number of days"
        );
        let e = parse_expr("(meeting - announcement) + 3 days").unwrap();
        errors.clear();
        assert_eq!(e.check(&mut errors), None);
        assert_eq!(errors[0].message, "expected a date, found a number of days");
        assert_eq!(errors[0].span, 0..24);
    }

    #[test]
    fn shifted_moves_every_span() {
        let e = parse_expr("meeting - 90 days").unwrap().shifted(10);
        assert_eq!(e.span, 10..27);
    }
}
