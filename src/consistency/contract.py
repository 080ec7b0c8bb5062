"""The JSON contract's published schema: ``consistency/data/output.schema.json``.

The JSON Schema (draft 2020-12) of what ``consistency check --format json`` writes (and
``--statistics --format json``, :func:`consistency.report.json.envelope` and
:mod:`consistency.distributed`), shipped in the package so a consumer can validate
against the very version it runs, and printed by ``consistency schema``. Reading it
imports nothing of the checker.

Versioning (``version`` in every document, :data:`consistency.findings.SCHEMA_VERSION`):
a key is never renamed or removed; a key may be added within a version, so readers
ignore keys they do not know (the schema allows them); when a key changes meaning or
form, the version goes up and ``CHANGELOG.md`` says what changed.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["SCHEMA_FILE", "schema", "schema_text"]

SCHEMA_FILE = "output.schema.json"


def schema_text() -> str:
    """The schema as the shipped file holds it."""
    return resources.files("consistency.data").joinpath(SCHEMA_FILE).read_text("utf-8")


def schema() -> dict[str, Any]:
    """The schema as a dict, ready for a validator."""
    result: dict[str, Any] = json.loads(schema_text())
    return result
