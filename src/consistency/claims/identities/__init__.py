"""Identities of official statistics: a figure a bulletin names (人口自然增长率, 性别比,
城镇化率, 收支差额, 贸易逆差…) against the formula that defines it over other figures the
text names.

The identities, their words and their formulas are data (``data/identities.toml``, read
by :mod:`.table`): a statistician adds one without code. What this module does:

* **the stated figure**: a figure right after a `result` word of an identity, with at
  most link words (为, 是, 达) between and brackets ignored (``性别比(以女性为100)为105.1``,
  ``城镇人口占总人口的比重(即城镇化率)为74.7%``); an earlier period's figure (``与2010年…
  性别比107.33相比``) is not checked against this period's terms;
* **its terms**: each term of the formula is the one figure, in the sentence or the few
  before it, whose label ends with one of the term's words (``出生率3.89‰``, ``其中,
  男2996人``); the binding is *named* by that label. A term stated twice alike, or not at
  all, leaves the claim undecided (C724), never an error;
* **ratio notations**: ``105.1``, ``105.1:100``, ``105.1∶100``, and ``100:111.7`` (the
  base first), whose reversed reading is tried before an error;
* **the check**: exact interval arithmetic over the figures as printed, then as the
  rounded values they are (each rate of a difference is rounded: a note, C722), then
  truncation (C723) and rounding in steps (C725); otherwise an error (C721). It lives
  in :mod:`.judging`; the table and its formulas in :mod:`.table`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from ...claim import Binding, Claim
from ...numerals import fold
from ...quantities import Quantity
from .._folded import folded
from .._match import Context, Sentence, family
from ..binding import named
from .judging import check
from .table import Expr, Identity, by_id, identities, words

__all__ = ["KIND", "check", "extract"]

KIND = "identity"

#: pinyin glosses ("增長(zhǎng)") and spaces: ignored in the words before a figure
_NOISE = re.compile(r"\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)|\s+")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_BRACKETS = re.compile(r"[()（）]")
_YEAR = re.compile(r"((?:19|20)\d\d)年")
#: how many characters before a figure its result word is looked for (brackets
#: included), and how many of them may hold it once brackets are taken out
_HEAD, _NEAR = 48, 24


def extract(ctx: Context) -> Iterator[Claim]:
    """Every identity claim of the text, in text order."""
    text = folded(ctx)
    any_result = _any_result()
    for sentence in ctx.with_figures():
        if any_result.search(text, sentence.start, sentence.end) is None:
            continue  # no result word in the sentence: no figure of it is stated by one
        for clause in sentence.clauses:
            for q in clause.quantities:
                found = _named_result(text, sentence, q)
                if found is None:
                    continue
                clause_text = text[clause.start : clause.end]
                if any(w in clause_text for w in words().earlier) or _older(
                    _YEAR.findall(clause_text), _years(ctx, sentence)
                ):
                    continue  # an earlier period's figure, compared with
                claim = _claim(ctx, text, sentence, q, found)
                if claim is not None:
                    yield claim


@functools.cache
def _any_result() -> re.Pattern[str]:
    """Any result word of the table (compiled once; the table is fixed once loaded)."""
    ws = sorted({w for i in identities() for w in i.result}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ws)))


def _link_only(rest: str) -> bool:
    """Is ``rest`` (between a name and its figure) only link words?"""
    for w in words().link:
        rest = rest.replace(w, "")
    return not rest.strip(",，")


def _named_result(text: str, sentence: Sentence, q: Quantity) -> Identity | None:
    """The identity whose result word names ``q`` (the longest word wins), if any."""
    raw = _NOISE.sub("", text[max(sentence.start, q.start - _HEAD) : q.start])
    best: tuple[int, Identity] | None = None
    for head in (_BRACKETED.sub("", raw), _BRACKETS.sub("", raw)):
        # only link words may follow the name: its end lies in the last few characters
        head = head[-_NEAR:]
        if _any_result().search(head) is None:
            continue
        for ident in identities():
            for w in ident.result:
                at = head.rfind(w)
                if at >= 0 and _link_only(head[at + len(w) :]):
                    if best is None or len(w) > best[0]:
                        best = (len(w), ident)
                    break
    return best[1] if best else None


def _window(
    ctx: Context, sentence: Sentence, q: Quantity, ident: Identity
) -> Iterator[tuple[Sentence, Quantity, str, str]]:
    """The figures naming a term of ``ident`` (with the term and the word) in the sentence
    and the ``reach`` sentences before it (same paragraph), no farther than
    :data:`_BEFORE` characters before ``q`` nor :data:`_AFTER` after it."""
    for s in ctx.window(sentence, ident.reach):
        starts, items = _terms_of(ctx, s, ident)
        lo = bisect.bisect_left(starts, q.start - _BEFORE)
        hi = bisect.bisect_left(starts, q.end + _AFTER)
        for other, term, word in items[lo:hi]:
            yield s, other, term, word


def _terms_of(
    ctx: Context, s: Sentence, ident: Identity
) -> tuple[list[int], list[tuple[Quantity, str, str]]]:
    """The figures of sentence ``s`` that name a term of ``ident``, with their start
    offsets: read once per sentence and identity (kept in the context's memo), so that the
    stated figures of a long sentence do not each read all its figures again."""
    memo = ctx.memo.setdefault(_TERMS, {})
    assert isinstance(memo, dict)
    key = (ident.id, s.index)
    hit = memo.get(key)
    if hit is None:
        items = []
        for other in s.quantities:
            if other.approx or other.unit in (None, ":"):
                continue
            named = _term_word(_label(ctx, other), ident)
            if named is not None:
                items.append((other, *named))
        hit = memo[key] = ([o.start for o, _, _ in items], items)
    return hit


#: how far around a stated figure its terms are looked for, and the memo key of the
#: figures naming terms, per sentence and identity
_BEFORE, _AFTER, _TERMS = 300, 150, "identity-terms"


def _older(named: list[str], years: frozenset[str]) -> bool:
    """Does a clause name a year older than another its sentence names (``2023年…为103.46,
    2010年普查…为107.33``)? Its figure is then an earlier period's."""
    return bool(named) and max(years) > min(named)


def _years(ctx: Context, sentence: Sentence) -> frozenset[str]:
    """The years a sentence names (``2023年``), read once per sentence (kept in the
    context's memo: a long sentence is not read again for each of its figures)."""
    memo = ctx.memo.setdefault(_YEARS, {})
    assert isinstance(memo, dict)
    years = memo.get(sentence.index)
    if years is None:
        years = memo[sentence.index] = frozenset(
            _YEAR.findall(folded(ctx), sentence.start, sentence.end)
        )
    return years


_YEARS = "identity-years"


def _label(ctx: Context, q: Quantity) -> str:
    """The words naming ``q``: its clause before it, read through brackets, folded as the
    table's words are. Read once per figure (kept in the context's memo: a figure lies in
    the windows of several stated figures)."""
    memo = ctx.memo.setdefault(_LABELS, {})
    assert isinstance(memo, dict)
    label = memo.get(q.start)
    if label is None:
        label = memo[q.start] = fold(_NOISE.sub("", ctx.label_across_brackets(q)))
    return label


_LABELS = "identity-labels"


def _term_word(label: str, ident: Identity) -> tuple[str, str] | None:
    """(term name, word) of the longest term word ``label`` ends with (link words
    allowed after); None when none does, or two terms' words fit equally."""
    return _term_word_of(label[-_NEAR:], ident.id)


@functools.lru_cache(maxsize=4096)
def _term_word_of(label: str, ident_id: str) -> tuple[str, str] | None:
    """See :func:`_term_word` (cached by the label's tail and the identity's id: the same
    labels recur through a report)."""
    ident = by_id()[ident_id]
    if any(w in label for w in ident.exclude):
        return None
    best: list[tuple[int, str, str]] = []
    for name, ws in ident.terms.items():
        for w in ws:
            at = label.rfind(w)
            if at >= 0 and _link_only(label[at + len(w) :]):
                best.append((len(w), name, w))
                break
    if not best:
        return None
    best.sort(reverse=True)
    if len(best) > 1 and best[0][0] == best[1][0] and best[0][1] != best[1][1]:
        return None
    return best[0][1], best[0][2]


def _claim(
    ctx: Context, text: str, sentence: Sentence, q: Quantity, ident: Identity
) -> Claim | None:
    """The claim that ``q`` is ``ident`` over the terms the text names, or None when the
    text names none of them."""
    found: dict[str, list[tuple[int, Quantity, str]]] = {}
    years = _years(ctx, sentence)
    for s, other, term, word in _window(ctx, sentence, q, ident):
        if other is q:
            continue
        if s.index != sentence.index and years and (other_years := _years(ctx, s)) and not years & other_years:
            continue  # a sentence of another year: "2020年城镇人口…。2023年城镇化率为…"
        found.setdefault(term, []).append((len(word), other, word))
    if not found:
        return None
    for expr in ident.formulas:
        bound = _bind(expr, found, q)
        if bound is not None:
            return _checked_claim(q, ident, expr, bound)
    expr = ident.formulas[0]
    shown = expr.written({t: t for t in expr.terms()})
    return Claim(
        KIND, q.start, q.end, q, (), f"{q.text} = {shown}",
        details={"identity": ident.id, "name": ident.name, "name_en": ident.en,
                 "formula": shown},
    )


def _bind(
    expr: Expr, found: dict[str, list[tuple[int, Quantity, str]]], stated: Quantity
) -> dict[str, tuple[Quantity, str]] | None:
    """Each term of ``expr`` bound to its one figure (the one named by the longest word),
    of a family that fits the formula; None when a term is missing or stated twice."""
    bound: dict[str, tuple[Quantity, str]] = {}
    for term in expr.terms():
        candidates = found.get(term, [])
        if not expr.divides:  # a sum or difference: terms in the stated figure's unit (元 is no 美元)
            candidates = [c for c in candidates if c[1].unit == stated.unit]
        if not candidates:
            return None
        top = max(n for n, _, _ in candidates)
        best = [(q, w) for n, q, w in candidates if n == top]
        if len({q.start for q, _ in best}) != 1:
            return None
        bound[term] = best[0]
    figures = [q for q, _ in bound.values()]
    if expr.divides and len({family(q) for q in figures}) != 1:
        return None  # a quotient of one family (people over households, 元 over 元)
    if expr.divides and family(figures[0]) == "money" and len({q.unit for q in figures}) != 1:
        return None  # 元 over 美元 is no ratio of like amounts
    return bound


def _checked_claim(
    q: Quantity, ident: Identity, expr: Expr, bound: dict[str, tuple[Quantity, str]]
) -> Claim:
    terms = expr.terms()
    parts = tuple(bound[t][0] for t in terms)
    shown = expr.written({t: bound[t][0].text for t in terms})
    bindings: tuple[Binding, ...] = tuple(
        named(t, bound[t][0], f"labelled {bound[t][1]}") for t in terms
    )
    figures = (q, *parts)
    return Claim(
        KIND,
        min(x.start for x in figures),
        max(x.end for x in figures),
        q,
        parts,
        f"{q.text} = {shown}",
        details={
            "identity": ident.id,
            "name": ident.name,
            "name_en": ident.en,
            "formula": shown,
            "form": str(ident.formulas.index(expr)),
        },
        bindings=bindings,
    )
