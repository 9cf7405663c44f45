"""Moodle's question types, each by the shape of the question type it holds: one table, read
both ways (as `gift/shapes.py` does for GIFT).

A question is written as the Moodle type whose shape its type has, and only if reading that
Moodle type back gives the same type (the first type of the shape): a type of no Moodle type's
shape, or a second type of one's shape, is left out with a note.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgame.core.formats.gift.shapes import Shape, shape_of, types_of_shape
from quizgame.core.packs.kinds import (
    Amount,
    AnswerBool,
    AnswerNumber,
    AnswerText,
    Pairs,
    Text,
    TextList,
)
from quizgame.core.packs.model import QuestionType
from quizgame.core.packs.questions import KINDS


@dataclass(frozen=True)
class MoodleKind:
    """A Moodle question type: its `name` in `<question type=...>` and the `shape` it holds."""

    name: str
    shape: Shape


MOODLE_KINDS = (
    MoodleKind("multichoice", (("choices", TextList), ("answer", AnswerText))),
    MoodleKind("truefalse", (("answer", AnswerBool),)),
    MoodleKind("shortanswer", (("answer", AnswerText), ("accept", TextList))),
    MoodleKind("numerical", (("answer", AnswerNumber), ("tolerance", Amount), ("unit", Text))),
    MoodleKind("matching", (("pairs", Pairs),)),
    MoodleKind("ordering", (("items", TextList),)),
)
_BY_NAME = {kind.name: kind for kind in MOODLE_KINDS}
_BY_SHAPE = {kind.shape: kind for kind in MOODLE_KINDS}
# Moodle types that are no question to play, with how a note names them.
NOT_QUESTIONS = {
    "description": "a description (text without a question)",
    "essay": "an essay question (free text, marked by a teacher)",
    "cloze": "an embedded answers (cloze) question",
    "multianswer": "an embedded answers (cloze) question",
    "random": "a random question (picked from a category when a quiz runs)",
}


def pack_type(name: str) -> str | None:
    """The type a question of the Moodle type `name` becomes (the first of its shape), as a
    pack file names it; None for a Moodle type that holds no type here."""
    kind = _BY_NAME.get(name)
    found = types_of_shape(kind.shape) if kind is not None else []
    return found[0].value if found else None


def moodle_kind(question_type: QuestionType) -> MoodleKind | None:
    """The Moodle type that holds `question_type` and reads back as it; None if none does."""
    kind = _BY_SHAPE.get(shape_of(KINDS[question_type]))
    if kind is None or types_of_shape(kind.shape)[:1] != [question_type]:
        return None
    return kind
