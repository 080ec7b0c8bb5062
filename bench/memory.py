"""Peak memory of ``check_text`` against the UTF-8 size of the document, and what holds it.

Run as ``python3 bench/memory.py`` (``--mb 10`` by default): the five seed reports are
repeated into one document of about that many megabytes of UTF-8, checked once to warm
up on a small text, then checked under ``tracemalloc``. Printed: the peak of the whole
check as a multiple of the document's UTF-8 size, then the same check part by part —
what each part (the figures, segmentation, each claim kind) keeps and the peak while it
runs, as multiples of the size — and the source lines holding most of what is kept.

Memory traced by ``tracemalloc`` is Python's own allocations (objects, strings,
lists); the interpreter and its modules (some 30 MB resident) are not counted, and
neither is the document's text itself, which exists before the check starts.
"""

from __future__ import annotations

import argparse
import sys
import tracemalloc
from pathlib import Path

from consistency import check_text
from consistency.claims import CLAIM_KINDS
from consistency.claims._match import Context
from consistency.quantities import scan
from consistency.verdicts import RoundingPolicy

SEEDS = Path(__file__).resolve().parents[1] / "corpus" / "seeds"


def document(mb: float) -> str:
    """The seed reports repeated into about ``mb`` megabytes of UTF-8."""
    seeds = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    times = max(1, round(mb * 1_000_000 / len(seeds.encode("utf-8"))))
    return seeds * times


def whole(text: str, size: int) -> None:
    tracemalloc.start()
    report = check_text(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"check_text: peak {peak / 1e6:,.1f} MB = {peak / size:.1f}× the UTF-8 size "
          f"({len(report.quantities):,} figures, {len(report.claims):,} claims)")


def parts(text: str, size: int) -> None:
    tracemalloc.start(4)
    print(f"{'part':16} {'kept':>6} {'peak':>6}   (× the UTF-8 size, cumulative)")

    def mark(name: str) -> None:
        current, peak = tracemalloc.get_traced_memory()
        print(f"{name:16} {current / size:6.1f} {peak / size:6.1f}")
        tracemalloc.reset_peak()

    quantities = tuple(scan(text))
    mark("figures")
    ctx = Context.build(text, quantities)
    mark("segmentation")
    held = tracemalloc.take_snapshot()
    policy = RoundingPolicy()
    claims = []
    for kind in CLAIM_KINDS:
        claims.extend(kind.check(c, policy) for c in kind.extract(ctx))
        mark(kind.__name__.rsplit(".", 1)[-1])
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    print("\nheld after segmentation, by line:")
    for stat in held.statistics("lineno")[:6]:
        print(f"  {stat.size / size:4.1f}×  {stat.traceback[0]}")
    print("added by the claim kinds, by line:")
    for stat in after.compare_to(held, "lineno")[:6]:
        print(f"  {stat.size_diff / size:4.1f}×  {stat.traceback[0]}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="document size in MB")
    args = parser.parse_args(argv)
    text = document(args.mb)
    size = len(text.encode("utf-8"))
    print(f"document: {size / 1e6:,.1f} MB of UTF-8, {len(text):,} characters")
    check_text(text[:20_000])  # compile and warm up outside the measurement
    whole(text, size)
    parts(text, size)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
