"""Which files a run reads: the paths named on the command line, folders searched.

The file system is not trusted. A folder is searched for report files
(:data:`~consistency.loaders.REPORT_SUFFIXES`, hidden entries skipped) with these rules,
each breach named as ``(path, problem)`` so the run can say so and exit 2:

* only regular files are taken: a pipe (FIFO), socket or device with a report's
  name is named and skipped, never opened (opening a FIFO would wait for ever);
* a symbolic link is followed only while it stays inside the folder named; one that
  leads out of it (``report.txt → ~/.ssh/id_rsa``) is named and skipped unless
  ``follow_links`` is set, so a folder from elsewhere cannot pull other files into a
  report; a link that leads nowhere is named;
* a subfolder that cannot be listed is named, not passed over in silence;
* a folder reached twice (through a link, with ``follow_links``) is searched once.

A path named directly is taken as named (it is what the user asked for); the loader
still refuses anything but a regular file.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Sequence

from .loaders import REPORT_SUFFIXES

__all__ = ["STDIN", "expand", "walk"]

#: the argument that names standard input
STDIN = "-"

Problem = tuple[str, str]


def expand(
    args: Sequence[str], *, follow_links: bool = False
) -> tuple[list[str], list[Problem]]:
    """The files named by ``args`` (in order, each once) and the ``(path, problem)`` pairs
    of what names none or was skipped.

    Folders are searched (see the module docstring); patterns are expanded with ``glob``
    (``**`` included), a folder they match searched like one named; ``-`` is standard
    input.
    """
    files: list[str] = []
    seen: set[str] = set()
    bad: list[Problem] = []
    for arg in args:
        if arg == STDIN:
            found = [arg]
        elif os.path.isdir(arg):
            found = walk(arg, bad, follow_links=follow_links)
            if not found:
                bad.append((arg, f"no report files ({' '.join(REPORT_SUFFIXES)}) in this folder"))
        elif os.path.lexists(arg):
            found = [arg]
        elif glob.has_magic(arg):
            found = []
            for match in sorted(glob.glob(arg, recursive=True)):
                if os.path.isdir(match):
                    found.extend(walk(match, bad, follow_links=follow_links))
                else:
                    found.append(match)
            if not found:
                bad.append((arg, "no file matches this pattern"))
        else:
            bad.append((arg, "no such file or folder"))
            found = []
        for f in found:
            key = f if f == STDIN else os.path.realpath(f)
            if key not in seen:
                seen.add(key)
                files.append(f)
    return files, bad


def walk(folder: str, bad: list[Problem], *, follow_links: bool = False) -> list[str]:
    """The report files under ``folder`` in sorted order (a folder's files, then its
    subfolders one by one); what is skipped is appended to ``bad``."""
    top = os.path.realpath(folder)
    visited = {top}
    found: list[str] = []
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as error:
            bad.append((current, f"cannot list this folder ({error.strerror or error}); skipped"))
            continue
        subfolders: list[str] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = os.path.normpath(os.path.join(current, entry.name))
            kind = _kind(entry, top, follow_links)
            if kind == "folder":
                real = os.path.realpath(path)
                if real not in visited:
                    visited.add(real)
                    subfolders.append(path)
            elif kind == "file":
                if entry.name.lower().endswith(REPORT_SUFFIXES):
                    found.append(path)
            elif kind and (entry.name.lower().endswith(REPORT_SUFFIXES) or "folder" in kind):
                bad.append((path, kind))
        stack.extend(reversed(subfolders))
    return found


def _kind(entry: os.DirEntry[str], top: str, follow_links: bool) -> str:
    """``"file"``, ``"folder"``, ``""`` (passed over in silence) or why it is skipped."""
    try:
        if entry.is_symlink():
            return _link_kind(entry.path, top, follow_links)
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError as error:
        return f"cannot be read ({error.strerror or error}); skipped"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    return f"not a regular file ({_special(mode)}); skipped"


def _link_kind(path: str, top: str, follow_links: bool) -> str:
    real = os.path.realpath(path)
    try:
        mode = os.stat(real).st_mode
    except OSError:
        return "a symbolic link to nothing; skipped"
    inside = real == top or real.startswith(top.rstrip(os.sep) + os.sep)
    is_folder = stat.S_ISDIR(mode)
    if not inside and not follow_links:
        what = "folder" if is_folder else "file"
        return (
            f"a symbolic link to a {what} outside the folder checked; not followed "
            "(--follow-symlinks follows it)"
        )
    if is_folder:
        # a link to a folder inside is reached anyway by the walk (unless hidden)
        return "folder" if not inside else ""
    if stat.S_ISREG(mode):
        return "file"
    return f"a symbolic link to something not a regular file ({_special(mode)}); skipped"


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"
