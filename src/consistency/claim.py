"""The claim: a relation the text states between figures, and (once checked) its outcome."""

from __future__ import annotations

from dataclasses import dataclass, field

from .quantities import Quantity
from .verdicts import Outcome, Verdict

__all__ = ["Claim"]


@dataclass(frozen=True, slots=True)
class Claim:
    """A relation found in the text.

    ``kind`` is the claim kind's name (``total``, ``subset``, ``share``, …); ``start``/``end``
    span the words that state it; ``stated`` is the figure the relation is checked against
    (the total, the printed rate); ``parts`` are the figures it is computed from, in text
    order; ``relation`` is a short human-readable statement such as ``633 = 495 + 138``;
    ``outcome`` is filled in by the check.
    """

    kind: str
    start: int
    end: int
    stated: Quantity
    parts: tuple[Quantity, ...]
    relation: str
    details: dict[str, str] = field(default_factory=dict)
    outcome: Outcome | None = None

    def checked(self, outcome: Outcome) -> Claim:
        """This claim with its outcome (a plain constructor call: ``dataclasses.replace``
        costs several times as much, and a document has hundreds of claims)."""
        return Claim(
            self.kind, self.start, self.end, self.stated, self.parts, self.relation,
            self.details, outcome,
        )

    @property
    def figures(self) -> tuple[Quantity, ...]:
        """Every figure of the relation, in text order."""
        return tuple(sorted((self.stated, *self.parts), key=lambda q: q.start))

    @property
    def verdict(self) -> Verdict:
        return self.outcome.verdict if self.outcome else Verdict.UNDECIDABLE
