"""One finding per stated figure (claims/binding/once.py): when two kinds flag the same
printed figure, the claim with the strongest evidence speaks for it."""

from __future__ import annotations

from fractions import Fraction

import pytest

from consistency import check_text, engine
from consistency.claim import Binding, Claim
from consistency.claims import CLAIM_KINDS
from consistency.claims.binding import consensus, named, positional
from consistency.claims.binding.once import REPORTED_BY, one_per_figure
from consistency.intervals import Interval
from consistency.quantities import scan
from consistency.verdicts import Outcome, Verdict

# a fresh invented sentence whose 61.0% two kinds could read (a share and an identity)
TEXT = "年末常住人口1000万人,其中城镇常住人口600万人,城镇人口占常住人口比重(城镇化率)为61.0%。"
KINDS = [kind.KIND for kind in CLAIM_KINDS]
FAILED = Outcome(Verdict.INCONSISTENT, "C201", Interval.exact(Fraction(3, 5)), None, {"expr": "600 / 1000", "share": "60%"})
FAILED_IDENTITY = Outcome(Verdict.INCONSISTENT, "C721", Interval.exact(Fraction(3, 5)), None, {})
TRUNCATED = Outcome(Verdict.CONDITIONAL, "C202", Interval.exact(Fraction(3, 5)), None, {})
NOTE = Outcome(Verdict.UNDECIDABLE, "C903", None, None, {})


def _q(surface: str):  # type: ignore[no-untyped-def]
    return next(q for q in scan(TEXT) if q.text == surface)


def _claim(kind: str, outcome: Outcome, *bindings: Binding, stated: str = "61.0%") -> Claim:
    part, base = _q("600万人"), _q("1000万人")
    claim = Claim(kind, 0, len(TEXT), _q(stated), (part, base), "r", bindings=bindings)
    return claim.checked(outcome)


def _named(kind: str, outcome: Outcome) -> Claim:
    return _claim(kind, outcome, named("part", _q("600万人"), "其中"), named("base", _q("1000万人"), "占常住人口"))


def _consensus(kind: str, outcome: Outcome) -> Claim:
    return _claim(kind, outcome, named("part", _q("600万人"), "其中"), consensus("base", _q("1000万人"), "list"))


def _marks(claims: list[Claim]) -> list[str | None]:
    return [c.outcome.params.get(REPORTED_BY) if c.outcome else None for c in claims]


def test_the_named_claim_speaks_for_a_figure_two_kinds_flag() -> None:
    out = one_per_figure([_consensus("identity", FAILED_IDENTITY), _named("share", FAILED)], KINDS)
    assert _marks(out) == ["share", None]
    # the marked claim keeps its verdict: it is still inconsistent, only not reported twice
    assert out[0].verdict is Verdict.INCONSISTENT and out[0].outcome.code == "C721"


def test_with_equal_evidence_an_error_speaks_before_a_warning() -> None:
    out = one_per_figure([_named("share", TRUNCATED), _named("identity", FAILED_IDENTITY)], KINDS)
    assert _marks(out) == ["identity", None]


def test_with_equal_evidence_and_severity_the_kind_registered_first_speaks() -> None:
    out = one_per_figure([_named("identity", FAILED_IDENTITY), _named("share", FAILED)], KINDS)
    assert KINDS.index("share") < KINDS.index("identity")
    assert _marks(out) == ["share", None]


def test_a_claim_of_no_recorded_bindings_yields_to_a_named_one() -> None:
    out = one_per_figure([_claim("restatement", FAILED), _named("identity", FAILED_IDENTITY)], KINDS)
    assert _marks(out) == ["identity", None]


@pytest.mark.parametrize(
    "claims",
    [
        # notes are not findings an author must act on: a note and an error both stay
        [_named("share", NOTE), _named("identity", FAILED_IDENTITY)],
        # errors at two different figures both stay
        [_named("share", FAILED), _claim("total", FAILED, named("whole", _q("1000万人"), "共"), stated="1000万人")],
        # one kind's two relations at one figure (a column and a row) both stay
        [_named("table-total", FAILED), _named("table-total", FAILED)],
        # a single error stays whoever bound it
        [_claim("share", FAILED, positional("base", _q("1000万人")))],
    ],
    ids=["note-and-error", "two-figures", "one-kind-twice", "alone"],
)
def test_findings_at_different_figures_or_of_notes_are_left_alone(claims: list[Claim]) -> None:
    assert _marks(one_per_figure(claims, KINDS)) == [None] * len(claims)


def test_the_report_gives_one_finding_and_the_json_names_who_speaks(monkeypatch: pytest.MonkeyPatch) -> None:
    claims = [_consensus("identity", FAILED_IDENTITY), _named("share", FAILED)]
    monkeypatch.setattr(engine, "find_claims", lambda *a, **k: one_per_figure(claims, KINDS))
    report = check_text(TEXT)
    assert [f.code for f in report.findings] == ["C201"]
    assert len(report.claims) == 2
    marks = [c["reported_by"] for c in report.to_dict()["claims"]]
    assert sorted(marks, key=str) == [None, "share"]
