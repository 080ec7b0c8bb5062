"""The corpus: every real report gives exactly the findings recorded in corpus/expected.toml.

Each expected error or warning must be reported at its figure, and no other error or
warning may appear: on real reports a false alarm is as much a failure as a miss.
Expected findings the checker cannot catch yet are strict xfails (see ``known_miss``).
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from consistency import Finding, Report, check_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
LOUD = {"error", "warning"}


@dataclass(frozen=True)
class Expectation:
    code: str
    severities: frozenset[str]
    at: str
    why: str
    known_miss: str | None

    def matches(self, finding: Finding, text: str) -> bool:
        if not finding.code.startswith(self.code) or finding.severity.value not in self.severities:
            return False
        return any(
            b > a and (self.at in text[a:b] or text[a:b] in self.at) for a, b in _places(finding)
        )


def _places(finding: Finding) -> list[tuple[int, int]]:
    return [*finding.spans, (finding.start, finding.end)]


def _load() -> dict[str, list[Expectation]]:
    raw = tomllib.loads((CORPUS / "expected.toml").read_text(encoding="utf-8"))
    table: dict[str, list[Expectation]] = {}
    for rel, entry in raw.items():
        assert (CORPUS / rel).is_file(), f"corpus/expected.toml names a missing file: {rel}"
        items = []
        for e in entry["expect"]:
            sev = e["severity"]
            items.append(
                Expectation(
                    e["code"],
                    frozenset([sev] if isinstance(sev, str) else sev),
                    e["at"],
                    e["why"],
                    e.get("known_miss"),
                )
            )
        table[rel] = items
    return table


EXPECTED = _load()
FILES = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.txt"))


@functools.cache
def _report(rel: str) -> Report:
    return check_text((CORPUS / rel).read_text(encoding="utf-8"), path=rel)


def test_the_corpus_holds_the_seeds_and_the_development_passages() -> None:
    assert sum(f.startswith("seeds/") for f in FILES) == 5
    assert sum(f.startswith("dev/") for f in FILES) == 60


@pytest.mark.parametrize("rel", FILES)
def test_no_false_alarm(rel: str) -> None:
    """Every error or warning on this file is one recorded in corpus/expected.toml."""
    report = _report(rel)
    expected = EXPECTED.get(rel, [])
    unexpected = [
        f"{f.line}:{f.column} {f.code} {f.severity.value}: {f.message_en}"
        for f in report.findings
        if f.severity.value in LOUD and not any(e.matches(f, report.text) for e in expected)
    ]
    assert not unexpected, "\n".join(unexpected)


def _catch_cases() -> list:
    cases = []
    for rel, items in sorted(EXPECTED.items()):
        for e in items:
            marks = [pytest.mark.xfail(reason=e.known_miss, strict=True)] if e.known_miss else []
            cases.append(pytest.param(rel, e, id=f"{rel}@{e.at}", marks=marks))
    return cases


@pytest.mark.parametrize(("rel", "expectation"), _catch_cases())
def test_recorded_finding_is_reported(rel: str, expectation: Expectation) -> None:
    report = _report(rel)
    assert any(expectation.matches(f, report.text) for f in report.findings), (
        f"{expectation.code} {sorted(expectation.severities)} at {expectation.at!r} "
        f"not reported: {expectation.why}"
    )
