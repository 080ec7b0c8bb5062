"""The document folded once: Traditional and full-width forms replaced, one character for
one, shared by every claim kind that reads cue words on the folded text."""

from __future__ import annotations

from ..numerals import fold
from ._match import Context

__all__ = ["folded"]

_KEY = "folded-text"


def folded(ctx: Context) -> str:
    """``fold(ctx.text)``, computed on first use and kept in ``ctx.memo``. Offsets in it
    are offsets in the text, since folding maps each character to one character."""
    view = ctx.memo.get(_KEY)
    if not isinstance(view, str):
        view = ctx.memo[_KEY] = fold(ctx.text)
    return view
