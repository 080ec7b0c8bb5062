"""Counted lists: a stated count against the items the text actually lists.

Three shapes are read (cue words in ``data/cues/enumerations.toml``):

* items, then the count: ``下设执法协调、司法协调、守法普法三个工作小组`` (3),
  ``对《…》《…》和《…》等3件规范性文件`` (3 titles), ``“现场告知、…、考核扣分”四个步骤``;
* the count, then its items: ``“四个百分之百”(100%一窗受理、…、100%审管分离)``,
  ``7个不及格的城市分别为:拉萨、…和周口``, ``受理量前10位的单位:…``;
* the count, then numbered measures: ``分为五类:一是…五是…``, or a heading that
  announces them (``有效形成法治政府建设五大成效`` followed by 一是…五是, ``三、全力抓好
  七项重点工作`` followed by the sections ``（一）…（七）``).

The relation checked is ``listed == count``. A list left open (``等``) or given as
examples (``如:``) only needs ``listed ≤ count``. A mismatch is an error only when the
list is cleanly delimited (brackets, quotes, a lead word, or short items in one clause)
and the count belongs to the list: the items are the things counted, not what was done
to them (``新建、重组11家实验室``), their grades (``省、市、县级12个示范村``), kinds of them
(``跟踪审计、专项审计调查和其他审计项目14项``: the claim's binding is then only positional,
so a mismatch is a note), a bracketed exclusion (``五项社会保险(不含…)``) or one of each
(``甲、乙、丙各20家``). Otherwise the claim is undecidable or not made: a miscount by the
reader must never look like a miscount by the author.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from fractions import Fraction

from ..claim import Binding, Claim, Evidence
from ..numerals import fold, parse_chinese
from ..quantities import Quantity
from ..verdicts import Outcome, RoundingPolicy, Verdict
from ._folded import folded
from ._list_forms import Reading, after, before, ordinals
from ._lists import _cues, anchor_re, line_lists
from ._match import Context
from ._numbered import Marks

__all__ = ["KIND", "check", "extract"]

KIND = "enumeration"

_MAX_AFTER = 99


# ---------------------------------------------------------------- extraction


def extract(ctx: Context) -> Iterator[Claim]:
    """Every counted list of the text, unchecked."""
    view = folded(ctx)
    by_start = {q.start: q for q in ctx.quantities}
    marks: Marks | None = None
    for m in anchor_re().finditer(view):
        if m.group("rcls") and not m.group("rank"):
            continue
        count = _count_quantity(ctx.text, view, m, by_start)
        if count is None:
            continue
        reading = after(view, m, count)
        if reading is None and _after_only(count):
            continue  # "学法活动五次": occasions count a list only when it follows them
        if reading is None:
            marks = marks or Marks(view)  # built on the first count that needs it
            reading = ordinals(view, marks, m, count) or before(view, m, count)
        if reading is not None:
            yield _claim(count, reading)
    for m, items, end, labelled in line_lists(view):
        start = m.start("num")
        value = int(m.group("num"))
        q = by_start.get(start)
        if not 2 <= value <= _MAX_AFTER or (q is not None and q.unit is not None):
            continue
        count = q or Quantity(start, m.end("num"), ctx.text[start : m.end("num")], Fraction(value),
                              Fraction(value), Fraction(value))
        evidence = Evidence.NAMED if labelled else Evidence.POSITION
        how = "the next line repeats the label" if labelled else "the next line"
        yield _claim(count, Reading(start, end, items, "line", strict=labelled, evidence=evidence, how=how))


def _count_quantity(
    text: str, view: str, m: re.Match[str], by_start: dict[int, Quantity]
) -> Quantity | None:
    """The count as a quantity: the scanner's when it read one here, else read in place.

    ``view`` is ``fold(text)``, folded once per document by the caller.
    """
    start, end = m.start("num"), m.end()
    cues = _cues()["count"]
    lasts, firsts = _word_ends()
    # the character test first: a word can only end (start) where its last (first) is
    if (lasts is None or view[m.start() - 1 : m.start()] in lasts) and any(
        view.endswith(w, 0, m.start()) for w in cues["approx"]
    ):
        return None
    if (firsts is None or view[start : start + 1] in firsts) and any(
        view.startswith(w, start) for w in cues["names"]
    ):
        return None
    q = by_start.get(start)
    unit = fold(q.unit) if q is not None and q.unit is not None else None
    if unit is not None and unit not in cues["classifiers"] and unit not in cues["ranked"]:
        return None  # 件次, 人次: a frequency, not a number of things
    if q is not None and not (q.is_exact and q.value.denominator == 1):
        return None  # 3.5个, 200余个: not a count of listed items
    value = q.value if q is not None else _small_number(m.group("num"))
    if value is None or not 2 <= value <= _MAX_AFTER:
        return None
    if q is not None:
        return q
    unit = m.group("cls") or m.group("rcls")
    return Quantity(start, end, text[start:end], value, value, value, unit=unit)


def _after_only(count: Quantity) -> bool:
    """Is ``count`` in a classifier that counts a list only after it ([count].after_only)?"""
    unit = fold(count.unit) if count.unit is not None else None
    return unit in _cues()["count"].get("after_only", ())


@functools.cache
def _word_ends() -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """The last characters of the approx words and the first of the name words; None
    when a word is empty (it matches anywhere, so no character can rule it out)."""
    cues = _cues()["count"]
    approx, names = cues["approx"], cues["names"]
    return (
        None if "" in approx else frozenset(w[-1] for w in approx),
        None if "" in names else frozenset(w[0] for w in names),
    )


def _small_number(num: str) -> Fraction | None:
    if num.isdigit():
        return Fraction(int(num))
    return parse_chinese(num)


def _claim(count: Quantity, reading: Reading) -> Claim:
    items = reading.items
    listed = len(items)
    joined = "、".join(i.strip() for i in items)
    return Claim(
        kind=KIND,
        start=min(reading.start, count.start),
        end=max(reading.end, count.end),
        stated=count,
        parts=(),
        relation=f"{count.text} ↔ {listed}: {joined}",
        details={
            "listed": str(listed),
            "items": joined,
            "form": reading.form,
            "open": "1" if reading.open_ else "",
            "examples": "1" if reading.examples else "",
            "strict": "1" if reading.strict else "",
        },
        bindings=(Binding("count", count, reading.evidence, reading.how),),
    )


# ---------------------------------------------------------------- checking


def check(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Does the number of items listed match the count stated?"""
    del policy  # counts are exact: rounding plays no part
    stated = claim.stated.value
    listed = int(claim.details["listed"])
    params = {"listed": str(listed), "items": claim.details["items"], "value": str(listed)}
    if listed == stated:
        return Outcome(Verdict.CONSISTENT, params=params)
    if listed < stated and (claim.details["open"] or claim.details["examples"]):
        return Outcome(Verdict.CONSISTENT, params=params)
    if not claim.details["strict"] or claim.details["examples"]:
        return Outcome(Verdict.UNDECIDABLE, params=params)
    code = "C402" if claim.details["form"] == "ordinals" else "C401"
    return Outcome(Verdict.INCONSISTENT, code=code, params=params)
