"""The other readings of a change claim a careful reviewer accepts, tried before an error.

A change claim is read one way first (the changes belong to the level just before them,
the level is this period's). Before it is called inconsistent, the readings here are
tried, each only where the text leaves room for it:

* **the level listed before**: ``受理案件1,258件,结案1,198件,比上年增加156件,增长14.2%`` —
  the changes may close a list of levels and be of the first one (156 ÷ 1102 = 14.2%);
* **the level as the earlier figure**: ``受理案件1,200件,今年增加150件,增长12.5%`` — a level
  whose own words name the earlier period (上年), or whose change is said of this period
  (今年, 本年) as if the level were not, may be the base of the rate (150 ÷ 1200) rather
  than the level the change led to.

A reading that reproduces the stated figure under an accepted rounding makes the claim
consistent under that reading, and the claim says which (its ``reading`` is the formula
that held: ``156件 ÷ (1,258件 − 156件)``); truncation never rescues. How
often such a search rescues a wrong figure by chance is measured by
``bench/change_rescues.py`` (docs/arithmetic.md).
"""

from __future__ import annotations

from ...claim import Claim
from ...intervals import Interval, RoundingMode
from ...quantities import Quantity
from .._match import RoundedInput
from ..binding import Alternative
from .arithmetic import level_rate

__all__ = ["EARLIER_LEVEL", "RIVAL", "alternatives", "as_level"]

#: the details keys that open a reading: the rival level's text, the dated level's mark
RIVAL, EARLIER_LEVEL = "rival", "earlier_level"


def as_level(level: Quantity, change: Quantity, sign: int) -> Alternative:
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

    op = "−" if sign > 0 else "+"
    return Alternative(f"{change.text} ÷ ({level.text} {op} {change.text})", compute)


def alternatives(claim: Claim) -> list[Alternative]:
    """The other readings the text leaves room for, nearest first (none for most claims)."""
    if claim.details.get("relation_kind") != "level-rate":
        return []
    level, change = claim.parts[0], claim.parts[1]
    sign = int(claim.details["sign"])
    d = RoundedInput(change)
    out: list[Alternative] = []
    if RIVAL in claim.details:
        out.append(as_level(claim.parts[2], change, sign))
    if EARLIER_LEVEL in claim.details:
        base = RoundedInput(level)

        def over_level(mode: RoundingMode) -> Interval | None:
            lv, dv = base.allowed(mode), d.allowed(mode)
            if lv is None or dv is None or lv.low <= 0:
                return None
            return dv / lv

        out.append(Alternative(f"{change.text} ÷ {level.text}", over_level))
    return out
