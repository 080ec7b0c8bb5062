"""The files a bench script reads: the paths given, with the wide corpus cut to one half.

The wide corpus (``../shared/corpus-wide``) is split by file number: half A holds the odd
numbers, half B the even ones, kept unseen until the end (see ``bench/wide_audit.py``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["corpus_files", "files_from_args"]


def files_from_args(description: str, argv: list[str] | None = None) -> list[Path]:
    """The files named on a bench script's command line (``PATH … [--half A]``)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--half", choices=("A",), default="A", help="the wide corpus half read")
    args = parser.parse_args(argv)
    return corpus_files(args.paths, args.half)


def corpus_files(paths: list[str], half: str) -> list[Path]:
    """The ``.txt`` files under ``paths``; those of the wide corpus only from ``half``."""
    out: list[Path] = []
    for p in map(Path, paths):
        found = sorted(p.rglob("*.txt")) if p.is_dir() else [p]
        if "corpus-wide" in str(p):
            parity = 1 if half == "A" else 0
            found = [f for f in found if f.name[:3].isdigit() and int(f.name[:3]) % 2 == parity]
        out.extend(found)
    return out
