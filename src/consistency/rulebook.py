"""``consistency rules`` and ``consistency explain``: the codes and their pages.

Both read the catalogue (:mod:`consistency.messages`) and nothing of the checker, so
they start fast. ``explain`` prints the rule page in the user's language:
``docs/rules/zh/CODE.md`` or ``docs/rules/CODE.md`` (see ``docs/rules/README.md``).
The pages stay in one canonical place, ``docs/``, rather than a copy inside the package
that a build step must keep in sync: a source checkout or an editable install reads them
there, and an installed wheel still explains every code from its catalogue entry.
"""

from __future__ import annotations

from pathlib import Path

from . import messages
from . import vocabulary as V
from .console import width as _width

__all__ = ["RULE_DOCS", "explain_text", "rules_text"]

#: where the rule pages live in a source checkout
RULE_DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"


def rules_text(lang: str) -> str:
    """One line per code: code, default severity, name and what it finds."""
    entries = sorted(messages.CATALOGUE.values(), key=lambda m: m.code)
    severities = [V.label(V.SEVERITY, m.severity.value, lang) for m in entries]
    width = max(_width(s) for s in severities)
    names = max(len(m.name) for m in entries)
    lines = []
    for m, severity in zip(entries, severities, strict=True):
        summary = m.summary_zh if lang == "zh" and m.summary_zh else m.summary
        pad = " " * (width - _width(severity))
        lines.append(f"{m.code}  {severity}{pad}  {m.name:<{names}}  {summary}")
    return "\n".join(lines) + "\n"


def explain_text(code: str, lang: str = V.DEFAULT, docs: Path = RULE_DOCS) -> str:
    """The rule page of ``code`` in ``lang``, or its catalogue entry when there is no page."""
    page = (docs / "zh" if lang == "zh" else docs) / f"{code}.md"
    if page.is_file():
        return page.read_text(encoding="utf-8")
    m = messages.lookup(code)
    severity = V.label(V.SEVERITY, m.severity.value, lang)
    if lang == "zh":
        head, summary = f"{m.code} {m.name}（{severity}）", m.summary_zh or m.summary
    else:
        head, summary = f"{m.code} {m.name} ({severity})", m.summary
    word = V.say("explain.message", lang)
    first, second = (m.zh, m.en) if lang == "zh" else (m.en, m.zh)
    pad = " " * (_width(word) + 2)
    return f"{head}\n\n{summary}\n\n{word}: {first}\n{pad}{second}\n"
