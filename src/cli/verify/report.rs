//! What `verify` prints: the table for people (each printed deadline, what
//! it was checked against, the arithmetic and the plain explanation) and
//! the JSON document.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde_json::json;

use crate::extract::Extraction;
use crate::extract::printed::Purpose;
use crate::model::dates::show_date;

use super::{Against, Need, Row, Verdict, stated};
use crate::cli::args::VerifyArgs;
use crate::cli::request::Request;

fn days(n: i64) -> String {
    let abs = n.unsigned_abs();
    let unit = if abs == 1 { "day" } else { "days" };
    if n > 0 {
        format!("printed {abs} {unit} later than computed")
    } else {
        format!("printed {abs} {unit} earlier than computed")
    }
}

/// Which facts came from flags, for the table's heading.
fn flags_line(
    req: &Request,
    extraction: &Extraction,
    from_flags: &[(String, String, String)],
) -> String {
    let items: Vec<String> = from_flags
        .iter()
        .map(|(fact, typed, flag)| {
            let value = req.facts.get(fact).map_or_else(|| typed.clone(), show_date);
            let filing = extraction.get(fact).map_or_else(
                || "not read from the filing".to_owned(),
                |f| {
                    format!(
                        "the filing's{}: {}",
                        if f.sure { "" } else { ", unsure" },
                        f.value
                    )
                },
            );
            let given = if flag == "--fact" {
                format!("--fact {fact}=…")
            } else {
                flag.clone()
            };
            format!("{fact} {value} (`{given}`; {filing})")
        })
        .collect();
    format!(
        "facts from flags, used instead of the filing's: {}",
        items.join(", ")
    )
}

fn against_line(a: &Against<'_>, row: &Row<'_>) -> Vec<String> {
    let window = |o: Option<NaiveDate>, c: Option<NaiveDate>| {
        format!(
            "{}closes {}",
            o.map(|o| format!("opens {}, ", show_date(o)))
                .unwrap_or_default(),
            c.map_or_else(|| "-".to_owned(), show_date)
        )
    };
    match a {
        Against::Rule(d) => {
            let mut out = vec![format!(
                "computed by {} ({}): {}",
                d.id(),
                d.citation,
                window(row.computed_open, row.computed_close)
            )];
            // Each step once, as `deadlines` shows it (JSON keeps the
            // whole trace).
            out.extend(
                crate::render::table::distinct_lines(d.trace.iter().map(ToString::to_string))
                    .into_iter()
                    .map(|s| format!("  {s}")),
            );
            out
        }
        Against::Stated {
            rule,
            anchor,
            next_anchor,
        } => {
            let count = match rule.opens_days {
                Some(o) => format!("{} to {} days", rule.closes_days, o),
                None => format!("{} days", rule.closes_days),
            };
            vec![
                format!(
                    "no loaded rule gives this deadline; checked against the rule the sentence states: {count} before {} (\"{}\")",
                    rule.anchor.words(),
                    rule.words
                ),
                format!(
                    "counted from the anniversary of this year's {} ({} -> {}): {}",
                    match rule.anchor {
                        stated::Anchor::PriorMeeting => "meeting",
                        stated::Anchor::ProxyRelease => "proxy statement's release",
                    },
                    show_date(*anchor),
                    show_date(*next_anchor),
                    window(row.computed_open, row.computed_close)
                ),
            ]
        }
    }
}

/// Why a row is unchecked, when it is.
fn unchecked_lines(row: &Row<'_>) -> Vec<String> {
    if row.against.is_some() {
        return Vec::new();
    }
    let give = |needs: &[Need]| -> String {
        needs
            .iter()
            .map(|n| match &n.flag {
                Some(f) => format!(
                    "{} was not read from the filing: give it with `{f}`",
                    n.words
                ),
                None => format!("{} is needed", n.words),
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    if let Some(d) = row.rule {
        if !row.needs.is_empty() {
            return vec![format!(
                "{} ({}) cannot be computed: {}",
                d.id(),
                d.citation,
                give(&row.needs)
            )];
        }
        return vec![format!(
            "{} ({}) gives no date for a meeting on the anniversary ({})",
            d.id(),
            d.citation,
            d.status.as_str()
        )];
    }
    if let Some(rule) = &row.stated {
        return vec![format!(
            "the sentence states its rule (\"{}\"), counted from {}: {}",
            rule.words,
            rule.anchor.words(),
            give(&row.needs).replace(
                "which Rule 14a-8(e)(2) counts from,",
                "which it counts from,"
            )
        )];
    }
    match row.p.purpose {
        Purpose::AdvanceNotice | Purpose::ProxyAccess => vec![
            "no loaded rule gives this deadline and its sentence states no rule that can be read: give the company's bylaws with `--rules FILE`".to_owned(),
        ],
        Purpose::Rule14a8 | Purpose::Rule14a19 => vec![
            "no loaded rule gives this deadline: load the SEC's rules (`--rules sec`)".to_owned(),
        ],
    }
}

pub(super) fn table(
    v: &VerifyArgs,
    req: &Request,
    extraction: &Extraction,
    rows: &[Row<'_>],
    from_flags: &[(String, String, String)],
    next_meeting: NaiveDate,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: deadlines printed in {} for next year's meeting, recomputed for a meeting on the anniversary ({})",
        req.company.name,
        crate::pack::input::source_name(&v.filing),
        show_date(next_meeting)
    );
    if !from_flags.is_empty() {
        let _ = writeln!(out, "{}", flags_line(req, extraction, from_flags));
    }
    out.push('\n');
    for row in rows {
        let p = &row.p;
        let opens = p
            .opens
            .map(|o| format!("opens {}, ", show_date(o)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{:<9} {}: {opens}closes {} (printed at {}:{})",
            row.verdict.as_str().to_uppercase(),
            p.purpose.label(),
            show_date(p.closes),
            p.line,
            p.column
        );
        let mut lines = unchecked_lines(row);
        if let Some(a) = &row.against {
            lines.extend(against_line(a, row));
            if let Some(n) = row.close_off {
                lines.push(format!("closing date {}", days(n)));
            }
            if let Some(n) = row.open_off {
                lines.push(format!("opening date {}", days(n)));
            }
        }
        lines.extend(row.explanation.iter().cloned());
        for l in lines {
            let _ = writeln!(out, "          {l}");
        }
        let _ = writeln!(out, "          \"{}\"", p.text);
    }
    let count = |v: Verdict| rows.iter().filter(|r| r.verdict == v).count();
    let _ = writeln!(
        out,
        "\n{} printed, {} agree, {} differ, {} unchecked",
        rows.len(),
        count(Verdict::Agrees),
        count(Verdict::Differs),
        count(Verdict::Unchecked)
    );
    out
}

pub(super) fn json_doc(
    req: &Request,
    extraction: &Extraction,
    rows: &[Row<'_>],
    from_flags: &[(String, String, String)],
    next_meeting: NaiveDate,
) -> String {
    let items: Vec<serde_json::Value> = rows
        .iter()
        .map(|row| {
            let p = &row.p;
            let (checked_against, computed, stated) = match &row.against {
                Some(Against::Rule(d)) => (
                    Some("rule"),
                    Some(json!({"rule": d.id(), "citation": d.citation, "opens": row.computed_open, "closes": row.computed_close, "trace": d.trace.iter().map(ToString::to_string).collect::<Vec<_>>()})),
                    None,
                ),
                Some(Against::Stated { rule, anchor, next_anchor }) => (
                    Some("stated_in_sentence"),
                    None,
                    Some(json!({"words": rule.words, "anchor": rule.anchor.key(), "opens_days": rule.opens_days, "closes_days": rule.closes_days, "anchor_date": anchor, "counted_from": next_anchor, "opens": row.computed_open, "closes": row.computed_close})),
                ),
                None => (
                    None,
                    None,
                    row.stated.as_ref().map(|rule| json!({"words": rule.words, "anchor": rule.anchor.key(), "opens_days": rule.opens_days, "closes_days": rule.closes_days})),
                ),
            };
            let mut explanation = unchecked_lines(row);
            explanation.extend(row.explanation.iter().cloned());
            json!({
                "purpose": p.purpose,
                "verdict": row.verdict.as_str(),
                "printed": {"opens": p.opens, "closes": p.closes, "time": p.time, "close_of_business": p.close_of_business, "zone": p.zone, "line": p.line, "column": p.column, "text": p.text},
                "computed": computed,
                "opens_off_by_days": row.open_off,
                "closes_off_by_days": row.close_off,
                "checked_against": checked_against,
                "stated_rule": stated,
                "wrong_year": row.wrong_year,
                "needs": row.needs.iter().map(|n| json!({"fact": n.fact, "flag": n.flag})).collect::<Vec<_>>(),
                "explanation": explanation,
            })
        })
        .collect();
    let flags: Vec<serde_json::Value> = from_flags
        .iter()
        .map(|(fact, typed, flag)| {
            json!({
                "fact": fact,
                "value": req.facts.get(fact).map_or_else(|| typed.clone(), |d| d.to_string()),
                "flag": flag,
                "filing": extraction.get(fact).map(|f| json!({"value": f.value, "sure": f.sure})),
            })
        })
        .collect();
    let doc = json!({
        "file": extraction.file,
        "company": req.company.name,
        "next_meeting": next_meeting,
        "facts_from_flags": flags,
        "deadlines": items,
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
