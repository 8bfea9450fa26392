#!/usr/bin/env bash
# Calendar interoperability: reads govcal's .ics exports with other programs
# (the Python parsers icalendar, vobject and ical; khal; the Radicale CalDAV
# server; libical, the parser of Evolution; Mozilla's ical.js, the parser of
# Thunderbird) and compares what they decode with govcal's JSON output.
#
# The test is a pytest suite in a virtual environment at
# target/interop-venv, built from the pinned tests/interop/requirements.txt
# and reused while that file (and the Python version) stay the same.
# libical is Debian's libical-dev, read by a small C program
# (tests/interop/tools/libical_validate.c) built into target/interop-tools;
# ical.js comes from npm, pinned by tests/interop/package-lock.json, into
# target/interop-node. Each is set up again only when its inputs change.
# Needs python3 >= 3.11 and, the first time, PyPI, npm and apt (packages
# that are missing: pkg-config, a C compiler, libical-dev, nodejs, npm);
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

apt_install() {
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo -E"
    echo "interop: installing $* with apt-get" >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# libical: Debian's library and a validator built against it.
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
command -v cc >/dev/null 2>&1 || need+=(gcc libc6-dev)
pkg-config --exists libical 2>/dev/null || need+=(libical-dev)
if ((${#need[@]})); then apt_install "${need[@]}"; fi
TOOLS=target/interop-tools
VALIDATOR="$TOOLS/libical-validate"
VALIDATOR_SRC=tests/interop/tools/libical_validate.c
want_validator="$(sha256sum "$VALIDATOR_SRC" | cut -d' ' -f1) libical $(pkg-config --modversion libical)"
if [[ ! -x "$VALIDATOR" || "$(cat "$VALIDATOR.stamp" 2>/dev/null)" != "$want_validator" ]]; then
    mkdir -p "$TOOLS"
    # shellcheck disable=SC2046 # pkg-config prints several words
    cc -O1 -Wall -Werror -o "$VALIDATOR" "$VALIDATOR_SRC" $(pkg-config --cflags --libs libical)
    echo "$want_validator" >"$VALIDATOR.stamp"
    echo "interop: built $VALIDATOR (libical $(pkg-config --modversion libical))"
fi

# ical.js: node and npm (Debian's when missing), the pinned package.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
fi
NODE_DIR=target/interop-node
want_node="$(cat tests/interop/package.json tests/interop/package-lock.json | sha256sum | cut -d' ' -f1) node $(node --version)"
if [[ ! -d "$NODE_DIR/node_modules/ical.js" || "$(cat "$NODE_DIR/.stamp" 2>/dev/null)" != "$want_node" ]]; then
    rm -rf "$NODE_DIR"
    mkdir -p "$NODE_DIR"
    cp tests/interop/package.json tests/interop/package-lock.json "$NODE_DIR/"
    (cd "$NODE_DIR" && npm ci --silent --no-audit --no-fund >/dev/null)
    echo "$want_node" >"$NODE_DIR/.stamp"
    echo "interop: installed ical.js into $NODE_DIR"
fi
export GOVCAL_LIBICAL_VALIDATE="$PWD/$VALIDATOR"
export GOVCAL_ICALJS_MODULES="$PWD/$NODE_DIR/node_modules"

cargo build

start=$SECONDS
PYTHONDONTWRITEBYTECODE=1 GOVCAL=target/debug/govcal "$VENV/bin/python" -m pytest tests/interop \
    -p no:cacheprovider -rfEs "$@"
echo "interop: tests ran in $((SECONDS - start)) s; tool versions in target/interop-versions.txt"
