"""The pack and question types: plain, immutable data shared by every part of the game."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from quizgame.core.packs.levels import POINTS, Difficulty, Spoiler

__all__ = [
    "POINTS",
    "Difficulty",
    "ListItem",
    "Pack",
    "Question",
    "QuestionType",
    "Spoiler",
    "format_number",
]


class QuestionType(StrEnum):
    """The seven kinds of question a pack can hold."""

    MULTIPLE_CHOICE = "multiple_choice"
    TRUE_FALSE = "true_false"
    TYPED = "typed"
    NUMERIC = "numeric"
    ORDERING = "ordering"
    MATCHING = "matching"
    LIST = "list"


@dataclass(frozen=True, slots=True)
class ListItem:
    """One blank of a list question: its `answer`, other texts that also find it (`accept`),
    and `show`, a clue shown in its blank before it is found (a role, a year)."""

    answer: str
    accept: tuple[str, ...] = ()
    show: str | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        """Every text that finds this item, its answer first."""
        return (self.answer, *self.accept)


@dataclass(frozen=True, slots=True)
class Question:
    """One question of a pack, validated.

    `answer` is a `str` for multiple_choice and typed, a `bool` for true_false, a `float` for
    numeric, and `None` for ordering, matching and list (their answer is `items` / `pairs` /
    `answers` as written).
    """

    id: str
    type: QuestionType
    prompt: str
    answer: str | bool | float | None = None
    choices: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    tolerance: float = 0.0
    unit: str | None = None
    items: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    answers: tuple[ListItem, ...] = ()  # list: the items to name, in the order shown
    difficulty: Difficulty = Difficulty.MEDIUM
    category: str | None = None
    explanation: str | None = None
    source: str | None = None
    quote: str | None = None  # the source's own words for the fact, shown after answering
    tags: tuple[str, ...] = ()
    time_limit: float | None = None
    spoiler: Spoiler = Spoiler.NONE
    hint: str | None = None
    # The facts a question asks about or shows: a session never asks two questions that share
    # one, since one would give the other away.
    groups: tuple[str, ...] = ()

    @property
    def points(self) -> int:
        """Full points for this question, set by its difficulty."""
        return self.difficulty.points

    def answer_text(self) -> str:
        """The correct answer written out for a player (each type says how, in `questions`)."""
        # Imported here: the description imports this module, and a cached load never needs it.
        from quizgame.core.packs.questions import answer_text

        return answer_text(self)


def format_number(value: float) -> str:
    """`2021.0` as `2021`, `7.4` as `7.4`."""
    return str(int(value)) if value == int(value) else f"{value:g}"


@dataclass(frozen=True, slots=True)
class Pack:
    """A validated question pack."""

    id: str
    title: str
    questions: tuple[Question, ...]
    description: str = ""
    author: str = ""
    version: int | str = 1
    language: str = "en"
    path: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def categories(self) -> list[str]:
        """The categories of the pack's questions, in order of first appearance."""
        return list(dict.fromkeys(q.category for q in self.questions if q.category))

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)
