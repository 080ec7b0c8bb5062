"""The readings of the binding layer (claims/binding): shares that name their base, share
lists solved together, respective (分别) lists, long 其中 lists, rates named inside a
frame. One example table per class, checked through the claim kinds that use them."""

from __future__ import annotations

import pytest

from consistency.claims import granularity, shares, totals
from strategies import assert_claims_match, checked_kinds, claim_cases

KINDS = (totals, shares, granularity)
TABLES = (
    "readings_named_bases", "readings_share_lists", "readings_long_lists", "readings_respective",
    "readings_framed_rates", "readings_inherited_bases", "readings_partitions",
    "readings_kinds_by_category", "readings_value_added", "readings_named_wholes",
)
CASES = [case for name in TABLES for case in claim_cases(name)]


@pytest.mark.parametrize("case", CASES)
def test_example_table(case: dict) -> None:
    wanted = set(case.get("kinds", ("share", "granularity")))
    found = [(c, o) for c, o in checked_kinds(KINDS, case["text"]) if c.kind in wanted]
    assert_claims_match(found, case["claims"])


#: sentences a careless or hostile writer repeats without end (issue 12); each is
#: repeated into one long sentence, then into one twice as long
_HOSTILE = [
    "A类1件,占1%,",
    "其中A类10件,占5%;",
    "不起诉率10%,",
    "1%",
    "共10件,其中A类2件,占20%,",
    "受理100件,办结90件,办结率90%,",
    "甲类1件、",
]


@pytest.mark.parametrize("unit", _HOSTILE)
def test_reading_totals_and_shares_grows_linearly(unit: str) -> None:
    # no share may walk back over every figure of its sentence, nor any list over all
    # the shares of its sentence: doubling the text at most doubles the work
    from work_counter import checking_work, grows_linearly

    # past the reach of every window (40 figures), so the bounded walks show as constant
    ok, small, large = grows_linearly(checking_work(KINDS, unit), 100)
    assert ok, f"{unit!r}: {small} calls for 100 repetitions, {large} for 200"
