//! Deadlines as calendar events: one event per computed bound, with a
//! stable UID, the trace and citation in its description, and reminders;
//! `ics` writes them as iCalendar text.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::table::{Row, rows};
use crate::analyse::coverage::NotCovered;
use crate::error::{Error, Result};
use crate::eval::Deadline;
use crate::ics::previous::UID_DOMAIN;
use crate::ics::{Alarm, IcsCalendar, IcsEvent, When};
use crate::model::expr::{BoundName, MeetingKind};
use crate::model::facts::{Company, Facts};
use crate::model::rule::Actor;
use crate::model::zone::Zone;

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

/// An event's `SUMMARY`: the company, who must act, the rule's title and
/// the bound ("Acme Corp. — Shareholder: Shareholder proposal deadline (Rule
/// 14a-8) closes"). A rule without a title shows its id in words. The
/// company is always named, so that an event reads the same in a calendar
/// of one company and of several (and `--previous` sees no rewording); the
/// titles, at most 80 characters, keep the rest near one 75-octet line.
fn event_summary(company: &str, d: &Deadline<'_>, verb: &str) -> String {
    let mut s = format!("{company} \u{2014} ");
    if let Some(a) = d.actor {
        let who = match a {
            Actor::Shareholder => "Shareholder",
            Actor::Company => "Company",
            Actor::Dissident => "Dissident",
            Actor::Board => "Board",
        };
        let _ = write!(s, "{who}: ");
    }
    if d.title == d.rule {
        s.push_str(&d.rule.replace('_', " "));
    } else {
        s.push_str(&d.title);
    }
    let _ = write!(s, " {verb}");
    s
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
    /// What the packs it was evaluated with do not cover; each event says so.
    pub not_covered: &'a [NotCovered],
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
/// (`pack.rule.bound.company.meeting@govcal`, or `…meeting+N@govcal` once
/// restarted): neither part holds a dot.
pub fn uid_meeting(uid: &str) -> Option<(&str, &str)> {
    let body = uid.strip_suffix(UID_DOMAIN)?;
    let (body, _) = crate::ics::previous::split_restart(body);
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
            let event = ics_event(&company.name, &key, &r, run.not_covered, alarms);
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

/// One event: what is due, the trace and the citation, and what the
/// calendar does not cover.
fn ics_event(
    company: &str,
    meeting: &str,
    r: &Row<'_>,
    not_covered: &[NotCovered],
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
    let summary = event_summary(company, d, verb);
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
    // The company's other deadlines, under law no loaded pack covers, are
    // not in this calendar: every event says so.
    for n in not_covered {
        let _ = write!(description, "\nNot covered: {}", n.says);
    }
    let when = match &r.b.time {
        Some(m) => match m.zone {
            Zone::Iana(tz) => When::Timed { local: m.local, tz },
            // A fixed offset is no zone a calendar program knows by name:
            // the instant itself, in UTC, imports right everywhere.
            Zone::Offset(_) => When::Utc(m.utc),
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
