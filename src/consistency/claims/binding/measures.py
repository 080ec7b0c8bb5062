"""Measure semantics (``data/measures.toml``): what a figure's words say about the
measure it states.

* :func:`nonadditive`: averages, per-capita figures, rates, indices, prices, densities
  and shares never add into a total nor bound one as a part;
* :func:`ordinal_after`: the words after a numeral that make it a category name
  (一类, 二级, 一等奖), not a count;
* :func:`scope_words`: the scope words (levels of government, phases, enforcement
  types, periods, targets) found in a stretch of text, so that two figures under the
  same label but different scopes are not taken for one measure.
"""

from __future__ import annotations

from .._match import load_words

__all__ = ["SCOPES", "nonadditive", "ordinal_after", "scope_words"]

_PATH = "data/measures.toml"

#: the scope families of ``[scope]``, in the order the data file lists them
SCOPES = ("levels", "phases", "enforcement", "periods", "targets")


def nonadditive(label: str) -> str | None:
    """The word of ``label`` that names a non-additive measure (人均, 平均, 指数…), or None."""
    for w in load_words(_PATH)["nonadditive"]["words"]:
        if w in label:
            return w
    return None


def ordinal_after(text: str) -> str | None:
    """The category word ``text`` starts with (类, 级, 等奖…), or None."""
    for w in load_words(_PATH)["ordinal"]["after"]:
        if text.startswith(w):
            return w
    return None


def scope_words(text: str) -> dict[str, frozenset[str]]:
    """The scope words of each family found in ``text`` (families with none are left out)."""
    table = load_words(_PATH)["scope"]
    found: dict[str, frozenset[str]] = {}
    for fam in SCOPES:
        hits = frozenset(w for w in table.get(fam, ()) if w in text)
        if hits:
            found[fam] = hits
    return found
