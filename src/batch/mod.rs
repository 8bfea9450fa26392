//! Portfolios for `govcal batch`: many companies' meetings read one at a
//! time from a CSV file (one row per company) or a folder of facts files,
//! so that a portfolio of any size is never held in memory at once.
//!
//! A row that cannot be read becomes a [`BadRow`] with its row number and
//! the reason; the rows after it are still read.

pub mod rows;
pub mod synth;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{SourceFile, clip, did_you_mean};
use crate::error::{Error, Result};
use crate::model::dates::{parse_clock, parse_date, parse_zone};
use crate::model::expr::MeetingKind;
use crate::model::facts::{Company, Facts, STANDARD_FACTS};

use crate::model::jurisdiction::read_place;
use crate::pack::consistency::{FactWarning, Given, Input, Origins, check_facts};
use crate::pack::profile::Profile;
use rows::{Limits, Row, RowError, RowReader};

/// One company's meeting, ready to evaluate.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its place in the portfolio: the CSV row (the header is row 1) or
    /// the position of the facts file in name order (from 1).
    pub row: usize,
    /// Where it came from, for messages: `portfolio.csv row 7` or a path.
    pub label: String,
    /// The company.
    pub company: Company,
    /// The meeting's facts.
    pub facts: Facts,
    /// Rule packs on top of the default library (bylaws), as written.
    pub packs: Vec<String>,
    /// The folder relative paths in `packs` are read from.
    pub base: Option<PathBuf>,
    /// Fact names given that no standard list has: checked against the
    /// packs once they are loaded.
    pub custom_facts: Vec<String>,
    /// Where each fact was given: a cell of the row or a facts file.
    pub origins: Origins,
    /// Doubtful facts (a record date long before the meeting): warnings.
    pub fact_warnings: Vec<FactWarning>,
}

/// A row that could not be read.
#[derive(Debug, Clone)]
pub struct BadRow {
    /// As [`Entry::row`].
    pub row: usize,
    /// As [`Entry::label`], with the company's name when known.
    pub label: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl std::fmt::Display for BadRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.label, self.message)?;
        if let Some(h) = &self.help {
            write!(f, "\n  help: {h}")?;
        }
        Ok(())
    }
}

/// A portfolio row: a company to evaluate, or the reason it cannot be.
pub type Item = std::result::Result<Entry, BadRow>;

/// The columns a portfolio CSV may have, besides the standard facts.
const COLUMNS: [&str; 12] = [
    "name",
    "profile",
    "packs",
    "rules",
    "country",
    "state",
    "exchange",
    "zone",
    "close_of_business",
    "meeting_kind",
    "entity",
    "foreign_private_issuer",
];

/// What a header cell names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Profile,
    Packs,
    Country,
    State,
    Exchange,
    Zone,
    CloseOfBusiness,
    MeetingKind,
    Entity,
    ForeignPrivateIssuer,
    /// A standard fact, by its index in [`STANDARD_FACTS`].
    Fact(usize),
    /// A name no column has (the header is then refused).
    Unknown,
}

fn column(name: &str) -> Option<Column> {
    Some(match name {
        "name" | "company" => Column::Name,
        "profile" | "facts" => Column::Profile,
        "packs" | "rules" => Column::Packs,
        "country" => Column::Country,
        "state" => Column::State,
        "exchange" => Column::Exchange,
        "zone" => Column::Zone,
        "close_of_business" => Column::CloseOfBusiness,
        "meeting_kind" => Column::MeetingKind,
        "entity" => Column::Entity,
        "foreign_private_issuer" | "fpi" => Column::ForeignPrivateIssuer,
        other => Column::Fact(STANDARD_FACTS.iter().position(|(n, _)| *n == other)?),
    })
}

/// `Prior Meeting`, `prior-meeting` → `prior_meeting`.
fn normalize(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('\u{feff}')
        .to_ascii_lowercase()
        .replace([' ', '-'], "_")
}

/// The columns `header` names, or every problem with them: unknown
/// names (with the closest known one), a column named twice, no name.
fn read_header(file: &str, header: &Row) -> (Vec<Column>, Vec<crate::diag::Diagnostic>) {
    let src = SourceFile::new(file, header.text.clone());
    let mut columns: Vec<Column> = Vec::with_capacity(header.cells.len());
    let mut problems = Vec::new();
    for (i, cell) in header.cells.iter().enumerate() {
        let name = normalize(&cell.text);
        let Some(c) = column(&name) else {
            let known = COLUMNS
                .iter()
                .copied()
                .chain(STANDARD_FACTS.iter().map(|(n, _)| *n));
            // A name this long is no misspelling of a column's.
            let near = if name.len() <= 64 {
                did_you_mean(&name, known)
            } else {
                None
            };
            problems.push(
                crate::diag::Diagnostic::error(
                    &src,
                    cell.span.clone(),
                    format!("unknown column `{}`", clip(&cell.text, 60)),
                )
                .with_help(near.unwrap_or_else(|| {
                    format!(
                        "columns are {}, and dates of the standard facts ({})",
                        COLUMNS.join(", "),
                        STANDARD_FACTS
                            .iter()
                            .map(|(n, _)| *n)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })),
            );
            // A stand-in, never read: the run does not start.
            columns.push(Column::Unknown);
            continue;
        };
        if let Some(first) = columns.iter().position(|k| *k == c) {
            let earlier = &header.cells[first].text;
            let message = if normalize(earlier) == name {
                format!(
                    "column `{}` is named twice: columns {} and {}",
                    clip(&cell.text, 60),
                    first + 1,
                    i + 1
                )
            } else {
                format!(
                    "column {} `{}` is column {} `{}` again, under another name",
                    i + 1,
                    clip(&cell.text, 60),
                    first + 1,
                    clip(earlier, 60)
                )
            };
            problems.push(
                crate::diag::Diagnostic::error(&src, cell.span.clone(), message)
                    .with_help("keep one of them: a row has one value for each column"),
            );
        }
        columns.push(c);
    }
    if problems.is_empty()
        && !columns
            .iter()
            .any(|c| matches!(c, Column::Name | Column::Profile))
    {
        problems.push(
            crate::diag::Diagnostic::error(&src, 0..header.text.len(), "no `name` column")
                .with_help("the first line names the columns: `name,state,exchange,prior_meeting,meeting,…`"),
        );
    }
    (columns, problems)
}

/// `bytes` as text, invalid UTF-8 shown as U+FFFD, and where byte `at`
/// of `bytes` is in that text.
fn lossy(bytes: &[u8], at: u64) -> (String, usize) {
    let at = usize::try_from(at).unwrap_or(usize::MAX).min(bytes.len());
    let mut text = String::with_capacity(bytes.len());
    let mut mapped = None;
    let mut read = 0;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        if mapped.is_none() && at <= read + valid.len() {
            mapped = Some(text.len() + at - read);
        }
        text.push_str(valid);
        read += valid.len();
        if mapped.is_none() && at < read + chunk.invalid().len() {
            mapped = Some(text.len());
        }
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
        }
        read += chunk.invalid().len();
    }
    let at = mapped.unwrap_or(text.len());
    (text, at)
}

/// A portfolio being read.
pub enum Portfolio {
    /// A CSV file.
    Csv(Box<CsvPortfolio>),
    /// A folder of facts files, in name order.
    Folder(FolderPortfolio),
}

impl Portfolio {
    /// Opens `path`: a folder of `.toml` facts files, or a CSV file.
    ///
    /// # Errors
    ///
    /// [`Error::Read`] when it cannot be read, [`Error::Invalid`] for a bad
    /// header (its line and column, with the closest known column name),
    /// [`Error::Usage`] for a folder without facts files.
    pub fn open(path: &Path) -> Result<Portfolio> {
        let read_err = |source| Error::Read {
            path: path.to_owned(),
            source,
        };
        if !crate::pack::input::is_stdin(path) && path.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(read_err)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(Error::usage(
                    format!("`{}` holds no facts files (`*.toml`)", path.display()),
                    Some(
                        "give a folder of facts files, or a CSV file with one row per company"
                            .to_owned(),
                    ),
                ));
            }
            return Ok(Portfolio::Folder(FolderPortfolio {
                files: files.into_iter(),
                next: 0,
            }));
        }
        // `-`: standard input, read as it comes (a portfolio has no limit).
        let (file, size): (Box<dyn std::io::Read + Send>, u64) =
            if crate::pack::input::is_stdin(path) {
                (Box::new(std::io::stdin()), 0)
            } else {
                let file = File::open(path).map_err(read_err)?;
                let size = file.metadata().map_or(0, |m| m.len());
                (Box::new(file), size)
            };
        let name = crate::pack::input::source_name(path);
        let mut reader = RowReader::new(file, Limits::default());
        let header = match reader.read_row() {
            Some(Ok(row)) => row,
            None => Row {
                at: rows::Pos {
                    line: 1,
                    col: 1,
                    offset: 0,
                },
                text: String::new(),
                cells: Vec::new(),
            },
            Some(Err(RowError::Io { source, .. })) => return Err(read_err(source)),
            Some(Err(e)) => {
                let (text, at) = lossy(reader.raw(), e.at().offset - e.row().offset);
                let src = SourceFile::new(name, text);
                // The location line says where: the header's text is
                // shown as far as it could be read.
                let message = match e {
                    RowError::NotUtf8 { .. } | RowError::Unterminated { .. } => format!(
                        "the first line, which names the columns: {}",
                        e.describe("here")
                    ),
                    _ => e.describe("here"),
                };
                return Err(Error::Invalid {
                    diagnostics: vec![
                        crate::diag::Diagnostic::error(&src, at..at, message)
                            .with_help_opt(e.help()),
                    ],
                });
            }
        };
        let (columns, problems) = read_header(&name, &header);
        if !problems.is_empty() {
            return Err(Error::Invalid {
                diagnostics: problems,
            });
        }
        Ok(Portfolio::Csv(Box::new(CsvPortfolio {
            reader,
            columns,
            file: name,
            base: path.parent().map(Path::to_owned),
            stdin: crate::pack::input::is_stdin(path),
            size,
            row: header,
        })))
    }

    /// How far through the portfolio reading is, and of how much: bytes
    /// of a CSV file, files of a folder.
    pub fn progress(&self) -> (u64, u64) {
        match self {
            Portfolio::Csv(c) => (c.reader.offset(), c.size),
            Portfolio::Folder(f) => (f.next as u64, (f.next + f.files.len()) as u64),
        }
    }
}

impl Iterator for Portfolio {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        match self {
            Portfolio::Csv(c) => c.next(),
            Portfolio::Folder(f) => f.next(),
        }
    }
}

/// A folder of facts files.
pub struct FolderPortfolio {
    files: std::vec::IntoIter<PathBuf>,
    next: usize,
}

impl Iterator for FolderPortfolio {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        let path = self.files.next()?;
        self.next += 1;
        Some(
            read_profile(&path, self.next, path.display().to_string())
                .and_then(|(entry, src)| checked(entry, Input::File(&src))),
        )
    }
}

/// Refuses an entry whose facts cannot all be true (or that has none),
/// naming every problem; keeps the doubts about them as warnings.
fn checked(mut entry: Entry, input: Input<'_>) -> Item {
    let check = check_facts(&entry.facts, &entry.origins, input);
    if check.problems.is_empty() {
        entry.fact_warnings = check.warnings;
        return Ok(entry);
    }
    let mut helps: Vec<&str> = Vec::new();
    for p in &check.problems {
        if !helps.contains(&p.help.as_str()) {
            helps.push(&p.help);
        }
    }
    Err(BadRow {
        row: entry.row,
        label: entry.label,
        message: check
            .problems
            .iter()
            .map(|p| p.message.as_str())
            .collect::<Vec<_>>()
            .join("; and "),
        help: Some(helps.join("; ")),
    })
}

/// Reads one facts file as a portfolio entry, with the file (its facts are
/// not checked yet: a row's cells may override them).
fn read_profile(
    path: &Path,
    row: usize,
    label: String,
) -> std::result::Result<(Entry, Arc<SourceFile>), BadRow> {
    let bad = |message: String, help: Option<String>| BadRow {
        row,
        label: label.clone(),
        message,
        help,
    };
    // Within the facts file's size limit, as everywhere else.
    let src = match crate::pack::input::read_text(path, crate::pack::input::FileKind::Facts) {
        Ok(src) => src,
        Err(Error::Read { source, .. }) => {
            return Err(bad(
                format!("cannot read `{}`: {source}", path.display()),
                None,
            ));
        }
        Err(e @ Error::TooLarge { help, .. }) => {
            return Err(bad(e.to_string(), Some(help.to_owned())));
        }
        Err(Error::Invalid { diagnostics }) if !diagnostics.is_empty() => {
            let first = &diagnostics[0];
            let (line, col) = first.line_col();
            return Err(bad(
                format!("{}:{line}:{col}: {}", path.display(), first.message),
                first.help.clone(),
            ));
        }
        Err(e) => return Err(bad(e.to_string(), None)),
    };
    match Profile::parse(&src) {
        Ok(p) => {
            let custom_facts = p
                .names
                .iter()
                .map(|(n, _)| n.clone())
                .filter(|n| !STANDARD_FACTS.iter().any(|(s, _)| s == n))
                .collect();
            Ok((
                Entry {
                    row,
                    label,
                    packs: p.company.rules.clone(),
                    company: p.company,
                    facts: p.facts,
                    base: path.parent().map(Path::to_owned),
                    custom_facts,
                    origins: p.origins,
                    fact_warnings: Vec::new(),
                },
                p.source,
            ))
        }
        Err(diags) => {
            let first = &diags[0];
            let (line, col) = first.line_col();
            Err(bad(
                format!(
                    "{}:{line}:{col}: {}{}",
                    path.display(),
                    first.message,
                    if diags.len() > 1 {
                        format!(" (and {} more problems)", diags.len() - 1)
                    } else {
                        String::new()
                    }
                ),
                first.help.clone(),
            ))
        }
    }
}

/// A CSV portfolio, read a row at a time.
pub struct CsvPortfolio {
    reader: RowReader<Box<dyn std::io::Read + Send>>,
    columns: Vec<Column>,
    file: String,
    base: Option<PathBuf>,
    /// Read from standard input (`-`): relative `profile` paths are then
    /// looked up from the working directory, which messages say.
    stdin: bool,
    size: u64,
    /// The row being read.
    row: Row,
}

impl CsvPortfolio {
    fn next(&mut self) -> Option<Item> {
        loop {
            match self.reader.read_row()? {
                // A blank line is no company.
                Ok(row) if row.is_blank() => {}
                Ok(row) => {
                    self.row = row;
                    return Some(self.entry(self.row.at.line));
                }
                Err(e) => {
                    let row = e.row().line;
                    let message = match e.cell().and_then(|i| self.columns.get(i)) {
                        Some(c) => format!("column `{}`: {}", Self::header_name(*c), e.message()),
                        None => e.message(),
                    };
                    return Some(Err(BadRow {
                        row,
                        label: format!("{} row {row}", self.file),
                        message,
                        help: e.help(),
                    }));
                }
            }
        }
    }

    fn entry(&self, row: usize) -> Item {
        let mut label = format!("{} row {row}", self.file);
        let cells = &self.row.cells;
        let cell = |c: Column| {
            self.columns
                .iter()
                .position(|k| *k == c)
                .and_then(|i| cells.get(i))
                .map(|c| c.text.as_str())
                .filter(|s| !s.is_empty())
        };
        let name = cell(Column::Name);
        if let Some(n) = name {
            label = format!("{label} ({})", clip(n, 80));
        }
        let bad = |label: &str, message: String, help: Option<String>| BadRow {
            row,
            label: label.to_owned(),
            message,
            help,
        };
        if cells.len() > self.columns.len() {
            return Err(bad(
                &label,
                format!(
                    "the row has {} cells but the header names {} columns",
                    cells.len(),
                    self.columns.len()
                ),
                Some("quote a cell that holds a comma: `\"Acme, Inc.\"`".to_owned()),
            ));
        }
        if cells.len() < self.columns.len() {
            let missing: Vec<String> = self.columns[cells.len()..]
                .iter()
                .map(|c| format!("`{}`", Self::header_name(*c)))
                .collect();
            return Err(bad(
                &label,
                format!(
                    "the row has {} {} but the header names {} columns: no cell for {}",
                    cells.len(),
                    if cells.len() == 1 { "cell" } else { "cells" },
                    self.columns.len(),
                    missing.join(", ")
                ),
                Some(
                    "give every row one cell for each column, an empty one as nothing \
                     between commas: `Acme Inc.,DE,,2026-05-14`"
                        .to_owned(),
                ),
            ));
        }
        let (mut entry, profile) = match cell(Column::Profile) {
            Some(p) => {
                let path = self
                    .base
                    .as_deref()
                    .map_or_else(|| PathBuf::from(p), |b| b.join(p));
                match read_profile(&path, row, label.clone()) {
                    Ok((e, src)) => (e, Some(src)),
                    Err(mut b) => {
                        b.message = format!("column `profile`: {}", b.message);
                        if self.stdin
                            && Path::new(p).is_relative()
                            && b.message.contains("cannot read")
                        {
                            let (note, help) = crate::pack::input::relative_to_stdin_note(
                                "the `profile` column of a portfolio read from standard input",
                                "the portfolio's path instead of `-`",
                            );
                            b.message = format!("{}; {note}", b.message);
                            b.help = Some(help);
                        }
                        return Err(b);
                    }
                }
            }
            None => (
                Entry {
                    row,
                    label: label.clone(),
                    company: Company::default(),
                    facts: Facts::default(),
                    packs: Vec::new(),
                    base: self.base.clone(),
                    custom_facts: Vec::new(),
                    origins: Origins::new(),
                    fact_warnings: Vec::new(),
                },
                None,
            ),
        };
        entry.label.clone_from(&label);
        let Some(name) = name
            .map(str::to_owned)
            .or_else(|| cell(Column::Profile).map(|_| entry.company.name.clone()))
        else {
            return Err(bad(
                &label,
                "no company name".to_owned(),
                Some("fill in the `name` column".to_owned()),
            ));
        };
        if cell(Column::Name).is_none() {
            label = format!("{label} ({})", clip(&name, 80));
        }
        entry.label.clone_from(&label);
        entry.company.name = name;
        for (i, kind) in self.columns.iter().enumerate() {
            let Some(value) = cells
                .get(i)
                .map(|c| c.text.as_str())
                .filter(|s| !s.is_empty())
            else {
                continue;
            };
            let column_name = Self::header_name(*kind);
            let fail = |message: String, help: Option<String>| {
                Err(bad(
                    &label,
                    format!("column `{column_name}`: {message}"),
                    help,
                ))
            };
            match kind {
                Column::Name | Column::Profile | Column::Unknown => {}
                Column::Packs => {
                    entry.packs = value
                        .split([';', ' '])
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect();
                }
                // Read together after the loop: a state is read as a
                // province when the country is Canada.
                Column::Country | Column::State | Column::Exchange => {}
                Column::Zone => match parse_zone(value) {
                    Ok(z) => entry.company.zone = z,
                    Err(e) => return fail(e.message, e.help),
                },
                Column::CloseOfBusiness => match parse_clock(value) {
                    Ok(t) => entry.company.close_of_business = t,
                    Err(e) => return fail(e.message, e.help),
                },
                Column::MeetingKind => match value.to_ascii_lowercase().as_str() {
                    "annual" => entry.facts.meeting_kind = MeetingKind::Annual,
                    "special" => entry.facts.meeting_kind = MeetingKind::Special,
                    _ => {
                        return fail(
                            format!("expected `annual` or `special`, found `{value}`"),
                            None,
                        );
                    }
                },
                Column::Entity => match crate::model::facts::Entity::parse(value) {
                    Some(e) => entry.company.entity = Some(e),
                    None => {
                        return fail(
                            format!("expected `corporation` or `trust`, found `{value}`"),
                            None,
                        );
                    }
                },
                Column::ForeignPrivateIssuer => match value.to_ascii_lowercase().as_str() {
                    "true" | "yes" | "y" | "1" => {
                        entry.company.foreign_private_issuer = Some(true);
                    }
                    "false" | "no" | "n" | "0" => {
                        entry.company.foreign_private_issuer = Some(false);
                    }
                    _ => {
                        return fail(format!("expected `true` or `false`, found `{value}`"), None);
                    }
                },
                Column::Fact(f) => match parse_date(value) {
                    Ok(d) => {
                        let name = STANDARD_FACTS[*f].0;
                        entry.facts.set(name, d);
                        entry
                            .origins
                            .insert(name.to_owned(), Given::Column(name.to_owned()));
                    }
                    Err(e) => return fail(e.message, e.help),
                },
            }
        }
        // The row's country, else the profile's, decides how its state reads.
        let country = cell(Column::Country).or(entry
            .company
            .country
            .as_deref()
            .filter(|_| cell(Column::State).is_some()));
        match read_place(country, cell(Column::State), cell(Column::Exchange)) {
            Ok(place) => entry.company.set_place(&place),
            Err(problems) => {
                let p = &problems[0];
                return Err(bad(
                    &label,
                    format!("column `{}`: {}", p.key.as_str(), p.sentence),
                    p.help.clone(),
                ));
            }
        }
        // The cells override the facts file: check what they give together.
        match &profile {
            Some(src) => checked(entry, Input::File(src)),
            None => checked(entry, Input::Row),
        }
    }

    fn header_name(kind: Column) -> &'static str {
        match kind {
            Column::Name => "name",
            Column::Profile => "profile",
            Column::Packs => "packs",
            Column::Country => "country",
            Column::State => "state",
            Column::Exchange => "exchange",
            Column::Zone => "zone",
            Column::CloseOfBusiness => "close_of_business",
            Column::MeetingKind => "meeting_kind",
            Column::Entity => "entity",
            Column::ForeignPrivateIssuer => "foreign_private_issuer",
            Column::Fact(f) => STANDARD_FACTS[f].0,
            Column::Unknown => "?",
        }
    }
}

/// Shared, so that rows with the same packs share one loaded library.
pub type SharedLibrary = Arc<crate::pack::load::Library>;

#[cfg(test)]
mod tests {
    use super::*;

    fn portfolio(text: &str) -> (tempfile::TempDir, Vec<Item>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.csv");
        std::fs::write(&path, text).unwrap();
        let items = Portfolio::open(&path).unwrap().collect();
        (dir, items)
    }

    #[test]
    fn rows_are_read_with_their_row_numbers() {
        let (_d, items) = portfolio(
            "Name,State,Exchange,Prior Meeting,meeting\n\
             \"Acme, Inc.\",Delaware,NYSE,2025-05-14,May 13 2026\n\
             \n\
             Beta Corp,CA,nasdaq,2025-06-01,\n\
             \"Gamma\nCorp\",CA,nasdaq,2025-06-01,\n\
             Delta Corp,CA,nasdaq,2025-06-01,",
        );
        assert_eq!(items.len(), 4);
        let a = items[0].as_ref().unwrap();
        assert_eq!(a.row, 2);
        assert_eq!(a.company.name, "Acme, Inc.");
        assert_eq!(a.company.state.as_deref(), Some("DE"));
        assert_eq!(a.company.exchange.as_deref(), Some("nyse"));
        assert_eq!(a.facts.get("meeting").unwrap().to_string(), "2026-05-13");
        let b = items[1].as_ref().unwrap();
        assert_eq!(b.row, 4);
        assert_eq!(b.facts.get("meeting"), None);
        // A quoted line break; no line break at the end of the file.
        assert_eq!(items[2].as_ref().unwrap().row, 5);
        assert_eq!(items[3].as_ref().unwrap().row, 7);
    }

    #[test]
    fn a_bad_cell_is_reported_with_its_row_and_column_and_the_rest_is_read() {
        let (_d, items) = portfolio(
            "name,state,meeting\nA,DE,2026-02-30\nB,Delawere,2026-05-01\nC,DE,2026-05-01\n",
        );
        let a = items[0].as_ref().unwrap_err();
        assert_eq!(a.row, 2);
        assert!(a.to_string().contains("row 2 (A): column `meeting`"), "{a}");
        let b = items[1].as_ref().unwrap_err();
        assert!(b.to_string().contains("row 3 (B): column `state`"), "{b}");
        assert!(b.help.as_deref().unwrap().contains("Delaware"), "{b:?}");
        assert!(items[2].is_ok());
    }

    #[test]
    fn an_unknown_column_stops_the_run_at_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.csv");
        std::fs::write(&path, "name,meting\nA,2026-05-01\n").unwrap();
        let Err(Error::Invalid { diagnostics }) = Portfolio::open(&path) else {
            panic!("accepted")
        };
        assert!(diagnostics[0].message.contains("`meting`"));
        assert!(diagnostics[0].help.as_deref().unwrap().contains("meeting"));
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_csv_never_panics(s in "([a-z_ ,\"\n]|name|meeting|2026-05-01|DE|NYSE){0,60}") {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("p.csv");
            std::fs::write(&path, format!("name,meeting,state\n{s}")).unwrap();
            if let Ok(p) = Portfolio::open(&path) {
                let _ = p.count();
            }
        }
    }
}
