"""How a session may be played: its modes, their clocks and lives, the lifelines, and why it ended."""

from __future__ import annotations

from enum import StrEnum

DEFAULT_COUNT = 10
DEFAULT_TIME_LIMIT = 20.0  # seconds per question in challenge and survival
BLITZ_SECONDS = 60.0
SURVIVAL_LIVES = 3


class Mode(StrEnum):
    """How a session is played."""

    CLASSIC = "classic"  # untimed
    CHALLENGE = "challenge"  # a countdown per question, speed points
    BLITZ = "blitz"  # one clock for the whole session
    SURVIVAL = "survival"  # three lives, a countdown per question
    LEARN = "learn"  # spaced repetition: what is due, then new cards (core/learn)

    @property
    def per_question_clock(self) -> bool:
        """Each question has its own countdown (challenge, survival)."""
        return self in (Mode.CHALLENGE, Mode.SURVIVAL)

    @property
    def session_clock(self) -> bool:
        """One clock runs for the whole session, stopped between questions (blitz)."""
        return self is Mode.BLITZ

    @property
    def uses_count(self) -> bool:
        """The session deals a chosen number of questions; blitz deals every matching one. In
        learn mode the count is how many new questions a day (`core/learn`)."""
        return self is not Mode.BLITZ

    @property
    def description(self) -> str:
        return MODE_DESCRIPTIONS[self]


MODE_DESCRIPTIONS = {
    Mode.CLASSIC: "Untimed. Take your time.",
    Mode.CHALLENGE: "A countdown per question; faster answers score more.",
    Mode.BLITZ: "One clock for the whole session: as many as you can.",
    Mode.SURVIVAL: "Three lives; a wrong answer or a time-out costs one.",
    Mode.LEARN: "Spaced repetition: what is due today, then new questions.",
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
