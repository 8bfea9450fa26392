//! The command line as a new user meets it (#21): completion scripts and
//! the manual page; every subcommand's help with examples that run and
//! its exit codes, flags that list their values, a one-line `-V`; and
//! messages that name what is wrong (a file that does not exist, a pack
//! or meeting kind misspelt, a built-in pack by its name).

use crate::util::{Cli, manifest_path};

/// The subcommand names listed under `Commands:` in `help`, without `help`.
fn commands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_owned)
        .collect()
}

/// Every visible command line, from `[]` (govcal itself) down to
/// `["rules", "show"]`, found by reading the help texts.
fn all_commands(cli: &Cli) -> Vec<Vec<String>> {
    let mut found = vec![Vec::new()];
    let mut i = 0;
    while i < found.len() {
        let path = found[i].clone();
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        for sub in commands(&cli.ok(&args)) {
            let mut next = path.clone();
            next.push(sub);
            found.push(next);
        }
        i += 1;
    }
    found
}

/// The lines of the `Examples:` section of a help text.
fn examples(help: &str) -> Vec<&str> {
    help.lines()
        .skip_while(|l| *l != "Examples:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  govcal "))
        .map(str::trim)
        .collect()
}

#[test]
fn completions_for_every_shell_name_the_subcommands() {
    let cli = Cli::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = cli.ok(&["completions", shell]);
        for word in [
            "deadlines",
            "explain",
            "batch",
            "completions",
            "meeting-kind",
        ] {
            assert!(script.contains(word), "{shell}: no `{word}` in\n{script}");
        }
    }
    let (code, _, stderr) = cli.run(&["completions", "tcsh"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("[possible values: bash"), "{stderr}");
}

#[test]
fn man_prints_a_roff_page_with_every_subcommand_and_writes_it_with_o() {
    let cli = Cli::new();
    let page = cli.ok(&["man"]);
    // clap_mangen opens with the `Aq` string definitions, then `.TH`.
    let th = page
        .lines()
        .position(|l| l.starts_with(".TH "))
        .expect("a .TH line");
    assert!(page.lines().take(th).all(|l| l.starts_with('.')), "{page}");
    assert!(
        page.lines().nth(th).unwrap().starts_with(&format!(
            ".TH govcal 1  \"govcal {}\"",
            env!("CARGO_PKG_VERSION")
        )),
        "{page}"
    );
    for sub in commands(&cli.ok(&["--help"])) {
        let header = format!(".SH \"GOVCAL {}\"", sub.to_uppercase());
        assert!(page.contains(&header), "no {header}");
    }
    assert!(page.contains("Exit codes:"));
    // No line of the subcommands' text is taken for a roff request.
    assert!(!page.contains("\n.  govcal"));
    cli.ok(&["man", "-o", "govcal.1"]);
    assert_eq!(
        std::fs::read_to_string(cli.path().join("govcal.1")).unwrap(),
        page
    );
}

#[test]
fn every_command_help_has_examples_and_exit_codes() {
    let cli = Cli::new();
    let all = all_commands(&cli);
    assert!(all.len() > 14, "{all:?}");
    for path in &all {
        for flag in ["--help", "-h"] {
            let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
            args.push(flag);
            let help = cli.ok(&args);
            let lines = examples(&help);
            let n = lines.len();
            assert!((2..=3).contains(&n), "{args:?}: {n} examples in\n{help}");
            assert!(help.contains("\nExit codes:\n  0  "), "{args:?}:\n{help}");
            // Its own examples first, not its parent's (`rules show --help`
            // once printed `rules`'s, with `rules list` first).
            let own = format!("govcal {}", path.join(" "));
            assert!(lines[0].starts_with(own.trim_end()), "{args:?}:\n{help}");
            if path.len() > 1 {
                let parent: Vec<&str> = args[..path.len() - 1].to_vec();
                let parent_help = cli.ok(&[&parent[..], &["--help"]].concat());
                assert_ne!(
                    exit_codes(&help),
                    exit_codes(&parent_help),
                    "{args:?} repeats its parent's exit codes"
                );
            }
        }
    }
}

/// The `Exit codes:` section of a help text.
fn exit_codes(help: &str) -> &str {
    help.split_once("\nExit codes:\n")
        .map_or("", |(_, rest)| rest)
}

/// Runs every example of every help text from a folder holding the
/// repository's `examples/` and the files under `tests/` the examples
/// name: each must exit 0.
#[test]
fn every_example_in_help_runs() {
    let cli = Cli::new();
    std::fs::create_dir(cli.path().join("examples")).unwrap();
    for f in std::fs::read_dir(manifest_path("examples")).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), cli.path().join("examples").join(f.file_name())).unwrap();
    }
    let mut lines: Vec<String> = Vec::new();
    for path in all_commands(&cli) {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        lines.extend(examples(&cli.ok(&args)).into_iter().map(str::to_owned));
    }
    lines.sort();
    lines.dedup();
    assert!(lines.len() > 30, "{lines:?}");
    for line in &lines {
        let words: Vec<&str> = line.split_whitespace().skip(1).collect();
        for w in &words {
            if w.starts_with("tests/") {
                let to = cli.path().join(w);
                std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                std::fs::copy(manifest_path(w), to).unwrap();
            }
        }
        let (code, _, stderr) = cli.run(&words);
        assert_eq!(code, 0, "`{line}` failed:\n{stderr}");
    }
    assert!(cli.path().join("calendars").is_dir());
}

#[test]
fn short_version_is_one_line_and_long_version_lists_the_packs() {
    let cli = Cli::new();
    let one = format!("govcal {}\n", env!("CARGO_PKG_VERSION"));
    assert_eq!(cli.ok(&["-V"]), one);
    assert_eq!(cli.ok(&["deadlines", "-V"]), one);
    let long = cli.ok(&["--version"]);
    assert!(
        long.starts_with(&one) && long.lines().count() > 10,
        "{long}"
    );
}

#[test]
fn meeting_kind_lists_its_values_and_suggests_the_near_one() {
    let cli = Cli::new();
    for cmd in ["deadlines", "explain", "disclose", "diff", "verify"] {
        let help = cli.ok(&[cmd, "--help"]);
        let at = help.find("--meeting-kind <KIND>").expect("the flag");
        assert!(
            help[at..].contains("[possible values: annual, special]"),
            "{cmd}:\n{help}"
        );
    }
    let cli = Cli::with_examples();
    let (code, stdout, stderr) =
        cli.run(&["deadlines", "hemacare-2004.toml", "--meeting-kind", "anual"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("a similar value exists: 'annual'"),
        "{stderr}"
    );
}

#[test]
fn shared_flags_are_described_for_each_subcommand() {
    let cli = Cli::new();
    for cmd in ["deadlines", "disclose", "diff"] {
        let help = cli.ok(&[cmd, "--help"]);
        assert!(
            help.contains("Facts file: the company profile"),
            "{cmd}:\n{help}"
        );
        assert!(!help.contains("for `explain`"), "{cmd}:\n{help}");
    }
    let help = cli.ok(&["explain", "--help"]);
    assert!(
        help.contains("or a rule pack to explain as a rulebook"),
        "{help}"
    );
    // Calendar reminders only where a calendar is written.
    assert!(cli.ok(&["deadlines", "--help"]).contains("--alarm <LIST>"));
    for cmd in ["explain", "disclose", "diff"] {
        let help = cli.ok(&[cmd, "--help"]);
        assert!(!help.contains("--alarm"), "{cmd}:\n{help}");
    }
}

#[test]
fn explain_of_a_missing_file_says_it_does_not_exist_before_the_format() {
    let cli = Cli::new();
    let (code, stdout, stderr) = cli.run(&[
        "explain",
        "missing.toml",
        "--format",
        "html",
        "-o",
        "x.html",
    ]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.starts_with(
            "error: `missing.toml` does not exist: it is neither a facts file nor a built-in rule pack\n"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("rulebook"), "{stderr}");
    assert!(!cli.path().join("x.html").exists());
}

#[test]
fn misspelt_packs_are_suggested_by_rules_show_explain_and_rules() {
    let cli = Cli::with_examples();
    for args in [
        &["rules", "show", "hemcare"][..],
        &["explain", "bylaws/hemcare"],
        &["explain", "hemcare"],
        &[
            "deadlines",
            "hemacare-2004.toml",
            "--rules",
            "bylaws/hemcare",
        ],
    ] {
        let (code, stdout, stderr) = cli.run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stdout.is_empty());
        assert!(
            stderr.contains("help: did you mean `bylaws/hemacare`?"),
            "{args:?}:\n{stderr}"
        );
    }
}

#[test]
fn a_problem_in_a_built_in_pack_names_the_pack_not_a_rules_path() {
    // Run from an empty folder, where no `rules/` exists.
    let cli = Cli::new();
    let (code, _, stderr) = cli.run(&["check", "bylaws/hemacare"]);
    assert_eq!(code, 0, "a warning: {stderr}");
    assert!(
        stderr.starts_with("built-in pack bylaws/hemacare:20:6\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("╭─[built-in pack bylaws/hemacare:20:6]"),
        "{stderr}"
    );
    assert!(!stderr.contains("rules/"), "{stderr}");
}

/// The long-option lines of a help text (`--today <DATE>` and its text).
fn option_help(help: &str, flag: &str) -> Option<String> {
    let mut lines = help
        .lines()
        .skip_while(|l| !l.trim_start().split([' ', ',']).any(|w| w == flag));
    let first = lines.next()?;
    let rest: Vec<&str> = lines
        .take_while(|l| !l.trim_start().starts_with('-') && !l.trim().is_empty())
        .collect();
    Some(format!("{first}\n{}", rest.join("\n")))
}

#[test]
fn shared_flags_are_described_for_each_subcommand_or_hidden_and_refused() {
    let cli = Cli::with_examples();
    let help = |cmd: &str| cli.ok(&[cmd, "--help"]);
    // `--today` and `--all` change nothing in these: not in their help.
    for (cmd, flag) in [
        ("disclose", "--today"),
        ("disclose", "--all"),
        ("diff", "--today"),
        ("explain", "--all"),
        ("verify", "--today"),
    ] {
        assert_eq!(
            option_help(&help(cmd), flag),
            None,
            "{cmd} --help shows {flag}"
        );
    }
    // Where they stay, they say what they do there.
    let diff_all = option_help(&help("diff"), "--all").unwrap();
    assert!(diff_all.contains("does not move"), "{diff_all}");
    let explain_today = option_help(&help("explain"), "--today").unwrap();
    assert!(explain_today.contains("rulebook"), "{explain_today}");
    assert!(!explain_today.contains("days left"), "{explain_today}");
    let deadlines_today = option_help(&help("deadlines"), "--today").unwrap();
    assert!(deadlines_today.contains("days left"), "{deadlines_today}");
    // Given anyway, they are refused plainly rather than ignored.
    let nw = "northwind-2026.toml";
    let diff = [
        "diff",
        "northwind-bylaws.toml",
        "northwind-amended-bylaws.toml",
        nw,
    ];
    for (args, flag) in [
        (vec!["disclose", nw, "--today", "2026-01-05"], "--today"),
        (vec!["disclose", nw, "--all"], "--all"),
        ([&diff[..], &["--today", "2026-01-05"]].concat(), "--today"),
        (vec!["explain", nw, "--all"], "--all"),
    ] {
        let (code, stdout, stderr) = cli.run(&args);
        assert_eq!(code, 2, "{args:?}\n{stdout}{stderr}");
        assert!(
            stderr.contains(&format!("`govcal {}` does not take `{flag}`", args[0])),
            "{args:?}: {stderr}"
        );
        assert!(stdout.is_empty(), "{stdout}");
    }
    // `verify --today` is still accepted (older scripts), and changes nothing.
    let filing = "tests/fixtures/filings/eastman-def14a-2026.htm";
    let cli = Cli::new();
    let to = cli.path().join(filing);
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(manifest_path(filing), &to).unwrap();
    assert_eq!(
        cli.ok(&["verify", filing, "--today", "2020-01-01"]),
        cli.ok(&["verify", filing, "--today", "2030-01-01"])
    );
}
