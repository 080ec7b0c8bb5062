"""Completion of a target, and comparisons with a threshold.

Completion (cue words in ``data/cues/completion.toml``, table ``[completion]``):

* amount, target and rate all stated: ``基金收入72,716万元,完成年初预算31,700万元的
  229.39%`` → 72716 / 31700 must round to 229.39%;
* the target given as a difference: ``支出总计1741.75万元…完成年初预算100%,决算数大于
  预算数55.93万元`` → 1741.75 / (1741.75 − 55.93) = 103.32%, not 100%;
* two rates of one sentence, each with its amount (``完成总时长7068.88小时,完成度182.09%,
  …7545.34小时,完成度194.37%``): the targets they imply are compared; when they differ
  the two may simply have different targets, so that is undecidable, never an error;
* ``超额完成…任务的124%``: only the direction can be checked, above 100%.

Comparison (table ``[comparison]``): ``参考率为84.1%,超过自治区要求的参考率达到80%的
标准``: the stated relation (>, <, ≥, ≤) between the figure just before the word and a
threshold after it must hold for some true values the two printed figures allow.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from fractions import Fraction

import regex

from ..claim import Claim
from ..intervals import IndeterminateDivision, Interval, RoundingMode
from ..quantities import Quantity
from ..verdicts import Outcome, RoundingPolicy, Verdict
from ._comparisons import check_comparison, comparisons
from ._folded import folded
from ._match import Context, Sentence, figure_interval, fmt_interval, judge, load_cues

__all__ = ["KIND", "check", "extract"]

KIND = "completion"

_ONE = Fraction(1)


@functools.cache
def _cues() -> dict[str, dict[str, tuple[str, ...]]]:
    return load_cues("completion")


def extract(ctx: Context) -> Iterator[Claim]:
    """Every completion and comparison claim of the text, unchecked."""
    view = folded(ctx)
    # each sentence's (amount, rate) pairs, read once: the parts test reads every
    # sentence twice (as a total, then as the parts), the shared-target test once more
    pairs = [_rate_pairs(view, s.quantities) for s in ctx.sentences]
    yield from _parts_targets(ctx, view, pairs)
    for sentence, sentence_pairs in zip(ctx.sentences, pairs, strict=True):
        qs = sentence.quantities
        if not qs:
            continue
        if any(q.is_percent for q in qs):  # every rate test reads a percentage
            yield from _with_target(view, sentence, qs)
            yield from _earlier_target(ctx, view, sentence, qs)
            yield from _shared_target(view, qs, sentence_pairs)
            yield from _over(view, sentence, qs)
        for first, second, relation, word in comparisons(view, sentence, qs):
            yield _claim("comparison", first, (second,), f"{first.text} {word} {second.text}",
                         op=relation, word=word)


def _claim(form: str, stated: Quantity, parts: tuple[Quantity, ...], relation: str,
           start: int | None = None, **details: str) -> Claim:
    figures = (stated, *parts)
    return Claim(
        kind=KIND,
        start=min(q.start for q in figures) if start is None else start,
        end=max(q.end for q in figures),
        stated=stated,
        parts=parts,
        relation=relation,
        details={"form": form, **details},
    )


def _same_unit(a: Quantity, b: Quantity) -> bool:
    return a.unit is not None and a.unit == b.unit


def _amount_before(
    view: str, qs: tuple[Quantity, ...], like: Quantity, before: int
) -> Quantity | None:
    """The last figure in the unit of ``like`` that ends before ``before`` and is not a
    change ("减少53.7万元"): the amount completed ("支出总计1741.75万元…完成年初预算100%")."""
    changes = _cues()["completion"]["changes"]
    candidates = [
        q for q in qs
        if q.end <= before and q is not like and _same_unit(q, like)
        and not any(view[max(0, q.start - 6) : q.start].rstrip("了").endswith(w) for w in changes)
    ]
    return candidates[-1] if candidates else None


# -- amount, target and rate: "…72,716万元,完成年初预算31,700万元的229.39%"


def _with_target(view: str, sentence: Sentence, qs: tuple[Quantity, ...]) -> Iterator[Claim]:
    cues = _cues()["completion"]
    for i, rate in enumerate(qs):
        if not rate.is_percent:
            continue
        before = view[max(sentence.start, rate.start - 24) : rate.start]
        verb = _last_verb(before, cues["verbs"])
        if verb is None:
            continue
        verb_at = rate.start - len(before) + verb
        target = qs[i - 1] if i > 0 else None
        if target is not None and target.start > verb_at and not target.is_percent:
            if view[target.end : rate.start] not in cues["of"]:
                continue
            if not any(t in view[verb_at : target.start] for t in cues["targets"]):
                continue
            amount = _amount_before(view, qs, target, verb_at)
            if amount is not None:
                yield _claim("target", rate, (amount, target), f"{amount.text} / {target.text} = {rate.text}")
            continue
        # "完成年初预算100%,决算数大于预算数55.93万元": the target is the amount less the excess
        # "完成年初预算100%" or "完成预算的102.44%"
        named = _unglossed(view[verb_at : rate.start]).removesuffix("的")
        if not any(named.endswith(t) for t in cues["targets"]):
            continue
        found = _excess(view, sentence, qs, rate)
        if found is None:
            continue
        sign, diff = found
        amount = _amount_before(view, qs, diff, verb_at)
        if amount is not None:
            op = "−" if sign > 0 else "+"
            yield _claim("excess", rate, (amount, diff),
                         f"{amount.text} / ({amount.text} {op} {diff.text}) = {rate.text}",
                         sign=str(sign))


_GLOSS = regex.compile(r"\([a-zA-Z\u00e0-\u01dc]+\)")


def _unglossed(text: str) -> str:
    """``text`` without pinyin glosses that mirror sites insert ("预(yù)算")."""
    return _GLOSS.sub("", text)


def _last_verb(text: str, verbs: tuple[str, ...]) -> int | None:
    hits = [text.rfind(v) for v in verbs]
    best = max(hits, default=-1)
    return best if best >= 0 else None


def _excess(view: str, sentence: Sentence, qs: tuple[Quantity, ...], rate: Quantity
            ) -> tuple[int, Quantity] | None:
    cues = _cues()["completion"]
    for q in qs:
        if q.start <= rate.end or q.is_percent:
            continue
        lead = _unglossed(view[max(rate.end, q.start - 30) : q.start])
        if any(lead.endswith(w) for w in cues["excess"]):
            return 1, q
        if any(lead.endswith(w) for w in cues["shortfall"]):
            return -1, q
    return None


# -- the target printed a sentence before: "年初预算安排45.6亿元。全年完成47.2亿元,完成年初预算的103.5%"


def _earlier_target(
    ctx: Context, view: str, sentence: Sentence, qs: tuple[Quantity, ...]
) -> Iterator[Claim]:
    cues = _cues()["completion"]
    previous = ctx.previous(sentence)
    if previous is None:
        return
    figures: list[Quantity] | None = None  # read once, when a rate needs them
    for i, rate in enumerate(qs):
        if not rate.is_percent or (i > 0 and not qs[i - 1].is_percent and qs[i - 1].start > rate.start - 24
                                   and view[qs[i - 1].end : rate.start] in cues["of"]):
            continue  # the target is printed right before the rate: _with_target reads it
        before = view[max(sentence.start, rate.start - 24) : rate.start]
        verb = _last_verb(before, cues["verbs"])
        if verb is None:
            continue
        verb_at = rate.start - len(before) + verb
        named = _unglossed(view[verb_at : rate.start])
        if not named.endswith("的"):
            continue
        word = next((t for t in cues["targets"] if named.removesuffix("的").endswith(t)), None)
        if word is None or len(word) < 3 or _excess(view, sentence, qs, rate) is not None:
            continue  # a short word (预算, 目标) may name another target than the one before
        # the sentence before holds one figure in a unit (a budget of one thing, not
        # "年初预算安排收入…,支出…") and names the target with the rate's word
        if figures is None:
            figures = [q for q in previous.quantities if not q.is_percent and q.unit is not None]
        if len(figures) != 1:
            return
        target = figures[0]
        if word not in _unglossed(view[previous.start : target.start]):
            continue
        amount = _amount_before(view, qs, target, verb_at)
        if amount is not None and amount.start >= sentence.start:
            yield _claim("target", rate, (amount, target),
                         f"{amount.text} / {target.text} = {rate.text}", start=target.start)


# -- two rates with their amounts: "完成总时长7068.88小时,完成度182.09%,…,完成度194.37%"


def _rate_pairs(view: str, qs: tuple[Quantity, ...]) -> list[tuple[Quantity, Quantity, str]]:
    """(amount, rate, rate name) for each rate written right after its amount."""
    names = _cues()["completion"]["rate_names"]
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


def _shared_target(
    view: str, qs: tuple[Quantity, ...], pairs: list[tuple[Quantity, Quantity, str]]
) -> Iterator[Claim]:
    for (a1, r1, n1), (a2, r2, n2) in itertools.pairwise(pairs):
        if n1 != n2 or not _same_unit(a1, a2) or any(c in view[r1.end : a2.start] for c in "；;"):
            continue  # separate clauses of a list ("…65.3%;…64.32%") have separate targets
        # "群防完成总时长…,个人巡逻完成总时长…": the same measure words before both
        # amounts make a shared target likely, so a disagreement is worth a warning
        same = _common_tail(_label(view, qs, a1), _label(view, qs, a2)) >= 3
        yield _claim("shared", r2, (a1, r1, a2),
                     f"{a1.text} / {r1.text} ≈ {a2.text} / {r2.text}", same="1" if same else "")


def _label(view: str, qs: tuple[Quantity, ...], q: Quantity) -> str:
    """The words of ``q``'s clause before it, after any earlier figure."""
    start = max([p.end for p in qs if p.end <= q.start] + [0])
    text = view[start : q.start]
    cut = max(text.rfind(c) for c in "，,；;：:")
    return text[cut + 1 :]


def _common_tail(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


# -- a total's rate and its parts' rates: "完成34096万元,为年预算的32.3%。其中:…21334万元,
#    为年预算的28.9%;…12762万元,为年预算的40.4%": the parts' targets add up to the total's


def _parts_targets(
    ctx: Context, view: str, pairs: list[list[tuple[Quantity, Quantity, str]]]
) -> Iterator[Claim]:
    subset = _cues()["completion"]["subset"]
    for k, (first, second) in enumerate(itertools.pairwise(ctx.sentences)):
        if first.paragraph != second.paragraph:
            continue
        total, parts = pairs[k], pairs[k + 1]
        if len(total) != 1 or len(parts) < 2:
            continue
        if not any(view[second.start : second.start + 4].lstrip().startswith(w) for w in subset):
            continue
        a0, r0, name = total[0]
        if any(n != name or not _same_unit(a, a0) for a, _, n in parts):
            continue
        amounts = [figure_interval(a) for a, _, _ in parts]
        whole = figure_interval(a0)
        if whole is None or any(iv is None for iv in amounts):
            continue
        if not whole.intersects(sum(amounts[1:], amounts[0])):  # type: ignore[arg-type]
            continue  # the parts are not the whole: their targets need not add up
        figures = tuple(q for a, r, _ in parts for q in (a, r))
        relation = f"{a0.text} / {r0.text} = " + " + ".join(f"{a.text} / {r.text}" for a, r, _ in parts)
        yield _claim("parts", r0, (a0, *figures), relation)


# -- "超额完成…任务的124%": the direction only


def _over(view: str, sentence: Sentence, qs: tuple[Quantity, ...]) -> Iterator[Claim]:
    for word in _cues()["completion"]["over"]:
        at = view.find(word, sentence.start, sentence.end)
        if at < 0:
            continue
        rate = next((q for q in qs if q.start > at and q.is_percent), None)
        if rate is None or any(ch in "，,；;。" for ch in view[at : rate.start]):
            continue
        head = _unglossed(view[at : rate.start])
        if not any(head.endswith(t + "的") for t in _cues()["completion"]["targets"]):
            continue  # "超额完成…下降4%…的目标": the figure is part of the target itself
        yield _claim("over", rate, (), f"{rate.text} > 100%", start=at)


# ---------------------------------------------------------------- checking


def check(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Judge a completion or comparison claim with exact interval arithmetic."""
    form = claim.details["form"]
    if form == "comparison":
        return check_comparison(claim)
    if form == "over":
        iv = figure_interval(claim.stated)
        if iv is None or iv.high > _ONE:
            return Outcome(Verdict.CONSISTENT, computed=iv)
        return Outcome(Verdict.INCONSISTENT, code="C603", computed=iv)
    if form == "shared":
        return _check_shared(claim)
    if form == "parts":
        return _check_parts(claim)
    amount, other = claim.parts

    def compute(mode: RoundingMode) -> Interval | None:
        a, b = figure_interval(amount, mode), figure_interval(other, mode)
        if a is None or b is None:
            return None
        if form == "excess":
            b = a - b if claim.details["sign"] == "1" else a + b
        try:
            return a / b
        except IndeterminateDivision:
            return None

    j = judge(compute, claim.stated, policy)
    params = {"amount": amount.text, "target": other.text,
              "relation_calc": claim.relation.rsplit(" = ", 1)[0],
              "computed_pct": fmt_interval(j.computed, percent=True) if j.computed else ""}
    params["value"] = params["computed_pct"]
    if j.verdict is Verdict.INCONSISTENT:
        code = "C604" if form == "excess" else "C601"
        return Outcome(j.verdict, code=code, computed=j.computed, params=params)
    if j.verdict is Verdict.CONDITIONAL:
        return Outcome(j.verdict, code="C602", computed=j.computed, mode=j.mode, params=params)
    return Outcome(j.verdict, computed=j.computed, mode=j.mode, params=params)


def _check_shared(claim: Claim) -> Outcome:
    a1, r1, a2 = claim.parts
    r2 = claim.stated
    ivs = [figure_interval(q) for q in (a1, r1, a2, r2)]
    if any(iv is None for iv in ivs):
        return Outcome(Verdict.UNDECIDABLE)
    try:
        t1 = ivs[0] / ivs[1]  # type: ignore[operator]
        t2 = ivs[2] / ivs[3]  # type: ignore[operator]
    except IndeterminateDivision:
        return Outcome(Verdict.UNDECIDABLE)
    if t1.intersects(t2):
        return Outcome(Verdict.CONSISTENT, computed=Interval(max(t1.low, t2.low), min(t1.high, t2.high)))
    # two different targets are possible: nothing the text says is contradicted, but the
    # author may want to know the two rates do not share one
    params = {"first": f"{a1.text} / {r1.text}", "second": f"{a2.text} / {r2.text}",
              "value": f"{fmt_interval(t1)} ≠ {fmt_interval(t2)}"}
    if claim.details.get("same"):  # consistent only if the two have different targets
        return Outcome(Verdict.CONDITIONAL, code="C605", computed=t2, params=params)
    return Outcome(Verdict.UNDECIDABLE, code="C607", computed=t2, params=params)


def _check_parts(claim: Claim) -> Outcome:
    """The target the total's rate implies against the sum of the parts' targets."""
    a0, *rest = claim.parts
    try:
        whole = _target(a0, claim.stated)
        targets = [_target(a, r) for a, r in zip(rest[::2], rest[1::2], strict=True)]
    except IndeterminateDivision:
        return Outcome(Verdict.UNDECIDABLE)
    if whole is None or any(t is None for t in targets):
        return Outcome(Verdict.UNDECIDABLE)
    summed = sum(targets[1:], targets[0])  # type: ignore[arg-type]
    params = {"value": f"{fmt_interval(whole)} / {fmt_interval(summed)}",
              "whole": fmt_interval(whole), "summed": fmt_interval(summed)}
    if whole.intersects(summed):
        return Outcome(Verdict.CONSISTENT, computed=summed, params=params)
    return Outcome(Verdict.INCONSISTENT, code="C606", computed=summed, params=params)


def _target(amount: Quantity, rate: Quantity) -> Interval | None:
    a, r = figure_interval(amount), figure_interval(rate)
    return None if a is None or r is None else a / r
