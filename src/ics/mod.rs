//! iCalendar (RFC 5545 / RFC 7986) export of governance deadlines.
//!
//! The text is produced by the `ical` crate's generator
//! ([`ical::generator::Emitter`]) and post-processed by the `line` module
//! (octet folding, CRLF). Because `ical` 0.11 has known defects, this module:
//!
//! * escapes every TEXT value itself before building properties;
//! * never passes user text in parameters (only fixed ASCII values such as
//!   `VALUE=DATE`, `TZID=<IANA name>`, `RELATED=START`);
//! * writes DTSTAMP / LAST-MODIFIED as UTC (`...Z`) properties directly;
//! * builds VTIMEZONE components itself, derived from `chrono-tz`.
//!
//! `UTC` / `Etc/UTC` are treated like any other zone: a `VTIMEZONE` with a
//! single `STANDARD` observance at `+0000` is emitted and event times carry
//! `TZID=UTC`. This keeps every timed event in the same `TZID` form.
//!
//! Text normalisation (documented, lossy only for unrepresentable input):
//! CRLF / CR become line breaks, other control characters are dropped and
//! trailing whitespace of a value is trimmed (readers that trim physical
//! lines, `ical`'s among them, would drop it anyway). URLs are percent-encoded where they contain characters that are
//! not allowed in a URI (spaces, controls, non-ASCII and ``"<>\^`{|}``).

mod line;
pub mod previous;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{
    DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, TimeZone,
    Timelike,
};
use chrono_tz::{OffsetComponents, OffsetName, Tz, TzOffset};
use ical::generator::{Emitter, IcalCalendarBuilder};
use ical::parser::ical::component::{
    IcalAlarm, IcalEvent, IcalTimeZone, IcalTimeZoneTransition, IcalTimeZoneTransitionType,
};
use ical::property::Property;

/// Product identifier written as `PRODID` (RFC 5545 §3.7.3).
const PRODID: &str = "-//govcal//govcal//EN";

/// First / last year scanned for zone transitions. chrono-tz 0.10 tabulates
/// transitions from 1844 to 2099 only; outside these years every zone has a
/// constant offset, so clamping keeps far-away years cheap without losing
/// any transition.
const SCAN_MIN_YEAR: i32 = 1800;
const SCAN_MAX_YEAR: i32 = 2100;

/// A calendar of deadline events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsCalendar {
    /// Calendar name, written as `NAME` (RFC 7986 §5.1) and `X-WR-CALNAME`.
    pub name: String,
    /// Written as `DTSTAMP` of every event: this day at 00:00:00Z. Taken as
    /// input (not "now") so that output is reproducible.
    pub dtstamp: NaiveDate,
    /// Events, written in the given order.
    pub events: Vec<IcsEvent>,
}

/// One deadline (a `VEVENT`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsEvent {
    /// `UID`; the caller guarantees it is stable and namespaced.
    pub uid: String,
    /// `SEQUENCE` (always written, 0 by convention for a first version).
    pub sequence: u32,
    /// `SUMMARY`: what is due.
    pub summary: String,
    /// `DESCRIPTION`: multi-line text; line breaks are written as `\n`.
    /// Omitted when empty.
    pub description: String,
    /// One `CATEGORIES` property, comma-separated, each value escaped.
    /// Empty values are skipped; omitted when none remain.
    pub categories: Vec<String>,
    /// `URL`, when present.
    pub url: Option<String>,
    /// When the deadline falls.
    pub when: When,
    /// `VALARM` reminders.
    pub alarms: Vec<Alarm>,
    /// `STATUS`, when present.
    pub status: Option<EventStatus>,
    /// `LAST-MODIFIED` (a UTC instant), when present.
    pub last_modified: Option<NaiveDateTime>,
    /// `DTSTAMP` of this event (a UTC instant); the calendar's `dtstamp`
    /// when absent.
    pub stamp: Option<NaiveDateTime>,
    /// The event's text exactly as an earlier export wrote it (CRLF lines
    /// from `BEGIN:VEVENT` to `END:VEVENT`), written instead of the fields:
    /// an unchanged event keeps its bytes. `when` must still describe it,
    /// so that its zone gets a `VTIMEZONE`.
    pub verbatim: Option<String>,
}

/// When a deadline falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// An all-day deadline: `DTSTART;VALUE=DATE` and an exclusive
    /// `DTEND;VALUE=DATE` on the next day.
    AllDay(NaiveDate),
    /// A deadline instant in local wall time of `tz`: `DTSTART;TZID=...` and
    /// no `DTEND`, which RFC 5545 §3.6.1 reads as an event that ends when it
    /// starts (an equal `DTEND` would break §3.8.2.2: DTEND must be later).
    Timed {
        /// Local wall-clock time in `tz`.
        local: NaiveDateTime,
        /// The IANA time zone of `local`.
        tz: Tz,
    },
}

/// A display reminder (`VALARM` with `ACTION:DISPLAY`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alarm {
    /// How long before the start the reminder fires
    /// (`TRIGGER;RELATED=START:-P14D`). Sub-second parts are truncated; a
    /// negative value fires after the start; zero fires at the start.
    pub before: TimeDelta,
}

/// `STATUS` of an event (RFC 5545 §3.8.1.11).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventStatus {
    /// `STATUS:CONFIRMED`.
    Confirmed,
    /// `STATUS:CANCELLED`.
    Cancelled,
}

/// Writes the calendar as RFC 5545 text: CRLF line ends, ≤75-octet lines, escaped text.
///
/// Deterministic: the same input always yields the same bytes. Never panics.
/// Dates must lie in years 0000–9999 for the output to be RFC-valid.
#[must_use]
pub fn write_ics(cal: &IcsCalendar) -> String {
    let mut spans = ZoneSpans::new();
    zone_spans(&cal.events, &mut spans);
    let text = render(&cal.name, &spans, &cal.events, cal.dtstamp);
    if cal.events.iter().any(|e| e.verbatim.is_some()) {
        splice_verbatim(&text, &cal.events)
    } else {
        text
    }
}

/// The calendar text: properties, the `VTIMEZONE` of each zone in `spans`,
/// then `events`.
fn render(name: &str, spans: &ZoneSpans, events: &[IcsEvent], dtstamp: NaiveDate) -> String {
    let name = text(name);
    let mut builder = IcalCalendarBuilder::version("2.0")
        .gregorian()
        .prodid(PRODID)
        .set(prop("METHOD", "PUBLISH"))
        .set(prop("NAME", name.clone()))
        .set(prop("X-WR-CALNAME", name));
    for (tz, earliest, latest) in spans.values() {
        builder = builder.add_tz(vtimezone(*tz, *earliest, *latest));
    }
    let dtstamp = utc_midnight(dtstamp);
    for event in events {
        let stamp = event.stamp.map_or_else(|| dtstamp.clone(), fmt_utc);
        builder = builder.add_event(build_event(event, &stamp));
    }
    line::finish(&builder.build().generate())
}

/// The local times each zone's timed events span, by zone name: what its
/// `VTIMEZONE` must cover.
pub type ZoneSpans = BTreeMap<&'static str, (Tz, NaiveDateTime, NaiveDateTime)>;

/// Widens `spans` to cover the timed events among `events`.
pub fn zone_spans(events: &[IcsEvent], spans: &mut ZoneSpans) {
    for ev in events {
        if let When::Timed { local, tz } = ev.when {
            spans
                .entry(tz.name())
                .and_modify(|(_, lo, hi)| {
                    *lo = (*lo).min(local);
                    *hi = (*hi).max(local);
                })
                .or_insert((tz, local, local));
        }
    }
}

/// The end of a calendar, after its events.
pub const CALENDAR_END: &str = "END:VCALENDAR\r\n";

/// A calendar written in pieces, for portfolios too large to hold: the
/// head (properties and the `VTIMEZONE` of every zone in `spans`), then
/// the [`event_blocks`] of each part, then [`CALENDAR_END`]. The pieces
/// together are what [`write_ics`] writes for all the events at once.
pub fn calendar_head(name: &str, spans: &ZoneSpans) -> String {
    let text = render(name, spans, &[], NaiveDate::MIN);
    text.strip_suffix(CALENDAR_END).unwrap_or(&text).to_owned()
}

/// The `VEVENT` blocks of `cal`, as [`write_ics`] writes them.
pub fn event_blocks(cal: &IcsCalendar) -> String {
    let text = render("", &ZoneSpans::new(), &cal.events, cal.dtstamp);
    match text.find("\r\nBEGIN:VEVENT\r\n") {
        Some(at) => text[at + 2..]
            .strip_suffix(CALENDAR_END)
            .unwrap_or(&text[at + 2..])
            .to_owned(),
        None => String::new(),
    }
}

/// Replaces the rendering of each event that has `verbatim` text with that
/// text. Events are written in order, one `BEGIN:VEVENT` line each (folded
/// lines start with a space, so the match is exact).
fn splice_verbatim(text: &str, events: &[IcsEvent]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut index = 0;
    let mut skipping = false;
    for line in text.split_inclusive("\r\n") {
        let content = line.trim_end_matches("\r\n");
        if skipping {
            if content == "END:VEVENT" {
                skipping = false;
            }
            continue;
        }
        if content == "BEGIN:VEVENT" {
            let verbatim = events.get(index).and_then(|e| e.verbatim.as_deref());
            index += 1;
            if let Some(v) = verbatim {
                out.push_str(v);
                skipping = true;
                continue;
            }
        }
        out.push_str(line);
    }
    out
}

/// Cleans and escapes user text for a TEXT value.
fn text(s: &str) -> String {
    line::escape_text(&line::clean_text(s))
}

fn prop(name: &str, value: impl Into<String>) -> Property {
    Property {
        name: name.to_owned(),
        params: None,
        value: Some(value.into()),
    }
}

/// A property with one fixed-ASCII parameter (never user text: `ical`'s
/// `protect_params` panics on some values).
fn prop_with(name: &str, param: &str, param_value: &str, value: String) -> Property {
    Property {
        name: name.to_owned(),
        params: Some(vec![(param.to_owned(), vec![param_value.to_owned()])]),
        value: Some(value),
    }
}

fn fmt_date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn fmt_local(dt: NaiveDateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}",
        fmt_date(dt.date()),
        dt.hour(),
        dt.minute(),
        dt.second()
    )
}

/// `DATE-TIME` in UTC form (RFC 5545 §3.3.5, form #2) at 00:00:00.
fn utc_midnight(d: NaiveDate) -> String {
    format!("{}T000000Z", fmt_date(d))
}

/// `DATE-TIME` in UTC form (RFC 5545 §3.3.5, form #2).
fn fmt_utc(t: NaiveDateTime) -> String {
    format!("{}Z", fmt_local(t))
}

fn build_event(ev: &IcsEvent, dtstamp: &str) -> IcalEvent {
    let mut e = IcalEvent::new();
    let p = &mut e.properties;
    p.push(prop("UID", text(&ev.uid)));
    p.push(prop("SEQUENCE", ev.sequence.to_string()));
    p.push(prop("DTSTAMP", dtstamp));
    match ev.when {
        When::AllDay(day) => {
            p.push(prop_with("DTSTART", "VALUE", "DATE", fmt_date(day)));
            // Without DTEND a DATE-valued event lasts one day anyway
            // (RFC 5545 §3.6.1), so NaiveDate::MAX just omits it.
            if let Some(next) = day.checked_add_days(Days::new(1)) {
                p.push(prop_with("DTEND", "VALUE", "DATE", fmt_date(next)));
            }
        }
        When::Timed { local, tz } => {
            let v = fmt_local(local);
            p.push(prop_with("DTSTART", "TZID", tz.name(), v));
        }
    }
    let summary = text(&ev.summary);
    p.push(prop("SUMMARY", summary.clone()));
    let description = text(&ev.description);
    if !description.is_empty() {
        p.push(prop("DESCRIPTION", description));
    }
    let categories: Vec<String> = ev
        .categories
        .iter()
        .map(|c| text(c))
        .filter(|c| !c.is_empty())
        .collect();
    if !categories.is_empty() {
        p.push(prop("CATEGORIES", categories.join(",")));
    }
    if let Some(url) = ev.url.as_deref().map(clean_uri).filter(|u| !u.is_empty()) {
        p.push(prop("URL", url));
    }
    if let Some(status) = ev.status {
        let s = match status {
            EventStatus::Confirmed => "CONFIRMED",
            EventStatus::Cancelled => "CANCELLED",
        };
        p.push(prop("STATUS", s));
    }
    if let Some(at) = ev.last_modified {
        p.push(prop("LAST-MODIFIED", fmt_utc(at)));
    }
    p.push(prop("TRANSP", "TRANSPARENT"));
    for alarm in &ev.alarms {
        let mut a = IcalAlarm::new();
        a.properties.push(prop("ACTION", "DISPLAY"));
        a.properties.push(prop("DESCRIPTION", summary.clone()));
        a.properties.push(prop_with(
            "TRIGGER",
            "RELATED",
            "START",
            trigger(alarm.before),
        ));
        e.alarms.push(a);
    }
    e
}

/// Percent-encodes characters that may not appear in a URI (RFC 3986) so a
/// `URL` value can never break the content-line framing. Valid URLs are
/// unchanged; surrounding whitespace is trimmed first.
fn clean_uri(url: &str) -> String {
    let url = url.trim();
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        let needs_encoding = !c.is_ascii()
            || c.is_ascii_control()
            || matches!(
                c,
                ' ' | '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}'
            );
        if needs_encoding {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `TRIGGER` value (RFC 5545 §3.3.6 `dur-value`) for an alarm `before` the
/// start: `-P14D`, `-PT2H`, `-P1DT12H`, `-PT1H0M5S`, `PT0S`.
///
/// Weeks are never used (`dur-week` cannot be combined with days).
fn trigger(before: TimeDelta) -> String {
    let secs = before.num_seconds();
    if secs == 0 {
        return "PT0S".to_owned();
    }
    let mut out = String::from(if secs > 0 { "-P" } else { "P" });
    let total = secs.unsigned_abs();
    let (days, rem) = (total / 86_400, total % 86_400);
    let (h, m, s) = (rem / 3600, rem % 3600 / 60, rem % 60);
    if days > 0 {
        let _ = write!(out, "{days}D");
    }
    if rem > 0 {
        out.push('T');
        if h > 0 {
            let _ = write!(out, "{h}H");
        }
        // dur-hour = 1*DIGIT "H" [dur-minute]; dur-minute = 1*DIGIT "M" [dur-second]
        if m > 0 || (h > 0 && s > 0) {
            let _ = write!(out, "{m}M");
        }
        if s > 0 {
            let _ = write!(out, "{s}S");
        }
    }
    out
}

/// `utc-offset` (RFC 5545 §3.3.14): `+HHMM` or `+HHMMSS`; zero is `+0000`.
fn fmt_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs % 3600 / 60, abs % 60);
    if s == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{s:02}")
    }
}

fn total_offset(o: &TzOffset) -> i32 {
    o.fix().local_minus_utc()
}

fn abbreviation(o: &TzOffset) -> String {
    o.abbreviation()
        .map_or_else(|| fmt_offset(total_offset(o)), str::to_owned)
}

/// A zone offset change, found by scanning chrono-tz.
#[derive(Debug, Clone, Copy)]
struct Transition {
    /// First UTC instant (Unix seconds) with the new offset.
    at: i64,
    from: TzOffset,
    to: TzOffset,
}

impl Transition {
    /// Onset in local time *before* the change (RFC 5545 §3.6.5: DTSTART
    /// of an observance is in the offset in effect before it).
    fn local_onset(&self) -> Option<NaiveDateTime> {
        DateTime::from_timestamp(self.at + i64::from(total_offset(&self.from)), 0)
            .map(|d| d.naive_utc())
    }
}

fn offset_at(tz: Tz, ts: i64) -> Option<TzOffset> {
    DateTime::from_timestamp(ts, 0).map(|d| tz.offset_from_utc_datetime(&d.naive_utc()))
}

fn year_start_ts(year: i32) -> Option<i64> {
    NaiveDate::from_ymd_opt(year, 1, 1).map(|d| d.and_time(NaiveTime::MIN).and_utc().timestamp())
}

/// All transitions of `tz` whose local onset falls in
/// `first_year-01-01 ..= last_year-12-31`.
///
/// Samples the offset once per UTC day (with a day of padding each side)
/// and bisects to the second inside any day whose endpoints differ.
/// Assumes no zone changes offset and back within one day.
fn find_transitions(tz: Tz, first_year: i32, last_year: i32) -> Vec<Transition> {
    const DAY: i64 = 86_400;
    let lo_year = first_year.max(SCAN_MIN_YEAR);
    let hi_year = last_year.min(SCAN_MAX_YEAR);
    let mut found = Vec::new();
    if lo_year > hi_year {
        return found;
    }
    let (Some(start), Some(end)) = (year_start_ts(lo_year), year_start_ts(hi_year + 1)) else {
        return found;
    };
    let mut day = start - DAY;
    while day < end + DAY {
        let next_day = day + DAY;
        let (Some(mut current), Some(at_next_day)) = (offset_at(tz, day), offset_at(tz, next_day))
        else {
            break;
        };
        let mut from = day;
        while current != at_next_day {
            // Bisect: offset(below) == current, offset(above) != current.
            let (mut below, mut above) = (from, next_day);
            while above - below > 1 {
                let mid = below + (above - below) / 2;
                if offset_at(tz, mid) == Some(current) {
                    below = mid;
                } else {
                    above = mid;
                }
            }
            let Some(to) = offset_at(tz, above) else {
                break;
            };
            found.push(Transition {
                at: above,
                from: current,
                to,
            });
            from = above;
            current = to;
        }
        day = next_day;
    }
    found.retain(|t| {
        t.local_onset()
            .is_some_and(|l| (first_year..=last_year).contains(&l.year()))
    });
    found
}

fn observance(
    kind: IcalTimeZoneTransitionType,
    onset: NaiveDateTime,
    from: &TzOffset,
    to: &TzOffset,
) -> IcalTimeZoneTransition {
    let mut t = IcalTimeZoneTransition::new(kind);
    t.properties.push(prop("DTSTART", fmt_local(onset)));
    t.properties
        .push(prop("TZOFFSETFROM", fmt_offset(total_offset(from))));
    t.properties
        .push(prop("TZOFFSETTO", fmt_offset(total_offset(to))));
    t.properties
        .push(prop("TZNAME", line::escape_text(&abbreviation(to))));
    t
}

/// VTIMEZONE for `tz` covering events from `earliest` to `latest` (local
/// times): one observance per transition whose onset lies in
/// `earliest.year - 1 ..= latest.year + 1`, or a single STANDARD observance
/// when the offset is constant over that range.
///
/// If an event precedes the first transition (only possible for zones with
/// sparse transitions), a leading observance at Jan 1 of the range start
/// with the then-current offset is added, so every event is covered.
fn vtimezone(tz: Tz, earliest: NaiveDateTime, latest: NaiveDateTime) -> IcalTimeZone {
    let from_year = earliest.year().saturating_sub(1);
    let to_year = latest.year().saturating_add(1);
    let range_start = NaiveDate::from_ymd_opt(from_year, 1, 1)
        .unwrap_or(NaiveDate::MIN)
        .and_time(NaiveTime::MIN);
    let mut zone = IcalTimeZone::new();
    zone.properties.push(prop("TZID", tz.name()));
    let transitions = find_transitions(tz, from_year, to_year);
    let onsets: Vec<(NaiveDateTime, &Transition)> = transitions
        .iter()
        .filter_map(|t| t.local_onset().map(|o| (o, t)))
        .collect();
    match onsets.first() {
        None => {
            // Constant offset over the range: one STANDARD observance from
            // 1970 (or from the range start, if that is earlier).
            let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)
                .unwrap_or(NaiveDate::MIN)
                .and_time(NaiveTime::MIN);
            let off = tz.offset_from_utc_datetime(&range_start);
            zone.transitions.push(observance(
                IcalTimeZoneTransitionType::STANDARD,
                range_start.min(epoch),
                &off,
                &off,
            ));
        }
        Some((first_onset, first)) if earliest < *first_onset => {
            zone.transitions.push(observance(
                kind_of(&first.from),
                range_start,
                &first.from,
                &first.from,
            ));
        }
        Some(_) => {}
    }
    for (onset, t) in onsets {
        zone.transitions
            .push(observance(kind_of(&t.to), onset, &t.from, &t.to));
    }
    zone
}

fn kind_of(offset: &TzOffset) -> IcalTimeZoneTransitionType {
    if offset.dst_offset().is_zero() {
        IcalTimeZoneTransitionType::STANDARD
    } else {
        IcalTimeZoneTransitionType::DAYLIGHT
    }
}

#[cfg(test)]
mod tests {
    use super::line::{clean_text, escape_text, unescape_text, unfold};
    use super::*;
    use chrono::{Duration, NaiveTime};
    use chrono_tz::America::{Los_Angeles, New_York, Phoenix};
    use chrono_tz::Australia::Sydney;
    use chrono_tz::Europe::London;
    use ical::parser::ical::component::IcalCalendar;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        date(y, m, d).and_hms_opt(h, 0, 0).unwrap()
    }

    fn crlf(lines: &[&str]) -> String {
        lines.iter().flat_map(|l| [*l, "\r\n"]).collect()
    }

    fn event(uid: &str, summary: &str, when: When) -> IcsEvent {
        IcsEvent {
            uid: uid.to_owned(),
            sequence: 0,
            summary: summary.to_owned(),
            description: String::new(),
            categories: Vec::new(),
            url: None,
            when,
            alarms: Vec::new(),
            status: None,
            last_modified: None,
            stamp: None,
            verbatim: None,
        }
    }

    fn sample() -> IcsCalendar {
        IcsCalendar {
            name: "Acme, Inc. — 2004 deadlines: nominations, proposals and SEC forms—§14a-8"
                .to_owned(),
            dtstamp: date(2004, 1, 15),
            events: vec![
                IcsEvent {
                    uid: "nomination-window-close-2004@acme.govcal".to_owned(),
                    sequence: 0,
                    summary: "Nomination notice due; Acme, Inc.".to_owned(),
                    description: "Advance notice under bylaws §2.4\nSource: DEF 14A (2003)"
                        .to_owned(),
                    categories: vec!["govcal".to_owned(), "shareholder".to_owned()],
                    url: Some("https://www.sec.gov/".to_owned()),
                    when: When::AllDay(date(2004, 3, 5)),
                    alarms: vec![Alarm {
                        before: Duration::days(14),
                    }],
                    status: Some(EventStatus::Confirmed),
                    last_modified: None,
                    stamp: None,
                    verbatim: None,
                },
                IcsEvent {
                    uid: "proposal-14a8-2004@acme.govcal".to_owned(),
                    sequence: 1,
                    summary: "Rule 14a-8 proposal deadline".to_owned(),
                    description: "Proposals must be received by the Corporate Secretary, at \
                                  the office — see Rule 14a-8(e)(2) and bylaws §2.4; late \
                                  proposals are excluded."
                        .to_owned(),
                    categories: Vec::new(),
                    url: None,
                    when: When::Timed {
                        local: at(2004, 3, 5, 17),
                        tz: Los_Angeles,
                    },
                    alarms: vec![
                        Alarm {
                            before: Duration::days(14),
                        },
                        Alarm {
                            before: Duration::days(1),
                        },
                    ],
                    status: None,
                    last_modified: Some(at(2004, 1, 10, 0)),
                    stamp: None,
                    verbatim: None,
                },
            ],
        }
    }

    /// Written by hand from RFC 5545: the LA rules before 2007 were first
    /// Sunday of April / last Sunday of October at 02:00 local; DTSTART of an
    /// observance is in the offset before the change. Folding: 75 octets on
    /// the first physical line, " " + 74 on continuations, never after a
    /// space, never inside "—" (3 octets).
    #[test]
    fn golden_small_calendar() {
        let mut tz = vec!["BEGIN:VTIMEZONE", "TZID:America/Los_Angeles"];
        let obs = [
            ("DAYLIGHT", "20030406T020000", "-0800", "-0700", "PDT"),
            ("STANDARD", "20031026T020000", "-0700", "-0800", "PST"),
            ("DAYLIGHT", "20040404T020000", "-0800", "-0700", "PDT"),
            ("STANDARD", "20041031T020000", "-0700", "-0800", "PST"),
            ("DAYLIGHT", "20050403T020000", "-0800", "-0700", "PDT"),
            ("STANDARD", "20051030T020000", "-0700", "-0800", "PST"),
        ];
        let obs_lines: Vec<[String; 6]> = obs
            .iter()
            .map(|(k, start, from, to, name)| {
                [
                    format!("BEGIN:{k}"),
                    format!("DTSTART:{start}"),
                    format!("TZOFFSETFROM:{from}"),
                    format!("TZOFFSETTO:{to}"),
                    format!("TZNAME:{name}"),
                    format!("END:{k}"),
                ]
            })
            .collect();
        for o in &obs_lines {
            tz.extend(o.iter().map(String::as_str));
        }
        tz.push("END:VTIMEZONE");

        let mut expected = crlf(&[
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "PRODID:-//govcal//govcal//EN",
            "METHOD:PUBLISH",
            // 74 octets: the 75th would be the first octet of "—".
            "NAME:Acme\\, Inc. — 2004 deadlines: nominations\\, proposals and SEC forms",
            " —§14a-8",
            "X-WR-CALNAME:Acme\\, Inc. — 2004 deadlines: nominations\\, proposals and SE",
            " C forms—§14a-8",
        ]);
        expected += &crlf(&tz);
        expected += &crlf(&[
            "BEGIN:VEVENT",
            "UID:nomination-window-close-2004@acme.govcal",
            "SEQUENCE:0",
            "DTSTAMP:20040115T000000Z",
            "DTSTART;VALUE=DATE:20040305",
            "DTEND;VALUE=DATE:20040306",
            "SUMMARY:Nomination notice due\\; Acme\\, Inc.",
            "DESCRIPTION:Advance notice under bylaws §2.4\\nSource: DEF 14A (2003)",
            "CATEGORIES:govcal,shareholder",
            "URL:https://www.sec.gov/",
            "STATUS:CONFIRMED",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:Nomination notice due\\; Acme\\, Inc.",
            "TRIGGER;RELATED=START:-P14D",
            "END:VALARM",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:proposal-14a8-2004@acme.govcal",
            "SEQUENCE:1",
            "DTSTAMP:20040115T000000Z",
            "DTSTART;TZID=America/Los_Angeles:20040305T170000",
            "SUMMARY:Rule 14a-8 proposal deadline",
            // The 75th octet is a space: break before it (74 octets).
            "DESCRIPTION:Proposals must be received by the Corporate Secretary\\, at the",
            "  office — see Rule 14a-8(e)(2) and bylaws §2.4\\; late proposals are exc",
            " luded.",
            "LAST-MODIFIED:20040110T000000Z",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:Rule 14a-8 proposal deadline",
            "TRIGGER;RELATED=START:-P14D",
            "END:VALARM",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:Rule 14a-8 proposal deadline",
            "TRIGGER;RELATED=START:-P1D",
            "END:VALARM",
            "END:VEVENT",
            "END:VCALENDAR",
        ]);
        let got = write_ics(&sample());
        if got != expected {
            for (i, (g, e)) in got.split("\r\n").zip(expected.split("\r\n")).enumerate() {
                assert_eq!(g, e, "line {i}");
            }
        }
        assert_eq!(got, expected);
        // Deterministic.
        assert_eq!(write_ics(&sample()), got);
    }

    /// Framing checks shared by several tests.
    fn assert_framing(text: &str) {
        assert!(text.ends_with("\r\n"));
        let body = &text[..text.len() - 2];
        for l in body.split("\r\n") {
            assert!(
                !l.contains('\r') && !l.contains('\n'),
                "bare CR/LF in {l:?}"
            );
            assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
            assert!(!l.is_empty());
            assert!(
                !l.ends_with(char::is_whitespace),
                "trailing whitespace: {l:?}"
            );
        }
    }

    fn parse(text: &str) -> IcalCalendar {
        let mut parser = ical::IcalParser::new(text.as_bytes());
        let cal = parser.next().expect("one calendar").expect("parses");
        assert!(parser.next().is_none());
        cal
    }

    fn value<'a>(props: &'a [Property], name: &str) -> Option<&'a str> {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.as_deref())
    }

    fn nasty() -> IcsCalendar {
        let mut cal = sample();
        cal.name = "Board; \"Gov\" — names, commas\\ and\nnewlines §".repeat(3);
        let mut e = event(
            "odd-uid;with,specials@govcal",
            &"Deadline, nominations; notice\\ok — § ".repeat(6),
            When::Timed {
                local: at(2026, 11, 1, 1),
                tz: New_York,
            },
        );
        e.description = "line one\nline two, with; specials\\\r\n\r\n—§ end ".repeat(4);
        e.categories = vec!["a,b".to_owned(), String::new(), "c;d\\e".to_owned()];
        e.url = Some("https://example.com/a b\n§".to_owned());
        e.status = Some(EventStatus::Cancelled);
        e.alarms = vec![
            Alarm {
                before: Duration::hours(36),
            },
            Alarm {
                before: Duration::seconds(3605),
            },
        ];
        cal.events.push(e);
        cal
    }

    #[test]
    fn framing_and_parse_back() {
        for cal in [sample(), nasty()] {
            let text = write_ics(&cal);
            assert_framing(&text);
            let parsed = parse(&text);
            assert_eq!(value(&parsed.properties, "VERSION"), Some("2.0"));
            assert_eq!(
                value(&parsed.properties, "PRODID"),
                Some("-//govcal//govcal//EN")
            );
            assert_eq!(value(&parsed.properties, "CALSCALE"), Some("GREGORIAN"));
            assert_eq!(value(&parsed.properties, "METHOD"), Some("PUBLISH"));
            let name = escape_text(&clean_text(&cal.name));
            assert_eq!(value(&parsed.properties, "NAME"), Some(name.as_str()));
            assert_eq!(
                value(&parsed.properties, "X-WR-CALNAME"),
                Some(name.as_str())
            );
            let tzids: Vec<_> = parsed
                .timezones
                .iter()
                .map(|z| value(&z.properties, "TZID").unwrap())
                .collect();
            let mut sorted = tzids.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(tzids, sorted);
            assert_eq!(parsed.events.len(), cal.events.len());
            for (p, e) in parsed.events.iter().zip(&cal.events) {
                let names: Vec<&str> = p.properties.iter().map(|p| p.name.as_str()).collect();
                let order = [
                    "UID",
                    "SEQUENCE",
                    "DTSTAMP",
                    "DTSTART",
                    "DTEND",
                    "SUMMARY",
                    "DESCRIPTION",
                    "CATEGORIES",
                    "URL",
                    "STATUS",
                    "LAST-MODIFIED",
                    "TRANSP",
                ];
                let positions: Vec<usize> = names
                    .iter()
                    .map(|n| order.iter().position(|o| o == n).expect("known property"))
                    .collect();
                assert!(positions.windows(2).all(|w| w[0] < w[1]), "{names:?}");
                assert_eq!(
                    value(&p.properties, "UID"),
                    Some(escape_text(&e.uid).as_str())
                );
                assert_eq!(
                    value(&p.properties, "SEQUENCE"),
                    Some(e.sequence.to_string().as_str())
                );
                assert_eq!(
                    value(&p.properties, "DTSTAMP"),
                    Some(utc_midnight(cal.dtstamp).as_str())
                );
                let summary = escape_text(&clean_text(&e.summary));
                assert_eq!(value(&p.properties, "SUMMARY"), Some(summary.as_str()));
                let desc = escape_text(&clean_text(&e.description));
                assert_eq!(
                    value(&p.properties, "DESCRIPTION"),
                    (!desc.is_empty()).then_some(desc.as_str())
                );
                assert_eq!(value(&p.properties, "TRANSP"), Some("TRANSPARENT"));
                let dtstart = p.properties.iter().find(|p| p.name == "DTSTART").unwrap();
                match e.when {
                    When::AllDay(d) => {
                        assert_eq!(
                            dtstart.params,
                            Some(vec![("VALUE".to_owned(), vec!["DATE".to_owned()])])
                        );
                        assert_eq!(dtstart.value.as_deref(), Some(fmt_date(d).as_str()));
                    }
                    When::Timed { local, tz } => {
                        assert_eq!(
                            dtstart.params,
                            Some(vec![("TZID".to_owned(), vec![tz.name().to_owned()])])
                        );
                        assert!(tzids.contains(&tz.name()));
                        assert_eq!(dtstart.value.as_deref(), Some(fmt_local(local).as_str()));
                        assert_eq!(value(&p.properties, "DTEND"), None);
                    }
                }
                assert_eq!(p.alarms.len(), e.alarms.len());
                for (pa, a) in p.alarms.iter().zip(&e.alarms) {
                    assert_eq!(value(&pa.properties, "ACTION"), Some("DISPLAY"));
                    assert_eq!(value(&pa.properties, "DESCRIPTION"), Some(summary.as_str()));
                    assert_eq!(
                        value(&pa.properties, "TRIGGER"),
                        Some(trigger(a.before).as_str())
                    );
                }
            }
        }
    }

    #[test]
    fn nasty_values_are_escaped() {
        let text = unfold(&write_ics(&nasty()));
        assert!(text.contains("\r\nCATEGORIES:a\\,b,c\\;d\\\\e\r\n"));
        assert!(text.contains("\r\nURL:https://example.com/a%20b%0A%C2%A7\r\n"));
        assert!(text.contains("\r\nUID:odd-uid\\;with\\,specials@govcal\r\n"));
        assert!(text.contains("\r\nSTATUS:CANCELLED\r\n"));
        assert!(text.contains("\r\nTRIGGER;RELATED=START:-P1DT12H\r\n"));
        assert!(text.contains("\r\nTRIGGER;RELATED=START:-PT1H0M5S\r\n"));
        assert!(text.contains(
            "\r\nDESCRIPTION:line one\\nline two\\, with\\; specials\\\\\\n\\n—§ end line one"
        ));
        // Trailing whitespace of the value is trimmed, inner kept.
        assert!(text.contains("—§ end\r\nCATEGORIES"));
    }

    #[test]
    fn escaping_example() {
        assert_eq!(
            escape_text("Deadline, nominations; notice\\ok"),
            "Deadline\\, nominations\\; notice\\\\ok"
        );
    }

    #[test]
    fn trigger_durations() {
        assert_eq!(trigger(Duration::days(14)), "-P14D");
        assert_eq!(trigger(Duration::hours(2)), "-PT2H");
        assert_eq!(trigger(Duration::hours(36)), "-P1DT12H");
        assert_eq!(trigger(Duration::minutes(90)), "-PT1H30M");
        assert_eq!(trigger(Duration::seconds(3605)), "-PT1H0M5S");
        assert_eq!(trigger(Duration::seconds(65)), "-PT1M5S");
        assert_eq!(trigger(Duration::seconds(5)), "-PT5S");
        assert_eq!(trigger(Duration::milliseconds(999)), "PT0S");
        assert_eq!(trigger(Duration::zero()), "PT0S");
        assert_eq!(trigger(-Duration::minutes(15)), "PT15M");
        assert_eq!(trigger(Duration::days(7) + Duration::seconds(1)), "-P7DT1S");
        // Extremes do not panic and stay well-formed.
        assert!(trigger(TimeDelta::MAX).starts_with("-P"));
        assert!(trigger(TimeDelta::MIN).starts_with('P'));
    }

    #[test]
    fn all_day_end_is_exclusive_and_max_date_safe() {
        let cal = IcsCalendar {
            name: String::new(),
            dtstamp: date(2026, 1, 1),
            events: vec![
                event("a", "Year end", When::AllDay(date(2026, 12, 31))),
                event("b", "Leap", When::AllDay(date(2028, 2, 28))),
                event("c", "Max", When::AllDay(NaiveDate::MAX)),
            ],
        };
        let text = write_ics(&cal);
        assert!(text.contains("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n"));
        assert!(text.contains("DTSTART;VALUE=DATE:20280228\r\nDTEND;VALUE=DATE:20280229\r\n"));
        assert!(!text.contains("BEGIN:VTIMEZONE"));
        assert_eq!(parse(&text).events.len(), 3);
    }

    // ---- VTIMEZONE ----

    fn parse_local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y%m%dT%H%M%S").unwrap()
    }

    fn parse_offset(s: &str) -> i64 {
        let sign = if s.starts_with('-') { -1 } else { 1 };
        let digits = &s[1..];
        let h: i64 = digits[0..2].parse().unwrap();
        let m: i64 = digits[2..4].parse().unwrap();
        let sec: i64 = digits.get(4..6).map_or(0, |x| x.parse().unwrap());
        sign * (h * 3600 + m * 60 + sec)
    }

    fn offset_secs(tz: Tz, utc: NaiveDateTime) -> i64 {
        i64::from(tz.offset_from_utc_datetime(&utc).fix().local_minus_utc())
    }

    /// Independent reference: hourly scan of chrono-tz.
    fn hourly_transitions(tz: Tz, from_year: i32, to_year: i32) -> Vec<NaiveDateTime> {
        let mut out = Vec::new();
        let mut t = date(from_year, 1, 1).and_time(NaiveTime::MIN) - Duration::days(1);
        let end = date(to_year + 1, 1, 1).and_time(NaiveTime::MIN) + Duration::days(1);
        let mut prev = tz.offset_from_utc_datetime(&t);
        while t < end {
            t += Duration::hours(1);
            let cur = tz.offset_from_utc_datetime(&t);
            if cur != prev {
                // local onset in the old offset
                let onset = t + Duration::seconds(i64::from(prev.fix().local_minus_utc()));
                if (from_year..=to_year).contains(&onset.year()) {
                    out.push(onset);
                }
            }
            prev = cur;
        }
        out
    }

    fn check_zone(tz: Tz, years: &[i32]) {
        let events = years
            .iter()
            .map(|y| {
                event(
                    "x",
                    "x",
                    When::Timed {
                        local: at(*y, 6, 1, 17),
                        tz,
                    },
                )
            })
            .collect();
        let cal = IcsCalendar {
            name: "tz".to_owned(),
            dtstamp: date(2026, 1, 1),
            events,
        };
        let text = write_ics(&cal);
        assert_framing(&text);
        let parsed = parse(&text);
        assert_eq!(parsed.timezones.len(), 1);
        let zone = &parsed.timezones[0];
        assert_eq!(value(&zone.properties, "TZID"), Some(tz.name()));
        let lo = years.iter().min().unwrap() - 1;
        let hi = years.iter().max().unwrap() + 1;
        let reference = hourly_transitions(tz, lo, hi);
        if reference.is_empty() {
            assert_eq!(zone.transitions.len(), 1, "{}", tz.name());
            let t = &zone.transitions[0];
            assert!(matches!(t.transition, IcalTimeZoneTransitionType::STANDARD));
            assert_eq!(value(&t.properties, "DTSTART"), Some("19700101T000000"));
            let from = value(&t.properties, "TZOFFSETFROM").unwrap();
            let to = value(&t.properties, "TZOFFSETTO").unwrap();
            assert_eq!(from, to);
            let utc = date(lo, 1, 1).and_time(NaiveTime::MIN);
            assert_eq!(parse_offset(to), offset_secs(tz, utc));
            return;
        }
        let onsets: Vec<NaiveDateTime> = zone
            .transitions
            .iter()
            .map(|t| parse_local(value(&t.properties, "DTSTART").unwrap()))
            .collect();
        assert_eq!(onsets, reference, "{}", tz.name());
        for t in &zone.transitions {
            let onset = parse_local(value(&t.properties, "DTSTART").unwrap());
            let from = parse_offset(value(&t.properties, "TZOFFSETFROM").unwrap());
            let to = parse_offset(value(&t.properties, "TZOFFSETTO").unwrap());
            let instant = onset - Duration::seconds(from);
            let before = instant - Duration::hours(1);
            let after = instant + Duration::hours(1);
            assert_eq!(offset_secs(tz, before), from, "{} {onset}", tz.name());
            assert_eq!(offset_secs(tz, after), to, "{} {onset}", tz.name());
            let after_off = tz.offset_from_utc_datetime(&after);
            assert_eq!(
                value(&t.properties, "TZNAME"),
                after_off.abbreviation(),
                "{} {onset}",
                tz.name()
            );
            let dst = !after_off.dst_offset().is_zero();
            assert_eq!(
                matches!(t.transition, IcalTimeZoneTransitionType::DAYLIGHT),
                dst
            );
        }
    }

    #[test]
    fn vtimezones_match_chrono_tz() {
        for tz in [New_York, Los_Angeles, Phoenix, London, Sydney] {
            check_zone(tz, &[2004]);
            check_zone(tz, &[2026]);
            check_zone(tz, &[2004, 2026]);
        }
    }

    #[test]
    fn vtimezone_counts_and_known_values() {
        // 2003..=2027, two transitions a year.
        let text = write_ics(&IcsCalendar {
            name: "n".to_owned(),
            dtstamp: date(2026, 1, 1),
            events: vec![
                event(
                    "a",
                    "a",
                    When::Timed {
                        local: at(2026, 3, 1, 9),
                        tz: Sydney,
                    },
                ),
                event(
                    "b",
                    "b",
                    When::Timed {
                        local: at(2004, 3, 1, 9),
                        tz: Sydney,
                    },
                ),
                event(
                    "c",
                    "c",
                    When::Timed {
                        local: at(2026, 3, 1, 9),
                        tz: London,
                    },
                ),
            ],
        });
        let parsed = parse(&text);
        let ids: Vec<_> = parsed
            .timezones
            .iter()
            .map(|z| value(&z.properties, "TZID").unwrap())
            .collect();
        assert_eq!(ids, ["Australia/Sydney", "Europe/London"]);
        assert_eq!(parsed.timezones[0].transitions.len(), 50);
        assert_eq!(parsed.timezones[1].transitions.len(), 6);
        // Sydney 2026: DST ends Sun 5 Apr 03:00 AEDT -> 02:00 AEST.
        assert!(unfold(&text).contains(
            "BEGIN:STANDARD\r\nDTSTART:20260405T030000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1000\r\nTZNAME:AEST\r\nEND:STANDARD"
        ));
        // London 2026: BST starts Sun 29 Mar 01:00 GMT.
        assert!(unfold(&text).contains(
            "BEGIN:DAYLIGHT\r\nDTSTART:20260329T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:BST\r\nEND:DAYLIGHT"
        ));
    }

    #[test]
    fn utc_and_far_years_do_not_panic() {
        let cal = IcsCalendar {
            name: "n".to_owned(),
            dtstamp: date(2026, 1, 1),
            events: vec![
                event(
                    "u",
                    "u",
                    When::Timed {
                        local: at(2026, 1, 1, 0),
                        tz: Tz::UTC,
                    },
                ),
                event(
                    "e",
                    "e",
                    When::Timed {
                        local: at(2026, 1, 1, 0),
                        tz: Tz::Etc__UTC,
                    },
                ),
                event(
                    "f",
                    "f",
                    When::Timed {
                        local: NaiveDateTime::MAX,
                        tz: New_York,
                    },
                ),
                event(
                    "g",
                    "g",
                    When::Timed {
                        local: NaiveDateTime::MIN,
                        tz: New_York,
                    },
                ),
                event(
                    "h",
                    "h",
                    When::Timed {
                        local: at(1500, 1, 1, 0),
                        tz: Phoenix,
                    },
                ),
            ],
        };
        let text = write_ics(&cal);
        assert_framing(&text);
        let unfolded = unfold(&text);
        assert!(unfolded.contains(
            "BEGIN:VTIMEZONE\r\nTZID:UTC\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\nTZNAME:UTC\r\nEND:STANDARD\r\nEND:VTIMEZONE"
        ));
        // Clamped scan: chrono-tz is constant outside 1800..=2100.
        for tz in [New_York, London, Sydney, Phoenix] {
            let early = date(1800, 1, 1).and_time(NaiveTime::MIN);
            let late = date(2101, 1, 1).and_time(NaiveTime::MIN);
            assert_eq!(offset_secs(tz, early), offset_secs(tz, NaiveDateTime::MIN));
            assert_eq!(offset_secs(tz, late), offset_secs(tz, NaiveDateTime::MAX));
        }
    }

    #[test]
    fn leading_observance_when_event_precedes_first_transition() {
        // Phoenix observed DST only in 1967 within 1965..=1967, so a Feb 1966
        // event precedes the first onset: a leading observance at the range
        // start (1965-01-01, MST) is added before the two 1967 transitions.
        let text = write_ics(&IcsCalendar {
            name: "n".to_owned(),
            dtstamp: date(2026, 1, 1),
            events: vec![event(
                "p",
                "p",
                When::Timed {
                    local: at(1966, 2, 1, 9),
                    tz: Phoenix,
                },
            )],
        });
        let zone = &parse(&text).timezones[0];
        let starts: Vec<_> = zone
            .transitions
            .iter()
            .map(|t| value(&t.properties, "DTSTART").unwrap())
            .collect();
        assert_eq!(starts[0], "19650101T000000");
        assert_eq!(
            value(&zone.transitions[0].properties, "TZOFFSETTO"),
            Some("-0700")
        );
        assert_eq!(starts.len(), 3, "{starts:?}");
    }

    // ---- properties ----

    fn one_event(summary: &str, description: &str) -> IcsCalendar {
        let mut e = event("p@govcal", summary, When::AllDay(date(2026, 5, 1)));
        e.description = description.to_owned();
        e.alarms = vec![Alarm {
            before: Duration::days(1),
        }];
        IcsCalendar {
            name: summary.to_owned(),
            dtstamp: date(2026, 1, 1),
            events: vec![e],
        }
    }

    fn summary_of(text: &str) -> String {
        let unfolded = unfold(text);
        let line = unfolded
            .split("\r\n")
            .find(|l| l.starts_with("SUMMARY:"))
            .unwrap();
        unescape_text(&line["SUMMARY:".len()..])
    }

    fn has_long_ws_run(s: &str) -> bool {
        let mut run = 0;
        for c in s.chars() {
            run = if c.is_whitespace() { run + 1 } else { 0 };
            if run >= 60 {
                return true;
            }
        }
        false
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_breaks_output(summary in any::<String>(), description in any::<String>()) {
            let text = write_ics(&one_event(&summary, &description));
            prop_assert!(text.ends_with("\r\n"));
            let ws_ok = !has_long_ws_run(&summary) && !has_long_ws_run(&description);
            for l in text[..text.len() - 2].split("\r\n") {
                prop_assert!(l.len() <= 75, "{} octets: {:?}", l.len(), l);
                prop_assert!(!l.contains('\r') && !l.contains('\n'));
                if ws_ok {
                    prop_assert!(!l.ends_with(char::is_whitespace), "{:?}", l);
                }
            }
            prop_assert_eq!(summary_of(&text), clean_text(&summary));
            let parsed = parse(&text);
            prop_assert_eq!(parsed.events.len(), 1);
            if ws_ok {
                let want = escape_text(&clean_text(&summary));
                // ical's parser strips leading ':' from values and maps "" to None.
                let want = want.trim_start_matches(':');
                let got = value(&parsed.events[0].properties, "SUMMARY").unwrap_or("");
                prop_assert_eq!(got, want);
            }
        }

        #[test]
        fn printable_summary_roundtrips_exactly(summary in "[^\\p{Cc}]*[^\\p{Cc}\\s]|") {
            let text = write_ics(&one_event(&summary, "d"));
            prop_assert_eq!(summary_of(&text), summary);
        }

        #[test]
        fn multiline_description_roundtrips(lines in proptest::collection::vec("[^\\p{Cc}]{0,40}", 1..6)) {
            let description = lines.join("\n");
            let text = write_ics(&one_event("s", &description));
            let unfolded = unfold(&text);
            // Only the VEVENT part, not the VALARM DESCRIPTION.
            let unfolded = unfolded.split("BEGIN:VALARM").next().unwrap_or_default();
            if let Some(line) = unfolded.split("\r\n").find(|l| l.starts_with("DESCRIPTION:")) {
                prop_assert_eq!(unescape_text(&line["DESCRIPTION:".len()..]), clean_text(&description));
            } else {
                prop_assert!(clean_text(&description).is_empty());
            }
        }
    }
}
