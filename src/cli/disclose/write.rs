//! The section's wording: plain, conventional disclosure sentences, the
//! ones `govcal verify` reads back ("no earlier than …  and no later than
//! …", "5:00 p.m. Eastern Time on …"), as plain text, Markdown or an HTML
//! fragment.

use std::fmt::Write as _;

use chrono::{NaiveDate, NaiveTime, Timelike};

use crate::model::rule::Test;
use crate::render::html::esc;

use super::{Alt, Draft, Item, Kind, Moved, Subject, When};
use crate::cli::args::DiscloseFormat;

/// Where to send, when the facts do not say: never made up.
pub(super) const ADDRESS_PLACEHOLDER: &str = "[address of the Corporate Secretary]";

/// One paragraph: a short label and its sentences.
struct Para {
    label: String,
    text: String,
}

/// "December 3, 2026".
fn long_date(d: NaiveDate) -> String {
    d.format("%B %-d, %Y").to_string()
}

/// "Eastern Time" for the four U.S. zones `verify` reads; else the zone's
/// name ("Europe/London time").
fn zone_words(zone: &str) -> String {
    match zone {
        "America/New_York" | "US/Eastern" | "America/Detroit" => "Eastern Time".to_owned(),
        "America/Chicago" | "US/Central" => "Central Time".to_owned(),
        "America/Denver" | "US/Mountain" | "America/Boise" => "Mountain Time".to_owned(),
        "America/Los_Angeles" | "US/Pacific" => "Pacific Time".to_owned(),
        other => format!("{other} time"),
    }
}

/// "5:00 p.m.", "11:59 p.m.", "12:00 p.m." (noon).
fn clock(t: NaiveTime) -> String {
    let (pm, h) = t.hour12();
    format!("{h}:{:02} {}", t.minute(), if pm { "p.m." } else { "a.m." })
}

/// A bound as a phrase after "no later than": "5:00 p.m. Eastern Time on
/// February 13, 2027", "December 3, 2026", or the rule's words.
fn at(w: &When, next_year: i32) -> String {
    match w {
        When::Date {
            date,
            time: Some((t, zone)),
        } => format!("{} {} on {}", clock(*t), zone_words(zone), long_date(*date)),
        When::Date { date, time: None } => long_date(*date),
        When::Words(words) if words.starts_with('[') => words.clone(),
        When::Words(words) => meeting_words(words, next_year),
    }
}

/// The rule's words with "next year's meeting" named as the meeting it is.
fn meeting_words(words: &str, next_year: i32) -> String {
    words
        .replace(
            "next year's meeting",
            &format!("the {next_year} annual meeting"),
        )
        .replace("last year's", "the preceding year's")
}

/// How the deadline is met, as a participle.
fn verb(test: Option<Test>) -> &'static str {
    match test {
        Some(Test::Received) => {
            "received by our Corporate Secretary at our principal executive offices"
        }
        Some(Test::Postmarked) => {
            "postmarked or transmitted electronically to our Corporate Secretary at our principal executive offices"
        }
        Some(Test::Sent) => "sent to our Corporate Secretary at our principal executive offices",
        Some(Test::Filed) => "filed",
        Some(Test::Done) | None => "given",
    }
}

/// "no earlier than … and no later than …", or "no later than …".
fn window(opens: Option<&str>, closes: Option<&str>) -> String {
    match (opens, closes) {
        (Some(o), Some(c)) => format!("no earlier than {o} and no later than {c}"),
        (None, Some(c)) => format!("no later than {c}"),
        (Some(o), None) => format!("no earlier than {o}"),
        (None, None) => String::new(),
    }
}

/// "If the 2027 annual meeting is held more than 30 days before or more
/// than 60 days after the anniversary of the 2026 annual meeting".
fn moved_if(m: &Moved, d: &Draft) -> Option<String> {
    let span = match (m.before, m.after) {
        (Some(b), Some(a)) if a == b => format!("more than {b} days before or after"),
        (Some(b), Some(a)) => format!("more than {b} days before or more than {a} days after"),
        (Some(b), None) => format!("more than {b} days before"),
        (None, Some(a)) => format!("more than {a} days after"),
        (None, None) => return None,
    };
    Some(format!(
        "If the {} annual meeting is held {span} the anniversary of the {} annual meeting",
        d.next_year, d.this_year
    ))
}

/// The sentence on what applies if the meeting moves.
fn moved_sentence(item: &Item, d: &Draft, what: &str) -> Option<String> {
    let m = item.moved.as_ref()?;
    let cond = moved_if(m, d)?;
    let answers: Vec<String> = m
        .then
        .iter()
        .map(|a: &Alt| {
            let o = a.opens.as_deref().map(|w| meeting_words(w, d.next_year));
            let c = a.closes.as_deref().map(|w| meeting_words(w, d.next_year));
            let mut s = window(o.as_deref(), c.as_deref());
            if let Some(w) = &a.words {
                if !s.is_empty() {
                    s.push_str("; ");
                }
                s.push_str(&meeting_words(w, d.next_year));
            }
            s
        })
        .collect();
    if answers.is_empty() {
        return None;
    }
    let verb = match item.test {
        Some(Test::Received) => "received",
        Some(Test::Postmarked) => "postmarked or transmitted electronically",
        Some(Test::Sent) => "sent",
        Some(Test::Filed) => "filed",
        Some(Test::Done) | None => "given",
    };
    let body = answers.join(", or, in the other cases the rule provides for, ");
    let body = if body.starts_with("no ") {
        format!("must instead be {verb} {body}")
    } else {
        format!("is instead {body}")
    };
    Some(format!("{cond}, {what} {body}."))
}

fn paragraph(item: &Item, d: &Draft) -> Para {
    let y = d.next_year;
    let o = item.opens.as_ref().map(|w| at(w, y));
    let c = at(&item.closes, y);
    let when = window(o.as_deref(), Some(&c));
    let how = verb(item.test);
    let (label, first, what) = match item.kind {
        Kind::Rule14a8 => (
            "Proposals for our proxy statement (Rule 14a-8).".to_owned(),
            format!(
                "A shareholder who wishes to submit a proposal under Rule 14a-8 for inclusion in our proxy statement for the {y} annual meeting must ensure that the proposal is {how} {when}. Proposals must also meet the other requirements of Rule 14a-8."
            ),
            "the deadline",
        ),
        Kind::AdvanceNotice => {
            let (label, aim) = match item.subject {
                Subject::Both => (
                    "Nominations and other business under our bylaws.",
                    "nominate a person for election as a director, or to bring other business,",
                ),
                Subject::Nominations => (
                    "Nominations under our bylaws.",
                    "nominate a person for election as a director",
                ),
                Subject::Business => (
                    "Other business under our bylaws.",
                    "bring business other than a nomination",
                ),
            };
            (
                label.to_owned(),
                format!(
                    "Under our bylaws ({}), a shareholder who wishes to {aim} at the {y} annual meeting other than under Rule 14a-8 must give written notice that is {how} {when}. The notice must contain the information our bylaws require.",
                    item.citation
                ),
                "the notice",
            )
        }
        Kind::ProxyAccess => (
            "Nominees for our proxy materials (proxy access).".to_owned(),
            format!(
                "Under the proxy access provisions of our bylaws ({}), an eligible shareholder or group of shareholders who wishes to have a director nominee included in our proxy materials for the {y} annual meeting must give notice that is {how} {when}.",
                item.citation
            ),
            "the notice",
        ),
        Kind::Rule14a19 => (
            "Notice of other nominees (Rule 14a-19).".to_owned(),
            format!(
                "A shareholder who intends to solicit proxies in support of director nominees other than our nominees at the {y} annual meeting must give the notice required by Rule 14a-19, {how} {when}."
            ),
            "the notice",
        ),
        Kind::Discretionary => (
            "Discretionary authority (Rule 14a-4(c)).".to_owned(),
            format!(
                "If we do not receive notice of a matter that a shareholder intends to present at the {y} annual meeting other than under Rule 14a-8 by {c}, the persons named as proxies for that meeting will have discretionary authority to vote on it."
            ),
            "that date",
        ),
    };
    let mut text = first;
    if let Some(s) = moved_sentence(item, d, what) {
        text.push(' ');
        text.push_str(&s);
    }
    Para { label, text }
}

fn heading(d: &Draft) -> String {
    format!(
        "Shareholder Proposals and Director Nominations for the {} Annual Meeting",
        d.next_year
    )
}

/// Every paragraph of the section.
fn paragraphs(d: &Draft) -> Vec<Para> {
    let mut out: Vec<Para> = d.items.iter().map(|i| paragraph(i, d)).collect();
    let address = d.address.as_deref().unwrap_or(ADDRESS_PLACEHOLDER);
    out.push(Para {
        label: "Where to send.".to_owned(),
        text: format!(
            "Proposals, nominations and notices should be sent in writing to the Corporate Secretary, {}, {address}.",
            d.company
        ),
    });
    out
}

/// The note on where the draft comes from, for counsel.
fn provenance(d: &Draft) -> String {
    format!(
        "[Draft by govcal {} from the rule packs {}, for a {} annual meeting held on the anniversary of the {} annual meeting; to be reviewed by counsel before use.]",
        env!("CARGO_PKG_VERSION"),
        d.packs.join(", "),
        d.next_year,
        d.this_year
    )
}

fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The section in `format`.
pub fn render(d: &Draft, format: DiscloseFormat) -> String {
    let paras = paragraphs(d);
    let mut out = String::new();
    match format {
        DiscloseFormat::Text => {
            out.push_str(&heading(d));
            out.push_str("\n\n");
            for p in &paras {
                let _ = writeln!(out, "{} {}\n", p.label, p.text);
            }
            out.push_str(&provenance(d));
            out.push('\n');
        }
        DiscloseFormat::Markdown => {
            let _ = write!(out, "## {}\n\n", escape_markdown(&heading(d)));
            for p in &paras {
                let _ = write!(
                    out,
                    "**{}** {}\n\n",
                    escape_markdown(&p.label),
                    escape_markdown(&p.text)
                );
            }
            let _ = writeln!(out, "*{}*", escape_markdown(&provenance(d)));
        }
        DiscloseFormat::Html => {
            out.push_str("<section class=\"govcal-disclosure\">\n");
            let _ = writeln!(out, "<h2>{}</h2>", esc(&heading(d)));
            for p in &paras {
                let _ = writeln!(
                    out,
                    "<p><strong>{}</strong> {}</p>",
                    esc(&p.label),
                    esc(&p.text)
                );
            }
            let _ = write!(out, "<p><em>{}</em></p>\n</section>\n", esc(&provenance(d)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn draft(items: Vec<Item>, address: Option<&str>) -> Draft {
        Draft {
            company: "Acme <Widgets> & Co.".to_owned(),
            next_year: 2027,
            this_year: 2026,
            address: address.map(str::to_owned),
            items,
            packs: vec!["sec_regulation_14a".to_owned(), "acme_bylaws".to_owned()],
        }
    }

    fn window_item() -> Item {
        Item {
            kind: Kind::AdvanceNotice,
            subject: Subject::Nominations,
            citation: "Bylaws § 2.5".to_owned(),
            test: Some(Test::Received),
            opens: Some(When::Date {
                date: ymd(2027, 1, 14),
                time: Some((
                    NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
                    "America/Chicago".to_owned(),
                )),
            }),
            closes: When::Date {
                date: ymd(2027, 2, 13),
                time: None,
            },
            moved: Some(Moved {
                before: Some(30),
                after: Some(60),
                then: vec![Alt {
                    opens: Some("120 days before next year's meeting".to_owned()),
                    closes: Some("90 days before next year's meeting".to_owned()),
                    words: None,
                }],
            }),
        }
    }

    #[test]
    fn clock_and_zone_read_as_printed() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(clock(t(17, 0)), "5:00 p.m.");
        assert_eq!(clock(t(12, 0)), "12:00 p.m.");
        assert_eq!(clock(t(0, 1)), "12:01 a.m.");
        assert_eq!(clock(t(23, 59)), "11:59 p.m.");
        assert_eq!(zone_words("America/Chicago"), "Central Time");
        assert_eq!(zone_words("Europe/London"), "Europe/London time");
        assert_eq!(long_date(ymd(2026, 12, 3)), "December 3, 2026");
    }

    #[test]
    fn a_window_says_both_ends_and_a_moved_meeting_in_words() {
        let d = draft(vec![window_item()], None);
        let p = paragraph(&d.items[0], &d);
        assert_eq!(p.label, "Nominations under our bylaws.");
        assert!(
            p.text.contains(
                "received by our Corporate Secretary at our principal executive offices no earlier than 5:00 p.m. Central Time on January 14, 2027 and no later than February 13, 2027."
            ),
            "{}",
            p.text
        );
        assert!(
            p.text.contains(
                "If the 2027 annual meeting is held more than 30 days before or more than 60 days after the anniversary of the 2026 annual meeting, the notice must instead be received no earlier than 120 days before the 2027 annual meeting and no later than 90 days before the 2027 annual meeting."
            ),
            "{}",
            p.text
        );
    }

    #[test]
    fn equal_thresholds_are_said_once_and_none_says_nothing() {
        let d = draft(Vec::new(), None);
        let m = |before, after| Moved {
            before,
            after,
            then: Vec::new(),
        };
        assert_eq!(
            moved_if(&m(Some(30), Some(30)), &d).unwrap(),
            "If the 2027 annual meeting is held more than 30 days before or after the anniversary of the 2026 annual meeting"
        );
        assert!(moved_if(&m(None, None), &d).is_none());
        // A moved meeting with no answers outside the span adds no sentence.
        let mut item = window_item();
        item.moved = Some(m(Some(30), Some(60)));
        assert!(moved_sentence(&item, &d, "the notice").is_none());
    }

    #[test]
    fn the_address_is_the_facts_or_a_marked_blank() {
        let with = render(&draft(Vec::new(), Some("1 Main St")), DiscloseFormat::Text);
        assert!(
            with.contains("Corporate Secretary, Acme <Widgets> & Co., 1 Main St."),
            "{with}"
        );
        let without = render(&draft(Vec::new(), None), DiscloseFormat::Text);
        assert!(without.contains(ADDRESS_PLACEHOLDER), "{without}");
    }

    #[test]
    fn markdown_and_html_escape_what_they_print() {
        let d = draft(vec![window_item()], None);
        let md = render(&d, DiscloseFormat::Markdown);
        assert!(md.contains("Acme \\<Widgets\\> & Co."), "{md}");
        assert!(
            md.contains("\\[address of the Corporate Secretary\\]"),
            "{md}"
        );
        assert!(md.contains("sec\\_regulation\\_14a"), "{md}");
        let html = render(&d, DiscloseFormat::Html);
        assert!(html.contains("Acme &lt;Widgets&gt; &amp; Co."), "{html}");
        assert!(!html.contains("<Widgets>"), "{html}");
        assert_eq!(esc("'\""), "&#39;&quot;");
    }
}
