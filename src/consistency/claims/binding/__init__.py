"""The binding layer: how a claim's figures are tied to it, and what that allows.

A claim kind finds its operands; this package records *why* each operand is the one
(:class:`~consistency.claim.Evidence`: named by the text, fixed by the consensus of its
siblings, or guessed by position) and applies the one rule every kind obeys:

    a claim can be no surer than its weakest binding.

An inconsistency or a truncation found under a positional guess is not reported as an
error or a warning: it becomes the note C905, which says which reading was guessed.
Before a kind calls a claim inconsistent it tries the other plausible readings
(:func:`first_reproducing`); a reading that reproduces the stated figure makes the
claim consistent under that reading, and the claim says which.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ...claim import Binding, Claim, Evidence, Reading
from ...intervals import Interval, RoundingMode
from ...messages import lookup
from ...quantities import Quantity
from ...verdicts import Outcome, RoundingPolicy, Severity, Verdict
from .._figures import Judgement, figure_interval, judge

__all__ = [
    "CAPPED",
    "DAMAGED",
    "Alternative",
    "Binding",
    "Evidence",
    "Reading",
    "alternatives",
    "cap",
    "consensus",
    "first_reproducing",
    "guard_damaged",
    "limit",
    "lost_digits",
    "named",
    "positional",
    "reading_operand",
]

#: the note a failure under a positional guess becomes
CAPPED = "C905"

#: the note a failure at a figure whose digits may have been lost in decoding becomes
DAMAGED = "C906"

#: what a mirror or a converter puts in place of a character it could not decode
_LOST = ("?", "\ufffd")


def named(role: str, q: Quantity, how: str) -> Binding:
    """``q`` bound as ``role`` because the text names the tie (``how`` says by what)."""
    return Binding(role, q, Evidence.NAMED, how)


def consensus(role: str, q: Quantity, how: str) -> Binding:
    """``q`` bound as ``role`` because the siblings of its list agree on it."""
    return Binding(role, q, Evidence.CONSENSUS, how)


def positional(role: str, q: Quantity, how: str = "nearest figure") -> Binding:
    """``q`` bound as ``role`` only because it stands nearest."""
    return Binding(role, q, Evidence.POSITION, how)


def cap(claim: Claim, outcome: Outcome) -> Outcome:
    """``outcome`` limited by the weakest evidence of ``claim``'s bindings.

    Under a positional guess an error or a warning becomes the note :data:`CAPPED`
    (undecidable: the arithmetic failed, but only for a reading the text does not name).
    A claim that recorded no bindings is left as it is.
    """
    evidence = claim.evidence
    if evidence is not Evidence.POSITION or outcome.code is None:
        return outcome
    if outcome.verdict not in (Verdict.INCONSISTENT, Verdict.CONDITIONAL):
        return outcome
    if lookup(outcome.code).severity is Severity.INFO:
        return outcome
    guessed = "; ".join(
        f"{b.role} {b.quantity.text} ({b.how})"
        for b in claim.bindings
        if b.evidence is Evidence.POSITION
    )
    params = {**outcome.params, "capped": outcome.code, "guess": guessed}
    return Outcome(Verdict.UNDECIDABLE, CAPPED, outcome.computed, None, params)


def lost_digits(text: str, q: Quantity) -> bool:
    """Is ``q`` right after a character put in place of one that could not be decoded
    (``?`` or U+FFFD)? Its leading digits may be lost with it (``總?cè)丝?8.5萬人`` for a
    population of some 28.5万): the figure as read is not the figure as written."""
    return text[q.start - 1 : q.start] in _LOST


def guard_damaged(text: str, claim: Claim, outcome: Outcome) -> Outcome:
    """``outcome``, or the note :data:`DAMAGED` when it is an error or a warning and one
    of ``claim``'s figures may have lost digits in decoding: a failure that a lost digit
    explains is no finding about the report's arithmetic."""
    if outcome.code is None or outcome.verdict not in (Verdict.INCONSISTENT, Verdict.CONDITIONAL):
        return outcome
    if lookup(outcome.code).severity is Severity.INFO:
        return outcome
    hit = next((q for q in claim.figures if lost_digits(text, q)), None)
    if hit is None:
        return outcome
    params = {**outcome.params, "capped": outcome.code, "figure": hit.text}
    return Outcome(Verdict.UNDECIDABLE, DAMAGED, outcome.computed, None, params)


def limit(text: str, claim: Claim, outcome: Outcome) -> Outcome:
    """``outcome`` as far as ``claim`` can carry it: no surer than its weakest binding
    (:func:`cap`), nor than its figures as decoded from ``text`` (:func:`guard_damaged`)."""
    return guard_damaged(text, claim, cap(claim, outcome))


@dataclass(frozen=True, slots=True)
class Alternative:
    """Another plausible reading of a claim: ``label`` names it for the author
    (``over the sum of the listed groups``), ``compute`` gives the interval the reading
    implies under a rounding mode."""

    label: str
    compute: Callable[[RoundingMode], Interval | None]


def first_reproducing(
    stated: Quantity, readings: Iterable[Alternative], policy: RoundingPolicy
) -> tuple[Alternative, Judgement] | None:
    """The first reading under which ``stated`` holds under an *accepted* rounding mode,
    with its judgement; None when no reading does. Tolerated modes (truncation) do not
    rescue: a reading that needs both a guess and a truncation is no reading."""
    strict = RoundingPolicy(policy.accepted, ())
    for reading in readings:
        j = judge(reading.compute, stated, strict)
        if j.verdict is Verdict.CONSISTENT:
            return reading, j
    return None



def reading_operand(reading: Reading, mode: RoundingMode) -> Interval | None:
    """The operand ``reading`` proposes, every figure read under ``mode``: its bounds when
    it has them, else the sum of its ``plus`` figures less its ``minus`` ones; None when
    a figure allows no interval."""
    if reading.bounds is not None:
        return reading.bounds
    total = Interval.exact(0)
    for sign, figures in ((1, reading.plus), (-1, reading.minus)):
        for q in figures:
            iv = figure_interval(q, mode)
            if iv is None:
                return None
            total = total + iv if sign > 0 else total - iv
    return total


def alternatives(
    readings: Sequence[Reading], relation: Callable[[Interval, RoundingMode], Interval | None]
) -> list[Alternative]:
    """``readings`` as :class:`Alternative` readings of a claim: ``relation(operand,
    mode)`` gives the claim's value when the reading's operand takes the place of the
    one the claim was bound to (a share's base, a total's whole)."""

    def compute(reading: Reading) -> Callable[[RoundingMode], Interval | None]:
        def value(mode: RoundingMode) -> Interval | None:
            """The claim's value under ``reading``, figures read under ``mode``."""
            operand = reading_operand(reading, mode)
            return None if operand is None else relation(operand, mode)

        return value

    return [Alternative(r.label, compute(r)) for r in readings]
