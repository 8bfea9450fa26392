//! Smaller faults found by trying govcal as a careless user would (issue
//! #18, §6): repeated reminders, reminders for a table, an implausible
//! `--today`, colour on a dumb terminal, and a date that does not exist in
//! a filing. (`SEQUENCE` at its limit is in `calendar_update`.)

use crate::util::Cli;

const QUERY: [&str; 6] = [
    "deadlines",
    "--only",
    "sec",
    "--meeting",
    "2026-05-14",
    "--prior-meeting=2025-05-15",
];

#[test]
fn a_repeated_reminder_is_refused() {
    for alarms in ["14d,14d", "2w,14d", "1d, 24h"] {
        let (code, out, err) =
            Cli::new().run(&[&QUERY[..], &["--format", "ics", "--alarm", alarms]].concat());
        assert_eq!((code, out.as_str()), (2, ""), "{alarms}: {err}");
        assert!(err.contains("the same reminder"), "{alarms}: {err}");
        assert!(err.contains("give each reminder once"), "{err}");
    }
    // Different ones are kept, each once.
    let out = Cli::new().ok(&[&QUERY[..], &["--format", "ics", "--alarm", "14d,1d"]].concat());
    let first = &out[out.find("BEGIN:VEVENT").unwrap()..out.find("END:VEVENT").unwrap()];
    assert_eq!(first.matches("BEGIN:VALARM").count(), 2, "{first}");
}

#[test]
fn reminders_without_a_calendar_are_refused_not_ignored() {
    for format in ["table", "json", "csv"] {
        let (code, out, err) =
            Cli::new().run(&[&QUERY[..], &["--format", format, "--alarm", "14d"]].concat());
        assert_eq!((code, out.as_str()), (2, ""), "{format}: {err}");
        assert!(err.contains("`--alarm` sets calendar reminders"), "{err}");
        assert!(err.contains("--format ics"), "{err}");
    }
}

/// `--today 9999-12-31` is taken as asked, but said to be outside the
/// calendars' years (1990–2050), in the table, in JSON and for a batch.
#[test]
fn a_today_outside_the_calendars_is_warned_about() {
    let warning = "outside the years govcal's holiday calendars cover (1990–2050)";
    let cli = Cli::new();
    let out = cli.ok(&[&QUERY[..], &["--today", "9999-12-31"]].concat());
    assert!(out.contains(warning), "{out}");
    let doc = cli.json(&[&QUERY[..], &["--today", "9999-12-31", "--format", "json"]].concat());
    assert!(doc["warnings"].to_string().contains(warning), "{doc}");
    // Within the years: no such warning.
    let out = cli.ok(&[&QUERY[..], &["--today", "2026-01-05"]].concat());
    assert!(!out.contains("holiday calendars cover"), "{out}");
    let cli = Cli::with_examples();
    let (code, _, err) = cli.run(&[
        "batch",
        "portfolio.csv",
        "--today",
        "1066-10-14",
        "-o",
        "out.csv",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.matches(warning).count(), 1, "{err}");
}

/// On a terminal (a pseudo-terminal from util-linux `script`), diagnostics
/// are coloured unless `TERM=dumb` or `NO_COLOR` says not to.
#[test]
fn no_colour_on_a_dumb_terminal() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        // The rule itself is unit-tested in src/cli/mod.rs.
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    }
    let cli = Cli::new();
    cli.file("bad.toml", "[facts]\nmeeting = \"2026-02-30\"\n");
    let bin = env!("CARGO_BIN_EXE_govcal");
    let run = |env: &str| {
        let cmd = format!("env {env} {bin} deadlines bad.toml");
        let out = std::process::Command::new("script")
            .args(["-qec", &cmd, "/dev/null"])
            .current_dir(cli.path())
            .env_remove("NO_COLOR")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let coloured = run("TERM=xterm-256color");
    assert!(coloured.contains("2026-02-30"), "{coloured}");
    assert!(coloured.contains('\u{1b}'), "{coloured}");
    for env in ["TERM=dumb", "TERM=xterm NO_COLOR=1"] {
        let plain = run(env);
        assert!(plain.contains("2026-02-30"), "{env}: {plain}");
        assert!(!plain.contains('\u{1b}'), "{env}: {plain:?}");
    }
}

/// "February 30, 2026" is not a date: `extract` notes it, at its place,
/// instead of passing over it without a word.
#[test]
fn a_date_that_does_not_exist_in_a_filing_is_noted() {
    let cli = Cli::new();
    cli.file(
        "notice.txt",
        "ACME WIDGETS, INC.\n\nThe annual meeting of stockholders of Acme Widgets, Inc. will be held on May 14, 2026.\nThe record date is February 30, 2026.\n",
    );
    let toml = cli.ok(&["extract", "notice.txt"]);
    assert!(
        toml.contains(
            "# note: `February 30, 2026` at 4:20 is not a date (February 2026 has 28 days); it was passed over"
        ),
        "{toml}"
    );
    assert!(toml.contains("meeting = 2026-05-14"), "{toml}");
    let doc = cli.json(&["extract", "notice.txt", "--format", "json"]);
    assert_eq!(doc["skipped"][0]["written"], "February 30, 2026");
    assert_eq!(doc["skipped"][0]["line"], 4);
    // Without a meeting date, the warning of `extract` (exit 0) and the
    // refusal of `deadlines --from-filing` (exit 1) say what was passed over.
    cli.file(
        "bad.txt",
        "ACME WIDGETS, INC.\n\nThe annual meeting of stockholders will be held on February 30, 2026.\n",
    );
    let (code, toml, err) = cli.run(&["extract", "bad.txt"]);
    assert_eq!(code, 0, "{err}");
    assert!(toml.contains("# NO MEETING DATE was found"), "{toml}");
    assert!(toml.contains("February 2026 has 28 days"), "{toml}");
    assert!(err.contains("February 2026 has 28 days"), "{err}");
    let (code, _, err) = cli.run(&["deadlines", "--from-filing", "bad.txt"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("February 2026 has 28 days"), "{err}");
}
