//! CSV: one row per computed bound, then one per deadline without a date.

use super::table::rows;
use super::{case_text, words};
use crate::eval::Deadline;
use crate::model::facts::Company;
use crate::model::rule::Status;

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
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

/// Appends the rows of [`csv`], without its header, to `out`.
pub fn csv_rows(company: &Company, deadlines: &[Deadline], out: &mut String) {
    let mut push = |cols: [&str; 12]| {
        let line: Vec<String> = cols.iter().map(|c| csv_field(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    };
    for r in rows(deadlines) {
        let (time, zone) =
            r.b.time
                .as_ref()
                .map_or((String::new(), String::new()), |m| {
                    (
                        m.local.format("%H:%M").to_string(),
                        m.zone.name().into_owned(),
                    )
                });
        let actor =
            r.d.actor
                .map(|a| format!("{a:?}").to_lowercase())
                .unwrap_or_default();
        push([
            &company.name,
            &r.d.pack,
            &r.d.rule,
            r.bound.as_str(),
            &r.date.to_string(),
            &r.date.format("%a").to_string(),
            &time,
            &zone,
            r.d.status.as_str(),
            &actor,
            &r.d.citation,
            &r.d.warnings
                .iter()
                .filter(|w| w.bound().is_none_or(|b| b == r.bound))
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        ]);
    }
    for d in deadlines.iter().filter(|d| d.status != Status::Computed) {
        let note = match d.status {
            Status::Conditional => d
                .cases
                .iter()
                .map(case_text)
                .collect::<Vec<_>>()
                .join(" | "),
            _ => words(d),
        };
        let actor = d
            .actor
            .map(|a| format!("{a:?}").to_lowercase())
            .unwrap_or_default();
        push([
            &company.name,
            &d.pack,
            &d.rule,
            "",
            "",
            "",
            "",
            "",
            d.status.as_str(),
            &actor,
            &d.citation,
            &note,
        ]);
    }
}
