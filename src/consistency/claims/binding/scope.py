"""Scopes: the period, the level, the phase, the type of action, and whether a result or a
target, that a figure is stated under (words in ``data/measures.toml [scope]``).

The same words under different scopes name different measures: a province's figure and
its cities', a self-check and a spot-check, 行政处罚 and 行政强制, this year's and the
five years', a result and next year's target. A figure's scope is read outward from it:

* its clause (levels, phases, types of action before it, or in the sentence's opening);
* its period, the nearest named: the sentence's own dates and period words (a comparison
  base such as ``较去年同期`` or ``比2019年`` is not the figure's period), else the period
  named earlier in its paragraph, else the one a paragraph opening named for its section
  (``这五年,…`` sets the span for the paragraphs that follow, until the next heading),
  else the heading above it, and the headings above that;
* ``今年`` and its like are the one year the headings above name (``一、2025年工作回顾``),
  when they name one;
* a heading naming a plan (``二、2026年工作安排``) makes everything below it a target, and
  a sentence naming one (``今年主要预期目标是:…``) the rest of its paragraph.

:func:`relate` then says how two scopes compare: the same (named), one leaving unsaid what
the other says (position only), or different (no claim). The whole document is read once,
in text order, so the work is linear in its length.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import operator
import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

import regex

from ...claim import Evidence
from ...errors import DataFileError
from ...numerals import parse_chinese
from .._folded import folded
from .._match import CLOSING, OPENING, Context, Sentence, load_words, words_pattern
from .._segments import Sentences

__all__ = [
    "Heading",
    "Scope",
    "figure_scope",
    "headings",
    "period_prefix",
    "relate",
    "sentence_scopes",
]

_PATH = "data/measures.toml"
_MEMO = "binding-scope-sentences"
_CN = "一二三四五六七八九十"
_BRACKETS = OPENING | CLOSING

# ---------------------------------------------------------------- headings

#: a heading at the start of a line: "二、", "（二）" or "2." / "2、"
_HEADING_BODY = (
    rf"[^\S\n]*(?:(?P<comma>[{_CN}]+)、|[(（](?P<paren>[{_CN}]+)[)）]"
    r"|(?P<arabic>\d{1,2})[.．、](?!\d))"
)
_HEADING = regex.compile(_HEADING_BODY)
#: the same after a line break: a search led by a plain character is much faster than
#: one led by a line-start anchor
_HEADING_AFTER_BREAK = regex.compile(r"\n" + _HEADING_BODY)
_HEADING_TEXT = regex.compile(r"[^。\n]{0,60}")


class Heading(NamedTuple):
    """A heading: where its first visible character is, where its number ends, its
    level (0 for 二、, 1 for （二）, 2 for 2.) and its number as written."""

    start: int
    end: int
    level: int
    ordinal: str


def headings(view: str) -> Iterator[Heading]:
    """Every heading of ``view`` in order. A heading never spans a line, so the one
    opening the text and those after each line break are all of them."""
    first = _HEADING.match(view)
    if first is not None:
        yield _heading(first, 0)
    for m in _HEADING_AFTER_BREAK.finditer(view):
        yield _heading(m, 1)


def _heading(m: regex.Match[str], skip: int) -> Heading:
    body = m.group(0)[skip:]
    start = m.start() + skip + len(body) - len(body.lstrip())
    for level, group in enumerate(("comma", "paren", "arabic")):
        ordinal = m.group(group)
        if ordinal is not None:
            return Heading(start, m.end(), level, ordinal)
    raise AssertionError("a heading match sets one of its three numbers")


# ---------------------------------------------------------------- periods

_YEAR, _PART, _SPAN, _OTHER = "year", "part", "span", "other"
_CURRENT = "今年"
#: the report's own period: 今年 and 全年 say no more than a figure stated with no period
_OWN_PERIOD = frozenset({(_CURRENT, _YEAR), ("1-12月", _PART)})


@dataclass(frozen=True, slots=True)
class _Periods:
    """The period words compiled: one pattern for every word and date, the canonical
    token and kind of each word, and the comparison words."""

    pattern: regex.Pattern[str]
    #: the alternatives of ``pattern`` apart: one search each is several times faster
    #: over a whole document than one search for all
    passes: tuple[regex.Pattern[str] | re.Pattern[str], ...]
    words: dict[str, tuple[str, str]]
    comparisons: tuple[str, ...]
    targets: re.Pattern[str]
    plan_headings: re.Pattern[str]
    scope_words: re.Pattern[str]
    families: dict[str, str]


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _table() -> _Periods:
    t = load_words(_PATH)["scope"]
    words: dict[str, tuple[str, str]] = {}
    for w in t["periods"]:
        words[w] = (w, _OTHER)
    for w in t["current"]:
        words[w] = (_CURRENT, _YEAR)
    for w in t["spans"]:
        words[w] = (w, _SPAN)
    for entry in t["parts"]:
        parts = entry.split()
        if len(parts) != 2 or not regex.fullmatch(r"\d{1,2}(?:-\d{1,2})?月", parts[1]):
            raise DataFileError(_PATH, f"expected 'word months', got {entry!r}", key="scope.parts")
        words[parts[0]] = (parts[1], _PART)
    dates = (
        r"(?P<year>(?:19|20)\d{2})年度?",
        r"(?<![\d.])(?P<m1>\d{1,2})(?:[-—–~至到](?P<m2>\d{1,2}))?月份?",
        rf"[首前](?P<n>\d{{1,2}}|[两{_CN}]{{1,3}})个月",
        rf"(?<![{_CN}第])(?P<cm>[{_CN}]{{1,3}})月份?",
    )
    named = f"(?P<word>{_alternation(tuple(words))})"
    families = {w: fam for fam in ("levels", "phases", "enforcement") for w in t[fam]}
    return _Periods(
        pattern=regex.compile("|".join((*dates, named))),
        passes=(*(regex.compile(a) for a in dates), re.compile(named)),
        words=words,
        comparisons=t["comparisons"],
        targets=words_pattern(t["targets"]),
        plan_headings=words_pattern((*t["plan_headings"], *t["targets"])),
        scope_words=words_pattern(families),
        families=families,
    )


def _token(m: regex.Match[str] | re.Match[str]) -> tuple[str, str] | None:
    """The canonical period and its kind for one match of a period pattern."""
    g = m.groupdict()
    if g.get("word") is not None:
        return _table().words[g["word"]]
    if g.get("year") is not None:
        return g["year"] + "年", _YEAR
    if g.get("n") is not None:
        n = _number(g["n"])
        return (f"1-{n}月", _PART) if n and 1 <= n <= 12 else None
    if g.get("cm") is not None:
        n = _number(g["cm"])
        return (f"{n}月", _PART) if n and 1 <= n <= 12 else None
    a, b = int(g["m1"]), g.get("m2")
    if not 1 <= a <= 12 or (b is not None and not a < int(b) <= 12):
        return None
    if b is not None and a == 1 and int(b) == 12:
        return "1-12月", _PART
    return (f"{a}-{int(b)}月" if b is not None else f"{a}月"), _PART


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    v = parse_chinese(text.replace("两", "二"))
    return int(v) if v is not None and v.denominator == 1 else None


def _period_marks(view: str) -> list[tuple[int, int, tuple[str, str]]]:
    """Every period the text names, in order: (start, end, (token, kind)). A period right
    after a comparison word (``较去年同期``, ``比2019年``), or right after another period
    so dropped, is the base of a comparison and left out. Each (token, kind) is one
    object for all the places naming it: a report names a few periods many times."""
    table = _table()
    found = sorted(
        (m for p in table.passes for m in p.finditer(view)), key=lambda m: (m.start(), -m.end())
    )
    out: list[tuple[int, int, tuple[str, str]]] = []
    shared: dict[tuple[str, str], tuple[str, str]] = {}
    dropped_end = reached = -1
    for m in found:
        if m.start() < reached:
            continue  # inside a longer period found from the same or an earlier start
        reached = m.end()
        before = view[max(0, m.start() - 3) : m.start()]
        if m.start() == dropped_end or before.endswith(table.comparisons):
            dropped_end = m.end()
            continue
        token = _token(m)
        if token is not None:
            out.append((m.start(), m.end(), shared.setdefault(token, token)))
    return out


def period_prefix(label: str) -> int:
    """How many characters of period words open ``label`` ("全年共受理…": 2), so that a
    label can be compared without the period its scope already holds."""
    n = 0
    pattern = _table().pattern
    while (m := pattern.match(label, n)) is not None and m.group("word") is not None and m.end() < len(label):
        n = m.end()
    return n


# ---------------------------------------------------------------- scopes


@dataclass(frozen=True, slots=True)
class Scope:
    """What a figure is stated under: its periods (canonical: ``2025年``, ``1-11月``,
    ``五年``), whether one of them is a multi-year or cumulative span, whether it is a
    target, and the levels, phases and types of action named before it."""

    periods: frozenset[tuple[str, str]] = frozenset()
    target: bool = False
    levels: frozenset[str] = frozenset()
    phases: frozenset[str] = frozenset()
    enforcement: frozenset[str] = frozenset()

    @property
    def span(self) -> bool:
        """Is one of its periods a multi-year or cumulative span (五年, 十四五, 累计)?"""
        return any(kind == _SPAN for _, kind in self.periods)

    def described(self) -> str:
        """The scope in a few words, for a binding's ``how``."""
        words = [t for t, _ in sorted(self.periods)] + sorted(self.levels | self.phases | self.enforcement)
        if self.target:
            words.append("target")
        return "、".join(words) or "unscoped"


class _Level:
    """One heading of the chain above a sentence (the root stands above the first)."""

    __slots__ = ("dates", "level", "running", "target")

    def __init__(self, level: int, dates: frozenset[str], running: frozenset[tuple[str, str]], target: bool) -> None:
        self.level, self.dates, self.running, self.target = level, dates, running, target


#: what a sentence inherits: the period in force, the one year its headings name, a plan
_Inherited = tuple[frozenset[tuple[str, str]], frozenset[str], bool]


class _Paragraphs:
    """The paragraph of each sentence, by index, read from the segmentation rather than
    copied (a sequence :mod:`bisect` can search: the paragraphs never decrease)."""

    __slots__ = ("_sentences",)

    def __init__(self, sentences: Sentences) -> None:
        self._sentences = sentences

    def __len__(self) -> int:
        return len(self._sentences)

    def __getitem__(self, index: int) -> int:
        return self._sentences.paragraph(index)


@dataclass(frozen=True, slots=True)
class _Document:
    """The periods a document names, in order, and what its headings pass down.

    What a sentence inherits is read when asked for (restated figures ask for a few
    dozen sentences of thousands): the heading chain above it, as it stood there, from
    ``chain`` (one entry for each heading and each paragraph opening that names a period,
    the only places where it changes); the rest from its own paragraph.

    Kept for the whole check, so kept small: the periods as three parallel columns
    (machine integers for the ends), the sentences' starts as machine integers (their
    paragraphs are read from the segmentation), and each set of periods, and each state
    of the chain, as one object however many places share it."""

    view: str
    starts: list[int]
    ends: array[int]
    tokens: list[tuple[str, str]]
    #: each sentence's start, and the end of the last
    bounds: array[int]
    paragraphs: _Paragraphs
    #: 2·i for a heading read before sentence i, 2·i + 1 for the opening i updating the
    #: chain after it: what the chain's innermost heading holds from there on
    keys: array[int]
    chain: list[_Inherited]
    #: each set of periods :meth:`named` has given, as itself: one object per distinct set
    shared: dict[frozenset[tuple[str, str]], frozenset[tuple[str, str]]]

    def named(self, a: int, b: int) -> frozenset[tuple[str, str]]:
        """The periods named within ``[a, b)``."""
        lo = bisect.bisect_left(self.starts, a)
        hi = bisect.bisect_left(self.starts, b, lo)
        if lo == hi:
            return _NONE
        ends = self.ends
        found = frozenset(self.tokens[k] for k in range(lo, hi) if ends[k] <= b)
        return self.shared.setdefault(found, found)

    def sentence_named(self, i: int) -> frozenset[tuple[str, str]]:
        """The periods sentence ``i`` names."""
        return self.named(self.bounds[i], self.bounds[i + 1])

    def inherited(self, i: int) -> _Inherited:
        """What sentence ``i`` inherits: the period named last before it in its paragraph,
        else the one its headings hold; the one year they name; a plan, if they are one
        or its paragraph named one before it."""
        running, dates, target = self.chain[bisect.bisect_right(self.keys, 2 * i) - 1]
        bounds = self.bounds
        opening = bisect.bisect_left(self.paragraphs, self.paragraphs[i])
        # the target words hold no sentence end, so one search over the paragraph's
        # sentences before this one finds what a search of each would
        planned = _table().targets.search(self.view, bounds[opening], bounds[i]) is not None
        return self._latest(opening, i) or running, dates, target or planned

    def _latest(self, first: int, i: int) -> frozenset[tuple[str, str]]:
        """The periods of the last sentence in ``[first, i)`` naming any."""
        bounds, starts = self.bounds, self.starts
        k = bisect.bisect_left(starts, bounds[i]) - 1
        while k >= 0 and starts[k] >= bounds[first]:
            j = bisect.bisect_right(bounds, starts[k]) - 1
            own = self.sentence_named(j)
            if own:
                return own
            k = bisect.bisect_left(starts, bounds[j]) - 1
        return _NONE


_NONE: frozenset[tuple[str, str]] = frozenset()


def _document(ctx: Context) -> _Document:
    """The periods of ``ctx`` and the heading chain through it, read once per document
    in text order and kept in ``ctx.memo``."""
    found = ctx.memo.get(_MEMO)
    if isinstance(found, _Document):
        return found
    view = folded(ctx)
    table = _table()
    marks = _period_marks(view)
    # the starts as machine integers, filled as the sentences are read: no list of
    # Python integers (nor of tuples) per sentence is ever held
    bounds = array("q", (start for _, _, start, _ in ctx.sentences.spans()))
    bounds.append(len(view))  # the sentences run to the end of the text
    doc = _Document(
        view, [m[0] for m in marks], array("q", [m[1] for m in marks]), [m[2] for m in marks],
        bounds, _Paragraphs(ctx.sentences), array("q", [-1]), [(_NONE, frozenset(), False)], {},
    )
    runs: dict[_Inherited, _Inherited] = {}
    stack = [_Level(-1, frozenset(), frozenset(), False)]
    for key, heading in _changes(doc, view):
        if heading is None:
            # a paragraph opening names the period of what follows it
            stack[-1].running = doc.sentence_named(key // 2) or stack[-1].running
        else:
            while stack[-1].level >= heading.level:
                stack.pop()
            end = heading.start + len(_HEADING_TEXT.match(view, heading.start).group(0))
            own = doc.named(heading.start, end)
            parent = stack[-1]
            dates = frozenset(t for t, kind in own if kind == _YEAR and t != _CURRENT)
            plan = parent.target or table.plan_headings.search(view, heading.start, end) is not None
            stack.append(_Level(heading.level, dates or parent.dates, own or parent.running, plan))
        top = stack[-1]
        here = (top.running, top.dates, top.target)
        doc.keys.append(key)
        doc.chain.append(runs.setdefault(here, here))  # one tuple for all alike
    ctx.memo[_MEMO] = doc
    return doc


def _changes(doc: _Document, view: str) -> Iterator[tuple[int, Heading | None]]:
    """Where the heading chain changes, by key (see :attr:`_Document.keys`), in order: at
    each heading (read before the first sentence starting at or after it) and at each
    paragraph opening that names a period (found from the periods, not by reading every
    sentence). Both are read as they come, so no list of them is held."""
    bounds, paragraphs = doc.bounds, doc.paragraphs
    n = len(paragraphs)
    heads = ((2 * bisect.bisect_left(bounds, h.start, 0, n), h) for h in headings(view))
    return heapq.merge(heads, _naming_openings(doc), key=operator.itemgetter(0))


def _naming_openings(doc: _Document) -> Iterator[tuple[int, None]]:
    """(2·i + 1, None) for each paragraph opening i holding a period, in order."""
    bounds, paragraphs = doc.bounds, doc.paragraphs
    last = -1
    for start in doc.starts:
        i = bisect.bisect_right(bounds, start) - 1
        if i != last and i < len(paragraphs) and (i == 0 or paragraphs[i] != paragraphs[i - 1]):
            yield 2 * i + 1, None
        last = i


def sentence_scopes(ctx: Context) -> list[Scope]:
    """The period and target of every sentence of ``ctx``, by index: the periods it
    names, else those it inherits."""
    doc = _document(ctx)
    out = []
    for i in range(len(doc.paragraphs)):
        inherited, dates, target = doc.inherited(i)
        out.append(Scope(_resolved(doc.sentence_named(i) or inherited, dates), target))
    return out


def _resolved(periods: frozenset[tuple[str, str]], dates: frozenset[str]) -> frozenset[tuple[str, str]]:
    """``今年`` read as the one year the headings above name, when they name one and the
    periods name no year of their own."""
    if (_CURRENT, _YEAR) not in periods or len(dates) != 1:
        return periods
    if any(kind == _YEAR and t != _CURRENT for t, kind in periods):
        return periods
    (year,) = dates
    return (periods - {(_CURRENT, _YEAR)}) | {(year, _YEAR)}


def figure_scope(ctx: Context, sentence: Sentence, clause: int, start: int) -> Scope:
    """The scope of a figure starting at ``start`` in clause ``clause`` of ``sentence``:
    the periods named before it in its sentence (else those the sentence inherits), its
    sentence's target, with the levels, phases and types of action named
    before it in its clause (read on through brackets: "市(州)12345热线…"; at most 40
    characters back) or in the sentence's first 24 characters."""
    view = folded(ctx)
    table = _table()
    doc = _document(ctx)
    inherited, dates, target = doc.inherited(sentence.index)
    # the periods named before the figure: a later one ("…1,376万元,年末滚存结余…")
    # belongs to the figures after it
    periods = _resolved(doc.named(sentence.start, start) or inherited, dates)
    k = clause
    while k > 0 and sentence.clauses[k].opener in _BRACKETS and clause - k < 2:
        k -= 1
    floor = max(sentence.clauses[k].start, start - 40)
    hits = set(table.scope_words.findall(view, floor, start))
    hits.update(table.scope_words.findall(view, sentence.start, min(sentence.end, sentence.start + 24)))
    if not hits:
        return Scope(periods, target)
    by: dict[str, set[str]] = {"levels": set(), "phases": set(), "enforcement": set()}
    for w in hits:
        by[table.families[w]].add(w)
    return Scope(periods, target, frozenset(by["levels"]), frozenset(by["phases"]), frozenset(by["enforcement"]))


def relate(a: Scope, b: Scope) -> Evidence | None:
    """How two scopes compare: None when they differ (a result and a target, a span and no
    span, two different years, months or spans, two different levels, phases or types of
    action); :attr:`Evidence.NAMED` when they are the same, reading ``今年`` and ``全年``
    as the report's own period, which an unscoped figure is in too; else
    :attr:`Evidence.POSITION` (one names what the other leaves unsaid, or names ``今年``
    where the other names a year it may be)."""
    if a.target != b.target or a.span != b.span:
        return None
    for x, y in ((a.levels, b.levels), (a.phases, b.phases), (a.enforcement, b.enforcement)):
        if x and y and not x & y:
            return None
    for kind in (_YEAR, _PART, _SPAN):
        x = {t for t, k in a.periods if k == kind}
        y = {t for t, k in b.periods if k == kind}
        if x and y and not x & y and _CURRENT not in x | y:
            return None
    if (
        a.periods - _OWN_PERIOD == b.periods - _OWN_PERIOD
        and a.levels == b.levels
        and a.phases == b.phases
        and a.enforcement == b.enforcement
    ):
        return Evidence.NAMED
    return Evidence.POSITION
