"""Linear time on hostile input: doubling a hostile sentence at most doubles the work.

Each pattern of ``tests/cases/hostile.toml`` is checked at about 2.4 KB and at twice as
many repeats, in a fresh interpreter that counts the work (``tests/work.py``: Python
lines run in the package and characters given to regular expressions, never a clock).
A part of the check (the scanner, segmentation, a claim kind) is super-linear when its
work grows by more than :data:`SLACK` times at both doublings, 2.4 → 4.8 KB and
4.8 → 9.6 KB (the second measured only for the parts the first flags: a part that
stops looking past a bounded window grows fast until the window fills, then no more),
or when it passes 2,000 counted units per byte of text at the first size (the heaviest
linear part does about 900: the share kinds reading a bounded stretch around each of a
figure-dense sentence's figures).
A part whose work passes 4.5 times its work at the size before is stopped there: it has
grown faster than the text, which is all the doubling asks.

A pattern still super-linear is a strict xfail whose reason names the module where the
work grows, so that the owner of that module turns it green by fixing it.
``bench/hostile.py`` times the same patterns at 100 KB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from work import patterns  # tests/work.py (pytest puts tests/ on the path)

#: growth per doubling tolerated: exactly linear work doubles, plus rounding of repeats
SLACK = 2.1
SIZE = 2400
WORK_SCRIPT = Path(__file__).parent / "work.py"

#: pattern → where its work still grows faster than the text (strict xfail): the kind
#: modules whose work grows, and the files most of that work is done in
KNOWN: dict[str, str] = {}

Measured = dict[str, dict[str, dict[str, int]]]


def _run(size: int, names: list[str]) -> dict[str, Measured]:
    """``tests/work.py`` on ``names`` at ``size`` bytes, in two processes at once."""
    halves = [names[0::2], names[1::2]]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    children = [
        subprocess.Popen(
            [sys.executable, str(WORK_SCRIPT), str(size), *half],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        for half in halves
        if half
    ]
    found: dict[str, Measured] = {}
    for child in children:
        out, err = child.communicate(timeout=900)
        assert child.returncode == 0, err
        for line in out.splitlines():
            row = json.loads(line)
            found[row["name"]] = {"once": row["once"], "twice": row["twice"]}
    return found


def _total(work: dict[str, dict[str, int]], part: str) -> int:
    return sum(work.get(part, {}).values())


def _growing(first: Measured, second: Measured | None = None) -> dict[str, str]:
    """The parts whose work grows faster than the text, each with what shows it.

    A part stopped at the first size did over 2,000 counted units per byte (no linear
    part comes near); one stopped at the doubled size grew more than 4.5 times.
    """
    out: dict[str, str] = {}
    for part in set(first["once"]) | set(first["twice"]):
        if _stopped(first["once"], part):
            out[part] = f"over the counter's cap at {SIZE} bytes{_where(first['once'], part)}"
            continue
        runs = [first] if second is None else [first, second]
        ratios = [_ratio(run, part) for run in runs]
        if all(r > SLACK for r in ratios):
            shown = " then ".join("over ×4.5" if r == float("inf") else f"×{r:.2f}" for r in ratios)
            out[part] = f"work {shown} per doubling{_where(runs[-1]['twice'], part)}"
    return out


def _stopped(work: dict[str, dict[str, int]], part: str) -> bool:
    return "(stopped)" in work.get(part, {})


def _ratio(run: Measured, part: str) -> float:
    if _stopped(run["twice"], part):
        return float("inf")
    return _total(run["twice"], part) / max(1, _total(run["once"], part))


def _where(work: dict[str, dict[str, int]], part: str) -> str:
    files = sorted(work.get(part, {}).items(), key=lambda kv: -kv[1])
    shown = ", ".join(f"{f} {n:,}" for f, n in files[:3] if f != "(stopped)")
    return f"; most of it in {shown}" if shown else ""


@pytest.fixture(scope="module")
def measured() -> dict[str, tuple[Measured, Measured | None]]:
    names = [p["name"] for p in patterns()]
    first = _run(SIZE, names)
    # a part that grew at the first doubling is measured at a second one
    suspects = [
        n for n, why in ((n, _growing(first[n])) for n in names)
        if any("per doubling" in reason for reason in why.values())
    ]
    second = _run(2 * SIZE, suspects) if suspects else {}
    return {n: (first[n], second.get(n)) for n in names}


def _cases() -> list[Any]:
    return [
        pytest.param(
            p["name"],
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN[p["name"]])]
            if p["name"] in KNOWN
            else [],
            id=p["name"],
        )
        for p in patterns()
    ]


def test_there_are_at_least_sixty_patterns_covering_every_claim_kind() -> None:
    from consistency.claims import CLAIM_KINDS

    found = patterns()
    assert len(found) >= 60
    assert len({p["name"] for p in found}) == len(found)
    aimed = {a for p in found for a in p["aims"]}
    kinds = {k.__name__.rsplit(".", 1)[-1] for k in CLAIM_KINDS}
    assert kinds <= aimed, f"no hostile pattern aims at {sorted(kinds - aimed)}"
    assert all("。" not in p["unit"] for p in found)  # one sentence, however long


@pytest.mark.parametrize("name", _cases())
def test_doubling_a_hostile_sentence_at_most_doubles_the_work(
    measured: dict[str, tuple[Measured, Measured | None]], name: str
) -> None:
    first, second = measured[name]
    growing = _growing(first, second) if second is not None else _growing(first)
    assert growing == {}, "\n".join(f"{part}: {why}" for part, why in sorted(growing.items()))
