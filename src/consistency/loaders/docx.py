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

Limits: before anything is inflated, the declared uncompressed sizes of all zip members
must add up to at most :data:`MAX_UNZIPPED`, the archive must hold at most
:data:`MAX_MEMBERS` members, and its main part at most :data:`MAX_DOCUMENT_XML` bytes
(its XML tree takes several times that in memory); this refuses a zip bomb unopened.
Headers, footers, footnotes, comments and text boxes are not read.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from ..document import Cell, Document, Mark, Table
from ..errors import InputError

__all__ = ["MAX_DOCUMENT_XML", "MAX_MEMBERS", "MAX_UNZIPPED", "load_docx"]

#: the most uncompressed bytes all members of a Word file may declare
MAX_UNZIPPED = 256 * 1024 * 1024
#: the most members a Word file may hold
MAX_MEMBERS = 10_000
#: the largest main document part: its XML tree takes several times its size in memory
MAX_DOCUMENT_XML = 64 * 1024 * 1024


def load_docx(data: bytes, name: str) -> Document:
    """A :class:`Document` from the bytes of a ``.docx`` file."""
    _check_zip(data, name)
    try:
        import docx  # imported here: plain-text users need not pay for lxml
        from docx.oxml.ns import qn
    except ImportError:  # pragma: no cover - python-docx is a declared dependency
        raise InputError(
            name, "reading .docx needs python-docx (pip install python-docx)"
        ) from None
    try:
        word = docx.Document(io.BytesIO(data))
        builder = _Builder(name)
        for block in _blocks(word.element.body):
            if block.tag == qn("w:p"):
                builder.paragraph(block)
            else:
                builder.table(block)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - the trust boundary of a third-party parser
        raise InputError(name, f"not a readable Word document ({_reason(exc)})") from None
    return builder.document()


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
    main = next((i for i in infos if i.filename == "word/document.xml"), None)
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

    def _write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def paragraph(self, p: object) -> None:
        """One body paragraph as one line."""
        self.n_paragraphs += 1
        self.marks.append((self.length, None, self.n_paragraphs, None))
        self._write(_flat(_paragraph_text(p)) + "\n")

    def table(self, tbl: object) -> None:
        """One body table, a line per row, a tab between grid cells."""
        from docx.oxml.ns import qn

        index = len(self.tables) + 1
        start = self.length
        rows: list[list[Cell]] = []
        # grid column → (row, position in row), both 0-based, of the cell a vertical merge opened
        tops: dict[int, tuple[int, int]] = {}
        for r, tr in enumerate(tbl.iterchildren(qn("w:tr")), start=1):  # type: ignore[attr-defined]
            cells: list[Cell] = []
            column = 1 + _grid_before(tr)
            texts: list[str] = [""] * (column - 1)
            for tc in tr.iterchildren(qn("w:tc")):
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
            self._write("\t".join(texts) + "\n")
            rows.append(cells)
        self.marks.append((self.length, None, None, None))
        self.tables.append(Table(index, start, self.length, tuple(tuple(r) for r in rows)))

    def document(self) -> Document:
        """The finished document; a body without any text is refused."""
        text = "".join(self.parts)
        if not text.strip():
            raise InputError(self.name, "the Word document holds no text in its body")
        marks = sorted(self.marks, key=lambda m: m[0])
        return Document(text, self.name, marks=tuple(marks), tables=tuple(self.tables))


def _flat(text: str) -> str:
    """One line: breaks and tabs inside a paragraph or cell become spaces."""
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ").strip()


def _blocks(body: object) -> Iterator[object]:
    """The body's paragraphs and tables in order, looking inside content controls.

    Paragraphs wrapped in a content control (``w:sdt``: cover pages, tables of contents,
    form fields) or in custom XML are body text too; an explicit stack walks them.
    """
    from docx.oxml.ns import qn

    wanted = (qn("w:p"), qn("w:tbl"))
    containers = (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"))
    stack = [iter(body.iterchildren())]  # type: ignore[attr-defined]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in wanted:
            yield child
        elif child.tag in containers:
            stack.append(iter(child.iterchildren()))


def _paragraph_text(p: object) -> str:
    """The text a reader sees in a paragraph, tracked changes accepted.

    python-docx's ``Paragraph.text`` skips runs inside a tracked insertion (``w:ins``),
    which drafts are full of; reading ``w:t`` directly keeps them, and deleted text lives
    in ``w:delText``, which is left out. Text boxes anchored in the paragraph are not part
    of its sentence and are skipped.
    """
    from docx.oxml.ns import qn

    t, tab, br, cr, hyphen = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")
    box = qn("w:txbxContent")
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
    from docx.oxml.ns import qn

    yield from tc.iter(qn("w:p"))  # type: ignore[attr-defined]


def _grid_before(tr: object) -> int:
    return _int_attr(tr, "w:trPr/w:gridBefore", 0)


def _int_attr(el: object, path: str, default: int) -> int:
    from docx.oxml.ns import qn

    node = el
    for step in path.split("/"):
        node = node.find(qn(step)) if node is not None else None  # type: ignore[attr-defined]
    if node is None:
        return default
    try:
        return max(0, int(node.get(qn("w:val"))))  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        return default


def _vmerge(tc: object) -> str | None:
    from docx.oxml.ns import qn

    pr = tc.find(qn("w:tcPr"))  # type: ignore[attr-defined]
    node = pr.find(qn("w:vMerge")) if pr is not None else None
    if node is None:
        return None
    return node.get(qn("w:val")) or "continue"


def _with_rowspan(cell: Cell, rowspan: int) -> Cell:
    return Cell(
        cell.table, cell.row, cell.column, cell.start, cell.end, cell.text, cell.colspan, rowspan
    )
