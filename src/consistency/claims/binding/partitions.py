"""Partitions: families of categories that cannot overlap (``data/partitions.toml``).

The outcomes of one decision (维持, 驳回, 撤销…), the three industries, 城镇 and 乡村,
男 and 女: a thing counted under one member is counted under no other. A list of parts
whose every part is named by a different member of one family is a *division* of its
whole (:func:`division`):

* its parts can never add up to more than the whole (a plain 其中 list may count a case
  in two groups; these cannot), so an excess is an error;
* when it names every member it covers the whole, so a shortfall is an error too;
* otherwise it may leave members out, like any list of kinds.

The words naming each member are matched longest first and each stretch of a label
names one member at most ("不予通过" names 不予通过, not 通过 as well).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...errors import DataFileError
from ...lexicon import read_data

__all__ = ["Division", "Partition", "covered", "division", "members_of_one", "partitions"]

_PATH = "partitions.toml"
_NONE: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Partition:
    """A family of categories that cannot overlap: ``members`` hold the words naming
    each member; ``whole`` the words one of which the whole's label must hold (none: any
    whole); ``unless`` words that take a list out of the family; ``bare`` the words
    labelling the whole of a list written with no 其中, ``measure_words`` the words its
    parts must name after their member (the data file's ``measure``)."""

    name: str
    members: tuple[tuple[str, ...], ...]
    whole: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    bare: tuple[str, ...] = ()
    measure_words: tuple[str, ...] = ()

    @functools.cached_property
    def _pattern(self) -> re.Pattern[str]:
        words = sorted({w for ws in self.members for w in ws}, key=len, reverse=True)
        return re.compile("|".join(re.escape(w) for w in words))

    @functools.cached_property
    def _member_of(self) -> dict[str, int]:
        return {w: i for i, ws in enumerate(self.members) for w in ws}

    def named(self, label: str, *, short: bool = True) -> frozenset[int]:
        """The members ``label`` names (indices into ``members``); single-character
        words (男, 女) only when ``short``."""
        if self._pattern.search(label) is None:
            return _NONE  # most labels name no member of most families: one search says so
        return frozenset(
            self._member_of[m.group()]
            for m in self._pattern.finditer(label)
            if short or len(m.group()) >= 2
        )

    def measure(self, label: str) -> str:
        """What ``label`` says after its last word naming a member: the measure a part
        states of its member ("第一产业增加值" → 增加值; "城镇新增就业" → 新增就业)."""
        last = None
        for last in self._pattern.finditer(label):
            pass
        return label[last.end() :].strip() if last is not None else label

    def divides(self, whole_label: str) -> bool:
        """May a figure with this label be divided by the family?"""
        return not self.whole or any(w in whole_label for w in self.whole)


@dataclass(frozen=True, slots=True)
class Division:
    """The family a list of parts divides its whole by, and whether it names every
    member (then it covers the whole)."""

    partition: Partition
    complete: bool


@functools.cache
def partitions() -> tuple[Partition, ...]:
    """Every family of ``data/partitions.toml``, in the order it lists them (read and
    validated once; a malformed entry raises :class:`DataFileError` naming it)."""
    raw = read_data(_PATH).get("partition")
    if not isinstance(raw, list):
        raise DataFileError(f"data/{_PATH}", "expected [[partition]] tables", key="partition")
    out: list[Partition] = []
    for n, entry in enumerate(raw):
        where = f"partition[{n}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise DataFileError(f"data/{_PATH}", "expected a table with a name", key=where)
        lists = {k: _words(entry, k, where) for k in ("members", "whole", "unless", "bare", "measure")}
        members = tuple(tuple(w for w in m.split("/") if w) for m in lists["members"])
        if len(members) < 2 or not all(members):
            raise DataFileError(f"data/{_PATH}", "needs two members or more, each named", key=f"{where}.members")
        out.append(
            Partition(
                entry["name"], members, lists["whole"], lists["unless"], lists["bare"], lists["measure"]
            )
        )
    return tuple(out)


def _words(entry: dict[str, object], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise DataFileError(f"data/{_PATH}", "expected a list of non-empty strings", key=f"{where}.{key}")
    return tuple(value)


def division(labels: Sequence[str], whole_label: str, clauses: Sequence[str] = ()) -> Division | None:
    """The family whose members name the parts with these ``labels``, each part a
    different member (or members: "撤销、变更6件" is one part of two), when the whole's
    label allows it; None when no family does. ``clauses`` (the whole clause of each
    part) are asked when a label names no member, for words of two characters or more
    ("集体访85批2230人次": the label of 2230人次 is 85批)."""
    for p in partitions():
        if not p.divides(whole_label):
            continue
        if any(w in label for w in p.unless for label in (*labels, *clauses)):
            continue
        # a label naming no member rules the family out: the labels after it are not read
        named = list(itertools.takewhile(bool, (_named(p, i, labels, clauses) for i in range(len(labels)))))
        if len(named) < len(labels):
            continue
        seen: set[int] = set()
        disjoint = True
        for members in named:
            if seen & members:
                disjoint = False
                break
            seen |= members
        if disjoint:
            return Division(p, len(seen) == len(p.members))
    return None


def members_of_one(a: str, b: str) -> bool:
    """Do labels ``a`` and ``b`` name two different members of one family ("部分公开" and
    "无法提供": two answers to an information request)? A list whose parts are so named
    goes on past a semicolon, though their words share no ending."""
    for p in partitions():
        x, y = p.named(a), p.named(b)
        if x and y and x != y:
            return True
    return False


def covered(labels: Sequence[str], whole_label: str, clauses: Sequence[str] = ()) -> Partition | None:
    """A family every member of which some part names, no one part naming them all
    ("其中男性242067人,女性230349人"): the list covers its whole, whatever else it lists.
    None when no family is so covered."""
    for p in partitions():
        if not p.divides(whole_label):
            continue
        named = [_named(p, i, labels, clauses) for i in range(len(labels))]
        union = frozenset().union(*named)
        if len(union) == len(p.members) and all(len(m) < len(p.members) for m in named):
            return p
    return None


def _named(p: Partition, i: int, labels: Sequence[str], clauses: Sequence[str]) -> frozenset[int]:
    found = p.named(labels[i])
    if not found and i < len(clauses):
        found = p.named(clauses[i], short=False)
    return found
