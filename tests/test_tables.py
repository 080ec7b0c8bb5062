"""Table totals (C8xx): a 合计 row or column against the cells it closes."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency import check_text
from consistency.claims import tables as tables_kind
from consistency.claims._match import Context
from consistency.engine import check_document
from consistency.intervals import RoundingMode, round_to
from consistency.loaders import load_bytes
from consistency.messages import CATALOGUE
from consistency.verdicts import RoundingPolicy
from fixtures.make_fixtures import render_docx

ROOT = Path(__file__).resolve().parents[1]


def _table(*rows: str) -> str:
    return "表1 受理情况\n" + "\n".join(rows) + "\n以上为全年数据。\n"


def _claims(text: str) -> list[tuple[str, str]]:
    """(relation, verdict) of every table claim, in order."""
    report = check_text(text)
    return [(c.relation, c.verdict.value) for c in report.claims if c.kind == "table-total"]


def _codes(text: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.stated, f.computed) for f in check_text(text).findings if f.code[:2] == "C8"]


FLAGGED = [
    (
        _table("类别\t数量（件）", "咨询\t120", "投诉\t48", "建议\t7", "合计\t176"),
        [("C801", "176", "175")],
    ),
    (
        _table("类别\t一季度\t二季度\t合计（件）", "咨询\t120\t95\t215", "投诉\t48\t52\t101"),
        [("C801", "101", "100")],
    ),
    (
        _table("项目\t金额（万元）", "工资\t1.2", "公用\t2.3", "项目\t3.4", "合计\t7.4"),
        [("C801", "7.4", "[6.75, 7.05]")],
    ),
    (
        _table("类别\t数量", "咨询\t120", "投诉\t48", "合计\t169"),
        [("C802", "169", "[167, 169]")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), FLAGGED,
    ids=["合计 row one too many (件)", "合计 column (件) off by one",
         "decimals beyond their rounding", "whole numbers of unknown unit off by one"],
)
def test_a_total_that_is_not_the_sum_is_flagged(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _codes(text) == expected


PASSING = [
    _table("类别\t一季度\t二季度\t合计", "咨询\t10\t20\t30", "投诉\t5\t6\t11", "合计\t15\t26\t41"),
    _table("项目\t金额（万元）", "工资\t1.1", "公用\t2.2", "项目\t3.3", "合计\t6.7"),
    _table("类型\t件数\t占比", "A类\t22\t23.91%", "B类\t68\t73.91%", "C类\t2\t2.17%",
           "合计\t92\t100%"),
    _table("地区\t人数（人）", "合计\t1000", "甲区\t600", "乙区\t400"),
    _table("科目\t金额（件）", "甲\t1", "乙\t2", "小计\t3", "丙\t4", "丁\t5", "小计\t9",
           "合计\t12"),
    _table("类别\t数量（件）\t罚没金额（万元）", "警告\t31\t", "罚款\t54\t4.1",
           "合计\t85\t4.1"),
]


@pytest.mark.parametrize(
    "text", PASSING,
    ids=["合计 row and column", "decimals within rounding", "shares add to 100% within rounding",
         "total first, parts below", "subtotals then total", "blank cells add nothing"],
)
def test_a_total_that_is_the_sum_passes(text: str) -> None:
    claims = _claims(text)
    assert claims and all(verdict == "consistent" for _, verdict in claims)


def test_every_cell_of_a_total_row_and_column_is_checked() -> None:
    assert sorted(r for r, _ in _claims(PASSING[0])) == sorted([
        "30 = 10 + 20", "11 = 5 + 6", "15 = 10 + 5", "26 = 20 + 6", "41 = 15 + 26", "41 = 30 + 11",
    ])


def test_subtotals_are_added_and_the_total_adds_the_subtotals() -> None:
    assert [r for r, _ in _claims(PASSING[4])] == ["3 = 1 + 2", "9 = 4 + 5", "12 = 3 + 9"]


NOT_CLAIMED = [
    _table("项目\t金额（件）", "收入\t100", "其中:税收\t80", "非税\t20", "合计\t100"),
    _table("序号\t类别\t数量（件）\t合计（件）", "1\t咨询\t3\t3", "2\t投诉\t4\t4"),
    _table("类别\t数量（件）\t增长率", "咨询\t10\t5%", "投诉\t20\t7%", "合计\t30\t9%"),
    _table("类别\t数量", "咨询\t10", "投诉\t另行统计", "合计\t99"),
    _table("项目\t金额", "一、收入\t10", "（一）税收\t6", "（二）非税\t4", "合计\t20"),
    _table("项目\t2021\t2022\t合计", "甲\t1\t2\t3", "乙\t4\t5\t9"),
    _table("类别\t数量", "咨询\t10", "合计\t10"),
]


@pytest.mark.parametrize(
    "text", NOT_CLAIMED,
    ids=["其中 rows are subsets", "序号 column is not a part",
         "a rate column does not add up", "words among the figures",
         "labels numbered at two levels",
         "years in the heading are not figures", "a single part"],
)
def test_structures_that_are_not_plain_give_no_error(text: str) -> None:
    assert [v for _, v in _claims(text) if v != "consistent"] == []
    assert _codes(text) == []


def test_a_rate_column_is_left_out_but_the_count_column_is_checked() -> None:
    assert _claims(NOT_CLAIMED[2]) == [("30 = 10 + 20", "consistent")]


def test_a_wrong_docx_total_points_at_its_cell() -> None:
    table = (
        ("类别", "一季度（件）", "二季度（件）", "合计（件）"),
        ("咨询", "120", "95", "215"),
        ("投诉", "48", "52", "100"),
        ("合计", "168", "147", "316"),
    )
    document = load_bytes(render_docx("全年受理诉求316件。", table), "t.docx")
    findings = [f for f in check_document(document).findings if f.code == "C801"]
    # 316 is neither 215 + 100 (its column) nor 168 + 147 (its row)
    assert [(f.stated, f.location.cell) for f in findings] == [("316", "T1R4C4")] * 2


def test_table_codes_are_in_the_catalogue_with_a_doc_page() -> None:
    for code in ("C801", "C802"):
        assert code in CATALOGUE
        assert (ROOT / "docs" / "rules" / f"{code}.md").is_file()


@pytest.mark.xfail(
    strict=True, reason="a table typed one cell per line (corpus-dev 011) is not read"
)
def test_a_table_typed_one_cell_per_line_is_checked() -> None:
    text = "合计(宗)\n罚没金额(万元)\n31\n54\n \n59\n145\n4.1\n"
    assert _codes(text)


@pytest.mark.xfail(
    strict=True, reason="cells ending in ' |' one per line (corpus-dev 001) are not read"
)
def test_a_table_typed_with_bars_one_cell_per_line_is_checked() -> None:
    text = "受理总量 |\n诉求来源 |\n数量 |\n合计 |\n电话 |\n34859 |\n微信 |\n2724 |\n"
    assert _claims(text)


def test_an_html_table_with_merged_headings_sums_counts_and_leaves_rates_alone() -> None:
    source = (
        "<table><tr><td rowspan=2>地区</td><td colspan=2>数量（件）</td>"
        "<td rowspan=2>增长率</td></tr>"
        "<tr><td>本年<td>上年</tr>"
        "<tr><td>甲</td><td>10</td><td>8</td><td>25%</td></tr>"
        "<tr><td>乙</td><td>20</td><td>12</td><td>66.7%</td></tr>"
        "<tr><td>合计</td><td>30</td><td>21</td><td>50%</td></tr></table>"
    )
    report = check_document(load_bytes(source.encode(), "t.html"))
    claims = [(c.relation, c.verdict.value) for c in report.claims if c.kind == "table-total"]
    assert claims == [("30 = 10 + 20", "consistent"), ("21 = 8 + 12", "inconsistent")]


def test_an_unheaded_serial_number_column_is_not_a_part() -> None:
    text = _table(
        "\t类别\t数量（件）\t合计（件）", "1\t咨询\t3\t3", "2\t投诉\t4\t4", "3\t建议\t5\t5"
    )
    assert _codes(text) == []


def test_a_wrong_pdf_table_total_names_its_page() -> None:
    from fixtures.make_fixtures import render_pdf

    table = (
        ("类别", "一季度（件）", "二季度（件）", "合计（件）"),
        ("咨询", "120", "95", "215"),
        ("投诉", "48", "52", "101"),
        ("合计", "168", "147", "315"),
    )
    document = load_bytes(render_pdf("全年受理诉求315件。", table=table), "t.pdf")
    assert "投诉\t48\t52\t101" in document.text.splitlines()
    findings = [f for f in check_document(document).findings if f.code == "C801"]
    # 48 + 52 is 100, not 101; and so the 合计 column adds to 316, not 315
    assert [(f.stated, f.computed, f.location.page) for f in findings] == [
        ("101", "100", 1),
        ("315", "316", 1),
    ]


def test_a_markdown_table_total_is_checked() -> None:
    text = (
        "| 类别 | 数量（件） |\n| --- | --- |\n| 咨询 | 120 |\n| 投诉 | 48 |\n| 合计 | 178 |\n"
    )
    assert _codes(text) == [("C801", "178", "168")]


GROUPED = [
    (
        _table("地区\t本年A\t本年B\t本年合计\t上年A\t上年B\t上年合计",
               "甲\t1\t2\t3\t4\t5\t9", "乙\t2\t2\t4\t1\t1\t2"),
        ["3 = 1 + 2", "4 = 2 + 2", "9 = 4 + 5", "2 = 1 + 1"],
    ),
    (
        _table("地区\t合计\tA\tB\t合计\tC\tD", "甲\t3\t1\t2\t9\t4\t5", "乙\t4\t2\t2\t2\t1\t1"),
        ["3 = 1 + 2", "4 = 2 + 2", "9 = 4 + 5", "2 = 1 + 1"],
    ),
    (
        _table("地区\tA\tB\t小计\tC\tD\t小计\t合计", "甲\t1\t2\t3\t4\t5\t9\t12",
               "乙\t2\t2\t4\t1\t1\t2\t6"),
        ["3 = 1 + 2", "9 = 4 + 5", "12 = 3 + 9", "4 = 2 + 2", "2 = 1 + 1", "6 = 4 + 2"],
    ),
]


@pytest.mark.parametrize(
    ("text", "relations"), GROUPED,
    ids=["groups closed by their totals", "groups headed by their totals",
         "subtotal columns then a total"],
)
def test_several_total_columns_each_add_their_own_group(text: str, relations: list[str]) -> None:
    claims = _claims(text)
    assert sorted(r for r, _ in claims) == sorted(relations)
    assert all(v == "consistent" for _, v in claims)


def test_rows_that_are_the_sum_of_the_rows_under_them_make_the_total_undecidable() -> None:
    # 税收收入 80 = 增值税 30 + 所得税 50: a hierarchy whose indentation was lost
    text = _table(
        "科目\t金额（万元）", "税收收入\t80", "增值税\t30", "所得税\t50", "非税收入\t20",
        "合计\t100",
    )
    assert _claims(text) == [("100 = 80 + 30 + 50 + 20", "undecidable")]
    assert _codes(text) == []


def test_a_code_column_is_not_summed() -> None:
    text = _table("科目编码\t科目名称\t金额（件）", "201\t一般公共服务\t5", "20101\t人大事务\t7",
                  "合计\t\t12")
    assert _claims(text) == [("12 = 5 + 7", "consistent")]


# ---------------------------------------------------------------- by construction


def _outcomes(text: str) -> list[tuple[str, str | None, str]]:
    """(relation, code, verdict) of each table claim, read by the table kind alone."""
    ctx = Context.build(text, ())
    return [
        (c.relation, (o := tables_kind.check(c, RoundingPolicy())).code, o.verdict.value)
        for c in tables_kind.extract(ctx)
    ]


def _count_table(grid: list[list[int]]) -> str:
    width = len(grid[0])
    rows = ["类别\t" + "\t".join(f"第{j + 1}项（件）" for j in range(width)) + "\t合计（件）"]
    for i, row in enumerate(grid):
        rows.append(f"类{i + 1}\t" + "\t".join(map(str, row)) + f"\t{sum(row)}")
    columns = [sum(col) for col in zip(*grid, strict=True)]
    rows.append("合计\t" + "\t".join(map(str, columns)) + f"\t{sum(columns)}")
    return "\n".join(rows) + "\n"


# parts from 100 to 199: no part is ever the sum of others, so no sum looks nested
_GRIDS = st.integers(2, 4).flatmap(
    lambda w: st.lists(
        st.lists(st.integers(100, 199), min_size=w, max_size=w), min_size=2, max_size=4
    )
)


@settings(max_examples=100, deadline=None)
@given(_GRIDS)
def test_a_count_table_whose_totals_are_right_is_never_flagged(grid: list[list[int]]) -> None:
    outcomes = _outcomes(_count_table(grid))
    rows, cols = len(grid), len(grid[0])
    assert len(outcomes) == (rows + 1) + (cols + 1)
    assert {verdict for _, _, verdict in outcomes} == {"consistent"}


@settings(max_examples=100, deadline=None)
@given(_GRIDS, st.data())
def test_a_count_table_with_one_cell_changed_is_flagged_on_its_row_and_column(
    grid: list[list[int]], data: st.DataObject
) -> None:
    text = _count_table(grid)
    i = data.draw(st.integers(0, len(grid) - 1))
    j = data.draw(st.integers(0, len(grid[0]) - 1))
    changed = [row[:] for row in grid]
    step = data.draw(st.integers(1, 9))
    # stay within 100..199, where no part is the sum of two others
    changed[i][j] += step if changed[i][j] + step <= 199 else -step
    lines = text.splitlines()
    cells = lines[i + 1].split("\t")
    cells[j + 1] = str(changed[i][j])
    lines[i + 1] = "\t".join(cells)
    codes = [code for _, code, _ in _outcomes("\n".join(lines) + "\n")]
    assert codes.count("C801") == 2 and codes.count(None) == len(codes) - 2


_AMOUNTS = st.lists(
    st.integers(1000, 99999).map(lambda n: Fraction(n, 1000)), min_size=2, max_size=6
)


@settings(max_examples=100, deadline=None)
@given(_AMOUNTS, st.sampled_from([RoundingMode.HALF_UP, RoundingMode.HALF_EVEN]))
def test_amounts_rounded_one_by_one_never_contradict_their_rounded_total(
    amounts: list[Fraction], mode: RoundingMode
) -> None:
    step = Fraction(1, 10)

    def shown(v: Fraction) -> str:
        return f"{float(round_to(v, step, mode)):.1f}"

    rows = ["项目\t金额（万元）"]
    rows += [f"项目{k + 1}\t{shown(v)}" for k, v in enumerate(amounts)]
    rows.append(f"合计\t{shown(sum(amounts, Fraction(0)))}")
    outcomes = _outcomes("\n".join(rows) + "\n")
    assert [code for _, code, _ in outcomes] == [None]


# --- a percentage column shows its total as a percentage (issue 12) ------------------------

_SHARES_HTML = (
    "<table><tr><th>渠道</th><th>占比</th></tr><tr><td>电话</td><td>50.3%</td></tr>"
    "<tr><td>网站</td><td>40.4%</td></tr><tr><td>合计</td><td>100.0%</td></tr></table>"
)


def test_a_percentage_column_total_is_shown_in_percent_everywhere(tmp_path: Path) -> None:
    import docx

    from consistency.report.docx import annotate

    report = check_document(load_bytes(_SHARES_HTML.encode(), "t.html"))
    (f,) = [f for f in report.findings if f.code == "C801"]
    # 50.3% + 40.4% is 90.7%, each cell ± 0.05%: never "9070%"
    assert f.computed == "[90.6%, 90.8%]"
    assert "各项相加为90.7%" in f.message and "adds up to 90.7%" in f.message_en
    assert report.to_dict()["findings"][0]["computed"] == "[90.6%, 90.8%]"
    assert report.to_dict()["claims"][0]["computed"] == "[90.6%, 90.8%]"
    # the same table in Word: the comment on the total says the same
    word = docx.Document()
    table = word.add_table(rows=4, cols=2)
    for r, row in enumerate((("渠道", "占比"), ("电话", "50.3%"), ("网站", "40.4%"),
                              ("合计", "100.0%"))):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    source, out = tmp_path / "t.docx", tmp_path / "out.docx"
    word.save(str(source))
    from consistency import check_file

    assert annotate(source, check_file(source), out) == 1
    (comment,) = docx.Document(str(out)).comments
    assert "计算结果 [90.6%, 90.8%]" in comment.text and "9070" not in comment.text


def test_a_table_total_records_its_figures_as_named_by_the_table() -> None:
    report = check_document(load_bytes(_SHARES_HTML.encode(), "t.html"))
    (claim,) = [c for c in report.claims if c.kind == "table-total"]
    assert [(b.role, b.quantity.text, b.evidence.value) for b in claim.bindings] == [
        ("total", "100.0%", "named"), ("part", "50.3%", "named"), ("part", "40.4%", "named"),
    ]
    assert claim.bindings[0].how == "labelled 合计 of column 2"
