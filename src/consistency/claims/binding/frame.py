"""A frame: a whole and the parts the text ties to it, with how complete the text says
the parts are and what names the tie (read by :mod:`.frames` and :mod:`.unmarked`)."""

from __future__ import annotations

from dataclasses import dataclass

from ...claim import Binding
from ...quantities import Quantity
from . import named

__all__ = ["BREAKDOWNS", "Frame"]

#: readings of a frame whose parts are summed against the whole (the others are only
#: bounded by it): a complete list, members of a partition, kinds of one thing, a plain
#: 其中 list
BREAKDOWNS = frozenset({"explicit", "exclusive", "kinds", "implied"})


@dataclass(frozen=True, slots=True)
class Frame:
    """A whole and its parts as the text ties them.

    ``reading`` says how complete the parts are: ``explicit`` (a closed list),
    ``exclusive`` (members of a partition, which cannot overlap), ``kinds`` (kinds of
    the whole's own noun), ``implied`` (a plain 其中 list) — these
    are breakdowns — or ``part`` (one part, or parts no list can hold), ``paired`` (a
    part paired with its whole by classifier), ``contains`` (含), ``open`` (等, groups
    that overlap), ``outcome`` (成功): parts bounded by the whole. ``how`` names the
    words that tie them, for the claim's bindings.
    """

    whole: Quantity
    parts: tuple[Quantity, ...]
    reading: str
    how: str

    @property
    def is_breakdown(self) -> bool:
        """Do the parts claim to add up to the whole?"""
        return self.reading in BREAKDOWNS

    def bindings(self, *parts: Quantity) -> tuple[Binding, ...]:
        """The whole and ``parts`` (all parts by default) bound as the text names them."""
        chosen = parts or self.parts
        return (
            named("whole", self.whole, self.how),
            *(named("part", p, self.how) for p in chosen),
        )
