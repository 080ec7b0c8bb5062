"""The base a share is taken of, with the evidence of the tie.

Candidates, in order of preference (the first kind found wins):

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

from collections.abc import Sequence

from ...claim import Binding
from ...quantities import Quantity
from .._match import Context, Sentence, countable, family
from . import named, positional
from .frames import wholes
from .parts import total_cue_in
from .percents import NEGATIONS, RATE_BASES, Cue, has_own_share, run_start

__all__ = ["WINDOW", "bases_for", "cued_totals"]

#: how many sentences before a share its total may stand (shares only, not rates)
WINDOW = 3


def cued_totals(ctx: Context, sentences: Sequence[Sentence], limit: int) -> list[Quantity]:
    """Figures marked as totals (共, 合计) in ``sentences``, starting before ``limit``,
    that carry no share of their own."""
    found = []
    for s in sentences:
        for clause in s.clauses:
            for q in clause.quantities:
                if (
                    q.start < limit
                    and countable(q)
                    and total_cue_in(ctx.label_across_brackets(q))
                    and not has_own_share(ctx, q)
                ):
                    found.append(q)
    return found


def bases_for(ctx: Context, part: Quantity, s: Sentence, cue: Cue) -> list[Binding]:
    """The candidate bases of a share of ``part`` (see the module docstring), figures of
    the part's own classifier first."""
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
    totals = fits[-1:] if len({q.value for q in fits}) == 1 else fits
    bound = [
        named("base", q, how) if how.startswith("共") else positional("base", q, how)
        for q in totals
    ]
    bound += [positional("base", q, "a larger figure between the total and the part") for q in between]
    found = _distinct(bound)
    # figures of the part's classifier first: the relation shows the likeliest base
    return sorted(found, key=lambda b: b.quantity.unit != part.unit)


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
        for clause in sentence.clauses:
            for q in clause.quantities:
                if q.start >= part.start or family(q) != fam or q.value < part.value:
                    continue
                label = ctx.label_before(q, clause)
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
