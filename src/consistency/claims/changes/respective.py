"""Changes paired by position with their levels: ``收案X件、结案Y件,同比分别增长a%、b%,
分别增加c件、d件``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...claim import Claim
from ...quantities import Quantity
from .._folded import folded
from .._match import Context, Sentence, is_whole_count
from .forms import level_rate_claim, whole_base_claims
from .words import (
    LIST_GAP,
    RESPECTIVE_CUE,
    Change,
    as_change,
    shared_unit,
    unbracketed,
    with_bare,
    words_before,
)

__all__ = ["RESPECTIVE_HEAD", "respective"]


RESPECTIVE_HEAD = re.compile("[分各]")
#: how a level of a run is bound to its changes
_ALIGNED = "分别 alignment"


def respective(ctx: Context, sentence: Sentence) -> Iterator[Claim]:
    """``收案X件、结案Y件,同比分别增长a%、b%,分别增加c件、d件``: changes paired with the
    levels just before them by position. A rate meets its absolute change (as for one
    level), or, with none stated, a whole count its whole earlier count (C310)."""
    text = folded(ctx)
    qs = with_bare(text, unbracketed(sentence))
    levels: list[Quantity] = []
    rates: list[Change] = []
    amounts: list[Change] = []
    i = 0
    while i < len(qs):
        prefix = words_before(text, sentence.start, qs, i)
        first = as_change(prefix, qs[i]) if RESPECTIVE_CUE.search(prefix) else None
        if first is None or first.annual:
            i += 1
            continue
        run, j = [first], i + 1
        while j < len(qs) and LIST_GAP.fullmatch(words_before(text, sentence.start, qs, j)):
            if (qs[j].unit in ("%", "倍")) != (first.kind == "rate"):
                break
            run.append(Change(qs[j], first.sign, first.kind, first.cue, first.compared))
            j += 1
        if len(run) > 1 and run[0].q.unit is None:  # "各减少1267.86,2570.97万元"
            shared = shared_unit([c.q for c in run])
            run = [Change(q, c.sign, c.kind, c.cue, c.compared) for q, c in zip(shared, run)]
        fresh = _levels_before(text, sentence.start, qs, i, len(run))
        if not fresh and not levels and "各" in prefix:
            fresh = _levels_of_previous(ctx, sentence, len(run))
        if fresh:
            levels, rates, amounts = shared_unit(fresh), [], []
        (rates if first.kind == "rate" else amounts).extend(run)
        i = j
        if len(levels) < 2 or len(rates) != len(levels) or len(amounts) not in (0, len(levels)):
            continue
        if len(amounts) == len(levels):
            for level, d, r in zip(levels, amounts, rates, strict=True):
                if d.q.unit == level.unit and d.sign == r.sign:
                    yield level_rate_claim(ctx, level, d, r, _ALIGNED)
        elif _amount_run_follows(text, qs, j):
            continue  # wait for the amounts: a rate then meets its absolute change
        else:
            for level, r in zip(levels, rates, strict=True):
                if r.compared and r.q.unit == "%" and is_whole_count(level) and level.value > 0:
                    yield from whole_base_claims(level, r, _ALIGNED)


def _levels_before(text: str, start: int, qs: list[Quantity], i: int, k: int) -> list[Quantity]:
    """The ``k`` figures just before ``qs[i]`` when none of them is a change or a share
    (the levels a run of ``分别`` changes pairs with), else an empty list."""
    if i < k:
        return []
    levels = qs[i - k : i]
    if any(
        q.is_percent or as_change(words_before(text, start, qs, n), q)
        for n, q in enumerate(levels, i - k)
    ):
        return []
    return levels


def _levels_of_previous(ctx: Context, sentence: Sentence, k: int) -> list[Quantity]:
    """``收、支总计各是X,Y万元。与上年相比,…各减少…``: the levels of a 各 run stated as the
    last ``k`` figures of the sentence before, which must itself say 各."""
    prev = ctx.previous(sentence)
    if prev is None or "各" not in folded(ctx)[prev.start : prev.end]:
        return []
    qs = with_bare(folded(ctx), unbracketed(prev))
    return _levels_before(folded(ctx), prev.start, qs, len(qs), k)


def _amount_run_follows(text: str, qs: list[Quantity], j: int) -> bool:
    """Does a run of absolute changes (``,分别增加c件、d件``) follow at ``qs[j]``?"""
    if j >= len(qs):
        return False
    prefix = words_before(text, 0, qs, j)
    change = as_change(prefix, qs[j]) if RESPECTIVE_CUE.search(prefix) else None
    return change is not None and change.kind == "amount"

