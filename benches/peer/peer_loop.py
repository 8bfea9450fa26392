#!/usr/bin/env python3
"""Peer benchmark for govcal: five core deadlines in a plain Python loop.

Reads a portfolio CSV (the columns `govcal synth-portfolio` writes), computes
the rules below one company at a time with `csv`, `datetime` and the
`holidays` package, and writes one CSV row per known date:

    company,rule,bound,date

Rule ids and bound names are govcal's, so the output joins with
`govcal batch` output on (company, rule, bound); see compare.py.

    shareholder_proposal_deadline  Rule 14a-8(e)(2)          closes
    dissident_nominee_notice       Rule 14a-19(b)(1), rolled  closes
    voting_results_8k              Form 8-K Item 5.07         closes
    record_date                    8 Del. C. § 213(a)         opens, closes
    shareholder_notice             the advance-notice bylaw templates
                                   anniversary_window (opens, closes) and
                                   meeting_anchored (closes)

A rule whose answer depends on a date the row does not give (no meeting
yet, no announcement where the fallback needs one) gets no row, and so does
a rule that gives no date at all (Rule 14a-8(e)(2) when the meeting moved).
peer_pandas.py computes the same rules with vectorised pandas and numpy.

    python3 peer_loop.py portfolio.csv -o peer_loop.csv
"""

import argparse
import csv
import sys
from datetime import date, timedelta

import holidays

DAY = timedelta(days=1)

# When the two newer rules begin to apply, by the meeting's date.
UNIVERSAL_PROXY_AFTER = date(2022, 8, 31)  # Rule 14a-19: meetings after this
ITEM_507_FROM = date(2010, 2, 28)  # Form 8-K Item 5.07: meetings on or after

ANNIVERSARY_WINDOW = "anniversary_window"
MEETING_ANCHORED = "meeting_anchored"


class FederalCalendar:
    """Business days: Monday to Friday, less the days federal offices (and so
    the SEC) are closed, which are the legal public holidays of 5 U.S.C. 6103
    moved off weekends and the whole days closed by executive order: the
    `government` category of the `holidays` package. Its half-day closings
    stay business days. Years are loaded as they are first asked for.
    """

    def __init__(self):
        self._closed = set()
        self._ready = set()  # years whose closed days are all in _closed

    def is_business_day(self, day):
        if day.weekday() >= 5:
            return False
        if day.year not in self._ready:
            self._load(day.year)
        return day not in self._closed

    def _load(self, year):
        # A holiday can be observed in the neighbouring year (1 January on
        # a Saturday closes 31 December), so load the years either side too.
        table = holidays.US(years=range(year - 1, year + 2), categories=("government",))
        self._closed.update(day for day, name in table.items() if "half-day" not in name.lower())
        self._ready.add(year)

    def roll_forward(self, day):
        """The day itself if it is a business day, else the next one."""
        while not self.is_business_day(day):
            day += DAY
        return day

    def add_business_days(self, day, n):
        """The n-th business day after `day`, `day` itself not counted."""
        while n > 0:
            day += DAY
            if self.is_business_day(day):
                n -= 1
        return day


def parse_date(text):
    return date.fromisoformat(text) if text else None


def anniversary(day):
    """The same day a year later; 29 February gives 28 February."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return date(day.year + 1, 2, 28)


def template_names(packs):
    """The bylaw templates a `packs` cell names, by built-in name or id."""
    return {name.strip().rsplit("/", 1)[-1] for name in packs.split(";") if name.strip()}


def deadlines(row, calendar):
    """Yields (rule, bound, date) for every date the row's facts settle."""
    meeting = parse_date(row["meeting"])
    if meeting is None:
        return  # every rule here counts from this year's meeting
    prior = parse_date(row["prior_meeting"])
    release = parse_date(row["prior_proxy_release"])
    announced = parse_date(row["announcement"])
    prior_anniversary = anniversary(prior) if prior else None
    # Days by which the meeting comes after (+) or before (-) last year's date.
    moved = (meeting - prior_anniversary).days if prior else None
    near_last_year = prior is not None and abs(moved) <= 30

    # Rule 14a-8(e)(2): 120 days before the anniversary of last year's proxy
    # release; no date (a reasonable time) if there was no meeting last year
    # or this one moved more than 30 days.
    if near_last_year and release:
        yield "shareholder_proposal_deadline", "closes", anniversary(release) - timedelta(days=120)

    # Rule 14a-19(b)(1): 60 days before last year's anniversary, or the later
    # of 60 days before the meeting and 10 days after its announcement; the
    # result moves to the next business day (Instruction 1).
    if meeting > UNIVERSAL_PROXY_AFTER:
        if near_last_year:
            due = prior_anniversary - timedelta(days=60)
        elif announced:
            due = max(meeting - timedelta(days=60), announced + timedelta(days=10))
        else:
            due = None
        if due:
            yield "dissident_nominee_notice", "closes", calendar.roll_forward(due)

    # Form 8-K Item 5.07: four business days after the meeting.
    if meeting >= ITEM_507_FROM:
        yield "voting_results_8k", "closes", calendar.add_business_days(meeting, 4)

    # 8 Del. C. § 213(a): record date 60 to 10 days before the meeting.
    if row["state"].strip().upper() in ("DE", "DELAWARE"):
        yield "record_date", "opens", meeting - timedelta(days=60)
        yield "record_date", "closes", meeting - timedelta(days=10)

    templates = template_names(row["packs"])

    # anniversary_window: 120 to 90 days before last year's anniversary, or,
    # with no meeting last year or one more than 30 days earlier or 60 days
    # later, 120 days before the meeting to the later of 90 days before it
    # and 10 days after the announcement. Never rolled.
    if ANNIVERSARY_WINDOW in templates:
        if prior is not None and -30 <= moved <= 60:
            yield "shareholder_notice", "opens", prior_anniversary - timedelta(days=120)
            yield "shareholder_notice", "closes", prior_anniversary - timedelta(days=90)
        elif announced:
            yield "shareholder_notice", "opens", meeting - timedelta(days=120)
            yield "shareholder_notice", "closes", max(meeting - timedelta(days=90), announced + timedelta(days=10))

    # meeting_anchored: the later of 90 days before the meeting and 7 days
    # after the announcement. Never rolled.
    if MEETING_ANCHORED in templates and announced:
        yield "shareholder_notice", "closes", max(meeting - timedelta(days=90), announced + timedelta(days=7))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("portfolio", help="portfolio CSV (govcal synth-portfolio)")
    parser.add_argument("-o", "--output", required=True, help="CSV file to write")
    args = parser.parse_args()

    calendar = FederalCalendar()
    rows = 0
    with (
        open(args.portfolio, newline="", encoding="utf-8") as src,
        open(args.output, "w", newline="", encoding="utf-8") as dst,
    ):
        out = csv.writer(dst, lineterminator="\n")
        out.writerow(["company", "rule", "bound", "date"])
        for row in csv.DictReader(src):
            company = row["name"]
            for rule, bound, day in deadlines(row, calendar):
                out.writerow([company, rule, bound, day.isoformat()])
                rows += 1
    print(f"peer_loop: {rows} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
