"""A figure restated in brackets right after it: in another unit (``13659.6万吨(2731.9亿斤)``,
the pairs in ``data/cues/restatements.toml [conversions]``, the exact factor from the
unit definitions of ``data/units.txt`` through the one pint registry) or in the same
unit, as written again (``120,000元(壹拾贰万元)``, ``1.21万件(12,077件)``).

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
from ..units import factor
from ..verdicts import Outcome, RoundingPolicy, Verdict
from ._folded import folded
from ._match import Context, family, figure_interval, fmt_interval, load_cues, stated_allows
from .binding import named

__all__ = ["check_conversion", "conversions", "factors", "pairs"]

KIND = "restatement"


@functools.cache
def pairs() -> frozenset[tuple[str, str]]:
    """The conversions authors write in brackets, ``[conversions].pairs``: (from, to).

    Read without pint: most documents hold no such pair, and the factor of one is asked
    of the registry only when a bracketed figure needs it (:func:`factors`)."""
    out: set[tuple[str, str]] = set()
    for entry in load_cues("restatements")["conversions"]["pairs"]:
        parts = entry.split()
        if len(parts) != 2:
            raise DataFileError(
                "data/cues/restatements.toml", f"expected 'from to', got {entry!r}",
                key="conversions.pairs",
            )
        out.add((parts[0], parts[1]))
    return frozenset(out)


def factors() -> dict[tuple[str, str], Fraction]:
    """Every pair of :func:`pairs` with its exact factor from ``data/units.txt``; a pair
    the unit definitions cannot convert names the data file and key."""
    return {pair: _factor(*pair) for pair in sorted(pairs())}


@functools.cache
def _factor(source: str, target: str) -> Fraction:
    found = factor(source, target)
    if found is None:
        raise DataFileError(
            "data/cues/restatements.toml",
            f"data/units.txt defines no conversion from {source} to {target}",
            key="conversions.pairs",
        )
    return found


def conversions(ctx: Context, line_of: Callable[[int], int]) -> Iterator[Claim]:
    """Every figure followed by its restatement in brackets (nothing else inside them).
    ``line_of`` gives the line number of an offset, for the message."""
    table = pairs()
    view = folded(ctx)
    leads, tails = _bracket_words()
    for a, b in itertools.pairwise(ctx.quantities):
        if view[a.end : a.end + 1] != "(" or not _bracketed(view, a.end + 1, b, leads, tails):
            continue
        if (a.unit or "", b.unit or "") in table:
            ratio = _factor(a.unit or "", b.unit or "")
            relation = f"{b.text} = {a.text} × {ratio}"
            details = {"form": "conversion", "factor": str(ratio), "other": a.text}
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
