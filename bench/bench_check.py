"""Speed and memory of the whole check, beside cn2an.transform on the same text.

Run as ``python3 bench/bench_check.py`` (add ``--files 10000`` for the memory run on a
large generated corpus). It prints:

* characters per second of ``parse_quantities``, ``check_text`` and
  ``cn2an.transform`` on the corpus concatenated, in this one process (best of three:
  the later runs find the figures' intervals already computed);
* the same on text this process has never checked (``--fresh DIR``: passages of another
  corpus in chunks of twenty, each checked once), the speed a user meets on a new report;
* how ``check_text`` time grows with document size (1×, 10×, 100× the corpus): the
  seconds per million characters must stay flat for the check to be linear;
* the same for hostile strings (long digit runs, separators, lists, nesting);
* peak traced memory while checking many files one after another: it must stay flat.

Not a test: timings depend on the machine, so nothing here asserts a number; the
figures go to docs/performance.md.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path

import cn2an

from consistency import check_text, parse_quantities

ROOT = Path(__file__).resolve().parent.parent

HOSTILE: dict[str, Callable[[int], str]] = {
    "digits": lambda n: "1" * n,
    "separators": lambda n: "1," * (n // 2),
    "list": lambda n: "共" + "1件、" * (n // 3),
    "nesting": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "chinese": lambda n: "一" * n,
    "percent-words": lambda n: "百分之" * (n // 3),
    # one sentence of many stated identities, completion rates and changes: each figure's
    # terms, amount or level is looked for a bounded distance around it
    "identities": lambda n: "出生率1.2‰,死亡率1.1‰,自然增长率0.1‰," * (n // 24),
    "completion": lambda n: "收入完成100万元,完成年初预算100万元的100%," * (n // 26),
    "changes": lambda n: "增加10万元,增长11.1%,达到100万元," * (n // 22),
}


def _seconds(work: Callable[[], object], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        began = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - began)
    return best


def throughput(text: str) -> None:
    n = len(text)
    print(f"text: {n:,} chars")
    for name, work in (
        ("parse_quantities", lambda: parse_quantities(text)),
        ("check_text", lambda: check_text(text)),
        ("cn2an.transform", lambda: cn2an.transform(text, "cn2an")),
    ):
        print(f"  {name:<18} {n / _seconds(work):>12,.0f} chars/s")


def fresh(folder: Path, chunk: int = 20) -> None:
    """``check_text`` beside cn2an on chunks of ``folder``'s passages, each checked once."""
    print(f"text never checked before ({folder}, {chunk} passages a chunk):")
    files = sorted(folder.glob("*.txt"))
    size = ours_all = theirs_all = 0.0
    for lo in range(0, len(files), chunk):
        text = "\n".join(p.read_text("utf-8") for p in files[lo : lo + chunk])
        began = time.perf_counter()
        check_text(text)
        ours = time.perf_counter() - began
        began = time.perf_counter()
        cn2an.transform(text, "cn2an")
        theirs = time.perf_counter() - began
        print(f"  {lo:>4}-{lo + chunk - 1:<4} {len(text):>9,} chars  check_text "
              f"{len(text) / ours:>10,.0f} chars/s  {theirs / ours:5.2f}x cn2an")
        size, ours_all, theirs_all = size + len(text), ours_all + ours, theirs_all + theirs
    print(f"  {'all':<9} {size:>9,.0f} chars  check_text "
          f"{size / ours_all:>10,.0f} chars/s  {theirs_all / ours_all:5.2f}x cn2an")


def scaling(text: str, factors: tuple[int, ...] = (1, 10, 100)) -> None:
    print("check_text scaling (seconds per million characters must stay flat):")
    for k in factors:
        big = "\n".join([text] * k)
        s = _seconds(lambda big=big: check_text(big), rounds=1 if k >= 100 else 3)
        print(f"  {k:>4}x  {len(big):>10,} chars  {s:8.2f} s  {s / len(big) * 1e6:8.2f} s/Mchar")


def hostile(sizes: tuple[int, ...] = (10_000, 100_000)) -> None:
    print("hostile strings (seconds per million characters must stay flat):")
    for name, make in HOSTILE.items():
        cells = []
        for n in sizes:
            s = _seconds(lambda make=make, n=n: check_text(make(n)), rounds=1)
            cells.append(f"{n:>8,}: {s / n * 1e6:8.2f} s/Mchar")
        print(f"  {name:<14} " + "   ".join(cells))


def memory(files: int, text: str) -> None:
    print(f"memory over {files:,} documents checked one after another:")
    parts = text.split("\n")
    tracemalloc.start()
    marks = []
    for i in range(files):
        doc = "\n".join(parts[i % len(parts) : i % len(parts) + 40])
        check_text(doc, path=f"doc{i}.txt")
        if (i + 1) % max(1, files // 5) == 0:
            gc.collect()
            current, peak = tracemalloc.get_traced_memory()
            marks.append((i + 1, current, peak))
    tracemalloc.stop()
    for count, current, peak in marks:
        print(f"  after {count:>7,}: current {current / 2**20:7.2f} MiB, peak {peak / 2**20:7.2f} MiB")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000, help="documents for the memory run")
    parser.add_argument("--no-scaling", action="store_true", help="skip the 100x run")
    parser.add_argument("--fresh", type=Path, help="a folder of passages never checked here")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")  # cn2an warns on every numeral word it cannot read
    text = "\n".join(p.read_text("utf-8") for p in sorted((ROOT / "corpus").rglob("*.txt")))
    throughput(text)
    if args.fresh:
        fresh(args.fresh)
    if not args.no_scaling:
        scaling(text)
    hostile()
    memory(args.files, text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
