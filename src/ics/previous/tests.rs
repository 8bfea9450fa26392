//! Unit tests of reading an earlier export and carrying it forward.
use super::*;
use crate::ics::Alarm;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn event(uid: &str, when: When) -> IcsEvent {
    IcsEvent {
        uid: format!("{uid}{UID_DOMAIN}"),
        sequence: 0,
        summary: format!("Acme, Inc.: {uid} closes"),
        description: "Citation: 8 Del. C. § 222(b); see\nthe bylaws".to_owned(),
        categories: vec!["govcal".to_owned(), "company".to_owned()],
        url: None,
        when,
        alarms: vec![Alarm {
            before: TimeDelta::days(14),
        }],
        status: None,
        last_modified: None,
        stamp: None,
        verbatim: None,
    }
}

fn calendar(events: Vec<IcsEvent>, today: NaiveDate) -> IcsCalendar {
    IcsCalendar {
        name: "govcal: Acme, Inc. deadlines".to_owned(),
        dtstamp: today,
        events,
    }
}

fn timed(y: i32, m: u32, d: u32, h: u32) -> When {
    When::Timed {
        local: day(y, m, d).and_hms_opt(h, 0, 0).unwrap(),
        tz: Tz::America__Los_Angeles,
    }
}

fn update(old: &str, mut new: IcsCalendar, today: NaiveDate) -> (String, Changes) {
    let previous = read("old.ics", old.as_bytes()).unwrap();
    let changes = carry_forward(&mut new, &previous, today, |_| Unmatched::Cancel);
    (write_ics(&new), changes)
}

/// The VEVENT blocks of a calendar's text, by UID prefix.
fn block<'a>(text: &'a str, uid: &str) -> &'a str {
    let start = text.find(&format!("UID:{uid}")).unwrap();
    let begin = text[..start].rfind("BEGIN:VEVENT").unwrap();
    let end = begin + text[begin..].find("END:VEVENT\r\n").unwrap() + "END:VEVENT\r\n".len();
    &text[begin..end]
}

/// A deadline at a fixed offset, written in UTC form, is read back as
/// the same instant: unchanged, it keeps its bytes; moved an hour, it is
/// moved. Neither asks for a `VTIMEZONE`.
#[test]
fn a_utc_start_reads_back_as_the_same_instant() {
    let utc = |h| When::Utc(day(2026, 1, 15).and_hms_opt(h, 0, 0).unwrap());
    let first = write_ics(&calendar(vec![event("c", utc(22))], day(2026, 1, 5)));
    let previous = read("old.ics", first.as_bytes()).unwrap();
    assert_eq!(previous.events[0].when, utc(22));
    let (second, changes) = update(
        &first,
        calendar(vec![event("c", utc(22))], day(2026, 2, 1)),
        day(2026, 2, 1),
    );
    assert_eq!((changes.moved, changes.unchanged), (0, 1));
    assert_eq!(second, first);
    let (third, changes) = update(
        &first,
        calendar(vec![event("c", utc(23))], day(2026, 2, 1)),
        day(2026, 2, 1),
    );
    assert_eq!(changes.moved, 1);
    assert!(block(&third, "c@").contains("DTSTART:20260115T230000Z\r\n"));
    assert!(!third.contains("VTIMEZONE"), "{third}");
}

#[test]
fn unchanged_events_keep_their_bytes_and_moved_ones_get_a_higher_sequence() {
    let first = write_ics(&calendar(
        vec![
            event("a", When::AllDay(day(2026, 3, 2))),
            event("b", timed(2026, 3, 2, 17)),
        ],
        day(2026, 1, 5),
    ));
    let (second, changes) = update(
        &first,
        calendar(
            vec![
                event("a", When::AllDay(day(2026, 3, 9))),
                event("b", timed(2026, 3, 2, 17)),
            ],
            day(2026, 2, 1),
        ),
        day(2026, 2, 1),
    );
    assert_eq!(
        (
            changes.moved,
            changes.unchanged,
            changes.cancelled,
            changes.added
        ),
        (1, 1, 0, 0)
    );
    // b: the same bytes, its DTSTAMP of 5 Jan included.
    assert_eq!(block(&second, "b@"), block(&first, "b@"));
    assert!(block(&second, "b@").contains("DTSTAMP:20260105T000000Z"));
    let a = block(&second, "a@");
    assert!(a.contains("SEQUENCE:1\r\n"), "{a}");
    assert!(a.contains("DTSTART;VALUE=DATE:20260309\r\n"), "{a}");
    assert!(a.contains("LAST-MODIFIED:20260201T000000Z\r\n"), "{a}");
    assert!(a.contains("DTSTAMP:20260201T000000Z\r\n"), "{a}");
    // The zone is still declared for the verbatim timed event.
    assert!(second.contains("TZID:America/Los_Angeles\r\n"));
}

#[test]
fn a_second_update_on_the_same_day_still_moves_last_modified_forward() {
    let t = day(2026, 2, 1);
    let first = write_ics(&calendar(
        vec![event("a", When::AllDay(day(2026, 3, 2)))],
        t,
    ));
    let (second, _) = update(
        &first,
        calendar(vec![event("a", When::AllDay(day(2026, 3, 3)))], t),
        t,
    );
    let (third, changes) = update(
        &second,
        calendar(vec![event("a", When::AllDay(day(2026, 3, 4)))], t),
        t,
    );
    assert_eq!(changes.moved, 1);
    // The first export's DTSTAMP was 1 Feb 00:00:00Z already.
    assert!(block(&second, "a@").contains("LAST-MODIFIED:20260201T000001Z\r\n"));
    let a = block(&third, "a@");
    assert!(a.contains("SEQUENCE:2\r\n"), "{a}");
    assert!(a.contains("LAST-MODIFIED:20260201T000002Z\r\n"), "{a}");
}

#[test]
fn text_and_reminder_changes_raise_the_sequence_without_a_move() {
    let first = write_ics(&calendar(
        vec![event("a", When::AllDay(day(2026, 3, 2)))],
        day(2026, 1, 5),
    ));
    let mut reworded = event("a", When::AllDay(day(2026, 3, 2)));
    reworded.description.push_str(", as amended");
    let mut fewer_alarms = event("a", When::AllDay(day(2026, 3, 2)));
    fewer_alarms.alarms.clear();
    for new in [reworded, fewer_alarms] {
        let (text, changes) = update(
            &first,
            calendar(vec![new], day(2026, 2, 1)),
            day(2026, 2, 1),
        );
        assert_eq!(
            (changes.changed, changes.moved, changes.unchanged),
            (1, 0, 0)
        );
        assert!(block(&text, "a@").contains("SEQUENCE:1\r\n"));
    }
}

#[test]
fn a_removed_deadline_is_cancelled_once_then_copied_unchanged() {
    let first = write_ics(&calendar(
        vec![
            event("a", When::AllDay(day(2026, 3, 2))),
            event("gone", timed(2026, 4, 1, 17)),
        ],
        day(2026, 1, 5),
    ));
    let (second, changes) = update(
        &first,
        calendar(
            vec![event("a", When::AllDay(day(2026, 3, 2)))],
            day(2026, 2, 1),
        ),
        day(2026, 2, 1),
    );
    assert_eq!((changes.cancelled, changes.unchanged), (1, 1));
    let gone = block(&second, "gone@");
    assert!(gone.contains("STATUS:CANCELLED\r\n"), "{gone}");
    assert!(gone.contains("SEQUENCE:1\r\n"), "{gone}");
    assert!(
        gone.contains("SUMMARY:Cancelled: Acme\\, Inc.: gone closes\r\n"),
        "{gone}"
    );
    assert!(
        gone.contains("DTSTART;TZID=America/Los_Angeles:20260401T170000\r\n"),
        "{gone}"
    );
    assert!(
        !gone.contains("VALARM"),
        "a cancelled deadline does not remind: {gone}"
    );
    assert!(second.contains("TZID:America/Los_Angeles\r\n"));
    // Importing the next update changes nothing for it.
    let (third, changes) = update(
        &second,
        calendar(
            vec![event("a", When::AllDay(day(2026, 3, 2)))],
            day(2026, 2, 8),
        ),
        day(2026, 2, 8),
    );
    assert_eq!((changes.cancelled, changes.unchanged), (0, 2));
    assert_eq!(third, second, "the same file again: nothing to import");
}

#[test]
fn a_deadline_that_comes_back_is_confirmed_with_a_higher_sequence() {
    let t = day(2026, 2, 1);
    let first = write_ics(&calendar(
        vec![event("a", When::AllDay(day(2026, 3, 2)))],
        t,
    ));
    let (second, _) = update(&first, calendar(Vec::new(), t), t);
    let (third, changes) = update(
        &second,
        calendar(vec![event("a", When::AllDay(day(2026, 3, 2)))], t),
        t,
    );
    assert_eq!((changes.changed, changes.cancelled), (1, 0));
    let a = block(&third, "a@");
    assert!(
        a.contains("SEQUENCE:2\r\n") && a.contains("STATUS:CONFIRMED\r\n"),
        "{a}"
    );
    assert!(a.contains("SUMMARY:Acme\\, Inc.: a closes\r\n"), "{a}");
}

#[test]
fn events_of_other_meetings_are_kept_and_foreign_events_left_out() {
    let t = day(2026, 2, 1);
    let first = write_ics(&calendar(
        vec![event("last-year", When::AllDay(day(2025, 3, 2)))],
        t,
    ));
    let foreign = first.replace(
        "END:VCALENDAR",
        "BEGIN:VEVENT\r\nUID:lunch@example.com\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260102\r\nSUMMARY:Lunch\r\nEND:VEVENT\r\nEND:VCALENDAR",
    );
    let previous = read("old.ics", foreign.as_bytes()).unwrap();
    let mut new = calendar(vec![event("a", When::AllDay(day(2026, 3, 2)))], t);
    let changes = carry_forward(&mut new, &previous, t, |uid| {
        assert!(uid.starts_with("last-year"));
        Unmatched::Keep
    });
    assert_eq!((changes.added, changes.kept, changes.foreign), (1, 1, 1));
    let text = write_ics(&new);
    assert_eq!(block(&text, "last-year@"), block(&first, "last-year@"));
    assert!(!text.contains("Lunch"));
    assert_eq!(
        changes.to_string(),
        "1 new, 0 moved, 0 cancelled, 0 unchanged; 1 kept from other meetings; 1 not written by govcal left out"
    );
}

#[test]
fn the_summary_line_reads_as_the_issue_asks() {
    let c = Changes {
        moved: 3,
        cancelled: 1,
        unchanged: 12,
        ..Changes::default()
    };
    assert_eq!(c.to_string(), "3 moved, 1 cancelled, 12 unchanged");
}

#[test]
fn bad_files_are_diagnostics_at_their_place() {
    let at = |bytes: &[u8]| {
        let d = read("old.ics", bytes).unwrap_err();
        (d[0].location(), d[0].message.clone())
    };
    let (loc, msg) = at(b"BEGIN:VCALENDAR\r\n\xff\xfe\r\n");
    assert_eq!(loc, "old.ics:2:1");
    assert!(msg.contains("not UTF-8"), "{msg}");
    let (_, msg) = at(b"");
    assert!(msg.contains("not an iCalendar file"), "{msg}");
    let (_, msg) = at(b"hello, world\n");
    assert!(
        msg.contains("cannot read") || msg.contains("not an iCalendar"),
        "{msg}"
    );
    let no_uid = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260102\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let (loc, msg) = at(no_uid.as_bytes());
    assert_eq!(loc, "old.ics:3:1");
    assert!(msg.contains("no UID"), "{msg}");
    let bad_start = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@govcal\r\nDTSTART;TZID=Mars/Olympus:20260102T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let (loc, msg) = at(bad_start.as_bytes());
    assert_eq!(loc, "old.ics:5:1");
    assert!(msg.contains("cannot read its start"), "{msg}");
    let bad_seq = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@govcal\r\nSEQUENCE:1700000000000\r\nDTSTART;VALUE=DATE:20260102\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let (loc, msg) = at(bad_seq.as_bytes());
    assert_eq!(loc, "old.ics:5:1");
    assert!(msg.contains("SEQUENCE"), "{msg}");
}

proptest::proptest! {
    /// Reading never panics, whatever the bytes.
    #[test]
    fn reading_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
        let _ = read("x.ics", &bytes);
    }

    /// Nor does text shaped like a calendar with noise in it.
    #[test]
    fn reading_noisy_calendars_never_panics(noise in "[A-Z;:=,\"\\\\ \r\n-]{0,200}") {
        let text = format!("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n{noise}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        let _ = read("x.ics", text.as_bytes());
    }
}

/// A timed event from a file written before timed events had a `DTEND`
/// (#21) gains one: that is a change (SEQUENCE one higher), not a move.
#[test]
fn a_timed_event_gaining_its_end_is_changed_not_moved() {
    let cal = calendar(vec![event("t", timed(2026, 3, 2, 17))], day(2026, 1, 5));
    let current = write_ics(&cal);
    let old = current.replace("DTEND;TZID=America/Los_Angeles:20260302T170100\r\n", "");
    assert_ne!(old, current, "{current}");
    let (text, changes) = update(&old, cal, day(2026, 2, 1));
    assert_eq!((changes.moved, changes.changed), (0, 1), "{changes}");
    assert!(block(&text, "t@").contains("\r\nSEQUENCE:1\r\n"));
}
