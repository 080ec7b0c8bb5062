"""Units: the one pint registry, built from data/units.txt and data/classifiers.toml."""

from __future__ import annotations

import pytest

from consistency import parse_quantities, units
from consistency.errors import DataFileError


def test_the_library_has_one_registry() -> None:
    assert units.registry() is units.registry()


CONVERSIONS = [
    ("公里", "米", 1000),
    ("千米", "米", 1000),
    ("公顷", "平方米", 10000),
    ("吨", "千克", 1000),
    ("天", "小时", 24),
    ("平方公里", "公顷", 100),
]


@pytest.mark.parametrize(("big", "small", "factor"), CONVERSIONS, ids=[c[0] for c in CONVERSIONS])
def test_metric_units_convert_exactly(big: str, small: str, factor: int) -> None:
    reg = units.registry()
    assert (1 * reg.Unit(big)).to(small).magnitude == pytest.approx(factor)


def test_a_mu_is_one_fifteenth_of_a_hectare() -> None:
    reg = units.registry()
    assert (15 * reg.Unit("亩")).to("公顷").magnitude == pytest.approx(1)


def test_classifiers_are_units_of_their_own_that_never_add_up() -> None:
    reg = units.registry()
    pieces, people = reg.Unit("件"), reg.Unit("人")
    assert pieces.dimensionality != people.dimensionality
    assert reg.Unit("人次").dimensionality != people.dimensionality


@pytest.mark.parametrize(
    ("unit", "numerator", "denominator"),
    [
        ("元/年", "元", "年"),
        ("公斤/亩", "千克", "亩"),
        ("平方米", "平方米", None),
        ("件", "件", None),
    ],
    ids=["元/年", "公斤/亩", "平方米", "件"],
)
def test_pint_unit_reads_scanned_unit_strings(
    unit: str, numerator: str, denominator: str | None
) -> None:
    reg = units.registry()
    expected = reg.Unit(numerator) / (reg.Unit(denominator) if denominator else 1)
    assert units.pint_unit(unit) == expected


def test_shares_ratios_and_multiples_are_dimensionless() -> None:
    for unit in ("%", ":", "倍"):
        u = units.pint_unit(unit)
        assert u is not None and u.dimensionless


def test_pint_unit_of_a_quantity_is_the_unit_it_was_written_in() -> None:
    (q,) = parse_quantities("农村低保标准7908元/年")
    reg = units.registry()
    assert units.pint_unit(q) == q.pint_unit == reg.Unit("元") / reg.Unit("年")


def test_unknown_or_missing_unit_is_none_not_a_guess() -> None:
    assert units.pint_unit(None) is None
    assert units.pint_unit("则则") is None
    assert units.pint_unit("元/((") is None


@pytest.mark.parametrize("word", units.classifier_words(), ids=units.classifier_words())
def test_every_classifier_is_read_after_a_figure(word: str) -> None:
    found = parse_quantities(f"共37{word}。")
    assert [(q.text, q.unit) for q in found] == [(f"37{word}", word)]


def test_every_scannable_measure_word_has_a_pint_unit() -> None:
    reg = units.registry()
    for word in units.measure_words():
        assert word in reg, word


def test_a_malformed_units_line_names_the_file_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(units, "_read", lambda name: "# header\n米 [length]\n")
    units.measure_words.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"units.txt: line 2"):
            units.measure_words()
    finally:
        monkeypatch.undo()
        units.measure_words.cache_clear()
