"""How far back a reading looks: bounded, so that every reading stays linear in the
length of a sentence, however long a careless or hostile text makes it.

A share looks for its part and base among the figures before it; a 其中 list for its
whole among the clauses before its cue. In ordinary prose those are a few clauses away;
a sentence of ten thousand repeated ``A类1件,占1%,`` must not make every share walk back
over all the others. Each helper here cuts the walk at a fixed reach, found by bisection.
"""

from __future__ import annotations

import bisect
import operator

from ...quantities import Quantity
from .._match import SEMICOLONS, Clause, Sentence

__all__ = ["CLAUSES_BACK", "FIGURES_BACK", "clauses_back", "figures_before", "previous_in"]

#: how many clauses before a figure a reading may look at
CLAUSES_BACK = 12
#: how many figures before a figure, in its sentence, a reading may look at
FIGURES_BACK = 40

_START = operator.attrgetter("start")
_END = operator.attrgetter("end")


def figures_before(s: Sentence, offset: int, n: int = FIGURES_BACK) -> tuple[Quantity, ...]:
    """The last ``n`` figures of ``s`` that start before ``offset``, in text order."""
    i = bisect.bisect_left(s.quantities, offset, key=_START)
    return s.quantities[max(0, i - n) : i]


def previous_in(clause: Clause, offset: int) -> Quantity | None:
    """The last figure of ``clause`` that ends at or before ``offset``."""
    i = bisect.bisect_right(clause.quantities, offset, key=_END)
    return clause.quantities[i - 1] if i else None


def clauses_back(s: Sentence, ci: int, n: int = CLAUSES_BACK) -> list[Clause]:
    """The clauses before clause ``ci`` of ``s``, nearest first, back to the one a
    semicolon opens (included, as the start of the run), at most ``n`` of them."""
    out: list[Clause] = []
    k = ci
    while k > 0 and s.clauses[k].opener not in SEMICOLONS and len(out) < n:
        k -= 1
        out.append(s.clauses[k])
    return out
