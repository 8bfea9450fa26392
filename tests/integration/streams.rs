//! Issue 21 §3, §4 and §7: `-` reads standard input wherever a file is
//! read; `-o -` writes standard output; `batch | head -1` stops early and
//! quietly; the table's warnings say dates already past in one line; the
//! "Why" traces repeat no line; text is wrapped on a terminal only;
//! `--color` and `TERM=dumb`; `--bom` for CSV.
//!
//! A terminal is a pseudo-terminal made by util-linux's `script`.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use crate::util::Cli;

const HEMACARE_8K: &str = "tests/fixtures/filings/hemacare-8k-2004-02-27.txt";
const EASTMAN: &str = "tests/fixtures/filings/eastman-def14a-2026.htm";

/// Runs `cmd` with `input` on its standard input.
fn with_stdin(mut cmd: Command, input: &[u8]) -> (i32, Vec<u8>, String) {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run govcal");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        // The program may stop reading early (an error): not this test's
        // business.
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for govcal");
    writer.join().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().expect("exited"), out.stdout, stderr)
}

fn piped(cli: &Cli, args: &[&str], input: &[u8]) -> (i32, Vec<u8>, String) {
    with_stdin(cli.cmd(args), input)
}

fn read(cli: &Cli, name: &str) -> Vec<u8> {
    std::fs::read(cli.path().join(name)).unwrap()
}

#[test]
fn issue_21_dash_reads_facts_and_packs_from_standard_input() {
    let cli = Cli::with_examples();
    let args = |facts: &'static str| {
        [
            "deadlines",
            facts,
            "--today",
            "2026-01-05",
            "--format",
            "json",
        ]
    };
    let from_file = cli.ok(&args("northwind-2026.toml"));
    let (code, from_stdin, stderr) = piped(&cli, &args("-"), &read(&cli, "northwind-2026.toml"));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(String::from_utf8(from_stdin).unwrap(), from_file);

    // A pack with `--rules -`.
    let rules = |pack: &'static str| {
        [
            "deadlines",
            "northwind-2026.toml",
            "--only",
            "sec",
            "--rules",
            pack,
            "--today",
            "2026-01-05",
            "--format",
            "csv",
        ]
    };
    let from_file = cli.ok(&rules("northwind-bylaws.toml"));
    assert!(from_file.contains("northwind_bylaws"));
    let (code, from_stdin, stderr) = piped(&cli, &rules("-"), &read(&cli, "northwind-bylaws.toml"));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(String::from_utf8(from_stdin).unwrap(), from_file);

    // A pack explained as a rulebook.
    let (code, book, stderr) = piped(
        &cli,
        &[
            "explain",
            "-",
            "--format",
            "markdown",
            "--today",
            "2026-01-05",
        ],
        &read(&cli, "northwind-bylaws.toml"),
    );
    assert_eq!(code, 0, "{stderr}");
    let book = String::from_utf8(book).unwrap();
    assert!(
        book.starts_with("# Rulebook: Northwind Industrial Corp."),
        "{book}"
    );

    // Standard input is one input.
    for args in [
        &["deadlines", "-", "--rules", "-"][..],
        &["deadlines", "-", "--format", "ics", "--previous", "-"][..],
    ] {
        let (code, _, stderr) = piped(&cli, args, &read(&cli, "northwind-2026.toml"));
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains("more than one input"), "{stderr}");
    }

    // A problem in standard input is located in `<stdin>`.
    let (code, _, stderr) = piped(&cli, &["deadlines", "-"], b"[company\n");
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("<stdin>:1:"), "{stderr}");
}

#[test]
fn issue_21_dash_reads_filings_portfolios_and_previous_calendars() {
    let cli = Cli::with_examples();
    cli.copy(HEMACARE_8K).copy(EASTMAN);
    let filing = read(&cli, "hemacare-8k-2004-02-27.txt");
    let from_file = cli.ok(&["extract", "hemacare-8k-2004-02-27.txt"]);
    let (code, from_stdin, stderr) = piped(&cli, &["extract", "-"], &filing);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        String::from_utf8(from_stdin).unwrap(),
        from_file.replace("hemacare-8k-2004-02-27.txt", "<stdin>")
    );

    let verify = |f: &'static str| ["verify", f, "--today", "2026-04-01"];
    let (code_file, from_file, _) = cli.run(&verify("eastman-def14a-2026.htm"));
    let (code, from_stdin, stderr) =
        piped(&cli, &verify("-"), &read(&cli, "eastman-def14a-2026.htm"));
    assert_eq!(code, code_file, "{stderr}");
    assert_eq!(
        String::from_utf8(from_stdin).unwrap(),
        from_file.replace("eastman-def14a-2026.htm", "<stdin>")
    );

    let batch = |p: &'static str| ["batch", p, "--today", "2026-01-05", "-j", "2"];
    let from_file = cli.ok(&batch("portfolio.csv"));
    assert!(from_file.lines().count() > 10);
    let (code, from_stdin, stderr) = piped(&cli, &batch("-"), &read(&cli, "portfolio.csv"));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(String::from_utf8(from_stdin).unwrap(), from_file);

    let ics = [
        "deadlines",
        "northwind-2026.toml",
        "--today",
        "2026-01-05",
        "--format",
        "ics",
    ];
    cli.ok(&[&ics[..], &["-o", "old.ics"]].concat());
    let from_file = cli.ok(&[&ics[..], &["--previous", "old.ics"]].concat());
    let (code, from_stdin, stderr) = piped(
        &cli,
        &[&ics[..], &["--previous", "-"]].concat(),
        &read(&cli, "old.ics"),
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("unchanged"), "{stderr}");
    assert_eq!(String::from_utf8(from_stdin).unwrap(), from_file);
}

/// Issue 18 covered `-o -` for seven commands; these are the others.
#[test]
fn issue_21_dash_o_is_standard_output_for_disclose_and_rulebooks() {
    let cli = Cli::with_examples();
    let commands: [&[&str]; 4] = [
        &["disclose", "northwind-2026.toml"],
        &[
            "explain",
            "bylaws/hemacare",
            "--format",
            "markdown",
            "--today",
            "2026-01-05",
        ],
        &[
            "deadlines",
            "northwind-2026.toml",
            "--today",
            "2026-01-05",
            "--format",
            "html",
        ],
        &["schema", "facts"],
    ];
    for args in commands {
        let plain = cli.ok(args);
        assert!(!plain.is_empty(), "{args:?}");
        if args[0] == "schema" {
            // `schema` has no `-o`: it always prints.
            continue;
        }
        let dashed = [args, &["-o", "-"]].concat();
        assert_eq!(cli.ok(&dashed), plain, "{dashed:?}");
        assert!(!cli.path().join("-").exists(), "{dashed:?} wrote `-`");
    }
}

/// `batch | head -1`: once the reader is gone the run stops, says
/// nothing, and never reaches the portfolio's last row (which is broken,
/// so that reaching it would print an error).
#[test]
fn issue_21_batch_stops_quietly_when_the_reader_goes_away() {
    let cli = Cli::new();
    cli.ok(&["synth-portfolio", "4000", "-o", "big.csv"]);
    let mut csv = std::fs::read_to_string(cli.path().join("big.csv")).unwrap();
    let columns = csv.lines().next().unwrap().split(',').count();
    let mut broken = vec!["Broken Last Row Inc.".to_owned(), "ZZ".to_owned()];
    broken.resize(columns, String::new());
    csv.push_str(&broken.join(","));
    csv.push('\n');
    std::fs::write(cli.path().join("big.csv"), &csv).unwrap();

    // The whole run reports the broken row (the test would notice it).
    let small = Cli::new();
    let last: Vec<&str> = csv.lines().rev().take(3).collect();
    let header = csv.lines().next().unwrap();
    small.file(
        "small.csv",
        &format!("{header}\n{}\n{}\n{}\n", last[2], last[1], last[0]),
    );
    let (code, _, stderr) = small.run(&["batch", "small.csv", "--today", "2026-01-05"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("Broken Last Row"), "{stderr}");

    let mut child = cli
        .cmd(&["batch", "big.csv", "--today", "2026-01-05"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    assert!(first.starts_with("company,"), "{first}");
    drop(out);
    let done = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(done.stderr).unwrap();
    assert_eq!(
        done.status.code(),
        Some(0),
        "a closed pipe is not a failure: {stderr}"
    );
    assert!(
        stderr.is_empty(),
        "no message once the reader is gone (and the last row never reached):\n{stderr}"
    );
}

/// The table of the README's first example as of a day long after it.
fn hemacare_table(cli: &Cli, extra: &[&str]) -> String {
    cli.ok(&[
        &["deadlines", "hemacare-2004.toml", "--today", "2026-12-03"][..],
        extra,
    ]
    .concat())
}

#[test]
fn issue_21_dates_already_past_are_one_line_and_verbose_lists_each() {
    let cli = Cli::with_examples();
    let table = hemacare_table(&cli, &[]);
    let past: Vec<&str> = table
        .lines()
        .filter(|l| l.contains("already past"))
        .collect();
    assert_eq!(past.len(), 1, "{table}");
    let line = past[0];
    assert!(
        line.contains("10 dates of 7 rules are already past on Thu 3 Dec 2026"),
        "{line}"
    );
    assert!(line.contains("`--today DATE`") && line.contains("`--verbose`"));
    // Each rule is still named, and which bound of it is past.
    for id in [
        "sec_regulation_14a/preliminary_proxy_filing (closes)",
        "us_ca_corporations_code/annual_meeting_latest (closes)",
        "us_ca_corporations_code/meeting_notice (opens, closes)",
        "us_ca_corporations_code/record_date (opens, closes)",
        "hemacare_bylaws/nomination_notice (closes)",
    ] {
        assert!(line.contains(id), "{id} missing from {line}");
    }
    // Other warnings keep their own lines.
    assert_eq!(table.matches("falls on a day that is not").count(), 4);
    // The warnings come after the table, under their own heading.
    let warnings = table.find("\nWarnings:\n").expect("a Warnings section");
    assert!(table.find("\nWhy:\n").unwrap() < warnings);

    let verbose = hemacare_table(&cli, &["--verbose"]);
    assert_eq!(
        verbose
            .lines()
            .filter(|l| l.contains("is already past on"))
            .count(),
        10,
        "{verbose}"
    );
    // JSON keeps each warning.
    let json = cli.ok(&[
        "deadlines",
        "hemacare-2004.toml",
        "--today",
        "2026-12-03",
        "--format",
        "json",
    ]);
    assert_eq!(json.matches("is already past on").count(), 10);
}

#[test]
fn issue_21_why_repeats_no_line_within_a_deadline() {
    let cli = Cli::with_examples();
    for (facts, today) in [
        ("northwind-2026.toml", "2026-01-05"),
        ("harborview-2026.toml", "2026-01-05"),
        ("kestrel-2026.toml", "2026-02-20"),
    ] {
        let table = cli.ok(&["deadlines", facts, "--today", today]);
        let why = table
            .split("\nWhy:\n")
            .nth(1)
            .unwrap()
            .split("\n\n")
            .next()
            .unwrap();
        let mut seen = std::collections::HashSet::new();
        for line in why.lines() {
            if !line.starts_with("    ") {
                seen.clear();
                continue;
            }
            assert!(seen.insert(line), "{facts}: repeated {line:?}\n{why}");
        }
    }
    // The anniversary step the issue saw four times is there once.
    let table = cli.ok(&["deadlines", "northwind-2026.toml", "--today", "2026-01-05"]);
    let why = table.split("\nWhy:\n").nth(1).unwrap();
    let block: String = why
        .lines()
        .skip_while(|l| !l.starts_with("  Advance notice of a nomination or other business"))
        .skip(1)
        .take_while(|l| l.starts_with("    "))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(block.contains("northwind_bylaws/advance_notice"), "{why}");
    assert_eq!(
        block
            .matches("the anniversary of the prior annual meeting (Thu 15 May 2025) = ")
            .count(),
        1,
        "{block}"
    );
}

/// `script` quoting: each argument in single quotes.
fn shell_line(args: &[&str]) -> String {
    std::iter::once(env!("CARGO_BIN_EXE_govcal"))
        .chain(args.iter().copied())
        .map(|a| format!("'{}'", a.replace('\'', r"'\''")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs govcal on a pseudo-terminal (stdout and stderr both), with `env`;
/// returns what the terminal showed, line ends as `\n`.
fn on_terminal(cli: &Cli, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &shell_line(args), "/dev/null"])
        .current_dir(cli.path())
        .env_clear()
        .env("TZ", "UTC");
    if let Some(path) = std::env::var_os("PATH") {
        cmd.env("PATH", path);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .expect("util-linux `script` runs govcal on a terminal");
    String::from_utf8(out.stdout).unwrap().replace("\r\n", "\n")
}

#[test]
fn issue_21_long_lines_are_wrapped_on_a_terminal_never_in_a_pipe() {
    let cli = Cli::with_examples();
    let args = ["deadlines", "hemacare-2004.toml", "--today", "2026-12-03"];
    let mut cmd = cli.cmd(&args);
    cmd.env("COLUMNS", "72");
    let piped = String::from_utf8(cmd.output().unwrap().stdout).unwrap();
    assert!(
        piped.lines().any(|l| l.chars().count() > 200),
        "a pipe gets whole lines"
    );
    let shown = on_terminal(&cli, &args, &[("COLUMNS", "72"), ("NO_COLOR", "1")]);
    for line in shown.lines() {
        let words = line.split_whitespace().count();
        // A table's row (columns two spaces apart) is kept whole, as
        // it is in the pipe.
        let row = line.trim().contains("  ");
        assert!(
            line.chars().count() <= 72 || words == 1 || row,
            "longer than the terminal: {line:?}"
        );
        if row {
            assert!(piped.lines().any(|l| l == line), "{line:?}");
        }
    }
    assert!(shown.contains("\nDATE             TIME "), "{shown}");
    // Nothing lost: the same words in the same order.
    let words = |t: &str| t.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(words(&shown), words(&piped));
    assert!(shown.lines().count() > piped.lines().count());
}

#[test]
fn issue_21_color_flag_and_dumb_terminals() {
    let cli = Cli::new();
    cli.file("bad.toml", "[company\n");
    let esc = |s: &str| s.contains('\u{1b}');
    // In a pipe: `always` colours, `auto` and `never` do not.
    let mut cmd = cli.cmd(&["deadlines", "bad.toml", "--color", "always"]);
    cmd.env_remove("NO_COLOR");
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(esc(&String::from_utf8_lossy(&out.stderr)));
    for flag in ["auto", "never"] {
        let mut cmd = cli.cmd(&["deadlines", "bad.toml", "--color", flag]);
        cmd.env_remove("NO_COLOR");
        assert!(!esc(&String::from_utf8_lossy(
            &cmd.output().unwrap().stderr
        )));
    }
    // Before the subcommand too, and for clap's own errors.
    let mut cmd = cli.cmd(&["--color=always", "deadlines", "--bogus"]);
    cmd.env_remove("NO_COLOR");
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(esc(&String::from_utf8_lossy(&out.stderr)));

    // On a terminal: colour by default, none with `TERM=dumb`, `NO_COLOR`
    // or `--color never`.
    let args = ["deadlines", "bad.toml"];
    assert!(esc(&on_terminal(&cli, &args, &[("TERM", "xterm")])));
    assert!(!esc(&on_terminal(&cli, &args, &[("TERM", "dumb")])));
    assert!(!esc(&on_terminal(
        &cli,
        &args,
        &[("TERM", "xterm"), ("NO_COLOR", "1")]
    )));
    assert!(!esc(&on_terminal(
        &cli,
        &["deadlines", "bad.toml", "--color", "never"],
        &[("TERM", "xterm")]
    )));
}

#[test]
fn issue_21_bom_marks_csv_for_excel() {
    let cli = Cli::with_examples();
    let bom = [0xEF, 0xBB, 0xBF];
    for args in [
        &[
            "deadlines",
            "northwind-2026.toml",
            "--today",
            "2026-01-05",
            "--format",
            "csv",
        ][..],
        &["batch", "portfolio.csv", "--today", "2026-01-05"][..],
    ] {
        let (code, plain, stderr) = cli.run_bytes(args);
        assert_eq!(code, 0, "{stderr}");
        assert!(!plain.starts_with(&bom));
        assert!(String::from_utf8_lossy(&plain).contains('§'));
        let (code, marked, stderr) = cli.run_bytes(&[args, &["--bom"]].concat());
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(marked[..3], bom, "{args:?}");
        assert_eq!(marked[3..], plain[..], "{args:?}");
        // Into a file as well.
        cli.ok(&[args, &["--bom", "-o", "out.csv"]].concat());
        assert_eq!(std::fs::read(cli.path().join("out.csv")).unwrap(), marked);
    }
    let (code, _, stderr) = cli.run(&[
        "deadlines",
        "northwind-2026.toml",
        "--format",
        "json",
        "--bom",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--format csv"), "{stderr}");
}

/// A relative path inside what `-` read (the facts' `rules`, a portfolio's
/// `profile` column) is looked up from the working directory: a failure
/// says so, names that directory, and says how to fix it.
#[test]
fn issue_21_a_relative_path_read_from_standard_input_says_where_it_was_looked_for() {
    let cli = Cli::new();
    std::fs::create_dir(cli.path().join("examples")).unwrap();
    for f in std::fs::read_dir(crate::util::manifest_path("examples")).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), cli.path().join("examples").join(f.file_name())).unwrap();
    }
    let folder = cli.path().canonicalize().unwrap().display().to_string();
    let facts = read(&cli, "examples/northwind-2026.toml");
    let (code, stdout, stderr) = piped(&cli, &["deadlines", "-"], &facts);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    for part in [
        "failed to read `northwind-bylaws.toml`",
        "the `rules` of the facts read from standard input",
        "looked up from the working directory",
        &folder,
        "help: run govcal from the file's folder, or give the facts file's path instead of `-`",
    ] {
        assert!(stderr.contains(part), "no {part:?} in\n{stderr}");
    }
    // From the file's folder, as the help says, it runs.
    let mut cmd = cli.cmd(&["deadlines", "-", "--today", "2026-01-05"]);
    cmd.current_dir(cli.path().join("examples"));
    let (code, _, stderr) = with_stdin(cmd, &facts);
    assert_eq!(code, 0, "{stderr}");

    let portfolio = read(&cli, "examples/portfolio.csv");
    let (code, _, stderr) = piped(&cli, &["batch", "-", "--today", "2026-01-05"], &portfolio);
    assert_eq!(code, 1, "{stderr}");
    let first = stderr
        .lines()
        .find(|l| l.contains("column `profile`"))
        .unwrap();
    for part in [
        "the `profile` column of a portfolio read from standard input",
        "looked up from the working directory",
        &folder,
    ] {
        assert!(first.contains(part), "no {part:?} in\n{stderr}");
    }
    assert!(
        stderr.contains(
            "help: run govcal from the file's folder, or give the portfolio's path instead of `-`"
        ),
        "{stderr}"
    );
}

/// Diagnostics follow the rule of standard output, judged on standard
/// error: whole lines into a pipe or a file (once broken at 100 columns),
/// wrapped to the width on a terminal.
#[test]
fn issue_21_diagnostics_are_wrapped_on_a_terminal_never_in_a_pipe() {
    let cli = Cli::with_examples();
    let args = [
        "deadlines",
        "northwind-2026.toml",
        "--record-date",
        "2026-05-20",
    ];
    let whole = |stderr: &str| {
        stderr
            .lines()
            .any(|l| l.contains("is after `meeting`") && l.contains("northwind-2026.toml:18:11)"))
    };
    let mut cmd = cli.cmd(&args);
    cmd.env("COLUMNS", "60");
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let piped = String::from_utf8(out.stderr).unwrap();
    assert!(whole(&piped), "a pipe gets whole lines:\n{piped}");
    assert!(piped.lines().any(|l| l.chars().count() > 100), "{piped}");

    let shown = on_terminal(&cli, &args, &[("COLUMNS", "60"), ("NO_COLOR", "1")]);
    assert!(!whole(&shown), "{shown}");
    for line in shown.lines() {
        assert!(
            line.chars().count() <= 60,
            "longer than the terminal: {line:?}"
        );
    }
    // Nothing lost: the same characters, but for the breaks and the
    // margin miette draws before a message's next lines.
    let squash = |t: &str| -> String {
        t.chars()
            .filter(|c| !c.is_whitespace() && *c != '│')
            .collect()
    };
    assert_eq!(squash(&shown), squash(&piped));

    // Standard output on a terminal, standard error into a file: whole.
    let mut cmd = Command::new("script");
    cmd.args([
        "-qec",
        &format!("{} 2>err.txt", shell_line(&args)),
        "/dev/null",
    ])
    .current_dir(cli.path())
    .env_clear()
    .env("TZ", "UTC")
    .env("NO_COLOR", "1")
    .env("COLUMNS", "60");
    if let Some(path) = std::env::var_os("PATH") {
        cmd.env("PATH", path);
    }
    cmd.stdin(Stdio::null()).output().unwrap();
    let file = String::from_utf8(read(&cli, "err.txt")).unwrap();
    assert!(whole(&file), "{file}");
}
