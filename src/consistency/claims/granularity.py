"""Granularity (the GRIM test): a percentage of a whole count must be k/n for a whole k.

When a text states a base ``n`` and a share or rate, but not the count it is a share
of, the percentage can still be checked: some whole number ``k`` (0 ≤ k ≤ n) must give
``k / n`` rounding to the printed figure. ``共17件…占比33.33%`` fails (5/17 = 29.41%,
6/17 = 35.29%): no count of cases has that share. ``14739个有效帐号…参考率为84.1%``
passes (12396/14739 = 84.10%). The check is that of Brown and Heathers' GRIM test
(granularity-related inconsistency of means), applied to shares.

Cues and slots come from :mod:`.shares` (the percentage and its cue) and
:mod:`.totals` (the whole of a 其中 frame). Candidate bases are whole counts: the
whole of the frame, a total (共) earlier in the sentence, the count just before the
percentage, or, for a sentence opening with 其中, the counts of the sentence before.
With several candidates of different value, the best reading decides, and a failure
of all of them is undecidable rather than an error.

Claim (kind ``granularity``): ``stated`` is the percentage, ``parts`` the candidate
bases. Verdicts: some k works under an accepted rounding (consistent); only under
truncation (warning C204); none (error C203, with the nearest shares that would fit).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from fractions import Fraction

from ..claim import Claim
from ..intervals import Interval, RoundingMode
from ..quantities import Quantity
from ..verdicts import Outcome, RoundingPolicy, Verdict
from . import shares, totals
from ._match import Context, Sentence, fmt_number, fmt_percent, is_whole_count, stated_allows

__all__ = ["KIND", "extract", "check", "fitting_counts"]

KIND = "granularity"


def fitting_counts(n: int, stated: Quantity, mode: RoundingMode) -> list[int]:
    """Every whole k in [0, n] with k/n printed as ``stated`` under ``mode``."""
    if n <= 0:
        return []
    step = stated.resolution
    centre = Fraction(stated.value) * n
    reach = step * n + 1  # the preimage is at most one step wide
    low = max(0, math.floor(centre - reach))
    high = min(n, math.ceil(centre + reach))
    return [k for k in range(low, high + 1) if stated_allows(stated, Interval.exact(Fraction(k, n)), mode)]


def _nearest(n: int, stated: Quantity) -> str:
    """The two shares of n nearest the printed one, for the message ("5/17 = 29.41%")."""
    k = math.floor(Fraction(stated.value) * n)
    shown = [
        f"{j}/{n} = {fmt_percent(Fraction(j, n), max(stated.decimals, 0) + 2)}"
        for j in (k, k + 1)
        if 0 <= j <= n
    ]
    return ", ".join(shown)


def extract(ctx: Context) -> Iterator[Claim]:
    """Every share or rate of a stated whole count whose own count is not stated."""
    for pct, s, ci, cue in shares.stated_shares(ctx):
        if shares.part_of(ctx, pct, s, ci, cue) is not None:
            continue
        bases = _bases(ctx, pct, s, ci, cue)
        if not bases:
            continue
        yield Claim(
            kind=KIND,
            start=min([pct.start, *(b.start for b in bases if b.start >= s.start)]),
            end=pct.end,
            stated=pct,
            parts=tuple(bases),
            relation=f"{pct.text} = k / {fmt_number(bases[0].value)}",
            details={"base": bases[0].text, "cue": cue[1]},
        )


def _bases(ctx: Context, pct: Quantity, s: Sentence, ci: int, cue: tuple[str, str]) -> list[Quantity]:
    """Candidate whole-count bases for ``pct`` (see the module docstring).

    The count just before a rate (…率) may be its base ("14739个帐号…参考率84.1%"); the
    count just before a share (占比) is the part, never the base.
    """
    found: list[Quantity] = []
    frames = totals.wholes(ctx)
    before = [q for c in s.clauses[: ci + 1] for q in c.quantities if q.end <= pct.start]
    for q in before:
        if q.start in frames:
            found.append(frames[q.start])
    for c in s.clauses[: ci + 1]:
        for q in c.quantities:
            if q.end <= pct.start and totals.total_cue_in(ctx.label_before(q, c)):
                found.append(q)
    if cue[0] == "rate" and ci > 0 and s.clauses[ci - 1].quantities:
        found.append(s.clauses[ci - 1].quantities[-1])
    if not before:
        opening = ctx.between(s.start, pct.start)
        prev = ctx.previous(s)
        if prev is not None and any(w in opening for w in totals.SUBSET):
            found.extend(prev.quantities[-2:])
    out: list[Quantity] = []
    for q in found:
        if is_whole_count(q) and q.value > 0 and all(q.value != o.value for o in out):
            out.append(q)
    return out


def check(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Is there a whole k with k/n printed as the stated percentage, for some base n?"""
    stated = claim.stated
    best: tuple[Verdict, RoundingMode | None, Quantity] | None = None
    for base in claim.parts:
        n = int(base.value)
        for verdict, modes in (
            (Verdict.CONSISTENT, policy.accepted),
            (Verdict.CONDITIONAL, policy.tolerated),
        ):
            hit = next((m for m in modes if fitting_counts(n, stated, m)), None)
            if hit is not None:
                if best is None or (verdict is Verdict.CONSISTENT and best[0] is not Verdict.CONSISTENT):
                    best = (verdict, hit, base)
                break
    if best is not None:
        verdict, mode, base = best
        n = int(base.value)
        assert mode is not None
        ks = fitting_counts(n, stated, mode)
        computed = Interval(Fraction(ks[0], n), Fraction(ks[-1], n))
        params = {"base": base.text, "k": str(ks[0]), "n": str(n), "nearest": _nearest(n, stated)}
        code = None if verdict is Verdict.CONSISTENT else "C204"
        return Outcome(verdict, code, computed, mode, params)
    base = claim.parts[0]
    n = int(base.value)
    params = {"base": base.text, "n": str(n), "nearest": _nearest(n, stated)}
    if len(claim.parts) > 1:
        return Outcome(Verdict.UNDECIDABLE, "C903", None, None, params)
    return Outcome(Verdict.INCONSISTENT, "C203", None, None, params)
