"""The command line: exit codes, paths, formats, configuration and baseline, as a user meets them.

Most tests run on the stand-in engine (``fake_engine`` in conftest.py: sums written as
``10=3+7``), so they hold whatever claim kinds the real engine knows; the end-to-end
tests at the bottom run the real engine on the corpus.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import fake_check_document
from consistency import __version__, engine, messages
from consistency.cli import main
from consistency.config import Config
from consistency.document import Document
from consistency.files import expand
from consistency.findings import SCHEMA_VERSION, Report
from consistency.rulebook import explain_text

CLEAN = "全年收案10=3+7。\n"
WRONG = "一、概况\n全年收案12=3+7,结案7=3+4。\n"  # C101 (error)
NEAR = "全年收案11=3+7。\n"  # C102 (warning)

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of drafts, and the cwd there (no configuration above it)."""
    for name, text in {"clean.txt": CLEAN, "wrong.txt": WRONG, "near.txt": NEAR}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- version, exit codes and paths ---------------------------------------------------


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"consistency {__version__}"


def test_python_dash_m_and_the_console_script_run_the_command_line() -> None:
    from importlib.metadata import entry_points

    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "consistency"]
    assert script.value == "consistency.cli:main"
    done = subprocess.run(
        [sys.executable, "-m", "consistency", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, f"consistency {__version__}")


@pytest.mark.parametrize(
    ("files", "expected"),
    [(["clean.txt"], 0), (["wrong.txt"], 1), (["near.txt"], 0), (["clean.txt", "wrong.txt"], 1)],
    ids=["clean", "an error", "a warning only", "clean and an error"],
)
def test_exit_code_follows_the_findings(
    run: Run, drafts: Path, files: list[str], expected: int
) -> None:
    assert run("check", *files)[0] == expected


@pytest.mark.parametrize(("fail_on", "expected"), [("error", 0), ("warning", 1), ("info", 1)])
def test_fail_on_sets_the_level_that_fails(
    run: Run, drafts: Path, fail_on: str, expected: int
) -> None:
    assert run("check", "near.txt", "--fail-on", fail_on)[0] == expected


def test_a_missing_file_is_one_line_and_the_others_are_still_checked(
    run: Run, drafts: Path
) -> None:
    code, out, err = run("check", "missing.txt", "wrong.txt")
    assert code == 2
    assert err.splitlines() == ["missing.txt: no such file or folder"]
    assert "wrong.txt:2:5: C101" in out


def test_an_unreadable_file_is_one_line_and_exit_2(run: Run, drafts: Path) -> None:
    (drafts / "binary.txt").write_bytes(b"\x00\x01\xff\xfe\x00" * 20)
    code, out, err = run("check", "binary.txt", "clean.txt")
    assert code == 2
    assert len(err.splitlines()) == 1 and err.startswith("binary.txt: ")
    assert "1 file" in out


def test_a_folder_without_reports_is_bad_input(run: Run, drafts: Path) -> None:
    (drafts / "empty").mkdir()
    (drafts / "empty" / "notes.md").write_text("# notes", encoding="utf-8")
    code, _, err = run("check", "empty")
    assert code == 2 and err.startswith("empty: no report files")


def test_a_pattern_matching_nothing_is_bad_input(run: Run, drafts: Path) -> None:
    code, _, err = run("check", "*.pdf")
    assert (code, err) == (2, "*.pdf: no file matches this pattern\n")


def test_folders_are_searched_for_report_files_only(drafts: Path) -> None:
    for rel in (
        "sub/a.html",
        "sub/b.HTM",
        "sub/c.docx",
        "sub/d.pdf",
        "sub/e.md",
        ".hidden/f.txt",
        "sub/.g.txt",
    ):
        (drafts / rel).parent.mkdir(exist_ok=True)
        (drafts / rel).write_text("x", encoding="utf-8")
    files, bad = expand(["sub", "."])
    assert [Path(f).as_posix() for f in files[:4]] == [
        "sub/a.html",
        "sub/b.HTM",
        "sub/c.docx",
        "sub/d.pdf",
    ]
    assert {Path(f).name for f in files[4:]} == {"clean.txt", "near.txt", "wrong.txt"}
    assert bad == []


def test_globs_and_repeated_paths_give_each_file_once_in_order(drafts: Path) -> None:
    files, _ = expand(["wrong.txt", "*.txt"])
    assert files == ["wrong.txt", "clean.txt", "near.txt"]


def test_stdin_is_read_with_a_dash(run: Run, drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(WRONG.encode("utf-8"))))
    code, out, _ = run("check", "-")
    assert code == 1 and "<stdin>:2:5: C101" in out


def _broken_on_boom(document: Document, config: Config | None = None) -> Report:
    """The stand-in engine with a bug that only one document sets off."""
    if "BOOM" in document.text:
        raise ZeroDivisionError("boom")
    return fake_check_document(document, config)


@pytest.mark.parametrize("jobs", ["1", "2"], ids=["in this process", "in a worker process"])
def test_a_bug_on_one_document_costs_only_that_document(
    run: Run, drafts: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    monkeypatch.setattr(engine, "check_document", _broken_on_boom)
    (drafts / "a_boom.txt").write_text("BOOM " + CLEAN, encoding="utf-8")
    for i in range(6):  # enough files for the process pool to be used
        (drafts / f"r{i}.txt").write_text(WRONG, encoding="utf-8")
    code, out, err = run("check", "--jobs", jobs, "--format", "json", ".")
    assert code == 2
    data = json.loads(out)
    assert [e["path"] for e in data["errors"]] == ["a_boom.txt"]
    assert "internal error ZeroDivisionError: boom" in data["errors"][0]["error"]
    checked = [f["path"] for f in data["files"]]
    assert checked == ["clean.txt", "near.txt", *(f"r{i}.txt" for i in range(6)), "wrong.txt"]
    assert all(f["findings"] for f in data["files"] if f["path"].startswith("r"))
    assert "a_boom.txt: not checked: internal error ZeroDivisionError: boom" in err
    assert "Traceback" not in err


def test_the_internal_error_s_traceback_is_shown_on_request(
    run: Run, drafts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "check_document", _broken_on_boom)
    monkeypatch.setenv("CONSISTENCY_DEBUG", "1")
    (drafts / "a_boom.txt").write_text("BOOM " + CLEAN, encoding="utf-8")
    code, _, err = run("check", "a_boom.txt", "clean.txt")
    assert code == 2
    assert "Traceback" in err and "ZeroDivisionError: boom" in err


def test_a_bug_outside_any_document_exits_3_with_a_request_to_report_it(
    run: Run, drafts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from consistency.report import text

    def broken(*args: object, **kwargs: object) -> str:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(text, "summary", broken)
    code, out, err = run("check", "clean.txt")
    assert (code, out) == (3, "")
    assert "internal error: ZeroDivisionError: boom" in err and "bug" in err
    assert "Traceback" not in err


def test_usage_errors_exit_2(run: Run, drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["check", "--format", "yaml", "clean.txt"])
    assert exited.value.code == 2
    assert run("check", "clean.txt", "--jobs", "-1")[0] == 2
    assert run("check", "clean.txt", "--annotate", "out.docx")[0] == 2


# --- formats ---------------------------------------------------------------------------


def test_text_shows_the_sentence_with_markers_and_a_summary(run: Run, drafts: Path) -> None:
    _, out, _ = run("check", "wrong.txt", "near.txt", "clean.txt")
    lines = out.splitlines()
    head = lines.index("wrong.txt:2:5: C101 12 ≠ 3 + 7 = 10")
    assert lines[head + 2] == "2 | 全年收案12=3+7,结案7=3+4。"
    assert lines[head + 3] == "  |         ^^ ^ ^"
    assert "Found 2 findings in 2 of 3 files (1 error, 1 warning, 0 info)." in lines
    assert "1  C101  sum mismatch" in lines and "1  C102  sum off by one" in lines
    assert lines[-1] == "4 claims checked: 2 consistent, 2 inconsistent."
    assert "\x1b[" not in out  # no colour in a pipe


def test_a_clean_run_says_how_much_was_checked(run: Run, drafts: Path) -> None:
    assert (
        run("check", "clean.txt")[1]
        == "No findings in 1 file checked.\n1 claim checked: 1 consistent.\n"
    )
    (drafts / "plain.txt").write_text("没有数字关系的一段话。\n", encoding="utf-8")
    assert run("check", "plain.txt")[1] == "No findings in 1 file checked.\n0 claims checked.\n"


def _spied(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fake_engine: Callable[..., Report],
) -> tuple[list[str], list[Any]]:
    """The stand-in engine, noting what was written before each file and each report made."""
    import weakref

    before: list[str] = []
    made: list[weakref.ref[Report]] = []

    def spy(document: Document, config: Config | None = None) -> Report:
        before.append(capsys.readouterr().out)  # what was written before this file
        report = fake_engine(document.text, document.path, config)
        made.append(weakref.ref(report))
        return report

    monkeypatch.setattr(engine, "check_document", spy)
    return before, made


@pytest.mark.parametrize("fmt", ["text", "sarif", "html"])
def test_every_format_is_written_report_by_report_and_no_report_is_kept(
    run: Run,
    drafts: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fake_engine: Callable[..., Report],
    fmt: str,
) -> None:
    import gc

    before, made = _spied(monkeypatch, capsys, fake_engine)
    code, _, _ = run("check", "--format", fmt, "wrong.txt", "near.txt", "clean.txt")
    assert code == 1
    # the first report went out before the second file was checked, and none was kept
    assert "wrong.txt" in before[1] and "wrong.txt" not in before[0]
    gc.collect()
    assert [r() for r in made] == [None, None, None]


@pytest.mark.parametrize("fmt", ["sarif", "html", "json"])
@pytest.mark.parametrize("names", [["wrong.txt"], ["wrong.txt", "near.txt", "clean.txt"]])
def test_written_report_by_report_is_what_render_gives(
    run: Run, drafts: Path, fake_engine: Callable[..., Report], fmt: str, names: list[str]
) -> None:
    from consistency.report import render

    _, out, _ = run("check", "--lang", "zh", "--format", fmt, *names)
    reports = [fake_engine(Path(n).read_text(encoding="utf-8"), n) for n in names]
    assert out == render(fmt, reports, Config(lang="zh"))


def test_json_follows_the_contract(run: Run, drafts: Path) -> None:
    code, out, _ = run("check", "--format", "json", "wrong.txt", "missing.txt", "clean.txt")
    data = json.loads(out)
    assert code == 2
    assert data["version"] == SCHEMA_VERSION
    assert [f["path"] for f in data["files"]] == ["wrong.txt", "clean.txt"]
    assert data["errors"] == [{"path": "missing.txt", "error": "no such file or folder"}]
    (finding,) = data["files"][0]["findings"]
    assert {
        k: finding[k] for k in ("code", "severity", "line", "column", "stated", "computed")
    } == {
        "code": "C101",
        "severity": "error",
        "line": 2,
        "column": 5,
        "stated": "12",
        "computed": "10",
    }
    assert data["files"][0]["claims"][0]["verdict"] == "inconsistent"
    assert data["summary"] == {
        "files": 2,
        "findings": 1,
        "error": 1,
        "warning": 0,
        "info": 0,
        "by_code": {"C101": 1},
        "claims": 3,
        "verdicts": {"consistent": 2, "inconsistent": 1, "consistent-if": 0, "undecidable": 0},
        "suppressed": 0,
    }


def test_json_is_written_file_by_file_as_one_document(
    run: Run, drafts: Path, fake_engine: Callable[..., Report]
) -> None:
    from consistency.report.json import render

    _, out, _ = run("check", "--format", "json", "wrong.txt", "missing.txt", "near.txt")
    reports = [fake_engine(WRONG, "wrong.txt"), fake_engine(NEAR, "near.txt")]
    assert out == render(reports, Config(), errors=[("missing.txt", "no such file or folder")])
    assert run("check", "--format", "json", "missing.txt")[1] == render(
        [], Config(), errors=[("missing.txt", "no such file or folder")]
    )


def test_github_annotations(run: Run, drafts: Path) -> None:
    _, out, _ = run("check", "--format", "github", "wrong.txt", "near.txt")
    assert out.splitlines() == [
        "::error file=wrong.txt,line=2,col=5,title=C101 sum mismatch::12 ≠ 3 + 7 = 10",
        "::warning file=near.txt,line=1,col=5,title=C102 sum off by one::11 ≠ 3 + 7 = 10",
    ]


def test_github_escapes_what_would_cut_an_annotation(run: Run, drafts: Path) -> None:
    (drafts / "a,b:c.txt").write_text(WRONG, encoding="utf-8")
    _, out, _ = run("check", "--format", "github", "a,b:c.txt")
    assert out.startswith("::error file=a%2Cb%3Ac.txt,line=2,col=5,title=C101 sum mismatch::")


def test_colour_is_forced_or_refused_by_the_environment(
    run: Run, drafts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[1;31mC101\x1b[0m" in run("check", "wrong.txt")[1]
    assert "\x1b[" not in run("check", "wrong.txt", "--output", "out.txt")[1]
    assert "\x1b[" not in (drafts / "out.txt").read_text(encoding="utf-8")
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("check", "wrong.txt")[1]


def test_output_writes_the_report_to_a_file(run: Run, drafts: Path) -> None:
    code, out, _ = run("check", "--format", "json", "--output", "report.json", "wrong.txt")
    assert (code, out) == (1, "")
    assert (
        json.loads((drafts / "report.json").read_text(encoding="utf-8"))["summary"]["findings"] == 1
    )


# --- selection, configuration, baseline -----------------------------------------------


def test_select_and_ignore_on_the_command_line(run: Run, drafts: Path) -> None:
    assert run("check", "wrong.txt", "--ignore", "C101")[0] == 0
    assert "C102" not in run("check", "near.txt", "--select", "C101")[1].split("\n")[0]
    assert run("check", "wrong.txt", "--select", "C102,C101")[0] == 1


def test_an_unknown_code_on_the_command_line_is_one_line(run: Run, drafts: Path) -> None:
    code, _, err = run("check", "wrong.txt", "--ignore", "C000")
    assert code == 2
    assert (
        err
        == "consistency: command line: --ignore: unknown code 'C000' (see `consistency rules`)\n"
    )


def test_the_configuration_is_found_from_the_cwd(run: Run, drafts: Path) -> None:
    (drafts / "pyproject.toml").write_text(
        '[tool.consistency]\nfail-on = "warning"\n', encoding="utf-8"
    )
    assert run("check", "near.txt")[0] == 1
    assert run("check", "near.txt", "--fail-on", "error")[0] == 0  # the command line wins


def test_per_file_ignores_apply_to_the_matching_files(run: Run, drafts: Path) -> None:
    (drafts / "consistency.toml").write_text(
        '[per-file-ignores]\n"wr*.txt" = ["C1"]\n', encoding="utf-8"
    )
    assert run("check", "wrong.txt")[0] == 0


def test_a_bad_configuration_names_file_and_key(run: Run, drafts: Path) -> None:
    (drafts / "strict.toml").write_text('fail-on = "always"\n', encoding="utf-8")
    code, _, err = run("check", "wrong.txt", "--config", "strict.toml")
    assert code == 2
    assert err.startswith("consistency: strict.toml: fail-on: 'always' is not a severity")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("pyproject.toml", "[tool]\nconsistency = 5\n"),
        ("baseline.json", "[" * 100_000 + "]" * 100_000),
    ],
    ids=["tool.consistency not a table", "a baseline nested too deeply"],
)
def test_a_broken_configuration_or_baseline_is_exit_2_not_a_bug(
    run: Run, drafts: Path, name: str, text: str
) -> None:
    (drafts / name).write_text(text, encoding="utf-8")
    extra = ["--baseline", name] if name.endswith(".json") else []
    code, out, err = run("check", *extra, "clean.txt")
    assert (code, out) == (2, "")
    assert err.startswith("consistency: ") and f"{name}: " in err and "bug" not in err


def test_baseline_round_trip_then_a_new_finding_fails(run: Run, drafts: Path) -> None:
    assert run("check", "wrong.txt", "near.txt", "--write-baseline", "baseline.json")[0] == 0
    assert (
        run(
            "check", "wrong.txt", "near.txt", "--baseline", "baseline.json", "--fail-on", "warning"
        )[0]
        == 0
    )
    (drafts / "wrong.txt").write_text("前言。\n" + WRONG + "又收15=3+7。\n", encoding="utf-8")
    code, out, err = run("check", "wrong.txt", "--baseline", "baseline.json")
    assert code == 1
    assert "wrong.txt:4:3: C101 15 ≠ 3 + 7 = 10" in out and "12 ≠" not in out
    assert err == ""


def test_a_fixed_finding_is_reported_as_a_stale_baseline_entry(run: Run, drafts: Path) -> None:
    run("check", "wrong.txt", "--write-baseline", "baseline.json")
    (drafts / "wrong.txt").write_text(CLEAN, encoding="utf-8")
    code, _, err = run("check", "wrong.txt", "--baseline", "baseline.json")
    assert code == 0
    assert err == "baseline.json: stale entry (no longer found): wrong.txt C101 12 «12=3+7»\n"


# --- jobs ------------------------------------------------------------------------------


def test_jobs_give_the_same_output_in_the_same_order(run: Run, drafts: Path) -> None:
    for i in range(12):
        (drafts / f"r{i:02}.txt").write_text(f"第{i}段{10 + i % 3}=3+7。\n", encoding="utf-8")
    one = run("check", "--format", "json", "--jobs", "1", ".")
    two = run("check", "--format", "json", "--jobs", "2", ".")
    assert one == two
    assert json.loads(one[1])["summary"]["findings"] == 4 + 4 + 2


def test_the_pre_commit_hook_runs_check_on_exactly_the_report_files() -> None:
    import re

    from consistency.loaders import REPORT_SUFFIXES as SUFFIXES

    hook = (Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text("utf-8")
    assert re.search(r"^  entry: consistency check$", hook, re.MULTILINE)
    found = re.search(r"^  files: '(.+)'$", hook, re.MULTILINE)
    assert found is not None
    pattern = re.compile(found.group(1))
    reports = [f"draft{s}" for s in SUFFIXES] + ["SCAN.PDF"]
    names = [*reports, "README.md", "draft.doc", "notes.txt.bak"]
    assert [n for n in names if pattern.search(n)] == reports


# --- rules, explain, quantities --------------------------------------------------------


def test_rules_lists_every_catalogue_code(run: Run) -> None:
    code, out, _ = run("rules")
    assert code == 0
    listed = [line.split()[0] for line in out.splitlines()]
    assert listed == sorted(messages.CATALOGUE)
    first = out.splitlines()[0]
    assert first.startswith("C101  error    sum mismatch ") and first.endswith("its parts.")


def test_explain_prints_the_rule_page_when_there_is_one(
    tmp_path: Path, fake_engine: object
) -> None:
    (tmp_path / "C101.md").write_text("# C101 sum mismatch\n\nA real example.\n", encoding="utf-8")
    assert explain_text("C101", "en", tmp_path) == "# C101 sum mismatch\n\nA real example.\n"


def test_explain_falls_back_to_the_catalogue(tmp_path: Path, fake_engine: object) -> None:
    text = explain_text("C102", "en", tmp_path)
    assert (
        text.startswith("C102 sum off by one (warning)") and "differs from its parts by one" in text
    )


def test_explain_reads_the_page_in_docs_of_a_source_checkout(real: Run) -> None:
    pages = sorted((CORPUS.parent / "docs" / "rules").glob("C*.md"))
    assert pages, "docs/rules holds the rule pages"
    code, out, _ = real("explain", pages[0].stem.lower())
    assert (code, out) == (0, pages[0].read_text(encoding="utf-8"))


def test_explain_an_unknown_code_is_bad_usage(run: Run) -> None:
    code, _, err = run("explain", "C000")
    assert code == 2 and "C000: unknown code" in err


# --- the text formatter on a hand-built report ------------------------------------------


def test_text_names_the_page_paragraph_and_cell_of_the_original() -> None:
    from consistency.report.text import render
    from report_samples import sample_report

    marked = sample_report(marks=((0, 3, 12, "T1R2C3"),))
    out = render([marked], Config(lang="en"))
    assert (
        "= error · stated 120件 · computed 110 · page 3 · paragraph 12 · table cell T1R2C3" in out
    )
    assert "第3页 · 第12段 · 表格单元格 T1R2C3" in render([marked], Config())


def test_text_colours_only_when_asked() -> None:
    from consistency.report.text import render
    from report_samples import sample_report

    plain = render([sample_report()], Config())
    coloured = render([sample_report()], Config(), color=True)
    assert "\x1b[" not in plain and "\x1b[1;31mC199\x1b[0m" in coloured
    assert plain.count("\n") == coloured.count("\n")


def test_text_cuts_a_long_line_around_its_figures(fake_engine: Callable[..., Report]) -> None:
    from consistency.report.text import render

    text = "甲" * 200 + "合计12=3+7," + "乙" * 200 + "。\n"
    out = render([fake_engine(text, "long.txt")], Config())
    shown = next(line for line in out.splitlines() if line.startswith("1 | "))
    assert shown.startswith("1 | …") and shown.endswith("…") and "合计12=3+7," in shown
    assert len(shown) < 100


# --- end to end, with the real engine --------------------------------------------------

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture
def real(capsys: pytest.CaptureFixture[str]) -> Run:
    def invoke(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def test_a_seed_report_shows_its_truncated_share(real: Run) -> None:
    seed = str(CORPUS / "seeds" / "004_ee36a159e2e744f4.txt")
    code, out, _ = real("check", seed, "--lang", "en", "--select", "C202")
    head = next(line for line in out.splitlines() if "C202" in line and "90.95%" in line)
    assert head.startswith(f"{seed}:9:")
    detail = out.splitlines()[out.splitlines().index(head) + 4]
    assert detail.startswith("  = warning · stated 90.95% · computed ")
    assert detail.endswith(" · rounding truncation")
    assert code == 0  # a warning does not fail by default
    assert real("check", seed, "--select", "C202", "--fail-on", "warning")[0] == 1


def test_jobs_on_the_corpus_give_the_same_json_as_one_process(real: Run) -> None:
    one = real("check", "--format", "json", "--jobs", "1", str(CORPUS))
    two = real("check", "--format", "json", "--jobs", "2", str(CORPUS))
    four = real("check", "--format", "json", "--jobs", "4", str(CORPUS))
    assert one == two == four
    assert json.loads(one[1])["summary"]["files"] == 65


def test_a_reader_that_leaves_early_gets_no_traceback() -> None:
    # the JSON of the corpus is far larger than a pipe's buffer, so the writer meets the
    # closed pipe while writing, as under `consistency check … | head`
    proc = subprocess.Popen(
        [sys.executable, "-m", "consistency", "check", "--format", "json", str(CORPUS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline() == b"{\n"
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait() == 1
    assert err == b""


def test_quantities_lists_every_figure_with_its_bounds(real: Run, tmp_path: Path) -> None:
    text = "全年共1150项,占比90.95%。\n约三分之一的案件,下降-2.1%,200余件。\n"
    (tmp_path / "q.txt").write_text(text, encoding="utf-8")
    code, out, err = real("quantities", str(tmp_path / "q.txt"), str(tmp_path / "none.txt"))
    assert code == 2 and err == f"{tmp_path}/none.txt: no such file or folder\n"
    assert out.splitlines() == [
        f"{tmp_path}/q.txt:1:4  1150项  1150  [1150, 1150]  项",
        f"{tmp_path}/q.txt:1:12  90.95%  0.9095  [0.9095, 0.9095]  %",
        f"{tmp_path}/q.txt:2:1  约三分之一  ~1/3  [?, ?]  %",
        f"{tmp_path}/q.txt:2:12  -2.1%  -0.021  [-0.021, -0.021]  %",
        f"{tmp_path}/q.txt:2:18  200余件  200  [200, 300]  件",
    ]


def test_stdin_in_gb18030_is_decoded_by_the_loaders(
    real: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = "报送633人,其中495人通过,148人不予通过。\n".encode("gb18030")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = real("check", "-", "--format", "github")
    assert code == 1 and out.startswith("::error file=<stdin>,line=1,col=")
    assert "title=C101" in out and "495 + 148 = 643" in out


def test_annotate_writes_a_word_copy_with_a_comment_on_the_discrepancy(
    real: Run, tmp_path: Path
) -> None:
    import docx  # python-docx, a dependency of the package

    draft = docx.Document()
    draft.add_paragraph("一、总体情况")
    draft.add_paragraph("报送633人,其中495人通过,148人不予通过。")
    draft.save(str(tmp_path / "draft.docx"))
    code, out, err = real(
        "check", str(tmp_path / "draft.docx"), "--annotate", str(tmp_path / "out.docx")
    )
    assert code == 1 and err.endswith("out.docx: 1 comments\n")
    assert f"{tmp_path}/draft.docx:2:3: C101" in out and " · paragraph 2" in out  # the Word paragraph
    copy = docx.Document(str(tmp_path / "out.docx"))
    assert [p.text for p in copy.paragraphs] == [
        "一、总体情况",
        "报送633人,其中495人通过,148人不予通过。",
    ]
    (comment,) = copy.comments
    assert "C101" in comment.text
