"""A figure restated in brackets right after it: in another unit (``13659.6万吨(2731.9亿斤)``,
the factor in ``data/cues/restatements.toml [conversions]``) or in the same unit, as
written again (``120,000元(壹拾贰万元)``, ``1.21万件(12,077件)``).

Helpers of :mod:`consistency.claims.restatements`. The brackets name the tie: the
bracketed figure is the one before it, written another way, so the binding is named.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterator
from fractions import Fraction

import regex

from ..claim import Claim
from ..errors import DataFileError
from ..intervals import Interval
from ..quantities import Quantity
from ..verdicts import Outcome, RoundingPolicy, Verdict
from ._folded import folded
from ._match import Context, family, figure_interval, fmt_interval, load_cues, stated_allows
from .binding import named

__all__ = ["check_conversion", "conversions", "factors"]

KIND = "restatement"


@functools.cache
def factors() -> dict[tuple[str, str], Fraction]:
    """The conversion table of ``[conversions].pairs``: (from unit, to unit) → factor."""
    out: dict[tuple[str, str], Fraction] = {}
    for entry in load_cues("restatements")["conversions"]["pairs"]:
        parts = entry.split()
        try:
            if len(parts) != 3:
                raise ValueError(entry)
            out[(parts[0], parts[1])] = Fraction(parts[2])
        except (ValueError, ZeroDivisionError) as exc:
            raise DataFileError(
                "data/cues/restatements.toml", f"expected 'from to factor', got {entry!r}",
                key="conversions.pairs",
            ) from exc
    return out


def conversions(ctx: Context, line_of: Callable[[int], int]) -> Iterator[Claim]:
    """Every figure followed by its restatement in brackets (nothing else inside them).
    ``line_of`` gives the line number of an offset, for the message."""
    table = factors()
    view = folded(ctx)
    leads, tails = _bracket_words()
    for a, b in itertools.pairwise(ctx.quantities):
        if view[a.end : a.end + 1] != "(" or not _bracketed(view, a.end + 1, b, leads, tails):
            continue
        factor = table.get((a.unit or "", b.unit or ""))
        if factor is not None:
            relation = f"{b.text} = {a.text} × {factor}"
            details = {"form": "conversion", "factor": str(factor), "other": a.text}
        elif _same_measure(a, b):
            relation = f"{b.text} = {a.text}"
            details = {"form": "restated", "subject": "(括注)", "other": a.text,
                       "other_line": str(line_of(a.start))}
        else:
            continue
        yield Claim(
            kind=KIND,
            start=a.start,
            end=b.end + 1,
            stated=b,
            parts=(a,),
            relation=relation,
            details=details,
            bindings=(named("restated", b, "in brackets after the figure"),
                      named("first", a, "the figure before the brackets")),
        )


@functools.cache
def _bracket_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words allowed inside the brackets around a restated figure, before and after it."""
    cues = load_cues("restatements")["conversions"]
    return frozenset(("", *cues["leads"])), frozenset(("", *cues["tails"]))


def _bracketed(view: str, opened: int, b: Quantity, leads: frozenset[str], tails: frozenset[str]) -> bool:
    """Is ``b`` alone in the brackets opened at ``opened`` (but for a lead word such as
    大写: and a tail word such as 整)?"""
    close = view.find(")", b.end, b.end + 4)
    return (
        view[opened : b.start] in leads
        and close >= 0
        and view[b.end : close] in tails
    )


def _same_measure(a: Quantity, b: Quantity) -> bool:
    """Two exact figures in one unit: "12,000元(壹万贰仟元)", "1.21万件(12,077件)"."""
    return (
        a.unit is not None
        and a.unit == b.unit
        and family(a) == family(b)
        and not a.approx
        and not b.approx
        and a.low is not None
        and b.low is not None
    )


def check_conversion(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """The bracketed figure against the first times the factor. The first figure is read
    as rounded by an accepted rule; only the bracketed one may have been cut (a warning)."""
    (source,) = claim.parts
    factor = Fraction(claim.details["factor"])
    computed: Interval | None = None
    for mode in policy.accepted:
        iv = figure_interval(source, mode)
        if iv is None:
            return Outcome(Verdict.UNDECIDABLE)
        computed = iv * factor if computed is None else computed.hull(iv * factor)
    if computed is None:
        return Outcome(Verdict.UNDECIDABLE)
    params = {"other": source.text,
              "factor": f"1{source.unit} = {claim.details['factor']}{claim.stated.unit}",
              "value": _in_terms_of(claim.stated, computed)}
    for mode in policy.accepted:
        if stated_allows(claim.stated, computed, mode):
            return Outcome(Verdict.CONSISTENT, computed=computed, mode=mode, params=params)
    for mode in policy.tolerated:
        if stated_allows(claim.stated, computed, mode):
            return Outcome(Verdict.CONDITIONAL, code="C504", computed=computed, mode=mode,
                           params=params)
    return Outcome(Verdict.INCONSISTENT, code="C503", computed=computed, params=params)


def _in_terms_of(q: Quantity, iv: Interval) -> str:
    """``iv`` written in the scale and unit of ``q`` ("[94.95, 94.97]亿斤"), for messages."""
    scale = q.resolution * 10**q.decimals
    suffix = regex.sub(r"^[\d.,]+", "", q.text)
    return fmt_interval(Interval(iv.low / scale, iv.high / scale)) + suffix
