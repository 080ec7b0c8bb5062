"""No output may destroy an input, and every file is replaced whole or not at all."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from consistency.cli import main
from consistency.errors import ConsistencyError
from consistency.writing import atomic_write, refuse_inputs_as_outputs, same_file

CLEAN = "全年收案10=3+7。\n"
WRONG = "全年收案12=3+7。\n"

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "wrong.txt").write_text(WRONG, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "wrong.txt")
    os.link(tmp_path / "wrong.txt", tmp_path / "hard.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- same file, through every way of naming it ------------------------------------------


@pytest.mark.parametrize(
    "other", ["wrong.txt", "./wrong.txt", "sub/../wrong.txt", "link.txt", "hard.txt"],
    ids=["itself", "dot", "dot-dot", "a symlink", "a hard link"],
)
def test_one_file_named_many_ways_is_the_same_file(drafts: Path, other: str) -> None:
    assert same_file("wrong.txt", other)
    assert not same_file("wrong.txt", "sub/clean.txt")
    assert not same_file("wrong.txt", "absent.txt")


# --- refusals on the command line: exit 2, the input untouched ----------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "wrong.txt", "-o", "./wrong.txt"],
        ["check", "wrong.txt", "-o", "link.txt"],
        ["check", "wrong.txt", "--output", "hard.txt", "--format", "json"],
        ["check", ".", "-o", "sub/clean.txt"],
        ["check", "wrong.txt", "--write-baseline", "wrong.txt"],
        ["check", "sub", "--write-baseline", "sub/./clean.txt"],
        ["check", "wrong.txt", "--config", "consistency.toml", "-o", "consistency.toml"],
        ["check", "wrong.txt", "--baseline", "b.json", "-o", "b.json"],
        ["check", "wrong.txt", "-o", "out.txt", "--write-baseline", "./out.txt"],
    ],
    ids=[
        "-o via ./", "-o via a symlink", "-o via a hard link", "-o a file of a folder checked",
        "baseline onto the input", "baseline onto a file of a folder", "-o onto the config",
        "-o onto the baseline read", "two outputs one file",
    ],
)
def test_an_output_onto_an_input_is_refused_and_the_input_is_unchanged(
    run: Run, drafts: Path, argv: list[str]
) -> None:
    (drafts / "consistency.toml").write_text("", encoding="utf-8")
    (drafts / "b.json").write_text('{"version": 1, "findings": []}', encoding="utf-8")
    before = {p: p.read_bytes() for p in drafts.rglob("*") if p.is_file()}
    code, out, err = run(*argv)
    assert (code, out) == (2, "")
    assert "would overwrite" in err or "name the same file" in err
    assert {p: p.read_bytes() for p in drafts.rglob("*") if p.is_file()} == before


def test_write_baseline_may_rewrite_the_baseline_it_reads(run: Run, drafts: Path) -> None:
    assert run("check", "wrong.txt", "--write-baseline", "b.json")[0] == 0
    code, _, err = run("check", "wrong.txt", "--baseline", "b.json", "--write-baseline", "b.json")
    assert code == 0 and "accepted 1 findings" in err


def test_refusal_names_both_files() -> None:
    with pytest.raises(ConsistencyError) as raised:
        refuse_inputs_as_outputs([("-o", "a/../x.txt")], ["x.txt"])
    assert raised.value.path == "a/../x.txt"
    assert raised.value.problem.startswith("-o would overwrite x.txt, an input of this run")


# --- atomic replacement -------------------------------------------------------------------


def test_a_write_that_fails_half_way_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_write(target) as out:
        out.write("half of a new")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # no temporary left


def test_a_replaced_file_keeps_its_mode_and_a_symlink_its_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with atomic_write(link) as out:
        out.write("新")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "新"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_a_new_file_gets_the_mode_open_would_give(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        with atomic_write(tmp_path / "new.txt") as out:
            out.write("x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


def test_a_device_is_written_directly(tmp_path: Path) -> None:
    with atomic_write(os.devnull) as out:
        out.write("nothing")
    assert Path(os.devnull).exists() and not Path(os.devnull).is_file()


@pytest.mark.parametrize("where", ["folder", "missing/out.txt"])
def test_an_unwritable_target_names_itself(tmp_path: Path, where: str) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(ConsistencyError, match="cannot write"), atomic_write(tmp_path / where):
        pass


def test_output_to_a_folder_is_exit_2_before_anything_is_checked(run: Run, drafts: Path) -> None:
    code, out, err = run("check", "wrong.txt", "-o", "sub")
    assert (code, out) == (2, "") and "sub: cannot write: it is a folder" in err


# --- Word: the draft is never overwritten, and annotating twice adds nothing ----------------


@pytest.fixture
def draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    import docx

    word = docx.Document()
    word.add_paragraph("一、总体情况")
    word.add_paragraph("报送633人,其中495人通过,148人不予通过。")
    path = tmp_path / "draft.docx"
    word.save(str(path))
    (tmp_path / "link.docx").symlink_to(path)
    monkeypatch.chdir(tmp_path)
    return path


@pytest.mark.parametrize("out", ["draft.docx", "./draft.docx", "link.docx"])
def test_annotate_onto_its_own_source_is_refused(
    draft: Path, out: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = draft.read_bytes()
    assert main(["check", "draft.docx", "--annotate", out]) == 2
    assert draft.read_bytes() == before
    assert "would overwrite" in capsys.readouterr().err


def test_annotate_refuses_its_source_as_a_library_call_too(draft: Path) -> None:
    from consistency import check_file
    from consistency.errors import InputError
    from consistency.report.docx import annotate

    before = draft.read_bytes()
    with pytest.raises(InputError, match="would overwrite"):
        annotate(draft, check_file(draft), "link.docx")
    assert draft.read_bytes() == before


def test_annotating_an_annotated_copy_adds_no_comment(
    draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    assert main(["check", "draft.docx", "--annotate", "once.docx"]) == 1
    assert main(["check", "once.docx", "--annotate", "twice.docx"]) == 1
    once = [c.text for c in docx.Document("once.docx").comments]
    twice = [c.text for c in docx.Document("twice.docx").comments]
    assert len(once) == 1 and twice == once
    assert capsys.readouterr().err.splitlines() == ["once.docx: 1 comments", "twice.docx: 1 comments"]
