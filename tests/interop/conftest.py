"""Shared set-up of the interoperability tests: the tools' versions, printed in
pytest's header and written to target/interop-versions.txt so that a CI log
or a bug report says exactly which programs read govcal's calendars."""

import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def govcal_path() -> Path:
    """The govcal binary under test: $GOVCAL, relative to the repository root
    unless absolute (run.sh passes target/debug/govcal)."""
    path = Path(os.environ.get("GOVCAL", "target/debug/govcal"))
    return path if path.is_absolute() else ROOT / path


def _first_line(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"unavailable ({e})"
    text = (out.stdout or out.stderr).strip()
    return text.splitlines()[0] if text else f"unavailable (exit {out.returncode})"


def tool_versions() -> dict[str, str]:
    """Each tool's version, from the installed distributions' metadata."""
    names = {
        "icalendar": "icalendar",
        "vobject": "vobject",
        "ical": "ical",
        "khal": "khal",
        "radicale": "Radicale",
        "pytest": "pytest",
    }
    versions = {"python": sys.version.split()[0]}
    for label, dist in names.items():
        try:
            versions[label] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            versions[label] = "not installed"
    versions["libical"] = _first_line(["pkg-config", "--modversion", "libical"])
    versions["node"] = _first_line(["node", "--version"])
    modules = os.environ.get("GOVCAL_ICALJS_MODULES")
    try:
        meta = json.loads((Path(modules or ".") / "ical.js" / "package.json").read_text())
        versions["ical.js"] = meta["version"] if modules else "not installed"
    except (OSError, ValueError, KeyError):
        versions["ical.js"] = "not installed"
    versions["govcal"] = _first_line([str(govcal_path()), "--version"]).removeprefix("govcal ")
    return versions


def pytest_report_header(config):
    versions = tool_versions()
    line = ", ".join(f"{k} {v}" for k, v in versions.items() if k != "govcal")
    target = ROOT / "target"
    target.mkdir(exist_ok=True)
    (target / "interop-versions.txt").write_text(
        "".join(f"{k} {v}\n" for k, v in versions.items())
    )
    return [f"interop tools: {line}", f"govcal under test: {versions['govcal']}"]
