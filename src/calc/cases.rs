//! Runs the worked cases kept with each rule and reports failures as
//! diagnostics at the case's line, with expected and computed values and
//! the trace.

use crate::calc::{Context, Deadline, Status, evaluate};
use crate::diag::Diagnostic;
use crate::error::Result;
use crate::facts::{Company, show_date};
use crate::pack::load::Library;

/// The outcome of running every worked case.
#[derive(Debug, Default)]
pub struct CaseReport {
    /// How many cases ran.
    pub run: usize,
    /// One diagnostic per failing case.
    pub failures: Vec<Diagnostic>,
}

/// Runs every worked case of every pack in `lib`.
///
/// # Errors
///
/// An evaluation error that is not a case failure (a date outside a
/// calendar's span) is reported as a failing case, not returned; the
/// `Result` is for future use by callers that stop early.
pub fn run_cases(lib: &Library) -> Result<CaseReport> {
    let company = Company::default();
    let cx = Context {
        company: &company,
        calendars: &lib.calendars,
        today: None,
    };
    let mut report = CaseReport::default();
    for pack in &lib.packs {
        for rule in &pack.rules {
            for case in &rule.cases {
                report.run += 1;
                let got = evaluate(&lib.packs, &case.facts, &cx).map(|all| {
                    all.into_iter()
                        .find(|d| d.pack == pack.id && d.rule == rule.id)
                });
                let problem = match got {
                    Err(e) => Some(format!("worked case could not be evaluated: {e}")),
                    Ok(None) => {
                        Some("internal error: rule was not evaluated; this is a bug".to_owned())
                    }
                    Ok(Some(d)) => compare(&d, case.status, case.opens, case.closes),
                };
                if let Some(message) = problem {
                    let trace = evaluate(&lib.packs, &case.facts, &cx)
                        .ok()
                        .and_then(|all| {
                            all.into_iter()
                                .find(|d| d.pack == pack.id && d.rule == rule.id)
                        })
                        .map(|d| {
                            d.trace
                                .iter()
                                .map(|s| format!("  {}", s.text))
                                .collect::<Vec<_>>()
                                .join("\n")
                        })
                        .unwrap_or_default();
                    report.failures.push(
                        Diagnostic::error(
                            &pack.source,
                            case.span.clone(),
                            format!("rule `{}`: {message}", rule.id),
                        )
                        .with_help(format!("trace:\n{trace}")),
                    );
                }
            }
        }
    }
    Ok(report)
}

fn show(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "none".to_owned(), show_date)
}

fn compare(
    d: &Deadline,
    status: Status,
    opens: Option<chrono::NaiveDate>,
    closes: Option<chrono::NaiveDate>,
) -> Option<String> {
    if d.status != status {
        return Some(format!(
            "worked case expected status `{}`, computed `{}`",
            status.as_str(),
            d.status.as_str()
        ));
    }
    let got_opens = d.opens.as_ref().map(|b| b.date);
    let got_closes = d.closes.as_ref().map(|b| b.date);
    let mut wrong = Vec::new();
    if opens.is_some() && opens != got_opens {
        wrong.push(format!(
            "opens: expected {}, computed {}",
            show(opens),
            show(got_opens)
        ));
    }
    if closes.is_some() && closes != got_closes {
        wrong.push(format!(
            "closes: expected {}, computed {}",
            show(closes),
            show(got_closes)
        ));
    }
    (!wrong.is_empty()).then(|| format!("worked case failed: {}", wrong.join("; ")))
}
