//! The table for people (`deadlines`) and `explain`'s numbered trace:
//! computed bounds sorted by date with days left, the reasoning, the
//! answers without a date, conditional answers and warnings.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{case_text, coverage_lines, date_text, time_text, who, words};
use crate::analyse::coverage::Coverage;
use crate::eval::{Bound, Deadline, Op, Warning};
use crate::model::dates::show_date;
use crate::model::expr::BoundName;
use crate::model::facts::{Company, Facts};
use crate::model::rule::Status;
use crate::pack::consistency::FactWarning;

fn days_from(today: NaiveDate, d: NaiveDate) -> String {
    let n = d.signed_duration_since(today).num_days();
    if n == 0 {
        "today".to_owned()
    } else {
        format!("{n:+}")
    }
}

/// The two lines that head a deadline below the table: its title, then
/// its id and citation (`extra` after them); a rule without a title is
/// headed by its id.
fn deadline_heading(d: &Deadline<'_>, extra: Option<&str>) -> String {
    let extra = extra.map(|e| format!("; {e}")).unwrap_or_default();
    if d.title == d.rule {
        format!("  {} ({}{extra})\n", d.id(), d.citation)
    } else {
        format!("  {}\n    {}: {}{extra}\n", d.title, d.id(), d.citation)
    }
}

/// One table row: a computed bound.
pub(crate) struct Row<'a> {
    pub(crate) date: NaiveDate,
    pub(crate) bound: BoundName,
    pub(crate) b: &'a Bound,
    pub(crate) d: &'a Deadline<'a>,
}

pub(crate) fn rows<'a>(deadlines: &'a [Deadline<'a>]) -> Vec<Row<'a>> {
    let mut rows: Vec<Row<'_>> = deadlines
        .iter()
        .flat_map(|d| {
            d.bounds().map(move |(bound, b)| Row {
                date: b.date,
                bound,
                b,
                d,
            })
        })
        .collect();
    // By date, then `pack/rule`, then bound. Pack ids are lowercase letters,
    // digits and `_`, all after `/`, so comparing pack then rule orders as
    // the joined id does, without building it for every comparison.
    rows.sort_by(|a, b| {
        (a.date, a.d.pack.as_str(), a.d.rule.as_str(), a.bound).cmp(&(
            b.date,
            b.d.pack.as_str(),
            b.d.rule.as_str(),
            b.bound,
        ))
    });
    rows
}

/// Returns the first line of a report: the company and its meeting.
pub(crate) fn heading(company: &Company, facts: &Facts) -> String {
    let meeting = facts
        .get("meeting")
        .map_or_else(|| "date not given".to_owned(), show_date);
    format!(
        "{}: {} meeting {}",
        company.name,
        facts.meeting_kind.as_str(),
        meeting
    )
}

/// Renders the table for people: the packs that govern the company and
/// what they leave uncovered, computed bounds sorted by date, then the
/// reasoning, the answers without a date, conditional answers, warnings
/// (doubtful facts first, then each deadline's).
#[allow(
    clippy::too_many_arguments,
    reason = "one caller passes what the page shows, each a different thing"
)]
pub fn table(
    company: &Company,
    facts: &Facts,
    fact_warnings: &[FactWarning],
    coverage: &Coverage<'_>,
    deadlines: &[Deadline],
    next_year: &[Deadline],
    today: NaiveDate,
    all: bool,
    verbose: bool,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", heading(company, facts));
    let _ = writeln!(out, "Today: {}", show_date(today));
    let _ = writeln!(out, "{}", coverage_lines(coverage));
    let rows = rows(deadlines);
    if rows.is_empty() {
        let _ = writeln!(out, "No computed dates.");
    } else {
        let cells: Vec<[String; 6]> = rows
            .iter()
            .map(|r| {
                [
                    show_date(r.date),
                    time_text(r.b),
                    r.bound.as_str().to_owned(),
                    who(r.d).to_owned(),
                    r.d.name(),
                    days_from(today, r.date),
                ]
            })
            .collect();
        let head = ["DATE", "TIME", "BOUND", "WHO", "DEADLINE", "DAYS"];
        let mut widths = head.map(str::len);
        for c in &cells {
            for (w, s) in widths.iter_mut().zip(c) {
                *w = (*w).max(s.chars().count());
            }
        }
        let line = |cols: [&str; 6]| {
            let mut s = String::new();
            for (i, (c, w)) in cols.iter().zip(widths).enumerate() {
                if i + 1 == cols.len() {
                    s.push_str(c);
                } else {
                    let _ = write!(s, "{c:<w$}  ");
                }
            }
            s.trim_end().to_owned()
        };
        let _ = writeln!(out, "{}", line(head));
        for c in &cells {
            let _ = writeln!(out, "{}", line([&c[0], &c[1], &c[2], &c[3], &c[4], &c[5]]));
        }
    }
    // Why: the reasoning for each computed deadline, with its citation.
    let computed: Vec<&Deadline<'_>> = deadlines
        .iter()
        .filter(|d| d.status == Status::Computed)
        .collect();
    if !computed.is_empty() {
        let _ = writeln!(out, "\nWhy:");
        for d in computed {
            out.push_str(&deadline_heading(d, None));
            // A step computed again (the anniversary, once per branch that
            // looks at it) is shown once: `explain` numbers every step.
            for s in distinct_lines(d.trace.iter().map(ToString::to_string)) {
                let _ = writeln!(out, "    {s}");
            }
        }
    }
    let unspecified: Vec<&Deadline<'_>> = deadlines
        .iter()
        .filter(|d| d.status == Status::Unspecified)
        .collect();
    if !unspecified.is_empty() {
        let _ = writeln!(out, "\nNo fixed date:");
        for d in unspecified {
            out.push_str(&deadline_heading(d, None));
            // The steps that chose the branch, e.g. "the meeting is 80 days
            // before the anniversary"; the last step repeats the words.
            for s in distinct_lines(
                d.trace
                    .iter()
                    .filter(|s| !matches!(s.op, Op::NoDate(_) | Op::Branch { applies: false, .. }))
                    .map(ToString::to_string),
            ) {
                let _ = writeln!(out, "    {s}");
            }
            let _ = writeln!(out, "    => {}", words(d));
        }
    }
    let conditional: Vec<&Deadline<'_>> = deadlines
        .iter()
        .filter(|d| d.status == Status::Conditional)
        .collect();
    if !conditional.is_empty() {
        let _ = writeln!(out, "\nDepends on facts not given:");
        for d in conditional {
            out.push_str(&deadline_heading(d, None));
            for c in &d.cases {
                let _ = writeln!(out, "    {}", case_text(c));
            }
        }
    }
    if !next_year.is_empty() {
        let prior = facts.get("meeting").map(show_date).unwrap_or_default();
        let _ = writeln!(
            out,
            "\nNext year's annual meeting: deadlines to print in this year's proxy statement\n(Rule 14a-5(e); computed from this meeting, {prior}{}):",
            facts
                .get("proxy_release")
                .map(|r| format!(", and this proxy statement's release, {}", show_date(r)))
                .unwrap_or_default()
        );
        for d in next_year {
            out.push_str(&deadline_heading(d, d.disclose_in_proxy.as_deref()));
            match d.status {
                Status::Computed => {
                    for (bound, b) in d.bounds() {
                        let _ = writeln!(out, "    {} {}", bound.as_str(), date_text(b));
                    }
                }
                Status::Unspecified => {
                    let _ = writeln!(out, "    no date: {}", words(d));
                }
                _ => {
                    for c in &d.cases {
                        let text = case_text(c);
                        let text = match text.strip_prefix("otherwise: ") {
                            Some(only) if d.cases.len() == 1 => only.to_owned(),
                            _ => text,
                        };
                        let _ = writeln!(out, "    {text}");
                    }
                }
            }
        }
    }
    let warnings: Vec<(String, &Warning<'_>)> = deadlines
        .iter()
        .flat_map(|d| d.warnings.iter().map(move |w| (d.id(), w)))
        .collect();
    if !warnings.is_empty() || !fact_warnings.is_empty() {
        let _ = writeln!(out, "\nWarnings:");
        for w in fact_warnings {
            let _ = writeln!(out, "  facts: {w}");
        }
        // Dates already past say the same thing each; more than one is
        // said in one line, naming their rules (`--verbose` lists each).
        let past = |w: &Warning<'_>| matches!(w, Warning::Past { .. });
        let past_ids: Vec<(&str, Option<BoundName>)> = warnings
            .iter()
            .filter(|(_, w)| past(w))
            .map(|(id, w)| (id.as_str(), w.bound()))
            .collect();
        let collapse = !verbose && past_ids.len() >= COLLAPSE_PAST;
        if collapse {
            let _ = writeln!(out, "  {}", past_summary(&past_ids, today));
        }
        for (id, w) in &warnings {
            if !(collapse && past(w)) {
                let _ = writeln!(out, "  {id}: {w}");
            }
        }
    }
    let na: Vec<&Deadline<'_>> = deadlines
        .iter()
        .filter(|d| d.status == Status::NotApplicable)
        .collect();
    if !na.is_empty() {
        if all {
            let _ = writeln!(out, "\nNot applicable:");
            for d in na {
                let _ = writeln!(out, "  {}: {}", d.id(), words(d));
            }
        } else {
            // Rules of packs for other places (another state's code) are
            // counted apart: they were never this company's law.
            let elsewhere = na
                .iter()
                .filter(|d| !coverage.packs.iter().any(|p| p.id == d.pack))
                .count();
            let here = na.len() - elsewhere;
            let mut line = format!(
                "\n{} not applicable to this meeting",
                crate::error::plural(here, "rule", "rules")
            );
            if elsewhere > 0 {
                let _ = write!(
                    line,
                    ", and {} of packs that do not govern the company",
                    crate::error::plural(elsewhere, "rule", "rules")
                );
            }
            let _ = writeln!(
                out,
                "{line} (--all lists {})",
                if na.len() == 1 { "it" } else { "them" }
            );
        }
    }
    out
}

/// From how many dates already past the table says them in one line.
const COLLAPSE_PAST: usize = 3;

/// `lines` without the ones already given, in their order.
pub(crate) fn distinct_lines(lines: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    lines.filter(|l| seen.insert(l.clone())).collect()
}

/// One line for the dates already past on `today`: each rule once, with
/// which of its bounds are past (an open window whose opening is past is
/// not a window missed), in the order of the warnings.
fn past_summary(past: &[(&str, Option<BoundName>)], today: NaiveDate) -> String {
    let mut rules: Vec<(&str, Vec<&str>)> = Vec::new();
    for (id, bound) in past {
        let i = rules.iter().position(|(r, _)| r == id).unwrap_or_else(|| {
            rules.push((id, Vec::new()));
            rules.len() - 1
        });
        if let Some(b) = bound {
            rules[i].1.push(b.as_str());
        }
    }
    let listed: Vec<String> = rules
        .iter()
        .map(|(id, bounds)| {
            if bounds.is_empty() {
                (*id).to_owned()
            } else {
                format!("{id} ({})", bounds.join(", "))
            }
        })
        .collect();
    format!(
        "{} dates of {} are already past on {}: {}; `--today DATE` shows the season \
         as of another day, `--verbose` lists each date",
        past.len(),
        crate::error::plural(rules.len(), "rule", "rules"),
        show_date(today),
        listed.join(", ")
    )
}

/// Renders `explain`: the facts and any doubt about them, the packs and
/// what they leave uncovered, then every step of every deadline, with
/// citations.
pub fn explain(
    company: &Company,
    facts: &Facts,
    fact_warnings: &[FactWarning],
    coverage: &Coverage<'_>,
    deadlines: &[Deadline],
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", heading(company, facts));
    let given: Vec<String> = facts
        .iter()
        .map(|(n, d)| format!("{n} = {}", show_date(d)))
        .collect();
    let _ = writeln!(
        out,
        "Facts: {}",
        if given.is_empty() {
            "none".to_owned()
        } else {
            given.join("; ")
        }
    );
    for w in fact_warnings {
        let _ = writeln!(out, "warning: {w}");
    }
    let _ = write!(out, "{}", coverage_lines(coverage));
    for d in deadlines {
        if d.title == d.rule {
            let _ = writeln!(out, "\n{} [{}]", d.id(), d.status.as_str());
        } else {
            let _ = writeln!(out, "\n{} [{}]", d.title, d.status.as_str());
            let _ = writeln!(out, "  Rule: {}", d.id());
        }
        let _ = writeln!(out, "  {}", d.summary);
        let _ = writeln!(out, "  Citation: {}", d.citation);
        for (i, s) in d.trace.iter().enumerate() {
            let cite = s.citation.map(|c| format!("  [{c}]")).unwrap_or_default();
            let _ = writeln!(out, "  {}. {s}{cite}", i + 1);
        }
        for (name, b) in d.bounds() {
            let rolled = if b.date == b.computed {
                String::new()
            } else {
                format!(" (computed {}, rolled {})", show_date(b.computed), b.roll)
            };
            let at = b.time.as_ref().map_or_else(String::new, |m| {
                format!(" at {} {}", m.local.format("%H:%M"), m.zone.name())
            });
            let _ = writeln!(
                out,
                "  => {} {}{rolled}{at}",
                name.as_str(),
                show_date(b.date)
            );
        }
        if let Some(w) = &d.words {
            let _ = writeln!(out, "  => {w}");
        }
        for c in &d.cases {
            let _ = writeln!(out, "  => {}", case_text(c));
        }
        for w in &d.warnings {
            let _ = writeln!(out, "  warning: {w}");
        }
    }
    out
}
