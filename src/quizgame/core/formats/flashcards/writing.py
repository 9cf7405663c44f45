"""Writing a pack as flashcards: one tab-separated line a question, prompt then answer."""

from __future__ import annotations

import re

from quizgame.core.formats.cells import escape_formula
from quizgame.core.formats.common import (
    NoteCode,
    Written,
    export_note,
    note_lost_fields,
    note_lost_pack_fields,
)
from quizgame.core.formats.flashcards.reading import NAME
from quizgame.core.packs.model import Pack, QuestionType

_BREAKS = re.compile(r"\s*[\t\r\n\v\f\x1c-\x1e\x85\u2028\u2029]\s*")
# The types whose answer is one text: a card's definition.
_HELD = (QuestionType.TYPED, QuestionType.MULTIPLE_CHOICE)


def _one_line(text: str) -> str:
    return _BREAKS.sub(" ", text)


def write(pack: Pack) -> Written:
    """Tab-separated cards (prompt, answer) for the pack's typed and multiple-choice questions;
    a note for each question or field a card cannot hold (a card keeps no wrong choices)."""
    written = Written("", 0)
    note_lost_pack_fields(written, pack, set(), NAME)
    lines: list[str] = []
    for number, question in enumerate(pack.questions, 1):
        if question.type not in _HELD:
            message = f"a flashcard holds a text answer, not {question.type.value}: not exported"
            about = (question.type.value,)
            written.notes.append(
                export_note(number, question, NoteCode.TYPE_NOT_HELD, message, about)
            )
            continue
        texts = (question.prompt, str(question.answer))
        if any(_BREAKS.search(t) for t in texts):
            message = "line breaks and tabs become spaces (a card is one line)"
            written.notes.append(export_note(number, question, NoteCode.LINES_JOINED, message))
        if question.type is QuestionType.MULTIPLE_CHOICE:
            message = "the wrong choices not kept (a card keeps the right answer only)"
            written.notes.append(export_note(number, question, NoteCode.CHOICES_NOT_KEPT, message))
        lines.append("\t".join(escape_formula(_one_line(t)) for t in texts))
        written.count += 1
        note_lost_fields(written, number, question, set(), NAME)
    written.text = "".join(line + "\n" for line in lines)
    return written
