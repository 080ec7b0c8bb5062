"""The words of change claims: the cue lists, and what a figure is given the words before it.

A figure right after a change verb or noun (``增长``, ``减少``, ``增幅``, ``压缩率``; cue lists
in ``data/cues/changes.toml``) is a change of the level before it: a rate (``%``, ``倍``),
a change in points (``个百分点``) or an absolute amount. :func:`as_change` reads that from
the words between the figure and the one before it, which :func:`words_before` gives with
pinyin glosses and spaces taken out (mirror sites inject ``增長(zhǎng)``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from fractions import Fraction

from ...quantities import Quantity
from .._match import Sentence, load_cues

__all__ = [
    "ANNUAL",
    "AVERAGES",
    "BASE_CLOSE",
    "BASE_NEAR",
    "BASE_OPEN",
    "CLAUSE_MARK",
    "CUES",
    "DATED",
    "EARLIER",
    "FROM",
    "GAP",
    "GAP_ALIASES",
    "GAP_CUE",
    "LIST_GAP",
    "POINT_UNITS",
    "RESPECTIVE_CUE",
    "RESULT_WORDS",
    "SKIP",
    "TO",
    "Change",
    "as_change",
    "ends_with",
    "may_change",
    "shared_unit",
    "unbracketed",
    "with_bare",
    "with_compared",
    "words_before",
]

CUES = load_cues("changes")
_UP, _DOWN = CUES["verbs"]["up"], CUES["verbs"]["down"]
_NOUN_UP, _NOUN_DOWN = CUES["nouns"]["up"], CUES["nouns"]["down"]
GAPS = CUES["gaps"]["words"]
FROM, TO = CUES["pair"]["from"], CUES["pair"]["to"]
BASE_OPEN, BASE_CLOSE = CUES["base"]["open"], CUES["base"]["close"]
BASE_NEAR = CUES["base"]["near"]
EARLIER = CUES["base"]["earlier"]
AVERAGES = CUES["averages"]["words"]
PERIOD = CUES["period"]["words"]
LINK = CUES["link"]["words"]
SKIP = CUES["skip"]
#: words making a rate an average annual (compound) rate over several years
ANNUAL = CUES["skip"]["annual"]

#: pinyin glosses that mirror sites inject ("增長(zhǎng)") and spaces: ignored between words
NOISE = re.compile(r"\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)|\s+")
CLAUSE_MARK = re.compile(r"[,，;；:：、]")
DATED = re.compile(r"(?:(?:19|20)\d\d年(?:底|末|初|度)?|[上本今去前]年(?:底|末|初|度)?)?的?$")
GAP = CUES["gap"]
GAP_ALIASES = CUES["gap_aliases"]
GAP_WORDS = "|".join(map(re.escape, (*GAP["up"], *GAP["down"])))
GAP_CUE = re.compile(rf"({GAP_WORDS})([^\d,，;；:：、]{{1,12}})$")
RESPECTIVE_CUE = re.compile(r"(?:分[别別]|各)[^,，;；。]{0,6}$")
LIST_GAP = re.compile(r"[、,，和及与與]|以及")
BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
#: digits and punctuation: what may remain between linked figures besides comparison words
NOT_WORDS = re.compile(r"[\d.,，;；:：、\s()（）]")
POINT_UNITS = ("百分点", "个百分点", "千分点", "个千分点")
#: the words that may stand between changes and the level they lead to ("增长15.6%,达到148件")
RESULT_WORDS = re.compile(
    "[,，]?(?:" + "|".join(map(re.escape, CUES["result"]["words"])) + ")"
)


@functools.lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """``text`` without pinyin glosses and spaces (cached: the same gaps are read again)."""
    return NOISE.sub("", text)


def ends_with(text: str, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` (in their order) that ``text`` ends with, if any."""
    first, lengths, last = _suffix_index(words)
    if text and text[-1] not in last and lengths[:1] != (0,):
        return None
    best: tuple[int, str] | None = None
    for n in lengths:
        if n > len(text):
            break
        tail = text[len(text) - n :]
        rank = first.get(tail)
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, tail)
    return best[1] if best else None


#: per word tuple (by identity; the tuple itself is kept so its id stays its own): each
#: word's first position and the distinct word lengths, ascending. A few dict lookups per
#: call instead of one ``endswith`` per word: this runs for every figure of a document.
_SUFFIXES: dict[int, tuple[tuple[str, ...], dict[str, int], tuple[int, ...], frozenset[str]]] = {}


def _suffix_index(words: tuple[str, ...]) -> tuple[dict[str, int], tuple[int, ...], frozenset[str]]:
    hit = _SUFFIXES.get(id(words))
    if hit is None or hit[0] is not words:
        first: dict[str, int] = {}
        for i, w in enumerate(words):
            first.setdefault(w, i)
        lengths = tuple(sorted({len(w) for w in words}))
        last = frozenset(w[-1] for w in words if w)
        hit = _SUFFIXES[id(words)] = (words, first, lengths, last)
    return hit[1], hit[2], hit[3]


def shared_unit(qs: list[Quantity]) -> list[Quantity]:
    """``4125.49,4143.91万元``: bare numbers listed before a figure with a unit share its
    unit and scale; the list is returned with them read that way (or as it is)."""
    last = qs[-1]
    written = re.match(r"[\d.]+", last.text.lstrip("约近"))
    if last.unit is None or written is None or not all(q.unit is None for q in qs[:-1]):
        return qs
    if not Fraction(written.group(0)):
        return qs  # "0万元": no scale can be read from a zero
    scale = last.value / Fraction(written.group(0))
    out = [
        replace(
            q,
            value=q.value * scale,
            low=None if q.low is None else q.low * scale,
            high=None if q.high is None else q.high * scale,
            resolution=q.resolution * scale,
            unit=last.unit,
        )
        for q in qs[:-1]
    ]
    return [*out, last]


_BARE = re.compile(r"(?<![\d.])(\d+\.\d+)[,，、]$")


def with_bare(text: str, qs: list[Quantity]) -> list[Quantity]:
    """``各是4125.49,4143.91万元``: the scanner leaves a bare decimal before a comma and a
    figure alone (it might be a digit group); in a list whose next figure is a decimal too
    it is a figure of the list, and is put back (unit and scale come from
    :func:`shared_unit`)."""
    out: list[Quantity] = []
    for k, q in enumerate(qs):
        lo = qs[k - 1].end if k else max(0, q.start - 24)
        m = _BARE.search(text, lo, q.start)
        if m and "." in q.text and m.end() == q.start:
            v = Fraction(m.group(1))
            places = len(m.group(1).split(".")[1])
            out.append(
                Quantity(
                    m.start(1),
                    m.end(1),
                    m.group(1),
                    v,
                    v,
                    v,
                    False,
                    places,
                    Fraction(1, 10**places),
                    None,
                    None,
                )
            )
        out.append(q)
    return out


def unbracketed(sentence: Sentence) -> list[Quantity]:
    """The figures of a sentence outside brackets (bracketed ones restate or qualify)."""
    return [q for c in sentence.clauses if c.depth == 0 for q in c.quantities]


def with_compared(text: str, sentence: Sentence) -> list[Quantity]:
    """:func:`unbracketed`, and a figure alone in brackets right after a comparison with
    an earlier period (``较去年同期(750.2亿元)减少83.5亿元``): that bracket names the earlier
    figure, it does not restate one."""
    out: list[Quantity] = []
    for c in sentence.clauses:
        if c.depth == 0:
            out.extend(c.quantities)
        elif (
            len(c.quantities) == 1
            and c.opener in "(（"
            # the bracket holds the figure and nothing else
            and not clean(text[c.start : c.quantities[0].start] + text[c.quantities[0].end : c.end])
            and _COMPARED_OPEN.search(clean(text[max(sentence.start, c.start - 12) : c.start - 1]))
        ):
            out.append(c.quantities[0])
    return out


#: a comparison with an earlier period just before a bracket: "较去年同期(", "比上年("
_COMPARED_OPEN = re.compile(
    "(?:" + "|".join(map(re.escape, CUES["base"]["near"])) + ")"
    + "(?:" + "|".join(map(re.escape, CUES["base"]["earlier"])) + ")+$"
)


def words_before(text: str, start: int, qs: list[Quantity], k: int) -> str:
    """The words between ``qs[k]`` and the figure before it (or the sentence ``start``)."""
    return clean(text[qs[k - 1].end if k else start : qs[k].start])


# ---------------------------------------------------------------- reading a sentence


@dataclass(frozen=True, slots=True)
class Change:
    """A figure written as a change: its sign, what it measures, and the cue before it."""

    q: Quantity
    sign: int
    kind: str  # "rate" (% or 倍), "points" (百分点) or "amount" (in the level's unit)
    cue: str
    compared: bool = False  # an earlier period named before it: 同比, 环比, 比上年, 与上月相比
    linked: bool = True  # nothing but comparison words since the figure before it
    #: an average annual (compound) rate over several years: 年均增长, 年平均增长率
    annual: bool = False


#: the skip and period word lists as single patterns: tested for every figure
_NOT_CHANGE = re.compile("|".join(map(re.escape, SKIP["not_change"])))
_PERIOD_RE = re.compile("|".join(map(re.escape, PERIOD)))


def as_change(prefix: str, q: Quantity) -> Change | None:
    """``q`` as a change, if the words right before it make it one."""
    if q.approx or q.text.endswith("‰"):
        return None  # a rate in ‰ is a level ("出生率5.4‰"); its changes are in 千分点
    read = _read_prefix(prefix)
    if read is None:
        return None
    kind = "rate" if q.unit in ("%", "倍") else "points" if q.unit in POINT_UNITS else "amount"
    sign, cue, compared, is_linked, annual = read
    if annual and kind != "rate":
        return None  # 年均增加5万人: an average of yearly amounts, not a change of the level
    return Change(q, sign, kind, cue, compared, is_linked, annual)


@functools.lru_cache(maxsize=8192)
def _read_prefix(prefix: str) -> tuple[int, str, bool, bool, bool] | None:
    """What the words before a figure make of it, whatever the figure: its sign, the cue,
    whether an earlier period is named, whether it is linked to the figure before, and
    whether it is an average annual rate (``年均增长``).
    Cached by the words: the same gap is read for a figure by several readings (groups,
    ``分别`` runs, point gaps), and most gaps are no change at all."""
    if not prefix or prefix[-1] not in _LAST_CHARS:
        return None  # the cheapest test first: no cue (nor gap word) ends the words
    if _NOT_CHANGE.search(prefix, max(0, len(prefix) - 8)):
        return None
    bare = prefix
    for _ in range(2):  # "增幅达到了" : strip up to two gap words
        gap = ends_with(bare, GAPS)
        if gap:
            bare = bare[: -len(gap)]
    noun = ends_with(bare, _NOUN_UP) or ends_with(bare, _NOUN_DOWN)
    compared = bool(_PERIOD_RE.search(prefix))
    if noun:
        head = bare[: -len(noun)]
        sign, cue = (1 if noun in _NOUN_UP else -1), noun
    else:
        verb_text = prefix.removesuffix("了")
        verb = ends_with(verb_text, _UP) or ends_with(verb_text, _DOWN)
        if verb is None:
            return None
        head = verb_text[: -len(verb)]
        if head.endswith("新"):
            return None  # 新增 is a level
        sign, cue = (1 if verb in _UP else -1), verb
    annual = ends_with(head, ANNUAL)
    if annual:
        # 年均增长: an average annual rate, checked only over a dated before/after pair
        return (sign, cue, compared, linked(head[: -len(annual)]), True)
    if ends_with(head, SKIP["period"]):
        return None  # 月均增长, 平均增长: not a change over one period
    return (sign, cue, compared, linked(head), False)


#: the last characters a change can be read from: a cue's, a gap word's, or "了"
_LAST_CHARS = frozenset(
    w[-1] for w in (*_UP, *_DOWN, *_NOUN_UP, *_NOUN_DOWN, *GAPS, "了") if w
)
_ANY_LAST_CHAR = re.compile("[" + "".join(map(re.escape, sorted(_LAST_CHARS))) + "]")


def may_change(text: str, start: int, end: int) -> bool:
    """Can any figure in ``text[start:end]`` be read as a change? Not when none of the
    characters a cue (or gap word) ends with occurs there: the words before a figure are
    a part of that span with characters only taken out, so one search decides."""
    return _ANY_LAST_CHAR.search(text, start, end) is not None


def linked(head: str) -> bool:
    """Are the words before a change only comparison words (``,比上年``), so that the change
    belongs to the figure before them?"""
    rest = BRACKETED.sub("", head)
    for word in LINK:
        rest = rest.replace(word, "")
    return not NOT_WORDS.sub("", rest)
