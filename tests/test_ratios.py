"""Ratio claims: the example table, the base a ratio is written on, and properties."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.claims import ratios
from consistency.verdicts import Verdict
from strategies import (
    assert_claims_in_bounds,
    checked_claims,
    kind_example_tests,
)

test_example_table, test_every_flagged_example_is_reported_at_its_figure = kind_example_tests(
    ratios, "claims_ratios"
)


def checked(text: str) -> list[tuple[object, object]]:
    """Every ratio claim of ``text`` with its outcome."""
    return checked_claims(ratios, text)


def test_a_ratio_without_counts_is_never_an_error() -> None:
    ((claim, outcome),) = checked("行政复议与行政诉讼之比为4.5∶1。")
    assert claim.parts == () and outcome.verdict is Verdict.UNDECIDABLE


def test_an_earlier_periods_ratio_is_not_checked_against_this_periods_counts() -> None:
    text = "收案120件,结案100件。与2020年收案与结案之比1.3∶1相比有所下降。"
    assert checked(text) == []


def test_a_label_carried_by_several_figures_leaves_the_ratio_undecided() -> None:
    text = "收案120件,其中收案审查20件,结案100件,收案与结案之比为1.2∶1。"
    ((_claim, outcome),) = checked(text)
    assert outcome.verdict is Verdict.UNDECIDABLE and outcome.code == "C704"


def test_a_sex_ratio_is_left_to_the_identities() -> None:
    assert checked("男性人口242067人,女性人口230349人,性别比为105.1。") == []


_PIECES = st.sampled_from(
    [
        "男性",
        "女性",
        "人口",
        "性别比",
        "出生",
        "为",
        "与",
        "之比",
        "比例",
        "约为",
        "(",
        ")",
        ",",
        "。",
        "以女性为100",
        "2010年",
        "相比",
        "105.1",
        "4.5∶1",
        "105:100",
        "3:1",
        "242067人",
        "0人",
        "230 349人",
        "行政复议",
        "行政诉讼",
        "件",
        "12",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_reading_never_raises_and_claims_stay_in_bounds(text: str) -> None:
    assert_claims_in_bounds(checked(text), text)
