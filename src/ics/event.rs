//! The events of a calendar (`VEVENT`: when a deadline falls, its
//! reminders and status) and the properties each is written with.

use std::fmt::Write as _;

use chrono::{Days, NaiveDate, NaiveDateTime, TimeDelta};
use chrono_tz::Tz;

use super::line::{Lines, push_text};
use super::value::{push_date, push_local, push_utc};

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
    /// a `DTEND` [`TIMED_LENGTH`] later in the same zone.
    Timed {
        /// Local wall-clock time in `tz`.
        local: NaiveDateTime,
        /// The IANA time zone of `local`.
        tz: Tz,
    },
    /// A deadline instant in UTC: `DTSTART:...Z` (RFC 5545 §3.3.5, form
    /// #2), a `DTEND` [`TIMED_LENGTH`] later, and no `VTIMEZONE`. For a
    /// time at a fixed offset, which has no IANA name.
    Utc(NaiveDateTime),
}

/// How long a timed event lasts: from the deadline to one minute after it.
///
/// A deadline is an instant, which RFC 5545 §3.6.1 writes as a `DTSTART`
/// without `DTEND` (a `DTEND` equal to the start is invalid, §3.8.2.2).
/// Readers differ on such events: some give them an hour (khal, several
/// widgets and importers), some hide a zero-length event altogether. An
/// explicit `DTEND` one minute later is valid everywhere, shows the event
/// at its time in every program, and is too short to read as a window
/// that stays open after the deadline. Reminders stay tied to the start.
pub const TIMED_LENGTH: TimeDelta = TimeDelta::minutes(1);

/// The `DTEND` of a timed event starting at `start` (wall time in its zone,
/// or UTC): [`TIMED_LENGTH`] later, or none at the end of time.
///
/// In a zone the end is the wall time one minute later, in the same zone:
/// RFC 5545 (§3.3.5) reads a repeated wall time as its first occurrence and
/// a skipped one with the offset before the gap, so that end is always
/// later than the start, even across a change of clocks.
pub(super) fn timed_end(start: NaiveDateTime) -> Option<NaiveDateTime> {
    start.checked_add_signed(TIMED_LENGTH)
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

/// Writes `ev` as a `VEVENT` block, or its verbatim text when it has one.
/// `dtstamp` is the calendar's stamp, used when the event has none.
pub(super) fn write_event(w: &mut Lines, ev: &IcsEvent, dtstamp: NaiveDateTime) {
    if let Some(v) = &ev.verbatim {
        w.out.push_str(v);
        return;
    }
    w.raw("BEGIN:VEVENT");
    w.text("UID", &ev.uid, false);
    w.prop("SEQUENCE", |s| {
        let _ = write!(s, "{}", ev.sequence);
    });
    w.prop("DTSTAMP", |s| push_utc(s, ev.stamp.unwrap_or(dtstamp)));
    match ev.when {
        When::AllDay(day) => {
            w.prop("DTSTART;VALUE=DATE", |s| push_date(s, day));
            // Without DTEND a DATE-valued event lasts one day anyway
            // (RFC 5545 §3.6.1), so NaiveDate::MAX just omits it.
            if let Some(next) = day.checked_add_days(Days::new(1)) {
                w.prop("DTEND;VALUE=DATE", |s| push_date(s, next));
            }
        }
        When::Timed { local, tz } => {
            w.prop_param("DTSTART", ("TZID", tz.name()), |s| push_local(s, local));
            if let Some(end) = timed_end(local) {
                w.prop_param("DTEND", ("TZID", tz.name()), |s| push_local(s, end));
            }
        }
        When::Utc(utc) => {
            w.prop("DTSTART", |s| push_utc(s, utc));
            if let Some(end) = timed_end(utc) {
                w.prop("DTEND", |s| push_utc(s, end));
            }
        }
    }
    w.text("SUMMARY", &ev.summary, false);
    w.text("DESCRIPTION", &ev.description, true);
    w.prop_if("CATEGORIES", |s| {
        let start = s.len();
        for c in &ev.categories {
            let mark = s.len();
            if mark > start {
                s.push(',');
            }
            let before = s.len();
            push_text(s, c);
            if s.len() == before {
                s.truncate(mark);
            }
        }
        s.len() > start
    });
    if let Some(url) = &ev.url {
        w.prop_if("URL", |s| {
            let before = s.len();
            push_uri(s, url);
            s.len() > before
        });
    }
    if let Some(status) = ev.status {
        w.raw(match status {
            EventStatus::Confirmed => "STATUS:CONFIRMED",
            EventStatus::Cancelled => "STATUS:CANCELLED",
        });
    }
    if let Some(at) = ev.last_modified {
        w.prop("LAST-MODIFIED", |s| push_utc(s, at));
    }
    w.raw("TRANSP:TRANSPARENT");
    for alarm in &ev.alarms {
        w.raw("BEGIN:VALARM");
        w.raw("ACTION:DISPLAY");
        w.text("DESCRIPTION", &ev.summary, false);
        w.prop("TRIGGER;RELATED=START", |s| push_trigger(s, alarm.before));
        w.raw("END:VALARM");
    }
    w.raw("END:VEVENT");
}

/// Percent-encodes characters that may not appear in a URI (RFC 3986) so a
/// `URL` value can never break the content-line framing. Valid URLs are
/// unchanged; surrounding whitespace is trimmed first.
fn push_uri(out: &mut String, url: &str) {
    let url = url.trim();
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
}

/// `TRIGGER` value (RFC 5545 §3.3.6 `dur-value`) for an alarm `before` the
/// start: `-P14D`, `-PT2H`, `-P1DT12H`, `-PT1H0M5S`, `PT0S`.
///
/// Weeks are never used (`dur-week` cannot be combined with days).
fn push_trigger(out: &mut String, before: TimeDelta) {
    let secs = before.num_seconds();
    if secs == 0 {
        out.push_str("PT0S");
        return;
    }
    out.push_str(if secs > 0 { "-P" } else { "P" });
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
}

#[cfg(test)]
pub(super) fn trigger(before: TimeDelta) -> String {
    let mut out = String::new();
    push_trigger(&mut out, before);
    out
}

#[cfg(test)]
mod tests {
    use super::super::line::{clean_text, escape_text, unescape_text, unfold};
    use super::super::tests::{date, event, nasty, parse, value};
    use super::super::{IcsCalendar, write_ics};
    use super::*;
    use chrono::Duration;
    use proptest::prelude::*;

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
