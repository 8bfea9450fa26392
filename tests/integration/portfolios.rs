//! Portfolios a careless or hostile user might give `govcal batch` (#18):
//! a quote never closed, a column named twice, a row short of cells, a row
//! that is not UTF-8, `/dev/zero` and binary files, rows and cells past
//! their limits. Each is an error at its row (and column), with exit 1;
//! none hangs, none is read whole.

use std::time::{Duration, Instant};

use crate::util::{Cli, assert_diagnostic};

const TODAY: &str = "2026-01-05";

/// `govcal batch FILE`: (exit code, stderr), after at most `secs` seconds.
fn batch(cli: &Cli, file: &str, secs: u64) -> (i32, String) {
    let start = Instant::now();
    let (code, _, err) = cli.run(&["batch", file, "--today", TODAY, "-o", "out.csv"]);
    assert!(
        start.elapsed() < Duration::from_secs(secs),
        "`batch {file}` took {:?}",
        start.elapsed()
    );
    (code, err)
}

/// The `error: ` lines of a run.
fn errors(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.starts_with("error: ")).collect()
}

#[test]
fn issue_18_a_quote_never_closed_is_an_error_where_it_opened_and_the_next_rows_run() {
    // See #18: the name's quote swallowed the rest of the file into one
    // company, and the summary said "0 rows failed".
    let cli = Cli::new();
    cli.file(
        "p.csv",
        "meeting,name,state\n\
         2026-05-01,\"Acme,DE\n\
         2026-05-02,Beta,DE\n\
         2026-05-03,Gamma,DE\n",
    );
    let (code, err) = batch(&cli, "p.csv", 10);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        errors(&err),
        [
            "error: p.csv row 2: column `name`: the quote opened at line 2, column 12 is never closed, so the rest of the file would be one cell"
        ],
        "{err}"
    );
    assert!(err.contains("help: close the quote"), "{err}");
    assert!(
        err.ends_with("govcal batch: 2 companies, 1 row failed\n"),
        "{err}"
    );
    let out = std::fs::read_to_string(cli.path().join("out.csv")).unwrap();
    assert!(out.contains("\nBeta,") && out.contains("\nGamma,"), "{out}");
}

#[test]
fn issue_18_a_column_named_twice_is_refused_at_the_header_naming_both() {
    // See #18: the first `name` won, the last `meeting`.
    let cli = Cli::new();
    cli.file(
        "p.csv",
        "name,state,meeting,name,Meeting\nA,DE,2026-05-01,Z,2026-06-01\n",
    );
    let (code, err) = batch(&cli, "p.csv", 10);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(
        &err,
        "p.csv:1:20",
        &["column `name` is named twice: columns 1 and 4"],
    );
    assert_diagnostic(
        &err,
        "p.csv:1:25",
        &["column `Meeting` is named twice: columns 3 and 5"],
    );
    assert!(err.ends_with("error: found 2 problems\n"), "{err}");
    assert!(!cli.path().join("out.csv").exists());
    // Two names for one column: `company` is `name`.
    cli.file("q.csv", "name,meeting,company\nA,2026-05-01,Z\n");
    let (code, err) = batch(&cli, "q.csv", 10);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(
        &err,
        "q.csv:1:14",
        &["column 3 `company` is column 1 `name` again, under another name"],
    );
}

#[test]
fn issue_18_a_row_short_of_cells_is_an_error_like_one_with_too_many() {
    let cli = Cli::new();
    cli.file(
        "p.csv",
        "name,state,meeting\nA,DE\nB,DE,2026-05-01,x\nC,DE,2026-05-01\n",
    );
    let (code, err) = batch(&cli, "p.csv", 10);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        errors(&err),
        [
            "error: p.csv row 2 (A): the row has 2 cells but the header names 3 columns: no cell for `meeting`",
            "error: p.csv row 3 (B): the row has 4 cells but the header names 3 columns",
        ],
        "{err}"
    );
    assert!(
        err.ends_with("govcal batch: 1 company, 2 rows failed\n"),
        "{err}"
    );
}

#[test]
fn issue_18_a_row_that_is_not_utf8_says_so_with_its_place_and_how_to_save_it() {
    let cli = Cli::new();
    cli.file("p.csv", "");
    std::fs::write(
        cli.path().join("p.csv"),
        b"name,state,meeting\nCaf\xe9 Inc.,DE,2026-05-01\nB,DE,2026-05-01\n",
    )
    .unwrap();
    let (code, err) = batch(&cli, "p.csv", 10);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        errors(&err),
        [
            "error: p.csv row 2: column `name`: not UTF-8 text: byte 0xE9 at line 2, column 4 (offset 22 in the file)"
        ],
        "{err}"
    );
    assert!(err.contains("help: save the file as UTF-8"), "{err}");
    assert!(!err.contains("quote a cell"), "{err}");
    assert!(
        err.ends_with("govcal batch: 1 company, 1 row failed\n"),
        "{err}"
    );
}

#[test]
fn issue_18_a_date_outside_the_calendars_is_said_once() {
    // See #18: `… covers 1990–2050, not 2099: … covers 1990–2050, not 2099`.
    let cli = Cli::new();
    cli.file("p.csv", "name,state,meeting\nA,DE,2099-05-01\n");
    let (code, err) = batch(&cli, "p.csv", 10);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        errors(&err),
        [
            "error: p.csv row 2 (A): `meeting` (2099-05-01, in column `meeting`) is outside the years calendar `sec_business_days` covers, 1990–2050"
        ],
        "{err}"
    );
    assert_eq!(
        err.matches("2099").count(),
        2,
        "once in the error, once in the help: {err}"
    );
    assert!(err.contains("  help: check the year: rule `sec_filings/voting_results_8k` needs the calendar's holidays for 2099\n"), "{err}");
}

#[cfg(unix)]
#[test]
fn issue_18_dev_zero_is_not_a_csv_file_and_ends_at_once() {
    // See #18: this aborted on a 4 GB allocation.
    let cli = Cli::new();
    let (code, err) = batch(&cli, "/dev/zero", 10);
    assert_eq!(code, 1, "{err}");
    assert_diagnostic(&err, "/dev/zero:1:1", &["not a CSV file: a NUL byte here"]);
    assert!(err.len() < 2000, "{err}");
}

#[test]
fn issue_18_a_binary_file_ends_at_its_first_nul_and_a_row_without_end_at_its_limit() {
    // See #18: a 20 MB binary file as a portfolio hung.
    let cli = Cli::new();
    cli.file("p.csv", "");
    let mut bytes = b"name,meeting\nA,2026-05-01\n".to_vec();
    let mut x: u32 = 1;
    bytes.extend((0..4_000_000).map(|_| {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        x.to_be_bytes()[1]
    }));
    std::fs::write(cli.path().join("p.csv"), &bytes).unwrap();
    let (code, err) = batch(&cli, "p.csv", 10);
    assert_eq!(code, 1, "{err}");
    // A few lines of noise may come before the first NUL byte.
    let lines = errors(&err);
    assert!(lines.len() < 10, "{err}");
    assert!(
        lines
            .last()
            .unwrap()
            .contains(": not a CSV file: a NUL byte at line "),
        "{err}"
    );
    assert!(err.contains("govcal batch: 1 company, "), "{err}");
    // No NUL and no line break: the row stops at 1 MiB, not at the end.
    let mut long = b"name,meeting\n".to_vec();
    long.extend(std::iter::repeat_n(b'x', 8 << 20));
    std::fs::write(cli.path().join("p.csv"), &long).unwrap();
    let (code, err) = batch(&cli, "p.csv", 10);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        errors(&err),
        [
            "error: p.csv row 2: column `name`: the cell at line 2, column 1 is longer than 64 KiB, the limit for a cell; the rest of the file is not read"
        ],
        "{err}"
    );
    assert!(err.len() < 2000, "{err}");
    let mut wide = b"name,meeting\n".to_vec();
    for _ in 0..2048 {
        wide.extend(std::iter::repeat_n(b'x', 1023));
        wide.push(b',');
    }
    std::fs::write(cli.path().join("p.csv"), &wide).unwrap();
    let (code, err) = batch(&cli, "p.csv", 10);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        errors(&err),
        [
            "error: p.csv row 2: the row is longer than 1 MiB, the limit for a row; the rest of the file is not read"
        ],
        "{err}"
    );
}
