"""The three shapes of a counted list, read around one count: its items after it
(``7个城市分别为:…``), numbered measures after it (``分为五类:一是…``, a heading's
sections), or its items before it (``A、B和C三个工作小组``).

Helpers of :mod:`consistency.claims.enumerations`; cue words in
``data/cues/enumerations.toml``. Each reader returns a :class:`Reading` (the items, where
they lie, how cleanly they are delimited and how surely the count belongs to them) or
None when the count is not the count of a list. Every scan is bounded: a list after its
count ends within :data:`_MAX_LIST` characters, one before it starts within the clause
(at most 120 characters back), numbered measures are looked up in :class:`Marks`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from ..claim import Evidence
from ..quantities import Quantity
from ._lists import (
    _CLAUSE_ENDS,
    _CLOSERS,
    _PAIRS,
    _balanced,
    _clause_start,
    _cues,
    _match_open,
    _plain,
    _readings,
    _split,
    _strip_joiners,
    _titles,
    anchor_re,
    starts_with_any,
)
from ._numbered import Marks, heading_level, heading_sections, ordinal_style, sequence

__all__ = ["MAX_BEFORE", "Reading", "after", "before", "ordinals"]

_STOPS = frozenset("。；;！!？?\n")
#: a list closed by its count is short; one introduced by 分别为 or a colon may be longer
MAX_BEFORE = 30
#: how far a list after its count may run before it is taken to be running text
_MAX_LIST = 600
_DIGIT = regex.compile(r"\d")
_LIST_STOP = regex.compile("[" + regex.escape("".join(sorted(_STOPS)) + ",，") + "]")
_BRACKETS = regex.compile("[" + regex.escape("".join(_PAIRS) + "".join(_CLOSERS)) + "]")
_HEAD_MARK = regex.compile(r"[^\S\n]*(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])")


@dataclass(frozen=True, slots=True)
class Reading:
    """The items a count is read against: ``start``/``end`` span them with the count,
    ``form`` names the shape (``after``, ``before``, ``ordinals``), ``open_`` a list left
    open by 等, ``examples`` a list of examples (如:), ``strict`` a cleanly delimited list
    (a mismatch there is the author's); ``evidence`` and ``how`` say how surely the count
    belongs to these items."""

    start: int
    end: int
    items: list[str]
    form: str
    open_: bool = False
    examples: bool = False
    strict: bool = True
    evidence: Evidence = Evidence.NAMED
    how: str = ""


# -- items after the count: "N个X分别为:A、B、C" / "“N个X”(A、B、C)"


#: where a sentence (not only a clause) ends
_SENTENCE_ENDS = frozenset("。；;！!？?\n")


def after(view: str, m: re.Match[str], count: Quantity) -> Reading | None:
    """The items a lead word or mark introduces after the count and its noun."""
    lead = _cues()["lead"]
    i = m.end()
    # the counted noun: a short run with no punctuation but a closing quote or 的
    j = i
    while j < len(view) and j - i <= 12 and view[j] not in _CLAUSE_ENDS and view[j] not in "(（":
        j += 1
    noun_end = j
    if _DIGIT.search(view, i, noun_end) or anchor_re().search(view, i, noun_end):
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
    if ordinal_style(view, k) is not None:
        return None
    opened = view[k - 1] if view[k - 1] in "(（" else ""
    end = _list_end(view, k, opened)
    if end is None:
        return None
    body = view[k:end]
    if opened and starts_with_any(body.lstrip(), _cues()["open"]["exclusions"]):
        return None  # "五项社会保险(不含…和…)": what is left out, not what is counted
    # "29项主要指标,包括:A、B,C…": a 包括 list that runs on past its clause names some
    examples = starts_with_any(body.lstrip(), _cues()["open"]["examples"]) or (
        word in lead["partial"] and view[end : end + 1] not in _SENTENCE_ENDS
    )
    readings, clean = _split(body)
    items = next((r for r in readings if len(r) == count.value), readings[0])
    if len(items) < 2 or any(anchor_re().search(i) and any(c.isdigit() for c in i) for i in items):
        return None  # "21个指标,包括13个预期性指标、8个约束性指标": a breakdown, not names
    if opened and (count.value > MAX_BEFORE or noun_end - i < 2 or min(map(len, items)) < 2):
        return None  # "31个省(区、市)": the brackets gloss the noun, they do not list 31
    how = "brackets after the count" if opened else f"{word or '冒号'} after the count"
    return Reading(m.start(), end, items, "after", examples=examples, strict=clean, how=how)


def _list_end(view: str, k: int, opened: str) -> int | None:
    """Where a list that starts at ``k`` ends: at its closing bracket or the clause end;
    None when neither comes within :data:`_MAX_LIST` characters."""
    limit = min(len(view), k + _MAX_LIST)
    if not opened:
        stop = _LIST_STOP.search(view, k, limit)
        j = stop.start() if stop else limit
        if not _BRACKETS.search(view, k, j):
            return j if stop or limit == len(view) else None
    depth = 0
    for j in range(k, limit):
        ch = view[j]
        if opened and depth == 0 and ch == _PAIRS[opened]:
            return j
        if ch in _PAIRS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in _STOPS or ch in ",，"):
            return j
    return len(view) if k + _MAX_LIST >= len(view) else None


# -- numbered measures: "分为五类:一是…五是", a heading announcing "五大成效" or its sections


def ordinals(view: str, marks: Marks, m: re.Match[str], count: Quantity) -> Reading | None:
    """The numbered measures a count announces: after a colon, or after the heading the
    count closes (its 一是… or its sections one level down)."""
    del count  # the measures are read whatever the count; the check compares them
    i = m.end()
    j = i
    while j < len(view) and j - i <= 12 and view[j] not in _CLAUSE_ENDS and view[j] not in "(（“":
        j += 1
    head: tuple[int, int] | None = None
    if j < len(view) and view[j] in ":：":
        first = j + 1
    else:
        head = heading_level(view, marks, m.start())
        if head is None:
            return None
        first = _heading_body(view, head[1], j)
        if first is None:
            return None
    style = ordinal_style(view, first)
    if style is not None:
        found = sequence(marks, first, style)
        how = "numbered measures after the count"
    elif head is not None:
        found = heading_sections(marks, head[0], first)
        how = "sections under the heading"
    else:
        return None
    if found is None:
        return None
    items, end = found
    # a quoted count may be a slogan ("开展“三个一”活动") rather than the number of measures
    quoted = m.start() > 0 and view[m.start() - 1] == "“"
    return Reading(m.start(), end, items, "ordinals", strict=not quoted, how=how)


def _heading_body(view: str, line_start: int, j: int) -> int | None:
    """Where the measures of a heading start (the next line, or after its 。), if the
    count ending at ``j`` is the last thing and the only count the heading says."""
    k = j
    limit = min(len(view), j + 80)
    while k < limit and view[k] not in "。\n":
        if view[k] in _CLAUSE_ENDS:
            return None  # the count is not the last thing the heading says
        k += 1
    if k >= limit and k < len(view):
        return None  # no heading runs on this long
    if sum(1 for _ in anchor_re().finditer(view, line_start, k)) != 1:
        return None
    k += 1
    while k < len(view) and k < limit + 200 and view[k].isspace():
        k += 1
    return k


# -- items before the count: "A、B和C三个X", "“A、B、C、D”四个步骤"


def before(view: str, m: re.Match[str], count: Quantity) -> Reading | None:
    """The items right before the count, in quotes, titles or one clause."""
    cues = _cues()
    if count.value > MAX_BEFORE:
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
        body, body_start = view[stop + 1 : end - 1], stop + 1
    else:
        body_start = _clause_start(view, end)
        head = _HEAD_MARK.match(view, body_start, end)
        if head is not None:  # "三、全力抓好七项重点工作": the heading's number is no item
            body_start = head.end()
        body = view[body_start:end]
    body, tail, open_ = _strip_joiners(body)
    if quoted and tail:
        return None
    titled = "《" in body and _titles(body) is not None
    # "A和B两X" alone: a written-out 两 joins two things; "…及…2件" is a breakdown
    if not (titled or any(sep in body for sep in cues["items"]["separators"])) and (
        count.value != 2 or count.text[:1].isdigit()
    ):
        return None
    if "的" in tail and count.text[:1].isdigit():
        return None  # "…或不可行的10件": ten things so described, not a list of ten
    if any(w in body[-12:] for w in cues["open"]["membership"]):
        return None
    if any(body.endswith(w) for w in cues["items"]["each"]):
        return None  # "甲、乙、丙各20家": twenty of each, not a list of twenty
    if any(body.endswith(w) for w in cues["items"]["conjunctions"]):
        return None  # "…、欢乐节及十大赛事": the count opens an item of its own
    readings, clean = _split(body)
    items = readings[0]
    if len(items) < 2 or not items[-1] or not _plain(items):
        return None
    if "或" in body or anchor_re().search(body):
        return None  # alternatives, or items with counts of their own ("二级航道、…三级")
    if _modifiers(items, count):
        return None
    if (
        count.value == 2 < len(items)
        and not titled
        and any(c in body.rsplit("、", 1)[-1] for c in cues["items"]["conjunctions"])
    ):
        return None  # "…、孤儿基本生活与残疾人两项补贴": the two joined last, not the list
    alternatives = [r for reading in readings for r in _readings(reading)]
    fits = [r for r in alternatives if len(r) == count.value]
    if fits:  # a modifier with 的, or a verb before a second list: either reading
        items, clean = fits[0], True
    elif len(alternatives) > len(readings):
        clean = False  # two lists run together ("在A、B设立甲、乙…"), neither fits
    if not quoted:
        clean = clean and _balanced(items)
    # "交通、城管、市场等领域的十二家企业": 等 inside the last item leaves the list open, and
    # a count after 的 may count things belonging to the items rather than the items
    open_ = open_ or any(c in items[-1] for c in cues["open"]["closers"])
    strict = clean and not slogan and "的" not in tail
    evidence, how = _ownership(items, count, quoted or titled or slogan, open_)
    first, last = len(items[0].strip()), len(items[-1].strip())
    if len(items) == 2 < count.value and not (quoted or titled or slogan) and (last <= 2 or first >= 2 * last):
        # "办好国际乒联混合团体世界杯、铁人三项世界杯", "横盖五市、纵贯五级": a stub after a long
        # first item is the head of a name the count belongs to, not a second item
        evidence, how = Evidence.POSITION, "a short second item before a larger count, perhaps part of a name"
    return Reading(body_start, m.end(), items, "before", open_=open_, strict=strict,
                   evidence=evidence, how=how)


def _modifiers(items: list[str], count: Quantity) -> bool:
    """Do the items say what was done to the things counted, or of what grade they are,
    rather than name them? "新建、重组11家实验室" (actions), "省、市、县级12个示范村" (the
    last item's 级 grades the noun after the count)."""
    words = _cues()["items"]
    actions = words["actions"]
    if items[0].endswith(actions) and all(i.strip() in actions for i in items[1:]):
        return True
    grade = next((g for g in words["grades"] if items[-1].endswith(g)), None)
    return grade is not None and not (count.unit or "").startswith(grade)


def _ownership(items: list[str], count: Quantity, delimited: bool, open_: bool) -> tuple[Evidence, str]:
    """How surely a count right after a list counts its items. A count of kinds (五大,
    三类, 四个方面), a count in words, a quoted or titled list: the text names the items
    as what is counted. So does a count in digits at most one above the items: a list
    miscounted by its author is off by one. A count in digits of things (14项, 30家)
    further above the items may count things of the kinds listed ("跟踪审计、专项审计调查
    和其他审计项目14项"): the tie is then only the position."""
    kinds = _cues()["count"]["kinds"]
    if (
        delimited
        or open_
        or (count.unit or "") in kinds
        or not count.text[:1].isdigit()
        or count.value <= len(items) + 1
    ):
        return Evidence.NAMED, "items right before the count"
    return Evidence.POSITION, "items before the count, perhaps kinds of the things counted"
