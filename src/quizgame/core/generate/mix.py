"""A pack's make-up: its questions by type, category, difficulty and spoiler level, and the
shares the generator keeps small (true/false, years, filmography)."""

from __future__ import annotations

from dataclasses import dataclass

from quizgame.core.packs.model import Pack, Question, QuestionType, Spoiler

FILMOGRAPHY = "filmography"


def asks_year(question: Question) -> bool:
    """Whether the answer is a year (or years): a bare whole number 1000-2999 asked without a
    unit, choices that are all such years, or a matching onto years."""

    def is_year(text: str) -> bool:
        return text.isdigit() and 1000 <= int(text) <= 2999

    if question.type is QuestionType.NUMERIC:
        answer = question.answer
        return isinstance(answer, float) and answer.is_integer() and is_year(str(int(answer)))
    if question.type is QuestionType.MULTIPLE_CHOICE:
        return bool(question.choices) and all(is_year(c) for c in question.choices)
    if question.type is QuestionType.MATCHING:
        return bool(question.pairs) and all(is_year(right) for _left, right in question.pairs)
    return False


@dataclass(frozen=True, slots=True)
class Mix:
    """Counts by each property (`by[name]` a list of the values, one a question) and shares."""

    by: dict[str, list[str]]
    true_false: float
    year: float
    filmography: float
    filmography_safe: float  # among the questions with no spoiler


def _share(questions: list[Question], test: object) -> float:
    assert callable(test)
    return sum(1 for q in questions if test(q)) / len(questions) if questions else 0.0


def pack_mix(pack: Pack) -> Mix:
    """The make-up of `pack`."""
    questions = list(pack.questions)
    safe = [q for q in questions if q.spoiler is Spoiler.NONE]
    return Mix(
        by={
            "type": [q.type.value for q in questions],
            "category": [q.category or "(none)" for q in questions],
            "difficulty": [q.difficulty.value for q in questions],
            "spoiler": [q.spoiler.value for q in questions],
        },
        true_false=_share(questions, lambda q: q.type is QuestionType.TRUE_FALSE),
        year=_share(questions, asks_year),
        filmography=_share(questions, lambda q: q.category == FILMOGRAPHY),
        filmography_safe=_share(safe, lambda q: q.category == FILMOGRAPHY),
    )
