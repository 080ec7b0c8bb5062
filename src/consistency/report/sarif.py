"""SARIF 2.1.0: findings for code-scanning services and SARIF viewers.

One run per call: ``tool.driver`` lists every code of the catalogue as a rule (so a
``ruleIndex`` means the same rule whatever was found), and each finding becomes one
result with its rule, level, message and the region of the claim. The figures the
claim relates are its ``relatedLocations``.

Regions count columns in Unicode code points (``columnKind: unicodeCodePoints``), like
every offset of a :class:`~consistency.document.Document`. Lines and columns are those
of the file a viewer opens: of the text that was checked (the ``path:line:col`` the
command line prints) for a text file, of the page source for an HTML page (whose text
lines mean nothing in an editor; its regions then carry no snippet, since the source
between the figures holds markup). ``charOffset`` and ``charLength`` are mapped back
through ``Document.source_offset`` to the decoded file, so a ``\r\n`` file or an HTML
page is pointed at where the characters really are. For a ``.docx`` or ``.pdf`` the paragraph, cell and page are added as
location properties, since neither lines nor offsets mean anything in those files.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from .._about import HOMEPAGE, __version__
from ..config import Config
from ..document import Document
from ..findings import Finding, Report
from ..messages import CATALOGUE, Message
from ..verdicts import Severity
from .json import _dumps, _nested

__all__ = ["SCHEMA_URI", "Writer", "render", "to_sarif"]

#: the OASIS schema the output follows (errata 01 of SARIF 2.1.0)
SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

#: SARIF has no "info" level: its nearest is "note"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

#: the artifact URI of a report checked from a string or standard input
_NO_PATH = "stdin"


def render(reports: Sequence[Report], config: Config) -> str:
    """The SARIF log of ``reports`` as indented JSON (non-ASCII kept readable)."""
    out = io.StringIO()
    writer = Writer(out, config)
    for report in reports:
        writer.add(report)
    writer.close()
    return out.getvalue()


def to_sarif(reports: Sequence[Report], config: Config) -> dict[str, Any]:
    """The SARIF log of ``reports`` as a JSON-ready dict."""
    loaded: dict[str, Any] = json.loads(render(reports, config))
    return loaded


class Writer:
    """The SARIF log written report by report to ``out``: a run over an archive holds one
    report at a time. Results are written as they come; the artifacts (a few fields per
    file) and the tool with its rules, which may name a code only a report carried,
    follow them (JSON objects have no order)."""

    def __init__(self, out: TextIO, config: Config) -> None:
        self._out = out
        self._config = config
        self._artifacts: list[dict[str, Any]] = []
        self._results = 0
        self._extra: dict[str, Message] = {}
        self._index = {code: i for i, code in enumerate(CATALOGUE)}
        out.write(f'{{\n  "$schema": {_dumps(SCHEMA_URI)},\n  "version": "2.1.0",\n')
        out.write('  "runs": [\n    {\n      "results": [')

    def add(self, report: Report) -> None:
        """Write the results of one report."""
        uri = _uri(report.path)
        artifact_index = len(self._artifacts)
        self._artifacts.append(
            {
                "location": {"uri": uri},
                "length": len(report.text),
                "sourceLanguage": "zh",
                "roles": ["analysisTarget"],
            }
        )
        for f in report.findings:
            if f.code not in CATALOGUE and f.code not in self._extra:
                self._extra[f.code] = Message(f.code, f.name, f.severity, "", "", f.name)
            index = self._index.get(f.code)
            if index is None:
                index = len(self._index) + list(self._extra).index(f.code)
            result = _result(f, report.document, uri, artifact_index, index)
            comma = "," if self._results else ""
            self._out.write(f"{comma}\n{_nested(result, 8)}")
            self._results += 1

    def close(self, errors: Sequence[tuple[str, str]] = ()) -> None:
        """Write the artifacts and the tool, and end the log."""
        del errors  # SARIF has no place for a file that could not be read
        lang = self._config.lang
        rules = [_rule(m, lang) for m in (*CATALOGUE.values(), *self._extra.values())]
        tool = {
            "driver": {
                "name": "consistency",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": HOMEPAGE,
                "language": "zh-CN" if self._config.lang == "zh" else "en",
                "rules": rules,
            }
        }
        self._out.write("\n      ]" if self._results else "]")
        self._out.write(',\n      "columnKind": "unicodeCodePoints"')
        self._out.write(f',\n      "artifacts": {_nested(self._artifacts, 6, first=False)}')
        self._out.write(f',\n      "tool": {_nested(tool, 6, first=False)}\n    }}\n  ]\n}}\n')


def _rule(m: Message, lang: str) -> dict[str, Any]:
    """A catalogue entry as a SARIF rule, described in the run's language."""
    summary = (m.summary_zh if lang == "zh" else m.summary) or m.summary or m.name
    return {
        "id": m.code,
        "name": m.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": summary},
        "help": {"text": f"consistency explain {m.code}"},
        "defaultConfiguration": {"level": _LEVEL[m.severity]},
        "properties": {"family": m.family, "tags": ["arithmetic", m.family]},
    }


def _result(f: Finding, doc: Document, uri: str, artifact: int, rule: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule,
        "level": _LEVEL[f.severity],
        # ``Finding.message`` is already in the configured language
        "message": {"text": f.message},
        "locations": [_location(doc, uri, artifact, f.start, f.end, f)],
        "partialFingerprints": {"claimContent/v1": _fingerprint(f)},
        "properties": {
            "message_en": f.message_en,
            "stated": f.stated,
            "computed": f.computed,
            "mode": f.mode,
            "kind": f.claim.kind,
            "relation": f.claim.relation,
            "verdict": f.claim.verdict.value,
        },
    }
    related = [
        _location(doc, uri, artifact, a, b, None, ident=i)
        for i, (a, b) in enumerate(f.spans)
        if 0 <= a < b <= len(doc.text)
    ]
    if related:
        result["relatedLocations"] = related
    return result


def _location(
    doc: Document,
    uri: str,
    artifact: int,
    start: int,
    end: int,
    f: Finding | None,
    *,
    ident: int | None = None,
) -> dict[str, Any]:
    """A location of ``doc.text[start:end]``; ``endColumn`` is one past the last character.

    Lines and columns are those of the file a viewer opens: for an HTML page, of the page
    source (where the text's own lines mean nothing to an editor), else of the text.
    """
    begin = doc.location(start)
    first_line, first_column = doc.source_position(start)
    # the last character's place, not ``end``'s: ``end`` may sit past a newline
    last_line, last_column = doc.source_position(max(start, end - 1))
    region: dict[str, Any] = {
        "startLine": first_line,
        "startColumn": first_column,
        "endLine": last_line,
        "endColumn": last_column + (1 if end > start else 0),
        # offsets in the file as decoded (before \r\n became \n, tags were dropped, …)
        "charOffset": doc.source_offset(start),
        "charLength": doc.source_offset(end) - doc.source_offset(start),
    }
    if not doc.source_lines:  # the words are the file's own only when the file is text
        region["snippet"] = {"text": doc.text[start:end]}
    loc: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": uri, "index": artifact},
            "region": region,
        }
    }
    if ident is not None:
        loc["id"] = ident
        loc["message"] = {"text": doc.text[start:end]}
    place = {k: v for k in ("page", "paragraph", "cell") if (v := getattr(begin, k)) is not None}
    if place:
        loc["properties"] = place
    return loc


def _fingerprint(f: Finding) -> str:
    """A hash of what the claim says (not where): stable when lines move above it."""
    figures = "|".join(q.text for q in f.claim.figures)
    key = f"{f.code}\x1f{f.claim.kind}\x1f{f.claim.relation}\x1f{figures}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _uri(path: str | None) -> str:
    """A URI reference for ``path``: relative paths stay relative, absolute ones become file:."""
    if not path or path == "-":
        return _NO_PATH
    p = PurePath(path)
    if p.is_absolute():
        return "file://" + quote(p.as_posix())
    return quote(p.as_posix())
