"""Completion of a target, and comparisons with a threshold.

Completion (cue words in ``data/cues/completion.toml``, table ``[completion]``):

* amount, target and rate all stated: ``基金收入72,716万元,完成年初预算31,700万元的
  229.39%`` → 72716 / 31700 must round to 229.39%;
* the target given as a difference: ``支出总计1741.75万元…完成年初预算100%,决算数大于
  预算数55.93万元`` → 1741.75 / (1741.75 − 55.93) = 103.32%, not 100%;
* two rates of one sentence, each with its amount (``完成总时长7068.88小时,完成度182.09%,
  …7545.34小时,完成度194.37%``): the targets they imply are compared; when they differ
  the two may simply have different targets, so that is undecidable, never an error;
* the target stated before the amount, named by the rate's words
  (``调整预算为50亿元,实际完成48亿元,为调整预算的96%``) → 48 / 50;
* ``超额完成…任务的124%``: only the direction can be checked, above 100%.

Comparison (table ``[comparison]``): ``参考率为84.1%,超过自治区要求的参考率达到80%的
标准``: the stated relation (>, <, ≥, ≤) between the figure just before the word and a
threshold after it must hold for some true values the two printed figures allow.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...claim import Claim
from .._folded import folded
from .._match import Context
from ..binding import named
from .common import KIND, completion_claim, may_name_target
from .comparisons import comparisons
from .judging import check
from .labelled import named_targets
from .several import parts_targets, rate_pairs, shared_target
from .targets import earlier_target, over, with_target

__all__ = ["KIND", "check", "extract"]


def extract(ctx: Context) -> Iterator[Claim]:
    """Every completion and comparison claim of the text, unchecked."""
    view = folded(ctx)
    # each sentence's (amount, rate) pairs, read once: the parts test reads every
    # sentence twice (as a total, then as the parts), the shared-target test once more
    sentences = tuple(ctx.with_figures())
    pairs = [rate_pairs(view, s.quantities) for s in sentences]
    yield from parts_targets(view, sentences, pairs)
    for sentence, sentence_pairs in zip(sentences, pairs, strict=True):
        qs = sentence.quantities
        if any(q.is_percent for q in qs):  # every rate test reads a percentage
            if may_name_target(view, sentence.start, sentence.end):  # a target read by name
                found = [*with_target(view, sentence, qs), *earlier_target(ctx, view, sentence, qs)]
                yield from found
                yield from named_targets(ctx, view, sentence, qs, {c.stated.start for c in found})
            yield from shared_target(view, qs, sentence_pairs)
            yield from over(view, sentence, qs)
        for first, second, relation, word in comparisons(view, sentence, qs):
            bindings = (
                named("figure", first, f"stated just before {word}"),
                named("threshold", second, f"the standard {word} names"),
            )
            yield completion_claim(
                "comparison", first, (second,), f"{first.text} {word} {second.text}",
                bindings=bindings, op=relation, word=word,
            )
