//! Inputs that once crashed a fuzz target (`fuzz/regressions/<target>/`),
//! run through the same functions as the target (`fuzz/fuzz_targets/`) on
//! the stable toolchain: a crash that comes back fails `cargo test`.
//!
//! The expression inputs are the ones of issue #18 §1 (deep nesting and
//! long chains overflowed the stack before expressions were bounded).

use std::io::Write as _;
use std::path::PathBuf;

use govcal::diag::SourceFile;

/// Every file in `fuzz/regressions/<target>/`, by name.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, Vec<u8>)> = entries
        .map(|e| {
            let path = e.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            (path.display().to_string(), bytes)
        })
        .collect();
    out.sort();
    out
}

/// Runs `f` on every input of `target` in a thread with a 2 MiB stack, the
/// size of a rayon worker's, so that a return of unbounded recursion fails
/// here rather than only in deeper tests.
fn each(target: &str, f: fn(&[u8])) -> usize {
    let all = inputs(target);
    for (name, bytes) in &all {
        let bytes = bytes.clone();
        let run = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || f(&bytes))
            .unwrap()
            .join();
        assert!(run.is_ok(), "{name} crashed the `{target}` code again");
    }
    all.len()
}

#[test]
fn expressions() {
    let n = each("expr", |bytes| {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return;
        };
        if let Ok(e) = govcal::pack::expr::parse_expr(text) {
            let mut errors = Vec::new();
            let _ = e.check(&mut errors);
        }
        if let Ok(c) = govcal::pack::expr::parse_cond(text) {
            let mut errors = Vec::new();
            c.check(&mut errors);
        }
    });
    assert!(n >= 4, "the issue's four expression inputs are kept");
}

#[test]
fn packs() {
    each("pack", |bytes| {
        if let Ok(text) = std::str::from_utf8(bytes) {
            let calendars = govcal::pack::load::builtin_calendars();
            let _ = govcal::pack::load::parse_pack(&SourceFile::new("fuzz.toml", text), &calendars);
        }
    });
}

#[test]
fn facts_files() {
    each("facts", |bytes| {
        if let Ok(text) = std::str::from_utf8(bytes) {
            let _ = govcal::pack::profile::Profile::parse(&SourceFile::new("fuzz.toml", text));
        }
    });
}

#[test]
fn filing_dates() {
    each("filing_dates", |bytes| {
        if let Ok(text) = std::str::from_utf8(bytes) {
            let _ = govcal::extract::dates::find(text);
        }
    });
}

#[test]
fn filings() {
    each("extract", |bytes| {
        let _ = govcal::extract::extract("fuzz.txt", bytes);
        let _ = govcal::extract::extract("fuzz.htm", bytes);
    });
}

#[test]
fn previous_calendars() {
    each("previous", |bytes| {
        let _ = govcal::ics::previous::read("fuzz.ics", bytes);
    });
}

#[test]
fn portfolios() {
    each("portfolio", |bytes| {
        let mut file = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
        file.write_all(bytes).unwrap();
        if let Ok(portfolio) = govcal::batch::Portfolio::open(file.path()) {
            for row in portfolio.take(10_000) {
                let _ = row;
            }
        }
    });
}
