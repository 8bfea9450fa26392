#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seeds from the repository: the shipped
# packs and calendars, the examples, the filing fixtures, the snapshot
# calendars, every expression the packs write, and every input in
# fuzz/regressions/ (inputs that once crashed a target).
#
#   bash fuzz/seed.sh
set -euo pipefail
cd "$(dirname "$0")"
root=..
corpus=corpus
mkdir -p "$corpus"/{expr,pack,facts,filing_dates,extract,previous,portfolio}

n=0
seed() { # seed TARGET FILE
    cp "$2" "$1/seed-$n-$(basename "$2")"
    n=$((n + 1))
}
while IFS= read -r -d '' f; do seed "$corpus/pack" "$f"; done \
    < <(find "$root/rules" "$root/examples" -name '*.toml' -print0)
while IFS= read -r -d '' f; do seed "$corpus/facts" "$f"; done \
    < <(find "$root/examples" -name '*.toml' -print0)
while IFS= read -r -d '' f; do
    seed "$corpus/extract" "$f"
    # The first 4 KB of each filing, so that date scanning starts small.
    head -c 4096 "$f" >"$corpus/filing_dates/seed-$n"
    n=$((n + 1))
done < <(find "$root/tests/fixtures/filings" \( -name '*.htm' -o -name '*.txt' \) -print0)
while IFS= read -r -d '' f; do seed "$corpus/previous" "$f"; done \
    < <(find "$root/tests" -name '*.ics' -print0)
seed "$corpus/portfolio" "$root/examples/portfolio.csv"
# Every quoted value of an expression key in the shipped packs.
grep -rhoE '^\s*(opens|closes|when|value|date|anchor|earliest|latest)\s*=\s*"[^"]+"' "$root/rules" |
    sed -E 's/^[^"]*"//; s/"$//' | sort -u |
    while IFS= read -r e; do
        printf '%s' "$e" >"$corpus/expr/seed-$n"
        n=$((n + 1))
    done
if [[ -d regressions ]]; then
    for dir in regressions/*/; do
        target=$(basename "$dir")
        mkdir -p "$corpus/$target"
        cp "$dir"* "$corpus/$target/" 2>/dev/null || true
    done
fi
for t in "$corpus"/*/; do
    echo "fuzz: $(basename "$t"): $(find "$t" -type f | wc -l) seeds"
done
