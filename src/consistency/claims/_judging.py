"""Claims computed from other stated figures, judged from the printed figures first.

Part of the shared matching helper (re-exported by :mod:`._match`). A claim computed from
other stated figures (a change rate from a before and an after, a ratio from two counts)
is judged in three steps: from the figures as printed; then with the inputs widened to
every value that prints as them (a fit there is a note, not a pass: readers recomputing
from the page get another number); then under the tolerated rounding modes (a warning).
Only when all fail is the claim inconsistent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..intervals import Interval, RoundingMode, rounding_preimage
from ..quantities import Quantity
from ..verdicts import RoundingPolicy, Verdict
from ._figures import figure_interval, fmt_interval, is_whole_count, judge

__all__ = ["RoundedInput", "decide_printed_first"]


@dataclass(frozen=True, slots=True)
class RoundedInput:
    """A figure a claim computes from; ``averaged`` marks an average (``平均…24天``), so
    that even a whole count in it is a rounded value."""

    q: Quantity
    averaged: bool = False

    @property
    def printed(self) -> Fraction | None:
        """The value as printed, or None when only a range is stated (余, 约, 以上)."""
        q = self.q
        if q.approx or q.low is None or q.high is None or q.low != q.high:
            return None
        return Fraction(q.value)

    def allowed(self, mode: RoundingMode) -> Interval | None:
        """Every true value this figure may stand for, rounded under ``mode``."""
        q = self.q
        if self.averaged and is_whole_count(q):
            return rounding_preimage(Fraction(q.value), q.resolution, mode)
        return figure_interval(q, mode)


def decide_printed_first(
    stated: Quantity,
    inputs: Sequence[RoundedInput],
    f: Callable[..., Interval],
    policy: RoundingPolicy,
    codes: tuple[str, str, str, str],
    percent: bool,
) -> tuple[Verdict, str | None, Interval | None, RoundingMode | None, dict[str, str]]:
    """Judge ``stated`` against ``f(*inputs)`` in the three steps above.

    ``codes`` are (error, rounded-inputs note, truncation warning, undecidable); the
    result is (verdict, code, computed, mode, params) with ``params["value"]`` the value
    or interval that decided and ``params["printed"]`` the value of the printed figures.
    """
    error, note, warning, undecidable = codes
    exact: Interval | None = None
    try:
        printed = [i.printed for i in inputs]
        if all(v is not None for v in printed):
            exact = f(*(Interval.exact(v) for v in printed if v is not None))
            fixed = exact
            j = judge(lambda _m: fixed, stated, RoundingPolicy(policy.accepted, ()))
            if j.verdict is Verdict.CONSISTENT:
                return Verdict.CONSISTENT, None, exact, j.mode, _shown(exact, exact, percent)
        j = judge(lambda m: _widened(f, inputs, m), stated, policy)
    except ArithmeticError:  # a zero base, or a change as large as its level
        return Verdict.UNDECIDABLE, undecidable, exact, None, _shown(exact, exact, percent)
    if j.verdict is Verdict.UNDECIDABLE:
        return Verdict.UNDECIDABLE, undecidable, exact, None, _shown(exact, exact, percent)
    if j.verdict is Verdict.INCONSISTENT:
        shown = exact if exact is not None else j.computed
        return Verdict.INCONSISTENT, error, shown, None, _shown(shown, exact, percent)
    code = note if j.verdict is Verdict.CONSISTENT else warning
    return Verdict.CONDITIONAL, code, j.computed, j.mode, _shown(j.computed, exact, percent)


def _widened(
    f: Callable[..., Interval], inputs: Sequence[RoundedInput], mode: RoundingMode
) -> Interval | None:
    allowed = [i.allowed(mode) for i in inputs]
    if any(a is None for a in allowed):
        return None
    return f(*allowed)


def _shown(iv: Interval | None, printed: Interval | None, percent: bool) -> dict[str, str]:
    return {
        "value": fmt_interval(iv, percent=percent) if iv is not None else "—",
        "printed": fmt_interval(printed, percent=percent) if printed is not None else "—",
    }
