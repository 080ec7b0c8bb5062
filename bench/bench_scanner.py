"""Throughput of the quantity scanner beside cn2an.transform, on the seed reports.

Run as ``python3 bench/bench_scanner.py [FILES...]``. Both run in this one process on
the same concatenated text, best of several rounds; it prints characters per second.
Not a test: timings depend on the machine, so nothing here asserts a number.
"""

from __future__ import annotations

import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import cn2an

from consistency import parse_quantities
from consistency.numerals import parse_numeral

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5


def _best_rate(work: Callable[[], object], chars: int) -> float:
    """Characters per second of the fastest of ``ROUNDS`` runs."""
    best = float("inf")
    for _ in range(ROUNDS):
        began = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - began)
    return chars / best


def main(argv: list[str]) -> int:
    warnings.simplefilter("ignore")  # cn2an warns on every numeral word it cannot read
    paths = [Path(a) for a in argv] or sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
    text = "\n".join(p.read_text("utf-8") for p in paths)

    def cold_scan() -> object:
        parse_numeral.cache_clear()  # a fair race: no figure remembered from the last round
        return parse_quantities(text)

    ours = _best_rate(cold_scan, len(text))
    theirs = _best_rate(lambda: cn2an.transform(text, "cn2an"), len(text))
    found = len(parse_quantities(text))
    print(f"corpus: {len(paths)} files, {len(text)} chars, {found} quantities")
    print(f"parse_quantities   {ours:>12,.0f} chars/s")
    print(f"cn2an.transform    {theirs:>12,.0f} chars/s")
    print(f"ratio              {ours / theirs:>12.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
