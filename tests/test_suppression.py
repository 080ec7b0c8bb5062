"""Inline suppression: a marker in the report (on the line, or in a Word comment) leaves
a finding out. The sentences are invented for these tests; each holds one error of the
totals family (C101: the parts do not add up to the stated total)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest

from consistency import check_text
from consistency.cli import main
from consistency.engine import check_document
from consistency.loaders.docx import load_docx

#: 410 + 260 + 125 = 795, not 805: C101
WRONG = "全市共受理申请805件,其中咨询类410件,求助类260件,另外125件。"
#: 97 + 55 = 152, not 150: C101
OTHER = "本季度办结案件150件,其中行政类97件,另外55件。"


def _codes(text: str) -> tuple[list[str], list[str]]:
    report = check_text(text)
    return [f.code for f in report.findings], [f.code for f in report.suppressed]


def test_the_sentences_hold_the_errors_the_markers_speak_of() -> None:
    assert _codes(f"{WRONG}\n{OTHER}\n") == (["C101", "C101"], [])


@pytest.mark.parametrize(
    "marker",
    [
        "consistency: ignore",
        "consistency: ignore C101",
        "consistency: ignore C1",
        "consistency：忽略 C101",
        "【Consistency: Ignore C2、C101】",
        "(consistency:ignore C201, C101)",
    ],
)
def test_a_marker_on_the_line_leaves_its_finding_out(marker: str) -> None:
    assert _codes(f"{WRONG}{marker}\n{OTHER}\n") == (["C101"], ["C101"])


@pytest.mark.parametrize(
    "marker",
    ["consistency: ignore C2", "consistency: ignore C1010", "consistency ignore", "ignore C101"],
    ids=["another family", "not a code", "no colon", "no name"],
)
def test_a_marker_for_another_code_or_malformed_leaves_it(marker: str) -> None:
    assert _codes(f"{WRONG}{marker}\n") == (["C101"], [])


def test_a_marker_speaks_for_its_own_line_only() -> None:
    assert _codes(f"{WRONG}\n{OTHER}consistency: ignore\n") == (["C101"], ["C101"])
    report = check_text(f"{WRONG}\n{OTHER}consistency: ignore\n")
    assert report.findings[0].line == 1 and report.suppressed[0].line == 2


def test_a_marker_may_open_the_line_too() -> None:
    assert _codes(f"consistency: ignore C101 {WRONG}\n") == ([], ["C101"])


# --- in a Word comment -------------------------------------------------------------------


def _word(comment_on: int | None, comment: str = "consistency: ignore C101") -> bytes:
    """A draft of two paragraphs and a table row, with a comment on one of them."""
    draft = docx.Document()
    paragraphs = [draft.add_paragraph(WRONG), draft.add_paragraph(OTHER)]
    table = draft.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "说明"
    table.cell(0, 1).text = "本月共收案20件,其中刑事8件,另外11件。"  # 8 + 11 = 19: C101
    runs = [p.runs[0] for p in paragraphs] + [table.cell(0, 1).paragraphs[0].runs[0]]
    if comment_on is not None:
        draft.add_comment(runs[comment_on], text=comment, author="审稿人")
    out = io.BytesIO()
    draft.save(out)
    return out.getvalue()


@pytest.mark.parametrize("where", [0, 1, 2], ids=["first paragraph", "second", "table row"])
def test_a_marker_in_a_word_comment_leaves_out_the_findings_it_is_anchored_to(
    where: int,
) -> None:
    report = check_document(load_docx(_word(where), "draft.docx"))
    assert len(report.findings) == 2 and len(report.suppressed) == 1
    line = report.suppressed[0].line
    assert line == where + 1 and line not in [f.line for f in report.findings]


def test_a_word_comment_without_a_marker_leaves_everything() -> None:
    report = check_document(load_docx(_word(0, comment="请核对这个数字"), "draft.docx"))
    assert len(report.findings) == 3 and report.suppressed == ()
    assert report.document.comments[0][2] == "请核对这个数字"


def test_a_comment_spanning_paragraphs_covers_each_of_them() -> None:
    draft = docx.Document()
    first, second = draft.add_paragraph(WRONG), draft.add_paragraph(OTHER)
    draft.add_comment([first.runs[0], second.runs[0]], text="consistency: 忽略", author="审稿人")
    out = io.BytesIO()
    draft.save(out)
    report = check_document(load_docx(out.getvalue(), "draft.docx"))
    assert report.findings == () and len(report.suppressed) == 2


# --- on the command line -------------------------------------------------------------------


def test_the_command_line_passes_a_draft_whose_only_error_is_marked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "draft.txt").write_text(f"{WRONG}consistency: ignore C101\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "draft.txt")]) == 0
    out = capsys.readouterr().out
    assert "1 finding more suppressed by markers in the text" in out
    assert main(["check", str(tmp_path / "draft.txt"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["files"][0]["findings"] == []
    assert [f["code"] for f in data["files"][0]["suppressed"]] == ["C101"]
    assert data["summary"]["suppressed"] == 1


def test_a_marked_finding_does_not_enter_a_written_baseline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "draft.txt").write_text(
        f"{WRONG}consistency: ignore\n{OTHER}\n", encoding="utf-8"
    )
    baseline = tmp_path / "baseline.json"
    assert main(["check", str(tmp_path / "draft.txt"), "--write-baseline", str(baseline)]) == 0
    entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert len(entries) == 1 and "150件" in entries[0]["claim"] and "805" not in entries[0]["claim"]


def test_the_annotated_word_copy_has_no_comment_on_a_marked_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "draft.docx").write_bytes(_word(0))
    out = tmp_path / "out.docx"
    assert main(["check", str(tmp_path / "draft.docx"), "--annotate", str(out)]) == 1
    comments = [c for c in docx.Document(str(out)).comments if c.author == "consistency"]
    assert len(comments) == 2 and all("805" not in c.text for c in comments)
