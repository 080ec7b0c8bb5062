"""Configuration: which findings to report, how loudly, and which roundings to accept.

Read from ``[tool.consistency]`` in ``pyproject.toml`` or from the top level of a
``consistency.toml``, found from the working directory upward (the nearest directory
holding either wins; there ``consistency.toml`` is preferred), or named with
``--config``. Every key is optional::

    [tool.consistency]
    select = ["C1", "C2"]            # codes or families to report (default: all)
    ignore = ["C203"]                # codes or families to leave out
    fail-on = "warning"              # exit 1 from this severity up (default "error")
    lang = "en"                      # language of messages: "zh" (default) or "en"

    [tool.consistency.severity]      # overrides, by code or family
    C2 = "warning"

    [tool.consistency.rounding]      # readings that make a figure consistent / tolerated
    accepted = ["half-up", "half-even"]
    tolerated = ["truncate"]

    [tool.consistency.per-file-ignores]   # glob (relative to the config's folder) → codes
    "corpus/dev/*_trad*.txt" = ["C5"]

A mistake (an unknown key, code, severity or rounding mode, a value of the wrong type)
raises :class:`~consistency.errors.ConfigError` naming the file and the key.
"""

from __future__ import annotations

import fnmatch
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import messages
from .errors import ConfigError
from .intervals import RoundingMode
from .verdicts import RoundingPolicy, Severity

__all__ = ["Config", "find_config", "load_config", "parse_codes", "parse_severity"]

_CODE = re.compile(r"C\d{1,3}")
_LANGS = ("zh", "en")
_KEYS = frozenset(
    {"select", "ignore", "severity", "rounding", "lang", "fail-on", "per-file-ignores"}
)


@dataclass(frozen=True)
class Config:
    """What the engine and the faces need to know beyond the text."""

    #: codes or families (``C1``, ``C101``) to report; empty means all
    select: tuple[str, ...] = ()
    #: codes or families to leave out
    ignore: tuple[str, ...] = ()
    #: per-code severity overrides
    severity: dict[str, Severity] = field(default_factory=dict)
    rounding: RoundingPolicy = field(default_factory=RoundingPolicy)
    #: language of ``Finding.message``: "zh" or "en"
    lang: str = "zh"
    #: findings from this severity up make a run fail
    fail_on: Severity = Severity.ERROR
    #: (glob, codes) pairs: codes or families left out of the files the glob matches
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: the folder globs of ``per_file_ignores`` are relative to
    root: str | None = None
    #: the file this configuration was read from, if any
    source: str | None = None

    def wants(self, code: str) -> bool:
        """Is ``code`` selected and not ignored (prefix match on families)?"""
        if self.select and not any(code.startswith(s) for s in self.select):
            return False
        return not any(code.startswith(s) for s in self.ignore)

    def fails(self, severity: Severity) -> bool:
        """Does a finding of ``severity`` make the run fail?"""
        return severity.rank >= self.fail_on.rank

    def for_path(self, path: str | os.PathLike[str] | None) -> Config:
        """This configuration with the per-file ignores that match ``path`` added."""
        if path is None or not self.per_file_ignores:
            return self
        candidates = {Path(path).as_posix(), Path(path).name}
        if self.root is not None:
            try:
                rel = Path(path).resolve().relative_to(Path(self.root).resolve())
                candidates.add(rel.as_posix())
            except ValueError:  # outside the configured tree: only the path as given
                pass
        extra = tuple(
            code
            for glob, codes in self.per_file_ignores
            if any(fnmatch.fnmatchcase(c, glob) for c in candidates)
            for code in codes
        )
        return replace(self, ignore=self.ignore + extra) if extra else self


def find_config(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The nearest ``consistency.toml``, or ``pyproject.toml`` with ``[tool.consistency]``."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "consistency.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            tool = _read(pyproject).get("tool")
            if isinstance(tool, Mapping) and "consistency" in tool:
                return pyproject
    return None


def load_config(
    path: str | os.PathLike[str] | None = None, *, start: str | os.PathLike[str] | None = None
) -> Config:
    """The configuration in ``path``, or the one found from ``start`` (the cwd) upward.

    With neither a file named nor one found, the defaults.
    """
    found = Path(path) if path is not None else find_config(start)
    if found is None:
        return Config()
    if not found.is_file():
        raise ConfigError(str(found), "no such configuration file")
    data = _read(found)
    if found.name == "pyproject.toml":
        tool = _table(data.get("tool", {}), str(found), "tool")
        where = "[tool.consistency]"
        table = _table(tool.get("consistency", {}), str(found), where)
    else:
        table, where = data, ""
    return _parse(table, str(found), where, str(found.resolve().parent))


def parse_codes(values: Iterable[str], source: str | None, key: str) -> tuple[str, ...]:
    """Validated codes or families (``C1``, ``C20``, ``C201``); upper-cased, order kept."""
    out = []
    for raw in values:
        if not isinstance(raw, str):
            raise ConfigError(source, f"{key}: expected a code such as 'C101', got {raw!r}")
        code = raw.strip().upper()
        if not _CODE.fullmatch(code):
            raise ConfigError(source, f"{key}: {raw!r} is not a code or family such as 'C1'")
        if len(code) == 4 and code not in messages.CATALOGUE:
            raise ConfigError(source, f"{key}: unknown code {raw!r} (see `consistency rules`)")
        out.append(code)
    return tuple(out)


def parse_severity(value: object, source: str | None, key: str) -> Severity:
    """``"error"``, ``"warning"`` or ``"info"`` as a :class:`Severity`."""
    try:
        return Severity(str(value).strip().lower())
    except ValueError:
        known = ", ".join(s.value for s in Severity)
        raise ConfigError(source, f"{key}: {value!r} is not a severity ({known})") from None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(str(path), f"cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(str(path), f"not valid TOML: {error}") from None
    except RecursionError:  # tomllib reads nested arrays and tables recursively
        raise ConfigError(str(path), "not a configuration: nested too deeply") from None


def _parse(table: Mapping[str, Any], source: str, where: str, root: str) -> Config:
    def name(key: str) -> str:
        return f"{where} {key}".strip()

    table = {str(k).replace("_", "-"): v for k, v in table.items()}
    for key in table:
        if key not in _KEYS:
            raise ConfigError(
                source, f"{name(key)}: unknown key (known: {', '.join(sorted(_KEYS))})"
            )
    fields: dict[str, Any] = {"source": source, "root": root}
    for key in ("select", "ignore"):
        if key in table:
            fields[key] = parse_codes(_list(table[key], source, name(key)), source, name(key))
    if "fail-on" in table:
        fields["fail_on"] = parse_severity(table["fail-on"], source, name("fail-on"))
    if "lang" in table:
        if table["lang"] not in _LANGS:
            raise ConfigError(source, f"{name('lang')}: {table['lang']!r} is not one of zh, en")
        fields["lang"] = table["lang"]
    if "severity" in table:
        fields["severity"] = _severities(table["severity"], source, name("severity"))
    if "rounding" in table:
        fields["rounding"] = _rounding(table["rounding"], source, name("rounding"))
    if "per-file-ignores" in table:
        fields["per_file_ignores"] = _per_file(
            table["per-file-ignores"], source, name("per-file-ignores")
        )
    return Config(**fields)


def _list(value: object, source: str, key: str) -> list[Any]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise ConfigError(source, f"{key}: expected a list, got {type(value).__name__}")
    return value


def _table(value: object, source: str, key: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(source, f"{key}: expected a table, got {type(value).__name__}")
    return value


def _severities(value: object, source: str, key: str) -> dict[str, Severity]:
    """Overrides by code or family; a family expands to its catalogue codes, codes win."""
    table = _table(value, source, key)
    out: dict[str, Severity] = {}
    # families first, so a code named on its own overrides its family's setting
    for raw in sorted(table, key=len):
        (code,) = parse_codes([raw], source, f"{key}.{raw}")
        level = parse_severity(table[raw], source, f"{key}.{raw}")
        for known in messages.CATALOGUE:
            if known.startswith(code):
                out[known] = level
    return out


def _rounding(value: object, source: str, key: str) -> RoundingPolicy:
    table = _table(value, source, key)
    default = RoundingPolicy()
    modes: dict[str, tuple[RoundingMode, ...]] = {
        "accepted": default.accepted,
        "tolerated": default.tolerated,
    }
    for sub, raw in table.items():
        if sub not in modes:
            raise ConfigError(source, f"{key}.{sub}: unknown key (known: accepted, tolerated)")
        try:
            modes[sub] = tuple(RoundingMode(str(m)) for m in _list(raw, source, f"{key}.{sub}"))
        except ValueError:
            known = ", ".join(m.value for m in RoundingMode)
            raise ConfigError(
                source, f"{key}.{sub}: {raw!r} names an unknown mode ({known})"
            ) from None
    if not modes["accepted"]:
        raise ConfigError(source, f"{key}.accepted: at least one rounding mode must be accepted")
    both = set(modes["accepted"]) & set(modes["tolerated"])
    if both:
        names = ", ".join(sorted(m.value for m in both))
        raise ConfigError(source, f"{key}: {names} cannot be both accepted and tolerated")
    return RoundingPolicy(accepted=modes["accepted"], tolerated=modes["tolerated"])


def _per_file(value: object, source: str, key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    table = _table(value, source, key)
    return tuple(
        (glob, parse_codes(_list(codes, source, f"{key}.{glob}"), source, f"{key}.{glob}"))
        for glob, codes in table.items()
    )
