"""The HTML report: one self-contained page showing every checked figure by verdict."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency import Claim, Report, check_text
from consistency.config import Config
from consistency.document import Document
from consistency.quantities import Quantity
from consistency.report import FORMATTERS
from consistency.report.html import render
from consistency.verdicts import Outcome, Verdict
from report_samples import SAMPLE_LINES, sample_report

VOID = {"meta", "input", "br", "hr", "img", "link"}
CSS = {
    Verdict.INCONSISTENT: "v-bad",
    Verdict.CONDITIONAL: "v-cond",
    Verdict.UNDECIDABLE: "v-undec",
    Verdict.CONSISTENT: "v-ok",
}


class Page(HTMLParser):
    """What a test needs to know about a page: tags, ids, links, marks and paragraph text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.unbalanced: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.ids: list[str] = []
        self.marks: list[tuple[str, str]] = []  # (class, text)
        self.paras: list[str] = []
        self.styles: list[str] = []
        self._mark: list[str] | None = None
        self._para: list[str] | None = None
        self._in_badge = 0
        self._in_style = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"])
        if tag not in VOID:
            self.stack.append(tag)
        cls = a.get("class", "").split()
        if tag == "mark":
            self._mark = [a["class"]]
        elif tag == "p" and "para" in cls:
            self._para = []
        elif tag == "a" and "ref" in cls:
            self._in_badge += 1
        elif tag == "style":
            self._in_style = True

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.unbalanced.append(tag)
        else:
            self.stack.pop()
        if tag == "mark" and self._mark is not None:
            self.marks.append((self._mark[0], "".join(self._mark[1:])))
            self._mark = None
        elif tag == "p" and self._para is not None:
            self.paras.append("".join(self._para))
            self._para = None
        elif tag == "a" and self._in_badge:
            self._in_badge -= 1
        elif tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)
        if self._mark is not None:
            self._mark.append(data)
        if self._para is not None and not self._in_badge:
            self._para.append(data)


def _page(*reports: Report, lang: str = "zh") -> tuple[str, Page]:
    html = render(list(reports), Config(lang=lang))
    return html, Page(html)


def test_the_page_is_well_formed_with_unique_ids_and_links_that_land() -> None:
    _, page = _page(sample_report(), sample_report("second.txt"))
    assert page.unbalanced == [] and page.stack == []
    assert len(page.ids) == len(set(page.ids))
    targets = [a["href"][1:] for tag, a in page.tags if tag == "a"]
    assert targets and set(targets) <= set(page.ids)


def test_the_page_needs_nothing_outside_itself() -> None:
    html, page = _page(sample_report())
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "base"}
    assert not any("src" in a for _, a in page.tags)
    assert all(a["href"].startswith("#") for _, a in page.tags if "href" in a)
    style = "".join(page.styles)
    assert "url(" not in style and "@import" not in style
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html


def test_markup_in_the_document_is_shown_as_text_not_run() -> None:
    html, page = _page(sample_report('报告<script>"x"</script>.txt'))
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert SAMPLE_LINES[-1] in page.paras
    assert "报告&lt;script&gt;&quot;x&quot;&lt;/script&gt;.txt" in html


def test_every_line_of_the_document_is_shown_unchanged() -> None:
    _, page = _page(sample_report())
    assert page.paras == list(SAMPLE_LINES)


def test_every_checked_figure_is_marked_in_the_colour_of_its_verdict() -> None:
    report = sample_report()
    _, page = _page(report)
    expected = [(f"fig {CSS[c.verdict]}", q.text) for c in report.claims for q in c.figures]
    legend = 4  # the legend (in the summary, written last) shows one sample mark per verdict
    assert page.marks[:-legend] == expected


def test_the_summary_is_written_last_and_shown_first() -> None:
    from consistency.report._html_style import STYLE

    html, _ = _page(sample_report())
    assert html.index('<section class="doc"') < html.index('<header class="top">')
    assert ".page > .top { order: -1; }" in STYLE and "flex-direction: column" in STYLE


def test_a_figure_shared_by_two_claims_takes_the_graver_verdict() -> None:
    report = sample_report()
    total, share = report.claims[0], report.claims[1]
    # the same 633件 also stated as the base of an inconsistent share
    bad = replace(share, stated=total.stated, outcome=Outcome(Verdict.INCONSISTENT))
    _, page = _page(Report(report.document, (), (total, bad)))
    assert ("fig v-bad", "633件") in page.marks
    assert ("fig v-ok", "633件") not in page.marks


def test_each_finding_is_explained_beside_its_figures_in_both_languages() -> None:
    report = sample_report()
    html, _ = _page(report)
    for number, finding in ((2, report.findings[0]), (3, report.findings[1])):
        note = html[html.index(f'id="d1-c{number}"') :]
        note = note[: note.index("</aside>")]
        assert f'<span class="zh">{finding.message}</span>' in note
        assert f'<span class="en">{finding.message_en}</span>' in note
        assert finding.code in note
        assert '<a class="ref' in html and f'href="#d1-c{number}"' in html


def test_the_headline_and_its_tiles_count_the_same_findings() -> None:
    """The tiles count findings per severity, as the headline does; the relations per
    verdict (the colours of the text) are counted in the line below them."""
    report = sample_report()
    html, _ = _page(report)
    head = html[html.index('<header class="top">') :]
    for severity, css in (("error", "v-bad"), ("warning", "v-cond"), ("info", "v-undec")):
        n = sum(f.severity.value == severity for f in report.findings)
        assert f'<div class="count {css}"><span class="n">{n}</span>' in head
    errors = sum(f.severity.value == "error" for f in report.findings)
    assert '<p class="verdict v-bad">' in head and f"发现 {errors} 个错误" in head
    assert "共核对 4 处计算关系：不一致 1，有条件一致 1，无法判断 1，一致 1。" in head
    assert "4 claims checked: 1 inconsistent, 1 consistent only if" in head


def test_the_tiles_follow_the_findings_not_the_claims() -> None:
    """A claim left inconsistent whose finding is not reported (a baseline, --ignore) no
    longer counts as an error in the headline or its tile."""
    report = sample_report()
    kept = tuple(f for f in report.findings if f.severity.value != "error")
    html, _ = _page(replace(report, findings=kept))
    head = html[html.index('<header class="top">') :]
    assert '<div class="count v-bad"><span class="n">0</span>' in head
    assert "个错误" not in head and "不一致 1" in head


@pytest.mark.parametrize(
    ("keep", "tone"),
    [((0, 1, 2), "v-bad"), ((0,), "v-cond"), ((2,), "v-ok"), ((), "v-ok")],
    ids=["with-an-error", "warning-only", "note-only", "clean"],
)
def test_the_headline_follows_the_gravest_severity(keep, tone) -> None:
    report = sample_report()
    findings = tuple(f for i, f in enumerate(report.findings) if i in keep)
    html, _ = _page(replace(report, findings=findings))
    assert f'<p class="verdict {tone}">' in html


@pytest.mark.parametrize(("lang", "checked"), [("zh", "lang-zh"), ("en", "lang-en")])
def test_the_configured_language_is_shown_first(lang, checked) -> None:
    _, page = _page(sample_report(), lang=lang)
    radios = {a["id"]: "checked" in a for tag, a in page.tags if tag == "input"}
    assert radios == {"lang-zh": checked == "lang-zh", "lang-en": checked == "lang-en"}


def test_several_reports_share_one_page_with_a_table_of_files() -> None:
    html, page = _page(sample_report("a.txt"), sample_report("b.txt"))
    assert '<table class="files">' in html
    # per file: one claim of each verdict, then one error, one warning, one note
    assert html.count("<td>1</td><td>1</td><td>1</td><td>1</td>") == 2
    assert html.count('<td class="s-error">1</td><td class="s-warning">1</td>') == 2
    assert 'href="#d1"' in html and 'href="#d2"' in html
    assert len(page.paras) == 2 * len(SAMPLE_LINES)


def test_a_finding_whose_claim_is_missing_from_the_claims_is_still_shown() -> None:
    report = sample_report()
    html, page = _page(replace(report, claims=()))
    for f in report.findings:
        assert f.message_en in html
    assert ("fig v-bad", "120件") in page.marks


def test_the_registry_renders_html_through_this_module() -> None:
    reports = [sample_report()]
    assert FORMATTERS["html"](reports, Config()) == render(reports, Config())


@pytest.mark.parametrize(
    "reports",
    [
        [],
        [Report(Document("", None), (), ())],
        [Report(Document("\n\n无数字。\n", "x.txt"), (), ())],
    ],
    ids=["no-reports", "empty-text", "no-claims"],
)
def test_a_page_with_nothing_checked_says_so_rather_than_all_clear(reports) -> None:
    html, page = _page(*reports)
    assert page.unbalanced == [] and page.stack == []
    assert '<p class="verdict v-undec">' in html and "没有找到可以核对的数字关系" in html
    assert "没有发现数字前后不一致" not in html


def _quantity(text: str, start: int, end: int) -> Quantity:
    return Quantity(start, end, text[start:end], Fraction(1), Fraction(1), Fraction(1))


@st.composite
def _documents(draw: st.DrawFn) -> Report:
    text = draw(st.text(alphabet="12件，。<&>\"'\n\t 共其中占%", max_size=60))
    claims = []
    for _ in range(draw(st.integers(0, 4))):
        spans = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, 5)), max_size=3))
        figures = [_quantity(text, a, min(a + w, len(text))) for a, w in spans]
        if not figures:
            continue
        verdict = draw(st.sampled_from(list(Verdict)))
        first, *rest = figures
        a, b = min(q.start for q in figures), max(q.end for q in figures)
        claims.append(Claim("total", a, b, first, tuple(rest), "a = b", outcome=Outcome(verdict)))
    return Report(Document(text, "t.txt"), (), tuple(claims))


@settings(max_examples=150, deadline=None)
@given(_documents())
def test_any_text_with_any_figures_comes_out_whole_and_well_formed(report: Report) -> None:
    _, page = _page(report)
    assert page.unbalanced == [] and page.stack == []
    shown = [line for line in report.text.split("\n") if line.strip()]
    assert [p for p in page.paras if p.strip()] == shown


def test_a_plain_pass_is_a_one_line_note_with_its_relation() -> None:
    html, _ = _page(sample_report())
    note = html[html.index('id="d1-c1"') :]
    note = note[: note.index("</aside>")]
    assert '<span class="rel">633 = 495 + 138</span></div>' in note
    assert "<dl" not in note


SEEDS = sorted((Path(__file__).resolve().parent.parent / "corpus" / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_a_seed_report_shows_every_figure_and_finding_with_badges_in_reading_order(seed) -> None:
    report = check_text(seed.read_text(encoding="utf-8"), path=seed.name)
    html, page = _page(report)
    assert page.unbalanced == [] and page.stack == []
    marked = "".join(text for _, text in page.marks)
    for claim in report.claims:
        for q in claim.figures:
            assert q.text in marked
    for f in report.findings:
        assert escape(f.message) in html
    badges = [
        int(a["id"].rpartition("-r")[2])
        for tag, a in page.tags
        if tag == "a" and a.get("class", "").startswith("ref ")
    ]
    assert badges == list(range(1, len(report.claims) + 1))


def test_a_table_row_is_shown_as_cells_so_columns_line_up() -> None:
    text = "类别\t件数\n合计\t633\t100%\n"
    total = _quantity(text, text.index("633"), text.index("633") + 3)
    claim = Claim(
        "table-total",
        total.start,
        total.end,
        total,
        (),
        "633 = 495 + 138",
        outcome=Outcome(Verdict.INCONSISTENT),
    )
    html, page = _page(Report(Document(text, "t.docx"), (), (claim,)))
    assert '<span class="cell">类别\t</span><span class="cell">件数</span>' in html
    assert '<span class="cell">合计\t</span><span class="cell"><mark class="fig v-bad"' in html
    assert page.paras == ["类别\t件数", "合计\t633\t100%"]
