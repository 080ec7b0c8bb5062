"""Answers kept about the objects a check asks about again and again.

Every share asks about the figures and shares before it, every kind about the same
figures: the readings keep their answers for the latest few thousand objects in a
:class:`Kept`, per document (in ``ctx.memo``) or per process.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["Kept"]

T = TypeVar("T")


class Kept(Generic[T]):
    """Answers kept by key, each beside the object it is about, so that a key passing to
    another object (a figure's ``id`` once the figure is freed, a start offset in another
    sentence) is never answered for it. Emptied when ``size`` answers are held: it stays
    small however long the document."""

    __slots__ = ("_kept", "size")

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: dict[Hashable, tuple[object, T]] = {}

    def get(self, key: Hashable, about: object, compute: Callable[[], T]) -> T:
        """The answer kept under ``key`` for ``about``; else ``compute()``, kept."""
        found = self._kept.get(key)
        if found is not None and found[0] is about:
            return found[1]
        if len(self._kept) >= self.size:
            self._kept.clear()
        answer = compute()
        self._kept[key] = (about, answer)
        return answer
