"""The catalogue of findings: every code, its name, default severity and messages.

Codes are stable and never reused. Families:

* C1xx totals and breakdowns, subsets          (claims/totals.py)
* C2xx shares, rates and granularity            (claims/shares.py)
* C3xx changes and change rates                 (claims/changes.py)
* C4xx counted lists                            (claims/enumerations.py)
* C5xx restated figures                         (claims/restatements.py)
* C6xx completion and comparisons               (claims/completion.py)
* C7xx ratios written as ratios                 (claims/ratios.py)
* C9xx notes on input and undecidable claims

Message templates use ``str.format`` fields filled from ``Outcome.params`` plus
``stated``, ``computed`` and ``mode`` (always available). Every message is one sentence
an author can act on, in Chinese and in English.
"""

from __future__ import annotations

from dataclasses import dataclass

from .verdicts import Severity

__all__ = ["Message", "CATALOGUE", "lookup", "render"]


@dataclass(frozen=True, slots=True)
class Message:
    code: str
    name: str
    severity: Severity
    zh: str
    en: str
    summary: str

    @property
    def family(self) -> str:
        return self.code[:2]


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

_TOTALS: tuple[Message, ...] = ()
_SHARES: tuple[Message, ...] = ()
_CHANGES: tuple[Message, ...] = ()
_ENUMERATIONS: tuple[Message, ...] = ()
_RESTATEMENTS: tuple[Message, ...] = ()
_COMPLETION: tuple[Message, ...] = ()
_RATIOS: tuple[Message, ...] = ()
_NOTES: tuple[Message, ...] = ()

CATALOGUE: dict[str, Message] = {
    m.code: m
    for m in (
        *_TOTALS,
        *_SHARES,
        *_CHANGES,
        *_ENUMERATIONS,
        *_RESTATEMENTS,
        *_COMPLETION,
        *_RATIOS,
        *_NOTES,
    )
}


def lookup(code: str) -> Message:
    """The catalogue entry for ``code`` (KeyError names the unknown code)."""
    try:
        return CATALOGUE[code]
    except KeyError:
        raise KeyError(f"unknown finding code {code!r}") from None


def render(code: str, params: dict[str, str]) -> tuple[str, str]:
    """The Chinese and English message for ``code`` filled with ``params``."""
    m = lookup(code)
    return m.zh.format(**params), m.en.format(**params)
