//! Bylaw templates: a company's bylaws in a few lines, stating only its
//! numbers; errors in those lines at their own line and column.

use crate::util::{Cli, deadline, dedent};

/// Acme's bylaws: nominations on a 150/120-day window (and a 150/120-day
/// fallback), other business on the default 120/90, nominations with a
/// 5:00 p.m. Eastern cut-off and a 15-day announcement leg.
const ACME_BYLAWS: &str = r#"
    [pack]
    id = "acme_bylaws"
    title = "Acme, Inc. Amended and Restated Bylaws"
    version = "2025-03-01"
    citation = "Acme, Inc. Amended and Restated Bylaws, § 2.4"

    [[use]]
    template = "bylaws/templates/anniversary_window"
    id = "nomination_notice"
    params = { citation = "Acme Bylaws § 2.4(b)", subject = "a nomination", open_days = 150, close_days = 120, announcement_days = 15, at = "17:00 America/New_York", fallback_open_days = 150, fallback_close_days = 120 }

    [[use.case]]
    facts = { prior_meeting = 2025-05-15, meeting = 2026-05-14 }
    opens = 2025-12-16
    closes = 2026-01-15
    why = "Anniversary Fri 15 May 2026: 150 days before is Tue 16 Dec 2025, 120 days before Thu 15 Jan 2026."

    [[use.case]]
    facts = { prior_meeting = 2025-05-15, meeting = 2026-08-20, announcement = 2026-06-01 }
    opens = 2026-03-23
    closes = 2026-06-16
    why = "Delayed 97 days (more than 60): 150 days before 20 Aug 2026 is 23 Mar; the later of 22 Apr (120 days before) and 16 Jun (15 days after 1 Jun)."

    [[use]]
    template = "bylaws/templates/anniversary_window"
    id = "business_notice"
    params = { citation = "Acme Bylaws § 2.4(a)", subject = "other business", checks = "business_notice" }
"#;

fn acme() -> Cli {
    let cli = Cli::new();
    cli.file("acme_bylaws.toml", &dedent(ACME_BYLAWS));
    cli
}

#[test]
fn a_company_states_only_its_numbers_and_each_use_is_checked_against_its_own_cases() {
    let (code, _, stderr) = acme().run(&["check", "acme_bylaws.toml"]);
    assert_eq!(code, 0, "{stderr}");
    // The one warning is real: Acme's fallback closes 15 days after the
    // announcement, Rule 14a-19(b)(1)'s 10 days after it.
    assert!(
        stderr.ends_with("checked 1 pack: 0 errors, 1 warning, 7 worked cases run\n"),
        "2 cases of ours + 5 of the template's defaults kept for business_notice: {stderr}"
    );
    assert!(
        stderr.contains("(as used at acme_bylaws.toml:7):82:6"),
        "{stderr}"
    );
}

#[test]
fn nominations_and_other_business_differ_as_the_bylaw_says() {
    let doc = acme().json(&[
        "deadlines",
        "--only",
        "acme_bylaws.toml",
        "--prior-meeting",
        "2025-05-15",
        "--meeting",
        "2026-05-14",
        "--format",
        "json",
    ]);
    let nom = deadline(&doc, "acme_bylaws", "nomination_notice");
    assert_eq!(nom["opens"]["date"], "2025-12-16");
    assert_eq!(nom["closes"]["date"], "2026-01-15");
    assert_eq!(nom["closes"]["time"]["local"], "2026-01-15T17:00:00");
    assert_eq!(nom["citation"], "Acme Bylaws § 2.4(b)");
    assert!(
        nom["summary"]
            .as_str()
            .unwrap()
            .starts_with("A shareholder's notice of a nomination must be received at the principal executive offices not earlier than the 150th day and not later than the 120th day"),
        "{}",
        nom["summary"]
    );
    let bus = deadline(&doc, "acme_bylaws", "business_notice");
    assert_eq!(bus["opens"]["date"], "2026-01-15");
    assert_eq!(bus["closes"]["date"], "2026-02-14");
    assert_eq!(bus["citation"], "Acme Bylaws § 2.4(a)");
}

#[test]
fn a_changed_number_fails_the_companys_worked_case_at_its_line() {
    let cli = Cli::new();
    cli.file(
        "acme_bylaws.toml",
        &dedent(ACME_BYLAWS).replace(
            "open_days = 150, close_days = 120",
            "open_days = 150, close_days = 119",
        ),
    );
    let (code, _, stderr) = cli.run(&["check", "acme_bylaws.toml"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("acme_bylaws.toml:12:1"),
        "the first [[use.case]] is on line 12: {stderr}"
    );
}

#[test]
fn unknown_or_mistyped_parameters_are_reported_where_they_are_written() {
    let cli = Cli::new();
    cli.file(
        "acme_bylaws.toml",
        &dedent(ACME_BYLAWS)
            .replace("close_days = 120,", "closing_days = 120,")
            .replace(
                "subject = \"other business\"",
                "subject = \"other business\", open_days = \"120\"",
            ),
    );
    let (code, _, stderr) = cli.run(&["check", "acme_bylaws.toml"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("unknown template parameter `closing_days`"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `close_days`?"), "{stderr}");
    assert!(stderr.contains("acme_bylaws.toml:10:"), "{stderr}");
    assert!(
        stderr.contains("expected a whole number, found a string"),
        "{stderr}"
    );
    assert!(stderr.contains("acme_bylaws.toml:27:"), "{stderr}");
}

#[test]
fn an_unknown_template_suggests_the_nearest() {
    let cli = Cli::new();
    cli.file(
        "acme_bylaws.toml",
        &dedent(ACME_BYLAWS).replace(
            "template = \"bylaws/templates/anniversary_window\"\nid = \"business_notice\"",
            "template = \"bylaws/templates/aniversary_window\"\nid = \"business_notice\"",
        ),
    );
    let (code, _, stderr) = cli.run(&["check", "acme_bylaws.toml"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("unknown template `bylaws/templates/aniversary_window`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `bylaws/templates/anniversary_window`?"),
        "{stderr}"
    );
}

/// A company pack using the anniversary window with `roll` set, and extra
/// TOML (worked cases) after the `[[use]]`.
fn rolling_bylaws(roll: &str, extra: &str) -> Cli {
    let cli = Cli::new();
    let text = dedent(&format!(
        r#"
        [pack]
        id = "roll_bylaws"
        title = "Rolling bylaws"
        version = "1"
        citation = "Bylaws § 1"

        [[use]]
        template = "bylaws/templates/anniversary_window"
        params = {{ roll = "{roll}" }}
        "#
    ));
    cli.file("roll.toml", &format!("{text}{}", dedent(extra)));
    cli
}

/// A bylaw that moves a weekend deadline says so with `roll`: W6's Saturday
/// 14 February 2026 becomes Friday 13 February when rolled backward.
#[test]
fn a_template_parameter_can_set_the_roll() {
    let cli = rolling_bylaws(
        "backward",
        r#"
        [[use.case]]
        facts = { prior_meeting = 2025-05-15, meeting = 2026-05-14 }
        opens = 2026-01-15
        closes = 2026-02-13
        why = "90 days before Fri 15 May 2026 is Sat 14 Feb 2026, rolled back to Fri 13 Feb."
        "#,
    );
    let (code, _, stderr) = cli.run(&["check", "roll.toml"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = rolling_bylaws("sideways", "").run(&["check", "roll.toml"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("unknown value `sideways`"), "{stderr}");
    assert!(stderr.contains("(as used at roll.toml:7)"), "{stderr}");
}
