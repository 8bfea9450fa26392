//! `govcal check` for counsel: every problem in a file at once, each at its
//! exact line and column, and the findings of the search over meeting dates
//! (a window that opens after it closes, branches never taken, a company
//! rule outside the state or SEC rule above it).

use serde_json::Value;

use crate::util::{Cli, manifest_path};

/// Runs `check --format json` on a fixture under `tests/fixtures/packs/`;
/// returns the exit code and the document.
fn check_json(cli: &Cli, file: &str) -> (i32, Value) {
    let (code, stdout, stderr) = cli.run(&["check", file, "--format", "json"]);
    assert!(stderr.is_empty(), "{stderr}");
    (code, serde_json::from_str(&stdout).unwrap())
}

fn fixture(cli: &Cli, name: &str) -> String {
    let text =
        std::fs::read_to_string(manifest_path(&format!("tests/fixtures/packs/{name}"))).unwrap();
    cli.file(name, &text);
    name.to_owned()
}

/// (severity, line, column, message) of each diagnostic.
fn located(doc: &Value) -> Vec<(String, u64, u64, String)> {
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["severity"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn owned(list: &[(&str, u64, u64, &str)]) -> Vec<(String, u64, u64, String)> {
    list.iter()
        .map(|(s, l, c, m)| ((*s).to_owned(), *l, *c, (*m).to_owned()))
        .collect()
}

#[test]
fn every_problem_in_a_file_is_reported_at_once_at_its_line_and_column() {
    let cli = Cli::new();
    let file = fixture(&cli, "many_problems.toml");
    let (code, doc) = check_json(&cli, &file);
    assert_eq!(code, 1);
    assert_eq!(
        (doc["errors"].as_u64(), doc["warnings"].as_u64()),
        (Some(7), Some(11))
    );
    assert_eq!(
        located(&doc),
        owned(&[
            ("error", 9, 12, "unknown calendar `us_federl`"),
            ("error", 10, 1, "unknown key `colour`"),
            ("warning", 13, 6, "rule `a` has no title"),
            ("warning", 13, 6, "rule `a` has no worked cases"),
            ("error", 16, 11, "unknown fact `meting`"),
            ("error", 17, 1, "unknown key `frobnicate`"),
            ("warning", 20, 6, "rule `b` has no title"),
            ("warning", 20, 6, "rule `b` has no worked cases"),
            ("warning", 22, 12, "rule `b` has an empty citation"),
            ("error", 23, 19, "cannot add a date to a date"),
            ("warning", 26, 6, "rule `c` has no title"),
            ("warning", 26, 6, "rule `c` has no worked cases"),
            ("warning", 32, 6, "rule `d` has no title"),
            ("warning", 32, 6, "rule `d` has no worked cases"),
            (
                "error",
                35,
                11,
                "rules depend on each other in a cycle: `c` -> `d` -> `c`"
            ),
            ("warning", 38, 6, "rule `e` has no title"),
            ("warning", 38, 6, "rule `e` has no worked cases"),
            (
                "error",
                41,
                17,
                "cannot compare a date with a number of days"
            ),
        ])
    );
    let help = |i: usize| {
        doc["diagnostics"][i]["help"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(help(0), "did you mean `us_federal`?");
    assert!(help(1).starts_with("known keys: id, title,"), "{}", help(1));
    assert_eq!(help(4), "did you mean `meeting`?");
}

#[test]
fn the_text_report_gives_each_location_and_fix_and_the_totals() {
    let cli = Cli::new();
    let file = fixture(&cli, "many_problems.toml");
    let (code, stdout, stderr) = cli.run(&["check", &file]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    for location in [
        "many_problems.toml:9:12",
        "many_problems.toml:10:1",
        "many_problems.toml:17:1",
        "many_problems.toml:35:11",
    ] {
        assert!(
            stderr.lines().any(|l| l == location),
            "{location}:\n{stderr}"
        );
    }
    assert!(
        stderr.contains("help: did you mean `us_federal`?"),
        "{stderr}"
    );
    assert!(stderr.ends_with("checked 1 pack: 7 errors, 11 warnings, 0 worked cases run\n"));
}

#[test]
fn the_search_finds_a_misordered_window_unreachable_branches_and_record_date_and_notice_windows_wider_than_delaware_allows()
 {
    let cli = Cli::new();
    let file = fixture(&cli, "search_findings.toml");
    let (code, doc) = check_json(&cli, &file);
    assert_eq!(code, 1, "a window that opens after it closes is an error");
    assert_eq!(doc["cases_run"], 4, "the worked cases run and pass");
    // Each example is checked by hand: 8 Jun 2012 - 30 days = Wed 9 May
    // 2012; 30 Nov 2011 + 10 days = Sat 10 Dec 2011. 26 Apr 2045 - 70 days
    // = Wed 15 Feb 2045, - 60 days (8 Del. C. § 213(a)) = Sat 25 Feb 2045.
    // 2 Oct 2004 - 7 days = Sat 25 Sep 2004, - 10 days (§ 222(b)) = Wed 22
    // Sep 2004.
    // The fixture's rules have no titles on purpose (a warning each); the
    // search's findings are the rest.
    let findings: Vec<_> = located(&doc)
        .into_iter()
        .filter(|d| !d.3.ends_with("has no title"))
        .collect();
    assert_eq!(
        findings,
        owned(&[
            (
                "error",
                16,
                10,
                "the window of `late_window` can open after it closes: with the meeting on Fri 8 Jun 2012 and the first public announcement of the meeting date on Wed 30 Nov 2011, it opens Wed 9 May 2012 and closes Sat 10 Dec 2011"
            ),
            (
                "warning",
                35,
                17,
                "branch 2 of `shadowed` (\"no annual meeting was held last year\") is never taken: whenever its condition holds, branch 1 (\"the prior annual meeting is known, or no annual meeting was held last year\") matches first, e.g. with the meeting on Fri 19 Apr 1996 and no annual meeting last year"
            ),
            (
                "warning",
                39,
                9,
                "branch 3 of `shadowed` (\"the meeting is before Mon 1 Jan 1900\") is never taken: its condition held for none of 704 meetings tried"
            ),
            (
                "warning",
                48,
                6,
                "`record_date_window` opens before 8 Del. C. § 213(a) allows: with the meeting on Wed 26 Apr 2045, it opens Wed 15 Feb 2045 but `us_de_dgcl/record_date` opens Sat 25 Feb 2045"
            ),
            (
                "warning",
                62,
                6,
                "`meeting_notice_window` closes after 8 Del. C. § 222(b) allows: with the meeting on Sat 2 Oct 2004, it closes Sat 25 Sep 2004 but `us_de_dgcl/meeting_notice` closes Wed 22 Sep 2004"
            ),
            // At a meeting that votes on a merger, § 251(c) and § 262(d)(1)
            // want 20 days: 2 Feb 2042 - 20 days = Mon 13 Jan 2042; 6 Jul
            // 2038 - 20 days = Wed 16 Jun 2038.
            (
                "warning",
                62,
                6,
                "`meeting_notice_window` closes after 8 Del. C. § 251(c) allows: with the meeting on Sun 2 Feb 2042 and `merger_agreement` on Wed 10 Apr 2041, it closes Sun 26 Jan 2042 but `us_de_dgcl/meeting_notice_merger` closes Mon 13 Jan 2042"
            ),
            (
                "warning",
                62,
                6,
                "`meeting_notice_window` closes after 8 Del. C. § 262(d)(1) allows: with the meeting on Tue 6 Jul 2038 and `merger_agreement` on Sun 5 Sep 2038, it closes Tue 29 Jun 2038 but `us_de_dgcl/appraisal_notice` closes Wed 16 Jun 2038"
            ),
        ])
    );
    let record_date = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .unwrap()
                .starts_with("`record_date_window`")
        })
        .unwrap();
    let help = record_date["help"].as_str().unwrap();
    assert!(
        help.starts_with("Acme Bylaws § 5 cannot widen 8 Del. C. § 213(a) (state law)"),
        "both citations: {help}"
    );
}

#[test]
fn the_search_gives_the_same_findings_on_every_run() {
    let cli = Cli::new();
    let file = fixture(&cli, "search_findings.toml");
    let first = cli.run(&["check", &file, "--format", "json"]);
    let second = cli.run(&["check", &file, "--format", "json"]);
    assert_eq!(first, second);
}

#[test]
fn a_company_pack_that_does_not_name_its_state_is_told_to_and_not_compared() {
    let cli = Cli::new();
    let text = std::fs::read_to_string(manifest_path("tests/fixtures/packs/search_findings.toml"))
        .unwrap()
        .replace("applies_to = { states = [\"DE\"] }\n", "");
    cli.file("acme.toml", &text);
    let (_, doc) = check_json(&cli, "acme.toml");
    let found = located(&doc);
    assert!(
        !found.iter().any(|d| d.3.contains("213(a)")),
        "no state to compare with: {found:?}"
    );
    // Diagnostics come in file order, so the note at the pack's id is not
    // necessarily the last one (#18).
    let note = "`acme_bylaws` does not say which state it answers to, so its rules were not compared with that state's rules";
    let at = found.iter().find(|d| d.3 == note).expect(note);
    assert_eq!((at.1, at.2), (6, 6), "at the pack's id");
}

#[test]
fn hemacare_nomination_deadline_can_fall_after_rule_14a_19_and_check_says_so_with_both_citations() {
    // HemaCare's bylaw closes on the later of 90 days before the meeting and
    // 7 days after the announcement; Rule 14a-19(b)(1) closes 60 days before
    // the anniversary when the meeting stays within 30 days of it. For a
    // meeting on Fri 18 Dec 2026 (anniversary Mon 28 Dec 2026), announced
    // Tue 17 Nov 2026: 17 Nov + 7 = Tue 24 Nov 2026, but 28 Dec - 60 days =
    // Thu 29 Oct 2026.
    let (code, doc) = check_json(&Cli::new(), "bylaws/hemacare");
    assert_eq!(code, 0, "a warning");
    let d = &doc["diagnostics"][0];
    assert_eq!(
        doc["diagnostics"].as_array().map(Vec::len),
        Some(1),
        "{doc:#}"
    );
    assert_eq!(d["file"], "rules/bylaws/hemacare.toml");
    // The JSON names the built-in pack too (issue 21 §5): the path is
    // govcal's own, not one in the user's folder.
    assert_eq!(d["built_in_pack"], "bylaws/hemacare");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(20), Some(6))
    );
    assert_eq!(
        d["message"],
        "`nomination_notice` closes after 17 CFR 240.14a-19(b)(1) allows: with the meeting on Fri 18 Dec 2026, the first public announcement of the meeting date on Tue 17 Nov 2026 and the prior annual meeting on Sun 28 Dec 2025, it closes Tue 24 Nov 2026 but `sec_regulation_14a/dissident_nominee_notice` closes Thu 29 Oct 2026"
    );
    assert!(d["help"].as_str().unwrap().starts_with(
        "HemaCare Bylaws § 2.14 (nominations) cannot widen 17 CFR 240.14a-19(b)(1) (federal law)"
    ));
}
