//! `govcal explain PACK`: a rule pack as a rulebook, with English generated
//! from the rule's expressions beside the rule file's own summary, in plain
//! text, Markdown, HTML and JSON. Goldens live in `snapshots/` and are
//! rewritten with `GOVCAL_BLESS=1` after a deliberate change.

use serde_json::Value;

use crate::util::{Cli, manifest_path};

/// Compares `got` with the golden file `snapshots/<name>`.
fn matches_golden(name: &str, got: &str) {
    let path = manifest_path(&format!("tests/integration/snapshots/{name}"));
    if std::env::var_os("GOVCAL_BLESS").is_some() {
        std::fs::write(&path, got).unwrap();
    }
    let golden = std::fs::read_to_string(&path).unwrap();
    assert!(
        got == golden,
        "{name} differs from {}:\n--- got\n{got}\n--- expected\n{golden}",
        path.display()
    );
}

/// A one-rule pack whose `summary` and expressions are the test's own.
fn one_rule_pack(summary: &str, body: &str) -> String {
    format!(
        r#"
        [pack]
        id = "demo"
        title = "Demo bylaws"
        version = "1"
        citation = "Demo Bylaws"

        [[rule]]
        id = "notice"
        summary = "{summary}"
        citation = "Demo Bylaws § 1"
        {body}
        "#
    )
}

/// The rule `pack/rule` of an `explain PACK --format json` document.
fn rule<'a>(doc: &'a Value, pack: &str, id: &str) -> &'a Value {
    doc["packs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == pack)
        .and_then(|p| {
            p["rules"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["id"] == id)
        })
        .unwrap_or_else(|| panic!("no rule {pack}/{id} in {doc:#}"))
}

#[test]
fn hemacare_rulebook_in_markdown_matches_its_golden() {
    // The date is the provenance line's; `--today` pins it.
    let md = Cli::new().ok(&[
        "explain",
        "bylaws/hemacare",
        "--format",
        "markdown",
        "--today",
        "2025-01-15",
    ]);
    matches_golden("hemacare.rulebook.md", &md);
}

#[test]
fn hemacare_rulebook_in_html_matches_its_golden_and_stands_alone() {
    let html = Cli::new().ok(&[
        "explain",
        "hemacare_bylaws",
        "--format",
        "html",
        "--today",
        "2025-01-15",
    ]);
    matches_golden("hemacare.rulebook.html", &html);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.ends_with("</body>\n</html>\n"));
    // No external assets: no scripts, stylesheets or images to fetch.
    for asset in ["<script", "<link", "<img", "src=", "@import"] {
        assert!(!html.contains(asset), "`{asset}` in the page");
    }
}

/// The brief's wording for HemaCare § 2.14, from the parsed `closes`.
#[test]
fn hemacare_plain_rulebook_reads_the_expression() {
    let out = Cli::new().ok(&["explain", "bylaws/hemacare"]);
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Generated: closes on the later of (a) 90 days before the meeting and (b) 7 days after the first public announcement of the meeting date; not rolled off weekends or holidays; no time of day"),
        "{out}"
    );
    assert!(flat.contains("Citation: HemaCare Bylaws § 2.14 (nominations)"));
    assert!(flat.contains(
        "meeting = Tue 25 May 2004, announcement = Fri 27 Feb 2004 → closes Fri 5 Mar 2004"
    ));
}

/// The summary says 60 days, the expression 45: the generated English must
/// follow the expression, and the summary is printed as written.
#[test]
fn generated_english_comes_from_the_expression_not_the_summary() {
    let cli = Cli::new();
    cli.file(
        "pack.toml",
        &one_rule_pack(
            "Notice must arrive 60 days before the meeting.",
            r#"closes = "earlier_of(meeting - 45 days, record_date + 3 days)""#,
        ),
    );
    let doc = cli.json(&["explain", "pack.toml", "--format", "json"]);
    let r = rule(&doc, "demo", "notice");
    assert_eq!(
        r["summary"],
        "Notice must arrive 60 days before the meeting."
    );
    assert_eq!(
        r["english"],
        "closes on the earlier of (a) 45 days before the meeting and (b) 3 days after the record date; not rolled off weekends or holidays; no time of day"
    );
    let text = cli.ok(&["explain", "pack.toml"]);
    let generated = text
        .lines()
        .find(|l| l.trim_start().starts_with("Generated:"))
        .unwrap();
    assert!(generated.contains("45 days before the meeting"), "{text}");
    assert!(!generated.contains("60 days"), "{text}");
}

/// The moved-meeting fallback of the model bylaw: the condition, both
/// outcomes in order, the annual-meeting guard, and the branch labels.
#[test]
fn branches_of_the_anniversary_window_template_read_in_order() {
    let cli = Cli::new();
    let doc = cli.json(&[
        "explain",
        "bylaws/templates/anniversary_window",
        "--format",
        "json",
    ]);
    let r = rule(&doc, "anniversary_window", "shareholder_notice");
    assert_eq!(
        r["applies_when"],
        "applies only when the meeting is an annual meeting"
    );
    let branches = r["branches"].as_array().unwrap();
    assert_eq!(branches.len(), 2);
    assert_eq!(
        branches[0]["condition"],
        "no annual meeting was held last year, the meeting is more than 30 days before the anniversary of the prior annual meeting, or the meeting is more than 60 days after the anniversary of the prior annual meeting"
    );
    assert_eq!(
        branches[0]["outcome"],
        "opens 120 days before the meeting, closes on the later of (a) 90 days before the meeting and (b) 10 days after the first public announcement of the meeting date"
    );
    assert_eq!(branches[1]["otherwise"], true);
    assert_eq!(
        branches[1]["outcome"],
        "opens 120 days before the anniversary of the prior annual meeting, closes 90 days before the anniversary of the prior annual meeting"
    );
    let english = r["english"].as_str().unwrap();
    let first = english.find("if no annual meeting").unwrap();
    let otherwise = english
        .find("; otherwise: opens 120 days before the anniversary")
        .unwrap();
    assert!(english.starts_with("applies only when the meeting is an annual meeting; "));
    assert!(first < otherwise, "{english}");
    assert!(english.ends_with("in every case, both bounds: not rolled off weekends or holidays; at the company's close of business (17:00 unless its profile says otherwise), in its time zone"), "{english}");
    // The plain text numbers the branches, with the pack's labels.
    let text = cli.ok(&["explain", "bylaws/templates/anniversary_window"]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Branches, tried in order: 1. Applies only when the meeting is an annual meeting; otherwise it does not apply. 2. If no annual meeting was held last year,"), "{text}");
    assert!(flat.contains("3. Otherwise: opens 120 days before the anniversary of the prior annual meeting, closes 90 days before the anniversary of the prior annual meeting. Label: “meeting within 30 days before or 60 days after the anniversary”."), "{text}");
}

/// A rule without an `otherwise` says what happens when no branch holds;
/// an `unspecified` branch gives the law's words.
#[test]
fn unspecified_branch_and_no_fallback_are_said() {
    let cli = Cli::new();
    cli.file(
        "pack.toml",
        &one_rule_pack(
            "x",
            r#"
            [[rule.branch]]
            when = "missing(prior_meeting)"
            unspecified = "a reasonable time before printing"
            [[rule.branch]]
            when = "meeting - announcement < 70 days"
            label = "short notice"
            citation = "Demo Bylaws § 1(b)"
            closes = "announcement + 10 days"
            "#,
        ),
    );
    let doc = cli.json(&["explain", "pack.toml", "--format", "json"]);
    let r = rule(&doc, "demo", "notice");
    assert_eq!(
        r["english"],
        "if no annual meeting was held last year: no fixed date: “a reasonable time before printing”; otherwise, if the meeting is less than 70 days after the first public announcement of the meeting date: closes 10 days after the first public announcement of the meeting date; otherwise: the rule does not apply; in every case, not rolled off weekends or holidays; no time of day"
    );
    assert_eq!(r["branches"][1]["citation"], "Demo Bylaws § 1(b)");
}

/// Each bound's roll and time of day, the business-day calendar and a
/// counting convention other than the default.
#[test]
fn roll_time_of_day_calendar_and_counting_are_worded_per_bound() {
    let cli = Cli::new();
    cli.file(
        "pack.toml",
        &one_rule_pack(
            "x",
            r#"opens = "record_date - 20 business days"
        closes = "meeting - 10 days"
        calendar = "nyse"
        opens_roll = "forward"
        closes_roll = "backward"
        opens_at = "close_of_business"
        closes_at = "17:30 America/New_York"
        counting = "clear_days""#,
        ),
    );
    let doc = cli.json(&["explain", "pack.toml", "--format", "json"]);
    let r = rule(&doc, "demo", "notice");
    assert_eq!(
        r["timing"]["opens"],
        "if it falls on a weekend or holiday, it moves forward to the next business day on the `nyse` calendar; at the company's close of business (17:00 unless its profile says otherwise), in its time zone"
    );
    assert_eq!(
        r["timing"]["closes"],
        "if it falls on a weekend or holiday, it moves back to the previous business day on the `nyse` calendar; at 17:30 America/New_York"
    );
    assert_eq!(
        r["business_days"],
        "business days are counted on the `nyse` holiday calendar"
    );
    let english = r["english"].as_str().unwrap();
    assert!(english.starts_with("opens 20 business days before the record date, closes 10 days before the meeting; opens: if it falls"), "{english}");
    assert!(english.ends_with("; clear days: neither the starting day nor the last day is counted, so N days before a date is that date minus (N + 1)"), "{english}");
}

#[test]
fn rule_flag_keeps_one_rule_and_takes_a_qualified_id() {
    let cli = Cli::new();
    for id in ["business_notice", "hemacare_bylaws/business_notice"] {
        let out = cli.ok(&["explain", "bylaws/hemacare", "--rule", id]);
        assert!(out.contains("`hemacare_bylaws/business_notice`\n"), "{out}");
        assert!(!out.contains("nomination_notice"), "{out}");
    }
}

#[test]
fn unknown_rule_in_a_pack_exits_2_and_lists_the_rules() {
    let (code, stdout, stderr) =
        Cli::new().run(&["explain", "bylaws/hemacare", "--rule", "nomination"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    assert_eq!(
        stderr,
        "error: no rule is called `nomination` in hemacare_bylaws\n  help: its rules are `nomination_notice`, `business_notice`\n"
    );
}

#[test]
fn html_escapes_the_pack_text() {
    let cli = Cli::new();
    cli.file(
        "pack.toml",
        &one_rule_pack(
            r#"Notice <script>alert(\"x\")</script> & co."#,
            r#"closes = "meeting - 10 days""#,
        ),
    );
    let html = cli.ok(&["explain", "pack.toml", "--format", "html"]);
    assert!(
        html.contains("Notice &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co."),
        "{html}"
    );
    assert!(!html.contains("<script"), "{html}");
    let md = cli.ok(&["explain", "pack.toml", "--format", "markdown"]);
    assert!(md.contains(r"Notice \<script\>alert("), "{md}");
}

#[test]
fn output_file_holds_the_same_bytes_as_stdout() {
    let cli = Cli::new();
    let stdout = cli.ok(&[
        "explain",
        "bylaws/hemacare",
        "--format",
        "html",
        "--today",
        "2025-01-15",
    ]);
    let quiet = cli.ok(&[
        "explain",
        "bylaws/hemacare",
        "--format",
        "html",
        "--today",
        "2025-01-15",
        "-o",
        "rulebook.html",
    ]);
    assert!(quiet.is_empty());
    let file = std::fs::read_to_string(cli.path().join("rulebook.html")).unwrap();
    assert_eq!(file, stdout);
    let names: Vec<_> = std::fs::read_dir(cli.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["rulebook.html"], "no temporary file is left");
}

/// A facts file is not taken for a pack (its trace is checked in
/// `explain.rs`), and the rulebook formats say they need a pack.
#[test]
fn a_facts_file_refuses_the_rulebook_formats() {
    let cli = Cli::new();
    cli.copy("examples/hemacare-2004.toml");
    let (code, _, stderr) = cli.run(&["explain", "hemacare-2004.toml", "--format", "html"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: `--format markdown` and `--format html` print a rule pack"),
        "{stderr}"
    );
}

/// A pack explained without facts refuses the flags that need a meeting;
/// explain has no CSV or iCalendar output.
#[test]
fn pack_mode_refuses_meeting_flags_and_calendar_formats() {
    let cli = Cli::new();
    let (code, _, stderr) = cli.run(&["explain", "bylaws/hemacare", "--meeting", "2004-05-25"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("`--meeting` needs a meeting, but `bylaws/hemacare` is a rule pack")
            && stderr.contains("govcal explain --rules bylaws/hemacare --meeting"),
        "{stderr}"
    );
    let (code, _, stderr) = cli.run(&["explain", "bylaws/hemacare", "--format", "ics"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("invalid value 'ics'"), "{stderr}");
}

/// A family names several packs; `--rules` loads a pack for references
/// without printing it.
#[test]
fn a_family_prints_every_pack_and_rules_only_support() {
    let cli = Cli::new();
    let doc = cli.json(&["explain", "sec", "--format", "json"]);
    let ids: Vec<&str> = doc["packs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(ids.contains(&"sec_regulation_14a"), "{ids:?}");
    let doc = cli.json(&[
        "explain",
        "bylaws/hemacare",
        "--rules",
        "sec",
        "--format",
        "json",
    ]);
    assert_eq!(doc["packs"].as_array().unwrap().len(), 1);
}
