"""Shares and rates: a printed percentage against the counts it is taken from.

Cues (``data/cues/shares.toml``): 占比 / 占 / 比例 / 占总量的 before a percentage make it
a share of a total; a name ending in 率 (调解成功率, 办结率) makes it a rate. Words of
change (同比, 增长) leave it to the change checks; rates an identity of official
statistics defines (城镇化率) to the identities check.

Every operand is read by the binding layer (``claims/binding``), which records how the
text ties it: the part (:mod:`.binding.percents`: the share's own clause, the figure its
subject or its rate names, the count a 分别 run aligns with it), the base
(:mod:`.binding.bases`: the figure the share names in words, the whole of its 其中 frame,
the figure the rate is usually taken over, a 共 total, a total sentences before), and the
other readings tried before an error (:mod:`.binding.readings`). A rate named by a
negated group (不起诉率) is taken over its two groups, both stated (a mismatch is the
warning C205: the rate may be defined on another base). Lists of shares are solved
together (:mod:`._share_lists`).

Claims (kind ``share``): ``stated`` is the percentage; ``parts`` are the part and then
every candidate base; the check asks whether part / base, every rounded figure read as
its interval, rounds to the percentage under an accepted mode (consistent), only under
truncation (warning, C202), or not at all: then the other readings are tried, and only
when none holds is it an error (C201; C903 with several candidate bases, none holding).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..claim import Binding, Claim, Reading
from ..intervals import IndeterminateDivision, Interval, RoundingMode
from ..quantities import Quantity
from ..verdicts import Outcome, RoundingPolicy, Verdict
from ._match import (
    Context,
    Judgement,
    family,
    figure_interval,
    fmt_figure,
    fmt_interval,
    judge,
)
from ._share_lists import TOTAL_KIND, check_list, check_total, list_claim, total_claims
from .binding import alternatives, consensus, first_reproducing, named
from .binding.bases import bases_for
from .binding.frames import wholes
from .binding.percents import (
    NEGATIONS,
    SHORT,
    Cue,
    StatedShare,
    is_part,
    part_of,
    stated_shares,
    subject_of,
)
from .binding.reach import figures_before
from .binding.readings import confirmed, share_readings
from .binding.siblings import stated_consensus

__all__ = ["KIND", "check", "extract"]

KIND = "share"


def extract(ctx: Context) -> Iterator[Claim]:
    """Every share or rate whose part and base the text states, every list of shares of
    the sum of their parts, and every stated total such a list contradicts."""
    made: list[tuple[StatedShare, Claim]] = []
    for share in stated_shares(ctx):
        if share.cue.kind == "definitional":
            framed = _framed_rate(ctx, share)
            if framed is not None:
                yield framed
            continue
        part = part_of(ctx, share)
        pair = _complement(ctx, share)
        if pair is not None:
            # "决定起诉2012人,不起诉326人,不起诉率13.9%": the two groups its name sets apart
            # are a closer base than a total of cases or people stated before them
            yield _sum_claim(share.pct, *pair, share.cue)
            continue
        bases = (
            [b for b in bases_for(ctx, part.quantity, share.sentence, share.cue, subject_of(ctx, share)) if b.quantity.start != part.quantity.start]
            if part
            else []
        )
        if part is not None and not bases:
            agreed = stated_consensus(ctx, share)
            if agreed is not None:
                base, members = agreed
                bases = [consensus("base", base, f"{len(members) - 1} of the {len(members)} shares of its list agree on it")]
        if part is None or not bases:
            listed = list_claim(ctx, share, part) if part is not None else None
            if listed is not None:
                yield listed
            continue
        bases = [confirmed(ctx, share, b) for b in bases]
        claim = _claim(share, part, bases, share_readings(ctx, share, part, bases))
        made.append((share, claim))
        yield claim
    yield from total_claims(ctx, made)


def _framed_rate(ctx: Context, share: StatedShare) -> Claim | None:
    """A rate that may be defined on another base (纠错率, 胜诉率), checked when a 其中
    frame names both its counts: "审结120件,其中纠错24件,纠错率20%" → 24 / 120. The whole
    less another figure of the paragraph (the withdrawn cases) is tried before an error."""
    part = part_of(ctx, share)
    if part is None or not part.how.startswith("named by"):
        return None
    whole = wholes(ctx).get(part.quantity.start)
    if whole is None:
        return None
    base = named("base", whole, "the whole of its 其中 frame")
    others = [
        q
        for sentence in ctx.window(share.sentence, before=2)
        for q in figures_before(sentence, share.pct.start)
        if family(q) == family(whole) and q.value < whole.value and q.start != part.quantity.start
    ]
    readings = tuple(Reading(f"over {whole.text} less {q.text}", (whole,), (q,)) for q in others[-8:])
    return _claim(share, part, [base], readings)


def _claim(share: StatedShare, part: Binding, bases: list[Binding], readings: tuple[Reading, ...]) -> Claim:
    pct, p, base = share.pct, part.quantity, bases[0].quantity
    figures = (pct, p, *(b.quantity for b in bases))
    return Claim(
        kind=KIND,
        start=min(q.start for q in figures),
        end=max(q.end for q in figures),
        stated=pct,
        parts=tuple(figures[1:]),
        relation=f"{pct.text} = {fmt_figure(p)} / {fmt_figure(base)}",
        details={"part": p.text, "base": base.text, "cue": share.cue.word},
        bindings=(part, *bases),
        readings=readings,
    )


def _complement_forms(stem: str) -> tuple[tuple[str, ...], str] | None:
    """How the text may write the negated group a rate names (不捕, 不批准逮捕, 不逮捕 for
    不捕), and the other group's verb (逮捕); None when the name is not negated."""
    forms: tuple[str, ...] = ()
    for short, full in SHORT.items():
        if stem.endswith(short):
            stem, forms = stem[: -len(short)] + full, (short,)
            break
    # the last negation in the name: 未成年人不起诉 negates 起诉, not 成年人…
    for i in range(len(stem) - 3, -1, -1):
        n = next((n for n in sorted(NEGATIONS, key=len, reverse=True) if stem.startswith(n, i)), None)
        if n is not None and len(stem) - i - len(n) >= 2:
            verb = stem[i + len(n) :]
            core = verb[-2:]  # 批准逮捕 is also written 逮捕 (批准和决定逮捕)
            return (*forms, *(m + w for m in NEGATIONS for w in {verb, core})), core
    return None


def _complement(ctx: Context, share: StatedShare) -> tuple[Quantity, Quantity, Quantity | None] | None:
    """The negated group a rate names and its complement, each the single figure so
    labelled before the rate in its sentence or the one before, of one unit; else None."""
    pct, s, cue = share.pct, share.sentence, share.cue
    names = _complement_forms(cue.word) if cue.kind == "rate" else None
    if names is None:
        return None
    negated, core = names
    negative: list[Quantity] = []
    positive: list[Quantity] = []
    seen: list[Quantity] = []
    for sentence in ctx.window(s, before=1):
        for q in figures_before(sentence, pct.start):
            seen.append(q)
            located = ctx.locate(q)
            if located is None or q.end > pct.start:
                continue
            clause = located[0].clauses[located[1]]
            if not is_part(ctx, q, clause):
                continue
            label = ctx.label_before(q, clause)
            if any(f in label for f in negated):
                negative.append(q)
            elif core in label:
                positive.append(q)
    if len(negative) == 1:
        # "审查起诉案件1865件2436人,决定起诉2012人": the groups count one thing, in one unit
        positive = [q for q in positive if q.unit == negative[0].unit]
    if len(negative) != 1 or len(positive) != 1:
        return None
    neg, pos = negative[0], positive[0]
    if neg.unit != pos.unit or family(neg) != family(pos):
        return None
    return neg, pos, _covered(seen, neg, pos)


def _covered(seen: list[Quantity], neg: Quantity, pos: Quantity) -> Quantity | None:
    """The figure stated before the two groups that they add up to exactly
    ("受理审查逮捕2,516人,…逮捕1,357人,不捕1,159人"): every base the rate could be defined
    on is then one number."""
    if not (neg.is_exact and pos.is_exact):
        return None
    total = neg.value + pos.value
    return next(
        (q for q in reversed(seen) if q.start < min(neg.start, pos.start) and q.unit == neg.unit
         and q.is_exact and q.value == total),
        None,
    )


def _sum_claim(pct: Quantity, neg: Quantity, pos: Quantity, whole: Quantity | None, cue: Cue) -> Claim:
    """The claim that ``pct`` is ``neg`` over ``neg`` + ``pos`` (which add up to ``whole``,
    if a figure so stated was found)."""
    figures = (pct, neg, pos)
    covered = (named("whole", whole, "the two groups add up to it"),) if whole is not None else ()
    extra = {"whole": whole.text} if whole is not None else {}
    return Claim(
        kind=KIND,
        start=min(q.start for q in figures),
        end=max(q.end for q in figures),
        stated=pct,
        parts=(neg, pos),
        relation=f"{pct.text} = {fmt_figure(neg)} / ({fmt_figure(pos)} + {fmt_figure(neg)})",
        details={"part": neg.text, "base": f"{pos.text}+{neg.text}", "cue": cue.word, "over": "sum", **extra},
        bindings=(
            named("part", neg, f"named by {cue.word}率"),
            named("base", pos, "the other group the rate's name negates"),
            *covered,
        ),
    )


def _divide(p: Interval | None, b: Interval | None) -> Interval | None:
    """p / b, or None when either is missing or b holds zero."""
    if p is None or b is None:
        return None
    try:
        return p / b
    except IndeterminateDivision:
        return None


def _share(part: Quantity, base: Quantity) -> Callable[[RoundingMode], Interval | None]:
    def compute(mode: RoundingMode) -> Interval | None:
        """part / base with both read under ``mode`` (None when one allows no interval)."""
        return _divide(figure_interval(part, mode), figure_interval(base, mode))

    return compute


_RANK = {Verdict.CONSISTENT: 0, Verdict.CONDITIONAL: 1, Verdict.INCONSISTENT: 2, Verdict.UNDECIDABLE: 3}


def check(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Does part / base round to the printed share, for the base (or any candidate)?"""
    if claim.kind == TOTAL_KIND:
        return check_total(claim, policy)
    if claim.details.get("over") == "list":
        return check_list(claim, policy)
    if claim.details.get("over") == "sum":
        return _check_sum(claim, policy)
    part, bases = claim.parts[0], claim.parts[1:]
    tried: list[tuple[Judgement, Quantity]] = [
        (judge(_share(part, b), claim.stated, policy), b) for b in bases
    ]
    j, base = min(tried, key=lambda t: _RANK[t[0].verdict])
    params = {
        "part": part.text,
        "base": base.text,
        "expr": f"{fmt_figure(part)} / {fmt_figure(base)}",
        "share": fmt_interval(j.computed, percent=True) if j.computed is not None else "",
    }
    params["value"] = params["share"]
    if j.verdict is Verdict.CONSISTENT:
        return Outcome(Verdict.CONSISTENT, None, j.computed, j.mode, params)
    if j.verdict is Verdict.CONDITIONAL:
        if len(bases) > 1:
            # truncated over one candidate base, wrong over the others: the base is
            # not certain, so neither is the truncation
            return Outcome(Verdict.UNDECIDABLE, "C903", j.computed, None, params)
        return Outcome(Verdict.CONDITIONAL, "C202", j.computed, j.mode, params)
    if j.verdict is Verdict.UNDECIDABLE:
        return Outcome(Verdict.UNDECIDABLE, "C902", None, None, {**params, "reason": "approximate figure"})
    rescued = _rescued(claim, policy)
    if rescued is not None:
        return rescued
    if len(bases) > 1:
        return Outcome(Verdict.UNDECIDABLE, "C903", j.computed, None, params)
    return Outcome(Verdict.INCONSISTENT, "C201", j.computed, None, params)


def _rescued(claim: Claim, policy: RoundingPolicy) -> Outcome | None:
    """The claim consistent under the first of its other readings that reproduces the
    stated share under an accepted rounding, saying which; None when none does. A
    reading of the base is tried with the bound part, a reading of the part (the sum of
    the items listed before it) with each bound base."""
    part, bases = claim.parts[0], claim.parts[1 : 1 + sum(1 for b in claim.bindings if b.role == "base")]

    def over(base: Interval, mode: RoundingMode) -> Interval | None:
        return _divide(figure_interval(part, mode), base)

    def of(base: Quantity) -> Callable[[Interval, RoundingMode], Interval | None]:
        return lambda p, mode: _divide(p, figure_interval(base, mode))

    tried = [*alternatives([r for r in claim.readings if r.role == "base"], over)]
    for base in bases:
        tried += alternatives([r for r in claim.readings if r.role == "part"], of(base))
    found = first_reproducing(claim.stated, tried, policy)
    if found is None:
        return None
    reading, j = found
    share = fmt_interval(j.computed, percent=True) if j.computed is not None else ""
    params = {"part": part.text, "reading": reading.label, "share": share, "value": share}
    return Outcome(Verdict.CONSISTENT, None, j.computed, j.mode, params)


def _check_sum(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Does the negated group over the sum of both groups round to the printed rate?
    A mismatch is a warning (C205): the rate may be defined on another base."""
    neg, pos = claim.parts

    def compute(mode: RoundingMode) -> Interval | None:
        """neg / (pos + neg) with both read under ``mode``."""
        n, p = figure_interval(neg, mode), figure_interval(pos, mode)
        return _divide(n, None if n is None or p is None else p + n)

    j = judge(compute, claim.stated, policy)
    share = fmt_interval(j.computed, percent=True) if j.computed is not None else ""
    params = {
        "part": neg.text,
        "base": f"{pos.text}+{neg.text}",
        "expr": f"{fmt_figure(neg)} / ({fmt_figure(pos)} + {fmt_figure(neg)})",
        "share": share,
        "value": share,
    }
    if j.verdict is Verdict.CONSISTENT:
        return Outcome(Verdict.CONSISTENT, None, j.computed, j.mode, params)
    if j.verdict is Verdict.UNDECIDABLE:
        return Outcome(Verdict.UNDECIDABLE, "C902", None, None, {**params, "reason": "approximate figure"})
    if "whole" in claim.details:
        # the groups add up to the stated whole: no other base is left to define it on
        return Outcome(Verdict.INCONSISTENT, "C201", j.computed, None, params)
    return Outcome(Verdict.INCONSISTENT, "C205", j.computed, None, params)
