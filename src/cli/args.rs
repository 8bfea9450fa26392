//! The command line as clap derive types: flags, defaults and help text.
//! No logic lives here.

use std::path::PathBuf;

use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};

/// Corporate-governance deadlines from cited rule packs.
#[derive(Debug, Parser)]
#[command(name = "govcal", disable_version_flag = true, about, long_about = None)]
pub struct Args {
    /// Print version, tz database version and the built-in packs' versions
    #[arg(long, short = 'V', global = true)]
    pub version: bool,
    /// The command to run
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compute every deadline for a meeting
    Deadlines(QueryArgs),
    /// Show how each deadline was computed, step by step, with citations
    Explain(ExplainArgs),
    /// Check rule packs and run their worked cases
    Check(CheckArgs),
    /// List or show the built-in rule packs
    Rules {
        /// What to do
        #[command(subcommand)]
        action: RulesAction,
    },
    /// Print the JSON Schema of rule packs or facts files, for editors
    Schema {
        /// Which file format
        #[arg(value_enum)]
        kind: SchemaKind,
    },
}

/// The file formats `govcal schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// A rule pack (`rules/**/*.toml`, your bylaws)
    Pack,
    /// A facts file (`[company]` and `[facts]`)
    Facts,
}

/// `rules list` and `rules show`.
#[derive(Debug, Subcommand)]
pub enum RulesAction {
    /// List the built-in packs with their ids and versions
    List,
    /// Print a built-in pack's TOML
    Show {
        /// Built-in name (`sec/regulation_14a`) or pack id
        id: String,
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
#[derive(Debug, ClapArgs)]
pub struct QueryArgs {
    /// Facts file: the company profile and the meeting's dates
    pub facts: Option<PathBuf>,
    /// Rule pack to apply: built-in name, id or family (`sec`), or a `.toml` path; repeatable
    #[arg(long = "rules", value_name = "PACK")]
    pub rules: Vec<String>,
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
    /// Annual or special meeting
    #[arg(long, value_name = "KIND")]
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
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write the output to this file (atomically) instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Calendar reminders before each deadline, e.g. `14d,7d,1d` or `2h`
    #[arg(long, value_name = "LIST")]
    pub alarm: Option<String>,
    /// Also list rules that do not apply to this meeting
    #[arg(long)]
    pub all: bool,
}

/// `explain`: the same inputs, and optionally one rule.
#[derive(Debug, ClapArgs)]
pub struct ExplainArgs {
    /// The meeting and the rules
    #[command(flatten)]
    pub query: QueryArgs,
    /// Only this rule (`rule_id` or `pack_id/rule_id`)
    #[arg(long, value_name = "ID")]
    pub rule: Option<String>,
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
