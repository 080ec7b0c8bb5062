"""Completion rates of several amounts read together.

* two rates of one sentence, each with its amount (``完成总时长7068.88小时,完成度182.09%,
  …7545.34小时,完成度194.37%``): the targets they imply are compared;
* a total's rate and its parts' rates (``完成34096万元,为年预算的32.3%。其中:…21334万元,
  为年预算的28.9%;…12762万元,为年预算的40.4%``): the parts' targets add up to the total's.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from ...claim import Claim
from ...quantities import Quantity
from .._match import Sentence, figure_interval
from ..binding import named
from .common import completion_claim, cues, near, same_unit

__all__ = ["parts_targets", "rate_pairs", "shared_target"]

# -- two rates with their amounts: "完成总时长7068.88小时,完成度182.09%,…,完成度194.37%"


def rate_pairs(view: str, qs: tuple[Quantity, ...]) -> list[tuple[Quantity, Quantity, str]]:
    """(amount, rate, rate name) for each rate written right after its amount."""
    names = cues()["completion"]["rate_names"]
    pairs: list[tuple[Quantity, Quantity, str]] = []
    for i, rate in enumerate(qs):
        if not rate.is_percent or i == 0:
            continue
        amount = qs[i - 1]
        if amount.is_percent or amount.unit is None:
            continue  # the cheap tests first: most figures are no amount beside a rate
        head = view[max(amount.end, rate.start - 12) : rate.start].rstrip("为达了")
        if not head.endswith(names):
            continue
        name = next(n for n in names if head.endswith(n))
        pairs.append((amount, rate, name))
    return pairs


def shared_target(
    view: str, qs: tuple[Quantity, ...], pairs: list[tuple[Quantity, Quantity, str]]
) -> Iterator[Claim]:
    """Two rates of one sentence, each with its amount: the targets they imply."""
    for (a1, r1, n1), (a2, r2, n2) in itertools.pairwise(pairs):
        if n1 != n2 or not same_unit(a1, a2) or any(c in view[r1.end : a2.start] for c in "；;"):
            continue  # separate clauses of a list ("…65.3%;…64.32%") have separate targets
        # "群防完成总时长…,个人巡逻完成总时长…": the same measure words before both
        # amounts make a shared target likely, so a disagreement is worth a warning
        same = _common_tail(_label(view, qs, a1), _label(view, qs, a2)) >= 3
        how = f"{n1} written after it"
        yield completion_claim(
            "shared", r2, (a1, r1, a2), f"{a1.text} / {r1.text} ≈ {a2.text} / {r2.text}",
            bindings=(named("amount", a1, how), named("rate", r1, how), named("amount", a2, how)),
            same="1" if same else "",
        )


def _label(view: str, qs: tuple[Quantity, ...], q: Quantity) -> str:
    """The words of ``q``'s clause before it, after any earlier figure."""
    # the figure just before q ends where its label starts (found by bisection: a long
    # sentence of rates is read in linear time)
    before = [p for p in near(qs, q.start - _LABEL_REACH, q.start) if p.end <= q.start]
    start = before[-1].end if before else max(0, q.start - _LABEL_REACH)
    text = view[start : q.start]
    cut = max(text.rfind(c) for c in "，,；;：:")
    return text[cut + 1 :]


#: how far back a rate's amount's label is read
_LABEL_REACH = 60


def _common_tail(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


# -- a total's rate and its parts' rates: "完成34096万元,为年预算的32.3%。其中:…21334万元,
#    为年预算的28.9%;…12762万元,为年预算的40.4%": the parts' targets add up to the total's


def parts_targets(
    view: str, sentences: Sequence[Sentence], pairs: list[list[tuple[Quantity, Quantity, str]]]
) -> Iterator[Claim]:
    """A total's rate and the rates of its parts in the 其中 sentence after it
    (``sentences``: those holding figures, ``pairs``: the amounts and rates of each)."""
    subset = cues()["completion"]["subset"]
    for k, (first, second) in enumerate(itertools.pairwise(sentences)):
        if second.index != first.index + 1 or first.paragraph != second.paragraph:
            continue
        total, parts = pairs[k], pairs[k + 1]
        if len(total) != 1 or len(parts) < 2:
            continue
        if not any(view[second.start : second.start + 4].lstrip().startswith(w) for w in subset):
            continue
        a0, r0, name = total[0]
        if any(n != name or not same_unit(a, a0) for a, _, n in parts):
            continue
        amounts = [figure_interval(a) for a, _, _ in parts]
        whole = figure_interval(a0)
        if whole is None or any(iv is None for iv in amounts):
            continue
        if not whole.intersects(sum(amounts[1:], amounts[0])):  # type: ignore[arg-type]
            continue  # the parts are not the whole: their targets need not add up
        figures = tuple(q for a, r, _ in parts for q in (a, r))
        relation = f"{a0.text} / {r0.text} = " + " + ".join(f"{a.text} / {r.text}" for a, r, _ in parts)
        bindings = (
            named("total", a0, f"{name} of the sentence before 其中"),
            *(named("part", q, "其中 frame") for q in figures),
        )
        yield completion_claim("parts", r0, (a0, *figures), relation, bindings=bindings)
