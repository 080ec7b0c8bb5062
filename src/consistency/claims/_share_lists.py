"""Shares solved as a list: claims the share kind makes from the consensus of a list.

Helpers of :mod:`consistency.claims.shares`; the consensus itself is read by
:mod:`.binding.siblings`.

* A list of shares whose base the text never states, but whose shares agree on the sum
  of the list's parts, is a list of shares of that sum (``税收收入3,600万元,占53.8%;
  非税收入3,090万元,比重为46.2%`` → 3,600 / 6,690 and 3,090 / 6,690). Each share is checked
  over the sum; one that does not fit while the others do is wrong (C201), the sum fixed
  by consensus.
* A stated total the list's shares all miss, while they agree on the sum of the parts,
  is one error at the total (C206), not one per share: ``共受理诉求1000件,咨询类520件,
  占54.7%,投诉类430件,占45.3%`` → the shares are of 950. The shares themselves are then
  consistent under that reading. A total that is the whole of a breakdown of the same
  parts is left to the totals check (C101), which names the same sum.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from ..claim import Binding, Claim, Evidence
from ..intervals import Interval, RoundingMode
from ..quantities import Quantity
from ..verdicts import Outcome, RoundingPolicy
from ._match import (
    Context,
    decided,
    figure_interval,
    fmt_figure,
    fmt_interval,
    fmt_number,
    judge,
    sum_interval,
)
from .binding import consensus
from .binding.frames import frames
from .binding.percents import StatedShare
from .binding.siblings import Member, sum_consensus

__all__ = ["LIST_KIND", "TOTAL_KIND", "check_list", "check_total", "list_claim", "total_claims"]

#: the kind of a share taken over the sum of its list
LIST_KIND = "share"
#: the kind of a stated total its list's shares contradict
TOTAL_KIND = "shares-total"


def _terms(members: tuple[Member, ...]) -> str:
    return " + ".join(fmt_figure(m.part.quantity) for m in members)


def list_claim(ctx: Context, share: StatedShare, part: Binding) -> Claim | None:
    """``share`` over the sum of its list's parts, when the list's shares agree on it."""
    found = sum_consensus(ctx, share)
    if found is None:
        return None
    members, _total = found
    others = [m.part.quantity for m in members if m.part.quantity.start != part.quantity.start]
    figures = (share.pct, part.quantity, *others)
    how = f"the {len(members)} shares of its list agree on their sum"
    return Claim(
        kind=LIST_KIND,
        start=min(q.start for q in figures),
        end=max(q.end for q in figures),
        stated=share.pct,
        parts=(part.quantity, *others),
        relation=f"{share.pct.text} = {fmt_figure(part.quantity)} / ({_terms(members)})",
        details={"part": part.quantity.text, "cue": share.cue.word, "over": "list"},
        bindings=(part, *(consensus("base", q, how) for q in others)),
    )


def check_list(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Does the part over the sum of its list (itself included) round to the share?"""
    part = claim.parts[0]

    def compute(mode: RoundingMode) -> Interval | None:
        """part / (part + the other parts), every figure read under ``mode``."""
        p, total = figure_interval(part, mode), sum_interval(claim.parts, mode)
        if p is None or total is None or total.low <= 0:
            return None
        return p / total

    j = judge(compute, claim.stated, policy)
    share = fmt_interval(j.computed, percent=True) if j.computed is not None else ""
    expr = claim.relation.split(" = ", 1)[1]
    params = {"part": part.text, "base": "", "expr": expr, "share": share, "value": share}
    return decided(j, params, conditional="C202", error="C201")


def total_claims(ctx: Context, claims: list[tuple[StatedShare, Claim]]) -> Iterator[Claim]:
    """One claim per stated total a share is bound to (by name or consensus) when every
    share of its list misses that total and fits the sum of the list's parts."""
    seen: set[tuple[int, tuple[int, ...]]] = set()
    covered = _breakdowns(ctx)
    for share, claim in claims:
        bases = [b for b in claim.bindings if b.role == "base"]
        if len(bases) != 1 or bases[0].evidence is Evidence.POSITION:
            continue
        total = bases[0].quantity
        found = sum_consensus(ctx, share)
        iv = figure_interval(total)
        if found is None or iv is None:
            continue
        members, summed = found
        if not all(m.implied.intersects(summed) and not m.implied.intersects(iv) for m in members):
            continue
        parts = tuple(m.part.quantity for m in members)
        key = (total.start, tuple(p.start for p in parts))
        if key in seen or (total.start, frozenset(key[1])) in covered:
            continue
        seen.add(key)
        yield _total_claim(total, members, bases[0])


def _breakdowns(ctx: Context) -> set[tuple[int, frozenset[int]]]:
    """The wholes and parts of every breakdown frame (their totals check names the sum)."""
    return {
        (f.whole.start, frozenset(p.start for p in f.parts)) for f in frames(ctx) if f.is_breakdown
    }


def _total_claim(total: Quantity, members: tuple[Member, ...], bound: Binding) -> Claim:
    parts = tuple(m.part.quantity for m in members)
    figures = (total, *parts, *(m.share.pct for m in members))
    how = "the shares listed with them agree on their sum"
    return Claim(
        kind=TOTAL_KIND,
        start=min(q.start for q in figures),
        end=max(q.end for q in figures),
        stated=total,
        parts=parts,
        relation=f"{fmt_number(Fraction(total.value))} = {_terms(members)}",
        details={"expr": _terms(members), "over": "shares"},
        bindings=(bound, *(consensus("part", q, how) for q in parts)),
    )


def check_total(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Does the stated total meet the sum of the parts its list's shares are taken of?"""
    j = judge(lambda mode: sum_interval(claim.parts, mode), claim.stated, policy)
    summed = j.computed if j.computed is not None else Interval.exact(0)
    params = {"expr": claim.details["expr"], "sum": fmt_interval(summed), "value": fmt_interval(summed)}
    return decided(j, params, conditional="C102", error="C206")
