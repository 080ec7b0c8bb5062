"""Change claims: a figure before, a figure after, and the change the text says lies between.

What it reads, one sentence at a time (cue words in ``data/cues/changes.toml``):

* a **level and its changes**: ``受理各类案件50101件,同比增长34.11%,…增加12077件`` → the
  stated rate must be the absolute change over the base it implies, 12077 / (50101 − 12077);
* a **before/after pair and its changes**: ``由3.7个压缩至3.2个,压缩率13.51%`` → 3.2 / 3.7 − 1;
  a level with its earlier figure named in a comparison, ``72,716万元,…比上年42,895万元增加
  29,821万元,增幅69.52%`` → 72,716 − 42,895 = 29,821 and 72,716 / 42,895 − 1;
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
* ``增长N倍`` read as ×(N + 1); a fit only as ×N is a note (``C308``).

Rounding: each claim is first computed from the figures as printed. When that fails but
the inputs are themselves rounded (decimals, 万/亿 scales, units of measurement, or an
average such as ``平均…24天``) they are widened to every value that prints as them, and a
fit there is a note with the interval (``C302``); only truncation → warning (``C303``);
otherwise an error (``C301`` rate, ``C304`` absolute change, ``C305`` points).

Left alone, on purpose: a rate of a figure that is not a whole count with no base in its
sentence, ``年均`` and ``两年平均`` rates, growth at comparable prices (nominal figures
cannot reproduce it), ``各`` pairs across sentences, and changes of ``‰`` rates.
The cue words and how a figure is read as a change live in :mod:`._change_words`, the
arithmetic in :mod:`._change_arithmetic`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..claim import Claim
from ..quantities import Quantity
from ..verdicts import Outcome, RoundingPolicy, Verdict
from ._change_arithmetic import check_change
from ._change_words import (
    AVERAGES,
    BASE_CLOSE,
    BASE_OPEN,
    CLAUSE_MARK,
    CUES,
    DATED,
    EARLIER,
    FROM,
    GAP,
    GAP_ALIASES,
    GAP_CUE,
    LIST_GAP,
    POINT_UNITS,
    RESPECTIVE_CUE,
    SKIP,
    TO,
    Change,
    as_change,
    ends_with,
    may_change,
    shared_unit,
    unbracketed,
    with_bare,
    words_before,
)
from ._match import Context, Sentence, is_whole_count

__all__ = ["KIND", "check", "extract"]

KIND = "change"


@dataclass(slots=True)
class _Group:
    """A level (the figure after), maybe the figure before it, and the changes stated."""

    level: Quantity
    before: Quantity | None = None
    changes: list[Change] = field(default_factory=list)
    #: rates still belong to the level: a share stated in between ("结案率97.19%,同比上升
    #: 6.7%") takes the rates after it, until an amount in the level's unit comes back to it
    open: bool = True
    #: the changes that follow the level closely, clause by clause (whole-base candidates)
    near: list[Change] = field(default_factory=list)


def _groups(ctx: Context, sentence: Sentence) -> Iterator[_Group]:
    """The level groups of one sentence, figures in brackets left out (they restate)."""
    qs, text = unbracketed(sentence), ctx.text
    prefixes = [words_before(text, sentence.start, qs, k) for k in range(len(qs))]
    changes = [as_change(p, q) for p, q in zip(prefixes, qs, strict=True)]
    role: dict[int, str] = {}
    for i in range(len(qs) - 1):
        if changes[i] is not None:
            continue  # a change is neither a "from" figure nor a base
        gap = prefixes[i + 1]
        if (
            not CLAUSE_MARK.search(gap)
            # "提高到2021年的100%": the date names the after figure
            and len(to_gap := DATED.sub("", gap)) <= 8
            and ends_with(to_gap, TO)
            and _from_word_before(prefixes[i])
        ):
            role[i], role[i + 1] = "from", "to"
        elif (
            changes[i + 1] is not None
            and _is_base(prefixes[i], gap, changes[i + 1])
        ):
            role[i] = "base"
    for i, r in role.items():
        if r == "to" and i + 1 < len(qs) and changes[i + 1] is not None and not changes[i + 1].linked:
            # "由0.52吨标准煤降至0.46吨标准煤,下降11.5%": words written after both figures
            # of the pair belong to their unit, not to a new subject
            tail = _unit_tail(prefixes[i], prefixes[i + 1])
            if tail:
                changes[i + 1] = as_change(prefixes[i + 1][len(tail) :], qs[i + 1])
    group: _Group | None = None
    for i, q in enumerate(qs):
        r, ch = role.get(i), changes[i]
        if r == "from":
            continue
        if r == "to":
            if group:
                yield group
            group = _Group(q, qs[i - 1])
        elif r == "base":
            if group and group.before is None and group.level.unit == q.unit:
                group.before = q
        elif ch is not None:
            if group and ch.kind == "amount" and ch.q.unit == group.level.unit:
                group.open = True
            if group and not ch.linked:
                group.open = False  # another subject: "其中调解案件同比增长…"
            elif group and group.open:
                group.changes.append(ch)
                if len(prefixes[i]) <= 10 and len(group.near) == len(group.changes) - 1:
                    group.near.append(ch)
        elif text[q.end : q.end + 1] == "的":
            continue  # "预算31,700万元的229.39%": a base of something else
        elif q.is_percent and group and not group.level.is_percent:
            if ends_with(prefixes[i], _COMPLETION_ASIDE) is None:
                group.open = False  # a share or a comparison aside
            # else "为调整预算的96.4%": the level's completion rate, the changes go on
        else:
            if group:
                yield group
            group = _Group(q)
    if group:
        yield group


_COMPLETION_ASIDE = CUES["aside"]["completion"]
_UNIT_TAIL = re.compile(r"[\u4e00-\u9fff]{1,4}")


def _unit_tail(between: str, after: str) -> str:
    """The words (at most four characters) that follow both the before and the after
    figure of a pair, ending before the pair's verb and before a clause mark after it."""
    m = _UNIT_TAIL.match(between)
    if m is None:
        return ""
    n = 0
    while n < len(m.group(0)) and n < len(after) and between[n] == after[n]:
        n += 1
    tail = between[:n]
    return tail if tail and after[n : n + 1] in ("，", ",") else ""


def _from_word_before(prefix: str) -> bool:
    """Does the clause before a figure open a before/after pair (``由``, ``从…的``)?"""
    clause = CLAUSE_MARK.split(prefix)[-1]
    return any(w in clause[-12:] for w in FROM)


def _is_base(prefix: str, gap: str, change: Change) -> bool:
    """``比上年42,895万元增加…`` / ``与…107.33相比,下降…``: the figure before a change is the
    earlier figure it compares with."""
    rest = gap
    close = next((w for w in BASE_CLOSE if rest.startswith(w)), "")
    rest = rest[len(close) :].lstrip(",，")
    if not rest.startswith(change.cue) and not rest.endswith(change.cue):
        return False
    if len(rest) > len(change.cue) + 3:
        return False
    clause = CLAUSE_MARK.split(prefix)[-1]
    return any(w in clause for w in (*BASE_OPEN, *EARLIER))


# ---------------------------------------------------------------- claims


def extract(ctx: Context) -> Iterator[Claim]:
    """Every change claim of the text, in text order."""
    for sentence in ctx.sentences:
        if len(sentence.quantities) < 2:
            continue  # a change needs a level or a base beside it
        if not may_change(ctx.text, sentence.start, sentence.end):
            continue  # no cue word at all: no figure of it is a change
        real = _names_real_growth(ctx.text, sentence)
        previous: _Group | None = None
        for group in _groups(ctx, sentence):
            yield from _claims(ctx, group, real, _rival(ctx.text, previous, group))
            previous = group
        if not real and _RESPECTIVE_HEAD.search(ctx.text, sentence.start, sentence.end):
            yield from _respective(ctx, sentence)
    yield from _rate_gaps(ctx)


#: words marking a real (price-adjusted) rate: a sentence with one is not checked
#: against its nominal amounts
_REAL = re.compile("|".join(map(re.escape, SKIP["real"])))


_INTENSITY = tuple(SKIP["intensity"])


def _names_real_growth(text: str, sentence: Sentence) -> bool:
    """Does the sentence speak of growth at comparable prices (增加值, 生产总值, 可比价)?
    Not when the word only names a ratio to GDP (``万元地区生产总值能耗``)."""
    for m in _REAL.finditer(text, sentence.start, sentence.end):
        if not text.startswith(_INTENSITY, m.end(), sentence.end):
            return True
    return False


def _rate_gaps(ctx: Context) -> Iterator[Claim]:
    """``工业增加值…同比增长5.3%,高于GDP增速1.1个百分点``: the point gap between a rate
    and a reference rate named by subject, stated in an earlier sentence. Only a reference
    that earlier sentences give one single value for is used."""
    text = ctx.text
    for sentence in ctx.sentences:
        if len(sentence.quantities) < 2 or not may_change(text, sentence.start, sentence.end):
            continue  # a gap needs its rate before it, read as a change
        qs = unbracketed(sentence)
        for k in range(1, len(qs)):
            p, r1 = qs[k], qs[k - 1]
            if p.unit not in POINT_UNITS:
                continue  # the cheap test first: most figures are not point gaps
            m = GAP_CUE.search(words_before(text, sentence.start, qs, k))
            if m is None:
                continue
            rate = as_change(words_before(text, sentence.start, qs, k - 1), r1)
            if rate is None or rate.kind != "rate":
                continue
            key = m.group(2)
            for word in GAP["strip"]:
                key = key.replace(word, "")
            names = GAP_ALIASES.get(key, (key,)) if key else ()
            refs = {q.value: q for q in _earlier_rates(ctx, sentence, names)}
            if len(refs) == 1 and r1.is_percent and rate.sign > 0:
                (r0,) = refs.values()
                sign = 1 if m.group(1) in GAP["up"] else -1
                gap = Change(p, sign, "points", m.group(1))
                claim = _claim(ctx, "points", gap, (r0, r1), f"{r1.text} − {r0.text}")
                yield replace(claim, start=r1.start)  # the reference sits sentences before


#: how many sentences back a gap's reference rate (高于GDP增速…) is looked for
_REFERENCE_REACH = 40


def _earlier_rates(ctx: Context, sentence: Sentence, names: tuple[str, ...]) -> Iterator[Quantity]:
    """The first growth rate of each earlier sentence that names one of ``names``.

    Only the last :data:`_REFERENCE_REACH` sentences are read: a reference rate is stated
    near the gap that cites it, and reading every earlier sentence for every gap made a
    long document quadratic.
    """
    text = ctx.text
    for s in ctx.sentences[max(0, sentence.index - _REFERENCE_REACH) : sentence.index]:
        if not names or not any(n in text[s.start : s.end] for n in names):
            continue
        qs = unbracketed(s)
        for k, q in enumerate(qs):
            change = as_change(words_before(text, s.start, qs, k), q)
            if change is not None and change.kind == "rate" and q.is_percent and change.sign > 0:
                # the name must be the subject of this rate, not a reference after it
                if any(n in text[s.start : q.start] for n in names):
                    yield q
                break


#: the first characters of the ``分别``/``各`` cue: a sentence with neither has no run
_RESPECTIVE_HEAD = re.compile("[分各]")


def _respective(ctx: Context, sentence: Sentence) -> Iterator[Claim]:
    """``收案X件、结案Y件,同比分别增长a%、b%,分别增加c件、d件``: changes paired with the
    levels just before them by position. A rate meets its absolute change (as for one
    level), or, with none stated, a whole count its whole earlier count (C310)."""
    text = ctx.text
    qs = with_bare(text, unbracketed(sentence))
    levels: list[Quantity] = []
    rates: list[Change] = []
    amounts: list[Change] = []
    i = 0
    while i < len(qs):
        prefix = words_before(text, sentence.start, qs, i)
        first = as_change(prefix, qs[i]) if RESPECTIVE_CUE.search(prefix) else None
        if first is None:
            i += 1
            continue
        run, j = [first], i + 1
        while j < len(qs) and LIST_GAP.fullmatch(words_before(text, sentence.start, qs, j)):
            if (qs[j].unit in ("%", "倍")) != (first.kind == "rate"):
                break
            run.append(Change(qs[j], first.sign, first.kind, first.cue, first.compared))
            j += 1
        if len(run) > 1 and run[0].q.unit is None:  # "各减少1267.86,2570.97万元"
            shared = shared_unit([c.q for c in run])
            run = [Change(q, c.sign, c.kind, c.cue, c.compared) for q, c in zip(shared, run)]
        fresh = _levels_before(text, sentence.start, qs, i, len(run))
        if not fresh and not levels and "各" in prefix:
            fresh = _levels_of_previous(ctx, sentence, len(run))
        if fresh:
            levels, rates, amounts = shared_unit(fresh), [], []
        (rates if first.kind == "rate" else amounts).extend(run)
        i = j
        if len(levels) < 2 or len(rates) != len(levels) or len(amounts) not in (0, len(levels)):
            continue
        if len(amounts) == len(levels):
            for level, d, r in zip(levels, amounts, rates, strict=True):
                if d.q.unit == level.unit and d.sign == r.sign:
                    yield _level_rate_claim(ctx, level, d, r)
        elif _amount_run_follows(text, qs, j):
            continue  # wait for the amounts: a rate then meets its absolute change
        else:
            for level, r in zip(levels, rates, strict=True):
                if r.compared and r.q.unit == "%" and is_whole_count(level) and level.value > 0:
                    yield from _whole_base_claim(level, r)


def _levels_before(text: str, start: int, qs: list[Quantity], i: int, k: int) -> list[Quantity]:
    """The ``k`` figures just before ``qs[i]`` when none of them is a change or a share
    (the levels a run of ``分别`` changes pairs with), else an empty list."""
    if i < k:
        return []
    levels = qs[i - k : i]
    if any(
        q.is_percent or as_change(words_before(text, start, qs, n), q)
        for n, q in enumerate(levels, i - k)
    ):
        return []
    return levels


def _levels_of_previous(ctx: Context, sentence: Sentence, k: int) -> list[Quantity]:
    """``收、支总计各是X,Y万元。与上年相比,…各减少…``: the levels of a 各 run stated as the
    last ``k`` figures of the sentence before, which must itself say 各."""
    prev = ctx.previous(sentence)
    if prev is None or "各" not in ctx.text[prev.start : prev.end]:
        return []
    qs = with_bare(ctx.text, unbracketed(prev))
    return _levels_before(ctx.text, prev.start, qs, len(qs), k)


def _amount_run_follows(text: str, qs: list[Quantity], j: int) -> bool:
    """Does a run of absolute changes (``,分别增加c件、d件``) follow at ``qs[j]``?"""
    if j >= len(qs):
        return False
    prefix = words_before(text, 0, qs, j)
    change = as_change(prefix, qs[j]) if RESPECTIVE_CUE.search(prefix) else None
    return change is not None and change.kind == "amount"


def _rival(text: str, previous: _Group | None, group: _Group) -> Quantity | None:
    """``受理案件1,258件,结案1,198件,比上年增加156件,增长14.2%``: a level just before this
    group's, in its unit and with no change of its own, may be the one the changes are of
    (the changes may close a list of levels): the rival reading of the group."""
    if previous is None or previous.changes or previous.before is not None:
        return None
    if group.before is not None or previous.level.unit != group.level.unit:
        return None
    rival, level = previous.level, group.level
    if rival.approx or rival.low != rival.high:
        return None  # "突破5万件": a bound, not a level the changes could be of
    between = text[rival.end : level.start]
    if len(between) > 12 or len(CLAUSE_MARK.findall(between)) != 1 or any(c in between for c in "；;"):
        return None  # only a level in the clause just before, in one list with this one
    return rival


def _claims(
    ctx: Context, group: _Group, real: bool, rival: Quantity | None = None
) -> Iterator[Claim]:
    if not group.changes:
        return
    span = ctx.text[group.level.start : group.changes[-1].q.end]
    if any(w in span for w in SKIP["respective"]):
        return
    after, before = group.level, group.before
    rates = [c for c in group.changes if c.kind == "rate"]
    amounts = [c for c in group.changes if c.kind == "amount" and c.q.unit == after.unit]
    points = [c for c in group.changes if c.kind == "points"]
    if before is None:
        if len(amounts) == 1 and len(rates) == 1 and not real and not after.is_percent:
            d, r = amounts[0], rates[0]
            if d.sign == r.sign:
                claim = _level_rate_claim(ctx, after, d, r)
                if rival is not None:  # kept last, after the two inputs the check reads
                    claim = replace(claim, parts=(*claim.parts, rival),
                                    details={**claim.details, "rival": rival.text})
                yield claim
        elif not amounts and not real and _plain_count(ctx, after):
            for r in group.near:
                if r.kind == "rate" and r.compared and r.q.unit == "%":
                    yield from _whole_base_claim(after, r)
        return
    if before.unit != after.unit:
        return
    if len(amounts) == 1:
        d = amounts[0]
        yield _claim(ctx, "amount", d, (before, after), f"{after.text} − {before.text}")
    if len(points) == 1 and (after.is_percent or after.unit is None):
        p = points[0]
        yield _claim(ctx, "points", p, (before, after), f"{after.text} − {before.text}")
    if len(rates) == 1 and not real:
        r = rates[0]
        kind = "rate-of-rate" if after.is_percent else "rate"
        yield _claim(ctx, kind, r, (before, after), f"{after.text} ÷ {before.text} − 1")


def _claim(
    ctx: Context, relation: str, change: Change, inputs: tuple[Quantity, Quantity], formula: str
) -> Claim:
    """The claim that ``change`` equals ``formula`` over the two ``inputs``."""
    qs = (*inputs, change.q)
    averaged = [_averaged(ctx, q) for q in inputs]
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
            "averaged": ",".join("1" if a else "0" for a in averaged),
        },
    )


def _plain_count(ctx: Context, q: Quantity) -> bool:
    """A whole count that is the whole level: not followed by a bracketed aside
    (``879件(含旧存343件)``: a compound level) and not an average (``平均每月12件``)."""
    aside = ctx.text[q.end : q.end + 1] in ("(", "（")
    return is_whole_count(q) and q.value > 0 and not aside and not _averaged(ctx, q)


def _level_rate_claim(ctx: Context, level: Quantity, d: Change, r: Change) -> Claim:
    """The rate ``r`` against the change ``d`` over the base ``level`` ∓ ``d`` implies."""
    op = "−" if d.sign > 0 else "+"
    return _claim(
        ctx, "level-rate", r, (level, d.q), f"{d.q.text} ÷ ({level.text} {op} {d.q.text})"
    )


def _whole_base_claim(level: Quantity, rate: Change) -> Iterator[Claim]:
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


def _averaged(ctx: Context, q: Quantity) -> bool:
    """Is ``q`` an average (``平均…24天``)? Then even a whole number is a rounded one."""
    located = ctx.locate(q)
    if located is None:
        return False
    sentence, _ = located
    head = ctx.text[sentence.start : q.start]
    return any(w in head[-24:] for w in AVERAGES)


# ---------------------------------------------------------------- checking


def check(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Check one change claim: printed figures first, then rounded inputs, then truncation
    (see :func:`._change_arithmetic.check_change`)."""
    if "rival" not in claim.details:
        return check_change(claim, policy)
    level, change, rival = claim.parts
    outcome = check_change(replace(claim, parts=(level, change)), policy)
    if outcome.verdict is Verdict.INCONSISTENT:
        other = check_change(replace(claim, parts=(rival, change)), policy)
        if other.verdict is not Verdict.INCONSISTENT:
            # the changes fit the level listed before: which level they are of is unclear
            return Outcome(Verdict.UNDECIDABLE, computed=outcome.computed, params=outcome.params)
    return outcome
