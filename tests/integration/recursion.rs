//! Expressions nested or chained far beyond any bylaw (issue #18, §1): every
//! command that loads a pack refuses them with a located error, and none
//! overflows its stack (which would abort the process, exit 134, with no
//! usable message).
//!
//! The pack's rule expression starts at line 11, column 11 (after
//! `closes = "`), so the character at offset `n` of the expression is in
//! column `11 + n`.

use std::fmt::Write as _;

use crate::util::{Cli, assert_diagnostic};

/// How deep an expression may nest (`govcal::pack::expr::MAX_DEPTH`),
/// restated here so that raising it is a visible change.
const MAX_DEPTH: usize = 64;

/// A pack whose rule `a` has `body` at line 11, column 1.
fn pack(body: &str) -> String {
    format!(
        "[pack]\nid = \"p\"\ntitle = \"Test pack\"\nversion = \"1\"\ncitation = \"Test\"\n\n[[rule]]\nid = \"a\"\nsummary = \"A.\"\ncitation = \"Test\"\n{body}\n"
    )
}

/// Runs `check`, `deadlines`, `explain` and `diff` on `pack.toml` holding
/// `text`, and asserts that each exits 1 with the diagnostic at `location`.
fn refused_everywhere(text: &str, location: &str, message: &str) {
    let cli = Cli::new();
    cli.file("pack.toml", text);
    let commands: [&[&str]; 4] = [
        &["check", "pack.toml"],
        &[
            "deadlines",
            "--only",
            "pack.toml",
            "--meeting",
            "2026-05-14",
            "--today",
            "2026-01-01",
        ],
        &["explain", "pack.toml"],
        &[
            "diff",
            "pack.toml",
            "pack.toml",
            "--only",
            "pack.toml",
            "--meeting",
            "2026-05-14",
        ],
    ];
    for args in commands {
        let (code, stdout, stderr) = cli.run(args);
        assert_eq!(code, 1, "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?}: {stdout}");
        assert!(!stderr.contains("overflow"), "{args:?}: {stderr}");
        assert_diagnostic(&stderr, location, &[message]);
    }
}

/// 10,000 parentheses around `meeting` (20 KB): the first parenthesis past
/// the limit, at offset 64, is column 75.
#[test]
fn ten_thousand_nested_parentheses_are_refused_at_the_65th() {
    let expr = format!("{}meeting{}", "(".repeat(10_000), ")".repeat(10_000));
    refused_everywhere(
        &pack(&format!("closes = \"{expr}\"")),
        &format!("pack.toml:11:{}", 11 + MAX_DEPTH),
        "expression nested deeper than 64 levels",
    );
}

/// 50,000 nested `later_of(`: each call is 9 characters, so the 65th starts
/// at offset 64 × 9 = 576.
#[test]
fn fifty_thousand_nested_calls_are_refused_at_the_65th() {
    let expr = format!(
        "{}meeting{}",
        "later_of(".repeat(50_000),
        ", meeting)".repeat(50_000)
    );
    refused_everywhere(
        &pack(&format!("closes = \"{expr}\"")),
        &format!("pack.toml:11:{}", 11 + 9 * MAX_DEPTH),
        "expression nested deeper than 64 levels",
    );
}

/// `meeting - 1 days - 1 days …` with 3,000 terms: the parser nests each
/// `-` one level (`(meeting - 1 days) - 1 days`), so the 65th `-` is
/// refused. `meeting` is 7 characters and each ` - 1 days` 9, so that `-`
/// is at offset 7 + 64 × 9 + 1 = 584; the help says to add the amounts up.
#[test]
fn a_flat_chain_of_three_thousand_terms_is_refused_with_a_way_out() {
    let expr = format!("meeting{}", " - 1 days".repeat(3_000));
    let text = pack(&format!("closes = \"{expr}\""));
    refused_everywhere(
        &text,
        &format!("pack.toml:11:{}", 11 + 7 + 9 * MAX_DEPTH + 1),
        "expression nested deeper than 64 levels",
    );
    let cli = Cli::new();
    cli.file("pack.toml", &text);
    let (_, _, stderr) = cli.run(&["check", "pack.toml"]);
    assert!(stderr.contains("add the amounts up"), "{stderr}");
}

/// A chain at the limit, 64 operators, still works: 64 × 1 day before
/// Thu 14 May 2026 is Wed 11 Mar 2026 (python3: date(2026,5,14) -
/// timedelta(64)).
#[test]
fn a_chain_of_64_terms_is_accepted_and_computed() {
    let expr = format!("meeting{}", " - 1 days".repeat(MAX_DEPTH));
    let cli = Cli::new();
    cli.file("pack.toml", &pack(&format!("closes = \"{expr}\"")));
    let doc = cli.json(&[
        "deadlines",
        "--only",
        "pack.toml",
        "--meeting",
        "2026-05-14",
        "--today",
        "2026-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(crate::util::closes(&doc, "p", "a"), "2026-03-11");
}

/// 4,000 `not`s in a branch's condition (line 12, after `when = "`, so
/// column 9 + offset): the 65th `not` is at offset 64 × 4 = 256.
#[test]
fn four_thousand_nots_are_refused_at_the_65th() {
    let cond = format!("{}meeting > 2026-01-01", "not ".repeat(4_000));
    let body = format!(
        "[[rule.branch]]\nwhen = \"{cond}\"\ncloses = \"meeting - 90 days\"\n\n[[rule.branch]]\nwhen = \"otherwise\"\ncloses = \"meeting - 60 days\""
    );
    refused_everywhere(
        &pack(&body),
        &format!("pack.toml:12:{}", 9 + 4 * MAX_DEPTH),
        "expression nested deeper than 64 levels",
    );
}

/// A chain of rules each computed from the next (`r0` from `r1` … from
/// `r99`, which is computed from the meeting): evaluation would recurse
/// along it, so a chain longer than 64 references is refused where it
/// starts to be too long, and one within the limit is computed.
#[test]
fn a_chain_of_rule_references_is_bounded() {
    fn chain(n: usize) -> String {
        let mut text = String::from(
            "[pack]\nid = \"p\"\ntitle = \"Test pack\"\nversion = \"1\"\ncitation = \"Test\"\n",
        );
        for i in 0..n {
            let closes = if i + 1 == n {
                "meeting - 1 days".to_owned()
            } else {
                format!("r{}.closes - 1 days", i + 1)
            };
            write!(
                text,
                "\n[[rule]]\nid = \"r{i}\"\nsummary = \"R.\"\ncitation = \"Test\"\ncloses = \"{closes}\"\n"
            )
            .unwrap();
        }
        text
    }
    let cli = Cli::new();
    cli.file("pack.toml", &chain(100));
    let (code, _, stderr) = cli.run(&["check", "pack.toml"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("rule references nested deeper than 64 levels"),
        "{stderr}"
    );
    assert!(!stderr.contains("overflow"), "{stderr}");
    // 65 rules: r0 refers through 64 references to r64. Each takes one day
    // off: 65 days before Thu 14 May 2026 is Tue 10 Mar 2026 (python3:
    // date(2026,5,14) - timedelta(65)).
    cli.file("pack.toml", &chain(MAX_DEPTH + 1));
    let doc = cli.json(&[
        "deadlines",
        "--only",
        "pack.toml",
        "--meeting",
        "2026-05-14",
        "--today",
        "2026-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(crate::util::closes(&doc, "p", "r0"), "2026-03-10");
}
