"""Restated figures: one measure stated twice in a document must have one value.

A figure is paired with an earlier one only when the text names their identity: both are
stated with the same subject words (``市本级政务服务事项共1150项`` … ``市本级1150个政务服务
事项``), in the same unit family, and neither subject is a change, a part or a comparison
(cue words in ``data/cues/restatements.toml``); and their scopes agree
(:mod:`~consistency.claims.binding.scope`: the period, level, phase, type of action and
result-or-target each is stated under, read from its clause, paragraph and headings).
Figures that merely share a value (``“最多跑一趟”342项`` and ``入驻…APP事项达342项``) are
different measures and never paired; so are figures under different scopes (``城镇新增就业
22.89万人`` in the year's review, ``124.27万人`` under ``这五年``, ``21万人`` under ``2026年
工作安排``). Figures with a short or generic subject are left alone.

Each claim records its bindings: named when the labels and the scopes match fully;
positional when one statement leaves its scope unsaid where the other names it, or its
label runs on before a bracket; a failure under a positional pairing is only the note C905.
A figure restated in brackets right after it, in another unit or the same, is checked too
(:mod:`._conversions`).

The check: some true value is allowed by both printed figures (``7.5%`` and ``7.52%``
agree); if only truncation reconciles them, a warning.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..claim import Binding, Claim, Evidence
from ..intervals import Interval, RoundingMode
from ..quantities import Quantity
from ..verdicts import Outcome, RoundingPolicy, Verdict
from ._conversions import check_conversion, conversions
from ._folded import folded
from ._match import Context, Sentence, family, figure_interval, words_pattern
from ._subjects import CJK, cues, eligible, subjects
from .binding import Alternative, first_reproducing
from .binding.measures import target_words
from .binding.scope import Scope, figure_scope, headings, relate

__all__ = ["KIND", "check", "extract"]

KIND = "restatement"

_BREAK = re.compile(r"\n")
_START = operator.attrgetter("start")
#: how many earlier statements of one subject a figure is compared with (the latest)
_KEEP = 8
#: how many figures stated just before a restatement are tried as an adjustment (the last)
_ADJUSTMENTS = 12


@dataclass(slots=True)
class _Mention:
    """One figure with the subject it is stated under, and where its scope is read."""

    quantity: Quantity
    subjects: frozenset[str]
    exact_subject: str | None
    #: its sentence (kept by the segmentation anyway: it holds figures) and clause, which
    #: its scope is read from only when it is compared (:func:`_scope`)
    sentence: Sentence
    clause: int
    line: int
    #: why the label is not whole, if it is not: it runs on before a bracket ("市(州)热线
    #: 受理…") or points back to a subject named before it ("当年收支结余")
    partial: str = ""
    #: the nearest heading above it: its level and number (1, "二")
    section: tuple[int, str] | None = None
    #: that heading's topic, generic words taken out ("（一）民事法律援助" → "民事法律援助")
    topic: str = ""
    #: its scope, once read
    scope: Scope | None = None


def extract(ctx: Context) -> Iterator[Claim]:
    """Figures restated in brackets right after them, and pairs of figures stated under
    the same subject, unit family and scope."""
    yield from _conversions(ctx)
    yield from _restated(ctx)


def _conversions(ctx: Context) -> Iterator[Claim]:
    """The figures restated in brackets. The offsets of the line breaks, which number
    their lines, live only while these are read: one int object a line would otherwise
    be held through the pairing of restated figures, when the document's claims peak."""
    breaks = [m.start() for m in _BREAK.finditer(ctx.text)]
    yield from conversions(ctx, lambda at: bisect.bisect_left(breaks, at) + 1)


def _restated(ctx: Context) -> Iterator[Claim]:
    view = folded(ctx)
    seen: dict[tuple[str, str], list[_Mention]] = {}
    strings: dict[str, str] = {}
    # the figures are found by their starts through a key, not a list of the starts:
    # that list would be held, beside the claims, through the whole pairing
    figures = ctx.quantities
    for m in _all_mentions(ctx, view):
        fam = family(m.quantity) or ""
        found = _earlier(ctx, m, fam, seen)
        if found is not None:
            earlier = found[0].quantity
            # figures of the unit stated between the two, in the later statement's sentence
            # or the one before it: an adjustment there may explain a gap
            near = ctx.window(m.sentence, before=1)[0].start
            lo = bisect.bisect_right(figures, max(earlier.start, near - 1), key=_START)
            hi = bisect.bisect_left(figures, m.quantity.start, lo, key=_START)
            between = tuple(
                q for q in figures[max(lo, hi - _ADJUSTMENTS) : hi]
                if q.unit == m.quantity.unit and eligible(q)
            )
            yield _claim(ctx, *found, m, between, strings)
        for subject in m.subjects:
            kept = seen.setdefault((subject, fam), [])
            kept.append(m)
            if len(kept) > _KEEP:
                del kept[0]


def _scope(ctx: Context, m: _Mention) -> Scope:
    """The scope of ``m``, read when a comparison first needs it: most figures share no
    subject with another, so their scopes would be read for nothing."""
    if m.scope is None:
        m.scope = figure_scope(ctx, m.sentence, m.clause, m.quantity.start)
    return m.scope


def _earlier(
    ctx: Context, m: _Mention, fam: str, seen: dict[tuple[str, str], list[_Mention]]
) -> tuple[_Mention, str, Evidence] | None:
    """The earlier statement ``m`` restates, with the subject they share and how surely:
    the latest one whose scope is the same, else the latest one whose scope may be."""
    guess: tuple[_Mention, str, Evidence] | None = None
    for subject in sorted(m.subjects, key=len, reverse=True):
        for earlier in reversed(seen.get((subject, fam), ())):
            if (
                earlier.sentence.index == m.sentence.index
                or subject not in (earlier.exact_subject, m.exact_subject)
                or _sibling_sections(earlier, m)
                or not _topics_fit(earlier, m, subject)
            ):
                continue
            evidence = relate(_scope(ctx, earlier), _scope(ctx, m))
            if evidence is None:
                continue  # different scopes: different measures
            if evidence is Evidence.NAMED and not (earlier.partial or m.partial):
                return earlier, subject, evidence
            guess = guess or (earlier, subject, Evidence.POSITION)
        if guess is not None:
            return guess
    return guess


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
    # a shared ending of three characters or more: "受理" alone is no kind ("（一）诉求受理")
    return any(topic[k:] in subject for k in range(1, len(topic) - 2))


def _sibling_sections(a: _Mention, b: _Mention) -> bool:
    """Are ``a`` and ``b`` under two headings of one level ("（一）刑事审判…" and "（二）民商事
    审判…")? Parallel sections speak of parallel subjects, so one label there ("全年共审结
    各类案件") names two measures; a summary and its detail sit at different levels.
    A section whose heading names no topic of its own ("一、总体情况", "二、基本情况") is a
    summary of the others, not one of them: its figures are the ones the detailed
    sections state again."""
    return (
        a.section is not None
        and b.section is not None
        and a.section[0] == b.section[0]
        and a.section[1] != b.section[1]
        and bool(a.topic)
        and bool(b.topic)
    )


def _all_mentions(ctx: Context, view: str) -> Iterator[_Mention]:
    """Every mention in text order. Each sentence's line is counted walking forward, so
    the work stays linear in the document's length."""
    line, counted_to = 1, 0
    heads = headings(view)
    upcoming = next(heads, None)
    section: tuple[int, str] | None = None
    topic = ""
    #: where the number of the heading in force ends, while its topic is still unread:
    #: most headings are followed by another before any mention, so it is read on demand
    unread = -1
    plans = _targets()
    for sentence in ctx.with_figures():  # headings are caught up with at the next one
        while upcoming is not None and upcoming.start <= sentence.start:
            section, unread = (upcoming.level, upcoming.ordinal), upcoming.end
            upcoming = next(heads, None)
        if not any(eligible(q) for q in sentence.quantities):
            continue
        if plans.search(view, sentence.start, sentence.end):
            continue  # "力争…达到1200件": a plan, not the measure stated elsewhere
        line += ctx.text.count("\n", counted_to, sentence.start)
        counted_to = sentence.start
        for q, words, exact, partial, clause in subjects(ctx, view, sentence):
            if unread >= 0:
                topic, unread = _topic(view, unread), -1
            yield _Mention(q, words, exact, sentence, clause, line, partial, section, topic)


@functools.cache
def _targets() -> re.Pattern[str]:
    """The words of a plan or target (``data/measures.toml [scope].targets``), as one pattern."""
    return words_pattern(target_words())


def _topic(view: str, start: int) -> str:
    """The words of a heading whose number ends at ``start`` (up to its full stop or line
    end, at most 20 characters), generic words ("工作", "情况") taken out."""
    head = _HEAD_WORDS.match(view, start)
    words = "".join(CJK.findall(head.group(0) if head else ""))
    for w in cues()["heading"]["generic"]:
        words = words.replace(w, "")
    return words


_HEAD_WORDS = re.compile(r"[^。\n]{0,20}")


def _claim(
    ctx: Context, earlier: _Mention, subject: str, evidence: Evidence, later: _Mention,
    between: tuple[Quantity, ...], strings: dict[str, str],
) -> Claim:
    """The claim that ``later`` restates ``earlier``. Its strings are taken from
    ``strings``, one object for each text, since claims are kept for the whole report and
    a measure restated often gives the same label, scope, figures and line again."""
    a, b = earlier.quantity, later.quantity
    one = strings.setdefault
    if evidence is Evidence.NAMED:
        how = f"same label “{subject}”, same scope ({_scope(ctx, later).described()})"
    elif earlier.partial or later.partial:
        how = f"same label “{subject}”, but {earlier.partial or later.partial}"
    else:
        how = (f"same label “{subject}”; scope {_scope(ctx, earlier).described()} at line "
               f"{earlier.line}, {_scope(ctx, later).described()} here")
    how = one(how, how)
    relation = f"{subject}: {b.text} = {a.text}"
    line = str(earlier.line)
    # the claim spans both statements, so that either figure is inside it
    return Claim(
        kind=KIND,
        start=a.start,
        end=b.end,
        stated=b,
        parts=(a, *between),
        relation=one(relation, relation),
        details={"form": "restated", "subject": subject, "other": a.text, "other_line": one(line, line)},
        bindings=(Binding("first", a, evidence, how), Binding("restated", b, evidence, how)),
    )


def check(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Do the two statements allow one common true value?"""
    if claim.details["form"] == "conversion":
        return check_conversion(claim, policy)
    earlier, *between = claim.parts
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
    adjusted = first_reproducing(later, _adjustments(earlier, between), policy)
    if adjusted is not None:  # "…解决历史陈欠613亿元。全国财政收入为38730.62亿元": adjusted
        reading, judged = adjusted
        return Outcome(Verdict.CONSISTENT, computed=judged.computed, mode=judged.mode,
                       params={**params, "reading": reading.label})
    return Outcome(Verdict.INCONSISTENT, code="C501", computed=_allowed(earlier, policy.accepted[0]),
                   params=params)


def _adjustments(earlier: Quantity, between: list[Quantity]) -> Iterator[Alternative]:
    """The first statement adjusted by a figure of its unit stated between the two (the
    nearest first): a second statement that differs by exactly such a figure states the
    measure after that adjustment, not the same measure again."""
    for q in reversed(between):
        for sign, word in ((1, "+"), (-1, "−")):
            yield Alternative(
                f"{earlier.text} {word} {q.text}",
                functools.partial(_adjusted, earlier, q, sign),
            )


def _adjusted(earlier: Quantity, q: Quantity, sign: int, mode: RoundingMode) -> Interval | None:
    a, d = figure_interval(earlier, mode), figure_interval(q, mode)
    if a is None or d is None:
        return None
    return a + d if sign > 0 else a - d


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

