//! `govcal batch`: a portfolio in one run. Every output is compared with
//! what `govcal deadlines` gives for each company on its own: CSV rows,
//! JSON documents and calendars, in the portfolio's order, whatever the
//! number of threads; bad rows reported with their row numbers while the
//! rest still run.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::Value;

use crate::util::Cli;

const TODAY: &str = "2026-01-05";

/// The shipped examples, in a portfolio order that is not alphabetical.
const EXAMPLES: [&str; 5] = [
    "northwind-2026.toml",
    "hemacare-2004.toml",
    "kestrel-2026.toml",
    "cascadia-2026.toml",
    "harborview-2026.toml",
];

fn examples_portfolio(cli: &Cli) {
    let mut csv = String::from("name,profile\n");
    for e in EXAMPLES {
        // The name comes from the facts file when the cell is empty.
        let _ = writeln!(csv, ",{e}");
    }
    cli.file("portfolio.csv", &csv);
}

/// A single run's CSV without its header line.
fn single_csv_rows(cli: &Cli, facts: &str) -> String {
    let out = cli.ok(&["deadlines", facts, "--format", "csv", "--today", TODAY]);
    out.split_once("\r\n").unwrap().1.to_owned()
}

#[test]
fn csv_is_every_single_run_in_portfolio_order_under_one_header() {
    let cli = Cli::with_examples();
    examples_portfolio(&cli);
    let (code, out, err) = cli.run(&["batch", "portfolio.csv", "--today", TODAY]);
    assert_eq!(code, 0, "{err}");
    let mut expected = String::from(
        "company,pack,rule,bound,date,weekday,time,zone,status,actor,citation,note\r\n",
    );
    for e in EXAMPLES {
        expected.push_str(&single_csv_rows(&cli, e));
    }
    assert_eq!(out, expected);
    // Not a pipe's business: one summary line on stderr, no progress bar.
    assert_eq!(err, "govcal batch: 5 companies, 0 rows failed\n");
    // The same bytes on one thread and on four.
    let one = cli.ok(&["batch", "portfolio.csv", "--today", TODAY, "-j", "1"]);
    let four = cli.ok(&["batch", "portfolio.csv", "--today", TODAY, "-j", "4"]);
    assert_eq!(one, out);
    assert_eq!(four, out);
}

#[test]
fn json_lines_are_the_single_runs_documents() {
    let cli = Cli::with_examples();
    examples_portfolio(&cli);
    let out = cli.ok(&[
        "batch",
        "portfolio.csv",
        "--format",
        "jsonl",
        "--today",
        TODAY,
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), EXAMPLES.len());
    for (line, e) in lines.iter().zip(EXAMPLES) {
        let batch: Value = serde_json::from_str(line).unwrap();
        let single = cli.json(&["deadlines", e, "--format", "json", "--today", TODAY]);
        assert_eq!(batch, single, "{e}");
    }
}

#[test]
fn one_calendar_per_company_is_byte_identical_to_the_single_export() {
    let cli = Cli::with_examples();
    examples_portfolio(&cli);
    let (code, out, err) = cli.run(&[
        "batch",
        "portfolio.csv",
        "--format",
        "ics",
        "--alarm",
        "14d,1d",
        "--today",
        TODAY,
        "--output-dir",
        "calendars",
    ]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    let mut files: Vec<String> = std::fs::read_dir(cli.path().join("calendars"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "cascadia-semiconductor-inc.annual-2026.ics",
            "harborview-realty-trust.annual-2026.ics",
            "hemacare-corporation.annual-2004.ics",
            "kestrel-therapeutics-inc.annual-2026.ics",
            "northwind-industrial-corp.annual-2026.ics",
        ]
    );
    let file_of = [
        (
            "northwind-2026.toml",
            "northwind-industrial-corp.annual-2026.ics",
        ),
        ("hemacare-2004.toml", "hemacare-corporation.annual-2004.ics"),
        (
            "kestrel-2026.toml",
            "kestrel-therapeutics-inc.annual-2026.ics",
        ),
        (
            "cascadia-2026.toml",
            "cascadia-semiconductor-inc.annual-2026.ics",
        ),
        (
            "harborview-2026.toml",
            "harborview-realty-trust.annual-2026.ics",
        ),
    ];
    for (e, file) in file_of {
        let single = cli.ok(&[
            "deadlines",
            e,
            "--format",
            "ics",
            "--alarm",
            "14d,1d",
            "--today",
            TODAY,
        ]);
        // The file is named for the company and meeting of its UIDs.
        let stem = file.trim_end_matches(".ics");
        assert!(
            single
                .replace("\r\n ", "")
                .contains(&format!(".{stem}@govcal\r\n")),
            "{e}"
        );
        let written = std::fs::read_to_string(cli.path().join("calendars").join(file)).unwrap();
        assert_eq!(written, single, "{e}");
    }
}

/// The merged calendar holds every company's events with the UIDs of
/// their own exports, each zone's VTIMEZONE before the events, and parses
/// with the `ical` crate.
#[test]
fn one_merged_calendar_holds_every_event_of_the_single_exports() {
    let cli = Cli::with_examples();
    examples_portfolio(&cli);
    let out = cli.ok(&[
        "batch",
        "portfolio.csv",
        "--format",
        "ics",
        "--today",
        TODAY,
        "-o",
        "all.ics",
    ]);
    assert_eq!(out, "");
    let merged = std::fs::read_to_string(cli.path().join("all.ics")).unwrap();
    let uids = |text: &str| -> Vec<String> {
        text.replace("\r\n ", "")
            .lines()
            .filter_map(|l| l.strip_prefix("UID:"))
            .map(|u| u.trim_end().to_owned())
            .collect()
    };
    let mut expected = Vec::new();
    for e in EXAMPLES {
        let single = cli.ok(&["deadlines", e, "--format", "ics", "--today", TODAY]);
        expected.extend(uids(&single));
        // Each event block is the one of the single export.
        for block in single.split("BEGIN:VEVENT\r\n").skip(1) {
            let block = block.split_once("END:VEVENT\r\n").unwrap().0;
            assert!(merged.contains(block), "{e}: event missing:\n{block}");
        }
    }
    assert_eq!(
        uids(&merged),
        expected,
        "portfolio order, then each company's"
    );
    assert!(merged.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(merged.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    let tz = merged
        .find("BEGIN:VTIMEZONE\r\nTZID:America/Los_Angeles")
        .unwrap();
    assert!(tz < merged.find("BEGIN:VEVENT").unwrap());
    assert!(merged.replace("\r\n ", "").contains("X-WR-CALNAME:govcal: deadlines of 5 companies (Northwind Industrial Corp.\\, HemaCare Corporation\\, Kestrel Therapeutics\\, Inc. and 2 more)"));
    let cal = ical::IcalParser::new(merged.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(cal.events.len(), expected.len());
    assert!(!cal.timezones.is_empty());
}

/// A bad row is reported with its row number and reason; the other rows
/// run and are written; the exit code is 1.
#[test]
fn bad_rows_are_reported_by_row_and_the_rest_still_run() {
    let cli = Cli::with_examples();
    cli.file(
        "portfolio.csv",
        "
        name,state,exchange,prior_meeting,prior_proxy_release,meeting,packs
        Alpha Corp.,Delaware,NYSE,2025-05-15,2025-04-03,2026-05-14,
        Bravo Inc.,Delawere,NYSE,2025-05-15,2025-04-03,2026-05-14,
        Charlie Co.,DE,Nasdaq,2025-05-15,2025-04-03,2026-02-30,
        Delta Holdings,DE,Nasdaq,2025-06-10,,,
        Echo Ltd.,DE,Nasdaq,2025-06-10,,,bylaws/nonesuch
        Foxtrot Corp.,DE,Nasdaq,2025-06-10,,,
        \"Golf, Inc.\",DE,Nasdaq,2025-06-10,,,,extra
        ",
    );
    let (code, out, err) = cli.run(&["batch", "portfolio.csv", "--today", TODAY]);
    assert_eq!(code, 1, "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert!(
        lines[0].contains(
            "portfolio.csv row 3 (Bravo Inc.): column `state`: `Delawere` is not a U.S. state"
        ),
        "{err}"
    );
    assert!(
        err.contains("help: did you mean `delaware`?") || err.contains("Delaware"),
        "{err}"
    );
    assert!(
        lines[1].contains("row 4 (Charlie Co.): column `meeting`"),
        "{err}"
    );
    assert!(
        lines[2].contains("row 6 (Echo Ltd.): its packs cannot be loaded"),
        "{err}"
    );
    assert!(
        lines[3].contains("row 8 (Golf, Inc.): the row has 8 cells but the header names 7 columns"),
        "{err}"
    );
    assert!(
        err.ends_with("govcal batch: 3 companies, 4 rows failed\n"),
        "{err}"
    );
    let companies: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(
        companies,
        ["Alpha Corp.", "Delta Holdings", "Foxtrot Corp."]
    );
}

#[test]
fn a_folder_of_facts_files_runs_in_name_order_and_a_bad_file_is_one_bad_row() {
    let cli = Cli::with_examples();
    for e in ["northwind-2026.toml", "kestrel-2026.toml"] {
        let text = std::fs::read_to_string(cli.path().join(e))
            .unwrap()
            .replace("rules = [\"", "rules = [\"../");
        cli.file(&format!("folder/{e}"), &text);
    }
    cli.file(
        "folder/broken.toml",
        "[company]\nname = \"Broken\"\n[facts]\nmeeting = 2026-13-01\n",
    );
    let (code, out, err) = cli.run(&["batch", "folder", "--today", TODAY]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("folder/broken.toml: folder/broken.toml:4:"),
        "{err}"
    );
    let mut expected = String::from(
        "company,pack,rule,bound,date,weekday,time,zone,status,actor,citation,note\r\n",
    );
    // broken, kestrel, northwind: name order.
    expected.push_str(&single_csv_rows(&cli, "kestrel-2026.toml"));
    expected.push_str(&single_csv_rows(&cli, "northwind-2026.toml"));
    assert_eq!(out, expected);
}

#[test]
fn the_same_company_and_meeting_twice_in_one_calendar_is_a_bad_row() {
    let cli = Cli::with_examples();
    cli.file(
        "p.csv",
        "name,profile\n,kestrel-2026.toml\n,northwind-2026.toml\n,kestrel-2026.toml\n",
    );
    let (code, _, err) = cli.run(&["batch", "p.csv", "--format", "ics", "-o", "x.ics"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "p.csv row 4 (Kestrel Therapeutics, Inc.): the same company and meeting as row 2"
        ),
        "{err}"
    );
    assert!(cli.path().join("x.ics").exists());
}

#[test]
fn bad_headers_and_flags_stop_the_run_before_it_starts() {
    let cli = Cli::new();
    cli.file("p.csv", "name,meting\nA,2026-05-01\n");
    let (code, out, err) = cli.run(&["batch", "p.csv", "-o", "out.csv"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("unknown column `meting`"), "{err}");
    assert!(err.contains("p.csv:1:6"), "{err}");
    assert!(err.contains("meeting"), "{err}");
    assert!(!cli.path().join("out.csv").exists());
    cli.file("q.csv", "name,meeting\nA,2026-05-01\n");
    let (code, _, err) = cli.run(&["batch", "q.csv", "--output-dir", "d"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--format ics"), "{err}");
    let (code, _, err) = cli.run(&["batch", "nonesuch.csv"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = cli.run(&["batch", "q.csv", "-j", "0"]);
    assert_eq!(code, 2, "{err}");
}

/// 10,000 synthetic companies (the repository's generator): the batch CSV,
/// grouped by company, equals for every company the rows `govcal
/// deadlines` gives for a facts file holding that row's values, evaluated
/// here in the test through the facts-file path; 25 companies spread over
/// the portfolio are also run as separate `govcal deadlines` processes.
#[test]
fn ten_thousand_companies_match_single_runs_row_by_row() {
    use govcal::eval::{Context, evaluate};
    use govcal::model::rule::Status;
    use govcal::pack::load::Library;
    use govcal::pack::profile::Profile;
    use govcal::render::csv as csv_out;

    let cli = Cli::new();
    let mut csv = Vec::new();
    govcal::batch::synth::write_portfolio(10_000, 2026, &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    cli.file("p.csv", &csv);
    let (code, out, err) = cli.run(&["batch", "p.csv", "--today", TODAY, "-o", "out.csv"]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    let batch = std::fs::read_to_string(cli.path().join("out.csv")).unwrap();
    let mut by_company: BTreeMap<&str, String> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    for line in batch.split_inclusive("\r\n").skip(1) {
        let name = if let Some(rest) = line.strip_prefix('"') {
            rest.split_once('"').unwrap().0
        } else {
            line.split_once(',').unwrap().0
        };
        if order.last() != Some(&name) {
            order.push(name);
        }
        by_company.entry(name).or_default().push_str(line);
    }
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let mut libraries: BTreeMap<String, Library> = BTreeMap::new();
    let mut names = Vec::new();
    let mut facts_files = Vec::new();
    for record in reader.records() {
        let record = record.unwrap();
        let cell = |n: &str| {
            record
                .get(header.iter().position(|h| h == n).unwrap())
                .unwrap()
        };
        let mut toml = format!(
            "[company]\nname = {:?}\nstate = {:?}\nexchange = {:?}\nzone = {:?}\nrules = [{}]\n[facts]\n",
            cell("name"),
            cell("state"),
            cell("exchange"),
            cell("zone"),
            cell("packs")
                .split(';')
                .filter(|p| !p.is_empty())
                .map(|p| format!("{p:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        for f in [
            "prior_meeting",
            "prior_proxy_release",
            "meeting",
            "announcement",
            "record_date",
        ] {
            if !cell(f).is_empty() {
                let _ = writeln!(toml, "{f} = {}", cell(f));
            }
        }
        let src = govcal::diag::SourceFile::new("row.toml", toml.clone());
        let profile = Profile::parse(&src).unwrap();
        let lib = libraries
            .entry(cell("packs").to_owned())
            .or_insert_with(|| {
                let mut specs: Vec<String> =
                    ["sec", "states", "exchanges"].map(str::to_owned).to_vec();
                specs.extend(profile.company.rules.iter().cloned());
                Library::load(&specs, None).unwrap()
            });
        let cx = Context {
            company: &profile.company,
            calendars: &lib.calendars,
            today: Some(chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()),
        };
        let shown: Vec<_> = evaluate(&lib.packs, &profile.facts, &cx)
            .unwrap()
            .into_iter()
            .filter(|d| d.status != Status::NotApplicable)
            .collect();
        let single = csv_out::csv(&profile.company, &shown);
        let rows = single.split_once("\r\n").unwrap().1;
        let name = profile.company.name.clone();
        assert_eq!(
            by_company.get(name.as_str()).map(String::as_str),
            Some(rows),
            "{name}"
        );
        names.push(name);
        facts_files.push(toml);
    }
    assert_eq!(names.len(), 10_000);
    assert_eq!(order, names, "portfolio order");
    for i in (0..10_000).step_by(400) {
        cli.file(&format!("f{i}.toml"), &facts_files[i]);
        assert_eq!(
            single_csv_rows(&cli, &format!("f{i}.toml")),
            by_company[names[i].as_str()],
            "{}",
            names[i]
        );
    }
}

/// The shipped example portfolio (four facts files by `profile`, two
/// companies given in the row) runs whole.
#[test]
fn the_shipped_example_portfolio_runs() {
    let cli = Cli::with_examples();
    let (code, out, err) = cli.run(&["batch", "portfolio.csv", "--today", TODAY]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "govcal batch: 6 companies, 0 rows failed\n");
    for name in [
        "Northwind Industrial Corp.",
        "Juniper Freight Lines Inc.",
        "Osprey Mutual Holdings",
    ] {
        assert!(out.contains(&format!("\r\n{name},")), "{name}");
    }
}
