//! `govcal verify FILING`: the deadlines a proxy statement prints for next
//! year's meeting, recomputed from the rules and the facts read from the
//! same filing (or given by flags), each reported as agreeing or not, with
//! the arithmetic and, where a company's error has a plain cause (a window
//! printed in the wrong year, a February 29, a date already past), that
//! cause.
//!
//! A printed deadline is checked against the loaded rule printed under the
//! same Rule 14a-5(e) paragraph; failing one (a bylaw window, with the
//! built-in library alone), against the rule its own sentence states
//! (`stated`), when that can be read with confidence; else it stays
//! unchecked, saying what is missing.

mod judge;
mod report;
mod stated;

use chrono::NaiveDate;

use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::eval::{Deadline, Op, evaluate};
use crate::extract::Extraction;
use crate::extract::printed::{Printed, Purpose};
use crate::model::offset::anniversary;
use crate::model::rule::{LeapDay, Status as RuleStatus};
use crate::pack::input::{FileKind, read_bytes};

use super::args::{Format, QueryArgs, VerifyArgs, VerifyFormat};
use super::request::Request;
use super::{Status, context, emit};
use judge::{WrongYear, days_before, days_between, leap_day_note, past_note};
use stated::StatedRule;

/// The disclosure paragraph of Rule 14a-5(e) under which each kind of
/// deadline is printed (the rule packs' `disclose_in_proxy`).
fn paragraph(p: Purpose) -> &'static str {
    match p {
        Purpose::Rule14a8 => "Rule 14a-5(e)(1)",
        Purpose::AdvanceNotice => "Rule 14a-5(e)(2)",
        Purpose::ProxyAccess => "Rule 14a-5(e)(3)",
        Purpose::Rule14a19 => "Rule 14a-5(e)(4)",
    }
}

/// The computed rule a printed deadline is checked against: one printed
/// under the same paragraph; for the bylaws' windows, a company's rule
/// (never the SEC's Rule 14a-4(c), which is printed under (e)(2) too).
/// One with dates first; failing that, one that gives none for this
/// meeting (a fact missing, or no date in law), to say why.
fn rule_for<'a>(p: &Printed, computed: &'a [Deadline<'a>]) -> Option<&'a Deadline<'a>> {
    let under = paragraph(p.purpose);
    let company_rule = matches!(p.purpose, Purpose::AdvanceNotice | Purpose::ProxyAccess);
    let mut candidates = computed.iter().filter(|d| {
        d.disclose_in_proxy.as_deref() == Some(under) && d.pack.starts_with("sec_") != company_rule
    });
    let all: Vec<&Deadline<'a>> = candidates.by_ref().collect();
    all.iter()
        .find(|d| d.closes.is_some())
        .or_else(|| all.iter().find(|d| d.status != RuleStatus::NotApplicable))
        .copied()
}

/// How a printed date compares: `None` when it agrees, else the days by
/// which the printed date is later (negative: earlier).
fn offset(printed: NaiveDate, computed: NaiveDate) -> Option<i64> {
    let n = days_between(computed, printed);
    (n != 0).then_some(n)
}

/// A printed deadline's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    Agrees,
    Differs,
    Unchecked,
}

impl Verdict {
    fn as_str(self) -> &'static str {
        match self {
            Verdict::Agrees => "agrees",
            Verdict::Differs => "differs",
            Verdict::Unchecked => "unchecked",
        }
    }
}

/// A fact a check needs and this run lacks, with the flag that gives it.
struct Need {
    /// This year's fact, as a facts file names it.
    fact: String,
    /// For people.
    words: String,
    /// The flag, with a placeholder value; `None` for next year's facts.
    flag: Option<String>,
}

/// The fact `missing` (a fact of next year's meeting) is this year's
/// fact of the same name without `prior_`: what this filing should have
/// stated, and the flag that supplies it.
fn need_for(missing: &str) -> Need {
    let (fact, words, flag) = match missing.strip_prefix("prior_") {
        Some("proxy_release") => (
            "proxy_release".to_owned(),
            "the date this proxy statement was first sent, which Rule 14a-8(e)(2) counts from,"
                .to_owned(),
            Some("--proxy-release YYYY-MM-DD".to_owned()),
        ),
        Some(name) => {
            let flag = match name {
                "meeting" => "--meeting YYYY-MM-DD".to_owned(),
                "record_date" => "--record-date YYYY-MM-DD".to_owned(),
                "announcement" => "--announcement YYYY-MM-DD".to_owned(),
                other => format!("--fact {other}=YYYY-MM-DD"),
            };
            (name.to_owned(), format!("this year's `{name}`"), Some(flag))
        }
        None => (
            missing.to_owned(),
            format!("next year's `{missing}`, which this year's filing cannot give,"),
            None,
        ),
    };
    Need { fact, words, flag }
}

/// What a printed deadline was checked against.
enum Against<'a> {
    /// A loaded rule.
    Rule(&'a Deadline<'a>),
    /// The rule its sentence states, counted from `next_anchor`.
    Stated {
        rule: StatedRule,
        anchor: NaiveDate,
        next_anchor: NaiveDate,
    },
}

/// One printed deadline and what `verify` makes of it.
struct Row<'a> {
    p: Printed,
    verdict: Verdict,
    against: Option<Against<'a>>,
    /// The loaded rule that would give it, when it gives no date here.
    rule: Option<&'a Deadline<'a>>,
    /// A rule stated in the sentence that could not be counted.
    stated: Option<StatedRule>,
    computed_open: Option<NaiveDate>,
    computed_close: Option<NaiveDate>,
    open_off: Option<i64>,
    close_off: Option<i64>,
    /// Plain words for a company's error, or for why it is unchecked.
    explanation: Vec<String>,
    needs: Vec<Need>,
    /// The printed dates are this year's: found only by the pass that
    /// looks for them.
    wrong_year: bool,
}

/// This year's dates that next year's are counted from.
struct Seen<'a> {
    meeting: NaiveDate,
    release: Option<NaiveDate>,
    next_meeting: NaiveDate,
    /// This year's deadlines, for the wrong-year diagnosis of a rule.
    this_year: &'a [Deadline<'a>],
}

/// The date a rule's bound is counted back from: the base of the step
/// that gave the bound's date before any roll.
fn counted_from(d: &Deadline<'_>, computed: NaiveDate) -> Option<NaiveDate> {
    d.trace.iter().find_map(|s| match &s.op {
        Op::Shift { from, sign: -1, .. } if s.date == Some(computed) => Some(*from),
        _ => None,
    })
}

/// Whether a sentence speaks of next year's meeting (by its year, or as
/// next year's), so that a date in it before this year's meeting is a
/// company's error and not a date of another kind.
fn names_next_meeting(text: &str, next_year: i32) -> bool {
    let lower = text.to_lowercase();
    let year = next_year.to_string();
    lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w == year)
        || ["next year", "next annual meeting", "following year"]
            .iter()
            .any(|w| lower.contains(w))
}

/// Whether a sentence speaks of this year's meeting's own deadline ("for
/// the 2020 annual meeting, notice must have been received …"): its dates
/// are rightly this year's.
fn speaks_of_this_meeting(text: &str, this_year: i32) -> bool {
    let lower = text.to_lowercase();
    let named = [
        format!("{this_year} annual meeting"),
        format!("{this_year} meeting"),
    ];
    named.iter().any(|w| lower.contains(w.as_str()))
        || [
            "this year's",
            "this annual meeting",
            "must have been",
            "had to be",
            "was due",
            "were due",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

impl Row<'_> {
    fn new(p: Printed) -> Self {
        Row {
            p,
            verdict: Verdict::Unchecked,
            against: None,
            rule: None,
            stated: None,
            computed_open: None,
            computed_close: None,
            open_off: None,
            close_off: None,
            explanation: Vec::new(),
            needs: Vec::new(),
            wrong_year: false,
        }
    }

    /// Compares the printed dates with `opens`/`closes` and sets the
    /// verdict.
    fn compare(&mut self, opens: Option<NaiveDate>, closes: NaiveDate) {
        self.computed_open = opens;
        self.computed_close = Some(closes);
        self.close_off = offset(self.p.closes, closes);
        self.open_off = match (self.p.opens, opens) {
            (Some(po), Some(co)) => offset(po, co),
            _ => None,
        };
        self.verdict = if self.close_off.is_none() && self.open_off.is_none() {
            Verdict::Agrees
        } else {
            Verdict::Differs
        };
    }

    /// Adds a February 29 note for each printed date one day off its
    /// computed date, counted back from `anchor`.
    fn leap_notes(&mut self, anchor: NaiveDate) {
        let pairs = [
            (Some(self.p.closes), self.computed_close),
            (self.p.opens, self.computed_open),
        ];
        for (printed, computed) in pairs {
            if let (Some(p), Some(c)) = (printed, computed)
                && let Some(note) = leap_day_note(p, c, anchor)
                && !self.explanation.contains(&note)
            {
                self.explanation.push(note);
            }
        }
    }
}

/// Judges one printed deadline: against a loaded rule, else the rule its
/// sentence states, else unchecked with the reason.
fn judge<'a>(p: Printed, computed: &'a [Deadline<'a>], seen: &Seen<'_>) -> Row<'a> {
    let mut row = Row::new(p);
    let found = rule_for(&row.p, computed);
    match found {
        Some(d) if d.closes.is_some() => judge_by_rule(&mut row, d, seen),
        Some(d) => {
            row.rule = Some(d);
            row.needs = d.missing.iter().map(|m| need_for(m)).collect();
        }
        None => {
            if let Some(rule) = stated::read(&row.p.text) {
                judge_by_stated(&mut row, rule, seen);
            }
        }
    }
    // A date before this year's meeting cannot be next year's: said, and
    // a difference, when the sentence is plainly about next year's
    // meeting (or states its rule).
    if let Some(note) = past_note(row.p.closes, seen.release, seen.meeting) {
        let sure = row.against.is_some()
            || names_next_meeting(&row.p.text, chrono::Datelike::year(&seen.next_meeting));
        if sure {
            row.verdict = Verdict::Differs;
        }
        row.explanation.push(note);
    }
    row
}

fn judge_by_rule<'a>(row: &mut Row<'a>, d: &'a Deadline<'a>, seen: &Seen<'_>) {
    let Some(closes) = d.closes.as_ref() else {
        return;
    };
    row.against = Some(Against::Rule(d));
    row.compare(d.opens.as_ref().map(|b| b.date), closes.date);
    if row.verdict != Verdict::Differs {
        return;
    }
    // The same rule for this year's meeting: a window printed from it.
    let this = seen
        .this_year
        .iter()
        .find(|t| t.pack == d.pack && t.rule == d.rule);
    if let Some(t) = this
        && let Some(tc) = t.closes.as_ref()
        && tc.date == row.p.closes
        && row
            .p
            .opens
            .is_none_or(|o| t.opens.as_ref().map(|b| b.date) == Some(o))
    {
        let anchor = counted_from(t, tc.computed);
        let next_anchor = counted_from(d, closes.computed);
        if let (Some(anchor), Some(next_anchor)) = (anchor, next_anchor) {
            let anchor_words = if anchor == seen.meeting {
                "meeting".to_owned()
            } else if Some(anchor) == seen.release {
                "proxy statement's release".to_owned()
            } else {
                format!("date `{}` counts from", d.id())
            };
            let w = WrongYear {
                anchor_words,
                anchor,
                next_anchor,
            };
            row.explanation.extend(w.explain(row.p.closes, closes.date));
            row.wrong_year = true;
            return;
        }
    }
    if let Some(anchor) = counted_from(d, closes.computed) {
        row.leap_notes(anchor);
    }
}

fn judge_by_stated(row: &mut Row<'_>, rule: StatedRule, seen: &Seen<'_>) {
    let anchor = match rule.anchor {
        stated::Anchor::PriorMeeting => Some(seen.meeting),
        stated::Anchor::ProxyRelease => seen.release,
    };
    let Some(anchor) = anchor else {
        row.needs.push(need_for("prior_proxy_release"));
        row.stated = Some(rule);
        return;
    };
    let Ok(next_anchor) = anniversary(anchor, LeapDay::default()) else {
        return;
    };
    let Some(closes) = days_before(next_anchor, rule.closes_days) else {
        return;
    };
    let opens = rule.opens_days.and_then(|n| days_before(next_anchor, n));
    row.compare(opens, closes);
    if row.verdict == Verdict::Differs {
        let this_closes = days_before(anchor, rule.closes_days);
        let this_opens = rule.opens_days.and_then(|n| days_before(anchor, n));
        let opens_match = match (row.p.opens, rule.opens_days) {
            (Some(po), Some(_)) => this_opens == Some(po),
            _ => true,
        };
        if this_closes == Some(row.p.closes) && opens_match {
            let w = WrongYear {
                anchor_words: match rule.anchor {
                    stated::Anchor::PriorMeeting => "meeting".to_owned(),
                    stated::Anchor::ProxyRelease => "proxy statement's release".to_owned(),
                },
                anchor,
                next_anchor,
            };
            row.explanation.extend(w.explain(row.p.closes, closes));
            row.wrong_year = true;
        } else {
            row.leap_notes(next_anchor);
        }
    }
    row.against = Some(Against::Stated {
        rule,
        anchor,
        next_anchor,
    });
}

/// The fact flags given, as (fact, value as typed, flag).
fn flags_given(v: &VerifyArgs) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = [
        ("meeting", &v.meeting, "--meeting"),
        ("prior_meeting", &v.prior_meeting, "--prior-meeting"),
        ("announcement", &v.announcement, "--announcement"),
        ("proxy_release", &v.proxy_release, "--proxy-release"),
        (
            "prior_proxy_release",
            &v.prior_proxy_release,
            "--prior-proxy-release",
        ),
        ("record_date", &v.record_date, "--record-date"),
        ("meeting_kind", &v.meeting_kind, "--meeting-kind"),
    ]
    .into_iter()
    .filter_map(|(fact, value, flag)| {
        value
            .as_ref()
            .map(|x| (fact.to_owned(), x.clone(), flag.to_owned()))
    })
    .collect();
    for item in &v.fact {
        if let Some((name, value)) = item.split_once('=') {
            out.push((
                name.trim().to_owned(),
                value.trim().to_owned(),
                "--fact".to_owned(),
            ));
        }
    }
    out
}

/// The byte offset of 1-based `line` and `column` (in characters), as
/// [`crate::diag::SourceFile::line_col`] counts them.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut at = (1, 1);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if at >= (line, column) {
            return i;
        }
        let ends_line = c == '\n' || (c == '\r' && chars.peek().is_none_or(|(_, n)| *n != '\n'));
        at = if ends_line {
            (at.0 + 1, 1)
        } else if c == '\r' {
            at
        } else {
            (at.0, at.1 + 1)
        };
    }
    text.len()
}

/// The error for a filing whose meeting date is unsure, at the date.
fn unsure_meeting(x: &Extraction, f: &crate::extract::Finding) -> Error {
    let at = offset_of(x.source.text(), f.line, f.column);
    let end = x.source.text()[at..]
        .chars()
        .next()
        .map_or(at, |c| at + c.len_utf8());
    let why = f
        .note
        .as_deref()
        .map_or_else(String::new, |n| format!(" ({n})"));
    Error::Invalid {
        diagnostics: vec![
            Diagnostic::error(
                &x.source,
                at..end,
                format!(
                    "the filing's meeting date is unsure: `verify` counts next year's deadlines from it{why}"
                ),
            )
            .with_help("give the meeting date with `--meeting YYYY-MM-DD` (`govcal extract` shows what was read)"),
        ],
    }
}

/// Runs `verify`: exit 1 when a printed date differs from the computed one.
///
/// # Errors
///
/// As `extract` for the filing (without `--meeting`, a filing with no
/// meeting date, or an unsure one, is refused at its place);
/// [`Error::Usage`] when it prints no deadlines for next year's meeting;
/// rule and pack errors as `deadlines`.
pub fn verify(v: &VerifyArgs) -> Result<Status> {
    let bytes = read_bytes(&v.filing, FileKind::Filing)?;
    let name = crate::pack::input::source_name(&v.filing);
    let extraction = if v.meeting.is_some() {
        crate::extract::read_all(&name, &bytes)
    } else {
        crate::extract::extract(&name, &bytes)
    }
    .map_err(|diagnostics| Error::Invalid { diagnostics })?;
    if v.meeting.is_none()
        && let Some(f) = extraction.get("meeting").filter(|f| !f.sure)
    {
        return Err(unsure_meeting(&extraction, f));
    }
    let query = QueryArgs {
        from_filing: Some(v.filing.clone()),
        rules: v.rules.clone(),
        only: v.only.clone(),
        today: v.today.clone(),
        meeting: v.meeting.clone(),
        prior_meeting: v.prior_meeting.clone(),
        announcement: v.announcement.clone(),
        proxy_release: v.proxy_release.clone(),
        prior_proxy_release: v.prior_proxy_release.clone(),
        record_date: v.record_date.clone(),
        meeting_kind: v.meeting_kind.clone(),
        fact: v.fact.clone(),
        ..QueryArgs::default()
    };
    let req = Request::from_query(&query, Format::Table)?;
    super::warn_facts(&req);
    let Some(meeting) = req.facts.get("meeting") else {
        return Err(Error::usage(
            "the filing's meeting date is unsure",
            Some("give the meeting date with `--meeting YYYY-MM-DD`".to_owned()),
        ));
    };
    // Next year's meeting on this one's anniversary: the case a proxy
    // statement prints.
    let next_meeting = anniversary(meeting, LeapDay::default())?;
    // This meeting becomes the prior one, this proxy's release the prior
    // release (as for the table's next-year section).
    let Some(mut next) = crate::eval::next_year_facts(&req.facts) else {
        return Err(Error::usage(
            "next year's deadlines follow an annual meeting, and this filing's meeting is a special one",
            Some("if it is an annual meeting, say so with `--meeting-kind annual`".to_owned()),
        ));
    };
    next.set("meeting", next_meeting);
    let cx = crate::eval::Context {
        today: None,
        ..context(&req)
    };
    let computed = evaluate(&req.library.packs, &next, &cx)?;
    // This year's, for a window printed from this year's meeting; a
    // failure here only loses that diagnosis.
    let this_year = evaluate(&req.library.packs, &req.facts, &cx).unwrap_or_default();
    let seen = Seen {
        meeting,
        release: req.facts.get("proxy_release"),
        next_meeting,
        this_year: &this_year,
    };
    let mut rows: Vec<Row<'_>> = extraction
        .printed
        .iter()
        .map(|p| judge(p.clone(), &computed, &seen))
        .collect();
    rows.extend(wrong_year_windows(
        &name,
        &bytes,
        &extraction,
        &computed,
        &seen,
    ));
    if rows.is_empty() {
        return Err(no_deadlines(v));
    }
    rows.sort_by_key(|r| (r.p.line, r.p.column));
    let from_flags = flags_given(v);
    let text = match v.format {
        VerifyFormat::Table => {
            report::table(v, &req, &extraction, &rows, &from_flags, next_meeting)
        }
        VerifyFormat::Json => report::json_doc(&req, &extraction, &rows, &from_flags, next_meeting),
    };
    if v.format == VerifyFormat::Table {
        super::emit_for_people(v.output.as_deref(), text)?;
    } else {
        emit(v.output.as_deref(), &text)?;
    }
    Ok(if rows.iter().any(|r| r.verdict == Verdict::Differs) {
        Status::Invalid
    } else {
        Status::Ok
    })
}

fn no_deadlines(v: &VerifyArgs) -> Error {
    Error::usage(
        format!(
            "no deadlines for next year's meeting were found in `{}`",
            crate::pack::input::source_name(&v.filing)
        ),
        Some("`verify` reads a proxy statement's section on shareholder proposals and nominations; `govcal extract` shows what was read".to_owned()),
    )
}

/// Windows printed in the wrong year: dates before this proxy statement
/// that the extraction passes over (next year's dates come after it), read
/// again from a year before this meeting, and kept only where they are
/// exactly this year's dates of the rule that applies (loaded, or stated
/// in the sentence), which nothing but that error explains.
fn wrong_year_windows<'a>(
    name: &str,
    bytes: &[u8],
    extraction: &Extraction,
    computed: &'a [Deadline<'a>],
    seen: &Seen<'_>,
) -> Vec<Row<'a>> {
    let Ok(doc) = crate::extract::text::read(name, bytes) else {
        return Vec::new();
    };
    let Some(early) = days_before(seen.meeting, 366) else {
        return Vec::new();
    };
    let this_year = chrono::Datelike::year(&seen.meeting);
    crate::extract::printed::find(&doc, early)
        .into_iter()
        .filter(|q| !extraction.printed.iter().any(|p| p.text == q.text))
        .filter(|q| !speaks_of_this_meeting(&q.text, this_year))
        .map(|q| judge(q, computed, seen))
        .filter(|r| r.wrong_year)
        .collect()
}
