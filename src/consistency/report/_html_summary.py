"""The HTML report's summary: headline, counts per severity and verdict, legend, files.

A helper of :mod:`consistency.report.html`, which writes the documents; the summary is
written after them (it counts what they held) and shown above them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape as _escape_html

from .. import vocabulary as V
from ..verdicts import Severity, Verdict
from ._html_style import LEGEND, SEVERITY, SEVERITY_CSS, VERDICT
from .sanitise import visible

__all__ = ["Summary", "both", "escape", "header"]


def escape(text: str) -> str:
    """``text`` for an HTML page: markup escaped, and control characters made visible, so
    the page is safe in a browser and when printed to a terminal."""
    return _escape_html(visible(text, keep="\t\n"))


def both(zh: str, en: str) -> str:
    """Both languages of one text; CSS shows the one the reader chose. Arguments are HTML."""
    return f'<span class="zh">{zh}</span><span class="en">{en}</span>'



@dataclass(frozen=True, slots=True)
class Summary:
    """What the summary needs of one document once its section is written."""

    number: int
    name: str
    verdicts: dict[Verdict, int]
    severities: dict[Severity, int]



def header(docs: Sequence[Summary]) -> str:
    """The headline, the findings per severity in tiles (the same counts the headline
    gives), the relations checked per verdict, and the legend of the colours."""
    counts = {v: sum(d.verdicts[v] for d in docs) for v in VERDICT}
    by_severity = {s: sum(d.severities[s] for d in docs) for s in Severity}
    errors, warnings = by_severity[Severity.ERROR], by_severity[Severity.WARNING]
    checked_any = sum(counts.values()) > 0
    if errors:
        verdict = both(
            f"发现 {errors} 个错误：数字前后不一致，发布前需要核改。",
            f"{errors} error(s): figures disagree with the text around them; correct them "
            "before publication.",
        )
    elif warnings:
        verdict = both(
            f"没有发现确定的错误，但有 {warnings} 个提醒需要核实。",
            f"No certain error, but {warnings} warning(s) need a second look.",
        )
    elif not checked_any:
        # nothing checked is not the same news as nothing wrong
        verdict = both(
            "没有找到可以核对的数字关系；这并不说明文中数字都正确。",
            "No relation between figures was found to check; that does not make them right.",
        )
    else:
        verdict = both("没有发现数字前后不一致。", "No figure was found to disagree with another.")
    tone = "bad" if errors else "cond" if warnings else "ok" if checked_any else "undec"
    cards = "".join(
        f'<div class="count v-{SEVERITY_CSS[s]}"><span class="n">{by_severity[s]}</span>'
        f'<span class="label">{both(*SEVERITY[s])}</span></div>'
        for s in Severity
    )
    checked = both(*(escape(_checked(counts, lang)) for lang in ("zh", "en")))
    parts = [
        '<header class="top">\n<nav class="langs">',
        '<label for="lang-zh">中文</label><label for="lang-en">English</label></nav>\n',
        f"<h1>{both('数字一致性检查报告', 'Arithmetic consistency report')}</h1>\n",
        '<p class="lead">',
        both(
            "本报告逐一核对文中数字之间的计算关系，例如合计与分项、占比与人数、增减幅度。"
            "被核对的数字按结果标色，旁边的编号对应右侧的说明。",
            "This report checks the arithmetic between the figures of the text: totals and "
            "their parts, shares and counts, rates of change. Each checked figure is coloured "
            "by the result; its number leads to the note beside it.",
        ),
        "</p>\n",
        f'<p class="verdict v-{tone}">{verdict}</p>\n',
        f'<div class="counts">{cards}</div>\n',
        f'<p class="checked">{checked}</p>\n',
        _legend(),
    ]
    if len(docs) > 1:
        parts.append(_file_table(docs))
    parts.append("</header>\n")
    return "".join(parts)


def _checked(counts: dict[Verdict, int], lang: str) -> str:
    """``共核对 4 处计算关系：不一致 1，…`` — the words of the text format's summary."""
    parts = V.JOIN[lang].join(
        V.say("summary.count", lang, label=V.label(V.VERDICT, v.value, lang), n=n)
        for v, n in counts.items()
        if n
    )
    return V.say(
        "summary.claims",
        lang,
        claims=V.counted(sum(counts.values()), "claim", lang),
        parts=V.say("summary.parts", lang, parts=parts) if parts else "",
    )


def _legend() -> str:
    rows = "".join(
        f'<li><mark class="fig v-{css}">12.3%</mark><span class="ref v-{css}">{sym}</span> '
        f"{both(*LEGEND[v])}</li>"
        for v, (css, _, _, sym) in VERDICT.items()
    )
    return f'<ul class="legend">{rows}</ul>\n'


def _file_table(docs: Sequence[Summary]) -> str:
    head = "".join(f"<th>{sym} {both(zh, en)}</th>" for _, zh, en, sym in VERDICT.values())
    head += "".join(f"<th>{both(zh, en)}</th>" for zh, en in SEVERITY.values())
    rows = []
    for d in docs:
        cells = "".join(f"<td>{d.verdicts[v]}</td>" for v in VERDICT)
        cells += "".join(f'<td class="s-{s.value}">{d.severities[s]}</td>' for s in SEVERITY)
        rows.append(f'<tr><td><a href="#d{d.number}">{escape(d.name)}</a></td>{cells}</tr>')
    return (
        f'<table class="files"><thead><tr><th>{both("文件", "file")}</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>\n"
    )


