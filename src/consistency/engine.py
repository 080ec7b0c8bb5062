"""The engine: scan → extract → check → Report. It never prints.

Every face that checks files (the command line, the pytest plugin, the distributed
runner) calls :func:`check_path`, so what a file gets (its per-file configuration, the
way a failure is reported) cannot differ between faces. The library calls are
:func:`check_text`, :func:`check_file` and :func:`check_document`.
"""

from __future__ import annotations

import os
import traceback

from . import messages, suppression
from .claim import Claim
from .claims import find_claims
from .claims.binding.once import REPORTED_BY
from .config import Config
from .document import Document
from .errors import ConsistencyError, InternalError
from .findings import Finding, Report, computed_text
from .loaders import load
from .quantities import scan

__all__ = ["check_document", "check_file", "check_path", "check_text"]


def check_text(text: str, *, path: str | None = None, config: Config | None = None) -> Report:
    """Check the arithmetic of ``text`` and return the report."""
    if not isinstance(text, str):
        raise TypeError(f"check_text() needs the text as a str, not {type(text).__name__}")
    return check_document(Document(text, path), config)


def check_file(path: str | os.PathLike[str], config: Config | None = None) -> Report:
    """Load the file at ``path`` (txt, html, docx, pdf) and check it (see :func:`check_path`)."""
    return check_path(path, config)


def check_path(
    source: str | os.PathLike[str] | Document, config: Config | None = None
) -> Report:
    """Check one file (or a document already loaded from one, such as standard input).

    The configuration's per-file ignores that match the file's path are applied. Raises
    :class:`~consistency.errors.InputError` when the file cannot be read and
    :class:`~consistency.errors.InternalError` when the checker itself fails on it, so
    that a face can report this one file as not checked and go on with the others.
    """
    if isinstance(source, Document):
        document: Document | None = source
        name = source.path
    else:
        document, name = None, os.fspath(source)
    config = (config or Config()).for_path(name)
    try:
        if document is None:
            document = load(name)
        return check_document(document, config)
    except ConsistencyError:
        raise
    except Exception as error:
        raise InternalError(
            name, f"{type(error).__name__}: {error}", traceback.format_exc()
        ) from error


def check_document(document: Document, config: Config | None = None) -> Report:
    """Check the arithmetic of a loaded document."""
    if not isinstance(document, Document):
        raise TypeError(f"check_document() needs a Document, not {type(document).__name__}")
    config = config or Config()
    quantities = tuple(scan(document.text))
    claims = tuple(find_claims(document.text, quantities, config.rounding, document.tables))
    findings = [f for c in claims if (f := _finding(c, document, config)) is not None]
    findings.sort(key=lambda f: (f.start, f.code))
    kept, suppressed = suppression.split(document, findings)
    return Report(document, quantities, claims, kept, suppressed)


def _finding(claim: Claim, document: Document, config: Config) -> Finding | None:
    outcome = claim.outcome
    if outcome is None or outcome.code is None or not config.wants(outcome.code):
        return None
    if outcome.params.get(REPORTED_BY):
        # another kind's finding speaks for this figure (claims/binding/once.py)
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
