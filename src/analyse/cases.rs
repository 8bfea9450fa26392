//! Runs the worked cases kept with each rule and reports failures as
//! diagnostics at the case's line, with expected and computed values and
//! the trace.

use crate::diag::Diagnostic;
use crate::error::Result;
use crate::eval::{Context, Deadline, evaluate};
use crate::model::dates::show_date;
use crate::model::facts::Company;
use crate::model::rule::Status;
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
    // A worked case states the rule's own arithmetic, whatever company the
    // pack was loaded for and whatever else is loaded with it: every pack
    // applies, as if named on its own, and no rule yields to another (Rule
    // 14a-4(c)(1)'s cases hold although a bylaw pack is loaded beside it).
    let packs: Vec<_> = lib
        .packs
        .iter()
        .map(|p| {
            let mut p = p.clone();
            p.requested = true;
            for r in &mut p.rules {
                r.yields_to = None;
            }
            p
        })
        .collect();
    let mut report = CaseReport::default();
    for pack in &lib.packs {
        for rule in &pack.rules {
            for case in &rule.cases {
                report.run += 1;
                let got = evaluate(&packs, &case.facts, &cx).map(|all| {
                    all.into_iter()
                        .find(|d| d.pack == pack.id && d.rule == rule.id)
                });
                let (problem, trace) = match got {
                    Err(e) => (
                        Some(format!("worked case could not be evaluated: {e}")),
                        String::new(),
                    ),
                    Ok(None) => (
                        Some("internal error: rule was not evaluated; this is a bug".to_owned()),
                        String::new(),
                    ),
                    Ok(Some(d)) => {
                        let trace = d
                            .trace
                            .iter()
                            .map(|s| format!("  {s}"))
                            .collect::<Vec<_>>()
                            .join("\n");
                        (compare(&d, case.status, case.opens, case.closes), trace)
                    }
                };
                if let Some(message) = problem {
                    report.failures.push(
                        Diagnostic::error(
                            &case.source,
                            case.span.clone(),
                            format!("rule `{}`: {message}", rule.id),
                        )
                        .with_help(match &case.why {
                            Some(why) => format!("the case says: {why}\ntrace:\n{trace}"),
                            None => format!("trace:\n{trace}"),
                        }),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{Context, evaluate};
    use crate::model::facts::Facts;
    use chrono::NaiveDate;

    fn fixture() -> Library {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/packs/language.toml"
        );
        Library::load(&[path.to_owned()], None).expect("fixture pack loads")
    }

    #[test]
    fn every_language_feature_passes_its_worked_cases() {
        let report = run_cases(&fixture()).unwrap();
        assert_eq!(report.run, 11);
        assert!(report.failures.is_empty(), "{:?}", report.failures);
    }

    #[test]
    fn a_wrong_worked_case_is_reported_at_its_line() {
        let mut lib = fixture();
        let rule = &mut lib.packs[0].rules[0];
        rule.cases[0].closes = NaiveDate::from_ymd_opt(2025, 3, 18);
        let report = run_cases(&lib).unwrap();
        assert_eq!(report.failures.len(), 1);
        let f = &report.failures[0];
        assert_eq!(f.line_col().0, 24, "{}", f.location());
        assert_eq!(
            f.message,
            "rule `broker_search`: worked case failed: closes: expected Tue 18 Mar 2025, computed Mon 17 Mar 2025"
        );
        assert!(
            f.help
                .as_deref()
                .unwrap()
                .contains("20 business days before the record date")
        );
    }

    #[test]
    fn timed_rolled_bound_is_pinned_to_new_york_time() {
        let lib = fixture();
        let mut facts = Facts::default();
        facts.set("meeting", NaiveDate::from_ymd_opt(2025, 6, 12).unwrap());
        let company = Company::default();
        let cx = Context {
            company: &company,
            calendars: &lib.calendars,
            today: None,
        };
        let all = evaluate(&lib.packs, &facts, &cx).unwrap();
        let d = all
            .iter()
            .find(|d| d.rule == "notice_of_internet_availability")
            .unwrap();
        let b = d.closes.as_ref().unwrap();
        assert_eq!(b.computed.to_string(), "2025-05-03");
        assert_eq!(b.date.to_string(), "2025-05-05");
        let m = b.time.as_ref().unwrap();
        assert_eq!(m.local.to_string(), "2025-05-05 17:30:00");
        // EDT is UTC-4 in May.
        assert_eq!(m.utc.to_string(), "2025-05-05 21:30:00");
        assert!(d.trace.iter().any(
            |s| s.to_string().contains("Saturday") && s.to_string().contains("rolled forward")
        ));
    }
}
