//! The rule-language expression and condition parsers, then the type
//! checker on whatever parses.
#![no_main]

use govcal::pack::expr::{parse_cond, parse_expr};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(e) = parse_expr(text) {
        let mut errors = Vec::new();
        let _ = e.check(&mut errors);
    }
    if let Ok(c) = parse_cond(text) {
        let mut errors = Vec::new();
        c.check(&mut errors);
    }
});
