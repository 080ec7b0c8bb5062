"""How often a list of shares agrees by chance with a figure it is not taken of
(``claims/binding/siblings.py``, :func:`stated_consensus`).

Every list of three or more shares found in the given files is offered each figure of its
parts' unit, larger than every part, from the *other* documents: a figure the list cannot
be taken of. It counts the offers the rule would accept (all shares but one reproduce over
the figure, at least two of them precise to 1%), each one a base fixed by chance.

    PYTHONPATH=src python3 bench/list_consensus_chance.py corpus/ ../shared/corpus-wide --half A

Not a test: the figures go to docs/arithmetic.md.
"""

from __future__ import annotations

from _paths import files_from_args

from consistency.claims._match import Context, countable, figure_interval
from consistency.claims.binding.percents import stated_shares
from consistency.claims.binding.siblings import Member, agree_on, listed_with
from consistency.intervals import RoundingMode
from consistency.quantities import Quantity, scan


def main(argv: list[str] | None = None) -> int:
    paths = files_from_args(__doc__.splitlines()[0], argv)
    lists: list[tuple[int, tuple[Member, ...]]] = []
    pool: list[tuple[int, Quantity]] = []
    for n, path in enumerate(paths):
        text = path.read_text(encoding="utf-8")
        ctx = Context.build(text, tuple(scan(text)))
        pool += [(n, q) for s in ctx.sentences for q in s.quantities if countable(q) and q.is_exact]
        seen: set[tuple[int, ...]] = set()
        for share in stated_shares(ctx):
            listed = listed_with(ctx, share)
            key = tuple(m.share.pct.start for m in listed)
            if len(listed) >= 3 and key not in seen:
                seen.add(key)
                lists.append((n, listed))
    offered = accepted = 0
    for n, listed in lists:
        unit = listed[0].part.quantity.unit
        largest = max(m.part.quantity.value for m in listed)
        for other, q in pool:
            iv = figure_interval(q, RoundingMode.HALF_UP)
            if other == n or q.unit != unit or q.value <= largest or iv is None:
                continue
            offered += 1
            if agree_on(listed, iv):
                accepted += 1
                print(f"chance: {paths[n].name}: {q.text} from {paths[other].name}")
    share = f"{accepted / offered:.2%}" if offered else "n/a"
    print(f"{len(paths)} files, {len(lists)} lists of three or more shares, "
          f"{offered} foreign figures offered, {accepted} accepted ({share})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
