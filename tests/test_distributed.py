"""The Dask path gives the same findings as the local run (on a two-worker LocalCluster)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dask import distributed  # the test extras install the [dask] extra's dependency

from consistency import check_file
from consistency.config import Config
from consistency.distributed import check_paths, check_texts
from consistency.report.json import envelope

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PATHS = sorted(str(p) for p in (CORPUS / "seeds").glob("*.txt")) + sorted(
    str(p) for p in (CORPUS / "dev").glob("0[45]*.txt")
)


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _local(paths: list[str]) -> dict:
    return envelope([check_file(p) for p in paths])


def test_cluster_findings_equal_the_local_run(client) -> None:
    remote = check_paths(PATHS, client=client, npartitions=4)
    assert json.dumps(remote, sort_keys=True) == json.dumps(_local(PATHS), sort_keys=True)
    assert remote["summary"]["files"] == len(PATHS)


def test_unreadable_file_is_an_error_entry_and_the_rest_go_on(client, tmp_path) -> None:
    missing = str(tmp_path / "absent.txt")
    result = check_paths([missing, PATHS[0]], client=client)
    assert [e["path"] for e in result["errors"]] == [missing]
    assert [f["path"] for f in result["files"]] == [PATHS[0]]


def test_texts_are_checked_like_files(client) -> None:
    text = Path(PATHS[0]).read_text(encoding="utf-8")
    result = check_texts([("a.txt", text)], client=client, config=Config())
    assert result["files"][0]["path"] == "a.txt"
    assert result["files"][0]["claims"] == check_file(PATHS[0]).to_dict()["claims"]


def test_per_file_ignores_apply_on_the_cluster_as_on_the_command_line(
    client, tmp_path, monkeypatch
) -> None:
    from consistency.config import load_config

    (tmp_path / "consistency.toml").write_text(
        '[per-file-ignores]\n"*.txt" = ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9"]\n',
        encoding="utf-8",
    )
    copy = tmp_path / "report.txt"
    source = next(p for p in PATHS if check_file(p).findings)
    copy.write_text(Path(source).read_text(encoding="utf-8"), encoding="utf-8")
    config = load_config(tmp_path / "consistency.toml")
    assert check_file(copy).findings  # the seed has findings …
    result = check_paths([str(copy)], client=client, config=config)
    assert result["files"][0]["findings"] == []  # … all left out by its per-file ignores
    texts = check_texts([(str(copy), copy.read_text(encoding="utf-8"))], client=client,
                        config=config)
    assert texts["files"][0]["findings"] == []


def _break_on_boom() -> None:
    """Run on each worker: the engine fails on any document holding BOOM."""
    from consistency import engine

    original = engine.check_document

    def broken(document, config=None):  # type: ignore[no-untyped-def]
        if "BOOM" in document.text:
            raise ZeroDivisionError("boom")
        return original(document, config)

    broken.original = original  # type: ignore[attr-defined]
    engine.check_document = broken


def _mend() -> None:
    from consistency import engine

    engine.check_document = getattr(engine.check_document, "original", engine.check_document)


def test_a_bug_on_one_document_costs_only_that_document(client) -> None:
    text = Path(PATHS[0]).read_text(encoding="utf-8")
    client.run(_break_on_boom)
    try:
        result = check_texts([("boom.txt", "BOOM " + text), ("a.txt", text)], client=client)
    finally:
        client.run(_mend)
    assert [f["path"] for f in result["files"]] == ["a.txt"]
    (error,) = result["errors"]
    assert error["path"] == "boom.txt"
    assert "internal error ZeroDivisionError: boom" in error["error"]


def _kill_once(marker: str) -> None:
    """Run on each worker: the first document checked kills its worker process."""
    import os
    import signal

    from consistency import engine

    original = engine.check_document

    def dying(document, config=None):  # type: ignore[no-untyped-def]
        if not os.path.exists(marker):
            open(marker, "w").close()
            os.kill(os.getpid(), signal.SIGKILL)
        return original(document, config)

    dying.original = original  # type: ignore[attr-defined]
    engine.check_document = dying


def test_a_killed_worker_loses_no_file(client, tmp_path) -> None:
    marker = str(tmp_path / "killed")
    client.run(_kill_once, marker)
    try:
        result = check_paths(PATHS, client=client, npartitions=len(PATHS))
    finally:
        client.run(_mend)
    assert (tmp_path / "killed").exists()  # a worker did die mid-run
    assert json.dumps(result, sort_keys=True) == json.dumps(_local(PATHS), sort_keys=True)
