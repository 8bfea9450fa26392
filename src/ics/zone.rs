//! The `VTIMEZONE` blocks of a calendar: which zones its timed events use
//! and over what span ([`ZoneSpans`]), and each zone's observances, found
//! by scanning chrono-tz for offset changes.

use std::collections::BTreeMap;

use super::event::{IcsEvent, When};
use super::line::{Lines, push_text};
use super::value::push_local;
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};
use chrono_tz::{OffsetComponents, OffsetName, Tz, TzOffset};

/// First / last year scanned for zone transitions. chrono-tz 0.10 tabulates
/// transitions from 1844 to 2099 only; outside these years every zone has a
/// constant offset, so clamping keeps far-away years cheap without losing
/// any transition.
const SCAN_MIN_YEAR: i32 = 1800;
const SCAN_MAX_YEAR: i32 = 2100;

/// The local times each zone's timed events span, by zone name: what its
/// `VTIMEZONE` must cover.
pub type ZoneSpans = BTreeMap<&'static str, (Tz, NaiveDateTime, NaiveDateTime)>;

/// Widens `spans` to cover the timed events among `events`.
pub fn zone_spans(events: &[IcsEvent], spans: &mut ZoneSpans) {
    for ev in events {
        if let When::Timed { local, tz } = ev.when {
            // The zone must cover the event's DTEND too.
            let end = super::event::timed_end(local).unwrap_or(local);
            spans
                .entry(tz.name())
                .and_modify(|(_, lo, hi)| {
                    *lo = (*lo).min(local);
                    *hi = (*hi).max(end);
                })
                .or_insert((tz, local, end));
        }
    }
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

/// Whether an observance is standard or daylight time.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Standard,
    Daylight,
}

fn observance(w: &mut Lines, kind: Kind, onset: NaiveDateTime, from: &TzOffset, to: &TzOffset) {
    let (begin, end) = match kind {
        Kind::Standard => ("BEGIN:STANDARD", "END:STANDARD"),
        Kind::Daylight => ("BEGIN:DAYLIGHT", "END:DAYLIGHT"),
    };
    w.raw(begin);
    w.prop("DTSTART", |s| push_local(s, onset));
    let (from, to_text) = (fmt_offset(total_offset(from)), fmt_offset(total_offset(to)));
    w.prop("TZOFFSETFROM", |s| s.push_str(&from));
    w.prop("TZOFFSETTO", |s| s.push_str(&to_text));
    w.prop("TZNAME", |s| push_text(s, &abbreviation(to)));
    w.raw(end);
}

/// Writes the VTIMEZONE of `tz` covering events from `earliest` to `latest`
/// (local times): one observance per transition whose onset lies in
/// `earliest.year - 1 ..= latest.year + 1`, or a single STANDARD observance
/// when the offset is constant over that range.
///
/// If an event precedes the first transition (only possible for zones with
/// sparse transitions), a leading observance at Jan 1 of the range start
/// with the then-current offset is added, so every event is covered.
pub(super) fn write_vtimezone(
    w: &mut Lines,
    tz: Tz,
    earliest: NaiveDateTime,
    latest: NaiveDateTime,
) {
    let from_year = earliest.year().saturating_sub(1);
    let to_year = latest.year().saturating_add(1);
    let range_start = NaiveDate::from_ymd_opt(from_year, 1, 1)
        .unwrap_or(NaiveDate::MIN)
        .and_time(NaiveTime::MIN);
    w.raw("BEGIN:VTIMEZONE");
    w.prop("TZID", |s| s.push_str(tz.name()));
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
            observance(w, Kind::Standard, range_start.min(epoch), &off, &off);
        }
        Some((first_onset, first)) if earliest < *first_onset => {
            observance(
                w,
                kind_of(&first.from),
                range_start,
                &first.from,
                &first.from,
            );
        }
        Some(_) => {}
    }
    for (onset, t) in onsets {
        observance(w, kind_of(&t.to), onset, &t.from, &t.to);
    }
    w.raw("END:VTIMEZONE");
}

fn kind_of(offset: &TzOffset) -> Kind {
    if offset.dst_offset().is_zero() {
        Kind::Standard
    } else {
        Kind::Daylight
    }
}

#[cfg(test)]
mod tests {
    use super::super::line::unfold;
    use super::super::tests::{assert_framing, at, date, event, parse, value};
    use super::super::{IcsCalendar, write_ics};
    use super::*;
    use chrono::Duration;
    use chrono_tz::America::{Los_Angeles, New_York, Phoenix};
    use chrono_tz::Australia::Sydney;
    use chrono_tz::Europe::London;
    use ical::parser::ical::component::IcalTimeZoneTransitionType;

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
}
