//! govcal computes the deadlines around a shareholder meeting from rules
//! kept as TOML data.
//!
//! The modules are layers, each importing only those below it (see
//! `ARCHITECTURE.md`): `diag` and `model` at the bottom, then `error`,
//! then reading (`pack`, `extract`), evaluation (`eval`), analyses
//! (`analyse`), outputs (`ics`, `render`) and the programs (`batch`,
//! `cli`).
#![allow(missing_docs)]
pub mod analyse;
pub mod batch;
pub mod cli;
pub mod diag;
pub mod error;
pub mod eval;
pub mod extract;
pub mod ics;
pub mod model;
pub mod pack;
pub mod render;
pub use error::{Error, Result};
