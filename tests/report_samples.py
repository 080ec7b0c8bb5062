"""Hand-built reports for the formatter tests: every verdict, hostile text, known offsets.

Formatters never compute, so their tests need reports whose every claim, verdict and
finding is known in advance. These are written out by hand (the arithmetic in the
relations is true: 495 + 138 = 633, 1046 / 1150 = 90.9565…%, 70 + 40 = 110) rather than
produced by the engine, so a change in a claim kind cannot change what a formatter test
expects.
"""

from __future__ import annotations

from fractions import Fraction

from consistency import Claim, Finding, Quantity, Report
from consistency.document import Document
from consistency.intervals import Interval, RoundingMode
from consistency.verdicts import Outcome, Severity, Verdict

__all__ = ["SAMPLE_LINES", "figure", "sample_report"]

#: one passage per line; the last line carries markup that must come out escaped
SAMPLE_LINES = (
    "全区共办理行政复议案件633件，其中维持495件，纠错138件。",
    "办结1046件，占受理总数1150件的90.95%。",
    "共收到建议120件，其中采纳70件、部分采纳40件。",
    "行政诉讼案件同比增长约15%。",
    "附注：<script>alert('x')</script> & “引号” 'single' 不含数字关系。",
)
TEXT = "\n".join(SAMPLE_LINES) + "\n"


def figure(text: str, surface: str, value: Fraction | int, *, after: int = 0) -> Quantity:
    """The quantity ``surface`` at its first place in ``text`` at or after ``after``."""
    start = text.index(surface, after)
    v = Fraction(value)
    percent = surface.endswith("%")
    return Quantity(
        start=start,
        end=start + len(surface),
        text=surface,
        value=v,
        low=None if "约" in surface else v,
        high=None if "约" in surface else v,
        approx="约" in surface,
        decimals=len(surface.rstrip("%件").partition(".")[2]),
        resolution=Fraction(1, 10000) if percent else Fraction(1),
        unit="%" if percent else "件",
    )


def _claim(
    kind: str,
    line: int,
    stated: Quantity,
    parts: tuple[Quantity, ...],
    relation: str,
    outcome: Outcome,
) -> Claim:
    start = sum(len(s) + 1 for s in SAMPLE_LINES[:line])
    return Claim(
        kind, start, start + len(SAMPLE_LINES[line]), stated, parts, relation, outcome=outcome
    )


def _finding(
    doc: Document, claim: Claim, code: str, severity: Severity, zh: str, en: str
) -> Finding:
    outcome = claim.outcome
    assert outcome is not None
    return Finding(
        code=code,
        name=code.lower() + "-sample",
        severity=severity,
        start=claim.start,
        end=claim.end,
        location=doc.location(claim.start),
        message=zh,
        message_en=en,
        stated=claim.stated.text,
        computed=str(outcome.computed) if outcome.computed else "",
        mode=outcome.mode.value if outcome.mode else None,
        claim=claim,
        spans=tuple((q.start, q.end) for q in claim.figures),
    )


def sample_report(path: str | None = "样例/报告.txt", marks: tuple = ()) -> Report:
    """Four claims, one of each verdict; three findings (error, warning, info)."""
    doc = Document(TEXT, path, marks)
    t = TEXT
    total = _claim(
        "total",
        0,
        figure(t, "633件", 633),
        (figure(t, "495件", 495), figure(t, "138件", 138)),
        "633 = 495 + 138",
        Outcome(Verdict.CONSISTENT, computed=Interval.exact(633)),
    )
    share = _claim(
        "share",
        1,
        figure(t, "90.95%", Fraction(9095, 10000)),
        (figure(t, "1046件", 1046), figure(t, "1150件", 1150)),
        "90.95% = 1046 / 1150",
        Outcome(
            Verdict.CONDITIONAL, "C299", Interval.exact(Fraction(1046, 1150)), RoundingMode.TRUNCATE
        ),
    )
    wrong = _claim(
        "total",
        2,
        figure(t, "120件", 120),
        (figure(t, "70件", 70), figure(t, "40件", 40)),
        "120 = 70 + 40",
        Outcome(Verdict.INCONSISTENT, "C199", Interval.exact(110)),
    )
    vague = _claim(
        "change",
        3,
        figure(t, "约15%", Fraction(15, 100)),
        (),
        "增长约15%：基数未写明",
        Outcome(Verdict.UNDECIDABLE, "C999"),
    )
    findings = (
        _finding(
            doc,
            share,
            "C299",
            Severity.WARNING,
            "90.95%只有在截尾取舍下才等于1046/1150（90.9565…%），四舍五入应为90.96%。",
            "90.95% equals 1046/1150 (90.9565…%) only if truncated; rounded it is 90.96%.",
        ),
        _finding(
            doc,
            wrong,
            "C199",
            Severity.ERROR,
            "分项之和为110件，与合计120件不符。",
            "The parts add up to 110, not the stated total of 120.",
        ),
        _finding(
            doc,
            vague,
            "C999",
            Severity.INFO,
            "增长率的基数没有写明，无法核对。",
            "The base of this growth rate is not stated, so it cannot be checked.",
        ),
    )
    return Report(doc, (), (total, share, wrong, vague), findings)


def report_on(
    document: Document, specs: list[tuple[str, str, tuple[str, ...], Verdict, str | None]]
) -> Report:
    """A report on an already loaded ``document``: one claim per spec, figures found by text.

    A spec is ``(after, stated, parts, verdict, code)``: the figures are looked for from
    the first place of ``after`` on; a ``code`` makes a finding whose severity follows the
    verdict (inconsistent → error, consistent-if → warning, otherwise info).
    """
    text = document.text
    claims, findings = [], []
    severity = {Verdict.INCONSISTENT: Severity.ERROR, Verdict.CONDITIONAL: Severity.WARNING}
    for after, stated_text, part_texts, verdict, code in specs:
        base = text.index(after)
        stated = figure(text, stated_text, 1, after=base)
        parts = tuple(figure(text, t, 1, after=base) for t in part_texts)
        figures = sorted((stated, *parts), key=lambda q: q.start)
        relation = f"{stated_text} = {' + '.join(part_texts)}"
        outcome = Outcome(verdict, code, Interval.exact(1))
        claim = Claim(
            "total", figures[0].start, figures[-1].end, stated, parts, relation, outcome=outcome
        )
        claims.append(claim)
        if code:
            findings.append(
                _finding(
                    document,
                    claim,
                    code,
                    severity.get(verdict, Severity.INFO),
                    f"{stated_text}与分项之和不符。",
                    f"{stated_text} is not the sum of its parts.",
                )
            )
    return Report(document, (), tuple(claims), tuple(findings))
