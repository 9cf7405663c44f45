"""GIFT's question kinds, each by the shape of the question type it holds: one table, read both
ways.

A shape is a type's own fields in pack order, each with its kind of value, as the type's
description (`packs/questions.py`) lists them. The writer picks a question's GIFT kind by the
shape of its type; the reader makes a GIFT question into the type whose fields have its kind's
shape. No type is named here, so a new type is written as GIFT if, and only if, it holds what a
GIFT kind holds; a type of no kind's shape (ordering) is left out with a note.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgame.core.packs.fields import QuestionKind
from quizgame.core.packs.kinds import (
    Amount,
    AnswerBool,
    AnswerNumber,
    AnswerText,
    Kind,
    Pairs,
    Text,
    TextList,
)
from quizgame.core.packs.model import QuestionType
from quizgame.core.packs.questions import KINDS

Shape = tuple[tuple[str, type[Kind]], ...]


@dataclass(frozen=True)
class GiftKind:
    """One of GIFT's question kinds: `name` as Moodle's GIFT documentation names it, the `shape`
    of the type it holds, and the fields of that shape GIFT has no place for (`dropped`)."""

    name: str
    shape: Shape
    dropped: frozenset[str] = frozenset()

    @property
    def kept(self) -> frozenset[str]:
        """The fields of the shape a GIFT question of this kind writes."""
        return frozenset(name for name, _kind in self.shape) - self.dropped


GIFT_KINDS = (
    GiftKind("multiple choice", (("choices", TextList), ("answer", AnswerText))),
    GiftKind("true-false", (("answer", AnswerBool),)),
    GiftKind("short answer", (("answer", AnswerText), ("accept", TextList))),
    GiftKind(
        "numerical",
        (("answer", AnswerNumber), ("tolerance", Amount), ("unit", Text)),
        dropped=frozenset({"unit"}),
    ),
    GiftKind("matching", (("pairs", Pairs),)),
)


def shape_of(kind: QuestionKind) -> Shape:
    """The shape of a question type: its own fields' names and kinds of value, in pack order."""
    return tuple((f.name, type(f.kind)) for f in kind.fields)


def types_of_shape(shape: Shape) -> list[QuestionType]:
    """The question types whose fields have `shape`, in the order `KINDS` lists them."""
    return [kind.type for kind in KINDS.values() if shape_of(kind) == shape]


_BY_NAME = {gift.name: gift for gift in GIFT_KINDS}
_BY_SHAPE = {gift.shape: gift for gift in GIFT_KINDS}


def gift_kind(question_type: QuestionType) -> GiftKind | None:
    """The GIFT kind that holds questions of `question_type`, by its shape; None if none does."""
    return _BY_SHAPE.get(shape_of(KINDS[question_type]))


def pack_type(gift_name: str) -> str:
    """The type a question of the GIFT kind named `gift_name` becomes, as a pack file names it
    (a draft is pack-format data, which the pack checker reads afterwards like any pack file):
    the type whose fields have the kind's shape, the first if two ever share one.

    Raises LookupError if no type has that shape.
    """
    found = types_of_shape(_BY_NAME[gift_name].shape)
    if not found:
        raise LookupError(f"no question type has the shape of GIFT's {gift_name} questions")
    return found[0].value
