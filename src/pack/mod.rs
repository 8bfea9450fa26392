//! Reading rule files: the TOML schema of a rule pack, the expression
//! parser and type check, bylaw templates, validation into the model
//! (`model::rule`), the built-in library, holiday-calendar files and facts
//! files, and whether a meeting's facts can all be true (`consistency`).
//! Everything here turns text into model values or located diagnostics;
//! nothing evaluates a rule.

pub mod calendar;
pub mod consistency;
pub mod expr;
pub mod input;
pub mod jsonschema;
pub(crate) mod kind;
pub mod load;
pub mod profile;
pub(crate) mod references;
pub(crate) mod schema;
pub mod suggest;
pub(crate) mod template;
pub(crate) mod validate;
