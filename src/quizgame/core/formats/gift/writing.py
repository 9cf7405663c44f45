"""Writing a pack as GIFT text, with a note for each question or field GIFT cannot hold."""

from __future__ import annotations

import re
from collections.abc import Callable

from quizgame.core.formats.common import (
    NoteCode,
    Written,
    export_note,
    note_lost_fields,
    number_text,
)
from quizgame.core.formats.gift.shapes import GiftKind, gift_kind
from quizgame.core.formats.gift.syntax import FORMAT_PREFIX, NAME, WEIGHT
from quizgame.core.formats.header import header_lines
from quizgame.core.formats.htmltext import escape_moodle
from quizgame.core.packs.model import Pack, Question

_SPECIAL_OUT = re.compile(r"[\\~=#{}:]")
# What every GIFT question keeps beside its kind's own fields (`GiftKind.kept`).
_KEPT = frozenset({"explanation", "category", "tags"})


def escape_plain(text: str) -> str:
    """Text as GIFT where Moodle reads it as plain text (a title, a matching right side):
    special characters escaped, on one line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return _SPECIAL_OUT.sub(lambda m: "\\" + m.group(0), text).replace("\n", "\\n")


def escape(text: str) -> str:
    """Text as GIFT in its default (moodle) format, which Moodle reads as HTML: special
    characters escaped, `&` and `<` as entities, on one line."""
    out = escape_plain(text)
    if FORMAT_PREFIX.match(out):
        return "[plain]" + out  # so that a leading "[html]" stays text
    return escape_moodle(out)


def _answer(text: str, weight: str) -> str:
    out = escape(text)
    # Text that starts like a weight ("%50%...") gets an explicit one, so it reads back as text.
    return f"%{weight}%{out}" if WEIGHT.match(out) else out


def _category_line(category: str | None) -> str:
    return "$CATEGORY: " + (category or "").replace("/", "//")


def _tag(tag: str) -> str:
    return "[tag:" + tag.replace("]", "\\]") + "]"


def _general(question: Question) -> str:
    return f"####{escape(question.explanation)}" if question.explanation else ""


def write(pack: Pack) -> Written:
    """GIFT text for a pack; a note for each question or field GIFT cannot hold."""
    written = Written("", 0)
    out = [f"// {line}" for line in header_lines(pack)] + [""]
    category: str | None = None
    for number, question in enumerate(pack.questions, 1):
        gift = gift_kind(question.type)
        answers = _answers(question, gift, number, written)
        if gift is None or answers is None:
            continue
        if question.category != category:
            category = question.category
            out += [_category_line(category), ""]
        if question.tags:
            out.append("// " + " ".join(_tag(t) for t in question.tags))
        out += [f"::{escape_plain(question.id)}::{escape(question.prompt)}{answers}", ""]
        written.count += 1
        note_lost_fields(written, number, question, _KEPT | gift.kept, NAME)
    written.text = "\n".join(out)
    return written


def _block(lines: list[str], question: Question) -> str:
    """The answer lines in braces, the general feedback on the last line."""
    general = _general(question)
    if general:
        lines.append(f"\t{general}")
    return "{\n" + "\n".join(lines) + "\n}"


def _multiple_choice(question: Question, number: int, written: Written) -> str | None:
    lines = [
        f"\t={escape(c)}" if c == question.answer else f"\t~{_answer(c, '0')}"
        for c in question.choices
    ]
    return _block(lines, question)


def _true_false(question: Question, number: int, written: Written) -> str | None:
    return "{" + ("TRUE" if question.answer else "FALSE") + _general(question) + "}"


def _short_answer(question: Question, number: int, written: Written) -> str | None:
    texts = [str(question.answer), *question.accept]
    if any("->" in t for t in texts):
        written.notes.append(
            export_note(
                number,
                question,
                NoteCode.ARROW_NOT_WRITABLE,
                "an answer with '->' reads as matching in GIFT: not exported",
                ("answer",),
            )
        )
        return None
    return _block([f"\t={_answer(t, '100')}" for t in texts], question)


def _numerical(question: Question, number: int, written: Written) -> str | None:
    assert isinstance(question.answer, float)
    spec = number_text(question.answer)
    if question.tolerance:
        spec += ":" + number_text(question.tolerance)
    return "{#" + spec + _general(question) + "}"


def _matching(question: Question, number: int, written: Written) -> str | None:
    if any("->" in left for left, _ in question.pairs):
        written.notes.append(
            export_note(
                number,
                question,
                NoteCode.ARROW_NOT_WRITABLE,
                "a left side with '->' cannot be written in GIFT: not exported",
                ("left side",),
            )
        )
        return None
    lines = [f"\t={escape(left)} -> {escape_plain(right)}" for left, right in question.pairs]
    return _block(lines, question)


# A writer gets the question, its number in the pack and the notes so far; None leaves it out.
_Writer = Callable[[Question, int, Written], str | None]

# Each GIFT kind's writer, by the kind's name (`shapes.GIFT_KINDS`). A question is written as
# the GIFT kind of its type's shape, not by its type's name; a type of no kind's shape
# (ordering, any new one) is left out with a note.
_WRITERS: dict[str, _Writer] = {
    "multiple choice": _multiple_choice,
    "true-false": _true_false,
    "short answer": _short_answer,
    "numerical": _numerical,
    "matching": _matching,
}


def _answers(
    question: Question, gift: GiftKind | None, number: int, written: Written
) -> str | None:
    if gift is None:
        message = f"GIFT has no {question.type.value} questions: not exported"
        about = (question.type.value,)
        written.notes.append(export_note(number, question, NoteCode.TYPE_NOT_HELD, message, about))
        return None
    return _WRITERS[gift.name](question, number, written)
