"""Configuration: which findings to report, how loudly, and which roundings to accept.

Loaded from ``[tool.consistency]`` in ``pyproject.toml`` or from ``consistency.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .verdicts import RoundingPolicy, Severity

__all__ = ["Config"]


@dataclass(frozen=True)
class Config:
    """What the engine needs to know beyond the text."""

    #: codes or families (``C1``, ``C101``) to report; empty means all
    select: tuple[str, ...] = ()
    #: codes or families to leave out
    ignore: tuple[str, ...] = ()
    #: per-code severity overrides
    severity: dict[str, Severity] = field(default_factory=dict)
    rounding: RoundingPolicy = field(default_factory=RoundingPolicy)
    #: language of ``Finding.message``: "zh" or "en"
    lang: str = "zh"

    def wants(self, code: str) -> bool:
        """Is ``code`` selected and not ignored (prefix match on families)?"""
        if self.select and not any(code.startswith(s) for s in self.select):
            return False
        return not any(code.startswith(s) for s in self.ignore)
