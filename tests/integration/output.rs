//! Writing output files (issue 18 §3): `-o -` is standard output; a device
//! or FIFO is written in place and its write errors count; a symbolic link
//! is followed and the file it names replaced atomically; an interrupted run
//! leaves no temporary file, and a killed run's is removed by the next.
//!
//! Devices are reached through symbolic links in the test's own folder:
//! these tests may run as root, and a regression that renamed over
//! `/dev/null` itself would break the machine instead of failing a test.

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::limits::capped_to;
use crate::util::Cli;

const SEED_2004: &str = "tests/fixtures/filings/hemacare-8k-2004-02-27.txt";
const EASTMAN: &str = "tests/fixtures/filings/eastman-def14a-2026.htm";
const HEMACARE: [&str; 6] = [
    "deadlines",
    "hemacare-2004.toml",
    "--today",
    "2004-02-27",
    "--format",
    "csv",
];

/// The hidden files in `dir` (a temporary file is `.NAME.PID.tmp`).
fn hidden(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

fn with(args: &[&str], more: &[&'static str]) -> Vec<String> {
    args.iter().chain(more).map(ToString::to_string).collect()
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn issue_18_dash_is_standard_output_for_every_command_that_takes_o() {
    let cli = Cli::with_examples();
    cli.copy(SEED_2004).copy(EASTMAN);
    let commands: [&[&str]; 9] = [
        &HEMACARE,
        &[
            "deadlines",
            "hemacare-2004.toml",
            "--today",
            "2004-02-27",
            "--format",
            "ics",
        ],
        &["explain", "hemacare-2004.toml", "--today", "2004-02-27"],
        &[
            "diff",
            "northwind-bylaws.toml",
            "northwind-amended-bylaws.toml",
            "northwind-2026.toml",
        ],
        &["extract", "hemacare-8k-2004-02-27.txt"],
        &["verify", "eastman-def14a-2026.htm", "--today", "2026-04-01"],
        &["batch", "portfolio.csv", "--today", "2026-01-05"],
        &[
            "batch",
            "portfolio.csv",
            "--today",
            "2026-01-05",
            "--format",
            "ics",
        ],
        &["synth-portfolio", "10"],
    ];
    for args in commands {
        let (code, plain, _) = cli.run_bytes(args);
        let dashed = with(args, &["-o", "-"]);
        let (code_dashed, out, stderr) = cli.run_bytes(&strs(&dashed));
        assert_eq!((code_dashed, &out), (code, &plain), "{dashed:?}: {stderr}");
        assert!(!plain.is_empty(), "{args:?}");
        assert!(
            !cli.path().join("-").exists(),
            "{dashed:?} wrote a file `-`"
        );
    }
}

#[test]
fn issue_18_a_device_is_written_in_place_and_a_full_one_is_an_error() {
    let cli = Cli::with_examples();
    std::os::unix::fs::symlink("/dev/null", cli.path().join("null")).unwrap();
    std::os::unix::fs::symlink("/dev/full", cli.path().join("full")).unwrap();
    let to_null = with(&HEMACARE, &["-o", "null"]);
    let (code, _, stderr) = cli.run(&strs(&to_null));
    assert_eq!(code, 0, "{stderr}");
    // Renamed over, the link would now be a regular file.
    let link = std::fs::symlink_metadata(cli.path().join("null")).unwrap();
    assert!(link.file_type().is_symlink());
    assert!(
        std::fs::metadata(cli.path().join("null"))
            .unwrap()
            .file_type()
            .is_char_device()
    );
    for args in [
        with(&HEMACARE, &["-o", "full"]),
        vec![
            "batch".into(),
            "portfolio.csv".into(),
            "--today".into(),
            "2026-01-05".into(),
            "-o".into(),
            "full".into(),
        ],
        vec![
            "synth-portfolio".into(),
            "1000".into(),
            "-o".into(),
            "full".into(),
        ],
    ] {
        let (code, _, stderr) = cli.run(&strs(&args));
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(
            stderr.contains("error: failed to write `full`: No space left on device"),
            "{args:?}: {stderr}"
        );
        assert!(
            std::fs::symlink_metadata(cli.path().join("full"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
    assert_eq!(hidden(cli.path()), Vec::<String>::new());
}

#[test]
fn issue_18_a_fifo_is_written_in_place() {
    let cli = Cli::with_examples();
    let fifo = cli.path().join("pipe.csv");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    let (code, _, stderr) = cli.run(&strs(&with(&HEMACARE, &["-o", "pipe.csv"])));
    assert_eq!(code, 0, "{stderr}");
    // Before waiting for the reader: had the FIFO been renamed over, the
    // reader would wait for a writer for ever.
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo(),
        "the FIFO was replaced"
    );
    let read = reader.join().unwrap();
    assert_eq!(read, cli.run_bytes(&HEMACARE).1);
    assert_eq!(hidden(cli.path()), Vec::<String>::new());
}

#[test]
fn issue_18_a_symlink_is_followed_and_its_file_replaced() {
    let cli = Cli::with_examples();
    let expected = cli.run_bytes(&HEMACARE).1;
    let real = cli.path().join("shared/deadlines.csv");
    std::fs::create_dir_all(real.parent().unwrap()).unwrap();
    std::fs::write(&real, "old\n").unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("shared/deadlines.csv", cli.path().join("link.csv")).unwrap();
    let (code, _, stderr) = cli.run(&strs(&with(&HEMACARE, &["-o", "link.csv"])));
    assert_eq!(code, 0, "{stderr}");
    let link = cli.path().join("link.csv");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&real).unwrap(), expected);
    let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "the replaced file keeps its permissions");
    // A link to a file not written yet: the file is created where it points.
    std::os::unix::fs::symlink("shared/new.csv", cli.path().join("new.csv")).unwrap();
    cli.ok(&strs(&with(&HEMACARE, &["-o", "new.csv"])));
    assert_eq!(
        std::fs::read(cli.path().join("shared/new.csv")).unwrap(),
        expected
    );
    assert_eq!(hidden(cli.path()), Vec::<String>::new());
    assert_eq!(hidden(&cli.path().join("shared")), Vec::<String>::new());
}

#[test]
fn issue_18_the_temporary_file_goes_beside_the_file_a_link_names() {
    // A link to a file on another file system: a temporary file beside
    // the link could not be renamed onto it (EXDEV).
    use std::os::unix::fs::MetadataExt;
    let cli = Cli::with_examples();
    let shm = Path::new("/dev/shm");
    let Ok(m) = std::fs::metadata(shm) else {
        return;
    };
    if m.dev() == std::fs::metadata(cli.path()).unwrap().dev() {
        return;
    }
    let dir = tempfile::tempdir_in(shm).unwrap();
    let real = dir.path().join("out.csv");
    std::os::unix::fs::symlink(&real, cli.path().join("out.csv")).unwrap();
    let (code, _, stderr) = cli.run(&strs(&with(&HEMACARE, &["-o", "out.csv"])));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(std::fs::read(&real).unwrap(), cli.run_bytes(&HEMACARE).1);
    assert_eq!(hidden(dir.path()), Vec::<String>::new());
}

/// Starts `govcal batch` on a portfolio of 20,000 made-up companies
/// writing one calendar to `all.ics`, waits until its temporary file
/// exists, sends `signal`, and returns the exit code.
fn interrupted_batch(cli: &Cli, signal: &str) -> i32 {
    cli.ok(&["synth-portfolio", "20000", "-o", "big.csv"]);
    let mut child = cli
        .cmd(&[
            "batch",
            "big.csv",
            "--format",
            "ics",
            "--today",
            "2026-01-05",
            "-o",
            "all.ics",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let tmp = cli.path().join(format!(".all.ics.{}.tmp", child.id()));
    let start = Instant::now();
    while !tmp.exists() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the batch ended before it was interrupted"
        );
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no temporary file"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    let sent = Command::new("kill")
        .args([format!("-{signal}"), child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code().unwrap_or_else(|| panic!("killed: {status}"));
        }
        if start.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("govcal batch did not stop on SIG{signal}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn issue_18_sigterm_and_sigint_remove_the_temporary_file() {
    for (signal, code) in [("TERM", 143), ("INT", 130)] {
        let cli = Cli::new();
        assert_eq!(interrupted_batch(&cli, signal), code, "SIG{signal}");
        assert_eq!(hidden(cli.path()), Vec::<String>::new(), "SIG{signal}");
        assert!(!cli.path().join("all.ics").exists(), "SIG{signal}");
    }
}

/// The id of a process that has ended.
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    assert!(!Path::new(&format!("/proc/{pid}")).exists());
    pid
}

#[test]
fn issue_18_a_killed_runs_temporary_file_is_removed_by_the_next_run() {
    let cli = Cli::with_examples();
    let dead = dead_pid();
    let alive = std::process::id();
    let planted = [
        (format!(".out.csv.{dead}.tmp"), false),
        (format!(".out.csv.{dead}.events.tmp"), false),
        // A run still writing: left alone.
        (format!(".out.csv.{alive}.tmp"), true),
        // Another file's, or not govcal's: left alone.
        (format!(".other.csv.{dead}.tmp"), true),
        (format!(".out.csv.{dead}.bak"), true),
    ];
    for (name, _) in &planted {
        std::fs::write(cli.path().join(name), "half a file").unwrap();
    }
    cli.ok(&strs(&with(&HEMACARE, &["-o", "out.csv"])));
    for (name, kept) in &planted {
        assert_eq!(cli.path().join(name).exists(), *kept, "{name}");
    }
    // One calendar per company: the folder is swept once.
    let stale = format!(".northwind-corp.2026.ics.{dead}.tmp");
    cli.file(&format!("cals/{stale}"), "half a calendar");
    cli.ok(&[
        "batch",
        "portfolio.csv",
        "--today",
        "2026-01-05",
        "--format",
        "ics",
        "--output-dir",
        "cals",
    ]);
    assert_eq!(hidden(&cli.path().join("cals")), Vec::<String>::new());
}

#[test]
fn issue_18_synth_portfolio_streams_what_it_makes() {
    // 50 million companies are some 6.5 GB of CSV, which the generator
    // used to build in memory first. Now the first megabyte comes at once,
    // and a closed pipe ends the run quietly.
    let cli = Cli::new();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -v 262144 && exec "$0" "$@""#)
        .arg(env!("CARGO_BIN_EXE_govcal"))
        .args(["synth-portfolio", "50000000"])
        .current_dir(cli.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = vec![0; 1 << 20];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    assert!(first.starts_with(b"name,state,"));
    drop(child.stdout.take());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("synth-portfolio went on after its reader left");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0), "{status}");
    // To a file, in flat memory: a million companies (132 MB) under 128 MiB
    // of address space.
    let (code, _, stderr) = capped_to(
        &cli,
        128 << 10,
        &["synth-portfolio", "1000000", "-o", "big.csv"],
    );
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(cli.path().join("big.csv")).unwrap();
    assert_eq!(text.lines().count(), 1_000_001);
    assert!(text.ends_with('\n'));
    assert_eq!(hidden(cli.path()), Vec::<String>::new());
}
