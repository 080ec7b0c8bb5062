"""The base a share is taken of, with the evidence of the tie.

Candidates, in order of preference (the first kind found wins):

0. the figure the share names as its base (named: ``占受理案件总数的40%`` → the figure
   labelled 受理 before it); a share naming a base outside the text (占全省的) or one no
   figure carries has no base at all;
1. the whole of the 其中 frame or success clause the part belongs to (named:
   ``收到申请18件,其中…撤回…2件,案前调解率为11.11%`` → 2/18);
2. a figure marked as a total (共, 合计) earlier in the part's sentence (named:
   ``事项共1150项,“网上办”事项1046项、占比90.95%`` → 1046/1150), and every figure
   between it and the part that is at least as large and has no share of its own
   (positional: the base may be either);
3. for a rate, figures labelled with the words its name is taken over by convention
   (named: ``受理100件,办结96件,办结率96%``: 办结率 is over 受理; ``[rate_bases]`` in
   ``data/cues/shares.toml``), in its sentence or the one before;
4. for a share (占比) only, a total stated in the three sentences before, in the same
   paragraph (positional).

A whole or total followed by a share of its own (``乙单位共收到200件,占33.3%``) is itself
a part of something larger: it is no base for the shares after it.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence

from ...claim import Binding, Evidence
from ...quantities import Quantity
from .._kept import Kept
from .._match import Context, Sentence, countable, family, figure_interval
from . import consensus, named, positional
from .frames import listed, wholes
from .measures import scope_words
from .parts import total_cue_in
from .percents import (
    BASE_EARLIER,
    BASE_GENERIC,
    NEGATIONS,
    RATE_BASES,
    Cue,
    has_own_share,
    own_share_cue,
    run_start,
)
from .reach import FIGURES_BACK, figures_before
from .respective import listed_count
from .siblings import Member, members_before

__all__ = ["WINDOW", "bases_for", "cued_totals", "inherits"]

#: how many sentences before a share its total may stand (shares only, not rates)
WINDOW = 3

_START = operator.attrgetter("start")
#: the memo key of :func:`_marked`, and how many answers it keeps before starting afresh
_CUED = "bases.cued-totals"
_CUED_KEPT = 4096
#: the memo key of :func:`_named_base_of` (which keeps as many answers)
_NAMED_BASES = "bases.named-base-of-member"
#: the memo key of :func:`bases_for` (which keeps as many answers)
_BASES = "bases.bases-for"


def cued_totals(ctx: Context, sentences: Sequence[Sentence], limit: int) -> list[Quantity]:
    """Figures marked as totals (共, 合计) in ``sentences``, starting before ``limit``,
    that carry no share of their own (among the last :data:`.reach.FIGURES_BACK` figures
    of each before ``limit``, as :func:`.reach.figures_before` gives them)."""
    out: list[Quantity] = []
    for s in sentences:
        hi = bisect.bisect_left(s.quantities, limit, key=_START)
        lo = max(0, hi - FIGURES_BACK)
        marked = _marked(ctx, s, lo, hi)
        flags, first = marked.flags, marked.first
        k = flags.find(1, lo - first, hi - first)
        while k >= 0:
            out.append(s.quantities[first + k])
            k = flags.find(1, k + 1, hi - first)
    return out


class _Marked:
    """Which of a run of figures of one sentence are marked totals: ``flags[k]`` is 1
    when ``sentence.quantities[first + k]`` is one."""

    __slots__ = ("first", "flags", "sentence")

    def __init__(self, sentence: Sentence, first: int) -> None:
        self.sentence, self.first, self.flags = sentence, first, bytearray()


def _marked(ctx: Context, s: Sentence, lo: int, hi: int) -> _Marked:
    """The marks of ``s`` covering its figures ``lo`` to ``hi``. Every share asks about
    the figures before it, and the next share about nearly the same ones: each figure
    of a sentence is judged once, the run of judged figures growing to cover what is
    asked. The runs of the latest few thousand sentences are kept in ``ctx.memo``
    (emptied when full), each checked to be of the very sentence asked about."""
    kept = ctx.memo.setdefault(_CUED, {})
    assert isinstance(kept, dict)
    marked = kept.get(s.start)
    if (
        marked is None
        or marked.sentence is not s
        or hi < marked.first
        or lo > marked.first + len(marked.flags)  # a gap between the two runs
    ):
        if len(kept) >= _CUED_KEPT:
            kept.clear()
        marked = kept[s.start] = _Marked(s, lo)
    figures = s.quantities
    if lo < marked.first:  # a run reaching further back: judged once, prepended
        marked.flags[:0] = bytes(_cued_total(ctx, q) for q in figures[lo : marked.first])
        marked.first = lo
    end = marked.first + len(marked.flags)
    if hi > end:
        marked.flags += bytes(_cued_total(ctx, q) for q in figures[end:hi])
    return marked


def _cued_total(ctx: Context, q: Quantity) -> bool:
    """Is ``q`` marked as a total and without a share of its own?"""
    return bool(
        countable(q) and total_cue_in(ctx.label_across_brackets(q)) and not has_own_share(ctx, q)
    )


def bases_for(ctx: Context, part: Quantity, s: Sentence, cue: Cue, subject: str = "") -> list[Binding]:
    """The candidate bases of a share of ``part`` (see the module docstring), figures of
    the part's own classifier first. A share that names no base and finds no single
    named one of its own takes the base an earlier share of its list names
    (:func:`inherited_base`): the list has fixed it, and a total guessed by position, or
    several, would only blur it."""
    # the share check and the granularity check both ask it of every share: the answers
    # for the latest few thousand are kept in ``ctx.memo`` (emptied when full), each
    # checked to be about the very figure asked
    kept = ctx.memo.setdefault(_BASES, Kept(_CUED_KEPT))
    assert isinstance(kept, Kept)
    key = (part.start, s.index, cue, subject)
    return list(kept.get(key, part, lambda: tuple(_bases_for(ctx, part, s, cue, subject))))


def _bases_for(ctx: Context, part: Quantity, s: Sentence, cue: Cue, subject: str) -> list[Binding]:
    """See :func:`bases_for`."""
    own = _own_bases(ctx, part, s, cue)
    if cue.kind != "share" or cue.base or _single_named(own):
        return own
    if subject and not own:
        kin = subject_bases(ctx, part, s, subject)
        if kin:
            return kin
    inherited = inherited_base(ctx, part, s)
    return [inherited] if inherited is not None else own


def _single_named(bound: Sequence[Binding]) -> bool:
    return len(bound) == 1 and bound[0].evidence is Evidence.NAMED


#: how an inherited base is described (:func:`inherits` recognises it by this opening)
_INHERITED = "the base {pct} of its list is taken of"


def inherits(base: Binding) -> bool:
    """Was ``base`` inherited from an earlier share of the list (:func:`inherited_base`)?
    Such a share names its base as surely as the share it follows: no other figure of
    the paragraph is tried as its base before an error."""
    head = _INHERITED.split("{", 1)[0]
    tail = _INHERITED.rsplit("}", 1)[1]
    return base.evidence is Evidence.CONSENSUS and base.how.startswith(head) and base.how.endswith(tail)


def inherited_base(ctx: Context, part: Quantity, s: Sentence) -> Binding | None:
    """The base an earlier share of the same list names, when that share reproduces over
    it: "维持10件,占受理案件总数的40%;撤销3件,占12%" takes 12% over the 受理 figure too.

    The nearest earlier share of the list (its sentence, its part's family) whose base
    is bound by name is asked; the shares between, naming no base and finding none by
    name, are its siblings and skipped. A share between that names a base it cannot
    bind to one figure ends the search."""
    earlier = [
        m
        for m in members_before(ctx, s, part.start)
        if m.part.quantity.start < part.start and family(m.part.quantity) == family(part)
    ]
    for m in reversed(earlier):
        base = _named_base_of(ctx, m)
        if base is None:
            if m.share.cue.base:
                return None
            continue
        iv = figure_interval(base)
        if iv is None or not m.implied.intersects(iv) or base.value < part.value:
            return None
        return consensus("base", base, _INHERITED.format(pct=m.share.pct.text))
    return None


def _named_base_of(ctx: Context, m: Member) -> Quantity | None:
    """The one base the share of ``m`` binds by name, if it does. Every later share of a
    long list asks it of the shares before it, so the answers for the latest few
    thousand members are kept in ``ctx.memo`` (emptied when full), each checked to be
    about the very member asked."""
    kept = ctx.memo.setdefault(_NAMED_BASES, Kept(_CUED_KEPT))
    assert isinstance(kept, Kept)

    def named_base() -> Quantity | None:
        bound = _own_bases(ctx, m.part.quantity, m.share.sentence, m.share.cue)
        return bound[0].quantity if _single_named(bound) else None

    return kept.get(m.share.pct.start, m, named_base)


def subject_bases(ctx: Context, part: Quantity, s: Sentence, subject: str) -> list[Binding]:
    """Figures before ``part`` in its sentence, of its unit and larger, labelled with the
    head noun of the share's subject ("进驻事项800项,600项实现网上可办,网办事项比例达75%":
    网办事项 is a kind of 事项, so 800项 is the base). Several are all candidates."""
    head = subject[-2:]
    if len(subject) < 3 or len(head) < 2:
        return []
    found = [
        named("base", q, f"{subject} is a kind of {head}")
        for q in figures_before(s, part.start)
        if q.unit == part.unit and q.value > part.value and head in ctx.label_across_brackets(q)
    ]
    return _distinct(found[::-1])


def _own_bases(ctx: Context, part: Quantity, s: Sentence, cue: Cue) -> list[Binding]:
    """The bases of a share found from its own words and frame (see the module docstring)."""
    by_name = named_bases(ctx, part, s, cue)
    if by_name is not None:
        return by_name  # the share names its base: no other figure is guessed
    whole = wholes(ctx).get(part.start)
    if whole is not None and not has_own_share(ctx, whole):
        return [named("base", whole, "the whole of its 其中 frame")]
    if cue.kind == "rate":
        usual = conventional_bases(ctx, part, s, cue)
        if usual:
            return usual
    fam = family(part)
    # a share (占比) of a marked total of the same classifier in its sentence keeps that
    # base even when the part exceeds it: the share is then over 100%, which is reported
    fits = [
        q
        for q in cued_totals(ctx, (s,), part.start)
        if family(q) == fam
        and (q.value >= part.value or (cue.kind == "share" and q.unit == part.unit))
    ]
    if cue.kind == "rate":
        # a rate's base is stated in the same run as its part: across a semicolon it
        # is another statement (逮捕14.3万人…;不捕8.6万人,不捕率38.1%: not 8.6/14.3)
        run = run_start(ctx, part)
        fits = [q for q in fits if q.start >= run]
    scope: tuple[Sentence, ...] = (s,)
    how = "共 total of its sentence"
    if not fits and cue.kind == "share":
        scope = ctx.window(s, before=WINDOW)
        fits = [
            q
            for q in cued_totals(ctx, scope[:-1], part.start)
            if family(q) == fam and (q.value >= part.value or q.unit == part.unit)
        ]
        how = "a total in the sentences before"
    here = _around(ctx, s, part)
    fits = [q for q in fits if not _earlier(ctx, q, here)]  # last year's total is no base
    if not fits:
        return []
    first = fits[-1].start
    siblings = listed(ctx)  # parts of a breakdown are never the base of each other
    between = [
        q
        for sentence in scope
        for q in figures_before(sentence, part.start)
        if first < q.start
        and family(q) == fam
        and q.value >= part.value
        and not has_own_share(ctx, q)
        and q.start not in siblings
        and not listed_count(ctx, q)
    ]
    totals = fits[-1:] if len({q.value for q in fits}) == 1 else fits
    bound = [
        named("base", q, how) if how.startswith("共") else positional("base", q, how)
        for q in totals
    ]
    bound += [positional("base", q, "a larger figure between the total and the part") for q in between]
    found = _distinct(bound)
    # figures of the part's classifier first: the relation shows the likeliest base
    return sorted(found, key=lambda b: b.quantity.unit != part.unit)


#: how many sentences before a share the base it names may stand (across paragraphs: a
#: report states its counts under one heading and their shares under the next)
NAMED_REACH = 12


def _core(name: str) -> tuple[str, bool]:
    """The words of a base's name that can label a figure, and whether the name held a
    scope word (全市, 全省): "全市调解纠纷量" → ("调解纠纷", True), "受理案件总数" →
    ("受理案件", False)."""
    core, scoped = name, False
    for w in scope_words(name).get("levels", ()):
        core, scoped = core.replace(w, ""), True
    for w in BASE_GENERIC:
        core = core.replace(w, "")
    return core.strip("的之"), scoped


def named_bases(ctx: Context, part: Quantity, s: Sentence, cue: Cue) -> list[Binding] | None:
    """The figures a share names as its base (``占受理案件总数的40%`` after ``立案受理25件``):
    figures before ``part``, of its family and at least as large, whose label holds the
    name (shortened to its first four, then two characters if no label holds it whole),
    in the share's paragraph, or else in the twelve sentences before it. Several such
    figures of different value are all candidates.

    None when the share names no base, or only a generic one (占总数的: a total, found as
    usual); an empty list when the base it names is outside the text (占全省的) or no
    figure carries its name: then no other figure may be guessed instead.
    """
    if not cue.base:
        return None
    core, scoped = _core(cue.base)
    if not core:
        return [] if scoped else None
    # the name as written first ("用水总量": the total, not 农田灌溉用水量), then its core
    whole_name = cue.base
    for w in scope_words(whole_name).get("levels", ()):
        whole_name = whole_name.replace(w, "")
    keys = list(dict.fromkeys(k for k in (whole_name, core, core[:4], core[:2]) if len(k) >= 2))
    fam = family(part)
    earlier = ctx.sentences[max(0, s.index - NAMED_REACH) : s.index + 1]
    placed = [
        (q, sentence.paragraph)
        for sentence in earlier
        for q in figures_before(sentence, part.start)
        if family(q) == fam and q.value >= part.value
    ]
    # the part restated ("436个…占全部贫困县的52.4%" after "摘帽贫困县达436个") is no base,
    # nor a sibling of a run of counts ("诉求数量分别为9,197件、6,046件" beside 占诉求总量的)
    placed = [
        (q, g)
        for q, g in placed
        if (q.value != part.value or _whole_share_after(s, part)) and not listed_count(ctx, q)
    ]
    before = [q for q, _ in placed]
    own = [q for q, paragraph in placed if paragraph == s.paragraph]
    here = _around(ctx, s, part)
    for pool in (own, before):
        for key in keys:
            found = [
                q
                for q in pool
                if _labelled(ctx, q, key)
                and not _earlier(ctx, q, here)
                # a figure with a share of its own is a sibling part, unless named in full
                # or its own share is the rate of the very thing named (审结112件,审结率…)
                and (key == whole_name or not _sibling_part(ctx, q, key))
            ]
            if found:
                how = f"占{cue.base} → {key}"
                return _distinct([named("base", q, how) for q in reversed(found)])
    return []


def _sibling_part(ctx: Context, q: Quantity, key: str) -> bool:
    """Is ``q`` a part beside the share's own (it has a share of its own), rather than the
    whole the share names? ``审结112件,审结率93.3%`` is followed by the rate of 审结 itself:
    a part of the cases received, and the whole of the cases decided that 占审结案件总数的
    names."""
    own = own_share_cue(ctx, q)
    if own is None:
        return False
    return not (own.kind == "rate" and own.word and (own.word in key or key in own.word))


def _whole_share_after(s: Sentence, part: Quantity) -> bool:
    """Is a share of 100% stated just after ``part`` (a base may then equal it)?"""
    i = bisect.bisect_right(s.quantities, part.start, key=_START)
    return any(q.is_percent and q.value == 1 for q in s.quantities[i : i + 3])


def _around(ctx: Context, s: Sentence, part: Quantity) -> str:
    """The words of ``s`` around ``part`` where a share names its period (bounded, so a
    long sentence is not copied for every share)."""
    return ctx.text[max(s.start, part.start - 120) : min(s.end, part.end + 60)]


def _earlier(ctx: Context, q: Quantity, here: str) -> bool:
    """Is ``q`` labelled as of an earlier period (去年, 同期) that the share's sentence
    ``here`` does not name?"""
    label = ctx.label_across_brackets(q)
    return any(w in label and w not in here for w in BASE_EARLIER)


def _labelled(ctx: Context, q: Quantity, key: str) -> bool:
    """Does the label of ``q`` hold ``key``, not negated (不予受理 is no 受理)?"""
    label = ctx.label_across_brackets(q)
    return key in label and not any(n + key in label for n in NEGATIONS)


def _usual_words(stem: str) -> tuple[str, str] | None:
    """The key of ``[rate_bases]`` the rate's name ends in (the longest), or None."""
    keys = [k for k in RATE_BASES if stem.endswith(k)]
    return max(keys, key=len) if keys else None


def conventional_bases(ctx: Context, part: Quantity, s: Sentence, cue: Cue) -> list[Binding]:
    """Figures before ``part`` — in its sentence or the one before it in the paragraph,
    of its family, at least as large — labelled with a word a rate of this name is
    taken over by convention (``[rate_bases]``: 办结率 over 受理)."""
    key = _usual_words(cue.word)
    if key is None:
        return []
    words = RATE_BASES[key]
    fam = family(part)
    found: list[Binding] = []
    for sentence in ctx.window(s, before=1):
        for q in figures_before(sentence, part.start):
            if family(q) != fam or q.value < part.value:
                continue
            label = ctx.label_across_brackets(q)
            word = next((w for w in words if w in label), None)
            if word is not None and not any(n + word in label for n in NEGATIONS):
                found.append(named("base", q, f"{key}率 is over {word}"))
    return _distinct(found[::-1])


def _distinct(bound: Sequence[Binding]) -> list[Binding]:
    out: list[Binding] = []
    for b in bound:
        if all(b.quantity.value != o.quantity.value for o in out):
            out.append(b)
    return out
