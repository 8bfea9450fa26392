//! `govcal check`: validate packs and run their worked cases.

use crate::util::{Cli, assert_diagnostic, manifest_path};

/// Every pack file under `rules/` (calendars aside), found on disk
/// independently of the build script that embeds them.
fn pack_files() -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                if p.file_name().unwrap() != "calendars" {
                    walk(&p, out);
                }
            } else if p.extension().is_some_and(|x| x == "toml") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&manifest_path("rules"), &mut out);
    out
}

/// The number of `[[rule.case]]` tables in the built-in packs.
fn builtin_case_count() -> usize {
    pack_files()
        .iter()
        .map(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .lines()
                .filter(|l| l.trim() == "[[rule.case]]")
                .count()
        })
        .sum()
}

#[test]
fn check_runs_every_worked_case_of_the_built_in_packs_and_passes() {
    let cases = builtin_case_count();
    assert!(cases > 0);
    let packs = pack_files().len();
    let (code, stdout, stderr) = Cli::new().run(&["check"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    assert_eq!(
        stderr,
        format!("checked {packs} packs: 0 errors, 0 warnings, {cases} worked cases run\n")
    );
}

#[test]
fn check_of_the_rules_directory_loads_calendars_and_packs_and_is_clean() {
    let cases = builtin_case_count();
    let packs = pack_files().len();
    let dir = manifest_path("rules");
    let (code, stdout, stderr) = Cli::new().run(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    assert_eq!(
        stderr,
        format!("checked {packs} packs: 0 errors, 0 warnings, {cases} worked cases run\n")
    );
}

#[test]
fn check_json_reports_no_errors_and_the_cases_run_for_built_in_packs() {
    let out = Cli::new().ok(&["check", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["errors"], 0);
    assert_eq!(doc["warnings"], 0);
    assert_eq!(doc["cases_run"], builtin_case_count());
    assert_eq!(doc["diagnostics"].as_array().map(Vec::len), Some(0));
}

/// 11 May 2025 - 10 days = Thu 1 May 2025; the case claims 2 May.
const WRONG_CASE: &str = r#"
    [pack]
    id = "p"
    title = "Test pack"
    version = "1"
    citation = "Test"

    [[rule]]
    id = "a"
    summary = "A."
    citation = "Test"
    closes = "meeting - 10 days"

    [[rule.case]]
    facts = { meeting = 2025-05-11 }
    closes = 2025-05-02
    why = "Off by one on purpose."
"#;

#[test]
fn check_fails_a_worked_case_off_by_one_and_points_at_the_case() {
    let cli = Cli::new();
    cli.file("pack.toml", WRONG_CASE);
    let (code, stdout, stderr) = cli.run(&["check", "pack.toml"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.is_empty());
    // `[[rule.case]]` is on line 13, column 1.
    assert_diagnostic(
        &stderr,
        "pack.toml:13:1",
        &[
            "rule `a`: worked case failed: closes: expected Fri 2 May 2025, computed Thu 1 May 2025",
            "10 days before the meeting (Sun 11 May 2025) = Thu 1 May 2025",
        ],
    );
    assert!(stderr.ends_with("checked 1 pack: 1 error, 0 warnings, 1 worked case run\n"));
}

#[test]
fn check_json_gives_line_column_and_message_of_a_failing_case() {
    let cli = Cli::new();
    cli.file("pack.toml", WRONG_CASE);
    let (code, stdout, stderr) = cli.run(&["check", "pack.toml", "--format", "json"]);
    assert_eq!(code, 1, "{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["errors"], 1);
    assert_eq!(doc["cases_run"], 1);
    let diags = doc["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{doc:#}");
    let d = &diags[0];
    assert_eq!(d["file"], "pack.toml");
    assert_eq!(d["line"], 13);
    assert_eq!(d["column"], 1);
    assert_eq!(d["severity"], "error");
    let message = d["message"].as_str().unwrap();
    assert!(message.contains("expected Fri 2 May 2025"), "{message}");
    assert!(message.contains("computed Thu 1 May 2025"), "{message}");
}

#[test]
fn check_with_a_wrong_pack_and_a_built_in_runs_both() {
    let cli = Cli::new();
    cli.file("pack.toml", WRONG_CASE);
    let (code, _, stderr) = cli.run(&["check", "pack.toml", "bylaws/hemacare"]);
    assert_eq!(code, 1);
    let hemacare_cases = std::fs::read_to_string(manifest_path("rules/bylaws/hemacare.toml"))
        .unwrap()
        .matches("[[rule.case]]")
        .count();
    assert!(stderr.ends_with(&format!(
        "checked 2 packs: 1 error, 0 warnings, {} worked cases run\n",
        hemacare_cases + 1
    )));
}
