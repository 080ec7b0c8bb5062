"""Counted lists: the example table, the reading of list shapes, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from consistency import messages
from consistency.claims import enumerations
from consistency.verdicts import Verdict
from strategies import (
    assert_claims_match,
    assert_findings_match,
    checked_claims,
    claim_cases,
    counted_lists,
    flagged_cases,
)

CASES = claim_cases("claims_enumerations")


def checked(text: str) -> list[tuple[object, object]]:
    """Every counted-list claim of ``text`` with its outcome."""
    return checked_claims(enumerations, text)


@pytest.mark.parametrize("case", CASES)
def test_example_table(case: dict) -> None:
    assert_claims_match(checked(case["text"]), case["claims"])


FLAGGED = flagged_cases(CASES)


@pytest.mark.parametrize("case", FLAGGED, ids=[c["text"][:40] for c in FLAGGED])
def test_every_flagged_example_is_an_error_naming_count_and_items(case: dict) -> None:
    mine = assert_findings_match(case, (enumerations.KIND,))
    assert mine


def test_list_codes_are_catalogued_in_their_family() -> None:
    assert {"C401", "C402"} <= {c for c in messages.CATALOGUE if c.startswith("C4")}


def test_an_open_list_with_more_items_than_its_count_is_still_an_error() -> None:
    ((claim, outcome),) = checked("将家事、乡村振兴、城市生活、营商环境等三类矛盾纠纷作为工作重点")
    assert outcome.verdict is Verdict.INCONSISTENT and outcome.code == "C401"
    assert claim.details["listed"] == "4"


def test_a_long_last_item_makes_a_mismatch_undecidable_not_an_error() -> None:
    text = "加强执法协调、司法协调、守法普法工作长效机制建设和队伍保障等工作的四个小组"
    for _, outcome in checked(text):
        assert outcome.verdict is not Verdict.INCONSISTENT


def test_the_claim_spans_the_items_and_the_count() -> None:
    text = "下设执法协调、司法协调、守法普法三个工作小组"
    ((claim, _),) = checked(text)
    assert text[claim.start : claim.end] == "下设执法协调、司法协调、守法普法三个"


@settings(max_examples=60, deadline=None)
@given(counted_lists())
def test_a_list_whose_count_matches_is_never_flagged(case: tuple[str, int]) -> None:
    text, _ = case
    assert [o.verdict for _, o in checked(text)] == [Verdict.CONSISTENT]


@settings(max_examples=60, deadline=None)
@given(counted_lists(perturb=True))
def test_a_list_whose_count_is_off_by_one_is_always_flagged(case: tuple[str, int]) -> None:
    text, _ = case
    assert [o.code for _, o in checked(text)] == ["C401"]


_TENS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三"]


@pytest.mark.parametrize("n", [11, 12, 13])
def test_more_than_ten_numbered_measures_are_counted_as_written(n: int) -> None:
    # issue 12: a heading announcing twelve measures (一是…十二是) once crashed the check
    measures = "".join(f"{_TENS[k]}是抓好第{k + 1}项任务;" for k in range(n))
    ((claim, outcome),) = checked(f"重点抓好{_TENS[n - 1]}个方面工作:{measures}")
    assert outcome.verdict is Verdict.CONSISTENT
    assert claim.details["items"].split("、")[-1] == f"{_TENS[n - 1]}是"


def test_a_count_below_more_than_ten_numbered_measures_is_an_error() -> None:
    measures = "".join(f"{_TENS[k]}是抓好第{k + 1}项任务;" for k in range(12))
    ((claim, outcome),) = checked(f"重点抓好十一个方面工作:{measures}")
    assert outcome.code == "C402" and claim.details["listed"] == "12"


#: sentences and lines a careless or hostile writer repeats without end; each is repeated
#: to one long sentence or line, then to twice that
_HOSTILE = [
    "甲、乙、丙三个",  # lists before counts, no clause mark
    "重点做好三个方面:",  # counts announcing measures after a colon
    "分为五类:一是A;二是B;",  # numbered measures restarting
    "三、抓好七项工作",  # heading marks inside one line
    "7个城市分别为拉萨、喀什",  # lists after counts with no end
    "完成新建、重组11家",  # actions before counts
    "各20家",
    "“三个”(",  # open quotes and brackets
    "一是",
]


@pytest.mark.parametrize("unit", _HOSTILE)
def test_reading_counted_lists_grows_linearly(unit: str) -> None:
    # issue 12: no count may search back to its line start or pair with every other
    from consistency.claims._match import Context
    from consistency.quantities import scan
    from work_counter import calls_made, grows_linearly

    def work(n: int) -> int:
        text = unit * n
        ctx = Context.build(text, tuple(scan(text)))
        return calls_made(lambda: list(enumerations.extract(ctx)))

    ok, small, large = grows_linearly(work, 150)
    assert ok, f"{unit!r}: {small} calls for 150 repetitions, {large} for 300"
