"""The JSON contract of ``consistency check --format json``.

Shape (``version`` is :data:`consistency.findings.SCHEMA_VERSION`)::

    {
      "version": 2,
      "files": [Report.to_dict(), ...],          # in the order the files were given
      "errors": [{"path": ..., "error": ...}],   # files not checked, or read in part
      "summary": {"files": 2, "findings": 3, "error": 1, "warning": 2, "info": 0,
                  "by_code": {"C101": 1, "C201": 2}, "claims": 40,
                  "verdicts": {"consistent": 37, "inconsistent": 1,
                               "consistent-if": 2, "undecidable": 0},
                  "suppressed": 0}
    }

Its JSON Schema ships with the package (:func:`schema`, ``consistency schema``; the
versioning rule is in :mod:`consistency.contract`). ``errors`` has the same entries as
:mod:`consistency.distributed` produces.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from ..config import Config
from ..contract import schema
from ..findings import SCHEMA_VERSION, Report
from . import Tally
from .sanitise import json_safe

__all__ = ["Writer", "envelope", "render", "schema", "summary"]


def summary(reports: Sequence[Report]) -> dict[str, Any]:
    """Counts over ``reports``: files, findings per severity and per code, claims per verdict."""
    return Tally.of(reports).as_dict()


def envelope(reports: Sequence[Report], errors: Sequence[tuple[str, str]] = ()) -> dict[str, Any]:
    """The whole JSON document as a dict; ``errors`` are ``(path, problem)`` pairs."""
    return {
        "version": SCHEMA_VERSION,
        "files": [r.to_dict() for r in reports],
        "errors": _errors(errors),
        "summary": summary(reports),
    }


def render(
    reports: Sequence[Report], config: Config, *, errors: Sequence[tuple[str, str]] = ()
) -> str:
    """The JSON text (UTF-8 characters kept as they are, so Chinese stays readable)."""
    del config  # the contract carries both languages; nothing to choose here
    return _dumps(envelope(reports, errors)) + "\n"


class Writer:
    """The same text as :func:`render`, written report by report to ``out``.

    A run over an archive then holds one report at a time instead of all of them::

        writer = Writer(sys.stdout)
        for report in reports:
            writer.add(report)
        writer.close(errors)
    """

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._tally = Tally()
        out.write(f'{{\n  "version": {SCHEMA_VERSION},\n  "files": [')

    def add(self, report: Report) -> None:
        """Write one entry of ``files``."""
        comma = "," if self._tally.files else ""
        self._out.write(f"{comma}\n{_nested(report.to_dict(), 4)}")
        self._tally.add(report)

    def close(self, errors: Sequence[tuple[str, str]] = ()) -> None:
        """Write ``errors`` and ``summary`` and end the document."""
        end = "\n  ]" if self._tally.files else "]"
        self._out.write(f'{end},\n  "errors": {_nested(_errors(errors), 2, first=False)}')
        self._out.write(f',\n  "summary": {_nested(self._tally.as_dict(), 2, first=False)}\n}}\n')


def _errors(errors: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"path": path, "error": problem} for path, problem in errors]


def _dumps(value: object) -> str:
    # Chinese kept readable; what could act on a terminal escaped (report.sanitise)
    return json_safe(json.dumps(value, ensure_ascii=False, indent=2))


def _nested(value: object, depth: int, *, first: bool = True) -> str:
    """``value`` dumped as it stands ``depth`` spaces deep inside the whole document."""
    pad = " " * depth
    text = _dumps(value).replace("\n", "\n" + pad)
    return pad + text if first else text
