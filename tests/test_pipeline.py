"""The whole pipeline under stress: any text, perturbed reports, hostile strings.

``check_text`` must return for any text, every span it reports must be in bounds and
point at the figures it names, and a report whose punctuation changes width
(full-width ↔ half-width) or whose indentation changes must keep its verdicts.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency import Report, check_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
REPORTS = sorted(CORPUS.glob("seeds/*.txt")) + sorted(CORPUS.glob("dev/0[0-5]*.txt"))

#: the pieces real reports are made of, so random texts reach the claim kinds
PIECES = st.sampled_from(
    [
        "共", "其中", "合计", "占比", "占", "率", "为", "达", "同比增长", "下降", "压缩至",
        "由", "完成", "超过", "不低于", "一是", "二是", "、", ",", ",", "。", ";", ";",
        ":", "(", ")", "(", ")", "等", "和", "件", "人", "项", "个", "万元", "亿元", "%",
        "‰", "个百分点", "倍", "余", "约", "以上", "近", "第", "年", "月", "日", "〔", "〕",
        "号", "“", "”", "\n", " ", "\t", "三", "十", "百", "千", "万", "两", "零", "点",
        "1", "2", "3", "4", "5", "6", "7", "8", "9", "0", ".", "-", "—", "∶", ":", "/",
    ]
)
TEXTS = st.lists(PIECES, max_size=80).map("".join) | st.text(max_size=200)


def _assert_well_formed(report: Report) -> None:
    text = report.text
    n = len(text)
    for q in report.quantities:
        assert 0 <= q.start < q.end <= n and text[q.start : q.end] == q.text
    for claim in report.claims:
        assert 0 <= claim.start <= claim.end <= n
        for q in claim.figures:
            assert text[q.start : q.end] == q.text
    for f in report.findings:
        assert 0 <= f.start <= f.end <= n
        for a, b in f.spans:
            assert 0 <= a < b <= n
        line_start = text.rfind("\n", 0, f.start) + 1
        assert f.line == text.count("\n", 0, f.start) + 1
        assert f.column == f.start - line_start + 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_a_well_formed_report(text: str) -> None:
    _assert_well_formed(check_text(text))


HALF_TO_FULL = str.maketrans({",": ",", ";": ";", ":": ":", "(": "(", ")": ")", "%": "%"})
FULL_TO_HALF = str.maketrans({v: k for k, v in {",": ",", ";": ";", ":": ":", "(": "(", ")": ")", "%": "%"}.items()})


def _verdicts(report: Report) -> Counter[tuple[str, str, str | None]]:
    return Counter(
        (c.kind, c.verdict.value, c.outcome.code if c.outcome else None) for c in report.claims
    )


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_punctuation_width_does_not_change_verdicts(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    before = _verdicts(check_text(text))
    assert _verdicts(check_text(text.translate(HALF_TO_FULL))) == before
    assert _verdicts(check_text(text.translate(FULL_TO_HALF))) == before


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_indentation_and_line_endings_do_not_change_verdicts(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    before = _verdicts(check_text(text))
    indented = "\n".join("    " + line.strip() + "  " for line in text.split("\n"))
    assert _verdicts(check_text(indented)) == before


@pytest.mark.parametrize(
    "hostile",
    [
        "1" * 100_000,
        "1," * 50_000,
        "一" * 50_000,
        "1." * 50_000,
        "共" + "1件、" * 20_000,
        "(" * 30_000 + "1" + ")" * 30_000,
        "“" * 20_000 + "1+" * 20_000,
        "百分之" * 20_000,
        "约" * 20_000 + "余" * 20_000,
    ],
    ids=["digits", "separators", "chinese-ones", "decimal-points", "long-list", "nesting",
         "quotes-and-plus", "percent-words", "qualifiers"],
)
def test_hostile_strings_are_checked_without_failing(hostile: str) -> None:
    _assert_well_formed(check_text(hostile))
