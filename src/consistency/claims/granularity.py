"""Granularity (the GRIM test): a percentage of a whole count must be k/n for a whole k.

When a text states a base ``n`` and a share or rate, but not the count it is a share
of, the percentage can still be checked: some whole number ``k`` (0 ≤ k ≤ n) must give
``k / n`` rounding to the printed figure. ``共17件…占比33.33%`` fails (5/17 = 29.41%,
6/17 = 35.29%): no count of cases has that share. ``14739个有效帐号…参考率为84.1%``
passes (12396/14739 = 84.10%). The check is that of Brown and Heathers' GRIM test
(granularity-related inconsistency of means), applied to shares.

Read from the other side: when the text names the count a share is of but leaves its
base out (``维持原行为10件,占43.9%``), some whole base n must give 10/n rounding to the
printed figure (10/22 = 45.45%, 10/23 = 43.48%: none, C207; only by truncation, C208).
Only shares printed with decimals are read so: every count has some base for 40%.

Cues, parts and bases come from the binding layer (``claims/binding``: the stated
shares, their parts and bases, the wholes of 其中 frames). Candidate bases are whole
counts: the whole of the frame, a total (共) earlier in the sentence, the count just
before the percentage, or, for a sentence opening with 其中, the counts of the sentence
before. With several candidates of different value, the best reading decides, and a
failure of all of them is undecidable rather than an error.

Claims (kind ``granularity``): ``stated`` is the percentage, ``parts`` the candidate
bases (relation ``k / n``) or the named count (relation ``k / n`` with n unknown).
Verdicts: some k (or n) works under an accepted rounding (consistent); only under
truncation (warning C204, C208); none (error C203, C207, with the nearest values).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from fractions import Fraction

from ..claim import Binding, Claim, Evidence
from ..intervals import Interval, RoundingMode, rounding_preimage
from ..quantities import Quantity
from ..verdicts import Outcome, RoundingPolicy, Verdict
from ._match import (
    SEMICOLONS,
    Clause,
    Context,
    countable,
    fmt_number,
    fmt_percent,
    is_whole_count,
    stated_allows,
)
from .binding import named, positional
from .binding.bases import bases_for
from .binding.frames import wholes
from .binding.parts import SUBSET, total_cue_in
from .binding.percents import StatedShare, has_own_share, part_of, stated_shares, subject_of
from .binding.reach import FIGURES_BACK, clauses_back
from .binding.respective import in_run
from .binding.siblings import sum_consensus

__all__ = ["KIND", "check", "extract", "fitting_counts"]

KIND = "granularity"


def fitting_counts(n: int, stated: Quantity, mode: RoundingMode) -> list[int]:
    """Every whole k in [0, n] with k/n printed as ``stated`` under ``mode``."""
    if n <= 0:
        return []
    if stated.approx or stated.low is None or stated.low != stated.high or is_whole_count(stated):
        return _scan_counts(n, stated, mode)
    # k/n lies in the closed hull [lo, hi] of the figure's preimage exactly when
    # ceil(lo·n) <= k <= floor(hi·n): integer division finds the range at once. Only a
    # k sitting on an end of the hull can fall on an open side (or a tie rounding
    # away), so the ends alone are asked the full question.
    step = stated.resolution if stated.resolution > 0 else Fraction(1)
    hull = rounding_preimage(Fraction(stated.value), step, mode)
    lo, hi = hull.low * n, hull.high * n
    first = max(0, -((-lo.numerator) // lo.denominator))
    last = min(n, hi.numerator // hi.denominator)
    if first > last:
        return []
    ends = {k for k in (first, last) if stated_allows(stated, Interval.exact(Fraction(k, n)), mode)}
    ks = range(first + (first not in ends), last + 1 - (last not in ends and last > first))
    return list(ks)


def _scan_counts(n: int, stated: Quantity, mode: RoundingMode) -> list[int]:
    """:func:`fitting_counts` for a bounded figure (以上, 余), k by k near its value."""
    step = stated.resolution
    centre = Fraction(stated.value) * n
    reach = step * n + 1  # the preimage is at most one step wide
    low = max(0, math.floor(centre - reach))
    high = min(n, math.ceil(centre + reach))
    if is_whole_count(stated) or (stated.low is not None and stated.low == stated.high):
        return [k for k in range(low, high + 1) if stated_allows(stated, Interval.exact(Fraction(k, n)), mode)]
    if stated.approx or (stated.low is None and stated.high is None):
        return list(range(low, high + 1))  # any value may be printed so
    # a bound allows every value its widened range reaches (closed on both sides)
    own = stated.resolution if stated.resolution > 0 else Fraction(1)
    if stated.low is not None:
        b = rounding_preimage(Fraction(stated.low), own, mode).low * n
        low = max(low, -((-b.numerator) // b.denominator))
    if stated.high is not None:
        b = rounding_preimage(Fraction(stated.high), own, mode).high * n
        high = min(high, b.numerator // b.denominator)
    return list(range(low, high + 1))


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
    for share in stated_shares(ctx):
        pct, cue = share.pct, share.cue
        if pct.value > 1:
            continue  # a rate above 100% has a base the count is not (完成率229.39%)
        if cue.kind == "definitional" and pct.value not in (0, 1):
            continue  # 胜诉率 over cases not withdrawn: only 0% and 100% fit any base
        part = part_of(ctx, share)
        if part is not None and bases_for(ctx, part.quantity, share.sentence, cue, subject_of(ctx, share)):
            continue  # the share check has both counts
        if part is not None and sum_consensus(ctx, share) is not None:
            continue  # the share check takes it over the sum of its list
        if part is not None and part.evidence is Evidence.NAMED:
            # the text names the count: the base is what it leaves out
            if _numerator_checkable(part.quantity, pct):
                yield _numerator_claim(share, part)
            continue
        if part is None and in_run(ctx, pct):
            continue  # "分别占40%、25%、15%" with no run of counts to pair: no guess
        found = _bases(ctx, share)
        if not found:
            continue
        bound, either = found
        bases = [b.quantity for b in bound]
        yield Claim(
            kind=KIND,
            start=min(q.start for q in (pct, *bases)),
            end=pct.end,
            stated=pct,
            parts=tuple(bases),
            bindings=tuple(bound),
            relation=f"{pct.text} = k / {fmt_number(bases[0].value)}",
            details={
                "base": bases[0].text,
                "cue": cue.word,
                "either": "yes" if either else "",
                "linked": "yes" if cue.kind == "share" or _names(ctx, cue.word, bases) else "",
            },
        )


def _numerator_checkable(k: Quantity, pct: Quantity) -> bool:
    """Can a named count ``k`` and its printed share say anything about the bases they
    allow? A whole count, and a share printed with decimals (every base fits 40%)."""
    return is_whole_count(k) and k.value > 0 and pct.decimals >= 1 and 0 < pct.value < 1


def _numerator_claim(share: StatedShare, part: Binding) -> Claim:
    """``pct`` = k / n for the named count k and some whole base n the text leaves out."""
    pct, k = share.pct, part.quantity
    return Claim(
        kind=KIND,
        start=min(k.start, pct.start),
        end=pct.end,
        stated=pct,
        parts=(k,),
        relation=f"{pct.text} = {fmt_number(k.value)} / n",
        details={"count": k.text, "cue": share.cue.word, "over": "unstated base"},
        bindings=(part,),
    )


def _bases(ctx: Context, share: StatedShare) -> tuple[list[Binding], bool] | None:
    """Candidate whole-count bases for the share, and whether the count may instead be
    the numerator (a rate after an unmarked count: "出庭应诉10件,出庭应诉率达100%").

    Only the nearest count before the percentage in its run (figures followed by a
    share of their own skipped) is read: the whole of its 其中 frame if it is a part,
    itself if it is marked as a total (共, 合计) or if the percentage is a rate (…率),
    never the part of a share (占比). A sentence opening with 其中 and holding no
    count before the percentage takes the counts of the sentence before.
    """
    pct, s, ci, cue = share
    frames = wholes(ctx)
    near: Quantity | None = None
    near_clause = None
    for c in (s.clauses[ci], *clauses_back(s, ci)):
        for q in reversed(c.quantities[-FIGURES_BACK:]):
            if q.end <= pct.start and countable(q) and not has_own_share(ctx, q, pct):
                near, near_clause = q, c
                break
        if near is not None or c.opener in SEMICOLONS:
            break
    found: list[Binding] = []
    either = False
    if near is not None and near_clause is not None:
        if near.start in frames:
            found.append(named("base", frames[near.start], "the whole of its 其中 frame"))
        elif cue.kind in ("rate", "definitional") and _named_by(ctx, cue.word, near, near_clause):
            # "共化解信访积案36件,化解率92.3%": the count bears the rate's name, so it is
            # the numerator, over a base the text leaves out
            found.append(positional("base", near, "the count just before, or its numerator"))
            either = True
        elif total_cue_in(ctx.label_across_brackets(near)):
            found.append(named("base", near, "the total just before"))
        elif cue.kind in ("rate", "definitional"):
            found.append(positional("base", near, "the count just before, or its numerator"))
            either = True
    elif any(w in ctx.between(max(s.start, pct.start - 40), pct.start) for w in SUBSET):
        prev = ctx.previous(s)
        if prev is not None:
            # written in digits: a Chinese numeral there is too often no count ("唯一一個")
            found.extend(
                named("base", q, "其中 opening the sentence after it")
                for q in prev.quantities[-2:]
                if countable(q) and _digits(q)
            )
    out: list[Binding] = []
    for b in found:
        q = b.quantity
        if is_whole_count(q) and q.value > 1 and all(q.value != o.quantity.value for o in out):
            out.append(b)
    return (out, either) if out else None


def _named_by(ctx: Context, stem: str, q: Quantity, clause: Clause) -> bool:
    """Does the label of ``q`` hold the rate's name, or its last two characters?"""
    label = ctx.label_across_brackets(q)
    return len(stem) >= 2 and (stem in label or stem[-2:] in label)


def _names(ctx: Context, stem: str, bases: Sequence[Quantity]) -> bool:
    """Does the rate's name share two characters with the words of a base's clause
    ("委員提案參與率" and "共有131位委員提出提案": 委員)? A rate after an unrelated count
    ("共有10个部门参加,满意率为95%") is over people the text does not count."""
    pairs = {stem[i : i + 2] for i in range(len(stem) - 1)}
    for q in bases:
        located = ctx.locate(q)
        if located is not None:
            words = ctx.clause_text(located[0].clauses[located[1]])
            if any(p in words for p in pairs):
                return True
    return False


def _digits(q: Quantity) -> bool:
    return any(ch.isdigit() for ch in q.text)


def _numerator_fits(k: int, stated: Quantity, mode: RoundingMode) -> bool:
    """Is there a whole n ≥ k with k/n printed as ``stated`` under ``mode``?"""
    if stated.value <= 0:
        return k == 0
    hull = rounding_preimage(Fraction(stated.value), stated.resolution, mode)
    low, high = hull.low, hull.high
    n_low = max(k, math.floor(k / high) - 1) if high > 0 else k
    n_high = math.ceil(k / low) + 1 if low > 0 else n_low + 10**6
    first, last = max(n_low, 1), min(n_high, n_low + 10**6)
    # k/n falls with n: the n with k/n in the closed hull [low, high] form one run,
    # ceil(k/high) ..= floor(k/low); a value strictly inside the hull is printed as the
    # figure, so only the two ends of the run need the full question
    if high > 0:
        first = max(first, -((-k * high.denominator) // high.numerator))
    if low > 0:
        last = min(last, (k * low.denominator) // low.numerator)
    if first > last:
        return False
    if last - first >= 2:
        return True
    return any(
        stated_allows(stated, Interval.exact(Fraction(k, n)), mode) for n in range(first, last + 1)
    )


def check(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Is there a whole k with k/n printed as the stated percentage, for some base n (or,
    for a stated count k, some whole base n)?"""
    if claim.details.get("over") == "unstated base":
        return _check_numerator(claim, policy)
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
    either = bool(claim.details.get("either"))
    if best is not None and best[0] is Verdict.CONDITIONAL and either:
        # "整改到位340个,整改率95.5%": truncated as a share of 340, but plainly rounded
        # as 340 out of some larger base (340/356): the base reading is not certain
        n = int(claim.parts[0].value)
        if any(_numerator_fits(n, stated, m) for m in policy.accepted):
            return Outcome(Verdict.UNDECIDABLE, None, None, None, {"n": str(n)})
    if best is not None:
        verdict, mode, base = best
        n = int(base.value)
        assert mode is not None
        ks = fitting_counts(n, stated, mode)
        computed = Interval(Fraction(ks[0], n), Fraction(ks[-1], n))
        params = {"base": base.text, "k": str(ks[0]), "n": str(n), "nearest": _nearest(n, stated)}
        params["value"] = f"{ks[0]}/{n} = {fmt_percent(Fraction(ks[0], n), stated.decimals + 2)}"
        code = None if verdict is Verdict.CONSISTENT else "C204"
        return Outcome(verdict, code, computed, mode, params)
    base = claim.parts[0]
    n = int(base.value)
    params = {"base": base.text, "n": str(n), "nearest": _nearest(n, stated)}
    params["value"] = params["nearest"]
    if either:
        # the count may be the numerator of the rate, over a base the text leaves out
        for verdict, modes in ((Verdict.CONSISTENT, policy.accepted), (Verdict.CONDITIONAL, policy.tolerated)):
            if any(_numerator_fits(n, stated, m) for m in modes):
                return Outcome(Verdict.UNDECIDABLE, None, None, None, params)
    if len(claim.parts) > 1 or not claim.details.get("linked"):
        return Outcome(Verdict.UNDECIDABLE, "C903", None, None, params)
    return Outcome(Verdict.INCONSISTENT, "C203", None, None, params)


def _check_numerator(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Is there a whole base n with k/n printed as the stated share, for the stated k?"""
    stated, k = claim.stated, int(claim.parts[0].value)
    params = {"k": str(k), "nearest": _nearest_bases(k, stated)}
    params["value"] = params["nearest"]
    for verdict, modes in ((Verdict.CONSISTENT, policy.accepted), (Verdict.CONDITIONAL, policy.tolerated)):
        mode = next((m for m in modes if _numerator_fits(k, stated, m)), None)
        if mode is not None:
            code = None if verdict is Verdict.CONSISTENT else "C208"
            return Outcome(verdict, code, None, mode, params)
    return Outcome(Verdict.INCONSISTENT, "C207", None, None, params)


def _nearest_bases(k: int, stated: Quantity) -> str:
    """The shares of k over the two whole bases nearest the printed share ("10/23 = 43.48%")."""
    if stated.value <= 0:
        return ""
    n = math.floor(k / Fraction(stated.value))
    places = max(stated.decimals, 0) + 2
    return ", ".join(
        f"{k}/{m} = {fmt_percent(Fraction(k, m), places)}" for m in (n, n + 1) if m >= max(k, 1)
    )
