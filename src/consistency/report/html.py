"""The HTML report: one self-contained page a person reads without help.

The page shows each document in full, paragraph by paragraph. Every figure a claim was
checked against is highlighted in the colour of the verdict (red inconsistent, amber
consistent only under an assumption, grey undecidable, green consistent) and followed by
a numbered badge; the note with that number stands beside the paragraph and says, in
plain words, what was compared and what came out. A summary on top counts the verdicts
and lists the problems with links to their notes.

The page needs nothing but itself: CSS is inline, there are no scripts, images, fonts or
links outside the page, so it opens offline and can be mailed as one file. Chinese is
shown first; a switch (two radio buttons and CSS, no JavaScript) shows the English
text instead. Everything taken from a document or a finding is HTML-escaped.
"""

from __future__ import annotations

import io
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TextIO

from .. import vocabulary as V
from .._about import __version__
from ..claim import Claim
from ..config import Config
from ..document import Location
from ..findings import Finding, Report
from ..verdicts import Severity, Verdict
from ._html_style import MODE, SEVERITY, STYLE, VERDICT
from ._html_summary import Summary, both, escape, header
from .sanitise import shown_path
from .text import place

__all__ = ["Writer", "render"]

#: which colour a figure takes when claims with different verdicts share it
_RANK = {
    Verdict.CONSISTENT: 0,
    Verdict.UNDECIDABLE: 1,
    Verdict.CONDITIONAL: 2,
    Verdict.INCONSISTENT: 3,
}
_BY_RANK = {rank: verdict for verdict, rank in _RANK.items()}


@dataclass(frozen=True, slots=True)
class _Item:
    """A checked claim, its number in the document, and the findings reported on it."""

    number: int
    claim: Claim
    findings: tuple[Finding, ...]

    @property
    def verdict(self) -> Verdict:
        return self.claim.verdict

    @property
    def anchor(self) -> int:
        return _anchor(self.claim)


def render(reports: Sequence[Report], config: Config) -> str:
    """The whole page for ``reports``, in the reader's language first (``config.lang``)."""
    out = io.StringIO()
    writer = Writer(out, config, single=_name(reports[0]) if len(reports) == 1 else None)
    for report in reports:
        writer.add(report)
    writer.close()
    return out.getvalue()


class Writer:
    """The same page as :func:`render`, written document by document to ``out``.

    A run over an archive holds one report at a time: each document's section is
    written as soon as it is checked, and only its counts are kept for the summary,
    which is written last and shown first (the page is a flex column; the summary's CSS
    ``order`` puts it on top). ``single`` names the one document of a one-file page, for
    its title.
    """

    def __init__(self, out: TextIO, config: Config, *, single: str | None = None) -> None:
        self._out = out
        self._config = config
        self._docs: list[Summary] = []
        lang = "en" if config.lang == "en" else "zh"
        title = "数字一致性检查报告 · Arithmetic consistency report"
        if single is not None:
            title = f"{single} · {title}"
        checked = {code: " checked" if lang == code else "" for code in ("zh", "en")}
        head = [
            "<!DOCTYPE html>",
            f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="consistency {escape(__version__)}">',
            f"<title>{escape(title)}</title>",
            f"<style>\n{STYLE}</style>",
            "</head>",
            "<body>",
            f'<input type="radio" name="lang" id="lang-zh" class="switch"{checked["zh"]}>',
            f'<input type="radio" name="lang" id="lang-en" class="switch"{checked["en"]}>',
            '<div class="page">',
        ]
        out.write("\n".join(head) + "\n")

    def add(self, report: Report) -> None:
        """Write one document's section; keep only its counts."""
        k = len(self._docs) + 1
        items = _items(report)
        self._out.write(_document(k, report, items, self._config))
        self._docs.append(
            Summary(
                k,
                _name(report),
                _counts(items),
                {s: report.count(s) for s in Severity},
            )
        )

    def close(self, errors: Sequence[tuple[str, str]] = ()) -> None:
        """Write the summary (shown on top) and the foot, and end the page."""
        del errors  # named on standard error by the command line
        self._out.write(header(self._docs))
        self._out.write(
            '<footer class="foot">'
            + both(
                f"由 consistency {escape(__version__)} 生成。颜色只标出被核对过的数字；"
                "未标色的数字没有被核对，不代表正确。",
                f"Made by consistency {escape(__version__)}. Colour marks only the figures "
                "that were checked; an unmarked figure was not checked, which does not make "
                "it right.",
            )
            + "</footer>\n</div>\n</body>\n</html>\n"
        )


def _items(report: Report) -> list[_Item]:
    """The claims in the order of their badges, each with its findings; a finding whose
    claim is missing from ``report.claims`` still gets an item (nothing reported goes unshown)."""

    def key(c: Claim) -> tuple[str, int, int, str, int]:
        return (c.kind, c.start, c.end, c.relation, c.stated.start)

    by_claim: dict[tuple[str, int, int, str, int], list[Finding]] = {}
    for f in report.findings:
        by_claim.setdefault(key(f.claim), []).append(f)
    claims = list(report.claims)
    seen = {key(c) for c in claims}
    for f in report.findings:
        if key(f.claim) not in seen:
            seen.add(key(f.claim))
            claims.append(f.claim)
    # numbered in the order the badges appear, so the notes beside a paragraph count up
    claims.sort(key=lambda c: (_anchor(c), c.start, c.end))
    return [_Item(n, c, tuple(by_claim.get(key(c), ()))) for n, c in enumerate(claims, 1)]


def _anchor(claim: Claim) -> int:
    """Where a claim's badge goes: after its last figure (or its end, lacking figures)."""
    return max((q.end for q in claim.figures), default=claim.end)


def _counts(items: Iterable[_Item]) -> dict[Verdict, int]:
    counts = dict.fromkeys(VERDICT, 0)
    for item in items:
        counts[item.verdict] += 1
    return counts


def _document(k: int, report: Report, items: list[_Item], config: Config) -> str:
    parts = [f'<section class="doc" id="d{k}">\n<h2>{escape(_name(report))}</h2>\n']
    problems = [(i, f) for i in items for f in i.findings]
    if problems:
        entries = "".join(
            f'<li class="s-{f.severity.value}"><a href="#d{k}-c{i.number}">'
            f'<span class="num v-{VERDICT[i.verdict][0]}">{i.number}</span></a> '
            f"{both(*(escape(s) for s in SEVERITY[f.severity]))} · {_message(f, config)} "
            f'<span class="place">{both(*_place(f.location))}</span></li>'
            for i, f in problems
        )
        parts.append(
            f'<div class="problems"><h3>{both("问题一览", "Findings")}</h3><ol>{entries}</ol></div>\n'
        )
    parts.append(_body(k, report.text, items, config))
    parts.append("</section>\n")
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class _Layout:
    """Per character: the gravest verdict of a figure there (-1: none) and the claims whose
    figures hold it; per offset: the badges placed after it. Built once per document so
    that rendering stays linear in the text and the claims."""

    rank: list[int]
    covers: dict[int, list[_Item]]
    badges: dict[int, list[_Item]]
    positions: list[int]  # the badge offsets, sorted

    @classmethod
    def of(cls, text: str, items: list[_Item]) -> _Layout:
        n = len(text)
        rank, covers, badges = [-1] * n, {}, {}
        for item in items:
            for q in item.claim.figures:
                for i in range(max(q.start, 0), min(q.end, n)):
                    rank[i] = max(rank[i], _RANK[item.verdict])
                    holders = covers.setdefault(i, [])
                    if not holders or holders[-1] is not item:  # two figures may overlap
                        holders.append(item)
            badges.setdefault(min(max(item.anchor, 0), n), []).append(item)
        return cls(rank, covers, badges, sorted(badges))

    def between(self, start: int, end: int) -> list[int]:
        """The badge offsets in ``[start, end]``."""
        return self.positions[
            bisect_left(self.positions, start) : bisect_right(self.positions, end)
        ]


def _body(k: int, text: str, items: list[_Item], config: Config) -> str:
    """The text, one row per line: the line with its marks and badges, then its notes."""
    layout = _Layout.of(text, items)
    rows = ['<div class="text">\n']
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        end = start + len(line)
        # a badge at the very end of a line belongs to that line, not the next
        here = [i for pos in layout.between(start, end) for i in layout.badges[pos]]
        if line.strip() or here:
            html_line = _line(k, text, start, end, layout)
            if "\t" in line:
                # a table row (cells separated by tabs): cells of equal width keep columns
                # aligned from row to row, whatever badges stand in them
                html_line = '<span class="cell">' + html_line + "</span>"
            notes = "".join(_note(k, i, config) for i in here)
            rows.append(
                f'<div class="row{" has-notes" if here else ""}" id="d{k}-l{number}">'
                f'<span class="ln">{number}</span><p class="para">{html_line}</p>'
                f'<aside class="notes">{notes}</aside></div>\n'
            )
        start = end + 1
    rows.append("</div>\n")
    return "".join(rows)


def _line(k: int, text: str, start: int, end: int, layout: _Layout) -> str:
    """``text[start:end]`` with each run of equal verdict in one ``<mark>`` and the badges."""
    rank, badges = layout.rank, layout.badges
    inner = {p for p in layout.between(start + 1, end - 1)}
    changes = {i for i in range(start + 1, end) if rank[i] != rank[i - 1]}
    cuts = sorted({start, end} | inner | changes)
    # a badge anchored at the line's first offset (a claim without figures) opens the line
    out = [_badge(k, i) for i in badges.get(start, ())]
    for a, b in pairwise(cuts):
        if rank[a] < 0:
            out.append(escape(text[a:b]).replace("\t", '\t</span><span class="cell">'))
        else:
            covering = dict.fromkeys(i.number for c in range(a, b) for i in layout.covers[c])
            verdicts = {i.number: i.verdict for c in range(a, b) for i in layout.covers[c]}
            tip = "; ".join(
                f"{n}: {VERDICT[verdicts[n]][1]} / {VERDICT[verdicts[n]][2]}" for n in covering
            )
            css = VERDICT[_BY_RANK[rank[a]]][0]
            out.append(
                f'<mark class="fig v-{css}" title="{escape(tip)}">{escape(text[a:b])}</mark>'
            )
        out.extend(_badge(k, i) for i in badges.get(b, ()))
    return "".join(out)


def _badge(k: int, item: _Item) -> str:
    css, zh, en, sym = VERDICT[item.verdict]
    return (
        f'<a class="ref v-{css}" id="d{k}-r{item.number}" href="#d{k}-c{item.number}"'
        f' title="{escape(zh)} / {escape(en)}">{item.number}{sym}</a>'
    )


def _note(k: int, item: _Item, config: Config) -> str:
    """The explanation of one claim: verdict, what was compared, and each finding's message."""
    css, zh, en, sym = VERDICT[item.verdict]
    claim = item.claim
    head = (
        f'<a class="num v-{css}" href="#d{k}-r{item.number}">{item.number}</a> '
        f"<strong>{sym} {both(zh, en)}</strong>"
    )
    if not item.findings and item.verdict is Verdict.CONSISTENT:
        # a plain pass needs one line; the notes that need reading stand out the more
        return (
            f'<div class="note v-{css} pass" id="d{k}-c{item.number}">{head} '
            f'<span class="rel">{escape(claim.relation)}</span></div>'
        )
    lines = [head]
    for f in item.findings:
        lines.append(
            f'<p class="msg">{_message(f, config)}</p>'
            f'<p class="code">{escape(f.code)} · {escape(f.name)} · '
            f"{both(*(escape(s) for s in SEVERITY[f.severity]))}</p>"
        )
    # (Chinese label, English label, value as HTML)
    facts = [
        ("关系", "relation", escape(claim.relation)),
        ("文中数字", "as written", escape(claim.stated.text)),
    ]
    for f in item.findings[:1]:
        if f.computed:
            facts.append(("计算结果", "computed", escape(f.computed)))
        if f.mode:
            zh_mode, en_mode = MODE.get(f.mode, (f.mode, f.mode))
            facts.append(("取舍方式", "reading", both(escape(zh_mode), escape(en_mode))))
    rows = "".join(
        f"<dt>{both(zh_l, en_l)}</dt><dd>{value}</dd>" for zh_l, en_l, value in facts if value
    )
    lines.append(f'<dl class="facts">{rows}</dl>')
    return f'<div class="note v-{css}" id="d{k}-c{item.number}">{"".join(lines)}</div>'


def _message(f: Finding, config: Config) -> str:
    # ``Finding.message`` is in the configured language; ``message_en`` always English
    zh = f.message if config.lang != "en" else f.message_en
    return both(escape(zh), escape(f.message_en))


def _place(loc: Location) -> tuple[str, str]:
    """The finding's line, page, paragraph, cell, in the words of every other face."""
    zh, en = (escape(V.JOIN[lang].join(place(loc, lang))) for lang in ("zh", "en"))
    return zh, en


def _name(report: Report) -> str:
    """The document's name on one line (a newline in a file name shown as an escape)."""
    return shown_path(report.path) if report.path else "（未命名文本）"
