"""Shared matching over sentences: the context every claim kind reads.

(Being written: sentence segmentation, cue lookup, slot filling.)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..quantities import Quantity

__all__ = ["Context"]


@dataclass(frozen=True)
class Context:
    text: str
    quantities: tuple[Quantity, ...]

    @classmethod
    def build(cls, text: str, quantities: tuple[Quantity, ...]) -> Context:
        return cls(text, quantities)
