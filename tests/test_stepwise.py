"""Rounding in steps (连续修约): the chain that reaches a printed figure when rounding once
does not, and the warning it becomes (claims/_stepwise.py, claims/_figures.py)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from consistency.claims._figures import rounded_twice
from consistency.claims._stepwise import in_steps
from consistency.intervals import Interval, RoundingMode, round_to
from consistency.quantities import scan
from consistency.verdicts import Outcome, Verdict


def figure(text: str):  # type: ignore[no-untyped-def]
    (q,) = scan(text)
    return q


def test_a_rate_rounded_to_one_decimal_then_to_a_whole_percent() -> None:
    chain = rounded_twice(Interval.exact(Fraction(2047, 17813)), figure("12%"))
    assert chain == (Fraction(2047, 17813), Fraction(115, 1000), Fraction(12, 100))


def test_no_chain_when_rounding_once_already_gives_the_figure() -> None:
    assert rounded_twice(Interval.exact(Fraction(1147, 10000)), figure("11%")) is None


def test_no_chain_reaches_a_figure_more_than_five_ninths_of_a_step_away() -> None:
    # 11.44% is 0.56 of a step below 12%: every chain from it ends at 11%
    assert rounded_twice(Interval.exact(Fraction(1144, 10000)), figure("12%")) is None


def test_an_interval_is_read_at_the_value_nearest_the_rounding_edge() -> None:
    computed = Interval(Fraction(10943, 10000), Fraction(10947, 10000))
    chain = rounded_twice(computed, figure("110%"))
    assert chain is not None and chain[0] == Fraction(10947, 10000) and chain[-1] == Fraction(11, 10)


def test_a_negative_figure_is_reached_from_above() -> None:
    chain = rounded_twice(Interval.exact(Fraction(-11446, 100000)), figure("-11.5%"))
    assert chain is not None and chain[-1] == Fraction(-115, 1000)


def test_only_an_inconsistent_outcome_becomes_the_warning_naming_the_chain() -> None:
    stated = figure("12%")
    computed = Interval.exact(Fraction(2047, 17813))
    failed = Outcome(Verdict.INCONSISTENT, "C301", computed, None, {"value": "11.4916%"})
    warned = in_steps(failed, stated, computed, "C311")
    assert (warned.verdict, warned.code) == (Verdict.CONDITIONAL, "C311")
    assert warned.params["chain"] == "11.4916% → 11.5% → 12%" and warned.params["once"] == "11%"
    fine = Outcome(Verdict.CONSISTENT)
    assert in_steps(fine, stated, computed, "C311") is fine


@given(
    st.integers(min_value=1, max_value=10**6),
    st.integers(min_value=0, max_value=3),
)
def test_every_chain_found_starts_in_the_interval_and_ends_at_the_figure(n: int, places: int) -> None:
    value = Fraction(n, 10**4)
    step = Fraction(1, 10**places)
    # the figure one step above the value's single rounding: what a slip in steps prints
    printed = round_to(value, step, RoundingMode.HALF_UP) + step
    text = f"{float(printed):.{places}f}万元" if places else f"{int(printed)}万元"
    stated = figure(text)
    chain = rounded_twice(Interval.exact(value * 10**4), stated)
    if chain is not None:
        assert chain[0] == value * 10**4 and chain[-1] == stated.value
        assert round_to(chain[0], stated.resolution, RoundingMode.HALF_UP) != stated.value
        assert stated.value - chain[0] <= stated.resolution * Fraction(5, 9)
