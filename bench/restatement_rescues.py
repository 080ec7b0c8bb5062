"""How often the adjustment reading of a restated figure rescues a figure by chance.

Before a restatement is called inconsistent, the check tries the first statement adjusted
by a figure of the same unit stated just before the second (``…解决历史陈欠613亿元。全国
财政收入为38730.62亿元`` after ``39343.62亿元``). This measures how often that reading
would rescue an unrelated figure: for every restatement claim the checker finds in the
given files, the restated figure is replaced by each other figure of the same unit in the
same document (a shuffled restatement), and the reading is tried on it.

    PYTHONPATH=src python3 bench/restatement_rescues.py corpus/ ../shared/corpus-wide --half A

Prints the claims tried, the shuffled figures tried, and how many the reading rescued.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from consistency import check_file
from consistency.claims.binding import first_reproducing
from consistency.claims.restatements import KIND, _adjustments
from consistency.verdicts import RoundingPolicy


def _files(paths: list[str], half: str) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        found = sorted(p.rglob("*.txt")) if p.is_dir() else [p]
        if "corpus-wide" in str(p):
            parity = 1 if half == "A" else 0
            found = [f for f in found if f.name[:3].isdigit() and int(f.name[:3]) % 2 == parity]
        out.extend(found)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--half", choices=("A",), default="A", help="the wide corpus half read")
    args = parser.parse_args(argv)
    policy = RoundingPolicy()
    claims = tried = rescued = 0
    for path in _files(args.paths, args.half):
        report = check_file(path)
        for claim in report.claims:
            if claim.kind != KIND or claim.details.get("form") != "restated":
                continue
            earlier, *between = claim.parts
            if not between:
                continue
            claims += 1
            used = {claim.stated.start, earlier.start, *(q.start for q in between)}
            for other in report.quantities:
                if other.start in used or other.unit != claim.stated.unit or other.low is None:
                    continue
                tried += 1
                if first_reproducing(other, _adjustments(earlier, between), policy) is not None:
                    rescued += 1
    rate = rescued / tried if tried else 0.0
    print(f"restatement claims with an adjustment to try: {claims}")
    print(f"shuffled figures tried: {tried}; rescued by an adjustment: {rescued} ({rate:.2%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
