"""Restated figures: the example table, the pairing rules, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from consistency import messages
from consistency.claims import restatements
from consistency.errors import DataFileError
from consistency.verdicts import Verdict
from strategies import (
    assert_claims_match,
    assert_findings_match,
    checked_claims,
    claim_cases,
    differently_scoped_figures,
    flagged_cases,
    restated_figures,
)

CASES = claim_cases("claims_restatements")


def checked(text: str) -> list[tuple[object, object]]:
    """Every restatement claim of ``text`` with its outcome."""
    return checked_claims(restatements, text)


@pytest.mark.parametrize("case", CASES)
def test_example_table(case: dict) -> None:
    assert_claims_match(checked(case["text"]), case["claims"])


FLAGGED = flagged_cases(CASES)


@pytest.mark.parametrize("case", FLAGGED, ids=[c["text"][:40] for c in FLAGGED])
def test_every_flagged_example_names_both_statements(case: dict) -> None:
    mine = assert_findings_match(case, (restatements.KIND,))
    for f in mine:
        earlier = f.claim.parts[0]  # the figures after it are adjustments tried before an error
        assert f.claim.stated.text in f.message and earlier.text in f.message


def test_restatement_codes_are_catalogued_in_their_family() -> None:
    assert {"C501", "C502"} <= set(messages.CATALOGUE)


def test_the_claim_states_the_later_figure_and_spans_both() -> None:
    text = "市本级政务服务事项共1150项。\n市本级政务服务事项共1160项。"
    ((claim, _),) = checked(text)
    assert claim.stated.start > text.index("\n") > claim.parts[0].start
    assert text[claim.start : claim.end].startswith("1150项") and text[: claim.end].endswith("1160项")


def test_figures_in_one_sentence_are_never_paired() -> None:
    assert checked("全市政务服务事项共1150项,全市政务服务事项共1160项。") == []


def test_approximate_figures_are_never_paired() -> None:
    assert checked("全区法律顾问共计提供法律服务约578人次。\n全区法律顾问共计提供法律服务约600人次。") == []


@settings(max_examples=60, deadline=None)
@given(restated_figures())
def test_a_figure_restated_unchanged_is_never_flagged(case: tuple[str, str]) -> None:
    text, later = case
    ((claim, outcome),) = checked(text)
    assert claim.stated.text == later and outcome.verdict is Verdict.CONSISTENT


@settings(max_examples=60, deadline=None)
@given(restated_figures(perturb=True))
def test_a_figure_restated_differently_is_always_flagged(case: tuple[str, str]) -> None:
    text, _ = case
    ((_, outcome),) = checked(text)
    assert outcome.code == "C501"


@settings(max_examples=60, deadline=None)
@given(differently_scoped_figures())
def test_a_label_under_two_scopes_is_never_an_error(text: str) -> None:
    # issue 9, class 5: the same words under another scope are another measure
    for _, outcome in checked(text):
        assert outcome.verdict is not Verdict.INCONSISTENT and outcome.code is None, text


def _data_error_with_pairs(monkeypatch: pytest.MonkeyPatch, entries: tuple[str, ...]) -> str:
    """The DataFileError raised when ``[conversions].pairs`` holds ``entries``."""
    from consistency.claims import _conversions

    monkeypatch.setattr(_conversions, "load_cues", lambda _name: {"conversions": {"pairs": entries}})
    _conversions.pairs.cache_clear()
    try:
        with pytest.raises(DataFileError) as caught:
            _conversions.factors()
    finally:
        _conversions.pairs.cache_clear()
    return str(caught.value)


def test_a_malformed_conversion_names_the_data_file_and_key(monkeypatch: pytest.MonkeyPatch) -> None:
    message = _data_error_with_pairs(monkeypatch, ("吨 斤 2000",))
    assert "restatements.toml" in message and "conversions.pairs" in message


def test_a_conversion_the_unit_definitions_cannot_make_names_the_data_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert "no conversion from 吨 to 米" in _data_error_with_pairs(monkeypatch, ("吨 米",))


def test_conversion_factors_come_exactly_from_the_unit_definitions() -> None:
    from fractions import Fraction

    from consistency.claims import _conversions

    table = _conversions.factors()
    assert table[("吨", "斤")] == 2000 and table[("公顷", "亩")] == 15
    assert table[("公斤/公顷", "公斤/亩")] == Fraction(1, 15)
    assert all(isinstance(f, Fraction) for f in table.values())


_HOSTILE = [
    "全市受理行政复议案件120件。",  # one measure restated in every sentence
    "全市受理行政复议案件120件,",  # the same within one sentence
    "2023年受理案件12件。今年",  # a period in every sentence
    "\n一、2025年\n全年共受理行政复议案件356件。\n（一）行政复议\n受理行政复议案件365件。",
    "120,000元(壹拾贰万元)",  # bracketed restatements
    "受理行政复议案件:365件\n",  # statistics lines
    "11月受理案件1件,1-11月受理案件2件。",
    "较去年同期",
]


@pytest.mark.parametrize("unit", _HOSTILE)
def test_reading_restatements_grows_linearly(unit: str) -> None:
    # issue 12: a figure is compared with a bounded number of earlier statements, and
    # scopes are read once per document
    from consistency.claims._match import Context
    from consistency.quantities import scan
    from work_counter import calls_made, grows_linearly

    def work(n: int) -> int:
        text = unit * n
        ctx = Context.build(text, tuple(scan(text)))
        return calls_made(lambda: list(restatements.extract(ctx)))

    ok, small, large = grows_linearly(work, 150)
    assert ok, f"{unit!r}: {small} calls for 150 repetitions, {large} for 300"
