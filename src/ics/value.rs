//! Property values as RFC 5545 writes them (escaped TEXT, `DATE`, local
//! and UTC `DATE-TIME`) and the `ical` properties that carry them: what the
//! calendar, its events and its zones all write.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use ical::property::Property;

use super::line;

/// Cleans and escapes user text for a TEXT value.
pub(super) fn text(s: &str) -> String {
    line::escape_text(&line::clean_text(s))
}

pub(super) fn prop(name: &str, value: impl Into<String>) -> Property {
    Property {
        name: name.to_owned(),
        params: None,
        value: Some(value.into()),
    }
}

/// A property with one fixed-ASCII parameter (never user text: `ical`'s
/// `protect_params` panics on some values).
pub(super) fn prop_with(name: &str, param: &str, param_value: &str, value: String) -> Property {
    Property {
        name: name.to_owned(),
        params: Some(vec![(param.to_owned(), vec![param_value.to_owned()])]),
        value: Some(value),
    }
}

pub(super) fn fmt_date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

pub(super) fn fmt_local(dt: NaiveDateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}",
        fmt_date(dt.date()),
        dt.hour(),
        dt.minute(),
        dt.second()
    )
}

/// `DATE-TIME` in UTC form (RFC 5545 §3.3.5, form #2) at 00:00:00.
pub(super) fn utc_midnight(d: NaiveDate) -> String {
    format!("{}T000000Z", fmt_date(d))
}

/// `DATE-TIME` in UTC form (RFC 5545 §3.3.5, form #2).
pub(super) fn fmt_utc(t: NaiveDateTime) -> String {
    format!("{}Z", fmt_local(t))
}
