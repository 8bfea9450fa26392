//! The days of a printed window and the role of each date (opening or
//! closing day, or neither), read from the words before it; the time of
//! day and the zone.

use chrono::{NaiveDate, NaiveTime};

use super::super::dates;

/// What a date in a deadline sentence is, read from the words before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// The first day of a window ("no earlier than", "between").
    Opens,
    /// The last day ("no later than", "by", "on or before").
    Closes,
    /// A date in a condition ("more than 30 days before or after"), the
    /// anniversary, a meeting date.
    Other,
}

/// Words that, ending the text before a date (time of day, zone and "the
/// close of business on" set aside), give its role; of two that both end
/// it, the longer ("before or after" over "after").
const ROLE_WORDS: [(&str, Role); 40] = [
    ("earlier than", Role::Opens),
    ("as early as", Role::Opens),
    ("not prior to", Role::Opens),
    ("no sooner than", Role::Opens),
    ("commencing", Role::Opens),
    ("opens", Role::Opens),
    ("opening", Role::Opens),
    ("window opens", Role::Opens),
    ("as late as", Role::Closes),
    ("closes", Role::Closes),
    ("sooner than", Role::Opens),
    ("not before", Role::Opens),
    ("on or after", Role::Opens),
    ("between", Role::Opens),
    ("from", Role::Opens),
    ("beginning", Role::Opens),
    ("starting", Role::Opens),
    ("later than", Role::Closes),
    ("on or before", Role::Closes),
    ("before", Role::Closes),
    ("by", Role::Closes),
    ("prior to", Role::Closes),
    ("until", Role::Closes),
    ("through", Role::Closes),
    ("and", Role::Closes),
    ("to", Role::Closes),
    ("nor", Role::Closes),
    ("nor after", Role::Closes),
    ("nor later than", Role::Closes),
    ("deadline", Role::Closes),
    ("due", Role::Closes),
    ("before or after", Role::Other),
    ("days before", Role::Other),
    ("days after", Role::Other),
    ("days from", Role::Other),
    ("days", Role::Other),
    ("anniversary", Role::Other),
    ("–", Role::Closes),
    ("held", Role::Other),
    ("was held", Role::Other),
];

/// Noise between the deadline words and a date: the time of day, the
/// zone, "the close of business on", punctuation.
fn is_filler(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "close"
            | "of"
            | "business"
            | "on"
            | "at"
            | "p.m."
            | "a.m."
            | "pm"
            | "am"
            | "p.m"
            | "a.m"
            | "time"
            | "eastern"
            | "central"
            | "mountain"
            | "pacific"
            | "standard"
            | "daylight"
            | "prevailing"
            | "local"
            | "et"
            | "edt"
            | "est"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "is"
            | "noon"
            | "midnight"
            | "new"
            | "york"
            | "city"
            | "u.s."
    ) || word.chars().all(|c| c.is_ascii_digit() || c == ':')
}

/// The role of a date given the lowercase text before it (from the
/// previous date or the sentence's start); None when no deadline or
/// condition words come right before it.
pub(super) fn role_of(before: &str) -> Option<Role> {
    // Drop the filler words at the end, then look at what is left.
    let words: Vec<&str> = before
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';'))
        .filter(|w| !w.is_empty())
        .collect();
    let keep = words
        .iter()
        .rposition(|w| !is_filler(w))
        .map_or(0, |i| i + 1);
    let head = words.get(..keep).unwrap_or_default();
    // At most four words: "no later than", "on or before", "before or after".
    let tail = head
        .get(head.len().saturating_sub(4)..)
        .unwrap_or_default()
        .join(" ");
    ROLE_WORDS
        .iter()
        .filter(|(w, _)| tail == *w || tail.ends_with(&format!(" {w}")))
        .max_by_key(|(w, _)| w.len())
        .map(|(_, r)| *r)
}

pub(super) fn zone_of(lower: &str) -> Option<&'static str> {
    [
        ("eastern", "America/New_York"),
        ("central", "America/Chicago"),
        ("mountain", "America/Denver"),
        ("pacific", "America/Los_Angeles"),
    ]
    .iter()
    .find(|(w, _)| {
        lower.contains(&format!("{w} time"))
            || lower.contains(&format!("{w} standard time"))
            || lower.contains(&format!("{w} daylight time"))
            || lower.contains(&format!("{w} prevailing time"))
    })
    .map(|(_, z)| *z)
}

/// `5:00 p.m.`, `6:00 pm`, `11:59 p.m.`: the first clock time in `lower`.
pub(super) fn time_of(lower: &str) -> Option<NaiveTime> {
    let b = lower.as_bytes();
    for (i, _) in lower.match_indices(':') {
        // By bytes: the last byte of any character that is not an ASCII
        // digit is not one either, so the hour starts on a character
        // boundary even after `ó` (found by fuzzing, issue #18).
        let h_start = b[..i]
            .iter()
            .rposition(|c| !c.is_ascii_digit())
            .map_or(0, |p| p + 1);
        let (Ok(h), Some(m)) = (
            lower[h_start..i].parse::<u32>(),
            lower.get(i + 1..i + 3).and_then(|m| m.parse::<u32>().ok()),
        ) else {
            continue;
        };
        let rest = lower[i + 3..].trim_start();
        let pm = rest.starts_with("p.m") || rest.starts_with("pm");
        let am = rest.starts_with("a.m") || rest.starts_with("am");
        if !(pm || am) || h == 0 || h > 12 || b.get(i + 3).is_none() {
            continue;
        }
        let h24 = match (pm, h) {
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, 12) => 0,
            (false, h) => h,
        };
        return NaiveTime::from_hms_opt(h24, m, 0);
    }
    None
}

/// A window as one piece of text prints it: either day may be missing
/// (the other half printed in the next bullet or line), never both.
#[derive(Debug, Clone)]
pub(super) struct Half {
    pub opens: Option<dates::Found>,
    pub closes: Option<dates::Found>,
}

/// Whether a piece of text ends as a sentence does (else it is a label,
/// a table cell or a row).
pub(super) fn ends_a_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', ';', ':', '?', '!', ')'])
}

/// The window a deadline sentence prints: its first closing date after
/// `after` (and before `before`, when given), and the opening date that goes with it, if any (printed before
/// or after the closing date: each date's role is read from the words
/// before it, never from the order). A sentence with only an opening day
/// gives that day alone, for the next line to close.
///
/// A row of a summary table (`row`) gives its dates bare after a label:
/// one date is the deadline, two are a window.
pub(super) fn window_of(
    sentence: &str,
    after: NaiveDate,
    before: Option<NaiveDate>,
    row: bool,
) -> Option<Half> {
    let mut from = 0;
    let mut opens: Vec<dates::Found> = Vec::new();
    let mut closes: Vec<dates::Found> = Vec::new();
    let mut bare: Vec<dates::Found> = Vec::new();
    for f in dates::find(sentence) {
        let words = sentence
            .get(from..f.span.start)
            .unwrap_or_default()
            .to_lowercase();
        from = f.span.end;
        if f.date <= after || before.is_some_and(|b| f.date >= b) {
            continue;
        }
        match role_of(&words) {
            Some(Role::Opens) => opens.push(f),
            Some(Role::Closes) => closes.push(f),
            Some(Role::Other) => {}
            None if row => bare.push(f),
            None => {}
        }
    }
    // In a row, a bare date before the closing date opens the window; a
    // bare date alone closes it.
    if closes.is_empty() {
        closes.extend(bare.pop());
    }
    opens.append(&mut bare);
    let Some(close) = closes.into_iter().next() else {
        let open = opens.into_iter().max_by_key(|o| o.date)?;
        return Some(Half {
            opens: Some(open),
            closes: None,
        });
    };
    let open = opens
        .into_iter()
        .filter(|o| o.date < close.date)
        .max_by_key(|o| o.date);
    Some(Half {
        opens: open,
        closes: Some(close),
    })
}
