"""Writing the files a user asks for without ever destroying one they had.

Two rules, for every file the command line writes (``-o``, ``--write-baseline``,
``--annotate``):

* **No output is an input.** Before anything is read or written, each output path is
  compared with every input of the run (the documents, the configuration, the
  baseline) as the file system sees it: through ``./``, ``..`` and symbolic links
  (real paths) and through hard links (device and inode). A match is refused with a
  line naming both, and the input is left as it was.
* **Atomic replacement.** What is written goes to a temporary file in the same folder
  as the target, which takes the target's place by one ``rename`` once it is complete.
  A run that fails half-way leaves the old file whole, and a reader never sees half a
  report. A target that is a symbolic link keeps its link: the file it points to is
  replaced. A target that exists and is not a regular file (``/dev/null``, a pipe, a
  terminal) is written directly, since it cannot be replaced.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .errors import ConsistencyError

__all__ = ["atomic_write", "refuse_inputs_as_outputs", "same_file"]


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Do ``a`` and ``b`` name one file (same real path, or the same inode)?"""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # either does not exist (yet): only the real path could tell
        return False


def refuse_inputs_as_outputs(
    outputs: Iterable[tuple[str, str]], inputs: Iterable[str]
) -> None:
    """Raise :class:`~consistency.errors.ConsistencyError` when an output is an input.

    ``outputs`` are ``(option, path)`` pairs such as ``("-o", "out.txt")``; two outputs
    naming one file are refused too, since one would overwrite the other.
    """
    inputs = list(inputs)
    seen: list[tuple[str, str]] = []
    for option, path in outputs:
        for given in inputs:
            if same_file(path, given):
                raise ConsistencyError(
                    path, f"{option} would overwrite {given}, an input of this run; "
                    "write to another file"
                )
        for other_option, other in seen:
            if same_file(path, other):
                raise ConsistencyError(path, f"{option} and {other_option} name the same file")
        seen.append((option, path))


@contextmanager
def atomic_write(
    path: str | os.PathLike[str], *, binary: bool = False
) -> Iterator[IO[Any]]:
    """A file object whose content replaces ``path`` when the block ends without error.

    Text is written as UTF-8 with ``\\n`` newlines. An error while writing leaves
    ``path`` as it was; a folder that cannot be written is a
    :class:`~consistency.errors.ConsistencyError` naming ``path``.
    """
    name = os.fspath(path)
    target = os.path.realpath(name)
    mode = "wb" if binary else "w"
    encoding = None if binary else "utf-8"
    newline = None if binary else "\n"
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as error:
        raise ConsistencyError(name, f"cannot write: {error.strerror or error}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise ConsistencyError(name, "cannot write: it is a folder")
    if st is not None and not stat.S_ISREG(st.st_mode):
        # a device, pipe or terminal: there is nothing to replace, only a stream to write
        with _opened(name, mode, encoding, newline) as out:
            yield out
        return
    folder = os.path.dirname(target) or "."
    try:
        fd, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".tmp"
        )
    except OSError as error:
        raise ConsistencyError(name, f"cannot write: {error.strerror or error}") from None
    try:
        os.chmod(temporary, stat.S_IMODE(st.st_mode) if st is not None else _default_mode())
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def _opened(name: str, mode: str, encoding: str | None, newline: str | None) -> Iterator[IO[Any]]:
    try:
        out = open(name, mode, encoding=encoding, newline=newline)  # noqa: SIM115 - closed below
    except OSError as error:
        raise ConsistencyError(name, f"cannot write: {error.strerror or error}") from None
    with out:
        yield out


def _default_mode() -> int:
    """The mode a new file gets from ``open``: 0o666 less the process's umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
