//! Engine benchmarks: loading the shipped packs, evaluating the default
//! library for one company, and one whole `govcal deadlines` process.
//!
//! `cargo bench --bench engine` (about a minute).

// `criterion_group!` writes an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use govcal::cli::request::DEFAULT_LIBRARY;
use govcal::diag::SourceFile;
use govcal::eval::{Context, evaluate};
use govcal::pack::load::{BUILTIN_PACKS, Library};
use govcal::pack::profile::Profile;

fn default_specs() -> Vec<String> {
    DEFAULT_LIBRARY.iter().map(|s| (*s).to_owned()).collect()
}

/// Northwind (a Delaware company listed on the NYSE, with its meeting and
/// last year's) without its bylaws: the company and facts of
/// `examples/northwind-2026.toml`.
fn northwind() -> Profile {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/northwind-2026.toml");
    let text = std::fs::read_to_string(path).expect("the example is readable");
    Profile::parse(&SourceFile::new(path, text)).expect("the example parses")
}

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    g.sample_size(30).measurement_time(Duration::from_secs(4));
    let specs = default_specs();
    g.bench_function("default_library", |b| {
        b.iter(|| Library::load(black_box(&specs), None).expect("loads"));
    });
    let every: Vec<String> = BUILTIN_PACKS.iter().map(|p| p.name.to_owned()).collect();
    g.bench_function("every_builtin_pack", |b| {
        b.iter(|| Library::load(black_box(&every), None).expect("loads"));
    });
    g.finish();
}

fn evaluate_one_company(c: &mut Criterion) {
    let mut g = c.benchmark_group("evaluate");
    g.sample_size(50).measurement_time(Duration::from_secs(4));
    let lib = Library::load(&default_specs(), None).expect("loads");
    let profile = northwind();
    let cx = Context {
        company: &profile.company,
        calendars: &lib.calendars,
        today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1),
    };
    g.bench_function("default_library_one_company", |b| {
        b.iter(|| evaluate(black_box(&lib.packs), black_box(&profile.facts), &cx).expect("ok"));
    });
    g.finish();
}

fn process(c: &mut Criterion) {
    let mut g = c.benchmark_group("process");
    g.sample_size(20).measurement_time(Duration::from_secs(5));
    let bin = env!("CARGO_BIN_EXE_govcal");
    let facts = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/northwind-2026.toml");
    g.bench_function("deadlines_northwind", |b| {
        b.iter(|| {
            let status = Command::new(bin)
                .args(["deadlines", facts, "--today", "2026-01-01"])
                .stdout(Stdio::null())
                .status()
                .expect("runs");
            assert!(status.success());
        });
    });
    g.finish();
}

criterion_group!(benches, load, evaluate_one_company, process);
criterion_main!(benches);
