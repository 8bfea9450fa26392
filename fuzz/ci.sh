#!/usr/bin/env bash
# CI's short fuzzing run: every target for FUZZ_SECONDS (default 20) when
# the nightly toolchain is present; says so and succeeds when it is not.
#
#   bash fuzz/ci.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "fuzz: no nightly toolchain on this machine; fuzzing skipped"
    exit 0
fi
if ! command -v cargo-fuzz >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz"
    cargo install cargo-fuzz --locked --quiet
fi
bash fuzz/seed.sh
seconds=${FUZZ_SECONDS:-20}
for target in expr pack facts filing_dates extract previous portfolio; do
    echo "fuzz: $target for $seconds s"
    log=fuzz/artifacts/$target.log
    mkdir -p fuzz/artifacts
    if ! cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        echo "fuzz: $target failed; the input is in fuzz/artifacts/$target/" >&2
        exit 1
    fi
    grep -E '^stat::number_of_executed_units' "$log" || true
done
