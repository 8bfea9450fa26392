//! HTML timeline pages: `deadlines --format html` (one meeting's season)
//! and `batch --format html` (what closes soon across a portfolio).
//!
//! A page is self-contained: inline CSS and inline SVG, no script, no
//! fonts or images fetched, so it works offline and prints (A4 or Letter:
//! the drawing scales to the page's width). Every mark carries its date in
//! `data-date`, an SVG `<title>` for hover text and a numbered footnote.
//! The page shows what evaluation produced, the same deadlines the table
//! and JSON show; it computes no date.

mod axis;
pub mod maybe;
pub mod portfolio;

use std::fmt::Write as _;

use chrono::NaiveDate;

use self::axis::{Axis, GUTTER, WIDTH, esc};
use super::table::{heading, rows};
use super::{case_text, date_text, time_text, who, words};
use crate::analyse::coverage::Coverage;
use crate::eval::{Answer, Bound, Condition, Deadline};
use crate::model::calendar::Calendar;
use crate::model::dates::show_date;
use crate::model::facts::{Company, Facts};
use crate::model::rule::{Actor, Status};
use crate::pack::consistency::FactWarning;

/// What the season page shows: the same inputs as the table.
pub struct Page<'a, 'p> {
    /// The company.
    pub company: &'a Company,
    /// The meeting's facts.
    pub facts: &'a Facts,
    /// Doubts about the facts.
    pub fact_warnings: &'a [FactWarning],
    /// The packs that govern the company and what they leave uncovered.
    pub coverage: &'a Coverage<'p>,
    /// This meeting's deadlines, as the table shows them.
    pub deadlines: &'a [Deadline<'p>],
    /// Next year's dates to print in this year's proxy statement.
    pub next_year: &'a [Deadline<'p>],
    /// The calendars whose weekends and holidays are shaded.
    pub calendars: Vec<&'a Calendar>,
    /// Today.
    pub today: NaiveDate,
}

/// The page's style: screen and print (A4 and Letter alike: margins in
/// millimetres and a drawing as wide as the page).
const STYLE: &str = "\
@page{margin:12mm}
body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1b1f24;margin:1.5rem auto;max-width:70rem;padding:0 1rem}
h1{font-size:1.4rem;margin:0 0 .2rem}h2{font-size:1.1rem;margin:1.6rem 0 .4rem;border-bottom:1px solid #ccd;padding-bottom:.2rem}
.meta{color:#555;margin:.1rem 0}
figure{margin:1rem 0}svg{display:block;width:100%;height:auto}
figcaption{font-size:.85rem;color:#555}
.lane-bg{fill:#fff;stroke:#d6d9de}.lane-name{font-size:12px;font-weight:600;fill:#333}
.weekend{fill:#eef0f3}.holiday{fill:#f6d9b8}
.tick{stroke:#b9bec7;stroke-width:.6}.month{font-size:11px;fill:#444}
.fact line{stroke-width:1.4;stroke-dasharray:4 3}.fact text{font-size:11px;font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.fact-meeting line{stroke:#b3261e}.fact-meeting text{fill:#b3261e}
.fact-record_date line{stroke:#6a3fb5}.fact-record_date text{fill:#6a3fb5}
.fact-announcement line{stroke:#0b6b5c}.fact-announcement text{fill:#0b6b5c}
.fact-today line{stroke:#111;stroke-dasharray:none}.fact-today text{fill:#111}
.fact-window line{stroke:#555;stroke-dasharray:2 2}.fact-window text{fill:#555}
.bar{fill:#5b8def;fill-opacity:.75;stroke:#2f5fbf}.dot{fill:#2f5fbf;stroke:#fff;stroke-width:.8}
.past .bar{fill:#aab;stroke:#889}.past .dot{fill:#889}
.num{font-size:10px;fill:#222}.none{font-size:10px;fill:#777}
.maybe-dot{fill:#fff;stroke:#b88a00;stroke-width:1.4}.depends{font-size:11px;font-style:italic;fill:#7a5200}
tr.maybe td{background:#fff8e1}.warn{color:#8a1c12;font-weight:600}
.band{fill:#f2b705;fill-opacity:.28;stroke:#b88a00;stroke-width:.6}.band.words{fill:#9aa3ad;fill-opacity:.18;stroke:#8a939c;stroke-dasharray:3 2}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{text-align:left;vertical-align:top;padding:.2rem .4rem;border-bottom:1px solid #e3e5e8}
th{background:#f4f5f7}td.n{white-space:nowrap}
ol.notes{font-size:.85rem;padding-left:2.2rem}ol.notes li{margin:.15rem 0}
ul{padding-left:1.4rem}.small{font-size:.85rem;color:#555}
a{color:#2451a6}
@media print{body{margin:0;max-width:none;font-size:10pt}a{color:inherit;text-decoration:none}
figure,tr,li{break-inside:avoid}h2{break-after:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
";

/// Writes the head of a page titled `title`.
pub(crate) fn page_head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        esc(title)
    );
}

/// The lanes, in the order drawn: who must act.
const LANES: [(Option<Actor>, &str); 5] = [
    (Some(Actor::Company), "Company"),
    (Some(Actor::Board), "Board"),
    (Some(Actor::Shareholder), "Shareholder"),
    (Some(Actor::Dissident), "Dissident"),
    (None, "Other"),
];

/// One computed deadline on the drawing.
struct Mark<'a, 'p> {
    d: &'a Deadline<'p>,
    opens: Option<&'a Bound>,
    closes: Option<&'a Bound>,
    first: NaiveDate,
    last: NaiveDate,
    /// Its footnote's number.
    n: usize,
}

fn marks<'a, 'p>(deadlines: &'a [Deadline<'p>]) -> Vec<Mark<'a, 'p>> {
    let mut out: Vec<Mark<'a, 'p>> = deadlines
        .iter()
        .filter(|d| d.opens.is_some() || d.closes.is_some())
        .map(|d| {
            let dates: Vec<NaiveDate> = d.bounds().map(|(_, b)| b.date).collect();
            let first = dates.iter().min().copied().unwrap_or_default();
            let last = dates.iter().max().copied().unwrap_or_default();
            Mark {
                d,
                opens: d.opens.as_ref(),
                closes: d.closes.as_ref(),
                first,
                last,
                n: 0,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (a.first, a.last, a.d.pack.as_str(), a.d.rule.as_str()).cmp(&(
            b.first,
            b.last,
            b.d.pack.as_str(),
            b.d.rule.as_str(),
        ))
    });
    for (i, m) in out.iter_mut().enumerate() {
        m.n = i + 1;
    }
    out
}

/// "opens Thu 15 Jan 2026 17:00 `America/New_York`; closes ...", saying so
/// when the rule sets no time of day.
fn when_text(m: &Mark<'_, '_>) -> String {
    let one = |name: &str, b: &Bound| {
        let time = if b.time.is_some() {
            String::new()
        } else {
            " (no time of day set)".to_owned()
        };
        format!("{name} {}{time}", date_text(b))
    };
    let mut parts = Vec::new();
    if let Some(b) = m.opens {
        parts.push(one("opens", b));
    }
    if let Some(b) = m.closes {
        parts.push(one("closes", b));
    }
    parts.join("; ")
}

fn hover_text(m: &Mark<'_, '_>) -> String {
    format!(
        "[{}] {}\n{}\nwho: {}\n{}",
        m.n,
        m.d.name(),
        when_text(m),
        who(m.d),
        m.d.citation
    )
}

/// Rows within a lane, so that marks and their numbers do not overlap:
/// each item goes in the first row whose last item ends before it starts.
fn pack_rows(extents: &[(f64, f64)]) -> (Vec<usize>, usize) {
    let mut ends: Vec<f64> = Vec::new();
    let mut rows = Vec::with_capacity(extents.len());
    for &(a, b) in extents {
        let row = ends.iter().position(|&e| e < a).unwrap_or(ends.len());
        if row == ends.len() {
            ends.push(b);
        } else {
            ends[row] = b;
        }
        rows.push(row);
    }
    (rows, ends.len())
}

const ROW: f64 = 16.0;

/// Lines for the named facts: the meeting, the record date, the
/// announcement, then today, each label on its own line above the lanes.
fn fact_lines(
    out: &mut String,
    axis: Axis,
    lines: &[(&str, &str, NaiveDate)],
    top: f64,
    bottom: f64,
) -> Vec<String> {
    let mut off = Vec::new();
    // The labels go after every line, so that no line crosses a label.
    let mut labels = String::new();
    for (i, (class, label, date)) in lines.iter().enumerate() {
        if !axis.contains(*date) {
            off.push(format!(
                "{label} ({}) is off the drawn axis",
                show_date(*date)
            ));
            continue;
        }
        let x = axis.mid(*date);
        #[allow(clippy::cast_precision_loss, reason = "a handful of lines")]
        let y = top - 4.0 - 13.0 * (lines.len() - 1 - i) as f64;
        let text = format!("{label} {}", show_date(*date));
        // Near the right edge the label runs leftwards.
        let anchor = if x > WIDTH - 180.0 { "end" } else { "start" };
        let tx = if anchor == "end" { x - 3.0 } else { x + 3.0 };
        let _ = write!(
            out,
            "<g class=\"fact fact-{class}\" data-date=\"{date}\" data-x=\"{x:.1}\"><title>{}</title><line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\"/></g>",
            esc(&text),
            y - 9.0,
        );
        let _ = write!(
            labels,
            "<g class=\"fact fact-{class}\"><text x=\"{tx:.1}\" y=\"{y:.1}\" text-anchor=\"{anchor}\">{}</text></g>",
            esc(&text)
        );
    }
    out.push_str(&labels);
    off
}

/// The season's drawing: lanes of marks, the fact lines, shading, months.
fn season_svg(p: &Page<'_, '_>, marks: &[Mark<'_, '_>], axis: Axis) -> (String, Vec<String>) {
    let mut lines: Vec<(&str, &str, NaiveDate)> = Vec::new();
    for (name, label) in [
        ("meeting", "Meeting"),
        ("record_date", "Record date"),
        ("announcement", "Announcement"),
    ] {
        if let Some(d) = p.facts.get(name) {
            lines.push((name, label, d));
        }
    }
    lines.push(("today", "Today", p.today));
    // 22 for the month labels, a line per fact label.
    #[allow(clippy::cast_precision_loss, reason = "a handful of lines")]
    let lanes_top = 26.0 + 13.0 * lines.len() as f64;
    let mut body = String::new();
    let mut y = lanes_top;
    let mut lane_boxes = Vec::new();
    for (actor, name) in LANES {
        let mine: Vec<&Mark<'_, '_>> = marks
            .iter()
            .filter(|m| m.d.actor == actor && axis.contains(m.first.max(axis.start)))
            .filter(|m| m.last >= axis.start && m.first < axis.end)
            .collect();
        if actor.is_none() && mine.is_empty() {
            continue;
        }
        let extents: Vec<(f64, f64)> = mine
            .iter()
            .map(|m| {
                let digits = m.n.to_string().len();
                #[allow(clippy::cast_precision_loss, reason = "a few digits")]
                let label = 6.0 * digits as f64 + 8.0;
                (
                    axis.x(m.first) - 5.0,
                    axis.x(m.last) + axis.day_width() + label,
                )
            })
            .collect();
        let (rows, count) = pack_rows(&extents);
        #[allow(clippy::cast_precision_loss, reason = "a few rows")]
        let height = ROW * count.max(1) as f64 + 8.0;
        lane_boxes.push((name, y, height, mine.is_empty()));
        for (m, row) in mine.iter().zip(rows) {
            #[allow(clippy::cast_precision_loss, reason = "a few rows")]
            let cy = y + 4.0 + ROW * row as f64 + ROW / 2.0;
            draw_mark(&mut body, axis, m, cy, p.today);
        }
        y += height;
    }
    let bottom = y;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"timeline\" viewBox=\"0 0 {WIDTH:.0} {:.0}\" role=\"img\" aria-labelledby=\"timeline-title\" data-start=\"{}\" data-end=\"{}\"><title id=\"timeline-title\">{}</title>",
        bottom + 4.0,
        axis.start,
        axis.end,
        esc(&format!(
            "Timeline of {}'s deadlines, {} to {}",
            p.company.name,
            show_date(axis.start),
            show_date(axis.end.pred_opt().unwrap_or(axis.end))
        ))
    );
    for (name, y, h, empty) in &lane_boxes {
        let _ = write!(
            svg,
            "<rect class=\"lane-bg\" x=\"{GUTTER:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{h:.1}\"/><text class=\"lane-name\" x=\"6\" y=\"{:.1}\">{}</text>",
            WIDTH - GUTTER - 40.0,
            y + 15.0,
            esc(name)
        );
        if *empty {
            let _ = write!(
                svg,
                "<text class=\"none\" x=\"{:.1}\" y=\"{:.1}\">none</text>",
                GUTTER + 6.0,
                y + 15.0
            );
        }
    }
    let mut notes = axis.shade(&mut svg, &p.calendars, lanes_top, bottom);
    axis.month_ticks(&mut svg, 22.0, bottom);
    svg.push_str(&body);
    notes.extend(fact_lines(&mut svg, axis, &lines, lanes_top, bottom));
    svg.push_str("</svg>");
    (svg, notes)
}

fn draw_mark(out: &mut String, axis: Axis, m: &Mark<'_, '_>, cy: f64, today: NaiveDate) {
    let past = if m.last < today { " past" } else { "" };
    let kind = if m.opens.is_some() && m.closes.is_some() {
        "window"
    } else if m.opens.is_some() {
        "opens"
    } else {
        "closes"
    };
    let x = axis.mid(m.first);
    let _ = write!(
        out,
        "<g class=\"mark {kind}{past}\" data-date=\"{}\"",
        m.first
    );
    if kind == "window" {
        let _ = write!(out, " data-end=\"{}\"", m.last);
    }
    let _ = write!(
        out,
        " data-x=\"{x:.1}\" data-rule=\"{}\" data-note=\"{}\"><title>{}</title><a href=\"#note-{}\">",
        esc(&m.d.id()),
        m.n,
        esc(&hover_text(m)),
        m.n
    );
    let end_x = if kind == "window" {
        let (x0, x1) = (axis.x(m.first), axis.x(m.last) + axis.day_width());
        let _ = write!(
            out,
            "<rect class=\"bar\" x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"10\" rx=\"2\"/>",
            cy - 5.0,
            (x1 - x0).max(2.0)
        );
        x1
    } else if kind == "opens" {
        // A triangle pointing forwards: from here on.
        let _ = write!(
            out,
            "<polygon class=\"dot\" points=\"{:.1},{:.1} {:.1},{cy:.1} {:.1},{:.1}\"/>",
            x - 4.0,
            cy - 6.0,
            x + 5.0,
            x - 4.0,
            cy + 6.0
        );
        x + 5.0
    } else {
        let _ = write!(
            out,
            "<polygon class=\"dot\" points=\"{x:.1},{:.1} {:.1},{cy:.1} {x:.1},{:.1} {:.1},{cy:.1}\"/>",
            cy - 6.0,
            x + 5.0,
            cy + 6.0,
            x - 5.0
        );
        x + 5.0
    };
    let _ = write!(
        out,
        "<text class=\"num\" x=\"{:.1}\" y=\"{:.1}\">{}</text></a></g>",
        end_x + 2.0,
        cy + 3.5,
        m.n
    );
}

/// The meeting-date ranges of a case, when its condition is one fact's
/// dates (or a union of them): the fact and the intervals.
/// Intervals of dates, `None` for an open end.
type Intervals = Vec<(Option<NaiveDate>, Option<NaiveDate>)>;

fn case_ranges(c: &Condition<'_>) -> Option<(String, Intervals)> {
    match c {
        Condition::Dates { fact, ranges } => Some((fact.clone(), ranges.intervals().collect())),
        Condition::Any(parts) => {
            let mut fact: Option<String> = None;
            let mut all = Vec::new();
            for part in parts {
                let (f, r) = case_ranges(part)?;
                if fact.as_ref().is_some_and(|g| *g != f) {
                    return None;
                }
                fact = Some(f);
                all.extend(r);
            }
            fact.map(|f| (f, all))
        }
        _ => None,
    }
}

/// The conditional answers as bands: a lane per deadline, a band per case
/// over the dates of the fact it depends on ("if the meeting is between
/// …"), and a mark at each date the case gives. `None` when no answer has
/// a band or a date to draw.
fn bands_svg(conditional: &[&Deadline<'_>], focus: NaiveDate) -> Option<String> {
    let mut dates = Vec::new();
    // A lane only for the answers with a band or a date to draw; those
    // on a fact's words alone ("14 days after the proposal arrives") are
    // listed below the drawing.
    let conditional: Vec<&Deadline<'_>> = conditional
        .iter()
        .copied()
        .filter(|d| {
            d.cases.iter().any(|c| {
                c.when.as_ref().and_then(case_ranges).is_some()
                    || [&c.opens, &c.closes]
                        .into_iter()
                        .flatten()
                        .any(|a| matches!(a, Answer::Date(_)))
            })
        })
        .collect();
    for d in &conditional {
        for c in &d.cases {
            if let Some((_, ranges)) = c.when.as_ref().and_then(case_ranges) {
                for (a, b) in ranges {
                    dates.extend(a);
                    dates.extend(b);
                }
            }
            for a in [&c.opens, &c.closes].into_iter().flatten() {
                if let Answer::Date(b) = a {
                    dates.push(b.date);
                }
            }
        }
    }
    if dates.is_empty() {
        return None;
    }
    let axis = Axis::around(&dates, focus);
    let top = 30.0;
    let mut body = String::new();
    let mut y = top;
    for d in &conditional {
        // The label wraps in the gutter, its start kept: the start names
        // the rule; the full name is the hover text.
        let name = d.name();
        let label = wrap(&name, LABEL_CHARS, LABEL_LINES);
        #[allow(clippy::cast_precision_loss, reason = "a few lines")]
        let lane = (11.0 * label.len() as f64 + 8.0).max(30.0);
        #[allow(clippy::cast_precision_loss, reason = "a few lines")]
        let first = y + lane / 2.0 - 5.5 * (label.len() as f64 - 1.0) + 3.5;
        let _ = write!(
            body,
            "<rect class=\"lane-bg\" x=\"{GUTTER:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{lane:.1}\"/><text class=\"lane-name\" x=\"6\" y=\"{first:.1}\" style=\"font-size:10px\"><title>{}</title>",
            WIDTH - GUTTER - 40.0,
            esc(&name)
        );
        for (i, line) in label.iter().enumerate() {
            let dy = if i == 0 { "0" } else { "11" };
            let _ = write!(body, "<tspan x=\"6\" dy=\"{dy}\">{}</tspan>", esc(line));
        }
        body.push_str("</text>");
        for (i, c) in d.cases.iter().enumerate() {
            let text = format!("{}: {}", d.name(), case_text(c));
            if let Some((fact, ranges)) = c.when.as_ref().and_then(case_ranges) {
                // A case that gives a date is drawn apart from one that
                // gives only words.
                let gives_date = [&c.opens, &c.closes]
                    .into_iter()
                    .flatten()
                    .any(|a| matches!(a, Answer::Date(_)));
                let kind = if gives_date { "band" } else { "band words" };
                let last_day = axis.end.pred_opt().unwrap_or(axis.end);
                for (from, to) in ranges {
                    let a = from.unwrap_or(axis.start).max(axis.start);
                    let b = to.unwrap_or(last_day).min(last_day);
                    if a > last_day || b < axis.start || b < a {
                        continue;
                    }
                    let x0 = axis.x(a);
                    let x1 = axis.x(b) + axis.day_width();
                    // The range's own ends, an open end said as such.
                    let ends = match (from, to) {
                        (Some(f), Some(t)) => format!("data-date=\"{f}\" data-end=\"{t}\""),
                        (Some(f), None) => format!("data-date=\"{f}\" data-open=\"end\""),
                        (None, Some(t)) => format!("data-end=\"{t}\" data-open=\"start\""),
                        (None, None) => "data-open=\"both\"".to_owned(),
                    };
                    let _ = write!(
                        body,
                        "<g class=\"case\" data-fact=\"{}\" {ends} data-case=\"{i}\"><title>{}</title><rect class=\"{kind}\" x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"/></g>",
                        esc(&fact),
                        esc(&text),
                        y + 2.0,
                        (x1 - x0).max(1.0),
                        lane - 4.0
                    );
                }
            }
            for a in [&c.opens, &c.closes].into_iter().flatten() {
                if let Answer::Date(b) = a
                    && axis.contains(b.date)
                {
                    let x = axis.mid(b.date);
                    let cy = y + lane / 2.0;
                    let _ = write!(
                        body,
                        "<g class=\"mark answer\" data-date=\"{}\" data-x=\"{x:.1}\" data-rule=\"{}\"><title>{}</title><polygon class=\"dot\" points=\"{x:.1},{:.1} {:.1},{cy:.1} {x:.1},{:.1} {:.1},{cy:.1}\"/></g>",
                        b.date,
                        esc(&d.id()),
                        esc(&text),
                        cy - 6.0,
                        x + 5.0,
                        cy + 6.0,
                        x - 5.0
                    );
                }
            }
        }
        y += lane;
    }
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"bands\" viewBox=\"0 0 {WIDTH:.0} {:.0}\" role=\"img\" data-start=\"{}\" data-end=\"{}\"><title>Answers that depend on a date not yet known: each band is the range of that date for which the answer holds</title>",
        y + 4.0,
        axis.start,
        axis.end
    );
    axis.month_ticks(&mut svg, 22.0, y);
    svg.push_str(&body);
    svg.push_str("</svg>");
    Some(svg)
}

/// Characters of a band's label on one line of the gutter, and lines.
const LABEL_CHARS: usize = 22;
const LABEL_LINES: usize = 3;

/// `s` wrapped at spaces into lines of at most `width` characters (a
/// longer word is cut), at most `lines` of them, the last ending in `…`
/// when text is left over.
fn wrap(s: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in s.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let used = cur.chars().count();
            let room = if used == 0 {
                width
            } else {
                width.saturating_sub(used + 1)
            };
            if word.len() <= room {
                if used > 0 {
                    cur.push(' ');
                }
                cur.extend(word.iter());
                break;
            }
            if used == 0 {
                // A word longer than a line: cut it.
                cur.extend(word.drain(..width.max(1)));
            }
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    if out.len() > lines.max(1) {
        out.truncate(lines.max(1));
        if let Some(last) = out.last_mut() {
            let keep = width.saturating_sub(1).min(last.chars().count());
            *last = last.chars().take(keep).collect::<String>() + "…";
        }
    }
    out
}

/// `s` cut to `n` characters, the end replaced by `…`.
fn short_end(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_owned();
    }
    let head: String = s.chars().take(n.saturating_sub(1)).collect();
    format!("{head}…")
}

/// Renders the season page: the timeline, its footnotes, the table with
/// citations, the answers that depend on facts not given (with their
/// bands), next year's dates, warnings and what is not covered.
pub fn page(p: &Page<'_, '_>) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let title = heading(p.company, p.facts);
    page_head(&mut out, &format!("{title}: season timeline"));
    let _ = write!(
        out,
        "<h1>{}</h1>\n<p class=\"meta\">Today: {} · Packs: {}</p>\n",
        esc(&title),
        esc(&show_date(p.today)),
        esc(&p
            .coverage
            .packs
            .iter()
            .map(|k| format!("{} {}", k.id, k.version))
            .collect::<Vec<_>>()
            .join(", "))
    );
    let marks = marks(p.deadlines);
    let mut dates: Vec<NaiveDate> = marks.iter().flat_map(|m| [m.first, m.last]).collect();
    for f in ["meeting", "record_date", "announcement"] {
        dates.extend(p.facts.get(f));
    }
    let focus = p.facts.get("meeting").unwrap_or(p.today);
    let axis = Axis::around(&dates, focus);
    let (svg, notes) = season_svg(p, &marks, axis);
    out.push_str("<figure>\n");
    out.push_str(&svg);
    let _ = write!(
        out,
        "\n<figcaption>Bars are windows, diamonds single deadlines, triangles dates from which a step may be taken; numbers refer to the notes below. Grey columns are weekends, orange ones holidays and closures of {}.",
        esc(&p
            .calendars
            .iter()
            .map(|c| c.title().to_owned())
            .collect::<Vec<_>>()
            .join("; "))
    );
    if axis.clamped {
        out.push_str(
            " Some dates lie years apart: the axis shows the months around the meeting, and dates beyond it are listed below only.",
        );
    }
    for n in &notes {
        let _ = write!(out, " Note: {}.", esc(n));
    }
    out.push_str("</figcaption>\n</figure>\n");
    if marks.is_empty() {
        out.push_str("<p>No computed dates.</p>\n");
    } else {
        out.push_str("<h2>Notes</h2>\n<ol class=\"notes\">\n");
        for m in &marks {
            let off = if m.last < axis.start || m.first >= axis.end {
                " (off the drawn axis)"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "<li id=\"note-{}\" value=\"{}\"><strong>{}</strong> <code>{}</code>: {}; {}; {}{off}</li>",
                m.n,
                m.n,
                esc(&m.d.name()),
                esc(&m.d.id()),
                esc(&when_text(m)),
                esc(who(m.d)),
                esc(&m.d.citation)
            );
        }
        out.push_str("</ol>\n");
    }
    table_section(&mut out, p, &marks);
    conditional_section(&mut out, p, focus);
    rest_section(&mut out, p);
    let _ = writeln!(
        out,
        "<p class=\"small\">Made by govcal {} for today {}. Check every date against its source before relying on it.</p>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION"),
        p.today
    );
    out
}

fn table_section(out: &mut String, p: &Page<'_, '_>, marks: &[Mark<'_, '_>]) {
    let rows = rows(p.deadlines);
    if rows.is_empty() {
        return;
    }
    out.push_str("<h2>Deadlines</h2>\n<table class=\"deadlines\">\n<thead><tr><th>Date</th><th>Time</th><th>Bound</th><th>Who</th><th>Rule</th><th>Citation</th><th>Days</th><th>Note</th></tr></thead>\n<tbody>\n");
    for r in rows {
        let n = marks
            .iter()
            .find(|m| std::ptr::eq(m.d, r.d))
            .map_or(0, |m| m.n);
        let days = r.date.signed_duration_since(p.today).num_days();
        let days = if days == 0 {
            "today".to_owned()
        } else {
            format!("{days:+}")
        };
        let _ = writeln!(
            out,
            "<tr data-date=\"{}\"><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href=\"#note-{n}\">{n}</a></td></tr>",
            r.date,
            esc(&show_date(r.date)),
            esc(&time_text(r.b)),
            r.bound.as_str(),
            esc(who(r.d)),
            esc(&r.d.name()),
            esc(&r.d.citation),
            days
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn conditional_section(out: &mut String, p: &Page<'_, '_>, focus: NaiveDate) {
    let now: Vec<&Deadline<'_>> = p
        .deadlines
        .iter()
        .filter(|d| d.status == Status::Conditional)
        .collect();
    let mut all: Vec<&Deadline<'_>> = now.clone();
    all.extend(p.next_year.iter());
    if all.is_empty() {
        return;
    }
    out.push_str("<h2 id=\"conditional\">Answers that depend on dates not yet known</h2>\n");
    if let Some(svg) = bands_svg(&all, focus) {
        let _ = write!(
            out,
            "<figure>\n{svg}\n<figcaption>Each band is the range of the unknown date (for next year's rules, next year's meeting) in which an answer holds: yellow where it gives a date, marked by a diamond; grey and dashed where it gives a rule in words (hover or see the list).</figcaption>\n</figure>\n"
        );
    }
    let list = |out: &mut String, ds: &[&Deadline<'_>]| {
        out.push_str("<ul>\n");
        for d in ds {
            let _ = write!(
                out,
                "<li><strong>{}</strong> ({}{})<ul>",
                esc(&d.name()),
                esc(&d.citation),
                d.disclose_in_proxy
                    .as_deref()
                    .map(|r| format!("; {}", esc(r)))
                    .unwrap_or_default()
            );
            match d.status {
                Status::Computed => {
                    for (bound, b) in d.bounds() {
                        let _ = write!(out, "<li>{} {}</li>", bound.as_str(), esc(&date_text(b)));
                    }
                }
                Status::Unspecified => {
                    let _ = write!(out, "<li>no date: {}</li>", esc(&words(d)));
                }
                _ => {
                    for c in &d.cases {
                        let _ = write!(out, "<li>{}</li>", esc(&case_text(c)));
                    }
                }
            }
            out.push_str("</ul></li>\n");
        }
        out.push_str("</ul>\n");
    };
    if !now.is_empty() {
        out.push_str("<p>This meeting, on facts not given:</p>\n");
        list(out, &now);
    }
    if !p.next_year.is_empty() {
        out.push_str("<p>Next year's annual meeting: dates this year's proxy statement must print (Rule 14a-5(e)):</p>\n");
        let next: Vec<&Deadline<'_>> = p.next_year.iter().collect();
        list(out, &next);
    }
}

fn rest_section(out: &mut String, p: &Page<'_, '_>) {
    let unspecified: Vec<&Deadline<'_>> = p
        .deadlines
        .iter()
        .filter(|d| d.status == Status::Unspecified)
        .collect();
    if !unspecified.is_empty() {
        out.push_str("<h2>No fixed date</h2>\n<ul>\n");
        for d in unspecified {
            let _ = writeln!(
                out,
                "<li><strong>{}</strong> ({}): {}</li>",
                esc(&d.name()),
                esc(&d.citation),
                esc(&words(d))
            );
        }
        out.push_str("</ul>\n");
    }
    let warnings: Vec<String> = p
        .fact_warnings
        .iter()
        .map(|w| format!("facts: {w}"))
        .chain(
            p.deadlines
                .iter()
                .flat_map(|d| d.warnings.iter().map(move |w| format!("{}: {w}", d.name()))),
        )
        .collect();
    if !warnings.is_empty() {
        out.push_str("<h2>Warnings</h2>\n<ul>\n");
        for w in warnings {
            let _ = writeln!(out, "<li>{}</li>", esc(&w));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<h2>Not covered</h2>\n");
    if p.coverage.not_covered.is_empty() {
        out.push_str("<p>The loaded packs cover the company's state, exchange and the SEC's rules as far as govcal restates them.</p>\n");
    } else {
        out.push_str("<ul class=\"not-covered\">\n");
        for n in &p.coverage.not_covered {
            let _ = writeln!(out, "<li>{}</li>", esc(&n.says));
        }
        out.push_str("</ul>\n");
    }
    let na = p
        .deadlines
        .iter()
        .filter(|d| d.status == Status::NotApplicable)
        .count();
    if na > 0 {
        let _ = writeln!(
            out,
            "<p class=\"small\">{} not applicable to this meeting (the table's <code>--all</code> lists them).</p>",
            crate::error::plural(na, "rule", "rules")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_within_a_lane_do_not_overlap() {
        let (rows, n) = pack_rows(&[(0.0, 10.0), (5.0, 20.0), (11.0, 30.0), (21.0, 25.0)]);
        assert_eq!(rows, vec![0, 1, 0, 1]);
        assert_eq!(n, 2);
        assert_eq!(pack_rows(&[]), (vec![], 0));
    }

    #[test]
    fn long_names_keep_their_start() {
        assert_eq!(short_end("Northwind", 5), "Nort…");
        assert_eq!(short_end("abc", 5), "abc");
    }

    #[test]
    fn labels_wrap_at_spaces_and_keep_their_start() {
        assert_eq!(
            wrap("Shareholder proposal deadline (Rule 14a-8)", 22, 3),
            vec!["Shareholder proposal", "deadline (Rule 14a-8)"]
        );
        assert_eq!(wrap("short", 22, 3), vec!["short"]);
        assert_eq!(wrap("abcdefgh", 3, 5), vec!["abc", "def", "gh"]);
        let cut = wrap("one two three four five six", 5, 2);
        assert_eq!(cut.len(), 2);
        assert_eq!(cut[0], "one");
        assert!(cut[1].ends_with('…'), "{cut:?}");
        assert!(wrap("", 5, 2).is_empty());
        // Every line fits, whatever the text.
        for l in wrap(
            "Advance notice of a nomination or other business (120/90 days)",
            22,
            3,
        ) {
            assert!(l.chars().count() <= 22, "{l}");
        }
    }
}
