"""Coverage-guided fuzzing of the scanner, the whole check and every loader (atheris).

Run for a bounded time, one target at a time::

    python3 -m pip install atheris
    python3 bench/fuzz.py scan --seconds 60
    python3 bench/fuzz.py check --seconds 60
    python3 bench/fuzz.py html --seconds 60      # also: txt, docx, pdf

A target fails when it raises anything but :class:`~consistency.errors.InputError` (the
loaders' clear refusal of bad input). atheris then writes the input that broke it to
``tests/fuzz_regressions/<target>-crash-<sha1>``; ``tests/test_fuzz_regressions.py``
replays every file there, so a crash, once found and fixed, stays a test.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REGRESSIONS = Path(__file__).resolve().parent.parent / "tests" / "fuzz_regressions"
SUFFIX = {"txt": ".txt", "html": ".html", "docx": ".docx", "pdf": ".pdf"}


def target(name: str):
    """The one-input function for ``name``: bytes in, raises only on a bug."""
    from consistency import check_text, parse_quantities
    from consistency.errors import InputError
    from consistency.loaders import load_bytes

    def text_of(data: bytes) -> str:
        return data.decode("utf-8", errors="replace")

    if name == "scan":
        return lambda data: parse_quantities(text_of(data))
    if name == "check":
        return lambda data: check_text(text_of(data))
    if name in SUFFIX:

        def one(data: bytes) -> None:
            try:
                check_text(load_bytes(data, "fuzz" + SUFFIX[name]).text)
            except InputError:
                pass  # a clear refusal is the right answer to bad bytes

        return one
    raise SystemExit(f"unknown target {name!r}: choose scan, check, {', '.join(SUFFIX)}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=["scan", "check", *SUFFIX])
    parser.add_argument("--seconds", type=int, default=60, help="how long to fuzz")
    args = parser.parse_args(argv)
    import atheris

    with atheris.instrument_imports():
        one = target(args.target)
    REGRESSIONS.mkdir(exist_ok=True)
    atheris.Setup(
        [
            sys.argv[0],
            f"-max_total_time={args.seconds}",
            f"-artifact_prefix={REGRESSIONS}/{args.target}-",
            "-rss_limit_mb=4096",
        ],
        one,
    )
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
