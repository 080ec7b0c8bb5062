"""pytest plugin: every report file becomes a test that fails on its findings.

Registered through the ``pytest11`` entry point, so installing ``consistency`` is enough::

    pytest --consistency corpus/          # check the report files among these paths
    pytest --consistency corpus/ -k 004   # only the reports whose name matches

or, in the project's ini file, paths checked on every plain ``pytest`` run (added to the
test paths when no path is given on the command line) and the accepted findings::

    [tool.pytest.ini_options]
    consistency_paths = ["corpus"]
    consistency_baseline = "corpus/baseline.json"

Each file (``.txt .html .htm .docx .pdf``) is one item, ``path::consistency``. It fails
when a finding at or above the configured fail level (``fail-on`` of the consistency
configuration, found from the rootdir) is not in the baseline, and the failure lists
the findings as ``consistency check`` prints them, not a traceback. Baseline entries of
checked files that matched nothing are listed at the end of the run as stale; with
``--consistency-fail-stale`` (ini ``consistency_fail_stale = true``) they fail their
report too, which turns the baseline into the exact list of findings each report must
give, the way a corpus of reports with known errors is tested.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from . import vocabulary as V
from .loaders import REPORT_SUFFIXES as SUFFIXES

if TYPE_CHECKING:  # pragma: no cover - typing only
    from .baseline import Baseline, Entry
    from .config import Config
    from .findings import Report

__all__ = ["FindingsFailed", "ReportFile", "ReportItem"]

ITEM_NAME = "consistency"


@dataclass
class _State:
    """What one pytest run shares between its items."""

    enabled: bool
    roots: tuple[Path, ...]
    baseline_path: Path | None
    start: Path
    #: a baseline entry no longer found fails its report (the baseline as an expectation)
    fail_stale: bool = False
    _config: Config | None = None
    _baseline: Baseline | None = None
    stale: list[tuple[str, Entry]] = field(default_factory=list)

    def wants(self, path: Path) -> bool:
        """Is ``path`` a report file this run checks (``--consistency`` or under an ini path)?"""
        if path.suffix.lower() not in SUFFIXES:
            return False
        if self.enabled:
            return True
        resolved = path.resolve()
        return any(resolved == r or r in resolved.parents for r in self.roots)

    def config(self) -> Config:
        """The consistency configuration found from the rootdir, read once."""
        if self._config is None:
            from .config import load_config

            self._config = load_config(start=self.start)
        return self._config

    def baseline(self) -> Baseline | None:
        """The baseline named by option or ini, read once (None without one)."""
        if self._baseline is None and self.baseline_path is not None:
            from .baseline import Baseline

            self._baseline = Baseline.load(self.baseline_path)
        return self._baseline


_STATE = pytest.StashKey[_State]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """The command-line options and ini keys of the plugin."""
    group = parser.getgroup("consistency", "checking the arithmetic of report files")
    group.addoption(
        "--consistency",
        action="store_true",
        help="check every report file (.txt .html .htm .docx .pdf) among the collected paths",
    )
    group.addoption(
        "--consistency-baseline",
        metavar="FILE",
        help="accepted findings (written by `consistency check --write-baseline`)",
    )
    group.addoption(
        "--consistency-fail-stale",
        action="store_true",
        help="fail a report whose accepted findings are no longer all found",
    )
    parser.addini(
        "consistency_fail_stale",
        type="bool",
        default=False,
        help="fail a report whose accepted findings are no longer all found",
    )
    parser.addini(
        "consistency_paths",
        type="paths",
        default=[],
        help="report files or folders checked whenever pytest runs without path arguments",
    )
    parser.addini(
        "consistency_baseline",
        default="",
        help="accepted findings, relative to the ini file's folder",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Set up the run's state; add ``consistency_paths`` when no path was given."""
    roots = tuple(Path(p).resolve() for p in config.getini("consistency_paths"))
    base = config.inipath.parent if config.inipath else config.rootpath
    option = config.getoption("consistency_baseline")
    ini = config.getini("consistency_baseline")
    baseline = Path(option).resolve() if option else (base / ini).resolve() if ini else None
    config.stash[_STATE] = _State(
        enabled=bool(config.getoption("consistency")),
        roots=roots,
        baseline_path=baseline,
        start=config.rootpath,
        fail_stale=bool(
            config.getoption("consistency_fail_stale") or config.getini("consistency_fail_stale")
        ),
    )
    if roots and config.args_source is not pytest.Config.ArgsSource.ARGS:
        known = {Path(a).resolve() for a in config.args}
        config.args.extend(str(r) for r in roots if r not in known and r.exists())


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(
    file_path: Path, parent: pytest.Collector
) -> Generator[None, list[pytest.Collector], list[pytest.Collector]]:
    """A report file becomes a :class:`ReportFile` when the run asks for it.

    pytest's doctest plugin also claims any ``.txt`` named on the command line; a
    report is not a doctest file, so that claim is dropped for the files taken here.
    """
    found = yield
    state = parent.config.stash.get(_STATE, None)
    if state is None or not state.wants(file_path):
        return found
    others = [c for c in found if type(c).__name__ != "DoctestTextfile"]
    return [*others, ReportFile.from_parent(parent, path=file_path)]


def pytest_collection_finish(session: pytest.Session) -> None:
    """Read the configuration and baseline once, before any report is checked.

    A mistake in either is a usage error of the whole run (one line, exit 4), not a
    failure of every report.
    """
    state = session.config.stash.get(_STATE, None)
    if state is None or not any(isinstance(i, ReportItem) for i in session.items):
        return
    from .errors import ConsistencyError

    try:
        state.config()
        state.baseline()
    except ConsistencyError as error:
        raise pytest.UsageError(f"consistency: {error}") from None


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """List the stale baseline entries of the files this run checked."""
    state = config.stash.get(_STATE, None)
    if state is None or not state.stale:
        return
    lang = state.config().lang
    terminalreporter.section(V.say("plugin.stale_section", lang))
    terminalreporter.write_line(
        V.say("plugin.stale_summary", lang, n=len(state.stale), path=state.baseline_path)
    )
    for _, entry in state.stale:
        terminalreporter.write_line(f"  {entry.path} {entry.code} {entry.stated} «{entry.claim}»")


class ReportFile(pytest.File):
    """One report file: it holds one item, the check of the whole file."""

    def collect(self) -> list[ReportItem]:
        """The file's single item."""
        return [ReportItem.from_parent(self, name=ITEM_NAME)]


class FindingsFailed(Exception):
    """What fails a report (rendered by :meth:`ReportItem.repr_failure`): new findings,
    and, with ``consistency_fail_stale``, accepted findings no longer found."""

    def __init__(self, report: Report, config: Config, stale: tuple[Entry, ...] = ()) -> None:
        self.report = report
        self.config = config
        self.stale = stale
        super().__init__(f"{len(report.findings)} findings, {len(stale)} stale entries")

    def render(self) -> str:
        """The findings as ``consistency check`` prints them, then any stale entries."""
        from .report.text import render

        parts = [render([self.report], self.config).rstrip("\n")] if self.report.findings else []
        if self.stale:
            parts.append(V.say("plugin.stale_head", self.config.lang))
            parts.extend(f"  {e.code} {e.stated} «{e.claim}»" for e in self.stale)
        return "\n".join(parts)


class _Unreadable(Exception):
    """The report file could not be read or checked; the message is the one line to show."""


class ReportItem(pytest.Item):
    """The check of one report file."""

    def _line(self, problem: str, lang: str) -> str:
        """``path: problem``, in the configured language, control characters made visible."""
        from .report.sanitise import shown_path, visible

        return f"{shown_path(_shown(self.path))}: {visible(V.problem(problem, lang))}"

    def runtest(self) -> None:
        """Check the file; raise :class:`FindingsFailed` when something fails it."""
        from dataclasses import replace

        from . import engine
        from .errors import ConsistencyError

        state = self.config.stash[_STATE]
        config = state.config().for_path(self.path)
        baseline = state.baseline()
        try:
            report = engine.check_path(_shown(self.path), state.config())
        except ConsistencyError as error:  # unreadable, or the checker failed on it
            raise _Unreadable(self._line(error.problem, config.lang)) from None
        if report.document.notes:  # read only in part: the check cannot vouch for it
            notes = "; ".join(V.problem(n, config.lang) for n in report.document.notes)
            raise _Unreadable(self._line(notes, config.lang))
        stale: tuple[Entry, ...] = ()
        if baseline is not None:
            applied = baseline.apply([report])
            report, stale = applied.reports[0], applied.stale
            state.stale.extend((self.nodeid, e) for e in stale)
        failing = tuple(f for f in report.findings if config.fails(f.severity))
        if not state.fail_stale:
            stale = ()
        if failing or stale:
            raise FindingsFailed(replace(report, findings=failing), config, stale)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str | Any:
        """The findings as ``consistency check`` prints them, not a traceback."""
        if isinstance(excinfo.value, FindingsFailed):
            return excinfo.value.render()
        if isinstance(excinfo.value, _Unreadable):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """The header pytest prints above a failure: the report's path."""
        return self.path, None, f"consistency: {_shown(self.path)}"


def _shown(path: Path) -> str:
    """``path`` relative to the working directory when inside it, as pytest shows paths."""
    rel = os.path.relpath(path)
    return str(path) if rel.startswith("..") else rel
