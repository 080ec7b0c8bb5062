"""What a stated figure allows, and how a computed interval is judged against it.

Part of the shared matching helper (re-exported by :mod:`._match`):

* :func:`family`: which family a unit belongs to (every counted classifier is ``count``);
* :func:`figure_interval`: the true values a stated figure allows under a rounding mode
  (exact for a whole count, half a resolution either side for a rounded decimal, one
  step above for truncation, the bounds of 余);
* :func:`judge`: accepted rounding modes first (consistent), then tolerated ones
  (consistent only if: a warning), else inconsistent;
* ``fmt_*``: exact values shown in messages without float noise (the formatters live
  in :mod:`consistency.display`, shared with the findings; re-exported here).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction

from ..display import fmt_interval, fmt_like, fmt_number, fmt_percent
from ..errors import DataFileError
from ..intervals import Interval, RoundingMode, could_round_to, round_to, rounding_preimage
from ..lexicon import read_data
from ..quantities import Quantity
from ..verdicts import Outcome, RoundingPolicy, Verdict
from ._kept import Kept

__all__ = [
    "Judgement",
    "countable",
    "decided",
    "family",
    "figure_interval",
    "fmt_figure",
    "fmt_interval",
    "fmt_like",
    "fmt_number",
    "fmt_percent",
    "is_whole_count",
    "judge",
    "rounded_twice",
    "stated_allows",
    "sum_interval",
]


# ---------------------------------------------------------------- unit families


@functools.cache
def _counted() -> frozenset[str]:
    path = "data/classifiers.toml"
    counted = read_data("classifiers.toml").get("counted")
    if not isinstance(counted, list):
        raise DataFileError(path, "expected a list of classifiers", key="counted")
    return frozenset(str(w) for w in counted)


def family(q: Quantity) -> str | None:
    """The family of ``q``'s unit: ``count`` for every counted classifier (件 个 项 人 …,
    which add up with each other in a breakdown), ``money`` for amounts in 元,
    ``percent``, ``permille``; any other unit is its own family; None without a unit."""
    return _unit_family(q.unit)


@functools.cache
def _unit_family(unit: str | None) -> str | None:
    """See :func:`family`. Every reading asks it of figures again and again (thousands of
    times a check), of a few dozen units: each unit's answer is kept."""
    if unit is None:
        return None
    if unit == "%":
        return "percent"
    if unit == "‰":
        return "permille"
    if unit in _counted():
        return "count"
    if unit.endswith("元") and "/" not in unit:
        return "money"
    return unit


def countable(q: Quantity) -> bool:
    """Can ``q`` be a whole or a part (a count, an amount, a measure), not a rate?"""
    f = family(q)
    return f is not None and f not in ("percent", "permille")


#: how many answers about figures are kept before starting afresh. They are kept by the
#: figure's identity, not its value: hashing a Quantity hashes its exact fractions, which
#: cost more than most answers
_FIGURES_KEPT = 8192


def is_whole_count(q: Quantity) -> bool:
    """A figure that is exactly what it says: a whole count with no qualifier, written
    with no scale word that rounds it (``633人`` yes, ``2.73万件`` and ``200余件`` no)."""
    # whether it is exact last: that test compares fractions, the others do not
    return (
        family(q) == "count"
        and q.value.denominator == 1
        and q.resolution == 1
        and q.is_exact
    )


# ---------------------------------------------------------------- what a figure allows


def figure_interval(q: Quantity, mode: RoundingMode = RoundingMode.HALF_UP) -> Interval | None:
    """The true values the stated figure ``q`` allows, read under rounding ``mode``.

    * a whole count (``633人``) is exact, and so is a bare zero (``0万元``: none);
    * a rounded figure (``5040.78万元``, ``90.95%``, ``2.73万件``) is the preimage of
      its written value at its resolution: ±half a step for half-up and half-even,
      ``[v, v + step]`` for truncation;
    * a bounded figure (``200余件`` → [200, 300]) is its bounds, also widened by rounding;
    * an approximate figure (``约``) or one open on a side (``以上``, ``近``) gives None:
      nothing exact can be computed from it.
    """
    # half-even allows the same closed hull as half-up (only which ends are open
    # differs): one interval serves both
    mode = _SAME_HULL.get(mode, mode)
    return _INTERVALS[mode].get(id(q), q, lambda: _figure_interval(q, mode))


#: the rounding modes whose preimages have the closed hull of another's
_SAME_HULL = {RoundingMode.HALF_EVEN: RoundingMode.HALF_UP}
_INTERVALS: dict[RoundingMode, Kept[Interval | None]] = {m: Kept(_FIGURES_KEPT) for m in RoundingMode}


def _figure_interval(q: Quantity, mode: RoundingMode) -> Interval | None:
    """See :func:`figure_interval`."""
    if q.approx or q.low is None or q.high is None:
        return None
    if is_whole_count(q) or (q.value == 0 and q.is_exact and q.decimals == 0):
        # a bare zero means none at all, whatever its scale ("0万元" beside 3859.16万元);
        # "0.00万元" is a rounded figure like any other
        return Interval.exact(q.value)
    step = q.resolution if q.resolution > 0 else Fraction(1)
    low = rounding_preimage(q.low, step, mode).low
    high = rounding_preimage(q.high, step, mode).high
    return Interval(low, high)


def sum_interval(
    quantities: Iterable[Quantity], mode: RoundingMode = RoundingMode.HALF_UP
) -> Interval | None:
    """The exact interval of the sum of ``quantities`` (None if one of them allows no interval)."""
    low = high = Fraction(0)
    # most parts are whole counts: their bounds are summed as plain integers, which is
    # exact and several times cheaper than adding fractions, and joined at the end
    whole_low = whole_high = 0
    for q in quantities:
        iv = figure_interval(q, mode)
        if iv is None:
            return None
        a, b = iv.low, iv.high
        if a.denominator == 1 and b.denominator == 1:
            whole_low += a.numerator
            whole_high += b.numerator
        else:
            low += a
            high += b
    return Interval(low + whole_low, high + whole_high)


# ---------------------------------------------------------------- judging


@dataclass(frozen=True, slots=True)
class Judgement:
    """How a stated figure relates to what the text computes.

    ``verdict`` is CONSISTENT (some accepted mode reproduces it), CONDITIONAL (only a
    tolerated mode does, named in ``mode``), INCONSISTENT, or UNDECIDABLE (nothing
    could be computed). ``computed`` is the interval under the mode that decided, or
    under the first accepted mode when none did.
    """

    verdict: Verdict
    computed: Interval | None
    mode: RoundingMode | None


def stated_allows(q: Quantity, computed: Interval, mode: RoundingMode) -> bool:
    """Could the figure ``q`` be what an author printed for a true value in ``computed``,
    rounding under ``mode``?"""
    if q.approx:
        return True
    if is_whole_count(q):
        return q.value in computed
    step = q.resolution if q.resolution > 0 else Fraction(1)
    if q.low is None and q.high is None:
        return True
    if q.low is not None and q.high is not None and q.low == q.high:
        return could_round_to(computed, q.value, step, mode)
    # bounds (余, 以上, 近): the computed value must reach the bounded range, widened by rounding
    low = rounding_preimage(q.low, step, mode).low if q.low is not None else None
    high = rounding_preimage(q.high, step, mode).high if q.high is not None else None
    return (low is None or computed.high >= low) and (high is None or computed.low <= high)


def judge(
    compute: Callable[[RoundingMode], Interval | None],
    stated: Quantity,
    policy: RoundingPolicy,
) -> Judgement:
    """Judge ``stated`` against ``compute(mode)``, the exact interval the other figures
    imply when they too were rounded under ``mode``.

    The accepted modes of ``policy`` are tried first (any one makes the claim
    consistent), then the tolerated ones (the claim holds only if the author used
    that mode: CONDITIONAL). An interval that cannot be computed is UNDECIDABLE.
    """
    first: Interval | None = None
    for verdict, modes in ((Verdict.CONSISTENT, policy.accepted), (Verdict.CONDITIONAL, policy.tolerated)):
        for mode in modes:
            computed = compute(mode)
            if computed is None:
                return Judgement(Verdict.UNDECIDABLE, first, None)
            first = first or computed
            if stated_allows(stated, computed, mode):
                return Judgement(verdict, computed, mode)
    return Judgement(Verdict.INCONSISTENT, first, None)


#: how many digits past the printed ones a chain of roundings is followed
_CHAIN_DIGITS = 4


def rounded_twice(computed: Interval, stated: Quantity) -> tuple[Fraction, ...] | None:
    """The chain of roundings (连续修约) that turns a value of ``computed`` into the
    printed figure when a single rounding does not: ``11.4916%`` rounded to one decimal
    and then to a whole percent gives ``11.5% → 12%``, where rounding once gives 11%.

    GB/T 8170 forbids rounding in steps (不允许连续修约): a figure that holds only so is
    a real discrepancy of one unit in its last digit, like a truncated one. Only half-up
    chains are followed, from at most :data:`_CHAIN_DIGITS` digits past the printed
    ones (the values they reach lie within 5/9 of a step below the figure). Returns the
    chain from the computed value (exact or rounded to the first digit that decides) to
    the figure, or None when no chain reaches it (or one rounding already does).
    """
    if stated.approx or stated.low != stated.high or is_whole_count(stated):
        return None
    step = stated.resolution
    target = Fraction(stated.value)
    if step <= 0:
        return None
    for sign in (1, -1):  # the values below a positive figure, above a negative one
        edge = target - sign * step / 2
        lo, hi = (edge - sign * step / 18, edge) if sign > 0 else (edge, edge + step / 18)
        if computed.high < lo or computed.low > hi:
            continue
        # the value nearest the rounding edge: the likeliest to climb over it in steps
        v = min(computed.high, hi) if sign > 0 else max(computed.low, lo)
        for extra in range(1, _CHAIN_DIGITS + 1):
            chain = [v]
            x = round_to(v, step / 10**extra, RoundingMode.HALF_UP)
            if x != v:
                chain.append(x)
            for k in range(extra - 1, -1, -1):
                x = round_to(x, step / 10**k, RoundingMode.HALF_UP)
                chain.append(x)
            if x == target and round_to(v, step, RoundingMode.HALF_UP) != target:
                return tuple(dict.fromkeys(chain))
    return None


def decided(
    j: Judgement, params: dict[str, str], *, conditional: str, error: str, undecidable: str = "C902"
) -> Outcome:
    """The outcome a judgement gives: consistent, ``conditional`` (a tolerated rounding
    only), ``undecidable`` (an approximate figure: ``params`` gain its reason) or
    ``error``."""
    if j.verdict is Verdict.CONSISTENT:
        return Outcome(Verdict.CONSISTENT, None, j.computed, j.mode, params)
    if j.verdict is Verdict.CONDITIONAL:
        return Outcome(Verdict.CONDITIONAL, conditional, j.computed, j.mode, params)
    if j.verdict is Verdict.UNDECIDABLE:
        return Outcome(Verdict.UNDECIDABLE, undecidable, None, None, {**params, "reason": "approximate figure"})
    return Outcome(Verdict.INCONSISTENT, error, j.computed, None, params)


# ---------------------------------------------------------------- display


def fmt_figure(q: Quantity) -> str:
    """A figure for a relation: a whole count as its number (``1150``), any other figure
    in the terms it is written in (``3,600万元`` → ``3600万元``), never as a long run of
    zeros."""
    return _SHOWN.get(id(q), q, lambda: _fmt_figure(q))


def _fmt_figure(q: Quantity) -> str:
    if is_whole_count(q) or q.is_percent:
        return fmt_number(Fraction(q.value))
    return fmt_like(Interval.exact(Fraction(q.value)), q)


_SHOWN: Kept[str] = Kept(_FIGURES_KEPT)
