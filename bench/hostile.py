"""Seconds per 100 KB for every hostile pattern, and which part of the check takes them.

Run as ``python3 bench/hostile.py`` (``--size 100000`` bytes by default; name patterns to
run only those). Each pattern of ``tests/cases/hostile.toml`` is repeated into one
sentence of 1/64 of the size (1.6 KB), then twice as long up to the size; each part of the check (the scanner,
segmentation, each claim kind) is timed on its own. A pattern whose time passes
``--budget`` seconds at some size is not grown further: its time at the full size is
extrapolated from the growth between its last two sizes, and marked ``~``; a size still
running after ten times the budget is cut off, and the time at the full size given as at
least what linear growth from there would take (``>``).

The bar (issue 12) is under 2 s per 100 KB for every pattern. The rows over it name the
part where the time goes; ``tests/test_linear.py`` keeps each of them as a strict xfail
naming the module.
"""

from __future__ import annotations

import argparse
import math
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from consistency import check_text
from consistency.claims import CLAIM_KINDS
from consistency.claims._match import Context
from consistency.quantities import scan
from consistency.verdicts import RoundingPolicy
from work import patterns, repeats_for, text_of

BAR = 2.0


def timed_parts(text: str) -> dict[str, float]:
    """Seconds of each part of one check of ``text``."""
    times: dict[str, float] = {}
    t = time.perf_counter()
    quantities = tuple(scan(text))
    times["scanner"] = time.perf_counter() - t
    t = time.perf_counter()
    ctx = Context.build(text, quantities)
    times["segmentation"] = time.perf_counter() - t
    policy = RoundingPolicy()
    for kind in CLAIM_KINDS:
        t = time.perf_counter()
        for claim in kind.extract(ctx):
            kind.check(claim, policy)
        times[kind.__name__.removeprefix("consistency.")] = time.perf_counter() - t
    return times


class _Slow(Exception):
    """One measurement ran past its limit."""


def _alarm(signum: int, frame: object) -> None:
    raise _Slow


def measure(
    pattern: dict, size: int, budget: float
) -> tuple[float, str, dict[str, float]]:
    """Seconds for ``size`` bytes, how they were found (``" "`` measured, ``"~"``
    extrapolated from the growth between the last two sizes, ``">"`` a lower bound from a
    size cut off at ten times the budget), and the parts of the last size measured."""
    sizes = [size >> k for k in range(6, -1, -1)]  # 1/64 of the size, doubling up to it
    seen: list[tuple[int, float, dict[str, float]]] = []
    signal.signal(signal.SIGALRM, _alarm)
    for s in sizes:
        text = text_of(pattern, repeats_for(pattern, s))
        got = len(text.encode("utf-8"))
        signal.setitimer(signal.ITIMER_REAL, 10 * budget)
        try:
            parts = timed_parts(text)
        except _Slow:
            last = seen[-1][2] if seen else {}
            return 10 * budget * (size / got), ">", last
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        seen.append((got, sum(parts.values()), parts))
        if seen[-1][1] > budget and s != size:
            break
    got, seconds, parts = seen[-1]
    if got >= size * 0.9 or len(seen) < 2:
        return seconds * size / got, " " if got >= size * 0.9 else ">", parts
    (a, ta, _), (b, tb, _) = seen[-2], seen[-1]
    exponent = max(1.0, math.log(max(tb, 1e-9) / max(ta, 1e-9)) / math.log(b / a))
    return tb * (size / b) ** exponent, "~", parts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="patterns to run (default: all)")
    parser.add_argument("--size", type=int, default=100_000, help="bytes of UTF-8")
    parser.add_argument("--budget", type=float, default=BAR, help="seconds before extrapolating")
    args = parser.parse_args(argv)
    check_text("共受理30件,其中甲类10件,占33.3%,同比增长10%。")  # compile and warm up
    chosen = [p for p in patterns() if not args.names or p["name"] in args.names]
    print(f"{'pattern':32} {'s/' + str(args.size // 1000) + 'KB':>10}  slowest part")
    slow: list[tuple[str, float, str]] = []
    for pattern in chosen:
        seconds, mark, parts = measure(pattern, args.size, args.budget)
        part, spent = max(parts.items(), key=lambda kv: kv[1], default=("?", 0.0))
        share = spent / max(sum(parts.values()), 1e-9)
        print(f"{pattern['name']:32} {mark}{seconds:9.2f}  {part} ({share:.0%})", flush=True)
        if seconds >= BAR:
            slow.append((pattern["name"], seconds, part))
    print(f"\n{len(chosen) - len(slow)} of {len(chosen)} patterns under {BAR:g} s per "
          f"{args.size // 1000} KB.")
    for name, seconds, part in slow:
        print(f"  over: {name} ({seconds:.0f} s, in {part})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
