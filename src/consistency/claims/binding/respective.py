"""Respective lists (分别): figures listed in one order, their shares in the same order.

``前三位依次是甲、乙、丙,分别占40.0%、25.0%、15.0%,案件数量分别为400件、250件、150件`` and
``甲和乙分别为400件、250件,占40%、25%`` state two runs of figures, counts and shares, that
pair up by position. A run is two or more figures of one unit, one right after another
with nothing but a separator between them (、 和 及 与); the two runs pair up when they
stand in one sentence with no figure between them, have the same length, and the words
before one of them say 分别 or 依次 (or the counts' own 分别为). Each share is then bound
to the count in its place (named: the 分别 alignment). Runs of unequal length pair with
nothing: no claim is made from them, and no share of such a run is taken of the figure
just before it.
"""

from __future__ import annotations

from ...claim import Binding
from ...quantities import Quantity
from .._match import Context, Sentence, countable, load_cues
from . import named
from .memo import Key, remembered

__all__ = ["SEPARATORS", "aligned_part", "in_run", "listed_count", "runs"]

_C = load_cues("shares")
#: what may stand between two figures of one run
SEPARATORS = frozenset(_C["respective"]["separators"])
#: words before a run that say its figures pair with another run in order
RESPECTIVE = _C["respective"]["words"]
#: how far before a run its 分别 may stand
_HEAD = 12

Run = tuple[Quantity, ...]


def _same_kind(a: Quantity, b: Quantity) -> bool:
    return a.is_percent == b.is_percent and (a.is_percent or (countable(a) and a.unit == b.unit))


_RUNS: Key[list[tuple[int, list[Run]]]] = Key("binding.runs")


def _runs_by_sentence(ctx: Context) -> list[tuple[int, list[Run]]]:
    """The runs of every sentence holding some, with the number of figures of the
    sentence (read once per document: both the pairs and the runs of counts are taken
    from them)."""

    def read(c: Context) -> list[tuple[int, list[Run]]]:
        found = ((len(s.quantities), _sentence_runs(c, s)) for s in c.with_figures() if len(s.quantities) >= 2)
        return [(n, runs) for n, runs in found if runs]

    return remembered(ctx, _RUNS, read)


def _sentence_runs(ctx: Context, s: Sentence) -> list[Run]:
    """The runs of sentence ``s``, in text order."""
    out: list[Run] = []
    current: list[Quantity] = []
    for q in s.quantities:
        if not (q.is_percent or countable(q)):
            if len(current) >= 2:
                out.append(tuple(current))
            current = []
            continue
        if current and _same_kind(current[-1], q) and _joined(ctx, current[-1], q):
            current.append(q)
            continue
        if len(current) >= 2:
            out.append(tuple(current))
        current = [q]
    if len(current) >= 2:
        out.append(tuple(current))
    return out


def _joined(ctx: Context, a: Quantity, b: Quantity) -> bool:
    """Are ``a`` and ``b`` one after the other in a list: a separator between them, and
    for counts at most a short name after it ("400件、邻里纠纷250件")?"""
    gap = ctx.between(a.end, b.start).strip()
    if not gap or gap[0] not in SEPARATORS:
        return False
    name = gap[1:].strip()
    if a.is_percent:
        return len(name) <= 1 and all(ch in SEPARATORS for ch in name)
    return len(name) <= 10 and not any(ch in _MARKS for ch in name)


_MARKS = frozenset(",，。;；:：()（）%")


def _respective(ctx: Context, run: Run) -> bool:
    """Do the words just before ``run`` say 分别 or 依次?"""
    head = ctx.between(max(0, run[0].start - _HEAD), run[0].start)
    return any(w in head for w in RESPECTIVE)


_PAIRS: Key[dict[int, Binding | None]] = Key("binding.respective-pairs")
_LISTED: Key[frozenset[int]] = Key("binding.count-runs")


def _read(ctx: Context) -> dict[int, Binding | None]:
    """Each percentage of a run, by its start: the count in its place, or None when its
    run pairs with no run of counts."""
    pairs: dict[int, Binding | None] = {}
    for figures, found in _runs_by_sentence(ctx):
        if figures < 4:
            continue
        for k, run in enumerate(found):
            if not run[0].is_percent:
                continue
            partner = _partner(ctx, found, k)
            for i, pct in enumerate(run):
                pairs[pct.start] = (
                    None if partner is None else named("part", partner[i], "分别, in the same order")
                )
    return pairs


def _partner(ctx: Context, found: list[Run], k: int) -> Run | None:
    """The run of counts the percentage run ``found[k]`` pairs with: the run just before
    or just after it, of the same length, one of the two after 分别 or 依次."""
    run = found[k]
    for j in (k - 1, k + 1):
        if not 0 <= j < len(found):
            continue
        other = found[j]
        if other[0].is_percent or len(other) != len(run):
            continue
        if _respective(ctx, run) or _respective(ctx, other):
            return other
    return None


def aligned_part(ctx: Context, pct: Quantity) -> tuple[bool, Binding | None]:
    """Whether ``pct`` stands in a run of percentages, and the count 分别 aligns with it
    (None when its run pairs with no run of counts)."""
    pairs = remembered(ctx, _PAIRS, _read)
    if pct.start not in pairs:
        return False, None
    return True, pairs[pct.start]


def listed_count(ctx: Context, q: Quantity) -> bool:
    """Is ``q`` one of a run of counts (400件、250件): a sibling of the others, so never
    the base of their shares?"""
    starts = remembered(
        ctx,
        _LISTED,
        lambda c: frozenset(
            q.start for _, found in _runs_by_sentence(c) for run in found if not run[0].is_percent for q in run
        ),
    )
    return q.start in starts


def in_run(ctx: Context, pct: Quantity) -> bool:
    """Does ``pct`` stand in a run of percentages (40%、25%、15%)?"""
    return pct.start in remembered(ctx, _PAIRS, _read)


def runs(ctx: Context, s: Sentence) -> list[Run]:
    """The runs of sentence ``s`` (for tests and other readings)."""
    return _sentence_runs(ctx, s)
