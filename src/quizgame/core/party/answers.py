"""What an answer to a party round may be, and how a round's answer and verdicts are worded."""

from __future__ import annotations

import dataclasses
from typing import Any

from quizgame.core.packs.model import Pack, QuestionType
from quizgame.core.play.dealing import Round, describe_given
from quizgame.core.play.judging import Verdict

# Question types a party round can take an answer to. A `list` question ("name them all": one
# guess at a time, judged against what that player has found) needs a message exchange per guess
# that the protocol does not have yet, so a party game deals none (README, "Hosting a quiz for friends").
PARTY_TYPES = frozenset(QuestionType) - {QuestionType.LIST}


def party_pack(pack: Pack) -> Pack:
    """`pack` with only the questions a party game can deal (of a type in `PARTY_TYPES`).

    In: a validated pack. Out: the same pack (the very object when nothing is left out), its
    questions cut to those a party round can take an answer to, in their order.
    """
    kept = tuple(q for q in pack.questions if q.type in PARTY_TYPES)
    if len(kept) == len(pack.questions):
        return pack
    return dataclasses.replace(pack, questions=kept)


def right_answer_text(round_: Round) -> str:
    """A round's right answer, in words, as a player's answer would be described."""
    question = round_.question
    right: Any = question.answer
    if question.type is QuestionType.ORDERING:
        right = list(question.items)
    elif question.type is QuestionType.MATCHING:
        right = dict(question.pairs)
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
    return "this question type cannot be answered here"
