"""Shares and rates: the example table (shared with granularity), slots and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from consistency import check_text, messages
from consistency.claims import granularity, shares
from consistency.intervals import RoundingMode
from consistency.verdicts import Severity, Verdict
from strategies import (
    RenderedClaim,
    assert_claims_match,
    assert_findings_match,
    checked_claims,
    checked_kinds,
    claim_cases,
    flagged_cases,
)
from strategies import shares as share_sentences

CASES = claim_cases("claims_shares")


@pytest.mark.parametrize("case", CASES)
def test_example_table(case: dict) -> None:
    assert_claims_match(checked_kinds((shares, granularity), case["text"]), case["claims"])


FLAGGED = flagged_cases(CASES)


@pytest.mark.parametrize("case", FLAGGED, ids=[c["text"][:40] for c in FLAGGED])
def test_every_flagged_example_reports_its_code_with_the_stated_figure_in_the_message(
    case: dict,
) -> None:
    assert_findings_match(case, (shares.KIND, granularity.KIND))


def test_every_share_code_has_a_catalogue_entry_and_a_severity() -> None:
    codes = {m.code: m.severity for m in messages.CATALOGUE.values() if m.code.startswith("C2")}
    assert codes == {
        "C201": Severity.ERROR,
        "C202": Severity.WARNING,
        "C203": Severity.ERROR,
        "C204": Severity.WARNING,
        "C205": Severity.WARNING,
        "C206": Severity.ERROR,
        "C207": Severity.ERROR,
        "C208": Severity.WARNING,
    }


def test_every_note_is_information_only() -> None:
    notes = [m for m in messages.CATALOGUE.values() if m.code.startswith("C9")]
    assert {m.code for m in notes} >= {"C901", "C902", "C903", "C904"}
    assert all(m.severity is Severity.INFO for m in notes)


def test_the_truncation_warning_names_the_exact_share() -> None:
    report = check_text("市本级政务服务事项共1150项,“网上办”事项1046项、占比90.95%。")
    (finding,) = [f for f in report.findings if f.code == "C202"]
    assert "1046 / 1150 = 90.9565%" in finding.message
    assert finding.mode == "truncate"


def test_a_rate_names_its_part_by_the_rate_name() -> None:
    ((claim, outcome),) = checked_claims(
        shares, "共受理有效热线事项3136宗,办结2477宗,在办659宗,办结率78.98%。"
    )
    assert claim.parts[0].text == "2477宗" and claim.parts[1].text == "3136宗"
    assert outcome.verdict is Verdict.CONDITIONAL


def test_a_change_word_before_a_percentage_leaves_it_to_the_change_checks() -> None:
    assert checked_claims(shares, "共受理案件120件,同比增长20%。") == []


def test_several_candidate_bases_that_all_fail_are_undecidable_not_an_error() -> None:
    text = "话务总数为2000个,形成有效工单1000件,办结数为500件,办结率达77.77%。"
    found = checked_claims(shares, text)
    assert [o.code for _, o in found] == ["C903"]
    assert found[0][1].verdict is Verdict.UNDECIDABLE


def test_a_negated_rate_over_the_sum_of_its_groups_is_a_warning_naming_the_sum() -> None:
    report = check_text("批准逮捕1,236人,不批准逮捕518人,不捕率30.5%。")
    (finding,) = [f for f in report.findings if f.claim.kind == shares.KIND]
    assert finding.code == "C205" and finding.severity is Severity.WARNING
    assert "518 / (1236 + 518) = 29.5325%" in finding.message_en


# ---------------------------------------------------------------- properties


@settings(max_examples=150, deadline=None)
@given(share_sentences())
def test_a_share_printed_from_its_counts_is_never_flagged(claim: RenderedClaim) -> None:
    ((_c, o),) = checked_claims(shares, claim.sentence)
    assert o.verdict is Verdict.CONSISTENT and o.code is None, (claim.sentence, claim.note)


@settings(max_examples=150, deadline=None)
@given(share_sentences(perturb=True))
def test_a_share_moved_two_steps_is_always_an_error(claim: RenderedClaim) -> None:
    ((_c, o),) = checked_claims(shares, claim.sentence)
    assert o.code == "C201", (claim.sentence, claim.note)


@settings(max_examples=150, deadline=None)
@given(share_sentences(truncated=True))
def test_a_truncated_share_is_at_worst_a_warning_naming_truncation(claim: RenderedClaim) -> None:
    ((_c, o),) = checked_claims(shares, claim.sentence)
    assert o.verdict in (Verdict.CONSISTENT, Verdict.CONDITIONAL), claim.sentence
    if o.verdict is Verdict.CONDITIONAL:
        assert o.code == "C202" and o.mode is RoundingMode.TRUNCATE
