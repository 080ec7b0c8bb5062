"""What a document or a file name holds never acts on a terminal or a CI log, in any format."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from consistency.report.sanitise import json_safe, shown_path, visible

Run = Callable[..., tuple[int, str, str]]

#: what must never reach an output raw
ACTIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("收案\x1b[2J12件", "收案\\x1b[2J12件"),
        ("占\x9b31m比", "占\\x9b31m比"),
        ("abc\u202edef", "abc\\u202edef"),
        ("一行\u2028两行", "一行\\u2028两行"),
        ("a\tb\nc", "a\\x09b\\x0ac"),
        ("普通的中文，12.5%。", "普通的中文，12.5%。"),
    ],
    ids=["ESC", "C1 CSI", "bidi override", "line separator", "tab and newline", "plain"],
)
def test_visible_writes_every_active_character_as_an_escape(text: str, shown: str) -> None:
    assert visible(text) == shown
    assert ACTIVE.search(visible(text)) is None


def test_visible_keeps_what_the_caller_keeps() -> None:
    assert visible("a\tb\n\x1b", keep="\t\n") == "a\tb\n\\x1b"


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("::add-mask::secret.txt", "./::add-mask::secret.txt"),
        ("  ::error::x.txt", "./  ::error::x.txt"),
        ("a\n::error::x.txt", "a\\x0a::error::x.txt"),
        ("reports/a.txt", "reports/a.txt"),
        ("/abs/::x.txt", "/abs/::x.txt"),
    ],
)
def test_a_path_never_opens_a_line_with_a_workflow_command(path: str, shown: str) -> None:
    assert shown_path(path) == shown


def test_json_safe_json_means_the_same() -> None:
    value = {"text": "占\x9b比\u202e，\u2028", "n": [1, "\x1b"]}
    dumped = json_safe(json.dumps(value, ensure_ascii=False))
    assert ACTIVE.search(dumped) is None
    assert json.loads(dumped) == value


# --- end to end: hostile names and text through every format --------------------------------

HOSTILE_NAMES = ["::add-mask::x.txt", "::error title=pwned::y.txt", "e\x1b[31mz.txt", "n\n::error::.txt"]
HOSTILE_TEXT = "收案12=3+7\x9b2J\u202e,结案\u202810=3+7。\n"


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in HOSTILE_NAMES:
        (tmp_path / name).write_text(HOSTILE_TEXT, encoding="utf-8")
    (tmp_path / "\x1b]0;title\x07.txt").write_bytes(b"\x00\xff\xfe\x00" * 10)  # unreadable
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "html"])
def test_no_format_lets_a_name_or_a_document_act_on_the_reader(
    run: Run, hostile: Path, fmt: str
) -> None:
    code, out, err = run("check", "--format", fmt, ".")
    assert code == 2  # the unreadable one
    assert out.count("12") >= len(HOSTILE_NAMES)  # every file was reported
    for stream in (out, err):
        assert ACTIVE.search(stream) is None, repr(ACTIVE.search(stream))
        for line in stream.splitlines():
            if line.lstrip().startswith("::"):
                # only the github format's own commands, whose file= is escaped
                assert fmt == "github" and re.match(r"::(error|warning|notice) file=[^:]*,", line)


def test_the_text_markers_stay_under_their_figures_after_escaping(
    run: Run, hostile: Path
) -> None:
    _, out, _ = run("check", "e\x1b[31mz.txt")
    lines = out.splitlines()
    (at,) = [i for i, line in enumerate(lines) if "收案12=3+7" in line]
    shown, marks = lines[at], lines[at + 1]
    start = marks.index("^")
    assert "e\\x1b[31mz.txt" in out
    # markers sit under "12=3+7" (display columns: a Chinese character is two)
    width = sum(2 if ord(c) > 0x2E80 else 1 for c in shown[: shown.index("12=3+7")])
    assert start == width
