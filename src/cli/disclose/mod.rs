//! `govcal disclose FACTS`: the section of this year's proxy statement on
//! shareholder proposals and nominations for next year's annual meeting
//! (Rule 14a-5(e)), drafted from the rule packs.
//!
//! The dates are those `govcal verify` checks a printed section against:
//! every rule the packs mark `disclose_in_proxy`, computed for next year's
//! meeting on the anniversary of this one (`next_year_facts`). What applies
//! if next year's meeting moves comes from the same rules evaluated with
//! next year's meeting unknown (`evaluate_next_year`). The wording is in
//! `write`.

mod write;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::eval::{Answer, Bound, Case, Condition, Deadline, evaluate, evaluate_next_year};
use crate::model::offset::anniversary;
use crate::model::rule::{LeapDay, Test};

use super::args::{DiscloseArgs, Format};
use super::request::Request;
use super::{Status, context, emit};

pub use write::render;

/// What a printed deadline is for: the paragraph of Rule 14a-5(e) it is
/// printed under, and for (e)(2) whose rule it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Rule 14a-5(e)(1): a proposal under Rule 14a-8.
    Rule14a8,
    /// Rule 14a-5(e)(2): the bylaws' advance notice.
    AdvanceNotice,
    /// Rule 14a-5(e)(2): the Rule 14a-4(c) date for discretionary
    /// authority, where no bylaw sets one.
    Discretionary,
    /// Rule 14a-5(e)(3): nominees for the company's proxy materials.
    ProxyAccess,
    /// Rule 14a-5(e)(4): notice of a dissident's nominees.
    Rule14a19,
}

impl Kind {
    fn of(d: &Deadline<'_>) -> Option<Kind> {
        let sec = d.pack.starts_with("sec_");
        match d.disclose_in_proxy.as_deref()? {
            "Rule 14a-5(e)(1)" => Some(Kind::Rule14a8),
            "Rule 14a-5(e)(2)" if sec => Some(Kind::Discretionary),
            "Rule 14a-5(e)(2)" => Some(Kind::AdvanceNotice),
            "Rule 14a-5(e)(3)" => Some(Kind::ProxyAccess),
            "Rule 14a-5(e)(4)" => Some(Kind::Rule14a19),
            _ => None,
        }
    }
}

/// What a bylaw notice is for, from the rule's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// Nominations and other business.
    Both,
    /// Nominations only.
    Nominations,
    /// Business other than nominations.
    Business,
}

/// A bound as the draft prints it: a date (with its time of day when the
/// rule has one), or the rule's words when no date follows from the facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum When {
    /// A date.
    Date {
        /// The day.
        date: NaiveDate,
        /// Clock time and its zone's IANA name.
        time: Option<(chrono::NaiveTime, String)>,
    },
    /// No date: the rule's words ("120 days before ...").
    Words(String),
}

impl When {
    fn of(b: &Bound) -> When {
        When::Date {
            date: b.date,
            time: b
                .time
                .as_ref()
                .map(|m| (m.local.time(), m.zone.name().into_owned())),
        }
    }
}

/// What applies when next year's meeting is held outside the span the
/// dates assume.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    /// Days before the anniversary of this year's meeting that the dates
    /// still hold for (`None`: any number).
    pub before: Option<i64>,
    /// Days after it.
    pub after: Option<i64>,
    /// The answers outside the span, in the rule's words.
    pub then: Vec<Alt>,
}

/// One answer outside the span: each bound in words, or the law's words
/// when it sets no date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alt {
    /// The first day, in words.
    pub opens: Option<String>,
    /// The last day, in words.
    pub closes: Option<String>,
    /// The law's words, when no date.
    pub words: Option<String>,
}

/// One deadline of the section.
#[derive(Clone, Debug)]
pub struct Item {
    /// What it is for.
    pub kind: Kind,
    /// For a bylaw notice, what it covers.
    pub subject: Subject,
    /// The rule's citation.
    pub citation: String,
    /// How the deadline is met.
    pub test: Option<Test>,
    /// The first day of a window.
    pub opens: Option<When>,
    /// The last day.
    pub closes: When,
    /// What applies if the meeting moves.
    pub moved: Option<Moved>,
}

/// The section to draft.
#[derive(Clone, Debug)]
pub struct Draft {
    /// The company.
    pub company: String,
    /// The year of next year's meeting.
    pub next_year: i32,
    /// The year of this year's meeting.
    pub this_year: i32,
    /// Where to send, when the facts say.
    pub address: Option<String>,
    /// The deadlines, by paragraph of Rule 14a-5(e).
    pub items: Vec<Item>,
    /// The packs the deadlines come from.
    pub packs: Vec<String>,
}

fn subject_of(rule: &str) -> Subject {
    let nominations = rule.contains("nominat");
    let business = rule.contains("business") || rule.contains("proposal");
    match (nominations, business) {
        (true, false) => Subject::Nominations,
        (false, true) => Subject::Business,
        _ => Subject::Both,
    }
}

/// A case's answer for a bound in words, or `None` when it has a date.
fn case_words(c: &Case<'_>, a: Option<&Answer<'_>>) -> Option<String> {
    match a {
        Some(a @ Answer::Pending { .. }) => crate::analyse::words::pending_text(c, a),
        _ => None,
    }
}

/// The dated case's span around `next_meeting`, and what the other cases
/// say.
fn moved_of(d: &Deadline<'_>, next_meeting: NaiveDate) -> Option<Moved> {
    let dated = d
        .cases
        .iter()
        .find(|c| matches!(c.closes, Some(Answer::Date(_))))?;
    let Some(Condition::Dates { fact, ranges }) = &dated.when else {
        return None;
    };
    if fact != "meeting" {
        return None;
    }
    let spans: Vec<_> = ranges.intervals().collect();
    let [(from, to)] = spans.as_slice() else {
        return None;
    };
    let before = from.map(|f| (next_meeting - f).num_days());
    let after = to.map(|t| (t - next_meeting).num_days());
    let mut then = Vec::new();
    for c in d.cases.iter().filter(|c| !std::ptr::eq(*c, dated)) {
        let alt = Alt {
            opens: case_words(c, c.opens.as_ref()),
            closes: case_words(c, c.closes.as_ref()),
            words: c.unspecified.map(str::to_owned),
        };
        let empty = alt.opens.is_none() && alt.closes.is_none() && alt.words.is_none();
        if !empty && !then.contains(&alt) {
            then.push(alt);
        }
    }
    Some(Moved {
        before,
        after,
        then,
    })
}

/// A bracketed placeholder for a date the facts cannot give: never a
/// made-up date.
fn placeholder(missing: &[String]) -> Option<String> {
    if missing.is_empty() {
        return None;
    }
    let names: Vec<String> = missing
        .iter()
        .map(|m| format!("`{}`", m.strip_prefix("prior_").unwrap_or(m)))
        .collect();
    Some(format!(
        "[date to be completed: the facts file does not give {}]",
        names.join(", ")
    ))
}

/// The item for `d` computed for the anniversary meeting, with `general`
/// the same rule evaluated with next year's meeting unknown.
fn item(d: &Deadline<'_>, general: Option<&Deadline<'_>>, next_meeting: NaiveDate) -> Option<Item> {
    let kind = Kind::of(d)?;
    let words_case = general.and_then(|g| g.cases.first());
    let closes = match &d.closes {
        Some(b) => When::of(b),
        None => When::Words(
            words_case
                .and_then(|c| case_words(c, c.closes.as_ref()))
                .or_else(|| d.words.as_ref().map(ToString::to_string))
                .or_else(|| placeholder(&d.missing))?,
        ),
    };
    let opens = match &d.opens {
        Some(b) => Some(When::of(b)),
        None if d.closes.is_none() => words_case
            .and_then(|c| case_words(c, c.opens.as_ref()))
            .map(When::Words),
        None => None,
    };
    Some(Item {
        kind,
        subject: subject_of(&d.rule),
        citation: d.citation.clone(),
        test: d.test,
        opens,
        closes,
        moved: d
            .closes
            .as_ref()
            .and(general)
            .and_then(|g| moved_of(g, next_meeting)),
    })
}

/// What the draft cites for a rule of a template loaded on its own: a
/// blank to fill in, saying why.
pub(super) const MODEL_CITATION: &str = "[section of our bylaws: these dates come from govcal's model bylaw, not from the company's bylaws]";

/// Runs `disclose`.
///
/// # Errors
///
/// As `deadlines` for the facts and packs; [`Error::Usage`] when the
/// meeting is not an annual one with a date.
pub fn disclose(a: &DiscloseArgs) -> Result<Status> {
    super::refuse_unused(
        "disclose",
        "the draft counts from the meeting, not from today",
        a.query.today.is_some(),
        "--today",
    )?;
    super::refuse_unused(
        "disclose",
        "the draft states only the deadlines that apply",
        a.query.all,
        "--all",
    )?;
    let req = Request::from_query(&a.query, Format::Table)?;
    super::warn_facts(&req);
    let not_annual = || {
        Error::usage(
            "the section on next year's deadlines follows an annual meeting, and these facts give no annual meeting with a date",
            Some("give the meeting date and `meeting_kind = \"annual\"` in the facts file (or `--meeting`, `--meeting-kind annual`)".to_owned()),
        )
    };
    let Some(meeting) = req.facts.get("meeting") else {
        return Err(not_annual());
    };
    let Some(mut next) = crate::eval::next_year_facts(&req.facts) else {
        return Err(not_annual());
    };
    // As `verify`: next year's meeting on this one's anniversary.
    let next_meeting = anniversary(meeting, LeapDay::default())?;
    next.set("meeting", next_meeting);
    let cx = crate::eval::Context {
        today: None,
        ..context(&req)
    };
    let computed = evaluate(&req.library.packs, &next, &cx).map_err(|e| req.locate(e))?;
    let general =
        evaluate_next_year(&req.library.packs, &req.facts, &cx).map_err(|e| req.locate(e))?;
    let mut items: Vec<Item> = Vec::new();
    let mut packs: Vec<String> = Vec::new();
    for g in &general {
        let Some(d) = computed.iter().find(|d| d.id() == g.id()) else {
            continue;
        };
        if let Some(mut i) = item(d, Some(g), next_meeting) {
            // A template loaded on its own cites the model provision, which
            // a proxy statement must not print as the company's bylaw.
            if req.library.packs.iter().any(|p| p.id == d.pack && p.model) {
                MODEL_CITATION.clone_into(&mut i.citation);
            }
            items.push(i);
            if !packs.contains(&d.pack) {
                packs.push(d.pack.clone());
            }
        }
    }
    items.sort_by_key(|i| i.kind);
    let draft = Draft {
        company: req.company.name.clone(),
        next_year: chrono::Datelike::year(&next_meeting),
        this_year: chrono::Datelike::year(&meeting),
        address: req.company.secretary_address.clone(),
        items,
        packs,
    };
    emit(a.query.output.as_deref(), &render(&draft, a.format))
}
