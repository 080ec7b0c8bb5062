"""Exact interval arithmetic and the rounding modes authors use.

A figure printed in a report is rarely the true value: "90.95%" is the image of
some true share under a rounding rule at two decimals of a percent. This module
answers the one question every check asks::

    could_round_to(computed, stated, step, mode)

"is there a value in the exact interval ``computed`` that the rounding ``mode``
at precision ``step`` turns into ``stated``?"

Rounding modes (sources):

* ``HALF_UP`` – 四舍五入, the school rule; ties go away from zero.
* ``HALF_EVEN`` – GB/T 8170-2008《数值修约规则与极限数值的表示和判定》: ties
  go to the even digit ("四舍六入五成双").
* ``TRUNCATE`` – the last digit simply cut (toward zero); not a rounding rule
  at all, but common in practice, so its use is reported as a warning.

The interval idea is the one of XBRL Calculations 1.1: a sum is consistent
when the intervals implied by the rounded figures intersect.
All arithmetic uses :class:`fractions.Fraction`; no float decides a verdict.
"""

from __future__ import annotations

import enum
import functools
import math
from dataclasses import dataclass
from fractions import Fraction

__all__ = [
    "IndeterminateDivision",
    "Interval",
    "RoundingMode",
    "could_round_to",
    "round_to",
    "rounding_preimage",
]


class IndeterminateDivision(ArithmeticError):
    """Division by an interval that contains zero: the claim is undecidable."""


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval ``[low, high]`` of exact rationals."""

    low: Fraction
    high: Fraction

    def __post_init__(self) -> None:
        if _above(self.low, self.high):
            raise ValueError(f"empty interval [{self.low}, {self.high}]")

    @classmethod
    def exact(cls, value: Fraction | int) -> Interval:
        """The degenerate interval holding one exact value."""
        v = _rational(value)
        return cls(v, v)

    @classmethod
    def around(cls, value: Fraction | int, half_width: Fraction | int) -> Interval:
        """``[value - half_width, value + half_width]``."""
        v, h = _rational(value), _rational(half_width)
        return cls(v - h, v + h)

    @property
    def is_exact(self) -> bool:
        return self.low == self.high

    @property
    def midpoint(self) -> Fraction:
        return (self.low + self.high) / 2

    @property
    def width(self) -> Fraction:
        return self.high - self.low

    def __contains__(self, value: object) -> bool:
        if isinstance(value, Interval):
            return not _above(self.low, value.low) and not _above(value.high, self.high)
        if isinstance(value, (int, Fraction)):
            return not _above(self.low, value) and not _above(value, self.high)
        return False

    def intersects(self, other: Interval) -> bool:
        return not _above(self.low, other.high) and not _above(other.low, self.high)

    def hull(self, other: Interval) -> Interval:
        return Interval(min(self.low, other.low), max(self.high, other.high))

    def __add__(self, other: Interval | Fraction | int) -> Interval:
        o = _coerce(other)
        return Interval(self.low + o.low, self.high + o.high)

    __radd__ = __add__

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low)

    def __sub__(self, other: Interval | Fraction | int) -> Interval:
        return self + (-_coerce(other))

    def __rsub__(self, other: Interval | Fraction | int) -> Interval:
        return _coerce(other) - self

    def __mul__(self, other: Interval | Fraction | int) -> Interval:
        o = _coerce(other)
        if self.low >= 0 and o.low >= 0:
            # both non-negative (nearly every figure of a report): the ends multiply, and
            # two products and no comparisons of four do; Fraction arithmetic is the cost
            return Interval(self.low * o.low, self.high * o.high)
        products = (self.low * o.low, self.low * o.high, self.high * o.low, self.high * o.high)
        return Interval(min(products), max(products))

    __rmul__ = __mul__

    def __truediv__(self, other: Interval | Fraction | int) -> Interval:
        o = _coerce(other)
        if o.low <= 0 <= o.high:
            raise IndeterminateDivision(f"division by {o}, which contains 0")
        if self.low >= 0 and o.low > 0:
            # both non-negative (a part over its whole): the ends divide crosswise, two
            # divisions where the reciprocals and their products take four
            return Interval(self.low / o.high, self.high / o.low)
        return self * Interval(1 / o.high, 1 / o.low)

    def __rtruediv__(self, other: Interval | Fraction | int) -> Interval:
        return _coerce(other) / self

    def __str__(self) -> str:
        if self.is_exact:
            return _fmt(self.low)
        return f"[{_fmt(self.low)}, {_fmt(self.high)}]"


def _above(a: Fraction | int, b: Fraction | int) -> bool:
    """``a > b``, decided on the integer terms of both (denominators are positive): as
    exact as Fraction's own comparison, without its generic dispatch, and every interval
    built (thousands a check) is validated so."""
    return a.numerator * b.denominator > b.numerator * a.denominator


def _rational(value: Fraction | int) -> Fraction:
    """``value`` as a Fraction: a Fraction as it is (it is immutable), anything else
    converted exactly."""
    return value if type(value) is Fraction else Fraction(value)


def _coerce(value: Interval | Fraction | int) -> Interval:
    return value if isinstance(value, Interval) else Interval.exact(value)


def _fmt(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.6g}"


class RoundingMode(enum.Enum):
    """How an author turned a true value into the printed figure."""

    HALF_UP = "half-up"
    HALF_EVEN = "half-even"
    TRUNCATE = "truncate"

    @property
    def label_zh(self) -> str:
        return {"half-up": "四舍五入", "half-even": "四舍六入五成双", "truncate": "截尾"}[self.value]


def round_to(value: Fraction, step: Fraction, mode: RoundingMode) -> Fraction:
    """Round ``value`` to a multiple of ``step`` (``step`` > 0) under ``mode``."""
    if step <= 0:
        raise ValueError("step must be positive")
    q = value / step
    sign = -1 if q < 0 else 1
    a = abs(q)
    whole = math.floor(a)
    frac = a - whole
    if mode is RoundingMode.TRUNCATE:
        n = whole
    elif frac > Fraction(1, 2):
        n = whole + 1
    elif frac < Fraction(1, 2):
        n = whole
    elif mode is RoundingMode.HALF_UP:
        n = whole + 1
    else:  # HALF_EVEN, an exact tie
        n = whole if whole % 2 == 0 else whole + 1
    return sign * n * step


@dataclass(frozen=True, slots=True)
class _Preimage:
    """The set of true values that print as one figure, with open or closed ends."""

    low: Fraction
    high: Fraction
    low_closed: bool
    high_closed: bool

    def meets(self, other: Interval) -> bool:
        above_low = other.high > self.low or (self.low_closed and other.high == self.low)
        below_high = other.low < self.high or (self.high_closed and other.low == self.high)
        return above_low and below_high


def rounding_preimage(stated: Fraction, step: Fraction, mode: RoundingMode) -> Interval:
    """The closed hull of every true value that rounds to ``stated``.

    Used to widen rounded inputs (an average "24天" may be 23.5 to 24.5).
    """
    return _hull(_rational(stated), _rational(step), mode)


#: how many preimages are kept: a check asks for the same printed figures under each
#: mode again and again (every kind judging them), a few hundred distinct ones a report
_PREIMAGES_KEPT = 4096


@functools.lru_cache(maxsize=_PREIMAGES_KEPT)
def _hull(stated: Fraction, step: Fraction, mode: RoundingMode) -> Interval:
    p = _preimage(stated, step, mode)
    return Interval(p.low, p.high)


@functools.lru_cache(maxsize=_PREIMAGES_KEPT)
def _preimage(stated: Fraction, step: Fraction, mode: RoundingMode) -> _Preimage:
    if stated < 0:
        m = _preimage(-stated, step, mode)
        return _Preimage(-m.high, -m.low, m.high_closed, m.low_closed)
    half = step / 2
    if mode is RoundingMode.TRUNCATE:
        if stated == 0:
            return _Preimage(-step, step, False, False)
        return _Preimage(stated, stated + step, True, False)
    if mode is RoundingMode.HALF_UP:
        if stated == 0:
            return _Preimage(-half, half, False, False)
        return _Preimage(stated - half, stated + half, True, False)
    even = (stated / step) % 2 == 0
    return _Preimage(stated - half, stated + half, even, even)


def could_round_to(
    computed: Interval, stated: Fraction, step: Fraction, mode: RoundingMode
) -> bool:
    """Is some value of ``computed`` printed as ``stated`` at precision ``step`` under ``mode``?"""
    return _preimage(_rational(stated), _rational(step), mode).meets(computed)
