"""The text report a person reads in a terminal (ruff and Vale are the models).

For every finding::

    corpus/seeds/004.txt:41:12: C201 …one-sentence message…
       |
    41 | 全年共1150项,“网上办”事项1046项、占比90.95%。
       |      ^^^^^^            ^^^^^^      ^^^^^^
       = 提醒 · 文中数字 90.95% · 计算结果 90.9565% · 取舍方式 截尾

then a summary with the count per code. Every word around the findings' own messages
comes from :mod:`consistency.vocabulary`, in the configured language. Markers are placed by display width (a Chinese
character takes two columns), so they stand under the figures they name. Paths and
document text are shown with their control characters made visible
(:mod:`consistency.report.sanitise`). Colour is
added only when the caller says the output is a terminal (``color=True``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .. import messages
from .. import vocabulary as V
from ..config import Config
from ..console import width as _width
from ..document import Location
from ..findings import Finding, Report
from ..verdicts import Severity, Verdict
from . import Tally
from .sanitise import shown_path, visible

__all__ = ["describe", "place", "render", "render_report", "summary"]

#: sentence ends: the snippet shows the whole sentence around a claim, no more
_STOPS = frozenset("。！？；!?;\n")
#: beyond this many columns a line is cut around its figures
_WIDTH = 100
_CONTEXT = 24

#: ``paint(style, text)``: ``text`` wrapped in the style's colour, or left as it is
Paint = Callable[[Severity | str, str], str]

_ANSI: dict[Severity | str, str] = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[1;33m",
    Severity.INFO: "\x1b[1;36m",
    "path": "\x1b[1m",
    "gutter": "\x1b[34m",
    "reset": "\x1b[0m",
}


def render(reports: Sequence[Report], config: Config, *, color: bool = False) -> str:
    """Every finding with its sentence and markers, then the summary."""
    tally = Tally()
    blocks = []
    for report in reports:
        tally.add(report)
        blocks.append(render_report(report, config, color=color))
    return "".join(blocks) + summary(tally, config.lang, color=color)


def render_report(report: Report, config: Config, *, color: bool = False) -> str:
    """The findings of one report, each followed by a blank line (for streaming output)."""
    paint = _painter(color)
    return "".join(_finding(report, f, config, paint) + "\n" for f in report.findings)


def summary(tally: Tally, lang: str = V.DEFAULT, *, color: bool = False) -> str:
    """The summary: findings per severity and per code, then the claims checked."""
    paint = _painter(color)
    files = V.counted(tally.files, "file", lang)
    parts = V.JOIN[lang].join(
        V.say("summary.count", lang, label=V.label(V.VERDICT, v.value, lang), n=tally.verdicts[v])
        for v in Verdict
        if tally.verdicts[v]
    )
    # "no findings" means little when no claim was found, so say how much was checked
    checked = V.say(
        "summary.claims",
        lang,
        claims=V.counted(sum(tally.verdicts.values()), "claim", lang),
        parts=V.say("summary.parts", lang, parts=parts) if parts else "",
    )
    tail = [checked]
    if tally.suppressed:
        found = V.counted(tally.suppressed, "finding", lang)
        tail.append(V.say("summary.suppressed", lang, findings=found))
    if not tally.findings:
        return "\n".join([V.say("summary.none", lang, files=files), *tail]) + "\n"
    counts = V.JOIN[lang].join(V.counted(tally.severities[s], s.value, lang) for s in Severity)
    head = V.say(
        "summary.found",
        lang,
        findings=V.counted(tally.findings, "finding", lang),
        with_findings=tally.with_findings,
        files=files,
        counts=counts,
    )
    lines = [head]
    width = len(str(max(tally.codes.values())))
    for code in sorted(tally.codes):
        name, severity = tally.names[code]
        lines.append(
            f"{str(tally.codes[code]).rjust(width)}  {paint(severity, code)}  "
            f"{describe(code, name, lang)}"
        )
    return "\n".join([*lines, *tail]) + "\n"


def describe(code: str, name: str, lang: str) -> str:
    """What a code finds, for a line of a summary: its name, or in Chinese its summary."""
    entry = messages.CATALOGUE.get(code)
    if lang == "zh" and entry is not None and entry.summary_zh:
        return entry.summary_zh
    return name


def _painter(color: bool) -> Paint:
    def paint(style: Severity | str, text: str) -> str:
        return f"{_ANSI[style]}{text}{_ANSI['reset']}" if color and text else text

    return paint


def _finding(report: Report, f: Finding, config: Config, paint: Paint) -> str:
    path = shown_path(report.path or "<stdin>")
    message = visible(f.message)
    head = f"{paint('path', f'{path}:{f.line}:{f.column}:')} {paint(f.severity, f.code)} {message}"
    lines = [head]
    snippet = _snippet(report, f)
    gutter = max(len(str(n)) for n, _, _ in snippet) if snippet else 1
    bar = paint("gutter", " " * gutter + " |")
    lines.append(bar)
    for number, text, marks in snippet:
        lines.append(f"{paint('gutter', str(number).rjust(gutter) + ' |')} {text}")
        if marks.strip():
            lines.append(f"{bar} {paint(f.severity, marks.rstrip())}")
    lang = config.lang
    field = {key: V.label(V.FIELD, key, lang) for key in ("stated", "computed", "mode")}
    detail = [V.label(V.SEVERITY, f.severity.value, lang), f"{field['stated']} {visible(f.stated)}"]
    if f.computed:
        detail.append(f"{field['computed']} {visible(f.computed)}")
    if f.mode:
        detail.append(f"{field['mode']} {V.label(V.MODE, f.mode, lang)}")
    detail.extend(place(f.location, lang, line=False))
    lines.append(f"{' ' * gutter} = " + " · ".join(detail))
    return "\n".join(lines) + "\n"


def place(loc: Location, lang: str, *, line: bool = True) -> list[str]:
    """Where a reader finds a finding: the line, and in a Word or PDF original the page,
    paragraph or table cell."""
    out = [V.say("place.line", lang, n=loc.line)] if line else []
    for key in ("page", "paragraph", "cell"):
        value = getattr(loc, key)
        if value is not None:
            out.append(V.say(f"place.{key}", lang, n=visible(str(value))))
    return out


def _snippet(report: Report, f: Finding) -> list[tuple[int, str, str]]:
    """(line number, shown text, marker line) for each line of the claim's sentence."""
    text = report.text
    spans = [s for s in f.spans if 0 <= s[0] < s[1] <= len(text)] or [(f.start, f.end)]
    first = min(f.start, *(a for a, _ in spans))
    last = max(f.end, *(b for _, b in spans))
    a = first
    while a > 0 and text[a - 1] not in _STOPS:
        a -= 1
    b = last
    while b < len(text) and text[b] not in _STOPS:
        b += 1
    if b < len(text) and text[b] != "\n":
        b += 1  # keep the sentence's own full stop
    out = []
    line = report.document.location(a).line
    start = a
    for segment in text[a:b].split("\n"):
        end = start + len(segment)
        inside = [(max(s, start), min(e, end)) for s, e in spans if s < end and e > start]
        if segment.strip() or inside:
            out.append((line, *_mark(segment, start, inside)))
        start = end + 1
        line += 1
    return out


def _mark(segment: str, offset: int, spans: list[tuple[int, int]]) -> tuple[str, str]:
    """The segment (cut around its figures if too wide) and the marker line under it."""
    lo, hi = 0, len(segment)
    if _width(segment) > _WIDTH and spans:
        lo = max(0, min(s for s, _ in spans) - offset - _CONTEXT)
        hi = min(len(segment), max(e for _, e in spans) - offset + _CONTEXT)
    shown, marks = [], []
    for i in range(lo, hi):
        ch = " " if segment[i] == "\t" else visible(segment[i])
        w = _width(ch)
        shown.append(ch)
        hit = any(s <= offset + i < e for s, e in spans)
        marks.append(("^" if hit else " ") * w)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(segment) else ""
    pad = " " * _width(prefix)
    return prefix + "".join(shown) + suffix, pad + "".join(marks)


