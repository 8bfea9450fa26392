//! An earlier calendar export given as `--previous`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = govcal::ics::previous::read("fuzz.ics", bytes);
});
