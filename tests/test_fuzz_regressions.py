"""Every input a fuzz target once failed on is replayed here and must now pass."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted(p for p in (ROOT / "tests" / "fuzz_regressions").iterdir() if p.suffix != ".md")


def _fuzz_module():
    spec = importlib.util.spec_from_file_location("fuzz", ROOT / "bench" / "fuzz.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FUZZ = _fuzz_module()


def test_there_are_regressions_to_replay() -> None:
    assert CASES


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_input_that_once_failed_now_passes(path: Path) -> None:
    name = path.name.split("-", 1)[0]
    FUZZ.target(name)(path.read_bytes())  # raises on a bug; InputError is handled inside
