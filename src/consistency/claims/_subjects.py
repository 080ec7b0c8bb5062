"""The subject a figure is stated under, for restated figures: the words before it
(``市本级政务服务事项共1150项``), or those words joined with the noun after it (``市本级
1150个政务服务事项``), without the period its scope holds or the linking words around
it (cue words in ``data/cues/restatements.toml [label]`` and ``[skip]``).

Helpers of :mod:`consistency.claims.restatements`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import regex

from ..quantities import Quantity
from ._match import CLOSING, Context, Sentence, load_cues, words_pattern
from .binding.scope import period_prefix

__all__ = ["CJK", "cues", "eligible", "subjects"]

CJK = regex.compile(r"[\p{Han}“”《》]+")
_CJK_TAIL = regex.compile(r"(?r)[\p{Han}“”《》]+\Z")
#: what may stand between a label and its figure in a text table
_CELL_EDGES = " \t|│｜\u3000"


@functools.cache
def cues() -> dict[str, dict[str, tuple[str, ...]]]:
    """The cue table ``data/cues/restatements.toml``."""
    return load_cues("restatements")


def subjects(
    ctx: Context, view: str, sentence: Sentence
) -> Iterator[tuple[Quantity, frozenset[str], str | None, str, int]]:
    """The eligible figures of ``sentence`` with their subjects: the label before each
    (its exact subject when long enough) and that label joined with the noun after the
    figure ("市本级1150个政务服务事项": 市本级政务服务事项); why the label is not whole, if
    it is not (it runs on before a bracket, or points back); and the clause's index. ``view`` is the document folded once (one character for
    one), so every slice of it is the folded slice of the text."""
    skip = _skip()
    minimum = int(cues()["label"]["min_length"][0])
    run_label = ""  # the label of the first figure of a 、 list
    for ci, clause in enumerate(sentence.clauses):
        after_previous = clause.start
        if clause.opener != "、":
            run_label = ""
        for qi, q in enumerate(clause.quantities):
            # the label runs from the end of the figure before (as Context.label_before)
            start, after_previous = after_previous, max(after_previous, q.end)
            if not eligible(q):
                run_label = ""
                continue
            if start > q.start:  # figures overlapping: let the context find the label
                start = q.start - len(ctx.label_before(q, clause))
            label = _label(view, start, q.start)
            # "建议126件、政协提案158件": the second figure opens a clause after 、
            listed = qi == 0 and clause.opener == "、" and start == clause.start
            shared = run_label if listed else ""
            run_label = run_label if listed else label
            if not label and start == clause.start and clause.opener in ":：" and ci > 0:
                # "受理行政复议案件:365件": the label is the clause before the colon
                before = sentence.clauses[ci - 1]
                if not before.quantities:
                    label = _label(view, before.start, before.end)
            if skip.search(label):
                continue
            exact = label if len(label) >= minimum else None
            subjects: set[str] = set()
            if exact is not None:
                subjects.add(exact)
            # "市本级1150个政务服务事项": the subject is split around the figure
            head = _head_cjk(view[q.end : min(clause.end, q.end + 24)])
            hit = skip.search(head)
            noun = head[: hit.start()] if hit else head
            if label and noun:
                # the label with the noun's first two characters or more, long enough
                for k in range(max(2, minimum - len(label)), len(noun) + 1):
                    subjects.add(label + noun[:k])
            if shared and label:
                subjects.update(_inherited(shared, label, minimum))
            if subjects:
                # "市(州)热线受理…": the label's first words are before the bracket; and
                # "当年收支结余…" points back to a subject named before it
                partial = ""
                if clause.opener in CLOSING and start == clause.start:
                    partial = "its label runs on before a bracket"
                elif label.startswith(cues()["label"]["anaphoric"]):
                    partial = "its label points back to a subject named before it"
                yield q, frozenset(subjects), exact, partial, ci


def _inherited(first: str, label: str, minimum: int) -> Iterator[str]:
    """The subjects a short label takes from the first label of its 、 list: "共承办人大代表
    建议126件、政协提案158件" states 政协提案 under the words that open the list (共承办), so
    the second figure is 承办政协提案 as well. Where the verb ends and the first noun begins
    is not marked, so every head of the first label is tried; a later statement must name
    one of them exactly to be paired."""
    for k in range(1, len(first)):
        if len(first[:k]) + len(label) >= minimum:
            yield first[:k] + label


def _label(view: str, start: int, end: int) -> str:
    """The subject words before a figure: the run of Chinese characters ending at ``end``,
    without the period it opens with (the scope holds the period: "全年共受理…" and
    "受理…" name one measure) and without linking words ("共", "达到")."""
    raw = view[start:end].rstrip(_CELL_EDGES)  # "| 受理行政复议案件 | 365件": a table's cell
    tail = _tail_cjk(raw)
    if not tail:
        return ""
    if raw[: -len(tail)][-1:].isdigit():
        tail = tail.lstrip("年月日度份")  # the rest of a date: "2023年受理…"
    return _strip(tail[period_prefix(tail) :])


@functools.cache
def _skip() -> re.Pattern[str]:
    """The skip cue words (a change, a part, a comparison, a target) as one pattern."""
    return words_pattern(cues()["skip"]["words"])


def eligible(q: Quantity) -> bool:
    """Exact figures written with digits, in a unit: the ones a restatement could contradict."""
    # the unit test first: it rejects most figures (counts of 件 aside, many have none)
    return (
        q.unit is not None
        and q.low is not None
        and q.high is not None
        and not q.approx
        and any(map(str.isdigit, q.text))
    )


def _tail_cjk(label: str) -> str:
    """The run of Chinese characters that ends the label (the subject next to the figure)."""
    # read backwards from the end: only the last run matters, not every run of the label
    m = _CJK_TAIL.search(label.rstrip())
    return m.group(0) if m else ""


def _head_cjk(after: str) -> str:
    """The run of Chinese characters right after a figure's unit (at most 12)."""
    m = CJK.match(after)
    return m.group(0)[:12] if m else ""


def _strip(label: str) -> str:
    words = cues()["label"]["strip"]
    changed = True
    # a pass over the words only while one of them opens or closes the label (most
    # labels: none); startswith and endswith try the whole tuple of words in one call
    while changed and (label.startswith(words) or label.endswith(words)):
        changed = False
        for w in words:
            if label.endswith(w) and len(label) > len(w):
                label, changed = label[: -len(w)], True
            if label.startswith(w) and len(label) > len(w):
                label, changed = label[len(w) :], True
    return label
