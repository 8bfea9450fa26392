//! `govcal disclose FACTS` (issue 20 §4): the proxy statement's section on
//! next year's deadlines, read back by `govcal verify`, which must find
//! every date it prints and agree with each; where to send is a
//! placeholder, never made up; Markdown and HTML escape what they print.

use serde_json::Value;

use crate::util::{Cli, manifest_path};

/// Every example facts file with an annual meeting: (file name, its facts
/// table, its `rules`).
fn annual_examples() -> Vec<(String, toml::Table, Vec<String>)> {
    let mut out = Vec::new();
    let mut names: Vec<String> = std::fs::read_dir(manifest_path("examples"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| {
            std::path::Path::new(n)
                .extension()
                .is_some_and(|e| e == "toml")
        })
        .collect();
    names.sort();
    for name in names {
        let text = std::fs::read_to_string(manifest_path(&format!("examples/{name}"))).unwrap();
        let doc: toml::Table = toml::from_str(&text).unwrap();
        let Some(facts) = doc.get("facts").and_then(toml::Value::as_table) else {
            continue;
        };
        let annual = facts.get("meeting_kind").and_then(toml::Value::as_str) == Some("annual");
        if !annual || !facts.contains_key("meeting") {
            continue;
        }
        let rules = doc["company"]
            .get("rules")
            .and_then(toml::Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        out.push((name, facts.clone(), rules));
    }
    out
}

/// Dates the draft prints ("December 3, 2026"), counted.
fn printed_dates(text: &str) -> usize {
    const MONTHS: [&str; 12] = [
        "January ",
        "February ",
        "March ",
        "April ",
        "May ",
        "June ",
        "July ",
        "August ",
        "September ",
        "October ",
        "November ",
        "December ",
    ];
    MONTHS
        .iter()
        .map(|m| {
            text.match_indices(m)
                .filter(|(i, _)| {
                    text[i + m.len()..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_digit())
                })
                .count()
        })
        .sum()
}

/// The round trip: for every example with an annual meeting, the draft
/// (text, Markdown and HTML) read by `verify` with this year's facts as flags and
/// the company's bylaws: every printed date found, every one agrees, and
/// Rule 14a-19 (and Rule 14a-8 when the release date is known, the
/// bylaws' window when it has dates) among them.
#[test]
fn verify_agrees_with_every_drafted_date() {
    let cli = Cli::with_examples();
    let examples = annual_examples();
    assert!(examples.len() >= 6, "{examples:?}");
    for (name, facts, rules) in &examples {
        for format in ["text", "markdown", "html"] {
            let out = format!("{name}.{format}");
            cli.ok(&["disclose", name, "--format", format, "-o", &out]);
            let draft = std::fs::read_to_string(cli.path().join(&out)).unwrap();
            // A date as TOML writes it, or as a string ("May 25, 2004").
            let date = |k: &str| {
                facts
                    .get(k)
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
            };
            let mut args: Vec<String> = vec![
                "verify".into(),
                out.clone(),
                "--format".into(),
                "json".into(),
                "--meeting-kind".into(),
                "annual".into(),
                "--meeting".into(),
                date("meeting").unwrap(),
            ];
            if let Some(r) = date("proxy_release") {
                args.extend(["--proxy-release".into(), r]);
            }
            for r in rules {
                args.extend(["--rules".into(), r.clone()]);
            }
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let (code, stdout, stderr) = cli.run(&args);
            assert_eq!(code, 0, "{name} {format}: {stderr}\n{stdout}\n{draft}");
            let doc: Value = serde_json::from_str(&stdout).unwrap();
            let rows = doc["deadlines"].as_array().unwrap();
            let purposes: Vec<&str> = rows
                .iter()
                .map(|r| r["purpose"].as_str().unwrap())
                .collect();
            for r in rows {
                assert_eq!(r["verdict"], "agrees", "{name} {format}: {r}\n{draft}");
            }
            // Every date printed is found: a window's two days count as two.
            let found: usize = rows
                .iter()
                .map(|r| 1 + usize::from(!r["printed"]["opens"].is_null()))
                .sum();
            assert_eq!(
                found,
                printed_dates(&draft),
                "{name} {format}: {stdout}\n{draft}"
            );
            let meeting = date("meeting").unwrap();
            let year = meeting
                .split(|c: char| !c.is_ascii_digit())
                .find(|s| s.len() == 4)
                .unwrap();
            let next_year: i32 = year.parse::<i32>().unwrap() + 1;
            if next_year > 2023 {
                assert!(purposes.contains(&"rule_14a19"), "{name}: {purposes:?}");
            }
            if facts.contains_key("proxy_release") {
                assert!(purposes.contains(&"rule_14a8"), "{name}: {purposes:?}");
            }
            if name.starts_with("northwind") || name.starts_with("kestrel") {
                assert!(purposes.contains(&"advance_notice"), "{name}: {purposes:?}");
            }
        }
    }
}

/// Northwind: the window with its time and zone, what applies if the
/// meeting moves (the bylaw's 30/60-day thresholds), and the secretary's
/// address from the facts file.
#[test]
fn northwind_paragraph() {
    let cli = Cli::with_examples();
    let text = cli.ok(&["disclose", "northwind-2026.toml"]);
    for want in [
        "Shareholder Proposals and Director Nominations for the 2027 Annual Meeting",
        "no later than December 3, 2026.",
        "no earlier than 5:00 p.m. Eastern Time on January 14, 2027 and no later than 5:00 p.m. Eastern Time on February 13, 2027.",
        "held more than 30 days before or more than 60 days after the anniversary of the 2026 annual meeting",
        "Rule 14a-19, postmarked or transmitted electronically",
        "no later than March 15, 2027.",
        "sent in writing to the Corporate Secretary, Northwind Industrial Corp., 400 Harbor Way, Wilmington, Delaware 19801.",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
}

/// A date or an address the facts cannot give is a bracketed
/// placeholder, never made up.
#[test]
fn missing_release_and_address_are_placeholders() {
    let cli = Cli::with_examples();
    let text = cli.ok(&["disclose", "prairie-2026.toml"]);
    assert!(
        text.contains(
            "no later than [date to be completed: the facts file does not give `proxy_release`]"
        ),
        "{text}"
    );
    assert!(
        text.contains(", [address of the Corporate Secretary]."),
        "{text}"
    );
}

/// An empty `secretary_address` is an error at its value, not a blank in
/// the draft.
#[test]
fn an_empty_secretary_address_is_located() {
    let cli = Cli::with_examples();
    let text = std::fs::read_to_string(cli.path().join("northwind-2026.toml")).unwrap();
    let text = text.replace(
        "secretary_address = \"400 Harbor Way, Wilmington, Delaware 19801\"",
        "secretary_address = \"  \"",
    );
    std::fs::write(cli.path().join("empty-address.toml"), text).unwrap();
    let (code, _, stderr) = cli.run(&["disclose", "empty-address.toml"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("the secretary's address is empty"),
        "{stderr}"
    );
    assert!(stderr.contains("empty-address.toml:14:21"), "{stderr}");
}

/// HTML is a fragment with its text escaped; Markdown escapes brackets.
#[test]
fn html_and_markdown_escape() {
    let cli = Cli::with_examples();
    let html = cli.ok(&["disclose", "northwind-2026.toml", "--format", "html"]);
    assert!(
        html.starts_with("<section class=\"govcal-disclosure\">"),
        "{html}"
    );
    assert!(!html.contains("<html"), "{html}");
    assert!(html.contains("<h2>Shareholder Proposals"), "{html}");
    let md = cli.ok(&["disclose", "northwind-2026.toml", "--format", "markdown"]);
    assert!(md.starts_with("## Shareholder Proposals"), "{md}");
    let md = cli.ok(&["disclose", "prairie-2026.toml", "--format", "markdown"]);
    assert!(
        md.contains("\\[address of the Corporate Secretary\\]"),
        "{md}"
    );
}

/// A special meeting has no next year's section to draft: refused, exit 2.
#[test]
fn special_meeting_is_refused() {
    let cli = Cli::with_examples();
    let (code, _, stderr) = cli.run(&[
        "disclose",
        "northwind-2026.toml",
        "--meeting-kind",
        "special",
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("annual meeting"), "{stderr}");
}

/// Proxy access (Rule 14a-5(e)(3) in the draft's order): a company whose
/// bylaws use the proxy-access template gets its paragraph, and `verify`
/// agrees with it. Expected by hand: this year's proxy released Tue 17
/// Mar 2026, so the anniversary is Wed 17 Mar 2027; 150 days before it is
/// Sun 18 Oct 2026 and 120 days before it Tue 17 Nov 2026 (the template's
/// 150/120-day window, 5:00 p.m. close of business in New York).
#[test]
fn proxy_access_is_drafted_and_read_back() {
    let cli = Cli::new();
    cli.file(
        "osprey-bylaws.toml",
        r#"[pack]
id = "osprey_bylaws"
title = "Osprey Mutual Holdings Bylaws"
version = "2025-01-01"
citation = "Osprey Mutual Holdings Bylaws"
applies_to = { states = ["MD"] }

[[use]]
template = "bylaws/templates/proxy_access"
id = "proxy_access"
params = { citation = "Osprey Bylaws § 2.16" }
"#,
    );
    cli.file(
        "osprey.toml",
        r#"[company]
name = "Osprey Mutual Holdings"
state = "Maryland"
exchange = "NYSE"
rules = ["osprey-bylaws.toml"]

[facts]
meeting_kind = "annual"
prior_meeting = 2025-04-29
prior_proxy_release = 2025-03-18
meeting = 2026-04-28
proxy_release = 2026-03-17
"#,
    );
    let text = cli.ok(&["disclose", "osprey.toml", "-o", "draft.txt"]);
    assert!(text.is_empty(), "{text}");
    let draft = std::fs::read_to_string(cli.path().join("draft.txt")).unwrap();
    assert!(
        draft.contains(
            "Nominees for our proxy materials (proxy access). Under the proxy access provisions of our bylaws (Osprey Bylaws § 2.16)"
        ),
        "{draft}"
    );
    assert!(
        draft.contains(
            "no earlier than 5:00 p.m. Eastern Time on October 18, 2026 and no later than 5:00 p.m. Eastern Time on November 17, 2026."
        ),
        "{draft}"
    );
    let doc: Value = cli.json(&[
        "verify",
        "draft.txt",
        "--format",
        "json",
        "--meeting-kind",
        "annual",
        "--meeting",
        "2026-04-28",
        "--proxy-release",
        "2026-03-17",
        "--rules",
        "osprey-bylaws.toml",
    ]);
    let rows = doc["deadlines"].as_array().unwrap();
    let access: Vec<&Value> = rows
        .iter()
        .filter(|r| r["purpose"] == "proxy_access")
        .collect();
    assert_eq!(access.len(), 1, "{doc:#}");
    assert_eq!(access[0]["verdict"], "agrees", "{doc:#}");
    assert_eq!(access[0]["printed"]["opens"], "2026-10-18");
    assert_eq!(access[0]["printed"]["closes"], "2026-11-17");
    for r in rows {
        assert_eq!(r["verdict"], "agrees", "{r}");
    }
}

/// A template loaded on its own is govcal's model bylaw: the draft does
/// not print the model's citation as the company's bylaw section, but a
/// blank saying so.
#[test]
fn a_model_bylaw_is_not_cited_as_the_companys() {
    let cli = Cli::new();
    cli.file(
        "model.toml",
        r#"[company]
name = "Osprey Mutual Holdings"
state = "Maryland"
exchange = "NYSE"
rules = ["bylaws/templates/anniversary_window", "bylaws/templates/proxy_access"]

[facts]
meeting_kind = "annual"
prior_meeting = 2025-04-29
meeting = 2026-04-28
proxy_release = 2026-03-17
"#,
    );
    let draft = cli.ok(&["disclose", "model.toml"]);
    assert!(!draft.contains("Model bylaw"), "{draft}");
    assert!(!draft.contains("market practice"), "{draft}");
    assert_eq!(
        draft
            .matches("[section of our bylaws: these dates come from govcal's model bylaw, not from the company's bylaws]")
            .count(),
        2,
        "{draft}"
    );
}
