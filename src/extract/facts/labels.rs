//! Dates laid out as a table of labels and values ("Record Date:" then
//! "Close of business on March 9, 2026"): the meeting, the record date and
//! the proxy statement's mailing date.

use super::{Candidate, Confidence};
use crate::extract::dates;
use crate::extract::text::{Doc, Sentence};

/// A table of labels and values, each its own sentence: "Date and Time:"
/// then "Thursday, April 30, 2026, at 9:00 a.m.", "Record Date:" then
/// "Close of business on March 9, 2026". The value must follow its label
/// directly (not after another label, as in a table read column by column).
pub(super) fn label_facts(doc: &Doc, add: &mut impl FnMut(&'static str, Candidate)) {
    const LABELS: [(&str, &str); 8] = [
        ("date", "meeting"),
        ("date and time", "meeting"),
        ("time and date", "meeting"),
        ("meeting date", "meeting"),
        ("date of meeting", "meeting"),
        ("record date", "record_date"),
        ("date of mailing", "proxy_release"),
        ("mailing date", "proxy_release"),
    ];
    let blank = |s: &Sentence| {
        s.text
            .chars()
            .all(|c| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}')
    };
    let label_like = |s: &Sentence| {
        let t = s.text.trim();
        t.split_whitespace().count() <= 4
            && !t.ends_with('.')
            && !t.chars().any(|c| c.is_ascii_digit())
    };
    let sentences = &doc.sentences;
    let substantive: Vec<usize> = (0..sentences.len())
        .filter(|&i| !blank(&sentences[i]))
        .collect();
    for (n, &i) in substantive.iter().enumerate() {
        let label = sentences[i]
            .text
            .trim()
            .trim_end_matches(':')
            .trim()
            .to_lowercase();
        let Some((_, fact)) = LABELS.iter().find(|(l, _)| *l == label) else {
            continue;
        };
        if n > 0 && label_like(&sentences[substantive[n - 1]]) {
            continue;
        }
        let Some(&j) = substantive.get(n + 1) else {
            continue;
        };
        let value = &sentences[j];
        let Some(f) = dates::find(&value.text).into_iter().next() else {
            continue;
        };
        let prefix = value.text.get(..f.span.start).unwrap_or("x").to_lowercase();
        let allowed = ["close", "of", "business", "on", "at", "the"];
        if !prefix
            .split(|c: char| !c.is_alphanumeric())
            .all(|w| w.is_empty() || allowed.contains(&w))
        {
            continue;
        }
        let context = substantive[n.saturating_sub(20)..n]
            .iter()
            .any(|&k| sentences[k].text.to_lowercase().contains("meeting"));
        if !context {
            continue;
        }
        let (confidence, note) = if f.weekday_mismatch {
            (
                Confidence::Low,
                Some("the weekday written beside it is not this date's".to_owned()),
            )
        } else if f.approximate {
            (
                Confidence::Medium,
                Some("\"on or about\": an expected date".to_owned()),
            )
        } else {
            (Confidence::High, None)
        };
        add(
            fact,
            Candidate {
                value: f.date.to_string(),
                confidence,
                offset: value.offset(f.span.start),
                evidence: format!("{} {}", sentences[i].text.trim(), value.text.trim()),
                note,
                rank: 0,
            },
        );
    }
}

/// Words by which a report announces something on the day it is dated.
const TODAY: [&str; 5] = [
    "announcing today",
    "announced today",
    "today announced",
    "announces today",
    "is today announcing",
];

/// "The Company is announcing today that the Board … has determined to
/// postpone the Company's 2016 Annual Meeting": a report that tells of the
/// meeting as announced "today" is dated on its cover ("Date of Report
/// (Date of earliest event reported): August 19, 2016"), and that date is
/// the announcement's.
pub(super) fn announced_today(doc: &Doc, add: &mut impl FnMut(&'static str, Candidate)) {
    let Some(s) = doc.sentences.iter().find(|s| {
        let lower = s.text.to_lowercase();
        lower.contains("meeting") && TODAY.iter().any(|w| lower.contains(w))
    }) else {
        return;
    };
    let Some((line, date)) = doc.lines.iter().find_map(|l| {
        let lower = l.text.to_lowercase();
        let at = lower.find("date of report")?;
        let found = dates::find(&l.text[at..]);
        found.first().map(|f| (l, f.date))
    }) else {
        return;
    };
    add(
        "announcement",
        Candidate {
            value: date.to_string(),
            confidence: Confidence::High,
            offset: line.offset,
            evidence: format!("{} / {}", line.text, s.text),
            note: Some("\"today\" in a report dated on its cover".to_owned()),
            rank: 0,
        },
    );
}

#[cfg(test)]
mod tests {
    use crate::extract::facts::tests::{filled, get, read};

    #[test]
    fn a_table_of_labels_and_values() {
        let html = "<html><body><p>Notice of Annual Meeting of Holders</p><div>Date and Time:</div><div>Friday, June 7, 2024, at 10:00 a.m.</div><div>Record Date:</div><div>Close of business on April 8, 2024</div></body></html>";
        let found = read("t.htm", html);
        assert_eq!(filled(&found, "meeting").as_deref(), Some("2024-06-07"));
        assert_eq!(filled(&found, "record_date").as_deref(), Some("2024-04-08"));
        // Labels first, then values: the value after the last label is not its own.
        let html = "<html><body><p>Notice of Annual Meeting of Holders</p><div>WHEN</div><div>WHERE</div><div>RECORD DATE</div><div>Friday June 7, 2024</div></body></html>";
        assert!(get(&read("c.htm", html), "record_date").is_none());
    }

    #[test]
    fn a_report_announcing_today_is_dated_on_its_cover() {
        let cover = "FORM 8-K\nDate of Report (Date of earliest event reported): August 19, 2016\nAcme Widgets, Inc.\n(Exact name of registrant as specified in its charter)\n\n";
        let text = format!(
            "{cover}The Company is announcing today that the Board has determined to postpone the 2016 Annual Meeting of Stockholders, previously scheduled for September 15, 2016.\n"
        );
        assert_eq!(
            filled(&read("r.txt", &text), "announcement").as_deref(),
            Some("2016-08-19")
        );
        // "today" about something else is no announcement of the meeting.
        let text =
            format!("{cover}The Company announced today its results for the second quarter.\n");
        assert!(filled(&read("r.txt", &text), "announcement").is_none());
    }
}
