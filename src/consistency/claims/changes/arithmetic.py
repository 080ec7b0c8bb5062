"""The arithmetic of change claims, apart from how they are read.

* :func:`check_change`: the check of every relation a change claim states;
* :func:`level_rate`: the rate a level and its absolute change imply, as an exact interval
  when both are rounded (the change appears twice in d ÷ (level − d), so the ends are taken
  from opposite corners rather than by plain interval arithmetic, which would overstate it);
* :func:`whole_base`: the granularity test applied to a change: a whole count stated with
  its rate against an unstated earlier whole count (``178件,与上月相比上升44.4%``) is
  consistent only if some whole n gives 178 ÷ n − 1 printed as the rate (Brown and
  Heathers' GRIM test, applied to a change instead of a mean).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction

from ...claim import Claim
from ...intervals import Interval, RoundingMode, rounding_preimage
from ...quantities import Quantity
from ...verdicts import Outcome, RoundingPolicy, Verdict
from .._match import (
    RoundedInput,
    decide_printed_first,
    fmt_interval,
    fmt_like,
    fmt_percent,
    stated_allows,
)

__all__ = ["check_change", "decide", "level_rate", "whole_base"]


def whole_base(level: int, stated: Quantity, sign: int, policy: RoundingPolicy) -> Outcome:
    """Is there a whole earlier count n with level ÷ n − 1 printed as ``stated``?"""

    def fitting(mode: RoundingMode) -> int | None:
        hull = rounding_preimage(stated.value, stated.resolution, mode)
        if 1 + sign * hull.low <= 0 or 1 + sign * hull.high <= 0:
            return None
        ends = sorted(Fraction(level) / (1 + sign * r) for r in (hull.low, hull.high))
        low, high = max(1, math.ceil(ends[0])), math.floor(ends[1])
        for n in (*range(low, min(high, low + 8) + 1), high):  # past a few, any n fits
            if n >= low and stated_allows(
                stated, Interval.exact(sign * Fraction(level - n, n)), mode
            ):
                return n
        return None

    for verdict, modes in (
        (Verdict.CONSISTENT, policy.accepted),
        (Verdict.CONDITIONAL, policy.tolerated),
    ):
        for mode in modes:
            n = fitting(mode)
            if n is not None:
                rate = Interval.exact(sign * Fraction(level - n, n))
                code = None if verdict is Verdict.CONSISTENT else "C303"
                return Outcome(
                    verdict,
                    code,
                    rate,
                    mode,
                    {"value": f"n = {n}: {fmt_interval(rate, percent=True)}"},
                )
    near = (
        math.floor(Fraction(level) / (1 + sign * stated.value))
        if 1 + sign * stated.value > 0
        else 0
    )
    shown = [
        f"n = {n}: {fmt_interval(Interval.exact(sign * Fraction(level - n, n)), percent=True)}"
        for n in (near, near + 1)
        if n >= 1
    ]
    return Outcome(Verdict.INCONSISTENT, "C310", None, None, {"value": ", ".join(shown)})


def annual_rate(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """An average annual rate over ``years`` between a figure before and one after: the
    stated rate r holds when some value it rounds from gives (1 ± r)^years equal to
    after ÷ before. Exact: the rate's rounding interval is raised to the power (a whole
    number) and met with the quotient's interval, never the other way round (a root is
    irrational); the root is computed only to show the value. Printed figures first, then
    rounded inputs (C302), then truncation (C303); otherwise an error (C301)."""
    years, sign = int(claim.details["years"]), int(claim.details["sign"])
    flags = claim.details["averaged"].split(",")
    before, after = (RoundedInput(q, f == "1") for q, f in zip(claim.parts, flags, strict=True))
    stated = claim.stated
    if stated.approx or stated.low != stated.high:
        return Outcome(Verdict.UNDECIDABLE, "C309", params={"value": "—"})

    def ratio(mode: RoundingMode | None) -> Interval | None:
        if mode is None:
            a, b = after.printed, before.printed
            return None if a is None or b is None or b <= 0 else Interval.exact(a / b)
        a_iv, b_iv = after.allowed(mode), before.allowed(mode)
        if a_iv is None or b_iv is None or b_iv.low <= 0:
            return None
        return a_iv / b_iv

    def holds(r: Interval | None, mode: RoundingMode) -> bool:
        if r is None:
            return False
        p = rounding_preimage(Fraction(stated.value), stated.resolution, mode)
        ends = sorted((1 + sign * p.low, 1 + sign * p.high))
        if ends[1] <= 0:
            return False
        grown = Interval(max(ends[0], Fraction(0)) ** years, ends[1] ** years)
        return r.intersects(grown)

    printed = ratio(None)
    shown = _annual(printed, years, sign) if printed is not None else None
    steps = (
        (Verdict.CONSISTENT, None, policy.accepted, True),
        (Verdict.CONDITIONAL, "C302", policy.accepted, False),
        (Verdict.CONDITIONAL, "C303", policy.tolerated, False),
    )
    for verdict, code, modes, as_printed in steps:
        for mode in modes:
            r = printed if as_printed else ratio(mode)
            if holds(r, mode):
                computed = _annual(r, years, sign) if r is not None else shown
                return Outcome(verdict, code, computed, mode, _annual_params(computed, shown))
    widest = ratio(policy.accepted[0]) if policy.accepted else None
    if shown is None and widest is None:
        return Outcome(Verdict.UNDECIDABLE, "C309", params={"value": "—"})
    computed = shown if shown is not None else _annual(widest, years, sign)
    return Outcome(Verdict.INCONSISTENT, "C301", computed, None, _annual_params(computed, shown))


def _annual(ratio: Interval | None, years: int, sign: int) -> Interval | None:
    """The average annual rate a quotient gives, bracketed to 1e-8 (for display: the
    verdict never reads it)."""
    if ratio is None or ratio.low <= 0:
        return None
    low = _root(ratio.low, years)[0] - 1
    high = _root(ratio.high, years)[1] - 1
    if sign < 0:
        low, high = -high, -low
    return Interval(low, high)


def _root(x: Fraction, n: int, digits: int = 8) -> tuple[Fraction, Fraction]:
    """``x^(1/n)`` bracketed by two fractions ``digits`` decimals apart (integer Newton's
    method on the scaled value: no float, any size)."""
    q = x.numerator * 10 ** (digits * n) // x.denominator
    r = _iroot(q, n)
    return Fraction(r, 10**digits), Fraction(r + 1, 10**digits)


def _iroot(q: int, n: int) -> int:
    """The largest whole r with r^n ≤ q."""
    if q < 2:
        return q
    x = 1 << -(-q.bit_length() // n)
    while True:
        y = ((n - 1) * x + q // x ** (n - 1)) // n
        if y >= x:
            return x
        x = y


def _annual_params(computed: Interval | None, printed: Interval | None) -> dict[str, str]:
    return {"value": _shown(computed), "printed": _shown(printed)}


def _shown(iv: Interval | None) -> str:
    """A bracketed root as one value when its two ends print alike."""
    if iv is None:
        return "—"
    low, high = fmt_percent(iv.low), fmt_percent(iv.high)
    return low if low == high else f"[{low}, {high}]"


def level_rate(level: Interval, delta: Interval, sign: int) -> Interval:
    """The rate a level and its absolute change imply, ``d / (level − d)`` for a rise and
    ``d / (level + d)`` for a fall. Its size grows with ``d`` and falls with the level, so
    the ends come from opposite corners (``d`` appears twice: plain interval arithmetic
    would overstate the range)."""

    def rate(lv: Fraction, d: Fraction) -> Fraction:
        base = lv - sign * d
        if base <= 0:
            raise ZeroDivisionError("the change is larger than the level")
        return d / base

    ends = (rate(level.high, delta.low), rate(level.low, delta.high))
    return Interval(min(ends), max(ends))


def check_change(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Check one change claim read by :mod:`.changes`: printed figures first, then rounded
    inputs, then truncation; a `倍` growth or a `%` change between two rates that fails may
    still fit a looser reading (C308, C306), or stay undecided (C307). (The other
    readings of the claim and rounding in steps are tried by the caller, before an error.)"""
    relation = claim.details["relation_kind"]
    sign = int(claim.details["sign"])
    if relation == "whole-base":
        return whole_base(int(claim.parts[0].value), claim.stated, sign, policy)
    if relation == "annual-rate":
        return annual_rate(claim, policy)
    flags = claim.details["averaged"].split(",")
    a, b = (RoundedInput(q, f == "1") for q, f in zip(claim.parts, flags, strict=True))
    if relation == "level-rate":

        def f(x: Interval, y: Interval) -> Interval:
            return level_rate(x, y, sign)

        codes, percent = ("C301", "C302", "C303", "C309"), True
    elif relation == "based-rate":

        def f(x: Interval, y: Interval) -> Interval:
            return y / x

        codes, percent = ("C301", "C302", "C303", "C309"), True
    elif relation == "amount":

        def f(x: Interval, y: Interval) -> Interval:
            return (y - x) * sign

        codes, percent = ("C304", "C302", "C303", "C309"), False
    elif relation == "points":
        # points of ‰ rates are 千分点: the difference of the rates × 1000
        thousandths = claim.stated.unit in ("千分点", "个千分点")
        scale = Fraction(1000 if thousandths else 100) if b.q.is_percent else Fraction(1)

        def f(x: Interval, y: Interval) -> Interval:
            return (y - x) * scale * sign

        codes, percent = ("C305", "C302", "C303", "C309"), False
    else:

        def f(x: Interval, y: Interval) -> Interval:
            return (y / x - 1) * sign

        codes, percent = ("C301", "C302", "C303", "C309"), True
    outcome = decide(claim.stated, (a, b), f, policy, codes, percent)
    if relation == "amount":
        outcome = _in_stated_terms(outcome, claim.stated, (a, b), f)
    if outcome.verdict is not Verdict.INCONSISTENT:
        return outcome
    if claim.stated.unit == "倍" and relation == "rate":
        # "增长2倍" is often written for "增长到2倍": a fit as a multiple is only a note
        def multiple(x: Interval, y: Interval) -> Interval:
            return y / x

        as_multiple = decide(claim.stated, (a, b), multiple, policy, codes, percent=False)
        if as_multiple.verdict is not Verdict.INCONSISTENT:
            return Outcome(
                Verdict.CONDITIONAL,
                "C308",
                as_multiple.computed,
                as_multiple.mode,
                as_multiple.params,
            )
        return outcome
    if relation != "rate-of-rate":
        return outcome

    # a "%" change between two rates may be a difference in points written loosely
    def points(x: Interval, y: Interval) -> Interval:
        return (y - x) * sign

    as_points = decide(claim.stated, (a, b), points, policy, codes, percent)
    if as_points.verdict is Verdict.INCONSISTENT:
        return Outcome(
            Verdict.UNDECIDABLE,
            "C307",
            outcome.computed,
            params={"value": outcome.params["value"], "points": as_points.params["value"]},
        )
    return Outcome(
        Verdict.CONDITIONAL,
        "C306",
        as_points.computed,
        as_points.mode,
        {"value": as_points.params["value"]},
    )


def _in_stated_terms(
    outcome: Outcome,
    stated: Quantity,
    inputs: tuple[RoundedInput, RoundedInput],
    f: Callable[[Interval, Interval], Interval],
) -> Outcome:
    """``outcome`` with its values written as the stated amount is (``200.05亿元``, not
    ``20005000000``)."""
    params = dict(outcome.params)
    if outcome.computed is not None:
        params["value"] = params["computed"] = fmt_like(outcome.computed, stated)
    printed = [i.printed for i in inputs]
    if all(p is not None for p in printed):
        exact = f(*(Interval.exact(p) for p in printed if p is not None))
        params["printed"] = fmt_like(exact, stated)
    return Outcome(outcome.verdict, outcome.code, outcome.computed, outcome.mode, params)


def decide(
    stated: Quantity,
    inputs: tuple[RoundedInput, ...],
    f: Callable[..., Interval],
    policy: RoundingPolicy,
    codes: tuple[str, str, str, str],
    percent: bool,
) -> Outcome:
    """The outcome of judging ``stated`` against ``f(*inputs)``: printed figures first,
    then rounded inputs, then truncation (see :func:`._match.decide_printed_first`)."""
    return Outcome(*decide_printed_first(stated, inputs, f, policy, codes, percent))
