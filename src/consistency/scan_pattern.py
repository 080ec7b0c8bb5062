"""The one scanning pattern of consistency.quantities, built from the data files.

A match of :func:`compile_patterns`' first pattern is either the ``skip`` group — a date,
a range, a time, a document or card number, a quoted label, a word such as 统一 or
民约, consumed whole so that nothing inside it is read — or a candidate quantity, with
named groups for its parts: ``pre`` and ``post`` qualifiers, ``neg``, a ratio
(``ra``/``rb``), a slash fraction (``sa``/``sb``), an ``X分之Y`` fraction (``fa``/``fb``), a
share in tenths (``td``/``tk``/``tm``), or a numeral ``body`` with its ``pct``, ``unit`` and
``per``. The other patterns test the neighbours of a candidate (第 before it, 月 after
it, …). Words come from numerals.toml, units.txt and classifiers.toml; the shapes of
dates, codes and ranges, which are not word lists, are written here.

The patterns are compiled with the standard ``re``, which runs them two to three times
faster than ``regex``; ``re`` looks behind only by a fixed width, so a lookbehind for
any of several words is written as one lookbehind per length (:func:`_behind`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import LEXICON
from .units import classifier_words, measure_words, per_words

__all__ = ["compile_patterns"]

_Trie = dict[str, "_Trie"]  # a character to the words that continue with it ("" ends one)


def _alt(words: Iterable[str]) -> str:
    """A pattern matching any of ``words``, longest first, as a trie (no backtracking storm)."""
    trie: _Trie = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: _Trie) -> str:
        branches = [re.escape(ch) + render(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + render(trie) + ")"


def _behind(words: Iterable[str], negative: bool = False) -> str:
    """A lookbehind for any of ``words`` (``negative``: for none of them), one per length."""
    lengths: dict[int, set[str]] = {}
    for word in words:
        lengths.setdefault(len(word), set()).add(word)
    parts = [
        f"(?<{'!' if negative else '='}{'|'.join(re.escape(w) for w in sorted(ws))})"
        for _, ws in sorted(lengths.items())
    ]
    return "".join(parts) if negative else "(?:" + "|".join(parts) + ")"


def compile_patterns() -> tuple[re.Pattern[str], ...]:
    """The scanning pattern and the context patterns, all built from the data files.

    Returns ``(pattern, before, after, session, list_mark, label)``.
    """
    lex = LEXICON
    digits = "".join(lex.digits)
    smalls = "".join(lex.small_scales)
    larges = "".join(lex.large_scales)
    scales = smalls + larges
    blocked_after = set(lex.blockers_after)
    units = {w for w in (*measure_words(), *classifier_words(), "倍") if w not in blocked_after}
    # a unit whose name begins with a scale character (千米, 百分点) is read whole
    guard = _alt([w for w in units if w[0] in scales] + ["分"])
    arabic = (
        r"(?>\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?!\d)|\d+)"
        r"(?:\.\d+)?"
    )
    leads = []
    for word, follow in lex.leading_scales.items():
        leads.append(re.escape(word) + ("" if "*" in follow else f"(?={_alt(follow)})"))
        # 近千位, 逾百人: after a qualifier a bare scale word is a round figure
        leads.append(re.escape(word) + _behind(w + word for w in lex.before))
    scale = rf"(?!{guard})[{scales}]|个(?=[{larges}])|[{''.join(lex.inexact)}]"
    # a lone Chinese digit is a figure only with something after it (一次, 二十, 三成)
    follow = re.escape(
        "".join(
            sorted({w[0] for w in units} | set(digits + scales + "点个%‰" + "".join(lex.inexact)))
        )
    )
    # Arabic figures take scales (3亿5000万) but never Chinese digits: 9万亿三个 is 9万亿, 三个
    chinese_start = rf"[{digits}](?=[{follow}])|{'|'.join(leads)}"
    body = (
        rf"(?P<body>(?<![\d.A-Za-z]){arabic}(?:[ ]?(?:{scale})|{arabic})*+"
        rf"|(?:{chinese_start})(?:[{digits}]|点(?=[{digits}])|{scale})*+)"
    )
    # 102周年 is an anniversary, not 102 weeks: a unit never starts a blocked word
    unit = (
        rf"[ \u00a0]?(?:(?P<pct>[%‰])|(?:个(?=[百千]分点))?(?!{_alt(blocked_after)})"
        rf"(?P<unit>{_alt(units)})"
        rf"(?:/(?P<per>{_alt(per_words())}))?)"
    )
    # possessive and never started inside a run: a long run of 万亿万亿 must not go quadratic
    cn = rf"(?<![{digits}{scales}点])(?:[{digits}{scales}]|点(?=[{digits}]))++"
    shares = "|".join(
        rf"{re.escape(w)}(?!{_alt(blocked)})" for w, (_, blocked) in lex.proportions.items()
    )
    more = "".join(lex.inexact)
    tenths = rf"(?P<td>[{digits}十]{{1,2}}|(?<![\d.])\d)(?P<tk>{shares})(?P<tm>[{more}])?"
    figure = (
        rf"(?P<ra>(?<![\d.:]){arabic})[ ]?:[ ]?(?P<rb>{arabic})(?![\d:]|\.\d)"
        rf"|(?<![\d/.])(?P<sa>\d{{1,3}})/(?P<sb>\d{{1,3}})(?![\d/.\-])"
        rf"|(?P<fa>(?<![\d.]){arabic}|{cn})分之(?P<fb>{arabic}|{cn})"
        rf"|{tenths}"
        rf"|{body}(?:{unit})?"
    )
    quantity = (
        rf"(?P<pre>{_alt(lex.before)})?(?P<neg>(?<![0-9A-Za-z.])-|负)?(?:{figure})"
        rf"(?P<post>{_alt(lex.after)})?"
    )
    not_ratio = _behind(("比", "比为", "比例为"), negative=True)  # 1:15 after 比 is a ratio
    # A figure's digits are taken whole (\d++): what must follow them is never a digit
    # or a point, so giving digits back could only fail again, only more slowly.
    skip = "|".join(
        [
            _alt(lex.exclusions),
            r"“[^“”\n]{0,40}”|\"[^\"\n]{0,40}\"|「[^「」\n]{0,40}」|『[^『』\n]{0,40}』",
            r"‘[^‘’\n]{0,40}’|《[^《》\n]{0,120}》",
            r"[A-Za-z][A-Za-z0-9_+\-]*(?:\.\d+[A-Za-z0-9]*)?",
            r"(?<![\d.])\d++(?:\.\d++)?+[A-Za-z][A-Za-z0-9]*",
            r"[\dA-Za-z]++(?:[ ]?[+×*][ ]?[\dA-Za-z]+)+",
            # 一个节点一个部署, 一户一档: rules stated with 一, not counts of one
            r"一(?P<each>[个项件人户村企事岗案])[^一\s,。、;:“”]{0,4}一(?P=each)",
            rf"一(?![{digits}{scales}])[\u4e00-\u9fff]一(?![{digits}{scales}])[\u4e00-\u9fff]",
            r"[〔\[【［][ ]?\d+[ ]?[〕\]】］]?[ ]?\d*[ ]?号?",
            rf"\([ ]?(?:\d{{1,4}}|[{digits}十]{{1,3}})[ ]?\)",
            # 6222 0200 1234 5678: a card or account number written in groups of four
            r"(?<![\d.])\d{4}(?:[ ]\d{4}){2,}(?:[ ]\d{1,4})?(?!\d)",
            # 12·4, 3·15: a day named by its date (宪法日, 消费者权益日)
            r"(?<![\d.])\d{1,2}[·•・]\d{1,2}(?!\d)",
            # 表1, 表 2-3: a table's number, where 表 does not end a word (代表, 发表)
            r"(?<![\u3400-\u9fff])表[ ]?\d+(?:[-.]\d+)*",
            # 7.4:38.6:54.0 states a structure, no single ratio: nothing is read from it
            r"(?<![\d.])\d++(?:\.\d++)?+(?:[ ]?:[ ]?\d+(?:\.\d+)?){2,}",
            # 以女性为100, 上年=100: the base of an index or a ratio, not a figure stated
            r"(?=100(?![\d.]))(?:"
            + "|".join(rf"(?<=以[^\d,，。;；:]{{{n}}}为)" for n in range(1, 13))
            + ")100",
            # 11:52:53 and 11: 14 are times (12:88 is not); 1:15 after 比 is a ratio
            (
                r"(?<![\d.])(?:\d{1,2}:\d{2}:\d{2}|(?:[01]\d|2[0-4]):[ ]?[0-5]\d"
                rf"|{not_ratio}\d:[0-5]\d)"
                r"(?![\d.])"
            ),
            r"(?<![\d.])(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{4}[./]\d{1,2}[./]\d{1,2})(?![\d.])",
            (
                r"(?<![\d.])(?!\d{1,3}/\d{1,3}(?![\d/.\-]))\d++(?:\.\d++)?+%?+"
                r"(?:[ ]*[-—–~/]+[ ]*\d+(?:\.\d+)?%?)+"
            ),
            # after the ranges above: a bare figure before 年, 月, 至 … is a date or a range end
            rf"(?<![\d.A-Za-z])\d++(?:\.\d++)?+(?=[ ]?{_alt(blocked_after)})",
        ]
    )
    # ASCII: \d is 0-9 only (full-width digits are folded; other scripts' digits are not ours)
    # Every alternative starts with one of these characters: checked first, so that most
    # positions fail at once. A qualifier or a word such as 民约 matters only when a numeral
    # follows within a few characters, so its first character alone is not enough.
    strong = set(digits + scales + '点负-“"「『‘《〔[【［(')
    weak = {"表"} | {w[0] for w in (*lex.exclusions, *lex.before)} - strong
    first = (
        rf"(?=[0-9A-Za-z{re.escape(''.join(sorted(strong)))}]"
        rf"|[{re.escape(''.join(sorted(weak)))}][^\n]{{0,3}}[0-9{digits}{scales}])"
    )
    pattern = re.compile(rf"{first}(?:(?P<skip>{skip})|{quantity})", re.ASCII)
    unless = _behind(lex.blockers_unless, negative=True)
    before = re.compile(rf"{_alt(lex.blockers_before)}{unless}[ :]?$")
    after = re.compile(rf"[ ]?{_alt(blocked_after)}")
    session = re.compile(_alt(lex.ordinal_after))
    marks = re.compile(_alt(lex.list_marks))
    label = re.compile(_alt(lex.label_after))
    return pattern, before, after, session, marks, label
