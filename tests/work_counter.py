"""Work as a count, not a clock: how many functions (Python and built-in) a call runs.

Used by the linearity tests of the claim kinds: doubling a hostile text must at most
about double the count. A count is the same on every machine and under any load, so the
test needs no timing. It sees loops written in Python (a figure compared with every
earlier one, a character loop back to the line start); a scan inside one built-in call
(``str.rfind`` over a whole line) counts once, so bounded windows are still needed there.
"""

from __future__ import annotations

import sys
from collections.abc import Callable


def calls_made(run: Callable[[], object]) -> int:
    """The number of function calls, Python and built-in, that ``run()`` makes."""
    count = 0

    def profile(_frame: object, event: str, _arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


def grows_linearly(work: Callable[[int], int], n: int = 400) -> tuple[bool, int, int]:
    """Whether ``work(2n)`` is at most 2.2 times ``work(n)`` (with a little slack for the
    fixed cost), and both counts. A first run warms the caches (compiled patterns, data
    tables), whose one-time work would hide the growth."""
    work(n)
    small, large = work(n), work(2 * n)
    return large <= 2.2 * small + 200, small, large


def checking_work(kinds: tuple[object, ...], unit: str) -> Callable[[int], int]:
    """The work of reading and checking every claim of ``kinds`` in ``unit`` repeated n
    times (one long sentence or line), as a function of n for :func:`grows_linearly`."""
    from consistency.claims._match import Context
    from consistency.quantities import scan
    from consistency.verdicts import RoundingPolicy

    def work(n: int) -> int:
        text = unit * n
        ctx = Context.build(text, tuple(scan(text)))

        def run() -> None:
            for kind in kinds:
                for claim in kind.extract(ctx):  # type: ignore[attr-defined]
                    kind.check(claim, RoundingPolicy())  # type: ignore[attr-defined]

        return calls_made(run)

    return work
