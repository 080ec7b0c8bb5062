"""The context every claim kind reads: the text, its figures and its sentences.

Part of the shared matching helper (re-exported by :mod:`._match`). :class:`Context`
holds the text cut into sentences and clauses (:mod:`._segments`) with the quantities
each contains, and the slot helpers kinds read: the label written before a figure
(:meth:`Context.label_before`), the sentences just before one (:meth:`Context.window`).
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..document import Table
from ..quantities import Quantity
from ._segments import CLOSING, OPENING, SEMICOLONS, Clause, Sentence, Sentences

__all__ = ["CLOSING", "OPENING", "SEMICOLONS", "Clause", "Context", "Sentence"]

_END = operator.attrgetter("end")
_BRACKETS = OPENING | CLOSING
#: how many labels :meth:`Context.label_across_brackets` keeps before starting afresh
_LABELS_KEPT = 4096


@dataclass(frozen=True)
class Context:
    """The text, its quantities and its sentences: everything ``extract`` reads.

    Built once per document by :meth:`build`; kinds may add cached helpers here.
    """

    text: str
    quantities: tuple[Quantity, ...]
    sentences: Sentences = field(repr=False, compare=False)
    #: the document's tables with their cells (Word files); empty for plain text
    tables: tuple[Table, ...] = field(default=(), repr=False, compare=False)
    #: per-document results a kind computes once and others reuse (e.g. the wholes of
    #: 其中 frames, which the share checks take as bases), keyed by the kind's name
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)
    #: labels read through brackets, by the figure's start (see :meth:`label_across_brackets`)
    _labels: dict[int, str] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, text: str, quantities: tuple[Quantity, ...]) -> Context:
        """Segment ``text`` and file every quantity in its sentence."""
        return cls(text, quantities, Sentences.segment(text, quantities))

    # -- navigation

    def locate(self, q: Quantity) -> tuple[Sentence, int] | None:
        """The sentence holding ``q`` and the index of its clause there."""
        return self.sentences.locate(q.start)

    def with_figures(self) -> Iterator[Sentence]:
        """The sentences holding at least one figure, in order."""
        return self.sentences.with_figures()

    def window(self, sentence: Sentence, before: int = 2) -> tuple[Sentence, ...]:
        """Up to ``before`` sentences just before ``sentence`` in the same paragraph,
        nearest last, followed by ``sentence`` itself."""
        first = sentence.index
        paragraph = self.sentences.paragraph
        while first > 0 and sentence.index - first < before and paragraph(first - 1) == sentence.paragraph:
            first -= 1
        return (*self.sentences[first : sentence.index], sentence)

    def previous(self, sentence: Sentence) -> Sentence | None:
        """The sentence just before ``sentence`` in the same paragraph, if any."""
        i = sentence.index - 1
        if i < 0 or self.sentences.paragraph(i) != sentence.paragraph:
            return None
        return self.sentences[i]

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
        gives "全区共有村社区法律顾问", where :meth:`label_before` stops at the bracket.

        The kinds ask again for the labels of the figures just before each share or
        part they read, so the latest few thousand are kept (the label depends on the
        figure's start alone); the cache is emptied when full, so it stays small."""
        kept = self._labels
        label = kept.get(q.start)
        if label is None:
            if len(kept) >= _LABELS_KEPT:
                kept.clear()
            label = kept[q.start] = self._label_across_brackets(q)
        return label

    def _label_across_brackets(self, q: Quantity) -> str:
        located = self.locate(q)
        if located is None:
            return ""
        s, ci = located
        parts = [self.label_before(q, s.clauses[ci])]
        k = ci
        while k > 0 and s.clauses[k].opener in _BRACKETS:
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
