//! Outputs: the table, `explain`, JSON, CSV, calendar events and the
//! rulebook, and diagnostics for people. Renderers format what evaluation
//! produced and return strings; they never compute a date, and only `cli`
//! prints.

pub mod calendar;
pub mod coverage;
pub mod csv;
pub mod diagnostics;
pub(crate) mod html;
pub mod json;
pub mod rulebook;
pub mod table;
pub mod timeline;

use std::fmt::Write as _;

use crate::analyse::coverage::Coverage;
use crate::analyse::words::{case_when, pending_text};
use crate::eval::{Answer, Bound, Case, Deadline};
use crate::model::dates::show_date;

pub(crate) fn time_text(b: &Bound) -> String {
    b.time.as_ref().map_or_else(
        || "-".to_owned(),
        |m| format!("{} {}", m.local.format("%H:%M"), m.zone.name()),
    )
}

/// Whose deadline it is: the company's side or the shareholder's.
pub(crate) fn who(d: &Deadline) -> &'static str {
    match d.actor {
        Some(crate::model::rule::Actor::Company) => "company",
        Some(crate::model::rule::Actor::Board) => "board",
        Some(crate::model::rule::Actor::Shareholder) => "holder",
        Some(crate::model::rule::Actor::Dissident) => "dissident",
        None => "-",
    }
}

pub(crate) fn date_text(b: &Bound) -> String {
    let mut s = show_date(b.date);
    if let Some(m) = &b.time {
        let _ = write!(s, " {} {}", m.local.format("%H:%M"), m.zone.name());
    }
    s
}

/// The deadline's words (the law's, or why it does not apply), or nothing.
pub(crate) fn words(d: &Deadline<'_>) -> String {
    d.words
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default()
}

pub(crate) fn answer_text(c: &Case<'_>, a: &Answer<'_>) -> String {
    match a {
        Answer::Date(b) => date_text(b),
        Answer::Pending { .. } => pending_text(c, a).unwrap_or_default(),
    }
}

pub(crate) fn case_text(c: &Case<'_>) -> String {
    let mut parts = Vec::new();
    if let Some(o) = &c.opens {
        parts.push(format!("opens {}", answer_text(c, o)));
    }
    if let Some(cl) = &c.closes {
        parts.push(format!("closes {}", answer_text(c, cl)));
    }
    if let Some(u) = &c.unspecified {
        parts.push(format!("no date: {u}"));
    }
    if let Some(n) = &c.not_applicable {
        parts.push(format!("not applicable: {n}"));
    }
    let when = if c.when.is_none() {
        "otherwise".to_owned()
    } else {
        format!("if {}", case_when(c))
    };
    format!("{when}: {}", parts.join("; "))
}

/// The report header's lines on coverage: `Packs: sec_regulation_14a
/// 2026.2, ...` (the packs that govern the company) and, when something is
/// not covered, `Not covered:` with one indented line each.
pub(crate) fn coverage_lines(coverage: &Coverage<'_>) -> String {
    let mut out = String::new();
    let packs: Vec<String> = coverage
        .packs
        .iter()
        .map(|p| format!("{} {}", p.id, p.version))
        .collect();
    let _ = writeln!(
        out,
        "Packs: {}",
        if packs.is_empty() {
            "none".to_owned()
        } else {
            packs.join(", ")
        }
    );
    if !coverage.not_covered.is_empty() {
        let _ = writeln!(out, "Not covered:");
        for n in &coverage.not_covered {
            let _ = writeln!(out, "  {}", n.says);
        }
    }
    out
}
