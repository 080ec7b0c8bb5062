"""The engine: scan → extract → check → Report. It never prints.

Every face (the API, the command line, the pytest plugin, the distributed runner)
calls :func:`check_document` or :func:`check_text` and renders what comes back.
"""

from __future__ import annotations

import os

from . import messages
from .claim import Claim
from .claims import find_claims
from .config import Config
from .document import Document
from .findings import Finding, Report, computed_text
from .loaders import load
from .quantities import scan

__all__ = ["check_document", "check_file", "check_text"]


def check_text(text: str, *, path: str | None = None, config: Config | None = None) -> Report:
    """Check the arithmetic of ``text`` and return the report."""
    return check_document(Document(text, path), config)


def check_file(path: str | os.PathLike[str], config: Config | None = None) -> Report:
    """Load the file at ``path`` (txt, html, docx, pdf) and check it.

    Raises :class:`~consistency.errors.InputError` when the file cannot be read.
    """
    return check_document(load(path), config)


def check_document(document: Document, config: Config | None = None) -> Report:
    """Check the arithmetic of a loaded document."""
    config = config or Config()
    quantities = tuple(scan(document.text))
    claims = tuple(find_claims(document.text, quantities, config.rounding, document.tables))
    findings = [f for c in claims if (f := _finding(c, document, config)) is not None]
    findings.sort(key=lambda f: (f.start, f.code))
    return Report(document, quantities, claims, tuple(findings))


def _finding(claim: Claim, document: Document, config: Config) -> Finding | None:
    outcome = claim.outcome
    if outcome is None or outcome.code is None or not config.wants(outcome.code):
        return None
    entry = messages.lookup(outcome.code)
    computed = computed_text(claim)
    params = {
        "stated": claim.stated.text,
        "computed": computed,
        "mode": outcome.mode.label_zh if outcome.mode else "",
        "mode_en": outcome.mode.value if outcome.mode else "",
        "relation": claim.relation,
        **claim.details,
        **outcome.params,
    }
    zh, en = messages.render(outcome.code, params)
    return Finding(
        code=outcome.code,
        name=entry.name,
        severity=config.severity.get(outcome.code, entry.severity),
        start=claim.start,
        end=claim.end,
        location=document.location(claim.start),
        message=zh if config.lang == "zh" else en,
        message_en=en,
        stated=claim.stated.text,
        computed=computed,
        mode=outcome.mode.value if outcome.mode else None,
        claim=claim,
        spans=tuple((q.start, q.end) for q in claim.figures),
    )
