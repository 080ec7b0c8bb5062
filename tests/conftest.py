"""Shared test set-up: pytester for the plugin tests, and a stand-in engine for the faces.

The faces (command line, baseline, plugin) render whatever the engine returns. Their
tests use :func:`fake_engine`, a stand-in that reads sums written as ``10=3+7`` and
reports the wrong ones, so that what they assert (exit codes, formats, baseline keys)
does not depend on which claim kinds the real engine knows today. End-to-end tests on
the corpus use the real engine.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from fractions import Fraction

import pytest

from consistency import engine, messages
from consistency.claim import Claim
from consistency.config import Config
from consistency.document import Document
from consistency.findings import Finding, Report
from consistency.intervals import Interval
from consistency.messages import Message
from consistency.quantities import Quantity
from consistency.verdicts import Outcome, Severity, Verdict

pytest_plugins = ["pytester"]

_SUM = re.compile(r"(\d+)=(\d+)\+(\d+)")
#: the stand-in's codes: off by one is a warning (C102), more is an error (C101)
FAKE_CODES = {
    "C101": Message(
        "C101",
        "sum mismatch",
        Severity.ERROR,
        "{stated}≠{computed}",
        "{stated} ≠ {computed}",
        "A total differs from its parts.",
    ),
    "C102": Message(
        "C102",
        "sum off by one",
        Severity.WARNING,
        "{stated}≈{computed}",
        "{stated} ≈ {computed}",
        "A total differs from its parts by one.",
    ),
}


def fake_check_document(document: Document, config: Config | None = None) -> Report:
    """Check every ``total=a+b`` of the text; the faces' tests need nothing more."""
    config = config or Config()
    claims, findings, quantities = [], [], []
    for m in _SUM.finditer(document.text):
        figures = tuple(
            Quantity(m.start(i), m.end(i), m.group(i), *(Fraction(m.group(i)),) * 3)
            for i in (1, 2, 3)
        )
        quantities.extend(figures)
        total, a, b = (int(m.group(i)) for i in (1, 2, 3))
        off = abs(total - a - b)
        code = None if off == 0 else "C102" if off == 1 else "C101"
        verdict = Verdict.CONSISTENT if code is None else Verdict.INCONSISTENT
        outcome = Outcome(verdict, code, Interval.exact(a + b))
        claim = Claim(
            "total",
            m.start(),
            m.end(),
            figures[0],
            figures[1:],
            f"{total} = {a} + {b}",
            outcome=outcome,
        )
        claims.append(claim)
        if code is None or not config.wants(code):
            continue
        entry = FAKE_CODES[code]
        findings.append(
            Finding(
                code=code,
                name=entry.name,
                severity=config.severity.get(code, entry.severity),
                start=m.start(),
                end=m.end(),
                location=document.location(m.start()),
                message=f"{total} ≠ {a} + {b} = {a + b}",
                message_en=f"{total} ≠ {a} + {b} = {a + b}",
                stated=m.group(1),
                computed=str(a + b),
                mode=None,
                claim=claim,
                spans=tuple((q.start, q.end) for q in figures),
            )
        )
    return Report(document, tuple(quantities), tuple(claims), tuple(findings))


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Report]]:
    """Replace the engine's check by :func:`fake_check_document`; yields :func:`fake_report`."""
    monkeypatch.setattr(engine, "check_document", fake_check_document)
    for code, entry in FAKE_CODES.items():
        monkeypatch.setitem(messages.CATALOGUE, code, entry)
    yield fake_report


@pytest.fixture(autouse=True)
def _english_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line in English for the tests, which read its output word by word;
    the tests of the Chinese interface (the default) unset it (tests/test_console.py)."""
    monkeypatch.setenv("CONSISTENCY_LANG", "en")


@pytest.fixture
def run(
    fake_engine: object, capsys: pytest.CaptureFixture[str]
) -> Callable[..., tuple[int, str, str]]:
    """The command line on the stand-in engine: ``run("check", …)`` → (exit code, out, err)."""
    from consistency.cli import main

    def invoke(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def fake_report(text: str, path: str | None = None, config: Config | None = None) -> Report:
    """The stand-in engine's report on ``text``."""
    return fake_check_document(Document(text, path), config)


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--run-browser``: run tests/test_browser.py in headless Chromium (else opt-in by env)."""
    parser.addoption(
        "--run-browser",
        action="store_true",
        default=False,
        help="render the HTML report in headless Chromium (also: CONSISTENCY_BROWSER=1)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave the ``browser`` tests out unless asked for: they need Chromium and seconds."""
    if config.getoption("--run-browser") or os.environ.get("CONSISTENCY_BROWSER") == "1":
        return
    chosen = [i for i in items if i.get_closest_marker("browser") is None]
    if len(chosen) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in chosen])
        items[:] = chosen
