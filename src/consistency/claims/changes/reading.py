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
from .._match import Context, Sentence
from .words import (
    BASE_CLOSE,
    BASE_OPEN,
    CLAUSE_MARK,
    CUES,
    DATED,
    EARLIER,
    FROM,
    TO,
    Change,
    as_change,
    ends_with,
    unbracketed,
    words_before,
)

__all__ = ["Group", "groups", "rival_level"]


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


def groups(ctx: Context, sentence: Sentence) -> Iterator[Group]:
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
    group: Group | None = None
    for i, q in enumerate(qs):
        r, ch = role.get(i), changes[i]
        if r == "from":
            continue
        if r == "to":
            if group:
                yield group
            group = Group(q, qs[i - 1])
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
            group = Group(q)
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

