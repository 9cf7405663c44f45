"""A session's results by category, as the results screen lists them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizgame.core.packs.model import Question
    from quizgame.core.play.session import Results

UNCATEGORISED = "other"  # the category of a question that names none


def category_name(question: Question) -> str:
    """The category a question counts under in the results."""
    return question.category or UNCATEGORISED


@dataclass(frozen=True, slots=True)
class CategoryLine:
    """One category of a session: right out of answered, skips apart, and the points."""

    category: str
    correct: int
    answered: int  # skips not counted
    skipped: int
    points: int


def category_lines(results: Results) -> tuple[CategoryLine, ...]:
    """A line per category of `results.by_category`, in its order, with the skips counted."""
    skipped: dict[str, int] = {}
    for record in results.records:
        if record.skipped:
            name = category_name(record.question)
            skipped[name] = skipped.get(name, 0) + 1
    return tuple(
        CategoryLine(
            category=row.category,
            correct=row.correct,
            answered=row.asked - skipped.get(row.category, 0),
            skipped=skipped.get(row.category, 0),
            points=row.points,
        )
        for row in results.by_category
    )
