//! `govcal explain PACK`: which packs an argument names, the flags that
//! make no sense without a meeting, and loading them. The plain-text and
//! JSON rulebook is laid out by `render::rulebook`; the rulebook for counsel
//! (`--format html|markdown`: contents, the provision's text, certainty,
//! provenance and references) by [`counsel`].

pub mod counsel;
mod html;
mod markdown;

use std::path::Path;

use crate::cli::args::{ExplainArgs, ExplainFormat};
use crate::error::{Error, Result};
use crate::model::rule::RulePack;
use crate::pack::input::{FileKind, read_text};
use crate::pack::load::{Library, builtin_matches, is_path};
use crate::render::rulebook::Book;
use counsel::{Counsel, Provenance};

/// Returns the pack spec that `explain`'s positional argument names, or
/// `None` when it is a facts file: a `.toml` file whose top level has a
/// `[pack]` table, or (when no such file exists) a built-in pack's name, id
/// or family.
pub fn pack_spec(arg: &Path) -> Option<String> {
    let text = arg.to_str()?;
    if arg.is_file() || crate::pack::input::is_stdin(arg) {
        // A file (or `-`, standard input) that cannot be read or parsed is left to the facts-file
        // path, which reports the problem at its line and column.
        let src = read_text(arg, FileKind::Pack).ok()?;
        let table: toml::Table = src.text().parse().ok()?;
        let is_pack = table.get("pack").is_some_and(toml::Value::is_table);
        (is_pack && is_path(text)).then(|| text.to_owned())
    } else {
        (!is_path(text) && !builtin_matches(text).is_empty()).then(|| text.to_owned())
    }
}

/// The error for `explain`'s positional when it names no file and no
/// built-in pack: says so, and which pack was probably meant.
pub fn not_found(arg: &Path) -> Error {
    let text = arg.display().to_string();
    let guess = (!is_path(&text))
        .then(|| crate::pack::suggest::suggest_builtin(&text))
        .flatten();
    Error::usage(
        format!("`{text}` does not exist: it is neither a facts file nor a built-in rule pack"),
        Some(guess.unwrap_or_else(|| {
            "give a facts file, or a rule pack: a `.toml` file or a built-in name (`govcal rules list` shows them)".to_owned()
        })),
    )
}

/// Renders the rulebook of the packs `spec` names, in `args.format`. Packs
/// given with `--rules` or `--only` are loaded too (and nothing else: a
/// rulebook has no default library), so that references to their rules
/// resolve, but only `spec`'s packs are printed.
///
/// # Errors
///
/// [`Error::Usage`] for a flag that needs a meeting's facts or a `--rule`
/// the packs do not have; the errors of [`Library::load`].
pub fn explain_pack(spec: &str, args: &ExplainArgs) -> Result<String> {
    let q = &args.query;
    let fact_flags = [
        ("--meeting", q.meeting.is_some()),
        ("--prior-meeting", q.prior_meeting.is_some()),
        ("--announcement", q.announcement.is_some()),
        ("--prior-proxy-release", q.prior_proxy_release.is_some()),
        ("--record-date", q.record_date.is_some()),
        ("--meeting-kind", q.meeting_kind.is_some()),
        ("--fact", !q.fact.is_empty()),
        ("--without", !q.without.is_empty()),
        ("--alarm", q.alarm.is_some()),
        ("--all", q.all),
    ];
    if let Some((flag, _)) = fact_flags.iter().find(|(_, given)| *given) {
        return Err(Error::usage(
            format!(
                "`{flag}` needs a meeting, but `{spec}` is a rule pack, explained without facts"
            ),
            Some(format!(
                "to trace a meeting through it, write `govcal explain --rules {spec} {flag} ...`"
            )),
        ));
    }
    let mut specs = vec![spec.to_owned()];
    specs.extend(q.only.iter().chain(&q.rules).cloned());
    let library = Library::load(&specs, None)?;
    let wanted: Vec<String> = if is_path(spec) {
        vec![crate::pack::input::source_name(Path::new(spec))]
    } else {
        builtin_matches(spec)
            .iter()
            .map(|p| format!("rules/{}.toml", p.name))
            .collect()
    };
    let packs: Vec<&RulePack> = library
        .packs
        .iter()
        .filter(|p| wanted.iter().any(|w| w == p.source.name()))
        .collect();
    // `Book::new` also says which rules a `--rule` that matches nothing
    // could have meant.
    let book = Book::new(&packs, args.rule.as_deref())?;
    let provenance = || -> Result<Provenance> {
        Ok(Provenance {
            version: env!("CARGO_PKG_VERSION"),
            generated: crate::cli::request::today(q.today.as_deref())?,
        })
    };
    Ok(match args.format {
        ExplainFormat::Table => book.text(),
        ExplainFormat::Json => book.json(),
        ExplainFormat::Markdown => {
            markdown::write(&Counsel::new(&packs, args.rule.as_deref(), provenance()?))
        }
        ExplainFormat::Html => {
            html::write(&Counsel::new(&packs, args.rule.as_deref(), provenance()?))
        }
    })
}
