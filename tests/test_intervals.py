"""Exact intervals and rounding modes: the arithmetic every check relies on."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.intervals import (
    IndeterminateDivision,
    Interval,
    RoundingMode,
    could_round_to,
    round_to,
    rounding_preimage,
)

HALF_UP, HALF_EVEN, TRUNCATE = RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.TRUNCATE
F = Fraction

values = st.fractions(min_value=-10_000, max_value=10_000, max_denominator=10_000)
steps = st.sampled_from([F(1), F(1, 10), F(1, 100), F(1, 10_000), F(10_000), F(5)])
modes = st.sampled_from(list(RoundingMode))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    a, b = draw(values), draw(values)
    return Interval(min(a, b), max(a, b))


@st.composite
def member(draw: st.DrawFn, interval: Interval) -> Fraction:
    t = draw(st.fractions(min_value=0, max_value=1, max_denominator=1000))
    return interval.low + t * interval.width


# ---------------------------------------------------------------- rounding


@pytest.mark.parametrize(
    ("value", "step", "mode", "expected"),
    [
        (F("0.909565"), F(1, 10_000), HALF_UP, F("0.9096")),
        (F("0.909565"), F(1, 10_000), TRUNCATE, F("0.9095")),
        (F("2.5"), F(1), HALF_UP, F(3)),
        (F("2.5"), F(1), HALF_EVEN, F(2)),
        (F("3.5"), F(1), HALF_EVEN, F(4)),
        (F("-2.5"), F(1), HALF_UP, F(-3)),
        (F("-2.5"), F(1), HALF_EVEN, F(-2)),
        (F("-2.7"), F(1), TRUNCATE, F(-2)),
        (F(12345), F(10_000), HALF_UP, F(10_000)),
    ],
    ids=["share-half-up", "share-truncated", "tie-up", "tie-even-down", "tie-even-up",
         "negative-tie-away", "negative-tie-even", "negative-truncates-toward-zero",
         "coarse-step"],
)
def test_round_to_follows_each_rule(value: F, step: F, mode: RoundingMode, expected: F) -> None:
    assert round_to(value, step, mode) == expected


def test_round_to_refuses_a_step_that_is_not_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        round_to(F(1), F(0), HALF_UP)


@pytest.mark.parametrize(
    ("stated", "mode", "low", "high"),
    [
        (F("0.9095"), HALF_UP, F("0.90945"), F("0.90955")),
        (F("0.9095"), TRUNCATE, F("0.9095"), F("0.9096")),
        (F(0), TRUNCATE, F("-0.0001"), F("0.0001")),
    ],
    ids=["90.95%-half-up", "90.95%-truncated", "zero-truncated"],
)
def test_the_preimage_hull_of_a_printed_share(stated: F, mode: RoundingMode, low: F, high: F) -> None:
    assert rounding_preimage(stated, F(1, 10_000), mode) == Interval(low, high)


def test_a_tie_belongs_to_the_even_neighbour_only() -> None:
    # 0.5 rounds to 0 under half-even, so it is not a reading of 1 …
    assert not could_round_to(Interval.exact(F(1, 2)), F(1), F(1), HALF_EVEN)
    assert could_round_to(Interval.exact(F(1, 2)), F(0), F(1), HALF_EVEN)
    # … but 1.5 is a reading of 2, and the half-up upper end is open
    assert could_round_to(Interval.exact(F(3, 2)), F(2), F(1), HALF_EVEN)
    assert not could_round_to(Interval.exact(F(3, 2)), F(1), F(1), HALF_UP)


def test_truncation_explains_what_rounding_does_not() -> None:
    share = Interval.exact(F(1046, 1150))
    assert not could_round_to(share, F("0.9095"), F(1, 10_000), HALF_UP)
    assert not could_round_to(share, F("0.9095"), F(1, 10_000), HALF_EVEN)
    assert could_round_to(share, F("0.9095"), F(1, 10_000), TRUNCATE)


@settings(max_examples=120)
@given(values, steps, modes)
def test_a_value_could_round_to_its_own_rounding(value: F, step: F, mode: RoundingMode) -> None:
    assert could_round_to(Interval.exact(value), round_to(value, step, mode), step, mode)


@settings(max_examples=120)
@given(values, steps, modes, st.integers(min_value=-3, max_value=3))
def test_an_exact_value_could_round_to_nothing_but_its_rounding(
    value: F, step: F, mode: RoundingMode, offset: int
) -> None:
    rounded = round_to(value, step, mode)
    other = rounded + offset * step
    assert could_round_to(Interval.exact(value), other, step, mode) == (other == rounded)


@settings(max_examples=120)
@given(values, steps, modes)
def test_the_preimage_holds_every_value_that_rounds_to_the_figure(
    value: F, step: F, mode: RoundingMode
) -> None:
    rounded = round_to(value, step, mode)
    assert value in rounding_preimage(rounded, step, mode)


# ---------------------------------------------------------------- arithmetic


def test_exact_and_around() -> None:
    assert Interval.exact(3) == Interval(F(3), F(3))
    assert Interval.around(10, F(1, 2)) == Interval(F(19, 2), F(21, 2))
    assert Interval.exact(3).is_exact and not Interval.around(3, 1).is_exact


def test_an_empty_interval_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        Interval(F(2), F(1))


def test_division_by_an_interval_holding_zero_is_indeterminate() -> None:
    with pytest.raises(IndeterminateDivision):
        Interval.exact(1) / Interval(F(-1), F(1))
    with pytest.raises(IndeterminateDivision):
        Interval.exact(1) / Interval.exact(0)


def test_sums_of_rounded_parts_widen_by_every_half_step() -> None:
    # nine parts of two decimals each may drift by up to 0.045 from their total
    half = F(1, 200)
    total = sum((Interval.around(F(1), half) for _ in range(9)), Interval.exact(0))
    assert total == Interval(F(9) - F(45, 1000), F(9) + F(45, 1000))


def test_display_is_exact_for_whole_numbers() -> None:
    assert str(Interval.exact(633)) == "633"
    assert str(Interval(F(1), F(2))) == "[1, 2]"


@settings(max_examples=150)
@given(st.data())
def test_every_operation_contains_the_results_of_its_members(data: st.DataObject) -> None:
    a, b = data.draw(intervals()), data.draw(intervals())
    x, y = data.draw(member(a)), data.draw(member(b))
    assert x + y in a + b
    assert x - y in a - b
    assert x * y in a * b
    assert -x in -a
    if not b.low <= 0 <= b.high:
        assert x / y in a / b


@settings(max_examples=100)
@given(intervals(), intervals())
def test_the_hull_contains_both_and_intersection_is_symmetric(a: Interval, b: Interval) -> None:
    h = a.hull(b)
    assert a in h and b in h
    assert a.intersects(b) == b.intersects(a)
