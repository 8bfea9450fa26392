//! Updating a calendar that people have already imported (`--previous`).
//!
//! An earlier export is read back with the `ical` crate's parser, and the new
//! calendar is written so that a calendar program updates what it holds
//! instead of duplicating it (RFC 5545 §3.8.4.7 UID, §3.8.7.4 SEQUENCE):
//!
//! * every deadline keeps its `UID`;
//! * an event whose dates, text or reminders changed gets `SEQUENCE` one
//!   higher and a new `LAST-MODIFIED` and `DTSTAMP` (both later than the
//!   ones it had, even when two exports are made on one day);
//! * an unchanged event is copied byte for byte from the earlier file;
//! * a deadline that no longer exists is written once more, with
//!   `STATUS:CANCELLED`, `SEQUENCE` one higher and no reminders; an event
//!   that was already cancelled is copied unchanged, so importing the file
//!   again changes nothing;
//! * events of the same companies' other meetings are kept as they were;
//! * events of companies that are not in this run are kept as they were
//!   too: only the companies in the run may change (a portfolio's calendar
//!   can be updated one company at a time);
//! * events that govcal did not write (their UID does not end in
//!   [`UID_DOMAIN`]) are left out and counted.
//!
//! * an event whose `SEQUENCE` cannot go higher (RFC 5545 §3.3.8 makes it
//!   an INTEGER, at most 2,147,483,647) and that must change is restarted:
//!   it is written once more as cancelled, at the same `SEQUENCE` with a
//!   later `DTSTAMP` (which RFC 5546 §2.1.5 makes the tie-break), and the
//!   deadline continues under a new UID (`…+1@govcal`) from `SEQUENCE:0`,
//!   which every program takes as a new event;
//!
//! What "changed" means: every property of the event and of its alarms,
//! compared after unfolding, except `UID`, `SEQUENCE`, `DTSTAMP`,
//! `LAST-MODIFIED` and `CREATED`. A change of `DTSTART` is a move; a change
//! of `DTEND` alone (a timed event written before govcal wrote its end) is
//! a change.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::BufReader;
use std::ops::Range;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use chrono_tz::Tz;
use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use ical::property::Property;

use super::{EventStatus, IcsCalendar, IcsEvent, When, line, write_ics};
use crate::diag::{Diagnostic, SourceFile};

/// Every UID govcal writes ends with this.
pub const UID_DOMAIN: &str = "@govcal";

/// The highest `SEQUENCE`: the value is an RFC 5545 INTEGER (§3.3.8), a
/// signed 32-bit number. A higher one read back counts as this.
pub const MAX_SEQUENCE: u32 = 2_147_483_647;

/// The UID that continues `uid` once its `SEQUENCE` is at
/// [`MAX_SEQUENCE`]: `body@govcal` becomes `body+1@govcal`, `body+1@govcal`
/// becomes `body+2@govcal`.
fn successor(uid: &str) -> String {
    let body = uid.strip_suffix(UID_DOMAIN).unwrap_or(uid);
    let (base, n) = split_restart(body);
    format!("{base}+{}{UID_DOMAIN}", n + 1)
}

/// A UID's body without its restart count, and the count (0 if none).
pub fn split_restart(body: &str) -> (&str, u64) {
    match body.rsplit_once('+') {
        Some((base, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            (base, n.parse().unwrap_or(0))
        }
        _ => (body, 0),
    }
}

/// Properties that say when or how often an event was written, not what it
/// says: left out when events are compared.
const BOOKKEEPING: [&str; 5] = ["UID", "SEQUENCE", "DTSTAMP", "LAST-MODIFIED", "CREATED"];

/// An earlier export, read back.
#[derive(Debug, Default)]
pub struct Previous {
    events: Vec<PreviousEvent>,
    /// The calendar's name (`NAME`, else `X-WR-CALNAME`), unescaped.
    pub name: Option<String>,
    /// Events whose UID govcal did not write; they are not carried forward.
    pub foreign: usize,
}

/// One `VEVENT` of the earlier export.
#[derive(Debug)]
struct PreviousEvent {
    uid: String,
    sequence: u32,
    cancelled: bool,
    /// The later of its `DTSTAMP` and `LAST-MODIFIED`.
    stamp: Option<NaiveDateTime>,
    when: When,
    summary: String,
    description: String,
    categories: Vec<String>,
    url: Option<String>,
    /// Its text as written, CRLF line ends.
    raw: String,
    fingerprint: Fingerprint,
}

/// One property as the parser gives it: name, parameters (sorted), value.
type Prop = (String, Vec<(String, Vec<String>)>, String);

/// What an event says, for comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fingerprint {
    /// `DTSTART` and `DTEND`.
    when: Vec<Prop>,
    /// Every other property that is not bookkeeping.
    rest: Vec<Prop>,
    /// Each alarm's properties.
    alarms: Vec<Vec<Prop>>,
}

/// How the new calendar differs from the earlier one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    /// Deadlines the earlier export did not have.
    pub added: usize,
    /// Events whose date or time changed.
    pub moved: usize,
    /// Events whose text or reminders changed, not their date.
    pub changed: usize,
    /// Deadlines that no longer exist, written as cancelled.
    pub cancelled: usize,
    /// Events copied byte for byte (already-cancelled ones included).
    pub unchanged: usize,
    /// Events of the same companies' other meetings, copied as they were.
    pub kept: usize,
    /// Events of companies not in this run, copied as they were.
    pub other_companies: usize,
    /// Events of the earlier file that govcal did not write, left out.
    pub foreign: usize,
    /// Events whose `SEQUENCE` was at [`MAX_SEQUENCE`]: cancelled and
    /// continued under a new UID (also counted as moved or changed).
    pub restarted: usize,
}

impl fmt::Display for Changes {
    /// `3 moved, 1 cancelled, 12 unchanged`, with `N new` and `N changed`
    /// first when there are any, and the kept and left-out events after.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.added > 0 {
            write!(f, "{} new, ", self.added)?;
        }
        write!(f, "{} moved, ", self.moved)?;
        if self.changed > 0 {
            write!(f, "{} changed, ", self.changed)?;
        }
        write!(
            f,
            "{} cancelled, {} unchanged",
            self.cancelled, self.unchanged
        )?;
        if self.kept > 0 {
            write!(f, "; {} kept from other meetings", self.kept)?;
        }
        if self.other_companies > 0 {
            write!(
                f,
                "; {} of other companies kept as they were",
                self.other_companies
            )?;
        }
        if self.foreign > 0 {
            write!(f, "; {} not written by govcal left out", self.foreign)?;
        }
        if self.restarted > 0 {
            write!(
                f,
                "; {} restarted under a new UID, their SEQUENCE being at its limit",
                self.restarted
            )?;
        }
        Ok(())
    }
}

/// A `VEVENT` block found in the raw text.
struct Block {
    /// Byte span of the whole block in the file.
    span: Range<usize>,
    /// Its physical lines (without line ends) and their byte offsets.
    lines: Vec<(usize, String)>,
}

impl Block {
    fn raw(&self) -> String {
        let mut out = String::new();
        for (_, l) in &self.lines {
            out.push_str(l);
            out.push_str("\r\n");
        }
        out
    }

    /// The span of the first physical line of property `name`, else of
    /// `BEGIN:VEVENT`.
    fn span_of(&self, name: &str) -> Range<usize> {
        let found = self.lines.iter().find(|(_, l)| {
            l.len() > name.len()
                && l.is_char_boundary(name.len())
                && l[..name.len()].eq_ignore_ascii_case(name)
                && matches!(l.as_bytes()[name.len()], b':' | b';')
        });
        let (at, l) = found.unwrap_or(&self.lines[0]);
        *at..at + l.len()
    }
}

/// Finds the top-level `VEVENT` blocks of `text`.
fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    let mut offset = 0;
    for physical in text.split_inclusive('\n') {
        let content = physical.trim_end_matches(['\r', '\n']);
        let trimmed = content.trim_end();
        if let Some(block) = current.as_mut() {
            block.lines.push((offset, content.to_owned()));
            if trimmed.eq_ignore_ascii_case("END:VEVENT") {
                block.span.end = offset + content.len();
                out.extend(current.take());
            }
        } else if trimmed.eq_ignore_ascii_case("BEGIN:VEVENT") {
            current = Some(Block {
                span: offset..offset + content.len(),
                lines: vec![(offset, content.to_owned())],
            });
        }
        offset += physical.len();
    }
    out
}

/// Reads the bytes of an earlier export. `name` is the path as the user
/// gave it, for messages.
///
/// # Errors
///
/// Diagnostics at the place of each problem: text that is not UTF-8, text
/// the `ical` parser rejects, an event without a UID or with a start
/// govcal cannot read.
pub fn read(name: &str, bytes: &[u8]) -> Result<Previous, Vec<Diagnostic>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            let source = SourceFile::new(name, String::from_utf8_lossy(bytes).into_owned());
            let shown = String::from_utf8_lossy(&bytes[..at]).len();
            return Err(vec![
                Diagnostic::error(
                    &source,
                    shown..shown + 1,
                    "not UTF-8 text: an iCalendar file is UTF-8 (RFC 5545 §3.1.4)",
                )
                .with_help("give `--previous` the .ics file govcal wrote earlier"),
            ]);
        }
    };
    let source = SourceFile::new(name, text);
    // A lone CR ends a line too (a file saved on an old Mac, #18). Read as
    // LF, it keeps every byte offset, so places are the file's.
    let lf: String;
    let text = if text.contains('\r') {
        lf = lone_cr_as_lf(text);
        lf.as_str()
    } else {
        text
    };
    let whole = 0..text.len().min(1);
    let calendars = parse_calendars(text).map_err(|message| {
        vec![
            Diagnostic::error(&source, whole.clone(), message)
                .with_help("give `--previous` the .ics file govcal wrote earlier"),
        ]
    })?;
    if calendars.is_empty() {
        return Err(vec![
            Diagnostic::error(
                &source,
                whole,
                "no `BEGIN:VCALENDAR` found: this is not an iCalendar file",
            )
            .with_help("give `--previous` the .ics file govcal wrote earlier"),
        ]);
    }
    let parsed: Vec<&IcalEvent> = calendars.iter().flat_map(|c| c.events.iter()).collect();
    let raw = blocks(text);
    if raw.len() != parsed.len() {
        return Err(vec![Diagnostic::error(
            &source,
            whole,
            format!(
                "found {} `BEGIN:VEVENT` lines but the `ical` parser read {} events",
                raw.len(),
                parsed.len()
            ),
        )]);
    }
    let mut previous = Previous {
        name: calendar_name(&calendars),
        ..Previous::default()
    };
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for (event, block) in parsed.into_iter().zip(&raw) {
        match read_event(event, block, &source) {
            Ok(Some(e)) => {
                // The first of two events with one UID wins (they would be
                // one event in a calendar program anyway).
                if seen.insert(e.uid.clone()) {
                    previous.events.push(e);
                }
            }
            Ok(None) => previous.foreign += 1,
            Err(d) => problems.push(d),
        }
    }
    if problems.is_empty() {
        Ok(previous)
    } else {
        Err(problems)
    }
}

/// The first calendar's `NAME`, else its `X-WR-CALNAME`, unescaped.
fn calendar_name(calendars: &[IcalCalendar]) -> Option<String> {
    let props = &calendars.first()?.properties;
    ["NAME", "X-WR-CALNAME"].iter().find_map(|name| {
        props
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
            .and_then(|p| p.value.as_deref())
            .map(line::unescape_text)
            .filter(|n| !n.trim().is_empty())
    })
}

/// `text` with each CR not followed by LF made LF: same length, same offsets.
fn lone_cr_as_lf(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(if c == '\r' && chars.peek() != Some(&'\n') {
            '\n'
        } else {
            c
        });
    }
    out
}

/// Runs the `ical` parser over every calendar in `text`.
fn parse_calendars(text: &str) -> Result<Vec<IcalCalendar>, String> {
    let reader = BufReader::new(text.as_bytes());
    let mut out = Vec::new();
    for cal in ical::IcalParser::new(reader) {
        out.push(cal.map_err(|e| format!("the `ical` parser cannot read this file: {e}"))?);
    }
    Ok(out)
}

fn value<'a>(event: &'a IcalEvent, name: &str) -> Option<&'a Property> {
    event
        .properties
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(name))
}

fn param<'a>(p: &'a Property, name: &str) -> Option<&'a str> {
    p.params
        .as_ref()?
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .and_then(|(_, v)| v.first())
        .map(|v| v.trim_matches('"'))
}

/// Reads one event; `Ok(None)` for an event govcal did not write.
fn read_event(
    event: &IcalEvent,
    block: &Block,
    source: &Arc<SourceFile>,
) -> Result<Option<PreviousEvent>, Diagnostic> {
    let text_of = |name: &str| {
        value(event, name)
            .and_then(|p| p.value.as_deref())
            .map(line::unescape_text)
    };
    let Some(uid) = text_of("UID").filter(|u| !u.trim().is_empty()) else {
        return Err(Diagnostic::error(
            source,
            block.span_of("BEGIN"),
            "this event has no UID, so govcal cannot tell which deadline it was",
        )
        .with_help("give `--previous` the .ics file govcal wrote earlier"));
    };
    if !uid.ends_with(UID_DOMAIN) {
        return Ok(None);
    }
    let sequence = match value(event, "SEQUENCE").and_then(|p| p.value.as_deref()) {
        None => 0,
        // Past MAX_SEQUENCE (as 4294967295) is out of RFC 5545's range
        // but within a u32: taken as at the limit, so the event restarts.
        Some(v) => v
            .trim()
            .parse::<u32>()
            .map(|n| n.min(MAX_SEQUENCE))
            .map_err(|_| {
                Diagnostic::error(
                    source,
                    block.span_of("SEQUENCE"),
                    format!(
                        "SEQUENCE must be a small whole number (RFC 5545 §3.8.7.4), found `{v}`"
                    ),
                )
            })?,
    };
    let when = value(event, "DTSTART")
        .and_then(read_when)
        .ok_or_else(|| {
            Diagnostic::error(
                source,
                block.span_of("DTSTART"),
                format!("event `{uid}`: govcal cannot read its start (a DATE, a time with a TZID naming an IANA zone, or a UTC time)"),
            )
        })?;
    let utc = |name: &str| {
        value(event, name)
            .and_then(|p| p.value.as_deref())
            .and_then(read_utc)
    };
    let stamp = utc("DTSTAMP").max(utc("LAST-MODIFIED"));
    let cancelled = text_of("STATUS").is_some_and(|s| s.trim().eq_ignore_ascii_case("CANCELLED"));
    let categories = value(event, "CATEGORIES")
        .and_then(|p| p.value.as_deref())
        .map(split_list)
        .unwrap_or_default();
    Ok(Some(PreviousEvent {
        sequence,
        cancelled,
        stamp,
        when,
        summary: text_of("SUMMARY").unwrap_or_default(),
        description: text_of("DESCRIPTION").unwrap_or_default(),
        categories,
        url: value(event, "URL").and_then(|p| p.value.clone()),
        raw: block.raw(),
        fingerprint: fingerprint(event),
        uid,
    }))
}

/// Splits a TEXT list at unescaped commas and unescapes each item.
fn split_list(v: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                current.push(c);
                if let Some(n) = chars.next() {
                    current.push(n);
                }
            }
            ',' => items.push(std::mem::take(&mut current)),
            c => current.push(c),
        }
    }
    items.push(current);
    items.iter().map(|s| line::unescape_text(s)).collect()
}

fn read_when(p: &Property) -> Option<When> {
    let v = p.value.as_deref()?.trim();
    if param(p, "VALUE").is_some_and(|x| x.eq_ignore_ascii_case("DATE")) || v.len() == 8 {
        return NaiveDate::parse_from_str(v, "%Y%m%d")
            .ok()
            .map(When::AllDay);
    }
    if let Some(zone) = param(p, "TZID") {
        let tz: Tz = zone.parse().ok()?;
        let local = NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S").ok()?;
        return Some(When::Timed { local, tz });
    }
    read_utc(v).map(When::Utc)
}

fn read_utc(v: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(v.trim().strip_suffix('Z')?, "%Y%m%dT%H%M%S").ok()
}

fn props(list: &[Property]) -> Vec<Prop> {
    let mut out: Vec<Prop> = list
        .iter()
        .filter(|p| !BOOKKEEPING.iter().any(|b| p.name.eq_ignore_ascii_case(b)))
        .map(|p| {
            let mut params: Vec<(String, Vec<String>)> = p
                .params
                .clone()
                .unwrap_or_default()
                .into_iter()
                .map(|(n, v)| (n.to_ascii_uppercase(), v))
                .collect();
            params.sort();
            (
                p.name.to_ascii_uppercase(),
                params,
                p.value.clone().unwrap_or_default(),
            )
        })
        .collect();
    out.sort();
    out
}

impl Fingerprint {
    /// Its `DTSTART`: what says whether an event moved.
    fn start(&self) -> Option<&Prop> {
        self.when.iter().find(|(n, _, _)| n == "DTSTART")
    }
}

fn fingerprint(event: &IcalEvent) -> Fingerprint {
    let (when, rest): (Vec<Prop>, Vec<Prop>) = props(&event.properties)
        .into_iter()
        .partition(|(n, _, _)| n == "DTSTART" || n == "DTEND");
    let mut alarms: Vec<Vec<Prop>> = event.alarms.iter().map(|a| props(&a.properties)).collect();
    alarms.sort();
    Fingerprint { when, rest, alarms }
}

/// What `event` will look like once written, read back the way the earlier
/// file was read.
fn fingerprint_of(event: &IcsEvent) -> Option<Fingerprint> {
    let text = write_ics(&IcsCalendar {
        name: String::new(),
        dtstamp: NaiveDate::MIN,
        events: vec![event.clone()],
    });
    let calendars = parse_calendars(&text).ok()?;
    calendars
        .first()
        .and_then(|c| c.events.first())
        .map(fingerprint)
}

/// Where an earlier event that the new calendar does not have goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unmatched {
    /// It belongs to another meeting of a company in this calendar: keep it.
    Keep,
    /// It belongs to a company that is not in this run: keep it as it was.
    OtherCompany,
    /// Its deadline no longer exists: cancel it.
    Cancel,
}

/// Rewrites `cal` (a fresh calendar, every `SEQUENCE` 0) as an update of
/// `previous`, made on `today`. `unmatched` says what to do with an
/// earlier govcal event whose UID the new calendar lacks.
pub fn carry_forward(
    cal: &mut IcsCalendar,
    previous: &Previous,
    today: NaiveDate,
    unmatched: impl Fn(&str) -> Unmatched,
) -> Changes {
    let mut changes = Changes {
        foreign: previous.foreign,
        ..Changes::default()
    };
    let midnight = today.and_time(NaiveTime::MIN);
    let bump = |old: &PreviousEvent| {
        old.stamp
            .and_then(|s| s.checked_add_signed(TimeDelta::seconds(1)))
            .map_or(midnight, |s| s.max(midnight))
    };
    let by_uid: HashMap<&str, &PreviousEvent> = previous
        .events
        .iter()
        .map(|e| (e.uid.as_str(), e))
        .collect();
    let mut matched: HashSet<&str> = HashSet::new();
    // Events at MAX_SEQUENCE that had to change: cancelled, continued by
    // their successor.
    let mut retired: HashSet<&str> = HashSet::new();
    for event in &mut cal.events {
        let new = fingerprint_of(event);
        let mut found = by_uid.get(event.uid.as_str()).copied();
        let mut last_retired = None;
        while let Some(old) = found
            && old.sequence >= MAX_SEQUENCE
            && (old.cancelled || new.as_ref() != Some(&old.fingerprint))
        {
            retired.insert(old.uid.as_str());
            last_retired = Some(old);
            event.uid = successor(&old.uid);
            found = by_uid.get(event.uid.as_str()).copied();
        }
        let old = match (found, last_retired) {
            (Some(old), _) => old,
            (None, Some(gone)) => {
                // A first event under the new UID, SEQUENCE 0.
                changes.restarted += 1;
                if new
                    .as_ref()
                    .is_some_and(|n| n.start() == gone.fingerprint.start())
                {
                    changes.changed += 1;
                } else {
                    changes.moved += 1;
                }
                continue;
            }
            (None, None) => {
                changes.added += 1;
                continue;
            }
        };
        matched.insert(old.uid.as_str());
        if !old.cancelled && new.as_ref() == Some(&old.fingerprint) {
            event.verbatim = Some(old.raw.clone());
            changes.unchanged += 1;
            continue;
        }
        if new
            .as_ref()
            .is_some_and(|n| n.start() == old.fingerprint.start())
        {
            changes.changed += 1;
        } else {
            changes.moved += 1;
        }
        if old.cancelled {
            // A deadline that comes back: say so explicitly, since some
            // programs keep a status the update does not repeat.
            event.status = Some(EventStatus::Confirmed);
        }
        let at = bump(old);
        event.sequence = old.sequence.saturating_add(1).min(MAX_SEQUENCE);
        event.last_modified = Some(at);
        event.stamp = Some(at);
    }
    // Earlier events the new calendar lacks, in the earlier file's order.
    let mut tail: BTreeMap<usize, IcsEvent> = BTreeMap::new();
    for (i, old) in previous.events.iter().enumerate() {
        if matched.contains(old.uid.as_str()) {
            continue;
        }
        let verbatim = IcsEvent {
            uid: old.uid.clone(),
            sequence: old.sequence,
            summary: old.summary.clone(),
            description: old.description.clone(),
            categories: old.categories.clone(),
            url: old.url.clone(),
            when: old.when,
            alarms: Vec::new(),
            status: None,
            last_modified: None,
            stamp: None,
            verbatim: Some(old.raw.clone()),
        };
        if old.cancelled {
            changes.unchanged += 1;
            tail.insert(i, verbatim);
            continue;
        }
        if retired.contains(old.uid.as_str()) {
            // Its SEQUENCE cannot go higher: the same one with a later
            // DTSTAMP is the update (RFC 5546 §2.1.5).
            let at = bump(old);
            tail.insert(
                i,
                IcsEvent {
                    summary: format!("Cancelled: {}", old.summary),
                    description: format!(
                        "Replaced by a new event (update of {}): this one's SEQUENCE \
                         cannot go higher.\n\n{}",
                        today.format("%a %-d %b %Y"),
                        old.description
                    ),
                    status: Some(EventStatus::Cancelled),
                    last_modified: Some(at),
                    stamp: Some(at),
                    verbatim: None,
                    ..verbatim
                },
            );
            continue;
        }
        match unmatched(&old.uid) {
            Unmatched::Keep => {
                changes.kept += 1;
                tail.insert(i, verbatim);
                continue;
            }
            Unmatched::OtherCompany => {
                changes.other_companies += 1;
                tail.insert(i, verbatim);
                continue;
            }
            Unmatched::Cancel => {}
        }
        changes.cancelled += 1;
        let at = bump(old);
        tail.insert(
            i,
            IcsEvent {
                sequence: old.sequence.saturating_add(1).min(MAX_SEQUENCE),
                summary: format!("Cancelled: {}", old.summary),
                description: format!(
                    "govcal no longer computes this deadline (update of {}).\n\n{}",
                    today.format("%a %-d %b %Y"),
                    old.description
                ),
                status: Some(EventStatus::Cancelled),
                last_modified: Some(at),
                stamp: Some(at),
                verbatim: None,
                ..verbatim
            },
        );
    }
    cal.events.extend(tail.into_values());
    changes
}

#[cfg(test)]
mod tests;
