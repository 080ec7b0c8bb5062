"""Claim kinds: the explicit registry.

Each kind is a module with ``KIND`` (its name), ``extract(ctx)`` yielding unchecked
:class:`~consistency.claim.Claim` objects, and ``check(claim, policy)`` returning an
:class:`~consistency.verdicts.Outcome`. The registry is a plain tuple: no discovery
at import time, and the order is the order claims are looked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from types import ModuleType

from ..claim import Claim
from ..quantities import Quantity
from ..verdicts import RoundingPolicy
from . import changes, granularity, ratios, shares, totals
from ._match import Context

__all__ = ["CLAIM_KINDS", "find_claims"]

CLAIM_KINDS: tuple[ModuleType, ...] = (totals, shares, granularity, changes, ratios)


def find_claims(
    text: str, quantities: Iterable[Quantity], policy: RoundingPolicy
) -> list[Claim]:
    """Every claim of every registered kind, checked, in text order."""
    ctx = Context.build(text, tuple(quantities))
    found: list[Claim] = []
    for kind in CLAIM_KINDS:
        for claim in kind.extract(ctx):
            found.append(replace(claim, outcome=kind.check(claim, policy)))
    found.sort(key=lambda c: (c.start, c.end, c.kind))
    return found
