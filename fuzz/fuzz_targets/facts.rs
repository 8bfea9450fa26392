//! A facts file (company profile and dates).
#![no_main]

use govcal::diag::SourceFile;
use govcal::pack::profile::Profile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = Profile::parse(&SourceFile::new("fuzz.toml", text));
});
