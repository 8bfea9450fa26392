//! Integration tests of the `govcal` binary: each test runs the built
//! program in a fresh temporary directory and checks its exit code, stdout
//! and stderr.
//!
//! Modules:
//! - `util`: the `Cli` harness (temp dir, files, a `Command` with a cleared
//!   environment) and JSON helpers.
//! - `deadlines`: the HemaCare 2004 example (Form 8-K of 27 Feb 2004), its
//!   conditional answer without the announcement date, and the Regulation
//!   14A fallbacks when the meeting moves 80 days (2004 and 2025).
//! - `worked`: the rules reference's worked examples W3-W7 through the CLI
//!   (Rule 14a-19 and the model anniversary-window bylaw).
//! - `diff`: `govcal diff OLD NEW`, the Northwind amendment for one
//!   meeting and over two years, a threshold amendment's exact boundary
//!   dates, rules added, removed and renamed, JSON fields, bad spans.
//! - `explain`: `govcal explain`, numbered steps with citations.
//! - `rulebook`: `govcal explain PACK`, a pack as a rulebook (plain text,
//!   Markdown and HTML goldens for HemaCare, JSON): English generated from
//!   the expressions beside the summary, branches, rolls, times, `--rule`.
//! - `rulebook_counsel`: `explain PACK --format html|markdown` for counsel:
//!   every shipped pack renders, contents links resolve, references list
//!   each link once, certainty badges, the quoted provision, provenance and
//!   byte-identical output for one `--today`, escaping.
//! - `export`: CSV and iCalendar output (golden file, RFC 5545 framing,
//!   parse-back with the `ical` crate, determinism, `--output`, timed
//!   deadlines with a VTIMEZONE).
//! - `calendar_update`: `--previous` (UIDs kept, SEQUENCE raised for
//!   moved and reworded events, unchanged events byte for byte, removed
//!   deadlines cancelled once) and one calendar for several facts files.
//! - `extract`: `govcal extract` and `deadlines --from-filing` on the
//!   HemaCare seed filings and HTML/full-submission text; bad input.
//! - `extract_printed`: the deadlines `govcal extract` reads from proxy
//!   statements laid out in tables, a cell to a line, bullets and
//!   close-first windows, each with its purpose and printed once.
//! - `extract_wordings`: `govcal extract` on short filings, text and HTML,
//!   one class of wording at a time (#19): the proxy release however it is
//!   worded, last year's release cited, meetings that moved (new date with
//!   the old noted, new record date, put off with no date), look-alikes.
//! - `facts_check`: impossible facts (a record date after the meeting, a
//!   meeting on or before last year's, none at all) refused at both facts'
//!   places in facts files, flags, filings, portfolio rows and worked
//!   cases; doubtful facts and shareholder dates out of order with the
//!   meeting as warnings in the table, JSON and batch lines.
//! - `errors`: bad input in packs, facts files and flags: location line,
//!   message, exit code, no panic.
//! - `command_line`: the command line as a new user meets it (#21):
//!   completion scripts for five shells, the roff manual page, examples
//!   and exit codes in every command's help (each example run), a one-line
//!   `-V`, `--meeting-kind` values, a missing file said before the format,
//!   misspelt packs suggested, built-in packs named in diagnostics.
//! - `check`: `govcal check` over the built-in packs and a pack whose worked
//!   case is wrong, as text and JSON.
//! - `lint`: `govcal check` for counsel: every problem of a file at once
//!   at its line and column, and the search's findings (misordered window,
//!   branches never taken, rules outside Delaware § 213(a) or Rule 14a-19).
//! - `schema`: the committed JSON Schemas match the Rust types, and the
//!   shipped packs and examples validate against them.
//! - `rules`: `govcal rules list|show` and `govcal --version`.
//! - `only`: `--rules` adds to the default library on `deadlines`,
//!   `explain`, `verify` and `batch`; `--only` replaces it; both together;
//!   `--only` does not bring in the packs a pack refers to.
//! - `examples`: the shipped example profiles as whole seasons: dates
//!   computed independently, and golden tables.
//! - `templates`: a company's bylaws as `[[use]]` of a template with its
//!   own numbers, and errors in those lines.
//! - `calendars`: the shipped holiday calendars compared year by year with
//!   published lists (fixtures in `tests/fixtures/calendars/`), and dates
//!   outside a calendar's years refused.
//! - `states`: the state corporate-code packs: a Delaware record date
//!   outside § 213(a) (McKesson), other states' packs not applicable to a
//!   California company, and the rules reference's W9 windows.
//! - `sec_season`: the SEC and exchange packs through the CLI: worked
//!   examples W10 (broker search, NYSE notice, notice and access) and W13
//!   (Rule 14a-6(k)), Form 8-K Item 5.07 across holidays, NYSE's 30-day
//!   recommendation as a warning, Rule 14a-4(c)(1) yielding to an
//!   advance-notice bylaw, Rule 14a-19(a)(2)'s backward roll, and a special
//!   meeting (Rule 14a-4(c)(3), no yield, the Rule 14a-19 fallback, NYSE
//!   and Nasdaq annual-meeting rules not applicable).
//! - `coverage`: what no loaded pack covers (a Texas or Canadian company,
//!   an exchange without a pack) in the table, JSON, `explain`, calendar
//!   events and `batch --format jsonl`; the `Packs:` header; every state,
//!   territory, country and exchange accepted, near misses suggested.
//! - `bylaw_templates`: the templates of `rules/bylaws/templates/` in three
//!   companies' bylaws with numbers other than the defaults (70/45 from the
//!   mailing date, P6(b) fallback, proxy access 150/120 before the meeting,
//!   a deemed first-meeting date, a 15-day P7 leg, a 10-day P9 leg) and the
//!   special-meeting clause not applicable at an annual meeting.
//! - `portfolios`: careless and hostile portfolios for `batch` (#18): a
//!   quote never closed, a column named twice, a row short of cells, a row
//!   not in UTF-8, `/dev/zero`, binary files, rows and cells past their
//!   limits.
//! - `messages`: diagnostics that stay short (NUL bytes, a megabyte line),
//!   are located right (binary filings, lone CR line breaks, dates outside
//!   the holiday calendars), help (a signed year, a facts file given as a
//!   pack) and come in file order (#18).
//! - `times`: a time of day and a roll for each bound, in a pack and as a
//!   template's parameters; fixed UTC offsets (`17:00 -05:00`) in JSON and
//!   in the calendar export.
//! - `limits`: the most govcal reads of each kind of input file (facts
//!   file, pack, filing, `--previous` calendar), endless inputs such as
//!   `/dev/zero` stopped at the limit, text that is not UTF-8 located; a
//!   large filing and HTML full of `<` read in bounded memory and time;
//!   `batch -j` capped.
//! - `output`: `-o -` as standard output for every command; devices and
//!   FIFOs written in place (write errors count), symbolic links followed;
//!   no temporary file left by SIGINT or SIGTERM, and a killed run's
//!   removed by the next; `synth-portfolio` streaming.
//! - `titles`: rule titles (#20): every shipped rule has a short title of
//!   its own in its pack; an empty, long or repeated title is an error at
//!   the title, a missing one a warning at the id.
//! - `verify`: `govcal verify` with facts given by flags (an unsure or
//!   missing meeting date, a missing proxy release named with its flag)
//!   and companies' errors said plainly: a bylaw window printed in the
//!   wrong year, checked against the rule its sentence states; a date a
//!   day off over a February 29; exit 1 exactly when one differs.
//! - `timeline`: `deadlines --format html` and `batch --format html`: the
//!   SVG's marks carry every deadline's date in order, nothing is fetched,
//!   the bytes repeat, odd input is escaped and clamped; and, where
//!   Chromium is installed, the page drawn by a real browser.
//! - `readme`: every command of the README runs as written and prints
//!   what the README shows under it.

#![allow(
    clippy::doc_markdown,
    reason = "test comments cite sources in prose: HemaCare, America/New_York"
)]

mod batch;
mod bylaw_templates;
mod calendar_update;
mod calendars;
mod check;
mod command_line;
mod coverage;
mod deadlines;
mod diff;
mod disclose;
mod errors;
mod examples;
mod explain;
mod export;
mod extract;
mod extract_fixtures;
mod extract_printed;
mod extract_wordings;
mod facts_check;
mod fuzz_regressions;
mod layers;
mod limits;
mod lint;
mod messages;
mod only;
mod output;
mod portfolios;
mod readme;
mod recursion;
mod rulebook;
mod rulebook_counsel;
mod rules;
mod schema;
mod sec_season;
mod small_faults;
mod states;
mod streams;
mod templates;
mod timeline;
mod times;
mod titles;
mod util;
mod verify;
mod worked;
