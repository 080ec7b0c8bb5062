"""What the binding layer reads once per document, kept under typed keys.

Frames, stated shares and share lists are read once and asked for by several kinds (the
share check takes the whole of a 其中 frame as its base, granularity the same). Each is
kept in the document's :class:`~consistency.claims._match.Context` under a
:class:`Key` that carries the type of what it holds, so a reader's signature says what
it depends on and a type checker sees it::

    FRAMES: Key[tuple[Frame, ...]] = Key("binding.frames")

    def frames(ctx: Context) -> tuple[Frame, ...]:
        return remembered(ctx, FRAMES, _read_frames)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from .._match import Context

__all__ = ["Key", "remembered"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Key(Generic[T]):
    """The name a per-document reading is kept under, typed by what it holds."""

    name: str


def remembered(ctx: Context, key: Key[T], build: Callable[[Context], T]) -> T:
    """``build(ctx)``, computed on the first request for ``key`` in this document."""
    memo = ctx.memo
    if key.name in memo:
        return cast(T, memo[key.name])
    value = build(ctx)
    memo[key.name] = value
    return value
