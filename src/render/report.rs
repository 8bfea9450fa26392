//! Renders deadlines (table, JSON, CSV, iCalendar) and diagnostics. Returns
//! strings; only `cli/mod.rs` prints them.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use crate::analyse::words::{case_when, pending_text};
use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::eval::{Answer, Bound, Case, Deadline, Op, Warning};
use crate::ics::previous::UID_DOMAIN;
use crate::ics::{Alarm, IcsCalendar, IcsEvent, When};
use crate::model::dates::show_date;
use crate::model::expr::{BoundName, MeetingKind};
use crate::model::facts::{Company, Facts};
use crate::model::rule::Status;

/// Renders diagnostics for people with miette's handler: no colour unless
/// `color` is set.
pub fn render_diagnostics(diags: &[Diagnostic], color: bool) -> String {
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme).with_width(100);
    let mut out = String::new();
    for d in diags {
        let _ = writeln!(out, "{}", d.location());
        let _ = handler.render_report(&mut out, d);
    }
    out
}

fn time_text(b: &Bound) -> String {
    b.time.as_ref().map_or_else(
        || "-".to_owned(),
        |m| format!("{} {}", m.local.format("%H:%M"), m.zone.name()),
    )
}

/// Whose deadline it is: the company's side or the shareholder's.
fn who(d: &Deadline) -> &'static str {
    match d.actor {
        Some(crate::model::rule::Actor::Company) => "company",
        Some(crate::model::rule::Actor::Board) => "board",
        Some(crate::model::rule::Actor::Shareholder) => "holder",
        Some(crate::model::rule::Actor::Dissident) => "dissident",
        None => "-",
    }
}

fn days_from(today: NaiveDate, d: NaiveDate) -> String {
    let n = d.signed_duration_since(today).num_days();
    if n == 0 {
        "today".to_owned()
    } else {
        format!("{n:+}")
    }
}

/// One table row: a computed bound.
struct Row<'a> {
    date: NaiveDate,
    bound: BoundName,
    b: &'a Bound,
    d: &'a Deadline<'a>,
}

fn rows<'a>(deadlines: &'a [Deadline<'a>]) -> Vec<Row<'a>> {
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
    rows.sort_by_key(|r| (r.date, r.d.id(), r.bound));
    rows
}

fn date_text(b: &Bound) -> String {
    let mut s = show_date(b.date);
    if let Some(m) = &b.time {
        let _ = write!(s, " {} {}", m.local.format("%H:%M"), m.zone.name());
    }
    s
}

/// The deadline's words (the law's, or why it does not apply), or nothing.
fn words(d: &Deadline<'_>) -> String {
    d.words
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default()
}

fn answer_text(c: &Case<'_>, a: &Answer<'_>) -> String {
    match a {
        Answer::Date(b) => date_text(b),
        Answer::Pending { .. } => pending_text(c, a).unwrap_or_default(),
    }
}

fn case_text(c: &Case<'_>) -> String {
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

/// Renders the table for people: computed bounds sorted by date, then the
/// reasoning, the answers without a date, conditional answers, warnings.
pub fn table(
    company: &Company,
    facts: &Facts,
    deadlines: &[Deadline],
    next_year: &[Deadline],
    today: NaiveDate,
    all: bool,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", heading(company, facts));
    let _ = writeln!(out, "Today: {}\n", show_date(today));
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
                    r.d.id(),
                    days_from(today, r.date),
                ]
            })
            .collect();
        let head = ["DATE", "TIME", "BOUND", "WHO", "RULE", "DAYS"];
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
            let _ = writeln!(out, "  {} ({})", d.id(), d.citation);
            for s in &d.trace {
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
            let _ = writeln!(out, "  {} ({})", d.id(), d.citation);
            // The steps that chose the branch, e.g. "the meeting is 80 days
            // before the anniversary"; the last step repeats the words.
            for s in d
                .trace
                .iter()
                .filter(|s| !matches!(s.op, Op::NoDate(_) | Op::Branch { applies: false, .. }))
            {
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
            let _ = writeln!(out, "  {} ({})", d.id(), d.citation);
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
            let _ = writeln!(
                out,
                "  {} ({}; {})",
                d.id(),
                d.citation,
                d.disclose_in_proxy.as_deref().unwrap_or_default()
            );
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
    if !warnings.is_empty() {
        let _ = writeln!(out, "\nWarnings:");
        for (id, w) in warnings {
            let _ = writeln!(out, "  {id}: {w}");
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
            let _ = writeln!(
                out,
                "\n{} not applicable to this meeting (--all lists {})",
                crate::error::plural(na.len(), "rule", "rules"),
                if na.len() == 1 { "it" } else { "them" }
            );
        }
    }
    out
}

/// Renders `explain`: every step of every deadline, with citations.
pub fn explain(company: &Company, facts: &Facts, deadlines: &[Deadline]) -> String {
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
    for d in deadlines {
        let _ = writeln!(out, "\n{} [{}]", d.id(), d.status.as_str());
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

/// The JSON Schema (draft 7) of the document [`json`] writes: every field,
/// what it means, and the forms of a case's structured `condition`. Kept by
/// hand beside the renderer; a test validates every example's output
/// against it, and it refuses fields it does not list.
pub const OUTPUT_SCHEMA: &str = include_str!("../../rules/schema/output.schema.json");

/// Renders the JSON document: company, facts, today and every deadline.
pub fn json(
    company: &Company,
    facts: &Facts,
    deadlines: &[Deadline],
    next_year: &[Deadline],
    today: NaiveDate,
) -> String {
    let doc = json_value(company, facts, deadlines, next_year, today);
    let mut s =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// The JSON document of [`json`], as a value (one line of `batch --format
/// jsonl`).
pub fn json_value(
    company: &Company,
    facts: &Facts,
    deadlines: &[Deadline],
    next_year: &[Deadline],
    today: NaiveDate,
) -> serde_json::Value {
    let next_facts: serde_json::Map<String, serde_json::Value> =
        crate::eval::next_year_facts(facts)
            .map(|f| {
                f.iter()
                    .map(|(n, d)| (n.to_owned(), serde_json::Value::String(d.to_string())))
                    .collect()
            })
            .unwrap_or_default();
    let facts_json: serde_json::Map<String, serde_json::Value> = facts
        .iter()
        .map(|(n, d)| (n.to_owned(), serde_json::Value::String(d.to_string())))
        .collect();
    serde_json::json!({
        "govcal": env!("CARGO_PKG_VERSION"),
        "company": {
            "name": company.name,
            "state": company.state,
            "exchange": company.exchange,
            "zone": company.zone.name(),
            "close_of_business": company.close_of_business.format("%H:%M").to_string(),
        },
        "meeting_kind": facts.meeting_kind,
        "facts": facts_json,
        "today": today.to_string(),
        "deadlines": deadlines,
        "next_year": {
            "facts": next_facts,
            "deadlines": next_year,
        },
    })
}

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
                        m.zone.name().to_owned(),
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

/// The company part of its calendar events' ids.
pub fn company_slug(company: &Company) -> String {
    slug(&company.name)
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

fn rule_title(rule: &str) -> String {
    rule.replace('_', " ")
}

/// One company's meeting and its deadlines, for a calendar.
#[derive(Debug, Clone, Copy)]
pub struct IcsRun<'a> {
    /// The company.
    pub company: &'a Company,
    /// Its meeting's facts.
    pub facts: &'a Facts,
    /// The deadlines computed for it.
    pub deadlines: &'a [Deadline<'a>],
}

/// Which meeting a calendar event belongs to, as written in its UID:
/// `annual-2004` or `special-2026`. The year of an annual meeting is the
/// year after last year's meeting when that is known (it does not move
/// when this year's meeting date does), else the meeting's own year; a
/// special meeting's is its own year.
pub fn meeting_cycle(facts: &Facts) -> String {
    let meeting_year = facts.get("meeting").map(|d| d.year());
    let (kind, year) = match facts.meeting_kind {
        MeetingKind::Annual => (
            "annual",
            facts
                .get("prior_meeting")
                .map(|d| d.year() + 1)
                .or(meeting_year),
        ),
        MeetingKind::Special => ("special", meeting_year),
    };
    match year {
        Some(y) => format!("{kind}-{y}"),
        None => kind.to_owned(),
    }
}

/// The company and meeting parts of a UID that govcal wrote
/// (`pack.rule.bound.company.meeting@govcal`): neither part holds a dot.
pub fn uid_meeting(uid: &str) -> Option<(&str, &str)> {
    let body = uid.strip_suffix(UID_DOMAIN)?;
    let mut parts = body.rsplitn(3, '.');
    let cycle = parts.next()?;
    let company = parts.next()?;
    parts.next()?;
    Some((company, cycle))
}

/// The calendar's name: `govcal: HemaCare Corporation deadlines`, or for
/// several companies `govcal: deadlines of 3 companies (A, B and C)`.
/// `first` holds the first names (three are shown), `total` the number of
/// companies.
pub fn calendar_name(first: &[&str], total: usize) -> String {
    match (first, total) {
        ([], _) | (_, 0) => "govcal: deadlines".to_owned(),
        ([one, ..], 1) => format!("govcal: {one} deadlines"),
        (names, total) => {
            let shown = &names[..names.len().min(3)];
            let mut list = shown[..shown.len() - 1].join(", ");
            if total > shown.len() {
                let _ = write!(
                    list,
                    ", {} and {} more",
                    shown[shown.len() - 1],
                    total - shown.len()
                );
            } else {
                let _ = write!(list, " and {}", shown[shown.len() - 1]);
            }
            format!("govcal: deadlines of {total} companies ({list})")
        }
    }
}

/// Builds the calendar: one event per computed bound of every run, sorted
/// by date, then company, then UID.
///
/// # Errors
///
/// [`Error::Usage`] when two runs would write events with the same UID (the
/// same company and meeting given twice).
pub fn ics_calendar(
    runs: &[IcsRun<'_>],
    sources: &[String],
    today: NaiveDate,
    alarms: &[chrono::TimeDelta],
) -> Result<IcsCalendar> {
    let mut events: Vec<(NaiveDate, String, IcsEvent)> = Vec::new();
    let mut owners: HashMap<String, usize> = HashMap::new();
    for (i, run) in runs.iter().enumerate() {
        let company = run.company;
        let key = format!("{}.{}", company_slug(company), meeting_cycle(run.facts));
        if let Some(&j) = owners.get(&key) {
            let name = |k: usize| sources.get(k).map_or("(flags)", String::as_str);
            return Err(Error::usage(
                format!(
                    "`{}` and `{}` describe the same company and meeting ({}, {}): their calendar events would share ids",
                    name(j),
                    name(i),
                    company.name,
                    meeting_cycle(run.facts).replace('-', " meeting ")
                ),
                Some("give each company and meeting once; to compare two versions of one meeting, use `--previous`".to_owned()),
            ));
        }
        owners.insert(key.clone(), i);
        for r in rows(run.deadlines) {
            let event = ics_event(company, &key, &r, alarms);
            events.push((r.date, company.name.clone(), event));
        }
    }
    events.sort_by(|a, b| (a.0, &a.1, &a.2.uid).cmp(&(b.0, &b.1, &b.2.uid)));
    let mut names: Vec<&str> = Vec::new();
    for run in runs {
        if !names.contains(&run.company.name.as_str()) {
            names.push(&run.company.name);
        }
    }
    Ok(IcsCalendar {
        name: calendar_name(&names, names.len()),
        dtstamp: today,
        events: events.into_iter().map(|(_, _, e)| e).collect(),
    })
}

/// One event: what is due, the trace and the citation.
fn ics_event(
    company: &Company,
    meeting: &str,
    r: &Row<'_>,
    alarms: &[chrono::TimeDelta],
) -> IcsEvent {
    let d = r.d;
    let uid = format!(
        "{}.{}.{}.{meeting}{UID_DOMAIN}",
        d.pack,
        d.rule,
        r.bound.as_str(),
    );
    let verb = match r.bound {
        BoundName::Opens => "opens",
        BoundName::Closes => "closes",
    };
    let summary = format!("{}: {} {verb}", company.name, rule_title(&d.rule));
    let mut description = format!("{}\n\n", d.summary);
    for s in &d.trace {
        let _ = writeln!(description, "- {s}");
    }
    let _ = write!(description, "\nCitation: {}", d.citation);
    let _ = write!(
        description,
        "\nRule: {} (pack version {})",
        d.id(),
        d.pack_version
    );
    for w in &d.warnings {
        let _ = write!(description, "\nWarning: {w}");
    }
    let when = match &r.b.time {
        Some(m) => When::Timed {
            local: m.local,
            tz: m.zone,
        },
        None => When::AllDay(r.date),
    };
    let mut categories = vec!["govcal".to_owned()];
    if let Some(a) = d.actor {
        categories.push(format!("{a:?}").to_lowercase());
    }
    IcsEvent {
        uid,
        sequence: 0,
        summary,
        description,
        categories,
        url: d.url.clone(),
        when,
        alarms: alarms.iter().map(|a| Alarm { before: *a }).collect(),
        status: None,
        last_modified: None,
        stamp: None,
        verbatim: None,
    }
}
