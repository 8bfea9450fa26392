//! A portfolio CSV for `batch`: the header, every row, every cell.
#![no_main]

use std::io::Write as _;

use govcal::batch::Portfolio;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // The reader takes a path: each input goes into a fresh file.
    let Ok(mut file) = tempfile::Builder::new().suffix(".csv").tempfile() else {
        return;
    };
    if file.write_all(bytes).is_err() {
        return;
    }
    if let Ok(portfolio) = Portfolio::open(file.path()) {
        for row in portfolio.take(10_000) {
            let _ = row;
        }
    }
});
