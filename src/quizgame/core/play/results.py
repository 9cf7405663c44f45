"""What a session produces: the record of each round and the summary for the results screen.

Plain data, read by the results screen, the score store and the UI's feedback; the session
(`session.py`) makes them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from quizgame.core.packs.model import Question
from quizgame.core.play.dealing import recorded_given
from quizgame.core.play.judging import Verdict
from quizgame.core.play.modes import EndReason, Lifeline

if TYPE_CHECKING:
    from quizgame.core.play.dealing import Round


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """What happened in one round."""

    number: int
    question: Question
    given: Any  # choice text, bool, text, list of items, or mapping; None if none
    given_text: str
    verdict: Verdict
    points: int
    streak_bonus: int
    time_taken: float
    timed_out: bool = False
    skipped: bool = False

    @classmethod
    def of(
        cls,
        round_: Round,
        given: Any,
        verdict: Verdict,
        *,
        points: int = 0,
        streak_bonus: int = 0,
        time_taken: float = 0.0,
        timed_out: bool = False,
        skipped: bool = False,
    ) -> AnswerRecord:
        """The record of answering `round_` with `given`, judged `verdict`: `points` (streak
        bonus included) and `time_taken` (seconds) as the session scores them; left at 0, what
        the feedback on such an answer says before it is given (the screen draws it ahead)."""
        question = round_.question
        return cls(
            number=round_.number,
            question=question,
            given=given,
            given_text=recorded_given(question, given, timed_out=timed_out, skipped=skipped),
            verdict=verdict,
            points=points,
            streak_bonus=streak_bonus,
            time_taken=time_taken,
            timed_out=timed_out,
            skipped=skipped,
        )

    @property
    def correct(self) -> bool:
        return self.verdict.correct

    @property
    def question_id(self) -> str:
        return self.question.id

    @property
    def base_points(self) -> int:
        """The question's points for this answer's credit, before speed and streak."""
        if self.skipped or self.timed_out:
            return 0
        return round(self.question.points * self.verdict.credit)

    @property
    def speed_points(self) -> int:
        """What the clock took off the base (0 or less; 0 without a per-question clock)."""
        return self.points - self.streak_bonus - self.base_points

    def points_text(self) -> str:
        """The points in words, with their parts when there is more than the base:
        "+98 points = 100 base − 12 speed + 10 streak"."""
        total = f"+{self.points} points" if self.points else "no points"
        if not (self.speed_points or self.streak_bonus):
            return total
        parts = [f"{self.base_points} base"]
        if self.speed_points:
            parts.append(f"− {-self.speed_points} speed")
        if self.streak_bonus:
            parts.append(f"+ {self.streak_bonus} streak")
        return f"{total} = {' '.join(parts)}"


@dataclass(frozen=True, slots=True)
class CategoryResult:
    category: str
    correct: int
    asked: int
    points: int


@dataclass(frozen=True)
class Results:
    """The session's summary for the results screen and the score history."""

    score: int
    correct: int
    answered: int  # rounds played, skips excluded
    asked: int  # rounds played, skips included
    total: int  # rounds the session was built with
    accuracy: float  # correct / answered, 0..1
    best_streak: int
    duration: float  # seconds from start to end, pauses left out: reading the feedback counts
    by_category: tuple[CategoryResult, ...]
    lifelines_used: tuple[Lifeline, ...]
    end_reason: EndReason
    records: tuple[AnswerRecord, ...] = field(repr=False)
    # Seconds run off the mode's clocks: blitz's one clock, or the questions' countdowns added
    # up (challenge, survival); None in classic, which has no clock.
    clock_time: float | None = None

    @property
    def missed(self) -> tuple[AnswerRecord, ...]:
        return tuple(r for r in self.records if not r.correct and not r.skipped)

    @property
    def to_replay(self) -> tuple[AnswerRecord, ...]:
        """What 'replay missed' plays again: every round not answered right, skips included."""
        return tuple(r for r in self.records if not r.correct)

    @property
    def skipped(self) -> int:
        """Rounds skipped: asked but not answered (accuracy leaves them out)."""
        return self.asked - self.answered

    @property
    def not_reached(self) -> int:
        """Rounds the session was built with but never asked (it ended early)."""
        return max(0, self.total - self.asked)


def category_results(records: Iterable[AnswerRecord]) -> tuple[CategoryResult, ...]:
    """Correct, asked and points per category (in order of first appearance) from `records`."""
    categories: dict[str, list[AnswerRecord]] = {}
    for record in records:
        categories.setdefault(category_name(record.question), []).append(record)
    return tuple(
        CategoryResult(
            category=name,
            correct=sum(1 for r in recs if r.correct),
            asked=len(recs),
            points=sum(r.points for r in recs),
        )
        for name, recs in categories.items()
    )


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
