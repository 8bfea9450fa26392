#!/usr/bin/env bash
# govcal against two Python peers on one synthetic portfolio (issue 17).
#
#   bash benches/peer/run.sh [N]        # N companies, default 100000
#
# Run it from the repository root. Environment:
#   GOVCAL  the govcal binary (default target/release/govcal: cargo build --release)
#   PYTHON  a Python with benches/peer/requirements.txt installed (default python3)
#
# Generates the portfolio, runs `govcal batch`, peer_pandas.py and
# peer_loop.py on it one after another, each timed as a whole process (CPU
# = user + sys, its children and threads included), checks both peers'
# dates against govcal's with compare.py, and prints a Markdown table.
# The exit status is non-zero if a run fails or a comparison disagrees.

set -euo pipefail

N=${1:-100000}
GOVCAL=${GOVCAL:-target/release/govcal}
PYTHON=${PYTHON:-python3}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if ! [[ $N =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: bash benches/peer/run.sh [N]   (N companies, a positive whole number)" >&2
    exit 2
fi
if ! [[ -x $GOVCAL ]]; then
    echo "run.sh: no govcal binary at $GOVCAL: run 'cargo build --release' from the repository root, or set GOVCAL" >&2
    exit 2
fi
if ! "$PYTHON" -c 'import holidays, numpy, pandas' 2>/dev/null; then
    echo "run.sh: $PYTHON lacks pandas, numpy or holidays: pip install -r benches/peer/requirements.txt (see benches/peer/README.md)" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure NAME OUTPUT COMMAND...: runs COMMAND, keeps its stderr in
# $work/NAME.err, and appends "NAME rows cpu wall" to $work/results.
measure() {
    local name=$1 output=$2
    shift 2
    local TIMEFORMAT='%3U %3S %3R'
    local times
    if ! times=$( { time "$@" 2>"$work/$name.err" >/dev/null; } 2>&1 ); then
        echo "run.sh: $name failed:" >&2
        cat "$work/$name.err" >&2
        exit 1
    fi
    local user sys wall rows
    read -r user sys wall <<<"$times"
    rows=$(($(wc -l <"$output") - 1)) # less the header
    echo "$name $rows $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }') $wall" >>"$work/results"
}

echo "Portfolio: $N synthetic companies ($GOVCAL synth-portfolio)"
"$GOVCAL" synth-portfolio "$N" -o "$work/portfolio.csv"

measure govcal "$work/govcal.csv" \
    "$GOVCAL" batch "$work/portfolio.csv" --today 2026-01-05 --quiet -o "$work/govcal.csv"
measure pandas "$work/pandas.csv" \
    "$PYTHON" "$here/peer_pandas.py" "$work/portfolio.csv" -o "$work/pandas.csv"
measure loop "$work/loop.csv" \
    "$PYTHON" "$here/peer_loop.py" "$work/portfolio.csv" -o "$work/loop.csv"

status=0
for peer in pandas loop; do
    echo
    echo "== $peer vs govcal =="
    "$PYTHON" "$here/compare.py" "$work/$peer.csv" "$work/govcal.csv" || status=1
done

echo
awk -v n="$N" '
    { tool[NR] = $1; rows[$1] = $2; cpu[$1] = $3; wall[$1] = $4 }
    function rate(t) { return cpu[t] > 0 ? rows[t] / cpu[t] : 0 }
    function per_company(t) { return cpu[t] > 0 ? n / cpu[t] : 0 }
    END {
        label["govcal"] = "govcal batch (all rules)"
        label["pandas"] = "peer_pandas.py (5 rules)"
        label["loop"] = "peer_loop.py (5 rules)"
        goal["pandas"] = 10; goal["loop"] = 40
        print "| tool | rows | CPU s | wall s | rows per CPU s | govcal ratio, per row | govcal ratio, per company |"
        print "|---|---:|---:|---:|---:|---:|---:|"
        for (i = 1; i <= NR; i++) {
            t = tool[i]
            if (t == "govcal") {
                r = "-"; c = "-"
            } else if (rate(t) > 0 && cpu["govcal"] > 0) {
                r = sprintf("%.1f× (goal %d×: %s)", rate("govcal") / rate(t), goal[t],
                            rate("govcal") / rate(t) >= goal[t] ? "met" : "not met")
                c = sprintf("%.1f×", per_company("govcal") / per_company(t))
            } else {
                r = "n/a"; c = "n/a"
            }
            printf "| %s | %d | %.2f | %.2f | %.0f | %s | %s |\n",
                label[t], rows[t], cpu[t], wall[t], rate(t), r, c
        }
    }' "$work/results"
echo
echo "$N companies; CPU = user + sys of the whole process. Ratio per row: govcal's rows per CPU second"
echo "over the peer's; per company: the same for companies (the portfolio's size) per CPU second."
[[ $status -eq 0 ]] || echo "A comparison disagreed: see above." >&2
exit "$status"
