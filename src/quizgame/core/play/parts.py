"""An ordering or a matching answer part by part, for the feedback: which places or pairs are right.

A part is right exactly when `judging.check_ordering` and `check_matching` credit it: the item
given is the right one, as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Part:
    """One place of an ordering (`left` None) or one pair of a matching (`left` its left item):
    what the player put there (None: nothing) and what belongs there."""

    left: str | None
    given: Any
    right: str

    @property
    def correct(self) -> bool:
        return bool(self.given == self.right)


def ordering_parts(given: Any, items: Sequence[str]) -> tuple[Part, ...] | None:
    """Each place of the order `given` (a list) against `items`, the right order; None if
    `given` is no order (a time-out, a skip)."""
    if not isinstance(given, list | tuple):
        return None
    return tuple(Part(None, item, right) for item, right in zip(given, items, strict=False))


def matching_parts(given: Any, pairs: Sequence[tuple[str, str]]) -> tuple[Part, ...] | None:
    """Each pair of `pairs` (left, right) against what `given` (a dict) paired its left item
    with; None if `given` is no set of pairs (a time-out, a skip)."""
    if not isinstance(given, dict):
        return None
    return tuple(Part(left, given.get(left), right) for left, right in pairs)
