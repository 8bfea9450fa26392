//! The JSON document of `deadlines --format json` (and each line of
//! `batch --format jsonl`), and its schema.

use chrono::NaiveDate;

use crate::analyse::coverage::Coverage;
use crate::eval::Deadline;
use crate::model::facts::{Company, Facts};
use crate::pack::consistency::FactWarning;

/// The JSON Schema (draft 7) of the document [`json`] writes: every field,
/// what it means, and the forms of a case's structured `condition`. Kept by
/// hand beside the renderer; a test validates every example's output
/// against it, and it refuses fields it does not list.
pub const OUTPUT_SCHEMA: &str = include_str!("../../rules/schema/output.schema.json");

/// Renders the JSON document: company, the packs that govern it and what
/// they leave uncovered, facts, doubts about the facts, today and every
/// deadline.
pub fn json(
    company: &Company,
    facts: &Facts,
    fact_warnings: &[FactWarning],
    coverage: &Coverage<'_>,
    deadlines: &[Deadline],
    next_year: &[Deadline],
    today: NaiveDate,
) -> String {
    let doc = json_value(
        company,
        facts,
        fact_warnings,
        coverage,
        deadlines,
        next_year,
        today,
    );
    let mut s =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// The JSON document of [`json`], as a value (one line of `batch --format
/// jsonl`).
pub fn json_value(
    company: &Company,
    facts: &Facts,
    fact_warnings: &[FactWarning],
    coverage: &Coverage<'_>,
    deadlines: &[Deadline],
    next_year: &[Deadline],
    today: NaiveDate,
) -> serde_json::Value {
    let next_facts: serde_json::Map<String, serde_json::Value> =
        crate::eval::next_year_facts(facts)
            .map(|f| {
                f.iter()
                    .map(|(n, d)| (n.to_owned(), serde_json::Value::String(d.to_string())))
                    .collect()
            })
            .unwrap_or_default();
    let facts_json: serde_json::Map<String, serde_json::Value> = facts
        .iter()
        .map(|(n, d)| (n.to_owned(), serde_json::Value::String(d.to_string())))
        .collect();
    serde_json::json!({
        "govcal": env!("CARGO_PKG_VERSION"),
        "company": {
            "name": company.name,
            "country": company.country,
            "state": company.state,
            "exchange": company.exchange,
            "zone": company.zone.name(),
            "close_of_business": company.close_of_business.format("%H:%M").to_string(),
        },
        "packs": coverage.packs.iter().map(|p| serde_json::json!({
            "id": p.id,
            "version": p.version,
            "source": p.source.name(),
        })).collect::<Vec<_>>(),
        "not_covered": coverage.not_covered,
        "meeting_kind": facts.meeting_kind,
        "facts": facts_json,
        "warnings": fact_warnings,
        "today": today.to_string(),
        "deadlines": deadlines,
        "next_year": {
            "facts": next_facts,
            "deadlines": next_year,
        },
    })
}
