"""Verdicts, severities and the outcome of checking one claim.

Severity and verdict are different things: the verdict says what the arithmetic
showed, the severity how loudly to report it. ``UNDECIDABLE`` never counts as a pass.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from .intervals import Interval, RoundingMode

__all__ = ["Outcome", "RoundingPolicy", "Severity", "Verdict"]


class Verdict(enum.Enum):
    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    #: consistent only under an unusual reading (truncation, a rounded input, …)
    CONDITIONAL = "consistent-if"
    UNDECIDABLE = "undecidable"


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True, slots=True)
class RoundingPolicy:
    """Which rounding readings make a figure consistent, and which only tolerate it."""

    accepted: tuple[RoundingMode, ...] = (RoundingMode.HALF_UP, RoundingMode.HALF_EVEN)
    tolerated: tuple[RoundingMode, ...] = (RoundingMode.TRUNCATE,)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What checking a claim showed.

    ``code`` names the catalogue entry to report (None when the claim is plainly
    consistent); ``params`` fill its message templates; ``computed`` is the exact value
    or interval the text implies; ``mode`` the rounding reading that was needed.
    """

    verdict: Verdict
    code: str | None = None
    computed: Interval | None = None
    mode: RoundingMode | None = None
    params: dict[str, str] = field(default_factory=dict)
