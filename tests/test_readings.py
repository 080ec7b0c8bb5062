"""The readings of the binding layer (claims/binding): shares that name their base, share
lists solved together, respective (分别) lists, long 其中 lists, rates named inside a
frame. One example table per class, checked through the claim kinds that use them."""

from __future__ import annotations

import pytest

from consistency.claims import granularity, shares, totals
from strategies import assert_claims_match, checked_kinds, claim_cases

KINDS = (totals, shares, granularity)
TABLES = ("readings_named_bases", "readings_share_lists", "readings_long_lists")
CASES = [case for name in TABLES for case in claim_cases(name)]


@pytest.mark.parametrize("case", CASES)
def test_example_table(case: dict) -> None:
    wanted = set(case.get("kinds", ("share", "granularity")))
    found = [(c, o) for c, o in checked_kinds(KINDS, case["text"]) if c.kind in wanted]
    assert_claims_match(found, case["claims"])
