"""Writing a pack as Moodle XML, with a note for each question or field it cannot hold."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

from quizgame.core.formats.common import (
    NoteCode,
    Written,
    export_note,
    note_lost_fields,
    number_text,
)
from quizgame.core.formats.header import header_lines
from quizgame.core.formats.htmltext import escape_moodle
from quizgame.core.formats.moodle.kinds import MoodleKind, moodle_kind
from quizgame.core.formats.moodle.xmltree import NAME
from quizgame.core.packs.model import Pack, Question

# Moodle's own text format: HTML allowed, line breaks kept; `&` and `<` written as entities.
TEXT_FORMAT = "moodle_auto_format"
# What every question keeps beside its type's own fields.
_KEPT = frozenset({"explanation", "category", "tags"})


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    """`<tag format="moodle_auto_format"><text>...</text></tag>`."""
    element = _sub(parent, tag, format=TEXT_FORMAT, **attrs)
    _sub(element, "text", escape_moodle(text))
    return element


def _answer(parent: ET.Element, text: str, fraction: str) -> ET.Element:
    return _text(parent, "answer", text, fraction=fraction)


def _comment(pack: Pack) -> str:
    # `--` may not appear in an XML comment: written `-\-`, which the header reads back as `--`.
    lines = [re.sub(r"-(?=-)", r"-\\", line) for line in header_lines(pack)]
    return "<!--\n" + "\n".join(lines) + "\n-->"


def write(pack: Pack) -> Written:
    """Moodle XML for a pack; a note for each question or field Moodle XML cannot hold."""
    written = Written("", 0)
    quiz = ET.Element("quiz")
    category: str | None = None
    for number, question in enumerate(pack.questions, 1):
        kind = moodle_kind(question.type)
        if kind is None:
            message = f"Moodle XML has no {question.type.value} questions: not exported"
            about = (question.type.value,)
            note = export_note(number, question, NoteCode.TYPE_NOT_HELD, message, about)
            written.notes.append(note)
            continue
        if question.category != category:
            category = question.category
            path = "$course$/top" + ("/" + category.replace("/", "//") if category else "")
            marker = _sub(quiz, "question", type="category")
            _sub(_sub(marker, "category"), "text", path)
        element = _sub(quiz, "question", type=kind.name)
        _sub(_sub(element, "name"), "text", question.id)
        _text(element, "questiontext", question.prompt)
        _text(element, "generalfeedback", question.explanation or "")
        _sub(element, "defaultgrade", "1")
        _sub(element, "hidden", "0")
        _WRITERS[kind.name](element, question)
        if question.tags:
            tags = _sub(element, "tags")
            for tag in question.tags:
                _sub(_sub(tags, "tag"), "text", tag)
        written.count += 1
        note_lost_fields(written, number, question, _KEPT | _kept(kind), NAME)
    ET.indent(quiz)
    body = ET.tostring(quiz, encoding="unicode")
    written.text = f'<?xml version="1.0" encoding="UTF-8"?>\n{_comment(pack)}\n{body}\n'
    return written


def _kept(kind: MoodleKind) -> frozenset[str]:
    return frozenset(name for name, _ in kind.shape)


def _multichoice(element: ET.Element, question: Question) -> None:
    _sub(element, "single", "true")
    _sub(element, "shuffleanswers", "true")
    _sub(element, "answernumbering", "abc")
    for choice in question.choices:
        _answer(element, choice, "100" if choice == question.answer else "0")


def _truefalse(element: ET.Element, question: Question) -> None:
    _answer(element, "true", "100" if question.answer else "0")
    _answer(element, "false", "0" if question.answer else "100")


def _shortanswer(element: ET.Element, question: Question) -> None:
    _sub(element, "usecase", "0")
    for text in (str(question.answer), *question.accept):
        _answer(element, text, "100")


def _numerical(element: ET.Element, question: Question) -> None:
    assert isinstance(question.answer, float)
    answer = _answer(element, number_text(question.answer), "100")
    _sub(answer, "tolerance", number_text(question.tolerance))
    if question.unit:
        unit = _sub(_sub(element, "units"), "unit")
        _sub(unit, "multiplier", "1")
        _sub(unit, "unit_name", question.unit)


def _matching(element: ET.Element, question: Question) -> None:
    _sub(element, "shuffleanswers", "true")
    for left, right in question.pairs:
        sub = _text(element, "subquestion", left)
        _sub(_sub(sub, "answer"), "text", right)  # Moodle reads a right side as plain text


def _ordering(element: ET.Element, question: Question) -> None:
    _sub(element, "layouttype", "VERTICAL")
    _sub(element, "selecttype", "ALL")
    _sub(element, "selectcount", "0")
    _sub(element, "gradingtype", "ABSOLUTE_POSITION")
    for place, item in enumerate(question.items, 1):
        _answer(element, item, str(place))  # the plugin's way: the fraction is the place


# Each Moodle type's writer, by its name (`kinds.MOODLE_KINDS`).
_WRITERS: dict[str, Callable[[ET.Element, Question], None]] = {
    "multichoice": _multichoice,
    "truefalse": _truefalse,
    "shortanswer": _shortanswer,
    "numerical": _numerical,
    "matching": _matching,
    "ordering": _ordering,
}
