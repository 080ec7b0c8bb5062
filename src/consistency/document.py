"""Document: the decoded text a check runs on, and the way back to where a person sees it.

Offsets everywhere are code points of ``Document.text``. ``location(offset)`` turns one
into a 1-based line and column, and, for documents loaded from Word or PDF, the
paragraph, table cell or page it came from.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

__all__ = ["Document", "Location"]


@dataclass(frozen=True, slots=True)
class Location:
    """Where an offset is: line and column (1-based), and the source place if known."""

    line: int
    column: int
    page: int | None = None
    paragraph: int | None = None
    cell: str | None = None

    def describe(self) -> str:
        parts = [f"{self.line}:{self.column}"]
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph}")
        if self.cell is not None:
            parts.append(f"cell {self.cell}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Document:
    """Text plus the index that maps offsets back to lines (and source places)."""

    text: str
    path: str | None = None
    #: sorted (offset, page, paragraph, cell) marks: each holds from its offset to the next
    marks: tuple[tuple[int, int | None, int | None, str | None], ...] = ()
    _line_starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        object.__setattr__(self, "_line_starts", starts)

    def location(self, offset: int) -> Location:
        """The 1-based line and column of ``offset`` (and its source place, if marked)."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        column = offset - self._line_starts[line] + 1
        page = paragraph = cell = None
        if self.marks:
            k = bisect.bisect_right([m[0] for m in self.marks], offset) - 1
            if k >= 0:
                _, page, paragraph, cell = self.marks[k]
        return Location(line + 1, column, page, paragraph, cell)

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its newline."""
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end == -1 else self.text[start:end]
