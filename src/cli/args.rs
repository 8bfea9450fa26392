//! The command line as clap derive types: flags, defaults and help text.
//! No logic lives here.

use std::path::PathBuf;

use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};

use crate::cli::help;

/// Corporate-governance deadlines from cited rule packs.
#[derive(Debug, Parser)]
#[command(
    name = "govcal",
    version,
    disable_version_flag = true,
    about,
    long_about = None,
    after_help = help::TOP
)]
pub struct Args {
    /// Print the version, with the tz database's and the built-in packs' versions
    #[arg(long, global = true, display_order = 900)]
    pub version: bool,
    /// When to colour messages: `auto` (on a terminal, unless `NO_COLOR` is set or `TERM` is `dumb`), `always` or `never`
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// Print the version on one line
    #[arg(short = 'V', global = true, display_order = 900)]
    pub short_version: bool,
    /// The command to run
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--color`: when to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal that takes colour, unless `NO_COLOR` is set
    Auto,
    /// Always, even in a pipe
    Always,
    /// Never
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compute every deadline for a meeting
    #[command(after_help = help::DEADLINES)]
    Deadlines(DeadlinesArgs),
    /// Show how each deadline was computed, step by step, with citations
    #[command(after_help = help::EXPLAIN)]
    Explain(ExplainArgs),
    /// Check rule packs and run their worked cases
    #[command(after_help = help::CHECK)]
    Check(CheckArgs),
    /// Show which deadlines an amendment moves: OLD and NEW versions of a pack
    #[command(long_about = DIFF_HELP, after_help = help::DIFF)]
    Diff(DiffArgs),
    /// Read the meeting facts from an SEC filing (8-K, proxy statement) into a facts file
    #[command(long_about = EXTRACT_HELP, after_help = help::EXTRACT)]
    Extract(ExtractArgs),
    /// Recompute the deadlines a proxy statement prints for next year's meeting
    #[command(after_help = help::VERIFY)]
    Verify(VerifyArgs),
    /// Draft the proxy statement's section on proposals and nominations for next year's meeting
    #[command(long_about = DISCLOSE_HELP, after_help = help::DISCLOSE)]
    Disclose(DiscloseArgs),
    /// Deadlines for a whole portfolio: a CSV with one row per company, or a folder of facts files
    #[command(long_about = BATCH_HELP, after_help = help::BATCH)]
    Batch(BatchArgs),
    /// Write a synthetic portfolio CSV (made-up companies) for trying `batch` at scale
    #[command(hide = true)]
    SynthPortfolio(SynthArgs),
    /// List or show the built-in rule packs
    #[command(after_help = help::RULES)]
    Rules {
        /// What to do
        #[command(subcommand)]
        action: RulesAction,
    },
    /// Print the JSON Schema of rule packs or facts files (for editors), or of the JSON output
    #[command(after_help = help::SCHEMA)]
    Schema {
        /// Which file format
        #[arg(value_enum)]
        kind: SchemaKind,
    },
    /// Print a completion script for a shell
    #[command(after_help = help::COMPLETIONS)]
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff, for `man`)
    #[command(after_help = help::MAN)]
    Man {
        /// Write the page to this file (atomically) instead of stdout
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// The file formats `govcal schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// A rule pack (`rules/**/*.toml`, your bylaws)
    Pack,
    /// A facts file (`[company]` and `[facts]`)
    Facts,
    /// The JSON that `deadlines --format json` and `batch --format jsonl` print
    Output,
}

/// `rules list` and `rules show`.
#[derive(Debug, Subcommand)]
pub enum RulesAction {
    /// List the built-in packs with their ids and versions
    #[command(after_help = help::RULES_LIST)]
    List,
    /// Print a built-in pack's TOML
    #[command(after_help = help::RULES_SHOW)]
    Show {
        /// Built-in name (`sec/regulation_14a`) or pack id
        id: String,
    },
    /// Print, as a Markdown table, which jurisdictions the packs cover and
    /// for which kinds of deadline, with the pack and certainty in each cell
    #[command(after_help = help::RULES_COVERAGE)]
    Coverage {
        /// Packs to tabulate instead of those every company gets (the
        /// `sec`, `states` and `exchanges` families): built-in names,
        /// families, ids or `.toml` paths
        packs: Vec<String>,
    },
}

/// Output formats for deadlines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people
    Table,
    /// JSON with every field, for programs
    Json,
    /// One row per window bound
    Csv,
    /// iCalendar (RFC 5545), for calendar programs
    Ics,
    /// A self-contained HTML page with a timeline (SVG), for people and print
    Html,
}

/// Output formats for `explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    /// Plain text for people
    #[value(alias = "text")]
    Table,
    /// JSON, for programs
    Json,
    /// A rulebook in Markdown (with a rule pack)
    #[value(alias = "md")]
    Markdown,
    /// A rulebook as a standalone HTML page (with a rule pack)
    Html,
}

/// Output formats for `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Diagnostics for people
    Text,
    /// One JSON document, for editors and CI
    Json,
}

/// The meeting and the rules to apply.
#[derive(Debug, Clone, Default, ClapArgs)]
pub struct QueryArgs {
    /// Facts file: the company profile and the meeting's dates
    pub facts: Option<PathBuf>,
    /// Read the facts from an SEC filing instead (as `govcal extract` does)
    #[arg(long, value_name = "FILING", conflicts_with = "facts")]
    pub from_filing: Option<PathBuf>,
    /// Rule pack to add to the SEC, state and exchange packs and the facts file's `rules`: built-in name, id or family (`sec`), or a `.toml` path; repeatable
    #[arg(long = "rules", value_name = "PACK")]
    pub rules: Vec<String>,
    /// Load only this pack instead of the SEC, state and exchange packs and the facts file's `rules` (`--rules` adds to it); repeatable
    #[arg(long = "only", value_name = "PACK")]
    pub only: Vec<String>,
    /// Meeting date (overrides the facts file)
    #[arg(long, value_name = "DATE")]
    pub meeting: Option<String>,
    /// Date of last year's annual meeting
    #[arg(long, value_name = "DATE")]
    pub prior_meeting: Option<String>,
    /// Date the meeting date was first publicly announced
    #[arg(long, value_name = "DATE")]
    pub announcement: Option<String>,
    /// Date last year's proxy statement was first sent
    #[arg(long, value_name = "DATE")]
    pub prior_proxy_release: Option<String>,
    /// Record date
    #[arg(long, value_name = "DATE")]
    pub record_date: Option<String>,
    /// Date this year's proxy statement was first sent (`verify`'s
    /// `--proxy-release`; `deadlines` takes it as `--fact proxy_release=DATE`)
    #[arg(skip)]
    pub proxy_release: Option<String>,
    /// Annual or special meeting
    #[arg(long, value_name = "KIND", value_parser = MEETING_KINDS)]
    pub meeting_kind: Option<String>,
    /// Any other fact, as NAME=DATE; repeatable
    #[arg(long = "fact", value_name = "NAME=DATE")]
    pub fact: Vec<String>,
    /// Forget a fact from the facts file (to see the conditional answer); repeatable
    #[arg(long = "without", value_name = "NAME")]
    pub without: Vec<String>,
    /// Today's date, for "days left" and past-date warnings [default: `SOURCE_DATE_EPOCH`, else the system date]
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// Write the output to this file (atomically) instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Calendar reminders before each deadline (`--format ics`), e.g. `14d,7d,1d` or `2h`
    #[arg(long, value_name = "LIST")]
    pub alarm: Option<String>,
    /// Also list rules that do not apply to this meeting
    #[arg(long)]
    pub all: bool,
}

/// The values of `--meeting-kind`.
const MEETING_KINDS: [&str; 2] = ["annual", "special"];

/// `deadlines`: the meeting, the rules and an output format.
#[derive(Debug, ClapArgs)]
pub struct DeadlinesArgs {
    /// The meeting and the rules
    #[command(flatten)]
    pub query: QueryArgs,
    /// More facts files: with `--format ics`, one calendar for several companies
    #[arg(value_name = "MORE_FACTS")]
    pub more_facts: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// An earlier `.ics` export of this calendar: keep its event ids, raise the
    /// SEQUENCE of events that changed, cancel deadlines that are gone
    #[arg(long, value_name = "OLD.ics")]
    pub previous: Option<PathBuf>,
    /// List every warning on its own line (the table says dates already past in one line)
    #[arg(long)]
    pub verbose: bool,
    /// Begin CSV output with a UTF-8 byte order mark, for Excel (`--format csv`)
    #[arg(long)]
    pub bom: bool,
}

/// `explain`: the same inputs, and optionally one rule. The positional may
/// also name a rule pack (built-in name, id, family, or a `.toml` file with
/// a `[pack]` table): then its rules are explained with no facts.
#[derive(Debug, ClapArgs)]
#[command(
    mut_arg("facts", |a| a.help(EXPLAIN_FACTS)),
    mut_arg("alarm", |a| a.hide(true)),
    mut_arg("all", |a| a.hide(true)),
    mut_arg("today", |a| a.help(EXPLAIN_TODAY))
)]
pub struct ExplainArgs {
    /// The meeting and the rules; the positional may be a rule pack instead
    #[command(flatten)]
    pub query: QueryArgs,
    /// Output format (`markdown` and `html` print a rule pack as a rulebook)
    #[arg(long, value_enum, default_value_t = ExplainFormat::Table)]
    pub format: ExplainFormat,
    /// Only this rule (`rule_id` or `pack_id/rule_id`)
    #[arg(long, value_name = "ID")]
    pub rule: Option<String>,
}

/// `explain`'s `--today`: what it changes there.
const EXPLAIN_TODAY: &str = "Today's date, for the trace's past-date warnings and the date a rulebook (`--format markdown` or `html`) says it was made [default: `SOURCE_DATE_EPOCH`, else the system date]";

/// `explain`'s positional: a facts file, or a pack.
const EXPLAIN_FACTS: &str = "Facts file to trace; or a rule pack to explain as a rulebook, without facts (built-in name, id or family, or a `.toml` file with a `[pack]` table)";

/// `extract`: a filing in, a facts file out.
#[derive(Debug, ClapArgs)]
pub struct ExtractArgs {
    /// The filing: plain text, EDGAR HTML, or an EDGAR full-submission `.txt`
    pub filing: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = ExtractFormat::Toml)]
    pub format: ExtractFormat,
    /// Write the output to this file (atomically) instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

const EXTRACT_HELP: &str = "\
Read the meeting facts from an SEC filing (8-K, proxy statement, 10-K,
10-Q) into a facts file: plain text, EDGAR HTML or an EDGAR full-submission
`.txt`. Each value is written under the line, column and sentence it was
read from; a value the filing contradicts is written commented out as
UNSURE. `--format json` gives each fact's value, confidence, place and
sentence.

A filing that states no meeting date (a 10-K or a 10-Q, say) still gives
what it states (company, state, fiscal year end, ...). The facts file then
says at its top, and a warning on stderr says, that no meeting date was
found and that `meeting` must be written in by hand. (`deadlines
--from-filing` and `verify` need the date, and refuse such a filing unless
it is given with `--meeting`.)";

const BATCH_HELP: &str = "Deadlines for a whole portfolio, in one run.

The portfolio is a CSV file with a header line and one row per company, or a folder of facts files (`*.toml`, read in name order). CSV columns, in any order (only `name` is required):

  name, country, state, exchange, zone, close_of_business, meeting_kind,
  packs (bylaws on top of the SEC, state and exchange rules; separated by `;`;
  `--rules PACK` adds a pack for every row, `--only PACK` replaces them all),
  profile (a facts file, relative to the CSV, whose values the row's cells override),
  and dates of facts: prior_meeting, prior_proxy_release, meeting, announcement,
  record_date, proxy_release, ...

Output keeps the portfolio's order whatever the number of threads. A row that cannot be read or evaluated is reported on stderr with its row number and reason; the other rows still run, and the exit code is 1.

`--format ics -o FILE` writes one calendar for the portfolio, `--output-dir DIR` one per company; `--format html` one page for all.";

/// `batch`: a portfolio in, one output for all of it.
#[derive(Debug, ClapArgs)]
pub struct BatchArgs {
    /// A CSV file with one row per company, or a folder of facts files
    pub portfolio: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = BatchFormat::Csv)]
    pub format: BatchFormat,
    /// Write the output to this file (atomically) instead of stdout
    #[arg(long, short = 'o', value_name = "FILE", conflicts_with = "output_dir")]
    pub output: Option<PathBuf>,
    /// Write one calendar per company into this folder (`--format ics`)
    #[arg(long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
    /// Today's date, for warnings about past dates [default: `SOURCE_DATE_EPOCH`, else the system date]
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// Calendar reminders before each deadline (`--format ics`), e.g. `14d,1d`
    #[arg(long, value_name = "LIST")]
    pub alarm: Option<String>,
    /// Include rules that do not apply (CSV and JSON Lines)
    #[arg(long)]
    pub all: bool,
    /// Rule pack to add for every company, to the SEC, state and exchange packs and its own `packs`; repeatable
    #[arg(long = "rules", value_name = "PACK")]
    pub rules: Vec<String>,
    /// Load only this pack for every company, instead of the SEC, state and exchange packs and its own `packs` (`--rules` adds to it); repeatable
    #[arg(long = "only", value_name = "PACK")]
    pub only: Vec<String>,
    /// Threads to use, at most 256 [default: one per core]
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Never show a progress bar
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Begin CSV output with a UTF-8 byte order mark, for Excel (`--format csv`)
    #[arg(long)]
    pub bom: bool,
}

/// Output formats for `batch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    /// One row per window bound, all companies under one header
    Csv,
    /// One JSON document per line, one line per company (as `deadlines --format json`)
    Jsonl,
    /// iCalendar: one calendar for all (`--output`) or one per company (`--output-dir`)
    Ics,
    /// One HTML page: what closes in the next 30/60/90 days, a row per company
    Html,
}

/// `synth-portfolio`: made-up companies, for trying `batch` at scale.
#[derive(Debug, ClapArgs)]
pub struct SynthArgs {
    /// How many companies
    pub companies: usize,
    /// Seed: the same seed gives the same portfolio
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Write to this file (atomically) instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `verify`: a proxy statement's printed deadlines against the rules, with
/// the fact flags of `deadlines` for facts the filing leaves out or gets
/// unsure (a flag wins over the filing).
#[derive(Debug, ClapArgs)]
#[command(long_about = VERIFY_HELP)]
pub struct VerifyArgs {
    /// The proxy statement: plain text, EDGAR HTML, or an EDGAR full-submission `.txt`
    pub filing: PathBuf,
    /// Meeting date (overrides the filing's)
    #[arg(long, value_name = "DATE")]
    pub meeting: Option<String>,
    /// Date of last year's annual meeting
    #[arg(long, value_name = "DATE")]
    pub prior_meeting: Option<String>,
    /// Date the meeting date was first publicly announced
    #[arg(long, value_name = "DATE")]
    pub announcement: Option<String>,
    /// Date this proxy statement was first sent (overrides the filing's; Rule 14a-8(e)(2) counts from it)
    #[arg(long, value_name = "DATE")]
    pub proxy_release: Option<String>,
    /// Date last year's proxy statement was first sent
    #[arg(long, value_name = "DATE")]
    pub prior_proxy_release: Option<String>,
    /// Record date
    #[arg(long, value_name = "DATE")]
    pub record_date: Option<String>,
    /// Annual or special meeting
    #[arg(long, value_name = "KIND", value_parser = MEETING_KINDS)]
    pub meeting_kind: Option<String>,
    /// Any other fact, as NAME=DATE; repeatable
    #[arg(long = "fact", value_name = "NAME=DATE")]
    pub fact: Vec<String>,
    /// Rule pack to add to the SEC, state and exchange packs (the company's bylaws, a `.toml` pack); repeatable
    #[arg(long = "rules", value_name = "PACK")]
    pub rules: Vec<String>,
    /// Load only this pack instead of the SEC, state and exchange packs (`--rules` adds to it); repeatable
    #[arg(long = "only", value_name = "PACK")]
    pub only: Vec<String>,
    /// Accepted and ignored, for scripts written when `verify` took it: a
    /// printed date is judged against the filing's own dates, never today
    #[arg(long, value_name = "DATE", hide = true)]
    pub today: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = VerifyFormat::Table)]
    pub format: VerifyFormat,
    /// Write the output to this file (atomically) instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

const VERIFY_HELP: &str = "\
Recompute the deadlines a proxy statement prints for next year's meeting.

Each printed deadline is compared with the loaded rule printed under the
same paragraph of Rule 14a-5(e) (Rule 14a-8, the bylaws' advance notice,
proxy access, Rule 14a-19). Where no loaded rule gives it (a bylaw window,
without the company's bylaws given with `--rules`), it is compared with the
rule its own sentence states (\"not less than 90 nor more than 120 days
before the anniversary of the preceding annual meeting\"), when that can be
read; else it is unchecked, and the output says what is missing.

The facts come from the filing; the fact flags (`--meeting`,
`--proxy-release`, ...) supply the ones it leaves out or states unsurely,
and win over the filing's. The output says which facts came from flags.

A company's error is said plainly where it has a plain cause: a window
printed in the wrong year (counted from this year's meeting), a date one
day off because of a February 29, a date already past when printed.

`--format json` gives each deadline's `verdict`, `printed`, `computed`,
`checked_against` (`rule`, `stated_in_sentence` or null), `stated_rule`,
`needs` (facts missing, with their flags) and `explanation`.";

/// Output formats for `verify`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VerifyFormat {
    /// Each printed deadline, the computed one and the arithmetic
    Table,
    /// One JSON document
    Json,
}

/// `disclose`: a facts file in, the proxy statement's paragraph on next
/// year's deadlines out.
/// `--today` and `--all` change nothing in the draft: hidden, and refused.
#[derive(Debug, ClapArgs)]
#[command(
    mut_arg("alarm", |a| a.hide(true)),
    mut_arg("today", |a| a.hide(true)),
    mut_arg("all", |a| a.hide(true))
)]
pub struct DiscloseArgs {
    /// The meeting and the rules (this year's meeting, as for `deadlines`)
    #[command(flatten)]
    pub query: QueryArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = DiscloseFormat::Text)]
    pub format: DiscloseFormat,
}

const DISCLOSE_HELP: &str = "\
Draft the section of this year's proxy statement on shareholder proposals
and nominations for next year's annual meeting (Rule 14a-5(e)): the Rule
14a-8 deadline, the bylaws' advance-notice window and proxy access (when a
bylaw pack is loaded), and the Rule 14a-19 date, with the time of day and
zone where the rule has one, and what applies if next year's meeting moves
by more than the rule allows.

The dates are those `govcal verify` checks: each rule computed for next
year's meeting on the anniversary of this one, this meeting and this proxy
statement's release being next year's prior facts. Where to send notices is
left as a bracketed placeholder to fill in. The draft is a starting point
for counsel, not advice.";

/// Output formats for `disclose`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiscloseFormat {
    /// Plain text
    Text,
    /// Markdown
    #[value(alias = "md")]
    Markdown,
    /// A small HTML fragment to paste into a document
    Html,
}

/// Output formats for `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// A facts file for `govcal deadlines`, each value with its source
    Toml,
    /// JSON with each fact's value, confidence, place and sentence
    Json,
}

/// `check`.
#[derive(Debug, ClapArgs)]
pub struct CheckArgs {
    /// Packs to check: paths or built-in names [default: every built-in pack]
    pub packs: Vec<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

/// `diff`: two versions of a pack, for one meeting or a span of meeting dates.
/// `--today` changes nothing in a comparison: hidden, and refused.
#[derive(Debug, ClapArgs)]
#[command(
    mut_arg("alarm", |a| a.hide(true)),
    mut_arg("today", |a| a.hide(true)),
    mut_arg("all", |a| a.help("Also list the deadlines the amendment does not move"))
)]
pub struct DiffArgs {
    /// The pack before the amendment: a `.toml` path or a built-in name
    pub old: String,
    /// The pack after the amendment: a `.toml` path or a built-in name
    pub new: String,
    /// The meeting and the rest of the library (`--all` also lists what does not move)
    #[command(flatten)]
    pub query: QueryArgs,
    /// First meeting date of a span: compare every meeting date from here to `--to`
    #[arg(long, value_name = "DATE", requires = "to")]
    pub from: Option<String>,
    /// Last meeting date of the span (at most 20 years after `--from`)
    #[arg(long, value_name = "DATE", requires = "from")]
    pub to: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,
}

/// Output formats for `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// What moves, for people
    Table,
    /// One JSON document, for programs
    Json,
}

/// `govcal diff --help`: what the output says and assumes.
const DIFF_HELP: &str = "\
Show which deadlines an amendment moves. OLD and NEW are two versions of a
rule pack (usually the same pack id); the rest of the library is the usual
one (`sec`, `states`, `exchanges` and the profile's `rules`, plus any
`--rules`; or exactly the `--only` packs, plus any `--rules`), with the
pack of OLD's or NEW's id replaced by OLD, then by NEW. Rules are
paired by id, or by `aliases` when renamed.

For one meeting (a facts file and/or the fact flags), every bound that
changes is listed: old date -> new date, days earlier or later, time of day,
a rule added or removed, or an answer of another kind (not applicable,
conditional, unspecified). `--all` also lists what does not move.

With `--from DATE --to DATE`, every meeting date in the span is compared
and consecutive dates that change alike are summarised in one line. As the
meeting moves, `prior_meeting` and `prior_proxy_release` stay as given
(they are history); a missing `prior_meeting` is taken to be one year
before each meeting date; every other fact keeps its distance from the
meeting as given.

`--format json` prints `mode` (`meeting` or `span`), `company`, `old` and
`new` (`pack`, `version`, `source`), `facts`, `assumptions`, and either
`changes` (with `--all`, also `unchanged`) or `from`, `to`, `meetings`,
`unchanged_meetings` and `runs`. A change has `pack`, `rule`, `was` (old id
if renamed), `bound`, `old` and `new` (`state`: `date` with `date`, `time`,
`zone`; `absent`; `no_bound`; `no_date` with `status` and `words`),
`shift_days`, `old_branch`, `new_branch`, `citation`, `old_citation`. A run
has `pack`, `rule`, `was`, `bound`, `from`, `to`, `meetings`, `shift_min`,
`shift_max`, and `first` and `last` changes.";
