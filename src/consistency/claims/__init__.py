"""Claim kinds: the explicit registry.

Each kind is a module with ``KIND`` (its name), ``extract(ctx)`` yielding unchecked
:class:`~consistency.claim.Claim` objects, and ``check(claim, policy)`` returning an
:class:`~consistency.verdicts.Outcome`. The registry is a plain tuple: no discovery
at import time, and the order is the order claims are looked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from types import ModuleType

from ..claim import Claim
from ..document import Table
from ..quantities import Quantity
from ..verdicts import RoundingPolicy
from . import (
    changes,
    completion,
    enumerations,
    granularity,
    identities,
    ratios,
    restatements,
    shares,
    tables,
    totals,
)
from ._match import Context
from .binding import limit
from .binding.once import one_per_figure

__all__ = ["CLAIM_KINDS", "find_claims"]

CLAIM_KINDS: tuple[ModuleType, ...] = (
    totals, shares, granularity, changes, ratios, identities, tables, completion, enumerations,
    restatements,
)


def find_claims(
    text: str,
    quantities: Iterable[Quantity],
    policy: RoundingPolicy,
    tables: Sequence[Table] = (),
) -> list[Claim]:
    """Every claim of every registered kind, checked, in text order; of the errors and
    warnings at one stated figure, all but one are marked ``reported_by`` the other.

    ``tables`` are the document's own tables (a Word file's), read by the table checks.
    """
    ctx = Context.build(text, tuple(quantities))
    if tables:
        ctx = replace(ctx, tables=tuple(tables))
    found: list[Claim] = []
    for kind in CLAIM_KINDS:
        for claim in kind.extract(ctx):
            # a claim is no surer than its weakest binding, nor than its figures as
            # decoded (claims/binding)
            found.append(claim.checked(limit(text, claim, kind.check(claim, policy))))
    found.sort(key=lambda c: (c.start, c.end, c.kind))
    # two kinds flagging one printed figure give one finding (claims/binding/once.py)
    return one_per_figure(found, [kind.KIND for kind in CLAIM_KINDS])
