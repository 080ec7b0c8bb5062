"""Reading one sentence into level groups: a level (the figure after), maybe the figure
before it, and the changes the text states of it.

A group opens at a plain figure; the changes right after it, linked by comparison words
only (``,同比``, ``,比上年``), are its changes. ``由A…至B`` makes A the figure before and B
the level; ``比上年A增加…`` / ``与…A相比,下降…`` makes A the figure before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...quantities import Quantity
from .._folded import folded
from .._match import Context, Sentence
from .words import (
    BASE_CLOSE,
    BASE_NEAR,
    BASE_OPEN,
    CLAUSE_MARK,
    CUES,
    DATED,
    EARLIER,
    FROM,
    RESULT_WORDS,
    TO,
    Change,
    as_change,
    ends_with,
    with_compared,
    words_before,
)

__all__ = ["BASED", "FOLLOWS", "PAIRED", "RESTATED", "RESULT", "Group", "groups", "rival_level"]


#: how the level of a group is tied to its changes, by the way the text states them
FOLLOWS, PAIRED, RESULT = "the changes follow it", "由…至… pair", "the changes lead to it"
BASED = "the comparison names it as the earlier figure"
RESTATED = "the same label under an earlier year"


@dataclass(slots=True)
class Group:
    """A level (the figure after), maybe the figure before it, and the changes stated."""

    level: Quantity
    before: Quantity | None = None
    changes: list[Change] = field(default_factory=list)
    #: rates still belong to the level: a share stated in between ("结案率97.19%,同比上升
    #: 6.7%") takes the rates after it, until an amount in the level's unit comes back to it
    open: bool = True
    #: the changes that follow the level closely, clause by clause (whole-base candidates)
    near: list[Change] = field(default_factory=list)
    #: what ties the level to its changes, in words for the claim's bindings
    how: str = FOLLOWS
    #: the words naming the level (before it, or before the changes that lead to it)
    label: str = ""
    #: the level is the earlier figure the changes are measured from, no later level
    #: stated ("比上年的1,200件增加150件,增长12.5%")
    based: bool = False
    #: the years between the figure before and the level when both are dated
    #: ("从2015年的2007万元上升到2020年的2468万元": 5), else 0
    years: int = 0


def groups(ctx: Context, sentence: Sentence) -> Iterator[Group]:
    """The level groups of one sentence, figures in brackets left out (they restate); a
    level whose rate has no earlier figure takes the one its own label names under an
    earlier year in the sentence (:func:`_restated`). None when no figure of the sentence
    is a change: its groups would hold no change, and such a group makes no claim."""
    text = folded(ctx)
    qs = with_compared(text, sentence)
    prefixes = [words_before(text, sentence.start, qs, k) for k in range(len(qs))]
    changes = [as_change(p, q) for p, q in zip(prefixes, qs, strict=True)]
    if all(c is None for c in changes):
        return  # as for most sentences holding a cue's last character (167 of 265 in the corpus)
    for group in _groups(text, sentence, qs, prefixes, changes):
        if group.before is None and group.how == FOLLOWS and not group.based:
            earlier = _restated(text, sentence, qs, prefixes, group)
            if earlier is not None:
                group.before, group.how = earlier, RESTATED
        yield group


def _groups(
    text: str, sentence: Sentence, qs: list[Quantity], prefixes: list[str],
    changes: list[Change | None],
) -> Iterator[Group]:
    """See :func:`groups`: the groups as the sentence states them, given what each figure
    is as a change (``changes``, by index of ``qs``; read again here after a unit tail)."""
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
    group: Group | None = None
    # changes (and the earlier figure they compare with) stated before their level:
    # "较2020年的128件增长了15.6%,达到148件", "下跌15.2%至535.0亿元"; with no level after
    # them, the earlier figure alone is their base ("比上年的1,200件增加150件,增长12.5%")
    pending: list[Change] = []
    pending_before: Quantity | None = None
    label = ""
    for i, q in enumerate(qs):
        r, ch = role.get(i), changes[i]
        if r == "from":
            yield from _based(pending_before, pending, label)
            pending, pending_before = [], None
            continue
        if r == "to":
            if group:
                yield group
            group = Group(
                q, qs[i - 1], how=PAIRED, label=prefixes[i - 1],
                years=_years(prefixes[i - 1], prefixes[i]),
            )
        elif r == "base":
            if group and group.before is None and group.level.unit == q.unit:
                group.before = q
            else:
                yield from _based(pending_before, pending, label)
                pending, pending_before, label = [], q, prefixes[i]
        elif ch is not None:
            if group and ch.kind == "amount" and ch.q.unit == group.level.unit:
                group.open = True
            if group and not ch.linked:
                group.open = False  # another subject: "其中调解案件同比增长…"
            elif group and group.open:
                group.changes.append(ch)
                if len(prefixes[i]) <= 10 and len(group.near) == len(group.changes) - 1:
                    group.near.append(ch)
                continue
            if pending and not ch.linked:
                yield from _based(pending_before, pending, label)
                pending, pending_before = [], None
            if pending_before is not None and pending_before.end != qs[i - 1].end and not pending:
                pending_before = None  # the earlier figure compares with the change just after it
            if not pending and pending_before is None:
                label = prefixes[i]
            pending.append(ch)
        elif text[q.end : q.end + 1] == "的":
            yield from _based(pending_before, pending, label)
            pending, pending_before = [], None
            continue  # "预算31,700万元的229.39%": a base of something else
        elif q.is_percent and group and not group.level.is_percent:
            if ends_with(prefixes[i], _COMPLETION_ASIDE) is None:
                group.open = False  # a share or a comparison aside
            # else "为调整预算的96.4%": the level's completion rate, the changes go on
            yield from _based(pending_before, pending, label)
            pending, pending_before = [], None
        else:
            if group:
                yield group
            if pending and _leads_to(prefixes[i], pending, q):
                group = Group(q, pending_before, list(pending), how=RESULT, label=label)
            else:
                yield from _based(pending_before, pending, label)
                group = Group(q, label=prefixes[i])
            pending, pending_before = [], None
    if group:
        yield group
    yield from _based(pending_before, pending, label)


def _based(before: Quantity | None, pending: list[Change], label: str) -> Iterator[Group]:
    """The earlier figure of a comparison with the changes after it, when no level follows
    them: a group of its own whose level is the base (``based``)."""
    if before is not None and pending:
        yield Group(before, None, list(pending), how=BASED, label=label, based=True)


_YEAR = re.compile(r"((?:19|20)\d\d)年")
_LINK_TAIL = re.compile(r"[为是达:：]+$")


def _key(prefix: str) -> str:
    """The label a figure's own clause gives it, link words off (``平均得分率为`` →
    ``平均得分率``)."""
    return _LINK_TAIL.sub("", _DATES.sub("", CLAUSE_MARK.split(prefix)[-1]))


_DATES = re.compile(r"(?:19|20)\d\d年(?:底|末|初|度)?")


def _restated(
    text: str, sentence: Sentence, qs: list[Quantity], prefixes: list[str], group: Group
) -> Quantity | None:
    """``在2014年,…平均得分率为59.7%;在2015年,…平均得分率为61.74%,上升2.04%``: a level
    whose rate or points change has no earlier figure, and an earlier figure of the same
    unit under the very same label (three characters or more) with an older year named
    before it and a newer one between the two: that figure is the level's earlier one.
    Only when exactly one figure fits."""
    if not any(c.kind in ("rate", "points") for c in group.changes):
        return None
    if any(c.kind == "amount" for c in group.changes):
        return None
    level = group.level
    try:
        k = qs.index(level)
    except ValueError:
        return None
    key = _key(prefixes[k])
    if len(key) < 3:
        return None
    newer = _YEAR.findall(text, sentence.start, level.start)
    found = []
    for i in range(k):
        q = qs[i]
        if q.unit != level.unit or _key(prefixes[i]) != key:
            continue
        older = _YEAR.findall(text, sentence.start, q.start)
        between = _YEAR.findall(text, q.end, level.start)
        if older and between and int(older[-1]) < int(newer[-1]):
            found.append(q)
    return found[0] if len(found) == 1 else None


def _years(before: str, between: str) -> int:
    """The years from the date of the figure before (the last year its clause names) to
    the date of the level (the year named between the two), when both are named."""
    first = _YEAR.findall(CLAUSE_MARK.split(before)[-1])
    second = _YEAR.findall(between)
    if not first or len(second) != 1:
        return 0
    n = int(second[0]) - int(first[-1])
    return n if 1 <= n <= 50 else 0


def _leads_to(prefix: str, pending: list[Change], level: Quantity) -> bool:
    """Do the changes just before ``level`` lead to it (``增长15.6%,达到148件``,
    ``下跌15.2%至535.0亿元``)? Only a result word may stand between, and the level must be
    of the kind the changes measure: a rate's level is no rate, a change in points is of
    a rate."""
    if RESULT_WORDS.fullmatch(prefix) is None:
        return False
    for ch in pending:
        if ch.kind == "points" and not level.is_percent:
            return False
        if ch.kind != "points" and level.is_percent:
            return False
        if ch.kind == "amount" and ch.q.unit != level.unit:
            return False
    return True


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
    earlier figure it compares with. ``与`` and ``同`` open a comparison only when ``相比``
    closes it (``研究与试验发展经费…增加`` compares nothing); ``比``/``较`` open one near the
    figure."""
    rest = gap.lstrip(")）")  # "较去年同期(750.2亿元)减少…": the bracket closes first
    close = next((w for w in BASE_CLOSE if rest.startswith(w)), "")
    rest = rest[len(close) :].lstrip(",，")
    if not rest.startswith(change.cue) and not rest.endswith(change.cue):
        return False
    if len(rest) > len(change.cue) + 3:
        return False
    clause = CLAUSE_MARK.split(prefix)[-1]
    if close:
        return any(w in clause for w in (*BASE_OPEN, *EARLIER))
    return _NEAR.search(clause) is not None or any(w in clause for w in EARLIER)


#: ``比``/``较`` opening a comparison, not inside a word (占比, 比例, 比重, 之比)
_NEAR = re.compile(
    "(?<![占对對之])(?:" + "|".join(map(re.escape, BASE_NEAR)) + ")(?![例重率值])"
)


def rival_level(text: str, previous: Group | None, group: Group) -> Quantity | None:
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

