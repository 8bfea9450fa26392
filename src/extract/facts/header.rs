//! What the SGML header of a full-submission `.txt` states: the company's
//! conformed name, its state of incorporation, its fiscal year end, and the
//! filing date (taken, at low confidence, as the announcement).

use chrono::NaiveDate;

use super::{Candidate, Confidence, state_code};
use crate::extract::text::{Doc, Format};

pub(super) fn header_facts(doc: &Doc, add: &mut impl FnMut(&'static str, Candidate)) {
    if doc.format != Format::Submission {
        return;
    }
    let get = |k: &str| doc.header.get(k);
    if let Some((name, at)) = get("COMPANY CONFORMED NAME") {
        add(
            "company",
            Candidate {
                value: name.clone(),
                confidence: Confidence::High,
                offset: *at,
                evidence: format!("COMPANY CONFORMED NAME: {name}"),
                note: Some("from the SGML header".to_owned()),
                rank: 2,
            },
        );
    }
    if let Some((state, at)) = get("STATE OF INCORPORATION") {
        if let Some(code) = state_code(state) {
            add(
                "state",
                Candidate {
                    value: code.to_owned(),
                    confidence: Confidence::High,
                    offset: *at,
                    evidence: format!("STATE OF INCORPORATION: {state}"),
                    note: None,
                    rank: 0,
                },
            );
        }
    }
    if let Some((fye, at)) = get("FISCAL YEAR END") {
        if fye.len() == 4 && fye.bytes().all(|b| b.is_ascii_digit()) {
            add(
                "fiscal_year_end",
                Candidate {
                    value: format!("--{}-{}", &fye[..2], &fye[2..]),
                    confidence: Confidence::High,
                    offset: *at,
                    evidence: format!("FISCAL YEAR END: {fye}"),
                    note: None,
                    rank: 0,
                },
            );
        }
    }
    if let Some((filed, at)) = get("FILED AS OF DATE") {
        if let Ok(d) = NaiveDate::parse_from_str(filed, "%Y%m%d") {
            add(
                "announcement",
                Candidate {
                    value: d.to_string(),
                    confidence: Confidence::Low,
                    offset: *at,
                    evidence: format!("FILED AS OF DATE: {filed}"),
                    note: Some(
                        "the filing date; the meeting date may have been announced earlier"
                            .to_owned(),
                    ),
                    rank: 0,
                },
            );
        }
    }
}
