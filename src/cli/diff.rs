//! `govcal diff OLD NEW`: builds the two libraries (the usual one with the
//! pack replaced by OLD, then by NEW), evaluates them for one meeting or for
//! every meeting date of a span, and renders what [`crate::analyse::diff`]
//! finds as a table or JSON. The comparison itself is the library's.

use std::fmt::Write as _;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde_json::{Value, json};

use crate::analyse::diff::{
    Change, HISTORY, Run, State, compare, facts_for_meeting, renames, runs,
};
use crate::diag::SourceFile;
use crate::error::{Error, Result, plural};
use crate::eval::{Context, Deadline, evaluate};
use crate::model::dates::show_date;
use crate::model::expr::{BoundName, MeetingKind};
use crate::model::facts::{Company, Facts};
use crate::pack::input::FileKind;
use crate::pack::load::{Library, builtin_matches, is_path, load_source, parse_pack};

use super::Status;
use super::args::{DiffArgs, DiffFormat, Format};
use super::request::{Request, flag_date};

/// The longest span of meeting dates `--from`/`--to` accepts, in years.
const MAX_SPAN_YEARS: i32 = 20;

/// One version of the library: the usual one with one pack replaced.
struct Version {
    library: Library,
    pack: String,
    number: String,
    source: String,
}

impl Version {
    fn json(&self) -> Value {
        json!({ "pack": self.pack, "version": self.number, "source": self.source })
    }

    fn line(&self) -> String {
        format!("{} version {} ({})", self.pack, self.number, self.source)
    }

    fn evaluate(&self, company: &Company, facts: &Facts) -> Result<Vec<Deadline<'_>>> {
        let cx = Context {
            company,
            calendars: &self.library.calendars,
            today: None,
        };
        evaluate(&self.library.packs, facts, &cx)
    }
}

/// Returns `base` with the pack named by `spec` in place of any pack with
/// its id (or of `also`, the other version's id), or added at the end.
fn with_pack(base: &Library, spec: &str, also: Option<&str>) -> Result<Version> {
    let src = if is_path(spec) {
        load_source(Path::new(spec), FileKind::Pack)?
    } else {
        match builtin_matches(spec).as_slice() {
            [one] => SourceFile::builtin(one.name, one.text),
            [] => {
                return Err(Error::usage(
                    format!("unknown rule pack `{spec}`"),
                    Some("name one `.toml` file or one built-in pack (`govcal rules list`)".into()),
                ));
            }
            many => {
                return Err(Error::usage(
                    format!("`{spec}` names {} packs; `diff` compares one", many.len()),
                    Some(many.iter().map(|p| p.name).collect::<Vec<_>>().join(", ")),
                ));
            }
        }
    };
    let (mut pack, warnings) =
        parse_pack(&src, &base.calendars).map_err(|diagnostics| Error::Invalid { diagnostics })?;
    pack.requested = true;
    let mut library = base.clone();
    library.warnings.extend(warnings);
    let replaced = |id: &str| id == pack.id || Some(id) == also;
    let at = library.packs.iter().position(|p| replaced(&p.id));
    library.packs.retain(|p| !replaced(&p.id));
    let (id, version) = (pack.id.clone(), pack.version.clone());
    library
        .packs
        .insert(at.unwrap_or(library.packs.len()), pack);
    // The checks `Library::load` makes across packs, on the new mix.
    let problems = crate::pack::references::check_cycles(&library.packs);
    if !problems.is_empty() {
        return Err(Error::Invalid {
            diagnostics: problems,
        });
    }
    Ok(Version {
        library,
        pack: id,
        number: version,
        source: src.name().to_owned(),
    })
}

/// Returns the pack id a spec names, without evaluating anything.
fn pack_id(base: &Library, spec: &str) -> Result<String> {
    Ok(with_pack(base, spec, None)?.pack)
}

/// Runs `govcal diff`.
pub(super) fn diff(args: &DiffArgs) -> Result<Status> {
    let format = args.format;
    super::refuse_unused(
        "diff",
        "a comparison moves dates, whatever day it is run",
        args.query.today.is_some(),
        "--today",
    )?;
    if args.query.alarm.is_some() {
        return Err(Error::usage(
            "`--alarm` is for calendar files; `diff` prints a table or JSON",
            None,
        ));
    }
    let span = match (&args.from, &args.to) {
        (Some(from), Some(to)) => Some(span(flag_date("from", from)?, flag_date("to", to)?)?),
        _ => None,
    };
    let req = Request::allowing_no_facts(&args.query, Format::Table)?;
    let (old_id, new_id) = (
        pack_id(&req.library, &args.old)?,
        pack_id(&req.library, &args.new)?,
    );
    let old = with_pack(&req.library, &args.old, Some(&new_id))?;
    let new = with_pack(&req.library, &args.new, Some(&old_id))?;
    // Over a span of meetings the span supplies the meeting: facts may be
    // left out altogether. One meeting needs its facts.
    if span.is_none() {
        req.require_facts()?;
    }
    super::warn_facts(&req);
    let renamed = renames(&old.library.packs, &new.library.packs, &old_id, &new_id);
    let text = match span {
        None => {
            let changes = compare(
                &old.evaluate(&req.company, &req.facts)
                    .map_err(|e| req.locate(e))?,
                &new.evaluate(&req.company, &req.facts)
                    .map_err(|e| req.locate(e))?,
                &renamed,
            );
            match format {
                DiffFormat::Json => meeting_json(&req, &old, &new, &changes),
                DiffFormat::Table => meeting_table(&req, &old, &new, &changes),
            }
        }
        Some((from, to)) => {
            let mut per = Vec::new();
            for meeting in from.iter_days().take_while(|d| *d <= to) {
                let facts = facts_for_meeting(&req.facts, meeting)?;
                let changes = compare(
                    &old.evaluate(&req.company, &facts)?,
                    &new.evaluate(&req.company, &facts)?,
                    &renamed,
                );
                per.push((
                    meeting,
                    changes.into_iter().filter(Change::is_change).collect(),
                ));
            }
            let quiet = per
                .iter()
                .filter(|(_, c): &&(_, Vec<_>)| c.is_empty())
                .count();
            let found = runs(&per);
            match format {
                DiffFormat::Json => {
                    span_json(&req, &old, &new, (from, to, per.len(), quiet), &found)
                }
                DiffFormat::Table => {
                    span_table(&req, &old, &new, (from, to, per.len(), quiet), &found)
                }
            }
        }
    };
    if format == DiffFormat::Table {
        return super::emit_for_people(req.output.as_deref(), text);
    }
    super::emit(req.output.as_deref(), &text)
}

/// Checks a span: `from` not after `to`, at most [`MAX_SPAN_YEARS`] long.
fn span(from: NaiveDate, to: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
    if from > to {
        return Err(Error::usage(
            format!(
                "`--from` {} is after `--to` {}",
                show_date(from),
                show_date(to)
            ),
            Some("give the earlier meeting date to `--from`".to_owned()),
        ));
    }
    // The same day MAX_SPAN_YEARS later (28 February for 29 February).
    let year = from.year().saturating_add(MAX_SPAN_YEARS);
    let last = NaiveDate::from_ymd_opt(year, from.month(), from.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28));
    if last.is_none_or(|last| to > last) {
        return Err(Error::usage(
            format!(
                "the span from {} to {} is longer than {MAX_SPAN_YEARS} years",
                show_date(from),
                show_date(to)
            ),
            Some("compare a shorter span, e.g. the next two years of meeting dates".to_owned()),
        ));
    }
    Ok((from, to))
}

fn state_text(s: &State, bound: BoundName, with_time: bool) -> String {
    match s {
        State::Absent => "no such rule".to_owned(),
        State::NoBound => match bound {
            BoundName::Opens => "no opening date".to_owned(),
            BoundName::Closes => "no closing date".to_owned(),
        },
        State::NoDate { status, .. } => status.as_str().to_owned(),
        State::Date {
            date, time, zone, ..
        } => {
            let mut t = show_date(*date);
            if with_time && let (Some(time), Some(zone)) = (time, zone) {
                let _ = write!(t, " {time} {zone}");
            }
            t
        }
    }
}

fn days(n: i64) -> String {
    plural(
        usize::try_from(n.unsigned_abs()).unwrap_or(usize::MAX),
        "day",
        "days",
    )
}

/// "30 days earlier", "1 day later", or "moves 12 to 45 days earlier".
fn shift_text(min: i64, max: i64) -> String {
    let way = if max < 0 { "earlier" } else { "later" };
    let (near, far) = if max < 0 { (max, min) } else { (min, max) };
    if min == max {
        if min == 0 {
            "same day".to_owned()
        } else {
            format!("{} {way}", days(min))
        }
    } else {
        format!("moves {} to {} {way}", near.unsigned_abs(), days(far))
    }
}

/// What happened to a bound, in a few words, without the dates.
fn what(c: &Change, shift: Option<(i64, i64)>) -> String {
    match (&c.old, &c.new) {
        (State::Absent, _) => "new rule".to_owned(),
        (_, State::Absent) => "rule removed".to_owned(),
        (State::Date { .. }, State::Date { .. }) => {
            let (min, max) = shift.unwrap_or((0, 0));
            let mut s = shift_text(min, max);
            if c.time_changed() {
                s.push_str(", time of day changes");
            }
            s
        }
        (_, State::NoDate { status, .. }) => format!("becomes {}", status.as_str()),
        (_, State::NoBound) => format!("{} dropped", bound_noun(c.bound)),
        (State::NoDate { status, .. }, _) => format!("was {}, now has a date", status.as_str()),
        (State::NoBound, _) => format!("new {}", bound_noun(c.bound)),
    }
}

fn bound_noun(b: BoundName) -> &'static str {
    match b {
        BoundName::Opens => "opening date",
        BoundName::Closes => "closing date",
    }
}

/// "old -> new", with the time of day once when both sides share it.
fn from_to(c: &Change) -> String {
    let same_time =
        !c.time_changed() && matches!((&c.old, &c.new), (State::Date { .. }, State::Date { .. }));
    let mut s = format!(
        "{} → {}",
        state_text(&c.old, c.bound, !same_time),
        state_text(&c.new, c.bound, !same_time)
    );
    if same_time
        && let State::Date {
            time: Some(t),
            zone: Some(z),
            ..
        } = &c.new
    {
        let _ = write!(s, ", {t} {z}");
    }
    s
}

fn header(out: &mut String, old: &Version, new: &Version) {
    let _ = writeln!(out, "Old: {}", old.line());
    let _ = writeln!(out, "New: {}", new.line());
}

fn citations(out: &mut String, changes: &[&Change]) {
    let mut seen = std::collections::BTreeSet::new();
    for c in changes {
        if seen.insert(c.id()) {
            let _ = write!(out, "  {}: {}", c.id(), c.citation);
            if let Some(o) = &c.old_citation {
                let _ = write!(out, " (before: {o})");
            }
            if let Some(w) = &c.was {
                let _ = write!(out, " (formerly {w})");
            }
            out.push('\n');
        }
    }
}

fn meeting_table(req: &Request, old: &Version, new: &Version, changes: &[Change]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        crate::render::table::heading(&req.company, &req.facts)
    );
    header(&mut out, old, new);
    let mut moved: Vec<&Change> = changes.iter().filter(|c| c.is_change()).collect();
    moved.sort_by_key(|c| (c.old.date().or(c.new.date()), c.id(), c.bound));
    if moved.is_empty() {
        let _ = writeln!(out, "\nno deadline moves");
    } else {
        let _ = writeln!(
            out,
            "\n{} {}:",
            plural(moved.len(), "deadline", "deadlines"),
            if moved.len() == 1 {
                "changes"
            } else {
                "change"
            }
        );
        let width = moved.iter().map(|c| c.id().len()).max().unwrap_or(0);
        for c in &moved {
            let _ = writeln!(
                out,
                "  {:<width$}  {:<6}  {}: {}",
                c.id(),
                c.bound.as_str(),
                what(c, c.shift_days().map(|s| (s, s))),
                from_to(c)
            );
        }
        let _ = writeln!(out, "\nCitations:");
        citations(&mut out, &moved);
    }
    if req.all {
        let same: Vec<&Change> = changes.iter().filter(|c| !c.is_change()).collect();
        let _ = writeln!(out, "\nUnchanged ({}):", same.len());
        for c in same {
            let _ = writeln!(
                out,
                "  {} {}: {}",
                c.id(),
                c.bound.as_str(),
                state_text(&c.new, c.bound, true)
            );
        }
    }
    out
}

fn change_json(c: &Change) -> Value {
    let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.insert("shift_days".to_owned(), json!(c.shift_days()));
    }
    v
}

fn facts_json(facts: &Facts) -> Value {
    Value::Object(
        facts
            .iter()
            .map(|(n, d)| (n.to_owned(), Value::String(d.to_string())))
            .collect(),
    )
}

fn document(req: &Request, old: &Version, new: &Version, mode: &str, rest: Value) -> String {
    let mut doc = json!({
        "govcal": env!("CARGO_PKG_VERSION"),
        "mode": mode,
        "company": { "name": req.company.name, "zone": req.company.zone.name() },
        "meeting_kind": req.facts.meeting_kind,
        "old": old.json(),
        "new": new.json(),
        "facts": facts_json(&req.facts),
    });
    if let (Value::Object(d), Value::Object(r)) = (&mut doc, rest) {
        d.extend(r);
    }
    let mut s =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

fn meeting_json(req: &Request, old: &Version, new: &Version, changes: &[Change]) -> String {
    let (moved, same): (Vec<&Change>, Vec<&Change>) = changes.iter().partition(|c| c.is_change());
    let mut rest = json!({
        "assumptions": [],
        "changes": moved.into_iter().map(change_json).collect::<Vec<_>>(),
    });
    if req.all {
        rest["unchanged"] = same.into_iter().map(change_json).collect();
    }
    document(req, old, new, "meeting", rest)
}

/// The span's assumptions about the facts, one sentence each.
fn assumptions(facts: &Facts) -> Vec<String> {
    let mut out = Vec::new();
    for name in HISTORY {
        match facts.get(name) {
            Some(d) => out.push(format!("{name} stays {} (history)", show_date(d))),
            None if name == "prior_meeting" && facts.meeting_kind == MeetingKind::Annual => out.push(
                "prior_meeting is not given: last year's meeting is taken to be one year before each meeting date".to_owned(),
            ),
            None => out.push(format!("{name} is not given")),
        }
    }
    if let Some(m) = facts.get("meeting") {
        for (name, d) in facts.iter() {
            if name == "meeting" || HISTORY.contains(&name) {
                continue;
            }
            let n = d.signed_duration_since(m).num_days();
            let gap = match n {
                0 => "on the meeting day".to_owned(),
                n if n < 0 => format!("{} before the meeting", days(n)),
                n => format!("{} after the meeting", days(n)),
            };
            out.push(format!("{name} stays {gap} (as given: {})", show_date(d)));
        }
    }
    out
}

fn run_json(r: &Run) -> Value {
    json!({
        "pack": r.first.pack,
        "rule": r.first.rule,
        "was": r.first.was,
        "bound": r.first.bound,
        "from": r.from,
        "to": r.to,
        "meetings": r.meetings,
        "shift_min": r.shift_min,
        "shift_max": r.shift_max,
        "first": change_json(&r.first),
        "last": change_json(&r.last),
    })
}

type SpanInfo = (NaiveDate, NaiveDate, usize, usize);

fn span_json(req: &Request, old: &Version, new: &Version, info: SpanInfo, found: &[Run]) -> String {
    let (from, to, meetings, quiet) = info;
    let rest = json!({
        "assumptions": assumptions(&req.facts),
        "from": from,
        "to": to,
        "meetings": meetings,
        "unchanged_meetings": quiet,
        "runs": found.iter().map(run_json).collect::<Vec<_>>(),
    });
    document(req, old, new, "span", rest)
}

fn span_table(
    req: &Request,
    old: &Version,
    new: &Version,
    info: SpanInfo,
    found: &[Run],
) -> String {
    let (from, to, meetings, quiet) = info;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} meetings from {} to {} ({})",
        req.company.name,
        req.facts.meeting_kind.as_str(),
        show_date(from),
        show_date(to),
        plural(meetings, "date", "dates")
    );
    header(&mut out, old, new);
    let _ = writeln!(out, "As the meeting date moves:");
    for a in assumptions(&req.facts) {
        let _ = writeln!(out, "  {a}");
    }
    out.push('\n');
    if found.is_empty() {
        let _ = writeln!(out, "no deadline moves for any meeting date in the span");
        return out;
    }
    for r in found {
        let when = if r.from == r.to {
            format!("for a meeting on {}", show_date(r.from))
        } else {
            format!(
                "for meetings between {} and {}",
                show_date(r.from),
                show_date(r.to)
            )
        };
        let shift = r.shift_min.zip(r.shift_max);
        let example = if r.first.old == r.last.old && r.first.new == r.last.new {
            from_to(&r.first)
        } else {
            format!(
                "meeting {}: {}; meeting {}: {}",
                show_date(r.from),
                from_to(&r.first),
                show_date(r.to),
                from_to(&r.last)
            )
        };
        let _ = writeln!(
            out,
            "{when}: {} {} {} ({example})",
            r.first.id(),
            r.first.bound.as_str(),
            what(&r.first, shift)
        );
    }
    let _ = writeln!(
        out,
        "\n{} of {}: no deadline moves",
        plural(quiet, "meeting date", "meeting dates"),
        meetings
    );
    let _ = writeln!(out, "\nCitations:");
    citations(
        &mut out,
        &found.iter().map(|r| &r.first).collect::<Vec<_>>(),
    );
    out
}
