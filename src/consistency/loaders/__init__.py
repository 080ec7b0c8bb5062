"""Loaders: files as they really arrive, turned into :class:`~consistency.document.Document`.

``load(path)`` reads a file; ``load_bytes(data, name)`` reads bytes already in memory
(standard input). The format is chosen by content first, where the bytes say it plainly
(``%PDF-``, a zip holding ``word/document.xml``), then by suffix (``.txt``, ``.html``,
``.htm``, ``.docx``, ``.pdf``), then by a look at the text (``<html`` or a doctype).

Every problem a user can fix is an :class:`~consistency.errors.InputError` naming the
file and the problem in one line: missing, a directory, empty, binary, too large,
corrupt, encrypted, an undecidable encoding. No loader returns a text it is unsure of.

Resource limits (also in ``docs/limits.md``), all module constants:

* :data:`MAX_BYTES` — 100 MiB per file, of any format. The size is read from the file
  system before a byte is read, so a larger file costs nothing but the refusal; standard
  input is read a chunk at a time and refused as soon as it passes the limit.
* Only regular files are read: a pipe, socket or device is refused unopened for reading.
* ``docx.MAX_UNZIPPED`` — 256 MiB for the declared uncompressed size of all members of a
  Word file, ``docx.MAX_MEMBERS`` members at most, ``docx.MAX_DOCUMENT_XML`` (64 MiB) for
  its main text part: checked before any member is inflated,
  so a zip bomb is refused unopened. (Python's zip reader stops at the declared size and
  checks the CRC, so a member cannot inflate beyond what it declares.)
* ``pdf.MAX_PAGES`` — 2,000 pages; the page count is read from the PDF's page tree
  before any page is parsed, so a 10,000-page file is refused at once.
* HTML is parsed by the standard library's event-driven parser and walked with an
  explicit stack, so 10⁵ nested tags cost memory in proportion to the input and no
  recursion.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path
from typing import BinaryIO

from ..document import Document
from ..errors import InputError
from .txt import load_txt

__all__ = ["load", "load_bytes", "load_stream"]

#: opening never waits (a pipe with no writer would block a plain open for ever)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

#: the largest file, of any format, that is read at all
MAX_BYTES = 100 * 1024 * 1024

_SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
#: the suffixes the command line and the pytest plugin take for report files when they
#: search a folder (``load`` itself reads more, e.g. ``.md``, when named directly)
REPORT_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")

_REFUSED = {
    ".doc": "a legacy Word .doc file; save it as .docx",
    ".wps": "a WPS file; save it as .docx",
    ".xlsx": "a spreadsheet, not a report document",
    ".xls": "a spreadsheet, not a report document",
}


def load(path: str | os.PathLike[str]) -> Document:
    """The document at ``path``, whatever its format (see the module docstring).

    Only a regular file is read: a pipe, socket, device or folder is refused without
    waiting on it (the file is opened non-blocking and checked before a byte is read).
    """
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a document") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(name, "is a directory, not a document")
        raise InputError(name, "not a regular file (a pipe, socket or device); not read")
    with os.fdopen(fd, "rb") as fh:
        if st.st_size > MAX_BYTES:
            raise InputError(
                name, f"too large: {st.st_size:,} bytes; the limit is {MAX_BYTES:,} bytes"
            )
        try:
            # Read at most one byte past the limit: a file that grew since fstat() is
            # still refused without being read whole.
            data = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            raise InputError(name, f"cannot be read: {exc.strerror or exc}") from None
    return load_bytes(data, name)


def load_stream(stream: BinaryIO, name: str) -> Document:
    """The document read from ``stream`` (standard input), a chunk at a time: a stream
    longer than :data:`MAX_BYTES` is refused as soon as it is, not after it is all read."""
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := stream.read(1 << 20):
            size += len(chunk)
            if size > MAX_BYTES:
                raise InputError(name, f"too large: more than {MAX_BYTES:,} bytes")
            chunks.append(chunk)
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from None
    return load_bytes(b"".join(chunks), name)


def load_bytes(data: bytes, name: str) -> Document:
    """The document held in ``data``; ``name`` (a path or ``-``) names it and its suffix."""
    if len(data) > MAX_BYTES:
        raise InputError(name, f"too large: more than {MAX_BYTES:,} bytes")
    if not data:
        raise InputError(name, "the file is empty")
    kind = _kind(data, name)
    if kind == "pdf":
        from .pdf import load_pdf

        return load_pdf(data, name)
    if kind == "docx":
        from .docx import load_docx

        return load_docx(data, name)
    if kind == "html":
        from .html import load_html

        return load_html(data, name)
    return load_txt(data, name)


def _kind(data: bytes, name: str) -> str:
    """The loader for ``data``: content that names its format wins over the suffix."""
    suffix = Path(name).suffix.lower()
    head = data[:1024]
    if b"%PDF-" in head:  # the PDF standard lets the header sit within the first 1024 bytes
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if _is_word(data):
            return "docx"
        if suffix == ".docx":
            return "docx"  # the Word loader reports what is wrong with it
        raise InputError(name, "a zip archive, not a Word (.docx) document")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(name, "a legacy Office file (.doc/.xls); save it as .docx")
    if suffix in _REFUSED:
        raise InputError(name, _REFUSED[suffix])
    if suffix in _SUFFIXES:
        kind = _SUFFIXES[suffix]
        if kind in ("docx", "pdf"):
            what = "Word" if kind == "docx" else "PDF"
            raise InputError(name, f"not a {what} file: its content does not start as one")
        return kind
    sniff = head.lower()
    if any(marker in sniff for marker in (b"<!doctype html", b"<html", b"<body")):
        return "html"
    return "txt"


def _is_word(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
