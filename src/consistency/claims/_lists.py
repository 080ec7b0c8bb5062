"""Reading the items of a counted list: where a list starts, how it splits, and whether
it is clean enough that a count no reading reproduces is the author's mistake.

Helpers of :mod:`consistency.claims.enumerations`; cue words in
``data/cues/enumerations.toml``.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable

import regex

from ._match import load_cues

_PAIRS = {"(": ")", "（": "）", "“": "”", "《": "》", "「": "」", "[": "]", "【": "】", "‘": "’"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_CLAUSE_ENDS = frozenset(",，。；;：:！!？?\n")
_GLOSS = regex.compile(r"\([a-zA-Z\u00e0-\u01dc]+\)")


@functools.cache
def _cues() -> dict[str, dict[str, tuple[str, ...]]]:
    return load_cues("enumerations")


@functools.cache
def _pattern(source: str) -> regex.Pattern[str]:
    """``source`` compiled once (list helpers run for every counted list)."""
    return regex.compile(source)


_DIGIT = regex.compile(r"\d")
_BARE_FIGURE = regex.compile(r"\s*\d[\d.]*[万亿]*\w?\s*")
_TITLE = regex.compile(r"《[^《》]*》")


_CN_DIGITS = "一二三四五六七八九十"


@functools.cache
def anchor_re() -> re.Pattern[str]:
    """A small count with its classifier ("三个", "五大", "14项", "前10位"), compiled once.

    Compiled by the standard library, led by a lookahead for the characters a count can
    start with: the standard library skips to those characters at once, where a pattern
    led by the lookbehind is tried at every offset (over a document: 2.1 → 1.5 ms; the
    two libraries read this pattern alike)."""
    c = _cues()["count"]
    first = "".join(sorted({w[0] for w in c["rank"]}))
    return re.compile(
        rf"(?=[{re.escape(first)}\d两{_CN_DIGITS}])"
        rf"(?<![第\d.．{_CN_DIGITS}两百千万])(?P<rank>{_alt(c['rank'])})?"
        rf"(?P<num>\d{{1,2}}|[两{_CN_DIGITS}]{{1,3}})"
        rf"(?:(?P<cls>{_alt(c['classifiers'])})|(?P<rcls>{_alt(c['ranked'])}))"
        rf"(?![是要次])"
    )


def starts_with_any(text: str, words: Iterable[str]) -> bool:
    """Does ``text`` start with one of ``words``?"""
    return any(text.startswith(w) for w in words)


def _alt(words: Iterable[str]) -> str:
    """A regular-expression alternation of ``words``, longest first."""
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _conjunctions() -> str:
    """The alternation of the conjunction words, built once (every list is split on it)."""
    return _alt(_cues()["items"]["conjunctions"])


def _plain(items: list[str]) -> bool:
    """Items that hold figures are a breakdown ("废止1件、失效2件"), not a list of names,
    unless every item is a bare figure ("7万亿、8万亿、9万亿三个大台阶")."""
    if not _DIGIT.search("".join(items)):
        return True  # one search for the whole list: most lists hold no figure
    return all(_BARE_FIGURE.fullmatch(i) for i in items)


def _readings(items: list[str]) -> list[list[str]]:
    """The list as written, and the lists that start inside a later item: after a "的"
    ("点线面结合的市、区、镇、村": the modifier ends at 的, the items follow) or after an
    action word ("在甲、乙、丙设立A、B、C委员会": a second list starts after 设立)."""
    out = [items]
    parallel = all("的" in i for i in items)  # "法的思想、法的感情": no modifier to peel off
    openers = _cues()["items"]["openers"]
    for i in range(1, len(items) - 1):
        k = items[i].rfind("的")
        if not parallel and 0 <= k < len(items[i]) - 1:
            out.append([items[i][k + 1 :], *items[i + 1 :]])
        for w in openers:
            k = items[i].find(w)
            if 0 < k and k + len(w) < len(items[i]):
                out.append([items[i][k + len(w) :], *items[i + 1 :]])
                break
    return out


def _match_open(view: str, close: int) -> int | None:
    """The offset of the bracket or quote that ``view[close]`` closes, on the same line."""
    want = _CLOSERS[view[close]]
    depth = 0
    for j in range(close - 1, max(-1, close - 200), -1):
        ch = view[j]
        if ch == "\n":
            return None
        if ch == view[close]:
            depth += 1
        elif ch == want:
            if depth == 0:
                return j
            depth -= 1
    return None


_BRACKETS = regex.compile("[" + regex.escape("".join(_PAIRS) + "".join(_CLOSERS)) + "]")
#: the last clause end before a point, found by one reverse search
_LAST_CLAUSE_END = regex.compile("(?r)[" + regex.escape("".join(sorted(_CLAUSE_ENDS))) + "]")


def _clause_start(view: str, end: int) -> int:
    """Start of the clause ending at ``end`` (at most 120 characters back); marks inside
    brackets do not end it."""
    floor = max(0, end - 120)
    last = _LAST_CLAUSE_END.search(view, floor, end)
    start = last.end() if last else floor
    if not _BRACKETS.search(view, start, end):
        return start  # no bracket in the clause: its last mark ends it
    depth = 0
    for j in range(end - 1, floor - 1, -1):
        ch = view[j]
        if ch in _CLOSERS:
            depth += 1
        elif ch in _PAIRS:
            if depth == 0:
                return j + 1  # an unmatched opener: the list lives inside it
            depth -= 1
        elif depth == 0 and ch in _CLAUSE_ENDS:
            return j + 1
    return max(0, end - 120)


def _strip_joiners(body: str) -> tuple[str, str, bool]:
    """Remove the words between the last item and the count (等, 的, 这…)."""
    items = _cues()["items"]
    closers = _cues()["open"]["closers"]
    tail = ""
    changed = True
    while changed:
        changed = False
        for w in items["joiners"]:
            if body.endswith(w) and len(body) > len(w):
                body, tail = body[: -len(w)], w + tail
                changed = True
                break
    return body, tail, any(c in tail for c in closers)


def _split(body: str) -> tuple[list[list[str]], bool]:
    """The readings of a list: split at top-level separators, and that reading again with
    the last item cut at a conjunction ("乌鲁木齐和周口"), the cut one first.

    Also returns whether the list is clean: no conjunction inside an earlier item and no
    stray clause mark, so that a count no reading reproduces is the author's.
    """
    cues = _cues()["items"]
    titles = _titles(body)
    if titles is not None:
        return [titles], True
    for sep in cues["separators"]:
        if len(sep) > 1:  # "——" joins tiers: read it as 、
            body = body.replace(sep, "、")
    parts = _top_level_parts(body, cues["separators"])
    conj = _conjunctions()
    clean = all(p.strip() for p in parts) and "," not in body and "，" not in body
    if not _pattern(conj).search(body):
        return [parts], clean  # no conjunction anywhere: no item to cut (one search)
    if len(parts) > 1 and any(_top_level_split(p, conj) for p in parts[:-1]):
        clean = False  # a conjunction inside an earlier item: lists may be nested
    tail = _top_level_split(parts[-1], conj)
    if tail is None:
        return [parts], clean
    return [[*parts[:-1], *tail], parts], clean and all(t.strip() for t in tail)


def _top_level_parts(body: str, separators: tuple[str, ...]) -> list[str]:
    """``body`` cut at the one-character separators outside brackets."""
    if not _BRACKETS.search(body):
        parts = [body]
        for sep in separators:
            if len(sep) == 1:
                parts = [p for part in parts for p in part.split(sep)]
        return parts
    parts: list[str] = []
    depth, last = 0, 0
    for j, ch in enumerate(body):
        if ch in _PAIRS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in separators:
            parts.append(body[last:j])
            last = j + 1
    parts.append(body[last:])
    return parts


def _top_level_split(item: str, conj: str) -> list[str] | None:
    """``item`` cut in two at its last top-level conjunction, or None."""
    pat = _pattern(conj)
    if not _BRACKETS.search(item):
        # no brackets: the conjunctions the scan below would take, found by one search
        words = _cues()["items"]["not_conjunctions"]
        cut_at: tuple[int, int] | None = None
        reached = 0
        for mm in pat.finditer(item, overlapped=True):
            j = mm.start()
            if j < reached:
                continue
            if 0 < j and mm.end() < len(item) and not _in_word(item, j, words):
                cut_at, reached = (j, mm.end()), mm.end()
        return None if cut_at is None else [item[: cut_at[0]], item[cut_at[1] :]]
    depth = 0
    cut: tuple[int, int] | None = None
    words = _cues()["items"]["not_conjunctions"]
    j = 0
    while j < len(item):
        ch = item[j]
        if ch in _PAIRS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0:
            mm = pat.match(item, j)
            if mm and 0 < j and mm.end() < len(item) and not _in_word(item, j, words):
                cut = (j, mm.end())
                j = mm.end()
                continue
        j += 1
    if cut is None:
        return None
    return [item[: cut[0]], item[cut[1] :]]


def _in_word(text: str, j: int, words: Iterable[str]) -> bool:
    """Is the conjunction at ``j`` part of a longer word (及时, 参与)?"""
    return any(
        text.startswith(w, k) for w in words for k in range(max(0, j - len(w) + 1), j + 1)
    )


def _titles(body: str) -> list[str] | None:
    """The 《titles》 of a list made of titles only (``《A》《B》和《C》``), or None."""
    found = list(_TITLE.finditer(body))
    if len(found) < 2:
        return None
    glue = _conjunctions()
    for a, b in itertools.pairwise(found):
        between = body[a.end() : b.start()]
        if not _pattern(rf"(?:[、,，]|{glue})?").fullmatch(between):
            return None
    if body[found[-1].end() :].strip():
        return None
    return [f.group(0) for f in found]


def _balanced(items: list[str]) -> bool:
    """Items of one clause read as a list only if the last is not much longer than the
    middle ones: "…遗址先后入选全国年度十大…" shows a sentence, not an item."""
    items = [_GLOSS.sub("", i) for i in items]  # "社會(huì)管理" is four characters
    middle = [len(i) for i in items[1:-1]]
    limit = max(8, 2 * max(middle)) if middle else 8
    return len(items[-1]) <= limit and all(len(i) <= 16 for i in items[1:])


_LINE_COUNT = regex.compile(r"(?m)^[^\S\n]*(?P<label>[^\d\n]{2,20}?)(?P<num>\d{1,2})[^\S\n]*\n")


#: where a line can end in a count: a digit, then only spaces up to the line break
_LINE_END_DIGIT = regex.compile(r"\d[^\S\n]*\n")


def _line_counts(view: str) -> Iterable[regex.Match[str]]:
    """The matches of ``_LINE_COUNT`` in ``view``, as ``finditer`` gives them, but tried only
    on lines that end in a digit (few do): a match spans exactly one line, from its start
    to its break, so matching each such line from its start finds the same ones."""
    for end in _LINE_END_DIGIT.finditer(view):
        m = _LINE_COUNT.match(view, view.rfind("\n", 0, end.start()) + 1)
        if m is not None:
            yield m


def line_lists(view: str) -> Iterable[tuple[regex.Match[str], list[str], int, bool]]:
    """Counts written bare at the end of a line with their items on the next one
    ("①局机关内设股室7" then "内设股室:办公室、督查考核股、…"): the match of the count line,
    the items, where they end, and whether the item line repeats the count line's label."""
    for m in _line_counts(view):
        start = m.end()
        end = view.find("\n", start)
        end = len(view) if end < 0 else end
        line = view[start:end].strip().rstrip("。;；")
        label, sep, body = line.partition(":") if ":" in line else line.partition("：")
        if not sep:
            label, body = "", line
        labelled = bool(label) and label.strip() in m.group("label")
        if (label and not labelled) or _DIGIT.search(body):
            continue
        items = [i.strip() for i in body.split("、")]
        if len(items) < 2 or not all(0 < len(i) <= 20 for i in items):
            continue
        yield m, items, end, labelled
