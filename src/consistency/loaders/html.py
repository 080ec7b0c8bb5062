"""HTML: the readable text of a page saved from a browser, with offsets back to the source.

Parsed with the standard library's event-driven :class:`html.parser.HTMLParser`, walked
with counters and an explicit stack (no recursion), so deep nesting (10⁵ tags) costs
memory in proportion to the input and nothing more.

What is kept out: ``<script>``, ``<style>``, ``<noscript>``, ``<template>``, ``<head>``,
form controls (``<select>``, ``<button>``), and whatever the page marks as navigation or
page furniture: ``<nav>``, ``<header>``, ``<footer>``, ``role="navigation"`` (also
``banner``, ``contentinfo``, ``menu``, ``menubar``, ``search``), ``aria-hidden="true"``,
the ``hidden`` attribute and ``style="display:none"``.

Block elements (``<p>``, ``<div>``, ``<br>``, ``<li>``, headings, …) end a line; runs of
white space (``&nbsp;`` included) become one space. Entities are decoded. Tables: each
row is one line with its cells separated by a tab, ``colspan`` and ``rowspan`` honoured so
that every row keeps the grid (a covered place is an empty cell), and ``Document.tables``
holds each data table's cells with their spans in the text. A table that holds another table, or
cells with long text, is page layout, not data: its cells are laid out as blocks.

Every run of text records an anchor in ``Document.source_map``, so
:meth:`Document.source_offset` gives the offset in the decoded HTML source.

Encoding: a byte-order mark, else UTF-8 when the bytes are valid UTF-8 (a stale
declaration is common in copied pages), else a ``charset`` declared in the first 4 KiB
(``gb2312``/``gbk`` read as GB18030, their superset), else the plain-text cascade.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..document import Cell, Document, Table
from ..errors import InputError
from .txt import decode

__all__ = ["html_to_document", "load_html"]

_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "head", "nav", "header", "footer",
     "select", "button", "iframe", "object", "svg", "textarea"}
)
_SKIPPED_ROLES = frozenset({"navigation", "banner", "contentinfo", "menu", "menubar", "search"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)
_BLOCK = frozenset(
    {"address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "details",
     "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "form", "h1", "h2",
     "h3", "h4", "h5", "h6", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section",
     "summary", "table", "ul", "tr"}
)
#: a cell longer than this is prose laid out by a table, not a figure in a data table
_DATA_CELL_MAX = 120
_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5"}


def load_html(data: bytes, name: str) -> Document:
    """A :class:`Document` from the bytes of an HTML page."""
    source, encoding = _decode(data, name)
    document = html_to_document(source, name, encoding=encoding)
    if not document.text.strip():
        raise InputError(name, "the page holds no readable text outside navigation and scripts")
    return document


def html_to_document(
    source: str, name: str | None = None, *, encoding: str | None = None
) -> Document:
    """The readable text of the HTML ``source`` as a :class:`Document`."""
    survey = _Survey()
    survey.feed(source)
    survey.close()
    reader = _Reader(source, survey.layout)
    reader.feed(source)
    reader.close()
    text, anchors, tables = reader.result()
    return Document(
        text,
        name,
        source_map=anchors,
        tables=tables,
        encoding=encoding,
        source_lines=tuple(reader.line_starts),
    )


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(data, name)
    try:
        # Valid UTF-8 is UTF-8 whatever the page declares: copies re-encoded by a tool
        # often keep a stale <meta charset=gb2312>.
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:4096])
    if declared:
        label = declared.group(1).decode("ascii").lower()
        encoding = _ALIASES.get(label, label)
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; let the content decide
    return decode(data, name)


def _skips(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    if tag in _SKIPPED:
        return True
    for key, value in attrs:
        v = (value or "").strip().lower()
        if key == "role" and v in _SKIPPED_ROLES:
            return True
        if key == "aria-hidden" and v == "true":
            return True
        if key == "hidden":
            return True
        if key == "style" and re.search(r"display\s*:\s*none", v):
            return True
    return False


class _Survey(HTMLParser):
    """First pass: which tables (by order of their start tag) are page layout."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.layout: set[int] = set()
        self._open: list[int] = []
        self._count = 0
        self._cell = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            if self._open:
                self.layout.add(self._open[-1])  # a table holding a table lays out a page
            self._open.append(self._count)
            self._count += 1
        elif tag in ("td", "th"):
            self._cell = 0

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open:
            self._cell += len(data.strip())
            if self._cell > _DATA_CELL_MAX:
                self.layout.add(self._open[-1])


class _Reader(HTMLParser):
    """Second pass: the text, line breaks, cell tabs and anchors back to the source."""

    def __init__(self, source: str, layout: set[int]) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self._layout = layout
        self._parts: list[str] = []
        self._length = 0
        self._anchors: list[tuple[int, int]] = []
        self._pending = ""  # separators waiting for the next text: "\n", "\t"s or " "
        self._skip_tag: str | None = None
        self._skip_depth = 0
        self._tables: list[_TableState] = []
        self._done: list[_TableState] = []
        self._n_tables = 0
        self._n_data = 0

    # -- output -------------------------------------------------------------------------
    def _request(self, sep: str) -> None:
        if sep == "\n":
            self._pending = "\n"
        elif sep == "\t":
            self._pending = self._pending.rstrip(" ") + "\t"
        elif not self._pending:
            self._pending = " "

    def _emit(self, text: str, source_at: int) -> None:
        pending = self._pending
        if not self._parts or self._parts[-1].endswith("\n"):
            pending = pending.lstrip("\n ")  # no empty line, no space at a line's start
        if pending:
            self._parts.append(pending)
            self._length += len(pending)
        self._pending = ""
        if self._tables and self._tables[-1].cell is not None:
            self._tables[-1].text_at(self._length)
        self._anchors.append((self._length, source_at))
        self._parts.append(text)
        self._length += len(text)

    def _here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    # -- events -------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ordinal = self._n_tables
        if tag == "table":
            self._n_tables += 1  # counted everywhere, as the survey counts them
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth += 1
            elif tag == "body" and self._skip_tag == "head":
                self._skip_tag, self._skip_depth = None, 0  # an unclosed <head> ends here
            return
        if tag not in _VOID and _skips(tag, attrs):
            self._skip_tag, self._skip_depth = tag, 1
            return
        if tag == "table":
            data = ordinal not in self._layout
            self._n_data += data
            self._tables.append(_TableState(data, self._n_data))
        self._structure(tag, attrs, opening=True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_tag is None:
            self._structure(tag, attrs, opening=True)

    def handle_endtag(self, tag: str) -> None:
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth -= 1
                if self._skip_depth == 0:
                    self._skip_tag = None
            return
        self._structure(tag, [], opening=False)

    def _structure(self, tag: str, attrs: list[tuple[str, str | None]], *, opening: bool) -> None:
        table = self._tables[-1] if self._tables else None
        if table is not None and table.data:
            if tag == "tr":
                table.close_cell(self._length)
                if opening:
                    table.new_row()
                self._request("\n")
                return
            if tag in ("td", "th"):
                table.close_cell(self._length)
                if opening:
                    for _ in range(table.open_cell(attrs)):
                        self._request("\t")
                return
            if tag in _BLOCK and tag != "table":
                self._request(" ")  # inside a data cell a block break is only a space
                return
        if tag == "table" and not opening and self._tables:
            done = self._tables.pop()
            done.close_cell(self._length)
            if done.data and done.cells:
                self._done.append(done)
        if tag in _BLOCK or tag in ("td", "th"):
            self._request("\n")

    def handle_data(self, data: str) -> None:
        if self._skip_tag is not None:
            return
        at = self._here()
        for m in re.finditer(r"\S+|[ \t\n\r\f\v\u00a0]+", data):
            if m.group()[0] in " \t\n\r\f\v\u00a0":
                self._request(" ")
            else:
                self._emit(m.group(), at + m.start())

    def handle_entityref(self, name: str) -> None:
        self._entity(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._entity(html.unescape(f"&#{name};"))

    def _entity(self, text: str) -> None:
        if self._skip_tag is not None:
            return
        if _SPACE.fullmatch(text):
            self._request(" ")
        else:
            self._emit(text, self._here())

    def result(self) -> tuple[str, tuple[tuple[int, int], ...], tuple[Table, ...]]:
        """The text (a newline at its end), its source anchors and its data tables."""
        text = "".join(self._parts)
        if text and not text.endswith("\n"):
            text += "\n"
        for table in self._tables:  # tables left open by a truncated page
            table.close_cell(self._length)
            if table.data and table.cells:
                self._done.append(table)
        tables = sorted((t.table(text) for t in self._done), key=lambda t: t.index)
        return text, tuple(self._anchors), tuple(tables)


class _TableState:
    """An open table: data or layout, the grid place of the next cell, merged cells.

    Cells are placed on the grid as HTML does it: a cell goes to the first column of its
    row not covered by a ``rowspan`` from above, and a ``colspan`` moves the next cell
    along. The text gets a tab for every grid column passed, so rows stay aligned.
    """

    def __init__(self, data: bool, index: int) -> None:
        self.data = data
        self.index = index
        self.row = 0
        self.next_col = 1
        self.tabs = 0
        self.below: dict[int, int] = {}  # column → the last row a rowspan covers
        #: the cell being read: row, column, colspan, rowspan, start of its text
        self.cell: list[int | None] | None = None
        self.cells: list[tuple[int, int, int, int, int, int]] = []

    def new_row(self) -> None:
        self.row += 1
        self.next_col, self.tabs = 1, 0

    def open_cell(self, attrs: list[tuple[str, str | None]]) -> int:
        """Place a cell; the number of tabs the text needs before it."""
        row = max(self.row, 1)
        self.row = row
        col = self.next_col
        while self.below.get(col, 0) >= row:
            col += 1
        need = col - 1 - self.tabs
        self.tabs = col - 1
        colspan, rowspan = _span(attrs, "colspan"), _span(attrs, "rowspan")
        self.next_col = col + colspan
        if rowspan > 1:
            for c in range(col, col + colspan):
                self.below[c] = row + rowspan - 1
        self.cell = [row, col, colspan, rowspan, None]
        return max(need, 0)

    def text_at(self, offset: int) -> None:
        if self.cell is not None and self.cell[4] is None:
            self.cell[4] = offset

    def close_cell(self, offset: int) -> None:
        if self.cell is not None and self.cell[4] is not None:
            row, col, colspan, rowspan, start = self.cell
            self.cells.append((row, col, start, offset, colspan, rowspan))  # type: ignore[arg-type]
        self.cell = None

    def table(self, text: str) -> Table:
        rows: list[list[Cell]] = [[] for _ in range(max(c[0] for c in self.cells))]
        for row, col, start, end, colspan, rowspan in self.cells:
            rows[row - 1].append(
                Cell(self.index, row, col, start, end, text[start:end], colspan, rowspan)
            )
        start = min(c[2] for c in self.cells)
        end = max(c[3] for c in self.cells)
        return Table(self.index, start, end, tuple(tuple(r) for r in rows))


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    """A ``colspan`` or ``rowspan``: 1 when absent or nonsense, at most 1000."""
    for key, value in attrs:
        if key == name:
            try:
                return max(1, min(int((value or "1").strip()), 1000))
            except ValueError:
                return 1
    return 1
