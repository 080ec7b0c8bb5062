"""The text cut into paragraphs, sentences and clauses: the context every claim kind reads.

Part of the shared matching helper (re-exported by :mod:`._match`). Segmentation: a
paragraph is a line; a sentence ends at 。！？!? or a line break; a clause ends at any of
，,；;：:、 or a bracket. A clause remembers the mark that opened it and its bracket depth,
so "(其中:…)" lists can be told from running text. :class:`Context` holds the sentences
with the quantities each contains, and the slot helpers kinds read: the label written
before a figure (:meth:`Context.label_before`), the sentences just before one
(:meth:`Context.window`).
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ..document import Table
from ..quantities import Quantity

__all__ = ["CLOSING", "OPENING", "SEMICOLONS", "Clause", "Context", "Sentence"]

SENTENCE_ENDS = frozenset("。！？!?\n")
CLAUSE_MARKS = frozenset("，,；;：:、")
OPENING = frozenset("(（[【")
CLOSING = frozenset(")）]】")
SEMICOLONS = frozenset("；;")
_END = operator.attrgetter("end")


# ---------------------------------------------------------------- segmentation


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


class Sentence(NamedTuple):
    """A sentence with its clauses; ``paragraph`` numbers the line it sits on, and
    ``quantities`` holds every quantity of its clauses, in order (gathered once)."""

    index: int
    paragraph: int
    start: int
    end: int
    clauses: tuple[Clause, ...]
    quantities: tuple[Quantity, ...] = ()


def _segment(text: str, quantities: Sequence[Quantity]) -> tuple[Sentence, ...]:
    """Cut ``text`` into sentences and clauses and file each quantity in its clause.

    A quantity's own characters never split it: marks inside a figure ("2,752,087")
    are skipped, so a figure always lies within one clause. One pass over the marks
    (found by a compiled pattern, not character by character) and one over the
    quantities in text order: linear in the size of the text.
    """
    ordered = tuple(sorted(quantities, key=lambda q: q.start))
    starts = [q.start for q in ordered] + [len(text) + 1]  # a sentinel past every clause
    covered = _covered(ordered) + [(len(text) + 1, len(text) + 1)]
    sentences: list[Sentence] = []
    clauses: list[Clause] = []
    paragraph = 0
    s_start = c_start = 0
    opener = ""
    depth = 0
    k = 0  # next quantity to file
    sk = 0  # the first quantity of the current sentence
    skipped = False
    cover = 0  # next covered stretch to test a mark against
    # the marks are read as they are found, each as the one shared string of its
    # character: a clause keeps its closing mark, and a document has a clause every few
    # characters, so a fresh one-character string per mark was most of a clause's memory
    shared = _SHARED_MARKS
    marks = itertools.chain(
        ((m.start(), shared[m.group()]) for m in _MARK.finditer(text)),
        ((len(text), ""),),  # the end of the text closes the last clause and sentence
    )
    # the loop below is the hot path of every check: plain locals, no helper calls
    for i, ch in marks:
        while covered[cover][1] <= i:
            cover += 1
        if covered[cover][0] <= i and ch:
            continue  # a mark inside a figure
        # file the clause [c_start, i) with the quantities that start inside it
        while starts[k] < c_start:
            k += 1  # cannot happen for a well-formed scan; skipped, never misfiled
            skipped = True
        j = k
        while starts[j] < i:
            j += 1
        clauses.append(_new(Clause, (c_start, i, opener, ch, depth, ordered[k:j])))
        k = j
        if ch in SENTENCE_ENDS or not ch:
            end = i + 1 if ch else i
            if len(clauses) > 0 or end > s_start:
                # the figures filed since the sentence began, unless one was skipped
                gathered = (
                    tuple(q for c in clauses for q in c.quantities) if skipped else ordered[sk:k]
                )
                sentences.append(
                    _new(Sentence, (len(sentences), paragraph, s_start, end, tuple(clauses), gathered))
                )
            clauses = []
            s_start, sk, skipped = end, k, False
            c_start, opener, depth = i + 1, "", 0
            if ch == "\n":
                paragraph += 1
        else:
            if ch in OPENING:
                depth += 1
            elif ch in CLOSING:
                depth = max(0, depth - 1)
            c_start, opener = i + 1, ch
    return tuple(sentences)


#: builds a named tuple from a plain tuple of its fields, without the keyword handling
#: of its constructor (a third of the cost; segmentation builds thousands of them)
_new = tuple.__new__

_MARK = re.compile(
    "[" + re.escape("".join(sorted(SENTENCE_ENDS | CLAUSE_MARKS | OPENING | CLOSING))) + "]"
)
#: each mark character → one string object for it, shared by every clause it closes
_SHARED_MARKS = {c: c for c in SENTENCE_ENDS | CLAUSE_MARKS | OPENING | CLOSING}


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


@dataclass(frozen=True)
class Context:
    """The text, its quantities and its sentences: everything ``extract`` reads.

    Built once per document by :meth:`build`; kinds may add cached helpers here.
    """

    text: str
    quantities: tuple[Quantity, ...]
    sentences: tuple[Sentence, ...] = ()
    _where: dict[int, tuple[int, int]] = field(default_factory=dict, repr=False, compare=False)
    #: the document's tables with their cells (Word files); empty for plain text
    tables: tuple[Table, ...] = field(default=(), repr=False, compare=False)
    #: per-document results a kind computes once and others reuse (e.g. the wholes of
    #: 其中 frames, which the share checks take as bases), keyed by the kind's name
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, text: str, quantities: tuple[Quantity, ...]) -> Context:
        """Segment ``text`` and index every quantity by its start offset."""
        sentences = _segment(text, quantities)
        where = {
            q.start: (s.index, ci)
            for s in sentences
            for ci, c in enumerate(s.clauses)
            for q in c.quantities
        }
        return cls(text, quantities, sentences, where)

    # -- navigation

    def locate(self, q: Quantity) -> tuple[Sentence, int] | None:
        """The sentence holding ``q`` and the index of its clause there."""
        hit = self._where.get(q.start)
        if hit is None:
            return None
        return self.sentences[hit[0]], hit[1]

    def window(self, sentence: Sentence, before: int = 2) -> tuple[Sentence, ...]:
        """Up to ``before`` sentences just before ``sentence`` in the same paragraph,
        nearest last, followed by ``sentence`` itself."""
        first = sentence.index
        while (
            first > 0
            and sentence.index - first < before
            and self.sentences[first - 1].paragraph == sentence.paragraph
        ):
            first -= 1
        return self.sentences[first : sentence.index + 1]

    def previous(self, sentence: Sentence) -> Sentence | None:
        """The sentence just before ``sentence`` in the same paragraph, if any."""
        if sentence.index == 0:
            return None
        prev = self.sentences[sentence.index - 1]
        return prev if prev.paragraph == sentence.paragraph else None

    # -- slots

    def clause_text(self, clause: Clause) -> str:
        """The characters of ``clause``."""
        return self.text[clause.start : clause.end]

    def label_before(self, q: Quantity, clause: Clause) -> str:
        """What the clause says before ``q`` (after any earlier figure in it): its label."""
        # the figures of a clause are sorted and do not overlap: the last one ending
        # before q is found by bisection, not by a walk over a clause of any length
        i = bisect.bisect_right(clause.quantities, q.start, key=_END)
        start = max(clause.start, clause.quantities[i - 1].end) if i else clause.start
        return self.text[start : q.start]

    def label_across_brackets(self, q: Quantity) -> str:
        """The label of ``q`` read through brackets before it: "全区共有村(社区)法律顾问186名"
        gives "全区共有村社区法律顾问", where :meth:`label_before` stops at the bracket."""
        located = self.locate(q)
        if located is None:
            return ""
        s, ci = located
        parts = [self.label_before(q, s.clauses[ci])]
        k = ci
        while k > 0 and s.clauses[k].opener in OPENING | CLOSING:
            k -= 1
            c = s.clauses[k]
            start = c.quantities[-1].end if c.quantities else c.start
            parts.insert(0, self.text[start : c.end])
            if c.quantities:
                break
        return "".join(parts)

    def after(self, q: Quantity, clause: Clause) -> str:
        """What the clause says after ``q``."""
        return self.text[q.end : clause.end]

    def between(self, a: int, b: int) -> str:
        """The text between two offsets (empty when ``b <= a``)."""
        return self.text[a:b] if b > a else ""
