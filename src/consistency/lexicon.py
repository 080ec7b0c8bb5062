"""The numeral lexicon and the preparation of text for reading figures.

``data/numerals.toml`` is read and validated once into :data:`LEXICON`: digit and scale
words, qualifiers, and the words and contexts in which a numeral is not a quantity.
:func:`fold` maps Traditional and full-width forms to the ones the lexicon uses, one
character for one so that every offset stays valid; :func:`squeeze_glosses` cuts out the
pinyin that mirror sites inject after characters, keeping a map back to the original
offsets. consistency.numerals and consistency.quantities both read from here.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from .errors import DataFileError

__all__ = ["LEXICON", "Lexicon", "Squeezed", "fold", "load_lexicon", "read_data", "squeeze_glosses"]

_DATA = "numerals.toml"
_BOUND_KINDS = frozenset({"at_least", "at_most", "approx"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The validated contents of ``numerals.toml``."""

    fold: dict[int, str]
    digits: dict[str, int]
    small_scales: dict[str, int]
    large_scales: dict[str, int]
    before: dict[str, str]
    after: dict[str, str]
    inexact: tuple[str, ...]
    inexact_after_units: frozenset[str]
    lone_digits: frozenset[str]
    leading_scales: dict[str, tuple[str, ...]]
    exclusions: tuple[str, ...]
    blockers_before: tuple[str, ...]
    blockers_unless: tuple[str, ...]
    blockers_after: tuple[str, ...]
    ordinal_after: tuple[str, ...]
    list_marks: tuple[str, ...]
    label_units: frozenset[str]
    label_after: tuple[str, ...]
    service_numbers: frozenset[str]
    proportions: dict[str, tuple[int, tuple[str, ...]]]
    #: from measures.toml [ordinal]: category words after a numeral, and the words that
    #: make the numeral a category name when they follow at once
    ordinal_words: tuple[str, ...] = ()
    ordinal_cues: tuple[str, ...] = ()


def _table(data: dict[str, object], key: str) -> dict[str, object]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise DataFileError(_DATA, "missing table or not a table", key=key)
    return value


def _words(data: dict[str, object], key: str, inner: str) -> tuple[str, ...]:
    value = _table(data, key).get(inner)
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise DataFileError(_DATA, "must be a list of non-empty strings", key=f"{key}.{inner}")
    return tuple(value)


def _ints(data: dict[str, object], key: str) -> dict[str, int]:
    table = _table(data, key)
    for word, value in table.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise DataFileError(_DATA, "must be a non-negative integer", key=f"{key}.{word}")
    return {w: int(v) for w, v in table.items()}  # type: ignore[call-overload]


def _kinds(data: dict[str, object], inner: str) -> dict[str, str]:
    table = _table(_table(data, "qualifiers"), inner)
    for word, kind in table.items():
        if kind not in _BOUND_KINDS:
            raise DataFileError(
                _DATA, f"must be one of {sorted(_BOUND_KINDS)}", key=f"qualifiers.{inner}.{word}"
            )
    return {w: str(k) for w, k in table.items()}


def load_lexicon(raw: str | None = None) -> Lexicon:
    """Read and validate ``data/numerals.toml`` (or ``raw``); errors name the table and key."""
    try:
        if raw is None:
            raw = resources.files("consistency.data").joinpath(_DATA).read_text("utf-8")
        data = tomllib.loads(raw)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(_DATA, str(exc)) from exc
    fold = _table(data, "fold")
    for src, dst in fold.items():
        if not (isinstance(dst, str) and len(src) == 1 and len(dst) == 1):
            raise DataFileError(_DATA, "must map one character to one character", key=f"fold.{src}")
    leading = _table(data, "leading_scales")
    for word, follow in leading.items():
        if not isinstance(follow, list) or not all(isinstance(f, str) for f in follow):
            raise DataFileError(_DATA, "must be a list of strings", key=f"leading_scales.{word}")
    proportions: dict[str, tuple[int, tuple[str, ...]]] = {}
    for word, spec in _table(data, "proportions").items():
        digits, blocked = (
            (spec.get("max_digits"), spec.get("not_before"))
            if isinstance(spec, dict)
            else (None, None)
        )
        if not isinstance(digits, int) or not isinstance(blocked, list):
            raise DataFileError(_DATA, "needs max_digits and not_before", key=f"proportions.{word}")
        proportions[word] = (digits, tuple(str(b) for b in blocked))
    return Lexicon(
        fold=str.maketrans({k: str(v) for k, v in fold.items()}),
        digits=_ints(data, "digits"),
        small_scales=_ints(data, "small_scales"),
        large_scales=_ints(data, "large_scales"),
        before=_kinds(data, "before"),
        after=_kinds(data, "after"),
        inexact=_words(data, "inexact", "words"),
        inexact_after_units=frozenset(_words(data, "inexact", "after_units")),
        lone_digits=frozenset(_words(data, "lone_digits", "words")),
        leading_scales={w: tuple(f) for w, f in leading.items()},  # type: ignore[union-attr]
        exclusions=_words(data, "exclusions", "words"),
        blockers_before=_words(data, "blockers", "before"),
        blockers_unless=_words(data, "blockers", "before_unless"),
        blockers_after=_words(data, "blockers", "after"),
        ordinal_after=_words(data, "blockers", "ordinal_after"),
        list_marks=_words(data, "blockers", "list_marks"),
        label_units=frozenset(_words(data, "labels", "bounded_units")),
        label_after=_words(data, "labels", "after"),
        service_numbers=frozenset(_words(data, "service_numbers", "numbers")),
        proportions=proportions,
        ordinal_words=_measure_words("after"),
        ordinal_cues=_measure_words("cues"),
    )


def read_data(name: str) -> dict[str, object]:
    """The TOML file ``data/<name>`` of the package; a missing or broken file raises
    :class:`~consistency.errors.DataFileError` naming it."""
    try:
        return tomllib.loads(resources.files("consistency.data").joinpath(name).read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(f"data/{name}", str(exc)) from exc


def _measure_words(key: str) -> tuple[str, ...]:
    """``[ordinal].<key>`` of ``data/measures.toml``."""
    path = "measures.toml"
    table = read_data(path).get("ordinal")
    words = table.get(key) if isinstance(table, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise DataFileError(path, "must be a list of non-empty strings", key=f"ordinal.{key}")
    return tuple(dict.fromkeys(str(w) for w in words))


LEXICON = load_lexicon()


# Most text holds few characters to fold: finding them with one character class and
# replacing only those is faster than str.translate, which looks up every character.
# The standard re, not regex: it skips to the next character of a class ten times faster.
_FOLDABLE = re.compile("[" + re.escape("".join(map(chr, LEXICON.fold))) + "]")


def _folded(m: re.Match[str]) -> str:
    return LEXICON.fold[ord(m.group())]


def fold(text: str) -> str:
    """``text`` with Traditional and full-width forms replaced, one character for one."""
    return _FOLDABLE.sub(_folded, text)


# Mirror sites inject pinyin after characters: 統(tǒng)計(jì), 萬(wàn)人, (sheng)(sheng).
# The pattern starts with its "(" (the Chinese character before it is looked behind at
# from there): re then jumps from bracket to bracket, where a pattern starting with a
# lookbehind is tried at every character of the text.
_PINYIN = r"[a-zA-Z\u00c0-\u024f]{1,7}\)"
_GLOSS = re.compile(rf"\((?<=[\u3400-\u9fff]\(){_PINYIN}(?:\({_PINYIN})*")


@dataclass(frozen=True, slots=True)
class Squeezed:
    """A text with pinyin glosses cut out, and the way back to offsets in the original.

    ``cuts[k]`` is the position in ``text`` where a gloss was removed and ``removed[k]``
    the total length removed up to and including it.
    """

    text: str
    cuts: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()

    def start(self, i: int) -> int:
        """Original offset of a span starting at ``i`` (after any gloss just before it)."""
        k = bisect.bisect_right(self.cuts, i)
        return i + (self.removed[k - 1] if k else 0)

    def end(self, i: int) -> int:
        """Original offset of a span ending at ``i`` (before any gloss just after it)."""
        k = bisect.bisect_left(self.cuts, i)
        return i + (self.removed[k - 1] if k else 0)


def squeeze_glosses(text: str) -> Squeezed:
    """``text`` without pinyin glosses, so that 168329萬(wàn)畝 reads as 168329萬畝."""
    if "(" not in text:
        return Squeezed(text)
    parts: list[str] = []
    cuts: list[int] = []
    removed: list[int] = []
    last = total = 0
    for m in _GLOSS.finditer(text):
        parts.append(text[last : m.start()])
        total += m.end() - m.start()
        cuts.append(m.start() - (total - (m.end() - m.start())))
        removed.append(total)
        last = m.end()
    if not cuts:
        return Squeezed(text)
    parts.append(text[last:])
    return Squeezed("".join(parts), tuple(cuts), tuple(removed))
