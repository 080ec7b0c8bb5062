"""Completion against a target the rate names by its label, stated before the amount
(or right after the rate).

``一般公共预算收入调整预算为50亿元,实际完成48亿元,为调整预算的96%``: the rate's own words
(为调整预算的) name the figure whose label ends in 调整预算 as its target, however far
before the amount it stands (in its sentence or the two before it in the paragraph).
Likewise ``年初预算安排2000万元,实际支出1900万元,完成年初预算的95%`` and ``全年计划完成
植树造林任务1.2万亩,实际完成1.26万亩,完成计划任务的105%``.

The target is the nearest figure of the amount's unit, before it, whose label ends with
the words the rate names (only connectives such as 为, 数, 安排 after them, or the
amount's own measure: 计划投资 for 完成投资); "一般公共预算收入" ends with no 预算, so an
amount of that name is never its own target. One such figure binds it by name; several
(预算 of 收入 and of 支出) bind the nearest by position only. The amount is the figure
before the rate (its changes skipped); the other figures of its unit between the
target and it are tried before an error.

A target stated right after the rate, in its sentence (``完成48.6亿元,为年初预算的102.0%,
年初预算为46.5亿元``), is the first figure after it, of the amount's unit, when its label
is the target's name and nothing else (``支出年初预算为…`` names another measure's).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...claim import Claim
from ...quantities import Quantity
from .._match import Context, Sentence
from ..binding import named, positional
from .common import completion_claim, cues, same_unit, unglossed

__all__ = ["named_targets"]

#: how far before a rate its verb and target words are read
_PHRASE = 24
#: how many sentences before the rate's its target may stand (in the paragraph)
_SENTENCES_BACK = 2
#: how many figures before the amount are asked whether they are its target
_FIGURES_BACK = 24


def named_targets(
    ctx: Context, view: str, sentence: Sentence, qs: tuple[Quantity, ...], claimed: set[int]
) -> Iterator[Claim]:
    """Each rate of ``sentence`` (none of ``claimed``) whose words name a target stated
    before its amount (see the module docstring)."""
    words = cues()["completion"]
    pool: list[Quantity] | None = None  # the figures of the window, read when first needed
    for i, rate in enumerate(qs):
        if not rate.is_percent or rate.start in claimed or i == 0:
            continue
        keys = _named(view, sentence, rate, words)
        if not keys:
            continue
        amount = _amount(view, qs, i, words["changes"])
        if amount is None:
            continue
        if pool is None:
            pool = [q for s in ctx.window(sentence, before=_SENTENCES_BACK) for q in s.quantities]
        before = [q for q in pool if q.end <= amount.start and same_unit(q, amount)][-_FIGURES_BACK:]
        key, targets = _targets(ctx, before, keys, _measure(ctx, amount, words["verbs"]), words["tail"])
        if not targets:
            yield from _target_after(ctx, qs, i, amount, keys, words["tail"])
            continue
        target = targets[0]
        between = [  # amounts, not changes nor other targets ("年初预算…,调整预算…")
            q for q in before
            if q.start > target.end and not _is_change(view, q, words["changes"])
            and not any(_ends_with(ctx, q, t, "", words["tail"]) for t in words["targets"])
        ]
        if len(targets) == 1:
            tied = named("target", target, f"its label ends in {key}, as the rate names it")
        else:
            tied = positional("target", target, f"the nearest of several labelled {key}")
        amount_tie = (
            named("amount", amount, "the one amount between its target and the rate")
            if not between
            else positional("amount", amount, "the last amount before the rate")
        )
        # before an error, the other amounts between the target and the rate are tried
        yield completion_claim(
            "target", rate, (amount, target, *reversed(between)),
            f"{amount.text} / {target.text} = {rate.text}",
            start=target.start,
            bindings=(amount_tie, tied),
        )


def _target_after(
    ctx: Context, qs: tuple[Quantity, ...], i: int, amount: Quantity, keys: list[str], tail: tuple[str, ...]
) -> Iterator[Claim]:
    """The completion of a rate whose target is stated right after it, in its sentence
    ("完成48.6亿元,为年初预算的102.0%,年初预算为46.5亿元"): the first figure after the rate,
    of the amount's unit and labelled with the words the rate names its target by."""
    after = next((q for q in qs[i + 1 :] if not q.is_percent), None)
    if after is None or not same_unit(after, amount):
        return
    # the label names nothing but the target ("年初预算为"): "支出年初预算为" is another
    # measure's target
    label = ctx.label_across_brackets(after).strip()
    key = next((k for k in keys if label.startswith(k) and _ends_with(ctx, after, k, "", tail)), None)
    if key is None:
        return
    rate = qs[i]
    yield completion_claim(
        "target", rate, (amount, after),
        f"{amount.text} / {after.text} = {rate.text}",
        start=amount.start,
        bindings=(
            named("amount", amount, "the amount just before the rate"),
            named("target", after, f"its label ends in {key}, as the rate names it, right after the rate"),
        ),
    )


#: how many figures before a rate (its changes, in percent or in the amount's unit) the
#: amount may stand
_AMOUNT_BACK = 4


def _amount(view: str, qs: tuple[Quantity, ...], i: int, changes: tuple[str, ...]) -> Quantity | None:
    """The amount completed: the nearest figure before the rate with a unit that is not
    a percentage nor written as a change ("实际完成32亿元,增加2亿元,完成预算的106.7%")."""
    for q in reversed(qs[max(0, i - _AMOUNT_BACK) : i]):
        if q.is_percent or _is_change(view, q, changes):
            continue
        return q if q.unit is not None else None
    return None


def _named(view: str, sentence: Sentence, rate: Quantity, words: dict[str, tuple[str, ...]]) -> list[str]:
    """The words the rate names its target by ("完成计划任务的105%" → 计划任务, 任务), longest
    first; empty when no verb and target word stand right before it."""
    before = unglossed(view[max(sentence.start, rate.start - _PHRASE) : rate.start])
    at = max((before.rfind(v) + len(v) for v in words["verbs"] if v in before), default=-1)
    if at < 0:
        return []
    said = before[at:].removesuffix("的").strip()
    if not said or any(ch in said for ch in "，,；;：:。") or any(ch.isdigit() for ch in said):
        return []
    found = [t for t in words["targets"] if said.endswith(t)]
    if not found or len(said) - max(len(t) for t in found) > 4:
        return []
    return list(dict.fromkeys([said, *sorted(found, key=len, reverse=True)]))


def _targets(
    ctx: Context, before: list[Quantity], keys: list[str], measure: str, tail: tuple[str, ...]
) -> tuple[str, list[Quantity]]:
    """The first key any figure of ``before`` ends with, and the figures so labelled,
    nearest first (no figures when none is)."""
    for key in keys:
        found = [q for q in reversed(before) if _ends_with(ctx, q, key, measure, tail)]
        if found:
            return key, found
    return "", []


def _ends_with(ctx: Context, q: Quantity, key: str, measure: str, tail: tuple[str, ...]) -> bool:
    """Does ``q``'s label end with ``key``, only connectives (or ``measure``) after it?"""
    label = ctx.label_across_brackets(q)
    at = label.rfind(key)
    if at < 0:
        return False
    rest = label[at + len(key) :].strip()
    changed = True
    while rest and changed:
        changed = False
        for w in tail:
            if rest.startswith(w):
                rest, changed = rest[len(w) :].strip(), True
    return not rest or (bool(measure) and rest == measure)


def _measure(ctx: Context, amount: Quantity, verbs: tuple[str, ...]) -> str:
    """What the amount's label says after its verb ("实际完成投资" → 投资)."""
    label = ctx.label_across_brackets(amount)
    at = max((label.rfind(v) + len(v) for v in verbs if v in label), default=-1)
    return label[at:].strip() if at >= 0 else ""


def _is_change(view: str, q: Quantity, changes: tuple[str, ...]) -> bool:
    return any(view[max(0, q.start - 6) : q.start].rstrip("了").endswith(w) for w in changes)
