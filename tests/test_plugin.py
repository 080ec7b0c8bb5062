"""The pytest plugin, run in a throw-away project with pytester.

Report files become items named by file; an item fails with the findings listed as
``consistency check`` prints them; ``-k`` picks reports by name; the baseline is honoured.
The runs are in-process, so the stand-in engine of conftest.py is the one they use.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import pytest

from consistency.baseline import Baseline
from consistency.cli import main

CLEAN = "全年收案10=3+7。\n"
WRONG = "一、概况\n全年收案12=3+7。\n"
NEAR = "结案11=3+7。\n"


@pytest.fixture
def corpus(pytester: pytest.Pytester, fake_engine: object) -> pytest.Pytester:
    """corpus/{a_clean,b_wrong,c_near}.txt, a notes file that is no report, and a test file."""
    pytester.makefile(
        ".txt", **{"corpus/a_clean": CLEAN, "corpus/b_wrong": WRONG, "corpus/c_near": NEAR}
    )
    pytester.makefile(".md", **{"corpus/README": "# 说明 99=1+1"})
    pytester.makepyfile(test_unit="def test_unit():\n    assert True\n")
    return pytester


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """An in-process run; hypothesis' own plugin is left out only because it is slow to load."""
    return pytester.runpytest("-p", "no:hypothesispytest", *args)


def test_the_plugin_is_registered_through_the_pytest11_entry_point() -> None:
    names = {e.value for e in entry_points(group="pytest11")}
    assert "consistency.pytest_plugin" in names


def test_each_report_file_is_an_item_and_only_those_with_errors_fail(
    corpus: pytest.Pytester,
) -> None:
    result = run(corpus, "--consistency", "corpus", "-v")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "corpus/a_clean.txt::consistency PASSED*",
            "corpus/b_wrong.txt::consistency FAILED*",
            "corpus/c_near.txt::consistency PASSED*",
        ]
    )


def test_a_failure_lists_the_findings_not_a_traceback(corpus: pytest.Pytester) -> None:
    result = run(corpus, "--consistency", "corpus")
    result.stdout.fnmatch_lines(
        [
            "*_ consistency: corpus/b_wrong.txt _*",
            "corpus/b_wrong.txt:2:5: C101 12 ≠ 3 + 7 = 10",
            "2 | 全年收案12=3+7。",
            "  |         ^^ ^ ^",
        ]
    )
    assert "Traceback" not in result.stdout.str()
    assert "def runtest" not in result.stdout.str()


def test_without_the_option_report_files_are_not_collected(corpus: pytest.Pytester) -> None:
    run(corpus, "corpus").assert_outcomes()
    run(corpus).assert_outcomes(passed=1)


def test_k_selects_reports_by_name(corpus: pytest.Pytester) -> None:
    result = run(corpus, "--consistency", "corpus", "-k", "b_wrong")
    result.assert_outcomes(failed=1, deselected=2)
    run(corpus, "--consistency", "corpus", "-k", "not wrong").assert_outcomes(
        passed=2, deselected=1
    )


def test_ini_paths_are_checked_on_a_plain_run(corpus: pytest.Pytester) -> None:
    corpus.makeini("[pytest]\nconsistency_paths = corpus\n")
    run(corpus).assert_outcomes(passed=3, failed=1)


def test_ini_paths_are_not_added_when_paths_are_given(corpus: pytest.Pytester) -> None:
    corpus.makeini("[pytest]\nconsistency_paths = corpus\n")
    run(corpus, "test_unit.py").assert_outcomes(passed=1)
    run(corpus, "corpus/b_wrong.txt").assert_outcomes(failed=1)


def test_the_ini_baseline_turns_accepted_findings_green(corpus: pytest.Pytester) -> None:
    from consistency.engine import check_file

    reports = [check_file(corpus.path / "corpus" / "b_wrong.txt")]
    Baseline.from_reports(reports, corpus.path).write(corpus.path / "baseline.json")
    corpus.makeini("[pytest]\nconsistency_baseline = baseline.json\n")
    run(corpus, "--consistency", "corpus").assert_outcomes(passed=3)

    (corpus.path / "corpus" / "c_near.txt").write_text("收案30=3+7。\n", encoding="utf-8")
    result = run(corpus, "--consistency", "corpus")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*c_near.txt:1:3: C101 30 ≠ 3 + 7 = 10"])


def test_stale_baseline_entries_are_listed_at_the_end(corpus: pytest.Pytester) -> None:
    from consistency.engine import check_file

    reports = [check_file(corpus.path / "corpus" / "b_wrong.txt")]
    Baseline.from_reports(reports, corpus.path).write(corpus.path / "baseline.json")
    (corpus.path / "corpus" / "b_wrong.txt").write_text(CLEAN, encoding="utf-8")
    result = run(corpus, "--consistency", "corpus", "--consistency-baseline", "baseline.json")
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines(
        ["*consistency：过期的基线条目*", "  corpus/b_wrong.txt C101 12 «12=3+7»"]
    )


def test_with_fail_stale_a_finding_no_longer_found_fails_its_report(
    corpus: pytest.Pytester,
) -> None:
    from consistency.engine import check_file

    reports = [check_file(corpus.path / "corpus" / "b_wrong.txt")]
    Baseline.from_reports(reports, corpus.path).write(corpus.path / "baseline.json")
    corpus.makeini(
        "[pytest]\nconsistency_baseline = baseline.json\nconsistency_fail_stale = true\n"
    )
    run(corpus, "--consistency", "corpus").assert_outcomes(passed=3)
    (corpus.path / "corpus" / "b_wrong.txt").write_text(CLEAN, encoding="utf-8")
    result = run(corpus, "--consistency", "corpus")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*_ consistency: corpus/b_wrong.txt _*",
            "已接受但不再出现的发现（过期的基线条目）：",
            "  C101 12 «12=3+7»",
        ]
    )


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"baseline.json": "{"}, "*consistency: *baseline.json: not a baseline file*"),
        (
            {"consistency.toml": "lang = 1\n"},
            "*consistency: *consistency.toml: lang: 1 is not one of zh, en*",
        ),
    ],
    ids=["a broken baseline", "a broken configuration"],
)
def test_a_broken_baseline_or_configuration_stops_the_run_with_one_line(
    corpus: pytest.Pytester, files: dict[str, str], message: str
) -> None:
    for name, text in files.items():
        (corpus.path / name).write_text(text, encoding="utf-8")
    result = run(corpus, "--consistency", "corpus", "--consistency-baseline", "baseline.json")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([message])


def test_the_fail_level_comes_from_the_consistency_configuration(corpus: pytest.Pytester) -> None:
    corpus.makefile(".toml", consistency='fail-on = "warning"\n')
    run(corpus, "--consistency", "corpus").assert_outcomes(passed=1, failed=2)


def test_an_unreadable_report_fails_with_one_line(corpus: pytest.Pytester) -> None:
    (corpus.path / "corpus" / "d_binary.txt").write_bytes(b"\x00\xff\xfe\x00" * 10)
    result = run(corpus, "--consistency", "corpus/d_binary.txt")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*d_binary.txt: *"])
    assert "Traceback" not in result.stdout.str()


def test_a_bug_on_one_report_fails_that_report_alone_with_one_line(
    corpus: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import fake_check_document
    from consistency import engine

    def broken_on_boom(document, config=None):  # type: ignore[no-untyped-def]
        if "BOOM" in document.text:
            raise ZeroDivisionError("boom")
        return fake_check_document(document, config)

    monkeypatch.setattr(engine, "check_document", broken_on_boom)
    (corpus.path / "corpus" / "a_boom.txt").write_text("BOOM " + CLEAN, encoding="utf-8")
    result = run(corpus, "--consistency", "corpus", "-rf")
    result.assert_outcomes(passed=2, failed=2)  # the bug costs a_boom alone; b_wrong fails
    shown = result.stdout.str()
    # in the configured language (Chinese by default), as on the command line
    assert "a_boom.txt: 未检查：内部错误 ZeroDivisionError: boom" in shown
    assert "Traceback" not in shown


def test_per_file_ignores_apply_in_the_plugin_as_on_the_command_line(
    corpus: pytest.Pytester,
) -> None:
    corpus.makefile(".toml", consistency='[per-file-ignores]\n"corpus/b_*.txt" = ["C1"]\n')
    run(corpus, "--consistency", "corpus").assert_outcomes(passed=3)


# --- end to end: the real engine on the seed reports -----------------------------------

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"


def test_the_seed_corpus_is_green_with_its_baseline_until_a_figure_changes(
    pytester: pytest.Pytester,
) -> None:
    for seed in sorted(SEEDS.glob("*.txt")):
        (pytester.path / "seeds").mkdir(exist_ok=True)
        (pytester.path / "seeds" / seed.name).write_text(
            seed.read_text(encoding="utf-8"), encoding="utf-8"
        )
    (pytester.path / "consistency.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    assert main(["check", "seeds", "--write-baseline", "baseline.json"]) == 0
    pytester.makeini("[pytest]\nconsistency_paths = seeds\nconsistency_baseline = baseline.json\n")
    run(pytester).assert_outcomes(passed=5)

    target = pytester.path / "seeds" / "004_ee36a159e2e744f4.txt"
    text = target.read_text(encoding="utf-8")
    assert "“网上办”事项1046项" in text
    target.write_text(text.replace("“网上办”事项1046项", "“网上办”事项1066项"), encoding="utf-8")
    result = run(pytester, "-k", "004")
    result.assert_outcomes(failed=1, deselected=4)
    result.stdout.fnmatch_lines(["seeds/004_ee36a159e2e744f4.txt:*: C20* *90.95%*"])
