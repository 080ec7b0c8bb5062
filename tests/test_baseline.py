"""The baseline: accepted findings keyed by what they say, so moving text keeps them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from consistency.baseline import Baseline, Entry, normalise
from consistency.errors import ConfigError
from consistency.findings import Report

MakeReport = Callable[..., Report]

DRAFT = "一、概况\n全年收案10=3+5,结案7=3+4。\n二、其他\n受理20=9+10。\n"


@pytest.fixture
def make(fake_engine: MakeReport) -> MakeReport:
    return fake_engine


def round_trip(tmp_path: Path, reports: list[Report]) -> Baseline:
    file = tmp_path / "baseline.json"
    Baseline.from_reports(reports, tmp_path).write(file)
    return Baseline.load(file)


def test_every_finding_written_is_accepted_when_read_back(tmp_path: Path, make: MakeReport) -> None:
    report = make(DRAFT, str(tmp_path / "draft.txt"))
    assert len(report.findings) == 2
    applied = round_trip(tmp_path, [report]).apply([report])
    assert applied.reports[0].findings == ()
    assert (applied.suppressed, applied.stale) == (2, ())


def test_the_file_is_sorted_json_with_paths_relative_to_its_folder(
    tmp_path: Path, make: MakeReport
) -> None:
    report = make(DRAFT, str(tmp_path / "drafts" / "draft.txt"))
    Baseline.from_reports([report], tmp_path).write(tmp_path / "baseline.json")
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    rows = data["findings"]
    assert [(r["path"], r["code"], r["claim"], r["stated"]) for r in rows] == [
        ("drafts/draft.txt", "C101", "10=3+5", "10"),
        ("drafts/draft.txt", "C102", "20=9+10", "20"),
    ]
    assert all(r["message"] for r in rows)


@pytest.mark.parametrize(
    "edited",
    [
        "前言一段。\n\n" + DRAFT,
        DRAFT.replace("二、其他\n", ""),
        DRAFT.replace("全年收案", "本年度全区共收案"),
        DRAFT.replace("10=3+5,", "10=3+5,\n"),
    ],
    ids=["lines added above", "a line removed", "words before it changed", "re-wrapped"],
)
def test_a_finding_keeps_its_entry_when_the_text_around_it_moves(
    tmp_path: Path, make: MakeReport, edited: str
) -> None:
    path = str(tmp_path / "draft.txt")
    baseline = round_trip(tmp_path, [make(DRAFT, path)])
    applied = baseline.apply([make(edited, path)])
    assert applied.reports[0].findings == () and applied.stale == ()


@pytest.mark.parametrize(
    ("written", "key"),
    [("１０＝３＋５", "10=3+5"), ("20 = 9 +\n10", "20=9+10"), ("占比90.95％", "占比90.95%")],
    ids=["full-width", "spaces and a line break", "full-width percent"],
)
def test_the_claim_key_ignores_width_and_whitespace(written: str, key: str) -> None:
    assert normalise(written) == key


def test_a_changed_figure_is_a_new_finding_and_its_old_entry_is_stale(
    tmp_path: Path, make: MakeReport
) -> None:
    path = str(tmp_path / "draft.txt")
    baseline = round_trip(tmp_path, [make(DRAFT, path)])
    applied = baseline.apply([make(DRAFT.replace("10=3+5", "11=3+5"), path)])
    assert [f.stated for f in applied.reports[0].findings] == ["11"]
    assert [(e.code, e.claim) for e in applied.stale] == [("C101", "10=3+5")]


def test_a_fixed_finding_leaves_a_stale_entry(tmp_path: Path, make: MakeReport) -> None:
    path = str(tmp_path / "draft.txt")
    baseline = round_trip(tmp_path, [make(DRAFT, path)])
    applied = baseline.apply([make(DRAFT.replace("20=9+10", "19=9+10"), path)])
    assert applied.reports[0].findings == ()
    assert applied.stale == (Entry("draft.txt", "C102", "20=9+10", "20"),)


def test_the_same_finding_twice_needs_two_entries(tmp_path: Path, make: MakeReport) -> None:
    path = str(tmp_path / "draft.txt")
    baseline = round_trip(tmp_path, [make("甲10=3+5。", path)])
    applied = baseline.apply([make("甲10=3+5。乙10=3+5。", path)])
    assert len(applied.reports[0].findings) == 1
    assert applied.suppressed == 1


def test_entries_of_files_not_checked_are_not_stale(tmp_path: Path, make: MakeReport) -> None:
    a, b = str(tmp_path / "a.txt"), str(tmp_path / "b.txt")
    baseline = round_trip(tmp_path, [make(DRAFT, a), make(DRAFT, b)])
    applied = baseline.apply([make(DRAFT, a)])
    assert applied.stale == () and applied.suppressed == 2


def test_the_same_sentence_in_another_file_is_not_accepted(
    tmp_path: Path, make: MakeReport
) -> None:
    baseline = round_trip(tmp_path, [make(DRAFT, str(tmp_path / "a.txt"))])
    applied = baseline.apply([make(DRAFT, str(tmp_path / "b.txt"))])
    assert len(applied.reports[0].findings) == 2


def test_paths_resolve_against_the_baseline_folder_not_the_cwd(
    tmp_path: Path, make: MakeReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "corpus").mkdir()
    monkeypatch.chdir(tmp_path)
    baseline = round_trip(tmp_path, [make(DRAFT, "corpus/draft.txt")])
    monkeypatch.chdir(tmp_path / "corpus")
    applied = baseline.apply([make(DRAFT, "draft.txt")])
    assert applied.reports[0].findings == ()


def test_stdin_has_its_own_key(tmp_path: Path, make: MakeReport) -> None:
    baseline = round_trip(tmp_path, [make(DRAFT, None)])
    assert {e.path for e in baseline.entries} == {"<stdin>"}
    assert baseline.apply([make(DRAFT, None)]).suppressed == 2


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("not json", "not a baseline file"),
        ("[" * 100_000 + "]" * 100_000, "not a baseline file: nested too deeply"),
        ('{"version": 1, "findings": ' + "[" * 100_000 + "]" * 100_000 + "}", "not a baseline"),
        ('{"version": 2, "findings": []}', "not a baseline file of version 1"),
        ('{"version": 1}', "findings: expected a list"),
        (
            '{"version": 1, "findings": [{"path": "a"}]}',
            "findings[0]: needs path, code, claim, stated",
        ),
        (
            '{"version": 1, "findings": [{"path": 1, "code": "C1", "claim": "", "stated": ""}]}',
            "findings[0]",
        ),
    ],
)
def test_a_broken_baseline_names_the_file_and_the_problem(
    tmp_path: Path, content: str, problem: str
) -> None:
    file = tmp_path / "baseline.json"
    file.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        Baseline.load(file)
    assert raised.value.path == str(file)
    assert raised.value.problem.startswith(problem)


def test_a_missing_baseline_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such baseline file"):
        Baseline.load(tmp_path / "missing.json")


# --- rewriting merges, never truncates ---------------------------------------------------


def _entries(baseline: Baseline) -> list[tuple[str, str]]:
    return [(e.path, e.stated) for e in baseline.entries]


def test_a_rewrite_keeps_the_entries_of_files_not_checked(tmp_path: Path, make: MakeReport) -> None:
    a = make("甲10=3+5。乙20=9+10。\n", str(tmp_path / "a.txt"))
    b = make("丙30=1+1。\n", str(tmp_path / "b.txt"))
    old = round_trip(tmp_path, [a, b])
    assert _entries(old) == [("a.txt", "10"), ("a.txt", "20"), ("b.txt", "30")]
    fixed_b = make("丙30=1+29。丁40=1+1。\n", str(tmp_path / "b.txt"))
    merged = old.merged([fixed_b])  # only b was checked this time
    assert _entries(merged) == [
        ("a.txt", "10"), ("a.txt", "20"), ("b.txt", "30"), ("b.txt", "40"),
    ]
    # the messages written for the reviewer survive the rewrite
    assert merged.messages[0] == old.messages[0] != ""


def test_a_stale_entry_is_dropped_only_when_asked(tmp_path: Path, make: MakeReport) -> None:
    old = round_trip(tmp_path, [make("丙30=1+1。\n", str(tmp_path / "b.txt"))])
    fixed = make("丙30=1+29。丁40=1+1。\n", str(tmp_path / "b.txt"))
    assert _entries(old.merged([fixed], prune=True)) == [("b.txt", "40")]


def test_a_finding_twice_is_accepted_twice_not_four_times(
    tmp_path: Path, make: MakeReport
) -> None:
    twice = make("甲10=3+5。又10=3+5。\n", str(tmp_path / "a.txt"))
    old = round_trip(tmp_path, [twice])
    assert len(old.merged([twice]).entries) == 2


def test_pruning_drops_the_entries_of_files_gone_and_keeps_those_not_checked(
    tmp_path: Path, make: MakeReport
) -> None:
    for name in ("a.txt", "gone.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    old = round_trip(
        tmp_path,
        [make("甲10=3+5。\n", str(tmp_path / n)) for n in ("a.txt", "gone.txt")],
    )
    (tmp_path / "gone.txt").unlink()
    assert _entries(old.merged([], prune=True)) == [("a.txt", "10")]
    assert _entries(old.merged([])) == [("a.txt", "10"), ("gone.txt", "10")]


def test_a_run_on_a_subset_or_with_an_unreadable_file_keeps_every_accepted_finding(
    tmp_path: Path, make: MakeReport, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from consistency.cli import main

    monkeypatch.chdir(tmp_path)
    for i in range(6):
        (tmp_path / f"r{i}.txt").write_text(f"第{i}段10=3+5,20=9+{i}。\n", encoding="utf-8")
    assert main(["check", ".", "--write-baseline", "baseline.json"]) == 0
    before = Baseline.load(tmp_path / "baseline.json").entries
    assert len(before) == 12
    # a run on two files, one of them unreadable this time
    (tmp_path / "r1.txt").write_bytes(b"\x00\xff\xfe\x00" * 10)
    assert main(["check", "r0.txt", "r1.txt", "--write-baseline", "baseline.json"]) == 2
    assert Baseline.load(tmp_path / "baseline.json").entries == before
    err = capsys.readouterr().err
    assert "r1.txt: binary data" in err and "accepted 12 findings (2 found in this run" in err
    # the explicit flag drops what the checked files no longer give
    (tmp_path / "r0.txt").write_text("第0段10=3+7,20=9+0。\n", encoding="utf-8")
    assert main(["check", "r0.txt", "--write-baseline", "baseline.json", "--prune-baseline"]) == 0
    after = Baseline.load(tmp_path / "baseline.json").entries
    assert len(after) == 11 and Entry("r0.txt", "C101", "10=3+7", "10") not in after
    assert "1 no longer found dropped" in capsys.readouterr().err


def test_prune_needs_write_baseline(tmp_path: Path, make: MakeReport,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from consistency.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("10=3+7\n", encoding="utf-8")
    assert main(["check", "a.txt", "--prune-baseline"]) == 2
