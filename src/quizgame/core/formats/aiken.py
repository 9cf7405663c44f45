"""Aiken, Moodle's simplest format: multiple-choice questions only.

    What is the capital of Spain?
    A. Lisbon
    B) Madrid
    ANSWER: B

A question is its text (one line in Moodle; several are read and joined here), then options
`A.` or `A)`, then `ANSWER: <letter>`. Blank lines between questions are optional.
"""

from __future__ import annotations

import re
from typing import Any

from quizgame.core.formats.common import (
    Draft,
    NoteCode,
    Parsed,
    Written,
    export_note,
    note_lost_fields,
    note_lost_pack_fields,
    quote,
)
from quizgame.core.packs.model import Pack, QuestionType

NAME = "Aiken"
# `A. Text`, `A) Text`, and `A)Text` with no space, as Moodle reads them (its own test file has
# them); `A.Text` stays text ("A.B. Smith").
_OPTION = re.compile(r"^([A-Z])(?:[.)]\s+|\))(\S.*?)\s*$")
_ANSWER = re.compile(r"^ANSWER\s*:\s*(\S*)\s*$", re.IGNORECASE)
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_BREAKS = re.compile(r"\s*[\r\n]\s*")  # only line breaks: a text's own spaces are kept


class _Pending:
    def __init__(self, line: int, number: int) -> None:
        self.line = line
        self.number = number
        self.text: list[str] = []
        self.options: list[tuple[str, str]] = []


def read(text: str) -> Parsed:
    """Pack-format question drafts from Aiken text; a broken question is an error at its line."""
    parsed = Parsed()
    pending: _Pending | None = None
    number = 0
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for line_number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        option = _OPTION.match(line)
        answer = _ANSWER.match(line)
        if pending is None:
            if option:
                parsed.error(f"an option with no question before it: {quote(line)}", line_number)
                continue
            if answer:
                parsed.error("ANSWER: with no question before it", line_number)
                continue
            number += 1
            pending = _Pending(line_number, number)
            pending.text.append(line)
            continue
        if answer and pending.options:
            _finish(parsed, pending, answer.group(1), line_number)
            pending = None
        elif answer:
            # Never part of a prompt: the options it answers are missing or not read as such.
            parsed.error(
                "ANSWER: with no options before it (write them 'A. text')",
                line_number,
                pending.number,
            )
            pending = None
        elif option:
            letter, choice = option.groups()
            if any(letter == known for known, _ in pending.options):
                parsed.error(f"option {letter} is given twice", line_number, pending.number)
            pending.options.append((letter, choice))
        elif pending.options:
            parsed.error(
                f"expected the next option (like 'C. ...') or 'ANSWER: <letter>', "
                f"found {quote(line)}",
                line_number,
                pending.number,
            )
            pending = None
        else:
            pending.text.append(line)  # question text on several lines
    if pending is not None:
        what = "has no 'ANSWER: <letter>' line" if pending.options else "has no options"
        parsed.error(f"the last question {what}", pending.line, pending.number)
    return parsed


def _finish(parsed: Parsed, pending: _Pending, letter: str, line: int) -> None:
    letters = [known for known, _ in pending.options]
    letter = letter.upper()
    if letter not in letters:
        parsed.error(
            f"ANSWER: {letter or '(nothing)'} is not one of the options {', '.join(letters)}",
            line,
            pending.number,
        )
        return
    if len(pending.options) < 2:
        parsed.error("a question needs at least 2 options", line, pending.number)
        return
    choices = [choice for _, choice in pending.options]
    data: dict[str, Any] = {
        "type": QuestionType.MULTIPLE_CHOICE.value,
        "prompt": "\n".join(pending.text),
        "choices": choices,
        "answer": choices[letters.index(letter)],
    }
    parsed.drafts.append(Draft(data, pending.number, pending.line))


def write(pack: Pack) -> Written:
    """Aiken text for the pack's multiple-choice questions; a note for everything else."""
    written = Written("", 0)
    note_lost_pack_fields(written, pack, set(), NAME)
    blocks: list[str] = []
    for number, question in enumerate(pack.questions, 1):
        if question.type is not QuestionType.MULTIPLE_CHOICE:
            written.notes.append(
                export_note(
                    number,
                    question,
                    NoteCode.TYPE_NOT_HELD,
                    f"Aiken holds only multiple choice, not {question.type.value}: not exported",
                    (question.type.value,),
                )
            )
            continue
        texts = [question.prompt, *question.choices]
        if any(_BREAKS.search(t) for t in texts):
            written.notes.append(
                export_note(
                    number,
                    question,
                    NoteCode.LINES_JOINED,
                    "line breaks become spaces (Aiken is one line each)",
                )
            )
        prompt, *choices = (_BREAKS.sub(" ", t) for t in texts)
        lines = [prompt]
        lines += [f"{LETTERS[i]}. {choice}" for i, choice in enumerate(choices)]
        lines.append(f"ANSWER: {LETTERS[question.choices.index(str(question.answer))]}")
        blocks.append("\n".join(lines))
        written.count += 1
        note_lost_fields(written, number, question, set(), NAME)
    written.text = "\n\n".join(blocks) + ("\n" if blocks else "")
    return written
