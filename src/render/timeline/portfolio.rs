//! `batch --format html`: what closes in the next 30, 60 and 90 days
//! across a portfolio, one row per company on a shared time axis, then the
//! same dates as a table grouped by how soon they come.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::axis::{Axis, GUTTER, WIDTH, esc};
use super::maybe::{PortfolioMaybe, depends_text, maybes};
use super::page_head;
use crate::eval::Deadline;
use crate::model::dates::show_date;
use crate::model::facts::{Company, Facts};
use crate::model::offset::add_days;
use crate::model::ranges::day_number;

/// How far ahead the page looks, in days.
pub const HORIZON: i64 = 90;

/// One date of one company within the horizon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortfolioMark {
    /// The date.
    pub date: NaiveDate,
    /// `opens` or `closes`.
    pub bound: &'static str,
    /// The time and zone, or `-`.
    pub time: String,
    /// Who must act.
    pub who: &'static str,
    /// The rule's name for people.
    pub title: String,
    /// The rule's full id.
    pub id: String,
    /// The rule's citation.
    pub citation: String,
}

/// One company's row: its dates from today to the horizon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortfolioRow {
    /// The company's name.
    pub company: String,
    /// Its meeting, when known.
    pub meeting: Option<NaiveDate>,
    /// Its dates within the horizon, by date.
    pub marks: Vec<PortfolioMark>,
    /// How many of its dates fall after the horizon.
    pub later: usize,
    /// Its deadlines that depend on facts not yet set and may fall due
    /// within the horizon.
    pub maybe: Vec<PortfolioMaybe>,
    /// The facts not yet set that they depend on, the meeting first.
    pub depends: Vec<String>,
}

/// The last day the page shows: `today` plus [`HORIZON`] days.
fn horizon_end(today: NaiveDate) -> NaiveDate {
    add_days(today, HORIZON).unwrap_or(NaiveDate::MAX)
}

/// Picks from `deadlines` the dates from `today` to the horizon.
pub fn portfolio_row(
    company: &Company,
    facts: &Facts,
    deadlines: &[Deadline<'_>],
    today: NaiveDate,
) -> PortfolioRow {
    let end = horizon_end(today);
    let mut marks = Vec::new();
    let mut later = 0;
    for row in super::super::table::rows(deadlines) {
        if row.date > end {
            later += 1;
        } else if row.date >= today {
            marks.push(PortfolioMark {
                date: row.date,
                bound: row.bound.as_str(),
                time: super::super::time_text(row.b),
                who: super::super::who(row.d),
                title: row.d.name(),
                id: row.d.id(),
                citation: row.d.citation.clone(),
            });
        }
    }
    let (maybe, depends) = maybes(deadlines, facts, today, end);
    PortfolioRow {
        company: company.name.clone(),
        meeting: facts.get("meeting"),
        marks,
        later,
        maybe,
        depends,
    }
}

const LANE: f64 = 26.0;

/// A row's height: a line more for the note on dates not yet known.
fn lane_height(row: &PortfolioRow) -> f64 {
    if row.maybe.is_empty() {
        LANE
    } else {
        LANE + 14.0
    }
}

/// The row's note on deadlines that depend on facts not yet set, and a
/// hollow diamond at each date one of them may fall on.
fn maybe_marks(svg: &mut String, axis: Axis, row: &PortfolioRow, y: f64) {
    if row.maybe.is_empty() {
        return;
    }
    let depends = depends_text(&row.depends);
    let _ = write!(
        svg,
        "<a href=\"#depends\"><text class=\"depends\" x=\"{:.1}\" y=\"{:.1}\">Dates depend on {}: {} (listed below)</text></a>",
        GUTTER + 6.0,
        y + LANE + 8.0,
        esc(&depends),
        crate::error::plural(row.maybe.len(), "deadline", "deadlines")
    );
    for m in &row.maybe {
        for (date, bound, when) in &m.dates {
            let x = axis.mid(*date);
            let cy = y + LANE / 2.0;
            let _ = write!(
                svg,
                "<g class=\"maybe {bound}\" data-date=\"{date}\" data-x=\"{x:.1}\" data-rule=\"{}\"><title>{}</title><polygon class=\"maybe-dot\" points=\"{x:.1},{:.1} {:.1},{cy:.1} {x:.1},{:.1} {:.1},{cy:.1}\"/></g>",
                esc(&m.id),
                esc(&format!(
                    "{}\n{} may {} {} (if {}; depends on {})\nwho: {}\n{}",
                    row.company,
                    m.title,
                    if *bound == "opens" { "open" } else { "close" },
                    show_date(*date),
                    when,
                    depends,
                    m.who,
                    m.citation
                )),
                cy - 6.0,
                x + 5.0,
                cy + 6.0,
                x - 5.0
            );
        }
    }
}

/// Renders the portfolio page for `rows` (in the portfolio's order) and
/// the rows that failed (`row N (label): why`).
pub fn portfolio_page(rows: &[PortfolioRow], failed: &[String], today: NaiveDate) -> String {
    let end = horizon_end(today);
    let axis = Axis::between(today, end);
    let mut out = String::with_capacity(32 * 1024);
    page_head(
        &mut out,
        "Portfolio: what opens and closes in the next 90 days",
    );
    let _ = writeln!(
        out,
        "<h1>What opens and closes in the next 90 days</h1>\n<p class=\"meta\">{} · today {} to {}</p>",
        crate::error::plural(rows.len(), "company", "companies"),
        esc(&show_date(today)),
        esc(&show_date(end))
    );
    if !failed.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"warn\"><a href=\"#failed\">{} not computed</a>: their deadlines are not on this page.</p>",
            crate::error::plural(failed.len(), "row", "rows")
        );
    }
    let top = 30.0;
    let bottom = top + rows.iter().map(lane_height).sum::<f64>().max(LANE);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"timeline portfolio\" viewBox=\"0 0 {WIDTH:.0} {:.0}\" role=\"img\" data-start=\"{}\" data-end=\"{}\"><title>Deadlines of each company from {} to {}</title>",
        bottom + 4.0,
        axis.start,
        axis.end,
        esc(&show_date(today)),
        esc(&show_date(end))
    );
    // Weekends only: the companies' calendars differ.
    axis.shade(&mut svg, &[], top, bottom);
    axis.month_ticks(&mut svg, 22.0, bottom);
    let mut y = top;
    for (i, row) in rows.iter().enumerate() {
        let _ = write!(
            svg,
            "<g class=\"company\" data-row=\"{i}\"><rect class=\"lane-bg\" x=\"{GUTTER:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill-opacity=\"0\"/><text class=\"lane-name\" x=\"6\" y=\"{:.1}\" style=\"font-size:11px\"><title>{}</title>{}</text>",
            WIDTH - GUTTER - 40.0,
            lane_height(row),
            y + 16.0,
            esc(&row.company),
            esc(&super::short_end(&row.company, 20))
        );
        if let Some(m) = row.meeting.filter(|m| axis.contains(*m)) {
            let x = axis.mid(m);
            let _ = write!(
                svg,
                "<g class=\"fact fact-meeting\" data-date=\"{m}\"><title>{}: meeting {}</title><line x1=\"{x:.1}\" y1=\"{y:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/></g>",
                esc(&row.company),
                esc(&show_date(m)),
                y + LANE
            );
        }
        for mark in &row.marks {
            let x = axis.mid(mark.date);
            let cy = y + LANE / 2.0;
            let _ = write!(
                svg,
                "<g class=\"mark {}\" data-date=\"{}\" data-x=\"{x:.1}\" data-rule=\"{}\"><title>{}</title><polygon class=\"dot\" points=\"{x:.1},{:.1} {:.1},{cy:.1} {x:.1},{:.1} {:.1},{cy:.1}\"/></g>",
                mark.bound,
                mark.date,
                esc(&mark.id),
                esc(&format!(
                    "{}\n{} {} {} {}\nwho: {}\n{}",
                    row.company,
                    mark.title,
                    mark.bound,
                    show_date(mark.date),
                    mark.time,
                    mark.who,
                    mark.citation
                )),
                cy - 6.0,
                x + 5.0,
                cy + 6.0,
                x - 5.0
            );
        }
        maybe_marks(&mut svg, axis, row, y);
        svg.push_str("</g>");
        y += lane_height(row);
    }
    for (days, label) in [
        (0, "Today"),
        (30, "30 days"),
        (60, "60 days"),
        (90, "90 days"),
    ] {
        let Ok(d) = add_days(today, days) else {
            continue;
        };
        let x = axis.mid(d);
        let anchor = if days == 90 { "end" } else { "start" };
        let _ = write!(
            svg,
            "<g class=\"fact fact-window\" data-date=\"{d}\"><line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{label}</text></g>",
            top - 4.0,
            top - 4.0
        );
    }
    svg.push_str("</svg>");
    let _ = write!(
        out,
        "<figure>\n{svg}\n<figcaption>One row per company; each diamond is a date within the next 90 days (hover for the rule); a hollow diamond is a date that may fall due, depending on a fact not yet set (the row says which). A red line is the company's meeting; grey columns are weekends (each company's holidays are in its own page).</figcaption>\n</figure>\n"
    );
    for (from, to, label) in [
        (0, 30, "Within 30 days"),
        (31, 60, "In 31 to 60 days"),
        (61, HORIZON, "In 61 to 90 days"),
    ] {
        let within = |date: NaiveDate| {
            let n = day_number(date) - day_number(today);
            n >= from && n <= to
        };
        let mut items: Vec<(&PortfolioRow, &PortfolioMark)> = rows
            .iter()
            .flat_map(|r| r.marks.iter().map(move |m| (r, m)))
            .filter(|(_, m)| within(m.date))
            .collect();
        items.sort_by(|a, b| {
            (a.1.date, &a.0.company, &a.1.id).cmp(&(b.1.date, &b.0.company, &b.1.id))
        });
        let mut maybe: Vec<(NaiveDate, &PortfolioRow, &PortfolioMaybe, &str, &str)> = rows
            .iter()
            .flat_map(|r| {
                r.maybe.iter().flat_map(move |m| {
                    m.dates
                        .iter()
                        .map(move |(d, bound, when)| (*d, r, m, *bound, when.as_str()))
                })
            })
            .filter(|x| within(x.0))
            .collect();
        maybe.sort_by(|a, b| (a.0, &a.1.company, &a.2.id).cmp(&(b.0, &b.1.company, &b.2.id)));
        if maybe.is_empty() {
            let _ = writeln!(out, "<h2>{label} ({})</h2>", items.len());
        } else {
            let _ = writeln!(
                out,
                "<h2>{label} ({}; {} more may fall due)</h2>",
                items.len(),
                maybe.len()
            );
        }
        if items.is_empty() && maybe.is_empty() {
            out.push_str("<p>Nothing.</p>\n");
            continue;
        }
        out.push_str("<table class=\"deadlines\">\n<thead><tr><th>Date</th><th>Time</th><th>Company</th><th>Bound</th><th>Who</th><th>Rule</th><th>Citation</th></tr></thead>\n<tbody>\n");
        for (r, m) in items {
            let _ = writeln!(
                out,
                "<tr data-date=\"{}\"><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                m.date,
                esc(&show_date(m.date)),
                esc(&m.time),
                esc(&r.company),
                m.bound,
                m.who,
                esc(&m.title),
                esc(&m.citation)
            );
        }
        for (date, r, m, bound, when) in maybe {
            let _ = writeln!(
                out,
                "<tr class=\"maybe\" data-date=\"{date}\" data-rule=\"{}\"><td class=\"n\">{}</td><td class=\"n\">-</td><td>{}</td><td>may {}</td><td>{}</td><td>{}<br><span class=\"small\">may fall due (depends on {}): if {}</span></td><td>{}</td></tr>",
                esc(&m.id),
                esc(&show_date(date)),
                esc(&r.company),
                if bound == "opens" { "open" } else { "close" },
                m.who,
                esc(&m.title),
                esc(&depends_text(&r.depends)),
                esc(when),
                esc(&m.citation)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    depends_section(&mut out, rows);
    let later: usize = rows.iter().map(|r| r.later).sum();
    if later > 0 {
        let _ = writeln!(
            out,
            "<p class=\"small\">{} later than 90 days are not shown (see the CSV or each company's page).</p>",
            crate::error::plural(later, "date", "dates")
        );
    }
    if !failed.is_empty() {
        out.push_str("<h2 id=\"failed\">Rows not computed</h2>\n<ul>\n");
        for f in failed {
            let _ = writeln!(out, "<li>{}</li>", esc(f));
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(
        out,
        "<p class=\"small\">Made by govcal {} for today {today}. Past dates are left out. Check every date against its source before relying on it.</p>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    out
}

/// Every deadline that depends on facts not yet set, by company, with
/// each case in words: those without a date in the lists above may fall
/// due within the horizon too.
fn depends_section(out: &mut String, rows: &[PortfolioRow]) {
    if rows.iter().all(|r| r.maybe.is_empty()) {
        return;
    }
    out.push_str("<h2 id=\"depends\">Dates that depend on facts not yet set</h2>\n<p>These deadlines may fall due within the next 90 days; their dates are known once the facts they depend on are set (the portfolio's columns, or each company's facts file).</p>\n");
    for r in rows.iter().filter(|r| !r.maybe.is_empty()) {
        let _ = writeln!(
            out,
            "<h3>{}: depends on {} ({})</h3>\n<ul class=\"depends\">",
            esc(&r.company),
            esc(&depends_text(&r.depends)),
            crate::error::plural(r.maybe.len(), "deadline", "deadlines")
        );
        for m in &r.maybe {
            let _ = write!(
                out,
                "<li data-rule=\"{}\"><strong>{}</strong> ({}; {})<ul>",
                esc(&m.id),
                esc(&m.title),
                esc(&m.citation),
                m.who
            );
            for c in &m.cases {
                let _ = write!(out, "<li>{}</li>", esc(c));
            }
            out.push_str("</ul></li>\n");
        }
        out.push_str("</ul>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_portfolio_is_a_page_without_marks() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let page = portfolio_page(&[], &[], today);
        assert!(page.contains("<svg"));
        assert!(!page.contains("class=\"mark"));
        assert_eq!(page.matches("<p>Nothing.</p>").count(), 3);
    }

    #[test]
    fn names_are_escaped_and_the_last_day_does_not_panic() {
        let row = PortfolioRow {
            company: "A<b> & \"C\"".to_owned(),
            meeting: Some(NaiveDate::MAX),
            marks: vec![],
            later: 0,
            maybe: vec![],
            depends: vec![],
        };
        let page = portfolio_page(
            std::slice::from_ref(&row),
            &["row 2 (<x>): bad".to_owned()],
            NaiveDate::MAX,
        );
        assert!(page.contains("A&lt;b&gt; &amp; &quot;C&quot;"));
        assert!(page.contains("row 2 (&lt;x&gt;): bad"));
        assert!(!page.contains("<b>"));
    }
}
