"""What a Chinese-speaking user meets first: any console encoding, the interface in
Chinese by default, a progress bar only on a terminal, and a fast start.

These tests run the command line as a user does, in a subprocess with the environment
a Chinese Windows console or a pre-commit hook gives it (``PYTHONIOENCODING=gbk``).
"""

from __future__ import annotations

import ast
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from consistency import console, loaders
from consistency import vocabulary as V
from consistency.arguments import FORMATS
from consistency.cli import main

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "consistency"
#: a change rate that does not follow: its message holds "−" (U+2212), which GBK lacks
WRONG_RATE = "共受理各类案件50101件,同比增长34.11%,增加12077件。\n"
#: a character GBK lacks, in a file name: the path printed must be escaped too
NAME = "报告\U00020000.txt"


def _run(*argv: str, encoding: str = "gbk", lang: str | None = None, cwd: Path | None = None):
    env = {k: v for k, v in os.environ.items() if k not in ("CONSISTENCY_LANG", "CI")}
    env["PYTHONIOENCODING"] = encoding
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC.parent), env.get("PYTHONPATH")]))
    if lang:
        env["CONSISTENCY_LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "consistency", *argv],
        capture_output=True,
        env=env,
        cwd=cwd,
        check=False,
    )


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    (tmp_path / NAME).write_text(WRONG_RATE, encoding="utf-8")
    return tmp_path / NAME


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", V.LANGS)
def test_every_format_survives_a_gbk_console(draft: Path, fmt: str, lang: str) -> None:
    done = _run("check", draft.name, "--format", fmt, lang=lang, cwd=draft.parent)
    assert done.returncode == 1, done.stderr.decode("gbk")
    assert b"Traceback" not in done.stderr
    out = done.stdout.decode("gbk")  # every byte is GBK: nothing the console cannot show
    if fmt in ("json", "sarif"):
        assert done.stdout.isascii()
        document = json.loads(out)
        text = json.dumps(document, ensure_ascii=False)
        assert "−" in text  # escaped, not lost
        # the file name: as it is in JSON, percent-encoded in a SARIF URI
        assert "\U00020000" in text or "%F0%A0%80%80" in text
    elif fmt == "html":
        assert done.stdout.isascii() and "&#x2212;" in out and "&#x20000;" in out
    else:
        assert "\\u2212" in out  # escaped where GBK lacks it
        assert "34.11%" in out


@pytest.mark.parametrize(
    "argv",
    [
        ("--help",),
        ("check", "--help"),
        ("rules",),
        ("explain", "C301"),
        ("explain", "C905"),
        ("quantities", NAME),
        ("check", "no-such-report.txt"),
        ("check", NAME, "--statistics"),
        ("--version",),
    ],
    ids=lambda a: " ".join(a),
)
@pytest.mark.parametrize("lang", V.LANGS)
def test_every_command_exits_cleanly_on_a_gbk_console(
    draft: Path, argv: tuple[str, ...], lang: str
) -> None:
    done = _run(*argv, lang=lang, cwd=draft.parent)
    expected = 2 if "no-such-report.txt" in argv else 1 if argv[-1] == "--statistics" else 0
    assert done.returncode == expected, done.stderr.decode("gbk")
    assert b"Traceback" not in done.stderr
    done.stdout.decode("gbk"), done.stderr.decode("gbk")


def test_json_piped_to_a_unicode_stream_keeps_chinese_readable(draft: Path) -> None:
    done = _run("check", draft.name, "--format", "json", encoding="utf-8", cwd=draft.parent)
    assert "不符" in done.stdout.decode("utf-8")


# --- the language of the interface ---------------------------------------------------


def test_the_interface_is_chinese_by_default() -> None:
    done = _run("check", "--help", encoding="utf-8")
    out = done.stdout.decode("utf-8")
    assert out.startswith("用法：consistency check") and "显示本帮助并退出" in out
    assert "usage" not in out and "show this help" not in out


def test_lang_en_anywhere_on_the_line_gives_english(tmp_path: Path) -> None:
    for argv in (("--lang", "en", "check", "--help"), ("check", "--help", "--lang=en")):
        out = _run(*argv, encoding="utf-8").stdout.decode("utf-8")
        assert out.startswith("usage: consistency check"), argv


def test_the_configured_language_sets_the_interface(tmp_path: Path) -> None:
    (tmp_path / "consistency.toml").write_text('lang = "en"\n', encoding="utf-8")
    out = _run("rules", encoding="utf-8", cwd=tmp_path).stdout.decode("utf-8")
    assert out.startswith("C101  error ")


def test_usage_errors_and_missing_files_are_told_in_chinese(tmp_path: Path) -> None:
    done = _run("check", encoding="utf-8", cwd=tmp_path)
    assert done.returncode == 2
    assert "错误: 缺少以下参数：PATH" in done.stderr.decode("utf-8")
    done = _run("check", "无此文件.txt", encoding="utf-8", cwd=tmp_path)
    assert done.returncode == 2
    assert "无此文件.txt: 文件或文件夹不存在" in done.stderr.decode("utf-8")


def test_the_text_report_speaks_one_vocabulary_in_chinese(draft: Path) -> None:
    out = _run("check", draft.name, encoding="utf-8", cwd=draft.parent).stdout.decode("utf-8")
    assert "= 错误 · 文中数字 34.11% · 计算结果 31.7615%" in out
    assert "在 1 个文件中的 1 个里共有 1 条发现（错误 1，提醒 0，说明 0）。" in out
    assert "共核对 " in out and "不一致 1" in out
    for english in ("error", "stated", "computed", "Found", "checked"):
        assert english not in out.replace(draft.name, "")


def test_a_wrong_language_in_the_environment_is_a_usage_error(draft: Path) -> None:
    done = _run("check", draft.name, encoding="utf-8", lang="fr", cwd=draft.parent)
    assert done.returncode == 2
    assert "CONSISTENCY_LANG: 'fr' 不是 zh 或 en" in done.stderr.decode("utf-8")


def _problems_in_source() -> list[str]:
    """Every problem the library words itself: the literal second argument of each error
    it raises, with the formatted values replaced by a sample word."""
    found = []
    # (InternalError words its own problem, tested below; its second argument is the error)
    errors = {"InputError", "ConfigError", "ConsistencyError", "NotChecked"}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and len(node.args) >= 2):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name not in errors:
                continue
            problem = node.args[1]
            if isinstance(problem, ast.Constant) and isinstance(problem.value, str):
                found.append(problem.value)
            elif isinstance(problem, ast.JoinedStr):
                found.append(
                    "".join(
                        v.value if isinstance(v, ast.Constant) else "x1" for v in problem.values
                    )
                )
    return found


@pytest.mark.parametrize(
    "problem", sorted(set(_problems_in_source()) | set(loaders._REFUSED.values()))
)
def test_every_problem_the_library_raises_has_its_chinese(problem: str) -> None:
    """Add a pattern to vocabulary.PROBLEMS for a new error, or it reaches a Chinese
    user in English."""
    assert V.problem(problem, "zh") != problem


def test_a_file_the_checker_failed_on_is_told_in_chinese() -> None:
    from consistency.errors import InternalError

    problem = InternalError("x.txt", "IndexError: string index out of range").problem
    assert V.problem(problem, "zh").startswith("未检查：内部错误 IndexError")


def test_a_problem_no_pattern_knows_is_shown_as_it_is() -> None:
    assert V.problem("something new went wrong", "zh") == "something new went wrong"
    assert V.problem("no such file", "en") == "no such file"


def test_phrases_name_the_same_fields_in_both_languages() -> None:
    import string

    for key, (zh, en) in V.PHRASES.items():
        fields = [{f for _, f, _, _ in string.Formatter().parse(t) if f} for t in (zh, en)]
        assert fields[0] == fields[1], key


# --- the progress bar ------------------------------------------------------------------


class _Terminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_the_progress_bar_is_drawn_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    terminal = _Terminal(tty=True)
    bar = console.Progress(40, "检查中", terminal)
    for _ in range(40):
        bar.step()
    bar.hide()
    out = terminal.getvalue()
    assert "检查中 [" in out and "] 40/40" in out and "] 1/40" in out
    assert out.endswith("\r\x1b[2K")  # the line is left clean for what follows


def test_track_hides_the_bar_while_an_item_is_handled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    terminal = _Terminal(tty=True)
    bar = console.Progress(20, "checking", terminal)
    seen = []
    for item in bar.track(range(20)):
        seen.append(terminal.getvalue().endswith("\r\x1b[2K") or item == 0)
        terminal.write(f"report {item}\n")
    assert all(seen) and terminal.getvalue().endswith("\r\x1b[2K")


@pytest.mark.parametrize(
    ("tty", "total", "env"),
    [(False, 40, {}), (True, 5, {}), (True, 40, {"CI": "true"}), (True, 40, {"TERM": "dumb"})],
    ids=["a pipe", "a short run", "CI", "a dumb terminal"],
)
def test_no_progress_bar_in_pipes_ci_or_short_runs(
    monkeypatch: pytest.MonkeyPatch, tty: bool, total: int, env: dict[str, str]
) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    terminal = _Terminal(tty)
    bar = console.Progress(total, "checking", terminal)
    for _ in range(total):
        bar.step()
    bar.hide()
    assert terminal.getvalue() == ""


def test_a_long_run_into_a_pipe_prints_no_bar(tmp_path: Path) -> None:
    for i in range(25):
        (tmp_path / f"r{i:02}.txt").write_text("全年收案10件。\n", encoding="utf-8")
    done = _run("check", str(tmp_path), encoding="utf-8")
    assert done.returncode == 0 and b"\r" not in done.stderr and b"\x1b" not in done.stderr


# --- start-up ----------------------------------------------------------------------------

#: modules of the checker itself, which only `check` and `quantities` need
ENGINE = ("consistency.engine", "consistency.claims", "consistency.quantities",
          "consistency.findings", "consistency.loaders")


@pytest.mark.parametrize(
    "argv",
    [["--version"], ["--help"], ["rules"], ["explain", "C201"], ["schema"]],
    ids=" ".join,
)
def test_informational_commands_do_not_import_the_checker(argv: list[str]) -> None:
    probe = (
        "import sys\n"
        "from consistency.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('consistency'))))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(SRC.parent), PYTHONIOENCODING="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    loaded = done.stdout.splitlines()[-1].split()
    assert not [m for m in loaded if m.startswith(ENGINE)], loaded


def test_the_version_is_printed_without_even_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert "argparse" not in capsys.readouterr().out
