"""What an answer to a party round may be, and how a round's answer and verdicts are worded."""

from __future__ import annotations

from typing import Any

from quizgame.core.packs.model import QuestionType
from quizgame.core.party.list_rounds import list_problem
from quizgame.core.play.dealing import Round, describe_given
from quizgame.core.play.judging import Verdict
from quizgame.core.play.lists import list_answer_text


def right_answer_text(round_: Round) -> str:
    """A round's right answer, in words, as a player's answer would be described."""
    question = round_.question
    right: Any = question.answer
    if question.type is QuestionType.ORDERING:
        right = list(question.items)
    elif question.type is QuestionType.MATCHING:
        right = dict(question.pairs)
    elif question.type is QuestionType.LIST:
        return list_answer_text(question)
    elif question.type is QuestionType.NUMERIC:
        return f"{question.answer:g}" + (f" {question.unit}" if question.unit else "")
    return describe_given(question, right)


def verdict_word(verdict: Verdict) -> str:
    if verdict.correct:
        return "correct"
    return "partial" if verdict.partial else "wrong"


def answer_problem(round_: Round, given: Any) -> str | None:
    """Why `given` cannot be an answer to this round (its type's shape), or None if it can."""
    kind = round_.question.type
    if kind is QuestionType.TRUE_FALSE:
        return None if isinstance(given, bool) else "a true/false answer is true or false"
    if kind is QuestionType.MULTIPLE_CHOICE:
        if isinstance(given, str) and given in round_.choices:
            return None
        return "the answer is not one of the choices"
    if kind in (QuestionType.TYPED, QuestionType.NUMERIC):
        return None if isinstance(given, str) else "the answer should be text"
    if kind is QuestionType.ORDERING:
        if isinstance(given, list) and sorted(given) == sorted(round_.items):
            return None
        return "the answer should list every item once, in an order"
    if kind is QuestionType.MATCHING:
        if (
            isinstance(given, dict)
            and set(given) == set(round_.lefts)
            and set(given.values()) <= set(round_.rights)
        ):
            return None
        return "the answer should pair every left item with a right one"
    if kind is QuestionType.LIST:
        return list_problem(round_, given)
    return "this question type cannot be answered here"
