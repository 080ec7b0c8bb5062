"""Ratio claims: the example table, the base a ratio is written on, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.claims import ratios
from consistency.verdicts import Verdict
from strategies import (
    ChangeSentence,
    assert_claims_in_bounds,
    assert_claims_match,
    assert_findings_match,
    checked_claims,
    claim_cases,
    flagged_cases,
    sex_ratios,
)

CASES = claim_cases("claims_ratios")


def checked(text: str) -> list[tuple[object, object]]:
    """Every ratio claim of ``text`` with its outcome."""
    return checked_claims(ratios, text)


@pytest.mark.parametrize("case", CASES)
def test_example_table(case: dict) -> None:
    assert_claims_match(checked(case["text"]), case["claims"])


FLAGGED = flagged_cases(CASES)


@pytest.mark.parametrize("case", FLAGGED, ids=[c["text"][-30:] for c in FLAGGED])
def test_every_flagged_example_renders_a_message_naming_the_ratio(case: dict) -> None:
    assert_findings_match(case, (ratios.KIND,))


def test_a_ratio_without_counts_is_never_an_error() -> None:
    ((claim, outcome),) = checked("行政复议与行政诉讼之比为4.5∶1。")
    assert claim.parts == () and outcome.verdict is Verdict.UNDECIDABLE


def test_an_earlier_periods_ratio_is_not_checked_against_this_periods_counts() -> None:
    text = "男性人口145.39万人,女性人口140.52万人。与2010年普查性别比107.33相比有所下降。"
    assert checked(text) == []


def test_a_label_carried_by_several_figures_leaves_the_ratio_undecided() -> None:
    text = "男性人口242067人,其中男性党员1200人,女性人口230349人,性别比为105.1。"
    ((_claim, outcome),) = checked(text)
    assert outcome.verdict is Verdict.UNDECIDABLE and outcome.code == "C704"


@settings(max_examples=150, deadline=None)
@given(sex_ratios())
def test_sex_ratios_built_consistent_are_never_flagged(s: ChangeSentence) -> None:
    assert [o.verdict for c, o in checked(s.sentence)] == [Verdict.CONSISTENT], s


@settings(max_examples=150, deadline=None)
@given(sex_ratios(perturb=True))
def test_sex_ratios_moved_two_steps_are_always_errors(s: ChangeSentence) -> None:
    assert [o.verdict for c, o in checked(s.sentence)] == [Verdict.INCONSISTENT], s


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
