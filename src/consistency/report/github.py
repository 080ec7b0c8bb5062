"""GitHub Actions workflow commands: one annotation per finding on the pull request.

``::error file=draft.txt,line=12,col=5,title=C201 share mismatch::message``. GitHub has
three levels: findings map error → ``error``, warning → ``warning``, info → ``notice``.
Values are escaped as the runner expects (``%``, CR and LF everywhere; ``:`` and ``,``
also inside properties), otherwise a message with a comma would cut the title short, and
control characters from a document or a file name are made visible
(:mod:`consistency.report.sanitise`): every line this format prints is its own command.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..config import Config
from ..findings import Report
from ..verdicts import Severity
from .sanitise import visible

__all__ = ["render"]

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(value: str) -> str:
    # controls made visible first (an ESC from a document must not reach the log), then
    # the runner's own escapes; a CR or LF left in is escaped by the runner's rule
    return visible(value, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace(
        "\n", "%0A"
    )


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def render(reports: Sequence[Report], config: Config) -> str:
    """One workflow command per finding, in report order, each on its own line."""
    del config  # the message language was chosen by the engine
    lines = []
    for report in reports:
        path = report.path or "<stdin>"
        for f in report.findings:
            props = ",".join(
                (
                    f"file={_prop(path)}",
                    f"line={f.line}",
                    f"col={f.column}",
                    f"title={_prop(f'{f.code} {f.name}')}",
                )
            )
            lines.append(f"::{_LEVEL[f.severity]} {props}::{_data(f.message)}")
    return "".join(line + "\n" for line in lines)
