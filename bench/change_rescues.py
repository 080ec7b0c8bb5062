"""How often the readings tried before an error rescue a wrong figure by chance, for
changes, ratios and identities.

Before a change rate, a ratio or an identity is called inconsistent, the check tries
other readings (the level listed before, a level of the earlier period as the base, a
ratio written base first) and, last, rounding in steps (a warning instead of an error).
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

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from consistency import check_file
from consistency.claims import changes, identities, ratios
from consistency.claims._match import RoundedInput
from consistency.claims.binding import Alternative, first_reproducing
from consistency.claims.changes.arithmetic import level_rate
from consistency.intervals import Interval, RoundingMode
from consistency.quantities import Quantity
from consistency.verdicts import RoundingPolicy, Verdict

KINDS = {m.KIND: m for m in (changes, identities, ratios)}
STEPS = ("C311", "C725")


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
    claims = tried = rejected = rescued = stepped = 0
    levels = level_tries = level_fits = 0
    for path in _files(args.paths, args.half):
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
                    if first_reproducing(claim.stated, [_as_level(other, change, sign)], policy):
                        level_fits += 1
    print(f"claims of changes, ratios and identities with figures: {claims}")
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


def _as_level(level: Quantity, change: Quantity, sign: int) -> Alternative:
    """The reading "the changes are of ``level``": change ÷ (level ∓ change)."""
    lv, d = RoundedInput(level), RoundedInput(change)

    def compute(mode: RoundingMode) -> Interval | None:
        a, b = lv.allowed(mode), d.allowed(mode)
        if a is None or b is None:
            return None
        try:
            return level_rate(a, b, sign)
        except ZeroDivisionError:
            return None

    return Alternative(level.text, compute)


def _rate(n: int, d: int) -> str:
    return f"{n / d:.2%}" if d else "—"


if __name__ == "__main__":
    sys.exit(main())
