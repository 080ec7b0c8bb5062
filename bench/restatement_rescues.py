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

import sys

from _paths import files_from_args

from consistency import check_file
from consistency.claims.binding import first_reproducing
from consistency.claims.restatements import KIND, _adjustments
from consistency.verdicts import RoundingPolicy


def main(argv: list[str] | None = None) -> int:
    paths = files_from_args(__doc__.splitlines()[0], argv)
    policy = RoundingPolicy()
    claims = tried = rescued = 0
    for path in paths:
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
