"""Measure semantics (``data/measures.toml``): what a figure's words say about the
measure it states.

* :func:`nonadditive`, :func:`nonadditive_figure`: averages, per-capita figures,
  rates, indices, prices, densities, shares, and changes in 百分点 or 倍 never add into a
  total nor bound one as a part;
* :func:`ordinal_after`: the words after a numeral that make it a category name
  (一类, 二级, 一等奖), not a count;
* :func:`scope_words`: the scope words (levels of government, phases, enforcement
  types, periods, targets) found in a stretch of text, so that two figures under the
  same label but different scopes are not taken for one measure (a figure's whole scope,
  headings and paragraphs included, is read by :mod:`.scope`);
* :func:`target_words`: the words of a plan or target;
* :func:`crossed_dimensions`: parts named along two different dimensions (a sector and
  an ownership), which may overlap.
"""

from __future__ import annotations

import functools
import re

from .._match import load_words, words_pattern

__all__ = [
    "SCOPES",
    "crossed_dimensions",
    "nonadditive",
    "nonadditive_figure",
    "ordinal_after",
    "scope_words",
    "target_words",
]

_PATH = "data/measures.toml"

#: the scope families of ``[scope]``, in the order the data file lists them
SCOPES = ("levels", "phases", "enforcement", "periods", "targets")


def nonadditive(label: str) -> str | None:
    """The word of ``label`` that names a non-additive measure (人均, 平均, 指数, 比重…),
    or None."""
    table = load_words(_PATH)["nonadditive"]
    for w in (*table["words"], *table["shares"]):
        if w in label:
            return w
    return None


def nonadditive_figure(label: str, unit: str | None) -> bool:
    """Does a counted or measured figure with this ``label`` and ``unit`` state a measure
    that never adds up (an average, a price; a change in 百分点 or 倍)?"""
    table = load_words(_PATH)["nonadditive"]
    if unit is not None and (unit in table["units"] or "/" in unit):
        return True  # 1.1个百分点, 6075公斤/公顷: a change of a rate, a quantity per unit
    return _nonadditive_words().search(label) is not None


@functools.cache
def _nonadditive_words() -> re.Pattern[str]:
    """The words of ``[nonadditive].words`` as one pattern: one search finds whether a
    label holds any, where a test of each word took a Python step per word (every figure
    of every frame is asked)."""
    return words_pattern(load_words(_PATH)["nonadditive"]["words"])


def ordinal_after(text: str) -> str | None:
    """The category word ``text`` starts with (类, 级, 等奖…), or None."""
    for w in load_words(_PATH)["ordinal"]["after"]:
        if text.startswith(w):
            return w
    return None


def scope_words(text: str) -> dict[str, frozenset[str]]:
    """The scope words of each family found in ``text`` (families with none are left out).
    The period family gathers every kind of period word (``periods``, ``current``,
    ``spans`` and the words of ``parts``)."""
    found: dict[str, frozenset[str]] = {}
    for fam, words in _scope_families():
        hits = frozenset(w for w in words if w in text)
        if hits:
            found[fam] = hits
    return found


@functools.cache
def _scope_families() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each scope family of :data:`SCOPES` with its words (gathered once, not per text)."""
    table = load_words(_PATH)["scope"]
    out: list[tuple[str, tuple[str, ...]]] = []
    for fam in SCOPES:
        words = tuple(table.get(fam, ()))
        if fam == "periods":
            words = (*words, *table["current"], *table["spans"], *(p.split()[0] for p in table["parts"]))
        out.append((fam, words))
    return tuple(out)


def target_words() -> tuple[str, ...]:
    """The words of a plan or target (力争, 预期, 下一步…): a sentence holding one states
    what is to be done, not what was."""
    return load_words(_PATH)["scope"]["targets"]


def _dimensions(label: str) -> frozenset[str]:
    table = load_words(_PATH)["dimensions"]
    return frozenset(d for d, words in table.items() if any(w in label for w in words))


def crossed_dimensions(labels: list[str]) -> bool:
    """Do two of ``labels`` name categories along different dimensions only ("工业投资" a
    sector, "民间投资" an ownership)? Then one thing may be counted under both."""
    named = [d for d in map(_dimensions, labels) if d]
    return any(not (a & b) for i, a in enumerate(named) for b in named[i + 1 :])
