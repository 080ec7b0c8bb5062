"""Checking many files: in this process or in worker processes, always in the order given.

:class:`Runner` hands back, for each file of a run, its report or the error that says why
it was not checked, in the order the files were given whatever the number of workers, so
the output of ``--jobs 4`` is byte for byte that of ``--jobs 1``. What it promises:

* **A crashed worker costs one file at most.** A worker process that dies while checking
  a file (killed, out of memory, a crash in native code) is replaced, and the file is
  tried once more; if its worker dies again the file is reported as not checked
  (:class:`~consistency.errors.NotChecked`) and every other file is still checked.
* **A time budget per document** (``timeout``, in seconds): a file still being checked
  when its budget runs out is reported as not checked and its worker is ended and
  replaced. A budget needs a worker process to end, so with a budget even ``jobs=1``
  checks in one worker.
* **Signals end the run cleanly.** SIGINT or SIGTERM stops the run: the workers are sent
  SIGTERM (then SIGKILL if they linger), the iteration ends early, and :attr:`stopped`
  holds the signal, so the caller can still write complete output (valid JSON) with the
  files left unchecked named. A signal that arrives while the caller is writing a
  report is held until it is done, so nothing is cut in half.
* **Bounded memory.** At most a few files per worker are checked ahead of the next one
  to hand back, so a slow file never makes the run hold every report after it.

Workers ignore SIGINT (the parent decides what an interrupt means) and, on Linux, are
ended by the kernel if the parent dies without a chance to end them.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from types import FrameType
from typing import Any

from . import engine
from .config import Config
from .document import Document
from .errors import ConsistencyError, NotChecked
from .findings import Report

__all__ = ["Outcome", "Runner", "Task"]

#: a file to check: its path, a document already loaded (standard input), or the error
#: that already says why it cannot be (standard input that could not be read)
Task = str | Document | ConsistencyError
Outcome = Report | ConsistencyError

#: below this many files a process pool costs more than it saves
POOL_THRESHOLD = 4
#: files checked ahead of the next one handed back, per worker
AHEAD = 4
#: how long a worker asked to end may take before it is killed
GRACE = 2.0
_TRIES = 2


class _Interrupted(BaseException):
    """Raised by the signal handler where the run may stop at once (waiting, checking)."""


def check_one(task: Task, config: Config) -> Outcome:
    """The outcome of one task in this process; never raises what a document causes."""
    if isinstance(task, ConsistencyError):
        return task
    try:
        return engine.check_path(task, config)
    except ConsistencyError as error:
        return error


@dataclass
class _Busy:
    index: int
    tries: int
    deadline: float | None


@dataclass
class _Worker:
    process: Any  # multiprocessing.Process (the context's own class)
    conn: Connection
    busy: _Busy | None = None


class Runner:
    """Runs the checks of one command: ``for outcome in Runner(jobs, config).run(tasks)``."""

    def __init__(self, jobs: int, config: Config, *, timeout: float | None = None) -> None:
        self.jobs = jobs or os.cpu_count() or 1
        self.config = config
        self.timeout = timeout
        #: the signal that stopped the run early, or None
        self.stopped: int | None = None
        self._armed = False

    def run(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        """The outcome of each task, in order; ends early (see :attr:`stopped`) on a signal."""
        pooled = self.timeout is not None or (self.jobs > 1 and len(tasks) >= POOL_THRESHOLD)
        with self._signals():
            if pooled:
                yield from self._pooled(tasks)
            else:
                yield from self._serial(tasks)

    # --- signals -------------------------------------------------------------------

    @contextlib.contextmanager
    def _signals(self) -> Iterator[None]:
        """SIGINT and SIGTERM stop the run; where it cannot stop at once, at the next file."""

        def handler(signum: int, frame: FrameType | None) -> None:
            del frame
            self.stopped = self.stopped or signum
            if self._armed:
                raise _Interrupted(signum)

        if sys.platform == "win32" or not _main_thread():
            yield  # signal handlers can only be set from the main thread
            return
        previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for s, h in previous.items():
                signal.signal(s, h)

    @contextlib.contextmanager
    def _armed_region(self) -> Iterator[None]:
        self._armed = True
        try:
            if self.stopped:
                raise _Interrupted(self.stopped)
            yield
        finally:
            self._armed = False

    # --- in this process ---------------------------------------------------------------

    def _serial(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        for task in tasks:
            try:
                with self._armed_region():
                    outcome = check_one(task, self.config)
            except _Interrupted:
                return
            yield outcome
            if self.stopped:
                return

    # --- in worker processes -------------------------------------------------------------

    def _pooled(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        context = multiprocessing.get_context()
        workers: list[_Worker] = []
        pending: deque[tuple[int, int]] = deque((i, 1) for i in range(len(tasks)))
        done: dict[int, Outcome] = {}
        following = 0
        size = min(self.jobs, len(tasks))

        def start() -> _Worker:
            ours, theirs = context.Pipe()
            process = context.Process(
                target=_serve, args=(theirs, self.config), daemon=True, name="consistency-worker"
            )
            process.start()
            theirs.close()
            return _Worker(process, ours)

        try:
            workers.extend(start() for _ in range(size))
            while following < len(tasks):
                for k, w in enumerate(workers):
                    if w.busy is None and pending and pending[0][0] < following + AHEAD * size:
                        index, tries = pending.popleft()
                        deadline = None if self.timeout is None else time.monotonic() + self.timeout
                        try:
                            w.conn.send((index, tasks[index]))
                        except OSError:  # the worker died idle: a new one takes the file
                            pending.appendleft((index, tries))
                            _end([w])
                            workers[k] = start()
                            continue
                        w.busy = _Busy(index, tries, deadline)
                try:
                    with self._armed_region():
                        self._collect(tasks, workers, done, pending, start)
                except _Interrupted:
                    return
                while following in done:
                    yield done.pop(following)
                    following += 1
                    if self.stopped:
                        return
        finally:
            _end(workers)

    def _collect(
        self,
        tasks: Sequence[Task],
        workers: list[_Worker],
        done: dict[int, Outcome],
        pending: deque[tuple[int, int]],
        start: Callable[[], _Worker],
    ) -> None:
        """Wait for a worker to answer, die or run out of time, and deal with it."""
        busy = [w for w in workers if w.busy is not None]
        if not busy:
            return
        deadlines = [w.busy.deadline for w in busy if w.busy and w.busy.deadline is not None]
        wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        wait([x for w in busy for x in (w.conn, w.process.sentinel)], timeout=wait_for)
        now = time.monotonic()
        for k, w in enumerate(workers):
            job = w.busy
            if job is None:
                continue
            answer = _answer(w.conn)
            if isinstance(answer, tuple):
                index, outcome = answer
                done[index] = outcome
                w.busy = None
                continue
            if answer is _ALIVE and not (job.deadline is not None and now >= job.deadline):
                continue
            if answer is _ALIVE:  # out of time
                done[job.index] = NotChecked(
                    _name(tasks[job.index]),
                    f"not checked: still running after --timeout {self.timeout:g} s",
                )
            elif job.tries < _TRIES:  # the worker died: try the file once more, first
                pending.appendleft((job.index, job.tries + 1))
            else:
                done[job.index] = NotChecked(
                    _name(tasks[job.index]),
                    f"not checked: the process checking it ended ({_how(w.process)}), twice",
                )
            _end([w])
            workers[k] = start()


_ALIVE = object()
_DEAD = object()


def _answer(conn: Connection) -> tuple[int, Outcome] | object:
    """What a worker sent, ``_ALIVE`` if nothing yet, ``_DEAD`` if it can send no more."""
    try:
        if not conn.poll():
            return _ALIVE
        message: tuple[int, Outcome] = conn.recv()
        return message
    except (EOFError, OSError):
        return _DEAD


def _name(task: Task) -> str | None:
    return task if isinstance(task, str) else task.path


def _how(process: Any) -> str:
    process.join(GRACE)
    code = process.exitcode
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def _end(workers: list[_Worker]) -> None:
    """End ``workers``: ask (SIGTERM), then insist (SIGKILL) after :data:`GRACE` seconds."""
    for w in workers:
        with contextlib.suppress(OSError):
            w.conn.close()
        if w.process.is_alive():
            w.process.terminate()
    give_up = time.monotonic() + GRACE
    for w in workers:
        w.process.join(max(0.0, give_up - time.monotonic()))
        if w.process.is_alive():
            w.process.kill()
            w.process.join()


def _serve(conn: Connection, config: Config) -> None:
    """A worker: check each task it is sent and send the outcome back, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        index, task = message
        outcome = check_one(task, config)
        if isinstance(outcome, Report):
            # no output format prints the list of every quantity, and it is most of what a
            # report costs to send between processes (its fractions rebuilt one by one)
            outcome = replace(outcome, quantities=())
        try:
            conn.send((index, outcome))
        except (BrokenPipeError, OSError):
            return


def _die_with_parent() -> None:
    """On Linux, ask the kernel to end this worker when its parent dies (PR_SET_PDEATHSIG)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
    except (OSError, AttributeError):  # pragma: no cover - best effort
        pass


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()
