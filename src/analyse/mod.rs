//! Analyses built on evaluation: evaluation's results and rules in words,
//! the worked cases and lint of rule packs, and the comparison of two
//! versions of a pack.

pub mod cases;
pub mod coverage;
pub mod describe;
pub mod diff;
pub mod lint;
pub mod words;
