"""Reading Moodle XML into pack-format question drafts, a note for everything left behind."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from quizgame.core.formats.common import (
    Draft,
    MatchingPairs,
    NoteCode,
    Parsed,
    QuestionNotes,
    joined,
    quote,
)
from quizgame.core.formats.gift.reading import category_name
from quizgame.core.formats.header import read_header
from quizgame.core.formats.htmltext import has_image
from quizgame.core.formats.moodle.kinds import NOT_QUESTIONS, pack_type
from quizgame.core.formats.moodle.xmltree import parse, text_of

_FULL = 100 - 1e-6
_NUMBER = re.compile(r"^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$")
_HEADER = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*)?<!--(.*?)-->", re.DOTALL)


def read(text: str) -> Parsed:
    """Pack-format question drafts from Moodle XML, with a note for each thing left behind."""
    parsed = Parsed()
    text = text.lstrip("\ufeff")
    tree = parse(text)
    if tree.root is None:
        parsed.error(tree.problem or "not readable", tree.problem_line)
        return parsed
    if tree.root.tag != "quiz":
        parsed.error(f"expected <quiz> around the questions, found <{tree.root.tag}>", 1)
        return parsed
    header = _HEADER.match(text)
    if header:
        found = read_header(header.group(1).strip().split("\n"), 1)
        parsed.pack_fields.update(found.fields)
        parsed.notes += found.notes
    category: str | None = None
    number = 0
    for element in tree.root.iter("question"):
        kind = element.get("type", "")
        line = tree.line(element)
        if kind == "category":
            category = category_name(text_of(element.find("category"))[0])
            continue
        number += 1
        _Question(parsed, element, line, number).read(kind, category)
    return parsed


@dataclass(slots=True)
class _Answer:
    text: str
    fraction: float  # in percent
    feedback: str | None
    element: ET.Element

    @property
    def full(self) -> bool:
        return self.fraction >= _FULL

    def label(self) -> str:
        return f"{quote(self.text)} ({self.fraction:g}%)"


def _labels(answers: list[_Answer]) -> str:
    return ", ".join(a.label() for a in answers)


class _Question(QuestionNotes):
    """One `<question>` element read into a draft (or notes)."""

    def __init__(self, parsed: Parsed, element: ET.Element, line: int | None, number: int):
        super().__init__(parsed, line, number)
        self.element = element
        self.broken = False

    def error(self, message: str) -> None:
        super().error(message)
        self.broken = True

    def read(self, kind: str, category: str | None) -> None:
        target = pack_type(kind)
        if target is None:
            what = NOT_QUESTIONS.get(kind)
            if what is not None:
                message = f"{what} cannot be played: skipped"
                self.warn(NoteCode.NOT_A_QUESTION, message, kind)
            else:
                message = f"Moodle's {quote(kind)} questions cannot be held here: skipped"
                self.warn(NoteCode.UNKNOWN_TYPE, message, kind)
            return
        prompt, raw = text_of(self.element.find("questiontext"))
        if not prompt:
            self.error("a question with no text")
            return
        fields = getattr(self, kind)()
        if fields is None or self.broken:
            return
        self._images(raw)
        name = text_of(self.element.find("name"))[0]
        data: dict[str, Any] = {"type": target, "prompt": prompt, **fields}
        if name:
            data = {"id": name, **data}
        if category:
            data["category"] = category
        tags = ((t.text or "").strip() for t in self.element.findall("tags/tag/text"))
        names = list(dict.fromkeys(t for t in tags if t))
        if names:
            data["tags"] = names
        self.parsed.drafts.append(Draft(data, self.number, self.line))

    def _images(self, raw: str) -> None:
        files = self.element.iter("file")
        raws = [raw] + [a.findtext("text") or "" for a in self.element.iter("answer")]
        if next(files, None) is not None or any(has_image(r) for r in raws):
            self.warn(NoteCode.IMAGES_NOT_KEPT, "images left out (a terminal shows no images)")

    def _general(self) -> str | None:
        return text_of(self.element.find("generalfeedback"))[0] or None

    def _answers(self) -> list[_Answer]:
        answers: list[_Answer] = []
        for element in self.element.findall("answer"):
            given = element.get("fraction", "0")
            if not _NUMBER.match(given) or not math.isfinite(float(given)):
                self.error(f"the answer's fraction {quote(given)} is not a number")
                return []
            text = text_of(element)[0]
            feedback = text_of(element.find("feedback"))[0] or None
            answers.append(_Answer(text, float(given), feedback, element))
        return answers

    def _lost_feedback(self, answers: list[_Answer], kept: _Answer) -> None:
        self.lost_feedback(sum(1 for a in answers if a is not kept and a.feedback))

    def _explained(self, out: dict[str, Any], right: _Answer | None) -> dict[str, Any]:
        explanation = joined(right.feedback if right else None, self._general())
        if explanation:
            out["explanation"] = explanation
        return out

    def multichoice(self) -> dict[str, Any] | None:
        answers = self._answers()
        if self.broken:
            return None
        if any(not a.text for a in answers):
            self.error("an empty answer")
            return None
        if len(answers) < 2:
            self.error("a multiple-choice question needs at least 2 answers")
            return None
        full = [a for a in answers if a.full]
        partial = [a for a in answers if 0 < a.fraction < _FULL]
        if len(full) > 1 or (not full and len(partial) > 1):
            right = full or partial
            self.warn(
                NoteCode.SEVERAL_RIGHT,
                f"{len(right)} right answers ({_labels(right)}), and a multiple-choice question "
                "here has exactly one: skipped",
                len(right),
            )
            return None
        if not full:
            labels = _labels(partial) or "none above 0%"
            self.warn(NoteCode.NO_FULL_CREDIT, f"no answer gets full credit ({labels}): skipped")
            return None
        if partial:
            self.warn(
                NoteCode.PARTIAL_CREDIT_NOT_KEPT,
                "partial credit not kept, these now count as wrong: " + _labels(partial),
                "choices",
                _labels(partial),
            )
        penalties = [a for a in answers if a.fraction < 0]
        if penalties:
            labels = _labels(penalties)
            message = "negative fractions not kept (a wrong answer scores 0 here): " + labels
            self.warn(NoteCode.NEGATIVE_WEIGHTS_NOT_KEPT, message, labels)
        self._lost_feedback(answers, full[0])
        out = {"choices": [a.text for a in answers], "answer": full[0].text}
        return self._explained(out, full[0])

    def truefalse(self) -> dict[str, Any] | None:
        answers = self._answers()
        right = [a for a in answers if a.full and a.text.casefold() in ("true", "false")]
        if self.broken:
            return None
        if len(right) != 1:
            self.error("a true/false question needs one of 'true' and 'false' at 100%")
            return None
        wrong = [a for a in answers if a is not right[0] and a.feedback]
        if wrong and right[0].feedback:
            message = f"feedback for the wrong answer not kept: {quote(wrong[0].feedback or '')}"
            self.warn(NoteCode.FEEDBACK_NOT_KEPT, message, "wrong", wrong[0].feedback)
        out: dict[str, Any] = {"answer": right[0].text.casefold() == "true"}
        explanation = joined(right[0].feedback, self._general())
        if explanation is None and wrong:
            explanation = wrong[0].feedback  # the only feedback still explains the answer
        if explanation:
            out["explanation"] = explanation
        return out

    def shortanswer(self) -> dict[str, Any] | None:
        answers = [a for a in self._answers() if a.text]
        if self.broken:
            return None
        full = [a for a in answers if a.full]
        if not full:
            labels = _labels(answers) or "no answers"
            self.warn(NoteCode.NO_FULL_CREDIT, f"no answer gets full credit ({labels}): skipped")
            return None
        partial = [a for a in answers if not a.full]
        if partial:
            labels = _labels(partial)
            message = "answers with partial credit not kept: " + labels
            self.warn(NoteCode.PARTIAL_CREDIT_NOT_KEPT, message, "answers", labels)
        if any("*" in a.text for a in full):
            message = "'*' is a wildcard in Moodle; here it is kept as plain text"
            self.warn(NoteCode.WILDCARD_AS_TEXT, message)
        self._lost_feedback(answers, full[0])
        texts = list({a.text.casefold(): a.text for a in reversed(full)}.values())[::-1]
        out: dict[str, Any] = {"answer": texts[0]}
        if len(texts) > 1:
            out["accept"] = texts[1:]
        return self._explained(out, full[0])

    def numerical(self) -> dict[str, Any] | None:
        answers = self._answers()
        if self.broken:
            return None
        full = [a for a in answers if a.full and a.text != "*"]
        if not full:
            self.warn(NoteCode.NO_FULL_CREDIT, "no number gets full credit: skipped", "numbers")
            return None
        right = full[0]
        value = self._number(right.text)
        margin = self._number(right.element.findtext("tolerance") or "0")
        if value is None or margin is None:
            return None
        if len(full) > 1:
            others = ", ".join(quote(a.text) for a in full[1:])
            message = "only the first right number is kept; not kept: " + others
            self.warn(NoteCode.RIGHT_NUMBERS_NOT_KEPT, message, others)
        partial = [a for a in answers if not a.full and a.text != "*"]
        if partial:
            labels = _labels(partial)
            message = "numbers with partial credit not kept: " + labels
            self.warn(NoteCode.PARTIAL_CREDIT_NOT_KEPT, message, "numbers", labels)
        self._lost_feedback(answers, right)
        out: dict[str, Any] = {"answer": int(value) if value == int(value) else value}
        if margin:
            margin = abs(margin)
            out["tolerance"] = int(margin) if margin == int(margin) else margin
        unit = self._unit()
        if unit:
            out["unit"] = unit
        return self._explained(out, right)

    def _number(self, text: str) -> float | None:
        if not _NUMBER.match(text) or not math.isfinite(float(text)):
            self.error(f"{quote(text)} is not a number")
            return None
        return float(text)

    def _unit(self) -> str | None:
        for unit in self.element.findall("units/unit"):
            multiplier = (unit.findtext("multiplier") or "1").strip()
            if _NUMBER.match(multiplier) and float(multiplier) == 1:
                return (unit.findtext("unit_name") or "").strip() or None
        return None

    def matching(self) -> dict[str, Any] | None:
        pairs = MatchingPairs(self)
        for sub in self.element.findall("subquestion"):
            left = text_of(sub)[0]
            right = (sub.findtext("answer/text") or "").strip()
            if (left or right) and not pairs.add(left, right):
                return None
        return self._explained({"pairs": pairs.done()}, None)

    def ordering(self) -> dict[str, Any] | None:
        answers = self._answers()
        if self.broken:
            return None
        # Moodle's ordering plugin writes each item's place as its fraction.
        items = [a.text for a in sorted(answers, key=lambda a: a.fraction) if a.text]
        return self._explained({"items": items}, None)
