"""A deterministic count of the work a check does, part by part: no clock.

Run as a script in a fresh interpreter (``python3 tests/work.py BYTES [NAME…]``): it
installs its counters *before* importing ``consistency``, checks each hostile pattern
of ``tests/cases/hostile.toml`` (or those named) at about BYTES of UTF-8 and at twice as
many repeats, and prints one JSON line per
pattern with the work of each part (the scanner, segmentation, each claim kind) at both
sizes. ``tests/test_linear.py`` runs it once and reads the lines.

What is counted, and why both:

* **Python lines**: every line event (``sys.settrace``) in a frame of the
  ``consistency`` package. This sees loops, pairings and per-figure work written in
  Python, but not what happens inside one call into C.
* **Characters given to a regular expression**: a regex call is one line but may scan
  a long stretch of text, e.g. a search from the start of a line back to each figure.
  Every pattern compiled with ``re`` or ``regex`` (and the module-level functions of
  both) is wrapped so that each call adds the characters it at least had to look at:
  ``search`` from its start position to the end of its match (or of its window, when
  nothing matched); ``finditer``, ``findall``, ``sub``, ``subn`` and ``split`` their
  whole window; ``match`` and ``fullmatch`` the length of their match (one when they
  fail, since a failing anchored match may stop at once).

What is not counted: work inside C string methods (``str.find``, ``in``, slicing,
``join``) and inside native code the package calls. The counts are lower bounds of the
real work, so a part counted as super-linear really is; a part doing quadratic work only
through string methods would be missed (``bench/hostile.py`` times every pattern too).
"""

from __future__ import annotations

import json
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PATTERNS = HERE / "cases" / "hostile.toml"

#: the work counted so far, by (part being run, source file the work was done in)
WORK: Counter[tuple[str, str]] = Counter()
#: the work of the part being run, all files together
_TOTAL: Counter[str] = Counter()
_PART = ["import"]
#: the line counter, once installed (Python unsets a trace function that raises, as the
#: counter does to stop a part past the cap, so it is installed again after each stop)
_TRACER: list[Any] = [None]
#: a part counted past this much work per byte of text is stopped: the heaviest linear
#: part does about 900 (the share kinds reading a bounded stretch around each of a
#: figure-dense sentence's figures); past 2,000 at the sizes measured a part is
#: super-linear beyond doubt, and counting it to the end would take minutes
CAP_PER_BYTE = 2_000
#: a part whose work at twice the text passes this many times its work at the first
#: size is stopped there too: it has grown faster than the text, which is all a doubling
#: has to tell
CAP_GROWTH = 4.5
_NO_CAP = 1 << 62
_CAP = [_NO_CAP]


class _TooMuch(BaseException):
    """Raised into a part that passed its cap (a BaseException, so no part's
    ``except Exception`` can take it for its own error)."""


def patterns() -> list[dict[str, Any]]:
    """The hostile patterns of ``tests/cases/hostile.toml``."""
    with PATTERNS.open("rb") as fh:
        found: list[dict[str, Any]] = tomllib.load(fh)["pattern"]
    return found


def text_of(pattern: dict[str, Any], repeats: int) -> str:
    """The pattern's text: its head, then its unit ``repeats`` times."""
    return pattern.get("head", "") + pattern["unit"] * repeats


def repeats_for(pattern: dict[str, Any], size: int) -> int:
    """How many repeats make about ``size`` bytes of UTF-8."""
    return max(1, size // len(pattern["unit"].encode("utf-8")))


# --- counting regular expressions ---------------------------------------------------------


def _window(string: Any, pos: int = 0, endpos: int | None = None) -> tuple[int, int]:
    n = len(string)
    end = n if endpos is None else max(0, min(endpos, n))
    start = max(0, min(pos, n)) if pos >= 0 else max(0, n + pos)
    return start, end


class _Counted:
    """A compiled pattern whose calls add what they scanned to :data:`WORK`."""

    __slots__ = ("_p",)

    def __init__(self, compiled: Any) -> None:
        self._p = compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self._p, name)

    def __repr__(self) -> str:
        return repr(self._p)

    def search(self, string: Any, *args: Any, **kw: Any) -> Any:
        m = self._p.search(string, *args, **kw)
        start, end = _window(string, *args[:2])
        _add(max(1, (m.end() if m else end) - start))
        return m

    def match(self, string: Any, *args: Any, **kw: Any) -> Any:
        m = self._p.match(string, *args, **kw)
        start, _ = _window(string, *args[:2])
        _add(max(1, m.end() - start) if m else 1)
        return m

    def fullmatch(self, string: Any, *args: Any, **kw: Any) -> Any:
        m = self._p.fullmatch(string, *args, **kw)
        start, _ = _window(string, *args[:2])
        _add(max(1, m.end() - start) if m else 1)
        return m

    def _whole(self, string: Any, args: tuple[Any, ...]) -> None:
        start, end = _window(string, *args[:2])
        _add(max(1, end - start))

    def finditer(self, string: Any, *args: Any, **kw: Any) -> Any:
        self._whole(string, args)
        return self._p.finditer(string, *args, **kw)

    def findall(self, string: Any, *args: Any, **kw: Any) -> Any:
        self._whole(string, args)
        return self._p.findall(string, *args, **kw)

    def sub(self, repl: Any, string: Any, *args: Any, **kw: Any) -> Any:
        self._whole(string, ())
        return self._p.sub(_plain(repl), string, *args, **kw)

    def subn(self, repl: Any, string: Any, *args: Any, **kw: Any) -> Any:
        self._whole(string, ())
        return self._p.subn(_plain(repl), string, *args, **kw)

    def split(self, string: Any, *args: Any, **kw: Any) -> Any:
        self._whole(string, ())
        return self._p.split(string, *args, **kw)


def _add(n: int) -> None:
    """Count ``n`` for the part running, in the file of the code that called the
    pattern (the first frame up that is not this module)."""
    frame: Any = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename == __file__:
        frame = frame.f_back  # a module-level function called the pattern's method
    where = frame.f_code.co_filename if frame is not None else "?"
    part = _PART[0]
    WORK[part, where] += n
    _TOTAL[part] += n
    if _TOTAL[part] > _CAP[0] and part not in ("import", "idle"):
        raise _TooMuch(part)


def _plain(value: Any) -> Any:
    return value._p if isinstance(value, _Counted) else value


def _install_regex_counters() -> None:
    """Wrap ``compile`` and the module-level functions of ``re`` and ``regex``."""
    import re

    import regex

    for module in (re, regex):
        compile_ = module.compile

        def counted_compile(pattern: Any, flags: Any = 0, *args: Any, _c: Any = compile_,
                            **kw: Any) -> _Counted:
            return _Counted(_c(_plain(pattern), flags, *args, **kw))

        module.compile = counted_compile  # type: ignore[assignment]
        for name in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn",
                     "split"):
            def function(pattern: Any, *args: Any, _n: str = name,
                         _compile: Any = counted_compile, **kw: Any) -> Any:
                flags = kw.pop("flags", 0)
                return getattr(_compile(pattern, flags), _n)(*args, **kw)

            setattr(module, name, function)


# --- counting Python lines ------------------------------------------------------------------


def _install_line_counter(package_dir: str) -> None:
    def local(frame: Any, event: str, arg: Any) -> Any:
        if event == "line":
            part = _PART[0]
            WORK[part, frame.f_code.co_filename] += 1
            _TOTAL[part] += 1
            if _TOTAL[part] > _CAP[0]:
                raise _TooMuch(part)
        return local

    def global_(frame: Any, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(package_dir) else None

    _TRACER[0] = global_
    sys.settrace(global_)


# --- one measurement ---------------------------------------------------------------------------


def measure(
    text: str, package: str, caps: dict[str, int] | None = None
) -> dict[str, dict[str, int]]:
    """The work of each part of a check of ``text`` (the scanner, segmentation, each
    claim kind), by the file it was done in (relative to ``package``).

    A part is stopped past its cap in ``caps`` or, lacking one, past
    :data:`CAP_PER_BYTE` per byte of text; it is then marked by a file ``"(stopped)"``,
    and the parts after it still run.
    """
    from consistency.claims import CLAIM_KINDS
    from consistency.claims._match import Context
    from consistency.quantities import scan
    from consistency.verdicts import RoundingPolicy

    WORK.clear()
    _TOTAL.clear()
    default = CAP_PER_BYTE * len(text.encode("utf-8"))
    policy = RoundingPolicy()
    found: dict[str, Any] = {}

    def run(part: str, work: Any) -> None:
        _PART[0] = part
        _CAP[0] = (caps or {}).get(part, default)
        try:
            work()
        except _TooMuch:
            WORK[part, "(stopped)"] = 1
            sys.settrace(_TRACER[0])

    run("scanner", lambda: found.update(quantities=tuple(scan(text))))
    if "quantities" not in found:  # the scanner was stopped: nothing else can run
        found["quantities"] = ()
    run("segmentation", lambda: found.update(ctx=Context.build(text, found["quantities"])))
    if "ctx" not in found:
        found["ctx"] = Context.build(text, ())
    for kind in CLAIM_KINDS:

        def claims(kind: Any = kind) -> None:
            for claim in kind.extract(found["ctx"]):
                kind.check(claim, policy)

        run(kind.__name__.removeprefix("consistency."), claims)
    _PART[0] = "idle"
    _CAP[0] = _NO_CAP
    out: dict[str, dict[str, int]] = {}
    for (part, where), n in WORK.items():
        name = where.removeprefix(package + "/") if where.startswith(package) else where
        out.setdefault(part, {})[name] = out.get(part, {}).get(name, 0) + n
    return out


def main(argv: list[str]) -> int:
    size = int(argv[0])
    wanted = set(argv[1:])
    _install_regex_counters()
    import consistency

    package = str(Path(consistency.__file__).resolve().parent)
    # warm up: the first check compiles patterns and fills caches, work done once
    from consistency import check_text

    check_text("共受理30件,其中甲类10件,占33.3%,同比增长10%。")
    _install_line_counter(package)
    for pattern in patterns():
        if wanted and pattern["name"] not in wanted:
            continue
        repeats = repeats_for(pattern, size)
        once = measure(text_of(pattern, repeats), package)
        caps = {  # a part stopped at the first size is not run again
            part: 0 if "(stopped)" in files else int(CAP_GROWTH * sum(files.values()))
            for part, files in once.items()
        }
        twice = measure(text_of(pattern, 2 * repeats), package, caps)
        print(json.dumps({"name": pattern["name"], "once": once, "twice": twice}), flush=True)
    sys.settrace(None)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
