"""Shared test helpers and hypothesis strategies for the claim checks.

* :func:`figure` builds one :class:`Quantity` by hand, located by its surface in a text;
* :func:`figures_in` reads the plain figures of a test sentence (ASCII digits, an
  optional 万/亿, a classifier or %) so unit tests of the matching helpers do not depend
  on the full scanner;
* the strategies render claims that are consistent by construction (random counts,
  their exact total or share printed under each rounding mode) and the same claims
  with one figure perturbed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from hypothesis import strategies as st

from consistency.intervals import RoundingMode, round_to
from consistency.quantities import Quantity

__all__ = [
    "RenderedClaim",
    "breakdowns",
    "figure",
    "figures_in",
    "render_percent",
    "shares",
    "subsets",
]


def figure(
    text: str,
    surface: str,
    value: Fraction | int,
    unit: str | None,
    *,
    low: Fraction | int | None | str = "value",
    high: Fraction | int | None | str = "value",
    approx: bool = False,
    decimals: int = 0,
    resolution: Fraction | int = 1,
    qualifier: str | None = None,
    occurrence: int = 0,
) -> Quantity:
    """The quantity written as ``surface`` in ``text`` (its ``occurrence``-th match)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    v = Fraction(value)
    lo = v if low == "value" else (None if low is None else Fraction(low))
    hi = v if high == "value" else (None if high is None else Fraction(high))
    return Quantity(
        start, start + len(surface), surface, v, lo, hi, approx, decimals,
        Fraction(resolution), unit, qualifier,
    )


_FIGURE = re.compile(
    r"(\d+(?:\.\d+)?)(万|亿)?(人次|件|个|项|人|名|次|宗|条|家|笔|%|元)"
)


def figures_in(text: str) -> tuple[Quantity, ...]:
    """The plain figures of a test sentence, in order (a deliberately small reader)."""
    out = []
    for m in _FIGURE.finditer(text):
        digits, scale_word, unit = m.groups()
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        scale = {None: 1, "万": 10_000, "亿": 100_000_000}[scale_word]
        value = Fraction(digits) * scale
        resolution = Fraction(scale, 10**decimals)
        if unit == "%":
            value, resolution = value / 100, resolution / 100
        out.append(
            Quantity(m.start(), m.end(), m.group(0), value, value, value, False, decimals,
                     resolution, unit, None)
        )
    return tuple(out)


def render_percent(share: Fraction, decimals: int, mode: RoundingMode) -> str:
    """``share`` (a fraction of 1) printed as a percentage with ``decimals`` places."""
    step = Fraction(1, 10**decimals)
    value = round_to(share * 100, step, mode)
    whole = value.numerator // value.denominator if value >= 0 else -((-value.numerator) // value.denominator)
    if decimals == 0:
        return f"{whole}%"
    scaled = int(value * 10**decimals)
    return f"{scaled // 10**decimals}.{scaled % 10**decimals:0{decimals}d}%"


@dataclass(frozen=True)
class RenderedClaim:
    """A sentence built around a claim, and the figure a perturbation changed (if any)."""

    sentence: str
    figures: tuple[int, ...]
    note: str


_CLASSIFIERS = ("件", "人", "项", "个")
_LABELS = ("行政复议案卷", "行政执法案卷", "调解成功", "予以通过", "不予通过", "网上办理")

counts = st.integers(min_value=1, max_value=5000)


@st.composite
def breakdowns(draw: st.DrawFn, perturb: bool = False) -> RenderedClaim:
    """``共T件,其中A件,B件…`` with T the exact sum of 2–4 parts (or one part perturbed)."""
    parts = draw(st.lists(counts, min_size=2, max_size=4))
    unit = draw(st.sampled_from(_CLASSIFIERS))
    total = sum(parts)
    note = "consistent"
    if perturb:
        i = draw(st.integers(0, len(parts) - 1))
        delta = draw(st.integers(1, 9).map(lambda d: d * 10 ** draw(st.integers(0, 2))))
        if parts[i] - delta > 0 and draw(st.booleans()):
            delta = -delta
        parts[i] += delta
        note = f"part {i} moved by {delta}"
    labels = [f"第{chr(0x7532 + k)}类" for k in range(len(parts))]
    body = ",".join(f"{lab}{p}{unit}" for lab, p in zip(labels, parts))
    return RenderedClaim(f"本年度共办理案件{total}{unit},其中{body}。", (total, *parts), note)


@st.composite
def subsets(draw: st.DrawFn, perturb: bool = False) -> RenderedClaim:
    """``共T个,其中X个`` with X ≤ T (or X pushed above T)."""
    whole = draw(st.integers(min_value=2, max_value=5000))
    part = draw(st.integers(min_value=0, max_value=whole))
    if perturb:
        part = whole + draw(st.integers(min_value=1, max_value=900))
    return RenderedClaim(
        f"全市共有调解组织{whole}个,其中专业性调解组织{part}个。",
        (whole, part),
        "perturbed" if perturb else "consistent",
    )


@st.composite
def shares(draw: st.DrawFn, perturb: bool = False) -> RenderedClaim:
    """``共N项,"网上办"事项K项、占比R%`` with R = K/N printed under an accepted mode
    at 0–2 decimals (or R moved by at least one step beyond every reading)."""
    n = draw(st.integers(min_value=1, max_value=20000))
    k = draw(st.integers(min_value=0, max_value=n))
    decimals = draw(st.integers(min_value=0, max_value=2))
    mode = draw(st.sampled_from((RoundingMode.HALF_UP, RoundingMode.HALF_EVEN)))
    share = Fraction(k, n)
    if perturb:
        # two steps away from the exact share cannot be reached by any rounding mode
        step = Fraction(1, 100 * 10**decimals)
        offset = draw(st.integers(min_value=2, max_value=9)) * step
        moved = share + offset if share + offset <= 1 or share - offset < 0 else share - offset
        share = moved
    printed = render_percent(share, decimals, mode)
    return RenderedClaim(
        f"市本级政务服务事项共{n}项,“网上办”事项{k}项、占比{printed}。",
        (n, k),
        f"{mode.value} at {decimals} decimals" + (" perturbed" if perturb else ""),
    )
