//! Turns parsed arguments into a validated [`Request`]: reads the facts
//! file and rule packs, applies flag overrides, fixes `today`. The only
//! place that reads the environment or the clock.

use std::path::Path;
use std::sync::Arc;

use chrono::{NaiveDate, TimeDelta};

use crate::diag::{Diagnostic, SourceFile, did_you_mean};
use crate::error::{Error, Result};
use crate::model::dates::parse_date;
use crate::model::expr::MeetingKind;
use crate::model::facts::{Company, Facts};
use crate::pack::consistency::{FactWarning, Given, Input, Origins, check_facts, outside_calendar};
use crate::pack::input::FileKind;
use crate::pack::load::{Library, load_source};
use crate::pack::profile::Profile;

use super::args::{Format, QueryArgs};

/// Everything a `deadlines` or `explain` run needs.
#[derive(Debug)]
pub struct Request {
    /// The company.
    pub company: Company,
    /// The meeting's facts, flags applied.
    pub facts: Facts,
    /// The packs.
    pub library: Library,
    /// Today.
    pub today: NaiveDate,
    /// Output format.
    pub format: Format,
    /// Output file.
    pub output: Option<std::path::PathBuf>,
    /// Reminders.
    pub alarms: Vec<TimeDelta>,
    /// Show not-applicable rules too.
    pub all: bool,
    /// Doubtful facts (a record date long before the meeting), to print
    /// with the deadlines' warnings.
    pub fact_warnings: Vec<FactWarning>,
    /// No facts at all, where [`Request::allowing_no_facts`] let it pass:
    /// what [`Request::require_facts`] reports.
    no_facts: Option<Diagnostic>,
    /// Where each fact was given, to point at a fact a failure comes from.
    origins: Origins,
}

pub(crate) fn flag_date(flag: &str, text: &str) -> Result<NaiveDate> {
    parse_date(text).map_err(|e| Error::usage(format!("`--{flag}`: {}", e.message), e.help))
}

/// Parses `14d,7d,1d` / `2h` / `30m` into durations.
///
/// # Errors
///
/// [`Error::Usage`] naming the item that is not a duration, or the one
/// that repeats another (`14d,2w`): calendars would show both.
pub fn parse_alarms(text: &str) -> Result<Vec<TimeDelta>> {
    let mut out = Vec::new();
    for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let digits = item.bytes().take_while(u8::is_ascii_digit).count();
        let n: i64 = item[..digits].parse().unwrap_or(-1);
        let d = match (&item[digits..], n) {
            (_, n) if !(0..=10_000).contains(&n) => None,
            ("d", n) => Some(TimeDelta::days(n)),
            ("w", n) => Some(TimeDelta::weeks(n)),
            ("h", n) => Some(TimeDelta::hours(n)),
            ("m", n) => Some(TimeDelta::minutes(n)),
            _ => None,
        };
        match d {
            Some(d) => {
                if let Some((same, _)) = out.iter().find(|(_, seen)| *seen == d) {
                    return Err(Error::usage(
                        format!("`--alarm`: `{item}` repeats `{same}`, the same reminder"),
                        Some("give each reminder once".to_owned()),
                    ));
                }
                out.push((item, d));
            }
            None => {
                return Err(Error::usage(
                    format!("`--alarm`: `{item}` is not a reminder time"),
                    Some("write a number and a unit, e.g. `14d,7d,1d` (d days, w weeks, h hours, m minutes)".to_owned()),
                ));
            }
        }
    }
    Ok(out.into_iter().map(|(_, d)| d).collect())
}

/// Returns today's date: `--today`, else `SOURCE_DATE_EPOCH`, else the clock.
pub(crate) fn today(flag: Option<&str>) -> Result<NaiveDate> {
    if let Some(t) = flag {
        return flag_date("today", t);
    }
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let secs: i64 = epoch.trim().parse().map_err(|_| {
            Error::usage(
                format!("`SOURCE_DATE_EPOCH` is not a number of seconds: `{epoch}`"),
                None,
            )
        })?;
        return chrono::DateTime::from_timestamp(secs, 0)
            .map(|t| t.date_naive())
            .ok_or_else(|| Error::usage("`SOURCE_DATE_EPOCH` is out of range", None));
    }
    Ok(chrono::Local::now().date_naive())
}

/// The families every query loads unless `--only` names packs: the SEC's
/// rules, every state's code and every exchange's rules. A company's bylaws
/// come on top, from its profile's `rules`, and `--rules` on top of that.
pub const DEFAULT_LIBRARY: [&str; 4] = ["sec", "states", "countries", "exchanges"];

/// The packs a company is evaluated with when no `--only` is given: the
/// SEC, state and exchange families, then its own (`rules` in its facts
/// file, `packs` in a portfolio).
pub(crate) fn library_specs(own: &[String]) -> Vec<String> {
    DEFAULT_LIBRARY
        .iter()
        .filter(|f| !crate::pack::load::builtin_matches(f).is_empty())
        .map(|s| (*s).to_owned())
        .chain(own.iter().cloned())
        .collect()
}

/// Loads the packs of one company: the default library and its own packs
/// (relative paths in them read from `own_base`, the facts file's or
/// portfolio's folder), or exactly `only` when it is not empty; then `add`
/// (`--rules`) on top. Paths in `only` and `add` are read from the working
/// directory. A pack named twice is loaded once. `--only` does not bring
/// in the packs its packs refer to: a reference to a rule of a pack not
/// loaded is an error that names the pack to add.
///
/// # Errors
///
/// As [`Library::load`].
pub(crate) fn load_library(
    own: &[String],
    own_base: Option<&Path>,
    only: &[String],
    add: &[String],
    company: Option<&Company>,
) -> Result<Library> {
    // Deadlines read no notes or worked cases: the lean built-in packs; and
    // for one company, not the packs of other places.
    if only.is_empty() {
        Library::load_parts_lean(&[(&library_specs(own), own_base), (add, None)], company)
    } else {
        Library::load_parts_lean(&[(only, None), (add, None)], company)
    }
}

impl Request {
    /// Builds a request from `args`, to be printed in `format`.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] for problems in the facts file or packs, and for
    /// facts that cannot all be true or no facts at all (each at its place
    /// in the facts file, or at its flag); [`Error::Usage`] for bad flags,
    /// [`Error::Read`] for unreadable files.
    pub fn from_query(args: &QueryArgs, format: Format) -> Result<Request> {
        Self::build(args, format, false)
    }

    /// Builds a request that may have no facts at all, for `diff`: over a
    /// span of meeting dates (`--from`, `--to`) the span supplies the
    /// meeting, and otherwise the packs named are checked first and then
    /// [`Request::require_facts`].
    ///
    /// # Errors
    ///
    /// As [`Request::from_query`], except for no facts at all.
    pub fn allowing_no_facts(args: &QueryArgs, format: Format) -> Result<Request> {
        Self::build(args, format, true)
    }

    /// Refuses a request with no facts at all, as [`Request::from_query`]
    /// does.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] saying what is needed when no fact was given.
    pub fn require_facts(&self) -> Result<()> {
        match &self.no_facts {
            Some(d) => Err(Error::Invalid {
                diagnostics: vec![d.clone()],
            }),
            None => Ok(()),
        }
    }

    /// Returns `err` located at the facts it comes from when it is a date
    /// outside a holiday calendar's years: an [`Error::Invalid`] with a
    /// diagnostic at each fact outside them (see [`outside_calendar`]). Any
    /// other error comes back as it was.
    pub fn locate(&self, err: Error) -> Error {
        let problems = outside_calendar(&err, &self.facts, &self.origins);
        if problems.is_empty() {
            return err;
        }
        let fallback = SourceFile::new("command line", "");
        Error::Invalid {
            diagnostics: problems.iter().map(|p| p.diagnostic(&fallback)).collect(),
        }
    }

    /// Builds the request; facts that cannot all be true (checked by
    /// [`check_facts`]) are [`Error::Invalid`], at each fact's place, and so
    /// are no facts at all unless `allow_none`.
    fn build(args: &QueryArgs, format: Format, allow_none: bool) -> Result<Request> {
        if args.alarm.is_some() && format != Format::Ics {
            return Err(Error::usage(
                "`--alarm` sets calendar reminders, and this prints no calendar",
                Some("add `--format ics`, or leave `--alarm` out".to_owned()),
            ));
        }
        let dashes = [&args.facts, &args.from_filing]
            .into_iter()
            .flatten()
            .filter(|p| crate::pack::input::is_stdin(p))
            .count()
            + args
                .rules
                .iter()
                .chain(&args.only)
                .filter(|s| *s == "-")
                .count();
        if dashes > 1 {
            return Err(Error::usage(
                "`-` (standard input) is given for more than one input; it can be read once",
                Some("give the other inputs as files".to_owned()),
            ));
        }
        let profile = match (&args.facts, &args.from_filing) {
            (Some(path), _) => {
                let src = load_source(path, FileKind::Facts)?;
                Some(Profile::parse(&src).map_err(|diagnostics| Error::Invalid { diagnostics })?)
            }
            (None, Some(filing)) => {
                // A meeting date given by flag stands in for the filing's.
                let extraction = if args.meeting.is_some() {
                    super::read_any_filing(filing)?
                } else {
                    super::read_filing(filing)?
                };
                let text = crate::extract::to_toml(&extraction);
                let src = crate::diag::SourceFile::new(
                    format!(
                        "{} (facts read from it)",
                        crate::pack::input::source_name(filing)
                    ),
                    text,
                );
                Some(Profile::parse(&src).map_err(|diagnostics| Error::Invalid { diagnostics })?)
            }
            (None, None) => None,
        };
        let (company, mut facts) = match &profile {
            Some(p) => (p.company.clone(), p.facts.clone()),
            None => (Company::default(), Facts::default()),
        };
        // The whole library by default: packs for other states and
        // exchanges say they do not apply, and are hidden unless `--all`.
        let base = args.facts.as_deref().and_then(Path::parent);
        let library = load_library(
            &company.rules,
            base,
            &args.only,
            &args.rules,
            Some(&company),
        )
        .map_err(|e| match e {
            // A relative `rules` path in facts read from standard input:
            // say where it was looked for.
            Error::Read { path, source }
                if args
                    .facts
                    .as_deref()
                    .is_some_and(crate::pack::input::is_stdin)
                    && path.is_relative()
                    && company.rules.iter().any(|r| Path::new(r) == path) =>
            {
                let (note, help) = crate::pack::input::relative_to_stdin_note(
                    "the `rules` of the facts read from standard input",
                    "the facts file's path instead of `-`",
                );
                Error::usage(
                    format!("failed to read `{}`: {source}; {note}", path.display()),
                    Some(help),
                )
            }
            e => e,
        })?;
        let known = library.known_facts();
        if let Some(p) = &profile {
            let problems: Vec<Diagnostic> = p.check_names(&known);
            if !problems.is_empty() {
                return Err(Error::Invalid {
                    diagnostics: problems,
                });
            }
        }
        let mut origins: Origins = profile
            .as_ref()
            .map(|p| p.origins.clone())
            .unwrap_or_default();
        // The fact flags as typed, one line, so that a problem with a flag's
        // date can point at it as a problem in a file does.
        let mut line = String::new();
        let mut flagged: Vec<(String, String, std::ops::Range<usize>)> = Vec::new();
        let mut flag = |typed: String, flag: String, name: &str| {
            if !line.is_empty() {
                line.push(' ');
            }
            let start = line.len();
            line.push_str(&typed);
            flagged.push((name.to_owned(), flag, start..line.len()));
        };
        for (name_flag, value, name) in [
            ("meeting", &args.meeting, "meeting"),
            ("prior-meeting", &args.prior_meeting, "prior_meeting"),
            ("announcement", &args.announcement, "announcement"),
            (
                "prior-proxy-release",
                &args.prior_proxy_release,
                "prior_proxy_release",
            ),
            ("record-date", &args.record_date, "record_date"),
            ("proxy-release", &args.proxy_release, "proxy_release"),
        ] {
            if let Some(v) = value {
                facts.set(name, flag_date(name_flag, v)?);
                flag(format!("--{name_flag} {v}"), format!("--{name_flag}"), name);
            }
        }
        if let Some(kind) = &args.meeting_kind {
            facts.meeting_kind = match kind.as_str() {
                "annual" => MeetingKind::Annual,
                "special" => MeetingKind::Special,
                other => {
                    return Err(Error::usage(
                        format!(
                            "`--meeting-kind`: expected `annual` or `special`, found `{other}`"
                        ),
                        None,
                    ));
                }
            };
        }
        for item in &args.fact {
            let Some((name, value)) = item.split_once('=') else {
                return Err(Error::usage(
                    format!("`--fact`: expected NAME=DATE, found `{item}`"),
                    Some("e.g. `--fact record_date=2025-04-14`".to_owned()),
                ));
            };
            let name = name.trim();
            if name == "meeting_kind" {
                return Err(Error::usage(
                    "`--fact`: `meeting_kind` is not a date",
                    Some("use `--meeting-kind special`".to_owned()),
                ));
            }
            if !known.contains(name) {
                return Err(Error::usage(
                    format!("`--fact`: unknown fact `{name}`"),
                    did_you_mean(name, known.iter().map(String::as_str)),
                ));
            }
            facts.set(name, flag_date("fact", value)?);
            flag(format!("--fact {item}"), format!("--fact {name}"), name);
        }
        let command_line = SourceFile::new("command line", line);
        for (name, flag, span) in flagged {
            origins.insert(
                name,
                Given::Flag {
                    flag,
                    source: Arc::clone(&command_line),
                    span,
                },
            );
        }
        for name in &args.without {
            if !known.contains(name.as_str()) {
                return Err(Error::usage(
                    format!("`--without`: unknown fact `{name}`"),
                    did_you_mean(name, known.iter().map(String::as_str)),
                ));
            }
            facts.remove(name);
            origins.remove(name);
        }
        let input = match (&profile, &args.from_filing) {
            (Some(p), None) => Input::File(&p.source),
            (Some(p), Some(_)) => Input::Filing(&p.source),
            (None, _) => Input::Flags,
        };
        let check = check_facts(&facts, &origins, input);
        let mut diagnostics: Vec<Diagnostic> = check
            .problems
            .iter()
            .map(|p| p.diagnostic(&command_line))
            .collect();
        // No facts at all is the only problem of an empty set of facts.
        let no_facts = if allow_none && facts.iter().next().is_none() {
            diagnostics.pop()
        } else {
            None
        };
        if !diagnostics.is_empty() {
            return Err(Error::Invalid { diagnostics });
        }
        let alarms = match &args.alarm {
            Some(a) => parse_alarms(a)?,
            None => Vec::new(),
        };
        let today = today(args.today.as_deref())?;
        let mut fact_warnings = check.warnings;
        fact_warnings.extend(crate::pack::consistency::today_warning(today));
        Ok(Request {
            company,
            facts,
            library,
            today,
            format,
            output: args.output.clone(),
            alarms,
            all: args.all,
            fact_warnings,
            no_facts,
            origins,
        })
    }
}
