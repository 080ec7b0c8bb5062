"""Word comments: a copy of the .docx with a comment at the figures of each finding.

The drafts are built with python-docx the way Word writes them: figures split over runs,
formatted runs, a hyperlink, a tab inside a run, a table. What the tests read back is the
saved file's XML: which characters each comment range covers, and that the text and the
run formatting are what they were.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from consistency import check_file
from consistency.errors import InputError
from consistency.loaders.docx import _paragraph_text, load_docx
from consistency.report.docx import AUTHOR, _text, annotate
from consistency.verdicts import Severity, Verdict
from report_samples import report_on

E, C, U, OK = Verdict.INCONSISTENT, Verdict.CONDITIONAL, Verdict.UNDECIDABLE, Verdict.CONSISTENT


def _draft(path: Path) -> Path:
    d = docx.Document()
    p = d.add_paragraph("\u3000\u3000全区共办理行政复议案件")  # indented as drafts are
    p.add_run("63")
    p.add_run("3件").bold = True  # one figure over two runs, one of them bold
    p.add_run("，其中维持495件，纠错138件。")
    d.add_paragraph().add_run("共收到建议120件，其中采纳70件、部分采纳40件。").italic = True
    link = d.add_paragraph("网上办件")
    link._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="rId99">'
            "<w:r><w:t>办结率90.95%</w:t></w:r></w:hyperlink>"
        )
    )
    d.add_paragraph().add_run("窗口数量\t88件，其中自助窗口90件。")  # a tab inside the run
    symbol = d.add_paragraph().add_run("总数50件，其中甲30件、乙30件。")
    # a symbol (w:sym) is not text: a run holding one is never cut
    symbol._r.insert(0, parse_xml(f'<w:sym {nsdecls("w")} w:font="Wingdings" w:char="F0FC"/>'))
    tracked = d.add_paragraph("上报")  # a figure corrected with tracked changes on
    tracked._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="901" w:author="a"><w:r><w:delText>31件</w:delText>'
            "</w:r></w:del>"
        )
    )
    tracked._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="902" w:author="a"><w:r><w:t>32件</w:t></w:r></w:ins>'
        )
    )
    tracked.add_run("，其中已办结33件。")
    control = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>封面共7页，其中正文8页。</w:t>"
        "</w:r></w:p></w:sdtContent></w:sdt>"
    )
    d.element.body.insert(len(d.element.body) - 1, control)  # before the section properties
    table = d.add_table(rows=3, cols=2)
    for r, (name, value) in enumerate([("合计", "10件"), ("甲类", "6件"), ("乙类", "3件")]):
        table.cell(r, 0).text = name
        table.cell(r, 1).text = value
    d.add_paragraph("附表说明：表内合计10件。")
    out = path / "draft.docx"
    d.save(str(out))
    return out


SPECS = [
    ("全区", "633件", ("495件", "138件"), OK, None),
    ("共收到", "120件", ("70件", "40件"), E, "C199"),
    ("网上办件", "90.95%", (), C, "C299"),
    ("窗口数量", "88件", ("90件",), E, "C198"),
    ("总数", "50件", ("30件", "30件"), E, "C196"),
    ("上报", "32件", ("33件",), E, "C195"),
    ("封面", "7页", ("8页",), E, "C194"),
    ("合计", "10件", ("6件", "3件"), E, "C197"),
    ("附表说明", "10件", (), U, "C999"),
]


def _comment_ranges(path: Path) -> dict[int, str]:
    """Comment id → the text between its range start and end, in document order."""
    body = docx.Document(str(path)).element.body
    open_ids: set[int] = set()
    covered: dict[int, list[str]] = {}
    for el in body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_ids.add(int(el.get(qn("w:id"))))
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(el.get(qn("w:id"))))
        elif el.tag in (qn("w:t"), qn("w:tab")):
            for i in open_ids:
                covered.setdefault(i, []).append(el.text or "" if el.tag == qn("w:t") else "\t")
    return {i: "".join(parts) for i, parts in covered.items()}


@pytest.fixture
def annotated(tmp_path: Path) -> tuple[Path, Path, int]:
    source = _draft(tmp_path)
    report = report_on(load_docx(source.read_bytes(), str(source)), SPECS)
    out = tmp_path / "annotated.docx"
    return source, out, annotate(source, report, out)


def test_each_finding_gets_one_comment_and_the_count_is_returned(annotated) -> None:
    _, out, written = annotated
    comments = list(docx.Document(str(out)).comments)
    assert written == len(comments) == 8
    assert {c.author for c in comments} == {AUTHOR}
    assert [c.text.split("：")[0] for c in comments] == [
        "C199 错误",
        "C299 提醒",
        "C198 错误",
        "C196 错误",
        "C195 错误",
        "C194 错误",
        "C197 错误",
        "C999 说明",
    ]
    assert "120件与分项之和不符。" in comments[0].text
    assert "120件 is not the sum of its parts." in comments[0].text


def test_the_comments_cover_the_figures_of_their_claims(annotated) -> None:
    _, out, _ = annotated
    assert list(_comment_ranges(out).values()) == [
        "120件，其中采纳70件、部分采纳40件",  # from the first figure to the last
        "90.95%",  # inside a hyperlink, cut out of 办结率90.95%
        "88件，其中自助窗口90件",  # a run with a tab cut like any other
        "总数50件，其中甲30件、乙30件。",  # the run with a symbol kept whole
        "32件，其中已办结33件",  # from a tracked insertion on (the deletion left out)
        "7页，其中正文8页",  # a paragraph inside a content control
        "10件",  # parts in other cells: the stated figure alone
        "10件",
    ]


def test_the_text_is_left_exactly_as_it_was(annotated) -> None:
    source, out, _ = annotated
    before, after = docx.Document(str(source)), docx.Document(str(out))
    assert [p.text for p in after.paragraphs] == [p.text for p in before.paragraphs]
    assert load_docx(out.read_bytes(), "out").text == load_docx(source.read_bytes(), "src").text


def test_runs_cut_at_a_figure_keep_their_formatting(annotated) -> None:
    _, out, _ = annotated
    runs = [r for r in docx.Document(str(out)).paragraphs[1].runs if r.text]
    assert [r.text for r in runs] == ["共收到建议", "120件，其中采纳70件、部分采纳40件", "。"]
    assert all(r.italic for r in runs)


def test_the_least_severity_leaves_out_quieter_findings(tmp_path: Path) -> None:
    source = _draft(tmp_path)
    report = report_on(load_docx(source.read_bytes(), str(source)), SPECS)
    out = tmp_path / "errors-only.docx"
    assert annotate(source, report, out, least=Severity.ERROR) == 6
    assert all("错误" in c.text for c in docx.Document(str(out)).comments)


def test_a_report_from_another_version_of_the_document_is_refused(tmp_path: Path) -> None:
    source = _draft(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    edited = _draft(other)
    word = docx.Document(str(edited))
    word.paragraphs[1].runs[0].text = "共收到建议121件，其中采纳70件、部分采纳40件。"
    word.save(str(edited))
    stale = report_on(load_docx(source.read_bytes(), str(source)), SPECS)
    with pytest.raises(InputError, match="different text"):
        annotate(edited, stale, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


def test_a_missing_source_is_an_input_error_naming_it(tmp_path: Path) -> None:
    source = _draft(tmp_path)
    report = report_on(load_docx(source.read_bytes(), str(source)), SPECS)
    with pytest.raises(InputError, match="nowhere.docx"):
        annotate(tmp_path / "nowhere.docx", report, tmp_path / "out.docx")


def test_a_report_without_findings_writes_an_unchanged_copy(tmp_path: Path) -> None:
    source = _draft(tmp_path)
    report = report_on(load_docx(source.read_bytes(), str(source)), SPECS[:1])
    out = tmp_path / "clean.docx"
    assert annotate(source, report, out) == 0
    assert len(docx.Document(str(out)).comments) == 0
    assert [p.text for p in docx.Document(str(out)).paragraphs] == [
        p.text for p in docx.Document(str(source)).paragraphs
    ]


def test_a_seed_report_in_word_gets_its_findings_as_comments_at_its_figures(tmp_path: Path) -> None:
    # corpus/seeds/004 (Wuhai 2020) typed into Word, one paragraph per line
    seed = Path(__file__).resolve().parent.parent / "corpus" / "seeds" / "004_ee36a159e2e744f4.txt"
    draft = docx.Document()
    for line in seed.read_text(encoding="utf-8").splitlines():
        draft.add_paragraph(line)
    source, out = tmp_path / "wuhai.docx", tmp_path / "wuhai-annotated.docx"
    draft.save(str(source))
    report = check_file(source)
    assert annotate(source, report, out) == len(report.findings) > 0
    ranges = list(_comment_ranges(out).values())
    for finding, covered in zip(report.findings, ranges, strict=True):
        assert covered.endswith(finding.stated) or covered.startswith(finding.stated)
    comments = list(docx.Document(str(out)).comments)
    truncated = [c.text for c in comments if "90.95%" in c.text.split("：")[1][:8]]
    assert truncated and "取舍方式 截尾" in truncated[0]


def test_an_unwritable_destination_is_an_input_error_naming_it(tmp_path: Path) -> None:
    source = _draft(tmp_path)
    report = report_on(load_docx(source.read_bytes(), str(source)), SPECS)
    with pytest.raises(InputError, match="no-such-folder"):
        annotate(source, report, tmp_path / "no-such-folder" / "out.docx")


def test_a_finding_whose_figures_cannot_be_placed_is_commented_on_its_paragraph(
    tmp_path: Path,
) -> None:
    source = _draft(tmp_path)
    report = report_on(load_docx(source.read_bytes(), str(source)), SPECS[1:2])
    lost = replace(report.findings[0], spans=((10_000, 10_004),))
    out = tmp_path / "out.docx"
    assert annotate(source, replace(report, findings=(lost,)), out) == 1
    assert list(_comment_ranges(out).values()) == ["共收到建议120件，其中采纳70件、部分采纳40件。"]


def test_paragraph_text_is_counted_exactly_as_the_loader_counts_it(tmp_path: Path) -> None:
    word = docx.Document(str(_draft(tmp_path)))
    paragraphs = list(word.element.body.iter(qn("w:p")))
    assert len(paragraphs) > 10
    for p in paragraphs:
        assert _text(p) == _paragraph_text(p)
