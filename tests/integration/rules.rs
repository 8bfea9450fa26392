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
