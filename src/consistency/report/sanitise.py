"""Text from documents and file names made safe to show in a terminal or a CI log.

A document's text and a file's name come from whoever wrote them. Printed raw, an
escape sequence in either (``ESC [ 2 J``, a C1 control such as U+009B) acts on the
reader's terminal, a bidirectional override (U+202E) makes a line read other than it
is, a line separator starts a new line in some log viewers, and a file name that puts
``::`` at the start of an output line gives a CI runner a workflow command
(``::add-mask::``, ``::error::``).

This module is one step of output, kept apart from any other (the choice of what the
console's encoding can show is another step, composed after this one):

* :func:`visible` writes each such character as a visible escape (``\\x1b``,
  ``\\u202e``), so nothing is dropped and nothing acts;
* :func:`shown_path` does the same for a path and, where the path would open a line
  with ``::`` or white space, prefixes ``./`` (the same file);
* :func:`json_safe` escapes the same characters inside JSON already dumped
  (``\\u009b``), which JSON readers decode back to the very text.

Characters handled: C0 controls (U+0000–U+001F) but those a caller keeps (a tab, a
newline), DEL and the C1 controls (U+007F–U+009F), the bidirectional marks, embeddings,
overrides and isolates (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), and the
line and paragraph separators (U+2028, U+2029). Chinese text never needs any of them.
"""

from __future__ import annotations

import re

__all__ = ["json_safe", "shown_path", "visible"]

_BIDI_AND_SEPARATORS = "\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI_AND_SEPARATORS}]")
#: what JSON leaves raw inside strings (it escapes the C0 controls itself)
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f{_BIDI_AND_SEPARATORS}]")


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str, *, keep: str = "") -> str:
    """``text`` with every control, bidirectional and separator character written as a
    visible escape; characters in ``keep`` (e.g. ``"\\n"``) are left as they are."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda m: m.group() if m.group() in keep else _escape(m.group()), text)


def shown_path(path: str) -> str:
    """A path as it may start a line of output: :func:`visible`, and ``./`` in front when
    it would otherwise open the line with ``::`` or white space."""
    shown = visible(path)
    if shown[:1].isspace() or shown.lstrip().startswith("::"):
        return "./" + shown
    return shown


def json_safe(dumped: str) -> str:
    """JSON text with the characters JSON leaves raw (DEL, C1, bidirectional, separators)
    escaped as ``\\uXXXX``; the JSON means exactly what it meant."""
    if _UNSAFE_IN_JSON.search(dumped) is None:
        return dumped
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
