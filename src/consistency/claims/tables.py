"""Table totals: a row or column labelled 合计 / 总计 / 小计 / 总数 / 共计 is the sum of the others.

Cue words: ``data/cues/tables.toml`` (labels of totals; headings that are shares, not
additive, or subsets).

Tables: a Word file's or HTML page's own (``Context.tables``: exact cells, merged cells),
and tables typed as text (:func:`consistency.document.text_tables`).

Slots and relation, for each direction:

* **column totals** — a row whose label cell is a total word: in each numeric column, its
  figure is the sum of the figures of the rows it closes (the rows since the previous
  total of its level or above; the rows after it when it comes first, right under the
  heading; the subtotals just before it when they close every group: 小计, 小计, 合计);
* **row totals** — a column whose heading is a total word: in each data row, its figure is
  the sum of the part columns, on the side of the total that holds figures (when both
  do, the side whose unit matches the total's; with several total columns, each adds its
  own group, as total rows do).

Rounding: figures are read with :func:`~consistency.claims._match.figure_interval`, so a
decimal may drift by half a step per term. Whole numbers in a counted unit (``合计（宗）``)
are exact. Whole numbers of unknown unit are first read as exact; when only their rounded
reading makes the sum hold, the claim is reported as consistent only if rounded (C802).

What is left unchecked (no claim, never an error): a column or row holding any text among
its figures, a merged cell in the part cells, a heading that names a rate, an average, a
serial number (``skip``), a table with ``其中`` rows or columns (subsets, not parts), row
labels numbered at two levels (一、 and （一）), and fewer than two figures to add. A
total whose parts fail to add up while one part is the exact sum of the parts right
after it is a hierarchy whose indentation was lost: undecidable, not an error.

Reading tables into grids and finding what each total closes lives in ``_grid.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from ..claim import Claim
from ..document import Table, text_tables
from ..quantities import Quantity
from ..verdicts import Outcome, RoundingPolicy, Verdict
from ._grid import Grid
from ._match import Context, fmt_interval, fmt_number, fmt_percent, judge, sum_interval

__all__ = ["KIND", "check", "extract"]

KIND = "table-total"


def extract(ctx: Context) -> Iterator[Claim]:
    """Every total of every table of the document, with the figures it should add up."""
    given: tuple[Table, ...] = tuple(ctx.tables)
    typed = tuple(
        t for t in text_tables(ctx.text, first_index=len(given) + 1)
        if not any(g.start < t.end and t.start < g.end for g in given)
    )
    for table in (*given, *typed):
        yield from Grid(table, KIND).claims()


def check(claim: Claim, policy: RoundingPolicy) -> Outcome:
    """Does the total equal the sum of its parts, up to the rounding of each figure?"""
    parts, stated = claim.parts, claim.stated
    judgement = judge(lambda mode: sum_interval(parts, mode), stated, policy)
    if judgement.verdict is Verdict.UNDECIDABLE or judgement.computed is None:
        return Outcome(Verdict.UNDECIDABLE)
    # The sum of the figures as printed is what a reader recomputes; the interval
    # (each figure widened by its rounding) is what the verdict rests on.
    exact = sum((q.value for q in parts), Fraction(0))
    shown = {
        "value": fmt_percent(exact) if stated.is_percent else fmt_number(exact),
        "interval": fmt_interval(judgement.computed, percent=stated.is_percent),
    }
    strict = claim.details.get("strict") == "yes" and exact != stated.value
    if (judgement.verdict is not Verdict.CONSISTENT or strict) and _nested(parts):
        return Outcome(Verdict.UNDECIDABLE, params={"why": "nested rows"})
    if judgement.verdict is Verdict.INCONSISTENT:
        return Outcome(Verdict.INCONSISTENT, "C801", judgement.computed, None, shown)
    # Whole numbers of unknown unit that add up only when read as rounded figures: C802.
    if judgement.verdict is Verdict.CONDITIONAL or strict:
        return Outcome(Verdict.CONDITIONAL, "C802", judgement.computed, judgement.mode, shown)
    return Outcome(Verdict.CONSISTENT, None, judgement.computed, judgement.mode)


def _nested(parts: tuple[Quantity, ...]) -> bool:
    """Is one figure the exact sum of a run of the figures right after it?

    Then the rows are a hierarchy whose indentation was lost (税收收入 80, then 增值税 30
    and 所得税 50 under it), and their plain sum means nothing.
    """
    values = [q.value for q in parts]
    for i, head in enumerate(values):
        running = Fraction(0)
        for j in range(i + 1, len(values)):
            running += values[j]
            if running == head and j > i + 1:
                return True
            if running > head > 0:
                break
    return False
