"""Comparisons of two stated figures: ``参考率为84.1%,超过…要求的…80%的标准``.

Read for :mod:`.completion` (cue words in ``data/cues/completion.toml``, table
``[comparison]``): a figure, a comparison word right after it (``超过``, ``不低于``, ``低于``),
and a second figure of the same family named as a threshold (``…要求的…80%``, ``…的标准``),
not a difference (``低于平均2%``). The check: the relation holds for some values the two
printed figures allow; a flipped threshold is an error (C611).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from ...claim import Claim
from ...intervals import Interval
from ...quantities import Quantity
from ...verdicts import Outcome, Verdict
from .._match import Sentence, family, figure_interval, load_cues

__all__ = ["check_comparison", "comparisons"]


@functools.cache
def _cues() -> dict[str, dict[str, tuple[str, ...]]]:
    return load_cues("completion")


# -- comparisons: "84.1%,超过…要求的…80%的标准"


def comparisons(
    view: str, sentence: Sentence, qs: tuple[Quantity, ...]
) -> Iterator[tuple[Quantity, Quantity, str, str]]:
    """(first, second, relation, word) for each stated comparison of two figures of one
    family in ``sentence``; ``view`` is the folded text."""
    opener = _comparison_opener()
    if len(qs) < 2 or opener.search(view, sentence.start, sentence.end) is None:
        return  # no comparison word anywhere in the sentence: one search decides it
    cues = _cues()["comparison"]
    relations = {r: cues[r] for r in ("at_least", "at_most", "greater", "less")}
    for i, first in enumerate(qs[:-1]):
        # only the words right after the first figure matter: a bounded look keeps a
        # sentence of thousands of figures linear
        after = view[first.end : min(sentence.end, first.end + _LOOKAHEAD)]
        if not opener.match(after):
            continue  # no comparison word starts here (most figures): skip the word lists
        for relation, words in relations.items():
            word = next((w for w in words if _starts_after_gap(after, w, cues["gap"])), None)
            if word is None:
                continue
            at = first.end + after.find(word) + len(word)
            second = next((q for q in qs[i + 1 :] if q.start >= at), None)
            if second is None or second.start - at > 20 or family(second) != family(first):
                break
            between = view[at : second.start]
            tail = view[second.end : second.end + 6]
            if any(ch in "，,；;" for ch in between) or "百分点" in tail:
                break
            # a threshold, not a difference: "…要求的…80%的标准", not "低于平均2%"
            named = any(r in between for r in cues["reference"]) and "的" in between
            if not (named or (tail.startswith("的") and any(r in tail for r in cues["reference"]))):
                break
            yield first, second, relation, word
            break


#: how far after a figure a comparison word may start (a gap word, then the word)
_LOOKAHEAD = 32


@functools.cache
def _comparison_opener() -> regex.Pattern[str]:
    """Any comparison word, after at most one gap word: a quick test that a figure may
    open a comparison, true whenever :func:`_starts_after_gap` is for some word."""
    cues = _cues()["comparison"]
    words = [w for r in ("at_least", "at_most", "greater", "less") for w in cues[r]]

    def alt(ws: list[str] | tuple[str, ...]) -> str:
        return "|".join(regex.escape(w) for w in sorted(ws, key=len, reverse=True))

    return regex.compile(f"(?:{alt(cues['gap'])})?(?:{alt(words)})")


def _starts_after_gap(text: str, word: str, gaps: tuple[str, ...]) -> bool:
    if text.startswith(word):
        return True
    return any(text.startswith(g + word) for g in gaps)


# ---------------------------------------------------------------- checking


def check_comparison(claim: Claim) -> Outcome:
    """Does the stated relation (``op``: greater, less, at_least, at_most) hold between
    what the two printed figures allow?"""
    first, (second,) = claim.stated, claim.parts
    a = figure_interval(first) or _point(first)
    b = figure_interval(second) or _point(second)
    relation = claim.details["op"]
    holds = {
        "greater": a.high > b.low,
        "less": a.low < b.high,
        "at_least": a.high >= b.low,
        "at_most": a.low <= b.high,
    }[relation]
    params = {"first": first.text, "second": second.text, "word": claim.details["word"],
              "value": f"{first.text} {claim.details['word']} {second.text}"}
    if holds:
        return Outcome(Verdict.CONSISTENT, computed=a, params=params)
    return Outcome(Verdict.INCONSISTENT, code="C611", computed=a, params=params)


def _point(q: Quantity) -> Interval:
    return Interval.exact(q.value)
