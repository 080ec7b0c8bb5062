"""Inline suppression: a marker in the report itself that leaves a finding out.

A report writer who has checked a figure and knows it is right (a share taken over a
base the text does not state, a total that leaves a category out on purpose) can say so
where the figure stands, instead of in a baseline file kept elsewhere::

    全年受理1200件,其中咨询类800件,占比66.7%。 consistency: ignore C201
    全年受理1200件,其中咨询类800件,占比66.7%。【consistency：忽略 C2】

The marker is ``consistency:`` (or ``consistency：``) followed by ``ignore`` or ``忽略``
and, optionally, the codes or families it leaves out (``C201``, ``C2``, several
separated by spaces, commas or ``、``); with no code it leaves out every finding. It
applies to the findings whose relation touches the line it stands on. In a Word file it
may stand in a comment instead of the text (the text then needs no editing before
publication): it applies to the findings on the paragraphs or table rows the comment is
anchored to.

A finding left out is not reported, does not fail the run and does not enter a written
baseline; it stays in :attr:`Report.suppressed <consistency.findings.Report.suppressed>`
and in the JSON (``suppressed``), so an auditor can see what the writer silenced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .document import Document
from .findings import Finding

__all__ = ["MARKER", "Marker", "markers", "split"]

#: ``consistency: ignore C201, C2`` (full-width colon and 忽略 accepted; codes optional)
MARKER = re.compile(
    r"consistency\s*[:：]\s*(?:ignore|忽略)(?P<codes>(?:[\s,，、;；]*C\d{1,3}(?!\d))*)"
    # a code it cannot read (C1010) makes no marker, rather than one that leaves out all
    r"(?![\s,，、;；]*C\d)",
    re.IGNORECASE,
)
_CODE = re.compile(r"C\d{1,3}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Marker:
    """A marker and the stretch of text it speaks for: ``[start, end)`` of the document
    (its line, or the lines its comment is anchored to); ``codes`` empty means all."""

    start: int
    end: int
    codes: tuple[str, ...]

    def covers(self, finding: Finding) -> bool:
        """Does this marker leave ``finding`` out?"""
        low = min([finding.start, *(a for a, _ in finding.spans)])
        high = max([finding.end, *(b for _, b in finding.spans)])
        if high <= self.start or low >= self.end:
            return False
        return not self.codes or any(finding.code.startswith(c) for c in self.codes)


def markers(document: Document) -> list[Marker]:
    """Every marker of ``document``: on a line of its text, or in a comment on it."""
    text = document.text
    found = []
    for m in MARKER.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        found.append(Marker(start, len(text) if end < 0 else end, _codes(m)))
    for start, end, comment in document.comments:
        found.extend(Marker(start, end, _codes(m)) for m in MARKER.finditer(comment))
    return found


def split(
    document: Document, findings: Sequence[Finding]
) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """``findings`` parted into those reported and those a marker leaves out."""
    found = markers(document) if findings else []
    if not found:
        return tuple(findings), ()
    kept: list[Finding] = []
    left_out: list[Finding] = []
    for f in findings:
        (left_out if _any_covers(found, f) else kept).append(f)
    return tuple(kept), tuple(left_out)


def _any_covers(found: Iterable[Marker], finding: Finding) -> bool:
    return any(m.covers(finding) for m in found)


def _codes(m: re.Match[str]) -> tuple[str, ...]:
    return tuple(c.upper() for c in _CODE.findall(m.group("codes")))
