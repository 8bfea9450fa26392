//! Nothing silently left out (issue 15, point 5): a company whose state,
//! country or exchange no loaded pack covers is told so in the table, the
//! JSON, `explain` and every calendar event; the header lists the packs
//! that govern it; `state`, `country` and `exchange` accept every U.S.
//! state and territory, other countries and every exchange, and a near
//! miss gets "did you mean".

use serde_json::Value;

use crate::util::{Cli, assert_diagnostic, status};

/// A facts file for `company_lines` (the lines of its `[company]` table
/// after `name`); `[company]` is line 1, the first of the lines is line 3.
fn facts(company_lines: &str) -> String {
    format!(
        "[company]\nname = \"Acme Corp.\"\n{company_lines}\n\n[facts]\nmeeting = 2026-05-14\nprior_meeting = 2025-05-15\nprior_proxy_release = 2025-04-03\n"
    )
}

fn cli(company_lines: &str) -> Cli {
    let cli = Cli::new();
    cli.file("acme.toml", &facts(company_lines));
    cli
}

const TODAY: [&str; 2] = ["--today", "2026-01-05"];

fn json(cli: &Cli) -> Value {
    cli.json(&[
        "deadlines",
        "acme.toml",
        "--format",
        "json",
        TODAY[0],
        TODAY[1],
    ])
}

fn table(cli: &Cli) -> String {
    cli.ok(&["deadlines", "acme.toml", TODAY[0], TODAY[1]])
}

/// The `not_covered` entries as (what, value).
fn gaps(doc: &Value) -> Vec<(String, Option<String>)> {
    doc["not_covered"]
        .as_array()
        .expect("`not_covered` is an array")
        .iter()
        .map(|g| {
            (
                g["what"].as_str().unwrap().to_owned(),
                g["value"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

fn pack_ids(doc: &Value) -> Vec<String> {
    doc["packs"]
        .as_array()
        .expect("`packs` is an array")
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Each VEVENT's DESCRIPTION, unfolded and unescaped enough to search.
fn descriptions(ics: &str) -> Vec<String> {
    let unfolded = ics.replace("\r\n ", "");
    unfolded
        .split("BEGIN:VEVENT")
        .skip(1)
        .map(|e| {
            e.lines()
                .find_map(|l| l.strip_prefix("DESCRIPTION:"))
                .expect("every event has a description")
                .replace("\\,", ",")
                .replace("\\;", ";")
        })
        .collect()
}

#[test]
fn a_kentucky_company_is_told_kentucky_law_is_not_covered_in_table_json_and_calendar() {
    let cli = cli("state = \"Kentucky\"\nexchange = \"NYSE\"");
    let says = "Kentucky: no pack for Kentucky corporate law is loaded (govcal has none built in); Kentucky law's meeting-notice, record-date and annual-meeting requirements are not computed";

    let out = table(&cli);
    let head: Vec<&str> = out.lines().take(5).collect();
    assert_eq!(head[2].split(' ').next(), Some("Packs:"), "{out}");
    assert_eq!(head[3], "Not covered:", "{out}");
    assert_eq!(head[4], format!("  {says}"), "{out}");

    let doc = json(&cli);
    assert_eq!(gaps(&doc), [("state".to_owned(), Some("KY".to_owned()))]);
    assert_eq!(doc["not_covered"][0]["name"], "Kentucky");
    assert_eq!(doc["not_covered"][0]["says"], says);
    assert!(doc["not_covered"][0].get("topics").is_none());
    assert_eq!(doc["company"]["state"], "KY");
    assert_eq!(doc["company"]["country"], "US");
    // No state's pack governs a Kentucky corporation.
    let ids = pack_ids(&doc);
    assert!(!ids.iter().any(|id| id.starts_with("us_")), "{ids:?}");

    let ics = cli.ok(&[
        "deadlines",
        "acme.toml",
        "--format",
        "ics",
        TODAY[0],
        TODAY[1],
    ]);
    let events = descriptions(&ics);
    assert!(!events.is_empty());
    for d in &events {
        assert!(d.contains(&format!("\\nNot covered: {says}")), "{d}");
    }
}

#[test]
fn a_delaware_nyse_company_has_no_not_covered_note() {
    let cli = cli("state = \"DE\"\nexchange = \"NYSE\"");
    let out = table(&cli);
    assert!(!out.contains("Not covered"), "{out}");
    let doc = json(&cli);
    assert_eq!(doc["not_covered"], serde_json::json!([]));
    let ics = cli.ok(&[
        "deadlines",
        "acme.toml",
        "--format",
        "ics",
        TODAY[0],
        TODAY[1],
    ]);
    assert!(!ics.contains("Not covered"));
    assert!(!descriptions(&ics).is_empty());
}

/// The header's `Packs:` line names the packs that govern the company with
/// the versions the JSON gives, and leaves out those for other states and
/// exchanges; `explain` has the same line.
#[test]
fn the_header_lists_the_packs_that_govern_the_company_with_their_versions() {
    let cli = cli("state = \"DE\"\nexchange = \"NYSE\"");
    let doc = json(&cli);
    let packs = doc["packs"].as_array().unwrap();
    let listed: Vec<String> = packs
        .iter()
        .map(|p| {
            format!(
                "{} {}",
                p["id"].as_str().unwrap(),
                p["version"].as_str().unwrap()
            )
        })
        .collect();
    let ids = pack_ids(&doc);
    for id in [
        "sec_regulation_14a",
        "sec_filings",
        "us_de_dgcl",
        "nyse_listed_company_manual",
    ] {
        assert!(ids.iter().any(|i| i == id), "{id} missing from {ids:?}");
    }
    for id in [
        "us_ca_corporations_code",
        "nasdaq_listing_rules",
        "us_ny_bcl",
    ] {
        assert!(!ids.iter().any(|i| i == id), "{id} listed: {ids:?}");
    }
    // Each pack's version is the one its file states.
    let de = packs.iter().find(|p| p["id"] == "us_de_dgcl").unwrap();
    assert_eq!(de["source"], "rules/states/delaware.toml");
    let text = cli.ok(&["rules", "show", "states/delaware"]);
    assert!(
        text.contains(&format!(
            "version = \"{}\"",
            de["version"].as_str().unwrap()
        )),
        "{de}"
    );

    let line = format!("Packs: {}", listed.join(", "));
    let out = table(&cli);
    assert_eq!(out.lines().nth(2), Some(line.as_str()), "{out}");
    let explain = cli.ok(&["explain", "acme.toml", TODAY[0], TODAY[1]]);
    assert!(explain.lines().any(|l| l == line), "{explain}");
}

#[test]
fn a_canadian_company_gets_the_note_and_no_us_state_pack() {
    let cli = cli("country = \"Canada\"\nstate = \"Ontario\"\nexchange = \"NYSE\"");
    let doc = json(&cli);
    assert_eq!(doc["company"]["country"], "CA");
    assert_eq!(doc["company"]["state"], "ON");
    // Ontario's Act is covered but for the record date (s. 95, not read).
    assert_eq!(
        gaps(&doc),
        [
            ("country".to_owned(), Some("CA".to_owned())),
            ("foreign_private_issuer".to_owned(), None),
        ]
    );
    assert_eq!(
        doc["not_covered"][0]["topics"],
        serde_json::json!(["record_date"])
    );
    let says = doc["not_covered"][0]["says"].as_str().unwrap();
    assert_eq!(
        says,
        "Canada (Ontario): the loaded pack for its law (`ca_on_obca`) has no rule for the record-date window; it is not computed"
    );
    assert!(
        doc["not_covered"][1]["says"]
            .as_str()
            .unwrap()
            .contains("17 CFR 240.3a12-3(b)")
    );
    let ids = pack_ids(&doc);
    assert!(!ids.iter().any(|id| id.starts_with("us_")), "{ids:?}");
    assert!(ids.iter().any(|id| id == "nyse_listed_company_manual"));
    assert!(ids.iter().any(|id| id == "ca_on_obca"));
    assert!(!ids.iter().any(|id| id == "ca_cbca"), "{ids:?}");

    // Delaware's rules, asked for by name, do not apply, and say why.
    let all = cli.json(&[
        "deadlines",
        "acme.toml",
        "--format",
        "json",
        "--all",
        "--rules",
        "states/delaware",
        TODAY[0],
        TODAY[1],
    ]);
    assert_eq!(
        status(&all, "us_de_dgcl", "meeting_notice"),
        "not_applicable"
    );
    let why = crate::util::deadline(&all, "us_de_dgcl", "meeting_notice")["words"].to_string();
    assert!(
        why.contains("Acme Corp. is incorporated in Ontario, Canada"),
        "{why}"
    );

    let out = table(&cli);
    assert!(
        out.contains("\nNot covered:\n  Canada (Ontario): "),
        "{out}"
    );
}

#[test]
fn other_countries_by_name_or_code() {
    for (country, code, name) in [
        ("BM", "BM", "Bermuda"),
        ("Cayman Islands", "KY", "Cayman Islands"),
        ("BVI", "VG", "British Virgin Islands"),
        ("LU", "LU", "Luxembourg"),
        ("Jersey", "JE", "Jersey"),
    ] {
        let doc = json(&cli(&format!(
            "country = \"{country}\"\nexchange = \"Nasdaq\""
        )));
        assert_eq!(doc["company"]["country"], code, "{country}");
        assert_eq!(doc["not_covered"][0]["what"], "country", "{country}");
        assert_eq!(doc["not_covered"][0]["name"], name, "{country}");
    }
}

/// Countries with a pack get it, by name or code; what the pack lacks is
/// named by kind (Israel's notice period and record date were not read).
#[test]
fn countries_with_a_pack_get_their_law() {
    for (country, pack) in [
        ("Ireland", "ie_companies_act_2014"),
        ("United Kingdom", "gb_companies_act_2006"),
        ("the Netherlands", "nl_dutch_civil_code"),
        ("CH", "ch_code_of_obligations"),
        ("Israel", "il_companies_law"),
    ] {
        let doc = json(&cli(&format!(
            "country = \"{country}\"\nexchange = \"Nasdaq\"\nforeign_private_issuer = false"
        )));
        assert!(pack_ids(&doc).iter().any(|id| id == pack), "{country}");
        assert!(
            !pack_ids(&doc).iter().any(|id| id.starts_with("us_")),
            "{country}"
        );
    }
    let israel = json(&cli("country = \"Israel\"\nexchange = \"Nasdaq\""));
    assert_eq!(
        israel["not_covered"][0]["topics"],
        serde_json::json!(["meeting_notice", "record_date"])
    );
}

/// Puerto Rico, Guam, the U.S. Virgin Islands, American Samoa and the
/// Northern Mariana Islands are states for `state`; as a `country` they
/// are read as that state. D.C. too.
#[test]
fn territories_and_dc_are_accepted_as_states() {
    for (text, code) in [
        ("Puerto Rico", "PR"),
        ("GU", "GU"),
        ("U.S. Virgin Islands", "VI"),
        ("American Samoa", "AS"),
        ("Northern Mariana Islands", "MP"),
        ("District of Columbia", "DC"),
    ] {
        let doc = json(&cli(&format!("state = \"{text}\"\nexchange = \"none\"")));
        assert_eq!(doc["company"]["state"], code, "{text}");
        assert_eq!(gaps(&doc), [("state".to_owned(), Some(code.to_owned()))]);
    }
    let doc = json(&cli("country = \"Puerto Rico\"\nexchange = \"none\""));
    assert_eq!(doc["company"]["country"], "US");
    assert_eq!(doc["company"]["state"], "PR");
}

#[test]
fn every_exchange_is_accepted_and_one_without_a_pack_is_not_covered() {
    for (text, code) in [
        ("NYSE Arca", "nyse_arca"),
        ("Cboe", "cboe"),
        ("OTCQX", "otcqx"),
        ("OTCQB", "otcqb"),
        ("Pink", "otc_pink"),
    ] {
        let doc = json(&cli(&format!("state = \"DE\"\nexchange = \"{text}\"")));
        assert_eq!(doc["company"]["exchange"], code, "{text}");
        assert_eq!(
            gaps(&doc),
            [("exchange".to_owned(), Some(code.to_owned()))],
            "{text}"
        );
    }
    // Not listed: nothing to cover, and no exchange's rules apply.
    let doc = json(&cli("state = \"DE\"\nexchange = \"none\""));
    assert_eq!(doc["company"]["exchange"], "none");
    assert_eq!(doc["not_covered"], serde_json::json!([]));
    assert!(
        !pack_ids(&doc)
            .iter()
            .any(|id| id.starts_with("nyse") || id.starts_with("nasdaq"))
    );
    // Not given: said so.
    let doc = json(&cli("state = \"DE\""));
    assert_eq!(gaps(&doc), [("exchange".to_owned(), None)]);
}

/// Coverage comes from the loaded packs, not from a list: a Kentucky pack
/// (here the user's own) covers the kinds of deadline it has rules for,
/// or says its statute is silent on, and the note goes away when it covers
/// all three.
#[test]
fn a_pack_for_the_state_makes_the_note_go_away() {
    let cli = cli("state = \"KY\"\nexchange = \"NYSE\"\nrules = [\"kentucky.toml\"]");
    let pack = r#"
        [pack]
        id = "test_kentucky"
        title = "A Kentucky pack for this test"
        version = "1"
        citation = "Ky. Rev. Stat. ch. 271B"
        level = "state"
        applies_to = { states = ["Kentucky"] }

        [[rule]]
        id = "meeting_notice"
        topic = "meeting_notice"
        summary = "Notice not less than 10 nor more than 60 days before the meeting."
        citation = "KRS 271B.7-050"
        opens = "meeting - 60 days"
        closes = "meeting - 10 days"
        roll = "none"
        "#;
    cli.file("kentucky.toml", pack);
    let doc = json(&cli);
    assert_eq!(gaps(&doc), [("state".to_owned(), Some("KY".to_owned()))]);
    assert_eq!(
        doc["not_covered"][0]["topics"],
        serde_json::json!(["annual_meeting", "record_date"])
    );
    assert!(pack_ids(&doc).iter().any(|id| id == "test_kentucky"));
    let whole = pack.replace(
        r#"applies_to = { states = ["Kentucky"] }"#,
        r#"applies_to = { states = ["Kentucky"] }
        silent_on = { annual_meeting = "for this test", record_date = "for this test" }"#,
    );
    cli.file("kentucky.toml", &whole);
    let doc = json(&cli);
    assert_eq!(doc["not_covered"], serde_json::json!([]), "{doc:#}");

    // A country's law, by `applies_to.countries`.
    let canada = whole
        .replace("test_kentucky", "test_canada")
        .replace(r#"states = ["Kentucky"]"#, r#"countries = ["Canada"]"#);
    cli.file("canada.toml", &canada);
    cli.file(
        "acme.toml",
        &facts("country = \"CA\"\nexchange = \"NYSE\"\nrules = [\"canada.toml\"]"),
    );
    let doc = json(&cli);
    assert_eq!(gaps(&doc), [("foreign_private_issuer".to_owned(), None)]);
    assert!(pack_ids(&doc).iter().any(|id| id == "test_canada"));
    // The pack names its countries as the profile does.
    cli.file(
        "canada.toml",
        &canada.replace(r#"["Canada"]"#, r#"["Canda"]"#),
    );
    let (code, _, stderr) = cli.run(&["deadlines", "acme.toml", TODAY[0], TODAY[1]]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("unknown country `Canda`") && stderr.contains("did you mean `Canada`?"),
        "{stderr}"
    );
}

/// `batch --format jsonl` lines carry `packs` and `not_covered` as
/// `deadlines --format json` does; the portfolio takes a `country` column.
#[test]
fn batch_json_lines_say_what_is_not_covered() {
    let cli = Cli::new();
    cli.file(
        "p.csv",
        "name,country,state,exchange,prior_meeting,meeting\n\
         Bluegrass,,KY,NYSE,2025-05-15,2026-05-14\n\
         Maple,Canada,BC,Nasdaq,2025-05-15,2026-05-14\n\
         Wilmington,,DE,NYSE,2025-05-15,2026-05-14\n",
    );
    let out = cli.ok(&["batch", "p.csv", "--format", "jsonl", TODAY[0], TODAY[1]]);
    let docs: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 3);
    assert_eq!(
        gaps(&docs[0]),
        [("state".to_owned(), Some("KY".to_owned()))]
    );
    assert_eq!(docs[1]["company"]["state"], "BC");
    assert_eq!(
        gaps(&docs[1])[0],
        ("country".to_owned(), Some("CA".to_owned()))
    );
    assert_eq!(docs[2]["not_covered"], serde_json::json!([]));
    assert!(pack_ids(&docs[2]).iter().any(|id| id == "us_de_dgcl"));
    // The CSV output has no place for it and is left as it was.
    let csv = cli.ok(&["batch", "p.csv", TODAY[0], TODAY[1]]);
    assert!(!csv.contains("not covered") && !csv.contains("Not covered"));
}

#[test]
fn a_misspelt_state_country_or_exchange_gets_did_you_mean_at_its_place() {
    let run = |lines: &str| {
        let cli = cli(lines);
        let (code, stdout, stderr) = cli.run(&["deadlines", "acme.toml", TODAY[0], TODAY[1]]);
        assert_eq!(code, 1, "{stderr}");
        assert!(stdout.is_empty());
        stderr
    };
    // `state = "Texsa"`: the value starts at line 3, column 9.
    let e = run("state = \"Texsa\"");
    assert_diagnostic(
        &e,
        "acme.toml:3:9",
        &["unknown state `Texsa`", "help: did you mean `Texas`?"],
    );
    let e = run("country = \"Canda\"");
    assert_diagnostic(
        &e,
        "acme.toml:3:11",
        &["unknown country `Canda`", "help: did you mean `Canada`?"],
    );
    let e = run("state = \"DE\"\nexchange = \"Nasdq\"");
    assert_diagnostic(
        &e,
        "acme.toml:4:12",
        &["unknown exchange `Nasdq`", "help: did you mean `Nasdaq`?"],
    );
    let e = run("country = \"Canada\"\nstate = \"Ontaro\"");
    assert_diagnostic(
        &e,
        "acme.toml:4:9",
        &[
            "unknown province `Ontaro` of Canada",
            "help: did you mean `Ontario`?",
        ],
    );
    // A province without its country, and a country in `state`.
    let e = run("state = \"Ontario\"");
    assert_diagnostic(
        &e,
        "acme.toml:3:9",
        &["help: Ontario is a province of Canada: add `country = \"Canada\"`"],
    );
    let e = run("state = \"Cayman Islands\"");
    assert_diagnostic(
        &e,
        "acme.toml:3:9",
        &["help: Cayman Islands is a country: write `country = \"Cayman Islands\"`"],
    );
    let e = run("country = \"Ireland\"\nstate = \"Dublin\"");
    assert_diagnostic(
        &e,
        "acme.toml:4:9",
        &["help: leave out `state`: `country = \"Ireland\"` is enough"],
    );
    // A portfolio row says it in its own words.
    let cli = Cli::new();
    cli.file("p.csv", "name,country,meeting\nA,Canda,2026-05-14\n");
    let (code, _, stderr) = cli.run(&["batch", "p.csv", TODAY[0], TODAY[1]]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("p.csv row 2 (A): column `country`: `Canda` is not a country govcal knows\n  help: did you mean `Canada`?"),
        "{stderr}"
    );
}

/// A Maryland real estate investment trust formed as a trust answers to
/// Title 8, not to the corporation law of Title 2: `entity = "trust"` in
/// the profile (or an `entity` column in a portfolio) picks `us_md_reit`
/// and leaves `us_md_corps_assns` out, with the reason; a Maryland
/// corporation gets the reverse.
#[test]
fn a_maryland_trust_gets_the_reit_law_and_a_corporation_the_corporation_law() {
    let trust = json(&cli(
        "state = \"MD\"\nexchange = \"NYSE\"\nentity = \"trust\"",
    ));
    let ids = pack_ids(&trust);
    assert!(ids.iter().any(|id| id == "us_md_reit"), "{ids:?}");
    assert!(!ids.iter().any(|id| id == "us_md_corps_assns"), "{ids:?}");
    let corporation = json(&cli("state = \"MD\"\nexchange = \"NYSE\""));
    let ids = pack_ids(&corporation);
    assert!(ids.iter().any(|id| id == "us_md_corps_assns"), "{ids:?}");
    assert!(!ids.iter().any(|id| id == "us_md_reit"), "{ids:?}");
    let cli = cli("state = \"MD\"\nexchange = \"NYSE\"\nentity = \"trust\"");
    let all = cli.json(&[
        "deadlines",
        "acme.toml",
        "--format",
        "json",
        "--all",
        "--rules",
        "states/maryland",
        TODAY[0],
        TODAY[1],
    ]);
    assert_eq!(
        status(&all, "us_md_corps_assns", "meeting_notice"),
        "not_applicable"
    );
    let why =
        crate::util::deadline(&all, "us_md_corps_assns", "meeting_notice")["words"].to_string();
    assert!(why.contains("Acme Corp. is a trust"), "{why}");
    // Bad values are located errors.
    let bad = crate::util::Cli::new();
    bad.file(
        "acme.toml",
        "[company]\nname = \"Acme\"\nstate = \"MD\"\nentity = \"reit\"\n[facts]\nmeeting = 2026-05-14\n",
    );
    let (code, _, stderr) = bad.run(&["deadlines", "acme.toml", TODAY[0], TODAY[1]]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("unknown entity `reit`"), "{stderr}");
    bad.file(
        "acme.toml",
        "[company]\nname = \"Acme\"\nstate = \"DE\"\nforeign_private_issuer = true\n[facts]\nmeeting = 2026-05-14\n",
    );
    let (code, _, stderr) = bad.run(&["deadlines", "acme.toml", TODAY[0], TODAY[1]]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("a foreign private issuer is incorporated outside the United States"),
        "{stderr}"
    );
}

/// Issue 16, point 2, in a portfolio: `entity` and `foreign_private_issuer`
/// columns do what the profile keys do.
#[test]
fn portfolio_columns_for_entity_and_foreign_private_issuers() {
    let cli = Cli::new();
    cli.file(
        "p.csv",
        "name,country,state,exchange,entity,foreign_private_issuer,prior_meeting,meeting\n\
         Harbor Trust,,MD,NYSE,trust,,2025-05-15,2026-05-14\n\
         Emerald plc,Ireland,,Nasdaq,,true,2025-05-15,2026-05-14\n\
         Maple,Canada,,NYSE,,false,2025-05-15,2026-05-14\n",
    );
    let out = cli.ok(&["batch", "p.csv", "--format", "jsonl", TODAY[0], TODAY[1]]);
    let docs: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(pack_ids(&docs[0]).iter().any(|id| id == "us_md_reit"));
    assert!(
        !pack_ids(&docs[0])
            .iter()
            .any(|id| id == "us_md_corps_assns")
    );
    let irish = pack_ids(&docs[1]);
    assert!(!irish.iter().any(|id| id.starts_with("sec_")), "{irish:?}");
    assert!(
        irish.iter().any(|id| id == "ie_companies_act_2014"),
        "{irish:?}"
    );
    assert!(
        pack_ids(&docs[2])
            .iter()
            .any(|id| id == "sec_regulation_14a")
    );
    assert!(
        !gaps(&docs[2])
            .iter()
            .any(|(w, _)| w == "foreign_private_issuer")
    );
    cli.file(
        "bad.csv",
        "name,state,entity,meeting\nOdd,MD,reit,2026-05-14\n",
    );
    let (_, _, stderr) = cli.run(&["batch", "bad.csv", TODAY[0], TODAY[1]]);
    assert!(
        stderr.contains("expected `corporation` or `trust`, found `reit`"),
        "{stderr}"
    );
}

/// A foreign private issuer on the NYSE files the written affirmation of
/// § 303A.12(c) but not the CEO certification of § 303A.12(a), whose pack
/// says why it does not apply.
#[test]
fn a_foreign_private_issuer_on_the_nyse_gets_the_affirmation_but_not_the_ceo_certification() {
    let fpi = json(&cli(
        "country = \"Canada\"\nexchange = \"NYSE\"\nforeign_private_issuer = true",
    ));
    let ids = pack_ids(&fpi);
    assert!(
        ids.iter().any(|id| id == "nyse_listed_company_manual"),
        "{ids:?}"
    );
    assert!(
        !ids.iter().any(|id| id == "nyse_ceo_certification"),
        "{ids:?}"
    );
    assert!(!ids.iter().any(|id| id.starts_with("sec_")), "{ids:?}");
    let domestic = json(&cli("state = \"DE\"\nexchange = \"NYSE\""));
    assert!(
        pack_ids(&domestic)
            .iter()
            .any(|id| id == "nyse_ceo_certification")
    );
}
