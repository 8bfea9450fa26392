//! iCalendar (RFC 5545 / RFC 7986) export of governance deadlines.
//!
//! The text is written here, line by line (`line::Lines`), rather than by
//! the `ical` crate's generator, whose defects in 0.11 (TEXT not escaped,
//! folding by characters, panics on some parameter values) cost more to
//! undo than the writing saves. This module:
//!
//! * escapes every TEXT value itself before building properties;
//! * never passes user text in parameters (only fixed ASCII values such as
//!   `VALUE=DATE`, `TZID=<IANA name>`, `RELATED=START`);
//! * writes DTSTAMP / LAST-MODIFIED as UTC (`...Z`) properties directly;
//! * builds VTIMEZONE components itself, derived from `chrono-tz`.
//!
//! `UTC` / `Etc/UTC` are treated like any other zone: a `VTIMEZONE` with a
//! single `STANDARD` observance at `+0000` is emitted and event times carry
//! `TZID=UTC`. This keeps every event in a named zone in the same `TZID`
//! form. A time at a fixed offset from UTC ([`When::Utc`]) has no IANA name
//! for a calendar program to recognise, and programs differ in what they
//! make of a made-up `TZID`; it is written as its instant in UTC form
//! (`DTSTART:20260115T220000Z`), which RFC 5545 defines and every program
//! reads the same way.
//!
//! Text normalisation (documented, lossy only for unrepresentable input):
//! CRLF / CR become line breaks, other control characters are dropped and
//! trailing whitespace of a value is trimmed (readers that trim physical
//! lines, `ical`'s among them, would drop it anyway). URLs are percent-encoded where they contain characters that are
//! not allowed in a URI (spaces, controls, non-ASCII and ``"<>\^`{|}``).
//!
//! This file writes a calendar; `event` holds the event types and their
//! properties, `zone` the `VTIMEZONE` blocks, `value` the value formats
//! they share, `line` escaping and folding, and [`previous`] reads an
//! earlier export back.

mod event;
mod line;
pub mod previous;
mod value;
mod zone;

use chrono::{NaiveDate, NaiveTime};

use event::write_event;
use line::Lines;
use zone::write_vtimezone;

pub use event::{Alarm, EventStatus, IcsEvent, TIMED_LENGTH, When};
pub use zone::{ZoneSpans, zone_spans};

/// Product identifier written as `PRODID` (RFC 5545 §3.7.3).
const PRODID: &str = "-//govcal//govcal//EN";

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

/// Writes the calendar as RFC 5545 text: CRLF line ends, ≤75-octet lines, escaped text.
///
/// Deterministic: the same input always yields the same bytes. Never panics.
/// Dates must lie in years 0000–9999 for the output to be RFC-valid.
#[must_use]
pub fn write_ics(cal: &IcsCalendar) -> String {
    let mut spans = ZoneSpans::new();
    zone_spans(&cal.events, &mut spans);
    render(&cal.name, &spans, &cal.events, cal.dtstamp)
}

/// The calendar text: properties, the `VTIMEZONE` of each zone in `spans`,
/// then `events`.
fn render(name: &str, spans: &ZoneSpans, events: &[IcsEvent], dtstamp: NaiveDate) -> String {
    let mut w = Lines::with_capacity(2048 + events.len() * 1024);
    write_head(&mut w, name, spans);
    write_events(&mut w, events, dtstamp);
    w.out.push_str(CALENDAR_END);
    w.out
}

/// The calendar's properties and zones. No `METHOD`: RFC 5545 §3.7.2 makes
/// it optional, and with it the file is an iTIP message (RFC 5546) whose
/// `PUBLISH` wants an `ORGANIZER` in every event; libical (Evolution)
/// rejects each event without one. An invented organizer would make every
/// deadline a meeting that someone else runs (programs then show it as an
/// invitation, or offer to mail replies). Without `METHOD` the file is a
/// plain calendar, the form a calendar server stores (RFC 4791 §4.1).
fn write_head(w: &mut Lines, name: &str, spans: &ZoneSpans) {
    w.raw("BEGIN:VCALENDAR");
    w.raw("VERSION:2.0");
    w.raw("CALSCALE:GREGORIAN");
    w.prop("PRODID", |s| s.push_str(PRODID));
    w.text("NAME", name, false);
    w.text("X-WR-CALNAME", name, false);
    for (tz, earliest, latest) in spans.values() {
        write_vtimezone(w, *tz, *earliest, *latest);
    }
}

fn write_events(w: &mut Lines, events: &[IcsEvent], dtstamp: NaiveDate) {
    let dtstamp = dtstamp.and_time(NaiveTime::MIN);
    for event in events {
        write_event(w, event, dtstamp);
    }
}

/// The end of a calendar, after its events.
pub const CALENDAR_END: &str = "END:VCALENDAR\r\n";

/// A calendar written in pieces, for portfolios too large to hold: the
/// head (properties and the `VTIMEZONE` of every zone in `spans`), then
/// the [`event_blocks`] of each part, then [`CALENDAR_END`]. The pieces
/// together are what [`write_ics`] writes for all the events at once.
pub fn calendar_head(name: &str, spans: &ZoneSpans) -> String {
    let mut w = Lines::with_capacity(4096);
    write_head(&mut w, name, spans);
    w.out
}

/// The `VEVENT` blocks of `cal`, as [`write_ics`] writes them.
pub fn event_blocks(cal: &IcsCalendar) -> String {
    let mut w = Lines::with_capacity(cal.events.len() * 1024);
    write_events(&mut w, &cal.events, cal.dtstamp);
    w.out
}

#[cfg(test)]
mod tests {
    use super::event::trigger;
    use super::line::{clean_text, escape_text};
    use super::value::{fmt_date, fmt_local, fmt_utc, utc_midnight};
    use super::*;
    use chrono::{Duration, NaiveDateTime};
    use chrono_tz::America::{Los_Angeles, New_York};
    use ical::parser::ical::component::IcalCalendar;
    use ical::property::Property;

    pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    pub(super) fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        date(y, m, d).and_hms_opt(h, 0, 0).unwrap()
    }

    fn crlf(lines: &[&str]) -> String {
        lines.iter().flat_map(|l| [*l, "\r\n"]).collect()
    }

    pub(super) fn event(uid: &str, summary: &str, when: When) -> IcsEvent {
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

    pub(super) fn sample() -> IcsCalendar {
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
            "DTEND;TZID=America/Los_Angeles:20040305T170100",
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
    pub(super) fn assert_framing(text: &str) {
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

    pub(super) fn parse(text: &str) -> IcalCalendar {
        let mut parser = ical::IcalParser::new(text.as_bytes());
        let cal = parser.next().expect("one calendar").expect("parses");
        assert!(parser.next().is_none());
        cal
    }

    pub(super) fn value<'a>(props: &'a [Property], name: &str) -> Option<&'a str> {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.as_deref())
    }

    pub(super) fn nasty() -> IcsCalendar {
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

    /// A deadline at a fixed offset, written as its UTC instant.
    fn utc_sample() -> IcsCalendar {
        let mut cal = sample();
        cal.events.push(event(
            "fixed-offset@govcal",
            "5:00 p.m. at UTC-5",
            When::Utc(at(2026, 7, 15, 22)),
        ));
        cal
    }

    /// 17:00 at UTC−5 on 15 Jul 2026 is 22:00 UTC: `DTSTART` in UTC form,
    /// with no `TZID` and no `VTIMEZONE` of its own.
    #[test]
    fn a_utc_deadline_is_written_in_utc_form_without_a_zone() {
        let text = write_ics(&utc_sample());
        assert!(
            text.contains("UID:fixed-offset@govcal\r\nSEQUENCE:0\r\nDTSTAMP:20040115T000000Z\r\nDTSTART:20260715T220000Z\r\nDTEND:20260715T220100Z\r\nSUMMARY:"),
            "{text}"
        );
        // Only the sample's Los Angeles event asks for a zone.
        assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 1, "{text}");
        assert!(text.contains("TZID:America/Los_Angeles\r\n"));
    }

    #[test]
    fn framing_and_parse_back() {
        for cal in [sample(), nasty(), utc_sample()] {
            let text = write_ics(&cal);
            assert_framing(&text);
            let parsed = parse(&text);
            assert_eq!(value(&parsed.properties, "VERSION"), Some("2.0"));
            assert_eq!(
                value(&parsed.properties, "PRODID"),
                Some("-//govcal//govcal//EN")
            );
            assert_eq!(value(&parsed.properties, "CALSCALE"), Some("GREGORIAN"));
            // No METHOD: a published file is not an iTIP message (see write_head).
            assert_eq!(value(&parsed.properties, "METHOD"), None);
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
                        let dtend = p.properties.iter().find(|p| p.name == "DTEND").unwrap();
                        assert_eq!(dtend.params, dtstart.params);
                        let end = local + Duration::minutes(1);
                        assert_eq!(dtend.value.as_deref(), Some(fmt_local(end).as_str()));
                    }
                    When::Utc(utc) => {
                        assert_eq!(dtstart.params, None);
                        assert_eq!(dtstart.value.as_deref(), Some(fmt_utc(utc).as_str()));
                        let end = fmt_utc(utc + Duration::minutes(1));
                        assert_eq!(value(&p.properties, "DTEND"), Some(end.as_str()));
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
}
