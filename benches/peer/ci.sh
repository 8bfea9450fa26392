#!/usr/bin/env bash
# CI's check that the peer scripts and govcal agree: builds a virtual
# environment at target/peer-venv from the pinned requirements (reused while
# they stay the same), then runs run.sh on a small portfolio with the debug
# binary. run.sh exits non-zero when a date differs or a row is one-sided;
# the timings it prints mean nothing here (debug build, small portfolio).
#
#   bash benches/peer/ci.sh [N]     # N companies, default 2000
set -euo pipefail
cd "$(dirname "$0")/../.."

VENV=target/peer-venv
REQUIREMENTS=benches/peer/requirements.txt
want="$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1) $(python3 -c 'import sys; print(sys.version.split()[0])')"
if [[ ! -x "$VENV/bin/python" || "$(cat "$VENV/.stamp" 2>/dev/null)" != "$want" ]]; then
    rm -rf "$VENV"
    mkdir -p target
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --disable-pip-version-check --no-input -q -r "$REQUIREMENTS"
    echo "$want" >"$VENV/.stamp"
fi
cargo build
GOVCAL=target/debug/govcal PYTHON="$VENV/bin/python" bash benches/peer/run.sh "${1:-2000}"
