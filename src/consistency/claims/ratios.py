"""Ratio claims: a figure written as a ratio, checked against the two counts it compares.

What it reads (cue words in ``data/cues/ratios.toml``): a **general ratio** ``A与B之比为
x∶y`` (or ``N:100``): the terms A and B are read from the words before the cue, and the
counts are the figures labelled with them, in the same sentence or the two before it.
Ratios an identity of official statistics defines (性别比 = 男 ÷ 女 × 100) are read by
:mod:`.identities`, from its table.

When the counts are not both stated, or not uniquely, the claim is undecidable (``C704``),
never an error: ``行政复议与行政诉讼之比约为4.5∶1`` names no number of lawsuits.
An earlier period's ratio quoted for comparison (``与2010年…性别比107.33相比``) is not
checked against this period's counts. The check itself is the one change claims use:
printed figures first, then rounded inputs (a note, ``C702``), then truncation (``C703``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from fractions import Fraction

from ..claim import Binding, Claim
from ..intervals import Interval, RoundingMode, rounding_preimage
from ..quantities import Quantity
from ..verdicts import Outcome, RoundingPolicy, Verdict
from ._match import (
    Clause,
    Context,
    RoundedInput,
    Sentence,
    family,
    figure_interval,
    fmt_interval,
    load_cues,
)
from .binding import named
from .changes.arithmetic import decide

__all__ = ["KIND", "check", "extract"]

KIND = "ratio"

_CUES = load_cues("ratios")
_GENERAL = _CUES["general"]
_EARLIER = _CUES["earlier"]["words"]
_EARLIER_RE = re.compile("|".join(map(re.escape, _EARLIER)))
_YEAR = re.compile(r"(?:19|20)\d\d年")
#: the words "A与B之比" ends with, read backwards from the ratio figure
_JOINERS = "|".join(map(re.escape, _GENERAL["joiners"]))
_RATIO_CUES = "|".join(map(re.escape, _GENERAL["cue"]))
_HAN = r"[\u4e00-\u9fff]"
_TERMS = re.compile(
    rf"({_HAN}{{2,12}}?)(?:{_JOINERS})({_HAN}{{2,12}}?)(?:{_RATIO_CUES}){_HAN}{{0,3}}$"
)
_NOISE = re.compile(r"\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)|\s+")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
#: what may stand between a ratio's name and its figure ("为", "约为", "达到")
_LINK = re.compile(r"[为為是达達到约約:：]{0,4}$")


#: how far back from a ratio figure its name is looked for: far enough for a name with
#: glosses and an aside (性别比(以女性为100)为), near enough to keep long sentences linear
_HEAD_CHARS = 120


def extract(ctx: Context) -> Iterator[Claim]:
    """Every ratio claim of the text, in text order."""
    for sentence in ctx.with_figures():
        if not any(q.unit == ":" for q in sentence.quantities):
            continue  # a ratio is written with ":": most sentences hold none, nor their clauses
        for clause in sentence.clauses:
            # the cheap test again, clause by clause, before the clause's words are read
            candidates = [q for q in clause.quantities if q.unit == ":"]
            if not candidates:
                continue
            clause_text = ctx.clause_text(clause)
            if _EARLIER_RE.search(clause_text) or _YEAR.search(clause_text):
                continue
            for q in candidates:
                head = _head(ctx.text[max(sentence.start, q.start - _HEAD_CHARS) : q.start])
                claim = _general(ctx, sentence, q, head)
                if claim is not None:
                    yield claim


def _head(text: str) -> str:
    """The words before a figure with glosses, spaces and bracketed asides taken out
    (``性别比(以女性为100,…)为105.1`` → ``性别比为``)."""
    text = _NOISE.sub("", text)
    return _BRACKETED.sub("", text)


def _general(ctx: Context, sentence: Sentence, q: Quantity, head: str) -> Claim | None:
    """``A与B之比为x∶y`` against the figures labelled A and B nearby."""
    if q.unit != ":":
        return None
    m = _TERMS.search(head.rstrip("约為为是达達:："))
    if m is None:
        return None
    a, b = _strip_verbs(m.group(1)), m.group(2)
    first = _labelled(ctx, sentence, q, (a,))
    second = _labelled(ctx, sentence, q, (b,))
    return _claim(q, first, second, Fraction(1), a, b)


def _strip_verbs(term: str) -> str:
    """``首选行政复议`` → ``行政复议``: keep the last four characters of a long term, the
    part a label is likeliest to repeat."""
    return term[-4:] if len(term) > 4 else term


def _labelled(
    ctx: Context, sentence: Sentence, ratio: Quantity, words: tuple[str, ...]
) -> Quantity | None:
    """The one count in this sentence or the two before whose label holds one of ``words``
    (the longest word that finds any); None when there is none or more than one."""
    window = ctx.window(sentence, 2)
    nearby = _before(ctx, max(window[0].start, ratio.start - _COUNT_CHARS), ratio.start)
    for word in sorted(words, key=len, reverse=True):
        found = []
        for q, clause in nearby:
            if q.is_percent or q.unit in (None, ":"):
                continue
            if word in _NOISE.sub("", ctx.label_before(q, clause)):
                found.append(q)
        if len(found) == 1:
            return found[0]
        if found:
            return None  # several figures carry the word: which one is meant is unclear
    return None


#: how far before a ratio its counts are looked for: the sentence and the two before it,
#: but no further back than this, so that a sentence of thousands of ratios stays linear
_COUNT_CHARS = 400


def _before(ctx: Context, start: int, end: int) -> list[tuple[Quantity, Clause]]:
    """The figures starting in [start, end) with their clauses, found by bisection."""
    starts = ctx.memo.get("ratio-starts")
    if not isinstance(starts, list):
        starts = ctx.memo["ratio-starts"] = [q.start for q in ctx.quantities]
    out = []
    for q in ctx.quantities[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]:
        located = ctx.locate(q)
        if located is not None:
            s, ci = located
            out.append((q, s.clauses[ci]))
    return out


def _claim(
    stated: Quantity,
    a: Quantity | None,
    b: Quantity | None,
    per: Fraction,
    name_a: str,
    name_b: str,
) -> Claim:
    """The claim ``stated = a ÷ b × per``; without both counts (of one family) it has no parts."""
    ok = a is not None and b is not None and family(a) == family(b)
    bindings: tuple[Binding, ...] = ()
    if ok and a is not None and b is not None:
        parts: tuple[Quantity, ...] = (a, b)
        formula = f"{a.text} ÷ {b.text}" + (f" × {per}" if per != 1 else "")
        # each count is the one figure its label names (A与B之比 → the figure labelled A)
        bindings = (named("first", a, f"labelled {name_a}"), named("second", b, f"labelled {name_b}"))
    else:
        parts = ()
        formula = f"{name_a} ÷ {name_b}"
    figures = (stated, *parts)
    return Claim(
        kind=KIND,
        start=min(x.start for x in figures),
        end=max(x.end for x in figures),
        stated=stated,
        parts=parts,
        relation=f"{stated.text} = {formula}",
        details={"formula": formula, "per": str(per)},
        bindings=bindings,
    )


#: "1∶0.98", "3∶2": the two written terms of a ratio
_TERMS_WRITTEN = re.compile(r"^\D*?(\d+(?:\.\d+)?)\s*[:∶：]\s*(\d+(?:\.\d+)?)\s*$")
#: terms that only fix the scale a ratio is written on ("4.5∶1", "105:100"): exact
_NORMALISERS = ("1", "100", "1000")


def _written_terms(q: Quantity) -> tuple[str, str] | None:
    """The terms of ``q`` when its second term is rounded rather than a normaliser
    ("1∶0.98", "3∶2"); None for "4.5∶1" and "105:100", which read as one rounded figure."""
    m = _TERMS_WRITTEN.match(q.text)
    if m is None or m.group(2) in _NORMALISERS:
        return None
    return m.group(1), m.group(2)


def _term(written: str, mode: RoundingMode) -> Interval:
    """A written term: exact when it normalises, else what its rounding allows."""
    value = Fraction(written)
    if written in _NORMALISERS:
        return Interval.exact(value)
    places = len(written.partition(".")[2])
    return rounding_preimage(value, Fraction(1, 10**places), mode)


def _check_terms(claim: Claim, terms: tuple[str, str], policy: RoundingPolicy) -> Outcome:
    """``收案与结案之比为1∶0.98``: both written terms may be rounded, so the ratio they
    allow is the quotient of their two intervals; it must meet the counts' quotient."""
    a, b = (figure_interval(q) for q in claim.parts)
    params = {"value": ""}
    if a is None or b is None or b.low <= 0:
        return Outcome(Verdict.UNDECIDABLE, "C704", params=params)
    computed = a / b
    params = {"value": fmt_interval(computed)}
    for modes, verdict in ((policy.accepted, Verdict.CONSISTENT), (policy.tolerated, Verdict.CONDITIONAL)):
        for mode in modes:
            allowed = _term(terms[0], mode) / _term(terms[1], mode)
            if allowed.low <= computed.high and computed.low <= allowed.high:
                code = "C703" if verdict is Verdict.CONDITIONAL else None
                return Outcome(verdict, code, computed=computed, mode=mode, params=params)
    return Outcome(Verdict.INCONSISTENT, "C701", computed=computed, params=params)


def check(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """The counts' quotient (times the base the ratio is written on) against the ratio."""
    if len(claim.parts) != 2:
        return Outcome(Verdict.UNDECIDABLE, "C704", params={"value": ""})
    per = Fraction(claim.details["per"])
    terms = _written_terms(claim.stated)
    if terms is not None and per == 1:
        return _check_terms(claim, terms, policy)
    a, b = (RoundedInput(q) for q in claim.parts)

    def f(x: Interval, y: Interval) -> Interval:
        return x / y * per

    return decide(claim.stated, (a, b), f, policy, ("C701", "C702", "C703", "C704"), percent=False)
