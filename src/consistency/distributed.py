"""The same check on a Dask cluster, for archives too large for one machine.

Install the extra (``pip install 'consistency-zh[dask]'``) and hand the paths, or
``(name, text)`` pairs, to a cluster::

    from dask.distributed import Client
    from consistency.distributed import check_paths

    with Client("tcp://scheduler.example:8786") as client:   # or Client() for a local one
        result = check_paths(paths, client=client)

``result`` is the JSON contract of ``consistency check --format json`` (see
:mod:`consistency.report.json`), files in the order given. Every worker must have
``consistency`` installed (the same version) and, for ``check_paths``, see the same
files at the same paths (a shared file system or object store mounted alike).

Nothing here schedules work: Dask does. Each file goes through
:func:`consistency.engine.check_path`, as on the command line and in the pytest plugin, so
per-file configuration (``per-file-ignores``) applies alike. A file that cannot be read,
or that the checker fails on, becomes an entry of ``errors`` (path and problem), exactly
as on the command line, and the rest go on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .config import Config
from .document import Document
from .engine import check_path
from .errors import ConsistencyError
from .findings import Report
from .report.json import envelope

if TYPE_CHECKING:  # pragma: no cover - typing only
    from dask.distributed import Client

__all__ = ["check_paths", "check_texts"]


def check_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    client: Client | None = None,
    config: Config | None = None,
    npartitions: int | None = None,
) -> dict[str, Any]:
    """Check every file of ``paths`` on the cluster behind ``client`` (or Dask's default)."""
    items = [os.fspath(p) for p in paths]
    return _run(items, _check_path, client, config, npartitions)


def check_texts(
    items: Iterable[tuple[str, str]],
    *,
    client: Client | None = None,
    config: Config | None = None,
    npartitions: int | None = None,
) -> dict[str, Any]:
    """Check ``(name, text)`` pairs on the cluster behind ``client`` (or Dask's default)."""
    return _run(list(items), _check_pair, client, config, npartitions)


def _run(items: list, func, client, config, npartitions) -> dict[str, Any]:
    import dask.bag as db  # an optional dependency: imported only when used

    results: list[Report | tuple[str, str]] = []
    if items:
        parts = npartitions or min(len(items), 64)
        bag = db.from_sequence(items, npartitions=parts).map(func, config=config)
        results = client.compute(bag).result() if client is not None else bag.compute()
    reports = [r for r in results if isinstance(r, Report)]
    errors = [r for r in results if not isinstance(r, Report)]
    # a document read only in part is reported, and named among the errors as well
    errors += [(r.path or "", note) for r in reports for note in r.document.notes]
    return envelope(reports, errors)


def _check_path(path: str, config: Config | None) -> Report | tuple[str, str]:
    try:
        return check_path(path, config)
    except ConsistencyError as error:
        return (path, error.problem)


def _check_pair(item: tuple[str, str], config: Config | None) -> Report | tuple[str, str]:
    name, text = item
    if not isinstance(text, str):
        return (name, f"not checked: the text is a {type(text).__name__}, not a str")
    try:
        return check_path(Document(text, name), config)
    except ConsistencyError as error:
        return (name, error.problem)
