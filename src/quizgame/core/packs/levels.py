"""How hard a question is and how much of a story it gives away: the two scales a player
chooses by on Home. Apart from `model` (which re-exports them) so that Home's settings and
remembered choices load none of the pack model (issue 13: its dataclasses cost start-up ~7 ms).
"""

from __future__ import annotations

from enum import StrEnum


class Difficulty(StrEnum):
    """How hard a question is; it sets the question's points."""

    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"

    @property
    def points(self) -> int:
        return POINTS[self]


POINTS = {Difficulty.EASY: 100, Difficulty.MEDIUM: 200, Difficulty.HARD: 300}


class Spoiler(StrEnum):
    """How much of a story a question gives away, in increasing order."""

    NONE = "none"
    MID = "mid"
    ENDING = "ending"

    @property
    def rank(self) -> int:
        return _SPOILER_RANK[self]


_SPOILER_RANK = {Spoiler.NONE: 0, Spoiler.MID: 1, Spoiler.ENDING: 2}
