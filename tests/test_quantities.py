"""The quantity scanner: every case table tests/cases/quantities*.toml, and its invariants.

Each table case states a sentence and every quantity expected in it (format in the header
of tests/cases/quantities.toml). Property tests check what must hold on any text: the
scanner never raises, and every span it returns is in bounds and matches its surface.
"""

from __future__ import annotations

import tomllib
import warnings
from fractions import Fraction
from pathlib import Path

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency import parse_quantities
from consistency.quantities import Quantity

CASES_DIR = Path(__file__).parent / "cases"


def _load_cases() -> list[tuple[str, dict]]:
    cases = []
    for path in sorted(CASES_DIR.glob("quantities*.toml")):
        with path.open("rb") as f:
            for case in tomllib.load(f).get("case", []):
                cases.append((f"{path.stem}:{case['id']}", case))
    return cases


CASES = _load_cases()


def _bound(raw: str) -> Fraction | None:
    return None if raw == "none" else Fraction(raw)


def _describe(q: Quantity) -> str:
    return f"{q.text!r} value={q.value} unit={q.unit} low={q.low} high={q.high}"


def _param(case_id: str, case: dict) -> object:
    """A case; one with ``known_limit = "why"`` is a strict xfail until the scanner learns it."""
    if "known_limit" in case:
        return pytest.param(
            case, id=case_id, marks=pytest.mark.xfail(strict=True, reason=case["known_limit"])
        )
    return pytest.param(case, id=case_id)


@pytest.mark.parametrize("case", [_param(i, c) for i, c in CASES])
def test_scanner_finds_exactly_the_listed_quantities(case: dict) -> None:
    text = case["text"]
    found = parse_quantities(text)
    expected = case["quantities"]
    assert [q.text for q in found] == [e["text"] for e in expected], "\n".join(
        _describe(q) for q in found
    )
    for q, e in zip(found, expected, strict=True):
        assert text[q.start : q.end] == q.text
        assert q.value == Fraction(e["value"]), _describe(q)
        assert q.unit == e.get("unit"), _describe(q)
        if "low" in e:
            assert q.low == _bound(e["low"]), _describe(q)
        if "high" in e:
            assert q.high == _bound(e["high"]), _describe(q)
        if "approx" in e:
            assert q.approx is e["approx"], _describe(q)
        if "decimals" in e:
            assert q.decimals == e["decimals"], _describe(q)
        if "resolution" in e:
            assert q.resolution == Fraction(e["resolution"]), _describe(q)


def test_case_ids_are_unique() -> None:
    ids = [i for i, _ in CASES]
    assert len(ids) == len(set(ids))


def _check_spans(text: str) -> None:
    previous_end = 0
    for q in parse_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.start >= previous_end, "quantities overlap or are out of order"
        previous_end = q.end
        if q.low is not None and q.high is not None:
            assert q.low <= q.high


_CJK_AND_DIGITS = st.text(
    alphabet=st.sampled_from(
        list("0123456789０１２３.,:/%‰-+ 　“”《》()（）〔〕第年月日号是、余多约近以上下内左右")
        + list("零〇一二两三四五六七八九十百千万亿壹贰叁佰拾萬億個點")
        + list("件人次项个名元万吨公顷平方米倍成折分之百分点个工作日/")
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(_CJK_AND_DIGITS)
def test_spans_are_in_bounds_on_random_cjk_and_digits(text: str) -> None:
    _check_spans(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_scanner_never_raises_on_arbitrary_text(text: str) -> None:
    _check_spans(text)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["件", "人次", "元", "项"]))
def test_a_written_count_reads_back_exactly(n: int, unit: str) -> None:
    found = parse_quantities(f"共办理{n}{unit},")
    assert [(q.value, q.unit) for q in found] == [(Fraction(n), unit)]


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=10, max_value=10**12), st.sampled_from(["low", "up"]))
def test_a_count_in_chinese_numerals_reads_back_exactly(n: int, style: str) -> None:
    # from 10 up: a lone 大写 digit (伍) is left alone on purpose, as in 队伍
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        words = cn2an.an2cn(str(n), style)
    found = parse_quantities(f"共办理{words}件,")
    assert [(q.value, q.unit, q.text) for q in found] == [(Fraction(n), "件", f"{words}件")]


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=99999), st.integers(min_value=1, max_value=2))
def test_a_written_percentage_is_a_fraction_of_one_with_its_precision(
    hundredths: int, decimals: int
) -> None:
    whole, part = divmod(hundredths, 10**decimals)
    figure = f"{whole}.{part:0{decimals}d}"
    (q,) = parse_quantities(f"占比{figure}%。")
    assert q.value == Fraction(hundredths, 10**decimals) / 100
    assert q.resolution == Fraction(1, 10**decimals) / 100
    assert q.decimals == decimals and q.unit == "%"


def test_pint_unit_is_typed_for_units_and_none_for_unknown_words() -> None:
    (area,) = parse_quantities("面积0.6298公顷")
    unit = area.pint_unit
    assert unit is not None and str(unit) == "公顷"
    (bare,) = parse_quantities("约14个亿")
    assert bare.pint_unit is None


@pytest.mark.parametrize(
    "text",
    ["1" * 5000, "万亿" * 2000, "一二三四五六七八九十" * 300, "1,000," * 500, "1:2:" * 500],
    ids=["5000 digits", "万亿 run", "digit words run", "comma run", "colon run"],
)
def test_long_degenerate_runs_are_read_without_error(text: str) -> None:
    _check_spans(text)
    assert all(len(q.text) <= 60 for q in parse_quantities(text))
