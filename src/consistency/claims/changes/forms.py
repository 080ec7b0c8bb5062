"""The claims a change states, built from the figures a reading bound: the relation each
checks and the formula shown to the author."""

from __future__ import annotations

from collections.abc import Iterator

from ...claim import Claim
from ...quantities import Quantity
from .._match import Context, is_whole_count
from .words import AVERAGES, Change

__all__ = ["KIND", "averaged", "change_claim", "level_rate_claim", "plain_count", "whole_base_claims"]

KIND = "change"


def change_claim(
    ctx: Context, relation: str, change: Change, inputs: tuple[Quantity, Quantity], formula: str
) -> Claim:
    """The claim that ``change`` equals ``formula`` over the two ``inputs``."""
    qs = (*inputs, change.q)
    flags = [averaged(ctx, q) for q in inputs]
    return Claim(
        kind=KIND,
        start=min(q.start for q in qs),
        end=max(q.end for q in qs),
        stated=change.q,
        parts=inputs,
        relation=f"{change.q.text} = {formula}",
        details={
            "formula": formula,
            "before": inputs[0].text,
            "after": inputs[1].text,
            "relation_kind": relation,
            "sign": str(change.sign),
            "averaged": ",".join("1" if a else "0" for a in flags),
        },
    )


def plain_count(ctx: Context, q: Quantity) -> bool:
    """A whole count that is the whole level: not followed by a bracketed aside
    (``879件(含旧存343件)``: a compound level) and not an average (``平均每月12件``)."""
    aside = ctx.text[q.end : q.end + 1] in ("(", "（")
    return is_whole_count(q) and q.value > 0 and not aside and not averaged(ctx, q)


def level_rate_claim(ctx: Context, level: Quantity, d: Change, r: Change) -> Claim:
    """The rate ``r`` against the change ``d`` over the base ``level`` ∓ ``d`` implies."""
    op = "−" if d.sign > 0 else "+"
    return change_claim(
        ctx, "level-rate", r, (level, d.q), f"{d.q.text} ÷ ({level.text} {op} {d.q.text})"
    )


def whole_base_claims(level: Quantity, rate: Change) -> Iterator[Claim]:
    """A whole count and its change rate with the earlier count unstated: some whole
    earlier count must give the rate (the granularity test applied to a change).

    Only when the test can tell: the rates whole earlier counts give lie about
    (1 + r)² / level apart, so for a large count every printed rate has one nearby. The
    claim is made when at most about a quarter of the printed values would fit by chance
    (level × step × 4 < (1 + r)²); otherwise it would be recorded as checked while no
    error in it could ever show.
    """
    growth = 1 + rate.sign * rate.q.value
    if growth <= 0 or level.value * rate.q.resolution * 4 >= growth * growth:
        return
    formula = f"{level.text} ÷ n − 1"
    yield Claim(
        kind=KIND,
        start=level.start,
        end=rate.q.end,
        stated=rate.q,
        parts=(level,),
        relation=f"{rate.q.text} = {formula}, n 为整数",
        details={"formula": formula, "relation_kind": "whole-base", "sign": str(rate.sign)},
    )


def averaged(ctx: Context, q: Quantity) -> bool:
    """Is ``q`` an average (``平均…24天``)? Then even a whole number is a rounded one."""
    located = ctx.locate(q)
    if located is None:
        return False
    sentence, _ = located
    head = ctx.text[sentence.start : q.start]
    return any(w in head[-24:] for w in AVERAGES)

