"""Completion and comparison claims: the example table, the arithmetic, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from consistency import messages
from consistency.claims import completion
from consistency.verdicts import Verdict
from strategies import (
    assert_claims_match,
    assert_findings_match,
    checked_claims,
    claim_cases,
    completions,
    flagged_cases,
)

CASES = claim_cases("claims_completion")


def checked(text: str) -> list[tuple[object, object]]:
    """Every completion or comparison claim of ``text`` with its outcome."""
    return checked_claims(completion, text)


@pytest.mark.parametrize("case", CASES)
def test_example_table(case: dict) -> None:
    assert_claims_match(checked(case["text"]), case["claims"])


FLAGGED = flagged_cases(CASES)


@pytest.mark.parametrize("case", FLAGGED, ids=[c["text"][:40] for c in FLAGGED])
def test_every_flagged_example_renders_a_message_naming_the_stated_figure(case: dict) -> None:
    mine = assert_findings_match(case, (completion.KIND,))
    assert mine


def test_completion_codes_are_catalogued_in_their_family() -> None:
    assert {"C601", "C602", "C603", "C604", "C611"} <= set(messages.CATALOGUE)


def test_the_059_target_is_the_outturn_less_the_excess() -> None:
    text = "支出总计1741.75万元,完成年初预算100%,决算数大于预算数55.93万元。"
    ((_, outcome),) = checked(text)
    assert outcome.computed is not None
    # 1741.75 / 1685.82 = 1.033168…, widened by the rounding of both figures
    assert outcome.computed.low < 1741.75 / 1685.82 < outcome.computed.high
    assert outcome.computed.low > 1.0315


def test_a_shortfall_raises_the_target() -> None:
    text = "支出总计900万元,完成年初预算90%,决算数小于预算数100万元。"
    ((_, outcome),) = checked(text)
    assert outcome.verdict is Verdict.CONSISTENT  # 900 / (900 + 100) = 90%


def test_an_equal_figure_passes_a_strict_comparison_within_rounding() -> None:
    text = "参考率为80%,超过自治区要求的参考率达到80%的标准。"
    ((_, outcome),) = checked(text)
    assert outcome.verdict is Verdict.CONSISTENT


def test_a_rate_in_points_after_the_word_is_never_a_threshold() -> None:
    assert checked("结案率为91%,高于全省平均水平的2个百分点。") == []


@settings(max_examples=80, deadline=None)
@given(completions())
def test_a_completion_rate_printed_from_its_figures_is_never_flagged(case: tuple[str, str]) -> None:
    text, printed = case
    ((claim, outcome),) = checked(text)
    assert claim.stated.text == printed and outcome.verdict is Verdict.CONSISTENT


@settings(max_examples=80, deadline=None)
@given(completions(perturb=True))
def test_a_completion_rate_moved_five_steps_is_always_flagged(case: tuple[str, str]) -> None:
    text, _ = case
    ((_, outcome),) = checked(text)
    assert outcome.code == "C601"
