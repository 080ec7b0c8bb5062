"""Numeral words to exact values: consistency.numerals.

Examples cover each form the reports use; the property tests render numbers with
cn2an.an2cn in both the everyday ("low") and the financial 大写 ("up") style and
require them to read back exactly.
"""

from __future__ import annotations

import warnings
from fractions import Fraction

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.errors import DataFileError
from consistency.numerals import (
    fold,
    load_lexicon,
    parse_chinese,
    parse_numeral,
    squeeze_glosses,
)

VALUES = [
    ("一百零五", "105"),
    ("两万三千", "23000"),
    ("两万三", "23000"),
    ("三百五", "350"),
    ("十", "10"),
    ("十五", "15"),
    ("一千零十", "1010"),
    ("壹佰贰拾万", "1200000"),
    ("贰仟零壹拾", "2010"),
    ("1.27亿", "127000000"),
    ("14个亿", "1400000000"),
    ("3亿5000万", "350000000"),
    ("1亿2千万", "120000000"),
    ("1.5万亿", "1500000000000"),
    ("1.5千", "1500"),
    ("2万5000", "25000"),
    ("12,077", "12077"),
    ("472 416", "472416"),
    ("5040.78", "5040.78"),
    ("零点五", "0.5"),
    ("五点二", "5.2"),
    ("十点五万", "105000"),
    ("一千二百三十四万五千六百七十八", "12345678"),
]


@pytest.mark.parametrize(("text", "value"), VALUES, ids=[t for t, _ in VALUES])
def test_numeral_reads_to_its_exact_value(text: str, value: str) -> None:
    assert parse_chinese(text) == Fraction(value)


UNREADABLE = ["二〇二〇", "十三五", "八五", "5万3亿", "万万", "1万2", "一二三", "二百一千", "点五"]


@pytest.mark.parametrize("text", UNREADABLE, ids=UNREADABLE)
def test_numeral_that_cannot_be_read_with_certainty_gives_none(text: str) -> None:
    assert parse_chinese(text) is None


PRECISION = [
    ("633", 0, "1"),
    ("200", 0, "1"),
    ("两万三千", 0, "1000"),
    ("5040.78万", 2, "100"),
    ("1.27亿", 2, "1000000"),
    ("3亿5000万", 0, "10000"),
    ("十", 0, "10"),
    ("五点二", 1, "0.1"),
]


@pytest.mark.parametrize(
    ("text", "decimals", "resolution"), PRECISION, ids=[t for t, _, _ in PRECISION]
)
def test_precision_is_one_step_of_the_last_written_digit(
    text: str, decimals: int, resolution: str
) -> None:
    n = parse_numeral(text)
    assert n is not None
    assert (n.decimals, n.resolution) == (decimals, Fraction(resolution))


MORE = [
    ("200余", "100"),
    ("1167余", "1"),
    ("21万余", "10000"),
    ("1580多万", "100000"),
    ("十余", "10"),
    ("百余", "100"),
    ("40余", "10"),
]


@pytest.mark.parametrize(("text", "step"), MORE, ids=[t for t, _ in MORE])
def test_yu_and_duo_run_one_step_of_the_last_nonzero_digit(text: str, step: str) -> None:
    n = parse_numeral(text)
    assert n is not None and n.inexact_step == Fraction(step)


def test_fold_keeps_length_and_maps_traditional_and_full_width_forms() -> None:
    text = "１２３萬個項，約"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "123万个项，约"


def test_glosses_are_cut_and_spans_map_back_to_the_original() -> None:
    text = "產量61791萬(wàn)噸(dūn),比(sheng)(sheng)上年"
    squeezed = squeeze_glosses(text)
    assert squeezed.text == "產量61791萬噸,比上年"
    begin = squeezed.text.index("6")
    end = squeezed.text.index("噸") + 1
    assert text[squeezed.start(begin) : squeezed.end(end)] == "61791萬(wàn)噸"


def _numerals_toml() -> str:
    from importlib import resources

    return resources.files("consistency.data").joinpath("numerals.toml").read_text("utf-8")


@pytest.mark.parametrize(
    ("broken", "key"),
    [
        (('"萬" = "万"', '"萬" = "万万"'), "fold.萬"),
        (('"一" = 1', '"一" = "one"'), "digits.一"),
        (('"约" = "approx"', '"约" = "roughly"'), "qualifiers.before.约"),
    ],
    ids=["fold to two characters", "digit not a number", "unknown bound kind"],
)
def test_a_malformed_numerals_table_names_its_key(broken: tuple[str, str], key: str) -> None:
    raw = _numerals_toml()
    assert broken[0] in raw
    with pytest.raises(DataFileError, match=rf"numerals.toml: {key}:"):
        load_lexicon(raw.replace(broken[0], broken[1], 1))


def test_the_shipped_numerals_table_loads() -> None:
    assert load_lexicon().digits["两"] == 2


def _an2cn(value: str, style: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return str(cn2an.an2cn(value, style))


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1), st.sampled_from(["low", "up"]))
def test_integers_rendered_by_cn2an_read_back_exactly(n: int, style: str) -> None:
    assert parse_chinese(_an2cn(str(n), style)) == n


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**8),
    st.integers(min_value=1, max_value=9999),
    st.sampled_from(["low", "up"]),
)
def test_decimals_rendered_by_cn2an_read_back_exactly(whole: int, frac: int, style: str) -> None:
    written = f"{whole}.{frac:04d}".rstrip("0")
    assert parse_chinese(_an2cn(written, style)) == Fraction(written)
