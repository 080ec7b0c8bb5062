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
_CHANGES: tuple[Message, ...] = (
    Message(
        "C301", "change-rate-mismatch", E,
        "变化率{stated}与所列数值不符:{formula} = {value}。",
        "The change rate {stated} does not follow from the figures: {formula} = {value}.",
        "A stated growth or reduction rate differs from the rate its figures imply.",
    ),
    Message(
        "C302", "change-needs-rounded-inputs", I,
        "{stated}与按所列数值算得的{printed}({formula})不符,但所列数值本身为约数(如平均数),"
        "其取值范围内可得{value},故仍可成立。",
        "{stated} differs from {printed}, computed from the figures as printed ({formula}), but "
        "holds once they are read as rounded values (e.g. averages): {value}.",
        "A change holds only when its printed inputs are read as rounded values.",
    ),
    Message(
        "C303", "change-truncated", W,
        "{stated}只有按截尾(而非四舍五入)才与所列数值相符:{formula} = {value}。",
        "{stated} matches the figures only if the last digit was cut, not rounded: "
        "{formula} = {value}.",
        "A change matches its figures only under truncation.",
    ),
    Message(
        "C304", "change-amount-mismatch", E,
        "变化量{stated}与前后数值之差不符:{formula} = {value}。",
        "The stated change {stated} is not the difference of the figures: {formula} = {value}.",
        "A stated increase or decrease differs from the difference of its before/after figures.",
    ),
    Message(
        "C305", "point-change-mismatch", E,
        "{stated}与两个比率之差不符:{formula} = {value}个百分点。",
        "The change of {stated} is not the difference of the two rates: {formula} = "
        "{value} points.",
        "A change in percentage points differs from the difference of the two stated rates.",
    ),
    Message(
        "C306", "percent-change-read-as-points", I,
        "两个比率之间的变化写作{stated},按相对变化不成立,按百分点之差({formula} = {value})成立;"
        "宜写作“个百分点”。",
        "The change between two rates is written {stated}: it is not their relative change but "
        "their difference ({formula} = {value}); write it in percentage points.",
        "A change between two rates, written with %, holds only as a difference in points.",
    ),
    Message(
        "C307", "change-of-rate-ambiguous", I,
        "两个比率之间的变化{stated}无法判定:相对变化为{value},百分点之差为{points}。",
        "The change {stated} between two rates cannot be judged: the relative change is {value}, "
        "the difference is {points}.",
        "A % change between two rates fits neither the relative nor the points reading.",
    ),
    Message(
        "C309", "change-undecidable", I,
        "{stated}无法核对({formula}):基数为零或变化量不小于其水平值。",
        "{stated} cannot be checked ({formula}): the base is zero or the change is not smaller "
        "than its level.",
        "A change claim whose base cannot be computed.",
    ),
)
_ENUMERATIONS: tuple[Message, ...] = ()
_RESTATEMENTS: tuple[Message, ...] = ()
_COMPLETION: tuple[Message, ...] = ()
_RATIOS: tuple[Message, ...] = (
    Message(
        "C701", "ratio-mismatch", E,
        "比值{stated}与其两项数值不符:{formula} = {value}。",
        "The ratio {stated} does not follow from its two figures: {formula} = {value}.",
        "A ratio written as N:100 or a:b differs from the two figures it derives from.",
    ),
    Message(
        "C702", "ratio-needs-rounded-inputs", I,
        "比值{stated}与按所列数值算得的{printed}({formula})不符,但所列数值本身为约数,"
        "其取值范围内可得{value},故仍可成立。",
        "The ratio {stated} differs from {printed}, computed from the figures as printed "
        "({formula}), but holds once they are read as rounded values: {value}.",
        "A ratio holds only when its printed inputs are read as rounded values.",
    ),
    Message(
        "C703", "ratio-truncated", W,
        "比值{stated}只有按截尾(而非四舍五入)才与其两项数值相符:{formula} = {value}。",
        "The ratio {stated} matches its figures only if the last digit was cut, not rounded: "
        "{formula} = {value}.",
        "A ratio matches its figures only under truncation.",
    ),
    Message(
        "C704", "ratio-without-counts", I,
        "比值{stated}无法核对:文中未给出{formula}的两项数值,或给出不止一处。",
        "The ratio {stated} cannot be checked: the text does not state the two figures of "
        "{formula}, or states several.",
        "A ratio stated without (or with ambiguous) counts it compares.",
    ),
)
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
