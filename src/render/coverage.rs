//! `govcal rules coverage`: what the loaded packs cover, as a Markdown
//! table (the same text `rules/README.md` carries, so that a test can keep
//! the two equal).

use std::fmt::Write as _;

use crate::analyse::coverage::{Cell, Table};
use crate::model::rule::{Certainty, Topic};

/// Renders the coverage table: a row per place, a column per topic, each
/// cell naming the packs and the certainty of their reading, then the
/// states no pack governs.
pub fn markdown(table: &Table) -> String {
    let mut out = String::new();
    out.push_str("| Jurisdiction |");
    for t in Topic::ALL {
        let _ = write!(out, " {} |", t.heading());
    }
    out.push_str("\n|---|");
    for _ in Topic::ALL {
        out.push_str("---|");
    }
    out.push('\n');
    for row in &table.rows {
        let _ = write!(out, "| {} |", row.place);
        for cells in &row.cells {
            if cells.is_empty() {
                out.push_str(" - |");
            } else {
                let text: Vec<String> = cells.iter().map(cell).collect();
                let _ = write!(out, " {} |", text.join("; "));
            }
        }
        out.push('\n');
    }
    out.push('\n');
    out.push_str("Each cell names the pack (by id) and where its reading comes from: `text` (the rule or statute itself), `secondary` (a secondary source), `practice`, or `silent` (the pack says the source sets no such rule). A `-` means no loaded pack restates it.\n");
    if !table.states_without_pack.is_empty() {
        let _ = write!(
            out,
            "\nNo pack for: {}.\n",
            table.states_without_pack.join(", ")
        );
    }
    out
}

/// "`us_de_dgcl` (text)", "`us_de_dgcl` (text, practice)".
fn cell(c: &Cell) -> String {
    if c.silent {
        return format!("`{}` (silent)", c.pack);
    }
    let how: Vec<&str> = c
        .certainty
        .iter()
        .map(|c| match c {
            Some(Certainty::RuleText) => "text",
            Some(Certainty::SecondarySource) => "secondary",
            Some(Certainty::Practice) => "practice",
            None => "unstated",
        })
        .collect();
    format!("`{}` ({})", c.pack, how.join(", "))
}
