//! The expression language's lexer: text into tokens with their spans.

use chrono::NaiveDate;

use super::ExprError;
use crate::model::expr::{CmpOp, Span};

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Tok {
    Ident(String),
    Int(i64),
    Date(NaiveDate),
    LParen,
    RParen,
    Comma,
    Plus,
    Minus,
    Dot,
    Slash,
    Cmp(CmpOp),
}

pub(super) fn describe(tok: Option<&(Tok, Span)>) -> String {
    match tok {
        None => "the end of the expression".to_owned(),
        Some((t, _)) => match t {
            Tok::Ident(s) => format!("`{s}`"),
            Tok::Int(n) => format!("`{n}`"),
            Tok::Date(d) => format!("`{d}`"),
            Tok::LParen => "`(`".to_owned(),
            Tok::RParen => "`)`".to_owned(),
            Tok::Comma => "`,`".to_owned(),
            Tok::Plus => "`+`".to_owned(),
            Tok::Minus => "`-`".to_owned(),
            Tok::Dot => "`.`".to_owned(),
            Tok::Slash => "`/`".to_owned(),
            Tok::Cmp(op) => format!("`{}`", op.as_str()),
        },
    }
}

pub(super) fn lex(text: &str) -> Result<Vec<(Tok, Span)>, ExprError> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'(' => {
                out.push((Tok::LParen, start..start + 1));
                i += 1;
            }
            b')' => {
                out.push((Tok::RParen, start..start + 1));
                i += 1;
            }
            b',' => {
                out.push((Tok::Comma, start..start + 1));
                i += 1;
            }
            b'+' => {
                out.push((Tok::Plus, start..start + 1));
                i += 1;
            }
            b'-' => {
                out.push((Tok::Minus, start..start + 1));
                i += 1;
            }
            b'.' => {
                out.push((Tok::Dot, start..start + 1));
                i += 1;
            }
            b'/' => {
                out.push((Tok::Slash, start..start + 1));
                i += 1;
            }
            b'<' | b'>' | b'=' | b'!' => {
                let two = bytes.get(i + 1) == Some(&b'=');
                let op = match (c, two) {
                    (b'<', false) => CmpOp::Lt,
                    (b'<', true) => CmpOp::Le,
                    (b'>', false) => CmpOp::Gt,
                    (b'>', true) => CmpOp::Ge,
                    (b'=', true) => CmpOp::Eq,
                    (b'!', true) => CmpOp::Ne,
                    _ => {
                        return Err(ExprError::new(
                            start..start + 1,
                            format!("unexpected `{}`", c as char),
                        )
                        .help("compare with `==`, `!=`, `<`, `<=`, `>` or `>=`"));
                    }
                };
                let len = if two { 2 } else { 1 };
                out.push((Tok::Cmp(op), start..start + len));
                i += len;
            }
            b'0'..=b'9' => {
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                // A date literal: YYYY-MM-DD.
                let looks_like_date = i - start == 4
                    && bytes.get(i) == Some(&b'-')
                    && text.len() >= start + 10
                    && bytes[start + 5..start + 7].iter().all(u8::is_ascii_digit)
                    && bytes.get(start + 7) == Some(&b'-')
                    && bytes[start + 8..start + 10].iter().all(u8::is_ascii_digit);
                if looks_like_date {
                    let span = start..start + 10;
                    let lit = &text[span.clone()];
                    let date = NaiveDate::parse_from_str(lit, "%Y-%m-%d").map_err(|_| {
                        ExprError::new(span.clone(), format!("no such date `{lit}`"))
                    })?;
                    out.push((Tok::Date(date), span));
                    i = start + 10;
                } else {
                    let lit = &text[start..i];
                    let n: i64 = lit.parse().map_err(|_| {
                        ExprError::new(start..i, format!("number `{lit}` is too large"))
                    })?;
                    if n > 100_000 {
                        return Err(ExprError::new(
                            start..i,
                            format!("number `{lit}` is too large"),
                        )
                        .help("offsets are limited to 100000 units"));
                    }
                    out.push((Tok::Int(n), start..i));
                }
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                let word = &text[start..i];
                if word.bytes().any(|b| b.is_ascii_uppercase()) {
                    return Err(ExprError::new(
                        start..i,
                        format!("names are lowercase snake_case, found `{word}`"),
                    )
                    .help(format!("write `{}`", word.to_ascii_lowercase())));
                }
                out.push((Tok::Ident(word.to_owned()), start..i));
            }
            _ => {
                let ch = text[start..].chars().next().unwrap_or('?');
                let end = start + ch.len_utf8();
                return Err(ExprError::new(
                    start..end,
                    format!("unexpected character `{ch}`"),
                ));
            }
        }
    }
    Ok(out)
}
