"""Helpers for the party tests: a room on a small pack, and the right answer to each round."""

from __future__ import annotations

from typing import Any

from quizgame.core.packs.model import Pack, QuestionType
from quizgame.core.party.room import Room, RoomLog
from quizgame.core.play.dealing import Round, SessionOptions
from tests.clocks import FakeClock
from tests.played import make_pack
from tests.tui.helpers import pack as test_pack

PIN = "123456"


def all_types() -> Pack:
    """The test pack with one question of each of the six types."""
    return test_pack("all-types")


def make_room(
    clock: FakeClock,
    pack: Pack | None = None,
    count: int = 3,
    log: RoomLog | None = None,
    time_limit: float | None = 10.0,
    seed: int = 1,
) -> Room:
    """A room with PIN `PIN` on `pack` (three multiple-choice questions by default)."""
    options = SessionOptions(count=count, seed=seed, time_limit=time_limit)
    return Room(pack or make_pack(n=count), options, clock=clock, pin=PIN, log=log)


def right(round_: Round) -> Any:
    """The right answer to a round, as a player would send it."""
    question = round_.question
    if question.type is QuestionType.ORDERING:
        return list(question.items)
    if question.type is QuestionType.MATCHING:
        return dict(question.pairs)
    if question.type is QuestionType.NUMERIC:
        return f"{question.answer:g}"
    return question.answer


def wrong(round_: Round) -> Any:
    """A wrong answer of the right shape."""
    question = round_.question
    if question.type is QuestionType.MULTIPLE_CHOICE:
        return next(c for c in round_.choices if c != question.answer)
    if question.type is QuestionType.TRUE_FALSE:
        return not question.answer
    if question.type is QuestionType.ORDERING:
        return list(reversed(question.items))
    if question.type is QuestionType.MATCHING:
        lefts = [left for left, _ in question.pairs]
        rights = [r for _, r in question.pairs]
        return dict(zip(lefts, rights[1:] + rights[:1], strict=True))
    return "nothing like it"
