"""Cue words: the word tables under ``consistency/data/`` and finding them in text.

Part of the shared matching helper (re-exported by :mod:`._match`): :func:`load_cues`
reads ``data/cues/<kind>.toml``, :func:`load_words` any word table of the package, both
validated once; :func:`find_cue` and :func:`has_cue` look for their words, and
:func:`words_pattern` compiles a list of them into one search.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from importlib import resources

from ..errors import DataFileError

__all__ = ["find_cue", "has_cue", "load_cues", "load_words", "words_pattern"]


@functools.cache
def load_cues(name: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """The cue table ``data/cues/<name>.toml``: ``{table: {key: (word, ...)}}``.

    Every value must be a list of non-empty strings; anything else raises
    :class:`~consistency.errors.DataFileError` naming the file, table and key.
    """
    return load_words(f"data/cues/{name}.toml")


@functools.cache
def load_words(path: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """A word table of the package, ``{table: {key: (word, ...)}}``, longest words first;
    ``path`` is relative to the package (``data/measures.toml``)."""
    try:
        raw = tomllib.loads(
            resources.files("consistency").joinpath(path).read_text(encoding="utf-8")
        )
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(path, str(exc)) from exc
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for table, body in raw.items():
        if not isinstance(body, dict):
            raise DataFileError(path, "expected a table of word lists", key=table)
        words: dict[str, tuple[str, ...]] = {}
        for key, value in body.items():
            if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
                raise DataFileError(path, "expected a list of non-empty strings", key=f"{table}.{key}")
            # longest first, so "共计" is found before "共"
            words[key] = tuple(sorted(value, key=len, reverse=True))
        out[table] = words
    return out


def find_cue(text: str, words: Iterable[str]) -> tuple[int, str] | None:
    """The last occurrence in ``text`` of any of ``words`` (longest wins at a tie)."""
    best: tuple[int, str] | None = None
    for w in words:
        i = text.rfind(w)
        if i >= 0 and (best is None or i > best[0] or (i == best[0] and len(w) > len(best[1]))):
            best = (i, w)
    return best


def has_cue(text: str, words: Iterable[str]) -> bool:
    """Does ``text`` contain any of ``words``?"""
    return any(w in text for w in words)


def words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Any of ``words`` as one pattern of plain words, longest first (so "共计" is found
    before "共"); a pattern matching nothing when there are none.

    For a word list asked about again and again (of every figure's label, every clause):
    one search finds whether a text holds any of them, where a test of each word takes a
    Python step per word. Compiled by the standard ``re``, which searches an alternation
    of literal words two to three times faster than ``regex``.
    """
    ordered = sorted(dict.fromkeys(words), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered)) or "(?!)")
