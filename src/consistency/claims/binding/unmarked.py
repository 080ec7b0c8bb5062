"""Lists that name every member of a partition with no 其中: a whole the members divide.

A 统计公报 writes the three industries after the 生产总值 they divide, often with no
其中 between: ``全年实现地区生产总值235.6亿元,比上年增长6.2%。分产业看,第一产业增加值
30.2亿元,增长3.5%;第二产业增加值95.1亿元,…;第三产业增加值112.3亿元,…``. The members
name the tie as surely as 其中 would: a run of parts naming every member of a partition
(``data/partitions.toml``) that has ``bare`` words, each member once and each with the
same measure (one of the family's ``measure`` words: 增加值), is a complete list
of the nearest figure before it labelled with one of those words (the figure just
before the run in its sentence, or in the sentence before it in the paragraph).

The run may interleave other figures (the changes of each part, in percent); a figure
of the parts' unit that names no member, or names one with another measure (城镇新增就业
beside 农村劳动力转移就业: not two parts of one whole), ends it. The whole must be of the parts' unit
and additive (人均生产总值 is no whole), and not labelled as an earlier period's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from ...quantities import Quantity
from .._match import Context, Sentence, load_cues, words_pattern
from .frame import Frame
from .measures import nonadditive_figure
from .partitions import Partition, partitions
from .parts import SUBSET, countable_part
from .reach import FIGURES_BACK, figures_before

__all__ = ["member_words", "unmarked_frames"]

#: words of an earlier period: a whole so labelled is last year's, no whole of this run
_EARLIER = load_cues("shares")["base"]["earlier"]


@functools.cache
def _bare_families() -> tuple[Partition, ...]:
    return tuple(p for p in partitions() if p.bare)


@functools.cache
def member_words() -> re.Pattern[str]:
    """Every word naming a member of a family with ``bare`` words: a first test for a
    sentence, which holds no unmarked list without one."""
    words = {w for p in _bare_families() for ws in p.members for w in ws}
    return words_pattern(words)


def unmarked_frames(ctx: Context, s: Sentence, found: Sequence[Frame]) -> list[Frame]:
    """The unmarked complete lists of ``s``, as frames whose evidence is the members'
    names, unless a frame ``found`` in the sentence already holds one of their parts."""
    taken = {p.start for f in found for p in f.parts}
    return [
        Frame(whole, parts, "explicit", f"every member of {name}, listed after it")
        for whole, parts, name in _lists(ctx, s)
        if not taken.intersection(p.start for p in parts)
    ]


def _lists(ctx: Context, s: Sentence) -> Iterator[tuple[Quantity, tuple[Quantity, ...], str]]:
    for p in _bare_families():
        run = _run(ctx, s, p)
        if run is None:
            continue
        whole = _whole(ctx, s, run[0], p)
        if whole is not None:
            yield whole, run, p.name


def _run(ctx: Context, s: Sentence, p: Partition) -> tuple[Quantity, ...] | None:
    """The parts of ``s`` naming every member of ``p`` once, in one run of one unit."""
    parts: list[Quantity] = []
    seen: set[int] = set()
    measure = ""
    for clause in s.clauses:
        for q in clause.quantities:
            if not countable_part(q):
                continue
            label = ctx.label_before(q, clause)
            if any(w in label for w in SUBSET):
                return None  # a 其中 list: read as one (binding.frames)
            named = p.named(label)
            if not parts:
                measure = p.measure(label)
                if len(named) == 1 and any(w in measure for w in p.measure_words):
                    parts.append(q)
                    seen |= named
                continue
            if q.unit != parts[0].unit:
                continue  # another measure (a count of firms beside an amount): skipped
            if len(named) != 1 or named & seen or p.measure(label) != measure:
                # a figure of the parts' unit naming no member, one named twice, or one
                # of another measure (城镇新增就业 beside 农村劳动力转移就业): no list
                return None
            parts.append(q)
            seen |= named
            if len(seen) == len(p.members):
                return tuple(parts)
    return None


def _whole(ctx: Context, s: Sentence, first: Quantity, p: Partition) -> Quantity | None:
    """The figure the run starting at ``first`` divides: the last figure before it, in
    ``s`` or the sentence before it in the paragraph, of its unit, labelled with one of
    ``p``'s ``bare`` words; None when that figure is not additive or is an earlier
    period's."""
    prev = ctx.previous(s)
    pool = [
        *(figures_before(prev, prev.end) if prev is not None else ()),
        *figures_before(s, first.start),
    ][-FIGURES_BACK:]
    for q in reversed(pool):
        if q.unit != first.unit:
            continue
        label = ctx.label_across_brackets(q)
        if not any(w in label for w in p.bare):
            continue
        if nonadditive_figure(label, q.unit) or any(w in label for w in _EARLIER):
            return None
        return q
    return None
