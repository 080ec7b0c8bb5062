"""The other plausible readings of a share, tried before it is called inconsistent.

A careful reviewer calls a share wrong only when no plausible reading of the text gives
it. Besides the base and part the text ties to it (:mod:`.bases`, :mod:`.percents`), a
share may be taken

* over the sum of the list it is one of (``税收收入3,600万元,占53.8%;非税收入3,090万元,
  比重为46.2%``: over 6,690万元, stated nowhere);
* over the base its neighbouring shares agree on (:mod:`.siblings`);
* over another figure of its part's family stated before it in its paragraph (the
  nearest :data:`OTHER_BASES`, each at least as large as the part, none followed by a
  share of its own);
* of the sum of the items listed just before it (``交通类783件、城建类579件、政法类
  562件,占工单总量的77%``: 1924 of 2495).

The search is kept narrow on purpose: every reading tried is one more chance for a wrong
figure to be rescued by coincidence (docs/arithmetic.md gives the measured rate).
"""

from __future__ import annotations

from ...claim import Binding, Evidence, Reading
from ...quantities import Quantity
from .._match import Context, family, figure_interval
from . import consensus
from .bases import inherits
from .frames import frame_parts
from .percents import StatedShare, has_own_share
from .reach import FIGURES_BACK, figures_before
from .siblings import agreeing, confirming, listed_with

__all__ = ["OTHER_BASES", "OTHER_REACH", "confirmed", "listed_run", "share_readings"]

#: how many other figures of the paragraph are tried as bases before an error
OTHER_BASES = 6
#: how many sentences back (in the share's paragraph) they may stand
OTHER_REACH = 5


def confirmed(ctx: Context, share: StatedShare, base: Binding) -> Binding:
    """``base``, fixed by consensus when it was guessed by position and two other shares
    of the paragraph reproduce it."""
    if base.evidence is not Evidence.POSITION:
        return base
    witnesses = confirming(ctx, share, base.quantity)
    if len(witnesses) < 2:
        return base
    return consensus("base", base.quantity, f"{len(witnesses)} other shares of the paragraph reproduce it")


def listed_run(ctx: Context, q: Quantity) -> tuple[Quantity, ...]:
    """The run of figures listed with 、 that ends at ``q`` ("783件、579件、562件"), one
    per clause, of ``q``'s unit, in text order; empty when ``q`` ends no such run."""
    located = ctx.locate(q)
    if located is None:
        return ()
    s, ci = located
    run = [q]
    k = ci
    while k > 0 and s.clauses[k].opener == "、":
        if len(run) > FIGURES_BACK:
            return ()  # a list longer than any reading looks back over: no sum is read
        prev = s.clauses[k - 1]
        mine = [p for p in prev.quantities if p.unit == q.unit]
        if len(mine) != 1 or len(prev.quantities) != 1:
            break
        run.insert(0, mine[0])
        k -= 1
    return tuple(run) if len(run) >= 2 else ()


def share_readings(
    ctx: Context, share: StatedShare, part: Binding, bases: list[Binding]
) -> tuple[Reading, ...]:
    """The other plausible readings of ``share`` (see the module docstring), in the order
    they are tried."""
    p = part.quantity
    taken = {b.quantity.start for b in bases} | {p.start}
    out: list[Reading] = []
    listed = listed_with(ctx, share)
    if len(listed) >= 2:
        out.append(Reading("over the sum of the listed parts", tuple(m.part.quantity for m in listed)))
    agreed = agreeing(ctx, share)
    bound = [iv for iv in (figure_interval(b.quantity) for b in bases) if iv is not None]
    if agreed is not None and not any(all(m.implied.intersects(iv) for m in agreed[0]) for iv in bound):
        # neighbours that all fit the bound base confirm it: they offer no other reading
        group, bounds = agreed
        out.append(
            Reading(
                f"over the base {len(group)} neighbouring shares agree on",
                tuple(m.part.quantity for m in group),
                bounds=bounds,
            )
        )
    fam = family(p)
    held = frame_parts(ctx)  # the whole of another frame belongs to its own parts
    nearby = [
        q
        for sentence in ctx.window(share.sentence, before=OTHER_REACH)
        for q in figures_before(sentence, share.pct.start)
        if q.start not in taken
        and family(q) == fam
        and q.value >= p.value
        and not has_own_share(ctx, q)
        and (q.start not in held or p.start in held[q.start])
    ]
    if not share.cue.base and not any(inherits(b) for b in bases):
        # a share that names its base (占用水总量的), or takes the one an earlier share of
        # its list names, is not tried over other figures
        out += [Reading(f"over {q.text}", (q,)) for q in nearby[-OTHER_BASES:]]
    run = listed_run(ctx, p)
    if run:
        out.append(Reading(f"of the {len(run)} items listed before it", run, role="part"))
    return tuple(out)
