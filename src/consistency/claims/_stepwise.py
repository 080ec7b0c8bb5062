"""A figure rounded in steps (连续修约): the last reading tried before an error.

GB/T 8170-2008 §3.3 forbids rounding a value in several steps (15.4546 → 15.455 → 15.46
→ 15.5 → 16 where rounding once gives 15). Reports still do it: a budget computes
2047 ÷ 17813 = 11.49%, prints 11.5% in one table and 12% in the text. Such a figure is a
real discrepancy of one unit in its last digit, of the same size and nature as a
truncated one, so it is reported the same way: a warning that names the chain, not an
error (see the rule pages of the ``…-rounded-in-steps`` codes).

:func:`in_steps` turns an inconsistent outcome into that warning when a chain of
half-up roundings reaches the printed figure from the value the figures give.
"""

from __future__ import annotations

from fractions import Fraction

from ..intervals import Interval, RoundingMode, round_to
from ..quantities import Quantity
from ..verdicts import Outcome, Verdict
from ._figures import fmt_like, fmt_number, rounded_twice

__all__ = ["in_steps"]


def in_steps(outcome: Outcome, stated: Quantity, computed: Interval | None, code: str) -> Outcome:
    """``outcome`` unchanged unless it is inconsistent and ``stated`` is reached from
    ``computed`` only by rounding in steps: then the warning ``code``, with the chain
    (``chain``: ``11.4916% → 11.5% → 12%``) and the figure rounded once (``once``)."""
    if outcome.verdict is not Verdict.INCONSISTENT or computed is None:
        return outcome
    chain = rounded_twice(computed, stated)
    if chain is None:
        return outcome
    once = round_to(chain[0], stated.resolution, RoundingMode.HALF_UP)
    params = {
        **outcome.params,
        "chain": " → ".join(_shown(v, stated) for v in chain),
        "once": _shown(once, stated, stated.decimals),
    }
    return Outcome(Verdict.CONDITIONAL, code, outcome.computed, None, params)


def _shown(value: Fraction, like: Quantity, places: int = 4) -> str:
    """``value`` written as ``like`` is (a percentage, an amount in 万元, a bare ratio)."""
    if like.text.endswith("‰"):
        return fmt_number(value * 1000, places) + "‰"
    if like.is_percent:
        return fmt_number(value * 100, places) + "%"
    return fmt_like(Interval.exact(value), like, places)
