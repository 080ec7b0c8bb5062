"""How often the readings tried before an error rescue a wrong figure by chance, for
changes, completion, ratios and identities.

Before a change rate, a completion rate, a ratio or an identity is called inconsistent,
the check tries other readings (the level listed before, a level of the earlier period as
the base, another amount before 完成, a ratio written base first) and, last, rounding in
steps (a warning instead of an error).
A search like this could rescue a wrong figure by chance. This measures it, in the
manner of the shuffled-figure method of ``bench/restatement_rescues.py``:

* **shuffled stated figures**: for every claim of these kinds found in the given files,
  the stated figure is replaced by each other figure of its unit and precision in the
  same document; among those the claim's own reading rejects, it counts how many another
  reading makes consistent (a rescue), and how many rounding in steps turns into a
  warning;
* **shuffled levels**: for every level-and-rate claim (``完成X,同比增长r%,增加d``), each
  other figure of the level's unit in the same document is taken as the level the
  changes might be of (what the reading "the level listed before" does with one such
  figure), and it counts how often that reproduces the stated rate: the chance that an
  unrelated level fits.

    PYTHONPATH=src python3 bench/change_rescues.py corpus/ ../shared/corpus-wide --half A

Not a test: the figures go to docs/arithmetic.md.
"""

from __future__ import annotations

import sys
from dataclasses import replace

from _paths import files_from_args

from consistency import check_file
from consistency.claims import changes, completion, identities, ratios
from consistency.claims.binding import first_reproducing
from consistency.claims.changes.alternatives import as_level
from consistency.verdicts import RoundingPolicy, Verdict

KINDS = {m.KIND: m for m in (changes, completion, identities, ratios)}
STEPS = ("C311", "C608", "C725")


def main(argv: list[str] | None = None) -> int:
    paths = files_from_args(__doc__.splitlines()[0], argv)
    policy = RoundingPolicy()
    claims = tried = rejected = rescued = stepped = 0
    levels = level_tries = level_fits = 0
    for path in paths:
        report = check_file(path)
        for claim in report.claims:
            kind = KINDS.get(claim.kind)
            if kind is None or not claim.parts:
                continue
            claims += 1
            used = {claim.stated.start, *(q.start for q in claim.parts)}
            for other in report.quantities:
                if (
                    other.start in used
                    or other.unit != claim.stated.unit
                    or other.resolution != claim.stated.resolution
                    or other.low is None
                    or other.approx
                ):
                    continue
                tried += 1
                outcome = kind.check(replace(claim, stated=other), policy)
                if outcome.verdict is Verdict.CONSISTENT and "reading" in outcome.params:
                    rejected += 1
                    rescued += 1
                elif outcome.code in STEPS:
                    rejected += 1
                    stepped += 1
                elif outcome.verdict is Verdict.INCONSISTENT:
                    rejected += 1
            if claim.kind == changes.KIND and claim.details.get("relation_kind") == "level-rate":
                levels += 1
                level, change = claim.parts[0], claim.parts[1]
                sign = int(claim.details["sign"])
                for other in report.quantities:
                    if other.start in used or other.unit != level.unit or other.low is None:
                        continue
                    level_tries += 1
                    if first_reproducing(claim.stated, [as_level(other, change, sign)], policy):
                        level_fits += 1
    print(f"claims of changes, completion, ratios and identities with figures: {claims}")
    print(
        f"shuffled stated figures: {tried}; rejected by the claim's own reading: {rejected}; "
        f"rescued by another reading: {rescued} ({_rate(rescued, rejected)}); "
        f"turned into rounding in steps: {stepped} ({_rate(stepped, rejected)})"
    )
    print(
        f"level-and-rate claims: {levels}; other figures of the level's unit tried as the "
        f"level: {level_tries}; fitting the stated rate: {level_fits} "
        f"({_rate(level_fits, level_tries)})"
    )
    return 0


def _rate(n: int, d: int) -> str:
    return f"{n / d:.2%}" if d else "—"


if __name__ == "__main__":
    sys.exit(main())
