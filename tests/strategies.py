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

from hypothesis import assume
from hypothesis import strategies as st

from consistency.intervals import RoundingMode, round_to
from consistency.quantities import Quantity

__all__ = [
    "RenderedClaim",
    "amount_breakdowns",
    "breakdowns",
    "figure",
    "figures_in",
    "granular_shares",
    "kind_example_tests",
    "natural_growth_rates",
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
    value = round_to(share * 100, Fraction(1, 10**decimals), mode)
    scaled = int(value * 10**decimals)
    if decimals == 0:
        return f"{scaled}%"
    return f"{scaled // 10**decimals}.{scaled % 10**decimals:0{decimals}d}%"


@dataclass(frozen=True)
class RenderedClaim:
    """A sentence built around a claim, its figures, and how it was built."""

    sentence: str
    figures: tuple[int, ...]
    note: str


_CLASSIFIERS = ("件", "人", "项", "个")
_KINDS = ("甲", "乙", "丙", "丁")
counts = st.integers(min_value=1, max_value=5000)


@st.composite
def breakdowns(draw: st.DrawFn, perturb: bool = False) -> RenderedClaim:
    """A total and 2–4 parts that the text marks as its whole breakdown, in one of three
    shapes (a bracketed 其中 list, parts named by the total's noun, a closing 其余 part);
    the total is the exact sum, or, with ``perturb``, one part is moved by 1–900 (only
    upward for parts named by the total's noun, which may leave a kind out)."""
    parts = draw(st.lists(counts, min_size=2, max_size=4))
    unit = draw(st.sampled_from(_CLASSIFIERS))
    total = sum(parts)
    note = "consistent"
    shape = draw(st.sampled_from(("bracket", "noun", "remainder")))
    if perturb:
        i = draw(st.integers(0, len(parts) - 1))
        delta = draw(st.integers(1, 900))
        # kinds of one thing (甲类案件, 乙类案件) may leave a kind out: only an excess is
        # certain to be an error there
        if shape != "noun" and parts[i] > delta and draw(st.booleans()):
            delta = -delta
        parts[i] += delta
        note = f"part {i} moved by {delta}"
    if shape == "bracket":
        body = "、".join(f"{k}类{p}{unit}" for k, p in zip(_KINDS, parts))
        sentence = f"全年共办理{total}{unit}(其中:{body})。"
    elif shape == "noun":
        body = ",".join(f"{k}类案件{p}{unit}" for k, p in zip(_KINDS, parts))
        sentence = f"全年共办理案件{total}{unit},其中{body}。"
    else:
        body = ",".join(f"{k}类{p}{unit}" for k, p in zip(_KINDS, parts[:-1]))
        sentence = f"全年共办理案件{total}{unit},其中{body},其余{parts[-1]}{unit}。"
    return RenderedClaim(sentence, (total, *parts), f"{shape}: {note}")


def _wan(value: Fraction) -> str:
    """An amount in 万元 with two decimals (``value`` already rounded to 0.01)."""
    cents = int(value * 100)
    return f"{cents // 100}.{cents % 100:02d}万元"


@st.composite
def amount_breakdowns(draw: st.DrawFn, perturb: bool = False) -> RenderedClaim:
    """``支出合计T万元(其中:…a万元、…b万元…)`` where every amount (the total too) is the
    rounding of an exact value to two decimals under one accepted mode: the printed parts
    may drift from the printed total by up to half a cent per term. With ``perturb`` the
    total is moved beyond that drift."""
    exact = draw(st.lists(st.integers(1, 10**7).map(lambda n: Fraction(n, 1000)), min_size=2, max_size=9))
    mode = draw(st.sampled_from((RoundingMode.HALF_UP, RoundingMode.HALF_EVEN)))
    step = Fraction(1, 100)
    parts = [round_to(v, step, mode) for v in exact]
    total = round_to(sum(exact, Fraction(0)), step, mode)
    if perturb:
        # beyond what rounding (half a cent per term) or even truncation (a cent per
        # part) lets the printed parts reach
        total = sum(parts, Fraction(0)) + (len(parts) + draw(st.integers(1, 50))) * step
    body = "、".join(f"{k}项{_wan(p)}" for k, p in zip("甲乙丙丁戊己庚辛壬", parts))
    return RenderedClaim(
        f"支出合计{_wan(total)}(其中:{body})。",
        (),
        f"{mode.value}" + (" perturbed" if perturb else ""),
    )


@st.composite
def subsets(draw: st.DrawFn, perturb: bool = False) -> RenderedClaim:
    """``共有…T个,其中…X个`` with X ≤ T (or, with ``perturb``, X above T)."""
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
def shares(draw: st.DrawFn, perturb: bool = False, truncated: bool = False) -> RenderedClaim:
    """``共N项,“网上办”事项K项、占比R%`` with R = K/N printed under an accepted mode
    at 0–2 decimals (or, with ``perturb``, two to nine steps away from K/N, which no
    rounding mode reaches; with ``truncated``, R is K/N with its last digit cut)."""
    n = draw(st.integers(min_value=1, max_value=20000))
    k = draw(st.integers(min_value=0, max_value=n))
    decimals = draw(st.integers(min_value=0, max_value=2))
    accepted = (RoundingMode.HALF_UP, RoundingMode.HALF_EVEN)
    mode = RoundingMode.TRUNCATE if truncated else draw(st.sampled_from(accepted))
    share = Fraction(k, n)
    if perturb:
        offset = draw(st.integers(min_value=2, max_value=9)) * Fraction(1, 100 * 10**decimals)
        share = share + offset if share + offset <= 1 else share - offset
    printed = render_percent(share, decimals, mode)
    return RenderedClaim(
        f"市本级政务服务事项共{n}项,“网上办”事项{k}项、占比{printed}。",
        (n, k),
        f"{mode.value} at {decimals} decimals" + (" perturbed" if perturb else ""),
    )


@st.composite
def granular_shares(draw: st.DrawFn, perturb: bool = False) -> RenderedClaim:
    """``共N件,其中网上信访占比R%`` with only the base stated: R = k/N for a whole k
    printed at two decimals (or, with ``perturb``, a two-decimal R no k/N produces)."""
    n = draw(st.integers(min_value=3, max_value=400))
    mode = draw(st.sampled_from((RoundingMode.HALF_UP, RoundingMode.HALF_EVEN)))
    if perturb:
        hundredths = draw(st.integers(min_value=1, max_value=9999))
        share = Fraction(hundredths, 10000)
        step = Fraction(1, 10000)
        reachable = any(
            round_to(Fraction(k, n), step, m) == share
            for k in range(n + 1)
            for m in RoundingMode
        )
        assume(not reachable)
    else:
        share = Fraction(draw(st.integers(min_value=0, max_value=n)), n)
    printed = render_percent(share, 2, mode)
    return RenderedClaim(
        f"全年共办理信访事项{n}件,其中网上信访占比{printed}。",
        (n,),
        f"{mode.value}" + (" perturbed" if perturb else ""),
    )


@dataclass(frozen=True)
class ChangeSentence:
    """A sentence stating one change (or ratio) figure, ``stated`` as written in it."""

    sentence: str
    stated: str
    note: str


def _printed_rate(draw: st.DrawFn, rate: Fraction, perturb: bool, min_decimals: int) -> tuple[str, str]:
    """``rate`` printed as a percentage under an accepted mode at ``min_decimals``–2 places,
    and a note; perturbed, it is first moved two to nine printing steps away (upward when
    moving down would cross zero), so no rounding mode reaches it again."""
    decimals = draw(st.integers(min_value=min_decimals, max_value=2))
    mode = draw(st.sampled_from((RoundingMode.HALF_UP, RoundingMode.HALF_EVEN)))
    if perturb:
        step = Fraction(1, 100 * 10**decimals)
        offset = draw(st.integers(min_value=2, max_value=9)) * step
        rate = rate - offset if rate - offset >= 0 and draw(st.booleans()) else rate + offset
    note = f"{mode.value} at {decimals} decimals" + (" perturbed" if perturb else "")
    return render_percent(rate, decimals, mode), note


@st.composite
def level_changes(draw: st.DrawFn, perturb: bool = False) -> ChangeSentence:
    """``共受理案件L件,同比增长R%,增加D件`` with R = D / (L − D) printed under an accepted
    mode (or a fall, ``下降…减少``); perturbed, R is moved beyond every reading."""
    base = draw(st.integers(min_value=2, max_value=20000))
    up = draw(st.booleans())
    delta = draw(st.integers(min_value=1, max_value=5000 if up else base - 1))
    level = base + delta if up else base - delta
    printed, note = _printed_rate(draw, Fraction(delta, base), perturb, 1)
    verb, amount = ("增长", "增加") if up else ("下降", "减少")
    return ChangeSentence(
        f"全年共受理案件{level}件,同比{verb}{printed},{amount}{delta}件。", printed, note
    )


@st.composite
def pair_changes(draw: st.DrawFn, perturb: bool = False) -> ChangeSentence:
    """``办理环节由A个压缩至B个,压缩率R%`` (or ``由A个增加到B个,增幅R%``) with R the exact
    relative change printed under an accepted mode; perturbed, R is moved beyond it."""
    a = draw(st.integers(min_value=2, max_value=5000))
    up = draw(st.booleans())
    b = draw(st.integers(min_value=a + 1, max_value=3 * a) if up else st.integers(1, a - 1))
    printed, note = _printed_rate(draw, Fraction(abs(b - a), a), perturb, 0)
    to, name = ("增加到", "增幅") if up else ("压缩至", "压缩率")
    return ChangeSentence(f"办理环节由{a}个{to}{b}个,{name}{printed}。", printed, note)


@st.composite
def sex_ratios(draw: st.DrawFn, perturb: bool = False) -> ChangeSentence:
    """``男性人口M人,女性人口F人,…性别比为R`` with R = M / F × 100 printed to one or two
    decimals under an accepted mode; perturbed, R is moved two to nine steps away."""
    women = draw(st.integers(min_value=100, max_value=500000))
    men = draw(st.integers(min_value=women * 9 // 10, max_value=women * 12 // 10))
    decimals = draw(st.integers(min_value=1, max_value=2))
    mode = draw(st.sampled_from((RoundingMode.HALF_UP, RoundingMode.HALF_EVEN)))
    ratio = Fraction(men * 100, women)
    step = Fraction(1, 10**decimals)
    if perturb:
        ratio += draw(st.integers(min_value=2, max_value=9)) * step * draw(st.sampled_from((1, -1)))
    printed = round_to(ratio, step, mode)
    text = f"{float(printed):.{decimals}f}"
    return ChangeSentence(
        f"全区男性人口{men}人,女性人口{women}人。性别比(以女性为100)为{text}。",
        text,
        f"{mode.value} at {decimals} decimals" + (" perturbed" if perturb else ""),
    )


@st.composite
def natural_growth_rates(draw: st.DrawFn, perturb: bool = False) -> ChangeSentence:
    """``人口出生率为B‰,死亡率为D‰,人口自然增长率为R‰`` with B and D exact rates printed to
    one or two decimals and R their exact difference printed at the same precision under
    an accepted mode (each of the three rounded on its own, as bulletins do: the printed
    difference may differ from R by one unit, which the rounded-inputs reading allows);
    perturbed, R is moved three to nine steps away, beyond every reading."""
    decimals = draw(st.integers(min_value=1, max_value=2))
    births = Fraction(draw(st.integers(min_value=3000, max_value=15000)), 1000)
    deaths = Fraction(draw(st.integers(min_value=3000, max_value=15000)), 1000)
    mode = draw(st.sampled_from((RoundingMode.HALF_UP, RoundingMode.HALF_EVEN)))
    step = Fraction(1, 10**decimals)
    rate = round_to(births - deaths, step, mode)
    if perturb:
        rate += draw(st.integers(min_value=3, max_value=9)) * step * draw(st.sampled_from((1, -1)))

    def shown(v: Fraction) -> str:
        return f"{float(round_to(v, step, mode)):.{decimals}f}"

    text = shown(rate)
    return ChangeSentence(
        f"全年人口出生率为{shown(births)}‰,死亡率为{shown(deaths)}‰,人口自然增长率为{text}‰。",
        f"{text}‰",
        f"{mode.value} at {decimals} decimals" + (" perturbed" if perturb else ""),
    )


def claim_cases(name: str) -> list[object]:
    """The ``[[case]]`` tables of ``tests/cases/<name>.toml`` as pytest params, each with an
    id showing its sentence and a strict xfail where the case names a known limit."""
    import tomllib
    from pathlib import Path

    import pytest

    path = Path(__file__).parent / "cases" / f"{name}.toml"
    cases = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), f"{path.name}: duplicate case ids"
    return [
        pytest.param(
            c,
            id=f"{c['id']}: {c['text'][:40]}",
            marks=[pytest.mark.xfail(strict=True, reason=c["xfail"])] if "xfail" in c else [],
        )
        for c in cases
    ]


def assert_claims_match(found: list[tuple[object, object]], expected: list[dict]) -> None:
    """``found`` (claim, outcome) pairs are exactly the ``expected`` table entries: same
    stated figures in order, verdicts, codes (a family prefix is enough), computed values,
    and every claim spans its stated figure and the figures of its sentence."""
    from consistency.verdicts import Verdict

    assert [c.stated.text for c, _ in found] == [e["stated"] for e in expected]
    for (claim, outcome), e in zip(found, expected, strict=True):
        assert outcome.verdict.value == e["verdict"], claim.relation
        if "code" in e:
            assert outcome.code is not None and outcome.code.startswith(e["code"])
        elif outcome.verdict is Verdict.CONSISTENT:
            assert outcome.code is None
        if "computed" in e:
            assert e["computed"] in outcome.params["value"]
        if "evidence" in e:
            assert claim.evidence is not None and claim.evidence.value == e["evidence"], claim.bindings
        for q in (claim.stated, *claim.parts):
            # a reference rate may sit sentences before (高于GDP增速…): only the others count
            assert q.start < claim.start or claim.start <= q.start and q.end <= claim.end
        assert claim.start <= claim.stated.start and claim.stated.end <= claim.end


def checked_claims(kind: object, text: str) -> list[tuple[object, object]]:
    """Every claim the claim-kind module ``kind`` finds in ``text``, with its outcome under
    the default rounding policy, capped by the claim's evidence (the scanner, the shared
    context and the binding rules as the engine runs them)."""
    from consistency.claims._match import Context
    from consistency.claims.binding import limit
    from consistency.quantities import scan
    from consistency.verdicts import RoundingPolicy

    ctx = Context.build(text, tuple(scan(text)))
    return [
        (c, limit(text, c, kind.check(c, RoundingPolicy())))  # type: ignore[attr-defined]
        for c in kind.extract(ctx)  # type: ignore[attr-defined]
    ]


def checked_kinds(kinds: tuple[object, ...], text: str) -> list[tuple[object, object]]:
    """:func:`checked_claims` over several kind modules, in text order of the stated figure."""
    found = [pair for kind in kinds for pair in checked_claims(kind, text)]
    return sorted(found, key=lambda pair: pair[0].stated.start)  # type: ignore[attr-defined]


def assert_findings_match(case: dict, kinds: tuple[str, ...]) -> list[object]:
    """Checking ``case["text"]`` reports exactly the case's codes for claims of ``kinds``,
    each at its severity in the catalogue, naming the stated figure in both languages and
    pointing at it; returns those findings for further checks."""
    from consistency import check_text, messages

    mine = [f for f in check_text(case["text"]).findings if f.claim.kind in kinds]
    # findings come sorted by place then code; the table lists claims in reading order
    assert sorted(f.code for f in mine) == sorted(e["code"] for e in case["claims"] if "code" in e)
    for f in mine:
        assert f.claim.stated.text in f.message and f.claim.stated.text in f.message_en
        assert f.severity is messages.lookup(f.code).severity
        assert (f.claim.stated.start, f.claim.stated.end) in f.spans
    return mine


def kind_example_tests(kind: object, *tables: str) -> tuple[object, object]:
    """The two tests every claim kind runs on its example tables (``tests/cases/<table>
    .toml``): each case's claims are exactly those listed, and each flagged case renders
    its findings naming the stated figure. A test module binds them to module-level
    ``test_…`` names so pytest collects them::

        test_example_table, test_flagged_examples = kind_example_tests(ratios, "claims_ratios")
    """
    import pytest

    cases = [c for name in tables for c in claim_cases(name)]
    flagged = flagged_cases(cases)

    @pytest.mark.parametrize("case", cases)
    def test_example_table(case: dict) -> None:
        assert_claims_match(checked_claims(kind, case["text"]), case["claims"])

    @pytest.mark.parametrize("case", flagged, ids=[c["text"][:40] for c in flagged])
    def test_flagged_examples(case: dict) -> None:
        assert assert_findings_match(case, (kind.KIND,))  # type: ignore[attr-defined]

    return test_example_table, test_flagged_examples


def flagged_cases(cases: list[object]) -> list[dict]:
    """The cases of :func:`claim_cases` that expect a finding code and are not known limits."""
    tables = (p.values[0] for p in cases)  # type: ignore[attr-defined]
    return [c for c in tables if "xfail" not in c and any("code" in e for e in c["claims"])]


# ---------------------------------------------------------------- counted lists, completion, restatements

_ITEM_NAMES = (
    "执法协调", "司法协调", "守法普法", "交通运输", "农牧业", "文化市场", "市场监管", "生态环境",
    "一窗受理", "网上办理", "全流程办理", "审管分离",
)
_CN_COUNTS = ("两", "三", "四", "五", "六", "七", "八", "九")


@st.composite
def counted_lists(draw: st.DrawFn, perturb: bool = False) -> tuple[str, int]:
    """A list of distinct items closed by its count ("A、B和C三个工作小组"), in one of
    the shapes authors use; with ``perturb`` the count is one more than the items."""
    n = draw(st.integers(min_value=2, max_value=8))
    items = draw(st.lists(st.sampled_from(_ITEM_NAMES), min_size=n, max_size=n, unique=True))
    count = n
    if perturb:
        # one more than listed: one fewer could match "A、B和C" read as two items
        count = n + 1
    shape = draw(st.sampled_from(("bare", "quoted", "after")))
    word = _CN_COUNTS[count - 2] if count <= 9 else str(count)
    if shape == "bare":
        # "A和B" alone is read only with 两: authors join longer lists with 、
        listed = "、".join(items) if n == 2 else "、".join(items[:-1]) + "和" + items[-1]
        return f"目前,{listed}{word}个领域改革已完成。", count
    if shape == "quoted":
        return f"实行“{'、'.join(items)}”{word}个步骤,积极查漏补缺。", count
    return f"全市设有{word}个工作组,分别为:{'、'.join(items)}。", count


@st.composite
def completions(draw: st.DrawFn, perturb: bool = False) -> tuple[str, str]:
    """"收入完成A万元,完成年初预算T万元的P%" with P = A/T printed under a rounding mode;
    with ``perturb`` the last printed digit of P is moved by 5 or more steps."""
    # hundredths of 万元, printed with two decimals: the inputs' own rounding stays far
    # below one step of the printed rate
    target = draw(st.integers(min_value=100_000, max_value=50_000_000))
    amount = draw(st.integers(min_value=target // 3, max_value=target * 3))
    mode = draw(st.sampled_from((RoundingMode.HALF_UP, RoundingMode.HALF_EVEN)))
    decimals = 2
    share = Fraction(amount, target)
    printed = render_percent(share, decimals, mode)
    if perturb:
        step = Fraction(1, 10**decimals)
        shift = draw(st.sampled_from((-1, 1))) * draw(st.integers(min_value=5, max_value=40))
        moved = round_to(share * 100, step, mode) + shift * step
        if moved <= 0:
            moved = round_to(share * 100, step, mode) + 5 * step
        printed = render_percent(moved / 100, decimals, RoundingMode.HALF_UP)
    return (
        (
            f"基金收入总额{amount // 100}.{amount % 100:02d}万元,"
            f"完成年初预算{target // 100}.{target % 100:02d}万元的{printed}。"
        ),
        printed,
    )


@st.composite
def restated_figures(draw: st.DrawFn, perturb: bool = False) -> tuple[str, str]:
    """One measure stated twice, in two paragraphs, in the same words; with ``perturb``
    the second statement differs by a whole unit or more."""
    value = draw(st.integers(min_value=10, max_value=99_999))
    label = draw(st.sampled_from(("市本级政务服务事项共", "全市各类调解组织共有", "全区行政执法人员共计")))
    unit = draw(st.sampled_from(("项", "个", "人")))
    second = value
    if perturb:
        second = value + draw(st.sampled_from((-1, 1))) * draw(st.integers(min_value=1, max_value=500))
        if second <= 0:
            second = value + 1
    text = f"{label}{value}{unit},较好完成各项任务。\n工作成效方面,{label}{second}{unit}。"
    return text, f"{second}{unit}"


#: two scopes of one label that name two measures: (before the first statement, before
#: the second); "{}" is where the label and figure go
_SCOPE_PAIRS = (
    ("2022年,{}。", "2023年,{}。"),
    ("今年11月,{}。", "今年1-11月,{}。"),
    ("上半年,{}。", "全年,{}。"),
    ("一、工作回顾\n过去一年,{}。", "过去五年,我们砥砺前行。\n{}。"),
    ("全省{}。", "市(州){}。"),
    ("自查阶段,{}。", "抽查阶段,{}。"),
    ("行政处罚类案件中,{}。", "行政强制类案件中,{}。"),
    ("一、2025年工作回顾\n（一）主要指标\n{}。", "二、2026年工作安排\n（一）主要指标\n{}。"),
    ("{}。", "力争{}。"),
)


@st.composite
def differently_scoped_figures(draw: st.DrawFn) -> str:
    """One label stated twice with two different values, under two scopes that make them
    two measures (two years, a month and the months to date, a year and five years, a
    province and its cities, two phases, two types of action, a result and a plan)."""
    label = draw(st.sampled_from(("受理行政复议案件", "新建改造农村公路", "培育科技型中小企业")))
    unit = draw(st.sampled_from(("件", "个", "家")))
    first = draw(st.integers(min_value=10, max_value=99_999))
    second = first + draw(st.integers(min_value=1, max_value=5_000))
    before, after = draw(st.sampled_from(_SCOPE_PAIRS))
    return before.format(f"{label}{first}{unit}") + "\n" + after.format(f"{label}{second}{unit}")


def assert_claims_in_bounds(found: list[tuple[object, object]], text: str) -> None:
    """Every claim found in ``text`` spans a non-empty stretch of it and has a verdict."""
    from consistency.verdicts import Verdict

    for claim, outcome in found:
        assert 0 <= claim.start < claim.end <= len(text)  # type: ignore[attr-defined]
        assert outcome.verdict in Verdict  # type: ignore[attr-defined]


@st.composite
def respective_changes(draw: st.DrawFn, perturb: bool = False) -> ChangeSentence:
    """``全年收案A件、结案B件,同比分别增长r%、s%,分别增加c件、d件`` with each rate the exact
    change of its own level printed under an accepted mode; perturbed, the second rate is
    moved beyond every reading (``stated`` names the second rate)."""
    bases = [draw(st.integers(min_value=2, max_value=20000)) for _ in range(2)]
    deltas = [draw(st.integers(min_value=1, max_value=5000)) for _ in range(2)]
    first, _ = _printed_rate(draw, Fraction(deltas[0], bases[0]), False, 1)
    second, note = _printed_rate(draw, Fraction(deltas[1], bases[1]), perturb, 1)
    levels = [b + d for b, d in zip(bases, deltas)]
    return ChangeSentence(
        f"全年收案{levels[0]}件、结案{levels[1]}件,同比分别增长{first}、{second},"
        f"分别增加{deltas[0]}件、{deltas[1]}件。",
        second,
        note,
    )
