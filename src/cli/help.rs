//! The text clap prints after each subcommand's options: two or three
//! examples and the exit codes. Kept apart from `args.rs` so that the
//! flags stay easy to read.
//!
//! Every line of an `Examples:` section that starts with `  govcal ` is run
//! by the integration test `help::every_example_in_help_runs`, from a
//! folder holding the repository's `examples/` and the filings it names
//! under `tests/fixtures/`: keep them runnable as written (no quotes, no
//! pipes, no redirections).

/// `govcal --help`.
pub(crate) const TOP: &str = "\
Examples:
  govcal deadlines examples/northwind-2026.toml --today 2026-01-05
  govcal explain examples/hemacare-2004.toml --rule nomination_notice
  govcal check bylaws/hemacare

Exit codes:
  0  done
  1  problems in your files (each at its line and column), or a worked case that fails
  2  could not run: a bad flag, an unknown pack, an unreadable file

Shell completions: `govcal completions bash` (or zsh, fish, powershell, elvish).
Manual page: `govcal man`.";

/// `govcal deadlines --help`.
pub(crate) const DEADLINES: &str = "\
Examples:
  govcal deadlines examples/northwind-2026.toml --today 2026-01-05
  govcal deadlines examples/hemacare-2004.toml --without announcement --format json
  govcal deadlines examples/northwind-2026.toml --format ics --alarm 14d,1d -o northwind.ics

Exit codes:
  0  the deadlines were written
  1  problems in the facts file or packs (each at its line and column), facts
     that cannot all be true, or no facts at all
  2  bad flags, an unknown pack, or a file that cannot be read";

/// `govcal explain --help`.
pub(crate) const EXPLAIN: &str = "\
Examples:
  govcal explain examples/hemacare-2004.toml --rule nomination_notice
  govcal explain bylaws/hemacare --rule nomination_notice
  govcal explain bylaws/hemacare --format html -o rulebook.html

Exit codes:
  0  the explanation was written
  1  problems in the facts file or packs (each at its line and column)
  2  bad flags, an unknown pack or `--rule`, or a file that cannot be read";

/// `govcal check --help`.
pub(crate) const CHECK: &str = "\
Examples:
  govcal check
  govcal check bylaws/hemacare
  govcal check examples/northwind-bylaws.toml --format json

Exit codes:
  0  no errors (warnings may be printed)
  1  an error in a pack, or a worked case that fails
  2  bad flags, an unknown pack, or a file that cannot be read";

/// `govcal diff --help`.
pub(crate) const DIFF: &str = "\
Examples:
  govcal diff examples/northwind-bylaws.toml examples/northwind-amended-bylaws.toml examples/northwind-2026.toml
  govcal diff examples/northwind-bylaws.toml examples/northwind-amended-bylaws.toml examples/northwind-2026.toml --from 2026-04-01 --to 2026-07-31
  govcal diff examples/northwind-bylaws.toml examples/northwind-amended-bylaws.toml examples/northwind-2026.toml --format json

Exit codes:
  0  the comparison ran, whether or not anything moved
  1  problems in the packs or facts
  2  bad flags, or a file that cannot be read";

/// `govcal extract --help`.
pub(crate) const EXTRACT: &str = "\
Examples:
  govcal extract tests/fixtures/filings/hemacare-8k-2004-02-27.txt
  govcal extract tests/fixtures/filings/hemacare-8k-2004-02-27.txt -o hemacare.toml
  govcal extract tests/fixtures/filings/hemacare-8k-2004-02-27.txt --format json

Exit codes:
  0  the filing was read, whether or not it gives a meeting date
  1  an empty or binary file
  2  bad flags, or a file that cannot be read or is over its size limit";

/// `govcal verify --help`.
pub(crate) const VERIFY: &str = "\
Examples:
  govcal verify tests/fixtures/filings/eastman-def14a-2026.htm
  govcal verify tests/fixtures/filings/eastman-def14a-2026.htm --format json

Exit codes:
  0  every printed date agrees, or cannot be checked
  1  a printed date differs, or the filing states no sure meeting date and
     `--meeting` is not given
  2  bad flags, or a file that cannot be read";

/// `govcal disclose --help`.
pub(crate) const DISCLOSE: &str = "\
Examples:
  govcal disclose examples/northwind-2026.toml
  govcal disclose examples/northwind-2026.toml --format html -o section.html

Exit codes:
  0  the draft was written
  1  problems in the facts or packs, or a meeting that is not an annual one
  2  bad flags, or a file that cannot be read";

/// `govcal batch --help`.
pub(crate) const BATCH: &str = "\
Examples:
  govcal batch examples/portfolio.csv --today 2026-01-05 -o deadlines.csv
  govcal batch examples/portfolio.csv --format jsonl -o deadlines.jsonl
  govcal batch examples/portfolio.csv --format ics --output-dir calendars

Exit codes:
  0  every row ran
  1  a row could not be read or evaluated (the others still ran)
  2  bad flags, or a portfolio that cannot be read";

/// `govcal rules --help`.
pub(crate) const RULES: &str = "\
Examples:
  govcal rules list
  govcal rules show bylaws/hemacare
  govcal rules coverage

Exit codes:
  0  done
  1  problems in the packs given to `coverage`
  2  bad flags, or an unknown pack";

/// `govcal rules list --help`.
pub(crate) const RULES_LIST: &str = "\
Examples:
  govcal rules list
  govcal rules show sec/regulation_14a

The first column is the name that `rules show`, `--rules` and `check` take.

Exit codes:
  0  the list was printed
  2  bad flags";

/// `govcal rules show --help`.
pub(crate) const RULES_SHOW: &str = "\
Examples:
  govcal rules show bylaws/hemacare
  govcal rules show sec/regulation_14a
  govcal rules show states/delaware

Exit codes:
  0  the pack's TOML was printed
  2  bad flags, or no built-in pack of that name (with the near ones)";

/// `govcal rules coverage --help`.
pub(crate) const RULES_COVERAGE: &str = "\
Examples:
  govcal rules coverage
  govcal rules coverage states
  govcal rules coverage examples/northwind-bylaws.toml

Exit codes:
  0  the table was printed
  1  problems in a pack given (each at its line and column)
  2  bad flags, an unknown pack, or a file that cannot be read";

/// `govcal schema --help`.
pub(crate) const SCHEMA: &str = "\
Examples:
  govcal schema pack
  govcal schema facts
  govcal schema output

Exit codes:
  0  the schema was printed
  2  an unknown kind";

/// `govcal completions --help`.
pub(crate) const COMPLETIONS: &str = "\
Examples:
  govcal completions bash
  govcal completions zsh
  govcal completions fish

Install (the README says more): bash, into
~/.local/share/bash-completion/completions/govcal; zsh, as `_govcal` in a
folder of your $fpath; fish, into ~/.config/fish/completions/govcal.fish.

Exit codes:
  0  the script was printed
  2  an unknown shell";

/// `govcal man --help`.
pub(crate) const MAN: &str = "\
Examples:
  govcal man
  govcal man -o govcal.1

Install: `govcal man -o ~/.local/share/man/man1/govcal.1`, then `man govcal`.

Exit codes:
  0  the page was written
  2  bad flags, or a file that cannot be written";
