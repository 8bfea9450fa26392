//! The model: plain data every other layer shares. Facts and the company;
//! rule packs, rules, bounds, rolls, statuses and counting; the expression
//! syntax tree; holiday calendars and business-day arithmetic; date
//! offsets, time zones and sets of dates. No file is read here and nothing
//! here imports a layer above it.

pub mod calendar;
pub mod dates;
pub mod expr;
pub mod facts;
pub mod jurisdiction;
pub mod offset;
pub mod ranges;
pub mod rule;
pub mod zone;
