"""Granularity (GRIM): a percentage of a whole count must be k/n for some whole k."""

from __future__ import annotations

import math
from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.claims import granularity
from consistency.intervals import RoundingMode
from consistency.verdicts import Verdict
from strategies import RenderedClaim, checked_claims, figure, granular_shares

HALF_UP, TRUNCATE = RoundingMode.HALF_UP, RoundingMode.TRUNCATE


def pct(text: str, value: str, decimals: int) -> object:
    return figure(text, text, Fraction(value) / 100, "%", decimals=decimals,
                  resolution=Fraction(1, 100 * 10**decimals))


@pytest.mark.parametrize(
    ("n", "printed", "value", "decimals", "mode", "expected"),
    [
        (17, "33.33%", "33.33", 2, HALF_UP, []),
        (17, "29.41%", "29.41", 2, HALF_UP, [5]),
        (34, "94.11%", "94.11", 2, HALF_UP, []),
        (34, "94.11%", "94.11", 2, TRUNCATE, [32]),
        (3, "100%", "100", 0, HALF_UP, [3]),
        (1150, "0%", "0", 0, HALF_UP, [0, 1, 2, 3, 4, 5]),
    ],
    ids=["17-a-third", "17-five", "34-rounded", "34-truncated", "3-all", "1150-none"],
)
def test_fitting_counts_are_exactly_the_k_that_print_as_stated(
    n: int, printed: str, value: str, decimals: int, mode: RoundingMode, expected: list[int]
) -> None:
    assert granularity.fitting_counts(n, pct(printed, value, decimals), mode) == expected


def test_the_error_suggests_the_two_nearest_shares() -> None:
    ((_claim, outcome),) = checked_claims(granularity, "全年共办理信访事项17件,其中网上信访占比33.33%。")
    assert outcome.code == "C203"
    assert outcome.params["nearest"] == "5/17 = 29.4118%, 6/17 = 35.2941%"


def test_a_count_named_by_the_rate_is_its_numerator_over_an_unstated_base() -> None:
    # 10 is the numerator: 10/11 = 90.91%
    ((claim, outcome),) = checked_claims(granularity, "出庭应诉10件,出庭应诉率为90.91%。")
    assert claim.relation == "90.91% = 10 / n"
    assert outcome.verdict is Verdict.CONSISTENT and outcome.code is None


def test_a_rate_after_a_count_it_does_not_name_may_be_of_an_unstated_base() -> None:
    # 10 may be the numerator: 10/11 = 90.91%; no error
    ((_claim, outcome),) = checked_claims(granularity, "开庭审理10件,出庭应诉率为90.91%。")
    assert outcome.verdict is Verdict.UNDECIDABLE and outcome.code is None


def test_a_named_count_no_whole_base_gives_is_an_error_naming_the_nearest_bases() -> None:
    ((claim, outcome),) = checked_claims(granularity, "经复议,维持原行政行为10件,占43.9%。")
    assert outcome.code == "C207" and outcome.verdict is Verdict.INCONSISTENT
    assert outcome.params["nearest"] == "10/22 = 45.455%, 10/23 = 43.478%"
    assert claim.evidence is not None and claim.evidence.value == "named"


def test_a_named_count_whose_share_fits_only_truncated_is_a_warning() -> None:
    # 10/24 = 41.667%: 41.7% rounded, 41.6% only if the digit was cut
    ((_claim, outcome),) = checked_claims(granularity, "经复议,维持原行政行为10件,占41.6%。")
    assert outcome.code == "C208" and outcome.verdict is Verdict.CONDITIONAL


def test_a_named_count_with_a_share_without_decimals_is_no_claim() -> None:
    assert checked_claims(granularity, "经复议,维持原行政行为10件,占44%。") == []


def test_a_rate_after_a_marked_total_is_of_that_total() -> None:
    ((_claim, outcome),) = checked_claims(granularity, "共受理案件10件,案件审结率为90.91%。")
    assert outcome.code == "C203"


def test_a_share_after_a_part_takes_it_as_its_count_never_as_its_base() -> None:
    ((claim, outcome),) = checked_claims(granularity, "零跑动事项提升至763项,占比66.35%。")
    assert claim.relation == "66.35% = 763 / n" and outcome.verdict is Verdict.CONSISTENT


def test_a_marked_total_with_a_share_of_its_own_is_its_count_not_its_base() -> None:
    # 乙's 200 is a part of a larger total (200/600 = 33.3%), not the base of 33.3%
    text = "甲单位收到120件,占收到总数的20%;乙单位共收到200件,占33.3%;丙单位收到150件,占25%。"
    found = checked_claims(granularity, text)
    assert [c.relation for c, _ in found] == ["33.3% = 200 / n"]
    assert all(o.verdict is Verdict.CONSISTENT for _, o in found)


def test_a_base_of_one_is_no_base() -> None:
    assert checked_claims(granularity, "唯一一个省份。其中,儿童占总人口的17.86%。") == []


@settings(max_examples=120, deadline=None)
@given(granular_shares())
def test_a_share_that_some_count_gives_is_never_flagged(claim: RenderedClaim) -> None:
    ((_c, o),) = checked_claims(granularity, claim.sentence)
    assert o.verdict is Verdict.CONSISTENT and o.code is None, claim.sentence


@settings(max_examples=120, deadline=None)
@given(granular_shares(perturb=True))
def test_a_share_no_count_gives_is_always_an_error(claim: RenderedClaim) -> None:
    ((_c, o),) = checked_claims(granularity, claim.sentence)
    assert o.code == "C203", claim.sentence


def test_a_rate_of_people_the_text_does_not_count_is_undecidable() -> None:
    ((_claim, outcome),) = checked_claims(granularity, "共有10个部门参加,满意率为95%。")
    assert outcome.verdict is Verdict.UNDECIDABLE and outcome.code == "C903"


def test_a_truncated_reading_does_not_win_over_a_rounded_numerator_reading() -> None:
    # 340/355 = 95.77%; as a share of 340 it is truncated, as 340 out of 356 rounded
    text = "整改到位340个,整改率95.5%。"
    ((_claim, outcome),) = checked_claims(granularity, text)
    assert outcome.code is None and outcome.verdict is Verdict.CONSISTENT


def test_a_count_named_like_the_rate_is_its_numerator() -> None:
    # 36 resolved out of 39 cases: 92.3%; the base is not stated
    ((_claim, outcome),) = checked_claims(granularity, "全区共化解信访积案36件,化解率92.3%。")
    assert outcome.verdict is Verdict.CONSISTENT and outcome.code is None


def _every_k(n: int, stated: object, mode: RoundingMode) -> list[int]:
    """The definition, k by k: every whole k in [0, n] whose share prints as ``stated``."""
    from consistency.claims._match import stated_allows
    from consistency.intervals import Interval

    return [k for k in range(n + 1) if stated_allows(stated, Interval.exact(Fraction(k, n)), mode)]


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(1, 2000),
    k=st.integers(0, 2000),
    decimals=st.integers(0, 3),
    mode=st.sampled_from(list(RoundingMode)),
)
def test_counts_found_by_integer_division_are_those_of_the_definition(
    n: int, k: int, decimals: int, mode: RoundingMode
) -> None:
    # a printed share near k/n, rounded half up (ties included: 1/8 = 12.5%)
    scaled = Fraction(min(k, n) * 100 * 10**decimals, n)
    printed = Fraction(int(scaled + Fraction(1, 2)), 10**decimals)
    stated = pct(f"{printed}%", str(printed), decimals)
    assert granularity.fitting_counts(n, stated, mode) == _every_k(n, stated, mode)


@settings(max_examples=100, deadline=None)
@given(k=st.integers(0, 200), value=st.integers(500, 10000), mode=st.sampled_from(list(RoundingMode)))
def test_a_numerator_fits_exactly_when_some_base_gives_the_share(
    k: int, value: int, mode: RoundingMode
) -> None:
    stated = pct(f"{Fraction(value, 100)}%", str(Fraction(value, 100)), 2)
    from consistency.claims._match import stated_allows
    from consistency.intervals import Interval

    # the n worth trying: k/n within a step of the share, and never below k
    share = Fraction(value, 10000)
    top = int(k / max(share - Fraction(1, 10000), Fraction(1, 10**6))) + 2
    expected = any(
        stated_allows(stated, Interval.exact(Fraction(k, n)), mode)
        for n in range(max(k, 1), top + 1)
    ) if k else False
    assert granularity._numerator_fits(k, stated, mode) == expected


@settings(max_examples=150, deadline=None)
@given(
    n=st.integers(1, 2000),
    hundredths=st.integers(0, 10000),
    side=st.sampled_from(["以上", "以下"]),
    mode=st.sampled_from(list(RoundingMode)),
)
def test_counts_of_a_bounded_share_are_those_of_the_definition(
    n: int, hundredths: int, side: str, mode: RoundingMode
) -> None:
    # "85.00%以上" bounds the share from below, "以下" from above
    value = Fraction(hundredths, 10000)
    stated = figure(
        f"{value * 100}%{side}", f"{value * 100}%", value, "%", decimals=2,
        resolution=Fraction(1, 10000),
    )
    stated = replace(stated, low=value if side == "以上" else None, high=value if side == "以下" else None)
    reach = Fraction(n, 10000) + 1  # the stretch the checker looks at around value·n
    window = range(max(0, math.floor(value * n - reach)), min(n, math.ceil(value * n + reach)) + 1)
    expected = [k for k in _every_k(n, stated, mode) if k in window]
    assert granularity.fitting_counts(n, stated, mode) == expected
