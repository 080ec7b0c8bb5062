"""Change claims: the example table, the arithmetic of each relation, and properties."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from consistency import messages
from consistency.claims import _match, changes
from consistency.claims.changes import arithmetic
from consistency.intervals import Interval, RoundingMode
from consistency.verdicts import RoundingPolicy, Verdict
from strategies import (
    ChangeSentence,
    assert_claims_in_bounds,
    checked_claims,
    figure,
    kind_example_tests,
    level_changes,
    pair_changes,
    respective_changes,
)

test_example_table, test_every_flagged_example_is_reported_at_its_figure = kind_example_tests(
    changes, "claims_changes", "claims_changes_orders"
)


POLICY = RoundingPolicy()


def checked(text: str) -> list[tuple[object, object]]:
    """Every change claim of ``text`` with its outcome."""
    return checked_claims(changes, text)


def test_every_change_code_has_a_catalogue_entry_in_its_family() -> None:
    ours = [m for m in messages.CATALOGUE.values() if m.code.startswith("C3")]
    assert {m.code for m in ours} >= {
        "C301",
        "C302",
        "C303",
        "C304",
        "C305",
        "C306",
        "C307",
        "C308",
        "C309",
        "C310",
    }


# ---------------------------------------------------------------- the arithmetic


def test_level_rate_ends_come_from_opposite_corners() -> None:
    # 79 ± 0.5 over 22602 ± 0.5: the widest reading, not the naive interval quotient
    rate = arithmetic.level_rate(
        Interval(Fraction(226015, 10), Fraction(226025, 10)),
        Interval(Fraction(785, 10), Fraction(795, 10)),
        1,
    )
    assert rate.low == Fraction(785, 10) / (Fraction(226025, 10) - Fraction(785, 10))
    assert rate.high == Fraction(795, 10) / (Fraction(226015, 10) - Fraction(795, 10))


def test_a_fall_is_measured_against_the_level_plus_the_change() -> None:
    rate = arithmetic.level_rate(Interval.exact(10244), Interval.exact(4927), -1)
    assert rate == Interval.exact(Fraction(4927, 10244 + 4927))


def test_a_change_larger_than_its_level_is_undecidable_not_an_error() -> None:
    ((_claim, outcome),) = checked("共受理10件,同比增长50%,增加10件。")
    assert outcome.verdict is Verdict.UNDECIDABLE and outcome.code == "C309"


def test_printed_figures_decide_before_rounded_ones() -> None:
    text = "平均办理环节由3.7个压缩至3.2个,压缩率13.51%"
    a = _match.RoundedInput(
        figure(text, "3.7个", Fraction(37, 10), "个", decimals=1, resolution=Fraction(1, 10))
    )
    b = _match.RoundedInput(
        figure(text, "3.2个", Fraction(32, 10), "个", decimals=1, resolution=Fraction(1, 10))
    )
    stated = figure(
        text, "13.51%", Fraction(1351, 10000), "%", decimals=2, resolution=Fraction(1, 10000)
    )
    outcome = arithmetic.decide(
        stated,
        (a, b),
        lambda x, y: (y / x - 1) * -1,
        POLICY,
        ("C301", "C302", "C303", "C309"),
        True,
    )
    assert outcome.verdict is Verdict.CONSISTENT and outcome.computed is not None
    assert outcome.computed.is_exact


def test_an_average_widens_a_whole_count_but_a_plain_count_stays_exact() -> None:
    text = "平均办理环节由5个压缩至4个,压缩率21%"
    five = figure(text, "5个", 5, "个")
    assert _match.RoundedInput(five, averaged=True).allowed(
        RoundingMode.HALF_UP
    ) == Interval(Fraction(9, 2), Fraction(11, 2))
    assert _match.RoundedInput(five).allowed(RoundingMode.HALF_UP) == Interval.exact(5)


def test_the_average_cue_reaches_the_figures_of_its_clause() -> None:
    ((claim, outcome),) = checked("平均办理环节由5个压缩至4个,压缩率21%。")
    assert claim.details["averaged"] == "1,1"
    assert outcome.verdict is Verdict.CONDITIONAL and outcome.code == "C302"
    ((claim, outcome),) = checked("办理环节由5个压缩至4个,压缩率21%。")
    assert outcome.verdict is Verdict.INCONSISTENT and outcome.code == "C301"


# ---------------------------------------------------------------- properties


def _verdicts(s: ChangeSentence) -> list[Verdict]:
    return [o.verdict for c, o in checked(s.sentence) if c.stated.text == s.stated]


@settings(max_examples=150, deadline=None)
@given(level_changes())
def test_level_change_and_rate_built_consistent_are_never_flagged(s: ChangeSentence) -> None:
    assert _verdicts(s) == [Verdict.CONSISTENT], s


@settings(max_examples=150, deadline=None)
@given(level_changes(perturb=True))
def test_level_change_with_the_rate_moved_two_steps_is_always_an_error(s: ChangeSentence) -> None:
    assert _verdicts(s) == [Verdict.INCONSISTENT], s


@settings(max_examples=150, deadline=None)
@given(pair_changes())
def test_before_after_rate_built_consistent_is_never_flagged(s: ChangeSentence) -> None:
    assert _verdicts(s) == [Verdict.CONSISTENT], s


@settings(max_examples=150, deadline=None)
@given(pair_changes(perturb=True))
def test_before_after_rate_moved_two_steps_is_always_an_error(s: ChangeSentence) -> None:
    assert _verdicts(s) == [Verdict.INCONSISTENT], s


@settings(max_examples=100, deadline=None)
@given(respective_changes())
def test_respective_rates_built_consistent_are_never_flagged(s: ChangeSentence) -> None:
    assert [o.verdict for _c, o in checked(s.sentence)] == [Verdict.CONSISTENT] * 2, s


@settings(max_examples=100, deadline=None)
@given(respective_changes(perturb=True))
def test_a_respective_rate_moved_two_steps_is_always_an_error(s: ChangeSentence) -> None:
    verdicts = [o.verdict for _c, o in checked(s.sentence)]
    assert verdicts == [Verdict.CONSISTENT, Verdict.INCONSISTENT], s


_PIECES = st.sampled_from(
    [
        "共受理",
        "案件",
        "由",
        "从",
        "至",
        "到",
        "为",
        "同比",
        "增长",
        "下降",
        "增加",
        "减少",
        "压缩率",
        "增幅",
        "个百分点",
        "倍",
        "%",
        "件",
        "万元",
        "人",
        ",",
        "。",
        "(",
        ")",
        "比上年",
        "与",
        "相比",
        "分别",
        "各",
        "平均",
        "12",
        "3.5",
        "0",
        "100",
        "7.25",
        "2020年的",
        "性别比",
        "∶",
        ":",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_reading_never_raises_and_claims_stay_in_bounds(text: str) -> None:
    assert_claims_in_bounds(checked(text), text)


def test_a_zero_after_a_respective_cue_does_not_stop_the_check() -> None:
    # found by the reading property test: the scale of a list of bare numbers was read
    # by dividing by the zero written last
    from consistency import check_text

    check_text("0∶3.5分别增长12")
