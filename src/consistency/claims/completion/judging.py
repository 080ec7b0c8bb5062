"""The checks of completion and comparison claims, by form."""

from __future__ import annotations

import functools
from fractions import Fraction

from ...claim import Claim
from ...intervals import IndeterminateDivision, Interval, RoundingMode
from ...quantities import Quantity
from ...verdicts import Outcome, RoundingPolicy, Verdict
from .._match import figure_interval, fmt_interval, judge
from .._stepwise import in_steps
from ..binding import Alternative, first_reproducing
from .comparisons import check_comparison

__all__ = ["check"]

_ONE = Fraction(1)


def check(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Judge a completion or comparison claim with exact interval arithmetic."""
    form = claim.details["form"]
    if form == "comparison":
        return check_comparison(claim)
    if form == "over":
        iv = figure_interval(claim.stated)
        if iv is None or iv.high > _ONE:
            return Outcome(Verdict.CONSISTENT, computed=iv)
        return Outcome(Verdict.INCONSISTENT, code="C603", computed=iv)
    if form == "shared":
        return _check_shared(claim)
    if form == "parts":
        return _check_parts(claim)
    amount, other, *others = claim.parts
    sign = claim.details.get("sign", "1")
    goal = claim.details.get("goal") == "1"
    j = judge(lambda mode: _rate(form, sign, amount, other, mode, goal), claim.stated, policy)
    params = {"amount": amount.text, "target": other.text,
              "relation_calc": claim.relation.rsplit(" = ", 1)[0],
              "computed_pct": fmt_interval(j.computed, percent=True) if j.computed else ""}
    params["value"] = params["computed_pct"]
    if j.verdict is Verdict.INCONSISTENT:
        # before an error: the other amounts of the unit before 完成, nearest first
        readings = [
            Alternative(f"{q.text} / {other.text}", functools.partial(_rate, form, sign, q, other, goal=goal))
            for q in others
        ]
        hit = first_reproducing(claim.stated, readings, policy)
        if hit is not None:
            reading, k = hit
            shown = fmt_interval(k.computed, percent=True) if k.computed else ""
            params = {**params, "reading": reading.label, "value": shown, "computed_pct": shown}
            return Outcome(Verdict.CONSISTENT, computed=k.computed, mode=k.mode, params=params)
        code = "C604" if form == "excess" else "C601"
        failed = Outcome(j.verdict, code=code, computed=j.computed, params=params)
        # a rate reached only by rounding in steps is the warning C608, as truncation is
        return in_steps(failed, claim.stated, j.computed, "C608") if form == "target" else failed
    if j.verdict is Verdict.CONDITIONAL:
        return Outcome(j.verdict, code="C602", computed=j.computed, mode=j.mode, params=params)
    return Outcome(j.verdict, computed=j.computed, mode=j.mode, params=params)


def _rate(
    form: str, sign: str, amount: Quantity, other: Quantity, mode: RoundingMode, goal: bool = False
) -> Interval | None:
    """The completion rate ``amount`` gives over its target: ``other`` itself, or for an
    excess (``sign`` "1") or a shortfall the amount less or plus ``other``. A ``goal``
    (年度目标1.2万人) is the figure as decided: exact, not the rounding of a measurement."""
    a = figure_interval(amount, mode)
    b = Interval.exact(Fraction(other.value)) if goal else figure_interval(other, mode)
    if a is None or b is None:
        return None
    if form == "excess":
        b = a - b if sign == "1" else a + b
    try:
        return a / b
    except IndeterminateDivision:
        return None


def _check_shared(claim: Claim) -> Outcome:
    a1, r1, a2 = claim.parts
    r2 = claim.stated
    ivs = [figure_interval(q) for q in (a1, r1, a2, r2)]
    if any(iv is None for iv in ivs):
        return Outcome(Verdict.UNDECIDABLE)
    try:
        t1 = ivs[0] / ivs[1]  # type: ignore[operator]
        t2 = ivs[2] / ivs[3]  # type: ignore[operator]
    except IndeterminateDivision:
        return Outcome(Verdict.UNDECIDABLE)
    if t1.intersects(t2):
        return Outcome(Verdict.CONSISTENT, computed=Interval(max(t1.low, t2.low), min(t1.high, t2.high)))
    # two different targets are possible: nothing the text says is contradicted, but the
    # author may want to know the two rates do not share one
    params = {"first": f"{a1.text} / {r1.text}", "second": f"{a2.text} / {r2.text}",
              "value": f"{fmt_interval(t1)} ≠ {fmt_interval(t2)}"}
    if claim.details.get("same"):  # consistent only if the two have different targets
        return Outcome(Verdict.CONDITIONAL, code="C605", computed=t2, params=params)
    return Outcome(Verdict.UNDECIDABLE, code="C607", computed=t2, params=params)


def _check_parts(claim: Claim) -> Outcome:
    """The target the total's rate implies against the sum of the parts' targets."""
    a0, *rest = claim.parts
    try:
        whole = _target(a0, claim.stated)
        targets = [_target(a, r) for a, r in zip(rest[::2], rest[1::2], strict=True)]
    except IndeterminateDivision:
        return Outcome(Verdict.UNDECIDABLE)
    if whole is None or any(t is None for t in targets):
        return Outcome(Verdict.UNDECIDABLE)
    summed = sum(targets[1:], targets[0])  # type: ignore[arg-type]
    params = {"value": f"{fmt_interval(whole)} / {fmt_interval(summed)}",
              "whole": fmt_interval(whole), "summed": fmt_interval(summed)}
    if whole.intersects(summed):
        return Outcome(Verdict.CONSISTENT, computed=summed, params=params)
    return Outcome(Verdict.INCONSISTENT, code="C606", computed=summed, params=params)


def _target(amount: Quantity, rate: Quantity) -> Interval | None:
    a, r = figure_interval(amount), figure_interval(rate)
    return None if a is None or r is None else a / r
