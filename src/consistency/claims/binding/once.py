"""One finding per stated figure.

Two kinds may check the same printed figure (a 城镇化率 written as a share is read by the
shares check and by the identities check); when both flag it, the author would read two
findings about one number. The engine reports one: the claim whose weakest binding is
strongest (named before consensus; a kind that records no bindings counts as consensus),
then the graver finding (an error before a warning), then the kind registered first. The
other kinds' claims keep their outcome, marked ``reported_by`` the kind that speaks for
the figure, and give no finding of their own; further claims of the speaking kind at the
figure are relations of their own (a table total against its column and its row) and stay.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...claim import Claim, Evidence
from ...messages import lookup
from ...verdicts import Outcome, Severity

__all__ = ["REPORTED_BY", "one_per_figure"]

#: the outcome parameter naming the kind whose finding stands for this claim's figure
REPORTED_BY = "reported_by"


def one_per_figure(claims: Sequence[Claim], kinds: Sequence[str]) -> list[Claim]:
    """``claims`` with the errors and warnings of all kinds but one at each stated figure
    marked :data:`REPORTED_BY` the kind kept (``kinds``: the registry's order)."""
    flagged: dict[tuple[int, int], list[int]] = {}
    for i, claim in enumerate(claims):
        if _severity(claim) is not None:
            flagged.setdefault((claim.stated.start, claim.stated.end), []).append(i)
    out = list(claims)
    for indices in flagged.values():
        if len(indices) < 2:
            continue
        order = {kind: n for n, kind in enumerate(kinds)}
        kept = min(indices, key=lambda i: _strength(claims[i], order))
        speaker = claims[kept].kind
        for i in indices:
            # one kind's own claims at a figure are different relations it checks (a
            # table total against its column and its row): each stays
            if claims[i].kind != speaker:
                out[i] = _reported_by(claims[i], speaker)
    return out


def _severity(claim: Claim) -> Severity | None:
    """The severity of ``claim``'s finding when it is an error or a warning, else None."""
    outcome = claim.outcome
    if outcome is None or outcome.code is None:
        return None
    severity = lookup(outcome.code).severity
    return None if severity is Severity.INFO else severity


def _strength(claim: Claim, order: dict[str, int]) -> tuple[int, int, int, int]:
    """Sort key, strongest first: evidence, severity, registry order, place."""
    evidence = claim.evidence
    severity = _severity(claim)
    return (
        evidence.rank if evidence is not None else Evidence.CONSENSUS.rank,
        -(severity.rank if severity is not None else 0),
        order.get(claim.kind, len(order)),
        claim.start,
    )


def _reported_by(claim: Claim, kind: str) -> Claim:
    """``claim`` with its outcome marked as spoken for by ``kind``."""
    o = claim.outcome
    if o is None:
        return claim
    params = {**o.params, REPORTED_BY: kind}
    return claim.checked(Outcome(o.verdict, o.code, o.computed, o.mode, params))
