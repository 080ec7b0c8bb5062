"""Findings and the report: what a check tells the author, and the JSON contract.

``Report.to_dict()`` is the shape of ``consistency check --format json`` (one entry of
``files``). Other tools build on it: fields are only ever added, never renamed or removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .claim import Claim
from .display import fmt_interval
from .document import Document, Location
from .quantities import Quantity
from .verdicts import Severity

__all__ = ["SCHEMA_VERSION", "Finding", "Report", "computed_text"]

#: the version of the JSON contract, bumped when a field changes meaning or form (fields
#: may be added within a version; see :mod:`consistency.contract` and its schema).
#: 2: a claim's ``computed`` is in the stated figure's terms; claims and findings carry
#: ``evidence``, claims their ``bindings`` and the ``reading`` under which they hold
SCHEMA_VERSION = 2


@dataclass(frozen=True, slots=True)
class Finding:
    """One discrepancy (or note) about one claim, with everything needed to explain it."""

    code: str
    name: str
    severity: Severity
    start: int
    end: int
    location: Location
    message: str
    message_en: str
    stated: str
    computed: str
    mode: str | None
    claim: Claim
    spans: tuple[tuple[int, int], ...] = ()

    @property
    def line(self) -> int:
        return self.location.line

    @property
    def column(self) -> int:
        return self.location.column

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "message_en": self.message_en,
            "stated": self.stated,
            "computed": self.computed,
            "mode": self.mode,
            "kind": self.claim.kind,
            "relation": self.claim.relation,
            "spans": [list(s) for s in self.spans],
            "evidence": _evidence(self.claim),
        }
        loc = self.location
        for key in ("page", "paragraph", "cell"):
            value = getattr(loc, key)
            if value is not None:
                d[key] = value
        return d


@dataclass(frozen=True)
class Report:
    """The result of checking one document."""

    document: Document
    quantities: tuple[Quantity, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...] = field(default=())
    #: findings a marker in the text left out (``consistency: ignore``), for the record
    suppressed: tuple[Finding, ...] = field(default=())

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def path(self) -> str | None:
        return self.document.path

    def count(self, severity: Severity | str) -> int:
        """The findings of one severity, given as a :class:`Severity` or its name
        (``"error"``, ``"warning"``, ``"info"``); another name is a ValueError."""
        if not isinstance(severity, Severity):
            try:
                severity = Severity(str(severity).strip().lower())
            except ValueError:
                known = ", ".join(repr(s.value) for s in Severity)
                raise ValueError(f"unknown severity {severity!r}; known: {known}") from None
        return sum(1 for f in self.findings if f.severity is severity)

    def __repr__(self) -> str:
        # the whole document and every quantity would fill a screen: name and counts only
        counts = ", ".join(f"{s.value} {self.count(s)}" for s in Severity)
        return (
            f"<Report {self.path or '<text>'}: {len(self.text):,} characters, "
            f"{len(self.claims)} claims, {len(self.findings)} findings ({counts})>"
        )

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "claims": [_claim_dict(c) for c in self.claims],
            "findings": [f.to_dict() for f in self.findings],
            "suppressed": [f.to_dict() for f in self.suppressed],
        }


def computed_text(claim: Claim) -> str:
    """What the text implies for the stated figure, in the stated figure's terms
    (``90.9565%``, not ``0.909565``): the claim kind's own wording when it gave one."""
    outcome = claim.outcome
    if outcome is None:
        return ""
    text = outcome.params.get("computed", "")
    if not text and outcome.computed is not None:
        text = fmt_interval(outcome.computed, percent=claim.stated.is_percent)
    return text


def _claim_dict(claim: Claim) -> dict[str, Any]:
    outcome = claim.outcome
    return {
        "kind": claim.kind,
        "start": claim.start,
        "end": claim.end,
        "verdict": claim.verdict.value,
        "relation": claim.relation,
        "stated": claim.stated.text,
        "figures": [[q.start, q.end, q.text] for q in claim.figures],
        "computed": computed_text(claim) or None,
        "mode": outcome.mode.value if outcome and outcome.mode else None,
        "code": outcome.code if outcome else None,
        "evidence": _evidence(claim),
        "bindings": [b.to_dict() for b in claim.bindings],
        # the other reading under which the claim holds, when its own failed
        "reading": outcome.params.get("reading") if outcome else None,
        # the kind whose finding stands for this figure, when two kinds flag it
        "reported_by": outcome.params.get("reported_by") if outcome else None,
    }


def _evidence(claim: Claim) -> str | None:
    """The weakest evidence binding the claim's figures, or None if the kind gave none."""
    evidence = claim.evidence
    return evidence.value if evidence is not None else None
