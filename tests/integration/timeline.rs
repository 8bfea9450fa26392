//! The HTML timeline pages (issue 20 §1): `deadlines --format html` for one
//! season and `batch --format html` for a portfolio.
//!
//! The markup checks run everywhere: the SVG's elements exist, every
//! computed deadline of the JSON output has a mark carrying its date, marks
//! lie left to right in date order, the page fetches nothing and the bytes
//! repeat. The browser check runs where a `chromium` binary is installed
//! (CI installs it and sets `GOVCAL_REQUIRE_CHROMIUM=1`, which turns a
//! missing browser into a failure).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::Cli;

const TODAY: &str = "2026-01-05";

fn season(cli: &Cli) -> String {
    cli.ok(&[
        "deadlines",
        "northwind-2026.toml",
        "--today",
        TODAY,
        "--format",
        "html",
    ])
}

/// The value of `name="..."` in the tag `tag`.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let rest = &tag[at..];
    Some(&rest[..rest.find('"')?])
}

/// The opening tags of `<g class="mark ...">` inside the first `<svg` whose
/// tag contains `svg_class`.
fn marks<'a>(html: &'a str, svg_class: &str) -> Vec<&'a str> {
    let start = html
        .find(&format!("<svg class=\"{svg_class}"))
        .unwrap_or_else(|| panic!("no <svg class=\"{svg_class}\">"));
    let end = start + html[start..].find("</svg>").expect("the svg ends");
    let svg = &html[start..end];
    svg.match_indices("<g class=\"mark")
        .map(|(i, _)| &svg[i..i + svg[i..].find('>').expect("the tag ends")])
        .collect()
}

/// Marks sorted by date have increasing x (equal for the same day).
fn assert_x_follows_date(marks: &[&str]) {
    let mut points: Vec<(String, f64)> = marks
        .iter()
        .map(|m| {
            let date = attr(m, "data-date").expect("data-date").to_owned();
            let x: f64 = attr(m, "data-x")
                .expect("data-x")
                .parse()
                .expect("a number");
            (date, x)
        })
        .collect();
    points.sort_by(|a, b| a.0.cmp(&b.0));
    for w in points.windows(2) {
        if w[0].0 == w[1].0 {
            assert!(
                (w[0].1 - w[1].1).abs() < 1e-6,
                "same day, different x: {w:?}"
            );
        } else {
            assert!(w[0].1 < w[1].1, "x does not grow with the date: {w:?}");
        }
    }
}

/// Nothing the page would fetch: no remote URL, script, stylesheet link,
/// import or image.
fn assert_self_contained(html: &str) {
    for bad in [
        "http://", "https://", "<script", "<link", "@import", "url(", "<img", "<iframe",
    ] {
        assert!(!html.contains(bad), "the page contains `{bad}`");
    }
}

#[test]
fn the_season_page_marks_every_deadline_at_its_date() {
    let cli = Cli::with_examples();
    let html = season(&cli);
    assert!(html.starts_with("<!DOCTYPE html>\n"), "{}", &html[..40]);
    assert!(html.ends_with("</html>\n"));
    assert_self_contained(&html);
    // The same bytes on a second run.
    assert_eq!(html, season(&cli), "the page is not deterministic");
    // The lanes, the months, weekends and a holiday (Washington's Birthday,
    // Mon 16 Feb 2026, 5 U.S.C. 6103), and the named dates.
    for lane in ["Company", "Board", "Shareholder", "Dissident"] {
        assert!(
            html.split("class=\"lane-name\"").skip(1).any(|s| s
                .split_once('>')
                .is_some_and(|(_, rest)| rest.starts_with(&format!("{lane}</text>")))),
            "no lane {lane}"
        );
    }
    assert!(html.contains("class=\"month\""));
    assert!(html.contains("class=\"weekend\""));
    assert!(
        html.contains("class=\"holiday\" x=")
            && html.contains("data-date=\"2026-02-16\"><title>Mon 16 Feb 2026: Washington"),
        "Washington's Birthday is not shaded"
    );
    for (class, date) in [
        ("meeting", "2026-05-14"),
        ("record_date", "2026-03-16"),
        ("announcement", "2026-02-26"),
        ("today", TODAY),
    ] {
        assert!(
            html.contains(&format!(
                "<g class=\"fact fact-{class}\" data-date=\"{date}\""
            )),
            "no line for {class} on {date}"
        );
    }
    // Every computed deadline of the JSON has its mark: a window from its
    // opening date (`data-end` its closing), a single date at that date.
    let doc = cli.json(&[
        "deadlines",
        "northwind-2026.toml",
        "--today",
        TODAY,
        "--format",
        "json",
    ]);
    let marks = marks(&html, "timeline");
    let mut expected = BTreeSet::new();
    for d in doc["deadlines"].as_array().unwrap() {
        let id = format!(
            "{}/{}",
            d["pack"].as_str().unwrap(),
            d["rule"].as_str().unwrap()
        );
        let date = |b: &str| d[b]["date"].as_str().map(str::to_owned);
        let (opens, closes) = (date("opens"), date("closes"));
        let Some(first) = opens.clone().or_else(|| closes.clone()) else {
            continue;
        };
        let found = marks
            .iter()
            .find(|m| attr(m, "data-rule") == Some(id.as_str()))
            .unwrap_or_else(|| panic!("no mark for {id}"));
        assert_eq!(attr(found, "data-date"), Some(first.as_str()), "{id}");
        if let (Some(_), Some(c)) = (&opens, &closes) {
            assert_eq!(attr(found, "data-end"), Some(c.as_str()), "{id}");
        }
        // Its footnote names the rule and its citation.
        let n = attr(found, "data-note").unwrap();
        let note = html
            .split(&format!("<li id=\"note-{n}\""))
            .nth(1)
            .and_then(|s| s.split("</li>").next())
            .unwrap_or_else(|| panic!("no note {n}"));
        assert!(note.contains(&id), "{note}");
        // ... and its title, the name a person reads.
        let title = esc(d["title"].as_str().unwrap());
        assert!(
            note.contains(&format!("<strong>{title}</strong>")),
            "{note}"
        );
        let citation = d["citation"].as_str().unwrap().replace('&', "&amp;");
        assert!(note.contains(&citation), "{note} lacks {citation}");
        expected.insert(id);
    }
    assert_eq!(
        expected.len(),
        marks.len(),
        "a mark for each deadline, no more"
    );
    assert!(expected.len() > 15, "only {} deadlines", expected.len());
    assert_x_follows_date(&marks);
    // Hover text on every mark, and times with their zone in the notes.
    for (i, _) in html.match_indices("<g class=\"mark") {
        let after = &html[i + html[i..].find('>').unwrap() + 1..];
        assert!(
            after.starts_with("<title>"),
            "a mark without hover text at {i}"
        );
    }
    assert!(html.contains("Mon 12 Jan 2026 17:30 America/New_York"));
    // The table with citations, the conditional answers as bands, and the
    // section on what is not covered.
    assert!(html.contains("<table class=\"deadlines\">"));
    assert!(html.contains("<td>17 CFR 240.14a-8(e)(2)</td>"));
    assert!(html.contains("<svg class=\"bands\""));
    assert!(
        html.contains("<g class=\"case\" data-fact=\"meeting\" data-date=\"2027-04-14\" data-end=\"2027-06-13\""),
        "no band for next year's meeting between 14 April and 13 June 2027"
    );
    // An open end is said, not drawn as a date; a case in words is apart.
    assert!(html.contains(
        "<g class=\"case\" data-fact=\"meeting\" data-date=\"2027-06-14\" data-open=\"end\""
    ));
    assert!(html.contains("<rect class=\"band words\""));
    // A lane per answer with something to draw: next year's three, not
    // this year's answers in words (14 days after a proposal arrives).
    let bands = &html[html.find("<svg class=\"bands\"").unwrap()..];
    let bands = &bands[..bands.find("</svg>").unwrap()];
    assert_eq!(bands.matches("class=\"lane-bg\"").count(), 3);
    assert!(html.contains("if next year&#39;s meeting is between Wed 14 Apr 2027 and Sun 13 Jun 2027: closes Thu 3 Dec 2026"));
    assert!(html.contains("<h2>Not covered</h2>"));
}

#[test]
fn the_season_page_goes_to_a_file_as_it_goes_to_stdout() {
    let cli = Cli::with_examples();
    // `-o` writes the same bytes as standard output.
    cli.ok(&[
        "deadlines",
        "northwind-2026.toml",
        "--today",
        TODAY,
        "--format",
        "html",
        "-o",
        "season.html",
    ]);
    let written = std::fs::read_to_string(cli.path().join("season.html")).unwrap();
    assert_eq!(written, season(&cli));
}

/// A company with `<`, `&` and quotes in its name, and deadlines ten years
/// either side of the meeting: the text is escaped and the axis keeps to
/// the months around the meeting.
#[test]
fn odd_names_are_escaped_and_far_dates_clamp_the_axis() {
    let cli = Cli::new();
    cli.file(
        "far.toml",
        r#"
        [pack]
        id = "far"
        title = "Far <dates> & \"quotes\""
        version = "1"
        citation = "Demo"

        [[rule]]
        id = "early"
        summary = "Ten years before the meeting."
        citation = "Demo § 1 <a>"
        actor = "company"
        closes = "meeting - 10 years"

        [[rule]]
        id = "late"
        summary = "Ten years after the meeting."
        citation = "Demo § 2"
        actor = "shareholder"
        closes = "meeting + 10 years"

        [[rule]]
        id = "near"
        summary = "Ten days before the meeting."
        citation = "Demo § 3"
        actor = "board"
        closes = "meeting - 10 days"
        "#,
    );
    cli.file(
        "co.toml",
        r#"
        [company]
        name = "A&B <script>alert('x')</script> \"Co\""
        state = "Delaware"
        zone = "America/New_York"

        [facts]
        meeting_kind = "special"
        meeting = 2026-05-14
        "#,
    );
    let html = cli.ok(&[
        "deadlines",
        "co.toml",
        "--only",
        "far.toml",
        "--today",
        TODAY,
        "--format",
        "html",
    ]);
    assert_self_contained(&html);
    assert!(
        html.contains("A&amp;B &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;Co&quot;")
    );
    assert!(html.contains("Demo § 1 &lt;a&gt;"));
    assert!(html.contains("the axis shows the months around the meeting"));
    let svg_start = html.find("<svg class=\"timeline\"").unwrap();
    let tag = &html[svg_start..svg_start + html[svg_start..].find('>').unwrap()];
    let (start, end) = (
        attr(tag, "data-start").unwrap(),
        attr(tag, "data-end").unwrap(),
    );
    assert!(
        start > "2024-12-31" && end < "2028-01-01",
        "{start} to {end}"
    );
    // The near deadline is drawn; the far ones are noted off the axis.
    let marks = marks(&html, "timeline");
    assert!(
        marks
            .iter()
            .any(|m| attr(m, "data-date") == Some("2026-05-04"))
    );
    assert!(
        !marks
            .iter()
            .any(|m| attr(m, "data-date") == Some("2016-05-14"))
    );
    assert_eq!(html.matches("(off the drawn axis)").count(), 2, "{html}");
}

/// A meeting with no deadline at all (a pack of nothing that applies)
/// still gives a page with its axis, no marks and no panic.
#[test]
fn a_season_without_dates_is_a_page_without_marks() {
    let cli = Cli::new();
    cli.file(
        "none.toml",
        r#"
        [pack]
        id = "none"
        title = "Nothing dated"
        version = "1"
        citation = "Demo"

        [[rule]]
        id = "later"
        summary = "Two weeks after the proxy statement is released."
        citation = "Demo § 1"
        closes = "proxy_release + 14 days"
        "#,
    );
    let html = cli.ok(&[
        "deadlines",
        "--only",
        "none.toml",
        "--meeting",
        "2026-05-14",
        "--today",
        TODAY,
        "--format",
        "html",
    ]);
    assert!(html.contains("<svg class=\"timeline\""));
    assert!(marks(&html, "timeline").is_empty());
    assert!(html.contains("<p>No computed dates.</p>"));
    assert!(
        html.contains("closes 14 days after"),
        "the conditional answer is listed"
    );
}

fn portfolio(cli: &Cli) -> String {
    cli.ok(&[
        "batch",
        "portfolio.csv",
        "--today",
        TODAY,
        "--format",
        "html",
    ])
}

#[test]
fn the_portfolio_page_puts_each_company_on_one_axis() {
    let cli = Cli::with_examples();
    let html = portfolio(&cli);
    assert_self_contained(&html);
    assert_eq!(html, portfolio(&cli), "the page is not deterministic");
    let lines = cli.ok(&[
        "batch",
        "portfolio.csv",
        "--today",
        TODAY,
        "--format",
        "jsonl",
    ]);
    let marks = marks(&html, "timeline portfolio");
    // Every date of the JSON lines from today to 90 days on (5 Apr 2026)
    // has its mark; none before today or after.
    let mut want = 0;
    for line in lines.lines() {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        for d in doc["deadlines"].as_array().unwrap() {
            let id = format!(
                "{}/{}",
                d["pack"].as_str().unwrap(),
                d["rule"].as_str().unwrap()
            );
            for bound in ["opens", "closes"] {
                let Some(date) = d[bound]["date"].as_str() else {
                    continue;
                };
                if (TODAY..="2026-04-05").contains(&date) {
                    want += 1;
                    assert!(
                        marks.iter().any(|m| attr(m, "data-date") == Some(date)
                            && attr(m, "data-rule") == Some(id.as_str())),
                        "no mark for {id} on {date}"
                    );
                }
            }
        }
    }
    assert_eq!(marks.len(), want);
    assert!(want > 20, "{want}");
    for m in &marks {
        let d = attr(m, "data-date").unwrap();
        assert!((TODAY..="2026-04-05").contains(&d), "{d}");
    }
    assert_x_follows_date(&marks);
    for name in [
        "Northwind Industrial Corp.",
        "Juniper Freight Lines Inc.",
        "Osprey Mutual Holdings",
    ] {
        assert!(html.contains(name), "{name}");
    }
    for h in ["Within 30 days", "In 31 to 60 days", "In 61 to 90 days"] {
        assert!(html.contains(&format!("<h2>{h} (")), "{h}");
    }
}

/// The markup of the portfolio drawing's row for `company`.
fn company_row<'a>(html: &'a str, company: &str) -> &'a str {
    let start = html
        .find("<svg class=\"timeline portfolio")
        .expect("the drawing");
    let svg = &html[start..start + html[start..].find("</svg>").expect("the svg ends")];
    let at = svg
        .find(&format!("<title>{company}</title>"))
        .unwrap_or_else(|| panic!("no row for {company}"));
    let row_start = svg[..at]
        .rfind("<g class=\"company\"")
        .expect("the row's group");
    let rest = &svg[at..];
    let row_end = rest
        .find("<g class=\"company\"")
        .or_else(|| rest.find("<g class=\"fact fact-window"))
        .unwrap_or(rest.len());
    &svg[row_start..at + row_end]
}

/// A company without a meeting date is never drawn as having nothing due:
/// its row says its dates wait on the meeting, and each date a case of its
/// conditional answers gives within the 90 days is listed, in its group,
/// as one that may fall due.
#[test]
fn the_portfolio_page_says_which_dates_wait_on_the_meeting() {
    let cli = Cli::with_examples();
    let html = portfolio(&cli);
    let osprey = company_row(&html, "Osprey Mutual Holdings");
    assert!(
        osprey.contains("Dates depend on the meeting date"),
        "{osprey}"
    );
    assert!(osprey.contains("not yet set: "), "{osprey}");
    // A company whose meeting is set has no such note.
    let juniper = company_row(&html, "Juniper Freight Lines Inc.");
    assert!(!juniper.contains("Dates depend on"), "{juniper}");
    let lines = cli.ok(&[
        "batch",
        "portfolio.csv",
        "--today",
        TODAY,
        "--format",
        "jsonl",
    ]);
    let doc: serde_json::Value = lines
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|d| d["company"]["name"] == "Osprey Mutual Holdings")
        .expect("Osprey's line");
    let mut want = 0;
    for d in doc["deadlines"].as_array().unwrap() {
        if d["status"] != "conditional"
            || !d["missing"]
                .as_array()
                .is_some_and(|m| m.iter().any(|f| f == "meeting"))
        {
            continue;
        }
        let id = format!(
            "{}/{}",
            d["pack"].as_str().unwrap(),
            d["rule"].as_str().unwrap()
        );
        for case in d["cases"].as_array().unwrap() {
            if !case["not_applicable"].is_null() {
                continue;
            }
            for bound in ["opens", "closes"] {
                if case[bound]["kind"] != "date" {
                    continue;
                }
                let date = case[bound]["value"]["date"].as_str().unwrap();
                if !(TODAY..="2026-04-05").contains(&date) {
                    continue;
                }
                want += 1;
                // A hollow mark on the row, at its date.
                assert!(
                    osprey.contains(&format!("data-date=\"{date}\" data-x="))
                        && osprey.contains(&format!("data-rule=\"{id}\"")),
                    "no mark for {id} on {date} in {osprey}"
                );
                // A line in the list, saying it may fall due and on what.
                let tr = format!("<tr class=\"maybe\" data-date=\"{date}\" data-rule=\"{id}\">");
                let at = html.find(&tr).unwrap_or_else(|| panic!("no line {tr}"));
                let line = &html[at..at + html[at..].find("</tr>").unwrap()];
                assert!(line.contains("Osprey Mutual Holdings"), "{line}");
                assert!(
                    line.contains("may fall due (depends on the meeting date"),
                    "{line}"
                );
                let when = case["when"].as_str().unwrap();
                assert!(line.contains(&esc(when)), "{line} lacks {when}");
                // Under the heading of its group.
                let days = chrono_days(date) - chrono_days(TODAY);
                let group = if days <= 30 {
                    "Within 30 days"
                } else if days <= 60 {
                    "In 31 to 60 days"
                } else {
                    "In 61 to 90 days"
                };
                let heading = &html[html[..at].rfind("<h2>").unwrap()..];
                assert!(
                    heading.starts_with(&format!("<h2>{group} (")),
                    "{id} {date}"
                );
            }
        }
    }
    // The bylaw window closing 29 Jan 2026 and the Rule 14a-19 notices in
    // March, if the meeting is near the anniversary.
    assert!(want >= 3, "{want}");
    assert_eq!(
        html.matches("<tr class=\"maybe\"").count(),
        want,
        "only Osprey's dates wait on a meeting"
    );
    // Every deadline that waits on the meeting is listed by name, with
    // its cases in words.
    let section = &html[html
        .find("<h2 id=\"depends\">")
        .expect("the section on dates not yet known")..];
    assert!(section.contains("<h3>Osprey Mutual Holdings: depends on the meeting date"));
    assert!(section.contains("data-rule=\"sec_regulation_14a/notice_of_internet_availability\""));
    assert!(section.contains("closes 40 days before the meeting"));
}

/// Days since 1 Jan 1970 of `YYYY-MM-DD`.
fn chrono_days(date: &str) -> i32 {
    let p: Vec<i32> = date.split('-').map(|x| x.parse().unwrap()).collect();
    let (y, m, d) = if p[1] <= 2 {
        (p[0] - 1, p[1] + 9, p[2])
    } else {
        (p[0], p[1] - 3, p[2])
    };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Rows that could not be computed are named at the top of the page and
/// listed, so that no company silently drops out.
#[test]
fn the_portfolio_page_names_the_rows_it_could_not_compute() {
    let cli = Cli::with_examples();
    cli.file(
        "mixed.csv",
        "name,state,exchange,zone,packs,prior_meeting,meeting\n\
         Alpha Corp.,Delaware,NYSE,America/New_York,,2025-05-14,2026-05-13\n\
         Bravo Inc.,Delawere,NYSE,America/New_York,,2025-05-14,2026-05-13\n",
    );
    let (_, html, err) = cli.run(&["batch", "mixed.csv", "--today", TODAY, "--format", "html"]);
    assert!(err.contains("Bravo Inc."), "{err}");
    assert!(
        html.contains("<p class=\"warn\"><a href=\"#failed\">1 row not computed</a>"),
        "{html}"
    );
    let listed = &html[html.find("<h2 id=\"failed\">").expect("the list")..];
    assert!(listed.contains("Bravo Inc."), "{listed}");
}

/// The labels of the bands drawing keep each rule's name readable: wrapped
/// in the gutter from its start, the full name in the hover text.
#[test]
fn the_band_labels_keep_the_start_of_each_rule() {
    let cli = Cli::with_examples();
    let html = season(&cli);
    let start = html
        .find("<svg class=\"bands\"")
        .expect("the bands drawing");
    let svg = &html[start..start + html[start..].find("</svg>").unwrap()];
    let labels: Vec<&str> = svg
        .match_indices("<text class=\"lane-name\"")
        .map(|(i, _)| &svg[i..i + svg[i..].find("</text>").unwrap()])
        .collect();
    assert!(labels.len() >= 3, "{svg}");
    let mut names = Vec::new();
    for l in &labels {
        let title = &l[l.find("<title>").expect("a hover title") + 7..l.find("</title>").unwrap()];
        let joined: Vec<&str> = l
            .match_indices("<tspan")
            .map(|(i, _)| {
                let t = &l[i..];
                &t[t.find('>').unwrap() + 1..t.find("</tspan>").unwrap()]
            })
            .collect();
        let joined = joined.join(" ");
        let shown = joined.trim_end_matches('…');
        assert!(!joined.starts_with('…'), "{joined}");
        assert!(
            title.starts_with(shown),
            "{joined} is not the start of {title}"
        );
        assert!(
            shown.len() >= title.len().min(40),
            "{joined} keeps too little of {title}"
        );
        names.push(title.to_owned());
    }
    // The rules told apart by their ends are told apart on the page.
    for want in [
        "Shareholder proposal deadline (Rule 14a-8)",
        "Advance notice of a nomination or other business (120/90 days)",
    ] {
        assert!(names.iter().any(|n| n == want), "{names:?}");
        assert!(
            labels
                .iter()
                .any(|l| l.contains("(Rule 14a-8)") || l.contains("(120/90 days)")),
            "{labels:?}"
        );
    }
}

// ---- the browser check ----

/// The Chromium binary on `PATH`, if any.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

fn headless(chromium: &Path, dir: &Path, extra: &[String], page: &Path) -> std::process::Output {
    Command::new(chromium)
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--disable-extensions",
            "--hide-scrollbars",
            "--virtual-time-budget=2000",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .env("HOME", dir)
        .output()
        .expect("run chromium")
}

/// Renders both pages in headless Chromium: no console message, the DOM
/// it builds holds the timeline's SVG and marks, a screenshot and a PDF (the print layout) are
/// written and not empty. Skipped, saying so, without Chromium, unless
/// `GOVCAL_REQUIRE_CHROMIUM` is set.
#[test]
fn chromium_draws_the_timeline_pages() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("GOVCAL_REQUIRE_CHROMIUM").is_none(),
            "GOVCAL_REQUIRE_CHROMIUM is set but no `chromium` or `chromium-browser` is on PATH"
        );
        println!("skipped: no `chromium` on PATH (set GOVCAL_REQUIRE_CHROMIUM=1 to require it)");
        return;
    };
    let cli = Cli::with_examples();
    cli.ok(&[
        "deadlines",
        "northwind-2026.toml",
        "--today",
        TODAY,
        "--format",
        "html",
        "-o",
        "season.html",
    ]);
    cli.ok(&[
        "batch",
        "portfolio.csv",
        "--today",
        TODAY,
        "--format",
        "html",
        "-o",
        "portfolio.html",
    ]);
    let dir = cli.path();
    for (page, svg_class) in [
        ("season.html", "timeline"),
        ("portfolio.html", "timeline portfolio"),
    ] {
        let file = dir.join(page);
        let out = headless(
            &browser,
            dir,
            &[
                "--dump-dom".to_owned(),
                "--enable-logging=stderr".to_owned(),
                "--v=0".to_owned(),
            ],
            &file,
        );
        // With logging on, Chromium writes each console message (a
        // script error included) to stderr as `CONSOLE`.
        let log = String::from_utf8_lossy(&out.stderr);
        assert!(
            !log.contains(":CONSOLE"),
            "{page}: console messages:\n{log}"
        );
        let dom = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "chromium failed on {page}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            dom.contains(&format!("<svg class=\"{svg_class}")),
            "{page}: no svg in the DOM"
        );
        assert!(
            dom.contains("<g class=\"mark"),
            "{page}: no marks in the DOM"
        );
        let shot = dir.join(format!("{page}.png"));
        let out = headless(
            &browser,
            dir,
            &[
                format!("--screenshot={}", shot.display()),
                "--window-size=1200,1000".to_owned(),
            ],
            &file,
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let png = std::fs::read(&shot).expect("a screenshot");
        assert!(
            png.len() > 10_000 && png.starts_with(b"\x89PNG"),
            "{page}: screenshot of {} bytes",
            png.len()
        );
        let pdf = dir.join(format!("{page}.pdf"));
        let out = headless(
            &browser,
            dir,
            &[
                format!("--print-to-pdf={}", pdf.display()),
                "--no-pdf-header-footer".to_owned(),
            ],
            &file,
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bytes = std::fs::read(&pdf).expect("a PDF");
        assert!(
            bytes.len() > 5_000 && bytes.starts_with(b"%PDF"),
            "{page}: PDF of {} bytes",
            bytes.len()
        );
    }
}

/// Escapes text as the page does in element content.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
