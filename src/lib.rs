//! govcal computes the deadlines around a shareholder meeting from rules
//! kept as TOML data.
#![allow(missing_docs)]
pub mod batch;
pub mod calc;
pub mod cli;
pub mod diag;
pub mod error;
pub mod extract;
pub mod facts;
pub mod ics;
pub mod jurisdiction;
pub mod pack;
pub use error::{Error, Result};
