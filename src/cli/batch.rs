//! `govcal batch`: a portfolio's deadlines in one run.
//!
//! Rows are read a chunk at a time, evaluated in parallel (rayon), and
//! written in the portfolio's order before the next chunk is read, so
//! memory stays flat however long the portfolio is and the output does not
//! depend on the number of threads. Each distinct set of packs is loaded
//! once and shared by the rows that use it.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::analyse::coverage::coverage;
use crate::batch::{BadRow, Entry, Portfolio};
use crate::error::{Error, Result};
use crate::eval::{Context, evaluate, evaluate_governing, evaluate_next_year};
use crate::ics;
use crate::ics::ZoneSpans;
use crate::model::rule::Status as CalcStatus;
use crate::pack::consistency::outside_calendar;
use crate::pack::load::Library;

use super::args::{BatchArgs, BatchFormat, SynthArgs};
use super::output::{OutFile, Output, scratch_file, sweep_stale};
use super::request::{load_library, parse_alarms, today};
use super::{Status, with_causes, write_to};
use crate::render::calendar::{self, IcsRun};
use crate::render::timeline::portfolio::{PortfolioRow, portfolio_page, portfolio_row};
use crate::render::{csv, json};

/// Rows evaluated together before their output is written.
const CHUNK: usize = 1024;

/// The packs a row is evaluated with: the default library and its own.
type LibraryKey = (Vec<String>, Option<PathBuf>);

/// What one row produced.
enum Rendered {
    /// CSV rows or a JSON line.
    Text(String),
    /// A company's row of the HTML page, which is written at the end.
    Row(PortfolioRow),
    /// A calendar: its file name, the whole file (per-company output),
    /// or its event blocks and zones (merged output).
    Ics {
        key: String,
        file: Option<String>,
        events: String,
        spans: ZoneSpans,
    },
}

/// Where output goes: stdout, or a file put in place at the end (see
/// [`Output`]).
struct Sink {
    out: Output,
    /// A closed pipe: stop writing, quietly.
    closed: bool,
}

impl Sink {
    fn to(path: Option<&Path>) -> Result<Sink> {
        Ok(Sink {
            out: Output::open(path)?,
            closed: false,
        })
    }

    fn write(&mut self, text: &str) -> Result<()> {
        if self.closed {
            return Ok(());
        }
        let r = self.out.write_all(text.as_bytes());
        self.check(r)
    }

    fn copy_from(&mut self, mut r: impl std::io::Read) -> Result<()> {
        if self.closed {
            return Ok(());
        }
        let r = std::io::copy(&mut r, &mut self.out).map(|_| ());
        self.check(r)
    }

    /// A closed pipe on stdout ends the output quietly; other errors are
    /// errors.
    fn check(&mut self, r: std::io::Result<()>) -> Result<()> {
        match r {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe && self.out.is_stdout() => {
                self.closed = true;
                Ok(())
            }
            Err(source) => Err(Error::Write {
                path: self.out.name(),
                source,
            }),
        }
    }

    /// Flushes, and for a file puts it in place.
    fn finish(self) -> Result<()> {
        self.out.finish()
    }

    /// Gives up: a file output is not left behind half written (dropping
    /// it removes its temporary file).
    fn abandon(self) {
        drop(self.out);
    }
}

/// The most threads `--jobs` may ask for: 256, or four per core on a
/// machine with more than 64 cores. Each thread has its own stack and the
/// pool starts them all before the first row: 100,000 of them never
/// started.
fn max_jobs(cores: usize) -> usize {
    cores.saturating_mul(4).max(256)
}

/// The progress bar: on a terminal only, never in a pipe or in CI.
fn progress(args: &BatchArgs, total: u64) -> Option<indicatif::ProgressBar> {
    let terminal = std::io::stderr().is_terminal();
    let ci = std::env::var_os("CI").is_some();
    if !shows_progress(args.quiet, terminal, ci) {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {percent}% {msg}",
    ) {
        bar.set_style(style);
    }
    Some(bar)
}

/// Whether to draw a progress bar: on a terminal, outside CI, unless `-q`.
fn shows_progress(quiet: bool, terminal: bool, ci: bool) -> bool {
    terminal && !ci && !quiet
}

/// `govcal batch`.
///
/// # Errors
///
/// Bad flags, an unreadable portfolio or a bad header (the run does not
/// start), or an output that cannot be written. Bad rows are not errors:
/// they are reported and give [`Status::Invalid`].
pub fn batch(args: &BatchArgs) -> Result<Status> {
    if args.output_dir.is_some() && args.format != BatchFormat::Ics {
        return Err(Error::usage(
            "`--output-dir` writes one calendar per company: add `--format ics`",
            None,
        ));
    }
    if args.alarm.is_some() && args.format != BatchFormat::Ics {
        return Err(Error::usage(
            "`--alarm` sets calendar reminders: add `--format ics`",
            None,
        ));
    }
    if args.bom && args.format != BatchFormat::Csv {
        return Err(Error::usage(
            "`--bom` marks CSV as UTF-8 for Excel: `--format csv` (the default) only",
            None,
        ));
    }
    if args.jobs == Some(0) {
        return Err(Error::usage(
            "`--jobs 0`: at least one thread is needed",
            Some("leave `--jobs` out to use one thread per core".to_owned()),
        ));
    }
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    if let Some(n) = args.jobs
        && n > max_jobs(cores)
    {
        return Err(Error::usage(
            format!(
                "`--jobs {n}`: at most {} threads (more than one per core only waits its turn)",
                max_jobs(cores)
            ),
            Some(format!(
                "leave `--jobs` out to use one thread per core ({cores} here)"
            )),
        ));
    }
    let today = today(args.today.as_deref())?;
    if let Some(w) = crate::pack::consistency::today_warning(today) {
        let _ = writeln!(std::io::stderr().lock(), "warning: {w}");
    }
    let alarms = match &args.alarm {
        Some(a) => parse_alarms(a)?,
        None => Vec::new(),
    };
    // Packs named on the command line are the same for every row: a bad
    // one stops the run before any row is read.
    if !args.only.is_empty() || !args.rules.is_empty() {
        load_library(&[], None, &args.only, &args.rules, None)?;
    }
    let portfolio = Portfolio::open(&args.portfolio)?;
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.jobs {
        builder = builder.num_threads(n);
    }
    let pool = builder
        .build()
        .map_err(|e| Error::usage(format!("cannot start threads: {e}"), None))?;
    if let Some(dir) = &args.output_dir {
        std::fs::create_dir_all(dir).map_err(|source| Error::Write {
            path: dir.clone(),
            source,
        })?;
        // Once for the folder, not once for each of its calendars.
        sweep_stale(dir, None);
    }
    let run = Run {
        args,
        today,
        alarms: &alarms,
    };
    pool.install(|| run.all(portfolio))
}

struct Run<'a> {
    args: &'a BatchArgs,
    today: chrono::NaiveDate,
    alarms: &'a [chrono::TimeDelta],
}

/// A row read and given its library, or why it cannot be run.
type Job = std::result::Result<(Entry, Arc<Library>), BadRow>;

/// A row rendered, or why it failed.
type RenderedRow = std::result::Result<Rendered, BadRow>;

/// Where rendered rows go, and what the run has seen of them.
struct Emit<'a> {
    sink: Option<&'a mut Sink>,
    spill: Option<&'a mut (std::io::BufWriter<std::fs::File>, PathBuf)>,
    spans: &'a mut ZoneSpans,
    tally: &'a mut Tally,
    seen: &'a mut HashMap<String, usize>,
    names: &'a mut Vec<String>,
    /// `--format html`: the companies' rows and the rows that failed.
    page: Option<&'a mut (Vec<PortfolioRow>, Vec<String>)>,
    bar: Option<&'a indicatif::ProgressBar>,
}

/// What the run has seen so far.
#[derive(Default)]
struct Tally {
    companies: usize,
    failed: usize,
}

impl Run<'_> {
    fn all(&self, mut portfolio: Portfolio) -> Result<Status> {
        let merged_ics = self.args.format == BatchFormat::Ics && self.args.output_dir.is_none();
        let mut sink = match &self.args.output_dir {
            Some(_) => None,
            None => Some(Sink::to(self.args.output.as_deref())?),
        };
        // A merged calendar needs every zone before the events: the events
        // wait in a temporary file until the last row is read.
        let mut spill = if merged_ics {
            let near = match (&sink, &self.args.output) {
                (Some(s), Some(p)) => s.out.scratch_dir().map(|dir| (dir, p.as_path())),
                _ => None,
            };
            Some(tempfile_near(near)?)
        } else {
            None
        };
        let mut spans = ZoneSpans::new();
        if self.args.format == BatchFormat::Csv
            && let Some(s) = sink.as_mut()
        {
            if self.args.bom {
                s.write(super::BOM)?;
            }
            s.write(csv::CSV_HEADER)?;
        }
        let (_, total) = portfolio.progress();
        let bar = progress(self.args, total);
        let mut libraries: HashMap<LibraryKey, std::result::Result<Arc<Library>, String>> =
            HashMap::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut tally = Tally::default();
        let mut names: Vec<String> = Vec::new();
        let mut page = (self.args.format == BatchFormat::Html).then(|| (Vec::new(), Vec::new()));
        let outcome = (|| -> Result<()> {
            let mut out = Emit {
                sink: sink.as_mut(),
                spill: spill.as_mut(),
                spans: &mut spans,
                tally: &mut tally,
                seen: &mut seen,
                names: &mut names,
                page: page.as_mut(),
                bar: bar.as_ref(),
            };
            // A pipeline of two stages: while the pool renders one chunk,
            // this thread writes the chunk before it and reads the next.
            let mut current = self.read_chunk(&mut portfolio, &mut libraries);
            let mut done: Option<(Vec<Job>, Vec<RenderedRow>)> = None;
            while !current.is_empty() || done.is_some() {
                let (next, rendered) = rayon::join(
                    || -> Result<Vec<Job>> {
                        if let Some((jobs, rendered)) = done.take() {
                            self.emit(&mut out, &jobs, rendered)?;
                        }
                        Ok(self.read_chunk(&mut portfolio, &mut libraries))
                    },
                    || -> Vec<RenderedRow> {
                        current
                            .par_iter()
                            .map(|job| match job {
                                Ok((entry, lib)) => self.render(entry, lib),
                                Err(bad) => Err(bad.clone()),
                            })
                            .collect()
                    },
                );
                let next = next?;
                // The reader went away (`batch ... | head`): the rest of
                // the portfolio is not computed.
                if out.sink.as_deref().is_some_and(|s| s.closed) {
                    break;
                }
                done = (!current.is_empty()).then(|| (std::mem::take(&mut current), rendered));
                current = next;
                if let Some(b) = &bar {
                    b.set_position(portfolio.progress().0);
                    b.set_message(format!("{} companies", out.tally.companies));
                }
            }
            if let (Some((f, path)), Some(s)) = (spill.take(), sink.as_mut()) {
                let mut f = f.into_inner().map_err(|e| Error::Write {
                    path: path.clone(),
                    source: e.into_error(),
                })?;
                f.seek(std::io::SeekFrom::Start(0))
                    .map_err(|source| Error::Write {
                        path: path.clone(),
                        source,
                    })?;
                let first: Vec<&str> = names.iter().map(String::as_str).collect();
                let name = calendar::calendar_name(&first, tally.companies);
                s.write(&ics::calendar_head(&name, &spans))?;
                s.copy_from(std::io::BufReader::new(f))?;
                s.write(ics::CALENDAR_END)?;
            }
            if let (Some((rows, failed)), Some(s)) = (page.take(), sink.as_mut()) {
                s.write(&portfolio_page(&rows, &failed, self.today))?;
            }
            Ok(())
        })();
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        let closed = sink.as_ref().is_some_and(|s| s.closed);
        match outcome {
            Ok(()) => {
                if let Some(s) = sink {
                    s.finish()?;
                }
                if closed {
                    // No summary: the run stopped early, as asked.
                    return Ok(Status::Ok);
                }
            }
            Err(e) => {
                if let Some(s) = sink {
                    s.abandon();
                }
                return Err(e);
            }
        }
        let _ = writeln!(
            std::io::stderr(),
            "govcal batch: {} {}, {} {} failed",
            tally.companies,
            if tally.companies == 1 {
                "company"
            } else {
                "companies"
            },
            tally.failed,
            if tally.failed == 1 { "row" } else { "rows" },
        );
        Ok(if tally.failed > 0 {
            Status::Invalid
        } else {
            Status::Ok
        })
    }

    /// Reads the next chunk of rows and finds each one's library (loading
    /// packs is sequential and cached).
    fn read_chunk(
        &self,
        portfolio: &mut Portfolio,
        libraries: &mut HashMap<LibraryKey, std::result::Result<Arc<Library>, String>>,
    ) -> Vec<Job> {
        portfolio
            .by_ref()
            .take(CHUNK)
            .map(|item| item.and_then(|e| self.library_for(e, libraries)))
            .collect()
    }

    /// Writes a rendered chunk in the portfolio's order: rows, calendar
    /// events, and on stderr the rows that failed.
    fn emit(&self, em: &mut Emit, jobs: &[Job], rendered: Vec<RenderedRow>) -> Result<()> {
        let mut stderr = std::io::stderr().lock();
        for (job, out) in jobs.iter().zip(rendered) {
            // The reader went away (`| head`): nothing more is said.
            if em.sink.as_deref().is_some_and(|s| s.closed) {
                return Ok(());
            }
            // The same company and meeting twice would give two
            // events one UID.
            let repeated = match (&out, job) {
                (Ok(Rendered::Ics { key, .. }), Ok((entry, _))) => {
                    em.seen.get(key).map(|first| BadRow {
                        row: entry.row,
                        label: entry.label.clone(),
                        message: format!(
                            "the same company and meeting as row {first}: their calendar events would share ids"
                        ),
                        help: Some("give each company and meeting once".to_owned()),
                    })
                }
                _ => None,
            };
            let out = match repeated {
                Some(bad) => Err(bad),
                None => out,
            };
            // A JSON line carries its doubts; other outputs have no
            // place for them.
            if let (Ok((entry, _)), Ok(_), false) =
                (job, &out, self.args.format == BatchFormat::Jsonl)
            {
                for w in &entry.fact_warnings {
                    let line = format!("warning: {}: {w}", entry.label);
                    match &em.bar {
                        Some(b) => b.suspend(|| {
                            let _ = writeln!(stderr, "{line}");
                        }),
                        None => {
                            let _ = writeln!(stderr, "{line}");
                        }
                    }
                }
            }
            match out {
                Err(bad) => {
                    em.tally.failed += 1;
                    if let Some((_, failed)) = em.page.as_mut() {
                        failed.push(bad.to_string());
                    }
                    if let Some(b) = &em.bar {
                        b.suspend(|| {
                            let _ = writeln!(stderr, "error: {bad}");
                        });
                    } else {
                        let _ = writeln!(stderr, "error: {bad}");
                    }
                }
                Ok(Rendered::Row(row)) => {
                    em.tally.companies += 1;
                    if let Some((rows, _)) = em.page.as_mut() {
                        rows.push(row);
                    }
                }
                Ok(Rendered::Text(text)) => {
                    em.tally.companies += 1;
                    if let Some(s) = em.sink.as_mut() {
                        s.write(&text)?;
                    }
                }
                Ok(Rendered::Ics {
                    key,
                    file,
                    events,
                    spans: own,
                }) => {
                    em.tally.companies += 1;
                    if let Ok((entry, _)) = job {
                        em.seen.insert(key.clone(), entry.row);
                        if em.names.len() < 3 && !em.names.contains(&entry.company.name) {
                            em.names.push(entry.company.name.clone());
                        }
                    }
                    if let (Some(dir), Some(text)) = (&self.args.output_dir, file) {
                        write_to(
                            OutFile::create_swept(&dir.join(format!("{key}.ics")))?,
                            &text,
                        )?;
                    } else if let Some((f, _)) = em.spill.as_mut() {
                        f.write_all(events.as_bytes())
                            .map_err(|source| Error::Write {
                                path: "<temporary file>".into(),
                                source,
                            })?;
                        for (zone, (tz, lo, hi)) in own {
                            em.spans
                                .entry(zone)
                                .and_modify(|(_, l, h)| {
                                    *l = (*l).min(lo);
                                    *h = (*h).max(hi);
                                })
                                .or_insert((tz, lo, hi));
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The library for `entry`'s packs, loaded once per distinct set.
    fn library_for(
        &self,
        entry: Entry,
        cache: &mut HashMap<LibraryKey, std::result::Result<Arc<Library>, String>>,
    ) -> std::result::Result<(Entry, Arc<Library>), BadRow> {
        // With `--only`, a row's own packs are not loaded: one library serves all.
        let key = if self.args.only.is_empty() {
            (entry.packs.clone(), entry.base.clone())
        } else {
            (Vec::new(), None)
        };
        let lib = cache
            .entry(key)
            .or_insert_with(|| {
                load_library(
                    &entry.packs,
                    entry.base.as_deref(),
                    &self.args.only,
                    &self.args.rules,
                    None,
                )
                .map(Arc::new)
                .map_err(|e| error_text(&e))
            })
            .clone();
        let lib = lib.map_err(|message| BadRow {
            row: entry.row,
            label: entry.label.clone(),
            message: format!("its packs cannot be loaded: {message}"),
            help: Some("name built-in packs (see `govcal rules list`) or paths to `.toml` files, separated by `;`".to_owned()),
        })?;
        if !entry.custom_facts.is_empty() {
            let known = lib.known_facts();
            if let Some(unknown) = entry.custom_facts.iter().find(|f| !known.contains(*f)) {
                return Err(BadRow {
                    row: entry.row,
                    label: entry.label.clone(),
                    message: format!("unknown fact `{unknown}`"),
                    help: crate::diag::did_you_mean(unknown, known.iter().map(String::as_str)),
                });
            }
        }
        Ok((entry, lib))
    }

    /// One company's output.
    fn render(&self, entry: &Entry, lib: &Library) -> std::result::Result<Rendered, BadRow> {
        let fail = |e: &Error| {
            // A date outside the calendars' years: name the fact and its
            // place, not only the rule (#18).
            let outside = outside_calendar(e, &entry.facts, &entry.origins);
            let message = if outside.is_empty() {
                error_text(e)
            } else {
                let each: Vec<&str> = outside.iter().map(|p| p.message.as_str()).collect();
                each.join("; ")
            };
            BadRow {
                row: entry.row,
                label: entry.label.clone(),
                message,
                help: outside.first().map(|p| p.help.clone()),
            }
        };
        let today = match self.args.format {
            BatchFormat::Ics => None,
            _ => Some(self.today),
        };
        let cx = Context {
            company: &entry.company,
            calendars: &lib.calendars,
            today,
        };
        // CSV and calendars show no "not applicable" answers (unless
        // `--all`), so the rules of packs for other places are not evaluated.
        let governing_only = !self.args.all && !matches!(self.args.format, BatchFormat::Jsonl);
        let all = if governing_only {
            evaluate_governing(&lib.packs, &entry.facts, &cx)
        } else {
            evaluate(&lib.packs, &entry.facts, &cx)
        }
        .map_err(|e| fail(&e))?;
        match self.args.format {
            BatchFormat::Csv => {
                let shown: Vec<_> = all
                    .into_iter()
                    .filter(|d| self.args.all || d.status != CalcStatus::NotApplicable)
                    .collect();
                let mut text = String::with_capacity(256 * shown.len());
                csv::csv_rows(&entry.company, &shown, &mut text);
                Ok(Rendered::Text(text))
            }
            BatchFormat::Html => Ok(Rendered::Row(portfolio_row(
                &entry.company,
                &entry.facts,
                &all,
                self.today,
            ))),
            BatchFormat::Jsonl => {
                let shown: Vec<_> = all
                    .into_iter()
                    .filter(|d| self.args.all || d.status != CalcStatus::NotApplicable)
                    .collect();
                let next = evaluate_next_year(&lib.packs, &entry.facts, &cx).unwrap_or_default();
                let cov = coverage(&entry.company, &lib.packs);
                let doc = json::json_value(
                    &entry.company,
                    &entry.facts,
                    &entry.fact_warnings,
                    &cov,
                    &shown,
                    &next,
                    self.today,
                );
                let mut line = serde_json::to_string(&doc).map_err(|e| BadRow {
                    row: entry.row,
                    label: entry.label.clone(),
                    message: e.to_string(),
                    help: None,
                })?;
                line.push('\n');
                Ok(Rendered::Text(line))
            }
            BatchFormat::Ics => {
                let gaps = coverage(&entry.company, &lib.packs).not_covered;
                let runs = [IcsRun {
                    company: &entry.company,
                    facts: &entry.facts,
                    deadlines: &all,
                    not_covered: &gaps,
                }];
                let cal = calendar::ics_calendar(
                    &runs,
                    std::slice::from_ref(&entry.label),
                    self.today,
                    self.alarms,
                )
                .map_err(|e| fail(&e))?;
                let key = format!(
                    "{}.{}",
                    calendar::company_slug(&entry.company),
                    calendar::meeting_cycle(&entry.facts)
                );
                if self.args.output_dir.is_some() {
                    Ok(Rendered::Ics {
                        key,
                        file: Some(ics::write_ics(&cal)),
                        events: String::new(),
                        spans: ZoneSpans::new(),
                    })
                } else {
                    let mut spans = ZoneSpans::new();
                    ics::zone_spans(&cal.events, &mut spans);
                    Ok(Rendered::Ics {
                        key,
                        file: None,
                        events: ics::event_blocks(&cal),
                        spans,
                    })
                }
            }
        }
    }
}

/// One line for an error, with its causes and, for problems in files, the
/// first problem's place.
fn error_text(e: &Error) -> String {
    match e {
        Error::Invalid { diagnostics } => diagnostics.first().map_or_else(
            || e.to_string(),
            |d| {
                let (line, col) = d.line_col();
                format!("{}:{line}:{col}: {}", d.source.shown_name(), d.message)
            },
        ),
        Error::Usage { message, help } => match help {
            Some(h) => format!("{message} ({h})"),
            None => message.clone(),
        },
        other => with_causes(other),
    }
}

/// A scratch file for a merged calendar's events: in the folder of the
/// file the output replaces, or the system's temporary folder for stdout
/// or a device. Its name is removed at once where the system allows, so
/// nothing is left behind even if the run is killed.
fn tempfile_near(near: Option<(&Path, &Path)>) -> Result<(BufWriter<File>, PathBuf)> {
    let id = std::process::id();
    let path = match near {
        Some((dir, output)) => {
            let name = output
                .file_name()
                .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
            dir.join(format!(".{name}.{id}.events.tmp"))
        }
        None => std::env::temp_dir().join(format!("govcal-batch-{id}.events.tmp")),
    };
    let file = scratch_file(&path).map_err(|source| Error::Write {
        path: path.clone(),
        source,
    })?;
    Ok((BufWriter::with_capacity(1 << 16, file), path))
}

/// `govcal synth-portfolio N`: the rows are written as they are made, so
/// memory stays flat however many there are.
///
/// # Errors
///
/// An output that cannot be written.
pub fn synth(args: &SynthArgs) -> Result<Status> {
    let mut out = Output::open(args.output.as_deref())?;
    match crate::batch::synth::write_portfolio(args.companies, args.seed, &mut out) {
        Ok(()) => out.finish()?,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe && out.is_stdout() => {}
        Err(source) => {
            return Err(Error::Write {
                path: out.name(),
                source,
            });
        }
    }
    Ok(Status::Ok)
}

#[cfg(test)]
mod tests {
    use super::shows_progress;

    #[test]
    fn jobs_are_capped_at_256_or_four_a_core() {
        assert_eq!(super::max_jobs(2), 256);
        assert_eq!(super::max_jobs(128), 512);
    }

    #[test]
    fn the_progress_bar_is_for_a_terminal_outside_ci_only() {
        assert!(shows_progress(false, true, false));
        assert!(!shows_progress(false, false, false), "a pipe or a file");
        assert!(!shows_progress(false, true, true), "CI");
        assert!(!shows_progress(true, true, false), "--quiet");
    }
}
