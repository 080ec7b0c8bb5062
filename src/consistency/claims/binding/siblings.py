"""Shares listed together: the base their siblings agree on.

Shares stated near each other are usually taken of one base. Each share whose part is
known implies the bases it could be taken of: its part over its share, every figure read
as the interval of values it may round from (``咨询类4000件,占50%`` implies [7920.8,
8080.8]). Where several agree, the text has fixed the base by consensus, even when it
states it once, far away, or not at all:

* a base guessed by position is *confirmed* when two other shares of the paragraph
  reproduce it (:func:`confirming`);
* a list's shares that all reproduce over the sum of the list's parts are shares of that
  sum, stated nowhere (``税收收入3,600万元,占53.8%;非税收入3,090万元,比重为46.2%``: both
  over 6,690万元) (:func:`listed_with`);
* a share that agrees with two siblings on one base is consistent under that base,
  whatever figure stands nearest (:func:`agreeing`);
* a list whose shares all (or all but one of three or more) agree on the sum of its
  parts is a list of shares of that sum (:func:`sum_consensus`): the one that does not
  is wrong, and a stated total they all miss is;
* a list of three or more shares that finds no base of its own, all but one of which
  reproduce over one figure stated before them in the paragraph (``新收申请312件。…
  分别为168件、57件、23件,分别占总数的53.8%、18.3%、8.4%``), is a list of shares of that
  figure (:func:`stated_consensus`): the one that does not is wrong.

Only the members nearest a share (:data:`REACH` on each side, in its paragraph) are
asked, so the work per share is bounded however long a paragraph runs.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from ...claim import Binding
from ...intervals import IndeterminateDivision, Interval, RoundingMode
from ...quantities import Quantity
from .._match import (
    Context,
    Sentence,
    countable,
    family,
    figure_interval,
    is_whole_count,
    sum_interval,
)
from .memo import Key, remembered
from .percents import StatedShare, has_own_share, part_of, stated_shares
from .reach import figures_before
from .respective import listed_count

__all__ = [
    "REACH",
    "Member",
    "agree_on",
    "agreeing",
    "confirming",
    "listed_with",
    "member_of",
    "members_before",
    "neighbours",
    "stated_consensus",
    "sum_consensus",
]

#: how many members on each side of a share are asked what base they imply
REACH = 8


#: what a member implies when it implies no base: below every base, so it meets none
_NOWHERE = Interval(Fraction(-1), Fraction(-1))


@dataclass(slots=True, eq=False)
class Member:
    """A stated share with its part (read-only once built; the bases it implies are
    computed when first asked, and kept)."""

    share: StatedShare
    part: Binding
    _implied: Interval | None = field(default=None, repr=False)
    _loose: Interval | None = field(default=None, repr=False)

    @property
    def paragraph(self) -> int:
        return self.share.sentence.paragraph

    @property
    def implied(self) -> Interval:
        """The bases its part and share imply."""
        if self._implied is None:
            found = implied_base(self.part.quantity, self.share.pct)
            self._implied = _NOWHERE if found is None else found
        return self._implied

    @property
    def loosely(self) -> Interval:
        """The bases its part and share imply with the share read rounded or truncated
        (kept: every share of a long list asks it of each of its siblings)."""
        if self._loose is None:
            cut = implied_base(self.part.quantity, self.share.pct, RoundingMode.TRUNCATE)
            self._loose = self.implied.hull(cut) if cut is not None else self.implied
        return self._loose


def implied_base(
    part: Quantity, pct: Quantity, mode: RoundingMode = RoundingMode.HALF_UP
) -> Interval | None:
    """Every base ``part`` could be a share ``pct`` of (both read as rounded under
    ``mode``); None for a share of 0% or a figure that allows no interval."""
    p = figure_interval(part, mode)
    s = figure_interval(pct, mode)
    if p is None or s is None:
        return None
    try:
        return p / s
    except IndeterminateDivision:
        return None


_MEMBERS: Key[tuple[tuple[Member, ...], list[int]]] = Key("binding.share-members")


def _members(ctx: Context) -> tuple[tuple[Member, ...], list[int]]:
    """Every share with a known part, in text order, and the starts of their
    percentages (to find a share's place by bisection)."""
    found: list[Member] = []
    for share in stated_shares(ctx):
        if share.cue.kind == "definitional":
            continue
        part = part_of(ctx, share)
        if part is not None and share.pct.value > 0:
            found.append(Member(share, part))
    return tuple(found), [m.share.pct.start for m in found]


def member_of(ctx: Context, share: StatedShare) -> Member | None:
    """``share`` as a member of its paragraph's shares (None when its part is unknown)."""
    members, starts = remembered(ctx, _MEMBERS, _members)
    i = bisect.bisect_left(starts, share.pct.start)
    return members[i] if i < len(starts) and starts[i] == share.pct.start else None


def members_before(ctx: Context, s: Sentence, offset: int, n: int = REACH) -> tuple[Member, ...]:
    """The last ``n`` members whose percentage stands in sentence ``s`` before ``offset``,
    in text order."""
    members, starts = remembered(ctx, _MEMBERS, _members)
    i = bisect.bisect_left(starts, max(s.start, 0))
    j = bisect.bisect_left(starts, min(offset, s.end))
    return members[max(i, j - n) : j]


def neighbours(ctx: Context, share: StatedShare) -> tuple[Member, ...]:
    """The members nearest ``share`` in its paragraph, up to :data:`REACH` each side,
    itself left out (a share with no part has neighbours too)."""
    members, starts = remembered(ctx, _MEMBERS, _members)
    i = bisect.bisect_left(starts, share.pct.start)
    j = i + 1 if i < len(starts) and starts[i] == share.pct.start else i
    window = members[max(0, i - REACH) : i] + members[j : j + REACH]
    paragraph = share.sentence.paragraph
    return tuple(m for m in window if m.paragraph == paragraph)


def confirming(ctx: Context, share: StatedShare, base: Quantity) -> tuple[Member, ...]:
    """The neighbours of ``share`` whose part and share reproduce ``base``: two or more
    make a base guessed by position one the paragraph agrees on."""
    iv = figure_interval(base, RoundingMode.HALF_UP)
    if iv is None:
        return ()
    return tuple(m for m in neighbours(ctx, share) if m.implied.intersects(iv))


def listed_with(ctx: Context, share: StatedShare) -> tuple[Member, ...]:
    """The list ``share`` is one of: the members of its sentence whose parts are of its
    part's family, itself included, in text order (empty when it has no part)."""
    me = member_of(ctx, share)
    if me is None:
        return ()
    fam = family(me.part.quantity)
    same = [
        m
        for m in (*neighbours(ctx, share), me)
        if m.share.sentence.index == share.sentence.index and family(m.part.quantity) == fam
    ]
    return tuple(sorted(same, key=lambda m: m.share.pct.start))


_SUMS: Key[dict[int, tuple[tuple[Member, ...], Interval] | None]] = Key("binding.list-sums")


def sum_consensus(ctx: Context, share: StatedShare) -> tuple[tuple[Member, ...], Interval] | None:
    """The list ``share`` is one of and the sum of its parts, when the list's shares agree
    on that sum as their base: all of them, or all but one of three or more (the one
    left is then wrong). None otherwise. Read once per share."""
    memo = remembered(ctx, _SUMS, lambda _ctx: {})
    if share.pct.start not in memo:
        memo[share.pct.start] = _sum_consensus(ctx, share)
    return memo[share.pct.start]


def _sum_consensus(ctx: Context, share: StatedShare) -> tuple[tuple[Member, ...], Interval] | None:
    listed = listed_with(ctx, share)
    if len(listed) < 2 or len({m.part.quantity.start for m in listed}) < len(listed):
        return None
    total = sum_interval([m.part.quantity for m in listed])
    if total is None:
        return None
    # a share cut rather than rounded still fits (its check then says so)
    fit = sum(1 for m in listed if m.loosely.intersects(total))
    if fit < 2 or fit < len(listed) - 1:
        return None
    return listed, total


def agreeing(ctx: Context, share: StatedShare) -> tuple[tuple[Member, ...], Interval] | None:
    """The largest group of neighbours that agree with ``share`` and with each other on
    one base, and that base (the intersection of what they imply, cut to whole numbers
    when every part is a whole count: a count of items is a share of a count); None when
    fewer than two do."""
    me = member_of(ctx, share)
    if me is None:
        return None
    meeting = [m for m in neighbours(ctx, share) if m.implied.intersects(me.implied)]
    if len(meeting) < 2:
        return None
    # the point covered by most of the intervals (each cut to this share's own): a sweep
    cut = [
        (m, Interval(max(m.implied.low, me.implied.low), min(m.implied.high, me.implied.high)))
        for m in meeting
    ]
    whole = is_whole_count(me.part.quantity)
    best: tuple[tuple[Member, ...], Interval] | None = None
    for _m, iv in cut:
        point = iv.low
        chosen = [(m, other) for m, other in cut if point in other]
        if len(chosen) < 2 or (best is not None and len(chosen) <= len(best[0])):
            continue
        low = max(other.low for _, other in chosen)
        high = min(other.high for _, other in chosen)
        if whole and all(is_whole_count(m.part.quantity) for m, _ in chosen):
            low, high = Fraction(math.ceil(low)), Fraction(math.floor(high))
            if low > high:
                continue
        best = (tuple(m for m, _ in chosen), Interval(low, high))
    return best


#: how many sentences before a list of shares the figure they agree on may stand, and how
#: many of the latest figures there are asked
_STATED_BACK = 3
_STATED_FIGURES = 12


def stated_consensus(ctx: Context, share: StatedShare) -> tuple[Quantity, tuple[Member, ...]] | None:
    """The figure stated before the list ``share`` is one of, in its paragraph, that all
    its shares but one reproduce over, with the list; None when the list has fewer than
    three shares or no such figure. The candidates are the latest figures of the part's
    unit, larger than every part, no share's part themselves and no sibling of a run of
    counts: a total the list's own words never name, fixed by the agreement of its
    members (a chance agreement of two shares with a figure of the paragraph is rare,
    measured in docs/arithmetic.md)."""
    listed = listed_with(ctx, share)
    if len(listed) < 3:
        return None
    parts = [m.part.quantity for m in listed]
    first = min(min(q.start for q in parts), min(m.share.pct.start for m in listed))
    unit, largest = parts[0].unit, max(q.value for q in parts)
    if any(q.unit != unit for q in parts):
        return None
    candidates = [
        q
        for sentence in ctx.window(share.sentence, before=_STATED_BACK)
        for q in figures_before(sentence, first)
        if q.unit == unit and countable(q) and q.value > largest
    ][-_STATED_FIGURES:]
    for q in reversed(candidates):
        if listed_count(ctx, q) or has_own_share(ctx, q):
            continue
        iv = figure_interval(q, RoundingMode.HALF_UP)
        if iv is None:
            continue
        if agree_on(listed, iv):
            return q, listed
    return None


def agree_on(listed: Sequence[Member], base: Interval) -> bool:
    """Do all the shares of ``listed`` but one reproduce over ``base``, at least two of
    them precise? A share of few digits (2%, 7.3%) allows a wide range of bases and fits
    figures by chance: only precise ones (the bases they allow within 1%) agree."""
    fit = [m for m in listed if m.implied.intersects(base)]
    return len(fit) >= len(listed) - 1 and sum(1 for m in fit if _precise(m)) >= 2


#: the widest range of bases, relative to its lower end, a share may allow and still
#: help fix a list's base by agreement
_PRECISE = Fraction(1, 100)


def _precise(m: Member) -> bool:
    iv = m.implied
    return iv.low > 0 and (iv.high - iv.low) / iv.low <= _PRECISE
