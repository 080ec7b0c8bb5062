"""The baseline: findings already known and accepted, so only new ones fail a run.

A corpus of published reports holds historic errors nobody can fix any more. Written
once with ``consistency check --write-baseline FILE`` and read with ``--baseline FILE``
(or the pytest ini option ``consistency_baseline``), the baseline keeps such a corpus
green until a new discrepancy appears.

An entry is keyed by what the finding says, never by where: the file (relative to the
baseline's folder), the code, the claim's words (Unicode NFKC, whitespace removed, so a
re-wrapped or half-width/full-width edit keeps the key) and the stated figure. Moving a
paragraph keeps its entry; changing a figure in it makes a new finding. The same
finding twice in one file is two entries. An entry that no longer matches any finding of
a checked file is *stale* and reported, so the baseline shrinks as reports are fixed.

Rewriting a baseline merges, it never truncates (:meth:`Baseline.merged`): the entries
of files not checked in this run (not named, or unreadable) are kept as they were, and
the entries of the files checked gain what was found. A stale entry is dropped only
when asked (``--prune-baseline``), so a run on a few files, or one with a file that
could not be read, cannot lose accepted findings.

The file is JSON, sorted, one entry per finding; the ``message`` is there for the
reviewer and is not part of the key::

    {"version": 1, "findings": [
      {"path": "corpus/seeds/004.txt", "code": "C201", "claim": "共1150项…占比90.95%",
       "stated": "90.95%", "message": "…"}]}
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .findings import Finding, Report
from .writing import atomic_write

__all__ = ["Applied", "Baseline", "Entry", "normalise"]

FORMAT_VERSION = 1
_STDIN = "<stdin>"
_KEY = ("path", "code", "claim", "stated")


def normalise(text: str) -> str:
    """The claim's words as a key: NFKC (full-width → half-width), no whitespace at all."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True, order=True, slots=True)
class Entry:
    """One accepted finding, keyed by content."""

    path: str
    code: str
    claim: str
    stated: str


@dataclass(frozen=True, slots=True)
class Applied:
    """Reports with accepted findings removed, how many were removed, and stale entries."""

    reports: tuple[Report, ...]
    suppressed: int
    stale: tuple[Entry, ...]


@dataclass(frozen=True)
class Baseline:
    """A multiset of accepted findings; ``root`` is the folder entry paths are relative to."""

    entries: tuple[Entry, ...]
    root: str
    messages: tuple[str, ...] = ()

    @classmethod
    def from_reports(cls, reports: Iterable[Report], root: str | os.PathLike[str]) -> Baseline:
        """Accept every finding of ``reports`` (as they were, after select/ignore)."""
        rows = sorted(
            (_entry(report, f, root), f.message) for report in reports for f in report.findings
        )
        return cls(tuple(e for e, _ in rows), str(root), tuple(m for _, m in rows))

    def merged(
        self,
        found: Iterable[Baseline | Report],
        checked: Iterable[str | None] = (),
        *,
        prune: bool = False,
    ) -> Baseline:
        """This baseline with what was ``found`` in the files checked accepted.

        ``found`` holds the reports of the files checked (or, for a long run that keeps
        no report, each one's :meth:`from_reports`), ``checked`` the paths of checked
        files that gave no report of their own in ``found``. Entries of files not
        checked are kept. For a checked file, each finding is accepted once however
        often it was accepted before (a multiset: the larger count of the old and the
        new entries wins), so entries no longer found stay too, unless ``prune`` drops
        them; ``prune`` also drops the entries of files that no longer exist.
        """
        rows: list[tuple[Entry, str]] = []
        keys = {_key_path(p, self.root) for p in checked}
        for item in found:
            part = item if isinstance(item, Baseline) else self.from_reports([item], self.root)
            if isinstance(item, Report):
                keys.add(_key_path(item.path, self.root))
            rows.extend(zip(part.entries, part.messages or ("",) * len(part.entries), strict=True))
        notes = dict(zip(self.entries, self.messages, strict=False))
        notes.update((e, m) for e, m in rows if m)
        new = Counter(e for e, _ in rows)
        old = Counter(self.entries)
        merged: Counter[Entry] = Counter()
        for entry in old.keys() | new.keys():
            if entry.path not in keys:
                if not (prune and self._gone(entry.path)):
                    merged[entry] = old[entry]
            else:
                merged[entry] = new[entry] if prune else max(old[entry], new[entry])
        entries = tuple(sorted(merged.elements()))
        return Baseline(entries, self.root, tuple(notes.get(e, "") for e in entries))

    def _gone(self, key: str) -> bool:
        """Is the file an entry names no longer there (standard input never is)?"""
        return key != _STDIN and not (Path(self.root) / key).exists()

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Baseline:
        """Read a baseline file (ConfigError names the file and what is wrong)."""
        where = str(path)
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(where, "no such baseline file") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ConfigError(where, f"not a baseline file: {error}") from None
        except RecursionError:  # the JSON reader descends one level per bracket
            raise ConfigError(where, "not a baseline file: nested too deeply") from None
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
            raise ConfigError(where, f"not a baseline file of version {FORMAT_VERSION}")
        rows = data.get("findings")
        if not isinstance(rows, list):
            raise ConfigError(where, "findings: expected a list")
        rows_read = []
        for i, row in enumerate(rows):
            try:
                entry = Entry(*(_text(row[k]) for k in _KEY))
                message = row.get("message", "")
            except (KeyError, TypeError, ValueError, AttributeError):
                raise ConfigError(
                    where, f"findings[{i}]: needs path, code, claim, stated"
                ) from None
            rows_read.append((entry, message if isinstance(message, str) else ""))
        rows_read.sort()
        root = Path(path).resolve().parent
        return cls(
            tuple(e for e, _ in rows_read), str(root), tuple(m for _, m in rows_read)
        )

    @cached_property
    def _by_path(self) -> dict[str, tuple[Entry, ...]]:
        """Entries per file, so checking one file of a large corpus reads only its own."""
        index: dict[str, list[Entry]] = {}
        for entry in self.entries:
            index.setdefault(entry.path, []).append(entry)
        return {path: tuple(entries) for path, entries in index.items()}

    def dumps(self) -> str:
        """The file's text: sorted entries, UTF-8 characters kept readable."""
        notes = self.messages or ("",) * len(self.entries)
        rows: list[dict[str, Any]] = []
        for entry, message in zip(self.entries, notes, strict=True):
            row: dict[str, Any] = {
                "path": entry.path,
                "code": entry.code,
                "claim": entry.claim,
                "stated": entry.stated,
            }
            if message:
                row["message"] = message
            rows.append(row)
        data = {"version": FORMAT_VERSION, "findings": rows}
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    def write(self, path: str | os.PathLike[str]) -> None:
        """Write the baseline (atomically); entry paths must be relative to ``path``'s folder."""
        with atomic_write(path) as out:
            out.write(self.dumps())

    def apply(self, reports: Sequence[Report]) -> Applied:
        """Remove accepted findings; entries of the checked files left unmatched are stale."""
        checked = {_key_path(r.path, self.root) for r in reports}
        left = Counter(e for path in checked for e in self._by_path.get(path, ()))
        kept_reports = []
        suppressed = 0
        for report in reports:
            kept = []
            for f in report.findings:
                entry = _entry(report, f, self.root)
                if left[entry] > 0:
                    left[entry] -= 1
                    suppressed += 1
                else:
                    kept.append(f)
            kept_reports.append(replace(report, findings=tuple(kept)))
        stale = tuple(sorted(left.elements()))
        return Applied(tuple(kept_reports), suppressed, stale)


def _entry(report: Report, finding: Finding, root: str | os.PathLike[str]) -> Entry:
    claim = normalise(report.text[finding.start : finding.end])
    return Entry(_key_path(report.path, root), finding.code, claim, normalise(finding.stated))


def _key_path(path: str | None, root: str | os.PathLike[str]) -> str:
    """``path`` relative to ``root`` in POSIX form (as given when outside ``root``)."""
    if path is None or path in ("-", _STDIN):
        return _STDIN
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value
