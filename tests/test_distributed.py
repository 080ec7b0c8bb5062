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
