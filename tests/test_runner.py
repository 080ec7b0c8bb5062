"""Many files at once: a crashed worker costs one file at most, a budget ends a hang, a
signal ends the run with whole output, and the order never depends on the workers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest

from conftest import fake_check_document
from consistency import engine
from consistency.config import Config
from consistency.document import Document
from consistency.findings import Report
from consistency.runner import Runner

Run = Callable[..., tuple[int, str, str]]
WRONG = "全年收案12=3+7。\n"


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for i in range(6):
        (tmp_path / f"r{i}.txt").write_text(f"第{i}段{10 + i % 3}=3+7。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _sabotaged(marker: Path) -> Callable[[Document, Config | None], Report]:
    """The stand-in engine, whose process dies on KILL always and on ONCE the first time,
    and which never ends on HANG."""

    def check(document: Document, config: Config | None = None) -> Report:
        if "KILL" in document.text or ("ONCE" in document.text and not marker.exists()):
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        if "HANG" in document.text:
            while True:
                time.sleep(1)
        return fake_check_document(document, config)

    return check


def _paths(data: dict) -> tuple[list[str], dict[str, str]]:
    return [f["path"] for f in data["files"]], {e["path"]: e["error"] for e in data["errors"]}


def _sabotage(
    run: Run, drafts: Path, monkeypatch: pytest.MonkeyPatch, name: str, word: str, *args: str
) -> tuple[int, list[str], dict[str, str], str]:
    """Run on the drafts with ``word`` written into ``name``: exit code, files, errors, stderr."""
    monkeypatch.setattr(engine, "check_document", _sabotaged(drafts / "died"))
    (drafts / name).write_text(f"{word} {WRONG}", encoding="utf-8")
    code, out, err = run("check", *args, "--format", "json", ".")
    files, errors = _paths(json.loads(out))
    return code, files, errors, err


def test_a_worker_killed_once_costs_nothing(
    run: Run, drafts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, files, errors, err = _sabotage(run, drafts, monkeypatch, "r3.txt", "ONCE", "-j", "2")
    assert (drafts / "died").exists()  # it did die, and the file was tried again
    assert code == 1 and errors == {} and err == ""
    assert files == [f"r{i}.txt" for i in range(6)]


def test_a_file_that_kills_its_worker_twice_is_not_checked_and_the_rest_are(
    run: Run, drafts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, files, errors, err = _sabotage(run, drafts, monkeypatch, "r2.txt", "KILL", "-j", "2")
    assert code == 2
    assert files == ["r0.txt", "r1.txt", "r3.txt", "r4.txt", "r5.txt"]
    assert errors == {
        "r2.txt": "not checked: the process checking it ended (killed by SIGKILL), twice"
    }
    assert "r2.txt: not checked" in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_document_over_its_budget_is_not_checked_and_the_rest_are(
    run: Run, drafts: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    code, files, errors, _ = _sabotage(
        run, drafts, monkeypatch, "r1.txt", "HANG", "-j", jobs, "--timeout", "0.5"
    )
    assert code == 2
    assert files == ["r0.txt", "r2.txt", "r3.txt", "r4.txt", "r5.txt"]
    assert errors == {"r1.txt": "not checked: still running after --timeout 0.5 s"}


def test_a_budget_applies_to_standard_input_too(
    run: Run, drafts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr(engine, "check_document", _sabotaged(drafts / "died"))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"HANG 10=3+7")))
    code, _, err = run("check", "--timeout", "0.5", "-", "r0.txt")
    assert code == 2 and "-: not checked: still running after --timeout 0.5 s" in err


@pytest.mark.parametrize("value", ["0", "-1"])
def test_a_budget_must_be_positive(run: Run, drafts: Path, value: str) -> None:
    code, _, err = run("check", "--timeout", value, "r0.txt")
    assert code == 2 and "--timeout: must be a number of seconds above 0" in err


@pytest.mark.parametrize("jobs", [1, 2, 4])
def test_the_outcomes_come_back_in_the_order_given(
    drafts: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    monkeypatch.setattr(engine, "check_document", fake_check_document)
    names = [f"r{i % 6}.txt" for i in range(40)]  # more than the workers look ahead
    outcomes = list(Runner(jobs, Config()).run(names))
    assert [o.path for o in outcomes] == names


# --- signals: the run ends, the workers end, the output is whole -------------------------

_CHILD = textwrap.dedent(
    """
    import os, sys, time
    sys.path[:0] = {path!r}
    from conftest import fake_check_document
    from consistency import engine
    from consistency.cli import main

    def check(document, config=None):
        if "HANG" in document.text:
            open(f"hanging-{{os.getpid()}}", "w").close()
            while True:
                time.sleep(1)
        return fake_check_document(document, config)

    engine.check_document = check
    sys.exit(main(["check", "--jobs", "2", "--format", "json", "."]))
    """
)


@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["TERM", "INT"]
)
def test_a_signal_ends_the_workers_and_leaves_whole_json(
    drafts: Path, signum: int, code: int
) -> None:
    for name in ("r4.txt", "r5.txt"):
        (drafts / name).write_text("HANG " + WRONG, encoding="utf-8")
    here = [str(Path(__file__).parent), *sys.path]
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD.format(path=here)],
        cwd=drafts, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        parent = psutil.Process(child.pid)
        while len(list(drafts.glob("hanging-*"))) < 2:  # both workers on a file that hangs
            assert child.poll() is None, child.communicate()
            time.sleep(0.05)
        workers = parent.children()
        child.send_signal(signum)
        out, err = child.communicate(timeout=60)
    finally:
        child.kill()
    assert child.returncode == code
    data = json.loads(out)  # whole JSON
    files, errors = _paths(data)
    # the hanging ones are named; the others were checked, or named if not yet handed back
    assert sorted(files + list(errors)) == [f"r{i}.txt" for i in range(6)]
    assert set(errors.values()) == {"not checked: the run was interrupted"}
    assert {"r4.txt", "r5.txt"} <= set(errors)
    assert "Traceback" not in err
    _gone, alive = psutil.wait_procs(workers, timeout=30)
    assert alive == []
