"""Word comments: which lines of the text each is anchored to, and what it says.

Comments are not part of a report's text, but a reviewer's comment may carry a
suppression marker (``consistency: ignore C201``, see :mod:`consistency.suppression`)
for the figures it is anchored to. While the body is read, :meth:`Anchors.note` records,
for each comment, the lines from the one its range starts on to the one it ends on (or,
for a comment with no range, the line of its reference mark); :meth:`Anchors.read`
then takes the comments' words from ``word/comments.xml``, parsed the way the body is
(no entity, no DTD, no network) and only when some comment is anchored at all.
"""

from __future__ import annotations

import zipfile
from typing import Any

__all__ = ["COMMENTS", "Anchors"]

COMMENTS = "word/comments.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_START, _END, _MARK = f"{_W}commentRangeStart", f"{_W}commentRangeEnd", f"{_W}commentReference"
_ID, _COMMENT, _T, _P = f"{_W}id", f"{_W}comment", f"{_W}t", f"{_W}p"


class Anchors:
    """The comments anchored in a body, by id, as the body is read line by line."""

    def __init__(self) -> None:
        self.opened: dict[str, int] = {}
        self.closed: set[str] = set()
        #: (comment id, start, end): the stretch of the text a comment is anchored to
        self.spans: list[tuple[str, int, int]] = []

    def note(self, element: Any, start: int, end: int) -> None:
        """Record the anchors inside ``element``, which became the line ``[start, end)``."""
        for el in element.iter(_START, _END, _MARK):
            ident = str(el.get(_ID))
            if el.tag == _START:
                self.opened.setdefault(ident, start)
            elif el.tag == _END:
                self.spans.append((ident, self.opened.pop(ident, start), end))
                self.closed.add(ident)
            elif ident not in self.closed and ident not in self.opened:  # a mark, no range
                self.spans.append((ident, start, end))
                self.closed.add(ident)

    def read(self, zf: zipfile.ZipFile, limit: int) -> tuple[tuple[int, int, str], ...]:
        """``(start, end, text)`` of each anchored comment. A comments part that is
        missing, over ``limit`` bytes or unreadable costs the markers, not the document."""
        if not self.spans:
            return ()
        try:
            info = zf.getinfo(COMMENTS)
            if info.file_size > limit:
                return ()
            with zf.open(info) as part:
                texts = _texts(part)
        except Exception:  # noqa: BLE001 - comments are optional; the body was read
            return ()
        return tuple((a, b, texts[i]) for i, a, b in self.spans if i in texts)


def _texts(part: Any) -> dict[str, str]:
    from lxml import etree

    texts: dict[str, str] = {}
    events = etree.iterparse(
        part, events=("end",), resolve_entities=False, no_network=True, load_dtd=False
    )
    for _, el in events:
        if el.tag == _COMMENT:
            paragraphs = ("".join(t.text or "" for t in p.iter(_T)) for p in el.iter(_P))
            texts[str(el.get(_ID))] = "\n".join(paragraphs)
            el.clear()
    return texts
