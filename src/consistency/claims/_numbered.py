"""Numbered measures: the marks a count may announce (``一是…五是``, ``1.…3.``) and the
sections under a heading (``三、…七项重点工作`` followed by ``（一）…（七）``).

Helpers of :mod:`consistency.claims.enumerations`. Every mark of the document is found
once, in one pass per pattern, and kept sorted by position; a count then looks up the
marks after it by bisection. The work for one count is bounded by the length of the
sequence it reads, never by the length of the text or of the line it sits on, so
checking a document stays linear however many counts a line holds.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..numerals import parse_chinese
from ._lists import _cues

__all__ = ["Marks", "heading_level", "heading_sections", "line_start", "ordinal_style", "sequence"]

_CN = "一二三四五六七八九十"
#: a heading at the start of a line: "三、", "（三）" or "3." (its level: 0, 1, 2)
_HEADING = regex.compile(
    rf"[^\S\n]*(?:(?P<comma>[{_CN}]{{1,3}})、|[(（](?P<paren>[{_CN}]{{1,3}})[)）]"
    r"|(?P<arabic>\d{1,2})[.．、](?!\d))"
)
_ARABIC_MARK = regex.compile(r"(?<![\d.．A-Za-z])(\d{1,2})[.．、](?!\d)")
_INLINE_ORDINAL = regex.compile(rf"[{_CN}]+、")
_ARABIC = "arabic"
#: how far into its line a heading's count may sit, and how long the heading may run on
_HEAD_REACH = 80


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    value: int
    surface: str
    level: int = 0  # for headings: 0 for 三、, 1 for （三）, 2 for 3.


class Marks:
    """Every line break, heading and numbered mark of one document, sorted by position."""

    def __init__(self, view: str) -> None:
        self.view = view
        self.breaks = [m.start() for m in regex.finditer(r"\n", view)]
        # a heading opens a line: it is matched at each line's start, not searched for at
        # every character of the text
        lines = (0, *(k + 1 for k in self.breaks))
        self.headings = [
            h for at in lines if (m := _HEADING.match(view, at)) is not None and (h := _heading(m)) is not None
        ]
        self._heading_starts = [h.start for h in self.headings]
        self._inline = [m.start() for m in _INLINE_ORDINAL.finditer(view)]
        self._by_style: dict[str, tuple[list[_Mark], list[int]]] = {}

    def marks(self, style: str) -> tuple[list[_Mark], list[int]]:
        """The ordinal marks of ``style`` (``是``, ``要`` or arabic) and their starts."""
        found = self._by_style.get(style)
        if found is None:
            pattern = _ARABIC_MARK if style == _ARABIC else _ordinal_pattern(style)
            marks = [
                _Mark(m.start(), m.end(), int(v), m.group(0))
                for m in pattern.finditer(self.view)
                if (v := _value(m.group(1))) is not None
            ]
            found = self._by_style[style] = (marks, [m.start for m in marks])
        return found

    def next_heading(self, at: int) -> int:
        """The index in :attr:`headings` of the first heading starting at or after ``at``."""
        return bisect.bisect_left(self._heading_starts, at)

    def section_end(self, at: int) -> int:
        """Where the next heading after ``at`` starts (the text's end if none)."""
        k = self.next_heading(at)
        return self.headings[k].start if k < len(self.headings) else len(self.view)

    def next_inline(self, at: int, limit: int) -> int:
        """The first "一、"-style mark in ``[at, limit)``, or ``limit``."""
        k = bisect.bisect_left(self._inline, at)
        return min(self._inline[k], limit) if k < len(self._inline) else limit


def _heading(m: regex.Match[str]) -> _Mark | None:
    """A heading match as a mark starting at its first visible character."""
    body = m.group(0)
    start = m.start() + len(body) - len(body.lstrip())
    for level, group in enumerate(("comma", "paren", "arabic")):
        surface = m.group(group)
        if surface is not None:
            value = _value(surface)
            return None if value is None else _Mark(start, m.end(), value, body.strip(), level)
    return None


def _value(surface: str) -> int | None:
    if surface.isdigit():
        return int(surface)
    v = parse_chinese(surface)
    return int(v) if v is not None and v.denominator == 1 else None


@functools.cache
def _ordinal_pattern(style: str) -> regex.Pattern[str]:
    """Ordinals 一是, 二是, … (or 一要 …) of one style, compiled once per style."""
    return regex.compile(rf"(?<![第\d统之唯单万{_CN}])([{_CN}]{{1,3}}){style}")


def line_start(marks: Marks, at: int) -> int:
    """The offset where the line holding ``at`` starts (by bisection, not by a search back)."""
    k = bisect.bisect_left(marks.breaks, at)
    return marks.breaks[k - 1] + 1 if k > 0 else 0


def ordinal_style(view: str, k: int) -> str | None:
    """``是``/``要`` for 一是…, ``arabic`` for 1. 2. …, as the measures start at ``k``."""
    while k < len(view) and view[k].isspace() and view[k] != "\n":
        k += 1
    for s in _cues()["ordinals"]["suffixes"]:
        if view.startswith("一" + s, k):
            return s
    mm = _ARABIC_MARK.match(view, k)
    if mm and mm.group(1) == "1":
        return _ARABIC
    return None


def _numbered_run(found: Iterator[_Mark]) -> tuple[list[str], int] | None:
    """The surfaces of ``found`` if they are numbered 1, 2, 3 … (at least two), with where
    the last ends; None when the numbers skip or restart (another list is nested)."""
    seen: list[str] = []
    end = 0
    for mark in found:
        if mark.value != len(seen) + 1:
            return None
        seen.append(mark.surface)
        end = mark.end
    return (seen, end) if len(seen) >= 2 else None


def sequence(marks: Marks, first: int, style: str) -> tuple[list[str], int] | None:
    """The ordinals 一是, 二是, … that follow from ``first``, each once and in order, up to
    the next heading, as written ("十一是" is an item like any other), and where the last
    ends; None when the sequence restarts or skips (another list is nested)."""
    limit = marks.section_end(first)
    if style == _ARABIC:
        limit = marks.next_inline(first, limit)
    found, starts = marks.marks(style)

    def within() -> Iterator[_Mark]:
        for k in range(bisect.bisect_left(starts, first), len(found)):
            if found[k].start >= limit:  # by index: a slice would copy every later mark
                return
            yield found[k]

    return _numbered_run(within())


def heading_sections(marks: Marks, level: int, first: int) -> tuple[list[str], int] | None:
    """The sections under a heading of ``level`` whose body starts at ``first``: the
    headings one level down (``（一）`` … under ``三、``), numbered from one, up to the next
    heading of the heading's own level or above; None when none starts right at
    ``first`` or their numbers skip or restart."""
    k = marks.next_heading(first)
    if k >= len(marks.headings) or marks.headings[k].start - first > 2:
        return None
    sub = marks.headings[k].level
    if sub <= level:
        return None

    def sections() -> Iterator[_Mark]:
        for i in range(k, len(marks.headings)):
            h = marks.headings[i]
            if h.level <= level:
                return
            if h.level == sub:  # deeper headings sit inside a section
                yield h

    return _numbered_run(sections())


def heading_level(view: str, marks: Marks, at: int) -> tuple[int, int] | None:
    """If ``at`` sits in a heading line (one opening with 三、, （三） or 3.), near its
    start, the heading's level and where its line starts; else None."""
    start = line_start(marks, at)
    if at - start > _HEAD_REACH:
        return None
    k = marks.next_heading(start)
    if k >= len(marks.headings):
        return None
    h = marks.headings[k]
    if h.start >= at or line_start(marks, h.start) != start:
        return None
    return h.level, start

