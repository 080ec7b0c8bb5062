"""Shared matching over sentences: the context every claim kind reads.

A claim kind never walks raw text. It receives a :class:`Context` holding the text cut
into paragraphs, sentences and clauses, each with the quantities it contains, and uses
the helpers here to

* find cue words (:func:`load_cues`, :func:`find_cue`, :func:`has_cue`), which live in
  data files under ``consistency/data/cues/``;
* fill slots: the label written before a figure (:meth:`Context.label_before`), the
  figures of a clause, the sentences just before one (:meth:`Context.window`);
The figure helpers below (families, intervals, judging, display) live in
:mod:`._figures` and are re-exported here, so kinds import everything from ``_match``.

* tell which family a unit belongs to (:func:`family`): every counted classifier
  (件, 个, 项, 人, 次, …) is one family ``count``, money is ``money``, ``%`` is ``percent``;
* read what a stated figure allows (:func:`figure_interval`): exact for a whole count,
  half a resolution either side for a rounded decimal, the bounds of 余 / 以上;
* judge a computed interval against a stated figure under the rounding policy
  (:func:`judge`): accepted modes first, then tolerated ones.

Segmentation: a paragraph is a line; a sentence ends at 。！？!? or a line break; a clause
ends at any of ，,；;：:、 or a bracket. A clause remembers the mark that opened it and
its bracket depth, so "(其中:…)" lists can be told from running text.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from importlib import resources
from typing import NamedTuple

from ..document import Table
from ..errors import DataFileError
from ..intervals import Interval, RoundingMode, rounding_preimage
from ..quantities import Quantity
from ..verdicts import RoundingPolicy, Verdict
from ._figures import (
    Judgement,
    countable,
    decided,
    family,
    figure_interval,
    fmt_figure,
    fmt_interval,
    fmt_like,
    fmt_number,
    fmt_percent,
    is_whole_count,
    judge,
    stated_allows,
    sum_interval,
)

__all__ = [
    "CLOSING",
    "OPENING",
    "SEMICOLONS",
    "Clause",
    "Context",
    "Judgement",
    "RoundedInput",
    "Sentence",
    "countable",
    "decide_printed_first",
    "decided",
    "family",
    "figure_interval",
    "find_cue",
    "fmt_figure",
    "fmt_interval",
    "fmt_like",
    "fmt_number",
    "fmt_percent",
    "has_cue",
    "is_whole_count",
    "judge",
    "load_cues",
    "load_words",
    "stated_allows",
    "sum_interval",
]

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


# ---------------------------------------------------------------- cue data


@functools.cache
def load_cues(name: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """The cue table ``data/cues/<name>.toml``: ``{table: {key: (word, ...)}}``.

    Every value must be a list of non-empty strings; anything else raises
    :class:`~consistency.errors.DataFileError` naming the file, table and key.
    """
    return load_words(f"data/cues/{name}.toml")


@functools.cache
def load_words(path: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """A word table of the package, ``{table: {key: (word, ...)}}``, longest words first;
    ``path`` is relative to the package (``data/measures.toml``)."""
    try:
        raw = tomllib.loads(
            resources.files("consistency").joinpath(path).read_text(encoding="utf-8")
        )
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(path, str(exc)) from exc
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for table, body in raw.items():
        if not isinstance(body, dict):
            raise DataFileError(path, "expected a table of word lists", key=table)
        words: dict[str, tuple[str, ...]] = {}
        for key, value in body.items():
            if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
                raise DataFileError(path, "expected a list of non-empty strings", key=f"{table}.{key}")
            # longest first, so "共计" is found before "共"
            words[key] = tuple(sorted(value, key=len, reverse=True))
        out[table] = words
    return out


def find_cue(text: str, words: Iterable[str]) -> tuple[int, str] | None:
    """The last occurrence in ``text`` of any of ``words`` (longest wins at a tie)."""
    best: tuple[int, str] | None = None
    for w in words:
        i = text.rfind(w)
        if i >= 0 and (best is None or i > best[0] or (i == best[0] and len(w) > len(best[1]))):
            best = (i, w)
    return best


def has_cue(text: str, words: Iterable[str]) -> bool:
    """Does ``text`` contain any of ``words``?"""
    return any(w in text for w in words)


# ---------------------------------------------------------------- printed figures first
#
# Claims computed from other stated figures (a change rate from a before and an after, a
# ratio from two counts) are judged in three steps: from the figures as printed; then
# with the inputs widened to every value that prints as them (a fit there is a note, not
# a pass: readers recomputing from the page get another number); then under the
# tolerated rounding modes (a warning). Only when all fail is the claim inconsistent.


@dataclass(frozen=True, slots=True)
class RoundedInput:
    """A figure a claim computes from; ``averaged`` marks an average (``平均…24天``), so
    that even a whole count in it is a rounded value."""

    q: Quantity
    averaged: bool = False

    @property
    def printed(self) -> Fraction | None:
        """The value as printed, or None when only a range is stated (余, 约, 以上)."""
        q = self.q
        if q.approx or q.low is None or q.high is None or q.low != q.high:
            return None
        return Fraction(q.value)

    def allowed(self, mode: RoundingMode) -> Interval | None:
        """Every true value this figure may stand for, rounded under ``mode``."""
        q = self.q
        if self.averaged and is_whole_count(q):
            return rounding_preimage(Fraction(q.value), q.resolution, mode)
        return figure_interval(q, mode)


def decide_printed_first(
    stated: Quantity,
    inputs: Sequence[RoundedInput],
    f: Callable[..., Interval],
    policy: RoundingPolicy,
    codes: tuple[str, str, str, str],
    percent: bool,
) -> tuple[Verdict, str | None, Interval | None, RoundingMode | None, dict[str, str]]:
    """Judge ``stated`` against ``f(*inputs)`` in the three steps above.

    ``codes`` are (error, rounded-inputs note, truncation warning, undecidable); the
    result is (verdict, code, computed, mode, params) with ``params["value"]`` the value
    or interval that decided and ``params["printed"]`` the value of the printed figures.
    """
    error, note, warning, undecidable = codes
    exact: Interval | None = None
    try:
        printed = [i.printed for i in inputs]
        if all(v is not None for v in printed):
            exact = f(*(Interval.exact(v) for v in printed if v is not None))
            fixed = exact
            j = judge(lambda _m: fixed, stated, RoundingPolicy(policy.accepted, ()))
            if j.verdict is Verdict.CONSISTENT:
                return Verdict.CONSISTENT, None, exact, j.mode, _shown(exact, exact, percent)
        j = judge(lambda m: _widened(f, inputs, m), stated, policy)
    except ArithmeticError:  # a zero base, or a change as large as its level
        return Verdict.UNDECIDABLE, undecidable, exact, None, _shown(exact, exact, percent)
    if j.verdict is Verdict.UNDECIDABLE:
        return Verdict.UNDECIDABLE, undecidable, exact, None, _shown(exact, exact, percent)
    if j.verdict is Verdict.INCONSISTENT:
        shown = exact if exact is not None else j.computed
        return Verdict.INCONSISTENT, error, shown, None, _shown(shown, exact, percent)
    code = note if j.verdict is Verdict.CONSISTENT else warning
    return Verdict.CONDITIONAL, code, j.computed, j.mode, _shown(j.computed, exact, percent)


def _widened(
    f: Callable[..., Interval], inputs: Sequence[RoundedInput], mode: RoundingMode
) -> Interval | None:
    allowed = [i.allowed(mode) for i in inputs]
    if any(a is None for a in allowed):
        return None
    return f(*allowed)


def _shown(iv: Interval | None, printed: Interval | None, percent: bool) -> dict[str, str]:
    return {
        "value": fmt_interval(iv, percent=percent) if iv is not None else "—",
        "printed": fmt_interval(printed, percent=percent) if printed is not None else "—",
    }
