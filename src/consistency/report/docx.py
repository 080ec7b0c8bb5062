"""Word comments: a copy of the checked ``.docx`` with a comment on each finding.

The legal-affairs office drafts in Word, so the findings go back into Word: each one
becomes a comment (author ``consistency``) whose range starts at the first figure of the
claim and ends at its last, the way a colleague would select them. The text is left as
it was: where a figure begins or ends inside a run, the run is cut in two at that
character and both halves keep the run's formatting, so the comment covers the figure and
no more. Runs holding anything but text, tabs and breaks (fields, drawings, symbols,
footnote marks) are never cut; the comment then covers the whole run.

Offsets are mapped back with the marks of :mod:`consistency.loaders.docx`: each body
paragraph is one line of the text, each table row one line with a tab between cells, and
every mark names the body paragraph (1-based) or the cell (``T1R2C3``) an offset comes
from. The document is read again before anything is written, and a report made from
another version of it is refused rather than pinned to the wrong words.

Annotating is idempotent: a comment this module would write that the source already
holds (same author, same words) is not written again, so annotating an annotated copy
gives the same comments, not twice as many. The copy is written to a temporary file
beside ``out`` and renamed into place, and ``out`` may not be ``source`` itself (through
``./``, links or not): the draft is never overwritten.
"""

from __future__ import annotations

import copy
import io
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import vocabulary as V
from ..document import Document
from ..errors import ConsistencyError, InputError
from ..findings import Finding, Report
from ..loaders.docx import _blocks, _cell_paragraphs, check_parts, load_docx
from ..verdicts import Severity
from ..writing import atomic_write, same_file

__all__ = ["AUTHOR", "annotate"]

#: the author Word shows on every comment this module writes
AUTHOR = "consistency"
_INITIALS = "CS"

_CELL = re.compile(r"T(\d+)R(\d+)C(\d+)")
#: characters XML 1.0 cannot hold; a message never needs them
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def annotate(
    source: str | Path,
    report: Report,
    out: str | Path,
    *,
    least: Severity = Severity.INFO,
    lang: str = V.DEFAULT,
) -> int:
    """Write ``out``: ``source`` with a comment on each finding of ``report`` at or above
    ``least``, worded in ``lang`` (the language of the findings' messages); returns the number of findings that carry their comment in ``out``
    (written now, or already there from an earlier run).

    Raises :class:`~consistency.errors.InputError` when ``source`` cannot be read or is not
    the document ``report`` was made from, or ``out`` cannot be written or is ``source``.
    """
    import docx  # imported here: text-only users need not load lxml

    name = str(source)
    if same_file(source, out):
        raise InputError(str(out), f"would overwrite {name}, the document annotated")
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read ({exc.strerror or exc})") from None
    check_parts(data, name)  # python-docx parses every part to write the copy
    fresh = load_docx(data, name)
    if fresh.text != report.text:
        raise InputError(
            name, "the report was made from a different text; check this document again first"
        )
    word = docx.Document(io.BytesIO(data))
    places = _Places(word, fresh)
    there = Counter(c.text for c in word.comments if c.author == AUTHOR)
    commented = 0
    for finding in report.findings:
        if finding.severity.rank < least.rank:
            continue
        first, *rest = lines = _comment_text(finding, lang)
        if there["\n".join(lines)] > 0:  # written by an earlier run on this very text
            there["\n".join(lines)] -= 1
            commented += 1
            continue
        runs = places.anchor(finding)
        if runs is None:
            continue
        comment = word.add_comment(runs, text=first, author=AUTHOR, initials=_INITIALS)
        for line in rest:
            comment.add_paragraph(line)
        commented += 1
    try:
        with atomic_write(out, binary=True) as fh:
            word.save(fh)
    except ConsistencyError as exc:
        raise InputError(str(out), exc.problem) from None
    except OSError as exc:
        raise InputError(str(out), f"cannot write ({exc.strerror or exc})") from None
    return commented


def _comment_text(f: Finding, lang: str) -> list[str]:
    """The comment on ``f``: code, severity and message; the figures and the relation;
    then, under a Chinese message, the English one. Labels are the vocabulary's."""
    severity = V.label(V.SEVERITY, f.severity.value, lang)
    colon = "：" if lang == "zh" else ": "
    lines = [f"{f.code} {severity}{colon}{f.message}"]
    facts = [f"{V.label(V.FIELD, 'stated', lang)} {f.stated}"]
    if f.computed:
        facts.append(f"{V.label(V.FIELD, 'computed', lang)} {f.computed}")
    if f.mode:
        facts.append(f"{V.label(V.FIELD, 'mode', lang)} {V.label(V.MODE, f.mode, lang)}")
    if lang == "zh":
        lines.append("；".join(facts) + f"（{f.claim.relation}）")
    else:
        lines.append("; ".join(facts) + f" ({f.claim.relation})")
    if f.message_en != f.message:
        lines.append(f"{f.code} {V.label(V.SEVERITY, f.severity.value, 'en')}: {f.message_en}")
    return [_NOT_XML.sub("", line) for line in lines]


@dataclass(frozen=True)
class _Container:
    """The XML paragraphs one line of the text (or one cell of it) was flattened from."""

    key: tuple[Any, ...]
    start: int  # offset in the text of the line's (or cell's) first character
    paragraphs: tuple[Any, ...]  # CT_P elements, in order


@dataclass(frozen=True)
class _Spot:
    """Characters ``[a, b)`` of the text of XML paragraph ``p``, inside ``container``."""

    container: _Container
    p: Any
    a: int
    b: int


class _Places:
    """Finds where a span of the checked text is in the Word XML, and the runs there."""

    def __init__(self, word: Any, document: Document) -> None:
        self.document = document
        # the loader's own walk (content controls looked into), so indexes agree
        blocks = list(_blocks(word.element.body))
        self.body = [b for b in blocks if b.tag == _qn("w:p")]
        self.tables = [b for b in blocks if b.tag == _qn("w:tbl")]

    def anchor(self, f: Finding) -> list[Any] | None:
        """The first and last run of the comment on ``f``, or None if none can be found.

        Runs are cut only where the range starts and ends, so the words between keep
        their runs as they were.
        """
        spans = sorted(f.spans) or [(f.start, f.end)]
        spots = [s for a, b in spans if (s := self.locate(a, b))]
        if not spots:
            # the figures could not be placed: the comment goes on the claim's paragraph
            # rather than nowhere
            c = self.container(f.start)
            runs = [r for p in c.paragraphs for r in _cover(p, 0, len(_text(p)))] if c else []
            return [runs[0], runs[-1]] if runs else None
        keys = {s.container.key for s in spots}
        if len(keys) > 1 and any(k[0] == "cell" for k in keys):
            # a range from cell to cell would select whole stretches of the table: mark
            # the stated figure alone
            stated = self.locate(f.claim.stated.start, f.claim.stated.end)
            spots = [stated or spots[0]]
        first, last = spots[0], spots[-1]
        _cut(first.p, first.a)
        _cut(last.p, last.b)
        head, tail = _cover(first.p, first.a, first.b), _cover(last.p, last.a, last.b)
        if not head or not tail:
            return None
        return [head[0], tail[-1]]

    def locate(self, start: int, end: int) -> _Spot | None:
        """The paragraph and characters of text ``[start, end)``, or None."""
        c = self.container(start)
        if c is None or not 0 <= start < end <= len(self.document.text):
            return None
        texts = [_text(p) for p in c.paragraphs]
        joined = " ".join(texts).replace("\r", " ").replace("\n", " ").replace("\t", " ")
        lead = len(joined) - len(joined.lstrip())  # the loader strips each line
        a, b = lead + start - c.start, lead + end - c.start
        wanted = self.document.text[start:end]
        if joined[a:b] != wanted:
            # not where the marks say: look for the words in this line before giving up
            a = joined.find(wanted)
            if a < 0:
                return None
            b = a + len(wanted)
        base = 0
        for p, text in zip(c.paragraphs, texts, strict=True):
            if base <= a < base + len(text):
                # a figure never spans two paragraphs of a cell; if one did, its first
                # part is the place to point at
                return _Spot(c, p, a - base, min(b, base + len(text)) - base)
            base += len(text) + 1
        return None

    def container(self, offset: int) -> _Container | None:
        """The body paragraph or table cell the text at ``offset`` was read from."""
        loc = self.document.location(offset)
        if loc.cell is not None:
            return self._cell(loc.cell)
        if loc.paragraph is not None and 0 < loc.paragraph <= len(self.body):
            line_start = offset - (loc.column - 1)
            return _Container(("p", loc.paragraph), line_start, (self.body[loc.paragraph - 1],))
        return None

    def _cell(self, ref: str) -> _Container | None:
        m = _CELL.fullmatch(ref)
        if not m:
            return None
        t, r, c = (int(g) for g in m.groups())
        if not 0 < t <= min(len(self.tables), len(self.document.tables)):
            return None
        cell = self.document.tables[t - 1].cell(r, c)
        tc = _tc(self.tables[t - 1], r, c)
        if cell is None or tc is None:
            return None
        return _Container(("cell", t, r, c), cell.start, tuple(_cell_paragraphs(tc)))


def _pieces(p: Any) -> list[tuple[Any, str]]:
    """The elements of paragraph ``p`` that make its text, with the text each stands for.

    The same walk and the same rules as the loader's paragraph text (tracked insertions
    in, deletions and text boxes out, a tab or break is one space), so offsets agree.
    """
    t, hyphen = _qn("w:t"), _qn("w:noBreakHyphen")
    box = _qn("w:txbxContent")
    tags = (t, _qn("w:tab"), _qn("w:br"), _qn("w:cr"), hyphen)
    out = []
    for el in p.iter(*tags):
        if any(True for _ in el.iterancestors(box)):
            continue
        out.append((el, (el.text or "") if el.tag == t else "-" if el.tag == hyphen else " "))
    return out


def _text(p: Any) -> str:
    return "".join(text for _, text in _pieces(p))


def _placed_runs(p: Any) -> list[tuple[int, int, Any]]:
    """``(start, end, w:r)`` for each stretch of the paragraph's text a run holds."""
    out, pos = [], 0
    for el, text in _pieces(p):
        run = el.getparent()
        if text and run is not None and run.tag == _qn("w:r"):
            if out and out[-1][2] is run and out[-1][1] == pos:
                out[-1] = (out[-1][0], pos + len(text), run)
            else:
                out.append((pos, pos + len(text), run))
        pos += len(text)
    return out


def _cover(p: Any, a: int, b: int) -> list[Any]:
    """The runs of paragraph ``p`` holding any of its characters ``[a, b)``, in order."""
    from docx.text.run import Run

    chosen: list[Any] = []
    for start, end, run in _placed_runs(p):
        if start < b and a < end and not any(r is run for r in chosen):
            chosen.append(run)
    return [Run(r, None) for r in chosen]  # type: ignore[arg-type]


def _cut(p: Any, at: int) -> None:
    """Make ``at`` a run boundary, cutting the run it falls in if that run is plain text."""
    for start, end, run in _placed_runs(p):
        if start < at < end:
            _split(run, at - start)
            return


#: run content that is text (or no text at all), so a run of it can be cut in two
_PLAIN = ("w:t", "w:tab", "w:br", "w:cr", "w:noBreakHyphen", "w:lastRenderedPageBreak")


def _split(r: Any, k: int) -> None:
    """Cut run ``r`` after the ``k``-th character of its text; the second half is a copy
    with the same formatting holding the rest. Runs with fields, drawings or symbols
    stay whole."""
    plain = {_qn(tag) for tag in _PLAIN}
    content = [c for c in r if c.tag != _qn("w:rPr")]
    if any(c.tag not in plain for c in content):
        return
    tail = copy.deepcopy(r)
    for c in [c for c in tail if c.tag != _qn("w:rPr")]:
        tail.remove(c)
    pos = 0
    for c in content:
        # as the loader counts: a w:t its characters, a tab or break one, the rest none
        n = len(c.text or "") if c.tag == _qn("w:t") else 0 if c.tag == _qn(_PLAIN[-1]) else 1
        if pos >= k:
            tail.append(c)  # lxml moves the element from r to tail
        elif pos + n > k:  # a w:t holding the cut: its rest goes first into the tail
            rest = copy.deepcopy(c)
            c.text, rest.text = c.text[: k - pos], c.text[k - pos :]
            for t in (c, rest):
                t.set(_qn("xml:space"), "preserve")
            tail.append(rest)
        pos += n
    r.addnext(tail)


def _tc(tbl: Any, row: int, column: int) -> Any | None:
    """The ``w:tc`` whose grid column (1-based, after ``gridBefore``) starts at ``column``."""
    rows = list(tbl.iterchildren(_qn("w:tr")))
    if not 0 < row <= len(rows):
        return None
    tr = rows[row - 1]
    col = 1 + _val(tr, ("w:trPr", "w:gridBefore"), 0)
    for tc in tr.iterchildren(_qn("w:tc")):
        if col == column:
            return tc
        col += max(1, _val(tc, ("w:tcPr", "w:gridSpan"), 1))
    return None


def _val(el: Any, path: Sequence[str], default: int) -> int:
    for step in path:
        el = el.find(_qn(step)) if el is not None else None
    try:
        return int(el.get(_qn("w:val"))) if el is not None else default
    except (TypeError, ValueError):
        return default


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)
