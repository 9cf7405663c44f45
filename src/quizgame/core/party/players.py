"""The players of a party game: who they are, their answers, score and streak; their names."""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field
from typing import Any

from quizgame.core.party.messages import MAX_NAME
from quizgame.core.text import clean_line


class RoomError(Exception):
    """A request the room refuses; `code` for programs (bad_pin, too_late, ...), text for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(slots=True)
class PlayerAnswer:
    """One player's answer to one round (`given` None: no answer before the clock ran out)."""

    round: int
    question_id: str
    given: Any
    given_text: str
    verdict: str  # correct, partial, wrong, timed_out
    credit: float
    points: int
    seconds: float


@dataclass(slots=True)
class Player:
    """A player in the room. `token` lets a dropped player rejoin as themself."""

    id: int
    name: str
    token: str
    score: int = 0
    streak: int = 0
    best_streak: int = 0
    correct: int = 0
    connected: bool = True
    kicked: bool = False
    answers: dict[int, PlayerAnswer] = field(default_factory=dict)
    rank: int = 0  # after the last reveal
    move: int = 0

    @property
    def answered(self) -> int:
        return len(self.answers)

    def apply(self, answer: PlayerAnswer, full_points: int) -> None:
        """Count `answer` in the score and streak (points already include the streak bonus)."""
        self.answers[answer.round] = answer
        self.score += answer.points
        if answer.verdict == "correct":
            self.correct += 1
            self.streak += 1
            self.best_streak = max(self.best_streak, self.streak)
        else:
            self.streak = 0


def new_pin(rng: random.Random | None = None) -> str:
    """A random six-digit room PIN."""
    if rng is not None:
        return f"{rng.randrange(10**6):06d}"
    return f"{secrets.randbelow(10**6):06d}"


def clean_name(raw: str) -> str:
    """A player's name made safe to show: one line, no controls, at most `MAX_NAME` characters."""
    name = clean_line(raw)[:MAX_NAME].strip()
    if not name:
        raise RoomError("bad_name", "the name is empty")
    return name
