//! Dates a sentence states, each made a fact by the cue words just before
//! (or after) it: the meeting ("will be held on", "was held on",
//! "anticipates holding its"), the record date ("of record at the close of
//! business on"), the proxy statement's release ("first mailed"), the
//! announcement ("press release dated") and the fiscal year end ("fiscal
//! year ended"). One table of cues serves every fact, so that the cue
//! nearest a date decides which fact it is.

use chrono::Datelike;

use super::release::{clause, earlier_release, release_after, starts_release};
use super::{Candidate, Confidence};
use crate::extract::dates::{self, Found};
use crate::extract::text::Sentence;

/// Cue phrases that make a date following them (within a clause) a fact.
/// `held_meeting` and `planned_meeting` are a meeting told in the past
/// tense or as a plan; [`super::find`] makes them the meeting or the prior meeting.
const CUES: [(&str, &[&str]); 9] = [
    (
        "record_date",
        &[
            "record date",
            "of record at the close of business on",
            "of record as of the close of business on",
            "of record at the close of business",
            "of record on",
            "of record as of",
            "close of business on",
        ],
    ),
    (
        "prior_meeting",
        &[
            "prior year's annual meeting",
            "prior year’s annual meeting",
            "last year's annual meeting",
            "last year’s annual meeting",
            "preceding year's annual meeting",
            "preceding year’s annual meeting",
            "previous year's annual meeting",
            "previous year’s annual meeting",
            "last annual meeting",
            "prior annual meeting",
        ],
    ),
    (
        "held_meeting",
        &[
            "annual meeting was held",
            "meeting was held on",
            "was held on",
            "shareholders held on",
            "stockholders held on",
            "meeting held on",
            "held its",
        ],
    ),
    (
        "planned_meeting",
        &[
            "anticipates holding its",
            "anticipates holding the",
            "intends to hold its",
            "expects to hold its",
            "plans to hold its",
        ],
    ),
    (
        "meeting",
        &[
            "will be held",
            "to be held",
            "be held on",
            "will take place",
            "scheduled for",
            "scheduled to be held",
            "has been scheduled",
            "has been set for",
            "will hold its",
            "will convene",
            "meeting date",
            "date of the meeting",
            "date of the annual meeting",
            "date of its annual meeting",
            "date of the special meeting",
            "annual meeting on",
            "special meeting on",
            "meeting of shareholders on",
            "meeting of stockholders on",
        ],
    ),
    (
        "proxy_release",
        &[
            "mailed to shareholders on",
            "mailed to stockholders on",
            "will be mailed",
            "first mailed",
            "first sent",
            "first being sent",
            "first being mailed",
            "first being made available",
            "first being distributed",
            "sent or given",
            "first made available",
            "made available",
            "first released",
            "mailing date",
            "are being mailed",
            "is being mailed",
            "be mailed",
            "begin mailing",
            "began mailing",
            "commence mailing",
            "released to",
            "distributed",
            "proxy statement filed with",
            "first furnished",
            "being furnished",
            "be furnished",
            "were furnished",
            "furnishing",
            "making available",
            "make available",
            "first provided",
            "being provided",
            "be sent",
            "being sent",
            "were sent",
            "was sent",
            "are sending",
            "is sending",
            "will send",
            "were mailed",
            "was mailed",
            "are mailing",
            "is mailing",
            "will mail",
            "to mail",
            "we mail",
            "commenced mailing",
            "start mailing",
            "date of mailing",
            "be released",
        ],
    ),
    (
        "release_start",
        &[
            "will begin",
            "will commence",
            "will start",
            "to begin",
            "to commence",
            "to start",
            "begins",
            "commences",
            "beginning",
            "commencing",
            "starting",
        ],
    ),
    (
        "announcement",
        &[
            "issued a press release",
            "press release dated",
            "press release issued",
            "publicly announced",
            "announced that",
        ],
    ),
    (
        "fiscal_year_end",
        &[
            "fiscal year ended",
            "fiscal year ending",
            "fiscal year end",
            "year ended",
        ],
    ),
];

/// Cues that name a meeting or a time of day rather than an act ("the
/// annual meeting on", "close of business on"): an act named earlier in
/// the clause ("we will begin mailing the notice for the annual meeting on
/// or about …") decides the fact instead.
const WEAK_CUES: [&str; 5] = [
    "annual meeting on",
    "special meeting on",
    "meeting of shareholders on",
    "meeting of stockholders on",
    "close of business on",
];

/// Words that show a sentence is about who may vote at a meeting; a bare
/// "close of business on" is a record date only beside one of them.
const RECORD_CONTEXT: [&str; 7] = [
    "of record",
    "record date",
    "entitled to vote",
    "entitled to notice",
    "entitled to receive notice",
    "eligible to vote",
    "may vote",
];

/// Words that make a record date another event's: a dividend's, a
/// distribution's, a split's, an offer's.
const NOT_A_MEETINGS_RECORD: [&str; 10] = [
    "dividend",
    "distribution",
    "split",
    "payable",
    "paid",
    "rights offering",
    "exchange offer",
    "tender",
    "redemption",
    "interest",
];

/// Words just before "close of business on" that make it a deadline, not
/// a record date ("no later than the close of business on").
const DEADLINE_WORDS: [&str; 7] = [
    "later than",
    "earlier than",
    "before",
    "prior to",
    "received",
    "delivered",
    "by the",
];

/// Words that put a sentence about a meeting into the future beyond the one
/// the filing is about ("our 2026 annual meeting" in a 2025 proxy).
const NEXT_YEAR: [&str; 6] = [
    "next year",
    "anticipate",
    "expect that",
    "expects that",
    "intends to hold",
    "to be included in",
];

/// Words that make a past meeting last year's ("the prior year's annual
/// meeting was held on …").
pub(super) const PRIOR_WORDS: [&str; 7] = [
    "prior year",
    "last year",
    "preceding year",
    "previous year",
    "last annual meeting",
    "prior annual meeting",
    "prior year’s",
];

pub(super) fn sentence_facts(s: &Sentence, add: &mut impl FnMut(&'static str, Candidate)) {
    let (text, map) = without_defined_terms(&s.text);
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return sentence_facts_in(s, &s.text, &s.text.to_lowercase(), None, add);
    }
    sentence_facts_in(s, &text, &lower, Some(&map), add);
}

/// The sentence with each parenthesis that only defines a term ("(the
/// “Meeting”)", "(the 'Annual Meeting')", "(together with any
/// adjournments, the "Meeting")") taken out, so that the cue and the date
/// it governs are side by side again ("held its Annual Meeting (the
/// "Meeting") on May 8, 2025" reads as "held its Annual Meeting on May 8,
/// 2025"). A parenthesis that holds a date is kept. The map gives, for
/// each byte of the result, the byte of the sentence it came from.
pub(super) fn without_defined_terms(text: &str) -> (String, Vec<usize>) {
    const QUOTES: [char; 6] = ['"', '“', '”', '\'', '‘', '’'];
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut copied = 0;
    for (open, _) in text.match_indices(" (") {
        if open < copied {
            continue;
        }
        let inner_start = open + 2;
        let Some(close) = text[inner_start..].find(')').map(|c| inner_start + c) else {
            continue;
        };
        let inner = &text[inner_start..close];
        let trimmed = inner.trim_end();
        let quoted_end = trimmed.ends_with(QUOTES);
        let lower = inner.to_lowercase();
        let defines = lower.starts_with("the ")
            || lower.contains(", the ")
            || lower.starts_with("together with")
            || lower.starts_with("including");
        if close - open > 140
            || !quoted_end
            || !defines
            || inner.contains('(')
            || !dates::find(inner).is_empty()
        {
            continue;
        }
        out.push_str(&text[copied..open]);
        map.extend(copied..open);
        copied = close + 1;
    }
    out.push_str(&text[copied..]);
    map.extend(copied..=text.len());
    (out, map)
}

fn sentence_facts_in(
    s: &Sentence,
    text: &str,
    lower: &str,
    map: Option<&[usize]>,
    add: &mut impl FnMut(&'static str, Candidate),
) {
    let at = |i: usize| map.map_or(i, |m| m.get(i).copied().unwrap_or(i));
    let mentions_meeting = lower.contains("meeting");
    let found = dates::find(text);
    if found.is_empty() {
        return;
    }
    let next_year = NEXT_YEAR.iter().any(|w| lower.contains(w));
    let prior_words = PRIOR_WORDS.iter().any(|w| lower.contains(w));
    let record_context = RECORD_CONTEXT.iter().any(|w| lower.contains(w));
    let meeting_context = [
        "meeting",
        "vote",
        "voting",
        "stockholder",
        "shareholder",
        "proxy",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let proxy_context = ["proxy", "materials", "notice", "solicitation"]
        .iter()
        .any(|w| lower.contains(w));
    for (k, f) in found.iter().enumerate() {
        let previous_end = if k == 0 { 0 } else { found[k - 1].span.end };
        let next_start = found.get(k + 1).map_or(lower.len(), |n| n.span.start);
        let Some(cue) = cue_before(lower, previous_end, f)
            .or_else(|| meeting_far_before(lower, previous_end, f))
            .or_else(|| cue_after(lower, f.span.end, next_start))
            .or_else(|| release_after(lower, previous_end, f, next_start))
        else {
            continue;
        };
        let mut fact = cue.fact;
        if fact == "release_start" {
            if !starts_release(lower, previous_end, &cue, f, next_start) {
                continue;
            }
            fact = "proxy_release";
        }
        match fact {
            "meeting" | "prior_meeting" | "held_meeting" | "planned_meeting"
                if !mentions_meeting =>
            {
                continue;
            }
            "meeting" if next_year => {
                let planned = CUES
                    .iter()
                    .filter(|(f, _)| *f == "planned_meeting")
                    .flat_map(|(_, cues)| cues.iter())
                    .any(|c| lower.contains(c));
                if !planned {
                    continue;
                }
                fact = "planned_meeting";
            }
            "held_meeting" if prior_words => fact = "prior_meeting",
            // "… before the anniversary of the preceding year's annual
            // meeting (no later than February 8, 2026 …)": a deadline
            // counted from last year's meeting, not its date.
            "prior_meeting" if counted_from(lower, &cue, f) => continue,
            "proxy_release"
                if !proxy_context || earlier_release(clause(lower, previous_end, next_start)) =>
            {
                continue;
            }
            "announcement" if !mentions_meeting => continue,
            // "The Board has fixed the close of business on April 24, 1996
            // as the record date." says what it is without naming the
            // meeting; a dividend's or a distribution's says so.
            "record_date"
                if !meeting_context
                    && (!lower.contains("as the record date")
                        || NOT_A_MEETINGS_RECORD.iter().any(|w| lower.contains(w))) =>
            {
                continue;
            }
            "record_date" if cue.phrase == "close of business on" => {
                let before = lower
                    .get(cue.start.saturating_sub(30)..cue.start)
                    .unwrap_or("");
                if !record_context || DEADLINE_WORDS.iter().any(|w| before.contains(w)) {
                    continue;
                }
            }
            _ => {}
        }
        let mut note = None;
        let mut confidence = Confidence::High;
        if f.approximate {
            note = Some("\"on or about\": an expected date".to_owned());
            confidence = Confidence::Medium;
        }
        if f.year_inferred || fact == "planned_meeting" {
            confidence = Confidence::Medium;
        }
        if fact == "planned_meeting" {
            note = Some("a planned date (\"anticipates holding\")".to_owned());
        }
        if cue.phrase == "proxy statement filed with" {
            confidence = Confidence::Medium;
            note = Some("the date the proxy statement was filed with the SEC".to_owned());
        }
        if f.weekday_mismatch {
            note = Some("the weekday written beside it is not this date's".to_owned());
            confidence = Confidence::Low;
        }
        let value = if fact == "fiscal_year_end" {
            // "the fiscal year ended June 30, 1999" is also a whole date:
            // the year end a filing with no meeting reports.
            if cue.phrase.ends_with("ended") && !f.year_inferred {
                add(
                    "fiscal_year_ended",
                    Candidate {
                        value: f.date.to_string(),
                        confidence,
                        offset: s.offset(at(f.span.start)),
                        evidence: s.text.clone(),
                        note: None,
                        rank: 1,
                    },
                );
            }
            format!("--{:02}-{:02}", f.date.month(), f.date.day())
        } else {
            f.date.to_string()
        };
        add(
            fact,
            Candidate {
                value,
                confidence,
                offset: s.offset(at(f.span.start)),
                evidence: s.text.clone(),
                note,
                rank: u8::from(fact == "fiscal_year_end"),
            },
        );
    }
}

/// "We will hold the Annual Meeting of Stockholders of Union Electric
/// Company at [a long address], on Thursday, April 22, 1999": the meeting
/// named as the sentence's subject, its date after a place too long for
/// [`cue_before`]'s window, introduced by "on" (and a weekday). At most 400
/// bytes back, with no date between.
fn meeting_far_before(lower: &str, previous_end: usize, f: &Found) -> Option<Cue> {
    const HOLD: [&str; 6] = [
        "will hold the annual meeting",
        "will hold its annual meeting",
        "will hold our annual meeting",
        "will hold the special meeting",
        "will hold its special meeting",
        "will hold our special meeting",
    ];
    let start = f.span.start;
    let head = lower.get(..start)?.trim_end();
    let head = [
        "monday,",
        "tuesday,",
        "wednesday,",
        "thursday,",
        "friday,",
        "saturday,",
        "sunday,",
    ]
    .iter()
    .find_map(|d| head.strip_suffix(d))
    .unwrap_or(head)
    .trim_end();
    if !head.ends_with(" on") {
        return None;
    }
    let mut from = previous_end.max(start.saturating_sub(400));
    while !lower.is_char_boundary(from) {
        from += 1;
    }
    let window = lower.get(from..start)?;
    let (pos, phrase) = HOLD
        .iter()
        .filter_map(|h| window.rfind(h).map(|p| (p, *h)))
        .max()?;
    // The place between is one clause and only a place: no clause's end,
    // no act or time of its own.
    let between = &window[pos + phrase.len()..];
    if between.contains([';', ':'])
        || [
            "which",
            "that",
            "after",
            "before",
            "following",
            "approved",
            "adopted",
            "mail",
            "announce",
            "dated",
            "record",
        ]
        .iter()
        .any(|w| between.contains(w))
    {
        return None;
    }
    Some(Cue {
        fact: "meeting",
        phrase,
        start: from + pos,
    })
}

/// Whether the words between a cue naming last year's meeting and the date
/// after it make the date a deadline counted from that meeting ("prior to
/// the anniversary of the preceding year's annual meeting (i.e., no later
/// than …)"), not the meeting's own date.
fn counted_from(lower: &str, cue: &Cue, f: &Found) -> bool {
    let between = lower.get(cue.start..f.span.start).unwrap_or("");
    let before = lower.get(..cue.start).unwrap_or("");
    let head = &before[before
        .char_indices()
        .rev()
        .map(|(i, _)| i)
        .find(|&i| before.len() - i >= 80)
        .unwrap_or(0)..];
    DEADLINE_WORDS
        .iter()
        .chain(&[
            "between",
            "i.e.",
            "that is",
            "no later",
            "no earlier",
            "not later",
            "not earlier",
        ])
        .any(|w| between.contains(w))
        || head.contains("anniversary")
}

/// A cue found near a date: the fact it names, the cue, and where it
/// starts in the lower-cased sentence.
pub(super) struct Cue {
    pub(super) fact: &'static str,
    pub(super) phrase: &'static str,
    pub(super) start: usize,
}

/// The fact whose cue ends nearest before the date, within the same clause
/// (no earlier date between) and at most 160 bytes before it. A weak cue
/// ([`WEAK_CUES`]) gives way to an act of mailing, fixing a record date or
/// holding a meeting ("held its annual meeting on") named earlier in the
/// window.
fn cue_before(lower: &str, previous_end: usize, f: &Found) -> Option<Cue> {
    let start = f.span.start;
    let mut window_start = previous_end.max(start.saturating_sub(160));
    while !lower.is_char_boundary(window_start) {
        window_start += 1;
    }
    let window = lower.get(window_start..start)?;
    let mut best: Option<(usize, Cue)> = None;
    let mut strong: Option<(usize, Cue)> = None;
    let mut release: Option<(usize, Cue)> = None;
    for (fact, cues) in CUES {
        for cue in cues {
            if let Some(pos) = window.rfind(cue) {
                let end = pos + cue.len();
                let weak = WEAK_CUES.contains(cue);
                let c = || Cue {
                    fact,
                    phrase: cue,
                    start: window_start + pos,
                };
                if best.as_ref().is_none_or(|(b, _)| end > *b) {
                    best = Some((end, c()));
                }
                if fact == "proxy_release" && release.as_ref().is_none_or(|(b, _)| end > *b) {
                    release = Some((end, c()));
                }
                if !weak
                    && matches!(fact, "proxy_release" | "record_date" | "held_meeting")
                    && strong.as_ref().is_none_or(|(b, _)| end > *b)
                {
                    strong = Some((end, c()));
                }
            }
        }
    }
    let (_, best) = best?;
    // "first released to holders of record on or about March 9": the
    // holders are who receive it, and a record date is never "about".
    if f.approximate && matches!(best.phrase, "of record on" | "of record as of") {
        if let Some((_, r)) = release {
            return Some(r);
        }
    }
    if WEAK_CUES.contains(&best.phrase) {
        if let Some((_, s)) = strong {
            if s.fact != best.fact {
                return Some(s);
            }
        }
    }
    Some(best)
}

/// Cues written after their date, within the same clause: "On February 27,
/// 2004, the company issued a press release announcing the date of its
/// annual meeting", "On November 14, 2024, the company held its annual
/// meeting", "The board has fixed June 13, 2025 as the record date", "On
/// March 17, 2026, we first mailed a notice of availability".
fn cue_after(lower: &str, end: usize, next_start: usize) -> Option<Cue> {
    const AFTER: [(&str, &[&str]); 4] = [
        (
            "announcement",
            &[
                "issued a press release announcing",
                "announced the date",
                "publicly announced the date",
                "announced that its",
            ],
        ),
        ("held_meeting", &["held its"]),
        (
            "record_date",
            &["as the record date", "as the record date for"],
        ),
        (
            "proxy_release",
            &[
                "we first mailed",
                "we mailed",
                "we first sent",
                "we sent",
                "we began mailing",
                "we first made available",
            ],
        ),
    ];
    let mut stop = next_start.min(end + 120).min(lower.len());
    while !lower.is_char_boundary(stop) {
        stop -= 1;
    }
    let window = lower.get(end..stop)?;
    // The cue must belong to this date: no sentence-like break before it.
    let mut best: Option<Cue> = None;
    for (fact, cues) in AFTER {
        for cue in cues {
            if let Some(pos) = window.find(cue) {
                if best.as_ref().is_none_or(|b| end + pos < b.start) {
                    best = Some(Cue {
                        fact,
                        phrase: cue,
                        start: end + pos,
                    });
                }
            }
        }
    }
    let best = best?;
    if best.fact == "announcement" && !lower.contains("meeting") {
        return None;
    }
    if best.fact == "held_meeting" && !lower[best.start..].contains("meeting") {
        return None;
    }
    Some(best)
}

#[cfg(test)]
mod tests {
    use crate::extract::facts::Confidence;
    use crate::extract::facts::tests::{filled, get, read};

    #[test]
    fn a_deadline_at_the_close_of_business_is_no_record_date() {
        let found = read(
            "p.txt",
            "The annual meeting will be held on June 4, 2024.\n\nYou may vote if you held shares of record at the close of business on April 8, 2024.\n\nA holder entitled to vote who votes by mail must see the ballot received no later than the close of business on June 3, 2024.\n",
        );
        let r = get(&found, "record_date").unwrap();
        assert_eq!(r.value, "2024-04-08");
        assert!(r.sure, "{r:?}");
        assert!(r.note.is_none(), "{r:?}");
        // Without voting words a bare "close of business on" is nothing.
        let found = read(
            "d.txt",
            "The annual meeting will be held on June 4, 2024.\n\nOffers are taken until the close of business on April 8, 2024.\n",
        );
        assert!(get(&found, "record_date").is_none());
    }

    #[test]
    fn dates_before_their_cue() {
        let found = read(
            "p.txt",
            "The annual meeting will be held on June 4, 2024.\n\nThe Board fixed April 8, 2024 as the record date for the meeting.\n\nOn April 19, 2024, we first mailed a notice of availability of the proxy materials.\n",
        );
        assert_eq!(filled(&found, "record_date").as_deref(), Some("2024-04-08"));
        assert_eq!(
            filled(&found, "proxy_release").as_deref(),
            Some("2024-04-19")
        );
    }

    #[test]
    fn proxy_release_wordings() {
        let mailing = read(
            "p.txt",
            "The annual meeting will be held on June 4, 2024.\n\nWe will begin mailing a notice of availability of proxy materials for the Annual Meeting on or about April 19, 2024.\n",
        );
        let p = get(&mailing, "proxy_release").unwrap();
        assert_eq!(p.value, "2024-04-19");
        assert_eq!(p.confidence, Confidence::Medium);
        assert_eq!(filled(&mailing, "meeting").as_deref(), Some("2024-06-04"));
        let sent = read(
            "s.txt",
            "The annual meeting will be held on June 4, 2024.\n\nThis proxy statement is first being sent to holders on April 19, 2024.\n",
        );
        assert_eq!(
            filled(&sent, "proxy_release").as_deref(),
            Some("2024-04-19")
        );
        let filed = read(
            "f.txt",
            "On May 9, 2023, the company held its annual meeting.\n\nSee the definitive proxy statement filed with the SEC on March 30, 2023.\n",
        );
        let p = get(&filed, "proxy_release").unwrap();
        assert_eq!(p.value, "2023-03-30");
        assert_eq!(p.confidence, Confidence::Medium);
        // A proxy statement "dated" is the date on it, not its release.
        let dated = read(
            "d.txt",
            "The annual meeting will be held on June 4, 2024.\n\nSee the proxy statement dated April 12, 2024.\n",
        );
        assert!(get(&dated, "proxy_release").is_none());
    }

    /// The same sentence with and without a defined term between the
    /// meeting and its date reads the same.
    #[test]
    fn a_defined_term_between_the_meeting_and_its_date() {
        let terms = [
            " (the \"Meeting\")",
            " (the “Annual Meeting”)",
            " (the 'Meeting')",
            " (the ‘2025 Meeting’)",
            " (together with any adjournments, the \"Meeting\")",
            " (including any adjournment or postponement thereof, the “Annual Meeting”)",
        ];
        for term in terms {
            let coming = format!(
                "Pinecrest Outfitters, Inc. will hold its 2025 Annual Meeting of Shareholders{term} on May 8, 2025.\n"
            );
            let m = get(&read("c.txt", &coming), "meeting")
                .unwrap_or_else(|| panic!("{coming}"))
                .clone();
            assert_eq!(m.value, "2025-05-08", "{coming}");
            assert!(m.sure, "{coming}");
            // The location points at the date in the sentence as written.
            let col = coming.find("May 8").unwrap() + 1;
            assert_eq!(m.column, coming[..col].chars().count(), "{coming}");
            let annual =
                format!("The annual meeting of stockholders{term} is scheduled for May 8, 2025.\n");
            assert_eq!(
                filled(&read("s.txt", &annual), "meeting").as_deref(),
                Some("2025-05-08"),
                "{annual}"
            );
            // Told in the past tense: a results report's meeting, or last
            // year's beside a coming one.
            let held = format!(
                "The Company held its 2025 Annual Meeting of Shareholders{term} on May 8, 2025.\n"
            );
            assert_eq!(
                filled(&read("h.txt", &held), "meeting").as_deref(),
                Some("2025-05-08"),
                "{held}"
            );
            let proxy = format!(
                "The 2026 annual meeting will be held on May 7, 2026.\n\nLast year the Company held its 2025 Annual Meeting of Shareholders{term} on May 8, 2025.\n"
            );
            let found = read("p.txt", &proxy);
            assert_eq!(
                filled(&found, "meeting").as_deref(),
                Some("2026-05-07"),
                "{proxy}"
            );
            assert_eq!(
                filled(&found, "prior_meeting").as_deref(),
                Some("2025-05-08"),
                "{proxy}"
            );
        }
        // A parenthesis that holds a date is not a defined term to skip,
        // and a quoted term that is not in a parenthesis changes nothing.
        let dated = read(
            "d.txt",
            "The annual meeting (the \"2024 Meeting\", held May 9, 2024) on May 8, 2025 is not a meeting date.\n",
        );
        assert_ne!(
            filled(&dated, "meeting").as_deref(),
            Some("2025-05-08"),
            "{dated:?}"
        );
        let issuer = read(
            "i.txt",
            "Harrow Mills, Inc. (the “Issuer”) on May 8, 2025 issued notes due 2030.\n",
        );
        assert!(get(&issuer, "meeting").is_none(), "{issuer:?}");
    }

    #[test]
    fn a_meeting_held_after_a_long_place() {
        let text = "We will hold the Annual Meeting of Stockholders of Union Electric Company\nat the principal executive offices of Ameren Corporation, One Ameren Plaza, 1901\nChouteau Avenue, St. Louis, Missouri, on Thursday, April 22, 1999, at 9:00 A.M.,\nfor the purposes of electing directors.\n";
        assert_eq!(
            filled(&read("u.txt", text), "meeting").as_deref(),
            Some("1999-04-22")
        );
        // Not when the date is not the meeting's ("on" some other act).
        let text = "We will hold the annual meeting of stockholders at our offices at 12 Quay Street, Salem, after mailing the notice, which the Board approved on March 1, 1999 at its regular session held in the boardroom of the company.\n";
        assert!(get(&read("u.txt", text), "meeting").is_none());
    }

    #[test]
    fn a_record_date_stated_as_such_without_naming_the_meeting() {
        let meeting = "The annual meeting of stockholders will be held on June 3, 1996.\n\n";
        for sentence in [
            "The Board of Directors has fixed the close of business on April 24, 1996 as the record date.",
            "The Board of Directors has fixed the close of business on April\n24, 1996 as the record date.",
            "The Directors have established April 24, 1996 as the record date.",
        ] {
            let found = read("r.txt", &format!("{meeting}{sentence}\n"));
            assert_eq!(
                filled(&found, "record_date").as_deref(),
                Some("1996-04-24"),
                "{sentence}"
            );
        }
        for other in [
            "The Board has fixed the close of business on April 24, 1996 as the record date for the dividend.",
            "April 24, 1996 was set as the record date for the distribution of the spin-off shares.",
            "The Board fixed April 24, 1996 as the record date for the redemption of the notes.",
        ] {
            let found = read("r.txt", &format!("{meeting}{other}\n"));
            assert!(get(&found, "record_date").is_none(), "{other}");
        }
    }

    #[test]
    fn record_dates_established_or_fixed_as_the_record_date() {
        let wordings = [
            "The Board of Directors has established the close of business on March 10, 2025 as the record date for determining the stockholders entitled to notice of, and to vote at, the Annual Meeting.",
            "The Board has fixed March 10, 2025 as the record date for the meeting.",
            "Our board established March 10, 2025 as the record date (the “Record Date”) for shareholders entitled to vote.",
            "The close of business on March 10, 2025 has been established as the record date for the Annual Meeting.",
            "March 10, 2025 has been fixed as the record date for determining the shareholders entitled to vote.",
        ];
        for w in wordings {
            let text = format!("The annual meeting will be held on May 8, 2025.\n\n{w}\n");
            let found = read("r.txt", &text);
            assert_eq!(
                filled(&found, "record_date").as_deref(),
                Some("2025-03-10"),
                "{w}"
            );
            assert_eq!(
                filled(&found, "meeting").as_deref(),
                Some("2025-05-08"),
                "{w}"
            );
        }
        // A record date for a dividend or a distribution is not the
        // meeting's.
        let dividend = read(
            "v.txt",
            "The annual meeting will be held on May 8, 2025.\n\nThe Board fixed March 18, 2025 as the record date for the quarterly dividend.\n",
        );
        assert!(get(&dividend, "record_date").is_none(), "{dividend:?}");
    }

    #[test]
    fn a_deadline_counted_from_last_years_meeting_is_not_its_date() {
        for sentence in [
            "The notice must be delivered not less than 90 days or more than 120 days prior to the first anniversary of the preceding year’s annual meeting (no later than February 8, 2026, and no earlier than January 9, 2026).",
            "Notice must be received prior to the first anniversary of the preceding year's annual meeting, that is, no earlier than January 14, 2020.",
            "Notice must arrive before the anniversary of last year's annual meeting, i.e. by March 1, 2026.",
            "Nominations are due between the 120th and 90th day before the anniversary of the prior year's annual meeting: between January 9, 2026 and February 8, 2026.",
        ] {
            let text = format!("The annual meeting will be held on May 15, 2025.\n\n{sentence}\n");
            let found = read("d.txt", &text);
            assert!(get(&found, "prior_meeting").is_none(), "{sentence}");
        }
        // Last year's meeting with its own date is still read.
        let text = "The annual meeting will be held on May 15, 2025.\n\nThe date of the prior year's annual meeting was May 16, 2024.\n";
        assert_eq!(
            filled(&read("p.txt", text), "prior_meeting").as_deref(),
            Some("2024-05-16")
        );
    }
}
