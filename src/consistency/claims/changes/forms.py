"""The claims a change states, built from the figures a reading bound: the relation each
checks, how each figure was bound to it, and the formula shown to the author.

Formulas are written the way the author computes the figure: a rise as ``(本期 − 上期) ÷
上期``, a fall as ``(上期 − 本期) ÷ 上期``, so that the formula gives the printed figure
itself, sign and scale included (a fall of 33.3% is ``(24天 − 16天) ÷ 24天 = 33.3333%``,
never ``16天 ÷ 24天 − 1``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ...claim import Binding, Claim
from ...quantities import Quantity
from .._folded import folded
from .._match import Context, is_whole_count
from ..binding import named
from .words import AVERAGES, Change

__all__ = [
    "KIND",
    "annual_rate_claim",
    "averaged",
    "based_rate_claim",
    "change_claim",
    "formula",
    "level_rate_claim",
    "pair_bindings",
    "plain_count",
    "whole_base_claims",
]

KIND = "change"


def formula(relation: str, sign: int, before: Quantity, after: Quantity) -> str:
    """The formula of ``relation`` between ``before`` and ``after`` as the author writes it:
    the change itself (``after − before``, or ``before − after`` for a fall), over the
    earlier figure for a rate."""
    diff = f"{after.text} − {before.text}" if sign > 0 else f"{before.text} − {after.text}"
    if relation in ("rate", "rate-of-rate"):
        return f"({diff}) ÷ {before.text}"
    return diff


def change_claim(
    ctx: Context,
    relation: str,
    change: Change,
    inputs: tuple[Quantity, Quantity],
    bindings: tuple[Binding, ...],
    shown: str | None = None,
) -> Claim:
    """The claim that ``change`` follows from the two ``inputs`` by ``relation``
    (``amount``, ``points``, ``rate``, ``rate-of-rate``: inputs are before and after;
    ``level-rate``: the level and its absolute change). ``shown`` is the formula for the
    author (by default :func:`formula`)."""
    qs = (*inputs, change.q)
    flags = [averaged(ctx, q) for q in inputs]
    text = shown if shown is not None else formula(relation, change.sign, *inputs)
    return Claim(
        kind=KIND,
        start=min(q.start for q in qs),
        end=max(q.end for q in qs),
        stated=change.q,
        parts=inputs,
        relation=f"{change.q.text} = {text}",
        details={
            "formula": text,
            "before": inputs[0].text,
            "after": inputs[1].text,
            "relation_kind": relation,
            "sign": str(change.sign),
            "averaged": ",".join("1" if a else "0" for a in flags),
        },
        bindings=bindings,
    )


def pair_bindings(before: Quantity, after: Quantity, how: str) -> tuple[Binding, ...]:
    """A before and an after figure the text names as such (``由…至…``, ``比上年…``)."""
    return (named("before", before, how), named("after", after, how))


def plain_count(ctx: Context, q: Quantity) -> bool:
    """A whole count that is the whole level: not followed by a bracketed aside
    (``879件(含旧存343件)``: a compound level) and not an average (``平均每月12件``)."""
    aside = folded(ctx)[q.end : q.end + 1] in ("(", "（")
    return is_whole_count(q) and q.value > 0 and not aside and not averaged(ctx, q)


def level_rate_claim(
    ctx: Context, level: Quantity, d: Change, r: Change, how: str
) -> Claim:
    """The rate ``r`` against the change ``d`` over the base ``level`` ∓ ``d`` implies;
    ``how`` says what ties the level to its changes."""
    op = "−" if d.sign > 0 else "+"
    bindings = (named("level", level, how), named("change", d.q, f"{d.cue} beside {r.cue}"))
    return change_claim(
        ctx, "level-rate", r, (level, d.q), bindings,
        f"{d.q.text} ÷ ({level.text} {op} {d.q.text})",
    )


def annual_rate_claim(
    ctx: Context,
    r: Change,
    inputs: tuple[Quantity, Quantity],
    bindings: tuple[Binding, ...],
    years: int,
) -> Claim:
    """The average annual rate ``r`` between a figure before and one after, ``years``
    apart: (after ÷ before)^(1/years) − 1, or 1 − (…)^(1/years) for a fall."""
    before, after = inputs
    root = f"({after.text} ÷ {before.text})^(1/{years})"
    shown = f"{root} − 1" if r.sign > 0 else f"1 − {root}"
    claim = change_claim(ctx, "annual-rate", r, inputs, bindings, shown)
    return replace(claim, details={**claim.details, "years": str(years)})


def based_rate_claim(ctx: Context, base: Quantity, d: Change, r: Change) -> Claim:
    """The rate ``r`` against the change ``d`` over the earlier figure ``base`` the text
    names (``比上年的1,200件增加150件,增长12.5%``): d ÷ base."""
    bindings = (
        named("base", base, "the comparison names it as the earlier figure"),
        named("change", d.q, f"{d.cue} beside {r.cue}"),
    )
    return change_claim(ctx, "based-rate", r, (base, d.q), bindings, f"{d.q.text} ÷ {base.text}")


def whole_base_claims(level: Quantity, rate: Change, how: str) -> Iterator[Claim]:
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
    shown = f"({level.text} − n) ÷ n" if rate.sign > 0 else f"(n − {level.text}) ÷ n"
    yield Claim(
        kind=KIND,
        start=level.start,
        end=rate.q.end,
        stated=rate.q,
        parts=(level,),
        relation=f"{rate.q.text} = {shown}, n 为整数",
        details={"formula": shown, "relation_kind": "whole-base", "sign": str(rate.sign)},
        bindings=(named("level", level, how),),
    )


def averaged(ctx: Context, q: Quantity) -> bool:
    """Is ``q`` an average (``平均…24天``)? Then even a whole number is a rounded one."""
    located = ctx.locate(q)
    if located is None:
        return False
    sentence, _ = located
    head = folded(ctx)[sentence.start : q.start]
    return any(w in head[-24:] for w in AVERAGES)
