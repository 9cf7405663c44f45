"""The rules of play that do not depend on a session's state: modes, lifelines, scoring."""

from __future__ import annotations

from enum import StrEnum

DEFAULT_COUNT = 10
DEFAULT_TIME_LIMIT = 20.0  # seconds per question in challenge and survival
BLITZ_SECONDS = 60.0
SURVIVAL_LIVES = 3
INSTANT = 0.5  # answers faster than this earn full speed points
STREAK_STEP = 0.1  # a tenth of the question's points per extra correct answer in a row
STREAK_CAP = 0.5  # at most half of the question's points


class Mode(StrEnum):
    """How a session is played."""

    CLASSIC = "classic"  # untimed
    CHALLENGE = "challenge"  # a countdown per question, speed points
    BLITZ = "blitz"  # one clock for the whole session
    SURVIVAL = "survival"  # three lives, a countdown per question

    @property
    def per_question_clock(self) -> bool:
        return self in (Mode.CHALLENGE, Mode.SURVIVAL)

    @property
    def description(self) -> str:
        return MODE_DESCRIPTIONS[self]


MODE_DESCRIPTIONS = {
    Mode.CLASSIC: "Untimed. Take your time.",
    Mode.CHALLENGE: "A countdown per question; faster answers score more.",
    Mode.BLITZ: "One clock for the whole session: as many as you can.",
    Mode.SURVIVAL: "Three lives; a wrong answer or a time-out costs one.",
}


class Lifeline(StrEnum):
    """Once-per-session helps."""

    FIFTY_FIFTY = "fifty_fifty"
    SKIP = "skip"
    HINT = "hint"

    @property
    def label(self) -> str:
        return {"fifty_fifty": "50:50", "skip": "Skip", "hint": "Hint"}[self.value]


class EndReason(StrEnum):
    COMPLETED = "completed"
    OUT_OF_LIVES = "out_of_lives"
    TIME_UP = "time_up"
    ABANDONED = "abandoned"


def streak_bonus(points: int, streak: int) -> int:
    """Bonus for the `streak`-th correct answer in a row (the first earns none)."""
    return round(min(points * STREAK_STEP * (streak - 1), points * STREAK_CAP))


def speed_points(points: int, credit: float, taken: float, limit: float) -> int:
    """`round(P * (1 - (t / T) / 2))`: full points under half a second, half at the buzzer."""
    if taken > limit:
        return 0
    t = 0.0 if taken < INSTANT else taken
    return round(points * credit * (1 - (t / limit) / 2))
