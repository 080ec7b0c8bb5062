"""The JSON contract of ``consistency check --format json``.

Shape (``version`` is :data:`consistency.findings.SCHEMA_VERSION`)::

    {
      "version": 1,
      "files": [Report.to_dict(), ...],          # in the order the files were given
      "errors": [{"path": ..., "error": ...}],   # files that could not be read
      "summary": {"files": 2, "findings": 3, "error": 1, "warning": 2, "info": 0,
                  "by_code": {"C101": 1, "C201": 2}, "claims": 40,
                  "verdicts": {"consistent": 37, "inconsistent": 1,
                               "consistent-if": 2, "undecidable": 0}}
    }

Tools build on it: keys are only ever added, never renamed or removed. ``errors`` has
the same entries as :mod:`consistency.distributed` produces.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..config import Config
from ..findings import SCHEMA_VERSION, Report
from ..verdicts import Severity, Verdict

__all__ = ["envelope", "render", "summary"]


def summary(reports: Sequence[Report]) -> dict[str, Any]:
    """Counts over ``reports``: files, findings per severity and per code, claims per verdict."""
    findings = [f for r in reports for f in r.findings]
    by_code = Counter(f.code for f in findings)
    counts: dict[str, Any] = {"files": len(reports), "findings": len(findings)}
    for severity in Severity:
        counts[severity.value] = sum(1 for f in findings if f.severity is severity)
    counts["by_code"] = dict(sorted(by_code.items()))
    verdicts = Counter(c.verdict for r in reports for c in r.claims)
    counts["claims"] = sum(verdicts.values())
    counts["verdicts"] = {v.value: verdicts[v] for v in Verdict}
    return counts


def envelope(reports: Sequence[Report], errors: Sequence[tuple[str, str]] = ()) -> dict[str, Any]:
    """The whole JSON document as a dict; ``errors`` are ``(path, problem)`` pairs."""
    return {
        "version": SCHEMA_VERSION,
        "files": [r.to_dict() for r in reports],
        "errors": [{"path": path, "error": problem} for path, problem in errors],
        "summary": summary(reports),
    }


def render(
    reports: Sequence[Report], config: Config, *, errors: Sequence[tuple[str, str]] = ()
) -> str:
    """The JSON text (UTF-8 characters kept as they are, so Chinese stays readable)."""
    del config  # the contract carries both languages; nothing to choose here
    return json.dumps(envelope(reports, errors), ensure_ascii=False, indent=2) + "\n"
