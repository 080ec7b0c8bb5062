"""The exceptions a user can act on.

Every error names the file (or data file) it is about and the problem, so the
command line can print it as one line and exit 2. Exit 3 is kept for a bug in
the checker itself, which is never one of these.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "ConsistencyError",
    "DataFileError",
    "InputError",
    "InternalError",
    "NotChecked",
]


class ConsistencyError(Exception):
    """Root of every error the library raises on purpose."""

    def __init__(self, path: str | None, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)

    def __reduce__(self) -> tuple[object, ...]:
        # errors cross process boundaries (--jobs, Dask) whole, fields included
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


class InputError(ConsistencyError):
    """A document cannot be read: missing, empty, binary, corrupt, undecidable encoding."""


class ConfigError(ConsistencyError):
    """The configuration (pyproject.toml, consistency.toml, command line) is wrong."""


class DataFileError(ConsistencyError):
    """A data file shipped in ``consistency/data`` is malformed (names file, table, key)."""

    def __init__(self, path: str | None, problem: str, *, key: str | None = None) -> None:
        self.key = key
        super().__init__(path, f"{key}: {problem}" if key else problem)


class InternalError(ConsistencyError):
    """The checker failed on a readable document: a bug in consistency, not in the document.

    Raised by :func:`consistency.engine.check_path` in place of the unexpected exception, so
    a face reports this one document as not checked and goes on with the others.
    ``error`` names the exception (``IndexError: string index out of range``) and
    ``detail`` holds its traceback, shown on request (``CONSISTENCY_DEBUG=1``).
    """

    def __init__(self, path: str | None, error: str, detail: str = "") -> None:
        self.error = error
        self.detail = detail
        super().__init__(
            path, f"not checked: internal error {error} (a bug in consistency, not in the document)"
        )


class NotChecked(ConsistencyError):
    """A readable document whose check did not finish: its time budget (``--timeout``) ran
    out, the process checking it died twice, or the run was interrupted before it."""


def _rebuild(
    cls: type[ConsistencyError], args: tuple[object, ...], fields: dict[str, object]
) -> ConsistencyError:
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(fields)
    return error
