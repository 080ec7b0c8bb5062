"""Identities of official statistics: the example table, the data table and its
formulas, and properties."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency import check_text
from consistency.claims import identities
from consistency.claims.identities import table
from consistency.errors import DataFileError
from consistency.intervals import Interval
from consistency.verdicts import Verdict
from strategies import (
    ChangeSentence,
    assert_claims_in_bounds,
    checked_claims,
    kind_example_tests,
    natural_growth_rates,
    sex_ratios,
)

test_example_table, test_every_flagged_example_is_reported_at_its_figure = kind_example_tests(
    identities, "claims_identities"
)


def checked(text: str) -> list[tuple[object, object]]:
    """Every identity claim of ``text`` with its outcome."""
    return checked_claims(identities, text)


def test_the_json_claim_names_the_identity_and_binds_each_term_by_its_label() -> None:
    report = check_text("全年人口出生率为9.25‰,死亡率为6.10‰,人口自然增长率为3.51‰。")
    (claim,) = [c for c in report.to_dict()["claims"] if c["kind"] == "identity"]
    assert claim["code"] == "C721" and claim["evidence"] == "named"
    assert [(b["role"], b["text"], b["how"]) for b in claim["bindings"]] == [
        ("出生率", "9.25‰", "labelled 人口出生率"),
        ("死亡率", "6.10‰", "labelled 死亡率"),
    ]


def test_the_message_names_the_measure_and_the_formula_with_the_figures() -> None:
    (finding,) = check_text("全年人口出生率为9.25‰,死亡率为6.10‰,人口自然增长率为3.51‰。").findings
    assert finding.message == "人口自然增长率3.51‰与其构成数值不符:9.25‰ − 6.10‰ = 3.15‰。"
    assert "natural growth rate 3.51‰" in finding.message_en


def test_terms_unstated_make_no_claim_and_half_stated_ones_a_note() -> None:
    assert checked("全年人口自然增长率为3.15‰。") == []
    ((claim, outcome),) = checked("全年人口出生率为9.25‰,人口自然增长率为3.15‰。")
    assert claim.parts == () and outcome.verdict is Verdict.UNDECIDABLE
    assert outcome.code == "C724"


# ---------------------------------------------------------------- the data table


def _forget() -> None:
    """Drop what was read from the table, so a patched table is read afresh."""
    for cached in (table.identities, table.by_id, identities._any_result, identities._term_word_of):
        cached.cache_clear()


def test_every_identity_of_the_table_parses_and_names_its_terms() -> None:
    for ident in table.identities():
        for expr in ident.formulas:
            assert set(expr.terms()) <= set(ident.terms), ident.id
        assert ident.result and all(ident.terms.values())


def test_a_formula_is_evaluated_exactly_and_written_with_the_figures() -> None:
    expr = table.parse_formula("城镇人口 ÷ (城镇人口 + 乡村人口)")
    assert expr.terms() == ("城镇人口", "乡村人口") and expr.divides
    value = expr.evaluate({"城镇人口": Interval.exact(3), "乡村人口": Interval.exact(1)})
    assert value == Interval.exact(Fraction(3, 4))
    assert expr.written({"城镇人口": "3人", "乡村人口": "1人"}) == "3人 ÷ (3人 + 1人)"
    assert table.parse_formula("男性 ÷ 女性 × 100").per == 100
    assert table.parse_formula("出生率 - 死亡率").written({"出生率": "a", "死亡率": "b"}) == "a − b"


@pytest.mark.parametrize("bad", ["出生率 −", "(出生率 − 死亡率", "出生率 ) 死亡率", "出生率 % 死亡率"])
def test_a_malformed_formula_is_refused_with_the_reason(bad: str) -> None:
    with pytest.raises(ValueError):
        table.parse_formula(bad)


def test_a_malformed_table_names_the_identity_and_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = {"identity": [{"id": "x", "name": "甲", "en": "x", "result": ["甲"],
                         "formula": "乙 − 丙", "terms": {"乙": ["乙"]}}],
           "link": {"words": ["为"]}, "earlier": {"words": ["上年"]}}
    monkeypatch.setattr(table, "_raw", lambda: raw)
    _forget()
    try:
        with pytest.raises(DataFileError, match="identity x: formula names 丙"):
            table.identities()
    finally:
        _forget()


# ---------------------------------------------------------------- properties


@settings(max_examples=150, deadline=None)
@given(sex_ratios())
def test_sex_ratios_built_consistent_are_never_flagged(s: ChangeSentence) -> None:
    assert [o.verdict for c, o in checked(s.sentence)] == [Verdict.CONSISTENT], s


@settings(max_examples=150, deadline=None)
@given(sex_ratios(perturb=True))
def test_sex_ratios_moved_two_steps_are_always_errors(s: ChangeSentence) -> None:
    assert [o.verdict for c, o in checked(s.sentence)] == [Verdict.INCONSISTENT], s


@settings(max_examples=150, deadline=None)
@given(natural_growth_rates())
def test_natural_growth_rates_built_from_their_rates_are_never_errors(s: ChangeSentence) -> None:
    verdicts = [o.verdict for c, o in checked(s.sentence)]
    assert verdicts in ([Verdict.CONSISTENT], [Verdict.CONDITIONAL]), s


@settings(max_examples=150, deadline=None)
@given(natural_growth_rates(perturb=True))
def test_natural_growth_rates_moved_beyond_rounding_are_always_errors(s: ChangeSentence) -> None:
    assert [o.verdict for c, o in checked(s.sentence)] == [Verdict.INCONSISTENT], s


_PIECES = st.sampled_from(
    [
        "男性", "女性", "人口", "性别比", "出生", "出生率", "死亡率", "自然增长率", "为", "与",
        "(", ")", ",", "。", "以女性为100", "2010年", "相比", "105.1", "100:111.7", "105:100",
        "3.89‰", "-3.38‰", "242067人", "0人", "230 349人", "城镇化率", "城镇人口", "常住人口",
        "65.2%", "万人", "收支差额", "收入", "支出", "-30亿元", "逆差", "进口", "出口",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_reading_never_raises_and_claims_stay_in_bounds(text: str) -> None:
    assert_claims_in_bounds(checked(text), text)


def test_an_identity_added_to_the_table_is_read_without_code(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = dict(table._raw())
    raw["identity"] = [
        *raw["identity"],
        {"id": "net-migration", "name": "净迁入人口", "en": "net migration",
         "result": ["净迁入人口"], "formula": "迁入人口 − 迁出人口",
         "terms": {"迁入人口": ["迁入人口"], "迁出人口": ["迁出人口"]}},
    ]
    monkeypatch.setattr(table, "_raw", lambda: raw)
    _forget()
    try:
        ((claim, outcome),) = checked("全年迁入人口5.6万人,迁出人口3.2万人,净迁入人口2.6万人。")
        assert claim.details["identity"] == "net-migration"
        assert outcome.verdict is Verdict.INCONSISTENT and outcome.params["value"] == "2.4万人"
    finally:
        _forget()
