"""Document: the decoded text a check runs on, and the way back to where a person sees it.

Offsets everywhere are code points of ``Document.text``. ``location(offset)`` turns one
into a 1-based line and column, and, for documents loaded from Word or PDF, the
paragraph, table cell or page it came from.

Three optional indexes ride along with the text:

* ``marks`` — sorted ``(offset, page, paragraph, cell)`` tuples; each holds from its
  offset up to the next mark. A PDF marks each page, a Word file each paragraph and
  table cell (``"T1R2C3"``: table 1, row 2, grid column 3, all 1-based).
* ``tables`` — the tables of a Word file as :class:`Table` objects whose cells know
  their span in ``text``, so a check can add up rows and columns without re-parsing.
* ``source_map`` — sorted ``(text offset, source offset)`` anchors: from each anchor on,
  characters correspond one to one until the next anchor. Loaders that drop or rewrite
  characters (``\\r\\n`` → ``\\n``, HTML tags and entities) record one, so
  :meth:`Document.source_offset` can name the place in the original file.

Tables are rendered into ``text`` one row per line with cells separated by a tab, so a
check that only reads text sees the same rows a table-aware check does.
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field

__all__ = ["Cell", "Document", "Location", "Mark", "Table", "text_tables"]

#: (offset, page, paragraph, cell): where the text from ``offset`` on came from
Mark = tuple[int, int | None, int | None, str | None]


@dataclass(frozen=True, slots=True)
class Location:
    """Where an offset is: line and column (1-based), and the source place if known."""

    line: int
    column: int
    page: int | None = None
    paragraph: int | None = None
    cell: str | None = None

    def describe(self) -> str:
        """A short human description such as ``12:5, page 3``."""
        parts = [f"{self.line}:{self.column}"]
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph}")
        if self.cell is not None:
            parts.append(f"cell {self.cell}")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its grid place (1-based), spans, and its text's span in the document.

    ``text == document.text[start:end]``. ``colspan``/``rowspan`` count the grid columns
    and rows a merged cell covers; the grid places it covers beyond its own hold no cell.
    """

    table: int
    row: int
    column: int
    start: int
    end: int
    text: str
    colspan: int = 1
    rowspan: int = 1

    @property
    def ref(self) -> str:
        """The cell's name in findings, e.g. ``T1R2C3``."""
        return f"T{self.table}R{self.row}C{self.column}"

    @property
    def merged(self) -> bool:
        """True when the cell covers more than one grid place."""
        return self.colspan > 1 or self.rowspan > 1


@dataclass(frozen=True, slots=True)
class Table:
    """A table as a grid of cells; ``rows[i]`` holds the cells that start in row ``i + 1``."""

    index: int
    start: int
    end: int
    rows: tuple[tuple[Cell, ...], ...]

    @property
    def n_rows(self) -> int:
        """The number of rows."""
        return len(self.rows)

    @property
    def n_columns(self) -> int:
        """The number of grid columns (the widest row, merged cells counted by span)."""
        return max((c.column + c.colspan - 1 for row in self.rows for c in row), default=0)

    def cell(self, row: int, column: int) -> Cell | None:
        """The cell starting at 1-based ``row`` and ``column``, or None (empty or merged)."""
        if not 1 <= row <= len(self.rows):
            return None
        for c in self.rows[row - 1]:
            if c.column == column:
                return c
        return None

    def column(self, column: int) -> tuple[Cell | None, ...]:
        """The cells starting in 1-based ``column``, one entry (maybe None) per row."""
        return tuple(self.cell(r, column) for r in range(1, len(self.rows) + 1))


@dataclass(frozen=True)
class Document:
    """Text plus the indexes that map offsets back to lines, source places and tables."""

    text: str
    path: str | None = None
    #: sorted (offset, page, paragraph, cell) marks: each holds from its offset to the next
    marks: tuple[Mark, ...] = ()
    #: the tables of the source (Word files), rendered in ``text`` one row per line
    tables: tuple[Table, ...] = ()
    #: sorted (text offset, source offset) anchors; empty when text and source coincide
    source_map: tuple[tuple[int, int], ...] = ()
    #: the encoding the bytes were decoded from, when the source was text or HTML
    encoding: str | None = None
    #: what the loader could not read, one line each (a damaged PDF read only in part):
    #: the text was checked, but text may be missing from it
    notes: tuple[str, ...] = ()
    #: the offsets at which the lines of the decoded source start, when they are not the
    #: lines of ``text`` (an HTML page, whose tags and layout the text leaves out)
    source_lines: tuple[int, ...] = ()
    #: reviewers' comments anchored in the text (Word): ``(start, end, text)``, the
    #: stretch of ``text`` (whole lines) each is anchored to; see :mod:`consistency.suppression`
    comments: tuple[tuple[int, int, str], ...] = ()
    _line_starts: array[int] = field(init=False, repr=False, compare=False)
    _mark_offsets: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # machine integers: a list would hold an int object per line, 40 bytes a line
        # kept as long as the report is
        starts = array("q", [0])
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        object.__setattr__(self, "_line_starts", starts)
        # Precomputed once: a report locates every finding, so location() must not
        # rebuild the offsets list on each call.
        object.__setattr__(self, "_mark_offsets", [m[0] for m in self.marks])

    def __repr__(self) -> str:
        # a report's text runs to megabytes: its name and size, not its words
        size = f"{len(self.text):,} characters, {self.line_count} lines"
        return f"<Document {self.path or '<text>'}: {size}>"

    @property
    def line_count(self) -> int:
        """The number of lines (a final line without a newline counts)."""
        return len(self._line_starts)

    def location(self, offset: int) -> Location:
        """The 1-based line and column of ``offset`` (and its source place, if marked)."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        column = offset - self._line_starts[line] + 1
        page = paragraph = cell = None
        k = bisect.bisect_right(self._mark_offsets, offset) - 1
        if k >= 0:
            _, page, paragraph, cell = self.marks[k]
        return Location(line + 1, column, page, paragraph, cell)

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its newline."""
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end == -1 else self.text[start:end]

    def source_offset(self, offset: int) -> int:
        """The offset in the decoded source (before normalisation) of text ``offset``."""
        if not self.source_map:
            return offset
        k = bisect.bisect_right(self.source_map, (offset, float("inf"))) - 1
        if k < 0:
            return offset
        text_at, source_at = self.source_map[k]
        return source_at + (offset - text_at)

    def source_position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column in the decoded source of text ``offset``: those of
        the page source for an HTML page, else the text's own (the same lines)."""
        if not self.source_lines:
            loc = self.location(offset)
            return loc.line, loc.column
        at = self.source_offset(offset)
        line = bisect.bisect_right(self.source_lines, at) - 1
        return line + 1, at - self.source_lines[line] + 1

    def table_at(self, offset: int) -> Table | None:
        """The table whose rendering holds ``offset``, if any."""
        for t in self.tables:
            if t.start <= offset < t.end:
                return t
        return None


#: two or more spaces (ASCII or ideographic) separate cells in a table typed as text
_WIDE_GAP = re.compile(r"[ \u3000]{2,}")
#: the fewest cells a line needs to be a table row (tab-separated, space-separated),
#: and the fewest rows a table needs
_MIN_TAB_CELLS = 2
_MIN_SPACE_CELLS = 3
_MIN_ROWS = 3
#: a Markdown rule line under a heading row: | --- | :---: |
_RULE = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*")


def text_tables(text: str, *, first_index: int = 1) -> tuple[Table, ...]:
    """The tables typed as text in ``text``: runs of lines split into cells.

    A row is a line with at least two cells separated by tabs (the rendering the Word
    and HTML loaders use, which keeps empty cells in place), or, in a line without tabs,
    at least three cells separated by two or more spaces. A table is a run of at least
    three such lines of the same kind; a space-separated run must have the same number
    of cells on every line, since empty cells leave no trace there and columns could not
    be lined up otherwise. Rows written between bars (``| 咨询 | 10 | 20 |``, as Markdown
    and some converters write them) are a third kind; their ``|---|`` rule lines are
    passed over.
    """
    tables: list[Table] = []
    block: list[tuple[int, list[tuple[int, int]]]] = []
    kind = ""
    pos = 0
    for line in text.split("\n") + [""]:
        if block and kind == "bar" and _RULE.fullmatch(line):
            pos += len(line) + 1
            continue
        cells, line_kind = _split_row(line, pos)
        if not cells or (block and line_kind != kind):
            _close_block(text, block, kind, tables, first_index)
            block = []
        if cells:
            block.append((pos, cells))
            kind = line_kind
        pos += len(line) + 1
    return tuple(tables)


def _split_row(line: str, pos: int) -> tuple[list[tuple[int, int]], str]:
    """The (start, end) spans of the cells of ``line`` (text offsets) and the separator kind."""
    bars = line.strip()
    if bars.startswith("|") and bars.endswith("|") and bars.count("|") >= 3:
        first = line.index("|")
        return _pieces(line[first + 1 : line.rindex("|")], "|", pos + first + 1), "bar"
    if "\t" in line:
        spans = _pieces(line, "\t", pos)
        return (spans, "tab") if len(spans) >= _MIN_TAB_CELLS else ([], "")
    stripped = line.strip(" \u3000")
    if not stripped:
        return [], ""
    lead = len(line) - len(line.lstrip(" \u3000"))
    spans = []
    start = 0
    for gap in _WIDE_GAP.finditer(stripped):
        spans.append((pos + lead + start, pos + lead + gap.start()))
        start = gap.end()
    spans.append((pos + lead + start, pos + lead + len(stripped)))
    return (spans, "space") if len(spans) >= _MIN_SPACE_CELLS else ([], "")


def _pieces(line: str, sep: str, pos: int) -> list[tuple[int, int]]:
    """The spans (text offsets) of the stripped pieces of ``line`` split at ``sep``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for piece in line.split(sep):
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        spans.append((pos + start + lead, pos + start + lead + len(body)))
        start += len(piece) + 1
    return spans


def _close_block(
    text: str,
    block: list[tuple[int, list[tuple[int, int]]]], kind: str, tables: list[Table], first: int
) -> None:
    if len(block) < _MIN_ROWS:
        return
    if kind == "space" and len({len(cells) for _, cells in block}) != 1:
        return
    index = first + len(tables)
    rows = tuple(
        tuple(
            Cell(index, r, c, a, b, text[a:b])
            for c, (a, b) in enumerate(cells, start=1)
        )
        for r, (_, cells) in enumerate(block, start=1)
    )
    start = block[0][0]
    tables.append(Table(index, start, block[-1][1][-1][1], rows))
