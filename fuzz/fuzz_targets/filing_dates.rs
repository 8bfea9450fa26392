//! Dates written in words and figures in a filing's text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = govcal::extract::dates::find(text);
});
