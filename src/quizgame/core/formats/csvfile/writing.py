"""Writing a pack as CSV with a header of question fields; formulas escaped."""

from __future__ import annotations

import csv
import io
from typing import Any

from quizgame.core.formats.cells import escape_formula
from quizgame.core.formats.common import (
    NoteCode,
    Written,
    export_note,
    note_lost_pack_fields,
)
from quizgame.core.formats.csvfile.columns import ARROW, cell_text, item_unwritable
from quizgame.core.packs.model import Pack
from quizgame.core.packs.questions import QUESTION_KEY_ORDER
from quizgame.core.packs.write import question_to_dict

NAME = "CSV"
# Always written, so that a file of one type still reads as what it is.
_ALWAYS = ("id", "type", "prompt")


def write(pack: Pack) -> Written:
    """CSV text: a header naming the fields the pack's questions use, then a row a question.

    Every question type fits; a matching pair whose left side holds `->`, or a list item whose
    answer or accepted forms hold `=` or `->`, does not, and is noted.
    """
    written = Written("", 0)
    note_lost_pack_fields(written, pack, set(), NAME)
    records: list[dict[str, Any]] = []
    for number, question in enumerate(pack.questions, 1):
        if any(ARROW in left for left, _ in question.pairs):
            written.notes.append(
                export_note(
                    number,
                    question,
                    NoteCode.ARROW_NOT_WRITABLE,
                    f"a left side with '{ARROW}' cannot be written in CSV: not exported",
                    ("left side",),
                )
            )
            continue
        if any(item_unwritable([item.answer, *item.accept]) for item in question.answers):
            written.notes.append(
                export_note(
                    number,
                    question,
                    NoteCode.ARROW_NOT_WRITABLE,
                    f"a list item with '=' or '{ARROW}' cannot be written in CSV: not exported",
                    ("list item",),
                )
            )
            continue
        records.append(question_to_dict(question))
        written.count += 1
    used = {name for record in records for name in record}
    columns = [name for name in QUESTION_KEY_ORDER if name in used or name in _ALWAYS]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow(
            [escape_formula(cell_text(record[name])) if name in record else "" for name in columns]
        )
    written.text = out.getvalue()
    return written
