//! Analyses built on evaluation: rules and conditions in words, lint and
//! cross-checks of rule packs, and the comparison of two versions of a
//! pack.

pub mod describe;
pub mod diff;
pub mod lint;
