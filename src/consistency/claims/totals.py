"""Totals, breakdowns and subsets: the parts a text lists against the whole it names.

Cues (``data/cues/totals.toml``): 共 / 共计 / 合计 mark a total, 其中 / 含 introduce its
parts, 另外 / 其余 / 不予 / 存量 / 在办 say the parts cover it, 等 and overlapping groups
(妇女, 老年人, …) say they do not.

Claims (kind ``total``, relation ``T = a + b + …``):

* ``共633人,其中495人…通过;138人…不予通过`` → 633 = 495 + 138;
* ``非规范性文件共345件(其中:…150件,…85个、涉及资金约14个亿,…110项)`` → 345 = 150 + 85
  + 110 (classifiers 件/个/项 are one family; the money figure is not a part);
* ``共收到仲裁案件28件,庭前调解23件,仲裁调解4件,仲裁裁决1件,存量为0件`` (no 其中, but
  a remainder word closes the list) → 28 = 23 + 4 + 1 + 0.

Claims (kind ``subset``, relation ``part ≤ whole``):

* ``调解组织151个,调解员799名,其中专业性调解组织39个,调解员183名`` → 39 ≤ 151 and
  183 ≤ 799 (paired by classifier);
* ``化解矛盾纠纷2227件,调解成功2226件`` → 2226 ≤ 2227;
* one part after 其中, or the parts of an open list (等, overlapping groups).

A sum is checked as XBRL Calculations 1.1 checks one: each rounded figure stands for
the interval of values that round to it, and the total must meet the sum of those
intervals. A list that is only implied to be complete and whose parts add to more than
its total may count overlapping categories: undecidable, never an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from fractions import Fraction

from ..claim import Claim
from ..intervals import Interval, RoundingMode
from ..quantities import Quantity
from ..verdicts import Outcome, RoundingPolicy, Verdict
from ._match import (
    OPENING,
    SEMICOLONS,
    Clause,
    Context,
    Sentence,
    family,
    figure_interval,
    fmt_interval,
    fmt_number,
    judge,
    sum_interval,
)
from ._parts import (
    AFTER_PARTS,
    CONTAINS,
    OUTCOME,
    REMAINDER,
    RESPECTIVE,
    STOP,
    SUBSET,
    TOTAL,
    collect,
    countable_part,
    lead,
    read_list,
    total_cue_in,
)

__all__ = ["KIND", "check", "extract", "listed", "total_cue_in", "wholes"]

KIND = "total"

# ---------------------------------------------------------------- extraction


def extract(ctx: Context) -> Iterator[Claim]:
    """Every total and subset claim of the text."""
    return iter(_claims(ctx))


def _claims(ctx: Context) -> tuple[Claim, ...]:
    cached = ctx.memo.get(KIND)
    if isinstance(cached, tuple):
        return cached
    seen: set[tuple[int, ...]] = set()
    found: list[Claim] = []
    for s in ctx.sentences:
        if not any(c.quantities for c in s.clauses):
            continue  # every reading below takes its parts from the sentence itself
        # each reading needs its cue word somewhere in the sentence: one search for it
        # spares a walk over every clause and figure of the many sentences without one
        found_here = [
            *_frames(ctx, s),
            *(_implicit(ctx, s) if _has(_TOTAL_WORD, ctx, s) else ()),
            *(_summed(ctx, s) if _has(_AFTER_WORD, ctx, s) else ()),
            *(_outcomes(ctx, s) if _has(_OUTCOME_WORD, ctx, s) else ()),
        ]
        for claim in found_here:
            key = (claim.stated.start, *(p.start for p in claim.parts))
            if key not in seen:
                seen.add(key)
                found.append(claim)
    ctx.memo[KIND] = tuple(found)
    return tuple(found)


def listed(ctx: Context) -> frozenset[int]:
    """Start offsets of figures that are one of several parts of a list: a rate after
    such a figure ("信函申请35件,办结率100%") is a rate of the whole list, not of it."""
    cached = ctx.memo.get("total.listed")
    if isinstance(cached, frozenset):
        return cached
    found: set[int] = set()
    by_whole: dict[int, list[int]] = {}
    for claim in _claims(ctx):
        if claim.kind == "total":
            found.update(p.start for p in claim.parts)
        elif claim.details.get("reading") == "open list":
            by_whole.setdefault(claim.parts[0].start, []).append(claim.stated.start)
    for starts in by_whole.values():
        if len(starts) > 1:
            found.update(starts)
    ctx.memo["total.listed"] = result = frozenset(found)
    return result


def wholes(ctx: Context) -> dict[int, Quantity]:
    """The whole each part belongs to, by the part's start offset: the base a share of
    that part is taken of ("收到申请18件,其中撤回2件,…率11.11%": 2件 → 18件).

    Computed once per document (the share and granularity checks ask for every figure).
    """
    cached = ctx.memo.get("total.wholes")
    if isinstance(cached, dict):
        return cached
    out: dict[int, Quantity] = {}
    for claim in _claims(ctx):
        if claim.kind == "subset":
            out.setdefault(claim.stated.start, claim.parts[0])
        elif claim.details.get("reading") == "explicit" or _adds_up(claim):
            # a plain list that does not add up may hold a new statement among its
            # parts ("其中立案审查案件98件,办结96件"): its parts get no whole
            for part in claim.parts:
                out.setdefault(part.start, claim.stated)
    ctx.memo["total.wholes"] = out
    return out


def _adds_up(claim: Claim) -> bool:
    total = sum_interval(claim.parts)
    stated = figure_interval(claim.stated)
    return total is not None and stated is not None and total.intersects(stated)


def _words(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


def _has(pattern: re.Pattern[str], ctx: Context, s: Sentence) -> bool:
    return pattern.search(ctx.text, s.start, s.end) is not None


_TOTAL_WORD = _words(TOTAL)
_AFTER_WORD = _words(AFTER_PARTS)
_OUTCOME_WORD = _words(OUTCOME)
_FRAME_CUE = re.compile("|".join(re.escape(w) for w in sorted({*SUBSET, *CONTAINS}, key=len, reverse=True)))


def _cue_positions(ctx: Context, clause: Clause, words: Sequence[str]) -> list[int]:
    text = ctx.clause_text(clause)
    found = []
    for w in words:
        i = text.find(w)
        while i >= 0:
            found.append(clause.start + i)
            i = text.find(w, i + len(w))
    return sorted(set(found))


def _frames(ctx: Context, s: Sentence) -> Iterator[Claim]:
    """其中 / 含 frames: a whole before the cue, its parts after it."""
    if _FRAME_CUE.search(ctx.text, s.start, s.end) is None:
        return  # most sentences hold no cue: one search instead of one per clause and word
    for ci, clause in enumerate(s.clauses):
        for cue_at in _cue_positions(ctx, clause, SUBSET):
            yield from _frame(ctx, s, ci, cue_at, contains=False)
        for cue_at in _cue_positions(ctx, clause, CONTAINS):
            if clause.opener in OPENING and not ctx.between(clause.start, cue_at).strip():
                yield from _frame(ctx, s, ci, cue_at, contains=True)


def _frame(ctx: Context, s: Sentence, ci: int, cue_at: int, *, contains: bool) -> Iterator[Claim]:
    parts = collect(ctx, s, ci, cue_at)
    if not parts.figures:
        return
    wholes = _before(ctx, s, ci, cue_at)
    if not wholes:
        return
    pairs = _parallel(wholes, parts.figures)
    if pairs:
        for whole, part in pairs:
            yield _subset(ctx, whole, part, "paired by classifier")
        return
    figures, cut = parts.pick()
    if contains:
        # "342项(含…320项)": the whole is the figure the bracket is attached to
        opening = s.clauses[ci].start - 1
        whole = wholes[-1] if not ctx.between(wholes[-1].end, opening).strip() else None
    else:
        whole = _whole(ctx, s, wholes, figures)
    if whole is None:
        return
    if len(figures) == 1 or contains or cut:
        for part in figures:
            yield _subset(ctx, whole, part, "其中")
        return
    reading = read_list(ctx, whole, cue_at, parts, figures)
    if reading == "open":
        for part in figures:
            yield _subset(ctx, whole, part, "open list")
        return
    yield _total(ctx, whole, figures, reading)


def _before(ctx: Context, s: Sentence, ci: int, cue_at: int) -> list[Quantity]:
    """Countable figures that could be the whole: before the cue in its frame (since the
    last semicolon of the sentence), or, for a cue opening its sentence, in the sentence
    before."""
    found: list[Quantity] = []
    for clause in s.clauses[: ci + 1]:
        if clause.opener in SEMICOLONS:
            found = []
        found.extend(q for q in clause.quantities if q.end <= cue_at and countable_part(q))
    if found:
        return found
    if ctx.between(s.start, cue_at).strip(" \u3000\t\r\n,，"):
        return []
    prev = ctx.previous(s)
    if prev is None:
        return []
    return [q for q in prev.quantities if countable_part(q)]


def _parallel(wholes: Sequence[Quantity], parts: Sequence[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """Pairs for "151个,799名,其中39个,183名": as many wholes as parts, just before the cue,
    with the same sequence of distinct units."""
    n = len(parts)
    if n < 2 or len(wholes) < n:
        return []
    units = [q.unit for q in parts]
    if len(set(units)) != n or [q.unit for q in wholes[-n:]] != units:
        return []
    return list(zip(wholes[-n:], parts))


def _whole(ctx: Context, s: Sentence, wholes: Sequence[Quantity], parts: Sequence[Quantity]) -> Quantity | None:
    """The whole the parts belong to, if the text makes it clear.

    It is the last figure before the cue of the parts' unit (or family). It is clear
    when it carries a total cue or no other figure of that unit stands before it in its
    frame; a run of coordinated figures ("制定1件,修改2件,废止1件,其中…") is not clear.
    """
    units = {q.unit for q in parts}
    fam = family(parts[0])
    if len(units) == 1:
        same = [q for q in wholes if q.unit in units]
    else:
        same = []
    if not same:
        same = [q for q in wholes if family(q) == fam]
    if not same:
        return None
    whole = same[-1]
    if total_cue_in(ctx.label_across_brackets(whole)):
        return whole
    return whole if len(same) == 1 else None


def _implicit(ctx: Context, s: Sentence) -> Iterator[Claim]:
    """``共T件,A a件,B b件,存量为c件``: a total followed by coordinated parts, claimed only
    when the list says it is complete (a remainder word in its last clause, or 分别)."""
    clauses = s.clauses
    for ci, clause in enumerate(clauses):
        for whole in clause.quantities:
            if not countable_part(whole) or whole is not clause.quantities[-1]:
                continue
            if not total_cue_in(ctx.label_across_brackets(whole)):
                continue
            if any(w in ctx.clause_text(clause) for w in SUBSET):
                continue
            parts: list[Quantity] = []
            head = ctx.after(whole, clause) + (lead(ctx, clauses[ci + 1]) if ci + 1 < len(clauses) else "")
            respective = any(w in head for w in RESPECTIVE)
            for c in clauses[ci + 1 :]:
                text = ctx.clause_text(c)
                if c.opener in SEMICOLONS or c.depth != clause.depth:
                    break
                if any(w in text for w in (*SUBSET, *STOP)) or total_cue_in(lead(ctx, c)):
                    break
                mine = [q for q in c.quantities if family(q) == family(whole)]
                others = [q for q in c.quantities if q not in mine]
                if len(mine) != 1 or others:
                    break
                parts.append(mine[0])
            complete = respective or (
                len(parts) >= 2
                and any(w in ctx.clause_text(clauses[ci + len(parts)]) for w in REMAINDER)
            )
            if len(parts) >= 2 and complete:
                yield _total(ctx, whole, parts, "explicit")


def _summed(ctx: Context, s: Sentence) -> Iterator[Claim]:
    """``A a件,B b件,C c件,合计T件``: a total written after its parts, each clause before
    it (back to the start of its run) holding one figure of the total's family."""
    for ci, clause in enumerate(s.clauses):
        if len(clause.quantities) != 1 or ci < 2:
            continue
        whole = clause.quantities[0]
        cue = lead(ctx, clause).strip()
        if not countable_part(whole) or len(cue) > 4 or not cue.startswith(AFTER_PARTS):
            continue
        parts: list[Quantity] = []
        for c in reversed(s.clauses[:ci]):
            if len(c.quantities) != 1 or family(c.quantities[0]) != family(whole):
                break
            if any(w in ctx.clause_text(c) for w in (*SUBSET, *STOP)):
                break
            parts.insert(0, c.quantities[0])
            if total_cue_in(lead(ctx, c)):
                break  # "本年共收到28件,上年结转3件,共计31件": a marked figure opens the run
            if c.opener in SEMICOLONS or c.depth != clause.depth:
                break
        if len(parts) >= 2:
            yield _total(ctx, whole, parts, "explicit")


def _outcomes(ctx: Context, s: Sentence) -> Iterator[Claim]:
    """``化解纠纷2227件,调解成功2226件``: a success count is a subset of the count before it."""
    for ci in range(1, len(s.clauses)):
        clause, prev = s.clauses[ci], s.clauses[ci - 1]
        if len(clause.quantities) != 1 or not prev.quantities:
            continue
        part, whole = clause.quantities[0], prev.quantities[-1]
        if not (countable_part(part) and countable_part(whole)) or part.unit != whole.unit:
            continue
        label = ctx.label_before(part, clause)
        if any(w in label for w in OUTCOME) and clause.opener not in SEMICOLONS:
            yield _subset(ctx, whole, part, "outcome")


# ---------------------------------------------------------------- claims


def _span(ctx: Context, figures: Sequence[Quantity]) -> tuple[int, int]:
    return min(q.start for q in figures), max(q.end for q in figures)


def _scale(q: Quantity) -> tuple[Fraction, str]:
    """The scale word a figure is written in, for messages (``2,345.67万元`` → 万)."""
    for word, factor in (("亿", Fraction(10**8)), ("万", Fraction(10**4))):
        if word in q.text:
            return factor, word
    return Fraction(1), ""


def _total(ctx: Context, whole: Quantity, parts: Sequence[Quantity], reading: str) -> Claim:
    start, end = _span(ctx, (whole, *parts))
    factor, word = _scale(whole)
    expr = " + ".join(fmt_number(Fraction(p.value) / factor) for p in parts)
    nominal = fmt_number(sum((Fraction(p.value) for p in parts), Fraction(0)) / factor)
    return Claim(
        kind="total",
        start=start,
        end=end,
        stated=whole,
        parts=tuple(parts),
        relation=f"{fmt_number(Fraction(whole.value) / factor)}{word} = {expr}",
        details={"expr": expr, "reading": reading, "nominal": f"{nominal}{word}{whole.unit or ''}"},
    )


def _subset(ctx: Context, whole: Quantity, part: Quantity, why: str) -> Claim:
    start, end = _span(ctx, (whole, part))
    return Claim(
        kind="subset",
        start=start,
        end=end,
        stated=part,
        parts=(whole,),
        relation=f"{fmt_number(part.value)} ≤ {fmt_number(whole.value)}",
        details={"whole": whole.text, "reading": why},
    )


# ---------------------------------------------------------------- checks


def check(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Check a ``total`` claim (sum of parts) or a ``subset`` claim (part ≤ whole)."""
    if claim.kind == "subset":
        return _check_subset(claim, policy)
    return _check_total(claim, policy)


def _check_total(claim: Claim, policy: RoundingPolicy) -> Outcome:
    j = judge(lambda mode: sum_interval(claim.parts, mode), claim.stated, policy)
    shown = fmt_interval(j.computed) if j.computed is not None else ""
    # the message shows the sum as printed, in the total's own scale (万, 亿)
    params = {"sum": claim.details.get("nominal", shown), "value": shown}
    if j.verdict is Verdict.CONSISTENT:
        return Outcome(Verdict.CONSISTENT, None, j.computed, j.mode, params)
    if j.verdict is Verdict.CONDITIONAL:
        return Outcome(Verdict.CONDITIONAL, "C102", j.computed, j.mode, params)
    if j.verdict is Verdict.UNDECIDABLE or j.computed is None:
        return Outcome(Verdict.UNDECIDABLE, "C902", None, None, {"reason": "approximate figure"})
    reading = claim.details.get("reading")
    stated = figure_interval(claim.stated) or Interval.exact(claim.stated.value)
    over = j.computed.low > stated.high
    if reading == "kinds" and not over:
        # kinds of one thing may leave a kind out (刑事、民事 of all 案件), but a
        # shortfall of exactly one written digit (47 = 13 + 33 + 1) is what a mistyped
        # figure leaves: a warning, since a forgotten kind cannot be ruled out
        gap = _one_digit_gap(claim.stated, claim.parts)
        if gap is not None:
            factor, word = _scale(claim.stated)
            params["gap"] = f"{fmt_number(gap / factor)}{word}{claim.stated.unit or ''}"
            return Outcome(Verdict.CONDITIONAL, "C105", j.computed, None, params)
    if reading == "kinds" and over and _overlapping(claim.stated, claim.parts):
        # "事项1862项,其中“网上办”事项1795项,“一次办”事项1720项": parts that exceed the
        # whole even without any one of them are attributes an item may share, not
        # kinds; a single mistyped part cannot leave that trace
        return Outcome(Verdict.UNDECIDABLE, "C901", j.computed, None, params)
    if reading == "implied" or (reading == "kinds" and not over):
        # a plain 其中 list may leave categories out (short) or count a case in two of
        # them (over); kinds of one thing may leave a kind out, but never overlap
        code = "C901" if over else "C904"
        return Outcome(Verdict.UNDECIDABLE, code, j.computed, None, params)
    return Outcome(Verdict.INCONSISTENT, "C101", j.computed, None, params)


def _overlapping(whole: Quantity, parts: Sequence[Quantity]) -> bool:
    """Do ``parts`` exceed ``whole`` even with any one of them left out? A mistyped part
    cannot do that (without it the others add to less than the whole), overlapping
    groups do (“网上办”1795项 and “一次办”1720项 of 1862项)."""
    total = sum((Fraction(p.value) for p in parts), Fraction(0))
    return all(total - Fraction(p.value) > Fraction(whole.value) for p in parts)


def _one_digit_gap(whole: Quantity, parts: Sequence[Quantity]) -> Fraction | None:
    """The shortfall of ``parts`` against ``whole`` as written, when it is one nonzero
    digit in a place some figure writes (4 in 47 − (13 + 30) = 4; 300 for 2500 − 2200),
    else None. Partial lists fall short by arbitrary amounts (10000 − 7700 = 2300)."""
    figures = (whole, *parts)
    steps = [Fraction(q.resolution) for q in figures]
    if any(st <= 0 or not _power_of_ten(st) for st in steps):
        return None
    gap = Fraction(whole.value) - sum((Fraction(p.value) for p in parts), Fraction(0))
    finest = min(steps)
    if gap <= 0 or (gap / finest).denominator != 1:
        return None
    digits = str(gap / finest).rstrip("0")
    return gap if len(digits) == 1 else None


def _power_of_ten(step: Fraction) -> bool:
    """Is ``step`` 10^j for a whole j (1, 100, 1/100)?"""
    n, d = step.numerator, step.denominator
    return (n == 1 or (str(n).rstrip("0") == "1")) and (d == 1 or str(d).rstrip("0") == "1")


def _check_subset(claim: Claim, policy: RoundingPolicy) -> Outcome:
    part, whole = claim.stated, claim.parts[0]
    params = {"whole": whole.text, "value": fmt_number(Fraction(whole.value))}
    for verdict, modes in (
        (Verdict.CONSISTENT, policy.accepted),
        (Verdict.CONDITIONAL, policy.tolerated),
    ):
        for mode in modes:
            p, w = figure_interval(part, mode), figure_interval(whole, mode)
            if p is None or w is None:
                if part.low is not None and whole.high is not None and part.low > whole.high:
                    break
                return Outcome(Verdict.UNDECIDABLE, None, None, None, params)
            if p.low <= w.high:
                code = None if verdict is Verdict.CONSISTENT else "C104"
                return Outcome(verdict, code, w, mode, params)
    w0 = figure_interval(whole, RoundingMode.HALF_UP) or Interval.exact(Fraction(whole.value))
    return Outcome(Verdict.INCONSISTENT, "C103", w0, None, params)
