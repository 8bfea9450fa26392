//! `govcal verify FILING`: the deadlines a proxy statement prints for next
//! year's meeting, recomputed from the rules and the facts read from the
//! same filing, each reported as agreeing or not, with the arithmetic.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde_json::json;

use crate::error::{Error, Result};
use crate::eval::{Deadline, evaluate};
use crate::extract::printed::{Printed, Purpose};
use crate::model::dates::show_date;

use super::args::{Format, QueryArgs, VerifyArgs, VerifyFormat};
use super::request::Request;
use super::{Status, context, emit, read_filing};

/// The disclosure paragraph of Rule 14a-5(e) under which each kind of
/// deadline is printed (the rule packs' `disclose_in_proxy`).
fn paragraph(p: Purpose) -> &'static str {
    match p {
        Purpose::Rule14a8 => "Rule 14a-5(e)(1)",
        Purpose::AdvanceNotice => "Rule 14a-5(e)(2)",
        Purpose::ProxyAccess => "Rule 14a-5(e)(3)",
        Purpose::Rule14a19 => "Rule 14a-5(e)(4)",
    }
}

/// The computed rule a printed deadline is checked against: one printed
/// under the same paragraph; for the bylaws' windows, a company's rule
/// (never the SEC's Rule 14a-4(c), which is printed under (e)(2) too).
fn rule_for<'a>(p: &Printed, computed: &'a [Deadline<'a>]) -> Option<&'a Deadline<'a>> {
    let under = paragraph(p.purpose);
    let mut candidates = computed
        .iter()
        .filter(|d| d.disclose_in_proxy.as_deref() == Some(under) && d.closes.is_some());
    match p.purpose {
        Purpose::AdvanceNotice | Purpose::ProxyAccess => {
            candidates.find(|d| !d.pack.starts_with("sec_"))
        }
        Purpose::Rule14a8 | Purpose::Rule14a19 => candidates.find(|d| d.pack.starts_with("sec_")),
    }
}

/// How a printed date compares: `None` when it agrees, else the days by
/// which the printed date is later (negative: earlier).
fn offset(printed: NaiveDate, computed: NaiveDate) -> Option<i64> {
    let n = printed.signed_duration_since(computed).num_days();
    (n != 0).then_some(n)
}

fn days(n: i64) -> String {
    let abs = n.unsigned_abs();
    let unit = if abs == 1 { "day" } else { "days" };
    if n > 0 {
        format!("printed {abs} {unit} later than computed")
    } else {
        format!("printed {abs} {unit} earlier than computed")
    }
}

/// Runs `verify`: exit 1 when a printed date differs from the computed one.
///
/// # Errors
///
/// As `extract` for the filing; [`Error::Usage`] when it prints no
/// deadlines for next year's meeting; rule and pack errors as `deadlines`.
pub fn verify(v: &VerifyArgs) -> Result<Status> {
    let extraction = read_filing(&v.filing)?;
    if extraction.printed.is_empty() {
        return Err(Error::usage(
            format!(
                "no deadlines for next year's meeting were found in `{}`",
                v.filing.display()
            ),
            Some("`verify` reads a proxy statement's section on shareholder proposals and nominations; `govcal extract` shows what was read".to_owned()),
        ));
    }
    let query = QueryArgs {
        from_filing: Some(v.filing.clone()),
        rules: v.rules.clone(),
        only: v.only.clone(),
        today: v.today.clone(),
        ..QueryArgs::default()
    };
    let req = Request::from_query(&query, Format::Table)?;
    super::warn_facts(&req);
    let Some(meeting) = req.facts.get("meeting") else {
        return Err(Error::usage("the filing's meeting date is unsure", None));
    };
    // Next year's meeting on this one's anniversary: the case a proxy
    // statement prints.
    let next_meeting =
        crate::model::offset::anniversary(meeting, crate::model::rule::LeapDay::default())?;
    // This meeting becomes the prior one, this proxy's release the prior
    // release (as for the table's next-year section).
    let Some(mut next) = crate::eval::next_year_facts(&req.facts) else {
        return Err(Error::usage(
            "next year's deadlines follow an annual meeting, and this filing's meeting is a special one",
            None,
        ));
    };
    next.set("meeting", next_meeting);
    let cx = crate::eval::Context {
        today: None,
        ..context(&req)
    };
    let computed = evaluate(&req.library.packs, &next, &cx)?;

    let mut rows = Vec::new();
    let mut differ = 0;
    for p in &extraction.printed {
        let d = rule_for(p, &computed);
        let computed_close = d.and_then(|d| d.closes.as_ref()).map(|b| b.date);
        let computed_open = d.and_then(|d| d.opens.as_ref()).map(|b| b.date);
        let close_off = computed_close.and_then(|c| offset(p.closes, c));
        let open_off = match (p.opens, computed_open) {
            (Some(po), Some(co)) => offset(po, co),
            _ => None,
        };
        let verdict = match (d, close_off, open_off) {
            (None, _, _) => "unchecked",
            (Some(_), None, None) => "agrees",
            _ => {
                differ += 1;
                "differs"
            }
        };
        rows.push((
            p,
            d,
            verdict,
            computed_open,
            computed_close,
            open_off,
            close_off,
        ));
    }
    let text = match v.format {
        VerifyFormat::Table => {
            let mut out = String::new();
            let _ = writeln!(
                out,
                "{}: deadlines printed in {} for next year's meeting, recomputed for a meeting on the anniversary ({})\n",
                req.company.name,
                v.filing.display(),
                show_date(next_meeting)
            );
            for (p, d, verdict, co, cc, oo, oc) in &rows {
                let opens = p
                    .opens
                    .map(|o| format!("opens {}, ", show_date(o)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{:<9} {}: {opens}closes {} (printed at {}:{})",
                    verdict.to_uppercase(),
                    p.purpose.label(),
                    show_date(p.closes),
                    p.line,
                    p.column
                );
                match d {
                    None => {
                        let _ = writeln!(
                            out,
                            "          no loaded rule prints this deadline: give the company's bylaws with `--rules FILE`"
                        );
                    }
                    Some(d) => {
                        let _ = writeln!(
                            out,
                            "          computed by {} ({}): {}closes {}",
                            d.id(),
                            d.citation,
                            co.map(|o| format!("opens {}, ", show_date(o)))
                                .unwrap_or_default(),
                            cc.map_or_else(|| "-".to_owned(), show_date)
                        );
                        if let Some(n) = oc {
                            let _ = writeln!(out, "          closing date {}", days(*n));
                        }
                        if let Some(n) = oo {
                            let _ = writeln!(out, "          opening date {}", days(*n));
                        }
                        for s in &d.trace {
                            let _ = writeln!(out, "            {s}");
                        }
                    }
                }
                let _ = writeln!(out, "          \"{}\"", p.text);
            }
            let _ = writeln!(
                out,
                "\n{} printed, {} agree, {differ} differ, {} unchecked",
                rows.len(),
                rows.iter().filter(|r| r.2 == "agrees").count(),
                rows.iter().filter(|r| r.2 == "unchecked").count()
            );
            out
        }
        VerifyFormat::Json => {
            let items: Vec<serde_json::Value> = rows
                .iter()
                .map(|(p, d, verdict, co, cc, oo, oc)| {
                    json!({
                        "purpose": p.purpose,
                        "verdict": verdict,
                        "printed": {"opens": p.opens, "closes": p.closes, "time": p.time, "close_of_business": p.close_of_business, "zone": p.zone, "line": p.line, "column": p.column, "text": p.text},
                        "computed": d.map(|d| json!({"rule": d.id(), "citation": d.citation, "opens": co, "closes": cc, "trace": d.trace.iter().map(ToString::to_string).collect::<Vec<_>>()})),
                        "opens_off_by_days": oo,
                        "closes_off_by_days": oc,
                    })
                })
                .collect();
            let doc = json!({
                "file": extraction.file,
                "company": req.company.name,
                "next_meeting": next_meeting,
                "deadlines": items,
            });
            let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
            s.push('\n');
            s
        }
    };
    emit(v.output.as_deref(), &text)?;
    Ok(if differ > 0 {
        Status::Invalid
    } else {
        Status::Ok
    })
}
