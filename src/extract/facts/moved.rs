//! Meetings that moved: an 8-K or a proxy supplement saying that the
//! meeting, "previously scheduled for May 14, 2020", "has been postponed"
//! and "will now be held on June 25, 2020", or that the board "has set
//! June 25, 2020 as the new date". The new date is the meeting, with the
//! old one in its note; the old date, wherever else the filing repeats it,
//! is no candidate. A meeting postponed "until further notice" has no
//! date, and the filing says so in a note; a meeting said to be postponed
//! with no new date leaves any other date found unsure.
//!
//! Each date in a sentence that tells of a move is old or new by the words
//! nearest before it: explicit ones ("originally scheduled for", "from";
//! "rescheduled to", "will now be held on", "as the new date" after it),
//! or the plain words of a meeting date ("scheduled for", "to be held
//! on"), which are the other side of an explicit one in the same
//! sentence, or else old before the verb of moving and new after it. A
//! move in a condition ("if the meeting is adjourned to a date …"), in
//! boilerplate ("any adjourned or postponed meeting") or last year's is
//! no move.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::cues::{PRIOR_WORDS, without_defined_terms};
use super::{Candidate, Confidence, Note};
use crate::extract::dates::{self, Found};
use crate::extract::text::{Doc, Sentence};

/// Words just before a date that make it the date the meeting moved from.
const OLD: [&str; 38] = [
    "previously proposed to be held on",
    "previously proposed for",
    "originally proposed to be held on",
    "originally proposed for",
    "previously scheduled for",
    "previously scheduled to be held on",
    "previously scheduled to be held",
    "previously scheduled on",
    "previously scheduled",
    "originally scheduled for",
    "originally scheduled to be held on",
    "originally scheduled to be held",
    "originally scheduled",
    "initially scheduled for",
    "initially scheduled",
    "had been scheduled for",
    "had been scheduled",
    "was scheduled for",
    "was scheduled to be held on",
    "was scheduled to be held",
    "was to be held on",
    "was to be held",
    "was to have been held on",
    "would have been held on",
    "previously announced for",
    "previously announced date of",
    "previously announced to be held on",
    "previously set for",
    "originally set for",
    "originally planned for",
    "previously planned for",
    "original date of",
    "original meeting date of",
    "postponed from",
    "rescheduled from",
    "moved from",
    "changed from",
    "adjourned on",
];

/// Old-date words that say no more than that the meeting was set for the
/// date: an old date only in a sentence that tells of a move.
const OLD_WEAK: [&str; 7] = [
    "was scheduled for",
    "was scheduled to be held on",
    "was scheduled to be held",
    "was to be held on",
    "was to be held",
    "would have been held on",
    "adjourned on",
];

/// Words that make the date right after them (nothing but a space
/// between) the old one, in a sentence that tells of a move.
const OLD_NEXT_TO: [&str; 5] = [
    "from",
    "previously announced",
    "originally announced",
    "instead of",
    "rather than",
];

/// Words just before a date that make it the meeting's new date.
const NEW: [&str; 31] = [
    "will now be held on",
    "will now be held",
    "now be held on",
    "now to be held on",
    "will instead be held on",
    "now scheduled for",
    "now scheduled to be held on",
    "rescheduled for",
    "rescheduled to",
    "rescheduled to be held on",
    "postponed to",
    "postponed until",
    "adjourned to",
    "adjourned until",
    "moved to",
    "changed to",
    "delayed to",
    "delayed until",
    "reconvene on",
    "reconvened on",
    "will reconvene",
    "reconvened",
    "new date of",
    "new date for the meeting is",
    "new date is",
    "new meeting date of",
    "new meeting date is",
    "new meeting date",
    "new date",
    "to a new date of",
    "to be reconvened on",
];

/// Words written after a date that make it the new one: "has set June
/// 25, 2020 as the new date for the Annual Meeting".
const NEW_AFTER: [&str; 7] = [
    "as the new date",
    "as the new meeting date",
    "as the new annual meeting date",
    "as the date of the rescheduled",
    "as the date for the rescheduled",
    "as the date of the postponed",
    "as the rescheduled",
];

/// A meeting's date in plain words: old or new by where it stands.
const PLAIN: [&str; 14] = [
    "scheduled for",
    "scheduled to be held on",
    "to be held on",
    "will be held on",
    "be held on",
    "held on",
    "set for",
    "take place on",
    "convened on",
    "annual meeting on",
    "special meeting on",
    "meeting of shareholders on",
    "meeting of stockholders on",
    "meeting on",
];

/// The verbs of moving a meeting, and the word a note uses for each.
const VERBS: [(&str, &str); 13] = [
    ("postpone", "postponed"),
    ("reschedul", "rescheduled"),
    ("adjourn", "adjourned"),
    ("reconven", "adjourned"),
    ("delayed", "postponed"),
    ("moved to", "moved"),
    ("changed to", "moved"),
    ("now be held", "moved"),
    ("instead be held", "moved"),
    ("changed the date", "moved"),
    ("change the date", "moved"),
    ("moved the date", "moved"),
    ("changed the meeting date", "moved"),
];

/// Verbs that say, with no date, that the meeting moved: with them and no
/// new date, the dates found may be the old one.
const BARE_VERBS: [&str; 3] = ["postpone", "reschedul", "delayed"];

/// A meeting put off with no date at all.
const OFF: [&str; 20] = [
    "until further notice",
    "postponed indefinitely",
    "indefinitely postponed",
    "adjourned indefinitely",
    "has been cancelled",
    "has been canceled",
    "was cancelled",
    "was canceled",
    "will be cancelled",
    "will be canceled",
    "cancelled the",
    "canceled the",
    "to cancel the",
    "date to be determined",
    "date to be announced",
    "new date has not been",
    "to a later date",
    "at a later date",
    "announce the new date",
    "announce a new date",
];

/// Words that make what follows a condition or a possibility, not an
/// event ("if the meeting is adjourned to a date more than 30 days
/// later").
const CONDITIONAL: [&str; 10] = [
    "if ",
    "in the event",
    " may ",
    " might ",
    " could ",
    " should ",
    "whether",
    "unless",
    "in case",
    "provided that",
];

/// Words beside a record date that make it the new one or the old one.
const NEW_RECORD: [&str; 3] = [
    "new record date",
    "as the new record date",
    "revised record date",
];
const OLD_RECORD: [&str; 8] = [
    "original record date",
    "previous record date",
    "prior record date",
    "former record date",
    "previously established record date",
    "previously set record date",
    "previously fixed record date",
    "previously announced record date",
];

/// Where a date stands in a move.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Old,
    New,
    Plain,
}

/// The moves a sentence tells of, as candidates of the pseudo-facts that
/// [`settle`] weighs: `moved_meeting` (a new date), `superseded_meeting`
/// (an old one), `meeting_off` (put off with no date; the value is the
/// words), `meeting_moved` (a verb of moving with the meeting; the value
/// is the verb for a note), `new_record` and `old_record`.
pub(super) fn moved_facts(s: &Sentence, add: &mut impl FnMut(&'static str, Candidate)) {
    let (text, map) = without_defined_terms(&s.text);
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return;
    }
    let at = |i: usize| map.get(i).copied().unwrap_or(i);
    let mentions_meeting = lower.contains("meeting");
    if !mentions_meeting && !lower.contains("record date") {
        return;
    }
    // Last year's meeting, adjourned or moved, is history.
    if PRIOR_WORDS.iter().any(|w| lower.contains(w)) {
        return;
    }
    let candidate = |value: String, offset: usize, f: Option<&Found>| {
        let approximate = f.is_some_and(|f| f.approximate || f.year_inferred);
        Candidate {
            value,
            confidence: if approximate {
                Confidence::Medium
            } else {
                Confidence::High
            },
            offset: s.offset(at(offset)),
            evidence: s.text.clone(),
            note: f
                .filter(|f| f.approximate)
                .map(|_| "\"on or about\": an expected date".to_owned()),
            rank: 0,
        }
    };
    let verb = move_verb(&lower);
    if mentions_meeting {
        if let Some((pos, word)) = verb {
            if BARE_VERBS.iter().any(|b| lower[pos..].starts_with(b)) {
                add("meeting_moved", candidate(word.to_owned(), pos, None));
            }
        }
        if let Some((pos, phrase)) = off_phrase(&lower) {
            add("meeting_off", candidate(phrase.to_owned(), pos, None));
        }
    }
    let found = dates::find(&text);
    let mut roles: Vec<Option<Role>> = Vec::with_capacity(found.len());
    for (k, f) in found.iter().enumerate() {
        let previous_end = if k == 0 { 0 } else { found[k - 1].span.end };
        let next_start = found.get(k + 1).map_or(lower.len(), |n| n.span.start);
        let before = window_before(&lower, previous_end, f.span.start);
        let after = lower.get(f.span.end..next_start).unwrap_or("");
        if let Some(new) = record_role(before, after) {
            let fact = if new { "new_record" } else { "old_record" };
            add(fact, candidate(f.date.to_string(), f.span.start, Some(f)));
            roles.push(None);
            continue;
        }
        // A date beside "record date" is the record date's, unless the
        // words right before it hold a meeting ("the new record date for
        // the rescheduled meeting, which will be held on June 25, 2020").
        let record = before.contains("record date") && !tail(before, 25).contains("held");
        if !mentions_meeting || record {
            roles.push(None);
            continue;
        }
        let head = &lower[..f.span.start];
        let clause = &head[head.rfind(['.', ';']).map_or(0, |p| p + 1)..];
        let conditional = is_conditional(clause);
        let moved = verb.is_some() || off_phrase(&lower).is_some();
        let verb_near = VERBS.iter().any(|(v, _)| tail(head, 120).contains(v));
        let role = role_of(before, after, moved, verb_near);
        roles.push(role.filter(|_| !conditional));
    }
    let has = |r: Role| roles.contains(&Some(r));
    let (has_old, has_new) = (has(Role::Old), has(Role::New));
    for (f, role) in found.iter().zip(&roles) {
        let role = match role {
            Some(Role::Plain) => {
                // "scheduled for May 14, 2020 has been cancelled": the
                // words that put the meeting off divide as a verb does.
                let Some((verb_at, _)) = verb.or_else(|| off_phrase(&lower)) else {
                    continue;
                };
                // Beside an explicit old date a plain one is new, and
                // the other way round; else the verb of moving divides.
                let new = if has_old == has_new {
                    f.span.start > verb_at
                } else {
                    has_old
                };
                if new { Role::New } else { Role::Old }
            }
            Some(r) => *r,
            None => continue,
        };
        let fact = if role == Role::New {
            "moved_meeting"
        } else {
            "superseded_meeting"
        };
        add(fact, candidate(f.date.to_string(), f.span.start, Some(f)));
    }
}

/// The clause before a date: back to the date before it, at most 160
/// bytes.
fn window_before(lower: &str, previous_end: usize, start: usize) -> &str {
    let mut from = previous_end.max(start.saturating_sub(160));
    while !lower.is_char_boundary(from) {
        from += 1;
    }
    lower.get(from..start).unwrap_or("")
}

/// Whether a record date is the new one (`Some(true)`), the old one
/// (`Some(false)`) or neither.
fn record_role(before: &str, after: &str) -> Option<bool> {
    let near = tail(before, 60);
    let after = after.trim_start_matches([',', ' ']);
    if after.starts_with("as the new record date") || NEW_RECORD.iter().any(|w| near.contains(w)) {
        return Some(true);
    }
    if OLD_RECORD.iter().any(|w| near.contains(w)) {
        return Some(false);
    }
    None
}

/// Old, new or plain by the cue nearest before the date (at most 60
/// bytes before it), or new by the words right after it. `moved`: the
/// sentence tells of a move; `verb_near`: a verb of moving stands at
/// most 120 bytes before the date ("postponed the meeting from May 14,
/// 2020 to June 25, 2020").
fn role_of(before: &str, after: &str, moved: bool, verb_near: bool) -> Option<Role> {
    let after = after.trim_start_matches([',', ' ']);
    if NEW_AFTER.iter().any(|w| after.starts_with(w)) {
        return Some(Role::New);
    }
    let trimmed = before.trim_end();
    // "On June 11, 2020, the Company reconvened its adjourned meeting".
    let lead = trimmed.rsplit([',', ';']).next().unwrap_or("").trim();
    if matches!(lead, "on" | "on or about") && start(after, 120).contains("reconvened") {
        return Some(Role::New);
    }
    if moved && OLD_NEXT_TO.iter().any(|w| ends_with_word(trimmed, w)) {
        return Some(Role::Old);
    }
    if moved
        && verb_near
        && (ends_with_word(trimmed, "to") || ends_with_word(trimmed, "until"))
        && !ends_with_word(trimmed, "up to")
    {
        return Some(Role::New);
    }
    if moved && ends_with_word(trimmed, "for") && moved_for(trimmed) {
        return Some(Role::New);
    }
    let mut best: Option<(usize, Role, usize)> = None;
    for (cues, role) in [
        (&OLD[..], Role::Old),
        (&NEW[..], Role::New),
        (&PLAIN[..], Role::Plain),
    ] {
        for cue in cues {
            if let Some(pos) = before.rfind(cue) {
                let end = pos + cue.len();
                if best.is_none_or(|(b, _, _)| end > b) {
                    best = Some((end, role, pos));
                }
            }
        }
    }
    let (end, role, pos) = best?;
    if before.len() - end > 60 {
        return None;
    }
    // Words that say the meeting was set for a date, and no more, make
    // an old date only beside a verb of moving.
    if role == Role::Old && !moved && OLD_WEAK.iter().any(|w| before[..end].ends_with(w)) {
        return None;
    }
    // "previously postponed to June 11" is an old new date.
    if role == Role::New {
        let lead = tail(&before[..pos], 25);
        if ["previously", "originally", "initially", "had been"]
            .iter()
            .any(|w| lead.contains(w))
        {
            return Some(Role::Old);
        }
    }
    Some(role)
}

/// "has rescheduled its annual meeting of stockholders for": a verb of
/// moving the meeting, then only the meeting's name before "for" (no
/// "previously scheduled for", which names the old date).
fn moved_for(before: &str) -> bool {
    let near = tail(before, 100);
    let Some(pos) = ["reschedul", "postpone", "moved", "changed the date"]
        .iter()
        .filter_map(|v| near.rfind(v))
        .max()
    else {
        return false;
    };
    let rest = &near[pos..];
    rest.contains("meeting")
        && ![
            "scheduled for",
            "previously",
            "originally",
            "initially",
            " was ",
            " had ",
            "held",
            "set for",
        ]
        .iter()
        .any(|w| rest[rest.find(' ').unwrap_or(0)..].contains(w))
}

/// The last `n` bytes of `s` or a little fewer, at a character boundary.
fn tail(s: &str, n: usize) -> &str {
    let mut from = s.len().saturating_sub(n);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    &s[from..]
}

/// The first `n` bytes of `s` or a little fewer, at a character boundary.
fn start(s: &str, n: usize) -> &str {
    let mut to = n.min(s.len());
    while !s.is_char_boundary(to) {
        to -= 1;
    }
    &s[..to]
}

/// Whether a clause, up to the words weighed, is a condition or a
/// possibility. "May" before a number is the month.
fn is_conditional(clause: &str) -> bool {
    CONDITIONAL.iter().any(|c| {
        clause.match_indices(c).any(|(p, _)| {
            *c != " may " || !clause[p + c.len()..].starts_with(|d: char| d.is_ascii_digit())
        })
    })
}

/// `text` ends with `word` standing alone.
fn ends_with_word(text: &str, word: &str) -> bool {
    text.strip_suffix(word)
        .is_some_and(|rest| rest.is_empty() || rest.ends_with([' ', ',', '(']))
}

/// The first verb of moving the meeting that tells of an event: not
/// "postponement", not "any adjourned or postponed meeting", not "if the
/// meeting is adjourned". Its position and the word for a note.
fn move_verb(lower: &str) -> Option<(usize, &'static str)> {
    let mut first: Option<(usize, &'static str)> = None;
    for (stem, word) in VERBS {
        for (pos, _) in lower.match_indices(stem) {
            let rest = &lower[pos + stem.len()..];
            let head = &lower[..pos];
            let noun = rest.starts_with("ment") || rest.starts_with("ing ");
            let boilerplate = head.ends_with("any ")
                || head.ends_with("or ")
                || rest
                    .trim_start_matches(|c: char| c.is_alphabetic())
                    .starts_with(" or ");
            let clause_start = head.rfind(['.', ';']).map_or(0, |p| p + 1);
            let conditional = is_conditional(&head[clause_start..]);
            let about_meeting =
                head.contains("meeting") || start(&lower[pos..], 60).contains("meeting");
            if noun || boilerplate || conditional || !about_meeting {
                continue;
            }
            if first.is_none_or(|(p, _)| pos < p) {
                first = Some((pos, word));
            }
            break;
        }
    }
    first
}

/// Words that put the meeting off with no date, outside a condition.
fn off_phrase(lower: &str) -> Option<(usize, &'static str)> {
    OFF.iter()
        .filter_map(|w| lower.find(w).map(|p| (p, *w)))
        .filter(|(p, _)| {
            let head = &lower[..*p];
            let clause_start = head.rfind(['.', ';']).map_or(0, |x| x + 1);
            head.contains("meeting") && !is_conditional(&head[clause_start..])
        })
        .min()
}

/// What [`settle`] leaves for the findings: doubt about the meeting date
/// found, or a note that the meeting has no date.
#[derive(Default)]
pub(super) struct Moved {
    /// Set when the filing says the meeting moved but names no new date:
    /// a meeting date found is then not sure.
    pub doubt: Option<String>,
    /// Set when the meeting is put off with no date.
    pub off: Option<Note>,
}

fn date(c: &Candidate) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&c.value, "%Y-%m-%d").ok()
}

/// Weighs the moves found: old dates are taken out of the meeting's and
/// the record date's candidates, a new date outranks every other, and a
/// meeting put off has no date.
pub(super) fn settle(doc: &Doc, found: &mut BTreeMap<&'static str, Vec<Candidate>>) -> Moved {
    let mut new = found.remove("moved_meeting").unwrap_or_default();
    let mut old = found.remove("superseded_meeting").unwrap_or_default();
    let off = found.remove("meeting_off").unwrap_or_default();
    let moved = found.remove("meeting_moved").unwrap_or_default();
    settle_record(found);
    // A move a year before the meeting found is history cited (last
    // year's meeting, adjourned), not this meeting's.
    let latest = found
        .get("meeting")
        .into_iter()
        .flatten()
        .filter_map(date)
        .max();
    let history = |c: &Candidate| {
        latest
            .zip(date(c))
            .is_some_and(|(l, d)| (l - d).num_days() > 180)
    };
    let had_dates = !new.is_empty() || !old.is_empty();
    new.retain(|c| !history(c));
    old.retain(|c| !history(c));
    if had_dates && new.is_empty() && old.is_empty() {
        return Moved::default();
    }
    let old_dates: BTreeSet<String> = old.iter().map(|c| c.value.clone()).collect();
    for fact in ["meeting", "held_meeting", "planned_meeting"] {
        if let Some(cs) = found.get_mut(fact) {
            cs.retain(|c| !old_dates.contains(&c.value));
        }
    }
    new.retain(|c| !old_dates.contains(&c.value));
    let olds: Vec<&str> = old_dates.iter().map(String::as_str).collect();
    let word = moved.first().map_or_else(
        || verb_word(new.first().or(old.first())),
        |c| c.value.clone(),
    );
    if !new.is_empty() {
        let meeting = found.entry("meeting").or_default();
        for c in meeting.iter_mut() {
            c.rank = c.rank.max(1);
        }
        for mut c in new {
            let later = olds.iter().all(|o| c.value.as_str() > *o);
            let word = if later || word != "postponed" {
                word.as_str()
            } else {
                "moved"
            };
            let n = if olds.is_empty() {
                format!("the new date: the meeting was {word}")
            } else {
                format!("{word} from {}", olds.join(" and "))
            };
            c.note = Some(c.note.take().map_or(n.clone(), |o| format!("{o}; {n}")));
            meeting.push(c);
        }
        return Moved::default();
    }
    let had = if olds.is_empty() {
        String::new()
    } else {
        format!(" set for {}", olds.join(" and "))
    };
    if let Some(o) = off.first() {
        let dropped: BTreeSet<String> = ["meeting", "held_meeting", "planned_meeting"]
            .iter()
            .filter_map(|f| found.remove(f))
            .flatten()
            .map(|c| c.value)
            .collect();
        let mut text = format!(
            "the filing puts the meeting{had} off with no new date (\"{}\"), so no meeting date is given",
            o.value
        );
        if !dropped.is_empty() {
            let d: Vec<String> = dropped.into_iter().collect();
            let (the, are) = if d.len() == 1 {
                ("date", "is")
            } else {
                ("dates", "are")
            };
            let _ = write!(
                text,
                "; the {the} {} it also gives {are} not taken",
                d.join(", ")
            );
        }
        let (line, column) = doc.source.line_col(o.offset);
        return Moved {
            doubt: None,
            off: Some(Note {
                line,
                column,
                text,
                evidence: super::shorten(&o.evidence),
            }),
        };
    }
    if moved.is_empty() && old.is_empty() {
        return Moved::default();
    }
    let has_meeting = ["meeting", "held_meeting", "planned_meeting"]
        .iter()
        .any(|f| found.get(f).is_some_and(|c| !c.is_empty()));
    let first = moved.first().or(old.first());
    if !has_meeting {
        let Some(c) = first else {
            return Moved::default();
        };
        let (line, column) = doc.source.line_col(c.offset);
        return Moved {
            doubt: None,
            off: Some(Note {
                line,
                column,
                text: format!(
                    "the filing says the meeting{had} was {word} and names no new date, so no meeting date is given"
                ),
                evidence: super::shorten(&c.evidence),
            }),
        };
    }
    Moved {
        doubt: Some(format!(
            "the filing says the meeting{had} was {word} and names no new date: this may be the old date"
        )),
        off: None,
    }
}

/// The word for a move told in `c`'s sentence.
fn verb_word(c: Option<&Candidate>) -> String {
    let Some(c) = c else {
        return "moved".to_owned();
    };
    move_verb(&c.evidence.to_lowercase())
        .map_or("moved", |(_, w)| w)
        .to_owned()
}

/// A new record date outranks every other; an old one is no candidate.
fn settle_record(found: &mut BTreeMap<&'static str, Vec<Candidate>>) {
    let new = found.remove("new_record").unwrap_or_default();
    let old = found.remove("old_record").unwrap_or_default();
    let old_dates: BTreeSet<String> = old.iter().map(|c| c.value.clone()).collect();
    if let Some(cs) = found.get_mut("record_date") {
        cs.retain(|c| !old_dates.contains(&c.value));
    }
    let new: Vec<Candidate> = new
        .into_iter()
        .filter(|c| !old_dates.contains(&c.value))
        .collect();
    if new.is_empty() {
        return;
    }
    let records = found.entry("record_date").or_default();
    for c in records.iter_mut() {
        c.rank = c.rank.max(1);
    }
    let olds: Vec<&str> = old_dates.iter().map(String::as_str).collect();
    for mut c in new {
        let n = if olds.is_empty() {
            "a new record date".to_owned()
        } else {
            format!("a new record date, in place of {}", olds.join(" and "))
        };
        c.note = Some(c.note.take().map_or(n.clone(), |o| format!("{o}; {n}")));
        records.push(c);
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::facts::tests::{filled, get, read};
    use crate::extract::facts::{Finding, Note, find_with_notes};
    use crate::extract::text;

    fn read_notes(name: &str, body: &str) -> (Vec<Finding>, Vec<Note>) {
        let doc = text::read(name, body.as_bytes()).unwrap();
        find_with_notes(&doc)
    }

    /// The new date is the meeting, sure, with the old one in its note.
    #[track_caller]
    fn assert_moved(body: &str, new: &str, old: &str) {
        for (name, body) in [
            ("m.txt", body.to_owned()),
            (
                "m.htm",
                format!(
                    "<html><body><p>{}</p></body></html>",
                    body.replace("\n\n", "</p>\n<p>")
                ),
            ),
        ] {
            let found = read(name, &body);
            let m = get(&found, "meeting").unwrap_or_else(|| panic!("no meeting in {body}"));
            assert_eq!(m.value, new, "{body}");
            assert!(m.sure, "{m:?}");
            let note = m.note.as_deref().unwrap_or("");
            assert!(note.contains(&format!("from {old}")), "{m:?}");
        }
    }

    #[test]
    fn the_old_date_before_the_new_one() {
        assert_moved(
            "The Company announced that its 2020 Annual Meeting of Stockholders, previously scheduled for May 14, 2020, has been postponed.\n\nThe Board of Directors has set June 25, 2020 as the new date for the Annual Meeting.\n",
            "2020-06-25",
            "2020-05-14",
        );
        assert_moved(
            "The 2020 annual meeting of shareholders, originally scheduled to be held on May 14, 2020, will now be held on Thursday, June 25, 2020.\n",
            "2020-06-25",
            "2020-05-14",
        );
        assert_moved(
            "The Board of Directors has determined to postpone the Annual Meeting from May 14, 2020 to June 25, 2020.\n",
            "2020-06-25",
            "2020-05-14",
        );
        assert_moved(
            "The Annual Meeting (the \"Meeting\"), which was scheduled to be held on May 14, 2020, has been adjourned, without any business being conducted, until June 25, 2020.\n",
            "2020-06-25",
            "2020-05-14",
        );
        assert_moved(
            "The previously announced May 14, 2020 annual meeting of stockholders will be postponed to June 25, 2020.\n",
            "2020-06-25",
            "2020-05-14",
        );
        assert_moved(
            "The annual meeting, originally scheduled for May 14, 2020, has been postponed.\n\nThe new date of the Annual Meeting is June 25, 2020.\n",
            "2020-06-25",
            "2020-05-14",
        );
        // "rescheduled its meeting for" the new date; the old one
        // "previously proposed to be held on".
        assert_moved(
            "The Company has rescheduled its annual meeting of stockholders for June 14, 2012.\n\nThis is a rescheduling of the annual meeting previously proposed to be held on March 8, 2012.\n",
            "2012-06-14",
            "2012-03-08",
        );
        assert_moved(
            "The Board postponed the 2020 annual meeting of shareholders for June 25, 2020; the meeting had been set for May 14, 2020.\n",
            "2020-06-25",
            "2020-05-14",
        );
    }

    #[test]
    fn the_new_date_before_the_old_one() {
        assert_moved(
            "The Annual Meeting has been rescheduled to June 25, 2020 from May 14, 2020.\n",
            "2020-06-25",
            "2020-05-14",
        );
        assert_moved(
            "The special meeting will now be held on June 25, 2020 instead of May 14, 2020.\n",
            "2020-06-25",
            "2020-05-14",
        );
        assert_moved(
            "The annual meeting of shareholders has been moved to June 25, 2020; it was originally set for May 14, 2020.\n",
            "2020-06-25",
            "2020-05-14",
        );
        // Brought forward: "moved", not "postponed".
        let found = read(
            "e.txt",
            "The annual meeting, originally scheduled for June 25, 2020, has been postponed to May 14, 2020.\n",
        );
        let m = get(&found, "meeting").unwrap();
        assert_eq!(m.value, "2020-05-14");
        assert_eq!(m.note.as_deref(), Some("moved from 2020-06-25"));
    }

    #[test]
    fn line_breaks_inside_the_words_and_the_old_date_repeated() {
        assert_moved(
            "The 2020 Annual Meeting of Stockholders, previously\nscheduled for May 14, 2020, will now be\nheld on June 25,\n2020.\n\nThe Annual Meeting will be held on May 14, 2020 at 10:00 a.m. at the Company's offices.\n",
            "2020-06-25",
            "2020-05-14",
        );
        let found = read(
            "n.txt",
            "The annual meeting has been postponed from May 14, 2020 to June 25, 2020.\n",
        );
        let m = get(&found, "meeting").unwrap();
        assert_eq!(m.note.as_deref(), Some("postponed from 2020-05-14"));
        assert_eq!(filled(&found, "meeting_kind").as_deref(), Some("annual"));
    }

    #[test]
    fn a_reconvened_meeting() {
        assert_moved(
            "On June 25, 2020, the Company reconvened its annual meeting of stockholders, which had been adjourned on May 14, 2020.\n",
            "2020-06-25",
            "2020-05-14",
        );
        assert_moved(
            "The Company convened its annual meeting on May 14, 2020 and adjourned it to June 25, 2020 to solicit more proxies.\n",
            "2020-06-25",
            "2020-05-14",
        );
    }

    #[test]
    fn a_new_record_date() {
        let wordings = [
            "The Board has fixed the close of business on May 20, 2020 as the new record date for the rescheduled Annual Meeting, which will be held on June 25, 2020.\n\nThe original record date of March 20, 2020 no longer applies.\n",
            "The annual meeting has been postponed to June 25, 2020, and the Board has set a new record date of May 20, 2020, in place of the original record date of March 20, 2020.\n",
        ];
        for w in wordings {
            let text = format!(
                "{w}\nStockholders of record at the close of business on March 20, 2020 received the proxy statement.\n"
            );
            let found = read("r.txt", &text);
            assert_eq!(
                filled(&found, "meeting").as_deref(),
                Some("2020-06-25"),
                "{w}"
            );
            let r = get(&found, "record_date").unwrap();
            assert_eq!(r.value, "2020-05-20", "{w}");
            assert!(r.sure, "{r:?}");
            assert!(r.note.as_deref().unwrap().contains("2020-03-20"), "{r:?}");
        }
    }

    #[test]
    fn put_off_with_no_new_date() {
        let wordings = [
            "The annual meeting, which was scheduled for May 14, 2020, has been postponed until further notice.\n",
            "The Company's 2020 Annual Meeting of Stockholders, originally scheduled to be held on May 14, 2020, has been postponed indefinitely.\n",
            "The special meeting of stockholders scheduled for May 14, 2020 has been cancelled.\n",
            "The Company has postponed its annual meeting, originally scheduled for May 14, 2020.\n\nThe Company will announce the new date at a later date.\n",
        ];
        for w in wordings {
            let text = format!(
                "{w}\nThe annual meeting will be held on May 14, 2020 at the Company's offices.\n"
            );
            let (found, notes) = read_notes("o.txt", &text);
            assert!(get(&found, "meeting").is_none(), "{w}: {found:?}");
            assert_eq!(notes.len(), 1, "{w}");
            assert!(
                notes[0].text.contains("no meeting date is given"),
                "{notes:?}"
            );
            assert!(notes[0].text.contains("2020-05-14"), "{notes:?}");
        }
        // Postponed, no new date, and another date found: that date is
        // shown but not filled in.
        let found = read(
            "d.txt",
            "The annual meeting has been postponed.\n\nThe annual meeting will be held on May 14, 2020.\n",
        );
        let m = get(&found, "meeting").unwrap();
        assert_eq!(m.value, "2020-05-14");
        assert!(!m.sure, "{m:?}");
        assert!(m.note.as_deref().unwrap().contains("no new date"), "{m:?}");
    }

    /// Conditions, boilerplate, last year's moves, moves of other things.
    #[test]
    fn not_a_move() {
        let not = [
            "If the annual meeting is adjourned to a date more than 120 days after May 14, 2020, a new record date will be set.",
            "Proxies will be voted at the annual meeting and at any adjourned or postponed meeting.",
            "The annual meeting may be postponed to June 25, 2020 if a quorum is not present.",
            "In the event the annual meeting is rescheduled to June 25, 2020, we will issue a press release.",
            "Last year's annual meeting was adjourned to June 11, 2019 for lack of a quorum.",
            "Our 2019 annual meeting was adjourned to June 11, 2019 for lack of a quorum.",
            "The annual meeting was moved to a virtual format this year.",
            "The Company postponed the filing of its Form 10-K to April 15, 2020.",
            "Any postponement or adjournment of the meeting will be announced.",
            "The meeting was adjourned at 10:30 a.m. after the vote.",
        ];
        for w in not {
            let text = format!(
                "The annual meeting will be held on May 14, 2020.\n\n{w}\n\nHolders of record at the close of business on March 20, 2020 may vote.\n"
            );
            let (found, notes) = read_notes("n.txt", &text);
            let m = get(&found, "meeting").unwrap();
            assert_eq!(m.value, "2020-05-14", "{w}");
            assert!(m.sure, "{w}: {m:?}");
            assert!(m.note.is_none(), "{w}: {m:?}");
            assert!(notes.is_empty(), "{w}: {notes:?}");
            assert_eq!(
                filled(&found, "record_date").as_deref(),
                Some("2020-03-20"),
                "{w}"
            );
        }
    }
}
