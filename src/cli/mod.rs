//! The command line. `run` parses arguments, builds a request, calls the
//! library and prints. Nothing else in the crate writes to stdout or stderr,
//! reads the environment or looks at the clock.

pub mod args;
pub mod batch;
pub mod diff;
pub mod disclose;
pub mod explain;
mod help;
pub mod output;
pub mod request;
pub mod verify;
mod wrap;

use std::collections::HashSet;
use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::analyse::cases::run_cases;
use crate::analyse::coverage::coverage;
use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::eval::{Context, evaluate};
use crate::ics::previous::{Unmatched, carry_forward};
use crate::ics::write_ics;
use crate::pack::input::{FileKind, read_bytes};
use crate::pack::load::{BUILTIN_PACKS, Library, builtin_id, builtin_matches};
use crate::render::{calendar, csv, diagnostics, json, table};

use args::{
    Args, CheckArgs, CheckFormat, Command, DeadlinesArgs, ExplainArgs, ExplainFormat, ExtractArgs,
    ExtractFormat, Format, RulesAction,
};
use request::{DEFAULT_LIBRARY, Request};

/// How a run ended; the process exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Status {
    /// Done as asked.
    Ok = 0,
    /// Ran and found problems in the user's files (or failing worked cases).
    Invalid = 1,
    /// Could not run: bad flags, unreadable file, bug.
    Failed = 2,
}

/// `--color`, set once at the start of a run.
static COLOR: std::sync::OnceLock<args::ColorChoice> = std::sync::OnceLock::new();

/// Whether messages on stderr are coloured: as `--color` says, and for
/// `auto` (the default) as [`wants_color`] decides.
pub(crate) fn color() -> bool {
    match COLOR.get().copied().unwrap_or(args::ColorChoice::Auto) {
        args::ColorChoice::Always => true,
        args::ColorChoice::Never => false,
        args::ColorChoice::Auto => wants_color(
            std::env::var_os("NO_COLOR").as_deref(),
            std::env::var_os("TERM").as_deref(),
            std::io::stderr().is_terminal(),
        ),
    }
}

/// Whether diagnostics are coloured: only on a terminal, never when
/// `NO_COLOR` is set to anything but the empty string (no-color.org), and
/// never when `TERM` is `dumb` (a terminal that takes no escape codes, as
/// in Emacs' shell).
fn wants_color(no_color: Option<&OsStr>, term: Option<&OsStr>, terminal: bool) -> bool {
    terminal && no_color.is_none_or(OsStr::is_empty) && term.is_none_or(|t| t != "dumb")
}

/// The `--color` given in `args`, read before clap parses them so that
/// clap's own messages follow it (the last one wins, as clap takes it).
fn color_flag(args: &[OsString]) -> Option<args::ColorChoice> {
    let mut found = None;
    let mut it = args.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
    while let Some(a) = it.next() {
        let value = match a {
            "--" => break,
            "--color" => it.next(),
            _ => a.strip_prefix("--color="),
        };
        found = match value {
            Some("always") => Some(args::ColorChoice::Always),
            Some("never") => Some(args::ColorChoice::Never),
            Some("auto") => Some(args::ColorChoice::Auto),
            Some(_) | None => found,
        };
    }
    found
}

/// Runs the program on `args` (program name first) and returns its exit
/// status. Nothing else in the crate writes to stdout or stderr.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().collect();
    // clap's own messages (help, usage errors) follow `--color` too.
    let command = <Args as clap::CommandFactory>::command().color(match color_flag(&args) {
        Some(args::ColorChoice::Always) => clap::ColorChoice::Always,
        Some(args::ColorChoice::Never) => clap::ColorChoice::Never,
        _ => clap::ColorChoice::Auto,
    });
    let parsed = command
        .try_get_matches_from(args)
        .and_then(|m| <Args as clap::FromArgMatches>::from_arg_matches(&m));
    let args = match parsed {
        Ok(args) => args,
        Err(err) => {
            // `--help` arrives here too; clap knows its code.
            let _ = err.print();
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
        }
    };
    let _ = COLOR.set(args.color);
    let status = match execute(args) {
        Ok(status) => status,
        Err(err) => report_error(&err),
    };
    ExitCode::from(status as u8)
}

fn report_error(err: &Error) -> Status {
    let mut stderr = std::io::stderr().lock();
    match err {
        Error::Invalid { diagnostics } => {
            let _ = write!(
                stderr,
                "{}",
                diagnostics::render_diagnostics_to(diagnostics, color(), wrap::stderr_width())
            );
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == crate::diag::Severity::Error)
                .count();
            let _ = writeln!(
                stderr,
                "error: found {}",
                crate::error::plural(errors, "problem", "problems")
            );
            Status::Invalid
        }
        Error::Usage { message, help } => {
            let _ = writeln!(stderr, "error: {message}");
            if let Some(h) = help {
                let _ = writeln!(stderr, "  help: {h}");
            }
            Status::Failed
        }
        Error::TooLarge { help, .. } => {
            let _ = writeln!(stderr, "error: {err}");
            let _ = writeln!(stderr, "  help: {help}");
            Status::Failed
        }
        Error::Rule { .. } | Error::Calendar(_) | Error::OutOfRange => {
            let _ = writeln!(stderr, "error: {err}");
            Status::Invalid
        }
        other => {
            let _ = writeln!(stderr, "error: {}", with_causes(other));
            Status::Failed
        }
    }
}

/// An error and its causes on one line: `cannot read x: not found`.
pub(crate) fn with_causes(err: &Error) -> String {
    let mut msg = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        // A cause its error already quotes (`rule `x`: {source}`) is
        // not repeated.
        let cause = s.to_string();
        if !msg.ends_with(&cause) {
            msg.push_str(": ");
            msg.push_str(&cause);
        }
        source = s.source();
    }
    msg
}

fn execute(args: Args) -> Result<Status> {
    if args.version {
        return print_out(&version_text());
    }
    if args.short_version {
        return print_out(&format!("govcal {}\n", env!("CARGO_PKG_VERSION")));
    }
    match args.command {
        None => Err(Error::usage(
            "no command given",
            Some(
                "try `govcal deadlines examples/hemacare-2004.toml`, or `govcal --help`".to_owned(),
            ),
        )),
        Some(Command::Deadlines(q)) => deadlines(&q),
        Some(Command::Explain(e)) => explain(&e),
        Some(Command::Check(c)) => check(&c),
        Some(Command::Extract(x)) => extract(&x),
        Some(Command::Verify(v)) => verify::verify(&v),
        Some(Command::Disclose(d)) => disclose::disclose(&d),
        Some(Command::Batch(b)) => batch::batch(&b),
        Some(Command::SynthPortfolio(s)) => batch::synth(&s),
        Some(Command::Diff(d)) => diff::diff(&d),
        Some(Command::Rules { action }) => rules(&action),
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Args::command(), "govcal", &mut script);
            print_out(&String::from_utf8_lossy(&script))
        }
        Some(Command::Man { output }) => emit(output.as_deref(), &manual()?),
        Some(Command::Schema { kind }) => print_out(&match kind {
            args::SchemaKind::Pack => crate::pack::jsonschema::pack_schema(),
            args::SchemaKind::Facts => crate::pack::jsonschema::facts_schema(),
            args::SchemaKind::Output => json::OUTPUT_SCHEMA.to_owned(),
        }),
    }
}

/// The manual page, in roff: `clap_mangen`'s title, name, synopsis and
/// options for `govcal`, then its examples and exit codes and a section
/// for each subcommand holding its `--help`, as preformatted text (in place
/// of `clap_mangen`'s list of `govcal-deadlines(1)` pages, which do not
/// exist).
fn manual() -> Result<String> {
    let mut cmd = Args::command();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)
        .and_then(|()| man.render_name_section(&mut page))
        .and_then(|()| man.render_synopsis_section(&mut page))
        .and_then(|()| man.render_options_section(&mut page))
        .map_err(|source| Error::Write {
            path: "<manual page>".into(),
            source,
        })?;
    let mut page = String::from_utf8_lossy(&page).into_owned();
    preformatted(&mut page, "EXAMPLES AND EXIT CODES", help::TOP);
    cmd.build();
    for sub in cmd.get_subcommands_mut().filter(|s| !s.is_hide_set()) {
        let title = format!("GOVCAL {}", sub.get_name().to_uppercase());
        let text = sub.render_long_help().to_string();
        preformatted(&mut page, &title, &text);
    }
    Ok(page)
}

/// Appends a roff section `title` holding `text` as it is laid out.
fn preformatted(page: &mut String, title: &str, text: &str) {
    let _ = writeln!(page, ".SH \"{title}\"\n.nf");
    for line in text.lines() {
        let line = line.replace('\\', "\\e");
        if line.starts_with(['.', '\'']) {
            page.push_str("\\&");
        }
        page.push_str(&line);
        page.push('\n');
    }
    page.push_str(".fi\n");
}

fn version_text() -> String {
    let mut s = format!(
        "govcal {}\ntz database {}\n",
        env!("CARGO_PKG_VERSION"),
        chrono_tz::IANA_TZDB_VERSION
    );
    for p in BUILTIN_PACKS {
        let version = p
            .text
            .lines()
            .find_map(|l| {
                l.trim()
                    .strip_prefix("version = \"")
                    .and_then(|r| r.split('"').next())
            })
            .unwrap_or("?");
        let _ = writeln!(s, "pack {} {version}", p.name);
    }
    s
}

/// The UTF-8 byte order mark `--bom` puts before CSV, by which Excel
/// knows the file is UTF-8 (without it, "§" opens as "Â§").
pub(crate) const BOM: &str = "\u{feff}";

/// Writes `text` to stdout; a closed pipe is not an error.
fn print_out(text: &str) -> Result<Status> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(Status::Ok),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(Status::Ok),
        Err(e) => Err(Error::Write {
            path: "<stdout>".into(),
            source: e,
        }),
    }
}

/// Writes `text` to `path` as [`output::OutFile`] does: atomically for a
/// file (a failure never leaves half a file behind), in place for a device
/// or a FIFO.
///
/// # Errors
///
/// [`Error::Write`] if the file cannot be written or renamed.
pub fn write_atomically(path: &Path, text: &str) -> Result<()> {
    write_to(output::OutFile::create(path)?, text)
}

/// Writes `text` to `file` and finishes it.
pub(crate) fn write_to(mut file: output::OutFile, text: &str) -> Result<()> {
    match file.write_all(text.as_bytes()) {
        Ok(()) => file.finish(),
        // Dropping the file removes its temporary file.
        Err(source) => Err(Error::Write {
            path: file.path().to_owned(),
            source,
        }),
    }
}

/// Writes `text` to `output` (standard output when `None` or `-`).
pub(crate) fn emit(output: Option<&Path>, text: &str) -> Result<Status> {
    match output.filter(|p| !output::is_stdout(p)) {
        Some(path) => {
            write_atomically(path, text)?;
            Ok(Status::Ok)
        }
        None => print_out(text),
    }
}

/// As [`emit`], for text meant for people (a table, a trace): on a
/// terminal, long lines are wrapped to its width.
pub(crate) fn emit_for_people(output: Option<&Path>, text: String) -> Result<Status> {
    match output.filter(|p| !output::is_stdout(p)) {
        Some(_) => emit(output, &text),
        None => print_out(&wrap::for_stdout(text)),
    }
}

/// Prints the doubts about a request's facts on stderr, for the outputs
/// that have no place for them (CSV, calendar files, `diff`, `verify`).
pub(crate) fn warn_facts(req: &Request) {
    let mut stderr = std::io::stderr().lock();
    for w in &req.fact_warnings {
        let _ = writeln!(stderr, "warning: {}: {w}", req.company.name);
    }
}

/// [`Error::Usage`] (exit 2) for `flag`, given to `command` where it would
/// change nothing (`why`); such flags are hidden from that command's help.
pub(crate) fn refuse_unused(command: &str, why: &str, given: bool, flag: &str) -> Result<()> {
    if !given {
        return Ok(());
    }
    Err(Error::usage(
        format!("`govcal {command}` does not take `{flag}`: {why}"),
        Some(format!("leave out `{flag}`")),
    ))
}

fn context(req: &Request) -> Context<'_> {
    Context {
        company: &req.company,
        calendars: &req.library.calendars,
        today: Some(req.today),
    }
}

fn compute(req: &Request) -> Result<Vec<crate::eval::Deadline<'_>>> {
    evaluate(&req.library.packs, &req.facts, &context(req)).map_err(|e| req.locate(e))
}

fn deadlines(d: &DeadlinesArgs) -> Result<Status> {
    if d.format == Format::Ics {
        return calendar(d);
    }
    if !d.more_facts.is_empty() {
        return Err(Error::usage(
            "several facts files make one calendar: add `--format ics`",
            Some("for a table, JSON or CSV, run `govcal deadlines` once per facts file".to_owned()),
        ));
    }
    if d.previous.is_some() {
        return Err(Error::usage(
            "`--previous` updates an earlier calendar: add `--format ics`",
            None,
        ));
    }
    if d.bom && d.format != Format::Csv {
        return Err(Error::usage(
            "`--bom` marks CSV as UTF-8 for Excel: add `--format csv`",
            None,
        ));
    }
    let req = Request::from_query(&d.query, d.format)?;
    let all = compute(&req)?;
    let shown: Vec<_> = all
        .iter()
        .filter(|d| {
            req.all
                || d.status != crate::model::rule::Status::NotApplicable
                || matches!(req.format, Format::Table | Format::Html)
        })
        .cloned()
        .collect();
    // Next year's dates are an extra: if they cannot be computed (a meeting
    // late in the last year a calendar covers), say so and show this year's.
    let next = crate::eval::evaluate_next_year(&req.library.packs, &req.facts, &context(&req))
        .unwrap_or_else(|e| {
            let _ = writeln!(
                std::io::stderr().lock(),
                "warning: next year's deadlines were not computed: {e}"
            );
            Vec::new()
        });
    let cov = coverage(&req.company, &req.library.packs);
    let text = match req.format {
        Format::Table => table::table(
            &req.company,
            &req.facts,
            &req.fact_warnings,
            &cov,
            &shown,
            &next,
            req.today,
            req.all,
            d.verbose,
        ),
        Format::Json => json::json(
            &req.company,
            &req.facts,
            &req.fact_warnings,
            &cov,
            &shown,
            &next,
            req.today,
        ),
        Format::Csv => {
            warn_facts(&req);
            let text = csv::csv(&req.company, &shown);
            if d.bom { format!("{BOM}{text}") } else { text }
        }
        Format::Html => {
            // The calendars of the packs that govern the company, once each,
            // in loading order: their weekends and holidays are shaded.
            let mut calendars: Vec<&crate::model::calendar::Calendar> = Vec::new();
            for pack in &cov.packs {
                if let Some(c) = req.library.calendars.get(&pack.calendar)
                    && !calendars.iter().any(|k| k.id() == c.id())
                {
                    calendars.push(c);
                }
            }
            crate::render::timeline::page(&crate::render::timeline::Page {
                company: &req.company,
                facts: &req.facts,
                fact_warnings: &req.fact_warnings,
                coverage: &cov,
                deadlines: &shown,
                next_year: &next,
                calendars,
                today: req.today,
            })
        }
        Format::Ics => return calendar(d),
    };
    if req.format == Format::Table {
        return emit_for_people(req.output.as_deref(), text);
    }
    emit(req.output.as_deref(), &text)
}

/// `deadlines --format ics`: one calendar for one or more facts files,
/// updating `--previous` when given.
fn calendar(d: &DeadlinesArgs) -> Result<Status> {
    let dashes = std::iter::once(&d.query.facts)
        .chain(std::iter::once(&d.previous))
        .flatten()
        .chain(&d.more_facts)
        .filter(|p| crate::pack::input::is_stdin(p))
        .count();
    if dashes > 1 {
        return Err(Error::usage(
            "`-` (standard input) is given for more than one input; it can be read once",
            Some("give the other inputs as files".to_owned()),
        ));
    }
    let mut files = vec![d.query.facts.clone()];
    files.extend(d.more_facts.iter().cloned().map(Some));
    let q = &d.query;
    let overrides = q.meeting.is_some()
        || q.prior_meeting.is_some()
        || q.announcement.is_some()
        || q.prior_proxy_release.is_some()
        || q.record_date.is_some()
        || q.meeting_kind.is_some()
        || !q.fact.is_empty()
        || !q.without.is_empty();
    if files.len() > 1 && overrides {
        return Err(Error::usage(
            "the fact flags (`--meeting`, `--fact`, `--without` and the like) change one meeting, but several facts files were given",
            Some("write the dates into each facts file instead".to_owned()),
        ));
    }
    let mut requests = Vec::with_capacity(files.len());
    for file in files {
        let mut query = q.clone();
        query.facts = file;
        requests.push(Request::from_query(&query, Format::Ics)?);
    }
    let mut computed = Vec::with_capacity(requests.len());
    for req in &requests {
        warn_facts(req);
        // Calendar events do not say what is past: that would change the
        // text of every event each day and defeat `--previous`.
        let cx = Context {
            today: None,
            ..context(req)
        };
        computed.push(evaluate(&req.library.packs, &req.facts, &cx).map_err(|e| req.locate(e))?);
    }
    let gaps: Vec<_> = requests
        .iter()
        .map(|req| coverage(&req.company, &req.library.packs).not_covered)
        .collect();
    let runs: Vec<calendar::IcsRun<'_>> = requests
        .iter()
        .zip(&computed)
        .zip(&gaps)
        .map(|((req, deadlines), not_covered)| calendar::IcsRun {
            company: &req.company,
            facts: &req.facts,
            deadlines,
            not_covered,
        })
        .collect();
    let sources: Vec<String> = std::iter::once(
        d.query
            .facts
            .as_ref()
            .map_or_else(|| "(flags)".to_owned(), |p| p.display().to_string()),
    )
    .chain(d.more_facts.iter().map(|p| p.display().to_string()))
    .collect();
    let first = &requests[0];
    let mut cal = calendar::ics_calendar(&runs, &sources, first.today, &first.alarms)?;
    let mut summary = None;
    if let Some(path) = &d.previous {
        let bytes = read_bytes(path, FileKind::Calendar)?;
        let previous = crate::ics::previous::read(&crate::pack::input::source_name(path), &bytes)
            .map_err(|diagnostics| Error::Invalid { diagnostics })?;
        let meetings: HashSet<String> = runs
            .iter()
            .map(|r| calendar::meeting_cycle(r.facts))
            .zip(runs.iter().map(|r| calendar::company_slug(r.company)))
            .map(|(cycle, company)| format!("{company}.{cycle}"))
            .collect();
        let companies: HashSet<String> = runs
            .iter()
            .map(|r| calendar::company_slug(r.company))
            .collect();
        let changes =
            carry_forward(
                &mut cal,
                &previous,
                first.today,
                |uid| match calendar::uid_meeting(uid) {
                    // Only the companies in this run may change: another
                    // company's events stay as they were (#21).
                    Some((company, _)) if !companies.contains(company) => Unmatched::OtherCompany,
                    Some((company, cycle)) if !meetings.contains(&format!("{company}.{cycle}")) => {
                        Unmatched::Keep
                    }
                    _ => Unmatched::Cancel,
                },
            );
        // The file still holds the other companies: it keeps the name that
        // said so, rather than taking this run's.
        if changes.other_companies > 0
            && let Some(name) = &previous.name
        {
            cal.name.clone_from(name);
        }
        summary = Some(changes);
    }
    let status = emit(first.output.as_deref(), &write_ics(&cal))?;
    if let Some(changes) = summary {
        let _ = writeln!(std::io::stderr().lock(), "{changes}");
    }
    Ok(status)
}

/// `extract`: the facts a filing states, as a facts file or JSON. A
/// filing with no meeting date still gives what it states, with a warning
/// (exit 0); only `deadlines --from-filing` and `verify` need the date.
fn extract(x: &ExtractArgs) -> Result<Status> {
    let bytes = read_bytes(&x.filing, FileKind::Filing)?;
    let extraction = crate::extract::read_all(&crate::pack::input::source_name(&x.filing), &bytes)
        .map_err(|diagnostics| Error::Invalid { diagnostics })?;
    let text = match x.format {
        ExtractFormat::Toml => crate::extract::to_toml(&extraction),
        ExtractFormat::Json => crate::extract::to_json(&extraction),
    };
    let status = emit(x.output.as_deref(), &text)?;
    if let Some(w) = crate::extract::no_meeting_warning(&extraction) {
        let _ = write!(
            std::io::stderr().lock(),
            "{}",
            diagnostics::render_diagnostics_to(&[w], color(), wrap::stderr_width())
        );
    }
    Ok(status)
}

/// Reads and extracts a filing that must state a meeting date (for
/// `deadlines --from-filing` and `verify`); problems, a missing meeting
/// date among them, are diagnostics (exit 1).
pub(crate) fn read_filing(path: &Path) -> Result<crate::extract::Extraction> {
    let bytes = read_bytes(path, FileKind::Filing)?;
    crate::extract::extract(&crate::pack::input::source_name(path), &bytes)
        .map_err(|diagnostics| Error::Invalid { diagnostics })
}

/// Reads and extracts a filing, with or without a meeting date (for a
/// run that is given the date by `--meeting`).
pub(crate) fn read_any_filing(path: &Path) -> Result<crate::extract::Extraction> {
    let bytes = read_bytes(path, FileKind::Filing)?;
    crate::extract::read_all(&crate::pack::input::source_name(path), &bytes)
        .map_err(|diagnostics| Error::Invalid { diagnostics })
}

fn explain(e: &ExplainArgs) -> Result<Status> {
    refuse_unused(
        "explain",
        "a trace already lists every rule, whether it applies or not",
        e.query.all,
        "--all",
    )?;
    if let Some(spec) = e.query.facts.as_deref().and_then(explain::pack_spec) {
        let text = explain::explain_pack(&spec, e)?;
        return emit(e.query.output.as_deref(), &text);
    }
    // A name that is neither a file nor a pack is the first thing to say,
    // before what the flags would have done with it.
    if let Some(path) = e.query.facts.as_deref()
        && path != Path::new("-")
        && !path.exists()
    {
        return Err(explain::not_found(path));
    }
    let format = match e.format {
        ExplainFormat::Table => Format::Table,
        ExplainFormat::Json => Format::Json,
        ExplainFormat::Markdown | ExplainFormat::Html => {
            return Err(Error::usage(
                "`--format markdown` and `--format html` print a rule pack as a rulebook; a facts file's trace is `table` or `json`",
                Some(
                    "name a pack instead, e.g. `govcal explain bylaws/hemacare --format html`"
                        .to_owned(),
                ),
            ));
        }
    };
    let req = Request::from_query(&e.query, format)?;
    let mut all = compute(&req)?;
    if let Some(id) = &e.rule {
        all.retain(|d| d.rule == *id || d.id() == *id);
        if all.is_empty() {
            return Err(Error::usage(
                format!("no loaded rule is called `{id}`"),
                None,
            ));
        }
    }
    let cov = coverage(&req.company, &req.library.packs);
    if req.format == Format::Json {
        let text = json::json(
            &req.company,
            &req.facts,
            &req.fact_warnings,
            &cov,
            &all,
            &[],
            req.today,
        );
        return emit(req.output.as_deref(), &text);
    }
    let text = table::explain(&req.company, &req.facts, &req.fact_warnings, &cov, &all);
    emit_for_people(req.output.as_deref(), text)
}

fn check(c: &CheckArgs) -> Result<Status> {
    let specs: Vec<String> = if c.packs.is_empty() {
        BUILTIN_PACKS.iter().map(|p| p.name.to_owned()).collect()
    } else {
        c.packs.clone()
    };
    let (diagnostics, cases_run, packs_checked): (Vec<Diagnostic>, usize, usize) =
        match Library::load(&specs, None) {
            Ok(lib) => {
                let report = run_cases(&lib)?;
                let mut d = lib.warnings.clone();
                d.extend(report.failures);
                // A company's rules are compared with the SEC's, its
                // state's and its exchange's, loaded or not.
                let above = Library::load(&DEFAULT_LIBRARY.map(str::to_owned), None)?;
                d.extend(crate::analyse::lint::lint(
                    &lib.packs,
                    &above.packs,
                    &lib.calendars,
                ));
                (d, report.run, lib.packs.len())
            }
            Err(Error::Invalid { diagnostics }) => {
                let files: std::collections::BTreeSet<&str> =
                    diagnostics.iter().map(|d| d.source.name()).collect();
                let n = files.len().max(specs.len());
                (diagnostics, 0, n)
            }
            Err(other) => return Err(other),
        };
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == crate::diag::Severity::Error)
        .count();
    match c.format {
        CheckFormat::Json => {
            let doc = serde_json::json!({
                "errors": errors,
                "warnings": diagnostics.len() - errors,
                "cases_run": cases_run,
                "diagnostics": diagnostics::in_file_order(&diagnostics)
                    .into_iter()
                    .map(Diagnostic::to_json)
                    .collect::<Vec<_>>(),
            });
            print_out(&format!(
                "{}\n",
                serde_json::to_string_pretty(&doc).unwrap_or_default()
            ))?;
        }
        CheckFormat::Text => {
            let mut stderr = std::io::stderr().lock();
            let _ = write!(
                stderr,
                "{}",
                diagnostics::render_diagnostics_to(&diagnostics, color(), wrap::stderr_width())
            );
            let _ = writeln!(
                stderr,
                "checked {}: {}, {}, {}",
                crate::error::plural(packs_checked, "pack", "packs"),
                crate::error::plural(errors, "error", "errors"),
                crate::error::plural(diagnostics.len() - errors, "warning", "warnings"),
                crate::error::plural(cases_run, "worked case run", "worked cases run"),
            );
        }
    }
    Ok(if errors > 0 {
        Status::Invalid
    } else {
        Status::Ok
    })
}

fn rules(action: &RulesAction) -> Result<Status> {
    match action {
        RulesAction::List => {
            let mut s = String::new();
            for p in BUILTIN_PACKS {
                let _ = writeln!(s, "{:<40} {}", p.name, builtin_id(p).unwrap_or("?"));
            }
            print_out(&s)
        }
        RulesAction::Coverage { packs } => {
            let specs = if packs.is_empty() {
                crate::cli::request::DEFAULT_LIBRARY
                    .iter()
                    .map(|p| (*p).to_owned())
                    .collect()
            } else {
                packs.clone()
            };
            let lib = Library::load(&specs, None)?;
            print_out(&crate::render::coverage::markdown(
                &crate::analyse::coverage::table(&lib.packs),
            ))
        }
        RulesAction::Show { id } => {
            let found = builtin_matches(id);
            match found.as_slice() {
                [one] => print_out(one.text),
                [] => Err(Error::usage(
                    format!("no built-in pack is called `{id}`"),
                    Some(crate::pack::suggest::suggest_builtin(id).map_or_else(
                        || "`govcal rules list` shows them".to_owned(),
                        |d| format!("{d} (`govcal rules list` shows them all)"),
                    )),
                )),
                many => Err(Error::usage(
                    format!("`{id}` names {} packs; name one", many.len()),
                    Some(many.iter().map(|p| p.name).collect::<Vec<_>>().join(", ")),
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use super::wants_color;

    #[test]
    fn colour_only_on_a_terminal_that_takes_it() {
        let xterm = Some(OsStr::new("xterm-256color"));
        assert!(wants_color(None, xterm, true));
        assert!(wants_color(None, None, true));
        assert!(!wants_color(None, xterm, false), "not a terminal");
        assert!(!wants_color(Some(OsStr::new("1")), xterm, true));
        assert!(
            wants_color(Some(OsStr::new("")), xterm, true),
            "an empty NO_COLOR does not count"
        );
        assert!(!wants_color(None, Some(OsStr::new("dumb")), true));
    }
}
