"""One wrong earlier figure, reported once, at that figure.

``全年收入1,200万元,比上年(1,150万元)增加150万元,增长14.3%``: the change (1,200 − 1,150 =
50, not 150) and the rate (50 ÷ 1,150 = 4.3%, not 14.3%) both fail against the earlier
figure, while the change and the rate agree with each other over the level (150 ÷ 1,050 =
14.3%). One figure is wrong, and it is the earlier one: reporting the change and the rate
as two errors would point twice at figures that are right.

So a before/after pair stated with both an absolute change and a rate yields, besides
its two claims, a claim about the earlier figure itself. When both pair claims fail and
the level, change and rate agree, the pair claims fall silent (undecidable, no code) and
the earlier figure is the error C312, which names the value the other three imply.
"""

from __future__ import annotations

from dataclasses import replace

from ...claim import Binding, Claim
from ...intervals import Interval
from ...verdicts import Outcome, RoundingPolicy, Verdict
from .._match import fmt_like
from ..binding import named
from .arithmetic import check_change
from .forms import KIND

__all__ = ["SIBLING", "blamed", "check_earlier", "earlier_claims"]

#: the details key of a pair claim whose sibling (the other change of its pair) is kept
#: as its last part
SIBLING = "sibling"


def earlier_claims(amount: Claim, rate: Claim) -> tuple[Claim, Claim, Claim]:
    """The amount and rate claims of one pair, each with its sibling, and the claim about
    their earlier figure."""
    before, after = amount.parts
    d, r = amount.stated, rate.stated

    def sibling(claim: Claim, other: Claim) -> Claim:
        return replace(
            claim,
            start=min(claim.start, other.start),
            end=max(claim.end, other.end),
            parts=(*claim.parts, other.stated),
            details={**claim.details, SIBLING: other.stated.text},
        )

    bindings: tuple[Binding, ...] = (
        named("after", after, "the level of the pair"),
        named("change", d, f"{amount.details['relation_kind']} of the pair"),
        named("rate", r, "the rate of the pair"),
    )
    earlier = Claim(
        KIND,
        min(amount.start, rate.start),
        max(amount.end, rate.end),
        before,
        (after, d, r),
        f"{before.text} = {after.text} {'−' if int(amount.details['sign']) > 0 else '+'} {d.text}",
        details={
            "relation_kind": "earlier",
            "sign": amount.details["sign"],
            "averaged": amount.details["averaged"],
            "formula": f"{after.text} {'−' if int(amount.details['sign']) > 0 else '+'} {d.text}",
        },
        bindings=bindings,
    )
    return sibling(amount, rate), sibling(rate, amount), earlier


def _pair(claim: Claim) -> tuple[Claim, Claim, Claim]:
    """The amount claim, the rate claim (over the earlier figure) and the level-rate claim
    (over the level) one pair states, rebuilt from any of its claims."""
    if claim.details["relation_kind"] == "earlier":
        after, d, r = claim.parts
        before = claim.stated
    else:
        before, after, other = claim.parts
        d, r = (claim.stated, other) if claim.details["relation_kind"] == "amount" else (other, claim.stated)
    sign, flags = claim.details["sign"], claim.details["averaged"]
    after_flag = flags.split(",")[-1]

    def made(relation: str, stated: object, parts: tuple[object, ...], averaged: str) -> Claim:
        details = {"relation_kind": relation, "sign": sign, "averaged": averaged, "formula": ""}
        return Claim(KIND, claim.start, claim.end, stated, parts, "", details)  # type: ignore[arg-type]

    rate_kind = "rate-of-rate" if after.is_percent else "rate"
    return (
        made("amount", d, (before, after), flags),
        made(rate_kind, r, (before, after), flags),
        made("level-rate", r, (after, d), f"{after_flag},{after_flag}"),
    )


def blamed(claim: Claim, policy: RoundingPolicy) -> bool:
    """Does the pair of ``claim`` fail on its earlier figure alone: the change and the rate
    both fail against it, while they agree with each other over the level?"""
    amount, rate, level_rate = _pair(claim)
    failed = Verdict.INCONSISTENT
    return (
        check_change(amount, policy).verdict is failed
        and check_change(rate, policy).verdict is failed
        and check_change(level_rate, policy).verdict is Verdict.CONSISTENT
    )


def check_earlier(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """The claim about a pair's earlier figure: the error C312 when it alone is wrong
    (naming the value the level and the change imply); consistent when both the change
    and the rate hold; otherwise undecided without a code (the pair claims report)."""
    after, d, _r = claim.parts
    sign = int(claim.details["sign"])
    amount, rate, _level = _pair(claim)
    if blamed(claim, policy):
        # the value the level and the change imply, as printed (their rounding aside)
        expected = Interval.exact(after.value - d.value * sign)
        value = fmt_like(expected, claim.stated)
        params = {"value": value, "computed": value, "after": after.text, "change": d.text}
        return Outcome(Verdict.INCONSISTENT, "C312", expected, None, params)
    holds = all(
        check_change(c, policy).verdict is not Verdict.INCONSISTENT for c in (amount, rate)
    )
    return Outcome(Verdict.CONSISTENT if holds else Verdict.UNDECIDABLE, params={"value": ""})
