#!/usr/bin/env python3
"""Checks a peer script's dates against govcal's on every row they share.

    python3 compare.py peer.csv govcal.csv

`peer.csv` has the columns company,rule,bound,date (peer_loop.py,
peer_pandas.py); `govcal.csv` is `govcal batch` CSV output. Only the rules
the peers implement are looked at in govcal's output (the table below):
the record_date of other states, for instance, is not a peer rule.

Rows are joined on (company, rule, bound) and put in three groups:

* shared: both give a date; the dates must be equal;
* peer only: the peer gives a date and govcal does not (govcal's status
  for the rule is shown: conditional, unspecified, not_applicable or
  absent);
* govcal only: govcal computed a date and the peer wrote none.

The exit status is 1 if any shared date differs or either one-sided group
is not empty, 2 if a file cannot be read as expected, else 0.
"""

import argparse
import csv
import sys
from collections import Counter, defaultdict

# (govcal pack id, rule id) for each rule the peers compute.
PEER_RULES = {
    ("sec_regulation_14a", "shareholder_proposal_deadline"),
    ("sec_regulation_14a", "dissident_nominee_notice"),
    ("sec_filings", "voting_results_8k"),
    ("us_de_dgcl", "record_date"),
    ("anniversary_window", "shareholder_notice"),
    ("meeting_anchored", "shareholder_notice"),
}

EXAMPLES = 10


class InputError(Exception):
    pass


def read_rows(path, required):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}: no column {', '.join(missing)}")
        yield from reader


def read_peer(path):
    dates = {}
    for row in read_rows(path, ("company", "rule", "bound", "date")):
        key = (row["company"], row["rule"], row["bound"])
        if key in dates:
            raise InputError(f"{path}: {key} appears twice")
        dates[key] = row["date"]
    return dates


def read_govcal(path):
    """The computed dates, and each (company, rule)'s statuses, for the peer rules."""
    dates = {}
    statuses = defaultdict(set)
    for row in read_rows(path, ("company", "pack", "rule", "bound", "date", "status")):
        if (row["pack"], row["rule"]) not in PEER_RULES:
            continue
        statuses[(row["company"], row["rule"])].add(row["status"])
        if row["status"] == "computed" and row["date"]:
            key = (row["company"], row["rule"], row["bound"])
            if key in dates:
                raise InputError(f"{path}: {key} appears twice among the peer rules")
            dates[key] = row["date"]
    return dates, statuses


def show(title, items):
    print(f"{title}: {len(items)}")
    for line in items[:EXAMPLES]:
        print(f"  {line}")
    if len(items) > EXAMPLES:
        print(f"  ... and {len(items) - EXAMPLES} more")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("peer", help="peer output: company,rule,bound,date")
    parser.add_argument("govcal", help="govcal batch CSV output")
    args = parser.parse_args()

    try:
        peer = read_peer(args.peer)
        govcal, statuses = read_govcal(args.govcal)
    except (OSError, InputError) as e:
        print(f"compare: {e}", file=sys.stderr)
        return 2

    agree = Counter()
    differ, peer_only, govcal_only = [], [], []
    for key, day in peer.items():
        theirs = govcal.get(key)
        if theirs is None:
            company, rule, bound = key
            status = "/".join(sorted(statuses.get((company, rule), ()))) or "absent"
            peer_only.append(f"{company} {rule} {bound}: peer {day}, govcal {status}")
        elif theirs == day:
            agree[key[1]] += 1
        else:
            differ.append(f"{' '.join(key)}: peer {day}, govcal {theirs}")
    for key, day in govcal.items():
        if key not in peer:
            govcal_only.append(f"{' '.join(key)}: govcal {day}, peer none")

    print(f"compare {args.peer} with {args.govcal}")
    print(f"peer dates: {len(peer)}; govcal computed dates for the peer rules: {len(govcal)}")
    shared = sum(agree.values()) + len(differ)
    print(f"shared: {shared}; equal: {sum(agree.values())}")
    for rule in sorted(agree):
        print(f"  {rule}: {agree[rule]} equal")
    show("different dates", differ)
    show("peer date, no govcal date", peer_only)
    show("govcal date, no peer date", govcal_only)
    ok = not (differ or peer_only or govcal_only)
    print("AGREE" if ok else "DISAGREE")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
