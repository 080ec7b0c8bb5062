"""Units: the one pint registry of the library, and the unit words the scanner reads.

Units of measure are defined in ``data/units.txt`` (pint's definition format); counted
classifiers (件, 人次, …) come from ``data/classifiers.toml`` and each becomes a base unit
of its own dimension, so that 件 and 人 never add up. :func:`registry` builds the
registry once, on first use (the scanner itself needs only the word lists, which are
read without pint).

The registry is built with exact magnitudes (``Fraction``), so a conversion factor read
from it (:func:`factor`: 1 吨 = 2000 斤, 1 公顷 = 15 亩) is exact and can decide a verdict.
pint is imported only when a unit is converted or asked for as a pint unit: scanning and
most checks never need it.
"""

from __future__ import annotations

import functools
import tomllib
from fractions import Fraction
from importlib import resources
from typing import TYPE_CHECKING

from .errors import DataFileError

if TYPE_CHECKING:
    import pint

    from .quantities import Quantity

__all__ = [
    "RATIO_UNITS",
    "classifier_words",
    "factor",
    "measure_words",
    "per_words",
    "pint_unit",
    "registry",
]

_UNITS = "units.txt"
_CLASSIFIERS = "classifiers.toml"

#: Unit strings the scanner gives to dimensionless figures: shares, ratios, multiples.
RATIO_UNITS = frozenset({"%", ":", "倍"})


def _read(name: str) -> str:
    try:
        return resources.files("consistency.data").joinpath(name).read_text("utf-8")
    except OSError as exc:
        raise DataFileError(name, str(exc)) from exc


@functools.cache
def _classifiers() -> dict[str, tuple[str, ...]]:
    try:
        data = tomllib.loads(_read(_CLASSIFIERS))
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(_CLASSIFIERS, str(exc)) from exc
    out: dict[str, tuple[str, ...]] = {}
    for key in ("counted", "per"):
        words = data.get(key)
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise DataFileError(_CLASSIFIERS, "must be a list of non-empty strings", key=key)
        out[key] = tuple(words)
    return out


def classifier_words() -> tuple[str, ...]:
    """Counted classifiers as written after a figure (件, 人次, 则, …)."""
    return _classifiers()["counted"]


def per_words() -> tuple[str, ...]:
    """Words that may follow ``/`` after a unit (元/年, 元/平方米)."""
    return _classifiers()["per"]


@functools.cache
def measure_words() -> tuple[str, ...]:
    """Every unit name and alias defined in ``units.txt``, read without building pint."""
    words: list[str] = []
    for number, line in enumerate(_read(_UNITS).splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = [p.strip() for p in line.split("=")]
        if len(parts) < 2 or not parts[0]:
            raise DataFileError(_UNITS, f"line {number}: expected 'name = definition'")
        words.append(parts[0])
        words.extend(p for p in parts[2:] if p and p != "_")
    return tuple(words)


@functools.cache
def registry() -> pint.UnitRegistry:
    """The library's one :class:`pint.UnitRegistry`: units.txt plus one unit per classifier."""
    import pint  # imported on first use: scanning text needs no unit arithmetic

    # exact magnitudes: a factor read from the registry may decide a verdict
    reg = pint.UnitRegistry(None, non_int_type=Fraction)
    path = resources.files("consistency.data").joinpath(_UNITS)
    try:
        with resources.as_file(path) as real:
            reg.load_definitions(str(real))
    except Exception as exc:  # pint raises many unrelated types for a bad definition line
        raise DataFileError(_UNITS, str(exc)) from exc
    for word in classifier_words():
        if word not in reg:
            try:
                reg.define(f"{word} = [{word}]")
            except Exception as exc:  # same reason as above
                raise DataFileError(_CLASSIFIERS, str(exc), key=word) from exc
    return reg


def pint_unit(unit: str | Quantity | None) -> pint.Unit | None:
    """The pint unit of a scanned unit string or quantity (``元/年`` → 元 / 年), or None.

    Shares, ratios and multiples (``%``, ``:``, ``倍``) are dimensionless; a unit the
    registry does not know gives None rather than a guess.
    """
    if unit is not None and not isinstance(unit, str):
        unit = unit.unit
    return None if unit is None else _pint_unit(unit)


@functools.cache
def _pint_unit(unit: str) -> pint.Unit | None:
    reg = registry()
    import pint

    if unit in RATIO_UNITS:
        return reg.dimensionless
    try:
        parts = unit.split("/")
        result = reg.Unit(parts[0])
        for part in parts[1:]:
            result = result / reg.Unit(part)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, ValueError):
        return None
    except Exception:  # noqa: BLE001 - pint's expression parser raises others on odd input
        return None
    return result


@functools.cache
def factor(source: str, target: str) -> Fraction | None:
    """How many ``target`` make one ``source`` (``factor("吨", "斤") == 2000``), exactly,
    from the definitions in ``units.txt``; None when the two are not units of one measure
    (件 and 人, 吨 and 米, or a word the registry does not know)."""
    if source in RATIO_UNITS or target in RATIO_UNITS:
        return None
    a, b = pint_unit(source), pint_unit(target)
    if a is None or b is None:
        return None
    import pint

    reg = registry()
    try:
        magnitude = reg.Quantity(Fraction(1), a).to(b).magnitude
    except pint.DimensionalityError:
        return None
    return Fraction(magnitude)
