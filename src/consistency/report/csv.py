"""CSV for people who open the findings in Excel: one row per finding.

The file starts with a UTF-8 byte-order mark, which is how Excel knows to read it as
UTF-8 rather than in the local code page (it would show Chinese as mojibake otherwise);
rows end in ``\\r\\n`` as Excel writes them. The header and the words in the cells
(severity, rounding reading, evidence) are in the configured language, from
:mod:`consistency.vocabulary`. Columns::

    path, line, column, code, name, severity, message, stated, computed, mode, kind,
    relation, evidence, page, paragraph, cell, message_en

A cell that Excel would run as a formula (one starting with ``=``, ``+``, ``-`` or ``@``
that is not a plain number such as ``-5%``) is written with a leading apostrophe, so a
crafted file name or sentence cannot execute anything in the reader's spreadsheet.
Written to a console whose encoding is not Unicode (a Chinese Windows console, where
Excel reads CSV in the same code page), the mark is left out and the stream escapes
what it cannot encode.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from .. import vocabulary as V
from ..config import Config
from ..findings import Finding, Report
from .sanitise import shown_path, visible

__all__ = ["BOM", "COLUMNS", "render", "rows", "start", "table"]

COLUMNS = (
    "path", "line", "column", "code", "name", "severity", "message", "stated", "computed",
    "mode", "kind", "relation", "evidence", "page", "paragraph", "cell", "message_en",
)
BOM = "\ufeff"
#: a cell Excel reads as a formula, unless it is a plain number
_FORMULA = re.compile(r"[=+\-@\t\r]")
_NUMBER = re.compile(r"[-+]?[\d.,]+%?")


def render(reports: Sequence[Report], config: Config) -> str:
    """The whole CSV text of ``reports``, with its byte-order mark and header."""
    return start(True, config) + "".join(rows(r, config) for r in reports)


def start(unicode: bool, config: Config, *, statistics: bool = False) -> str:
    """The byte-order mark (on a Unicode output) and the header row."""
    columns = STATISTICS_COLUMNS if statistics else COLUMNS
    header = table([[V.label(V.FIELD, c, config.lang) for c in columns]])
    return (BOM if unicode else "") + header


def rows(report: Report, config: Config) -> str:
    """The rows of one report's findings (for output written file by file)."""
    path = shown_path(report.path or "<stdin>")
    return table(_row(path, f, config.lang) for f in report.findings)


def table(rows: Iterable[Sequence[object]]) -> str:
    """``rows`` as CSV text, every cell made safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_safe("" if cell is None else str(cell)) for cell in row])
    return out.getvalue()


#: the columns of ``--statistics --format csv``
STATISTICS_COLUMNS = ("count", "code", "name", "severity", "summary")


def _row(path: str, f: Finding, lang: str) -> list[object]:
    loc = f.location
    evidence = f.claim.evidence.value if f.claim.evidence is not None else ""
    return [
        path,
        f.line,
        f.column,
        f.code,
        f.name,
        V.label(V.SEVERITY, f.severity.value, lang),
        visible(f.message),
        visible(f.stated),
        visible(f.computed),
        V.label(V.MODE, f.mode, lang) if f.mode else "",
        f.claim.kind,
        visible(f.claim.relation),
        V.label(V.EVIDENCE, evidence, lang) if evidence else "",
        loc.page,
        loc.paragraph,
        loc.cell,
        visible(f.message_en),
    ]


def _safe(cell: str) -> str:
    if cell and _FORMULA.match(cell) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell
