"""A rate stated as the gap to a reference rate named by subject: ``同比增长5.3%,高于GDP
增速1.1个百分点`` → 5.3 − (the one GDP growth earlier sentences state)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ...claim import Claim
from ...numerals import fold
from ...quantities import Quantity
from .._folded import folded
from .._match import Context, Sentence
from ..binding import named
from .forms import change_claim
from .words import (
    GAP,
    GAP_ALIASES,
    GAP_CUE,
    POINT_UNITS,
    Change,
    as_change,
    may_change,
    unbracketed,
    words_before,
)

__all__ = ["rate_gaps"]


def rate_gaps(ctx: Context) -> Iterator[Claim]:
    """``工业增加值…同比增长5.3%,高于GDP增速1.1个百分点``: the point gap between a rate
    and a reference rate named by subject, stated in an earlier sentence. Only a reference
    that earlier sentences give one single value for is used."""
    text = folded(ctx)
    for sentence in ctx.with_figures():
        if len(sentence.quantities) < 2 or not any(q.unit in POINT_UNITS for q in sentence.quantities):
            continue  # a gap is a figure in points, with its rate before it
        if not may_change(text, sentence.start, sentence.end):
            continue  # …read as a change
        qs = unbracketed(sentence)
        for k in range(1, len(qs)):
            p, r1 = qs[k], qs[k - 1]
            if p.unit not in POINT_UNITS:
                continue  # the cheap test first: most figures are not point gaps
            m = GAP_CUE.search(words_before(text, sentence.start, qs, k))
            if m is None:
                continue
            rate = as_change(words_before(text, sentence.start, qs, k - 1), r1)
            if rate is None or rate.kind != "rate" or rate.annual:
                continue
            key = m.group(2)
            for word in GAP["strip"]:
                key = key.replace(word, "")
            # the text is read folded (one Traditional form for one Simplified): so are the names
            names = tuple(fold(n) for n in GAP_ALIASES.get(key, (key,))) if key else ()
            refs = {q.value: q for q in _earlier_rates(ctx, sentence, names)}
            if len(refs) == 1 and r1.is_percent and rate.sign > 0:
                (r0,) = refs.values()
                sign = 1 if m.group(1) in GAP["up"] else -1
                gap = Change(p, sign, "points", m.group(1))
                bound = (
                    named("reference", r0, f"{m.group(2)} named by subject"),
                    named("rate", r1, "the rate the gap follows"),
                )
                claim = change_claim(ctx, "points", gap, (r0, r1), bound)
                yield replace(claim, start=r1.start)  # the reference sits sentences before


#: how many sentences back a gap's reference rate (高于GDP增速…) is looked for
_REFERENCE_REACH = 40


def _earlier_rates(ctx: Context, sentence: Sentence, names: tuple[str, ...]) -> Iterator[Quantity]:
    """The first growth rate of each earlier sentence that names one of ``names``.

    Only the last :data:`_REFERENCE_REACH` sentences are read: a reference rate is stated
    near the gap that cites it, and reading every earlier sentence for every gap made a
    long document quadratic.
    """
    text = folded(ctx)
    for s in ctx.sentences[max(0, sentence.index - _REFERENCE_REACH) : sentence.index]:
        if not names or not any(n in text[s.start : s.end] for n in names):
            continue
        qs = unbracketed(s)
        for k, q in enumerate(qs):
            change = as_change(words_before(text, s.start, qs, k), q)
            if change is not None and change.kind == "rate" and q.is_percent and change.sign > 0 and not change.annual:
                # the name must be the subject of this rate, not a reference after it
                if any(n in text[s.start : q.start] for n in names):
                    yield q
                break


