"""Exact values shown to a reader: figures and intervals in messages, without float noise.

One small module that the claim kinds and the findings both use, so that a computed
value reads the same in a message, in the JSON ``computed`` field and in a Word comment.
Display only: nothing here decides a verdict.

>>> from fractions import Fraction
>>> from consistency.intervals import Interval
>>> fmt_interval(Interval.exact(Fraction(1046, 1150)), percent=True)
'90.9565%'
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import TYPE_CHECKING

from .intervals import Interval

if TYPE_CHECKING:
    from .quantities import Quantity

__all__ = ["fmt_interval", "fmt_like", "fmt_number", "fmt_percent"]


def fmt_number(value: Fraction, places: int = 4) -> str:
    """A value for a message: whole numbers as they are, others to ``places`` decimals
    with trailing zeros dropped (display only; never used to decide)."""
    if value.denominator == 1:
        return str(value.numerator)
    scaled = round(value * 10**places)
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    whole, frac = digits[:-places], digits[-places:].rstrip("0")
    return f"{sign}{whole}.{frac}" if frac else f"{sign}{whole}"


def fmt_percent(value: Fraction, places: int = 4) -> str:
    """A share as a percentage for a message (``0.909565…`` → ``90.9565%``)."""
    return fmt_number(value * 100, places) + "%"


def fmt_interval(iv: Interval, percent: bool = False, places: int = 4) -> str:
    """An interval for a message: one value when exact, ``[a, b]`` otherwise."""
    f = fmt_percent if percent else fmt_number
    if iv.is_exact:
        return f(iv.low, places)
    return f"[{f(iv.low, places)}, {f(iv.high, places)}]"


#: the written number of a figure: its digits, separators and decimal point
_WRITTEN = re.compile(r"[0-9０-９][0-9０-９,，．. \u2009]*")


def fmt_like(iv: Interval, like: Quantity, places: int = 4) -> str:
    """An interval in the terms ``like`` is written in: ``20005000000`` beside
    ``200.05亿元`` shows as ``200.05亿元``. Falls back to :func:`fmt_interval` when the
    figure's written number cannot be read (a Chinese numeral, a percentage)."""
    m = _WRITTEN.search(like.text)
    if like.is_percent or m is None:
        return fmt_interval(iv, percent=like.is_percent, places=places)
    digits = m.group(0).translate(_PLAIN).replace(",", "").replace(" ", "").rstrip(".")
    try:
        written = Fraction(digits)
    except (ValueError, ZeroDivisionError):
        return fmt_interval(iv, places=places)
    if written == 0 or like.value == 0:
        return fmt_interval(iv, places=places)
    scale = abs(like.value / written)
    suffix = like.text[m.end() :]
    low, high = fmt_number(iv.low / scale, places), fmt_number(iv.high / scale, places)
    return f"{low}{suffix}" if iv.is_exact else f"[{low}{suffix}, {high}{suffix}]"


_PLAIN = str.maketrans("０１２３４５６７８９，．\u2009", "0123456789,. ")
