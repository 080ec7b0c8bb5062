"""Shared matching over sentences: everything a claim kind reads, in one import.

A claim kind never walks raw text. It receives a :class:`Context` holding the text cut
into paragraphs, sentences and clauses, each with the quantities it contains, and uses
the helpers re-exported here from the modules that hold them:

* :mod:`._context`: segmentation and the :class:`Context` with its slot helpers (the
  label written before a figure, the sentences just before one);
* :mod:`._cues`: cue words (:func:`load_cues`, :func:`find_cue`, :func:`has_cue`), which
  live in data files under ``consistency/data/cues/``;
* :mod:`._figures`: which family a unit belongs to (:func:`family`), what a stated
  figure allows (:func:`figure_interval`), judging a computed interval against it under
  the rounding policy (:func:`judge`), display;
* :mod:`._judging`: claims computed from other stated figures, judged from the printed
  figures first (:func:`decide_printed_first`).
"""

from __future__ import annotations

from ._context import CLOSING, OPENING, SEMICOLONS, Clause, Context, Sentence
from ._cues import find_cue, has_cue, load_cues, load_words, words_pattern
from ._figures import (
    Judgement,
    countable,
    decided,
    family,
    figure_interval,
    fmt_figure,
    fmt_interval,
    fmt_like,
    fmt_number,
    fmt_percent,
    is_whole_count,
    judge,
    stated_allows,
    sum_interval,
)
from ._judging import RoundedInput, decide_printed_first

__all__ = [
    "CLOSING",
    "OPENING",
    "SEMICOLONS",
    "Clause",
    "Context",
    "Judgement",
    "RoundedInput",
    "Sentence",
    "countable",
    "decide_printed_first",
    "decided",
    "family",
    "figure_interval",
    "find_cue",
    "fmt_figure",
    "fmt_interval",
    "fmt_like",
    "fmt_number",
    "fmt_percent",
    "has_cue",
    "is_whole_count",
    "judge",
    "load_cues",
    "load_words",
    "stated_allows",
    "sum_interval",
    "words_pattern",
]
