//! CSV: one row per computed bound, then one per deadline without a date.

use std::fmt::Write as _;

use chrono::{Datelike, Timelike};

use super::table::rows;
use super::{case_text, words};
use crate::eval::Deadline;
use crate::model::facts::Company;
use crate::model::rule::{Actor, Status};

/// Appends `s` as one CSV field: as it is, or quoted with its quotes
/// doubled when it holds a comma, quote or line break (RFC 4180).
fn push_field(out: &mut String, s: &str) {
    if s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        out.push('"');
        for (i, part) in s.split('"').enumerate() {
            if i > 0 {
                out.push_str("\"\"");
            }
            out.push_str(part);
        }
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// Appends `n` with at least `width` digits, zero-padded.
fn push_padded(out: &mut String, n: u32, width: usize) {
    let digits = n.checked_ilog10().map_or(1, |d| d as usize + 1);
    for _ in digits..width {
        out.push('0');
    }
    let mut buf = [0u8; 10];
    let mut k = buf.len();
    let mut n = n;
    loop {
        k -= 1;
        buf[k] = b'0' + u8::try_from(n % 10).unwrap_or(0);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&buf[k..]).unwrap_or_default());
}

/// Renders CSV: one row per computed bound, then one row per deadline
/// without a date (date empty, status and words given).
pub fn csv(company: &Company, deadlines: &[Deadline]) -> String {
    let mut out = String::from(CSV_HEADER);
    csv_rows(company, deadlines, &mut out);
    out
}

/// The header line of [`csv`].
pub const CSV_HEADER: &str =
    "company,pack,rule,bound,date,weekday,time,zone,status,actor,citation,note\r\n";

/// Appends the rows of [`csv`], without its header, to `out`: fields are
/// written straight into it, with no string built per field.
pub fn csv_rows(company: &Company, deadlines: &[Deadline], out: &mut String) {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let mut scratch = String::new();
    for r in rows(deadlines) {
        push_field(out, &company.name);
        out.push(',');
        push_field(out, &r.d.pack);
        out.push(',');
        push_field(out, &r.d.rule);
        out.push(',');
        out.push_str(r.bound.as_str());
        out.push(',');
        // The date as `YYYY-MM-DD` (chrono's `Display`, for 0 to 9999).
        match u32::try_from(r.date.year()) {
            Ok(y) if y <= 9999 => push_padded(out, y, 4),
            _ => {
                let _ = write!(out, "{}", r.date.format("%Y"));
            }
        }
        out.push('-');
        push_padded(out, r.date.month(), 2);
        out.push('-');
        push_padded(out, r.date.day(), 2);
        out.push(',');
        out.push_str(DAYS[r.date.weekday().num_days_from_monday() as usize]);
        out.push(',');
        if let Some(m) = &r.b.time {
            push_padded(out, m.local.hour(), 2);
            out.push(':');
            push_padded(out, m.local.minute(), 2);
            out.push(',');
            push_field(out, &m.zone.name());
        } else {
            out.push(',');
        }
        out.push(',');
        out.push_str(r.d.status.as_str());
        out.push(',');
        out.push_str(r.d.actor.map_or("", Actor::as_str));
        out.push(',');
        push_field(out, &r.d.citation);
        out.push(',');
        scratch.clear();
        for w in
            r.d.warnings
                .iter()
                .filter(|w| w.bound().is_none_or(|b| b == r.bound))
        {
            if !scratch.is_empty() {
                scratch.push_str("; ");
            }
            let _ = write!(scratch, "{w}");
        }
        push_field(out, &scratch);
        out.push_str("\r\n");
    }
    for d in deadlines.iter().filter(|d| d.status != Status::Computed) {
        scratch.clear();
        match d.status {
            Status::Conditional => {
                for (i, c) in d.cases.iter().enumerate() {
                    if i > 0 {
                        scratch.push_str(" | ");
                    }
                    scratch.push_str(&case_text(c));
                }
            }
            _ => scratch.push_str(&words(d)),
        }
        push_field(out, &company.name);
        out.push(',');
        push_field(out, &d.pack);
        out.push(',');
        push_field(out, &d.rule);
        out.push_str(",,,,,,");
        out.push_str(d.status.as_str());
        out.push(',');
        out.push_str(d.actor.map_or("", Actor::as_str));
        out.push(',');
        push_field(out, &d.citation);
        out.push(',');
        push_field(out, &scratch);
        out.push_str("\r\n");
    }
}
