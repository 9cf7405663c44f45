"""The live-quiz template's layout, described once: its columns and their headers, and how
big a file may be unpacked."""

from __future__ import annotations

from quizgame.core.formats.gift.shapes import types_of_shape
from quizgame.core.packs.kinds import AnswerBool, AnswerText, TextList
from quizgame.core.packs.model import QuestionType

NAME = "live-quiz spreadsheet"
SHEET_TITLE = "Quiz"
ANSWERS = 4
# The headers the template gives its columns after the first (which numbers the questions);
# a reader knows a column by the start of its header.
HEADERS = (
    "Question - max 120 characters",
    *(f"Answer {n} - max 75 characters" for n in range(1, ANSWERS + 1)),
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
QUESTION, TIME, CORRECT = "question", "time", "correct"
# Each column's key by the start of its header, lowercase.
STARTS = {
    "question": QUESTION,
    **{f"answer {n}": f"answer {n}" for n in range(1, ANSWERS + 1)},
    "time limit": TIME,
    "correct answer": CORRECT,
}
HEADER_ROW = 8  # where the template has it; a reader looks for it in the first rows
LOOK_FOR_HEADER = 30
# An .xlsx is a zip of XML: what its parts may add up to unpacked (a zip bomb is refused).
MAX_UNZIPPED_BYTES = 64 * 1024 * 1024
MAX_PARTS = 1000
TRUE_FALSE_ANSWERS = ("True", "False")
# The template holds a quiz question (choices, one answer) or a true/false one: the types of
# those shapes.
QUIZ_TYPE = types_of_shape((("choices", TextList), ("answer", AnswerText)))[0]
TRUE_FALSE_TYPE = types_of_shape((("answer", AnswerBool),))[0]
HELD: tuple[QuestionType, ...] = (QUIZ_TYPE, TRUE_FALSE_TYPE)


def looks_like(head: bytes) -> bool:
    """Whether a file's first bytes are a zip archive (an .xlsx is one)."""
    return head.startswith(b"PK\x03\x04")
