//! Outputs: the table, `explain`, JSON and CSV of evaluated deadlines, and
//! the rulebook. Renderers format what evaluation produced; they never
//! compute a date.

pub mod report;
pub mod rulebook;
