"""The shared matching helper: segmentation, unit families, figure intervals, judging."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.claims._kept import Kept
from consistency.claims._match import (
    Context,
    family,
    figure_interval,
    find_cue,
    fmt_number,
    fmt_percent,
    is_whole_count,
    judge,
    load_cues,
    words_pattern,
)
from consistency.errors import DataFileError
from consistency.intervals import Interval, RoundingMode
from consistency.verdicts import RoundingPolicy, Verdict
from strategies import figure, figures_in

HALF_UP, HALF_EVEN, TRUNCATE = RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.TRUNCATE


def test_sentences_split_at_full_stops_and_line_breaks() -> None:
    text = "共47件,其中13件。另有5件!\n第二段3件"
    ctx = Context.build(text, figures_in(text))
    assert [s.paragraph for s in ctx.sentences if s.quantities] == [0, 0, 1]
    assert [len(s.quantities) for s in ctx.sentences if s.quantities] == [2, 1, 1]


def test_clauses_keep_their_opening_mark_and_bracket_depth() -> None:
    text = "非规范性文件共345件(其中:决策150件,合同85个、纪要110项),同时提供服务578人次"
    ctx = Context.build(text, figures_in(text))
    (sentence,) = ctx.sentences
    by_figure = {q.text: c for c in sentence.clauses for q in c.quantities}
    assert by_figure["345件"].depth == 0
    assert by_figure["150件"].depth == 1 and by_figure["150件"].opener == ":"
    assert by_figure["85个"].opener == ","
    assert by_figure["110项"].opener == "、" and by_figure["110项"].closer == ")"
    assert by_figure["578人次"].depth == 0


def test_thousands_separators_inside_a_figure_do_not_split_clauses() -> None:
    text = "共收办结业务7,878,562笔(其中批准业务7,525,307笔)"
    quantities = (
        figure(text, "7,878,562笔", 7878562, "笔"),
        figure(text, "7,525,307笔", 7525307, "笔"),
    )
    ctx = Context.build(text, quantities)
    located = ctx.locate(quantities[0])
    assert located is not None
    sentence, ci = located
    assert ctx.label_before(quantities[0], sentence.clauses[ci]) == "共收办结业务"


def test_a_figure_no_clause_holds_is_left_out_and_the_others_filed() -> None:
    # a figure with an empty span on a clause mark (or one starting before the text)
    # starts before any clause it could fall in: no clause holds it, and no other
    # figure of its sentence is lost with it
    text = "共47件,其中13件。另有5件"
    found = figures_in(text)
    comma = text.index(",")
    stray = replace(found[0], start=comma, end=comma, text="")
    before = replace(found[0], start=-3, end=-1)
    ctx = Context.build(text, (before, *found[:1], stray, *found[1:]))
    filed = [q for s in ctx.sentences for c in s.clauses for q in c.quantities]
    assert filed == list(found)
    assert [len(s.quantities) for s in ctx.sentences] == [2, 1]


def test_window_stays_inside_the_paragraph() -> None:
    text = "甲1件。\n乙2件。丙3件。丁4件。"
    ctx = Context.build(text, figures_in(text))
    last = [s for s in ctx.sentences if s.quantities][-1]
    window = ctx.window(last, before=5)
    assert [q.text for s in window for q in s.quantities] == ["2件", "3件", "4件"]


@pytest.mark.parametrize(
    ("unit", "expected"),
    [("件", "count"), ("个", "count"), ("项", "count"), ("人次", "count"), ("元", "money"),
     ("%", "percent"), ("天", "天"), (None, None)],
    ids=lambda v: str(v),
)
def test_every_counted_classifier_is_one_family(unit: str | None, expected: str | None) -> None:
    q = figure("12" + (unit or ""), "12" + (unit or ""), 12, unit)
    assert family(q) == expected


def test_a_whole_count_is_exact_and_a_scaled_one_is_not() -> None:
    assert is_whole_count(figure("633人", "633人", 633, "人"))
    scaled = figure("2.73万件", "2.73万件", Fraction(27300), "件", decimals=2, resolution=100)
    assert not is_whole_count(scaled)
    assert figure_interval(scaled) == Interval(Fraction(27250), Fraction(27350))


@pytest.mark.parametrize(
    ("mode", "low", "high"),
    [(HALF_UP, "0.90945", "0.90955"), (HALF_EVEN, "0.90945", "0.90955"), (TRUNCATE, "0.9095", "0.9096")],
    ids=["half-up", "half-even", "truncate"],
)
def test_a_rounded_percentage_allows_half_a_step_or_one_step_when_truncated(
    mode: RoundingMode, low: str, high: str
) -> None:
    q = figure("90.95%", "90.95%", Fraction("0.9095"), "%", decimals=2, resolution=Fraction(1, 10000))
    assert figure_interval(q, mode) == Interval(Fraction(low), Fraction(high))


def test_bounded_and_approximate_figures() -> None:
    more = figure("200余件", "200余件", 200, "件", low=200, high=300, qualifier="余")
    assert figure_interval(more) == Interval(Fraction(200) - Fraction(1, 2), Fraction(300) + Fraction(1, 2))
    about = figure("约14个亿", "约14个亿", 14, None, low=None, high=None, approx=True)
    assert figure_interval(about) is None
    open_top = figure("98%以上", "98%以上", Fraction("0.98"), "%", high=None, resolution=Fraction(1, 100))
    assert figure_interval(open_top) is None


def test_judge_prefers_accepted_modes_and_names_truncation() -> None:
    share = figure("90.95%", "90.95%", Fraction("0.9095"), "%", decimals=2, resolution=Fraction(1, 10000))
    exact = Interval.exact(Fraction(1046, 1150))
    j = judge(lambda mode: exact, share, RoundingPolicy())
    assert j.verdict is Verdict.CONDITIONAL and j.mode is TRUNCATE
    right = figure("90.96%", "90.96%", Fraction("0.9096"), "%", decimals=2, resolution=Fraction(1, 10000))
    assert judge(lambda mode: exact, right, RoundingPolicy()).verdict is Verdict.CONSISTENT
    wrong = figure("90.90%", "90.90%", Fraction("0.909"), "%", decimals=2, resolution=Fraction(1, 10000))
    assert judge(lambda mode: exact, wrong, RoundingPolicy()).verdict is Verdict.INCONSISTENT


def test_judge_of_a_whole_count_needs_the_exact_value() -> None:
    total = figure("633人", "633人", 633, "人")
    assert judge(lambda m: Interval.exact(633), total, RoundingPolicy()).verdict is Verdict.CONSISTENT
    assert judge(lambda m: Interval.exact(643), total, RoundingPolicy()).verdict is Verdict.INCONSISTENT


def test_judge_without_a_computable_interval_is_undecidable() -> None:
    total = figure("633人", "633人", 633, "人")
    assert judge(lambda m: None, total, RoundingPolicy()).verdict is Verdict.UNDECIDABLE


def test_find_cue_returns_the_last_and_longest_word() -> None:
    assert find_cue("共审查,共计提供", ("共", "共计")) == (4, "共计")
    assert find_cue("没有", ("共",)) is None


def test_cue_tables_load_and_are_sorted_longest_first() -> None:
    totals = load_cues("totals")
    words = totals["total"]["words"]
    assert "共计" in words and "共" in words
    assert words.index("共计") < words.index("共")


def test_a_word_pattern_finds_the_longest_word_and_nothing_without_words() -> None:
    pattern = words_pattern(["共", "共计", "合计", "共"])
    assert [m.group() for m in pattern.finditer("共计12件,合计3件,共5件")] == ["共计", "合计", "共"]
    assert words_pattern(["a.b"]).search("axb") is None  # words are literal, not patterns
    assert words_pattern([]).search("任何文字") is None


def test_kept_answers_are_given_only_for_the_object_they_are_about() -> None:
    kept: Kept[str] = Kept(size=2)
    first, second = object(), object()
    calls: list[str] = []

    def answer(name: str) -> str:
        calls.append(name)
        return name

    assert kept.get(1, first, lambda: answer("a")) == "a"
    assert kept.get(1, first, lambda: answer("again")) == "a"  # kept
    assert kept.get(1, second, lambda: answer("b")) == "b"  # same key, another object
    assert kept.get(2, second, lambda: answer("c")) == "c"
    assert kept.get(3, first, lambda: answer("d")) == "d"  # full: emptied, then kept
    assert kept.get(2, second, lambda: answer("c again")) == "c again"
    assert calls == ["a", "b", "c", "d", "c again"]


def test_a_missing_cue_table_is_a_data_file_error() -> None:
    with pytest.raises(DataFileError, match="nonexistent"):
        load_cues("nonexistent")


@pytest.mark.parametrize(
    ("value", "shown"),
    [(Fraction(633), "633"), (Fraction(1, 3), "0.3333"), (Fraction(-5, 2), "-2.5")],
    ids=["whole", "third", "negative"],
)
def test_numbers_are_displayed_without_float_noise(value: Fraction, shown: str) -> None:
    assert fmt_number(value) == shown


def test_a_share_is_displayed_as_a_percentage() -> None:
    assert fmt_percent(Fraction(1046, 1150)) == "90.9565%"


def test_a_printed_zero_is_exact_at_any_scale() -> None:
    zero = figure("0万元", "0万元", 0, "元", resolution=10_000)
    assert figure_interval(zero) == Interval.exact(0)
    assert figure_interval(zero, TRUNCATE) == Interval.exact(0)


_ALPHABET = "0123456789.,%万亿件个项人名共其中合计占比率为达另外其余等(),:;。、“”\n "


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_the_total_and_share_kinds_never_raise_on_arbitrary_text(text: str) -> None:
    from consistency.claims import granularity, shares, totals
    from consistency.quantities import scan

    ctx = Context.build(text, tuple(scan(text)))
    for kind in (totals, shares, granularity):
        for claim in kind.extract(ctx):
            outcome = kind.check(claim, RoundingPolicy())
            assert 0 <= claim.start <= claim.end <= len(text)
            assert outcome.verdict in Verdict
