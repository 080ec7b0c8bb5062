"""The folder walk does not trust the file system: pipes, links out and unlistable folders
are named, never opened, followed or passed over in silence."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from consistency.files import expand, walk

CLEAN = "全年收案10=3+7。\n"
SECRET = "机密100=1+1。\n"

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """reports/{a.txt, sub/b.txt}, and outside/secret.txt beside the folder checked."""
    (tmp_path / "reports" / "sub").mkdir(parents=True)
    (tmp_path / "reports" / "a.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "reports" / "sub" / "b.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(SECRET, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _cli(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command line in a child process, so a hang would end in TimeoutExpired."""
    return subprocess.run(
        [sys.executable, "-m", "consistency", *argv],
        cwd=cwd, capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )


def test_a_pipe_in_a_folder_is_named_and_never_opened(tree: Path) -> None:
    os.mkfifo(tree / "reports" / "pipe.txt")
    done = _cli("check", "reports", cwd=tree)
    assert done.returncode == 2
    assert "reports/pipe.txt: not a regular file (a pipe); skipped" in done.stderr
    assert "No findings in 2 files checked." in done.stdout


def test_a_pipe_named_directly_is_refused_without_waiting(tree: Path) -> None:
    os.mkfifo(tree / "pipe.txt")
    done = _cli("check", "pipe.txt", "reports/a.txt", cwd=tree)
    assert done.returncode == 2
    assert "pipe.txt: not a regular file (a pipe, socket or device); not read" in done.stderr


def test_a_link_out_of_the_folder_is_named_and_not_followed(
    run: Run, tree: Path
) -> None:
    (tree / "reports" / "leak.txt").symlink_to(tree / "outside" / "secret.txt")
    (tree / "reports" / "away").symlink_to(tree / "outside")
    code, out, err = run("check", "reports", "--format", "html")
    assert code == 2 and "机密" not in out
    assert "reports/leak.txt: a symbolic link to a file outside the folder checked" in err
    assert "reports/away: a symbolic link to a folder outside the folder checked" in err
    assert "--follow-symlinks" in err


def test_links_out_are_followed_when_asked(tree: Path) -> None:
    (tree / "reports" / "leak.txt").symlink_to(tree / "outside" / "secret.txt")
    (tree / "reports" / "away").symlink_to(tree / "outside")
    files, bad = expand(["reports"], follow_links=True)
    # the secret is reached twice (by its file link and its folder link) and read once
    assert files == ["reports/a.txt", "reports/leak.txt", "reports/sub/b.txt"]
    assert bad == []


def test_a_link_inside_the_folder_is_read_once(tree: Path) -> None:
    (tree / "reports" / "same.txt").symlink_to(tree / "reports" / "a.txt")
    (tree / "reports" / "again").symlink_to(tree / "reports" / "sub")
    files, bad = expand(["reports"])
    assert files == ["reports/a.txt", "reports/sub/b.txt"] and bad == []


def test_a_link_to_nothing_is_named(tree: Path) -> None:
    (tree / "reports" / "gone.txt").symlink_to(tree / "nowhere.txt")
    files, bad = expand(["reports"])
    assert bad == [("reports/gone.txt", "a symbolic link to nothing; skipped")]
    assert files == ["reports/a.txt", "reports/sub/b.txt"]


def test_a_loop_of_links_ends(tree: Path) -> None:
    (tree / "reports" / "sub" / "up").symlink_to(tree)
    files, _ = expand(["reports"], follow_links=True)
    assert files[:2] == ["reports/a.txt", "reports/sub/b.txt"]
    assert len(files) == len({os.path.realpath(f) for f in files})


def test_an_unlistable_folder_is_named(
    run: Run, tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scandir = os.scandir

    def refusing(path: str) -> object:
        if os.path.basename(os.fspath(path)) == "sub":
            raise PermissionError(13, "Permission denied")
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    code, out, err = run("check", "reports")
    assert code == 2
    assert "reports/sub: cannot list this folder (Permission denied); skipped" in err
    assert "No findings in 1 file checked." in out


def test_the_walk_keeps_its_order_files_first_then_each_subfolder(tree: Path) -> None:
    for rel in ("reports/c.txt", "reports/sub/a.txt", "reports/aa/z.txt", "reports/.x/y.txt"):
        (tree / rel).parent.mkdir(exist_ok=True)
        (tree / rel).write_text(CLEAN, encoding="utf-8")
    bad: list[tuple[str, str]] = []
    assert walk("reports", bad) == [
        "reports/a.txt", "reports/c.txt", "reports/aa/z.txt", "reports/sub/a.txt",
        "reports/sub/b.txt",
    ]
    assert bad == []
