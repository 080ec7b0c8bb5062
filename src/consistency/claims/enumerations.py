"""Counted lists: a stated count against the items the text actually lists.

Three shapes are read (cue words in ``data/cues/enumerations.toml``):

* items, then the count: ``下设执法协调、司法协调、守法普法三个工作小组`` (3),
  ``对《…》《…》和《…》等3件规范性文件`` (3 titles), ``“现场告知、…、考核扣分”四个步骤``;
* the count, then its items: ``“四个百分之百”(100%一窗受理、…、100%审管分离)``,
  ``7个不及格的城市分别为:拉萨、…和周口``, ``受理量前10位的单位:…``;
* the count, then numbered measures: ``分为五类:一是…五是…``, or a heading that
  announces them (``有效形成法治政府建设五大成效`` followed by 一是…五是).

The relation checked is ``listed == count``. A list left open (``等``) or given as
examples (``如:``) only needs ``listed ≤ count``. A mismatch is an error only when the
list is cleanly delimited (brackets, quotes, a lead word, or short items in one clause);
otherwise the claim is undecidable: a miscount by the reader must never look like a
miscount by the author.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from fractions import Fraction

import regex

from ..claim import Claim
from ..numerals import fold, parse_chinese
from ..quantities import Quantity
from ..verdicts import Outcome, RoundingPolicy, Verdict
from ._folded import folded
from ._lists import (
    _CLAUSE_ENDS,
    _CLOSERS,
    _PAIRS,
    _alt,
    _balanced,
    _clause_start,
    _cues,
    _match_open,
    _plain,
    _readings,
    _split,
    _strip_joiners,
    _titles,
    line_lists,
)
from ._match import Context

__all__ = ["KIND", "check", "extract"]

KIND = "enumeration"

_STOPS = frozenset("。；;！!？?\n")
_CN_DIGITS = "一二三四五六七八九十"
#: a list closed by its count is short; one introduced by 分别为 or a colon may be longer
_MAX_BEFORE = 30
_MAX_AFTER = 99


@functools.cache
def _anchor_re() -> regex.Pattern[str]:
    c = _cues()["count"]
    return regex.compile(
        rf"(?<![第\d.．{_CN_DIGITS}两百千万])(?P<rank>{_alt(c['rank'])})?"
        rf"(?P<num>\d{{1,2}}|[两{_CN_DIGITS}]{{1,3}})"
        rf"(?:(?P<cls>{_alt(c['classifiers'])})|(?P<rcls>{_alt(c['ranked'])}))"
        rf"(?![是要次])"
    )


# ---------------------------------------------------------------- extraction


def extract(ctx: Context) -> Iterator[Claim]:
    """Every counted list of the text, unchecked."""
    view = folded(ctx)
    by_start = {q.start: q for q in ctx.quantities}
    for m in _anchor_re().finditer(view):
        if m.group("rcls") and not m.group("rank"):
            continue
        count = _count_quantity(ctx.text, view, m, by_start)
        if count is None:
            continue
        claim = _after(view, m, count) or _ordinals(view, m, count) or _before(view, m, count)
        if claim is not None:
            yield claim
    for m, items, end, labelled in line_lists(view):
        start = m.start("num")
        value = int(m.group("num"))
        q = by_start.get(start)
        if not 2 <= value <= _MAX_AFTER or (q is not None and q.unit is not None):
            continue
        count = q or Quantity(start, m.end("num"), ctx.text[start : m.end("num")], Fraction(value),
                              Fraction(value), Fraction(value))
        yield _claim(count, start, end, items, "line", strict=labelled)


def _count_quantity(
    text: str, view: str, m: regex.Match[str], by_start: dict[int, Quantity]
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


def _claim(
    count: Quantity,
    start: int,
    end: int,
    items: list[str],
    form: str,
    *,
    open_: bool = False,
    examples: bool = False,
    strict: bool = True,
) -> Claim:
    listed = len(items)
    joined = "、".join(i.strip() for i in items)
    relation = f"{count.text} ↔ {listed}: {joined}"
    return Claim(
        kind=KIND,
        start=min(start, count.start),
        end=max(end, count.end),
        stated=count,
        parts=(),
        relation=relation,
        details={
            "listed": str(listed),
            "items": joined,
            "form": form,
            "open": "1" if open_ else "",
            "examples": "1" if examples else "",
            "strict": "1" if strict else "",
        },
    )


# -- items after the count: "N个X分别为:A、B、C" / "“N个X”(A、B、C)"


def _after(view: str, m: regex.Match[str], count: Quantity) -> Claim | None:
    lead = _cues()["lead"]
    i = m.end()
    # the counted noun: a short run with no punctuation but a closing quote or 的
    j = i
    while j < len(view) and j - i <= 12 and view[j] not in _CLAUSE_ENDS and view[j] not in "(（":
        j += 1
    noun_end = j
    if _DIGIT.search(view, i, noun_end) or _anchor_re().search(view, i, noun_end):
        return None  # "前二十名的城市有10个": the rank is not the count of the list
    k = noun_end
    if view[k : k + 1] in ",，":
        k += 1
    word = next((w for w in lead["strong"] if view.startswith(w, k)), None)
    if word is not None:
        k += len(word)
        if view[k : k + 1] in lead["marks"]:
            k += 1
    else:
        weak = next((w for w in lead["weak"] if view.startswith(w, k)), None)
        if weak is not None:
            k += len(weak)
        if view[k : k + 1] not in lead["marks"]:
            return None
        k += 1
    if _starts_ordinal(view, k):
        return None
    opened = view[k - 1] if view[k - 1] in "(（" else ""
    end = _list_end(view, k, opened)
    body = view[k:end]
    examples = any(body.lstrip().startswith(w) for w in _cues()["open"]["examples"])
    readings, clean = _split(body)
    items = _pick(readings, count)
    if len(items) < 2:
        return None
    if opened and (count.value > _MAX_BEFORE or noun_end - i < 2 or min(map(len, items)) < 2):
        return None  # "31个省(区、市)": the brackets gloss the noun, they do not list 31
    return _claim(count, m.start(), end, items, "after", examples=examples, strict=clean)


def _pick(readings: list[list[str]], count: Quantity) -> list[str]:
    """The reading that reproduces the count if one does, else the first."""
    return next((r for r in readings if len(r) == count.value), readings[0])


def _list_end(view: str, k: int, opened: str) -> int:
    """Where a list that starts at ``k`` ends: at its closing bracket or the clause end."""
    depth = 0
    for j in range(k, len(view)):
        ch = view[j]
        if opened and depth == 0 and ch == _PAIRS[opened]:
            return j
        if ch in _PAIRS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in _STOPS or ch in ",，"):
            return j
    return len(view)


# -- items before the count: "A、B和C三个X", "“A、B、C、D”四个步骤"


def _before(view: str, m: regex.Match[str], count: Quantity) -> Claim | None:
    cues = _cues()
    if count.value > _MAX_BEFORE:
        return None
    end = m.start()
    slogan = False
    if end > 0 and view[end - 1] == "“":  # the count opens a slogan: “三大目标”
        end -= 1
        slogan = True
    quoted = False
    if end > 0 and view[end - 1] == "”":
        quoted = True
        stop = _match_open(view, end - 1)
        if stop is None:
            return None
        body, body_start, tail = view[stop + 1 : end - 1], stop + 1, ""
    else:
        body_start = _clause_start(view, end)
        body, tail = view[body_start:end], ""
    body, tail, open_ = _strip_joiners(body)
    if quoted and tail:
        return None
    if "的" in tail and count.text[:1].isdigit():
        return None  # "…或不可行的10件": ten things so described, not a list of ten
    if any(w in body[-12:] for w in cues["open"]["membership"]):
        return None
    readings, clean = _split(body)
    items = readings[0]
    if len(items) < 2 or not items[-1] or not _plain(items):
        return None
    if any("或" in i or ("“" in i and _anchor_re().search(fold(i))) for i in items):
        return None  # alternatives, or items that are slogans with counts of their own
    titled = _titles(body) is not None
    separated = titled or any(sep in body for sep in _cues()["items"]["separators"])
    # "A和B两X" alone: a written-out 两 joins two things; "…及…2件" is a breakdown
    if not separated and (count.value != 2 or count.text[:1].isdigit()):
        return None
    alternatives = [r for reading in readings for r in _readings(reading)]
    fits = [r for r in alternatives if len(r) == count.value]
    if fits:  # a modifier with 的 may or may not belong to the first item: either reading
        items, clean = fits[0], True
    if not quoted:
        clean = clean and _balanced(items)
    # "交通、城管、市场等领域的十二家企业": 等 inside the last item leaves the list open, and
    # a count after 的 may count things belonging to the items rather than the items
    open_ = open_ or any(c in items[-1] for c in cues["open"]["closers"])
    strict = clean and not slogan and "的" not in tail
    return _claim(count, body_start, m.end(), items, "before", open_=open_, strict=strict)


# -- numbered measures: "分为五类:一是…五是", a heading announcing "五大成效"


def _ordinals(view: str, m: regex.Match[str], count: Quantity) -> Claim | None:
    i = m.end()
    j = i
    while j < len(view) and j - i <= 12 and view[j] not in _CLAUSE_ENDS and view[j] not in "(（“":
        j += 1
    if j < len(view) and view[j] in ":：":
        first = j + 1
    else:
        first = _heading_body(view, m.start(), j)
        if first is None:
            return None
    style = _ordinal_style(view, first)
    if style is None:
        return None
    found = _sequence(view, first, style)
    if found is None:
        return None
    items, end = found
    # a quoted count may be a slogan ("开展“三个一”活动") rather than the number of measures
    quoted = m.start() > 0 and view[m.start() - 1] == "“"
    return _claim(count, m.start(), end, items, "ordinals", strict=not quoted)


def _heading_body(view: str, start: int, j: int) -> int | None:
    """If the count sits in a heading (a line starting with (三), 三、 or 1.) whose only
    count it is, the offset where the measures begin (next line, or after its 。)."""
    line_start = view.rfind("\n", 0, start) + 1
    head = view[line_start:start].lstrip()
    if not _HEAD_MARK.match(head):
        return None
    k = j
    while k < len(view) and view[k] not in "。\n":
        if view[k] in _CLAUSE_ENDS:
            return None  # the count is not the last thing the heading says
        k += 1
    rest_of_head = view[line_start:k]
    if len(list(_anchor_re().finditer(rest_of_head))) != 1:
        return None
    k += 1
    while k < len(view) and view[k].isspace():
        k += 1
    return k


_ARABIC = "arabic"
_ARABIC_MARK = regex.compile(r"(?<![\d.．A-Za-z])(\d{1,2})[.．、](?!\d)")


def _ordinal_style(view: str, k: int) -> str | None:
    """``是``/``要`` for 一是…, ``arabic`` for 1. 2. …, as the measures start at ``k``."""
    while k < len(view) and view[k].isspace() and view[k] != "\n":
        k += 1
    for s in _cues()["ordinals"]["suffixes"]:
        if view.startswith("一" + s, k):
            return s
    mm = _ARABIC_MARK.match(view, k)
    if mm and mm.group(1) == "1":
        return _ARABIC
    return None


def _starts_ordinal(view: str, k: int) -> bool:
    return _ordinal_style(view, k) is not None


def _sequence(view: str, first: int, style: str) -> tuple[list[str], int] | None:
    """The ordinals 一是, 二是, … that follow from ``first``, each once and in order, up to
    the next heading, as written (so "十一是" is an item like any other), and where the
    last ends; None when the sequence restarts or skips (another list is nested)."""
    limit = _scope_end(view, first)
    if style == _ARABIC:
        pat = _ARABIC_MARK
        inline = _INLINE_ORDINAL.search(view, first, limit)
        limit = inline.start() if inline else limit
    else:
        pat = _ordinal_pattern(style)
    seen: list[str] = []
    end = first
    for mm in pat.finditer(view, first, limit):
        value = _small_number(mm.group(1))
        if value is None:
            continue
        if value != len(seen) + 1:
            return None
        seen.append(mm.group(0))
        end = mm.end()
    if len(seen) < 2:
        return None
    return seen, end


_DIGIT = regex.compile(r"\d")
_HEAD_MARK = regex.compile(r"[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.．、]")
_INLINE_ORDINAL = regex.compile(r"[一二三四五六七八九十]+、")
_HEADING = regex.compile(
    r"\n[^\S\n]*(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])"
)


@functools.cache
def _ordinal_pattern(style: str) -> regex.Pattern[str]:
    """Ordinals 一是, 二是, … (or 一、 二、) of one style, compiled once per style."""
    return regex.compile(rf"(?<![第\d统之唯单万{_CN_DIGITS}])([一二三四五六七八九十]{{1,3}}){style}")


def _scope_end(view: str, first: int) -> int:
    mm = _HEADING.search(view, first)
    return mm.start() if mm else len(view)


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
