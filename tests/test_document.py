"""Document: offsets to lines, columns and source places; tables and text tables."""

from __future__ import annotations

import bisect

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.document import Cell, Document, Table, text_tables


def test_location_gives_one_based_line_and_column() -> None:
    document = Document("第一行\n共1150项\n")
    at = document.text.index("1150")
    assert (document.location(at).line, document.location(at).column) == (2, 2)
    assert document.line_text(2) == "共1150项"
    assert document.line_count == 3


def test_location_takes_the_mark_that_holds_the_offset() -> None:
    marks = ((0, 1, None, None), (10, 2, None, None), (20, None, 3, "T1R2C3"))
    document = Document("x" * 30, marks=marks)
    assert document.location(9).page == 1
    assert document.location(10).page == 2
    assert document.location(25).cell == "T1R2C3" and document.location(25).paragraph == 3
    assert "cell T1R2C3" in document.location(25).describe()


@settings(max_examples=100)
@given(
    st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=40, unique=True),
    st.integers(min_value=0, max_value=520),
)
def test_location_agrees_with_a_plain_search_over_the_marks(
    offsets: list[int], probe: int
) -> None:
    marks = tuple((o, i, None, None) for i, o in enumerate(sorted(offsets)))
    document = Document("字" * 520, marks=marks)
    k = bisect.bisect_right([m[0] for m in marks], probe) - 1
    assert document.location(probe).page == (marks[k][1] if k >= 0 else None)


def test_source_offset_follows_the_anchors() -> None:
    # "a\r\nb\r\nc" normalised to "a\nb\nc": anchors after each dropped \r
    document = Document("a\nb\nc", source_map=((2, 3), (4, 6)))
    assert [document.source_offset(i) for i in range(5)] == [0, 1, 3, 4, 6]


def test_a_table_knows_its_cells_by_grid_place() -> None:
    cells = (
        (Cell(1, 1, 1, 0, 2, "类别"), Cell(1, 1, 2, 3, 5, "季度", colspan=2)),
        (Cell(1, 2, 1, 8, 10, "咨询"), Cell(1, 2, 2, 11, 13, "10"), Cell(1, 2, 3, 14, 16, "20")),
    )
    table = Table(1, 0, 16, cells)
    assert table.n_columns == 3
    assert table.cell(1, 3) is None  # covered by the merged heading
    assert [c.text if c else None for c in table.column(2)] == ["季度", "10"]
    assert cells[0][1].merged and cells[1][2].ref == "T1R2C3"


def test_tab_separated_rows_are_read_as_a_table_with_empty_cells_in_place() -> None:
    text = "前言。\n类别\t一季度\t二季度\n咨询\t10\t\n合计\t10\t0\n后记。\n"
    (table,) = text_tables(text)
    assert [[c.text for c in row] for row in table.rows] == [
        ["类别", "一季度", "二季度"],
        ["咨询", "10", ""],
        ["合计", "10", "0"],
    ]
    cell = table.cell(3, 2)
    assert cell is not None and text[cell.start : cell.end] == "10"


@pytest.mark.parametrize(
    "text",
    [
        "地区    人口    面积\n甲区    1    2\n乙区    3\n",
        "类别\t一季度\t二季度\n咨询\t10\t20\n",
        "共1150项,其中  763项  在线办理。\n",
    ],
    ids=["ragged space-separated rows", "only two rows", "a sentence with wide gaps"],
)
def test_text_that_is_not_plainly_a_table_gives_none(text: str) -> None:
    assert text_tables(text) == ()


def test_space_separated_rows_of_equal_width_are_a_table() -> None:
    text = "  地区    人口    面积\n  甲区    1    2\n  乙区    3    4\n"
    (table,) = text_tables(text)
    assert [c.text for c in table.rows[2]] == ["乙区", "3", "4"]


def test_rows_between_bars_are_a_table_and_the_rule_line_is_passed_over() -> None:
    text = (
        "| 类别 | 一季度 | 二季度 |\n| --- | :---: | ---: |\n"
        "| 咨询 | 10 | 20 |\n| 合计 | 10 | 20 |\n"
    )
    (table,) = text_tables(text)
    assert [[c.text for c in row] for row in table.rows] == [
        ["类别", "一季度", "二季度"],
        ["咨询", "10", "20"],
        ["合计", "10", "20"],
    ]
    cell = table.cell(2, 3)
    assert cell is not None and text[cell.start : cell.end] == "20"
