//! Calendars that stay in sync: `--previous` (UIDs kept, SEQUENCE raised,
//! unchanged events byte for byte, removed deadlines cancelled once) and one
//! calendar for several facts files.

use std::collections::BTreeMap;

use crate::util::Cli;

fn read(cli: &Cli, name: &str) -> String {
    std::fs::read_to_string(cli.path().join(name)).unwrap()
}

/// Each VEVENT block of a calendar by its (unfolded) UID, bytes as written.
fn events(ics: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut rest = ics;
    while let Some(start) = rest.find("BEGIN:VEVENT\r\n") {
        let len = rest[start..].find("END:VEVENT\r\n").unwrap() + "END:VEVENT\r\n".len();
        let block = &rest[start..start + len];
        let uid = unfolded(block, "UID").expect("every event has a UID");
        assert!(
            out.insert(uid, block.to_owned()).is_none(),
            "UIDs are unique"
        );
        rest = &rest[start + len..];
    }
    out
}

/// The value of the first content line `NAME:` or `NAME;...:` of a block.
fn unfolded(block: &str, name: &str) -> Option<String> {
    let text = block.replace("\r\n ", "");
    text.split("\r\n")
        .find(|l| {
            l.strip_prefix(name)
                .is_some_and(|r| r.starts_with(':') || r.starts_with(';'))
        })
        .map(|l| l.split_once(':').unwrap().1.to_owned())
}

fn line_of(block: &str, name: &str) -> String {
    let text = block.replace("\r\n ", "");
    text.split("\r\n")
        .find(|l| l.starts_with(name))
        .unwrap_or_else(|| panic!("no {name} in {block}"))
        .to_owned()
}

/// Moves Northwind's meeting (Thu 14 May 2026) a week later.
fn move_northwind_meeting(cli: &Cli) {
    let facts = read(cli, "northwind-2026.toml");
    assert!(facts.contains("\nmeeting = 2026-05-14\n"));
    cli.file(
        "northwind-2026.toml",
        &facts.replace("\nmeeting = 2026-05-14\n", "\nmeeting = 2026-05-21\n"),
    );
}

const V1: &[&str] = &[
    "deadlines",
    "northwind-2026.toml",
    "--format",
    "ics",
    "--today",
    "2026-01-05",
    "--alarm",
    "14d,1d",
    "--output",
    "v1.ics",
];

fn update(cli: &Cli, previous: &str, output: &str, today: &str) -> String {
    let (code, _, stderr) = cli.run(&[
        "deadlines",
        "northwind-2026.toml",
        "--format",
        "ics",
        "--today",
        today,
        "--alarm",
        "14d,1d",
        "--previous",
        previous,
        "--output",
        output,
    ]);
    assert_eq!(code, 0, "{stderr}");
    stderr
}

/// Northwind's meeting moves from Thu 14 May to Thu 21 May 2026. Delaware
/// § 222(b)'s last day to send notice, 10 days before, moves from Mon 4 May
/// to Mon 11 May 2026; the bylaw window keyed to the anniversary of Thu 15
/// May 2025 stays (Sat 14 Feb 2026, 17:00), though its explanation names
/// the new meeting date; Rule 14a-13's broker search, keyed to the record
/// date, does not change at all.
#[test]
fn a_moved_meeting_updates_events_in_place() {
    let cli = Cli::with_examples();
    cli.ok(V1);
    move_northwind_meeting(&cli);
    let stderr = update(&cli, "v1.ics", "v2.ics", "2026-01-12");
    let (v1, v2) = (read(&cli, "v1.ics"), read(&cli, "v2.ics"));
    let (old, new) = (events(&v1), events(&v2));
    assert_eq!(
        old.keys().collect::<Vec<_>>(),
        new.keys().collect::<Vec<_>>(),
        "every deadline keeps its UID"
    );

    let uid = |rule: &str| format!("{rule}.northwind-industrial-corp.annual-2026@govcal");
    let notice = &new[&uid("us_de_dgcl.meeting_notice.closes")];
    assert_eq!(line_of(notice, "DTSTART"), "DTSTART;VALUE=DATE:20260511");
    assert_eq!(
        line_of(&old[&uid("us_de_dgcl.meeting_notice.closes")], "DTSTART"),
        "DTSTART;VALUE=DATE:20260504"
    );
    assert_eq!(unfolded(notice, "SEQUENCE").as_deref(), Some("1"));
    assert_eq!(
        unfolded(notice, "LAST-MODIFIED").as_deref(),
        Some("20260112T000000Z")
    );
    assert_eq!(
        unfolded(notice, "DTSTAMP").as_deref(),
        Some("20260112T000000Z")
    );

    let bylaw = &new[&uid("northwind_bylaws.advance_notice.closes")];
    assert_eq!(
        line_of(bylaw, "DTSTART"),
        "DTSTART;TZID=America/New_York:20260214T170000"
    );
    assert_eq!(unfolded(bylaw, "SEQUENCE").as_deref(), Some("1"));
    assert!(
        unfolded(bylaw, "DESCRIPTION")
            .unwrap()
            .contains("21 May 2026")
    );

    let broker = &uid("sec_regulation_14a.broker_search.closes");
    assert_eq!(new[broker], old[broker], "unchanged: the same bytes");
    assert!(new[broker].contains("DTSTAMP:20260105T000000Z\r\n"));

    // The summary agrees with the events themselves.
    let (mut moved, mut changed, mut same) = (0, 0, 0);
    for (uid, block) in &new {
        let before = &old[uid];
        if block == before {
            same += 1;
            continue;
        }
        assert_eq!(unfolded(block, "SEQUENCE").as_deref(), Some("1"), "{uid}");
        assert!(
            block.contains("LAST-MODIFIED:20260112T000000Z\r\n"),
            "{uid}"
        );
        let dates = |b: &str| (line_of(b, "DTSTART"), unfolded(b, "DTEND"));
        if dates(block) == dates(before) {
            changed += 1;
        } else {
            moved += 1;
        }
    }
    assert!(moved >= 1 && same >= 1);
    assert_eq!(
        stderr,
        format!("{moved} moved, {changed} changed, 0 cancelled, {same} unchanged\n")
    );

    // The same update again, on a later day: nothing to import.
    let stderr = update(&cli, "v2.ics", "v3.ics", "2026-01-20");
    assert_eq!(read(&cli, "v3.ics"), v2);
    assert_eq!(
        stderr,
        format!("0 moved, 0 cancelled, {} unchanged\n", new.len())
    );
}

/// Calendar events do not depend on `--today`: nothing in them says a
/// date is past, so a later run with `--previous` changes nothing.
#[test]
fn events_do_not_change_with_today() {
    let cli = Cli::with_examples();
    cli.ok(V1);
    let v1 = read(&cli, "v1.ics");
    assert!(!v1.contains("already past"));
    update(&cli, "v1.ics", "later.ics", "2026-12-31");
    assert_eq!(read(&cli, "later.ics"), v1);
}

/// Deadlines that no longer exist (here: the SEC filings pack's, after it
/// is left out) are written once more as cancelled, with
/// the same UID and date, a higher SEQUENCE and no reminders; importing the
/// next update changes nothing for them.
#[test]
fn removed_deadlines_are_cancelled_once() {
    let cli = Cli::with_examples();
    let run = |rules: &[&str], previous: Option<&str>, out: &str| {
        let mut args = vec![
            "deadlines",
            "northwind-2026.toml",
            "--format",
            "ics",
            "--today",
            "2026-01-05",
            "--alarm",
            "7d",
            "--output",
            out,
        ];
        for r in rules {
            args.extend(["--only", r]);
        }
        if let Some(p) = previous {
            args.extend(["--previous", p]);
        }
        let (code, _, stderr) = cli.run(&args);
        assert_eq!(code, 0, "{stderr}");
        stderr
    };
    run(&["sec"], None, "v1.ics");
    let stderr = run(&["sec/regulation_14a"], Some("v1.ics"), "v2.ics");
    let (old, new) = (events(&read(&cli, "v1.ics")), events(&read(&cli, "v2.ics")));
    // The packs that govern the company stay, so what they leave
    // uncovered (and says in every event) stays too.
    let removed: Vec<&String> = old
        .keys()
        .filter(|u| u.starts_with("sec_filings."))
        .collect();
    assert!(!removed.is_empty(), "{removed:?}");
    assert_eq!(
        stderr,
        format!(
            "0 moved, {} cancelled, {} unchanged\n",
            removed.len(),
            old.len() - removed.len()
        )
    );
    assert_eq!(old.len(), new.len());
    for uid in &removed {
        let (was, now) = (&old[*uid], &new[*uid]);
        assert!(now.contains("STATUS:CANCELLED\r\n"), "{now}");
        assert_eq!(unfolded(now, "SEQUENCE").as_deref(), Some("1"));
        assert_eq!(line_of(now, "DTSTART"), line_of(was, "DTSTART"));
        assert!(
            unfolded(now, "SUMMARY")
                .unwrap()
                .starts_with("Cancelled: Northwind Industrial Corp. \u{2014} ")
        );
        assert!(!now.contains("BEGIN:VALARM"), "{now}");
        assert!(was.contains("BEGIN:VALARM"));
    }
    let stderr = run(&["sec/regulation_14a"], Some("v2.ics"), "v3.ics");
    assert_eq!(read(&cli, "v3.ics"), read(&cli, "v2.ics"));
    assert_eq!(
        stderr,
        format!("0 moved, 0 cancelled, {} unchanged\n", new.len())
    );
}

/// Four companies in one calendar: every event of each company's own
/// calendar, under the same UID, and a name that says what it holds.
#[test]
fn one_calendar_for_several_companies() {
    let cli = Cli::with_examples();
    let files = [
        "northwind-2026.toml",
        "kestrel-2026.toml",
        "harborview-2026.toml",
        "hemacare-2004.toml",
    ];
    let mut args = vec!["deadlines"];
    args.extend(files);
    args.extend(["--format", "ics", "--today", "2026-01-05"]);
    let all = cli.ok(&args);
    let combined = events(&all);
    let mut expected = 0;
    for f in files {
        let one = events(&cli.ok(&["deadlines", f, "--format", "ics", "--today", "2026-01-05"]));
        expected += one.len();
        for (uid, block) in one {
            assert_eq!(combined.get(&uid), Some(&block), "{f}: {uid}");
        }
    }
    assert_eq!(combined.len(), expected);
    let name = all
        .replace("\r\n ", "")
        .split("\r\n")
        .find_map(|l| l.strip_prefix("X-WR-CALNAME:").map(str::to_owned))
        .unwrap();
    assert_eq!(
        name,
        "govcal: deadlines of 4 companies (Northwind Industrial Corp.\\, Kestrel Therapeutics\\, Inc.\\, Harborview Realty Trust and 1 more)"
    );
    assert!(all.contains("\r\nNAME:govcal: deadlines of 4 companies"));
    // Every zone used is declared once.
    for zone in ["America/New_York", "America/Chicago"] {
        assert_eq!(
            all.matches(&format!("TZID:{zone}\r\n")).count(),
            1,
            "{zone}"
        );
    }
}

#[test]
fn the_same_company_and_meeting_twice_is_refused() {
    let cli = Cli::with_examples();
    let (code, stdout, stderr) = cli.run(&[
        "deadlines",
        "northwind-2026.toml",
        "northwind-2026.toml",
        "--format",
        "ics",
    ]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("describe the same company and meeting (Northwind Industrial Corp., annual meeting 2026)"),
        "{stderr}"
    );
}

#[test]
fn several_files_or_previous_need_the_ics_format() {
    let cli = Cli::with_examples();
    cli.ok(V1);
    for args in [
        &["deadlines", "northwind-2026.toml", "kestrel-2026.toml"][..],
        &["deadlines", "northwind-2026.toml", "--previous", "v1.ics"],
        &[
            "deadlines",
            "northwind-2026.toml",
            "kestrel-2026.toml",
            "--format",
            "ics",
            "--meeting",
            "2026-05-01",
        ],
    ] {
        let (code, stdout, stderr) = cli.run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stdout.is_empty());
        assert!(stderr.starts_with("error: "), "{stderr}");
    }
}

/// A `--previous` file that is not a calendar: a message at its place,
/// exit 1, and the output file left as it was.
#[test]
fn a_bad_previous_file_is_reported_and_nothing_is_written() {
    let cli = Cli::with_examples();
    cli.ok(V1);
    let v1 = read(&cli, "v1.ics");
    std::fs::write(
        cli.path().join("bin.ics"),
        b"BEGIN:VCALENDAR\r\n\x00\x9f\x92\x96",
    )
    .unwrap();
    cli.file("notes.ics", "Meeting notes\n");
    cli.file(
        "no-uid.ics",
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260102\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    );
    for (file, location, message) in [
        ("bin.ics", "bin.ics:2:2", "not UTF-8 text"),
        (
            "notes.ics",
            "notes.ics:1:1",
            "the `ical` parser cannot read this file",
        ),
        ("no-uid.ics", "no-uid.ics:3:1", "this event has no UID"),
    ] {
        let (code, _, stderr) = cli.run(&[
            "deadlines",
            "northwind-2026.toml",
            "--format",
            "ics",
            "--previous",
            file,
            "--output",
            "v1.ics",
        ]);
        assert_eq!(code, 1, "{stderr}");
        assert!(stderr.starts_with(&format!("{location}\n")), "{stderr}");
        assert!(stderr.contains(message), "{stderr}");
        assert_eq!(read(&cli, "v1.ics"), v1, "the output is untouched");
    }
    let (code, _, stderr) = cli.run(&[
        "deadlines",
        "northwind-2026.toml",
        "--format",
        "ics",
        "--previous",
        "missing.ics",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("failed to read `missing.ics`"), "{stderr}");
}

/// `SEQUENCE` is an RFC 5545 INTEGER (§3.3.8): 2,147,483,647 at most. An
/// event at the limit (or past it, as `4294967295` in a hand-edited file)
/// that must change is written once more as cancelled at that SEQUENCE
/// with a later DTSTAMP (RFC 5546 §2.1.5's tie-break), and the deadline
/// continues under `…+1@govcal` from SEQUENCE 0, which programs take as a
/// new event. The next update matches the new UID and changes nothing.
#[test]
fn a_sequence_at_its_limit_restarts_under_a_new_uid() {
    let cli = Cli::with_examples();
    cli.ok(V1);
    let v1 = read(&cli, "v1.ics");
    let uid = "us_de_dgcl.meeting_notice.closes.northwind-industrial-corp.annual-2026@govcal";
    let block = &events(&v1)[uid];
    assert!(block.contains("SEQUENCE:0\r\n"));
    for limit in ["2147483647", "4294967295"] {
        let edited = block.replace("SEQUENCE:0\r\n", &format!("SEQUENCE:{limit}\r\n"));
        cli.file("edited.ics", &v1.replace(block.as_str(), &edited));
        move_northwind_meeting(&cli);
        let stderr = update(&cli, "edited.ics", "v2.ics", "2026-01-12");
        assert!(
            stderr.contains("1 restarted under a new UID, their SEQUENCE being at its limit"),
            "{stderr}"
        );
        let v2 = events(&read(&cli, "v2.ics"));
        let old = &v2[uid];
        assert_eq!(unfolded(old, "STATUS").as_deref(), Some("CANCELLED"));
        assert_eq!(unfolded(old, "SEQUENCE").as_deref(), Some("2147483647"));
        assert_eq!(
            unfolded(old, "DTSTAMP").as_deref(),
            Some("20260112T000000Z")
        );
        let new_uid = uid.replace("@govcal", "+1@govcal");
        let new = &v2[&new_uid];
        assert_eq!(unfolded(new, "SEQUENCE").as_deref(), Some("0"));
        assert_eq!(line_of(new, "DTSTART"), "DTSTART;VALUE=DATE:20260511");
        assert!(unfolded(new, "STATUS").is_none(), "{new}");

        // Again, with nothing changed: the same bytes, nothing cancelled.
        let stderr = update(&cli, "v2.ics", "v3.ics", "2026-01-20");
        assert_eq!(read(&cli, "v3.ics"), read(&cli, "v2.ics"), "{stderr}");
        assert!(stderr.starts_with("0 moved, 0 cancelled,"), "{stderr}");
        // Back to the old facts for the second round.
        let facts = read(&cli, "northwind-2026.toml");
        cli.file(
            "northwind-2026.toml",
            &facts.replace("\nmeeting = 2026-05-21\n", "\nmeeting = 2026-05-14\n"),
        );
    }
}

/// A portfolio's calendar updated for one company (#21): Northwind's
/// meeting moves and only Northwind is run with `--previous`. Kestrel's
/// events are not cancelled: they are copied byte for byte, the calendar
/// keeps the portfolio's name, and the summary counts them apart.
#[test]
fn an_update_for_one_company_leaves_the_others_as_they_were() {
    let cli = Cli::with_examples();
    cli.ok(&[
        "deadlines",
        "northwind-2026.toml",
        "kestrel-2026.toml",
        "--format",
        "ics",
        "--today",
        "2026-01-05",
        "--alarm",
        "14d,1d",
        "--output",
        "portfolio.ics",
    ]);
    let portfolio = read(&cli, "portfolio.ics");
    move_northwind_meeting(&cli);
    let stderr = update(&cli, "portfolio.ics", "portfolio2.ics", "2026-01-12");
    let (old, new) = (events(&portfolio), events(&read(&cli, "portfolio2.ics")));
    assert_eq!(
        old.keys().collect::<Vec<_>>(),
        new.keys().collect::<Vec<_>>(),
        "no event is added or dropped"
    );
    let kestrel: Vec<&String> = old
        .keys()
        .filter(|u| u.contains(".kestrel-therapeutics-inc."))
        .collect();
    assert!(kestrel.len() > 5, "{kestrel:?}");
    for uid in &kestrel {
        assert_eq!(old[*uid], new[*uid], "{uid} changed");
        assert!(!new[*uid].contains("STATUS:CANCELLED"), "{uid}");
    }
    // Northwind did change: its notice deadline moved.
    let notice = "us_de_dgcl.meeting_notice.closes.northwind-industrial-corp.annual-2026@govcal";
    assert_eq!(
        line_of(&new[notice], "DTSTART"),
        "DTSTART;VALUE=DATE:20260511"
    );
    assert!(!stderr.contains(" 0 moved"), "{stderr}");
    assert!(stderr.contains(" 0 cancelled,"), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "; {} of other companies kept as they were\n",
            kestrel.len()
        )),
        "{stderr}"
    );
    let name = |ics: &str| {
        ics.replace("\r\n ", "")
            .split("\r\n")
            .find_map(|l| l.strip_prefix("X-WR-CALNAME:").map(str::to_owned))
            .unwrap()
    };
    let new_text = read(&cli, "portfolio2.ics");
    assert_eq!(name(&new_text), name(&portfolio));
    assert!(
        name(&new_text).contains("2 companies"),
        "{}",
        name(&new_text)
    );
    // Running the same update again changes nothing.
    update(&cli, "portfolio2.ics", "portfolio3.ics", "2026-01-12");
    assert_eq!(read(&cli, "portfolio3.ics"), new_text);
}
