//! A rule pack's TOML: parsing, templates, validation.
#![no_main]

use std::sync::LazyLock;

use govcal::diag::SourceFile;
use govcal::pack::load::{builtin_calendars, parse_pack};
use libfuzzer_sys::fuzz_target;

static CALENDARS: LazyLock<
    std::collections::BTreeMap<String, std::sync::Arc<govcal::model::calendar::Calendar>>,
> = LazyLock::new(builtin_calendars);

fuzz_target!(|text: &str| {
    let _ = parse_pack(&SourceFile::new("fuzz.toml", text), &CALENDARS);
});
