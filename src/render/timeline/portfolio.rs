//! `batch --format html`: what closes in the next 30, 60 and 90 days
//! across a portfolio, one row per company on a shared time axis, then the
//! same dates as a table grouped by how soon they come.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::axis::{Axis, GUTTER, WIDTH, esc};
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
    PortfolioRow {
        company: company.name.clone(),
        meeting: facts.get("meeting"),
        marks,
        later,
    }
}

const LANE: f64 = 26.0;

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
    let top = 30.0;
    #[allow(clippy::cast_precision_loss, reason = "a portfolio's rows")]
    let bottom = top + LANE * rows.len().max(1) as f64;
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
            "<g class=\"company\" data-row=\"{i}\"><rect class=\"lane-bg\" x=\"{GUTTER:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{LANE:.1}\" fill-opacity=\"0\"/><text class=\"lane-name\" x=\"6\" y=\"{:.1}\" style=\"font-size:11px\"><title>{}</title>{}</text>",
            WIDTH - GUTTER - 40.0,
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
        svg.push_str("</g>");
        y += LANE;
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
        "<figure>\n{svg}\n<figcaption>One row per company; each diamond is a date within the next 90 days (hover for the rule). A red line is the company's meeting; grey columns are weekends (each company's holidays are in its own page).</figcaption>\n</figure>\n"
    );
    for (from, to, label) in [
        (0, 30, "Within 30 days"),
        (31, 60, "In 31 to 60 days"),
        (61, HORIZON, "In 61 to 90 days"),
    ] {
        let mut items: Vec<(&PortfolioRow, &PortfolioMark)> = rows
            .iter()
            .flat_map(|r| r.marks.iter().map(move |m| (r, m)))
            .filter(|(_, m)| {
                let n = day_number(m.date) - day_number(today);
                n >= from && n <= to
            })
            .collect();
        items.sort_by(|a, b| {
            (a.1.date, &a.0.company, &a.1.id).cmp(&(b.1.date, &b.0.company, &b.1.id))
        });
        let _ = writeln!(out, "<h2>{label} ({})</h2>", items.len());
        if items.is_empty() {
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
        out.push_str("</tbody>\n</table>\n");
    }
    let later: usize = rows.iter().map(|r| r.later).sum();
    if later > 0 {
        let _ = writeln!(
            out,
            "<p class=\"small\">{} later than 90 days are not shown (see the CSV or each company's page).</p>",
            crate::error::plural(later, "date", "dates")
        );
    }
    if !failed.is_empty() {
        out.push_str("<h2>Rows not computed</h2>\n<ul>\n");
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
