"""Restated figures: one measure stated twice in a document must have one value.

A figure is paired with an earlier one only when both are stated with the same subject
words (``市本级政务服务事项共1150项`` … ``市本级1150个政务服务事项``), in the same unit, in
sentences naming the same period, and neither subject is a change, a part or a
comparison (cue words in ``data/cues/restatements.toml``). Figures that merely share a
value (``“最多跑一趟”342项`` and ``入驻…APP事项达342项``) are different measures and never
paired; figures with a short or generic subject are left alone. When in doubt, no claim.

The check: some true value is allowed by both printed figures (``7.5%`` and ``7.52%``
agree); if only truncation reconciles them, a warning.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

import regex

from ..claim import Claim
from ..errors import DataFileError
from ..intervals import Interval, RoundingMode
from ..quantities import Quantity
from ..verdicts import Outcome, RoundingPolicy, Verdict
from ._folded import folded
from ._match import (
    Clause,
    Context,
    Sentence,
    family,
    figure_interval,
    fmt_interval,
    load_cues,
    stated_allows,
)

__all__ = ["KIND", "check", "extract"]

KIND = "restatement"

_CJK = regex.compile(r"[\p{Han}“”《》]+")
_CJK_TAIL = regex.compile(r"(?r)[\p{Han}“”《》]+\Z")
_PERIOD = regex.compile(r"\d{4}年|\d{1,2}(?:[-—至]\d{1,2})?月|[一二三四]季度|上半年|下半年")


@functools.cache
def _cues() -> dict[str, dict[str, tuple[str, ...]]]:
    return load_cues("restatements")


@dataclass(frozen=True, slots=True)
class _Mention:
    """One figure with the subject it is stated under and the period of its sentence."""

    quantity: Quantity
    subjects: frozenset[str]
    exact_subject: str | None
    period: frozenset[str]
    sentence: int
    line: int
    #: the scope word opening its sentence, when it is not in the first clause
    #: ("全区开展…156场次,发放宣传资料2.3万份": 全区 is the subject of the second figure too)
    lead: str = ""
    #: the nearest heading above it: its style and ordinal ("（", "二")
    section: tuple[str, str] | None = None
    #: that heading's topic, generic words taken out ("（一）民事法律援助" → "民事法律援助")
    topic: str = ""


def extract(ctx: Context) -> Iterator[Claim]:
    """Pairs of figures stated under the same subject, unit and period, and figures
    restated in another unit in brackets."""
    yield from _conversions(ctx)
    yield from _restated(ctx)


def _restated(ctx: Context) -> Iterator[Claim]:
    view = folded(ctx)
    seen: dict[tuple[str, str, frozenset[str], str], _Mention] = {}
    for m in _all_mentions(ctx, view):
        fam = _family(m.quantity)
        for subject in sorted(m.subjects, key=len, reverse=True):
            key = (subject, fam, m.period, m.lead)
            earlier = seen.get(key)
            if (
                earlier is not None
                and earlier.sentence != m.sentence
                and subject in (earlier.exact_subject, m.exact_subject)
                and not _sibling_sections(earlier, m)
                and _topics_fit(earlier, m, subject)
            ):
                yield _claim(earlier, m, subject)
                break
        if m.exact_subject is not None:
            seen[(m.exact_subject, fam, m.period, m.lead)] = m
        for subject in m.subjects:
            seen.setdefault((subject, fam, m.period, m.lead), m)


def _topics_fit(a: _Mention, b: _Mention, subject: str) -> bool:
    """Under two different headings, neither heading may name a kind of the subject: a
    summary and its section ("（三）行政复议工作…受理行政复议案件") name one measure, but a
    section on a kind of it ("（一）民事法律援助…办理法律援助案件") names a part of it."""
    if a.section == b.section:
        return True
    return not any(_kind_of(m.topic, subject) for m in (a, b))


def _kind_of(topic: str, subject: str) -> bool:
    """Does ``topic`` qualify words of ``subject`` ("民事法律援助" and "办理法律援助案件":
    it ends with 法律援助, with more words before)?"""
    if not topic or topic in subject:
        return False
    return any(topic[k:] in subject for k in range(1, len(topic) - 1))


def _sibling_sections(a: _Mention, b: _Mention) -> bool:
    """Are ``a`` and ``b`` under two headings of one level ("（一）刑事审判…" and "（二）民商事
    审判…")? Parallel sections speak of parallel subjects, so one label there ("全年共审结
    各类案件") names two measures; a summary and its detail sit at different levels."""
    return (
        a.section is not None
        and b.section is not None
        and a.section[0] == b.section[0]
        and a.section[1] != b.section[1]
    )


@functools.cache
def _word_res() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """The period, plan and skip cue words each folded into one pattern, compiled once."""
    cues = _cues()

    def alternation(words: tuple[str, ...]) -> regex.Pattern[str]:
        return regex.compile("|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)))

    return (
        alternation(cues["period"]["words"]),
        alternation(cues["plans"]["words"]),
        alternation(cues["skip"]["words"]),
    )


def _all_mentions(ctx: Context, view: str) -> Iterator[_Mention]:
    """Every mention in text order. Each paragraph's period and each sentence's line are
    computed once (walking forward), so the work stays linear in the document."""
    periods: dict[int, frozenset[str]] = {}
    line, counted_to = 1, 0
    headings = _headings(view)
    upcoming = next(headings, None)
    section: tuple[str, str] | None = None
    topic = ""
    for sentence in ctx.sentences:
        while upcoming is not None and upcoming[0] <= sentence.start:
            _, end, paren, comma, arabic = upcoming
            style = "（" if paren else "、" if comma else "."
            ordinal = paren or comma or arabic or ""  # one of the three is always set
            section, topic = (style, ordinal), _topic(view, end)
            upcoming = next(headings, None)
        if not any(_eligible(q) for q in sentence.quantities):
            continue
        line += ctx.text.count("\n", counted_to, sentence.start)
        counted_to = sentence.start
        # a sentence naming its own period ("2019年办理…。2023年办理…") keeps it; one that
        # names none takes its paragraph's ("12月份…。其中:受理…")
        period = _periods_in(view[sentence.start : sentence.end])
        if not period:
            period = periods.get(sentence.paragraph) or frozenset()
            if sentence.paragraph not in periods:
                period = periods[sentence.paragraph] = _period(view, sentence)
        yield from _mentions(ctx, view, sentence, period, line, section, topic)


def _topic(view: str, start: int) -> str:
    """The words of a heading that starts at ``start`` (up to its full stop or line end, at
    most 20 characters), generic words ("工作", "情况") taken out: empty for "总体情况"."""
    head = _HEAD_WORDS.match(view[start : start + 20])
    words = "".join(_CJK.findall(head.group(0) if head else ""))
    for w in _cues()["heading"]["generic"]:
        words = words.replace(w, "")
    return words


_HEAD_WORDS = regex.compile(r"[^。\n]{0,20}")

#: a heading at the start of a line: "（二）", "二、" or "2." / "2、"
_HEADING_BODY = (
    r"[^\S\n]*(?:[(（](?P<paren>[一二三四五六七八九十]+)[)）]"
    r"|(?P<comma>[一二三四五六七八九十]+)、|(?P<arabic>\d{1,2})[.．、](?!\d))"
)
_HEADING = regex.compile(_HEADING_BODY)
#: the same after a line break: a search led by a plain character is much faster than
#: one led by a line-start anchor
_HEADING_AFTER_BREAK = regex.compile(r"\n" + _HEADING_BODY)


def _headings(view: str) -> Iterator[tuple[int, int, str | None, str | None, str | None]]:
    """Every heading of ``view`` in order: start, end and its ordinal in brackets, before 、 or in digits
    (one of the three set). A heading never spans a line, so the one opening the text and
    those after each line break are all of them."""
    first = _HEADING.match(view)
    if first is not None:
        yield first.start(), first.end(), first.group("paren"), first.group("comma"), first.group("arabic")
    for m in _HEADING_AFTER_BREAK.finditer(view):
        yield m.start() + 1, m.end(), m.group("paren"), m.group("comma"), m.group("arabic")


def _period(view: str, sentence: Sentence) -> frozenset[str]:
    """The periods named anywhere in the sentence's line ("12月份…。其中:受理…")."""
    start = view.rfind("\n", 0, sentence.start) + 1
    end = view.find("\n", sentence.end)
    return _periods_in(view[start : len(view) if end < 0 else end])


def _periods_in(text: str) -> frozenset[str]:
    """The periods ``text`` names: dates ("2023年", "1-5月") and period words ("上年")."""
    # every date names a 年, a 月 or a 季度: most sentences name none, and are not scanned
    dates = _PERIOD.findall(text) if "年" in text or "月" in text or "季度" in text else ()
    return frozenset(dates) | frozenset(_word_res()[0].findall(text))


@functools.cache
def _factors() -> dict[tuple[str, str], Fraction]:
    """The conversion table of ``[conversions].pairs``: (from unit, to unit) → factor."""
    out: dict[tuple[str, str], Fraction] = {}
    for entry in _cues()["conversions"]["pairs"]:
        parts = entry.split()
        try:
            if len(parts) != 3:
                raise ValueError(entry)
            out[(parts[0], parts[1])] = Fraction(parts[2])
        except (ValueError, ZeroDivisionError) as exc:
            raise DataFileError(
                "data/cues/restatements.toml", f"expected 'from to factor', got {entry!r}",
                key="conversions.pairs",
            ) from exc
    return out


def _conversions(ctx: Context) -> Iterator[Claim]:
    """"13659.6万吨(2731.9亿斤)": a figure and its conversion in brackets right after it."""
    factors = _factors()
    qs = ctx.quantities
    for a, b in itertools.pairwise(qs):
        factor = factors.get((a.unit or "", b.unit or ""))
        if factor is None or ctx.text[a.end : b.start] not in ("(", "（"):
            continue
        if ctx.text[b.end : b.end + 1] not in (")", "）"):
            continue
        yield Claim(
            kind=KIND,
            start=a.start,
            end=b.end + 1,
            stated=b,
            parts=(a,),
            relation=f"{b.text} = {a.text} × {factor}",
            details={"form": "conversion", "factor": str(factor), "other": a.text},
        )


def _family(q: Quantity) -> str:
    """件, 个 and 项 all count things: "1150项" and "1150个…事项" may be one measure."""
    return family(q) or ""


def _claim(earlier: _Mention, later: _Mention, subject: str) -> Claim:
    a, b = earlier.quantity, later.quantity
    # the claim spans both statements, so that either figure is inside it
    return Claim(
        kind=KIND,
        start=a.start,
        end=b.end,
        stated=b,
        parts=(a,),
        relation=f"{subject}: {b.text} = {a.text}",
        details={"form": "restated", "subject": subject, "other": a.text, "other_line": str(earlier.line)},
    )


def _mentions(
    ctx: Context,
    view: str,
    sentence: Sentence,
    period: frozenset[str],
    line: int,
    section: tuple[str, str] | None,
    topic: str,
) -> Iterator[_Mention]:
    """The mentions of one sentence, under heading ``section`` on ``topic``. ``view`` is
    the document folded once (one character for one), so every slice of it is the folded
    slice of the text."""
    _, plans, skip = _word_res()
    if plans.search(view, sentence.start, sentence.end):
        return  # "力争…达到1200件": a plan, not the measure stated elsewhere
    minimum = int(_cues()["label"]["min_length"][0])
    first_clause = sentence.clauses[0] if sentence.clauses else None
    for clause in sentence.clauses:
        after_previous = clause.start
        for q in clause.quantities:
            # the label runs from the end of the figure before (as Context.label_before)
            start, after_previous = after_previous, max(after_previous, q.end)
            if not _eligible(q):
                continue
            if start > q.start:  # figures overlapping: let the context find the label
                start = q.start - len(ctx.label_before(q, clause))
            label = _strip(_tail_cjk(view[start : q.start]))
            if skip.search(label):
                continue
            exact = label if len(label) >= minimum else None
            subjects: set[str] = set()
            if exact is not None:
                subjects.add(exact)
            # "市本级1150个政务服务事项": the subject is split around the figure
            head = _head_cjk(view[q.end : min(clause.end, q.end + 24)])
            hit = skip.search(head)
            noun = head[: hit.start()] if hit else head
            if label and noun:
                for k in range(2, len(noun) + 1):
                    whole = label + noun[:k]
                    if len(whole) >= minimum:
                        subjects.add(whole)
            if subjects:
                lead = "" if clause is first_clause else _lead(view, sentence, clause)
                yield _Mention(q, frozenset(subjects), exact, period, sentence.index, line, lead,
                               section, topic)


def _lead(view: str, sentence: Sentence, clause: Clause) -> str:
    """The scope word that opens the sentence before ``clause`` ("全区", "各镇街"), if any:
    the subject a later clause's figure shares ("全区开展法治宣传活动…,发放宣传资料2.3万份")."""
    head = "".join(_CJK.findall(view, sentence.start, min(clause.start, sentence.start + 24)))
    return next((w for w in _scope_words().get(head[:1], ()) if head.startswith(w)), "")


@functools.cache
def _scope_words() -> dict[str, tuple[str, ...]]:
    """The scope words by first character, in their order in the data file, so that a
    sentence is compared only with the words that could open it. Words after an empty
    one could never be chosen (the empty word matches first), so they are left out."""
    out: dict[str, list[str]] = {}
    for w in _cues()["scope"]["words"]:
        if not w:
            break
        out.setdefault(w[0], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


def _eligible(q: Quantity) -> bool:
    """Exact figures written with digits, in a unit: the ones a restatement could contradict."""
    # the unit test first: it rejects most figures (counts of 件 aside, many have none)
    return (
        q.unit is not None
        and q.low is not None
        and q.high is not None
        and not q.approx
        and any(ch.isdigit() for ch in q.text)
    )


def _tail_cjk(label: str) -> str:
    """The run of Chinese characters that ends the label (the subject next to the figure)."""
    # read backwards from the end: only the last run matters, not every run of the label
    m = _CJK_TAIL.search(label.rstrip())
    return m.group(0) if m else ""


def _head_cjk(after: str) -> str:
    """The run of Chinese characters right after a figure's unit (at most 12)."""
    m = _CJK.match(after)
    return m.group(0)[:12] if m else ""


@functools.cache
def _strip_ends() -> tuple[frozenset[str], frozenset[str]]:
    """The first and the last characters of the strip words: a label that starts and ends
    with none of them has nothing to strip (most labels), and is returned at once."""
    words = _cues()["label"]["strip"]
    return frozenset(w[0] for w in words), frozenset(w[-1] for w in words)


def _strip(label: str) -> str:
    words = _cues()["label"]["strip"]
    firsts, lasts = _strip_ends()
    changed = True
    while changed and label and (label[0] in firsts or label[-1] in lasts):
        changed = False
        for w in words:
            if label.endswith(w) and len(label) > len(w):
                label, changed = label[: -len(w)], True
            if label.startswith(w) and len(label) > len(w):
                label, changed = label[len(w) :], True
    return label


def check(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Do the two statements allow one common true value?"""
    if claim.details["form"] == "conversion":
        return _check_conversion(claim, policy)
    (earlier,) = claim.parts
    later = claim.stated
    params = {"other": claim.details["other"], "other_line": claim.details["other_line"],
              "value": claim.details["other"]}
    for modes, verdict in ((policy.accepted, Verdict.CONSISTENT), (policy.tolerated, Verdict.CONDITIONAL)):
        for mode in modes:
            a, b = _allowed(earlier, mode), _allowed(later, mode)
            if a is None or b is None:
                return Outcome(Verdict.UNDECIDABLE, params=params)
            if _overlap(a, b):
                code = "C502" if verdict is Verdict.CONDITIONAL else None
                return Outcome(verdict, code=code, computed=a, mode=mode, params=params)
    return Outcome(Verdict.INCONSISTENT, code="C501", computed=_allowed(earlier, policy.accepted[0]),
                   params=params)


def _overlap(a: Interval, b: Interval) -> bool:
    """Do two readings share a true value? Rounding intervals are half-open, so two that
    only touch ("100%" and "101%" meet at 100.5%) do not."""
    if a.is_exact or b.is_exact:
        return a.intersects(b) if a.is_exact and b.is_exact else (
            (a.low < b.high and b.low <= a.low) if a.is_exact else (b.low < a.high and a.low <= b.low)
        )
    return a.low < b.high and b.low < a.high


def _allowed(q: Quantity, mode: RoundingMode) -> Interval | None:
    return figure_interval(q, mode)


def _check_conversion(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """The bracketed figure against the first times the factor. The first figure is read
    as rounded by an accepted rule; only the bracketed one may have been cut (a warning)."""
    (source,) = claim.parts
    factor = Fraction(claim.details["factor"])
    computed: Interval | None = None
    for mode in policy.accepted:
        iv = figure_interval(source, mode)
        if iv is None:
            return Outcome(Verdict.UNDECIDABLE)
        computed = iv * factor if computed is None else computed.hull(iv * factor)
    if computed is None:
        return Outcome(Verdict.UNDECIDABLE)
    params = {"other": source.text,
              "factor": f"1{source.unit} = {claim.details['factor']}{claim.stated.unit}",
              "value": _in_terms_of(claim.stated, computed)}
    for mode in policy.accepted:
        if stated_allows(claim.stated, computed, mode):
            return Outcome(Verdict.CONSISTENT, computed=computed, mode=mode, params=params)
    for mode in policy.tolerated:
        if stated_allows(claim.stated, computed, mode):
            return Outcome(Verdict.CONDITIONAL, code="C504", computed=computed, mode=mode,
                           params=params)
    return Outcome(Verdict.INCONSISTENT, code="C503", computed=computed, params=params)


def _in_terms_of(q: Quantity, iv: Interval) -> str:
    """``iv`` written in the scale and unit of ``q`` ("[94.95, 94.97]亿斤"), for messages."""
    scale = q.resolution * 10**q.decimals
    suffix = regex.sub(r"^[\d.,]+", "", q.text)
    return fmt_interval(Interval(iv.low / scale, iv.high / scale)) + suffix
