"""CSV for Excel and ``--statistics``: what someone opening the results in a spreadsheet,
or taking a first look at an archive, gets. Run on the stand-in engine (conftest.py):
sums written as ``10=3+7``, off by one a warning (C102), more an error (C101)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from consistency.config import Config
from consistency.report import FORMATTERS
from consistency.report.csv import BOM, COLUMNS

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    texts = {
        "a.txt": "收案12=3+7,结案8=3+4。\n",  # C101 twice: 12 ≠ 10, 8 ≠ 7 is off by one (C102)
        "b.txt": "收案11=3+7。\n",  # C102
        "c.txt": "收案10=3+7。\n",  # clean
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _rows(text: str) -> list[list[str]]:
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[len(BOM) :], newline="")))


def test_csv_has_a_byte_order_mark_a_header_and_a_row_per_finding(run: Run, drafts: Path) -> None:
    code, out, _ = run("check", "a.txt", "b.txt", "c.txt", "--format", "csv")
    assert code == 1
    header, *rows = _rows(out)
    assert header[:7] == ["file", "line", "column", "code", "name", "severity", "message"]
    assert len(header) == len(COLUMNS)
    assert [(r[0], r[1], r[3], r[5]) for r in rows] == [
        ("a.txt", "1", "C101", "error"),
        ("a.txt", "1", "C102", "warning"),
        ("b.txt", "1", "C102", "warning"),
    ]
    assert all(len(r) == len(COLUMNS) for r in rows)
    assert "\r\n" in out and "\n" not in out.replace("\r\n", "")  # rows end as Excel's do


def test_csv_written_to_a_file_is_utf8_with_its_mark(run: Run, drafts: Path) -> None:
    code, out, _ = run("check", "a.txt", "--format", "csv", "-o", "out.csv")
    data = (drafts / "out.csv").read_bytes()
    assert code == 1 and out == ""
    assert data.startswith(b"\xef\xbb\xbf") and "收案12=3+7".encode() not in data
    assert len(_rows(data.decode("utf-8"))) == 3


def test_csv_in_chinese_names_its_columns_and_severities_in_chinese(
    run: Run, drafts: Path
) -> None:
    _, out, _ = run("check", "b.txt", "--format", "csv", "--lang", "zh")
    header, row = _rows(out)
    assert header[:7] == ["文件", "行", "列", "代码", "名称", "严重程度", "说明"]
    assert row[5] == "提醒"


def test_a_cell_excel_would_run_as_a_formula_is_quoted(run: Run, drafts: Path) -> None:
    (drafts / "=HYPERLINK(1).txt").write_text("收案11=3+7。\n", encoding="utf-8")
    _, out, _ = run("check", "=HYPERLINK(1).txt", "--format", "csv")
    (row,) = _rows(out)[1:]
    assert row[0] == "'=HYPERLINK(1).txt"
    from consistency.report.csv import table

    assert table([["-5%", "+3", "@x", "-a"]]) == "-5%,+3,'@x,'-a\r\n"


def test_the_registry_renders_csv_of_several_reports(fake_engine) -> None:
    reports = [fake_engine("收案12=3+7。", "a.txt"), fake_engine("收案10=3+7。", "b.txt")]
    rows = _rows(FORMATTERS["csv"](reports, Config(lang="en")))
    assert [r[0] for r in rows[1:]] == ["a.txt"]


# --- --statistics ------------------------------------------------------------------------


def test_statistics_counts_findings_per_code_most_frequent_first(run: Run, drafts: Path) -> None:
    code, out, _ = run("check", "a.txt", "b.txt", "c.txt", "--statistics")
    assert code == 1
    lines = out.splitlines()
    assert [line.split()[:3] for line in lines[:2]] == [
        ["2", "C102", "warning"],
        ["1", "C101", "error"],
    ]
    assert lines[-1] == "3 findings in all."
    assert "收案" not in out  # no finding is printed, only counts


def test_statistics_in_json_carry_the_version_and_summary(run: Run, drafts: Path) -> None:
    from consistency.findings import SCHEMA_VERSION

    code, out, _ = run("check", "a.txt", "b.txt", "missing.txt", "--statistics", "--format", "json")
    document = json.loads(out)
    assert code == 2 and document["version"] == SCHEMA_VERSION
    assert [(s["code"], s["count"]) for s in document["statistics"]] == [("C102", 2), ("C101", 1)]
    assert document["summary"]["by_code"] == {"C101": 1, "C102": 2}
    assert [e["path"] for e in document["errors"]] == ["missing.txt"]


def test_statistics_in_csv_and_in_chinese(run: Run, drafts: Path) -> None:
    _, out, _ = run("check", "a.txt", "b.txt", "--statistics", "--format", "csv", "--lang", "zh")
    header, *rows = _rows(out)
    assert header == ["条数", "代码", "名称", "严重程度", "含义"]
    assert [r[:2] for r in rows] == [["2", "C102"], ["1", "C101"]] and rows[0][3] == "提醒"


def test_statistics_with_a_format_that_has_no_table_is_a_usage_error(
    run: Run, drafts: Path
) -> None:
    code, out, err = run("check", "a.txt", "--statistics", "--format", "sarif")
    assert code == 2 and out == "" and "--statistics goes with --format text, json or csv" in err
