"""The exceptions a user can act on.

Every error names the file (or data file) it is about and the problem, so the
command line can print it as one line and exit 2. Exit 3 is kept for a bug in
the checker itself, which is never one of these.
"""

from __future__ import annotations

__all__ = ["ConfigError", "ConsistencyError", "DataFileError", "InputError"]


class ConsistencyError(Exception):
    """Root of every error the library raises on purpose."""

    def __init__(self, path: str | None, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)


class InputError(ConsistencyError):
    """A document cannot be read: missing, empty, binary, corrupt, undecidable encoding."""


class ConfigError(ConsistencyError):
    """The configuration (pyproject.toml, consistency.toml, command line) is wrong."""


class DataFileError(ConsistencyError):
    """A data file shipped in ``consistency/data`` is malformed (names file, table, key)."""

    def __init__(self, path: str | None, problem: str, *, key: str | None = None) -> None:
        self.key = key
        super().__init__(path, f"{key}: {problem}" if key else problem)
