// Reads an iCalendar file with Mozilla's ical.js (the parser of Thunderbird)
// and prints, as a JSON list, each VEVENT as ical.js decodes it: UID, SUMMARY,
// DESCRIPTION, start and end (all-day or not, wall time, zone, UTC
// instant) and the alarms' triggers. The VTIMEZONEs of the file are
// registered first, as Thunderbird does with a file's own zones, so a
// time's instant comes from the file's VTIMEZONE, not from a zone
// database. A file ical.js cannot parse exits 1 with its message.
//
//   NODE_PATH=target/interop-node/node_modules node icaljs_read.mjs FILE.ics
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ICAL = require("ical.js");

function time(t) {
  if (!t) return null;
  return {
    date: t.isDate,
    wall: t.toString(),
    zone: t.isDate ? null : t.zone ? t.zone.tzid : null,
    utc: t.isDate ? null : t.toUnixTime(),
  };
}

const text = readFileSync(process.argv[2], "utf8");
let root;
try {
  root = new ICAL.Component(ICAL.parse(text));
} catch (e) {
  console.error(`ical.js cannot parse ${process.argv[2]}: ${e.message}`);
  process.exit(1);
}
for (const vtz of root.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(vtz);
}
const events = root.getAllSubcomponents("vevent").map((c) => {
  const ev = new ICAL.Event(c);
  return {
    uid: ev.uid,
    summary: ev.summary,
    description: ev.description,
    has_dtend: c.hasProperty("dtend"),
    start: time(ev.startDate),
    end: time(ev.endDate),
    status: c.getFirstPropertyValue("status"),
    triggers: c.getAllSubcomponents("valarm").map((a) => a.getFirstPropertyValue("trigger").toSeconds()),
  };
});
process.stdout.write(JSON.stringify(events, null, 1) + "\n");
