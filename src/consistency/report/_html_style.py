"""The look and the fixed words of the HTML report: its style sheet, inlined in the page
so it needs no other file, and the labels it shows in Chinese and English.

Colours pair a light background with a dark border and text of the same hue, and each
verdict also has a symbol (✗ ! ? ✓) and a border style, so a reader who does not tell
red from green still tells the verdicts apart. Fonts are the usual Chinese system fonts
of each platform; none is downloaded.
"""

from __future__ import annotations

from .. import vocabulary as V
from ..verdicts import Severity, Verdict

__all__ = ["LEGEND", "MODE", "SEVERITY", "SEVERITY_CSS", "STYLE", "VERDICT"]

#: verdict → (css class, Chinese label, English label, symbol for readers who do not see
#: colour); the labels are the vocabulary's, the words every face uses
_LOOK = {
    Verdict.INCONSISTENT: ("bad", "✗"),
    Verdict.CONDITIONAL: ("cond", "!"),
    Verdict.UNDECIDABLE: ("undec", "?"),
    Verdict.CONSISTENT: ("ok", "✓"),
}
VERDICT: dict[Verdict, tuple[str, str, str, str]] = {
    v: (css, *V.VERDICT[v.value], sym) for v, (css, sym) in _LOOK.items()
}
#: verdict → what it means, for the legend (Chinese, English)
LEGEND: dict[Verdict, tuple[str, str]] = {
    Verdict.INCONSISTENT: (
        "不一致：按文中其他数字算出的结果与所写数字对不上。",
        "inconsistent: the other figures give a different result than the one written.",
    ),
    Verdict.CONDITIONAL: (
        "有条件一致：只有按不常见的取舍方式（如直接截尾）才对得上。",
        "consistent only if: it agrees only under an unusual reading, such as truncation.",
    ),
    Verdict.UNDECIDABLE: (
        "无法判断：文中信息不足，或关系有多种理解，未下结论。",
        "undecidable: the text does not say enough, or can be read several ways.",
    ),
    Verdict.CONSISTENT: (
        "一致：计算结果与所写数字相符。",
        "consistent: the computed result matches the figure.",
    ),
}
SEVERITY: dict[Severity, tuple[str, str]] = {s: V.SEVERITY[s.value] for s in Severity}
#: severity → the css class of its colour (the verdict colour it usually goes with)
SEVERITY_CSS = {Severity.ERROR: "bad", Severity.WARNING: "cond", Severity.INFO: "undec"}
#: rounding reading (``Finding.mode``) → how the note names it
MODE: dict[str, tuple[str, str]] = V.MODE

STYLE = """\
:root {
  --ink: #1f2328; --muted: #57606a; --rule: #d8dee4; --paper: #ffffff; --desk: #f3f4f6;
  --bad: #b42318; --bad-bg: #fde7e4; --cond: #8a5300; --cond-bg: #fff1c7;
  --undec: #475467; --undec-bg: #e8ecf1; --ok: #1b6e37; --ok-bg: #ddf3e4;
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--desk); color: var(--ink); font-size: 16px; line-height: 1.8;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
    "Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif;
}
.switch { position: absolute; opacity: 0; pointer-events: none; }
#lang-zh:checked ~ .page .en, #lang-en:checked ~ .page .zh { display: none; }
.page { max-width: 1320px; margin: 0 auto; padding: 24px 28px 48px;
  display: flex; flex-direction: column; }
/* the summary is written after the documents (they are written as they are checked)
   and shown before them */
.page > .top { order: -1; }
.top, .doc {
  background: var(--paper); border: 1px solid var(--rule); border-radius: 10px;
  padding: 20px 28px; margin-bottom: 24px;
}
.langs { float: right; font-size: 14px; }
.langs label {
  cursor: pointer; padding: 3px 14px; margin-left: 6px; border-radius: 999px;
  border: 1px solid var(--rule); color: var(--muted); background: var(--paper);
}
#lang-zh:checked ~ .page label[for="lang-zh"], #lang-en:checked ~ .page label[for="lang-en"] {
  background: var(--ink); border-color: var(--ink); color: #fff;
}
h1 { font-size: 26px; margin: 0 0 6px; line-height: 1.4; }
h2 { font-size: 19px; margin: 0 0 12px; word-break: break-all; }
h3 { font-size: 16px; margin: 0 0 6px; }
.lead { color: var(--muted); margin: 0 0 14px; max-width: 62em; }
.verdict {
  font-size: 19px; font-weight: 700; margin: 0 0 14px; padding: 10px 16px;
  border-left: 6px solid; border-radius: 6px;
}
.checked { margin: 0 0 6px; color: var(--muted); }
.counts { display: flex; flex-wrap: wrap; gap: 12px; }
.count { flex: 1 1 160px; padding: 8px 16px; border-radius: 8px; border: 1px solid; }
.count .n { display: block; font-size: 30px; font-weight: 700; line-height: 1.3; }
.legend {
  list-style: none; margin: 16px 0 0; padding: 12px 0 0; border-top: 1px solid var(--rule);
  display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
  gap: 2px 24px; font-size: 14px; color: var(--muted);
}
.files { border-collapse: collapse; margin-top: 16px; font-size: 14px; }
.files th, .files td { border: 1px solid var(--rule); padding: 4px 12px; text-align: left; }
.problems {
  margin: 0 0 18px; padding: 10px 16px; border-radius: 8px; background: #fafbfc;
  border: 1px solid var(--rule); font-size: 15px;
}
.problems ol { margin: 0; padding-left: 1.2em; list-style: none; }
.problems li { margin: 4px 0; }
.place { color: var(--muted); font-size: 13px; margin-left: 6px; white-space: nowrap; }
.row {
  display: grid; grid-template-columns: 2.6em minmax(0, 1fr) minmax(0, 25em);
  gap: 0 22px; padding: 6px 0;
}
.row.has-notes { border-top: 1px solid #eceef1; }
.ln {
  color: #8c959f; font-size: 12px; text-align: right; padding-top: 5px; user-select: none;
}
.para { margin: 0; white-space: pre-wrap; word-break: break-word; tab-size: 0; }
.cell { display: inline-block; min-width: 7em; padding-right: 1.2em; vertical-align: top; }
mark.fig { color: inherit; padding: 1px 2px; border-radius: 3px; border-bottom: 2px solid; }
.ref, .num {
  display: inline-block; min-width: 1.7em; padding: 0 5px; border-radius: 9px;
  color: #fff; font-size: 12px; font-weight: 700; line-height: 1.6; text-align: center;
  text-decoration: none;
}
.ref { margin: 0 2px; vertical-align: 0.5em; }
.notes { font-size: 14px; line-height: 1.65; }
.note { margin: 2px 0 10px; padding: 8px 12px; border-left: 4px solid; border-radius: 6px; }
.note strong { margin-left: 4px; }
.note.pass { padding: 3px 12px; }
.rel { margin-left: 8px; word-break: break-all; }
.msg { margin: 6px 0 2px; font-weight: 600; }
.code { margin: 0 0 4px; color: var(--muted); font-size: 12px; word-break: break-all; }
.facts { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0 12px; margin: 4px 0 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; word-break: break-all; }
.v-bad { --c: var(--bad); --bg: var(--bad-bg); }
.v-cond { --c: var(--cond); --bg: var(--cond-bg); }
.v-undec { --c: var(--undec); --bg: var(--undec-bg); }
.v-ok { --c: var(--ok); --bg: var(--ok-bg); }
mark.fig, .note, .count, .verdict { background: var(--bg); border-color: var(--c); }
.verdict, .count .n, .note strong { color: var(--c); }
.ref, .num { background: var(--c); }
mark.fig.v-undec { border-bottom-style: dashed; }
.note.v-undec { border-left-style: dashed; }
.count.v-undec { border-style: dashed; }
.note:target, .ref:target { outline: 3px solid #0969da; outline-offset: 2px; }
.foot { color: var(--muted); font-size: 13px; text-align: center; }
@media (max-width: 900px) {
  .page { padding: 12px; }
  .row { grid-template-columns: 2.2em minmax(0, 1fr); }
  .notes { grid-column: 2; }
}
@media print {
  body { background: #fff; }
  .langs { display: none; }
  .page { max-width: none; padding: 0; }
  .row { break-inside: avoid; }
}
"""
