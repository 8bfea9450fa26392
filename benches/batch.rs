//! `govcal batch` at three portfolio sizes, to CSV and to one calendar:
//! the whole process (start, pack loading, reading, evaluating on all
//! cores, writing), on synthetic portfolios from `govcal::batch::synth`.
//! Cost should grow linearly: compare the time per company across sizes.
//!
//!     cargo bench --bench batch
//!     GOVCAL_BENCH_SIZES=1000,10000 cargo bench --bench batch

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn sizes() -> Vec<usize> {
    std::env::var("GOVCAL_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000])
}

fn run(portfolio: &Path, format: &str, out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_govcal"))
        .args(["batch", "--quiet", "--today", "2026-01-05", "--format", format, "-o"])
        .arg(out)
        .arg(portfolio)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run govcal");
    assert!(status.success(), "govcal batch failed");
}

fn batch(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for n in sizes() {
        let portfolio = dir.path().join(format!("p{n}.csv"));
        let mut text = Vec::new();
        govcal::batch::synth::write_portfolio(n, 2026, &mut text).expect("generate");
        std::fs::write(&portfolio, text).expect("write portfolio");
        group.throughput(Throughput::Elements(n as u64));
        for format in ["csv", "ics"] {
            let out = dir.path().join(format!("out{n}.{format}"));
            group.bench_with_input(BenchmarkId::new(format, n), &n, |b, _| {
                b.iter(|| run(&portfolio, format, &out));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, batch);
criterion_main!(benches);
