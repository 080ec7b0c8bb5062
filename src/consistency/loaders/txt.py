"""Plain text: decide the encoding, decode strictly, normalise newlines.

Encodings met in Chinese government text files, and how each is decided:

1. A byte-order mark names UTF-8, UTF-16 LE/BE or UTF-32 outright.
2. NUL bytes: a report always holds digits, spaces or newlines, which UTF-16 writes with a
   zero byte; the side the zeros fall on (odd or even offsets) tells LE from BE. Zeros in
   any other pattern mean a binary file.
3. Bytes that decode as strict UTF-8 are UTF-8: non-ASCII GB18030 text is valid UTF-8
   by accident only for a handful of characters.
4. Otherwise GB18030 (a superset of GBK and GB2312) and Big5 are decoded strictly, and
   each reading is scored by the share of its non-ASCII characters that are common
   Chinese characters (those of GB2312 or of Big5's frequent level, computed from the
   codecs themselves). A true reading scores near 1, a wrong one far lower. The winner
   must clear :data:`PLAUSIBLE` and beat the other reading clearly; otherwise the file is
   refused as undecidable rather than read as mojibake.

Why a cascade rather than a general detector such as charset-normalizer: only these few
encodings occur, the cascade is deterministic and linear, and a general detector guessed
``cp949`` (Korean) for a fifteen-character GBK sentence in our trials; a short report
line must not be read as Korean.

Newlines: ``\\r\\n`` and a lone ``\\r`` become ``\\n``; the document's ``source_map``
keeps the way back to offsets in the decoded source.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata

from ..document import Document
from ..errors import InputError

__all__ = ["PLAUSIBLE", "decode", "load_txt", "normalise_newlines"]

#: the least share of common Chinese characters among non-ASCII ones for a reading to stand
PLAUSIBLE = 0.9
#: how much better than the other reading the chosen one must score
MARGIN = 0.15
#: characters scored per reading: enough to judge, bounded so a 100 MB file stays cheap
SAMPLE = 200_000

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: C0 controls other than tab, newline, vertical tab, form feed and carriage return
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def load_txt(data: bytes, name: str) -> Document:
    """A :class:`Document` from the bytes of a plain-text file."""
    text, encoding = decode(data, name)
    text, source_map = normalise_newlines(text)
    if not text.strip():
        raise InputError(name, "the file holds no text (only white space)")
    return Document(text, name, source_map=source_map, encoding=encoding)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was decided to be in (without any BOM)."""
    if not data:
        raise InputError(name, "the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, name), encoding
    if b"\x00" in data:
        encoding = _utf16_by_zeros(data, name)
        return _strict(data, encoding, name), encoding
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _refuse_controls(text, name)
        return text, "utf-8"
    return _chinese_legacy(data, name)


def normalise_newlines(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``text`` with ``\\r\\n`` and ``\\r`` turned into ``\\n``, and the anchors back."""
    if "\r" not in text:
        return text, ()
    out: list[str] = []
    anchors: list[tuple[int, int]] = []
    src = dst = 0
    n = len(text)
    while src < n:
        cr = text.find("\r", src)
        if cr == -1:
            out.append(text[src:])
            break
        out.append(text[src:cr])
        out.append("\n")
        dst += cr - src + 1
        src = cr + 2 if text.startswith("\r\n", cr) else cr + 1
        if src != cr + 1:
            anchors.append((dst, src))
    return "".join(out), tuple(anchors)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            name, f"not valid {encoding} at byte {exc.start} although it looks like it"
        ) from None
    _refuse_controls(text, name)
    return text


def _utf16_by_zeros(data: bytes, name: str) -> str:
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    # UTF-16 text puts the zero byte of an ASCII character on one side only.
    if odd > 4 * even and odd >= 2:
        return "utf-16-le"
    if even > 4 * odd and even >= 2:
        return "utf-16-be"
    raise InputError(name, "binary data (zero bytes), not a text file")


def _refuse_controls(text: str, name: str) -> None:
    found = _CONTROLS.search(text)
    if found:
        raise InputError(
            name,
            f"binary data (control character U+{ord(found.group()):04X} at character "
            f"{found.start()}), not a text file",
        )


def _chinese_legacy(data: bytes, name: str) -> tuple[str, str]:
    readings: list[tuple[float, str, str]] = []
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        readings.append((_common_share(text), encoding, text))
    readings.sort(reverse=True)
    if not readings:
        raise InputError(name, "undecidable encoding: not UTF-8, UTF-16, GB18030 or Big5")
    score, encoding, text = readings[0]
    runner_up = readings[1][0] if len(readings) > 1 else 0.0
    if score < PLAUSIBLE or score - runner_up < MARGIN:
        raise InputError(
            name,
            f"undecidable encoding: not UTF-8 or UTF-16, and neither GB18030 nor Big5 "
            f"reads it as ordinary Chinese (best {encoding} at {score:.0%}); "
            f"save it as UTF-8",
        )
    _refuse_controls(text, name)
    return text, encoding


def _common_share(text: str) -> float:
    """The share of non-ASCII characters that are common Chinese characters or punctuation."""
    common = _common_chars()
    total = hits = 0
    for ch in text[:SAMPLE]:
        if ch < "\x80":
            continue
        total += 1
        if ch in common:
            hits += 1
    return hits / total if total else 0.0


@functools.cache
def _common_chars() -> frozenset[str]:
    """Every character of GB2312 and of Big5's frequent level, plus CJK punctuation.

    Computed from Python's own codecs so no character list has to be shipped.
    """
    chars: set[str] = set()
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    for code in range(0xA140, 0xC67F):
        lead, trail = divmod(code, 0x100)
        if 0x40 <= trail <= 0x7E or 0xA1 <= trail <= 0xFE:
            try:
                chars.add(bytes((lead, trail)).decode("big5"))
            except UnicodeDecodeError:
                continue
    chars.update(
        ch
        for ch in map(chr, range(0x3000, 0x3040))
        if unicodedata.category(ch).startswith(("P", "Z", "S"))
    )
    chars.update(chr(c) for c in range(0xFF01, 0xFF5F))  # full-width ASCII forms
    chars.update("\u00a0\u00b7\u00d7\u2014\u2018\u2019\u201c\u201d\u2026\u2030\u2103")
    return frozenset(chars)
