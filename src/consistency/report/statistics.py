"""``consistency check --statistics``: how many findings of each code, nothing else.

For a first look at an archive (which codes dominate, which to configure or review
first), like ruff's ``--statistics``. One line per code, most frequent first, in the
text, JSON or CSV format::

    12  C201  错误  share-mismatch  所述比例或比率与部分除以基数之商不符。

The JSON document carries the contract's ``version``, ``errors`` and ``summary`` beside
``statistics`` (see ``docs/api.md`` and the schema).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .. import messages
from .. import vocabulary as V
from ..config import Config
from ..console import width
from ..findings import SCHEMA_VERSION
from . import Tally, csv

__all__ = ["entries", "render"]


def entries(tally: Tally) -> list[dict[str, Any]]:
    """One entry per code: count, code, name, default-or-configured severity, summaries."""
    out = []
    for code, count in sorted(tally.codes.items(), key=lambda item: (-item[1], item[0])):
        name, severity = tally.names[code]
        entry = messages.CATALOGUE.get(code)
        out.append(
            {
                "code": code,
                "name": name,
                "severity": severity.value,
                "count": count,
                "summary": entry.summary if entry else name,
                "summary_zh": (entry.summary_zh if entry else "") or name,
            }
        )
    return out


def render(
    tally: Tally, fmt: str, config: Config, *, errors: Sequence[tuple[str, str]] = ()
) -> str:
    """The statistics of ``tally`` in ``fmt`` (``text``, ``json`` or ``csv``)."""
    rows = entries(tally)
    lang = config.lang
    if fmt == "json":
        document = {
            "version": SCHEMA_VERSION,
            "statistics": rows,
            "errors": [{"path": p, "error": e} for p, e in errors],
            "summary": tally.as_dict(),
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    table = [
        [
            r["count"],
            r["code"],
            r["name"],
            V.label(V.SEVERITY, r["severity"], lang),
            r["summary_zh"] if lang == "zh" else r["summary"],
        ]
        for r in rows
    ]
    if fmt == "csv":
        return csv.table(table)
    return _text(table, tally, lang)


def _text(table: list[list[Any]], tally: Tally, lang: str) -> str:
    lines = []
    if table:
        counts = max(len(str(r[0])) for r in table)
        names = max(len(r[2]) for r in table)
        severities = max(width(r[3]) for r in table)
        for count, code, name, severity, summary in table:
            pad = " " * (severities - width(severity))
            lines.append(
                f"{str(count).rjust(counts)}  {code}  {severity}{pad}  {name:<{names}}  {summary}"
            )
    lines.append(V.say("summary.statistics", lang, findings=V.counted(tally.findings, "finding", lang)))
    return "\n".join(lines) + "\n"
