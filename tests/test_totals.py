"""Totals, breakdowns and subsets: the example table, the reading of lists, properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from consistency import check_text, messages
from consistency.claims import totals
from consistency.verdicts import Severity, Verdict
from strategies import (
    RenderedClaim,
    amount_breakdowns,
    assert_claims_match,
    assert_findings_match,
    breakdowns,
    checked_claims,
    claim_cases,
    flagged_cases,
    subsets,
)

CASES = claim_cases("claims_totals")


def checked(text: str) -> list[tuple[object, object]]:
    """Every total and subset claim of ``text`` with its outcome."""
    return checked_claims(totals, text)


@pytest.mark.parametrize("case", CASES)
def test_example_table(case: dict) -> None:
    assert_claims_match(checked(case["text"]), case["claims"])


FLAGGED = flagged_cases(CASES)


@pytest.mark.parametrize("case", FLAGGED, ids=[c["text"][:40] for c in FLAGGED])
def test_every_flagged_example_reports_its_code_with_the_stated_figure_in_the_message(
    case: dict,
) -> None:
    assert_findings_match(case, ("total", "subset"))


def test_every_total_code_has_a_catalogue_entry_and_a_severity() -> None:
    codes = {m.code: m.severity for m in messages.CATALOGUE.values() if m.code.startswith("C1")}
    assert codes == {
        "C101": Severity.ERROR,
        "C102": Severity.WARNING,
        "C103": Severity.ERROR,
        "C104": Severity.WARNING,
        "C105": Severity.WARNING,
    }


def test_the_message_shows_the_sum_that_was_computed() -> None:
    (finding,) = [
        f
        for f in check_text("共评查案卷47件,其中行政复议案卷13件,行政执法案卷35件。").findings
        if f.code == "C101"
    ]
    assert "13 + 35 = 48" in finding.message
    assert "13 + 35 = 48" in finding.message_en


def test_a_list_ending_in_deng_is_checked_only_as_subsets() -> None:
    found = checked("共办理案件100件,其中刑事案件30件、民事案件20件等。")
    assert [c.kind for c, _ in found] == ["subset", "subset"]
    assert all(o.verdict is Verdict.CONSISTENT for _, o in found)


def test_a_ranked_list_of_the_top_five_is_not_a_breakdown() -> None:
    text = (
        "2025年第二季度交辦各級各部門訴求事項共3136宗,其中辦理事項排名前五的部門是"
        "縣公安局(287宗)、忠信鎮(225宗)、縣人力資源和社會保障局(154宗)。"
    )
    assert all(c.kind != "total" for c, _ in checked(text))


def test_a_public_service_word_is_not_a_total_cue() -> None:
    from consistency.claims.binding.parts import total_cue_in

    assert not total_cue_in("全区公共法律服务")
    assert total_cue_in("全区法律顾问共计提供法律服务")
    assert total_cue_in("年末全区总人口")


def test_the_whole_of_each_part_is_known_to_the_other_kinds() -> None:
    from consistency.claims._match import Context
    from consistency.claims.binding.frames import wholes as frame_wholes
    from consistency.quantities import scan

    text = "收到行政复议申请18件,其中案前自行撤回行政复议申请2件。"
    ctx = Context.build(text, tuple(scan(text)))
    wholes = frame_wholes(ctx)
    part = next(q for q in ctx.quantities if q.text == "2件")
    assert wholes[part.start].text == "18件"


# ---------------------------------------------------------------- properties


def _mine(text: str) -> list[tuple[object, object]]:
    return [(c, o) for c, o in checked(text)]


@settings(max_examples=150, deadline=None)
@given(breakdowns())
def test_a_breakdown_built_to_add_up_is_never_flagged(claim: RenderedClaim) -> None:
    found = _mine(claim.sentence)
    assert [c.kind for c, _ in found] == ["total"], claim.sentence
    assert all(o.code is None and o.verdict is Verdict.CONSISTENT for _, o in found)


@settings(max_examples=150, deadline=None)
@given(breakdowns(perturb=True))
def test_a_breakdown_with_one_part_moved_is_always_an_error(claim: RenderedClaim) -> None:
    found = _mine(claim.sentence)
    assert [o.code for c, o in found if c.kind == "total"] == ["C101"], claim.sentence


@settings(max_examples=100, deadline=None)
@given(subsets())
def test_a_part_within_its_whole_is_never_flagged(claim: RenderedClaim) -> None:
    ((c, o),) = _mine(claim.sentence)
    assert c.kind == "subset" and o.verdict is Verdict.CONSISTENT and o.code is None


@settings(max_examples=100, deadline=None)
@given(subsets(perturb=True))
def test_a_part_above_its_whole_is_always_an_error(claim: RenderedClaim) -> None:
    ((_c, o),) = _mine(claim.sentence)
    assert o.code == "C103"


@settings(max_examples=120, deadline=None)
@given(amount_breakdowns())
def test_amounts_rounded_one_by_one_add_up_within_the_rounding_of_every_term(
    claim: RenderedClaim,
) -> None:
    ((c, o),) = _mine(claim.sentence)
    assert c.kind == "total" and o.verdict is Verdict.CONSISTENT, claim.sentence


@settings(max_examples=120, deadline=None)
@given(amount_breakdowns(perturb=True))
def test_a_total_beyond_the_rounding_of_its_terms_is_always_an_error(claim: RenderedClaim) -> None:
    ((_c, o),) = _mine(claim.sentence)
    assert o.code == "C101", claim.sentence
