"""Calendar interoperability: govcal's iCalendar export, read back by the
programs people use.

For every shipped example (examples/*-20*.toml) govcal writes the season as
JSON and as .ics with the same options. The JSON is the expectation: each
dated window bound (pack, rule, opens|closes) is one event whose start is
that date (an all-day event ending the next day) or that wall time in that
zone (a timed event, whose UTC instant Python's zoneinfo computes on its own).
The .ics is then read by

  a. three parsers: icalendar, vobject and the strict pydantic `ical`;
  b. khal, a terminal calendar, importing into a vdir (twice: no duplicates);
  c. Radicale, a CalDAV server: one resource per event, read back with a
     calendar-query REPORT;
  d. libical, the parser of Evolution, with its restriction checks (RFC
     5545 and, for a calendar with a METHOD, RFC 5546 iTIP), and Mozilla's
     ical.js, the parser of Thunderbird.

The one date written here rather than taken from govcal is an independent
anchor: HemaCare's 2004 nomination notice closed on Friday 5 March 2004
(Form 8-K of 27 February 2004: the later of 90 days before the 25 May 2004
meeting and 7 days after that day's announcement).
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import tomllib
import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
import vobject.icalendar
from ical.calendar_stream import IcsCalendarStream

from conftest import ROOT, govcal_path

UTC = dt.timezone.utc
ALARMS = "14d,1d"
DEFAULT_TODAY = "2026-01-05"
TODAY = {"hemacare-2004": "2004-02-27"}
# The khal user's zone: a New York reader of a Los Angeles company's calendar.
USER_ZONE = "America/New_York"
EXAMPLES = sorted(p.stem for p in (ROOT / "examples").glob("*-20*.toml"))
PARSERS = ["icalendar", "vobject", "ical"]
BIN = Path(sys.executable).parent  # the venv's scripts (khal)

# HemaCare's Form 8-K of 27 Feb 2004 (SEC accession 0000801748-04-000001):
# meeting 25 May 2004, announced 27 Feb 2004; the bylaw's notice closes on
# the later of 25 Feb (90 days before) and 5 Mar 2004 (7 days after).
HEMACARE_ANCHOR = (("hemacare_bylaws", "nomination_notice", "closes"), dt.date(2004, 3, 5))


# --------------------------------------------------------------------------
# Running govcal and reading what it says the calendar should hold


def run_govcal(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    binary = govcal_path()
    if not binary.exists():
        pytest.fail(f"{binary} does not exist: run `cargo build` (tests/interop/run.sh does)")
    out = subprocess.run(
        [str(binary), *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )
    if out.returncode != 0:
        pytest.fail(f"govcal {' '.join(args)} exited {out.returncode}:\n{out.stderr}")
    return out


def alarm_offsets(spec: str) -> list[dt.timedelta]:
    """The triggers `--alarm` asks for, e.g. "14d,1d" -> [-14 days, -1 day]."""
    unit = {"w": "weeks", "d": "days", "h": "hours", "m": "minutes"}
    out = []
    for part in spec.split(","):
        m = re.fullmatch(r"(\d+)([wdhm])", part.strip())
        assert m, f"alarm {part!r}"
        out.append(-dt.timedelta(**{unit[m[2]]: int(m[1])}))
    return sorted(out)


EXPECTED_TRIGGERS = alarm_offsets(ALARMS)


@dataclass(frozen=True)
class Bound:
    """One event as the JSON output says it should be."""

    key: tuple[str, str, str]  # (pack, rule, "opens" | "closes")
    date: dt.date
    local: dt.datetime | None  # naive wall time, for a timed bound
    zone: str | None
    summary: str
    citation: str

    @property
    def utc(self) -> dt.datetime:
        """The instant, computed here with zoneinfo (not taken from govcal)."""
        return self.local.replace(tzinfo=ZoneInfo(self.zone)).astimezone(UTC)


def event_summary(company: str, d: dict, which: str) -> str:
    """The title an event should have, from the JSON: "Company — Actor:
    Rule title closes" (src/render/calendar.rs, fn event_summary); a rule
    without a title shows its id in words, a rule without an actor no
    "Actor: "."""
    title = d["rule"].replace("_", " ") if d.get("title") in (None, d["rule"]) else d["title"]
    actor = f"{d['actor'].capitalize()}: " if d.get("actor") else ""
    return f"{company} \u2014 {actor}{title} {which}"


def expected_bounds(doc: dict) -> dict[tuple[str, str, str], Bound]:
    company = doc["company"]["name"]
    out = {}
    for d in doc["deadlines"]:
        for which in ("opens", "closes"):
            b = d.get(which)
            if not b or not b.get("date"):
                continue
            key = (d["pack"], d["rule"], which)
            t = b.get("time")
            local = dt.datetime.fromisoformat(t["local"]) if t else None
            out[key] = Bound(
                key=key,
                date=dt.date.fromisoformat(b["date"]),
                local=local,
                zone=t["zone"] if t else None,
                summary=event_summary(company, d, which),
                citation=d["citation"],
            )
    return out


@dataclass
class Export:
    name: str
    facts: Path
    today: str
    ics: Path
    text: str
    doc: dict
    stderr: str
    expected: dict[tuple[str, str, str], Bound] = field(default_factory=dict)

    @property
    def by_uid(self) -> dict[str, Bound]:
        return {uid: self.expected[uid_key(uid)] for uid in raw_uids(self.text)}


def export(facts: Path, out: Path, today: str, *extra: str) -> Export:
    """govcal's JSON and .ics for one facts file, with the same options."""
    doc = json.loads(
        run_govcal("deadlines", str(facts), "--format", "json", "--today", today).stdout
    )
    ics = out / f"{facts.stem}.ics"
    res = run_govcal(
        "deadlines", str(facts), "--format", "ics", "--today", today,
        "--alarm", ALARMS, "--output", str(ics), *extra,
    )
    text = ics.read_text(encoding="utf-8")
    return Export(facts.stem, facts, today, ics, text, doc, res.stderr, expected_bounds(doc))


@pytest.fixture(scope="session")
def exports(tmp_path_factory) -> dict[str, Export]:
    out = tmp_path_factory.mktemp("exports")
    return {
        name: export(ROOT / "examples" / f"{name}.toml", out, TODAY.get(name, DEFAULT_TODAY))
        for name in EXAMPLES
    }


def test_every_example_is_covered():
    assert "cascadia-2026" in EXAMPLES and "hemacare-2004" in EXAMPLES, EXAMPLES


# --------------------------------------------------------------------------
# The raw text: components as govcal wrote them


def unfold(text: str) -> str:
    return re.sub(r"\r?\n[ \t]", "", text)


def top_components(text: str, name: str) -> list[str]:
    """The raw `BEGIN:name`..`END:name` blocks directly inside VCALENDAR,
    byte for byte (line endings kept)."""
    blocks, depth, current = [], 0, None
    for line in text.splitlines(keepends=True):
        bare = line.rstrip("\r\n")
        if bare.startswith("BEGIN:"):
            depth += 1
            if depth == 2 and bare == f"BEGIN:{name}":
                current = []
        if current is not None:
            current.append(line)
        if bare.startswith("END:"):
            if depth == 2 and current is not None and bare == f"END:{name}":
                blocks.append("".join(current))
                current = None
            depth -= 1
    return blocks


def prop(block: str, name: str) -> str | None:
    """The first value of property `name` in an (unfolded) raw block."""
    m = re.search(rf"^{name}(?:;[^:\r\n]*)?:(.*?)\r?$", unfold(block), re.M)
    return m[1] if m else None


def raw_uids(text: str) -> list[str]:
    return [prop(b, "UID") for b in top_components(text, "VEVENT")]


def uid_key(uid: str) -> tuple[str, str, str]:
    """(pack, rule, bound): the first three dot-separated parts of a govcal
    UID (`pack.rule.bound.company.meeting@govcal`)."""
    pack, rule, bound = uid.split(".")[:3]
    return (pack, rule, bound)


# --------------------------------------------------------------------------
# a. Three parsers


@dataclass
class Decoded:
    uid: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None
    summary: str
    description: str
    triggers: list[dt.timedelta]


def zone_name(tz) -> str | None:
    """The zone's name as the parser kept it: zoneinfo's `key`, pytz's `zone`,
    dateutil's `_tzid` (a VTIMEZONE read by vobject)."""
    for attr in ("key", "zone", "_tzid", "tzid"):
        v = getattr(tz, attr, None)
        if isinstance(v, str):
            return v
    return None


def from_icalendar(ev) -> Decoded:
    """One VEVENT as icalendar decodes it."""
    end = ev.get("DTEND")
    alarms = [c for c in ev.subcomponents if c.name == "VALARM"]
    for a in alarms:
        assert a["TRIGGER"].params.get("RELATED", "START") == "START", a.to_ical()
    return Decoded(
        uid=str(ev["UID"]),
        start=ev["DTSTART"].dt,
        end=end.dt if end is not None else None,
        summary=str(ev["SUMMARY"]),
        description=str(ev["DESCRIPTION"]),
        triggers=sorted(a["TRIGGER"].dt for a in alarms),
    )


def decode_icalendar(text: str) -> list[Decoded]:
    return [from_icalendar(ev) for ev in icalendar.Calendar.from_ical(text).walk("VEVENT")]


def decode_vobject(text: str) -> list[Decoded]:
    # vobject keeps every VTIMEZONE it reads in one process-wide table, and
    # the first definition of a TZID wins: after HemaCare's calendar (whose
    # America/New_York covers 2003-2005), a 2026 calendar's New York times
    # would be read with 2005's last rule. A program opening one file starts
    # empty; so does this check.
    registry = vars(vobject.icalendar)["__tzidMap"]
    registry.clear()
    vobject.icalendar.registerTzid("UTC", vobject.icalendar.utc)
    cal = vobject.readOne(text)
    out = []
    for ve in cal.contents.get("vevent", []):
        alarms = ve.contents.get("valarm", [])
        out.append(Decoded(
            uid=ve.uid.value,
            start=ve.dtstart.value,
            end=ve.dtend.value if "dtend" in ve.contents else None,
            summary=ve.summary.value,
            description=ve.description.value,
            triggers=sorted(a.trigger.value for a in alarms),
        ))
    return out


def decode_ical(text: str) -> list[Decoded]:
    cal = IcsCalendarStream.calendar_from_ics(text)
    return [
        Decoded(
            uid=e.uid,
            start=e.dtstart,
            end=e.dtend,
            summary=e.summary,
            description=e.description,
            triggers=sorted(a.trigger for a in e.alarm),
        )
        for e in cal.events
    ]


DECODERS = {"icalendar": decode_icalendar, "vobject": decode_vobject, "ical": decode_ical}


def mismatches(ev: Decoded, exp: Bound) -> list[str]:
    """What differs between a decoded event and the JSON's bound, each as
    `property: decoded ... expected ...`."""
    bad = []
    if exp.local is None:
        if type(ev.start) is not dt.date:
            bad.append(f"DTSTART: decoded {ev.start!r}, expected the date {exp.date}")
        elif ev.start != exp.date:
            bad.append(f"DTSTART: decoded {ev.start}, expected {exp.date}")
        if ev.end != exp.date + dt.timedelta(days=1):
            bad.append(f"DTEND: decoded {ev.end!r}, expected {exp.date + dt.timedelta(days=1)}")
    elif not isinstance(ev.start, dt.datetime) or ev.start.tzinfo is None:
        bad.append(f"DTSTART: decoded {ev.start!r}, expected {exp.local} {exp.zone}")
    else:
        if ev.start.replace(tzinfo=None) != exp.local:
            bad.append(f"DTSTART: wall time {ev.start.replace(tzinfo=None)}, expected {exp.local}")
        if zone_name(ev.start.tzinfo) != exp.zone:
            bad.append(f"DTSTART: zone {zone_name(ev.start.tzinfo)!r} ({ev.start.tzinfo!r}), expected {exp.zone}")
        if ev.start.astimezone(UTC) != exp.utc:
            bad.append(f"DTSTART: instant {ev.start.astimezone(UTC)}, zoneinfo says {exp.utc}")
        # A timed event ends a minute after its deadline, in the same zone.
        if ev.end != ev.start + dt.timedelta(minutes=1):
            bad.append(f"DTEND: decoded {ev.end!r}, expected a minute after {ev.start}")
        elif zone_name(getattr(ev.end, "tzinfo", None)) != exp.zone:
            bad.append(f"DTEND: zone {zone_name(getattr(ev.end, 'tzinfo', None))!r}, expected {exp.zone}")
        if exp.local.date() != exp.date:
            bad.append(f"JSON: time {exp.local} is not on the bound's date {exp.date}")
    if ev.summary != exp.summary:
        bad.append(f"SUMMARY: decoded {ev.summary!r}, expected {exp.summary!r}")
    if exp.citation not in ev.description:
        bad.append(f"DESCRIPTION: lacks the citation {exp.citation!r}")
    if ev.triggers != EXPECTED_TRIGGERS:
        bad.append(f"VALARM TRIGGERs: decoded {ev.triggers}, expected {EXPECTED_TRIGGERS}")
    return bad


def check_decoded(label: str, events: list[Decoded], by_uid: dict[str, Bound]) -> None:
    """Every decoded event matches its bound; reports all differences at once."""
    problems = []
    uids = [e.uid for e in events]
    if sorted(uids) != sorted(by_uid):
        problems.append(f"UIDs: decoded {sorted(uids)}, expected {sorted(by_uid)}")
    for ev in events:
        if ev.uid in by_uid:
            problems += [f"{ev.uid}: {m}" for m in mismatches(ev, by_uid[ev.uid])]
    assert not problems, f"{label}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("name", EXAMPLES)
def test_events_are_the_dated_bounds_of_the_json(exports, name):
    e = exports[name]
    dated = [
        (d["pack"], d["rule"], w, d["status"])
        for d in e.doc["deadlines"]
        for w in ("opens", "closes")
        if d.get(w) and d[w].get("date")
    ]
    assert all(s == "computed" for *_, s in dated), f"a dated bound of a deadline not computed: {dated}"
    uids = raw_uids(e.text)
    assert len(uids) == len(dated), f"{e.ics.name}: {len(uids)} VEVENTs, {len(dated)} dated bounds in the JSON"
    assert len(set(uids)) == len(uids), f"{e.ics.name}: repeated UIDs {sorted(uids)}"
    assert sorted(uid_key(u) for u in uids) == sorted(e.expected), e.ics.name
    for uid, block in zip(uids, top_components(e.text, "VEVENT")):
        pack, rule, _ = uid_key(uid)
        assert f"Rule: {pack}/{rule} (" in unfold(block), f"{uid}: DESCRIPTION names another rule"


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("name", EXAMPLES)
def test_parser_reads_every_event(exports, name, parser):
    e = exports[name]
    events = DECODERS[parser](e.text)
    assert len(events) == len(e.expected), f"{parser} read {len(events)} events of {len(e.expected)}"
    check_decoded(f"{e.ics.name} read by {parser}", events, e.by_uid)


@pytest.mark.parametrize("parser", PARSERS)
def test_hemacare_anchor(exports, parser):
    e = exports["hemacare-2004"]
    key, anchor = HEMACARE_ANCHOR
    assert e.expected[key].date == anchor, "govcal's JSON"
    [uid] = [u for u in raw_uids(e.text) if uid_key(u) == key]
    [ev] = [d for d in DECODERS[parser](e.text) if d.uid == uid]
    assert ev.start == anchor and type(ev.start) is dt.date, f"{parser}: {ev.start!r}"


@pytest.mark.parametrize("name", EXAMPLES)
def test_vtimezones_agree_with_zoneinfo(exports, name):
    """Each TZID used has a VTIMEZONE, and that VTIMEZONE's own rules (not the
    TZID looked up by name) put every timed event at zoneinfo's instant."""
    e = exports[name]
    cal = icalendar.Calendar.from_ical(e.text)
    vtz = {str(c["TZID"]): c.to_tz(lookup_tzid=False) for c in cal.walk("VTIMEZONE")}
    problems = []
    for ev in cal.walk("VEVENT"):
        tzid = ev["DTSTART"].params.get("TZID")
        if tzid is None:
            continue
        exp = e.expected[uid_key(str(ev["UID"]))]
        if tzid not in vtz:
            problems.append(f"{ev['UID']}: TZID={tzid} has no VTIMEZONE")
            continue
        at = exp.local.replace(tzinfo=vtz[tzid]).astimezone(UTC)
        if at != exp.utc:
            problems.append(f"{ev['UID']}: VTIMEZONE {tzid} puts {exp.local} at {at}, zoneinfo at {exp.utc}")
    assert not problems, f"{e.ics.name}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("name", EXAMPLES)
def test_json_utc_agrees_with_zoneinfo(exports, name):
    e = exports[name]
    for d in e.doc["deadlines"]:
        for w in ("opens", "closes"):
            t = (d.get(w) or {}).get("time")
            if t:
                local = dt.datetime.fromisoformat(t["local"]).replace(tzinfo=ZoneInfo(t["zone"]))
                assert local.astimezone(UTC) == dt.datetime.fromisoformat(t["utc"]).replace(tzinfo=UTC), (d["rule"], w, t)


# --------------------------------------------------------------------------
# b. khal


class Khal:
    def __init__(self, root: Path):
        self.vdir = root / "calendars" / "govcal"
        self.vdir.mkdir(parents=True)
        self.config = root / "khal.conf"
        self.config.write_text(
            f"""[calendars]
[[govcal]]
path = {self.vdir}
type = calendar

[locale]
local_timezone = {USER_ZONE}
default_timezone = {USER_ZONE}
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M

[sqlite]
path = {root / "khal.db"}
"""
        )

    def run(self, *args: str) -> str:
        out = subprocess.run(
            [str(BIN / "khal"), "-c", str(self.config), *args],
            capture_output=True, text=True, timeout=120,
        )
        assert out.returncode == 0, f"khal {' '.join(args)} exited {out.returncode}:\n{out.stderr}"
        return out.stdout

    def import_(self, ics: Path) -> None:
        self.run("import", "--batch", "-a", "govcal", str(ics))

    def files(self) -> list[Path]:
        return sorted(self.vdir.glob("*.ics"))

    def list(self, first: dt.date, last: dt.date) -> list[tuple[str, str]]:
        """(uid, start) of each event from `first` to `last`, each once; the
        start as khal shows it to a user in USER_ZONE."""
        text = self.run(
            "list", "-a", "govcal", "--once", "-df", "", "-f", "{uid}\t{start}",
            (first - dt.timedelta(days=1)).isoformat(), (last + dt.timedelta(days=2)).isoformat(),
        )
        return [tuple(line.split("\t", 1)) for line in text.splitlines() if line.strip()]


def shown_by_khal(b: Bound) -> str:
    """How khal should print the start: the date, or the instant in USER_ZONE."""
    if b.local is None:
        return b.date.isoformat()
    return b.utc.astimezone(ZoneInfo(USER_ZONE)).strftime("%Y-%m-%d %H:%M")


def date_span(*bounds) -> tuple[dt.date, dt.date]:
    dates = [b.date for bs in bounds for b in bs]
    return min(dates), max(dates)


@pytest.mark.parametrize("name", EXAMPLES)
def test_khal_imports_twice_without_duplicates(exports, name, tmp_path):
    e = exports[name]
    khal = Khal(tmp_path)
    khal.import_(e.ics)
    khal.import_(e.ics)
    n = len(raw_uids(e.text))
    assert len(khal.files()) == n, f"{len(khal.files())} files in the vdir for {n} VEVENTs"
    listed = khal.list(*date_span(e.expected.values()))
    assert len(listed) == n, f"khal list shows {len(listed)} events for {n} VEVENTs:\n{listed}"
    shown = dict(listed)
    problems = [
        f"{uid}: khal shows {shown.get(uid)!r}, expected {shown_by_khal(b)!r}"
        for uid, b in e.by_uid.items()
        if shown.get(uid) != shown_by_khal(b)
    ]
    assert not problems, "\n".join(problems)


def test_khal_shows_cascadia_close_in_new_york_time(exports, tmp_path):
    """5:00 p.m. in Los Angeles is 8:00 p.m. for a khal user in New York."""
    e = exports["cascadia-2026"]
    key = ("cascadia_bylaws", "advance_notice", "closes")
    b = e.expected[key]
    facts = tomllib.loads(e.facts.read_text())["company"]
    assert (b.local.strftime("%H:%M"), b.zone) == (facts["close_of_business"], facts["zone"])
    assert (b.local.time(), b.zone) == (dt.time(17, 0), "America/Los_Angeles")
    khal = Khal(tmp_path)
    khal.import_(e.ics)
    [uid] = [u for u in raw_uids(e.text) if uid_key(u) == key]
    [start] = [s for u, s in khal.list(b.date, b.date) if u == uid]
    assert start == f"{b.date.isoformat()} 20:00", start


def move_meeting(facts: Path, days: int) -> tuple[dt.date, dt.date]:
    """Moves the facts file's `meeting = ` line by `days`; returns (old, new)."""
    text = facts.read_text()
    old = tomllib.loads(text)["facts"]["meeting"]
    if isinstance(old, str):
        old = dt.datetime.strptime(old, "%B %d, %Y").date()
    new = old + dt.timedelta(days=days)
    text, n = re.subn(r"^meeting\s*=.*$", f"meeting = {new.isoformat()}", text, flags=re.M)
    assert n == 1, f"{facts}: {n} meeting lines"
    facts.write_text(text)
    return old, new


def summary_count(stderr: str, word: str) -> int:
    m = re.search(rf"(\d+) {word}\b", stderr)
    return int(m[1]) if m else 0


def when(b: Bound):
    return (b.date, b.local, b.zone)


@pytest.mark.parametrize("name", EXAMPLES)
def test_khal_meeting_moved_with_previous(name, tmp_path):
    work = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", work)
    facts = work / f"{name}.toml"
    today = TODAY.get(name, DEFAULT_TODAY)
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    before = export(facts, tmp_path / "old", today)
    khal = Khal(tmp_path / "khal")
    khal.import_(before.ics)

    old_meeting, new_meeting = move_meeting(facts, 7)
    after = export(facts, tmp_path / "new", today, "--previous", str(before.ics))
    assert after.doc["facts"]["meeting"] == new_meeting.isoformat()

    # The summary on stderr, against what the JSON says changed.
    old_k, new_k = set(before.expected), set(after.expected)
    moved = {k for k in old_k & new_k if when(before.expected[k]) != when(after.expected[k])}
    assert re.search(r"\d+ moved", after.stderr), f"no summary on stderr: {after.stderr!r}"
    counts = {w: summary_count(after.stderr, w) for w in ("moved", "cancelled", "new")}
    assert counts["moved"] >= 1, after.stderr
    assert counts == {"moved": len(moved), "cancelled": len(old_k - new_k), "new": len(new_k - old_k)}, after.stderr

    # UIDs kept; moved events have SEQUENCE + 1 and LAST-MODIFIED; the others
    # either are byte for byte as before or have a higher SEQUENCE.
    old_blocks = {prop(b, "UID"): b for b in top_components(before.text, "VEVENT")}
    new_blocks = {prop(b, "UID"): b for b in top_components(after.text, "VEVENT")}
    assert len(new_blocks) == len(top_components(after.text, "VEVENT")), "repeated UIDs"
    assert set(old_blocks) <= set(new_blocks), "an earlier event is missing"
    problems = []
    for uid, old in old_blocks.items():
        new = new_blocks[uid]
        seq_old, seq_new = int(prop(old, "SEQUENCE") or 0), int(prop(new, "SEQUENCE") or 0)
        key = uid_key(uid)
        if key in moved or key not in new_k:
            if seq_new != seq_old + 1 or prop(new, "LAST-MODIFIED") is None:
                problems.append(f"{uid}: SEQUENCE {seq_old} -> {seq_new}, LAST-MODIFIED {prop(new, 'LAST-MODIFIED')}")
        elif seq_new == seq_old and new != old:
            problems.append(f"{uid}: same SEQUENCE but the event's text changed")
        if key not in new_k and prop(new, "STATUS") != "CANCELLED":
            problems.append(f"{uid}: deadline gone but STATUS is {prop(new, 'STATUS')}")
    assert not problems, "\n".join(problems)

    # khal: the update replaces, never duplicates; moved deadlines are at
    # their new dates only.
    khal.import_(after.ics)
    khal.import_(after.ics)
    n = len(new_blocks)
    assert len(khal.files()) == n, f"{len(khal.files())} files in the vdir for {n} VEVENTs"
    listed = khal.list(*date_span(before.expected.values(), after.expected.values()))
    assert len(listed) == n, f"khal list shows {len(listed)} events for {n} VEVENTs:\n{listed}"
    uid_of = {uid_key(u): u for u in new_blocks}
    for key in moved:
        starts = [s for u, s in listed if u == uid_of[key]]
        assert starts == [shown_by_khal(after.expected[key])], (
            f"{key}: khal shows {starts}; moved from {shown_by_khal(before.expected[key])} "
            f"to {shown_by_khal(after.expected[key])} (meeting {old_meeting} -> {new_meeting})"
        )


@pytest.mark.parametrize("parser", PARSERS)
def test_several_facts_files_make_one_calendar(exports, parser, tmp_path):
    names = [n for n in EXAMPLES if TODAY.get(n, DEFAULT_TODAY) == DEFAULT_TODAY]
    out = tmp_path / "all.ics"
    run_govcal(
        "deadlines", *[f"examples/{n}.toml" for n in names], "--format", "ics",
        "--today", DEFAULT_TODAY, "--alarm", ALARMS, "--output", str(out),
    )
    text = out.read_text(encoding="utf-8")
    uids = raw_uids(text)
    assert len(uids) == len(set(uids)), "repeated UIDs"
    by_uid = {u: b for n in names for u, b in exports[n].by_uid.items()}
    assert sorted(uids) == sorted(by_uid)
    check_decoded(f"one calendar of {names} read by {parser}", DECODERS[parser](text), by_uid)
    if parser == "icalendar":
        khal = Khal(tmp_path / "khal")
        khal.import_(out)
        khal.import_(out)
        assert len(khal.files()) == len(uids)


# --------------------------------------------------------------------------
# c. Radicale, a CalDAV server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    port: int
    log: Path

    def request(self, method: str, path: str, body: str = "", headers: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body.encode("utf-8"), headers=headers or {})
            resp = conn.getresponse()
            return resp.status, resp.read().decode("utf-8")
        finally:
            conn.close()


@pytest.fixture(scope="session")
def radicale(tmp_path_factory, request):
    """Radicale on a free 127.0.0.1 port: no configuration file, anonymous
    access (`auth type none`) with the `authenticated` rights, which then let
    anyone read and write; storage in a temporary directory."""
    root = tmp_path_factory.mktemp("radicale")
    port = free_port()
    log = root / "radicale.log"
    with open(log, "w") as sink:
        proc = subprocess.Popen(
            [
                sys.executable, "-m", "radicale", "--config", "",
                "--server-hosts", f"127.0.0.1:{port}",
                "--auth-type", "none", "--rights-type", "authenticated",
                "--storage-filesystem-folder", str(root / "collections"),
                "--logging-level", "warning",
            ],
            stdout=sink, stderr=subprocess.STDOUT,
        )

    def stop():
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)

    request.addfinalizer(stop)
    deadline = time.monotonic() + 30
    while True:
        if proc.poll() is not None:
            pytest.fail(f"radicale exited {proc.returncode}:\n{log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                pytest.fail(f"radicale did not listen on {port} within 30 s:\n{log.read_text()}")
            time.sleep(0.1)
    server = Server(port, log)
    status, body = server.request("MKCOL", "/govcal/")
    assert status == 201, f"MKCOL /govcal/: {status} {body}"
    return server


MKCALENDAR = """<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:set><D:prop><D:displayname>{name}</D:displayname></D:prop></D:set>
</C:mkcalendar>
"""

CALENDAR_QUERY = """<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"/></C:comp-filter></C:filter>
</C:calendar-query>
"""


def resources(text: str) -> dict[str, str]:
    """One calendar object per event, as a CalDAV client stores it: the
    VEVENT as govcal wrote it, with the VTIMEZONEs it refers to, and no
    METHOD (RFC 4791 § 4.1)."""
    prodid = prop(text, "PRODID")
    zones = {prop(z, "TZID"): z for z in top_components(text, "VTIMEZONE")}
    out = {}
    for ev in top_components(text, "VEVENT"):
        used = sorted(set(re.findall(r";TZID=([^:;]+)", unfold(ev))))
        out[prop(ev, "UID")] = (
            f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:{prodid}\r\n"
            + "".join(zones[z] for z in used)
            + ev
            + "END:VCALENDAR\r\n"
        )
    return out


def essentials(ev) -> dict:
    """What a round trip must keep, as icalendar decodes it."""
    def decoded(name):
        p = ev.get(name)
        return None if p is None else (p.dt, p.params.get("TZID"), p.params.get("VALUE"))

    return {
        "DTSTART": decoded("DTSTART"),
        "DTEND": decoded("DTEND"),
        "SUMMARY": str(ev.get("SUMMARY")),
        "DESCRIPTION": str(ev.get("DESCRIPTION")),
        "TRIGGER": sorted(
            (a["TRIGGER"].dt, a["TRIGGER"].params.get("RELATED", "START"))
            for a in ev.subcomponents if a.name == "VALARM"
        ),
    }


@pytest.mark.parametrize("name", EXAMPLES)
def test_radicale_stores_and_returns_every_event(exports, radicale, name):
    e = exports[name]
    collection = f"/govcal/{name}/"
    status, body = radicale.request(
        "MKCALENDAR", collection, MKCALENDAR.format(name=name),
        {"Content-Type": "application/xml; charset=utf-8"},
    )
    assert status == 201, f"MKCALENDAR {collection}: {status} {body}"
    objects = resources(e.text)
    for uid, obj in objects.items():
        path = collection + urllib.parse.quote(uid, safe="") + ".ics"
        status, body = radicale.request(
            "PUT", path, obj, {"Content-Type": "text/calendar; charset=utf-8", "If-None-Match": "*"}
        )
        assert status == 201, f"PUT {path}: {status} {body}\n{obj}"

    status, body = radicale.request(
        "REPORT", collection, CALENDAR_QUERY,
        {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"},
    )
    assert status == 207, f"REPORT {collection}: {status} {body}"
    ns = {"D": "DAV:", "C": "urn:ietf:params:xml:ns:caldav"}
    returned = {}
    for r in ET.fromstring(body).findall("D:response", ns):
        data = r.find(".//C:calendar-data", ns)
        assert data is not None and data.text, f"no calendar-data for {r.findtext('D:href', None, ns)}"
        for ev in icalendar.Calendar.from_ical(data.text).walk("VEVENT"):
            assert str(ev["UID"]) not in returned, f"{ev['UID']} returned twice"
            returned[str(ev["UID"])] = ev

    original = {str(ev["UID"]): ev for ev in icalendar.Calendar.from_ical(e.text).walk("VEVENT")}
    assert sorted(returned) == sorted(original)
    problems = []
    for uid, ev in original.items():
        want, got = essentials(ev), essentials(returned[uid])
        problems += [f"{uid} {k}: stored {want[k]!r}, returned {got[k]!r}" for k in want if want[k] != got[k]]
    assert not problems, "\n".join(problems)
    # And what came back still says what the JSON says.
    check_decoded(f"{name} back from Radicale", [from_icalendar(ev) for ev in returned.values()], e.by_uid)


# --------------------------------------------------------------------------
# d. libical (Evolution) and ical.js (Thunderbird)


def tool(env: str) -> str:
    """A tool that run.sh installs and names in an environment variable."""
    path = os.environ.get(env)
    if not path:
        pytest.skip(f"${env} is not set: run tests/interop/run.sh, which installs the tool")
    return path


def libical(path: Path) -> tuple[int, list[str], list[list[str]]]:
    """libical's verdict on a file: exit code, the errors it reports
    (X-LIC-ERROR, restriction checks included) and each event as
    [uid, start, end, summary] (tests/interop/tools/libical_validate.c)."""
    out = subprocess.run(
        [tool("GOVCAL_LIBICAL_VALIDATE"), str(path)], capture_output=True, text=True, timeout=60
    )
    assert out.returncode in (0, 1), f"libical validator exited {out.returncode}: {out.stderr}"
    errors, _, events = out.stdout.partition("--\n")
    return out.returncode, errors.splitlines(), [line.split("\t") for line in events.splitlines()]


@pytest.mark.parametrize("name", EXAMPLES)
def test_libical_reports_no_error_and_reads_every_event(exports, name):
    e = exports[name]
    code, errors, events = libical(e.ics)
    assert code == 0 and not errors, f"libical on {e.ics.name}:\n  " + "\n  ".join(errors)
    by_uid = e.by_uid
    assert sorted(ev[0] for ev in events) == sorted(by_uid)
    problems = []
    for uid, start, end, summary in events:
        exp = by_uid[uid]
        if exp.local is None:
            want = (f"{exp.date:%Y%m%d}", f"{exp.date + dt.timedelta(days=1):%Y%m%d}")
        else:
            at = int(exp.utc.timestamp())
            want = (str(at), str(at + 60))
        if (start, end) != want:
            problems.append(f"{uid}: start, end {(start, end)}, expected {want}")
        if summary != exp.summary:
            problems.append(f"{uid}: SUMMARY {summary!r}, expected {exp.summary!r}")
    assert not problems, f"{e.ics.name} read by libical:\n  " + "\n  ".join(problems)


def test_libical_rejects_method_publish_without_organizer(exports, tmp_path):
    """Why govcal writes no METHOD (#21): with METHOD:PUBLISH, RFC 5546
    wants an ORGANIZER in every event, and libical reports an event
    without one; govcal has no organizer to name."""
    e = exports["hemacare-2004"]
    raw = e.ics.read_bytes()
    assert re.search(rb"^METHOD[:;]", raw, re.M) is None, "govcal wrote a METHOD"
    head = b"PRODID:-//govcal//govcal//EN\r\n"
    assert head in raw
    with_method = tmp_path / "with-method.ics"
    with_method.write_bytes(raw.replace(head, head + b"METHOD:PUBLISH\r\n", 1))
    code, errors, _ = libical(with_method)
    # libical stops at the first event that fails the check.
    assert code == 1, errors
    assert any("ORGANIZER" in x for x in errors), errors


def icaljs(path: Path) -> list[dict]:
    """Each event as ical.js decodes it (tests/interop/tools/icaljs_read.mjs)."""
    modules = tool("GOVCAL_ICALJS_MODULES")
    out = subprocess.run(
        ["node", str(ROOT / "tests/interop/tools/icaljs_read.mjs"), str(path)],
        capture_output=True, text=True, timeout=60, env={**os.environ, "NODE_PATH": modules},
    )
    assert out.returncode == 0, f"ical.js on {path.name}: {out.stderr}"
    return json.loads(out.stdout)


@pytest.mark.parametrize("name", EXAMPLES)
def test_icaljs_reads_every_event(exports, name):
    e = exports[name]
    events = icaljs(e.ics)
    by_uid = e.by_uid
    assert sorted(ev["uid"] for ev in events) == sorted(by_uid)
    triggers = sorted(int(t.total_seconds()) for t in EXPECTED_TRIGGERS)
    problems = []
    for ev in events:
        exp, uid = by_uid[ev["uid"]], ev["uid"]
        start, end = ev["start"], ev["end"]
        if not ev["has_dtend"]:
            problems.append(f"{uid}: no DTEND")
        if exp.local is None:
            want = [(True, exp.date.isoformat()), (True, (exp.date + dt.timedelta(days=1)).isoformat())]
            got = [(start["date"], start["wall"]), (end["date"], end["wall"])]
        else:
            at = int(exp.utc.timestamp())
            want = [
                (False, exp.local.isoformat(), exp.zone, at),
                (False, (exp.local + dt.timedelta(minutes=1)).isoformat(), exp.zone, at + 60),
            ]
            got = [(t["date"], t["wall"], t["zone"], t["utc"]) for t in (start, end)]
        if got != want:
            problems.append(f"{uid}: start, end {got}, expected {want}")
        if ev["summary"] != exp.summary:
            problems.append(f"{uid}: SUMMARY {ev['summary']!r}, expected {exp.summary!r}")
        if exp.citation not in ev["description"]:
            problems.append(f"{uid}: DESCRIPTION lacks {exp.citation!r}")
        if sorted(ev["triggers"]) != triggers:
            problems.append(f"{uid}: TRIGGERs {ev['triggers']}, expected {triggers}")
    assert not problems, f"{e.ics.name} read by ical.js:\n  " + "\n  ".join(problems)
