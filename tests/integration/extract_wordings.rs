//! `govcal extract` on short filings written here, one class of wording
//! at a time (issue 19 §1, §2): the proxy statement's release in the ways
//! statements say it, last year's release cited in this year's statement,
//! and meetings that moved (a new date with the old one noted, a new record
//! date, a meeting put off with no date). Each class has look-alikes that
//! must not be read as it. Every filing is run as plain text and as EDGAR
//! HTML with line breaks inside the wording.

use std::fmt::Write as _;

use serde_json::Value;

use crate::util::Cli;

/// The filing's paragraphs as plain text (blank lines between them, a
/// line break inside each) or as HTML paragraphs (a `<br>` inside each,
/// one paragraph a line of the source).
fn filing(paragraphs: &[&str], html: bool) -> (String, &'static str) {
    let broken = |p: &str| {
        // Break the paragraph at its middle space, as filings wrap lines.
        let mid = p.len() / 2;
        let at = p[mid..].find(' ').map_or(p.len(), |i| mid + i);
        let (a, b) = p.split_at(at);
        (a.to_owned(), b.trim_start().to_owned())
    };
    let mut body = String::new();
    for p in paragraphs {
        let (a, b) = broken(p);
        let _ = if html {
            writeln!(body, "<p style=\"margin:0\">{a}<br>{b}</p>")
        } else {
            write!(body, "{a}\n{b}\n\n")
        };
    }
    if html {
        (
            format!("<html><body>\n{body}</body></html>\n"),
            "filing.htm",
        )
    } else {
        (body, "filing.txt")
    }
}

/// `govcal extract --format json` on the filing; also checks that the
/// facts file (TOML) is written with exit 0.
fn extract(paragraphs: &[&str], html: bool) -> (Value, String) {
    let cli = Cli::new();
    let (text, name) = filing(paragraphs, html);
    std::fs::write(cli.path().join(name), text).unwrap();
    let json = cli.json(&["extract", name, "--format", "json"]);
    let (code, toml, stderr) = cli.run(&["extract", name]);
    assert_eq!(code, 0, "{stderr}");
    (json, toml)
}

fn fact<'a>(doc: &'a Value, name: &str) -> Option<&'a Value> {
    doc["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["fact"] == name)
}

/// The value the facts file fills in for `name`, if any.
fn filled(doc: &Value, name: &str) -> Option<String> {
    fact(doc, name)
        .filter(|f| f["sure"] == true && f["confidence"] != "low")
        .map(|f| f["value"].as_str().unwrap().to_owned())
}

const MEETING: &str = "The 2025 Annual Meeting of Stockholders of Larkspur Instruments, Inc. will be held on Thursday, May 8, 2025, at 9:00 a.m.";
const RECORD: &str = "Stockholders of record at the close of business on March 10, 2025 are entitled to vote at the meeting.";

/// Each kind of release wording, with the date it states.
#[test]
fn the_proxy_release_in_each_kind_of_wording() {
    let wordings = [
        // The solicitation begins.
        (
            "Solicitation of proxies will begin on or about March 27, 2025.",
            "2025-03-27",
        ),
        (
            "This solicitation is being made by the Board of Directors and will commence on or about March 27, 2025.",
            "2025-03-27",
        ),
        // Released, furnished, sent or given, made available.
        (
            "The Company expects this proxy statement to be first released to holders of record on or about March 26, 2025.",
            "2025-03-26",
        ),
        (
            "This Proxy Statement and the proxy card are first being sent or given to stockholders on or about March 26, 2025.",
            "2025-03-26",
        ),
        (
            "We are first furnishing the proxy materials to our stockholders on or about March 26, 2025.",
            "2025-03-26",
        ),
        // The date before the verb.
        (
            "On or about March 28, 2025, we will begin mailing a Notice of Internet Availability of Proxy Materials to our stockholders.",
            "2025-03-28",
        ),
        (
            "Beginning on or about March 28, 2025, this proxy statement and the accompanying proxy card are being mailed to stockholders.",
            "2025-03-28",
        ),
        // We are mailing; mailing is scheduled to begin.
        (
            "We are mailing this proxy statement and the accompanying notice and proxy card to the stockholders entitled to vote at the Annual Meeting on or about March 25, 2025.",
            "2025-03-25",
        ),
        (
            "Mailing of the proxy materials is scheduled to begin on or about March 25, 2025.",
            "2025-03-25",
        ),
    ];
    for (wording, date) in wordings {
        for html in [false, true] {
            let (doc, toml) = extract(&[MEETING, RECORD, wording], html);
            assert_eq!(
                filled(&doc, "proxy_release").as_deref(),
                Some(date),
                "{wording} (html: {html}): {doc:#}"
            );
            assert_eq!(filled(&doc, "meeting").as_deref(), Some("2025-05-08"));
            assert_eq!(filled(&doc, "record_date").as_deref(), Some("2025-03-10"));
            assert!(
                toml.contains(&format!("\nproxy_release = {date}\n")),
                "{toml}"
            );
        }
    }
}

/// Last year's release, cited for the Rule 14a-8 anniversary or named as
/// last year's, is neither this year's release nor a conflict with it.
#[test]
fn last_years_release_is_no_conflict() {
    let cited = [
        "Proposals must be received no later than November 28, 2025, which is 120 days before the anniversary of the date this proxy statement was first mailed, March 20, 2024.",
        "Last year's proxy statement was released to stockholders on March 21, 2024.",
        "Our proxy statement for the 2024 annual meeting was first mailed on March 22, 2024.",
    ];
    for html in [false, true] {
        let mut paragraphs = vec![
            MEETING,
            RECORD,
            "This proxy statement is first being made available on or about March 27, 2025.",
        ];
        paragraphs.extend(cited);
        let (doc, toml) = extract(&paragraphs, html);
        let release = fact(&doc, "proxy_release").unwrap();
        assert_eq!(release["value"], "2025-03-27", "{doc:#}");
        assert_eq!(release["sure"], true, "{release:#}");
        let note = release["note"].as_str().unwrap_or_default();
        assert!(!note.contains("also gives"), "{release:#}");
        assert!(toml.contains("\nproxy_release = 2025-03-27\n"), "{toml}");
        assert!(!toml.contains("UNSURE"), "{toml}");
        // Alone, the cited dates give no release at all.
        let mut alone = vec![MEETING, RECORD];
        alone.extend(cited);
        let (doc, _) = extract(&alone, html);
        assert!(fact(&doc, "proxy_release").is_none(), "{doc:#}");
    }
}

/// Look-alikes: a meeting or voting that begins, a dividend mailed, a
/// proxy statement's own date.
#[test]
fn no_release_from_look_alikes() {
    let look_alikes = [
        "The Annual Meeting will begin at 9:00 a.m. on May 8, 2025, and proxy cards may be returned until then.",
        "Internet voting on the proxy will begin on April 2, 2025.",
        "Dividend checks will be mailed on April 15, 2025.",
        "This proxy statement is dated March 24, 2025.",
        "On March 24, 2025, the Company filed its preliminary proxy statement, which will be mailed later.",
    ];
    for w in look_alikes {
        for html in [false, true] {
            let (doc, toml) = extract(&[MEETING, RECORD, w], html);
            assert!(fact(&doc, "proxy_release").is_none(), "{w}: {doc:#}");
            assert!(!toml.contains("proxy_release"), "{toml}");
            assert_eq!(filled(&doc, "meeting").as_deref(), Some("2025-05-08"));
        }
    }
}

/// An 8-K that moves the meeting: the new date, sure, with the old one
/// in the note of the JSON and the facts file.
#[test]
fn a_meeting_that_moved_gives_the_new_date_and_notes_the_old() {
    let filings: [(&[&str], &str); 5] = [
        (
            &[
                "Item 8.01 Other Events.",
                "Larkspur Instruments, Inc. announced that its 2020 Annual Meeting of Stockholders, previously scheduled for May 14, 2020, has been postponed.",
                "The Board of Directors has set June 25, 2020 as the new date for the Annual Meeting.",
                "The Annual Meeting will be held on May 14, 2020 at the Company's offices, as stated in the proxy statement.",
            ],
            "postponed from 2020-05-14",
        ),
        (
            &[
                "The 2020 annual meeting of shareholders, originally scheduled to be held on May 14, 2020, will now be held on Thursday, June 25, 2020.",
            ],
            "moved from 2020-05-14",
        ),
        (
            &["The Annual Meeting has been rescheduled to June 25, 2020 from May 14, 2020."],
            "rescheduled from 2020-05-14",
        ),
        (
            &[
                "The Annual Meeting, which was scheduled to be held on May 14, 2020, has been adjourned, without any business being conducted, until June 25, 2020.",
            ],
            "adjourned from 2020-05-14",
        ),
        (
            &[
                "On June 25, 2020, the Company reconvened its annual meeting of stockholders, which had been adjourned on May 14, 2020.",
            ],
            "adjourned from 2020-05-14",
        ),
    ];
    for (paragraphs, note) in filings {
        for html in [false, true] {
            let (doc, toml) = extract(paragraphs, html);
            let m = fact(&doc, "meeting").unwrap_or_else(|| panic!("{doc:#}"));
            assert_eq!(m["value"], "2020-06-25", "{paragraphs:?}: {doc:#}");
            assert_eq!(m["sure"], true, "{m:#}");
            assert_eq!(m["confidence"], "high", "{m:#}");
            assert_eq!(m["note"], note, "{m:#}");
            assert!(toml.contains("\nmeeting = 2020-06-25\n"), "{toml}");
            assert!(toml.contains(&format!("\n# note: {note}\n")), "{toml}");
            assert!(!toml.contains("meeting = 2020-05-14"), "{toml}");
            assert_eq!(filled(&doc, "meeting_kind").as_deref(), Some("annual"));
        }
    }
}

/// A new record date set with the new meeting date outranks the old one
/// the filing still repeats.
#[test]
fn a_new_record_date_outranks_the_old() {
    let paragraphs = [
        "The Annual Meeting has been postponed to June 25, 2020.",
        "The Board has fixed the close of business on May 20, 2020 as the new record date for the rescheduled Annual Meeting.",
        "The original record date of March 20, 2020 no longer applies.",
        "Stockholders of record at the close of business on March 20, 2020 received the proxy statement.",
    ];
    for html in [false, true] {
        let (doc, toml) = extract(&paragraphs, html);
        assert_eq!(filled(&doc, "meeting").as_deref(), Some("2020-06-25"));
        let r = fact(&doc, "record_date").unwrap();
        assert_eq!(r["value"], "2020-05-20", "{doc:#}");
        assert_eq!(r["sure"], true, "{r:#}");
        assert!(toml.contains("\nrecord_date = 2020-05-20\n"), "{toml}");
        assert!(
            toml.contains("# note: a new record date, in place of 2020-03-20\n"),
            "{toml}"
        );
    }
}

/// A meeting put off with no new date has no meeting date, never the old
/// one: the facts file, JSON and the warning say why; `deadlines
/// --from-filing` refuses it and says the same.
#[test]
fn a_meeting_put_off_with_no_date_gives_no_meeting() {
    let wordings = [
        "The annual meeting of stockholders, which was scheduled for May 14, 2020, has been postponed until further notice.",
        "The Company's 2020 Annual Meeting of Stockholders, originally scheduled to be held on May 14, 2020, has been postponed indefinitely.",
        "The special meeting of stockholders scheduled for May 14, 2020 has been cancelled.",
    ];
    for w in wordings {
        for html in [false, true] {
            let paragraphs = [
                w,
                "The meeting will be held on May 14, 2020 at the Company's offices, as stated in the proxy statement.",
            ];
            let cli = Cli::new();
            let (text, name) = filing(&paragraphs, html);
            std::fs::write(cli.path().join(name), text).unwrap();
            let (code, toml, stderr) = cli.run(&["extract", name]);
            assert_eq!(code, 0, "{stderr}");
            assert!(toml.contains("# NO MEETING DATE was found"), "{toml}");
            assert!(!toml.contains("\nmeeting = "), "{toml}");
            // At the words that put the meeting off, after the line break.
            assert!(
                toml.contains(&format!("# note: {name}:2:")),
                "the note's place: {toml}"
            );
            assert!(
                toml.contains("puts the meeting set for 2020-05-14 off with no new date"),
                "{toml}"
            );
            let flat = stderr.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(flat.contains("off with no new date"), "{stderr}");
            let doc = cli.json(&["extract", name, "--format", "json"]);
            assert!(fact(&doc, "meeting").is_none(), "{doc:#}");
            let notes = doc["notes"].as_array().unwrap();
            assert_eq!(notes.len(), 1, "{doc:#}");
            assert!(
                notes[0]["text"]
                    .as_str()
                    .unwrap()
                    .contains("no meeting date is given")
            );
            assert_eq!(notes[0]["line"], 2);
            let (code, _, stderr) = cli.run(&["deadlines", "--from-filing", name]);
            assert_eq!(code, 1, "{stderr}");
            let flat = stderr.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(flat.contains("off with no new date"), "{stderr}");
        }
    }
}

/// Conditions, boilerplate and last year's moves leave the meeting as it
/// is: sure, no note, no `notes` in JSON.
#[test]
fn no_move_from_look_alikes() {
    let look_alikes = [
        "If the annual meeting is adjourned to a date more than 120 days after May 8, 2025, a new record date will be set.",
        "Proxies will be voted at the Annual Meeting and at any adjourned or postponed meeting.",
        "The Annual Meeting may be postponed to June 25, 2025 if a quorum is not present.",
        "Last year's annual meeting was adjourned to June 11, 2024 for lack of a quorum.",
        "Our 2024 annual meeting was adjourned to June 11, 2024 for lack of a quorum.",
        "The annual meeting was moved to a virtual format this year.",
        "The Company postponed the filing of its Form 10-K to April 15, 2025.",
    ];
    for w in look_alikes {
        for html in [false, true] {
            let (doc, toml) = extract(&[MEETING, RECORD, w], html);
            let m = fact(&doc, "meeting").unwrap();
            assert_eq!(m["value"], "2025-05-08", "{w}");
            assert_eq!(m["sure"], true, "{w}: {m:#}");
            assert!(m["note"].is_null(), "{w}: {m:#}");
            assert!(doc.get("notes").is_none(), "{w}: {doc:#}");
            assert!(toml.contains("\nmeeting = 2025-05-08\n"), "{toml}");
            assert_eq!(filled(&doc, "record_date").as_deref(), Some("2025-03-10"));
        }
    }
}
