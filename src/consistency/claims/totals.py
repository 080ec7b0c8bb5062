"""Totals, breakdowns and subsets: the parts a text lists against the whole it names.

Cues (``data/cues/totals.toml``): 共 / 共计 / 合计 mark a total, 其中 / 含 introduce its
parts, 另外 / 其余 / 不予 / 存量 / 在办 say the parts cover it, 等 and overlapping groups
(妇女, 老年人, …) say they do not. Parts named by the members of one partition
(``data/partitions.toml``: 维持/驳回/撤销…, 第一/第二/第三产业, 男/女) cannot overlap: over
their whole they are an error, and naming every member they cover it.

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

from collections.abc import Iterator, Sequence
from fractions import Fraction

from ..claim import Claim
from ..intervals import Interval, RoundingMode
from ..quantities import Quantity
from ..verdicts import Outcome, RoundingPolicy, Verdict
from ._match import (
    Context,
    figure_interval,
    fmt_figure,
    fmt_interval,
    fmt_number,
    judge,
    sum_interval,
)
from .binding.frames import Frame, frames

__all__ = ["KIND", "check", "extract"]

KIND = "total"

# ---------------------------------------------------------------- extraction


def extract(ctx: Context) -> Iterator[Claim]:
    """Every total and subset claim of the text: one total per breakdown frame, one
    subset per part of any other frame (claims/binding/frames)."""
    seen: set[tuple[int, ...]] = set()
    for frame in frames(ctx):
        claims = (
            [_total(frame)] if frame.is_breakdown else [_subset(frame, p) for p in frame.parts]
        )
        for claim in claims:
            key = (claim.stated.start, *(p.start for p in claim.parts))
            if key not in seen:
                seen.add(key)
                yield claim


# ---------------------------------------------------------------- claims


def _span(figures: Sequence[Quantity]) -> tuple[int, int]:
    return min(q.start for q in figures), max(q.end for q in figures)


def _scale(q: Quantity) -> tuple[Fraction, str]:
    """The scale word a figure is written in, for messages (``2,345.67万元`` → 万)."""
    for words, factor in (("亿億", Fraction(10**8)), ("万萬", Fraction(10**4))):
        for word in words:
            if word in q.text:
                return factor, word
    return Fraction(1), ""


def _total(frame: Frame) -> Claim:
    whole, parts = frame.whole, frame.parts
    start, end = _span((whole, *parts))
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
        details={"expr": expr, "reading": frame.reading, "nominal": f"{nominal}{word}{whole.unit or ''}"},
        bindings=frame.bindings(),
    )


_SUBSET_READING = {"paired": "paired by classifier", "open": "open list", "part": "其中", "contains": "含"}


def _subset(frame: Frame, part: Quantity) -> Claim:
    whole = frame.whole
    start, end = _span((whole, part))
    return Claim(
        kind="subset",
        start=start,
        end=end,
        stated=part,
        parts=(whole,),
        relation=f"{fmt_figure(part)} ≤ {fmt_figure(whole)}",
        details={"whole": whole.text, "reading": _SUBSET_READING.get(frame.reading, frame.reading)},
        bindings=frame.bindings(part),
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
    if reading == "exclusive" and over:
        # members of a partition (维持, 驳回, 撤销 of the cases decided) cannot overlap:
        # parts over their whole are wrong, whichever figure is
        return Outcome(Verdict.INCONSISTENT, "C101", j.computed, None, params)
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
    if reading == "implied" or (reading in ("kinds", "exclusive") and not over):
        # a plain 其中 list may leave categories out (short) or count a case in two of
        # them (over); kinds of one thing, or some members of a partition, may leave
        # one out, but never overlap
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
