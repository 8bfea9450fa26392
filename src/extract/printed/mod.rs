//! The deadlines a proxy statement prints for next year's meeting (Rule
//! 14a-5(e)): the Rule 14a-8 proposal deadline, the advance-notice window
//! of the bylaws, the proxy-access window and the Rule 14a-19 notice date.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::Serialize;

use super::dates;
use super::text::Doc;

mod layout;
mod purpose;
mod window;
mod year;

use layout::Kind;
use purpose::{Strength, purpose_of};
use window::{ends_a_sentence, time_of, window_of, zone_of};
pub use year::{fallback_anchor, next_meeting};

/// What a printed deadline is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// A proposal for the company's proxy statement under Rule 14a-8.
    #[serde(rename = "rule_14a8")]
    Rule14a8,
    /// Notice of nominations or other business under the bylaws.
    AdvanceNotice,
    /// Nominees for the company's proxy statement under a proxy-access bylaw.
    ProxyAccess,
    /// The notice of a dissident's nominees under Rule 14a-19.
    #[serde(rename = "rule_14a19")]
    Rule14a19,
}

impl Purpose {
    /// For people.
    pub fn label(self) -> &'static str {
        match self {
            Purpose::Rule14a8 => "Rule 14a-8 proposal",
            Purpose::AdvanceNotice => "advance notice under the bylaws",
            Purpose::ProxyAccess => "proxy access nomination",
            Purpose::Rule14a19 => "Rule 14a-19 notice",
        }
    }
}

/// One deadline as printed.
#[derive(Debug, Clone, Serialize)]
pub struct Printed {
    /// What it is for.
    pub purpose: Purpose,
    /// The first day of a window, when printed.
    pub opens: Option<NaiveDate>,
    /// The last day.
    pub closes: NaiveDate,
    /// A clock time, when printed.
    pub time: Option<NaiveTime>,
    /// "close of business" without a clock time.
    pub close_of_business: bool,
    /// The zone, when printed ("Eastern Time").
    pub zone: Option<String>,
    /// 1-based line and column of the sentence's first date.
    pub line: usize,
    /// Column in characters.
    pub column: usize,
    /// The sentence.
    pub text: String,
}

/// A deadline found, before halves are joined and copies dropped.
struct Candidate {
    purpose: Purpose,
    strength: Strength,
    opens: Option<dates::Found>,
    closes: Option<dates::Found>,
    /// Index of the unit of each half (the same unless joined).
    open_unit: usize,
    close_unit: usize,
    time: Option<NaiveTime>,
    close_of_business: bool,
    zone: Option<&'static str>,
    text: String,
}

/// What the pieces before a piece say about its purpose.
#[derive(Default)]
struct Carry {
    /// The purpose of the last piece that had one.
    previous: Option<Purpose>,
    /// The purpose of the lead-in (ending with `:`) of the list or table
    /// being read.
    lead: Option<Purpose>,
    /// A list or table is being read after a lead-in.
    in_list: bool,
    /// The purpose of the last label (a line or cell without a date) of
    /// the lines being read.
    label: Option<Purpose>,
    /// The label is the piece just before.
    label_fresh: bool,
}

/// Words that continue the previous sentence's deadline.
const SUCH: [&str; 5] = [
    "such notice",
    "such nomination",
    "such nominee",
    "such proposal",
    "such advance notice",
];

/// Words that begin a sentence going on about the previous sentence's
/// notice or proposal ("The notice must be delivered …").
const THE: [&str; 6] = [
    "the notice ",
    "this notice ",
    "that notice ",
    "the nomination ",
    "the proposal ",
    "any such ",
];

/// Every deadline printed in `doc` after `after` (the proxy statement's
/// release or meeting: next year's dates come later), each window once.
///
/// A window split over two lines or bullets ("no earlier than …" / "no
/// later than …", in either order) is joined when both halves have the
/// same purpose and are at most three pieces apart. The same window found
/// twice at the same place is kept once, with the purpose its words
/// support best; the same window for the same purpose printed again
/// (a summary table, say) is kept once, where it is first printed.
pub fn find(doc: &Doc, after: NaiveDate) -> Vec<Printed> {
    find_around(doc, after, None)
}

/// Every deadline printed in `doc` for next year's meeting, `meeting`
/// being this year's when known: those after `after` and before next
/// year's meeting when the filing says when it expects to hold it; and a
/// window printed in the wrong year (before `after`, up to a year) when
/// its sentence says plainly that it is for next year's meeting.
pub fn find_around(doc: &Doc, after: NaiveDate, meeting: Option<NaiveDate>) -> Vec<Printed> {
    let units = layout::units(doc);
    let before = next_meeting(doc, meeting).filter(|n| *n > after);
    let reach = after - chrono::TimeDelta::days(year::WRONG_YEAR_REACH);
    let mut found: Vec<Candidate> = Vec::new();
    let mut carry = Carry::default();
    for (k, u) in units.iter().enumerate() {
        if layout::is_bare_bullet(&u.text) {
            continue;
        }
        let lower = u.text.to_lowercase();
        let trimmed = lower.trim();
        let row = u.kind != Kind::Prose || !ends_a_sentence(&u.text);
        let floor = if year::is_next_years(&lower, meeting, after) {
            reach
        } else {
            after
        };
        let half = window_of(&u.text, floor, before, row);
        // A Rule 14a-19 notice has no first day: a window naming the
        // rule is the bylaws' notice, which must also meet it.
        let allow_14a19 = half
            .as_ref()
            .is_none_or(|h| h.opens.is_none() || h.closes.is_none());
        let own = purpose_of(&lower, allow_14a19).or(u.hint.map(|p| (p, purpose::NAMED)));
        let bullet = trimmed.starts_with(layout::is_bullet) || trimmed.starts_with("o ");
        // An item of a list after its lead-in: a bullet, a row or line, or
        // words that go on with the lead-in ("no later than …").
        let continues = u.text.trim_start().starts_with(char::is_lowercase);
        let listed = bullet || (carry.in_list && (u.kind != Kind::Prose || continues));
        let such =
            SUCH.iter().any(|w| lower.contains(w)) || THE.iter().any(|w| trimmed.starts_with(w));
        // A label line ("Nominations under our bylaws") gives its purpose
        // to the line right after it, and to later lines that give their
        // dates' roles in words ("No later than …").
        let by_label =
            u.kind == Kind::Fragment && (carry.label_fresh || layout::has_own_role(&u.text));
        let carried = if listed {
            carry.lead.or(carry.previous)
        } else if by_label {
            carry.label
        } else {
            None
        }
        .or(if such { carry.previous } else { None });
        let ends_colon = trimmed.ends_with(':');
        let dateless = dates::find(&u.text).is_empty();
        let purpose = match (own, carried) {
            (Some((Purpose::AdvanceNotice, _)), Some(c))
                if u.kind == Kind::Prose && (listed || such) =>
            {
                (c, purpose::WEAK)
            }
            (Some(p), _) => p,
            (None, Some(c)) => (c, purpose::WEAK),
            (None, None) => {
                carry.previous = None;
                carry.label_fresh = false;
                if u.kind == Kind::Prose {
                    carry.label = None;
                }
                carry.in_list = ends_colon || (carry.in_list && listed);
                if ends_colon {
                    carry.lead = None;
                }
                continue;
            }
        };
        carry.previous = Some(purpose.0);
        if ends_colon {
            carry.in_list = true;
            carry.lead = Some(purpose.0);
        } else if !listed {
            carry.in_list = false;
            carry.lead = None;
        }
        carry.label_fresh = u.kind != Kind::Prose && dateless && own.is_some();
        if carry.label_fresh {
            carry.label = Some(purpose.0);
        } else if u.kind == Kind::Prose {
            carry.label = None;
        }
        let Some(h) = half else { continue };
        let time = time_of(&lower);
        found.push(Candidate {
            purpose: purpose.0,
            strength: purpose.1,
            opens: h.opens,
            closes: h.closes,
            open_unit: k,
            close_unit: k,
            time,
            close_of_business: time.is_none() && lower.contains("close of business"),
            zone: zone_of(&lower),
            text: u.shown.clone(),
        });
    }
    join_halves(&mut found);
    let mut out: Vec<(Printed, usize, Strength)> = Vec::new();
    for c in found {
        let (Some(closes), open_unit) = (c.closes, &units[c.open_unit]) else {
            continue;
        };
        let close_unit = &units[c.close_unit];
        let close_at = close_unit.offset(closes.span.start);
        let first_at = c
            .opens
            .as_ref()
            .map_or(close_at, |o| open_unit.offset(o.span.start).min(close_at));
        let (line, column) = doc.source.line_col(first_at);
        let p = Printed {
            purpose: c.purpose,
            opens: c.opens.map(|f| f.date),
            closes: closes.date,
            time: c.time,
            close_of_business: c.close_of_business,
            zone: c.zone.map(str::to_owned),
            line,
            column,
            text: c.text,
        };
        // The same window at the same place: the better-supported purpose.
        if let Some(i) = out
            .iter()
            .position(|(o, at, _)| *at == close_at && o.opens == p.opens && o.closes == p.closes)
        {
            if c.strength > out[i].2 {
                out[i] = (p, close_at, c.strength);
            }
            continue;
        }
        // The same deadline restated later (a summary table, say).
        if out
            .iter()
            .any(|(o, _, _)| o.purpose == p.purpose && o.closes == p.closes && o.opens == p.opens)
        {
            continue;
        }
        out.push((p, close_at, c.strength));
    }
    out.into_iter().map(|(p, _, _)| p).collect()
}

/// How many pieces apart the two halves of a window may be ("• no
/// earlier than …", "• no later than …", with a page footer between).
const HALVES_APART: usize = 3;

/// The longest window joined from two halves, in days (bylaw windows are
/// 30 days or so; a year would join unrelated dates).
const LONGEST_WINDOW: i64 = 120;

/// Joins a window's two halves printed apart: a first day only, then a
/// last day only, or the other way round, for the same purpose. The
/// halves that find no partner are dropped (a first day alone is no
/// deadline).
fn join_halves(found: &mut Vec<Candidate>) {
    let mut i = 0;
    while i < found.len() {
        let a = &found[i];
        let only_opens = a.opens.is_some() && a.closes.is_none();
        let only_closes = a.closes.is_some() && a.opens.is_none();
        if only_opens || only_closes {
            let unit = a.open_unit;
            let partner = (i + 1..found.len())
                .take_while(|&j| found[j].open_unit <= unit + HALVES_APART)
                .find(|&j| {
                    let b = &found[j];
                    if b.purpose != a.purpose {
                        return false;
                    }
                    let ((Some(open), None, None, Some(close))
                    | (None, Some(close), Some(open), None)) =
                        (&a.opens, &a.closes, &b.opens, &b.closes)
                    else {
                        return false;
                    };
                    let days = close.date.signed_duration_since(open.date).num_days();
                    (1..=LONGEST_WINDOW).contains(&days)
                });
            if let Some(j) = partner {
                let b = found.remove(j);
                let a = &mut found[i];
                if only_opens {
                    a.closes = b.closes;
                    a.close_unit = b.close_unit;
                    a.time = a.time.or(b.time);
                    a.close_of_business = b.close_of_business;
                    a.zone = a.zone.or(b.zone);
                } else {
                    a.opens = b.opens;
                    a.open_unit = b.open_unit;
                }
                a.text = format!("{} {}", a.text, b.text);
            }
        }
        i += 1;
    }
}

/// The zone of a printed deadline as a chrono-tz zone.
pub fn zone(p: &Printed) -> Option<Tz> {
    p.zone.as_deref().and_then(|z| z.parse().ok())
}

#[cfg(test)]
mod tests;
