"""Quantities: every number in a text, with its place, exact value, bounds, precision and unit.

``scan(text)`` (exported as ``consistency.parse_quantities``) returns them in order.
It returns nothing for a span it cannot parse cleanly: a wrong number is worse than a miss.

How it reads: the text is folded (Traditional and full-width forms to plain ones, one
character for one, so offsets hold) and pinyin glosses are cut out (spans are mapped
back); then one compiled pattern (consistency.scan_pattern, built from the data files)
walks it once. Each match is either something to skip whole — a date, a document
number, a quoted label, a word such as 统一 — or a candidate quantity, which a few cheap
checks of its neighbours (第 before it, 月 or 、 after it) may still reject.
"""

from __future__ import annotations

import functools
import re
import sys
from collections import namedtuple
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import TYPE_CHECKING

from .numerals import LEXICON, Numeral, Squeezed, fold, parse_numeral, squeeze_glosses
from .scan_pattern import compile_patterns

if TYPE_CHECKING:
    import pint

__all__ = ["Quantity", "scan"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure as the author wrote it.

    ``text == source[start:end]``; the surface includes qualifiers (``约``, ``余``, ``以上``)
    and the unit or classifier.

    ``value`` is the nominal number, scaled (``1.27亿元`` → 127000000) and, for
    percentages, as a fraction of 1 (``90.95%`` → 0.9095).

    ``low`` / ``high`` are exact bounds implied by the qualifier: a plain figure has
    ``low == high == value``; ``200余件`` has [200, 300]; ``以上`` leaves ``high`` None;
    ``近`` leaves ``low`` None; ``约`` sets ``approx`` and leaves both None.

    ``decimals`` is the number of digits written after the decimal point (in the written
    scale: ``90.95%`` → 2, ``5040.78万元`` → 2); ``resolution`` is one step of the last
    written digit in the scale of ``value`` (``90.95%`` → 1/10000, ``5040.78万元`` → 100,
    ``633人`` → 1, ``两万三千`` → 1000). A fraction is one step of its numerator over its
    denominator (``三分之二`` → 1/3, ``百分之九十五`` → 1/100); it is never 0.

    ``unit`` is the unit or classifier as a string (``件``, ``人次``, ``个工作日``, ``元``,
    ``元/年``, ``平方米``, ``%``, ``百分点``, ``倍``, ``:``), or None when none is written.
    Traditional forms are given in simplified form (``個`` → ``个``).
    """

    start: int
    end: int
    text: str
    value: Fraction
    low: Fraction | None
    high: Fraction | None
    approx: bool = False
    decimals: int = 0
    resolution: Fraction = Fraction(1)
    unit: str | None = None
    qualifier: str | None = None

    @property
    def is_percent(self) -> bool:
        """A share written as a percentage, per mille, 成 or fraction (value is of 1)."""
        return self.unit == "%"

    @property
    def is_exact(self) -> bool:
        """Written with no qualifier: the author claims this very value (up to rounding)."""
        # the scanner gives a plain figure one Fraction for all three: the identity test
        # answers most calls (thousands a check) without comparing fractions
        low, value, high = self.low, self.value, self.high
        return not self.approx and (low is value is high or low == value == high)

    @property
    def pint_unit(self) -> pint.Unit | None:
        """The unit as a :class:`pint.Unit` of the library's one registry, or None."""
        from .units import pint_unit

        return pint_unit(self.unit)


PATTERN, BEFORE, AFTER, SESSION, LIST_MARK, LABEL = compile_patterns()


#: The groups of one match of ``PATTERN`` by name, in the pattern's order (None when a
#: group did not take part; see :mod:`consistency.scan_pattern`), named from the pattern
#: itself. Read from ``Match.groups()`` in one call: a ``groupdict()`` costs a dict per
#: candidate, twice the time.
Groups = namedtuple("Groups", sorted(PATTERN.groupindex, key=PATTERN.groupindex.__getitem__))
_BODY = PATTERN.groupindex["body"]
_RANGE = frozenset("至到~时点分")  # 分: the seconds of 30分15秒
_YEAR = re.compile(r"(?:19|20)[0-9]{2}(\.[0-9]+)?$")
_DIGITISH = re.compile(rf"[0-9%{''.join(LEXICON.digits)}十百千万亿]")
_POINTS = frozenset({"百分点", "千分点"})
_PER_CENT, _PER_MILLE = Fraction(1, 100), Fraction(1, 1000)
_LIST_JOINERS = frozenset({"、", "和", "及", ",", "，"})
_CJK = re.compile(r"[\u3400-\u9fff]")
# digits that are no figure written alone (伍 of 队伍组)
_NOT_ALONE = frozenset(LEXICON.digits.keys() - LEXICON.lone_digits)
# characters around a bare figure that mark anti-scraping noise, not prose or a table
_NOISE = frozenset("`'{}$&!^\\~@#")


def scan(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order of position."""
    squeezed = squeeze_glosses(fold(text))
    folded = squeezed.text
    out: list[Quantity] = []
    for m in PATTERN.finditer(folded):
        if m.lastgroup != "skip":  # the skip group, when it matched, is the last to close
            q = _read(m, text, squeezed)
            if q is not None:
                out.append(q)
    return _share_points(out, text)


def _share_points(found: list[Quantity], text: str) -> list[Quantity]:
    """高于全国、全省1.2个、0.5个百分点: the first 个 is a 百分点 too, written once for both."""
    for i in range(len(found) - 2, -1, -1):
        q, after = found[i], found[i + 1]
        if q.unit == "个" and after.unit in _POINTS and text[q.end : after.start] in _LIST_JOINERS:
            found[i] = replace(q, unit=after.unit)
    return found


def _read(m: re.Match[str], text: str, squeezed: Squeezed) -> Quantity | None:
    folded = squeezed.text
    start, end = m.span()
    if start and BEFORE.search(folded, max(0, start - 6), start):
        return None  # 第三批, 邮编:016000, 〔2020〕
    if start > 1 and folded[start - 1] in _RANGE and _DIGITISH.match(folded, start - 2):
        return None  # 3至6岁, 16时30分: the far end of a range, the minutes of a time
    # every group at once: reading a tuple's field is cheaper than a Match lookup by name
    g = Groups._make(m.groups())
    ra, sa, fa, td = g.ra, g.sa, g.fa, g.td
    unit: str | None
    if ra is not None:
        reading = _ratio(ra, g.rb)
        unit = ":"
    elif sa is not None:
        a, b = int(sa), int(g.sb or 0)
        reading = Numeral(Fraction(a, b), 0, Fraction(1, b)) if b else None
        unit = "%"
    elif fa is not None:
        reading = _fraction(fa, g.fb)
        unit = "%"
    elif td is not None:
        reading = _tenths(td, g.tk, g.tm is not None)
        unit = "%"
    else:
        reading, unit = _plain(g, folded, start, end, m.end(_BODY))
    if end < len(folded) and folded[end] in LEXICON.inexact:
        if reading is None or reading.inexact_step is not None:
            return None
        if unit not in LEXICON.inexact_after_units:
            return None  # 3个多月: the 多 after the unit makes 3 a lower bound of something else
        reading = replace(reading, inexact_step=_last_nonzero_step(reading))  # 1.5倍多
        end += 1
    if reading is None or LABEL.match(folded, end):
        return None  # 5‰人口变动抽样调查 names the survey
    if unit in LEXICON.label_units and g.post:
        return None  # 60岁及以上人口 names a group
    if squeezed.cuts:  # without a gloss cut out, offsets in the folded text are the text's
        start, end = squeezed.start(start), squeezed.end(end)
    return _build(reading, unit, g, start, end, text)


def _plain(
    g: Groups, folded: str, start: int, end: int, body_end: int
) -> tuple[Numeral | None, str | None]:
    body = g.body or ""
    if SESSION.match(folded, body_end):
        return None, None  # 八届二次会议, 十九届二中全会
    if body[:1] == "0" and body[1:2].isdigit():
        return None, None  # 077人 is the tail of 12，077人, or a code: no count starts with 0
    reading = parse_numeral(body)
    if reading is None or (len(body) == 1 and body in _NOT_ALONE):
        return None, None  # 队伍组 holds no 伍组
    if g.pct is not None:
        return _share(body, g.pct), "%"
    unit = g.unit
    if (
        unit is not None
        and unit in _ORDINAL_WORDS
        and not body[0].isdigit()
        and _category_name(folded, start, end, unit)
    ):
        return None, None  # 其中一类占80%, 二类占20%: category names, not counts
    if unit is not None:
        per = g.per
        # one string per unit, not one per figure: a report names a few dozen units
        # over thousands of figures, and each unit cut from the match cost some 80 bytes,
        # two thirds of its Quantity
        return reading, sys.intern(f"{unit}/{per}" if per else unit)
    # no unit written: the figure must stand on its own
    if AFTER.match(folded, end):
        return None, None  # 6月, 2020年, 12345热线
    if LIST_MARK.match(folded, end) and (body.isdigit() or len(body) == 1):
        return None, None  # 二、 1. 三是
    if folded[end : end + 1] in (",", "，") and folded[end + 1 : end + 2].isdigit():
        return None, None  # 12，077: a separator or a list comma, no way to tell
    if not g.pre and not g.post and reading.inexact_step is None:
        if len(body) == 1 and not body.isdigit():
            return None, None  # a lone 一 or 三 is a word, not a figure
        if body.isdigit() and _code_like(body):
            return None, None
        year = _YEAR.match(body)
        if year and (year.group(1) or _cjk_beside(folded, start, end)):
            return None, None  # 2024.06 is a month; 展望2018, a year
        if body[-2:] == ".0" and len(body) == 3 and _cjk_at(folded, end):
            return None, None  # 数字政府2.0建设: a version label
        if not body[0].isdigit() and _cjk_at(folded, end):
            return None, None  # 十四运会, 十八大: a Chinese numeral inside a name
        if body[0].isdigit() and _noisy(folded, start, end):
            return None, None
    return reading, None


_ORDINAL_WORDS = frozenset(fold(w) for w in LEXICON.ordinal_words)
_ORDINAL_CUES = tuple(fold(w) for w in LEXICON.ordinal_cues)
_SENTENCE_MARKS = re.compile(r"[。！？!?;；\n]")
_CN_NUMERAL = f"[{''.join(LEXICON.digits)}十]+"


def _category_name(folded: str, start: int, end: int, word: str) -> bool:
    """Does the Chinese numeral before ``word`` (一类, 二档) name a category? When a share
    cue or a figure follows at once ("一类占80%", "二类12件"), or the same word follows
    another numeral in the sentence ("一类…二类…"). Only a bounded stretch is read."""
    after = folded[end : end + 2]
    if after[:1].isdigit() or after.startswith(_ORDINAL_CUES):
        return True
    lo, hi = max(0, start - 80), min(len(folded), end + 80)
    for mark in _SENTENCE_MARKS.finditer(folded, lo, start):
        lo = mark.end()
    stop = _SENTENCE_MARKS.search(folded, end, hi)
    hi = stop.start() if stop else hi
    own = folded[start:end]
    for m in re.finditer(_CN_NUMERAL + re.escape(word), folded[lo:hi]):
        if m.group() != own:
            return True
    return False


def _cjk_at(folded: str, i: int) -> bool:
    """Is the character at ``i`` a Chinese character?"""
    return bool(_CJK.match(folded, i))


def _cjk_beside(folded: str, start: int, end: int) -> bool:
    """Is the character before ``start`` or at ``end`` a Chinese character?"""
    return bool(
        (start and _CJK.match(folded, start - 1)) or (end < len(folded) and _CJK.match(folded, end))
    )


def _noisy(folded: str, start: int, end: int) -> bool:
    """Is the figure wedged between stray Latin letters or symbols (``F 7 T'``)?"""
    before = folded[max(0, start - 2) : start].strip()[-1:]
    after = folded[end : end + 2].strip()[:1]
    return any(c and (c in _NOISE or c.isascii() and c.isalpha()) for c in (before, after))


def _code_like(digits: str) -> bool:
    """A bare figure that is an identifier: leading zero, long digit run, hotline."""
    return (
        (len(digits) > 1 and digits[0] == "0")
        or len(digits) >= 7
        or digits in LEXICON.service_numbers
    )


def _last_nonzero_step(n: Numeral) -> Fraction:
    """One step of the last non-zero digit written: 1.5 → 1/10, 10 → 10, 一 → 1."""
    step = n.resolution
    while n.value and (n.value / (step * 10)).denominator == 1:
        step *= 10
    return step


@functools.lru_cache(maxsize=4096)
def _share(body: str, mark: str) -> Numeral | None:
    """The share written as ``body`` then ``%`` or ``‰``, as a fraction of 1.

    Cached like :func:`parse_numeral`: a report repeats its rates, and a Numeral is immutable.
    """
    reading = parse_numeral(body)
    return None if reading is None else _scaled(reading, _PER_CENT if mark == "%" else _PER_MILLE)


def _scaled(n: Numeral, factor: Fraction) -> Numeral:
    step = None if n.inexact_step is None else n.inexact_step * factor
    return Numeral(n.value * factor, n.decimals, n.resolution * factor, step)


def _ratio(a: str, b: str | None) -> Numeral | None:
    left, right = parse_numeral(a), parse_numeral(b or "")
    if left is None or right is None or right.value == 0:
        return None
    return Numeral(left.value / right.value, left.decimals, left.resolution / right.value)


def _fraction(denominator: str, numerator: str | None) -> Numeral | None:
    """``X分之Y`` is Y/X, to one step of Y over X (三分之二 → 1/3, 百分之九十五点五 → 1/1000)."""
    den, num = parse_numeral(denominator), parse_numeral(numerator or "")
    if den is None or num is None or den.value == 0:
        return None
    if den.inexact_step is not None or num.inexact_step is not None:
        return None
    step = num.resolution
    if den.value in (100, 1000, 10000):
        step = min(step, Fraction(1))  # 百分之九十 is 90%, not "some tens of per cent"
    return Numeral(num.value / den.value, num.decimals, step / den.value)


def _tenths(digits: str, word: str | None, more: bool) -> Numeral | None:
    """八成 = 0.8, 八五折 = 0.85; 三成多 runs one step up, to 0.4."""
    max_digits, _ = LEXICON.proportions[word or ""]
    if len(digits) > max_digits:
        return None
    if len(digits) == 2:
        first, second = (LEXICON.digits.get(d) for d in digits)
        if first is None or second is None:
            return None
        step = Fraction(1, 100)
        return Numeral((first * 10 + second) * step, 0, step, step if more else None)
    reading = parse_numeral(digits)
    if reading is None or reading.value > 10:
        return None
    step = Fraction(1, 10)
    return Numeral(reading.value * step, 0, step, step if more else None)


def _build(n: Numeral, unit: str | None, g: Groups, start: int, end: int, text: str) -> Quantity:
    neg, pre, post = g.neg, g.pre, g.post
    value = -n.value if neg else n.value
    low: Fraction | None = value
    high: Fraction | None = value
    approx = False
    qualifier = None
    if n.inexact_step is not None:
        high = value - n.inexact_step if neg else value + n.inexact_step
        if neg:
            low, high = high, low
    if pre or post or n.inexact_step is not None:
        body, last = g.body or "", fold(text[end - 1])
        more = g.tm or next((w for w in LEXICON.inexact if w in body or w == last), None)
        qualifier = sys.intern("".join(w for w in (pre, more, post) if w)) or None
        for kind in (LEXICON.before.get(pre or ""), LEXICON.after.get(post or "")):
            if kind == "approx":
                approx, low, high = True, None, None
            elif kind == "at_least":
                high = None
            elif kind == "at_most":
                low = None
    return Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        low=low,
        high=high,
        approx=approx,
        decimals=n.decimals,
        resolution=n.resolution,
        unit=unit,
        qualifier=qualifier,
    )
