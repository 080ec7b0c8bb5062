"""Change claims: a figure before, a figure after, and the change the text says lies between.

What it reads, one sentence at a time (cue words in ``data/cues/changes.toml``):

* a **level and its changes**: ``受理各类案件50101件,同比增长34.11%,…增加12077件`` → the
  stated rate must be the absolute change over the base it implies, 12077 / (50101 − 12077);
* the same with the changes stated **before the level** they lead to: ``增加5,000万元,增长
  20%,达到30,000万元``, ``较上年的1,250件增长了12.4%,达到1,405件``, ``下跌9.6%…至744.6亿元``;
  and an earlier figure named alone, ``比上年的1,200件增加150件,增长12.5%`` → 150 / 1200;
* a **before/after pair and its changes**: ``由3.7个压缩至3.2个,压缩率13.51%`` →
  (3.7 − 3.2) / 3.7;
  a level with its earlier figure named in a comparison, ``72,716万元,…比上年42,895万元增加
  29,821万元,增幅69.52%`` → 72,716 − 42,895 = 29,821 and (72,716 − 42,895) / 42,895;
  ``性别比为103.46,与…107.33相比,下降3.87个百分点`` → 103.46 − 107.33;
* a change in **percentage points** (``个百分点``) is the difference of two figures, never
  their ratio; a change written as ``%`` between two rates (``由59.7%上升到61.74%,上升
  2.04%``) is ambiguous: if only the points reading fits it is a note (``C306``), and if
  neither reading fits it stays undecided (``C307``), never an error;
* a **whole count and its rate** with the earlier count unstated, ``网络投诉共178件,与上月
  相比上升44.4%``: some whole earlier count n must give 178 ÷ n − 1 (the granularity test
  applied to a change; n = 123 gives 44.72%, n = 124 gives 43.55%: error ``C310``);
* figures paired by position, ``收案X件、结案Y件,同比分别增长a%、b%,分别增加c件、d件``;
* a rate stated as the gap to a reference rate named by subject, ``同比增长5.3%,高于GDP
  增速1.1个百分点`` → 5.3 − (the one GDP growth earlier sentences state);
* ``增长N倍`` read as ×(N + 1); a fit only as ×N is a note (``C308``);
* an **average annual rate** over a pair dated by years, ``从2018年的3,560万元增加到2023年的
  5,120万元,年均增长7.5%`` → (5120 / 3560)^(1/5) − 1, checked by raising the rate's
  interval to the power (exact; no root decides).

Rounding: each claim is first computed from the figures as printed. When that fails but
the inputs are themselves rounded (decimals, 万/亿 scales, units of measurement, or an
average such as ``平均…24天``) they are widened to every value that prints as them, and a
fit there is a note with the interval (``C302``); only truncation → warning (``C303``);
then the other readings the text leaves room for (:mod:`.alternatives`: the level listed
before, a level of the earlier period as the base), then rounding in steps (warning
``C311``); otherwise an error (``C301`` rate, ``C304`` absolute change, ``C305`` points).

Left alone, on purpose: a rate of a figure that is not a whole count with no base in its
sentence, annual rates without two dated figures, growth at comparable prices (nominal
figures cannot reproduce it; told by 可比价/实际增长 in the sentence or 增加值/生产总值
naming the level), ``各`` pairs across sentences, and a figure right after a character a
mirror could not decode (``合计?8055亿元``: digits may be lost).
The package: :mod:`.words` (the cue words and what a figure is, given the words before
it), :mod:`.reading` (a sentence into level groups), :mod:`.forms` (the claims built from
them, their bindings and formulas), :mod:`.respective` and :mod:`.gaps` (two more
readings), :mod:`.alternatives` (readings before an error), :mod:`.arithmetic`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ...claim import Claim
from ...quantities import Quantity
from ...verdicts import Outcome, RoundingPolicy, Verdict
from .._folded import folded
from .._match import Context, fmt_interval
from .._stepwise import in_steps
from ..binding import first_reproducing, lost_digits
from .alternatives import EARLIER_LEVEL, RIVAL, alternatives
from .arithmetic import check_change
from .earlier import SIBLING, blamed, check_earlier, earlier_claims
from .forms import (
    KIND,
    annual_rate_claim,
    based_rate_claim,
    change_claim,
    level_rate_claim,
    pair_bindings,
    plain_count,
    whole_base_claims,
)
from .gaps import rate_gaps
from .reading import FOLLOWS, Group, groups, rival_level
from .respective import RESPECTIVE_HEAD, respective
from .words import EARLIER, SKIP, Change, may_change

__all__ = ["KIND", "check", "extract"]


# ---------------------------------------------------------------- claims


def extract(ctx: Context) -> Iterator[Claim]:
    """Every change claim of the text, in text order."""
    text = folded(ctx)
    for sentence in ctx.with_figures():
        if len(sentence.quantities) < 2:
            continue  # a change needs a level or a base beside it
        if not may_change(text, sentence.start, sentence.end):
            continue  # no cue word at all: no figure of it is a change
        real = _REAL.search(text, sentence.start, sentence.end) is not None
        previous: Group | None = None
        for group in groups(ctx, sentence):
            measured_real = real or _real_measure(group.label)
            yield from _claims(ctx, group, measured_real, rival_level(text, previous, group))
            previous = group
        if (
            not real
            and not _real_measure(text[sentence.start : sentence.end])
            and RESPECTIVE_HEAD.search(text, sentence.start, sentence.end)
        ):
            yield from respective(ctx, sentence)
    yield from rate_gaps(ctx)


#: words saying a rate is at comparable prices (按可比价格计算, 实际增长): a sentence with
#: one has no rate its nominal amounts could reproduce
_REAL = re.compile("|".join(map(re.escape, SKIP["real"])))
#: measures whose growth is published at comparable prices (增加值, 生产总值): a level
#: named by one has no rate its nominal amounts could reproduce
_REAL_MEASURE = re.compile("|".join(map(re.escape, SKIP["real_measures"])))
_INTENSITY = tuple(SKIP["intensity"])


def _real_measure(label: str) -> bool:
    """Does ``label`` name a measure whose growth is real (增加值, 生产总值)? Not when the
    word only names a ratio to GDP (``万元地区生产总值能耗``)."""
    for m in _REAL_MEASURE.finditer(label):
        if not label.startswith(_INTENSITY, m.end()):
            return True
    return False


def _claims(
    ctx: Context, group: Group, real: bool, rival: Quantity | None = None
) -> Iterator[Claim]:
    if not group.changes or _damaged(ctx, group.level):
        return
    first = min(group.level.start, group.changes[0].q.start)
    span = folded(ctx)[first : max(group.level.end, group.changes[-1].q.end)]
    if any(w in span for w in SKIP["respective"]):
        return
    after, before = group.level, group.before
    rates = [c for c in group.changes if c.kind == "rate" and not c.annual]
    annual = [c for c in group.changes if c.annual]
    amounts = [c for c in group.changes if c.kind == "amount" and c.q.unit == after.unit]
    points = [c for c in group.changes if c.kind == "points"]
    if group.based:
        if len(amounts) == 1 and len(rates) == 1 and not real and amounts[0].sign == rates[0].sign:
            yield based_rate_claim(ctx, after, amounts[0], rates[0])
        return
    if before is None:
        if len(amounts) == 1 and len(rates) == 1 and not real and not after.is_percent:
            d, r = amounts[0], rates[0]
            if d.sign == r.sign:
                claim = level_rate_claim(ctx, after, d, r, group.how)
                if rival is not None:  # kept last, after the two inputs the check reads
                    claim = replace(claim, start=min(claim.start, rival.start),
                                    parts=(*claim.parts, rival),
                                    details={**claim.details, RIVAL: rival.text})
                if any(w in group.label for w in EARLIER) or _of_this_period(ctx, d):
                    claim = replace(claim, details={**claim.details, EARLIER_LEVEL: "1"})
                yield claim
        elif not amounts and not real and plain_count(ctx, after):
            for r in group.near:
                if r.kind == "rate" and r.compared and r.q.unit == "%" and not r.annual:
                    yield from whole_base_claims(after, r, group.how)
        return
    if before.unit != after.unit or _damaged(ctx, before):
        return
    bound = pair_bindings(before, after, _COMPARED if group.how == FOLLOWS else group.how)
    amount = change_claim(ctx, "amount", amounts[0], (before, after), bound) if len(amounts) == 1 else None
    if len(points) == 1 and (after.is_percent or after.unit is None):
        yield change_claim(ctx, "points", points[0], (before, after), bound)
    rate = None
    if len(rates) == 1 and not real:
        kind = "rate-of-rate" if after.is_percent else "rate"
        rate = change_claim(ctx, kind, rates[0], (before, after), bound)
    if amount is not None and rate is not None and amounts[0].sign == rates[0].sign:
        yield from earlier_claims(amount, rate)  # one wrong earlier figure, reported once
    else:
        yield from (c for c in (amount, rate) if c is not None)
    if len(annual) == 1 and group.years and not real and not after.is_percent:
        yield annual_rate_claim(ctx, annual[0], (before, after), bound, group.years)


#: words saying a change is of this period (``今年增加150件``): said after a level, they
#: leave room for the level being the earlier one
_THIS_PERIOD = ("今年", "本年")


def _of_this_period(ctx: Context, d: Change) -> bool:
    """Is the change ``d`` said of this period in its own words (``,今年增加150件``)?"""
    head = folded(ctx)[max(0, d.q.start - 8) : d.q.start]
    return any(w in head[head.rfind(",") + 1 :].split("，")[-1] for w in _THIS_PERIOD)


#: how the earlier figure of a comparison is bound ("比上年42,895万元增加…")
_COMPARED = "the comparison names the earlier figure"


def _damaged(ctx: Context, q: Quantity) -> bool:
    """Is ``q`` after a character lost in decoding (``合计?8055亿元`` for 18055)? Such a
    figure is no level to check a change against (:func:`..binding.lost_digits`)."""
    return lost_digits(ctx.text, q)


# ---------------------------------------------------------------- checking


def check(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Check one change claim: printed figures first, then rounded inputs, then truncation
    (see :func:`.arithmetic.check_change`); before an error, the other readings the text
    leaves room for (:mod:`.alternatives`), then rounding in steps (C311)."""
    if claim.details["relation_kind"] == "earlier":
        return check_earlier(claim, policy)
    extra = RIVAL in claim.details or SIBLING in claim.details
    outcome = check_change(replace(claim, parts=claim.parts[:2]) if extra else claim, policy)
    if outcome.verdict is not Verdict.INCONSISTENT:
        return outcome
    if SIBLING in claim.details and blamed(claim, policy):
        # the earlier figure alone is wrong: its own claim reports it (C312)
        return Outcome(Verdict.UNDECIDABLE, None, outcome.computed, None, outcome.params)
    hit = first_reproducing(claim.stated, alternatives(claim), policy)
    if hit is not None:
        reading, j = hit
        params = {**outcome.params, "reading": reading.label}
        if j.computed is not None:
            params["value"] = params["computed"] = fmt_interval(
                j.computed, percent=claim.stated.is_percent
            )
        return Outcome(Verdict.CONSISTENT, None, j.computed, j.mode, params)
    return in_steps(outcome, claim.stated, outcome.computed, "C311") if outcome.code == "C301" else outcome
