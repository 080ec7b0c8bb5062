"""Numeral strings to exact values: 一百二十三, 两万三千, 壹佰贰拾, 12,077, 1.27亿, 3亿5000万.

The words come from ``data/numerals.toml`` (loaded once as :data:`LEXICON`). The one
entry point is :func:`parse_numeral`, which reads a *numeral body* — Arabic figures,
Chinese digits and scale words in any sensible mix, optionally with one ``余``/``多`` —
and returns a :class:`Numeral` with the exact value, the precision as written, and the
step implied by ``余``. It returns None for anything it cannot read with certainty
(``十三五``, ``二〇二〇``, ``5万3亿``): a wrong number is worse than none.

Text is prepared by :func:`fold` (Traditional and full-width forms to the ones the tables
use, one character for one, so every offset stays valid) and :func:`squeeze_glosses`
(pinyin that mirror sites inject after characters is cut out, with a map back to the
original offsets).
"""

from __future__ import annotations

import bisect
import functools
import tomllib
from dataclasses import dataclass
from fractions import Fraction
from importlib import resources

import regex

from .errors import DataFileError

__all__ = [
    "LEXICON",
    "Lexicon",
    "Numeral",
    "Squeezed",
    "fold",
    "parse_chinese",
    "parse_numeral",
    "squeeze_glosses",
]

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
    )


LEXICON = load_lexicon()


def fold(text: str) -> str:
    """``text`` with Traditional and full-width forms replaced, one character for one."""
    return text.translate(LEXICON.fold)


# Mirror sites inject pinyin after characters: 統(tǒng)計(jì), 萬(wàn)人, (sheng)(sheng).
_GLOSS = regex.compile(r"(?<=[\u3400-\u9fff])(?:\([a-zA-Z\u00c0-\u024f]{1,7}\))+")


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


@dataclass(frozen=True, slots=True)
class Numeral:
    """A numeral body read exactly.

    ``resolution`` is one step of the last written digit in the scale of ``value``
    (``两万三千`` → 1000); ``decimals`` counts digits written after the point;
    ``inexact_step`` is set when ``余``/``多`` was written: one step of the last
    non-zero digit (``200余`` → 100, ``21万余`` → 10000).
    """

    value: Fraction
    decimals: int
    resolution: Fraction
    inexact_step: Fraction | None = None


_SEPARATORS = str.maketrans("", "", ", \u00a0\u2009\u202f")
_ARABIC = r"\d+(?:[, \u00a0\u2009\u202f]\d{3})*(?:\.\d+)?"
_TOKEN = regex.compile(
    rf"(?P<arabic>{_ARABIC})|点(?P<frac>[{''.join(LEXICON.digits)}]+)|(?P<char>.)", regex.ASCII
)


def _arabic(text: str) -> tuple[Fraction, int, Fraction, Fraction]:
    """Value, decimals, step of the last digit and step of the last non-zero digit."""
    plain = text.translate(_SEPARATORS)
    whole, _, frac = plain.partition(".")
    decimals = len(frac)
    step = Fraction(1, 10**decimals)
    digits = whole + frac
    stripped = digits.rstrip("0")
    nonzero = step * 10 ** (len(digits) - len(stripped)) if stripped else step
    return Fraction(int(digits), 10**decimals), decimals, step, nonzero


_ONE = Fraction(1)
_LONGEST = 40
_SIMPLE = regex.compile(
    rf"([0-9]+)(?:\.([0-9]+))?([{''.join(LEXICON.large_scales)}])?$", regex.ASCII
)


class _Reader:
    """One left-to-right pass over the tokens of a numeral body."""

    def __init__(self) -> None:
        self.groups: list[tuple[Fraction, Fraction]] = []  # (value, magnitude), descending
        self.section = Fraction(0)
        self.current: Fraction | None = None
        self.current_chinese = False
        self.last_small: int | None = None
        self.last_scale: int | None = None
        self.zero = False
        self.decimals = 0
        self.res = Fraction(1)
        self.nonzero = Fraction(1)
        self.inexact: Fraction | None = None
        self.written = False
        self.short_tail = False

    def digit(self, value: int) -> bool:
        if self.inexact is not None:
            return False
        if value == 0:
            if self.current is not None:
                return False  # 二〇二〇: digits in a row are a code, not a number
            if self.written:
                self.zero = True
                return True
        elif self.current is not None:
            return False
        self.current, self.current_chinese, self.written = Fraction(value), True, True
        self.res = self.nonzero = Fraction(1)
        self.decimals = 0
        return True

    def arabic(self, text: str) -> bool:
        if self.current is not None or self.inexact is not None:
            return False
        value, decimals, step, nonzero = _arabic(text)
        self.short_tail = len(text) == 1 and self.last_scale is not None and not self.zero
        self.current, self.current_chinese, self.written = value, False, True
        self.decimals, self.res, self.nonzero = decimals, step, nonzero
        return True

    def fraction(self, digits: str) -> bool:
        if self.current is None:
            if not (self.section or self.groups) or self.inexact is not None:
                return False
            # 十点五, 五万点零一: the point follows the units of what is written so far
            self.current, self.section = self.section, Fraction(0)
            self.current_chinese = True
        elif not self.current_chinese:
            return False
        values = [LEXICON.digits[d] for d in digits]
        self.decimals = len(digits)
        self.res = Fraction(1, 10**self.decimals)
        self.current += Fraction(int("".join(map(str, values))), 10**self.decimals)
        last = max((i for i, v in enumerate(values) if v), default=None)
        self.nonzero = Fraction(1, 10 ** (last + 1)) if last is not None else self.res
        return True

    def small(self, scale: int) -> bool:
        if self.inexact is not None or (self.last_small is not None and scale >= self.last_small):
            return False
        if self.current is None:
            if self.written and not self.zero and self.section:
                return False
            self.res = self.nonzero = Fraction(scale)
            self.section += scale
        else:
            self.section += self.current * scale
            self.res *= scale
            self.nonzero *= scale
        self.current, self.last_small, self.last_scale = None, scale, scale
        self.zero, self.written = False, True
        return True

    def large(self, scale: int) -> bool:
        block = self.section + (self.current or 0)
        lower = [g for g in self.groups if g[1] < scale]
        if lower and (block or self.current is not None):
            return False  # 5万3亿: scales out of order
        if not self.written:
            block, self.res, self.nonzero = Fraction(1), Fraction(1), Fraction(1)
        elif not block and not lower and self.current is None:
            return False  # 万万, 亿万
        magnitude = Fraction(scale)
        if lower:
            block = sum(g[0] for g in lower)
            magnitude *= max(g[1] for g in lower)
            self.groups = [g for g in self.groups if g[1] >= scale]
        if self.groups and self.groups[-1][1] <= magnitude:
            return False
        self.groups.append((block * scale, magnitude))
        self.res *= scale
        self.nonzero *= scale
        if self.inexact is not None:
            self.inexact *= scale
        self.section, self.current, self.last_small = Fraction(0), None, None
        self.last_scale, self.zero, self.written = scale, False, True
        return True

    def more(self) -> bool:
        if self.inexact is not None or not self.written:
            return False
        self.inexact = self.nonzero
        return True

    def result(self) -> Numeral | None:
        if not self.written:
            return None
        current = self.current
        if current is not None and not self.current_chinese and self.short_tail:
            return None  # 1万2 may mean 12000 or 10002: refuse to guess
        if (
            current is not None
            and self.current_chinese
            and not self.zero
            and self.decimals == 0
            and self.last_scale is not None
            and self.last_scale >= 100
            and self.inexact is None
        ):
            # 两万三 = 23000, 三百五 = 350: a bare digit after a scale counts the next lower one
            implied = Fraction(self.last_scale // 10)
            current *= implied
            self.res *= implied
        value = sum((g[0] for g in self.groups), Fraction(0)) + self.section + (current or 0)
        return Numeral(value, self.decimals, self.res, self.inexact)


@functools.lru_cache(maxsize=8192)
def parse_numeral(body: str) -> Numeral | None:
    """Read a folded numeral body (``1.27亿``, ``两万三千``, ``21万余``) or return None.

    Cached: reports repeat the same small figures many times, and a Numeral is immutable.
    """
    if len(body) > _LONGEST:
        return None  # no report states a figure this long: a code, or noise
    if body.isascii() and body.isdigit():
        return Numeral(Fraction(int(body)), 0, _ONE)  # the common case, 633
    simple = _SIMPLE.match(body)
    if simple:  # 90.95, 5040.78万, 1.27亿: no token machinery needed
        whole, frac, scale = simple.groups()
        decimals = len(frac or "")
        factor = LEXICON.large_scales[scale] if scale else 1
        return Numeral(
            Fraction(int(whole + (frac or "")) * factor, 10**decimals),
            decimals,
            Fraction(factor, 10**decimals),
        )
    reader = _Reader()
    for m in _TOKEN.finditer(body):
        arabic, frac, char = m.group("arabic", "frac", "char")
        if arabic is not None:
            ok = reader.arabic(arabic)
        elif frac is not None:
            ok = reader.fraction(frac)
        elif char in LEXICON.digits:
            ok = reader.digit(LEXICON.digits[char])
        elif char in LEXICON.small_scales:
            ok = reader.small(LEXICON.small_scales[char])
        elif char in LEXICON.large_scales:
            ok = reader.large(LEXICON.large_scales[char])
        elif char in LEXICON.inexact:
            ok = reader.more()
        elif char == " ":
            ok = True  # 9465.40 万: a space before the scale (digit groups are read above)
        elif char == "个":
            ok = m.end() < len(body) and body[m.end()] in LEXICON.large_scales
        else:
            ok = False
        if not ok:
            return None
    return reader.result()


def parse_chinese(text: str) -> Fraction | None:
    """The exact value of a numeral such as ``一百零五`` or ``壹佰贰拾万``, or None."""
    numeral = parse_numeral(fold(text))
    return None if numeral is None else numeral.value
