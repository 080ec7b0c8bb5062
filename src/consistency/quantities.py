"""Quantities: every number in a text, with its place, exact value, bounds, precision and unit.

``scan(text)`` (exported as ``consistency.parse_quantities``) returns them in order.
It returns nothing for a span it cannot parse cleanly: a wrong number is worse than a miss.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

__all__ = ["Quantity", "scan"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure as the author wrote it.

    ``text == source[start:end]``; the surface includes qualifiers (``约``, ``余``, ``以上``)
    and the unit or classifier.

    ``value`` is the nominal number, scaled (``1.27亿元`` → 127000000) and, for
    percentages, as a fraction of 1 (``90.95%`` → 0.9095).

    ``low`` / ``high`` are exact bounds implied by the qualifier: a plain figure has
    ``low == high == value``; ``200余件`` has [200, 300]; ``以上`` leaves ``high`` None;
    ``近`` leaves ``low`` None; ``约`` sets ``approx`` and leaves both None.

    ``decimals`` is the number of digits written after the decimal point (in the written
    scale: ``90.95%`` → 2, ``5040.78万元`` → 2); ``resolution`` is one step of the last
    written digit in the scale of ``value`` (``90.95%`` → 1/10000, ``5040.78万元`` → 100,
    ``633人`` → 1, ``两万三千`` → 1000).

    ``unit`` is the unit or classifier as a string (``件``, ``人次``, ``个工作日``, ``元``,
    ``元/年``, ``平方米``, ``%``, ``百分点``, ``倍``, ``:``), or None when none is written.
    """

    start: int
    end: int
    text: str
    value: Fraction
    low: Fraction | None
    high: Fraction | None
    approx: bool = False
    decimals: int = 0
    resolution: Fraction = Fraction(1)
    unit: str | None = None
    qualifier: str | None = None

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def is_exact(self) -> bool:
        """Written with no qualifier: the author claims this very value (up to rounding)."""
        return not self.approx and self.low == self.value == self.high


def scan(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order of position."""
    raise NotImplementedError("the scanner is being written")
