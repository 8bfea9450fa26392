#!/usr/bin/env bash
# Calendar interoperability: reads govcal's .ics exports with other programs
# (the Python parsers icalendar, vobject and ical; khal; the Radicale CalDAV
# server) and compares what they decode with govcal's JSON output.
#
# The tools are Python programs, so the test is a pytest suite in a virtual
# environment at target/interop-venv, built from the pinned
# tests/interop/requirements.txt and reused while that file (and the Python
# version) stay the same. Needs python3 >= 3.11 and, the first time, PyPI;
# the tests themselves talk only to 127.0.0.1.
#
#   bash tests/interop/run.sh [PYTEST ARGS...]
set -euo pipefail
cd "$(dirname "$0")/../.."

VENV=target/interop-venv
REQUIREMENTS=tests/interop/requirements.txt
STAMP="$VENV/.requirements-stamp"

if ! command -v python3 >/dev/null 2>&1; then
    echo "interop: python3 not found; installing it" >&2
    apt-get update
    apt-get install -y python3 python3-venv
fi
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "interop: needs python3 >= 3.11 (found $(python3 --version 2>&1))" >&2
    exit 1
fi

want="$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1) $(python3 -c 'import sys; print(sys.version.split()[0])')"

make_venv() {
    rm -rf "$VENV"
    mkdir -p target
    if ! python3 -m venv "$VENV"; then
        # Debian and Ubuntu ship venv's pip bootstrap separately.
        echo "interop: python3 -m venv failed; installing python3-venv" >&2
        rm -rf "$VENV"
        apt-get update
        apt-get install -y python3-venv
        python3 -m venv "$VENV"
    fi
}

if [[ -x "$VENV/bin/python" && -f "$STAMP" && "$(cat "$STAMP")" == "$want" ]]; then
    echo "interop: reusing $VENV"
else
    start=$SECONDS
    make_venv
    "$VENV/bin/python" -m pip install --disable-pip-version-check --no-input -q -r "$REQUIREMENTS"
    echo "$want" >"$STAMP"
    echo "interop: $VENV installed in $((SECONDS - start)) s"
fi

cargo build

start=$SECONDS
PYTHONDONTWRITEBYTECODE=1 GOVCAL=target/debug/govcal "$VENV/bin/python" -m pytest tests/interop \
    -p no:cacheprovider -rfEs "$@"
echo "interop: tests ran in $((SECONDS - start)) s; tool versions in target/interop-versions.txt"
