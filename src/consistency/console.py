"""The console: output that survives any encoding, colour on terminals, a progress bar.

A Chinese Windows console, a ``cp936`` pipe or a pre-commit hook may hand the command
line a stream that cannot encode every character a report holds (``−``, ``∶``, ``✗``,
a rare character of a name). Nothing the checker prints may crash on that:

* :func:`prepare` makes a stream escape what its encoding lacks (``\\u2212``) instead
  of raising, for text a person reads (the text and GitHub formats, CSV, ``--help``,
  ``rules``, ``explain``, every line on stderr);
* formats read by programs are escaped by their own rules when the stream is not
  Unicode (:func:`escaper`): JSON and SARIF write ``\\uXXXX`` escapes, HTML character
  references, so the output stays valid and pure ASCII, whichever encoding reads it.

Colour and the progress bar only go to a terminal: never into a pipe, a file or CI.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, TypeVar

T = TypeVar("T")

__all__ = ["Progress", "colour", "escaper", "is_unicode", "prepare", "width"]

#: characters outside ASCII, which a stream of any encoding can escape
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def is_unicode(stream: IO[Any]) -> bool:
    """Can ``stream`` encode every character (a UTF-8, UTF-16 or UTF-32 stream)?"""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def prepare(stream: IO[Any]) -> None:
    """Make ``stream`` escape the characters its encoding lacks rather than raise.

    Only a stream that would raise (``errors="strict"``) is changed: one the user set up
    otherwise (``PYTHONIOENCODING=gbk:replace``) is left as it was.
    """
    reconfigure = getattr(stream, "reconfigure", None)
    strict = getattr(stream, "errors", "strict") == "strict"
    if reconfigure is not None and strict and not is_unicode(stream):
        reconfigure(errors="backslashreplace")


def json_ascii(text: str) -> str:
    """JSON text with every non-ASCII character written as a ``\\uXXXX`` escape.

    Valid only where the non-ASCII characters stand inside JSON strings, as they always
    do in this project's output; characters beyond the BMP become surrogate pairs.
    """
    return _NON_ASCII.sub(_json_escape, text)


def _json_escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def html_ascii(text: str) -> str:
    """HTML with every non-ASCII character written as a character reference."""
    return _NON_ASCII.sub(lambda m: f"&#x{ord(m.group()):x};", text)


def escaper(fmt: str, stream: IO[Any]) -> Callable[[str], str]:
    """How text of the format ``fmt`` must be escaped before it is written to ``stream``."""
    if is_unicode(stream):
        return _same
    if fmt in ("json", "sarif"):
        return json_ascii
    if fmt == "html":
        return html_ascii
    return _same  # text for people: the stream escapes what it lacks (see prepare)


def _same(text: str) -> str:
    return text


def width(text: str) -> int:
    """Columns ``text`` takes on a terminal: a Chinese (wide or full-width) character two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def colour(stream: IO[Any]) -> bool:
    """Colour on a terminal only, and never when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return _is_terminal(stream)


def _is_terminal(stream: IO[Any]) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


class Progress:
    """A progress bar on a terminal's stderr for long runs, silent in pipes and CI::

        检查中 [##########..........] 120/240

    The bar is drawn after each file and hidden before anything else is written to the
    terminal (:meth:`hide`), so it never stands in the middle of a report; :meth:`track`
    does both around the handling of each item of a loop.
    """

    #: fewer files than this finish too soon for a bar to help
    THRESHOLD = 20
    WIDTH = 24

    def __init__(self, total: int, label: str, stream: IO[Any] | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.total, self.done, self.label = total, 0, label
        self.on = (
            total >= self.THRESHOLD and _is_terminal(self.stream) and not os.environ.get("CI")
        )
        self._shown = False

    def step(self) -> None:
        """One more file done: redraw the bar."""
        self.done += 1
        if not self.on:
            return
        filled = self.WIDTH * self.done // self.total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.stream.write(f"\r\x1b[2K{self.label} [{bar}] {self.done}/{self.total}")
        self.stream.flush()
        self._shown = True

    def hide(self) -> None:
        """Clear the bar's line, so that other output starts on a clean line."""
        if self._shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._shown = False

    close = hide

    def track(self, items: Iterable[T]) -> Iterator[T]:
        """``items``, with the bar hidden while each is handled and redrawn after it."""
        for item in items:
            self.hide()
            yield item
            self.step()
        self.hide()
