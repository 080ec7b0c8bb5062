"""Frames: a whole and the parts the text ties to it, with what names the tie.

Every kind that needs a whole asks here (the totals check adds the parts up, the share
checks take the whole as the base of a part's share); none re-reads 其中 lists itself.
Cue words come from ``data/cues/totals.toml``; the list reading from :mod:`.parts`.

The frames the text names (every binding :data:`~consistency.claim.Evidence.NAMED`):

* ``共633人,其中495人…;138人…不予通过`` — a whole, 其中, its parts (a breakdown when the
  list is read as complete or as kinds of one thing, else a plain list);
* ``调解组织151个,调解员799名,其中…39个,调解员183名`` — wholes and parts paired by
  classifier;
* ``342项(含一趟不用跑320项)`` — a part in a 含 bracket;
* ``共收到28件,庭前调解23件,…,存量为0件`` — a 共 total whose list a remainder word (or
  分别) closes;
* ``刑事30件,民事50件,合计80件`` — a total written after its parts;
* ``化解纠纷2227件,调解成功2226件`` — an outcome (成功) of the attempts just before it;
* ``生产总值235.6亿元。第一产业增加值…;第二产业…;第三产业…`` — every member of a
  partition listed after the whole it divides, with no 其中 (:mod:`.unmarked`).
* ``受理34件。受理案件中投诉举报类12件,行政处罚类17件…`` — a list opened by the name of
  a whole stated in the sentence or two before (:mod:`.among`).

A frame whose whole or part states a measure that never adds up (人均收入, a change of
1.7倍 or 0.6个百分点: ``data/measures.toml`` [nonadditive]) is no frame.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ...quantities import Quantity
from .._match import (
    OPENING,
    SEMICOLONS,
    Clause,
    Context,
    Sentence,
    family,
    figure_interval,
    sum_interval,
    words_pattern,
)
from .among import among_frames
from .frame import BREAKDOWNS, Frame
from .measures import nonadditive_figure
from .memo import Key, remembered
from .parts import (
    AFTER_PARTS,
    CHANGE,
    CONTAINS,
    OUTCOME,
    PEOPLE,
    REMAINDER,
    RESPECTIVE,
    SUBSET,
    TOTAL,
    collect,
    countable_part,
    ends_list,
    lead,
    read_list,
    total_cue_in,
)
from .reach import FIGURES_BACK, clauses_back
from .unmarked import member_words, unmarked_frames

__all__ = ["BREAKDOWNS", "Frame", "frame_parts", "frames", "listed", "wholes"]

_FRAMES: Key[tuple[Frame, ...]] = Key("binding.frames")
_WHOLES: Key[dict[int, Quantity]] = Key("binding.wholes")
_LISTED: Key[frozenset[int]] = Key("binding.listed")


def frames(ctx: Context) -> tuple[Frame, ...]:
    """Every frame of the document, in text order of its cue (read once)."""
    return remembered(ctx, _FRAMES, _read_frames)


def wholes(ctx: Context) -> dict[int, Quantity]:
    """The whole each part belongs to, by the part's start offset: the base a share of
    that part is taken of ("收到申请18件,其中撤回2件,…率11.11%": 2件 → 18件)."""
    return remembered(ctx, _WHOLES, _read_wholes)


def listed(ctx: Context) -> frozenset[int]:
    """Start offsets of figures that are one of several parts of a list: a rate after
    such a figure ("信函申请35件,办结率100%") is a rate of the whole list, not of it."""
    return remembered(ctx, _LISTED, _read_listed)


_HELD: Key[dict[int, frozenset[int]]] = Key("binding.frame-parts")


def frame_parts(ctx: Context) -> dict[int, frozenset[int]]:
    """The start offsets of the parts of every frame, by the start of its whole."""

    def read(c: Context) -> dict[int, frozenset[int]]:
        out: dict[int, set[int]] = {}
        for frame in frames(c):
            out.setdefault(frame.whole.start, set()).update(p.start for p in frame.parts)
        return {k: frozenset(v) for k, v in out.items()}

    return remembered(ctx, _HELD, read)


def _read_wholes(ctx: Context) -> dict[int, Quantity]:
    out: dict[int, Quantity] = {}
    for frame in frames(ctx):
        if not frame.is_breakdown:
            for part in frame.parts:
                out.setdefault(part.start, frame.whole)
        elif frame.reading == "explicit" or _adds_up(frame):
            # a plain list that does not add up may hold a new statement among its
            # parts ("其中立案审查案件98件,办结96件"): its parts get no whole
            for part in frame.parts:
                out.setdefault(part.start, frame.whole)
    return out


def _read_listed(ctx: Context) -> frozenset[int]:
    found: set[int] = set()
    for frame in frames(ctx):
        if frame.is_breakdown or (frame.reading == "open" and len(frame.parts) > 1):
            found.update(p.start for p in frame.parts)
    return frozenset(found)


def _adds_up(frame: Frame) -> bool:
    total = sum_interval(frame.parts)
    stated = figure_interval(frame.whole)
    return total is not None and stated is not None and total.intersects(stated)


# ---------------------------------------------------------------- reading the frames


_TOTAL_WORD = words_pattern(TOTAL)
_AFTER_WORD = words_pattern(AFTER_PARTS)
_OUTCOME_WORD = words_pattern(OUTCOME)
_FRAME_CUE = words_pattern((*SUBSET, *CONTAINS))


def _has(pattern: re.Pattern[str], ctx: Context, s: Sentence) -> bool:
    return pattern.search(ctx.text, s.start, s.end) is not None


def _read_frames(ctx: Context) -> tuple[Frame, ...]:
    seen: set[tuple[str, int, tuple[int, ...]]] = set()
    found: list[Frame] = []
    for s in ctx.with_figures():  # every reading below takes its parts from the sentence itself
        # each reading needs its cue word somewhere in the sentence: one search for it
        # spares a walk over every clause and figure of the many sentences without one
        here = [
            *(_frames_after_cue(ctx, s) if _has(_FRAME_CUE, ctx, s) else ()),
            *(_closed_totals(ctx, s) if _has(_TOTAL_WORD, ctx, s) else ()),
            *(_summed(ctx, s) if _has(_AFTER_WORD, ctx, s) else ()),
            *(_outcomes(ctx, s) if _has(_OUTCOME_WORD, ctx, s) else ()),
        ]
        if _has(member_words(), ctx, s):
            here += unmarked_frames(ctx, s, here)
        if not here:
            here += among_frames(ctx, s)  # "受理案件中…": the whole named sentences before
        for frame in here:
            if not all(_additive(ctx, q) for q in (frame.whole, *frame.parts)):
                continue  # 人均收入, 增长1.7倍: measures that never add up nor bound a part
            key = (
                "breakdown" if frame.is_breakdown else "parts",
                frame.whole.start,
                tuple(p.start for p in frame.parts),
            )
            if key not in seen:
                seen.add(key)
                found.append(frame)
    return tuple(found)


def _additive(ctx: Context, q: Quantity) -> bool:
    """Can ``q`` add into a total or bound a part (not an average, a price, a change in
    百分点 or 倍)?"""
    return not nonadditive_figure(ctx.label_across_brackets(q), q.unit)


def _starts(words: Sequence[str]) -> re.Pattern[str]:
    """A pattern matching (emptily) at every offset where one of ``words`` starts: a
    word inside another ("含" in "包含") starts a cue of its own."""
    return re.compile("(?=" + "|".join(re.escape(w) for w in words) + ")")


_SUBSET_AT = _starts(SUBSET)
_CONTAINS_AT = _starts(CONTAINS)


def _cue_positions(ctx: Context, clause: Clause, starts: re.Pattern[str]) -> list[int]:
    """The offsets in ``clause`` where a cue word of ``starts`` begins (and ends within
    the clause), in order."""
    return [m.start() for m in starts.finditer(ctx.text, clause.start, clause.end)]


def _frames_after_cue(ctx: Context, s: Sentence) -> Iterator[Frame]:
    """其中 / 含 frames: a whole before the cue, its parts after it."""
    for ci, clause in enumerate(s.clauses):
        for cue_at in _cue_positions(ctx, clause, _SUBSET_AT):
            yield from _frame(ctx, s, ci, cue_at, contains=False)
        for cue_at in _cue_positions(ctx, clause, _CONTAINS_AT):
            if clause.opener in OPENING and not ctx.between(clause.start, cue_at).strip():
                yield from _frame(ctx, s, ci, cue_at, contains=True)


def _frame(ctx: Context, s: Sentence, ci: int, cue_at: int, *, contains: bool) -> Iterator[Frame]:
    parts = collect(ctx, s, ci, cue_at)
    if not parts.figures:
        return
    before = _before(ctx, s, ci, cue_at)
    if not before:
        return
    pairs = _parallel(before, parts.figures)
    if pairs:
        for whole, part in pairs:
            yield Frame(whole, (part,), "paired", "其中, paired by classifier")
        return
    figures, cut = parts.pick()
    if contains:
        # "342项(含…320项)": the whole is the figure the bracket is attached to
        opening = s.clauses[ci].start - 1
        whole = before[-1] if not ctx.between(before[-1].end, opening).strip() else None
        if whole is not None:
            yield Frame(whole, figures, "contains", "含 bracket")
        return
    whole = _whole(ctx, before, figures)
    if whole is None:
        return
    if len(figures) == 1 or cut:
        yield Frame(whole, figures, "part", "其中")
        return
    reading, why = read_list(ctx, whole, cue_at, parts, figures)
    how = "其中 list" if reading != "open" else "其中 list left open"
    if why:
        how = f"其中 list of {why}"
    yield Frame(whole, figures, reading, how)


def _before(ctx: Context, s: Sentence, ci: int, cue_at: int) -> list[Quantity]:
    """Countable figures that could be the whole: before the cue in its frame (since the
    last semicolon of the sentence), or, for a cue opening its sentence, in the sentence
    before."""
    found: list[Quantity] = []
    for clause in (s.clauses[ci], *clauses_back(s, ci)):
        found[:0] = [
            q for q in clause.quantities[-FIGURES_BACK:] if q.end <= cue_at and countable_part(q)
        ]
        if clause.opener in SEMICOLONS:
            break
    if found:
        return found
    if cue_at - s.start > 8 or ctx.between(s.start, cue_at).strip(" \u3000\t\r\n,，"):
        return []
    prev = ctx.previous(s)
    if prev is None:
        return []
    return [q for q in prev.quantities if countable_part(q)]


def _parallel(wholes: Sequence[Quantity], parts: Sequence[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """Pairs for "151个,799名,其中39个,183名": as many wholes as parts, just before the cue,
    with the same sequence of distinct units."""
    n = len(parts)
    if n < 2 or len(wholes) < n:
        return []
    units = [q.unit for q in parts]
    if len(set(units)) != n or [q.unit for q in wholes[-n:]] != units:
        return []
    return list(zip(wholes[-n:], parts))


def _whole(ctx: Context, wholes: Sequence[Quantity], parts: Sequence[Quantity]) -> Quantity | None:
    """The whole the parts belong to, if the text makes it clear.

    It is the last figure before the cue of the parts' unit (or family). It is clear
    when it carries a total cue or no other figure of that unit stands before it in its
    frame; a run of coordinated figures ("制定1件,修改2件,废止1件,其中…") is not clear.
    """
    units = {q.unit for q in parts}
    fam = family(parts[0])
    same = [q for q in wholes if q.unit in units] if len(units) == 1 else []
    if not same:
        # 件, 个, 项 all count documents; people (人, 名) are never counted as things
        people = {q.unit in PEOPLE for q in parts}
        same = [q for q in wholes if family(q) == fam and {q.unit in PEOPLE} == people]
    if not same:
        return None
    if not any(_a_change(ctx, q) for q in parts):
        # "生产总值626.9亿元,比同期增加73.5亿元…其中,一产…": levels are not parts of a change
        same = [q for q in same if not _a_change(ctx, q)]
        if not same:
            return None
    whole = same[-1]
    if total_cue_in(ctx.label_across_brackets(whole)):
        return whole
    return whole if len(same) == 1 else None


def _a_change(ctx: Context, q: Quantity) -> bool:
    """Is ``q`` written as a change (``比同期增加73.5亿元``, ``减少了12件``)?"""
    label = ctx.label_across_brackets(q).rstrip().removesuffix("了")
    return label.endswith(CHANGE)


def _closed_totals(ctx: Context, s: Sentence) -> Iterator[Frame]:
    """``共T件,A a件,B b件,存量为c件``: a total followed by coordinated parts, a frame
    only when the list says it is complete (a remainder word in its last clause, or 分别)."""
    clauses = s.clauses
    for ci, clause in enumerate(clauses):
        if not clause.quantities:
            continue
        whole = clause.quantities[-1]
        if not countable_part(whole) or not total_cue_in(ctx.label_across_brackets(whole)):
            continue
        if any(w in ctx.clause_text(clause) for w in SUBSET):
            continue
        parts: list[Quantity] = []
        head = ctx.after(whole, clause) + (lead(ctx, clauses[ci + 1]) if ci + 1 < len(clauses) else "")
        respective = any(w in head for w in RESPECTIVE)
        for c in clauses[ci + 1 :]:
            text = ctx.clause_text(c)
            if c.opener in SEMICOLONS or c.depth != clause.depth:
                break
            if ends_list(text) or total_cue_in(lead(ctx, c)):
                break
            mine = [q for q in c.quantities if family(q) == family(whole)]
            if len(mine) != 1 or len(c.quantities) != 1:
                break
            parts.append(mine[0])
        if len(parts) < 2:
            continue
        closer = next(
            (w for w in REMAINDER if w in ctx.clause_text(clauses[ci + len(parts)])), None
        )
        if respective:
            yield Frame(whole, tuple(parts), "explicit", "共 … 分别")
        elif closer is not None:
            yield Frame(whole, tuple(parts), "explicit", f"共 … closed by {closer}")


def _summed(ctx: Context, s: Sentence) -> Iterator[Frame]:
    """``A a件,B b件,C c件,合计T件``: a total written after its parts, each clause before
    it (back to the start of its run) holding one figure of the total's family."""
    for ci, clause in enumerate(s.clauses):
        if len(clause.quantities) != 1 or ci < 2:
            continue
        whole = clause.quantities[0]
        cue = lead(ctx, clause).strip()
        if not countable_part(whole) or len(cue) > 4 or not cue.startswith(AFTER_PARTS):
            continue
        parts: list[Quantity] = []
        for c in reversed(s.clauses[:ci]):
            if len(c.quantities) != 1 or family(c.quantities[0]) != family(whole):
                break
            if ends_list(ctx.clause_text(c)):
                break
            parts.insert(0, c.quantities[0])
            if total_cue_in(lead(ctx, c)):
                break  # "本年共收到28件,上年结转3件,共计31件": a marked figure opens the run
            if c.opener in SEMICOLONS or c.depth != clause.depth:
                break
        if len(parts) >= 2:
            yield Frame(whole, tuple(parts), "explicit", f"{cue[:2]} after its parts")


def _outcomes(ctx: Context, s: Sentence) -> Iterator[Frame]:
    """``化解纠纷2227件,调解成功2226件``: a success count is a subset of the count before it."""
    for ci in range(1, len(s.clauses)):
        clause, prev = s.clauses[ci], s.clauses[ci - 1]
        if len(clause.quantities) != 1 or not prev.quantities:
            continue
        part, whole = clause.quantities[0], prev.quantities[-1]
        if not (countable_part(part) and countable_part(whole)) or part.unit != whole.unit:
            continue
        label = ctx.label_before(part, clause)
        word = next((w for w in OUTCOME if w in label), None)
        if word is not None and clause.opener not in SEMICOLONS:
            yield Frame(whole, (part,), "outcome", f"{word} after its attempts")
