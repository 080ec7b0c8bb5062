"""Word (.docx): paragraphs and tables of the body, in document order.

Read with python-docx (the maintained reader of the Office Open XML format). Each body
paragraph becomes one line (a line break inside it becomes a space). Each table row
becomes one line with its grid cells separated by a tab; a horizontally merged cell is
written once followed by empty cells for the columns it covers, and a vertically merged
cell is written in its first row only, so every line keeps the table's grid.

Text is read from the XML directly so that tracked insertions count and tracked
deletions do not (as in the document once its changes are accepted); content controls
are looked into.

Marks name the place for findings: ``paragraph`` is the 1-based index of the paragraph
among the body paragraphs in reading order (``docx.Document(...).paragraphs[paragraph -
1]`` when the body has no content controls, which python-docx does not list), ``cell`` a
table cell as ``T{t}R{r}C{c}`` (1-based; ``docx.Document(...).tables[t - 1].cell(r - 1,
c - 1)``). ``Document.tables`` holds each table's cells with their spans in the text.

The main part, ``word/document.xml``, is parsed as a stream: each body paragraph or table
is turned into text as soon as its end tag is read and then dropped, so memory holds one
block at a time, not the document's tree. The other parts (styles, numbering, settings,
headers…) are never inflated, so a hostile one costs nothing; the comments part only
when a comment is anchored in the body, capped alike. The parser resolves no entity,
loads no DTD and reaches no network.

Limits: before anything is inflated, the declared uncompressed sizes of all zip members
must add up to at most :data:`MAX_UNZIPPED`, the archive must hold at most
:data:`MAX_MEMBERS` members, and its main part at most :data:`MAX_DOCUMENT_XML` bytes;
this refuses a zip bomb unopened. :func:`check_parts` also caps every XML part, for a
reader that parses them all (``--annotate`` writes through python-docx).
Headers, footers, footnotes and text boxes are not read. Comments are not part of the
text: each is kept with the lines it is anchored to (``Document.comments``, see
:mod:`consistency.loaders._docx_comments`), for the suppression markers they may hold.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import IO, Any

from ..document import Cell, Document, Mark, Table
from ..errors import InputError
from ._docx_comments import Anchors

__all__ = ["MAX_DOCUMENT_XML", "MAX_MEMBERS", "MAX_UNZIPPED", "check_parts", "load_docx"]

#: the most uncompressed bytes all members of a Word file may declare
MAX_UNZIPPED = 256 * 1024 * 1024
#: the most members a Word file may hold
MAX_MEMBERS = 10_000
#: the largest main document part (and, for a reader that parses all parts, any XML part)
MAX_DOCUMENT_XML = 64 * 1024 * 1024

_MAIN = "word/document.xml"


def _qn(tag: str) -> str:
    """``w:p`` → ``{namespace}p``: the WordprocessingML names this loader reads."""
    return _W + tag.removeprefix("w:")


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _BODY = f"{_W}p", f"{_W}tbl", f"{_W}body"
_WANTED = frozenset({_P, _TBL})
_CONTAINERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"})


def load_docx(data: bytes, name: str) -> Document:
    """A :class:`Document` from the bytes of a ``.docx`` file."""
    _check_zip(data, name)
    try:
        from lxml import etree  # imported here: plain-text users need not pay for lxml
    except ImportError:  # pragma: no cover - lxml comes with python-docx, a dependency
        raise InputError(name, "reading .docx needs python-docx (pip install python-docx)") from None
    builder = _Builder(name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf, zf.open(_MAIN) as part:
            for block in _stream_blocks(etree, part):
                if block.tag == _P:
                    builder.paragraph(block)
                else:
                    builder.table(block)
                _drop(block)
            builder.comments = builder.anchors.read(zf, MAX_DOCUMENT_XML)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - the trust boundary of a third-party parser
        raise InputError(name, f"not a readable Word document ({_reason(exc)})") from None
    return builder.document()


def check_parts(data: bytes, name: str) -> None:
    """Refuse a Word file any of whose XML parts is over :data:`MAX_DOCUMENT_XML` bytes
    (for readers that parse every part, as python-docx does when a copy is written)."""
    _check_zip(data, name)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            if info.filename.endswith((".xml", ".rels")) and info.file_size > MAX_DOCUMENT_XML:
                raise InputError(
                    name,
                    f"its part {info.filename} is {info.file_size:,} bytes; "
                    f"the limit is {MAX_DOCUMENT_XML:,} bytes",
                )


def _stream_blocks(etree: Any, part: IO[bytes]) -> Iterator[Any]:
    """The body's paragraphs and tables in order, each complete when it is handed out.

    A block counts when every element above it up to ``w:body`` is a container (a
    content control, custom XML), as :func:`_blocks` reads a whole tree.
    """
    events = etree.iterparse(
        part,
        events=("end",),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    for _, el in events:
        if el.tag not in _WANTED:
            continue
        parent = el.getparent()
        while parent is not None and parent.tag in _CONTAINERS:
            parent = parent.getparent()
        if parent is not None and parent.tag == _BODY:
            yield el


def _drop(block: Any) -> None:
    """Free a block read: its content, and the emptied blocks before it."""
    block.clear()
    parent = block.getparent()
    while parent is not None and block.getprevious() is not None:
        del parent[0]


def _check_zip(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(name, f"not a readable Word document (broken zip: {exc})") from None
    if len(infos) > MAX_MEMBERS:
        raise InputError(name, f"{len(infos):,} zip members; the limit is {MAX_MEMBERS:,}")
    declared = sum(i.file_size for i in infos)
    if declared > MAX_UNZIPPED:
        raise InputError(
            name,
            f"would inflate to {declared:,} bytes (a zip bomb?); "
            f"the limit is {MAX_UNZIPPED:,} bytes",
        )
    main = next((i for i in infos if i.filename == _MAIN), None)
    if main is None:
        raise InputError(name, "not a Word document (no word/document.xml in the zip)")
    if main.file_size > MAX_DOCUMENT_XML:
        raise InputError(
            name,
            f"its text part is {main.file_size:,} bytes; the limit is {MAX_DOCUMENT_XML:,} bytes",
        )


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


class _Builder:
    """Accumulates lines, marks and tables while the body is walked."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.parts: list[str] = []
        self.length = 0
        self.marks: list[Mark] = []
        self.tables: list[Table] = []
        self.n_paragraphs = 0
        self.anchors = Anchors()
        self.comments: tuple[tuple[int, int, str], ...] = ()

    def _write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def paragraph(self, p: object) -> None:
        """One body paragraph as one line."""
        self.n_paragraphs += 1
        self.marks.append((self.length, None, self.n_paragraphs, None))
        line = _flat(_paragraph_text(p))
        self.anchors.note(p, self.length, self.length + len(line))
        self._write(line + "\n")

    def table(self, tbl: object) -> None:
        """One body table, a line per row, a tab between grid cells."""
        index = len(self.tables) + 1
        start = self.length
        rows: list[list[Cell]] = []
        # grid column → (row, position in row), both 0-based, of the cell a vertical merge opened
        tops: dict[int, tuple[int, int]] = {}
        for r, tr in enumerate(tbl.iterchildren(_qn("w:tr")), start=1):  # type: ignore[attr-defined]
            cells: list[Cell] = []
            column = 1 + _grid_before(tr)
            texts: list[str] = [""] * (column - 1)
            for tc in tr.iterchildren(_qn("w:tc")):
                span = max(1, _int_attr(tc, "w:tcPr/w:gridSpan", 1))
                merge = _vmerge(tc)
                if merge == "continue" and column in tops:
                    top_row, top_index = tops[column]
                    top = rows[top_row][top_index]
                    rows[top_row][top_index] = _with_rowspan(top, r - top.row + 1)
                    texts.extend([""] * span)
                else:
                    content = _flat(" ".join(_paragraph_text(p) for p in _cell_paragraphs(tc)))
                    offset = self.length + sum(len(t) + 1 for t in texts)
                    cells.append(
                        Cell(index, r, column, offset, offset + len(content), content, span)
                    )
                    if merge == "restart":
                        tops[column] = (len(rows), len(cells) - 1)
                    else:
                        tops.pop(column, None)
                    texts.append(content)
                    texts.extend([""] * (span - 1))
                column += span
            for c in cells:
                self.marks.append((c.start, None, None, c.ref))
            row = "\t".join(texts)
            self.anchors.note(tr, self.length, self.length + len(row))
            self._write(row + "\n")
            rows.append(cells)
        self.marks.append((self.length, None, None, None))
        self.tables.append(Table(index, start, self.length, tuple(tuple(r) for r in rows)))

    def document(self) -> Document:
        """The finished document; a body without any text is refused."""
        text = "".join(self.parts)
        if not text.strip():
            raise InputError(self.name, "the Word document holds no text in its body")
        marks = sorted(self.marks, key=lambda m: m[0])
        return Document(
            text, self.name, marks=tuple(marks), tables=tuple(self.tables), comments=self.comments
        )


def _flat(text: str) -> str:
    """One line: breaks and tabs inside a paragraph or cell become spaces."""
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ").strip()


def _blocks(body: object) -> Iterator[object]:
    """The body's paragraphs and tables in order, looking inside content controls.

    Paragraphs wrapped in a content control (``w:sdt``: cover pages, tables of contents,
    form fields) or in custom XML are body text too; an explicit stack walks them.
    """
    stack = [iter(body.iterchildren())]  # type: ignore[attr-defined]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in _WANTED:
            yield child
        elif child.tag in _CONTAINERS:
            stack.append(iter(child.iterchildren()))


def _paragraph_text(p: object) -> str:
    """The text a reader sees in a paragraph, tracked changes accepted.

    python-docx's ``Paragraph.text`` skips runs inside a tracked insertion (``w:ins``),
    which drafts are full of; reading ``w:t`` directly keeps them, and deleted text lives
    in ``w:delText``, which is left out. Text boxes anchored in the paragraph are not part
    of its sentence and are skipped.
    """
    t, tab, br, cr, hyphen = _qn("w:t"), _qn("w:tab"), _qn("w:br"), _qn("w:cr"), _qn("w:noBreakHyphen")
    box = _qn("w:txbxContent")
    out: list[str] = []
    for el in p.iter(t, tab, br, cr, hyphen):  # type: ignore[attr-defined]
        if any(True for _ in el.iterancestors(box)):
            continue
        if el.tag == t:
            out.append(el.text or "")
        elif el.tag == hyphen:
            out.append("-")
        else:
            out.append(" ")
    return "".join(out)


def _cell_paragraphs(tc: object) -> Iterator[object]:
    """Every paragraph in a cell, nested tables included, in order."""
    yield from tc.iter(_qn("w:p"))  # type: ignore[attr-defined]


def _grid_before(tr: object) -> int:
    return _int_attr(tr, "w:trPr/w:gridBefore", 0)


def _int_attr(el: object, path: str, default: int) -> int:
    node = el
    for step in path.split("/"):
        node = node.find(_qn(step)) if node is not None else None  # type: ignore[attr-defined]
    if node is None:
        return default
    try:
        return max(0, int(node.get(_qn("w:val"))))  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        return default


def _vmerge(tc: object) -> str | None:
    pr = tc.find(_qn("w:tcPr"))  # type: ignore[attr-defined]
    node = pr.find(_qn("w:vMerge")) if pr is not None else None
    if node is None:
        return None
    return node.get(_qn("w:val")) or "continue"


def _with_rowspan(cell: Cell, rowspan: int) -> Cell:
    return Cell(
        cell.table, cell.row, cell.column, cell.start, cell.end, cell.text, cell.colspan, rowspan
    )
