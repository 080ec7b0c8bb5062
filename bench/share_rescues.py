"""How often the readings tried before a share is called wrong rescue a wrong figure by
chance (``claims/binding/readings.py``: the sum of its list, the base its neighbours
agree on, the nearest figures of its part's family, the whole less another figure).

Shuffled stated figures, as for restatements and changes: for every share claim found
in the given files, the printed percentage is replaced in the text by each other
percentage of the same document printed to the same number of decimals, and the whole
document is checked again, so every reading (and every consensus) is read afresh from
the changed text. Among the shares the claim's own base rejects, it counts how many
another reading makes consistent (a rescue, by chance: the figure put there is wrong).

    PYTHONPATH=src python3 bench/share_rescues.py corpus/ ../shared/corpus-wide --half A

Not a test: the figures go to docs/arithmetic.md.
"""

from __future__ import annotations

import sys

from _paths import files_from_args

from consistency import check_text
from consistency.verdicts import Verdict

#: how many other percentages of a document each share is replaced by, at most
PER_CLAIM = 12


def main(argv: list[str] | None = None) -> int:
    paths = files_from_args(__doc__.splitlines()[0], argv)
    claims = tried = rejected = rescued = 0
    by_reading: dict[str, int] = {}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        report = check_text(text)
        percents = [q for q in report.quantities if q.is_percent and q.low is not None and not q.approx]
        for claim in report.claims:
            if claim.kind != "share" or claim.details.get("over") in ("sum", "list"):
                continue  # a list read by consensus has no base of its own to reject
            claims += 1
            stated = claim.stated
            others = [
                q for q in percents
                if q.start != stated.start and q.decimals == stated.decimals and q.value != stated.value
            ]
            for other in others[:PER_CLAIM]:
                changed = text[: stated.start] + other.text + text[stated.end :]
                found = next(
                    (c for c in check_text(changed).claims if c.kind == "share" and c.stated.start == stated.start),
                    None,
                )
                if found is None or found.outcome is None:
                    continue
                tried += 1
                outcome = found.outcome
                reading = outcome.params.get("reading")
                if outcome.verdict is Verdict.CONSISTENT and reading:
                    rejected += 1
                    rescued += 1
                    key = _kind_of(reading)
                    by_reading[key] = by_reading.get(key, 0) + 1
                    print(f"  {path.name}: {stated.text} → {other.text} holds {reading}")
                elif outcome.verdict is not Verdict.CONSISTENT:
                    rejected += 1
    print(f"share claims with a base of their own: {claims}")
    print(
        f"shuffled stated shares: {tried}; rejected by the claim's own base: {rejected}; "
        f"rescued by another reading: {rescued} ({_rate(rescued, rejected)})"
    )
    for key, n in sorted(by_reading.items(), key=lambda kv: -kv[1]):
        print(f"  rescued {n} by {key}")
    return 0


def _kind_of(reading: str) -> str:
    """The kind of reading a label names, without its figures."""
    if "sum of the listed parts" in reading:
        return "the sum of its list"
    if "neighbouring shares" in reading:
        return "the base its neighbours agree on"
    if "items listed" in reading:
        return "the sum of the items listed before it"
    if " less " in reading:
        return "the whole less another figure"
    return "another figure of the paragraph"


def _rate(n: int, d: int) -> str:
    return f"{n / d:.2%}" if d else "—"


if __name__ == "__main__":
    sys.exit(main())
