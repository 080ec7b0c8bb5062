"""Numeral strings to exact values: 一百二十三, 两万三千, 壹佰贰拾, 12,077, 1.27亿, 3亿5000万.

The words come from ``data/numerals.toml`` (loaded once as :data:`LEXICON` by
consistency.lexicon, re-exported here with the text preparation it offers). The one
entry point is :func:`parse_numeral`, which reads a *numeral body* — Arabic figures,
Chinese digits and scale words in any sensible mix, optionally with one ``余``/``多`` —
and returns a :class:`Numeral` with the exact value, the precision as written, and the
step implied by ``余``. It returns None for anything it cannot read with certainty
(``十三五``, ``二〇二〇``, ``5万3亿``): a wrong number is worse than none.

Text is prepared by :func:`fold` and :func:`squeeze_glosses` (see consistency.lexicon).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from fractions import Fraction

import regex

from .lexicon import LEXICON, Lexicon, Squeezed, fold, load_lexicon, squeeze_glosses

__all__ = [
    "LEXICON",
    "Lexicon",
    "Numeral",
    "Squeezed",
    "fold",
    "load_lexicon",
    "parse_chinese",
    "parse_numeral",
    "squeeze_glosses",
]


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
