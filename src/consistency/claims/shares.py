"""Shares and rates: a printed percentage against the counts it is taken from.

Cues (``data/cues/shares.toml``): 占比 / 占 / 比例 / 占总量的 before a percentage make it
a share of a total; a name ending in 率 (调解成功率, 办结率, 案前调解率) makes it a rate.
Words of change (同比, 增长, 压缩) leave it to the change checks; rates whose base is by
definition not the count beside them (胜诉率, 纠错率) are left alone.

Slots: the *part* is the figure just before the percentage (for a rate, the figure
whose label holds the rate's name, e.g. 辦結2477宗 for 辦結率; for a share that names its
part in its own clause, 基本支出占33.33%, the figure so named, or none); the *base* is, in order
of preference,

1. the whole of the 其中 frame or success clause the part belongs to
   (``收到申请18件,其中…撤回…2件,案前调解率为11.11%`` → 2/18);
2. a figure marked as a total (共, 合计) earlier in the sentence
   (``事项共1150项,“网上办”事项1046项、占比90.95%`` → 1046/1150);
3. for 占比 only, a total stated in the three sentences before, in the same paragraph.

A rate named by a negated group (不起诉率, 不捕率) with no such base may be over the sum
of that group and its complement, both stated in its sentence or the one before
(``决定起诉32.9万人;决定不起诉8.3万人,不起诉率20.1%`` → 8.3 / (32.9 + 8.3)); exactly one
figure of each group, of one unit, or no claim. Such a rate may be defined on another
base, so a mismatch is a warning (C205), never an error.

Several candidate bases of different value make the base ambiguous: the share is then
consistent if any candidate reproduces it, and undecidable (never an error) otherwise.

Claim (kind ``share``): ``stated`` is the percentage; ``parts`` are the part and then
every candidate base; the check asks whether part / base, with every rounded figure
read as its interval, rounds to the percentage under an accepted mode (consistent),
only under truncation (warning, C202), or not at all (error, C201).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import cast

from ..claim import Claim
from ..intervals import IndeterminateDivision, Interval, RoundingMode
from ..quantities import Quantity
from ..verdicts import Outcome, RoundingPolicy, Verdict
from . import totals
from ._match import (
    SEMICOLONS,
    Clause,
    Context,
    Judgement,
    Sentence,
    countable,
    family,
    figure_interval,
    fmt_interval,
    fmt_number,
    judge,
    load_cues,
)
from ._parts import RESPECTIVE

__all__ = ["KIND", "bases_for", "check", "extract", "has_own_share", "part_of", "percent_cue", "stated_shares"]

KIND = "share"

_C = load_cues("shares")
SHARE = _C["share"]["words"]
RATE = _C["rate"]["suffix"]
GAP = _C["rate"]["gap"]
AMBIGUOUS = _C["ambiguous"]["rates"]
CHANGE = _C["change"]["words"]
TARGET = _C["target"]["words"]
NEGATIONS = _C["complement"]["negations"]
SHORT = {k: v[0] for k, v in _C["short"].items()}
WINDOW = 3


def percent_cue(ctx: Context, pct: Quantity, clause: Clause) -> tuple[str, str] | None:
    """What makes ``pct`` a share: ``("share", "占比")`` or ``("rate", stem)`` where the
    stem is the rate's name without 率 (``"调解成功"``); ``("definitional", stem)`` for a
    rate whose base is by definition not the count beside it (胜诉率); None for any
    other percentage."""
    memo = cast(dict[int, "tuple[str, str] | None"], ctx.memo.setdefault("share.cue", {}))
    if pct.start not in memo:  # asked again for every figure a share may follow
        memo[pct.start] = _percent_cue(ctx, pct, clause)
    return memo[pct.start]


def _percent_cue(ctx: Context, pct: Quantity, clause: Clause) -> tuple[str, str] | None:
    """See :func:`percent_cue`."""
    label = ctx.label_before(pct, clause).strip()
    if any(w in label for w in CHANGE) or any(w in label for w in TARGET):
        return None
    bare = label
    changed = True
    while changed and bare:
        changed = False
        for g in GAP:
            if bare.endswith(g):
                bare, changed = bare[: -len(g)].rstrip(), True
    for w in AMBIGUOUS:
        if bare.endswith(w):
            return ("definitional", bare[: -len(w)] + w[:-1])
    for w in SHARE:
        if bare.endswith(w):
            return ("share", w)
    for suffix in RATE:
        if bare.endswith(suffix) and len(bare) > len(suffix):
            return ("rate", bare[: -len(suffix)])
    return None


def stated_shares(ctx: Context) -> Iterator[tuple[Quantity, Sentence, int, tuple[str, str]]]:
    """Every exact percentage with a share or rate cue, with its sentence, clause index
    and cue (used by this module and by the granularity check; found once per document)."""
    cached = ctx.memo.get("share.stated")
    if isinstance(cached, tuple):
        return iter(cached)
    found = tuple(_stated_shares(ctx))
    ctx.memo["share.stated"] = found
    return iter(found)


def _stated_shares(ctx: Context) -> Iterator[tuple[Quantity, Sentence, int, tuple[str, str]]]:
    """See :func:`stated_shares`."""
    for s in ctx.sentences:
        for ci, clause in enumerate(s.clauses):
            for q in clause.quantities:
                # a lower bound (98%以上) is checked as a bound; 约 and 近 are not checked
                if not q.is_percent or q.approx or q.low is None:
                    continue
                if q.value < 0:
                    continue
                cue = percent_cue(ctx, q, clause)
                if cue is not None:
                    yield q, s, ci, cue


def part_of(ctx: Context, pct: Quantity, s: Sentence, ci: int, cue: tuple[str, str]) -> Quantity | None:
    """The figure ``pct`` is a share of.

    A figure in the percentage's own clause before it; for a rate, the nearest figure
    whose label holds the rate's name or its last two characters (辦結2477宗 for 辦結率,
    结案45728件 for 综合结案率); otherwise the last figure of the clause just before. The
    search never crosses a semicolon, and a figure labelled as a change (增加12958件) is
    no part.
    """
    clause = s.clauses[ci]
    own = [q for q in clause.quantities if q.end <= pct.start]
    if own:
        return own[-1] if _is_part(ctx, own[-1], clause) else None
    reach: list[Clause] = []
    k = ci
    while k > 0 and s.clauses[k].opener not in SEMICOLONS:
        k -= 1
        reach.append(s.clauses[k])
    subject = _subject(ctx, pct, clause) if cue[0] == "share" else ""
    if subject:
        # "项目支出2000.01万元,基本支出占33.33%": the share names its own part, which
        # need not be the figure just before; a share naming no figure has no part
        for c in reach:
            named = [q for q in c.quantities if subject in ctx.label_before(q, c)]
            if named:
                return named[-1] if _is_part(ctx, named[-1], c) else None
        return None
    if cue[0] == "rate" and len(cue[1]) >= 2:
        for stem in _stems(cue[1]):
            for c in reach:
                named = [q for q in c.quantities if stem in ctx.label_before(q, c)]
                if named and _is_part(ctx, named[-1], c):
                    return named[-1]
    if reach and reach[0].quantities and _is_part(ctx, reach[0].quantities[-1], reach[0]):
        before = reach[0].quantities[-1]
        if cue[0] == "rate" and before.start in totals.listed(ctx):
            return None  # the last item of a list: the rate is of the whole list
        return before
    return None


def _subject(ctx: Context, pct: Quantity, clause: Clause) -> str:
    """The name a share gives its part in its own clause ("基本支出占33.33%": 基本支出),
    or "" when it names none ("占75.46%", "其中占比12%")."""
    label = ctx.label_before(pct, clause).strip()
    cut = min((i for i in (label.find(w) for w in SHARE) if i >= 0), default=-1)
    if cut < 0:
        return ""
    name = label[:cut].strip()
    for w in (*totals.SUBSET, *RESPECTIVE):
        name = name.replace(w, "")
    return name if len(name) >= 2 else ""


def _stems(name: str) -> list[str]:
    """The rate's name, then its shorter endings down to two characters."""
    return [name[i:] for i in range(len(name) - 1)]


def _is_part(ctx: Context, q: Quantity, clause: Clause) -> bool:
    """A countable figure not written as a change ("增加12958件"; "提升至763项" is a level)."""
    label = ctx.label_before(q, clause).rstrip().removesuffix("了")
    return countable(q) and not any(label.endswith(w) for w in CHANGE)


def _run_start(ctx: Context, q: Quantity) -> int:
    """Where the semicolon-separated run of the sentence holding ``q`` starts."""
    located = ctx.locate(q)
    if located is None:
        return q.start
    s, ci = located
    k = ci
    while k > 0 and s.clauses[k].opener not in SEMICOLONS:
        k -= 1
    return s.clauses[k].start


def has_own_share(ctx: Context, q: Quantity, besides: Quantity | None = None) -> bool:
    """Is ``q`` followed, in its clause or the next, by a share of its own (占12.79%),
    other than ``besides``?"""
    located = ctx.locate(q)
    if located is None:
        return False
    s, ci = located
    for c in s.clauses[ci : ci + 2]:
        for p in c.quantities:
            if p.start <= q.start:
                continue
            if p.is_percent:
                return p is not besides and percent_cue(ctx, p, c) is not None
            return False
    return False


def _cued_totals(ctx: Context, sentences: Sequence[Sentence], limit: int) -> list[Quantity]:
    """Figures marked as totals (共, 合计) in ``sentences``, starting before ``limit``."""
    found = []
    for s in sentences:
        for clause in s.clauses:
            for q in clause.quantities:
                if q.start < limit and countable(q) and totals.total_cue_in(ctx.label_across_brackets(q)):
                    found.append(q)
    return found


def bases_for(
    ctx: Context, part: Quantity, s: Sentence, cue: tuple[str, str]
) -> list[Quantity]:
    """The candidate bases of a share of ``part`` (see the module docstring).

    Besides a marked total, every figure between it and the part that is at least as
    large and has no share of its own is a candidate too (话务总数20693个 … 有效工单11171件
    … 综合办结数11163件: the base may be either); figures of the part's own classifier
    come first.
    """
    frame = totals.wholes(ctx).get(part.start)
    if frame is not None and not has_own_share(ctx, frame):
        return [frame]
    fam = family(part)
    # a share (占比) of a marked total of the same classifier in its sentence keeps that
    # base even when the part exceeds it: the share is then over 100%, which is reported
    fits = [
        q
        for q in _cued_totals(ctx, (s,), part.start)
        if family(q) == fam
        and (q.value >= part.value or (cue[0] == "share" and q.unit == part.unit))
    ]
    if cue[0] == "rate":
        # a rate's base is stated in the same run as its part: across a semicolon it
        # is another statement (逮捕14.3万人…;不捕8.6万人,不捕率38.1%: not 8.6/14.3)
        run = _run_start(ctx, part)
        fits = [q for q in fits if q.start >= run]
    scope: tuple[Sentence, ...] = (s,)
    if not fits and cue[0] == "share":
        scope = ctx.window(s, before=WINDOW)
        fits = [
            q
            for q in _cued_totals(ctx, scope[:-1], part.start)
            if family(q) == fam and (q.value >= part.value or q.unit == part.unit)
        ]
    if not fits:
        return []
    first = fits[-1].start
    between = [
        q
        for sentence in scope
        for q in sentence.quantities
        if first < q.start < part.start
        and family(q) == fam
        and q.value >= part.value
        and not has_own_share(ctx, q)
    ]
    found = _distinct([*fits[-1:], *between]) if len({q.value for q in fits}) == 1 else _distinct([*fits, *between])
    # figures of the part's classifier first: the relation shows the likeliest base
    return sorted(found, key=lambda q: q.unit != part.unit)


def _distinct(qs: Sequence[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []
    for q in qs:
        if all(q.value != o.value for o in out):
            out.append(q)
    return out


def extract(ctx: Context) -> Iterator[Claim]:
    """Every share or rate whose part and base the text states."""
    for pct, s, ci, cue in stated_shares(ctx):
        if cue[0] == "definitional":
            continue
        part = part_of(ctx, pct, s, ci, cue)
        bases = [b for b in bases_for(ctx, part, s, cue) if b.start != part.start] if part else []
        if part is None or not bases:
            pair = _complement(ctx, pct, s, cue)
            if pair is not None:
                yield _sum_claim(pct, *pair, cue)
            continue
        figures = (pct, part, *bases)
        start, end = min(q.start for q in figures), max(q.end for q in figures)
        yield Claim(
            kind=KIND,
            start=start,
            end=end,
            stated=pct,
            parts=(part, *bases),
            relation=f"{pct.text} = {fmt_number(part.value)} / {fmt_number(bases[0].value)}",
            details={"part": part.text, "base": bases[0].text, "cue": cue[1]},
        )


def _complement_forms(stem: str) -> tuple[tuple[str, ...], str] | None:
    """How the text may write the negated group a rate names (不捕, 不批准逮捕, 不逮捕 for
    不捕), and the other group's verb (逮捕); None when the name is not negated."""
    forms: tuple[str, ...] = ()
    for short, full in SHORT.items():
        if stem.endswith(short):
            stem, forms = stem[: -len(short)] + full, (short,)
            break
    # the last negation in the name: 未成年人不起诉 negates 起诉, not 成年人…
    for i in range(len(stem) - 3, -1, -1):
        n = next((n for n in sorted(NEGATIONS, key=len, reverse=True) if stem.startswith(n, i)), None)
        if n is not None and len(stem) - i - len(n) >= 2:
            verb = stem[i + len(n) :]
            core = verb[-2:]  # 批准逮捕 is also written 逮捕 (批准和决定逮捕)
            return (*forms, *(m + w for m in NEGATIONS for w in {verb, core})), core
    return None


def _complement(
    ctx: Context, pct: Quantity, s: Sentence, cue: tuple[str, str]
) -> tuple[Quantity, Quantity] | None:
    """The negated group a rate names and its complement, each the single figure so
    labelled before the rate in its sentence or the one before, of one unit; else None."""
    names = _complement_forms(cue[1]) if cue[0] == "rate" else None
    if names is None:
        return None
    negated, core = names
    negative: list[Quantity] = []
    positive: list[Quantity] = []
    for sentence in ctx.window(s, before=1):
        for clause in sentence.clauses:
            for q in clause.quantities:
                if q.end > pct.start or not _is_part(ctx, q, clause):
                    continue
                label = ctx.label_before(q, clause)
                if any(f in label for f in negated):
                    negative.append(q)
                elif core in label:
                    positive.append(q)
    if len(negative) != 1 or len(positive) != 1:
        return None
    neg, pos = negative[0], positive[0]
    if neg.unit != pos.unit or family(neg) != family(pos):
        return None
    return neg, pos


def _sum_claim(pct: Quantity, neg: Quantity, pos: Quantity, cue: tuple[str, str]) -> Claim:
    """The claim that ``pct`` is ``neg`` over ``neg`` + ``pos``."""
    figures = (pct, neg, pos)
    return Claim(
        kind=KIND,
        start=min(q.start for q in figures),
        end=max(q.end for q in figures),
        stated=pct,
        parts=(neg, pos),
        relation=f"{pct.text} = {fmt_number(neg.value)} / ({fmt_number(pos.value)} + {fmt_number(neg.value)})",
        details={"part": neg.text, "base": f"{pos.text}+{neg.text}", "cue": cue[1], "over": "sum"},
    )


def _share(part: Quantity, base: Quantity) -> Callable[[RoundingMode], Interval | None]:
    def compute(mode: RoundingMode) -> Interval | None:
        """part / base with both read under ``mode`` (None when one allows no interval)."""
        p, b = figure_interval(part, mode), figure_interval(base, mode)
        if p is None or b is None:
            return None
        try:
            return p / b
        except IndeterminateDivision:
            return None

    return compute


_RANK = {Verdict.CONSISTENT: 0, Verdict.CONDITIONAL: 1, Verdict.INCONSISTENT: 2, Verdict.UNDECIDABLE: 3}


def check(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Does part / base round to the printed share, for the base (or any candidate)?"""
    if claim.details.get("over") == "sum":
        return _check_sum(claim, policy)
    part, bases = claim.parts[0], claim.parts[1:]
    tried: list[tuple[Judgement, Quantity]] = [
        (judge(_share(part, b), claim.stated, policy), b) for b in bases
    ]
    j, base = min(tried, key=lambda t: _RANK[t[0].verdict])
    params = {
        "part": part.text,
        "base": base.text,
        "expr": f"{fmt_number(part.value)} / {fmt_number(base.value)}",
        "share": fmt_interval(j.computed, percent=True) if j.computed is not None else "",
    }
    params["value"] = params["share"]
    if j.verdict is Verdict.CONSISTENT:
        return Outcome(Verdict.CONSISTENT, None, j.computed, j.mode, params)
    if j.verdict is Verdict.CONDITIONAL:
        if len(bases) > 1:
            # truncated over one candidate base, wrong over the others: the base is
            # not certain, so neither is the truncation
            return Outcome(Verdict.UNDECIDABLE, "C903", j.computed, None, params)
        return Outcome(Verdict.CONDITIONAL, "C202", j.computed, j.mode, params)
    if j.verdict is Verdict.UNDECIDABLE:
        return Outcome(Verdict.UNDECIDABLE, "C902", None, None, {**params, "reason": "approximate figure"})
    if len(bases) > 1:
        return Outcome(Verdict.UNDECIDABLE, "C903", j.computed, None, params)
    return Outcome(Verdict.INCONSISTENT, "C201", j.computed, None, params)


def _check_sum(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Does the negated group over the sum of both groups round to the printed rate?
    A mismatch is a warning (C205): the rate may be defined on another base."""
    neg, pos = claim.parts

    def compute(mode: RoundingMode) -> Interval | None:
        """neg / (pos + neg) with both read under ``mode``."""
        n, p = figure_interval(neg, mode), figure_interval(pos, mode)
        if n is None or p is None:
            return None
        try:
            return n / (p + n)
        except IndeterminateDivision:
            return None

    j = judge(compute, claim.stated, policy)
    share = fmt_interval(j.computed, percent=True) if j.computed is not None else ""
    params = {
        "part": neg.text,
        "base": f"{pos.text}+{neg.text}",
        "expr": f"{fmt_number(neg.value)} / ({fmt_number(pos.value)} + {fmt_number(neg.value)})",
        "share": share,
        "value": share,
    }
    if j.verdict is Verdict.CONSISTENT:
        return Outcome(Verdict.CONSISTENT, None, j.computed, j.mode, params)
    if j.verdict is Verdict.UNDECIDABLE:
        return Outcome(Verdict.UNDECIDABLE, "C902", None, None, {**params, "reason": "approximate figure"})
    return Outcome(Verdict.INCONSISTENT, "C205", j.computed, None, params)
