//! Size limits on input files (issue 18 §2): each kind of input is read
//! only up to its limit, and a file over it is refused with its name, its
//! size when known, the limit and what to do. Endless inputs such as
//! `/dev/zero` stop at the limit instead of filling memory.
//!
//! Each run here is given a 1 GiB address-space limit (`ulimit -v`), so that
//! a reader that reads everything first fails fast instead of taking the
//! machine's memory.

use std::process::Command;

use crate::util::{Cli, assert_diagnostic};

/// Runs `govcal ARGS` in `cli`'s directory with at most 1 GiB of address
/// space; returns (exit code, stderr).
fn capped(cli: &Cli, args: &[&str]) -> (i32, String) {
    let (code, _, stderr) = capped_to(cli, 1 << 20, args);
    (code, stderr)
}

/// Runs `govcal ARGS` in `cli`'s directory with at most `kib` KiB of
/// address space; returns (exit code, stdout, stderr).
pub(crate) fn capped_to(cli: &Cli, kib: u64, args: &[&str]) -> (i32, String, String) {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!(r#"ulimit -v {kib} && exec "$0" "$@""#))
        .arg(env!("CARGO_BIN_EXE_govcal"))
        .args(args)
        .current_dir(cli.path())
        .env_clear()
        .env("NO_COLOR", "1")
        .env("TZ", "UTC");
    if let Some(path) = std::env::var_os("PATH") {
        cmd.env("PATH", path);
    }
    let out = cmd.output().expect("run govcal");
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("govcal {args:?} was killed: {}\n{stderr}", out.status));
    assert!(!stderr.contains("panicked"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    (code, stdout, stderr)
}

/// A file of `len` bytes that takes no room on disk (a sparse file).
fn sparse(cli: &Cli, name: &str, len: u64) {
    let f = std::fs::File::create(cli.path().join(name)).unwrap();
    f.set_len(len).unwrap();
}

const MIB: u64 = 1 << 20;

#[test]
fn issue_18_dev_zero_as_a_facts_file_stops_at_the_limit() {
    let cli = Cli::new();
    let (code, stderr) = capped(&cli, &["deadlines", "/dev/zero"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr
            .starts_with("error: `/dev/zero` is larger than a facts file may be (at most 4 MiB)\n"),
        "{stderr}"
    );
    assert!(stderr.contains("help: is this the right file?"), "{stderr}");
}

#[test]
fn issue_18_dev_zero_as_previous_calendar_stops_at_the_limit() {
    let cli = Cli::with_examples();
    let (code, stderr) = capped(
        &cli,
        &[
            "deadlines",
            "northwind-2026.toml",
            "--format",
            "ics",
            "--previous",
            "/dev/zero",
        ],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.starts_with(
            "error: `/dev/zero` is larger than a `--previous` calendar may be (at most 64 MiB)\n"
        ),
        "{stderr}"
    );
}

#[test]
fn issue_18_a_filing_over_the_limit_is_refused_with_its_size() {
    let cli = Cli::new();
    sparse(&cli, "huge.txt", 100 * MIB);
    for args in [
        &["extract", "huge.txt"][..],
        &["deadlines", "--from-filing", "huge.txt"],
        &["verify", "huge.txt"],
    ] {
        let (code, stderr) = capped(&cli, args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(
            stderr.starts_with(
                "error: `huge.txt` is 100 MiB, larger than a filing may be (at most 64 MiB)\n"
            ),
            "{args:?}: {stderr}"
        );
        assert!(
            stderr.contains("help: is this the filing's text?"),
            "{stderr}"
        );
    }
    // A stream is read up to the limit, and no further.
    let (code, stderr) = capped(&cli, &["extract", "/dev/zero"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("`/dev/zero` is larger than a filing may be (at most 64 MiB)"),
        "{stderr}"
    );
}

#[test]
fn issue_18_packs_and_facts_files_over_their_limits_are_refused() {
    let cli = Cli::with_examples();
    sparse(&cli, "pack.toml", 17 * MIB);
    sparse(&cli, "facts.toml", 5 * MIB);
    let (code, stderr) = capped(&cli, &["check", "pack.toml"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("`pack.toml` is 17 MiB, larger than a rule pack may be (at most 16 MiB)"),
        "{stderr}"
    );
    let (code, stderr) = capped(
        &cli,
        &["deadlines", "northwind-2026.toml", "--rules", "pack.toml"],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("larger than a rule pack may be"),
        "{stderr}"
    );
    for args in [&["deadlines", "facts.toml"][..], &["explain", "facts.toml"]] {
        let (code, stderr) = capped(&cli, args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(
            stderr
                .contains("`facts.toml` is 5 MiB, larger than a facts file may be (at most 4 MiB)"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn issue_18_invalid_utf8_in_a_facts_file_is_located() {
    let cli = Cli::new();
    std::fs::write(
        cli.path().join("cafe.toml"),
        b"[company]\nname = \"Caf\xe9 Holdings\"\nstate = \"DE\"\n\n[facts]\nmeeting = 2026-05-14\n",
    )
    .unwrap();
    let (code, _, stderr) = cli.run(&["deadlines", "cafe.toml"]);
    assert_eq!(code, 1, "{stderr}");
    assert_diagnostic(
        &stderr,
        "cafe.toml:2:12",
        &[
            "not UTF-8 text (byte 0xE9): a facts file must be UTF-8",
            "help: save the file as UTF-8",
        ],
    );
    // The same in a pack.
    std::fs::write(
        cli.path().join("pack.toml"),
        b"[pack]\nid = \"x\"\ntitle = \"\xff\"\n",
    )
    .unwrap();
    let (code, _, stderr) = cli.run(&["check", "pack.toml"]);
    assert_eq!(code, 1, "{stderr}");
    assert_diagnostic(
        &stderr,
        "pack.toml:3:10",
        &["not UTF-8 text (byte 0xFF): a rule pack must be UTF-8"],
    );
}

#[test]
fn issue_18_a_large_text_filing_is_read_in_a_few_times_its_size() {
    // 16 MB of prose, read under 256 MiB of address space. Kept as a list
    // of (character, offset) pairs and two maps of 8 bytes per byte, it
    // took about 38 bytes a byte (a 100 MB filing asked for 3.8 GB); with
    // 4-byte offsets, 21. Now the map of offsets is kept as runs and lines
    // go into sentences as they are read: about 6 bytes a byte.
    let cli = Cli::new();
    let para = "The Board of Directors has fixed the close of business on April 1, 2004 as the \
                record date for the determination of shareholders entitled to notice of and to \
                vote at the meeting. Shareholders are urged to read the proxy statement.\n\n";
    let mut text = String::from("The Annual Meeting will be held on May 25, 2004.\n\n");
    while text.len() < 16_000_000 {
        text.push_str(para);
    }
    // And a paragraph of 1 MB with no sentence end in it, which used to be
    // read word by word as one sentence.
    for _ in 0..12_000 {
        text.push_str("shareholders of record may vote in person or by proxy at the meeting\n");
    }
    std::fs::write(cli.path().join("big.txt"), &text).unwrap();
    let (code, stdout, stderr) = capped_to(&cli, 256 << 10, &["extract", "big.txt"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("\nmeeting = 2004-05-25\n"), "{stdout}");
    assert!(stdout.contains("record_date = 2004-04-01"), "{stdout}");
}

#[test]
fn issue_18_html_made_of_brackets_is_read_in_linear_time() {
    // 2 MB of `<`: each looked for its `>` through the rest of the file,
    // so 400,000 of them took 13 s (release build) and 2 million 25 times
    // that. Read once, they take about a second here (debug build).
    let cli = Cli::new();
    for (name, run) in [("open.htm", "<"), ("unclosed.htm", "<a")] {
        let html = format!(
            "<html><body><p>The Annual Meeting will be held on May 25, 2004.</p>{}</body></html>",
            run.repeat(2_000_000 / run.len())
        );
        std::fs::write(cli.path().join(name), html).unwrap();
        let mut child = cli
            .cmd(&["extract", name])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let start = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > std::time::Duration::from_secs(60) {
                child.kill().unwrap();
                child.wait().unwrap();
                panic!("{name}: `extract` still running after 60 s");
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        };
        assert!(status.success(), "{name}: {status}");
    }
}

#[test]
fn issue_18_batch_refuses_more_threads_than_it_can_use() {
    // `-j 100000` used to hang starting threads.
    let cli = Cli::with_examples();
    let start = std::time::Instant::now();
    let (code, _, stderr) = cli.run(&["batch", "portfolio.csv", "-j", "100000"]);
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.starts_with("error: `--jobs 100000`: at most 256 threads"),
        "{stderr}"
    );
    assert!(
        stderr.contains("help: leave `--jobs` out to use one thread per core"),
        "{stderr}"
    );
    // The most is still allowed.
    let (code, out, stderr) = cli.run(&[
        "batch",
        "portfolio.csv",
        "--today",
        "2026-01-05",
        "-j",
        "256",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(out.starts_with("company,"), "{out}");
}

#[test]
fn issue_18_a_folder_portfolios_facts_files_are_read_within_the_limit() {
    let cli = Cli::with_examples();
    let text = std::fs::read_to_string(cli.path().join("northwind-2026.toml"))
        .unwrap()
        .replace("rules = [\"", "rules = [\"../");
    cli.file("folder/b-northwind.toml", &text);
    std::fs::create_dir_all(cli.path().join("folder")).unwrap();
    sparse(&cli, "folder/a-huge.toml", 5 * MIB);
    std::fs::write(
        cli.path().join("folder/c-latin1.toml"),
        b"[company]\nname = \"Caf\xe9\"\n[facts]\nmeeting = 2026-05-14\n",
    )
    .unwrap();
    let (code, stdout, stderr) =
        capped_to(&cli, 1 << 20, &["batch", "folder", "--today", "2026-01-05"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(
            "error: folder/a-huge.toml: `folder/a-huge.toml` is 5 MiB, larger than a facts file may be (at most 4 MiB)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("folder/c-latin1.toml:2:12: not UTF-8 text (byte 0xE9)"),
        "{stderr}"
    );
    assert!(stdout.contains("Northwind"), "{stdout}");
    assert!(stderr.contains("1 company, 2 rows failed"), "{stderr}");
}
