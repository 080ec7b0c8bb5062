"""Segmentation: the text cut into paragraphs, sentences and clauses, kept compact.

Part of the shared matching helper (re-exported by :mod:`._match`). A paragraph is a
line; a sentence ends at 。！？!? or a line break; a clause ends at any of ，,；;：:、 or a
bracket. A clause remembers the mark that opened it and its bracket depth, so "(其中:…)"
lists can be told from running text. A figure's own characters never split it: marks
inside a figure ("2,752,087") are skipped, so a figure always lies within one clause.

A document has a clause every ten characters or so, and most sentences hold no figure,
so the objects are built when they are read, not kept for the whole document:

* one pass over the sentence ends keeps, per sentence, only its start, its paragraph and the
  index of its first figure (three machine integers in arrays);
* a :class:`Sentence` holding figures is built once and kept (every kind reads those);
  one holding none is built again each time it is asked for, and is cheap to build;
* a sentence's clauses are cut again from its own text when first read, and kept for the
  last :data:`CLAUSES_KEPT` sentences read: the kinds read a sentence's clauses many
  times in a row, and the whole document's clauses would hold six times its size.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from array import array
from collections import deque
from collections.abc import Iterator, Sequence
from typing import NamedTuple, overload

from ..quantities import Quantity

__all__ = ["CLOSING", "OPENING", "SEMICOLONS", "Clause", "Sentence", "Sentences"]

SENTENCE_ENDS = frozenset("。！？!?\n")
CLAUSE_MARKS = frozenset("，,；;：:、")
OPENING = frozenset("(（[【")
CLOSING = frozenset(")）]】")
SEMICOLONS = frozenset("；;")
#: how many sentences keep their clauses once read (the least recently cut go first)
CLAUSES_KEPT = 1024

_START = operator.attrgetter("start")
_FIRST = operator.itemgetter(0)
_MARK = re.compile(
    "[" + re.escape("".join(sorted(SENTENCE_ENDS | CLAUSE_MARKS | OPENING | CLOSING))) + "]"
)
_SENTENCE_END = re.compile("[" + re.escape("".join(sorted(SENTENCE_ENDS))) + "]")
#: each mark character → one string object for it, shared by every clause it closes
_SHARED_MARKS = {c: c for c in SENTENCE_ENDS | CLAUSE_MARKS | OPENING | CLOSING}
#: builds a named tuple from a plain tuple of its fields, without the keyword handling
#: of its constructor (a third of the cost; a long sentence has hundreds of clauses)
_new = tuple.__new__


class Clause(NamedTuple):
    """A stretch of a sentence between two clause marks.

    ``opener`` is the mark just before it ("" at the start of a sentence, "(" after an
    opening bracket); ``closer`` the mark that ends it; ``depth`` its bracket depth.

    An immutable named tuple rather than a frozen dataclass: a document has thousands
    of clauses, and a frozen dataclass is several times slower to build.
    """

    start: int
    end: int
    opener: str
    closer: str
    depth: int
    quantities: tuple[Quantity, ...]


class Sentence:
    """A sentence: ``index`` in the document, the ``paragraph`` (line) it sits on, its
    offsets, ``quantities`` (every figure of its clauses, in order) and its ``clauses``
    (cut from its text when first read)."""

    __slots__ = ("_clauses", "_segments", "end", "index", "paragraph", "quantities", "start")

    def __init__(
        self, index: int, paragraph: int, start: int, end: int,
        quantities: tuple[Quantity, ...], segments: Sentences,
    ) -> None:
        self.index, self.paragraph, self.start, self.end = index, paragraph, start, end
        self.quantities = quantities
        self._clauses: tuple[Clause, ...] | None = None
        self._segments = segments

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """The clauses of the sentence, in order."""
        found = self._clauses
        return found if found is not None else self._segments.cut(self)

    def __repr__(self) -> str:
        return (f"Sentence(index={self.index}, paragraph={self.paragraph}, start={self.start}, "
                f"end={self.end}, {len(self.quantities)} figures)")


class Sentences(Sequence[Sentence]):
    """The sentences of one text, in order, read by index or slice.

    Built by :meth:`segment`; see the module's docstring for what is kept.
    """

    def __init__(self, text: str, ordered: tuple[Quantity, ...]) -> None:
        self._text = text
        #: the figures in text order, and their start offsets (shared int objects)
        self._ordered = ordered
        self._q_starts = [q.start for q in ordered]
        #: per sentence (one more entry at the end: the end of the text, the figures' count)
        self._starts = array("q")
        self._first = array("q")
        self._paragraphs = array("q")
        #: per figure, its sentence (−1 for a figure no clause could hold)
        self._q_sentence = array("q", [-1]) * len(ordered)
        #: the sentences whose figures are not one run of ``ordered`` (see :meth:`segment`)
        self._gathered: dict[int, tuple[Quantity, ...]] = {}
        self._figured: list[int] = []
        self._kept: dict[int, Sentence] = {}
        self._cut: deque[Sentence] = deque()

    # -- building

    @classmethod
    def segment(cls, text: str, quantities: Sequence[Quantity]) -> Sentences:
        """Cut ``text`` into sentences and file each quantity in its sentence.

        One pass over the sentence ends (found by a compiled pattern, not character by
        character) and one over the quantities in text order: linear in the size of the
        text. Clause marks, three in four of the marks, are not visited here: they
        matter to filing only through a stray figure (see :func:`_strays`), which is
        skipped, never misfiled.
        """
        ordered = tuple(quantities)
        if any(a.start > b.start for a, b in itertools.pairwise(ordered)):
            ordered = tuple(sorted(ordered, key=_START))
        out = cls(text, ordered)
        starts = out._q_starts + [len(text) + 1]  # a sentinel past every sentence
        covered = _covered(ordered) + [(len(text) + 1, len(text) + 1)]
        strays = _strays(text, ordered, covered)
        where = out._q_sentence
        paragraph = index = 0
        s_start = 0
        k = 0  # next quantity to file
        sk = 0  # the first quantity of the current sentence
        skipped = False
        cover = 0  # next covered stretch to test a mark against
        ends = itertools.chain(
            ((m.start(), m.group()) for m in _SENTENCE_END.finditer(text)),
            ((len(text), ""),),  # the end of the text closes the last sentence
        )
        # the loop below is the hot path of segmentation: plain locals, no helper calls
        for i, ch in ends:
            while covered[cover][1] <= i:
                cover += 1
            if covered[cover][0] <= i and ch:
                continue  # a mark inside a figure
            while starts[k] < i:
                if k in strays:
                    skipped = True
                else:
                    where[k] = index
                k += 1
            out._close(index, s_start, paragraph, sk, k, skipped)
            index += 1
            s_start = i + 1
            sk, skipped = k, False
            if ch == "\n":
                paragraph += 1
        out._starts.append(len(text))
        out._first.append(k)
        return out

    def _close(self, index: int, start: int, paragraph: int, first: int, last: int, skipped: bool) -> None:
        self._starts.append(start)
        self._first.append(first)
        self._paragraphs.append(paragraph)
        if skipped:
            where = self._q_sentence
            self._gathered[index] = tuple(self._ordered[k] for k in range(first, last) if where[k] == index)
            if self._gathered[index]:
                self._figured.append(index)
        elif last > first:
            self._figured.append(index)

    # -- reading

    def __len__(self) -> int:
        return len(self._paragraphs)

    @overload
    def __getitem__(self, index: int) -> Sentence: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Sentence, ...]: ...

    def __getitem__(self, index: int | slice) -> Sentence | tuple[Sentence, ...]:
        if isinstance(index, slice):
            return tuple(self._sentence(i) for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("sentence index out of range")
        return self._sentence(index)

    def __iter__(self) -> Iterator[Sentence]:
        return map(self._sentence, range(len(self)))

    def with_figures(self) -> Iterator[Sentence]:
        """The sentences holding at least one figure, in order (the others hold nothing a
        kind looking for figures could read)."""
        return map(self._sentence, self._figured)

    def paragraph(self, index: int) -> int:
        """The paragraph of sentence ``index``, without building the sentence."""
        return self._paragraphs[index]

    def spans(self) -> Iterator[tuple[int, int, int, int]]:
        """(index, paragraph, start, end) of every sentence, without building them."""
        starts = self._starts
        return zip(range(len(self)), self._paragraphs, starts, starts[1:], strict=False)

    def locate(self, start: int) -> tuple[Sentence, int] | None:
        """The sentence holding the figure starting at ``start``, and its clause's index."""
        x = bisect.bisect_right(self._q_starts, start) - 1
        where = self._q_sentence
        while x >= 0 and self._q_starts[x] == start:
            if where[x] >= 0:
                s = self._sentence(where[x])
                return s, bisect.bisect_right(s.clauses, start, key=_START) - 1
            x -= 1  # a figure no clause holds: an earlier one at the same offset may be held
        return None

    def _sentence(self, index: int) -> Sentence:
        found = self._kept.get(index)
        if found is not None:
            return found
        gathered = self._gathered
        quantities = (
            gathered[index] if index in gathered
            else self._ordered[self._first[index] : self._first[index + 1]]
        )
        s = Sentence(index, self._paragraphs[index], self._starts[index], self._starts[index + 1],
                     quantities, self)
        if quantities:
            self._kept[index] = s
        return s

    # -- clauses

    def cut(self, s: Sentence) -> tuple[Clause, ...]:
        """The clauses of ``s``, cut again from its text, kept for a while."""
        clauses = self._clauses(s.index, s.start, s.end)
        s._clauses = clauses
        kept = self._cut
        kept.append(s)
        if len(kept) > CLAUSES_KEPT:
            kept.popleft()._clauses = None
        return clauses

    def _clauses(self, index: int, s_start: int, s_end: int) -> tuple[Clause, ...]:
        """The clauses of sentence ``index``: the pass of :meth:`segment` again, from the
        sentence's start to its end, with the state it had there."""
        text, ordered = self._text, self._ordered
        first, last = self._first[index], self._first[index + 1]
        starts = self._q_starts
        covered = _covered(ordered[first:last]) + [(len(text) + 1, len(text) + 1)]
        shared = _SHARED_MARKS
        clauses: list[Clause] = []
        c_start, opener, depth = s_start, "", 0
        k = first
        cover = 0
        marks = [(m.start(), shared[m.group()]) for m in _MARK.finditer(text, s_start, s_end)]
        marks.append((len(text), ""))
        for i, ch in marks:
            while covered[cover][1] <= i:
                cover += 1
            if covered[cover][0] <= i and ch:
                continue  # a mark inside a figure
            while k < last and starts[k] < c_start:
                k += 1
            j = k
            while j < last and starts[j] < i:
                j += 1
            clauses.append(_new(Clause, (c_start, i, opener, ch, depth, ordered[k:j])))
            k = j
            if ch in SENTENCE_ENDS or not ch:
                break
            if ch in OPENING:
                depth += 1
            elif ch in CLOSING:
                depth = max(0, depth - 1)
            c_start, opener = i + 1, ch
        return tuple(clauses)


def _strays(text: str, ordered: Sequence[Quantity], covered: list[tuple[int, int]]) -> set[int]:
    """The quantities no clause holds: one starting before the text, or starting on a
    mark no figure covers (only an empty span can: any other covers its own start). A
    clause begins after its mark, so such a figure would start before its clause."""
    out = set()
    for k, q in enumerate(ordered):
        if q.start < 0:
            out.add(k)
        elif q.end <= q.start and text[q.start : q.start + 1] in _SHARED_MARKS:
            x = bisect.bisect_right(covered, q.start, key=_FIRST) - 1
            if x < 0 or covered[x][1] <= q.start:
                out.add(k)
    return out


def _covered(ordered: Sequence[Quantity]) -> list[tuple[int, int]]:
    """The stretches of text inside some quantity, merged, in order."""
    out: list[tuple[int, int]] = []
    for q in ordered:
        a, b = max(q.start, 0), q.end
        if b <= a:
            continue
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out
