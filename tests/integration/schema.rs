//! The JSON Schemas for editors (`govcal schema pack|facts`): the committed
//! files in `rules/schema/` match what the binary prints (`GOVCAL_BLESS=1`
//! rewrites them after a deliberate change), every shipped pack and example
//! validates, templates are flagged only at their `{placeholders}`, and
//! misspelt keys and wrong values are refused.
//!
//! Files are read as taplo reads them for validation: TOML turned into
//! JSON, with each TOML date as its text (`2004-05-25`).

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{Cli, manifest_path};

/// Prints `govcal schema KIND` and compares it, byte for byte, with the
/// committed file.
fn committed_schema_matches(kind: &str) {
    let out = Cli::new().ok(&["schema", kind]);
    let path = manifest_path(&format!("rules/schema/{kind}.schema.json"));
    if std::env::var_os("GOVCAL_BLESS").is_some() {
        std::fs::write(&path, &out).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        out == committed,
        "{} is out of step with the types in src/; regenerate it with \
         `GOVCAL_BLESS=1 cargo test schema` and review the diff",
        path.display()
    );
}

#[test]
fn committed_pack_schema_matches_the_types() {
    committed_schema_matches("pack");
}

#[test]
fn committed_facts_schema_matches_the_types() {
    committed_schema_matches("facts");
}

/// TOML as JSON, the way taplo hands it to the validator: dates as text.
fn to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(n) => Value::from(n),
        toml::Value::Float(x) => Value::from(x),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(dt) => Value::String(dt.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(to_json).collect()),
        toml::Value::Table(table) => {
            Value::Object(table.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}

/// Every problem the schema of `kind` finds in `text`, as `path: message`.
fn problems(kind: &str, text: &str) -> Vec<String> {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(manifest_path(&format!("rules/schema/{kind}.schema.json")))
            .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{kind}.schema.json is not a valid schema: {e}"));
    let table: toml::Table = text.parse().unwrap_or_else(|e| panic!("not TOML: {e}"));
    let instance = to_json(toml::Value::Table(table));
    validator
        .iter_errors(&instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// The `.toml` files under `dir`, recursively, sorted.
fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(toml_files(&path));
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    out
}

/// Asserts that the file at `path` validates against the schema of `kind`.
fn assert_validates(kind: &str, path: &Path) {
    let found = problems(kind, &std::fs::read_to_string(path).unwrap());
    assert!(
        found.is_empty(),
        "{} ({kind}):\n{}",
        path.display(),
        found.join("\n")
    );
}

#[test]
fn every_shipped_pack_and_example_validates() {
    let rules = manifest_path("rules");
    let mut checked = 0;
    for path in toml_files(&rules) {
        let rel = path.strip_prefix(&rules).unwrap();
        if !rel.starts_with("calendars") && !rel.starts_with("bylaws/templates") {
            assert_validates("pack", &path);
            checked += 1;
        }
    }
    for path in toml_files(&manifest_path("examples")) {
        // `*-bylaws.toml` beside a company's facts file is its bylaws pack.
        let bylaws = path.to_string_lossy().ends_with("-bylaws.toml");
        assert_validates(if bylaws { "pack" } else { "facts" }, &path);
        checked += 1;
    }
    assert!(checked >= 18, "only {checked} files checked");
}

#[test]
fn templates_are_flagged_only_at_their_placeholders() {
    let templates = manifest_path("rules/bylaws/templates");
    let mut placeholders = 0;
    for path in toml_files(&templates) {
        let text = std::fs::read_to_string(&path).unwrap();
        let table: toml::Table = text.parse().unwrap();
        let instance = to_json(toml::Value::Table(table));
        for problem in problems("pack", &text) {
            let pointer = problem.split(':').next().unwrap();
            let value = instance.pointer(pointer).and_then(Value::as_str);
            assert!(
                value.is_some_and(|v| v.starts_with('{') && v.ends_with('}')),
                "{}: a problem that is not a placeholder: {problem}",
                path.display()
            );
            placeholders += 1;
        }
    }
    // `roll = "{roll}"` in every template: the check above did look.
    assert!(placeholders >= 12, "{placeholders} placeholders flagged");
}

const PACK: &str = r#"
[pack]
id = "demo"
title = "Demo"
version = "1"
citation = "Demo Bylaws"

[[rule]]
id = "notice"
summary = "Notice at least 10 days before the meeting."
closes = "meeting - 10 days"
roll = "forward"

[[rule.case]]
facts = { meeting = 2025-06-12, prior_meeting = "June 13, 2024" }
closes = 2025-06-02
"#;

#[test]
fn a_misspelt_key_or_a_wrong_value_does_not_validate() {
    assert_eq!(problems("pack", PACK), Vec::<String>::new());
    let misspelt = PACK.replace("summary =", "sumary =");
    let found = problems("pack", &misspelt);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("/rule/0:") && p.contains("sumary")),
        "{found:?}"
    );
    let sideways = PACK.replace("roll = \"forward\"", "roll = \"sideways\"");
    let found = problems("pack", &sideways);
    assert!(
        found.iter().any(|p| p.starts_with("/rule/0/roll:")),
        "{found:?}"
    );
    let not_a_date = PACK.replace("closes = 2025-06-02", "closes = \"2 June\"");
    let found = problems("pack", &not_a_date);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("/rule/0/case/0/closes:")),
        "{found:?}"
    );
    let no_header = PACK.replace("[pack]", "[pak]");
    assert!(!problems("pack", &no_header).is_empty());
}

#[test]
fn a_facts_file_with_a_misspelt_key_does_not_validate() {
    let facts = r#"
        [company]
        name = "Acme"
        zone = "America/Chicago"

        [facts]
        meeting = 2026-05-14
        meeting_kind = "annual"
        board_meeting = "March 3, 2026"
    "#;
    assert_eq!(problems("facts", facts), Vec::<String>::new());
    let found = problems("facts", &facts.replace("zone =", "zome ="));
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("/company:") && p.contains("zome")),
        "{found:?}"
    );
    let found = problems("facts", &facts.replace("\"annual\"", "\"yearly\""));
    assert!(
        found.iter().any(|p| p.starts_with("/facts/meeting_kind:")),
        "{found:?}"
    );
}

/// The output schema, compiled.
fn output_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&Cli::new().ok(&["schema", "output"]))
        .expect("`govcal schema output` prints JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("output.schema.json is not a valid schema: {e}"))
}

fn output_problems(validator: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// Every example's JSON, with all facts, without the meeting date and
/// without the announcement (conditional cases, structured conditions, next
/// year's section), validates against `govcal schema output`.
#[test]
fn every_example_json_output_validates_against_the_output_schema() {
    let validator = output_validator();
    let cli = Cli::with_examples();
    let mut checked = 0;
    let mut conditions = 0;
    for example in [
        "hemacare-2004",
        "northwind-2026",
        "cascadia-2026",
        "harborview-2026",
        "kestrel-2026",
        "prairie-2026",
    ] {
        let file = format!("{example}.toml");
        for extra in [
            &[][..],
            &["--without", "meeting"][..],
            &["--without", "announcement"][..],
        ] {
            let mut args = vec![
                "deadlines",
                file.as_str(),
                "--format",
                "json",
                "--all",
                "--today",
                "2026-01-05",
            ];
            args.extend_from_slice(extra);
            let doc = cli.json(&args);
            let found = output_problems(&validator, &doc);
            assert!(found.is_empty(), "{args:?}:\n{}", found.join("\n"));
            checked += 1;
            conditions += doc.to_string().matches("\"condition\":{").count();
        }
    }
    assert_eq!(checked, 18);
    assert!(
        conditions > 10,
        "the examples exercise structured conditions"
    );
}

/// Documents whose `not_covered` holds each kind of entry (a state with and
/// without a value, a country and the foreign-private-issuer caveat, an
/// exchange) validate too, and a field it does not list is refused there.
#[test]
fn not_covered_entries_validate_against_the_output_schema() {
    let validator = output_validator();
    let cli = Cli::new();
    let mut kinds = std::collections::BTreeSet::new();
    for (i, company) in [
        "state = \"Kentucky\"\nexchange = \"NYSE Arca\"",
        "country = \"Canada\"\nstate = \"Quebec\"\nexchange = \"none\"",
        "",
        // A partial pack: the entry lists the kinds of deadline missing.
        "state = \"Illinois\"\nexchange = \"none\"",
    ]
    .iter()
    .enumerate()
    {
        let file = format!("f{i}.toml");
        cli.file(
            &file,
            &format!("[company]\nname = \"X\"\n{company}\n[facts]\nmeeting = 2026-05-14\n"),
        );
        let mut doc = cli.json(&[
            "deadlines",
            &file,
            "--format",
            "json",
            "--today",
            "2026-01-05",
        ]);
        let found = output_problems(&validator, &doc);
        assert!(found.is_empty(), "{company}:\n{}", found.join("\n"));
        for g in doc["not_covered"].as_array().unwrap() {
            kinds.insert((g["what"].to_string(), g["value"].is_null()));
            if company.contains("Illinois") {
                assert!(g["topics"].as_array().is_some_and(|t| !t.is_empty()), "{g}");
            }
        }
        doc["not_covered"][0]["surprise"] = Value::Bool(true);
        assert!(!output_problems(&validator, &doc).is_empty());
    }
    assert_eq!(kinds.len(), 6, "{kinds:?}");
}

/// The schema is strict: a field it does not list, or a condition of an
/// unknown form, is refused (so the documentation cannot fall behind).
#[test]
fn the_output_schema_refuses_unlisted_fields() {
    let validator = output_validator();
    let cli = Cli::with_examples();
    let mut doc = cli.json(&[
        "deadlines",
        "hemacare-2004.toml",
        "--format",
        "json",
        "--without",
        "announcement",
        "--today",
        "2004-01-01",
    ]);
    assert!(output_problems(&validator, &doc).is_empty());
    let deadlines = doc["deadlines"].as_array_mut().unwrap();
    let conditional = deadlines
        .iter_mut()
        .find(|d| d["status"] == "conditional")
        .expect("a conditional deadline");
    conditional["cases"][0]["condition"] =
        serde_json::json!({"fact": "announcement", "before": "2004-02-18"});
    assert!(!output_problems(&validator, &doc).is_empty());
    let deadlines = doc["deadlines"].as_array_mut().unwrap();
    deadlines[0]["surprise"] = Value::Bool(true);
    assert!(
        output_problems(&validator, &doc)
            .iter()
            .any(|p| p.contains("surprise"))
    );
}
