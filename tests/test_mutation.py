"""Mutation test over the seed reports: a changed digit in a checked claim is caught.

For every equality claim the checker verifies in a seed report (a total, a share, a
change rate, a completion, a ratio, a restated figure), change the leading digit of one
of its figures and check the mutated report again: an error must now point at that
figure. Claims that only bound a figure are left out, since most one-digit changes keep
them true and so say nothing about recall: inequalities (a part within its whole, a rate
above a threshold), lists left open by 等 (at least so many), and granularity (some whole
count fits the rate: a rate of 100% fits every base).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pytest

from consistency import Claim, check_text
from consistency.verdicts import Severity, Verdict

SEEDS = sorted((Path(__file__).resolve().parent.parent / "corpus" / "seeds").glob("*.txt"))
CHECKED = {Verdict.CONSISTENT, Verdict.CONDITIONAL}
INEQUALITY = ("≤", "≥", "<", ">", "超过", "低于", "高于", "不低于")
EXISTENCE = {"granularity"}
DIGITS = "0123456789"


@dataclass(frozen=True)
class Mutation:
    seed: str
    at: int
    before: str
    after: str
    relation: str


def _flip(digit: str) -> str:
    return "8" if digit == "9" else str(int(digit) + 1)


def _mutations_of(seed: str, text: str, claim: Claim) -> list[Mutation]:
    found = []
    for figure in (claim.stated, *claim.parts[:1]):
        offset = next((i for i, ch in enumerate(figure.text) if ch in DIGITS), None)
        if offset is None:
            continue
        at = figure.start + offset
        found.append(Mutation(seed, at, text[at], _flip(text[at]), claim.relation))
    return found


def _is_equality(claim: Claim) -> bool:
    """Does the claim pin its stated figure down (so that changing it must break it)?"""
    if claim.kind in EXISTENCE or claim.details.get("open"):
        return False
    return not any(s in claim.relation for s in INEQUALITY)


@functools.cache
def _all_mutations() -> tuple[Mutation, ...]:
    found: list[Mutation] = []
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        for claim in check_text(text).claims:
            if claim.verdict in CHECKED and _is_equality(claim):
                found.extend(_mutations_of(path.name, text, claim))
    return tuple(found)


def _caught(m: Mutation) -> bool:
    text = (SEEDS[0].parent / m.seed).read_text(encoding="utf-8")
    mutated = text[: m.at] + m.after + text[m.at + 1 :]
    for finding in check_text(mutated).findings:
        if finding.severity is not Severity.ERROR:
            continue
        if any(a <= m.at < b for a, b in (*finding.spans, (finding.start, finding.end))):
            return True
    return False


def test_the_seed_reports_offer_enough_claims_to_mutate() -> None:
    assert len(_all_mutations()) >= 25


def test_at_least_nine_in_ten_mutations_are_caught_as_errors() -> None:
    mutations = _all_mutations()
    missed = [m for m in mutations if not _caught(m)]
    rate = 1 - len(missed) / len(mutations)
    detail = "\n".join(f"{m.seed}@{m.at}: {m.before}→{m.after} in {m.relation}" for m in missed)
    assert rate >= 0.9, f"caught {rate:.0%} of {len(mutations)}; missed:\n{detail}"


@pytest.mark.parametrize("relation", ["633 = 495 + 138", "345 = 150 + 85 + 110"])
def test_the_landmark_totals_of_the_first_seed_are_mutated(relation: str) -> None:
    assert any(m.relation == relation for m in _all_mutations())
