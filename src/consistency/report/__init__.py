"""Formatters: one list of reports rendered for a reader or a tool.

Every output format is a function ``render(reports, config) -> str`` in a module of this
package, listed in :data:`FORMATTERS` under the name ``consistency check --format``
accepts. Formatters never compute: they render the findings the engine returned, in
the order it returned them (the ``Config`` tells the language and the fail level).

Formats whose module pulls in heavier imports (SARIF, HTML) are imported only when they
are asked for, so ``consistency check`` in text mode starts fast. The Word copy with
comments (``--annotate``) is not a formatter: it writes a document, see
:func:`consistency.report.docx.annotate`.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..verdicts import Severity, Verdict

if TYPE_CHECKING:  # the command line lists the formats without loading the checker
    from ..config import Config
    from ..findings import Report

__all__ = ["FORMATTERS", "Formatter", "Tally", "render"]

#: the signature every format implements
Formatter = Callable[[Sequence["Report"], "Config"], str]


def _lazy(module: str) -> Formatter:
    """A formatter that imports ``report.<module>`` at its first call and uses its ``render``."""

    def formatter(reports: Sequence[Report], config: Config) -> str:
        mod = importlib.import_module(f"{__name__}.{module}")
        result: str = mod.render(reports, config)
        return result

    formatter.__name__ = f"render_{module}"
    formatter.__doc__ = f"Render with consistency.report.{module}.render (imported on use)."
    return formatter


#: format name → formatter; the order is the order ``--help`` lists them
FORMATTERS: dict[str, Formatter] = {
    "text": _lazy("text"),
    "json": _lazy("json"),
    "csv": _lazy("csv"),
    "sarif": _lazy("sarif"),
    "github": _lazy("github"),
    "html": _lazy("html"),
}


def render(name: str, reports: Sequence[Report], config: Config) -> str:
    """Render ``reports`` in the format ``name`` (KeyError names an unknown format)."""
    try:
        formatter = FORMATTERS[name]
    except KeyError:
        raise KeyError(f"unknown format {name!r}; known: {', '.join(FORMATTERS)}") from None
    return formatter(reports, config)


@dataclass
class Tally:
    """The counts every summary shows, kept as reports go by so none has to stay in memory."""

    files: int = 0
    with_findings: int = 0
    severities: Counter[Severity] = field(default_factory=Counter)
    codes: Counter[str] = field(default_factory=Counter)
    #: code → (name, severity) of its first finding, for the per-code lines of a summary
    names: dict[str, tuple[str, Severity]] = field(default_factory=dict)
    verdicts: Counter[Verdict] = field(default_factory=Counter)
    #: findings left out by a marker in the text (``consistency: ignore``)
    suppressed: int = 0

    @classmethod
    def of(cls, reports: Sequence[Report]) -> Tally:
        """The counts over ``reports``."""
        tally = cls()
        for report in reports:
            tally.add(report)
        return tally

    def add(self, report: Report) -> None:
        """Count ``report``'s findings and claims."""
        self.files += 1
        self.with_findings += bool(report.findings)
        for f in report.findings:
            self.severities[f.severity] += 1
            self.codes[f.code] += 1
            self.names.setdefault(f.code, (f.name, f.severity))
        self.verdicts.update(c.verdict for c in report.claims)
        self.suppressed += len(report.suppressed)

    @property
    def findings(self) -> int:
        return sum(self.codes.values())

    def as_dict(self) -> dict[str, Any]:
        """The ``summary`` of the JSON contract (codes sorted, every severity and verdict)."""
        out: dict[str, Any] = {"files": self.files, "findings": self.findings}
        out.update({s.value: self.severities[s] for s in Severity})
        out["by_code"] = dict(sorted(self.codes.items()))
        out["claims"] = sum(self.verdicts.values())
        out["verdicts"] = {v.value: self.verdicts[v] for v in Verdict}
        out["suppressed"] = self.suppressed
        return out
