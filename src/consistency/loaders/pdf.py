"""PDF: the text layer, page by page, with lines rejoined into sentences where safe.

Extractor: pypdfium2, the Python binding of PDFium (the PDF engine of Chromium; Apache-2.0
/ BSD). Chosen over pdfplumber/pdfminer.six because it is fast enough for long documents
(native code, page by page, bounded memory per page), tolerant of the damaged files that
circulate, reads CJK fonts through their standard CMaps (Adobe-GB1 included), gives each
character's box (needed to judge whether a line runs to the margin) and tells the page
count before any page is parsed, which makes the page cap free.

A PDF breaks a paragraph into lines at the right margin; the checker reads sentences,
so a line is joined to the next one when all of these hold:

* the line runs to (near) the right margin of the page's text block;
* it does not end a sentence (``。！？；：`` and their ASCII forms), unless the document
  marks paragraphs by a first-line indent, which then tells a new paragraph for sure;
* the next line is not indented and does not open a heading or a list item
  (``一、`` ``（一）`` ``1.`` ``第三条`` ``①`` …).

A sentence running over a page break is joined by the same rules. Otherwise the
newline stays: a sentence left broken loses a claim, a wrongly joined one
could make a false one. Page-number lines at the top or bottom of a page (``- 3 -``,
``第3页``) are dropped. Each page is marked, so a finding names its page.

Tables: where the page leaves a gap wider than two characters inside a line, the gap
becomes a tab, so a table row reads as the Word and HTML loaders render rows (cells
separated by tabs) and the table checks see it. Such lines are never joined.

Limits: at most :data:`MAX_PAGES` pages (read from the page tree before parsing any
page). Encrypted files and files without a text layer (scans) are refused with a reason.

Damage: PDFium repairs what it can and reads the rest without a word, so a damaged file
would be checked on part of its text as if it were whole. Two signs of damage are looked
for, and either puts a note on the document (``Document.notes``; the command line names
it and exits 2, the findings on the text read are still reported): a cross-reference
table PDFium had to rebuild, and a compressed (Flate) stream that does not decode to its
end, which is how a damaged page's text is lost. The streams are decoded only to be
checked, :data:`MAX_INFLATE` bytes at most, and the output thrown away.
"""

from __future__ import annotations

import base64
import re
import zlib
from dataclasses import dataclass

from ..document import Document, Mark
from ..errors import InputError

__all__ = ["MAX_PAGES", "load_pdf"]

#: the most pages a PDF may have
MAX_PAGES = 2_000
#: the most bytes the damage check inflates (a stream past it is taken as whole)
MAX_INFLATE = 256 * 1024 * 1024

_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/\w+)")
_NAME = re.compile(rb"/(\w+)")

_SENTENCE_END = frozenset("。！？；：!?;:")
_CLOSERS = frozenset("”’」』）)】")
_OPENS_ITEM = re.compile(
    r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]\D|"
    r"第[一二三四五六七八九十百\d]+[条章节部分]|[①-⑳]|[•●■◆]"
)
_PAGE_NUMBER = re.compile(
    r"[-—–－\s]*(第\s*)?\d{1,4}(\s*页)?(\s*/\s*共?\s*\d{1,4}\s*页?)?[-—–－\s]*"
)


@dataclass(slots=True)
class _Line:
    text: str
    left: float
    right: float
    top: float
    #: the height of the first character's loose box: the font size, which is the width
    #: of a Chinese character (0 when the page gives no character boxes)
    size: float = 0.0


def load_pdf(data: bytes, name: str) -> Document:
    """A :class:`Document` from the bytes of a PDF file."""
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - pypdfium2 is a declared dependency
        raise InputError(name, "reading .pdf needs pypdfium2 (pip install pypdfium2)") from None
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise InputError(name, "the PDF is encrypted; save an unprotected copy") from None
        raise InputError(name, f"not a readable PDF ({message})") from None
    try:
        n = len(pdf)
        if n > MAX_PAGES:
            raise InputError(name, f"{n:,} pages; the limit is {MAX_PAGES:,} pages")
        pages = [_page_lines(pdf[i]) for i in range(n)]
        damage = _damage(pdf, data)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - the trust boundary of a native parser
        raise InputError(name, f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    finally:
        pdf.close()
    text, marks = _assemble(pages)
    if not text.strip():
        if damage:
            raise InputError(name, f"not a readable PDF: {damage}")
        raise InputError(name, "the PDF has no text layer (a scan?); run OCR on it first")
    notes = (f"read only in part: {damage}; text may be missing from the check",) if damage else ()
    return Document(text, name, marks=tuple(marks), notes=notes)


def _damage(pdf: object, data: bytes) -> str | None:
    """What shows the file is damaged, or None when nothing does."""
    from pypdfium2 import raw

    if not raw.FPDF_DocumentHasValidCrossReferenceTable(pdf.raw):  # type: ignore[attr-defined]
        return "the PDF is damaged (its cross-reference table had to be rebuilt)"
    broken = _broken_streams(data)
    if broken:
        return f"the PDF is damaged ({broken} compressed stream{'s' * (broken > 1)} cut short)"
    return None


def _broken_streams(data: bytes) -> int:
    """How many Flate-compressed streams of ``data`` do not decode to their end (streams
    under other filters, or whose dictionary is not plain, are not judged)."""
    broken = 0
    budget = MAX_INFLATE
    previous = 0
    for m in _STREAM.finditer(data):
        head = data[max(previous, m.start() - 512) : m.start()]
        previous = m.end()
        found = _FILTER.search(head[head.rfind(b"obj") :])
        filters = _NAME.findall(found.group(1)) if found else []
        if filters not in ([b"FlateDecode"], [b"ASCII85Decode", b"FlateDecode"]):
            continue
        body: bytes | memoryview = memoryview(data)[m.end() :]
        if filters[0] == b"ASCII85Decode":
            end = data.find(b"~>", m.end())
            try:
                body = base64.a85decode(data[m.end() : end if end >= 0 else len(data)])
            except ValueError:
                broken += 1
                continue
        inflater = zlib.decompressobj()
        pos = 0
        try:
            # small pieces: one piece of a bomb inflates to 16 MB at most before the check
            while not inflater.eof and pos < len(body) and budget > 0:
                budget -= len(inflater.decompress(body[pos : pos + 16384]))
                pos += 16384
        except zlib.error:
            broken += 1
            continue
        if budget > 0 and not inflater.eof:
            broken += 1
    return broken


def _page_lines(page: object) -> list[_Line]:
    """The lines of one page with their horizontal extent, page-number lines dropped."""
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    try:
        raw = textpage.get_text_range()
        boxes_ok = textpage.count_chars() == len(raw)
        _, height = page.get_size()  # type: ignore[attr-defined]
        lines: list[_Line] = []
        pos = 0
        for piece in raw.split("\n"):
            end = pos + len(piece)
            body = piece.rstrip("\r")
            left = right = top = size = 0.0
            if boxes_ok and body.strip():
                first = pos + len(body) - len(body.lstrip())
                last = pos + len(body.rstrip()) - 1
                left = textpage.get_charbox(first)[0]
                right = textpage.get_charbox(last)[2]
                top = textpage.get_charbox(first)[3]
                _, bottom, _, upper = textpage.get_charbox(first, loose=True)
                size = max(upper - bottom, 0.0)
                body = _cells(textpage, body, pos)
            lines.append(_Line(body.strip(), left, right, top, size))
            pos = end + 1
    finally:
        textpage.close()
    lines = [ln for ln in lines if ln.text]
    for edge in (0, -1):
        if lines and _PAGE_NUMBER.fullmatch(lines[edge].text):
            near_edge = not boxes_ok or lines[edge].top < 0.12 * height or (
                lines[edge].top > 0.88 * height
            )
            if near_edge:
                del lines[edge]
    return lines


def _cells(textpage: object, body: str, pos: int) -> str:
    """``body`` with a tab wherever the page leaves a gap wider than two characters.

    Running text never leaves such a gap; a table row does, between its cells. The
    tab makes the row read as the Word and HTML loaders render rows, so the table checks
    see it; a line with a tab is never joined to its neighbours.
    """
    out: list[str] = []
    prev_right: float | None = None
    space = False
    for i, ch in enumerate(body):
        if ch.isspace():
            space = True
            continue
        box = textpage.get_charbox(pos + i, loose=True)  # type: ignore[attr-defined]
        left, bottom, right, top = box
        em = top - bottom
        if prev_right is not None and em > 0 and left - prev_right > 2 * em:
            out.append("\t")
        elif space and out:
            out.append(" ")
        space = False
        out.append(ch)
        prev_right = right
    return "".join(out)


def _assemble(pages: list[list[_Line]]) -> tuple[str, list[Mark]]:
    """The text of all pages, lines joined where safe (across a page break too)."""
    flat: list[tuple[int, _Line, float, float, float]] = []  # page, line, left, right, em
    for number, lines in enumerate(pages, start=1):
        if lines:
            left = min(ln.left for ln in lines)
            right = max(ln.right for ln in lines)
            em = _em(lines)
            flat.extend((number, ln, left, right, em) for ln in lines)
    # Paragraphs marked by a first-line indent: then a line that runs to the margin and
    # is followed by an unindented one continues its paragraph even after a full stop.
    indents = any(ln.left > left + 1.5 * em for _, ln, left, _, em in flat if em > 0)
    out: list[str] = []
    marks: list[Mark] = []
    length = 0
    page = 0
    for i, (number, line, _left, right, em) in enumerate(flat):
        if number != page:
            marks.append((length, number, None, None))
            page = number
        sep = "\n"
        if i + 1 < len(flat):
            _, nxt, nxt_left, _, nxt_em = flat[i + 1]
            if _joins(line, nxt, nxt_left, right, min(em, nxt_em), indents=indents):
                sep = " " if _ascii_word_break(line.text, nxt.text) else ""
        out.append(line.text + sep)
        length += len(line.text) + len(sep)
    return "".join(out), marks


def _em(lines: list[_Line]) -> float:
    """The width of a Chinese character on the page: the usual font size of its lines.

    Not the average width of the widest line: digits, Latin letters and quotation marks
    are narrower, so a line of mixed text would make the average too small, and a line
    wrapped after a narrow character (an opening quote “) would seem to stop short of
    the margin and be left unjoined. Without character boxes, the average is all there is.
    """
    sizes = sorted(ln.size for ln in lines if ln.size > 0)
    if sizes:
        return sizes[len(sizes) // 2]
    widest = max(lines, key=lambda ln: ln.right - ln.left)
    width = widest.right - widest.left
    return width / max(len(widest.text), 1) if width > 0 else 0.0


def _joins(
    line: _Line, nxt: _Line, left: float, right: float, em: float, *, indents: bool = False
) -> bool:
    """Is ``nxt`` the continuation of the same sentence as ``line``?

    ``right`` is the right margin of ``line``'s page, ``left`` the left margin of
    ``nxt``'s page, ``em`` a character width; ``indents`` tells that the document marks
    its paragraphs with a first-line indent.
    """
    if _OPENS_ITEM.match(nxt.text) or em <= 0 or "\t" in line.text or "\t" in nxt.text:
        return False  # no character boxes: nothing tells a wrapped line from a paragraph
    runs_to_margin = line.right >= right - 2 * em
    indented = nxt.left > left + 1.5 * em
    if not runs_to_margin or indented:
        return False
    tail = line.text.rstrip("".join(_CLOSERS))
    ends_sentence = not tail or tail[-1] in _SENTENCE_END or line.text[-1] in _SENTENCE_END
    return indents or not ends_sentence


def _ascii_word_break(a: str, b: str) -> bool:
    """Two Latin words meet at the break: keep a space between them."""
    return bool(a) and bool(b) and a[-1].isascii() and a[-1].isalpha() and (
        b[0].isascii() and b[0].isalpha()
    )
