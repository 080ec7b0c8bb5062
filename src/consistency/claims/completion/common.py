"""What every reading of a completion claim shares: the kind's name, its cue words, the
claim constructor with its bindings, and small text helpers."""

from __future__ import annotations

import bisect
import functools

import regex

from ...claim import Binding, Claim
from ...quantities import Quantity
from .._match import load_cues

__all__ = ["KIND", "completion_claim", "cues", "may_name_target", "near", "same_unit", "unglossed"]

KIND = "completion"


@functools.cache
def cues() -> dict[str, dict[str, tuple[str, ...]]]:
    """The cue table ``data/cues/completion.toml``."""
    return load_cues("completion")


def completion_claim(
    form: str,
    stated: Quantity,
    parts: tuple[Quantity, ...],
    relation: str,
    start: int | None = None,
    bindings: tuple[Binding, ...] = (),
    **details: str,
) -> Claim:
    """A completion or comparison claim of ``form`` (``target``, ``excess``, ``shared``,
    ``parts``, ``over``, ``comparison``), its figures bound as ``bindings`` say."""
    figures = (stated, *parts)
    return Claim(
        kind=KIND,
        start=min(q.start for q in figures) if start is None else start,
        end=max(q.end for q in figures),
        stated=stated,
        parts=parts,
        relation=relation,
        details={"form": form, **details},
        bindings=bindings,
    )


def same_unit(a: Quantity, b: Quantity) -> bool:
    """Are ``a`` and ``b`` in one unit (and have one)?"""
    return a.unit is not None and a.unit == b.unit


_GLOSS = regex.compile(r"\([a-zA-Z\u00e0-\u01dc]+\)")


def unglossed(text: str) -> str:
    """``text`` without pinyin glosses that mirror sites insert ("预(yù)算")."""
    return _GLOSS.sub("", text)


def may_name_target(view: str, start: int, end: int) -> bool:
    """Can a rate in ``view[start:end]`` name its target (预算, 目标任务)? Not when none of
    the characters a target word ends with occurs there: the words read before a rate
    are a part of that span with glosses taken out, so one search decides."""
    return _target_ends().search(view, start, end) is not None


@functools.cache
def _target_ends() -> regex.Pattern[str]:
    """The last characters of the target words, as one character class (a cue word is
    never empty: :func:`~consistency.claims._cues.load_words` refuses one)."""
    targets = cues()["completion"]["targets"]
    return regex.compile("[" + "".join(sorted({regex.escape(t[-1]) for t in targets})) + "]")


#: the start offsets of a sentence's figures, by the identity of its figure tuple (the
#: tuple itself is kept, so its id stays its own); one entry per sentence read
_STARTS: dict[int, tuple[tuple[Quantity, ...], list[int]]] = {}


def near(qs: tuple[Quantity, ...], lo: int, hi: int) -> tuple[Quantity, ...]:
    """The figures of ``qs`` (a sentence's, in text order) starting in ``[lo, hi)``, found
    by bisection: a reading looks only this far around a figure, so that a sentence of
    thousands of figures is read in linear time."""
    hit = _STARTS.get(id(qs))
    if hit is None or hit[0] is not qs:
        if len(_STARTS) > 256:
            _STARTS.clear()
        hit = _STARTS[id(qs)] = (qs, [q.start for q in qs])
    starts = hit[1]
    return qs[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
