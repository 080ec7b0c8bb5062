"""The binding rule: a claim is no surer than its weakest binding (claims/binding)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from consistency import check_text, messages
from consistency.claim import Binding, Claim, Evidence
from consistency.claims.binding import (
    CAPPED,
    Alternative,
    cap,
    consensus,
    first_reproducing,
    named,
    positional,
)
from consistency.intervals import Interval
from consistency.quantities import Quantity, scan
from consistency.verdicts import Outcome, RoundingPolicy, Verdict

_TEXT = "总数600件,其中甲类200件,占33.3%。"


def figure(surface: str, _start: int = 0) -> Quantity:
    """The figure written as ``surface`` in a small sample sentence."""
    return next(q for q in scan(_TEXT) if q.text == surface)


def _claim(*bindings: Binding) -> Claim:
    stated, part, base = figure("33.3%"), figure("200件"), figure("600件")
    return Claim(
        "share", 0, 25, stated, (part, base), "33.3% = 200 / 600", bindings=bindings
    )


FAILED = Outcome(Verdict.INCONSISTENT, "C201", Interval.exact(Fraction(1, 3)), None, {"value": "x"})
TRUNCATED = Outcome(Verdict.CONDITIONAL, "C202", Interval.exact(Fraction(1, 3)), None, {})


def test_a_failure_under_a_positional_guess_becomes_a_note_naming_the_guess() -> None:
    claim = _claim(named("part", figure("200件", 10), "own clause"), positional("base", figure("600件", 0)))
    out = cap(claim, FAILED)
    assert (out.verdict, out.code) == (Verdict.UNDECIDABLE, CAPPED)
    assert out.params["capped"] == "C201" and "600件" in out.params["guess"]
    assert messages.lookup(CAPPED).severity.value == "info"


def test_a_truncation_under_a_positional_guess_is_capped_too() -> None:
    claim = _claim(positional("base", figure("600件", 0)))
    assert cap(claim, TRUNCATED).code == CAPPED


@pytest.mark.parametrize("how", [named, consensus], ids=["named", "consensus"])
def test_named_or_consensus_evidence_keeps_the_error(how) -> None:  # type: ignore[no-untyped-def]
    claim = _claim(named("part", figure("200件", 10), "其中"), how("base", figure("600件", 0), "共"))
    assert cap(claim, FAILED) is FAILED


def test_a_claim_without_bindings_and_a_consistent_claim_are_left_alone() -> None:
    assert cap(_claim(), FAILED) is FAILED
    ok = Outcome(Verdict.CONSISTENT)
    assert cap(_claim(positional("base", figure("600件", 0))), ok) is ok


def test_the_weakest_binding_decides() -> None:
    claim = _claim(
        named("part", figure("200件", 10), "x"), consensus("base", figure("600件", 0), "y")
    )
    assert claim.evidence is Evidence.CONSENSUS
    assert _claim().evidence is None


def test_an_alternative_reading_rescues_only_under_an_accepted_rounding() -> None:
    stated = figure("33.3%")
    wrong = Alternative("over 500", lambda _m: Interval.exact(Fraction(200, 500)))
    right = Alternative("over 600", lambda _m: Interval.exact(Fraction(200, 600)))
    truncated_only = Alternative("over 601", lambda _m: Interval.exact(Fraction(200, 601)))
    found = first_reproducing(stated, [wrong, right], RoundingPolicy())
    assert found is not None and found[0] is right
    assert first_reproducing(stated, [wrong], RoundingPolicy()) is None
    # 200/601 = 33.2779…%: 33.2% is its truncation, which no reading may need
    low = next(q for q in scan("占33.2%") if q.is_percent)
    assert first_reproducing(low, [truncated_only], RoundingPolicy()) is None


def test_the_json_claim_carries_its_bindings() -> None:
    report = check_text("共收到申请18件,其中撤回2件,维持16件。")
    for claim in report.to_dict()["claims"]:
        assert "evidence" in claim and isinstance(claim["bindings"], list)
        for b in claim["bindings"]:
            assert set(b) == {"role", "start", "end", "text", "evidence", "how"}


def test_measure_words_are_data() -> None:
    from consistency.claims.binding.measures import nonadditive, ordinal_after, scope_words

    assert nonadditive("全体居民人均可支配收入") == "人均"
    assert nonadditive("一般公共预算收入") is None
    assert ordinal_after("类人员") == "类" and ordinal_after("件") is None
    assert scope_words("省级行政处罚案件今年") == {
        "levels": frozenset({"省级"}),
        "enforcement": frozenset({"行政处罚"}),
        "periods": frozenset({"今年"}),
    }
