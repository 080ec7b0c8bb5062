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
from collections.abc import Callable, Sequence

from ..config import Config
from ..findings import Report

__all__ = ["FORMATTERS", "Formatter", "render"]

#: the signature every format implements
Formatter = Callable[[Sequence[Report], Config], str]


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
