"""The check of an identity claim: the formula over its terms' figures against the
stated figure, with the stated figure's ratio notations read both ways before an error."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction

from ...claim import Claim
from ...intervals import Interval, RoundingMode
from ...quantities import Quantity
from ...verdicts import Outcome, RoundingPolicy, Verdict
from .._match import RoundedInput, decide_printed_first, fmt_like, fmt_number
from .._stepwise import in_steps
from ..binding import Alternative, first_reproducing
from .table import by_id

__all__ = ["check"]

_CODES = ("C721", "C722", "C723", "C724")


def check(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """The formula over the terms' figures against the stated figure."""
    details = claim.details
    if not claim.parts:
        return Outcome(Verdict.UNDECIDABLE, "C724", params={"value": ""})
    ident = by_id()[details["identity"]]
    expr = ident.formulas[int(details["form"])]
    terms = expr.terms()
    inputs = tuple(RoundedInput(p) for p in claim.parts)

    def f(*ivs: Interval) -> Interval:
        return expr.evaluate(dict(zip(terms, ivs, strict=True)))

    readings = _stated_readings(claim.stated, expr.per)
    if not readings:
        return Outcome(Verdict.UNDECIDABLE, "C724", params={"value": ""})
    stated = readings[0][0]
    verdict, code, computed, mode, params = decide_printed_first(
        stated, inputs, f, policy, _CODES, percent=False
    )
    printed = [i.printed for i in inputs]
    if all(p is not None for p in printed):
        try:
            exact = f(*(Interval.exact(p) for p in printed if p is not None))
            params["printed"] = _fmt(exact, claim.stated if claim.stated.unit != ":" else stated)
        except ArithmeticError:
            pass
    outcome = Outcome(verdict, code, computed, mode, params)
    if verdict is Verdict.INCONSISTENT and len(readings) > 1:
        rescued = _reversed(readings[1:], inputs, f, expr.per, policy)
        if rescued is not None:
            return rescued
    if expr.divides:
        outcome = in_steps(outcome, stated, outcome.computed, "C725")
    return _shown(outcome, stated, claim.stated)


def _stated_readings(q: Quantity, per: Fraction) -> list[tuple[Quantity, str]]:
    """The stated figure as a plain number on the formula's base ``per`` (100 for a sex
    ratio), with its readings: ``105.1`` is 105.1; ``105.1:100`` is 105.1 and ``1.05:1``
    105; ``100:111.7`` is 111.7 per 100 of the base written first, or, the other way
    round, 100 per 111.7 (the second reading, tried before an error)."""
    if q.unit != ":":
        return [(q, "as written")]
    m = _RATIO.fullmatch(q.text.strip())
    if m is None:
        return []
    a, b = m.group(1), m.group(2)
    if Fraction(b) in (1, 100):
        return [(_plain(q, a, per / Fraction(b)), "N:base")]
    if Fraction(a) in (1, 100):
        scale = per / Fraction(a)
        return [(_plain(q, b, scale), "base:N, the base first"),
                (_plain(q, b, scale), "base:N, the base second")]
    return []


_RATIO = re.compile(r"[^\d]*?(\d+(?:\.\d+)?)\s*[:∶：]\s*(\d+(?:\.\d+)?)")


def _plain(q: Quantity, written: str, scale: Fraction) -> Quantity:
    """``q`` read as the number ``written`` (one term of its ratio) times ``scale``, same
    span; its resolution scales with it."""
    places = len(written.partition(".")[2])
    value = Fraction(written) * scale
    return replace(
        q, text=written, value=value, low=value, high=value, decimals=places,
        resolution=Fraction(1, 10**places) * scale, unit=None,
    )


def _reversed(
    readings: list[tuple[Quantity, str]],
    inputs: tuple[RoundedInput, ...],
    f: Callable[..., Interval],
    per: Fraction,
    policy: RoundingPolicy,
) -> Outcome | None:
    """``100:N`` with the base written second: N is the first term per 100 of the
    second, so the formula's value is 10000 ÷ N; a fit is consistent under that reading."""
    stated, label = readings[0]

    def compute(mode: RoundingMode) -> Interval | None:
        allowed = [i.allowed(mode) for i in inputs]
        if any(a is None for a in allowed):
            return None
        # base:N with the base second: the figures give V = base ÷ N × per, so N is
        # base × per ÷ V; in the stated figure's scale (× per ÷ base) that is per² ÷ V
        return Interval.exact(per * per) / f(*allowed)

    hit = first_reproducing(stated, [Alternative(label, compute)], policy)
    if hit is None:
        return None
    _reading, j = hit
    value = fmt_number(j.computed.low) if j.computed is not None and j.computed.is_exact else ""
    return Outcome(Verdict.CONSISTENT, None, j.computed, j.mode, {"value": value, "reading": label})


def _shown(outcome: Outcome, stated: Quantity, written: Quantity) -> Outcome:
    """The outcome's values written as the stated figure is (‰, %, 万人, a bare ratio)."""
    params = dict(outcome.params)
    if outcome.computed is not None:
        like = written if written.unit != ":" else stated
        params["value"] = params["computed"] = _fmt(outcome.computed, like)
    return Outcome(outcome.verdict, outcome.code, outcome.computed, outcome.mode, params)


def _fmt(iv: Interval, like: Quantity) -> str:
    if like.text.endswith("‰"):
        scale, suffix = 1000, "‰"
    elif like.is_percent:
        scale, suffix = 100, "%"
    else:
        return fmt_like(iv, like)
    low, high = fmt_number(iv.low * scale), fmt_number(iv.high * scale)
    return f"{low}{suffix}" if iv.is_exact else f"[{low}{suffix}, {high}{suffix}]"
