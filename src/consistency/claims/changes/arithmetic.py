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
from .._match import RoundedInput, decide_printed_first, fmt_interval, fmt_like, stated_allows

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
