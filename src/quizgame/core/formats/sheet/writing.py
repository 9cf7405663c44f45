"""Writing a pack as the live-quiz spreadsheet (.xlsx); formulas escaped."""

from __future__ import annotations

import io
from typing import Any

from quizgame.core.formats.cells import escape_formula
from quizgame.core.formats.common import (
    NoteCode,
    Written,
    export_note,
    note_lost_fields,
)
from quizgame.core.formats.header import header_lines
from quizgame.core.formats.sheet.template import (
    ANSWERS,
    HEADER_ROW,
    HEADERS,
    NAME,
    QUIZ_TYPE,
    SHEET_TITLE,
    TRUE_FALSE_ANSWERS,
    TRUE_FALSE_TYPE,
)
from quizgame.core.packs.model import Pack, Question

_KEPT = frozenset({"time_limit"})


def _row(question: Question, number: int, written: Written) -> list[Any] | None:
    """The template's cells for one question; None (and a note) if it does not fit."""
    if question.type is TRUE_FALSE_TYPE:
        choices = list(TRUE_FALSE_ANSWERS)
        right = 1 if question.answer else 2
    elif question.type is QUIZ_TYPE:
        choices = list(question.choices)
        if len(choices) > ANSWERS:
            message = f"{len(choices)} choices, and the template holds {ANSWERS}: not exported"
            written.notes.append(
                export_note(
                    number, question, NoteCode.TOO_MANY_CHOICES, message, (len(choices), ANSWERS)
                )
            )
            return None
        right = choices.index(str(question.answer)) + 1
    else:
        message = f"the {NAME} holds quiz and true/false questions, not {question.type.value}"
        written.notes.append(
            export_note(
                number,
                question,
                NoteCode.TYPE_NOT_HELD,
                message + ": not exported",
                (question.type.value,),
            )
        )
        return None
    answers = [escape_formula(c) for c in choices] + [None] * (ANSWERS - len(choices))
    return [number, escape_formula(question.prompt), *answers, question.time_limit, str(right)]


def write(pack: Pack) -> Written:
    """The live-quiz template filled with the pack's quiz and true/false questions; the pack's
    own fields in the first column above the header."""
    # openpyxl is imported only for a spreadsheet: it costs a tenth of a second.
    from openpyxl import Workbook

    written = Written("", 0)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET_TITLE
    lines = header_lines(pack)
    for index, line in enumerate(lines, 1):
        sheet.cell(index, 1, escape_formula(line))
    header_row = max(HEADER_ROW, len(lines) + 2)
    for column, header in enumerate(HEADERS, 2):
        sheet.cell(header_row, column, header)
    row_number = header_row
    for number, question in enumerate(pack.questions, 1):
        cells = _row(question, number, written)
        if cells is None:
            continue
        row_number += 1
        for column, value in enumerate(cells, 1):
            if value is not None:
                sheet.cell(row_number, column, value)
        written.count += 1
        note_lost_fields(written, number, question, _KEPT, NAME)
    out = io.BytesIO()
    book.save(out)
    written.data = out.getvalue()
    return written
