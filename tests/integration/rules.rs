//! `govcal rules list|show` and `govcal --version`.

use crate::util::{Cli, manifest_path};

#[test]
fn rules_list_names_every_built_in_pack_with_its_id() {
    let out = Cli::new().ok(&["rules", "list"]);
    for (name, id) in [
        ("sec/regulation_14a", "sec_regulation_14a"),
        ("bylaws/hemacare", "hemacare_bylaws"),
        ("bylaws/templates/anniversary_window", "anniversary_window"),
    ] {
        let line = out
            .lines()
            .find(|l| l.split_whitespace().next() == Some(name))
            .unwrap_or_else(|| panic!("`{name}` not listed:\n{out}"));
        assert_eq!(line.split_whitespace().nth(1), Some(id), "{line}");
    }
}

#[test]
fn rules_show_prints_the_built_in_pack_toml_verbatim() {
    let out = Cli::new().ok(&["rules", "show", "bylaws/hemacare"]);
    let file = std::fs::read_to_string(manifest_path("rules/bylaws/hemacare.toml")).unwrap();
    assert_eq!(out, file);
    assert!(out.contains("id = \"hemacare_bylaws\""));
}

#[test]
fn rules_show_unknown_pack_exits_2() {
    let (code, stdout, stderr) = Cli::new().run(&["rules", "show", "bylaws/acme"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.starts_with("error: no built-in pack is called `bylaws/acme`\n"));
}

#[test]
fn version_prints_govcal_version_and_tz_database() {
    let out = Cli::new().ok(&["--version"]);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(format!("govcal {}", env!("CARGO_PKG_VERSION")).as_str())
    );
    let tz = lines.next().unwrap_or_default();
    assert!(tz.starts_with("tz database 20"), "{out}");
    assert!(out.contains("pack sec/regulation_14a "), "{out}");
    assert!(out.contains("pack bylaws/hemacare 2002-11-23"), "{out}");
}

#[test]
fn no_command_is_a_usage_error() {
    let (code, _, stderr) = Cli::new().run(&[]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with("error: no command given\n"), "{stderr}");
}

/// Issue 16, point 6: `govcal rules coverage` prints the jurisdiction ×
/// kind-of-deadline table, and `rules/README.md` carries the same text
/// between its `coverage` markers. Regenerate the copy with the command
/// when a pack changes.
#[test]
fn rules_coverage_matches_the_table_in_the_rules_readme() {
    let out = Cli::new().ok(&["rules", "coverage"]);
    let readme = std::fs::read_to_string(manifest_path("rules/README.md")).unwrap();
    let start = readme
        .find("<!-- coverage:begin -->\n")
        .expect("begin marker")
        + 24;
    let end = readme.find("<!-- coverage:end -->").expect("end marker");
    assert_eq!(
        readme[start..end],
        out,
        "rules/README.md's coverage table is out of date: replace it with `govcal rules coverage`"
    );
    // Rows and cells come from the packs: a state with a complete pack, a
    // partial one, a Canadian statute per province, and the states left.
    assert!(out.starts_with("| Jurisdiction | annual meeting | meeting notice | record date |"));
    let row = |place: &str| {
        out.lines()
            .find(|l| l.starts_with(&format!("| {place} |")))
            .unwrap_or_else(|| panic!("no row for {place}:\n{out}"))
            .to_owned()
    };
    assert!(row("Delaware").contains("| `us_de_dgcl` (text) | `us_de_dgcl` (text, practice)"));
    assert!(row("Illinois").starts_with("| Illinois | `us_il_bca` (text) | - | - |"));
    assert!(row("Canada, federal corporations").contains("`ca_cbca` (text)"));
    assert!(row("Canada, Ontario").contains("`ca_on_obca` (text)"));
    assert!(out.contains("\nNo pack for: Alaska, "));
    // Maryland's REIT law has a row of its own, apart from its corporation law.
    assert!(!row("Maryland").contains("us_md_reit"));
    assert!(row("Maryland (trusts)").contains("`us_md_reit`"));
}

/// `rules coverage` of named packs tabulates only them.
#[test]
fn rules_coverage_of_named_packs() {
    let out = Cli::new().ok(&["rules", "coverage", "states/texas"]);
    let rows: Vec<&str> = out.lines().filter(|l| l.starts_with("| ")).collect();
    assert_eq!(rows.len(), 2, "{out}");
    assert!(
        rows[1].starts_with("| Texas | `us_tx_boc` (text) |"),
        "{out}"
    );
}
