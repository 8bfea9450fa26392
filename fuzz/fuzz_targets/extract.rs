//! A filing, as text and as HTML: reading, finding facts and printed
//! deadlines.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = govcal::extract::extract("fuzz.txt", bytes);
    let _ = govcal::extract::extract("fuzz.htm", bytes);
});
