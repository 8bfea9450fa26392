//! `govcal explain`: the steps of a computation, numbered, with citations.

use crate::util::Cli;

/// HemaCare Bylaws § 2.14 (Form 8-K of 27 Feb 2004): 25 May 2004 - 90
/// days = 25 Feb; 27 Feb + 7 days = 5 Mar; the later is 5 Mar 2004.
#[test]
fn explain_hemacare_nomination_notice_numbers_the_steps_and_cites_section_2_14() {
    let cli = Cli::new();
    cli.copy("examples/hemacare-2004.toml");
    let out = cli.ok(&[
        "explain",
        "hemacare-2004.toml",
        "--rule",
        "nomination_notice",
        "--today",
        "2004-02-27",
    ]);
    assert!(
        out.contains(
            "Advance notice of nominations (Bylaws § 2.14) [computed]\n  Rule: hemacare_bylaws/nomination_notice\n"
        ),
        "{out}"
    );
    assert!(
        !out.contains("business_notice"),
        "only the asked rule: {out}"
    );
    assert!(out.contains("Citation: HemaCare Bylaws § 2.14 (nominations)"));
    let steps = [
        "1. 90 days before the meeting (Tue 25 May 2004) = Wed 25 Feb 2004",
        "2. 7 days after the first public announcement of the meeting date (Fri 27 Feb 2004) = Fri 5 Mar 2004",
        "3. the later of Wed 25 Feb 2004 and Fri 5 Mar 2004 = Fri 5 Mar 2004",
    ];
    for step in steps {
        let line = out
            .lines()
            .find(|l| l.trim_start().starts_with(step))
            .unwrap_or_else(|| panic!("no step `{step}`:\n{out}"));
        assert!(
            line.ends_with("[HemaCare Bylaws § 2.14 (nominations)]"),
            "{line}"
        );
    }
    assert!(out.contains("=> closes Fri 5 Mar 2004"), "{out}");
    // A facts file, not a rule pack: the trace, not the rulebook.
    assert!(!out.contains("Generated:"), "{out}");
}

/// `--rule` also takes `pack_id/rule_id`.
#[test]
fn explain_accepts_a_qualified_rule_id() {
    let cli = Cli::new();
    cli.copy("examples/hemacare-2004.toml");
    let out = cli.ok(&[
        "explain",
        "hemacare-2004.toml",
        "--rule",
        "hemacare_bylaws/business_notice",
        "--today",
        "2004-02-27",
    ]);
    assert!(out.contains(
        "Advance notice of other business (Bylaws § 2.14) [computed]\n  Rule: hemacare_bylaws/business_notice\n"
    ));
    assert!(out.contains("HemaCare Bylaws § 2.14 (business at meetings)"));
    assert!(!out.contains("nomination_notice"));
}

/// An unknown rule is a usage error (exit 2).
#[test]
fn explain_unknown_rule_exits_2() {
    let cli = Cli::new();
    cli.copy("examples/hemacare-2004.toml");
    let (code, stdout, stderr) = cli.run(&[
        "explain",
        "hemacare-2004.toml",
        "--rule",
        "nomination",
        "--today",
        "2004-02-27",
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    assert_eq!(stderr, "error: no loaded rule is called `nomination`\n");
}
