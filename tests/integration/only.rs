//! One meaning for `--rules` (issue 15, point 6): on every command that
//! takes it, `--rules PACK` adds a pack to the default library (the SEC,
//! state and exchange packs and the facts file's own `rules`); `--only
//! PACK` replaces that library with exactly the packs it names, and
//! `--rules` adds to those. `--only` does not bring in packs its packs
//! refer to.

use serde_json::Value;

use crate::util::{Cli, assert_diagnostic, manifest_path};

const TODAY: [&str; 2] = ["--today", "2026-01-05"];

/// The ids of the loaded packs that govern the company, in order.
fn packs(doc: &Value) -> Vec<String> {
    doc["packs"]
        .as_array()
        .expect("`packs` is an array")
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

/// `deadlines northwind-2026.toml --format json` with `flags`.
fn northwind(cli: &Cli, flags: &[&str]) -> Value {
    let mut args = vec![
        "deadlines",
        "northwind-2026.toml",
        "--format",
        "json",
        TODAY[0],
        TODAY[1],
    ];
    args.extend_from_slice(flags);
    cli.json(&args)
}

/// Northwind (Delaware, NYSE, its bylaws in its facts file's `rules`)
/// with no flag: the default library and its bylaws.
fn default_packs() -> Vec<String> {
    [
        "sec_filings",
        "sec_regulation_14a",
        "sec_regulation_14c",
        "us_de_dgcl",
        "nyse_listed_company_manual",
        "nyse_ceo_certification",
        "northwind_bylaws",
    ]
    .map(str::to_owned)
    .to_vec()
}

#[test]
fn rules_adds_to_the_default_library_and_the_facts_files_rules() {
    let cli = Cli::with_examples();
    assert_eq!(packs(&northwind(&cli, &[])), default_packs());
    let doc = northwind(&cli, &["--rules", "bylaws/templates/proxy_access"]);
    let mut expected = default_packs();
    expected.push("proxy_access".to_owned());
    assert_eq!(packs(&doc), expected);
    // The added pack's deadlines come beside the others.
    let rules: Vec<&str> = doc["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["pack"].as_str().unwrap())
        .collect();
    for id in ["proxy_access", "northwind_bylaws", "us_de_dgcl"] {
        assert!(rules.contains(&id), "{id}: {rules:?}");
    }
}

#[test]
fn only_replaces_the_default_library_and_the_facts_files_rules() {
    let cli = Cli::with_examples();
    let doc = northwind(&cli, &["--only", "sec"]);
    assert_eq!(
        packs(&doc),
        ["sec_filings", "sec_regulation_14a", "sec_regulation_14c"]
    );
    // What the library no longer covers is said, naming the built-in packs.
    let says: Vec<&str> = doc["not_covered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["says"].as_str().unwrap())
        .collect();
    assert_eq!(says.len(), 2, "{says:?}");
    assert!(says[0].contains("(the built-in `states/delaware` has one)"));
    assert!(says[1].contains("(the built-in `exchanges/nyse` has one)"));
    // Repeated, it names several packs.
    let doc = northwind(
        &cli,
        &["--only", "sec/regulation_14a", "--only", "states/delaware"],
    );
    assert_eq!(packs(&doc), ["sec_regulation_14a", "us_de_dgcl"]);
}

/// `--only` sets the library, `--rules` adds to it; a path in either is
/// read from the working directory.
#[test]
fn only_and_rules_together_load_the_only_packs_and_then_the_added_ones() {
    let cli = Cli::with_examples();
    let doc = northwind(
        &cli,
        &[
            "--rules",
            "northwind-bylaws.toml",
            "--only",
            "sec/regulation_14a",
        ],
    );
    assert_eq!(packs(&doc), ["sec_regulation_14a", "northwind_bylaws"]);
    // The table and `explain` list the same packs.
    for command in ["deadlines", "explain"] {
        let out = cli.ok(&[
            command,
            "northwind-2026.toml",
            "--only",
            "sec/regulation_14a",
            "--rules",
            "northwind-bylaws.toml",
            TODAY[0],
            TODAY[1],
        ]);
        let line = out.lines().find(|l| l.starts_with("Packs: ")).unwrap();
        assert!(
            line.starts_with("Packs: sec_regulation_14a ")
                && line.contains(", northwind_bylaws ")
                && line.matches(", ").count() == 1,
            "{command}: {line}"
        );
    }
}

/// `verify` means the same: `--rules` adds the bylaws to the SEC, state and
/// exchange packs (Rule 14a-8's printed date is still checked), `--only`
/// leaves the SEC's out (it is not).
#[test]
fn verify_adds_with_rules_and_replaces_with_only() {
    let cli = Cli::new();
    cli.copy("tests/fixtures/filings/eastman-def14a-2026.htm");
    let verdicts = |flag: &str| {
        let (code, stdout, stderr) = cli.run(&[
            "verify",
            "eastman-def14a-2026.htm",
            flag,
            "bylaws/templates/proxy_access",
            "--format",
            "json",
            "--today",
            "2026-04-01",
        ]);
        assert_eq!(code, 0, "{stderr}");
        let doc: Value = serde_json::from_str(&stdout).unwrap();
        doc["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["purpose"].as_str().unwrap().to_owned(),
                    i["verdict"].as_str().unwrap().to_owned(),
                )
            })
            .collect::<Vec<_>>()
    };
    let pairs = |list: [(&str, &str); 3]| list.map(|(a, b)| (a.to_owned(), b.to_owned())).to_vec();
    assert_eq!(
        verdicts("--rules"),
        pairs([
            ("rule_14a8", "agrees"),
            ("advance_notice", "unchecked"),
            ("proxy_access", "agrees"),
        ])
    );
    assert_eq!(
        verdicts("--only"),
        pairs([
            ("rule_14a8", "unchecked"),
            ("advance_notice", "unchecked"),
            ("proxy_access", "agrees"),
        ])
    );
}

/// `batch` takes both for every row: `--rules` adds to each row's packs,
/// `--only` replaces them.
#[test]
fn batch_adds_with_rules_and_replaces_with_only() {
    let cli = Cli::with_examples();
    let lines = |flags: &[&str]| {
        let mut args = vec![
            "batch",
            "portfolio.csv",
            "--format",
            "jsonl",
            TODAY[0],
            TODAY[1],
        ];
        args.extend_from_slice(flags);
        cli.ok(&args)
            .lines()
            .map(|l| packs(&serde_json::from_str(l).unwrap()))
            .collect::<Vec<_>>()
    };
    let plain = lines(&[]);
    assert_eq!(plain[0], default_packs(), "the first row is Northwind");
    let added = lines(&["--rules", "bylaws/templates/proxy_access"]);
    for (a, p) in added.iter().zip(&plain) {
        // A pack a row already loads is loaded once.
        let mut expected = p.clone();
        if !expected.iter().any(|id| id == "proxy_access") {
            expected.push("proxy_access".to_owned());
        }
        assert_eq!(*a, expected);
    }
    for row in lines(&["--only", "sec", "--rules", "bylaws/templates/proxy_access"]) {
        assert_eq!(
            row,
            [
                "sec_filings",
                "sec_regulation_14a",
                "sec_regulation_14c",
                "proxy_access"
            ]
        );
    }
    // A bad pack on the command line stops the run before any row.
    let (code, out, err) = cli.run(&[
        "batch",
        "portfolio.csv",
        "--only",
        "secc",
        TODAY[0],
        TODAY[1],
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("unknown rule pack `secc`"), "{err}");
}

/// `--only` loads exactly what it names: a pack that refers to a rule of a
/// pack left out is an error naming the pack to load; `--rules` (which
/// keeps the SEC's packs) or naming both with `--only` works.
#[test]
fn only_does_not_bring_in_the_packs_a_pack_refers_to() {
    let cli = Cli::new();
    cli.file(
        "mine.toml",
        r#"
        [pack]
        id = "mine"
        title = "A pack that refers to the SEC's"
        version = "1"
        citation = "Test"

        [[rule]]
        id = "reminder"
        summary = "A week before the Rule 14a-8 deadline."
        citation = "Test"
        closes = "sec_regulation_14a/shareholder_proposal_deadline.closes - 7 days"
        "#,
    );
    let args = |flags: &[&str]| {
        let mut a = vec![
            "deadlines",
            "--prior-proxy-release",
            "2025-04-03",
            "--prior-meeting",
            "2025-05-15",
            "--meeting",
            "2026-05-14",
            "--format",
            "json",
            TODAY[0],
            TODAY[1],
        ];
        a.extend_from_slice(flags);
        a.iter().map(|s| (*s).to_owned()).collect::<Vec<String>>()
    };
    let run = |flags: &[&str]| {
        let a = args(flags);
        cli.run(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let (code, _, stderr) = run(&["--only", "mine.toml"]);
    assert_eq!(code, 1, "{stderr}");
    // The reference starts at line 11, column 11 of mine.toml.
    assert_diagnostic(
        &stderr,
        "mine.toml:11:11",
        &[
            "unknown rule `sec_regulation_14a/shareholder_proposal_deadline`",
            "help: load the pack that defines it too (the built-in `sec/regulation_14a`)",
        ],
    );
    for flags in [
        &["--rules", "mine.toml"][..],
        &["--only", "mine.toml", "--only", "sec/regulation_14a"],
        &["--only", "mine.toml", "--rules", "sec"],
    ] {
        let (code, stdout, stderr) = run(flags);
        assert_eq!(code, 0, "{flags:?}: {stderr}");
        let doc: Value = serde_json::from_str(&stdout).unwrap();
        let reminder = crate::util::closes(&doc, "mine", "reminder");
        let deadline =
            crate::util::closes(&doc, "sec_regulation_14a", "shareholder_proposal_deadline");
        assert_eq!(
            chrono_days(deadline) - chrono_days(reminder),
            7,
            "{flags:?}"
        );
    }
}

/// A `YYYY-MM-DD` date as a day number, to subtract two dates.
fn chrono_days(date: &str) -> i64 {
    let d: chrono::NaiveDate = date.parse().unwrap();
    i64::from(chrono::Datelike::num_days_from_ce(&d))
}

/// The README's example of `--only`: no facts file, the SEC's pack and the
/// model bylaw, and nothing else.
#[test]
fn the_readme_only_example_loads_the_sec_and_the_template() {
    let readme = std::fs::read_to_string(manifest_path("README.md")).unwrap();
    assert!(
        readme.contains("govcal deadlines --only sec --only bylaws/templates/anniversary_window")
    );
    let doc = Cli::new().json(&[
        "deadlines",
        "--only",
        "sec",
        "--only",
        "bylaws/templates/anniversary_window",
        "--prior-meeting",
        "2025-05-15",
        "--prior-proxy-release",
        "2025-04-01",
        "--today",
        "2025-11-21",
        "--format",
        "json",
    ]);
    assert_eq!(
        packs(&doc),
        [
            "sec_filings",
            "sec_regulation_14a",
            "sec_regulation_14c",
            "anniversary_window"
        ]
    );
}
