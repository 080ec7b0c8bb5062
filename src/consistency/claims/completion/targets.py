"""Completion against a named target: the amount, the target and the rate.

* ``基金收入72,716万元,完成年初预算31,700万元的229.39%`` → 72716 / 31700;
* the target a difference away: ``支出总计1741.75万元…完成年初预算100%,决算数大于预算数
  55.93万元`` → 1741.75 / (1741.75 − 55.93); ``财政收入38730.62亿元,…比预算超收3307.24
  亿元,完成预算的109.3%`` → 38730.62 / (38730.62 − 3307.24);
* the target printed a sentence before: ``年初预算安排45.6亿元。全年完成47.2亿元,完成年初
  预算的103.5%``;
* ``超额完成…任务的124%``: only the direction, above 100%.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...claim import Binding, Claim
from ...quantities import Quantity
from .._match import Context, Sentence
from ..binding import named, positional
from .common import completion_claim, cues, near, same_unit, unglossed

__all__ = ["earlier_target", "over", "with_target"]



#: how far before 完成 the amount completed is looked for, and after the rate its excess
_AMOUNT_REACH, _EXCESS_REACH = 200, 80


def _amount_before(
    view: str, qs: tuple[Quantity, ...], like: Quantity, before: int
) -> tuple[Binding, tuple[Quantity, ...]] | None:
    """The amount completed: the last figure in the unit of ``like`` that ends before
    ``before`` and is not a change ("减少53.7万元"), bound by name when it is the only such
    figure of its sentence before the verb ("支出总计1741.75万元…完成年初预算100%": the
    sentence's subject), by position when it is the last of several; with the others,
    nearest first (the readings tried before an error)."""
    changes = cues()["completion"]["changes"]
    candidates = [
        q for q in near(qs, before - _AMOUNT_REACH, before)
        if q.end <= before and q is not like and same_unit(q, like)
        and not any(view[max(0, q.start - 6) : q.start].rstrip("了").endswith(w) for w in changes)
    ]
    if not candidates:
        return None
    if len(candidates) == 1:
        return named("amount", candidates[0], "the one amount of its unit before 完成"), ()
    others = tuple(reversed(candidates[:-1]))
    return positional("amount", candidates[-1], "the last amount of its unit before 完成"), others


# -- amount, target and rate: "…72,716万元,完成年初预算31,700万元的229.39%"


def with_target(view: str, sentence: Sentence, qs: tuple[Quantity, ...]) -> Iterator[Claim]:
    """Each rate of ``sentence`` completed against a target named just before it, or a
    target the stated excess (大于预算数…) implies."""
    words = cues()["completion"]
    for i, rate in enumerate(qs):
        if not rate.is_percent:
            continue
        before = view[max(sentence.start, rate.start - 24) : rate.start]
        verb = _last_verb(before, words["verbs"])
        if verb is None:
            continue
        verb_at = rate.start - len(before) + verb
        target = qs[i - 1] if i > 0 else None
        if target is not None and target.start > verb_at and not target.is_percent:
            if view[target.end : rate.start] not in words["of"]:
                continue
            named_by = view[verb_at : target.start]
            if not any(t in named_by for t in words["targets"]):
                continue
            found = _amount_before(view, qs, target, verb_at)
            if found is not None:
                bound, others = found
                amount = bound.quantity
                # a goal (年度目标) is exact as written; a budget may be rounded for print
                goal = any(t in named_by for t in words["set_targets"]) and not any(
                    t in named_by for t in words["targets"] if t not in words["set_targets"]
                )
                yield completion_claim(
                    "target", rate, (amount, target, *others),
                    f"{amount.text} / {target.text} = {rate.text}",
                    bindings=(bound, named("target", target, "完成…的 names it")),
                    **({"goal": "1"} if goal and target.is_exact else {}),
                )
            continue
        # "完成年初预算100%,决算数大于预算数55.93万元": the target is the amount less the excess
        # "完成年初预算100%" or "完成预算的102.44%"
        said = unglossed(view[verb_at : rate.start]).removesuffix("的")
        if not any(said.endswith(t) for t in words["targets"]):
            continue
        found = _excess(view, sentence, qs, rate)
        if found is None:
            continue
        sign, diff = found
        found = _amount_before(view, qs, diff, verb_at)
        if found is not None:
            bound, others = found
            amount = bound.quantity
            op = "−" if sign > 0 else "+"
            yield completion_claim(
                "excess", rate, (amount, diff, *others),
                f"{amount.text} / ({amount.text} {op} {diff.text}) = {rate.text}",
                bindings=(bound, named("difference", diff, "大于/小于预算数 or 超收/短收 names it")),
                sign=str(sign),
            )


def _last_verb(text: str, verbs: tuple[str, ...]) -> int | None:
    hits = [text.rfind(v) for v in verbs]
    best = max(hits, default=-1)
    return best if best >= 0 else None


def _excess(view: str, sentence: Sentence, qs: tuple[Quantity, ...], rate: Quantity
            ) -> tuple[int, Quantity] | None:
    """The difference between amount and target the sentence states, with its sign (1:
    the amount exceeds the target): after the rate ("决算数大于预算数55.93万元"), or
    before it ("比预算超收3307.24亿元,完成预算的109.3%")."""
    words = cues()["completion"]
    for q in near(qs, rate.end, rate.end + _EXCESS_REACH):
        if q.start <= rate.end or q.is_percent:
            continue
        lead = unglossed(view[max(rate.end, q.start - 30) : q.start])
        if any(lead.endswith(w) for w in words["excess"]):
            return 1, q
        if any(lead.endswith(w) for w in words["shortfall"]):
            return -1, q
    for q in reversed(near(qs, rate.start - _EXCESS_REACH, rate.start)):
        if q.is_percent:
            continue
        lead = unglossed(view[max(sentence.start, q.start - 12) : q.start]).rstrip("了")
        if any(lead.endswith(w) for w in words["excess_before"]):
            return 1, q
        if any(lead.endswith(w) for w in words["shortfall_before"]):
            return -1, q
        break  # only the last amount before the rate may be its difference
    return None


# -- the target printed a sentence before: "年初预算安排45.6亿元。全年完成47.2亿元,完成年初预算的103.5%"


def earlier_target(
    ctx: Context, view: str, sentence: Sentence, qs: tuple[Quantity, ...]
) -> Iterator[Claim]:
    """Each rate of ``sentence`` against the one target the sentence before states under
    the rate's target word."""
    words = cues()["completion"]
    previous = ctx.previous(sentence)
    if previous is None:
        return
    figures: list[Quantity] | None = None  # read once, when a rate needs them
    for i, rate in enumerate(qs):
        if not rate.is_percent or (i > 0 and not qs[i - 1].is_percent and qs[i - 1].start > rate.start - 24
                                   and view[qs[i - 1].end : rate.start] in words["of"]):
            continue  # the target is printed right before the rate: _with_target reads it
        before = view[max(sentence.start, rate.start - 24) : rate.start]
        verb = _last_verb(before, words["verbs"])
        if verb is None:
            continue
        verb_at = rate.start - len(before) + verb
        said = unglossed(view[verb_at : rate.start])
        if not said.endswith("的"):
            continue
        word = next((t for t in words["targets"] if said.removesuffix("的").endswith(t)), None)
        if word is None or len(word) < 3 or _excess(view, sentence, qs, rate) is not None:
            continue  # a short word (预算, 目标) may name another target than the one before
        # the sentence before holds one figure in a unit (a budget of one thing, not
        # "年初预算安排收入…,支出…") and names the target with the rate's word
        if figures is None:
            figures = [q for q in previous.quantities if not q.is_percent and q.unit is not None]
        if len(figures) != 1:
            return
        target = figures[0]
        if word not in unglossed(view[previous.start : target.start]):
            continue
        found = _amount_before(view, qs, target, verb_at)
        if found is not None and found[0].quantity.start >= sentence.start:
            bound, others = found
            amount = bound.quantity
            yield completion_claim(
                "target", rate, (amount, target, *others),
                f"{amount.text} / {target.text} = {rate.text}",
                start=target.start,
                bindings=(bound, named("target", target, f"the one {word} of the sentence before")),
            )


# -- "超额完成…任务的124%": the direction only


def over(view: str, sentence: Sentence, qs: tuple[Quantity, ...]) -> Iterator[Claim]:
    """``超额完成…任务的124%``: the rate said to exceed its target (above 100%)."""
    for word in cues()["completion"]["over"]:
        at = view.find(word, sentence.start, sentence.end)
        if at < 0:
            continue
        rate = next((q for q in qs if q.start > at and q.is_percent), None)
        if rate is None or any(ch in "，,；;。" for ch in view[at : rate.start]):
            continue
        head = unglossed(view[at : rate.start])
        if not any(head.endswith(t + "的") for t in cues()["completion"]["targets"]):
            continue  # "超额完成…下降4%…的目标": the figure is part of the target itself
        yield completion_claim("over", rate, (), f"{rate.text} > 100%", start=at)
