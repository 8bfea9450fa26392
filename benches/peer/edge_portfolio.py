#!/usr/bin/env python3
"""A random portfolio that reaches the corners the synthetic one does not.

`govcal synth-portfolio` draws spring meetings on Tuesdays to Thursdays in
2025 and 2026. This portfolio, in the same columns, spreads last year's
meeting over 2008-2048 (leap days included), puts this year's meeting on
any weekday, weekend or holiday from 300 to 440 days later (with extra
weight on the 30- and 60-day thresholds of the moved-meeting tests), leaves
out last year's meeting, the prior proxy release, the meeting, the
announcement or the record date at random, and spells Delaware and the
bylaw templates in the other ways govcal accepts. It is for checking that
the peers agree with govcal, not for timing:

    python3 edge_portfolio.py 20000 > edge.csv
    govcal batch edge.csv --today 2026-01-05 --quiet -o edge_govcal.csv
    python3 peer_loop.py edge.csv -o edge_loop.csv
    python3 compare.py edge_loop.csv edge_govcal.csv

govcal refuses a row with neither meeting date (it reports it on stderr and
exits 1); the peers give such a row no dates, so the comparison is not
affected.
"""

import argparse
import csv
import random
import sys
from datetime import date, timedelta

HEADER = "name,state,exchange,zone,packs,prior_meeting,prior_proxy_release,meeting,announcement,record_date"
STATES = ["DE", "DE", "Delaware", "de", "NY", "CA", "NV"]
PACKS = [
    "",
    "bylaws/templates/anniversary_window",
    "anniversary_window",
    "bylaws/templates/anniversary_window;bylaws/templates/proxy_access",
    "bylaws/templates/meeting_anchored",
    "bylaws/templates/meeting_anchored;bylaws/templates/proxy_access",
]
# Days from last year's meeting to this year's: the anniversary is 365 or
# 366 days on, so these sit on either side of the 30- and 60-day limits.
THRESHOLD_GAPS = [334, 335, 336, 364, 365, 366, 395, 396, 397, 425, 426, 427]


def random_day(rng, first, last):
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def company(rng, i):
    leap_year = rng.choice(range(2012, 2049, 4))
    if rng.random() < 0.05:
        prior = date(leap_year, 2, 29)
    else:
        prior = random_day(rng, date(2008, 1, 1), date(2048, 6, 30))
    release = prior - timedelta(days=rng.randrange(0, 80)) if rng.random() < 0.9 else None
    if release and rng.random() < 0.05 and release.year % 4 == 0 and date(release.year, 2, 29) <= prior:
        release = date(release.year, 2, 29)
    meeting = announcement = record = None
    if rng.random() < 0.85:
        gap = rng.choice(THRESHOLD_GAPS) if rng.random() < 0.4 else rng.randrange(300, 441)
        meeting = prior + timedelta(days=gap)
        if rng.random() < 0.75:
            announcement = meeting - timedelta(days=rng.randrange(0, 200))
        if rng.random() < 0.5:
            record = meeting - timedelta(days=rng.randrange(5, 70))
    if rng.random() < 0.1:
        prior = None  # no annual meeting last year
    name = f"Edge {i:06d}, Inc." if i % 7 == 0 else f"Edge {i:06d}"
    cells = [prior, release, meeting, announcement, record]
    return [name, rng.choice(STATES), rng.choice(["NYSE", "Nasdaq"]), "America/New_York", rng.choice(PACKS)] + [
        d.isoformat() if d else "" for d in cells
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of companies")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(HEADER.split(","))
    for i in range(args.n):
        out.writerow(company(rng, i))


if __name__ == "__main__":
    main()
