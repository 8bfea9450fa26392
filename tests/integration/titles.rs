//! Rule titles (#20, "names people read"): every shipped rule has one, short
//! and its own within its pack; a bad title is an error at the title, a
//! missing one a warning at the id.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::util::{Cli, assert_diagnostic, dedent, manifest_path};

/// The longest title `govcal check` accepts, in characters.
const TITLE_MAX: usize = 80;

/// Every pack file under `rules/` (not the holiday calendars or schemas).
fn shipped_packs() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
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
    out.sort();
    out
}

/// `text` with each `{name}` of a template replaced by the parameter's
/// default, as govcal fills it in when the template is read on its own.
fn fill(text: &str, params: Option<&toml::Table>) -> String {
    let Some(params) = params else {
        return text.to_owned();
    };
    let mut out = text.to_owned();
    // Parameters may name other parameters: fill until nothing changes.
    for _ in 0..4 {
        for (name, value) in params {
            let value = match value {
                toml::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            out = out.replace(&format!("{{{name}}}"), &value);
        }
    }
    out
}

#[test]
fn every_shipped_rule_has_a_short_title_of_its_own_in_its_pack() {
    let mut rules = 0;
    let mut problems = Vec::new();
    for path in shipped_packs() {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc: toml::Table = toml::from_str(&text).unwrap();
        let params = doc.get("params").and_then(toml::Value::as_table);
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for rule in doc
            .get("rule")
            .and_then(toml::Value::as_array)
            .into_iter()
            .flatten()
        {
            rules += 1;
            let id = rule["id"].as_str().unwrap();
            let here = format!("{}: `{id}`", path.display());
            let Some(title) = rule.get("title").and_then(toml::Value::as_str) else {
                problems.push(format!("{here} has no title"));
                continue;
            };
            let title = fill(title, params);
            let chars = title.trim().chars().count();
            if chars == 0 || chars > TITLE_MAX || title.contains('{') {
                problems.push(format!("{here}: title {title:?} ({chars} characters)"));
            }
            if let Some(other) = seen.insert(title.to_lowercase(), id.to_owned()) {
                problems.push(format!("{here}: title {title:?} also used by `{other}`"));
            }
        }
    }
    assert!(rules > 200, "only {rules} rules found under rules/");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A pack with one rule whose `title` line is `title`.
fn pack_with_title(title: &str) -> String {
    dedent(&format!(
        r#"
        [pack]
        id = "acme_bylaws"
        title = "Acme bylaws"
        version = "1"
        citation = "Acme Bylaws"

        [[rule]]
        id = "nomination_notice"
        {title}
        summary = "Notice of a nomination by the 90th day before the meeting."
        citation = "Acme Bylaws § 2"
        closes = "meeting - 90 days"

        [[rule]]
        id = "business_notice"
        title = "Advance notice of business"
        summary = "Notice of other business by the 90th day before the meeting."
        citation = "Acme Bylaws § 3"
        closes = "meeting - 90 days"
        "#
    ))
}

/// `govcal check pack.toml` on `text`: exit code and stderr.
fn check(text: &str) -> (i32, String) {
    let cli = Cli::new();
    cli.file("pack.toml", text);
    let (code, stdout, stderr) = cli.run(&["check", "pack.toml"]);
    assert!(stdout.is_empty(), "{stdout}");
    (code, stderr)
}

#[test]
fn an_empty_title_is_an_error_at_the_title() {
    let (code, stderr) = check(&pack_with_title(r#"title = "  ""#));
    assert_eq!(code, 1, "{stderr}");
    assert_diagnostic(
        &stderr,
        "pack.toml:9:9",
        &[
            "rule `nomination_notice` has an empty title",
            "help: name the deadline as a person says it, or leave `title` out",
        ],
    );
}

#[test]
fn a_title_over_80_characters_is_an_error_at_the_title() {
    let long = "Advance notice of nominations of directors, with the nominee's questionnaire (§2)";
    assert_eq!(long.chars().count(), 81);
    let (code, stderr) = check(&pack_with_title(&format!("title = \"{long}\"")));
    assert_eq!(code, 1, "{stderr}");
    assert_diagnostic(
        &stderr,
        "pack.toml:9:9",
        &[
            "the title of rule `nomination_notice` is 81 characters long; the most is 80",
            "help: keep the name short, the summary says the rest",
        ],
    );
    // 80 characters are accepted.
    let (code, stderr) = check(&pack_with_title(&format!(
        "title = \"{}\"",
        &long[..long.len() - 1]
    )));
    assert!(!stderr.contains("characters long"), "{stderr}");
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn a_title_two_rules_share_is_an_error_at_the_second() {
    // The first rule's title is on line 9, the second's on line 16.
    let text = pack_with_title(r#"title = "Advance notice of business""#);
    let (code, stderr) = check(&text);
    assert_eq!(code, 1, "{stderr}");
    assert_diagnostic(
        &stderr,
        "pack.toml:16:9",
        &[
            "the title \"Advance notice of business\" is already used on line 9",
            "help: give each rule of a pack its own title",
        ],
    );
}

#[test]
fn a_missing_title_is_a_warning_at_the_id_and_the_id_stands_in() {
    let text = pack_with_title("");
    let (code, stderr) = check(&text);
    assert_eq!(code, 0, "{stderr}");
    assert_diagnostic(
        &stderr,
        "pack.toml:8:6",
        &[
            "rule `nomination_notice` has no title",
            "the id stands in until then",
        ],
    );
    assert!(
        !stderr.contains("rule `business_notice` has no title"),
        "{stderr}"
    );
}

/// `deadlines` for the shipped Northwind example in `format`.
fn northwind(format: &str) -> String {
    let cli = Cli::with_examples();
    cli.ok(&[
        "deadlines",
        "northwind-2026.toml",
        "--today",
        "2026-01-05",
        "--format",
        format,
    ])
}

/// The VEVENT of a calendar whose UID starts with `uid`, unfolded
/// (RFC 5545: a CRLF followed by a space continues the line).
fn event(ics: &str, uid: &str) -> String {
    let text = ics.replace("\r\n ", "");
    text.split("BEGIN:VEVENT")
        .find(|e| e.contains(&format!("UID:{uid}")))
        .unwrap_or_else(|| panic!("no event {uid}:\n{text}"))
        .to_owned()
}

#[test]
fn the_table_names_each_deadline_by_its_title_and_the_reasoning_gives_the_id() {
    let table = northwind("table");
    let row = table
        .lines()
        .find(|l| l.starts_with("Thu 4 Dec 2025"))
        .unwrap();
    assert!(
        row.contains("closes  holder     Shareholder proposal deadline (Rule 14a-8)"),
        "{row}"
    );
    assert!(!row.contains("shareholder_proposal_deadline"), "{row}");
    assert!(
        table.contains(
            "  Shareholder proposal deadline (Rule 14a-8)\n    sec_regulation_14a/shareholder_proposal_deadline: 17 CFR 240.14a-8(e)(2)\n"
        ),
        "{table}"
    );
}

#[test]
fn an_event_is_titled_by_who_acts_and_the_rule_and_its_description_json_and_csv_keep_the_id() {
    let ics = northwind("ics");
    let e = event(
        &ics,
        "sec_regulation_14a.shareholder_proposal_deadline.closes.",
    );
    assert!(
        e.contains("\r\nSUMMARY:Northwind Industrial Corp. \u{2014} Shareholder: Shareholder proposal deadline (Rule 14a-8) closes\r\n"),
        "{e}"
    );
    assert!(
        e.contains("Rule: sec_regulation_14a/shareholder_proposal_deadline (pack version"),
        "{e}"
    );
    let e = event(&ics, "us_de_dgcl.record_date.opens.");
    assert!(
        e.contains("\r\nSUMMARY:Northwind Industrial Corp. \u{2014} Board: Record date window (DGCL § 213(a)) opens\r\n"),
        "{e}"
    );

    let doc: serde_json::Value = serde_json::from_str(&northwind("json")).unwrap();
    let d = crate::util::deadline(&doc, "sec_regulation_14a", "shareholder_proposal_deadline");
    assert_eq!(d["rule"], "shareholder_proposal_deadline");
    assert_eq!(d["title"], "Shareholder proposal deadline (Rule 14a-8)");

    let csv = northwind("csv");
    assert!(
        csv.lines()
            .any(|l| l
                .contains(",sec_regulation_14a,shareholder_proposal_deadline,closes,2025-12-04,")),
        "{csv}"
    );
    assert!(
        !csv.contains("Shareholder proposal deadline (Rule 14a-8)"),
        "{csv}"
    );
}

#[test]
fn the_rulebook_is_headed_by_titles_and_gives_each_rule_id() {
    let out = Cli::new().ok(&["explain", "bylaws/hemacare"]);
    assert!(
        out.contains(
            "\nAdvance notice of nominations (Bylaws § 2.14)\n  Rule id:          `hemacare_bylaws/nomination_notice`\n"
        ),
        "{out}"
    );
    let md = Cli::new().ok(&["explain", "bylaws/hemacare", "--format", "markdown"]);
    assert!(
        md.contains("\n### Advance notice of other business (Bylaws § 2.14)\n"),
        "{md}"
    );
    let doc = Cli::new().json(&["explain", "bylaws/hemacare", "--format", "json"]);
    assert!(
        doc.to_string()
            .contains(r#""title":"Advance notice of nominations (Bylaws § 2.14)""#),
        "{doc}"
    );
}

#[test]
fn a_template_title_made_too_long_by_its_parameters_is_an_error_with_the_fix() {
    let cli = Cli::new();
    let pack = |subject: &str, title: &str| {
        dedent(&format!(
            r#"
            [pack]
            id = "acme_bylaws"
            title = "Acme bylaws"
            version = "1"
            citation = "Acme Bylaws"

            [[use]]
            template = "bylaws/templates/anniversary_window"
            id = "advance_notice"
            params = {{ citation = "Acme Bylaws § 1", subject = "{subject}"{title} }}
            "#
        ))
    };
    let long = "a nomination of a director or a proposal of other business for the meeting";
    cli.file("acme.toml", &pack(long, ""));
    let (code, _, stderr) = cli.run(&["check", "acme.toml"]);
    assert_eq!(code, 1, "{stderr}");
    assert_diagnostic(
        &stderr,
        "built-in pack bylaws/templates/anniversary_window (as used at acme.toml:7):83:9",
        &[
            "the title of rule `shareholder_notice` is 106 characters long; the most is 80",
            "`title` (or `subject`) in the `[[use]]`'s `params`",
        ],
    );
    // The fix the help gives.
    cli.file(
        "acme.toml",
        &pack(
            long,
            r#", title = "Advance notice of nominations and business""#,
        ),
    );
    let (code, _, stderr) = cli.run(&["check", "acme.toml"]);
    assert_eq!(code, 0, "{stderr}");
    let doc = cli.json(&[
        "deadlines",
        "--only",
        "acme.toml",
        "--meeting",
        "2026-05-14",
        "--prior-meeting",
        "2025-05-15",
        "--today",
        "2026-01-05",
        "--format",
        "json",
    ]);
    let d = crate::util::deadline(&doc, "acme_bylaws", "advance_notice");
    assert_eq!(d["title"], "Advance notice of nominations and business");
}
