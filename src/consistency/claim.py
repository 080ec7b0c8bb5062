"""The claim: a relation the text states between figures, how each figure was bound to
it, and (once checked) its outcome."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from .intervals import Interval
from .quantities import Quantity
from .verdicts import Outcome, Verdict

__all__ = ["Binding", "Claim", "Evidence", "Reading"]


class Evidence(enum.Enum):
    """How the text ties a figure to a claim, strongest first.

    * ``NAMED``: the text names the tie (the 其中 frame, 共/合计 of the same list, base
      words such as 占受理案件总数的 matched to the figure labelled 受理, a 分别 alignment);
    * ``CONSENSUS``: the figure's siblings fix it (most shares of a list agree on one base);
    * ``POSITION``: only nearness suggests it (the figure just before).

    A claim can be no surer than its weakest binding: an error needs every figure named
    or fixed by consensus; a failure under a positional guess is at most a note.
    """

    NAMED = "named"
    CONSENSUS = "consensus"
    POSITION = "position"

    @property
    def rank(self) -> int:
        """0 for the strongest evidence, 2 for the weakest."""
        return _EVIDENCE_RANK[self]


_EVIDENCE_RANK = {Evidence.NAMED: 0, Evidence.CONSENSUS: 1, Evidence.POSITION: 2}


@dataclass(frozen=True, slots=True)
class Binding:
    """One figure of a claim with its role and the evidence tying it there.

    ``role`` says what the figure is in the relation (``total``, ``part``, ``base``,
    ``before``, ``after``, ``count``, …); ``how`` says in a few words what bound it
    (``其中 frame``, ``占受理案件总数的 → 受理``, ``nearest figure``).
    """

    role: str
    quantity: Quantity
    evidence: Evidence
    how: str = ""

    def to_dict(self) -> dict[str, object]:
        q = self.quantity
        return {
            "role": self.role,
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "evidence": self.evidence.value,
            "how": self.how,
        }


@dataclass(frozen=True, slots=True)
class Reading:
    """Another plausible reading of a claim's operand, tried before the claim is called
    inconsistent (``claims/binding``: alternatives before an error).

    The operand it proposes is the sum of ``plus`` less the sum of ``minus``; or, when
    ``bounds`` is given, any value in it (the base sibling shares agree on, ``plus``
    then holding the parts that witness it). ``role`` says which operand it stands for
    (``base``, or ``part``: a share of the three items listed before it is of their sum).
    ``label`` says the reading in a few words for the author ("over the sum of the
    listed parts").
    """

    label: str
    plus: tuple[Quantity, ...]
    minus: tuple[Quantity, ...] = ()
    bounds: Interval | None = None
    role: str = "base"


@dataclass(frozen=True, slots=True)
class Claim:
    """A relation found in the text.

    ``kind`` is the claim kind's name (``total``, ``subset``, ``share``, …); ``start``/``end``
    span the words that state it; ``stated`` is the figure the relation is checked against
    (the total, the printed rate); ``parts`` are the figures it is computed from, in text
    order; ``relation`` is a short human-readable statement such as ``633 = 495 + 138``;
    ``outcome`` is filled in by the check; ``bindings`` record how each operand was
    bound (see :class:`Evidence`); ``readings`` are the other plausible readings the check
    tries before calling the claim inconsistent (see :class:`Reading`).
    """

    kind: str
    start: int
    end: int
    stated: Quantity
    parts: tuple[Quantity, ...]
    relation: str
    details: dict[str, str] = field(default_factory=dict)
    outcome: Outcome | None = None
    bindings: tuple[Binding, ...] = ()
    readings: tuple[Reading, ...] = ()

    def checked(self, outcome: Outcome) -> Claim:
        """This claim with its outcome (a plain constructor call: ``dataclasses.replace``
        costs several times as much, and a document has hundreds of claims)."""
        return Claim(
            self.kind, self.start, self.end, self.stated, self.parts, self.relation,
            self.details, outcome, self.bindings, self.readings,
        )

    @property
    def evidence(self) -> Evidence | None:
        """The weakest evidence among the bindings (None when the kind recorded none)."""
        if not self.bindings:
            return None
        return max((b.evidence for b in self.bindings), key=lambda e: e.rank)

    @property
    def figures(self) -> tuple[Quantity, ...]:
        """Every figure of the relation, in text order."""
        return tuple(sorted((self.stated, *self.parts), key=lambda q: q.start))

    @property
    def verdict(self) -> Verdict:
        return self.outcome.verdict if self.outcome else Verdict.UNDECIDABLE
