//! The proxy statement's release told in the words filings use beyond a
//! plain cue before the date: the start of the solicitation or the
//! mailing ("solicitation of proxies will begin on or about", "mailing is
//! scheduled to begin on"), a date that opens its clause and the act
//! after it ("On or about April 4, 2025, we will begin mailing"), and
//! last year's release cited in this year's statement, which is not one.

use super::cues::{Cue, PRIOR_WORDS};
use crate::extract::dates::Found;

/// Words that show a clause is about sending the proxy materials out.
const RELEASE_WORDS: [&str; 14] = [
    "solicitation",
    "mail",
    "be sent",
    "being sent",
    "sending",
    "send ",
    "distribut",
    "made available",
    "make available",
    "making available",
    "furnish",
    "released",
    "first provided",
    "being provided",
];

/// Acts of sending written after a date that opens its clause ("On or
/// about April 4, 2025, we will begin mailing a notice", "Beginning on or
/// about April 4, 2025, the proxy materials are being mailed").
const RELEASE_AFTER: [&str; 22] = [
    "begin mailing",
    "began mailing",
    "commence mailing",
    "commenced mailing",
    "start mailing",
    "will mail",
    "to mail",
    "are mailing",
    "is mailing",
    "mailed",
    "be sent",
    "being sent",
    "first sent",
    "we sent",
    "will send",
    "sending",
    "made available",
    "make available",
    "making available",
    "furnish",
    "distribut",
    "released",
];

/// The clause a date stands in: from the date before it to the date
/// after it.
pub(super) fn clause(lower: &str, previous_end: usize, next_start: usize) -> &str {
    lower.get(previous_end..next_start).unwrap_or("")
}

/// A release date that is last year's, not this one's: "the anniversary
/// of the date this proxy statement was first mailed, March 20, 2024",
/// "last year's proxy statement was released on March 20, 2024".
pub(super) fn earlier_release(clause: &str) -> bool {
    clause.contains("anniversary") || PRIOR_WORDS.iter().any(|w| clause.contains(w))
}

/// Whether "will begin", "commencing" and the like before a date start
/// the sending of the proxy materials: the clause names the mailing or the
/// solicitation before the verb ("solicitation of proxies will begin on or
/// about", "mailing is scheduled to begin on"), or, for a date that opens
/// its clause ("Beginning on or about April 4, 2025, ... are being
/// mailed"), after the date. "The meeting will begin at 9:00 a.m. on ..."
/// is not a release.
pub(super) fn starts_release(
    lower: &str,
    previous_end: usize,
    cue: &Cue,
    f: &Found,
    next_start: usize,
) -> bool {
    let from = previous_end.max(cue.start.saturating_sub(160));
    let before = lower.get(from..cue.start).unwrap_or("");
    if RELEASE_WORDS.iter().any(|w| before.contains(w)) {
        return true;
    }
    matches!(cue.phrase, "beginning" | "commencing" | "starting")
        && release_after(lower, previous_end, f, next_start).is_some()
}

/// A date that opens its clause ("On or about April 4, 2025,", "Beginning
/// on April 4, 2025,") followed in the clause by an act of sending the
/// proxy materials.
pub(super) fn release_after(
    lower: &str,
    previous_end: usize,
    f: &Found,
    next_start: usize,
) -> Option<Cue> {
    const LEADS: [&str; 13] = [
        "on",
        "on or about",
        "about",
        "on or around",
        "beginning",
        "beginning on",
        "beginning on or about",
        "commencing",
        "commencing on",
        "commencing on or about",
        "starting",
        "starting on",
        "starting on or about",
    ];
    let before = lower.get(previous_end..f.span.start)?;
    let lead = before
        .rsplit([',', ';', ':', '(', '—', '–'])
        .next()
        .unwrap_or("")
        .trim();
    if !(LEADS.contains(&lead) || (lead.is_empty() && previous_end == 0)) {
        return None;
    }
    let mut stop = next_start.min(f.span.end + 160).min(lower.len());
    while !lower.is_char_boundary(stop) {
        stop -= 1;
    }
    let after = lower.get(f.span.end..stop)?;
    let after = after.split(';').next().unwrap_or("");
    let (pos, phrase) = RELEASE_AFTER
        .iter()
        .filter_map(|w| after.find(w).map(|p| (p, *w)))
        .min()?;
    // Another act comes first: "On May 9, 2024, the meeting was held and
    // the results were distributed".
    let between = &after[..pos];
    if ["held", "record date", "announce", "filed", "dated"]
        .iter()
        .any(|w| between.contains(w))
    {
        return None;
    }
    Some(Cue {
        fact: "proxy_release",
        phrase,
        start: f.span.end + pos,
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::facts::Confidence;
    use crate::extract::facts::tests::{filled, get, read};

    const MEETING: &str = "The annual meeting of stockholders will be held on May 8, 2025.";

    /// Reads `sentence` after a sentence naming the meeting, as plain text
    /// or (when `html`) as EDGAR HTML paragraphs.
    fn release_in(sentence: &str, html: bool) -> Option<String> {
        let found = if html {
            read(
                "p.htm",
                &format!("<html><body><p>{MEETING}</p>\n<p>{sentence}</p></body></html>"),
            )
        } else {
            read("p.txt", &format!("{MEETING}\n\n{sentence}\n"))
        };
        assert_eq!(
            filled(&found, "meeting").as_deref(),
            Some("2025-05-08"),
            "{sentence}"
        );
        filled(&found, "proxy_release")
    }

    #[track_caller]
    fn assert_release(wordings: &[&str], date: &str) {
        for w in wordings {
            for html in [false, true] {
                assert_eq!(
                    release_in(w, html).as_deref(),
                    Some(date),
                    "{w} (html: {html})"
                );
            }
        }
    }

    #[test]
    fn the_solicitation_begins() {
        assert_release(
            &[
                "Solicitation of proxies will begin on or about April 2, 2025.",
                "The solicitation of proxies by the Board of Directors will commence on or about April 2, 2025.",
                "This solicitation is being made by mail on behalf of the Board and will commence on or about April 2, 2025.",
                "We expect the solicitation of proxies to begin on or about\nApril 2, 2025.",
                "This proxy solicitation begins on April 2, 2025.",
            ],
            "2025-04-02",
        );
    }

    #[test]
    fn released_furnished_sent_or_given() {
        assert_release(
            &[
                "The Company expects this proxy statement to be first released to holders of record on or about March 9, 2025.",
                "This Proxy Statement is being furnished to stockholders of record on or about March 9, 2025.",
                "These proxy materials are first being sent or given to shareholders on or about March 9, 2025.",
                "The Notice of Internet Availability of Proxy Materials is being sent to stockholders on or about March 9, 2025.",
                "We are first furnishing the proxy materials to our shareholders on or about March 9, 2025.",
                "This proxy statement will be first\nsent or given to shareholders on or about March 9, 2025.",
                "These proxy materials were first made available on March 9, 2025.",
            ],
            "2025-03-09",
        );
    }

    #[test]
    fn the_date_before_the_verb() {
        assert_release(
            &[
                "On or about April 4, 2025, we will begin mailing a Notice of Internet Availability of Proxy Materials.",
                "On or about April 4, 2025, we began mailing a Notice of Internet Availability of Proxy Materials to our shareholders.",
                "Beginning on or about April 4, 2025, this proxy statement and the accompanying proxy card are being mailed to stockholders.",
                "Commencing on or about April 4, 2025, the Company will make available to its shareholders the proxy materials.",
                "On April 4, 2025, we first sent the Notice of Internet Availability to our stockholders.",
                "Starting on April 4, 2025, the proxy materials will be\ndistributed to holders.",
            ],
            "2025-04-04",
        );
    }

    #[test]
    fn we_are_mailing_and_mailing_is_scheduled() {
        assert_release(
            &[
                "We are mailing these proxy materials on or about April 1, 2025.",
                "We are mailing this proxy statement and the accompanying notice and proxy card, to the Company's shareholders entitled to vote at the Annual Meeting on or about April 1, 2025.",
                "Mailing of this proxy statement is scheduled to begin on or about April 1, 2025.",
                "The mailing of the Notice to stockholders is expected to commence on or about April 1, 2025.",
                "We intend to mail the proxy materials on or about April 1, 2025.",
                "This proxy statement was mailed to stockholders beginning April 1, 2025.",
            ],
            "2025-04-01",
        );
    }

    #[test]
    fn an_expected_release_is_medium_confidence() {
        let found = read(
            "p.txt",
            &format!(
                "{MEETING}\n\nSolicitation of proxies will begin on or about April 2, 2025.\n"
            ),
        );
        let p = get(&found, "proxy_release").unwrap();
        assert_eq!(p.confidence, Confidence::Medium);
        assert!(p.note.as_deref().unwrap().contains("on or about"));
    }

    /// Look-alikes: last year's release cited for a deadline, a meeting
    /// or voting that begins, a record date, a dividend mailed.
    #[test]
    fn not_this_years_release() {
        let not = [
            "Proposals must be received 120 days before the anniversary of the date this proxy statement was first mailed, March 20, 2024.",
            "Last year's proxy statement was released to shareholders on March 20, 2024.",
            "The prior year’s proxy materials were first made available on March 20, 2024.",
            "Our proxy statement for the 2024 annual meeting was first mailed on March 20, 2024.",
            "The Annual Meeting will begin at 9:00 a.m. on April 2, 2025, and proxy cards may be returned until then.",
            "Internet voting on the proxy will begin on April 2, 2025.",
            "Proxy materials will be sent to stockholders of record at the close of business on March 10, 2025.",
            "Dividend checks will be mailed on April 15, 2025.",
            "On April 2, 2025, the annual meeting was held and the proxy results were distributed.",
            "On April 2, 2025, the Company filed its preliminary proxy statement, which will be mailed later.",
        ];
        for w in not {
            for html in [false, true] {
                assert_eq!(release_in(w, html), None, "{w} (html: {html})");
            }
        }
        // Beside this year's release, last year's cited in the 14a-8
        // section is no conflict.
        let found = read(
            "p.txt",
            &format!(
                "{MEETING}\n\nThis proxy statement is first being mailed on or about March 27, 2025.\n\nProposals were due 120 days before the anniversary of last year's mailing date, March 21, 2024.\n\nThe 2024 proxy statement was first mailed on March 21, 2024.\n"
            ),
        );
        let p = get(&found, "proxy_release").unwrap();
        assert_eq!(p.value, "2025-03-27");
        assert!(p.sure, "{p:?}");
        assert!(
            p.note.as_deref().is_none_or(|n| !n.contains("also gives")),
            "{p:?}"
        );
    }
}
