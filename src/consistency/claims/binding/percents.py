"""Stated shares and rates: which percentages the text states as shares, and the part
each one names, with the evidence of that tie.

Read by the share and granularity checks (and by the share lists of :mod:`.siblings`).
Cue words come from ``data/cues/shares.toml``; its header explains each table.

* :func:`stated_shares`: every exact percentage after a share cue (占, 占比, 比重) or a
  rate name (…率), with its sentence, clause and :class:`Cue` (found once per document);
* :func:`part_of`: the figure a share is of, bound as the text names it — a figure in
  the share's own clause, the figure its subject or its rate names (基本支出占…,
  辦結2477宗 … 辦結率), the only part of a 其中 frame just before it, the figure a bare
  占 follows — or only by position (the last figure before a rate that names none).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import NamedTuple

from ...claim import Binding
from ...lexicon import LEXICON, read_data
from ...quantities import Quantity
from .._match import Clause, Context, Sentence, countable, load_cues, words_pattern
from . import named, positional
from .frames import frames, listed
from .measures import nonadditive
from .memo import Key, remembered
from .parts import KINDS, RESPECTIVE, SUBSET, next_figure
from .reach import FIGURES_BACK, clauses_back, previous_in
from .respective import SEPARATORS, aligned_part, in_run

__all__ = [
    "AMBIGUOUS",
    "BASE_EARLIER",
    "BASE_GENERIC",
    "CHANGE",
    "NEGATIONS",
    "RATE_BASES",
    "SHARE",
    "SHORT",
    "Cue",
    "StatedShare",
    "has_own_share",
    "is_part",
    "own_share_cue",
    "part_of",
    "percent_cue",
    "run_start",
    "stated_shares",
    "subject_of",
]

_C = load_cues("shares")
SHARE = _C["share"]["words"]
RATE = _C["rate"]["suffix"]
GAP = _C["rate"]["gap"]
QUALIFIERS = _C["rate"]["qualifiers"]
AMBIGUOUS = _C["ambiguous"]["rates"]
CHANGE = _C["change"]["words"]
#: names of measures holding a change word (增加值): read as names, not as a change
CHANGE_NAMES = _C["change"]["names"]
TARGET = _C["target"]["words"]
#: the change and target words as patterns: one search of a label for any, where a test
#: of each word took a Python step per word (every percentage is asked)
_CHANGE_WORD = words_pattern(CHANGE)
_TARGET_WORD = words_pattern(TARGET)
NEGATIONS = _C["complement"]["negations"]
SHORT = {k: v[0] for k, v in _C["short"].items()}
RATE_BASES = _C["rate_bases"]
BASE_AFTER = _C["base"]["after"]
BASE_GENERIC = _C["base"]["generic"]
BASE_EARLIER = _C["base"]["earlier"]


class Cue(NamedTuple):
    """What makes a percentage a share: ``kind`` is ``share`` (占比, with ``word`` the
    cue word), ``rate`` (``word`` the rate's name without 率: 调解成功) or
    ``definitional`` (a rate whose base is by definition not the count beside it:
    胜诉率, ``word`` 胜诉). ``base`` is the name the share gives its base, if any
    (``占受理案件总数的40%``: 受理案件总数; ``在全市调解纠纷量中占27%``: 全市调解纠纷量)."""

    kind: str
    word: str
    base: str = ""


class StatedShare(NamedTuple):
    """A percentage stated as a share or rate, where it stands, and its cue."""

    pct: Quantity
    sentence: Sentence
    clause: int
    cue: Cue


_CUES: Key[dict[int, Cue | None]] = Key("binding.share-cues")
_STATED: Key[tuple[StatedShare, ...]] = Key("binding.stated-shares")


def percent_cue(ctx: Context, pct: Quantity, clause: Clause) -> Cue | None:
    """The :class:`Cue` that makes ``pct`` a share or rate, or None for any other
    percentage (a change, a target)."""
    memo = remembered(ctx, _CUES, lambda _ctx: {})
    if pct.start not in memo:  # asked again for every figure a share may follow
        memo[pct.start] = _percent_cue(ctx, pct, clause)
    return memo[pct.start]


def _percent_cue(ctx: Context, pct: Quantity, clause: Clause) -> Cue | None:
    label = ctx.label_before(pct, clause).strip()
    unnamed = label
    for name in CHANGE_NAMES:
        unnamed = unnamed.replace(name, "")
    if _CHANGE_WORD.search(unnamed) or _TARGET_WORD.search(label):
        return None
    bare = label
    changed = True
    # (str.endswith tries a whole tuple of words in one call: most labels end in none)
    while changed and bare.endswith(GAP):
        changed = False
        for g in GAP:
            if bare.endswith(g):
                bare, changed = bare[: -len(g)].rstrip(), True
    for w in AMBIGUOUS:
        if bare.endswith(w):
            return Cue("definitional", bare[: -len(w)] + w[:-1])
    at = max(bare.rfind("占"), bare.rfind("佔"))
    if at >= 0 and any(bare[:at].endswith(w) for w in LEXICON.before):
        return None  # "约占全国增产总量的60%": a share stated as approximate or as a bound
    if at >= 0:
        # "占受理案件总数的40%", "占总人口比重89.6%": the share names its base after 占
        name = bare[at + 1 :]
        cut = True
        while cut:
            cut = False
            for end in BASE_AFTER:
                if name.endswith(end):
                    name, cut = name[: -len(end)], True
        if bare[at] + name in SHARE or name in SHARE:
            name = ""  # 占比: the cue itself, no name
        if 0 < len(name) <= 16 and not any(ch in name for ch in _MARKS):
            return Cue("share", bare[at], name)
    for w in SHARE:
        if bare.endswith(w):
            return Cue("share", w, _base_in(bare[: -len(w)]))
    for suffix in RATE:
        if bare.endswith(suffix) and len(bare) > len(suffix):
            if bare.endswith(_identity_results()):
                return None  # 城镇化率: an identity of official statistics, checked as one
            return Cue("rate", bare[: -len(suffix)])
    return None


@functools.cache
def _identity_results() -> tuple[str, ...]:
    """The names of the measures ``data/identities.toml`` defines by a formula (城镇化率,
    人口自然增长率): such a rate is the identities check's, not a share of counts."""
    found = read_data("identities.toml").get("identity")
    if not isinstance(found, list):
        return ()
    return tuple(
        w for entry in found if isinstance(entry, dict) for w in entry.get("result", ()) if isinstance(w, str)
    )


_MARKS = frozenset("0123456789%,，、;；:：()（）")


def _base_in(before: str) -> str:
    """The base named before a share cue ("在全市调解纠纷量中占": 全市调解纠纷量), or ""."""
    at = before.rfind("在")
    if at >= 0 and before.endswith("中") and 0 < len(before) - at - 2 <= 16:
        return before[at + 1 : -1]
    return ""


def stated_shares(ctx: Context) -> tuple[StatedShare, ...]:
    """Every exact percentage with a share or rate cue (found once per document)."""
    return remembered(ctx, _STATED, lambda c: tuple(_stated_shares(c)))


def _stated_shares(ctx: Context) -> Iterator[StatedShare]:
    for s in ctx.with_figures():
        last: StatedShare | None = None
        for ci, clause in enumerate(s.clauses):
            for q in clause.quantities:
                # a lower bound (98%以上) is checked as a bound; 约 and 近 are not checked
                if not q.is_percent or q.approx or q.low is None or q.value < 0:
                    continue
                cue = percent_cue(ctx, q, clause)
                if cue is None and last is not None and in_run(ctx, q) and _next_in_run(ctx, last.pct, q):
                    cue = last.cue  # "分别占40%、25%、15%": the run shares its first cue
                if cue is not None:
                    last = StatedShare(q, s, ci, cue)
                    yield last


def _next_in_run(ctx: Context, a: Quantity, b: Quantity) -> bool:
    """Does ``b`` follow ``a`` in one run of percentages, a separator between them?"""
    gap = ctx.between(a.end, b.start).strip()
    return 0 < len(gap) <= 2 and all(ch in SEPARATORS for ch in gap)


_PARTS: Key[dict[int, Binding | None]] = Key("binding.share-parts")


def part_of(ctx: Context, share: StatedShare) -> Binding | None:
    """The figure ``share`` is a share of, with the evidence of the tie (read once per
    share; see :func:`_part_of`)."""
    memo = remembered(ctx, _PARTS, lambda _ctx: {})
    start = share.pct.start
    if start not in memo:
        memo[start] = _part_of(ctx, share)
    return memo[start]


def _part_of(ctx: Context, share: StatedShare) -> Binding | None:
    """The figure ``share`` is a share of, with the evidence of the tie.

    A figure in the percentage's own clause before it; the figure the share's subject
    names (基本支出占33.33%); for a rate, the nearest figure whose label holds the
    rate's name or its last two characters (辦結2477宗 for 辦結率); otherwise the last
    figure of the clause just before — named when it is the one part of a 其中 frame or
    a bare 占 follows it, positional for a rate that names no figure. The search never
    crosses a semicolon, and a figure labelled as a change (增加12958件) is no part.
    """
    pct, s, ci, cue = share
    in_list, aligned = aligned_part(ctx, pct)
    if in_list:
        return aligned  # "分别占40%、25%": the count in its place, or none
    clause = s.clauses[ci]
    subject = _subject(ctx, pct, clause) if cue.kind == "share" else ""
    if nonadditive(subject if cue.kind == "share" else cue.word):
        return None  # "城市平均优良天数比例": a share of averages has no counted part
    q = previous_in(clause, pct.start)
    if q is not None:
        if not is_part(ctx, q, clause):
            return None
        if subject or (cue.kind != "share" and len(cue.word) >= 2):
            # "74个城市优良天数比例为74.2%": a name between the figure and its share
            # says what the share is of, and it need not be the figure
            return positional("part", q, "in its clause, before another name")
        return named("part", q, "its own clause")
    reach = clauses_back(s, ci)
    if subject:
        # "项目支出2000.01万元,基本支出占33.33%": the share names its own part, which
        # need not be the figure just before; a share naming no figure has no part
        for c in reach:
            found = [q for q in c.quantities[-FIGURES_BACK:] if subject in ctx.label_before(q, c)]
            if found:
                q = found[-1]
                return named("part", q, f"named {subject}") if is_part(ctx, q, c) else None
        # "600项实现网上可办,网办事项比例达75%": named in short, in the words after it
        for c in reach[:2]:
            for q in reversed(c.quantities[-FIGURES_BACK:]):
                if is_part(ctx, q, c) and _abridges(subject, ctx.after(q, c)):
                    return named("part", q, f"named {subject}")
        if len(reach) == ci:
            return _named_before(ctx, s, subject)
        return None
    if cue.kind in ("rate", "definitional") and len(cue.word) >= 2:
        for stem in _stems(cue.word):
            for c in reach:
                found = [q for q in c.quantities[-FIGURES_BACK:] if _names(ctx.label_before(q, c), stem, cue.word)]
                if found and is_part(ctx, found[-1], c):
                    return named("part", found[-1], f"named by {cue.word}率")
    if not reach or not reach[0].quantities or not is_part(ctx, reach[0].quantities[-1], reach[0]):
        return None
    before = reach[0].quantities[-1]
    if cue.kind == "rate" and before.start in listed(ctx):
        return None  # the last item of a list: the rate is of the whole list
    if _only_part(ctx, before):
        if cue.kind == "rate" and len(cue.word) >= 2 and not _abridges(cue.word, ctx.label_before(before, reach[0])):
            # "其中,省级热线受理58.6万件,按时办结率99.2%": a rate whose name is not the
            # part's may be a rate *of* that part (its own 按时办结 over its 受理)
            return positional("part", before, "the 其中 part just before, not named by the rate")
        return named("part", before, "the 其中 part just before")
    if cue.kind == "share":
        return named("part", before, f"{cue.word} right after it")
    return positional("part", before, "the figure just before")


def _named_before(ctx: Context, s: Sentence, subject: str) -> Binding | None:
    """The one figure of the sentence before ``s``, in its paragraph, that ``subject``
    names ("…第三产业增加值500亿元。第三产业增加值占地区生产总值的比重为50.0%"), or None
    when none does or several do (a share naming its part by a name two figures carry
    is not decided by nearness)."""
    before = ctx.previous(s)
    if before is None:
        return None
    found = [
        (q, c)
        for c in before.clauses
        for q in c.quantities[-FIGURES_BACK:]
        if subject in ctx.label_before(q, c)
    ]
    if len(found) != 1 or not is_part(ctx, *found[0]):
        return None
    return named("part", found[0][0], f"named {subject} in the sentence before")


_ONLY_PARTS: Key[frozenset[int]] = Key("binding.only-parts")


def _only_part(ctx: Context, q: Quantity) -> bool:
    """Is ``q`` the single part of a 其中 frame ("收到18件,其中撤回2件")?"""
    starts = remembered(
        ctx,
        _ONLY_PARTS,
        lambda c: frozenset(f.parts[0].start for f in frames(c) if f.reading == "part" and len(f.parts) == 1),
    )
    return q.start in starts


def subject_of(ctx: Context, share: StatedShare) -> str:
    """The name a share gives its part in its own clause (see :func:`_subject`)."""
    if share.cue.kind != "share":
        return ""
    return _subject(ctx, share.pct, share.sentence.clauses[share.clause])


def _abridges(subject: str, words: str) -> bool:
    """Do ``words`` (at most twenty characters) hold the first two characters of
    ``subject`` in order ("实现网上可办" for 网办事项)?"""
    if len(subject) < 2 or len(words) > 20:
        return False
    i = words.find(subject[0])
    return i >= 0 and words.find(subject[1], i + 1) >= 0


def _subject(ctx: Context, pct: Quantity, clause: Clause) -> str:
    """The name a share gives its part in its own clause ("基本支出占33.33%": 基本支出),
    or "" when it names none ("占75.46%", "其中占比12%")."""
    label = ctx.label_before(pct, clause).strip()
    cut = min((i for i in (label.find(w) for w in SHARE) if i >= 0), default=-1)
    if cut < 0:
        return ""
    name = label[:cut].strip()
    for w in (*SUBSET, *RESPECTIVE):
        name = name.replace(w, "")
    return name if len(name) >= 2 else ""


def _names(label: str, stem: str, rate: str) -> bool:
    """Does ``label`` name the measure of the rate ``rate`` by ``stem``? Not when a word
    narrows it ("按时结案597件" for 结案率): that is a part of the measure, which the rate's
    own name would carry (按时结案率)."""
    at = label.rfind(stem)
    if at < 0:
        return False
    return not any(label[:at].endswith(w) and w not in rate for w in QUALIFIERS)


def _stems(name: str) -> list[str]:
    """The rate's name, then its shorter endings down to two characters."""
    return [name[i:] for i in range(len(name) - 1)]


def is_part(ctx: Context, q: Quantity, clause: Clause) -> bool:
    """A countable figure not written as a change ("增加12958件"; "提升至763项" is a level)."""
    if q.unit in KINDS:
        return False  # "三类主要纠纷…占62%": a count of kinds is no part of a share of cases
    label = ctx.label_before(q, clause).rstrip().removesuffix("了")
    return countable(q) and not any(label.endswith(w) for w in CHANGE)


def run_start(ctx: Context, q: Quantity) -> int:
    """Where the semicolon-separated run of the sentence holding ``q`` starts."""
    located = ctx.locate(q)
    if located is None:
        return q.start
    s, ci = located
    back = clauses_back(s, ci)
    return back[-1].start if back else s.clauses[ci].start


def has_own_share(ctx: Context, q: Quantity, besides: Quantity | None = None) -> bool:
    """Is ``q`` followed, in its clause or the next, by a share of its own (占12.79%),
    other than ``besides``?"""
    return own_share_cue(ctx, q, besides) is not None


def own_share_cue(ctx: Context, q: Quantity, besides: Quantity | None = None) -> Cue | None:
    """The cue of the share ``q`` is followed by, in its clause or the next (other than
    ``besides``): ``审结112件,审结率93.3%`` gives the rate 审结; None without one."""
    found = next_figure(ctx, q)
    if found is None:
        return None
    p, c = found
    return percent_cue(ctx, p, c) if p.is_percent and p is not besides else None
