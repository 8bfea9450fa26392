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

/// What `govcal check` finds in the shipped packs by searching meetings:
/// bylaw shapes whose deadline can fall after Rule 14a-19(b)(1)'s. Each is
/// real for the packs as written (HemaCare's 7-day leg after a late
/// announcement; the P9 and P10 templates), given as (file, line, column,
/// start of message). The special-meeting template is not among them: at a
/// special meeting Rule 14a-19(b)(1) takes its fallback, the later of 60
/// days before the meeting and 10 days after the announcement, which the
/// template's later of 90 days before and 10 days after never exceeds.
const SHIPPED_FINDINGS: [(&str, u64, u64, &str); 3] = [
    (
        "rules/bylaws/hemacare.toml",
        20,
        6,
        "`nomination_notice` closes after 17 CFR 240.14a-19(b)(1) allows: with the meeting on Fri 18 Dec 2026, the first public announcement of the meeting date on Tue 17 Nov 2026 and the prior annual meeting on Sun 28 Dec 2025, it closes Tue 24 Nov 2026 but `sec_regulation_14a/dissident_nominee_notice` closes Thu 29 Oct 2026",
    ),
    (
        "rules/bylaws/templates/meeting_anchored.toml",
        46,
        6,
        "`shareholder_notice` closes after 17 CFR 240.14a-19(b)(1) allows",
    ),
    (
        "rules/bylaws/templates/notice_based_window.toml",
        53,
        6,
        "`shareholder_notice` closes after 17 CFR 240.14a-19(b)(1) allows",
    ),
];

/// Asserts that `doc` (check's JSON) holds exactly the shipped findings,
/// with file names relative to `prefix`.
fn assert_shipped_findings(doc: &serde_json::Value, prefix: &str) {
    let diags = doc["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), SHIPPED_FINDINGS.len(), "{doc:#}");
    for (d, (file, line, column, message)) in diags.iter().zip(SHIPPED_FINDINGS) {
        assert_eq!(d["severity"], "warning");
        assert_eq!(d["file"], format!("{prefix}{file}"));
        assert_eq!(
            (d["line"].as_u64(), d["column"].as_u64()),
            (Some(line), Some(column))
        );
        let text = d["message"].as_str().unwrap();
        assert!(text.starts_with(message), "{text}");
    }
}

#[test]
fn check_runs_every_worked_case_of_the_built_in_packs_and_passes() {
    let cases = builtin_case_count();
    assert!(cases > 0);
    let packs = pack_files().len();
    let (code, stdout, stderr) = Cli::new().run(&["check"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.ends_with(&format!(
            "checked {packs} packs: 0 errors, 3 warnings, {cases} worked cases run\n"
        )),
        "{stderr}"
    );
}

#[test]
fn check_of_the_rules_directory_loads_calendars_and_packs_and_finds_only_the_known_conflicts() {
    let cases = builtin_case_count();
    let packs = pack_files().len();
    let dir = manifest_path("rules");
    let (code, stdout, stderr) = Cli::new().run(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.ends_with(&format!(
            "checked {packs} packs: 0 errors, 3 warnings, {cases} worked cases run\n"
        )),
        "{stderr}"
    );
    let doc = Cli::new().json(&["check", dir.to_str().unwrap(), "--format", "json"]);
    assert_shipped_findings(&doc, &format!("{}/", dir.parent().unwrap().display()));
}

#[test]
fn check_json_reports_no_errors_and_the_cases_run_for_built_in_packs() {
    let out = Cli::new().ok(&["check", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["errors"], 0);
    assert_eq!(doc["warnings"], 3);
    assert_eq!(doc["cases_run"], builtin_case_count());
    assert_shipped_findings(&doc, "");
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
    title = "Test deadline"
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
    // `[[rule.case]]` is on line 14, column 1.
    assert_diagnostic(
        &stderr,
        "pack.toml:14:1",
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
    assert!(d["built_in_pack"].is_null(), "{d}");
    assert_eq!(d["line"], 14);
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
        "checked 2 packs: 1 error, 1 warning, {} worked cases run\n",
        hemacare_cases + 1
    )));
}

/// Issue 16, point 5: a pack's notes that say which calendar its business
/// days are counted on name the calendar the pack (or the rule) really
/// uses; `sec/filings` once said `us_federal` while counting on
/// `sec_business_days`.
#[test]
fn notes_name_the_calendar_the_rules_count_on() {
    let calendars = ["us_federal", "sec_business_days", "nyse", "dc_area"];
    // The calendar a note names after "counted on": the first backticked
    // calendar id within the next few words.
    let named = |notes: &str| -> Vec<String> {
        notes
            .match_indices("counted on")
            .filter_map(|(i, _)| {
                let after: String = notes[i..].chars().take(60).collect();
                calendars
                    .iter()
                    .find(|c| after.contains(&format!("`{c}`")))
                    .map(|c| (*c).to_owned())
            })
            .collect()
    };
    let mut checked = 0;
    for path in pack_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc: toml::Value = toml::from_str(&text).unwrap();
        let Some(pack) = doc.get("pack") else {
            continue;
        };
        let str_of = |v: Option<&toml::Value>| v.and_then(toml::Value::as_str).map(str::to_owned);
        let pack_calendar = str_of(pack.get("calendar")).unwrap_or_else(|| "us_federal".into());
        if let Some(notes) = str_of(pack.get("notes")) {
            for c in named(&notes) {
                assert_eq!(c, pack_calendar, "{}: [pack] notes", path.display());
                checked += 1;
            }
        }
        for rule in doc
            .get("rule")
            .and_then(toml::Value::as_array)
            .into_iter()
            .flatten()
        {
            let calendar = str_of(rule.get("calendar")).unwrap_or_else(|| pack_calendar.clone());
            if let Some(notes) = str_of(rule.get("notes")) {
                for c in named(&notes) {
                    assert_eq!(c, calendar, "{}: rule {:?}", path.display(), rule.get("id"));
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 3, "the notes that name a calendar were found");
}
