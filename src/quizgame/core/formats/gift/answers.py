"""The answer block of one GIFT question (`{...}`), turned into pack-format fields by type."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from quizgame.core.formats.common import (
    MatchingPairs,
    NoteCode,
    Parsed,
    QuestionNotes,
    joined,
    quote,
)
from quizgame.core.formats.gift.shapes import pack_type
from quizgame.core.formats.gift.syntax import WEIGHT, formatted, restore

TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
_FULL = 1 - 1e-9


@dataclass(slots=True)
class _Option:
    text: str
    weight: float
    feedback: str | None

    @property
    def full(self) -> bool:
        return self.weight >= _FULL

    def label(self) -> str:
        return f"{quote(self.text)} ({self.weight * 100:g}%)"


class QuestionAnswers(QuestionNotes):
    """The answers of one question, turned into pack-format fields."""

    def __init__(
        self, parsed: Parsed, line: int, number: int, fmt: str, general: str | None
    ) -> None:
        super().__init__(parsed, line, number)
        self.fmt = fmt
        self.general = general

    def parse(self, answers: str) -> dict[str, Any] | None:
        """Pack-format fields (with "type") from the text inside `{...}`; None if skipped."""
        if not answers:
            self.warn(
                NoteCode.NOT_A_QUESTION,
                "an essay question (free text, marked by a teacher) cannot be played: skipped",
                "essay",
            )
            return None
        if answers.startswith("#"):
            return self.numerical(answers[1:])
        if "~" in answers:
            return self.multiple_choice(answers)
        if "=" in answers and "->" in answers:
            return self.matching(answers)
        head = answers.split("#", 1)[0].strip() if "#" in answers[1:] else answers
        if head in TRUE_FALSE:
            return self.true_false(answers)
        return self.short_answer(answers)

    def _option(self, part: str, weight: float) -> _Option | None:
        bits = part.split("#", 1)
        text = formatted(bits[0], self.fmt)[1]
        feedback = formatted(bits[1], self.fmt)[1] or None if len(bits) > 1 else None
        if not text:
            self.error("an empty answer")
            return None
        return _Option(text, weight, feedback)

    def _weighted(self, part: str, default: float) -> _Option | None:
        part = part.strip()
        match = WEIGHT.match(part)
        if match:
            return self._option(part[match.end() :], float(match.group(1)) / 100)
        return self._option(part, default)

    def _pieces(self, answers: str, separator: str) -> list[str]:
        parts = answers.split(separator)
        if not parts[0].strip():
            parts.pop(0)
        return parts

    def _lost_feedback(self, options: list[_Option], kept: _Option) -> None:
        self.lost_feedback(sum(1 for o in options if o is not kept and o.feedback))

    def multiple_choice(self, answers: str) -> dict[str, Any] | None:
        options: list[_Option] = []
        for part in self._pieces(answers.replace("=", "~="), "~"):
            part = part.strip()
            option = (
                self._option(part[1:], 1.0) if part.startswith("=") else self._weighted(part, 0.0)
            )
            if option is None:
                return None
            options.append(option)
        if len(options) < 2:
            self.error("a multiple-choice question needs at least 2 answers")
            return None
        full = [o for o in options if o.full]
        partial = [o for o in options if 0 < o.weight < _FULL]
        if len(full) > 1:
            self.warn(
                NoteCode.SEVERAL_RIGHT,
                f"{len(full)} answers are fully right, and a multiple-choice question here has "
                "exactly one: skipped",
                len(full),
            )
            return None
        if not full:
            if partial:
                labels = ", ".join(o.label() for o in partial)
                self.warn(
                    NoteCode.SHARED_CREDIT,
                    f"several right answers sharing the credit ({labels}) cannot be held: skipped",
                    labels,
                )
            else:
                self.error("no right answer: mark it with '='")
            return None
        right = full[0]
        penalties = [o for o in options if o.weight < 0]
        if partial:
            labels = ", ".join(o.label() for o in partial)
            self.warn(
                NoteCode.PARTIAL_CREDIT_NOT_KEPT,
                "partial credit not kept, these now count as wrong: " + labels,
                "choices",
                labels,
            )
        if penalties:
            labels = ", ".join(o.label() for o in penalties)
            self.warn(
                NoteCode.NEGATIVE_WEIGHTS_NOT_KEPT,
                "negative weights not kept (a wrong answer scores 0 here): " + labels,
                labels,
            )
        self._lost_feedback(options, right)
        out: dict[str, Any] = {
            "type": pack_type("multiple choice"),
            "choices": [o.text for o in options],
            "answer": right.text,
        }
        explanation = joined(right.feedback, self.general)
        if explanation:
            out["explanation"] = explanation
        return out

    def short_answer(self, answers: str) -> dict[str, Any] | None:
        options: list[_Option] = []
        for part in self._pieces(answers, "="):
            option = self._weighted(part, 1.0)
            if option is None:
                return None
            options.append(option)
        if not options:
            self.error("a short-answer question needs an answer after '='")
            return None
        full = [o for o in options if o.full]
        if not full:
            labels = ", ".join(o.label() for o in options)
            self.warn(
                NoteCode.NO_FULL_CREDIT, f"no answer gets full credit ({labels}): skipped", labels
            )
            return None
        partial = [o for o in options if not o.full]
        if partial:
            labels = ", ".join(o.label() for o in partial)
            self.warn(
                NoteCode.PARTIAL_CREDIT_NOT_KEPT,
                "answers with partial credit not kept: " + labels,
                "answers",
                labels,
            )
        if any("*" in o.text for o in full):
            message = "'*' is a wildcard in Moodle; here it is kept as plain text"
            self.warn(NoteCode.WILDCARD_AS_TEXT, message)
        self._lost_feedback(options, full[0])
        seen: dict[str, str] = {}
        for option in full:
            seen.setdefault(option.text.casefold(), option.text)
        texts = list(seen.values())
        out: dict[str, Any] = {"type": pack_type("short answer"), "answer": texts[0]}
        if len(texts) > 1:
            out["accept"] = texts[1:]
        explanation = joined(full[0].feedback, self.general)
        if explanation:
            out["explanation"] = explanation
        return out

    def true_false(self, answers: str) -> dict[str, Any]:
        bits = [formatted(b, self.fmt)[1] or None for b in answers.split("#", 2)]
        value = TRUE_FALSE[(bits[0] or "").strip()]
        wrong = bits[1] if len(bits) > 1 else None
        right = bits[2] if len(bits) > 2 else None
        explanation = joined(right, self.general)
        if explanation is None:
            explanation = wrong  # the only feedback still explains the answer
        elif wrong:
            message = f"feedback for the wrong answer not kept: {quote(wrong)}"
            self.warn(NoteCode.FEEDBACK_NOT_KEPT, message, "wrong", wrong)
        out: dict[str, Any] = {"type": pack_type("true-false"), "answer": value}
        if explanation:
            out["explanation"] = explanation
        return out

    def _number(self, text: str) -> float | None:
        if not _NUMBER.match(text.strip()):
            self.error(f"{quote(text)} is not a number")
            return None
        return self._finite(float(text), text)

    def _finite(self, value: float, text: str) -> float | None:
        if not math.isfinite(value):
            self.error(f"{quote(text)} is too big a number")
            return None
        return value

    def numerical(self, answers: str) -> dict[str, Any] | None:
        wrong_feedback = None
        tilde = answers.find("~")
        if tilde != -1:
            wrong_feedback = answers[tilde:]
            answers = answers[:tilde]
        found: list[tuple[_Option, float, float]] = []
        anything: list[_Option] = []
        for part in self._pieces(answers, "="):
            option = self._weighted(part, 1.0)
            if option is None:
                return None
            spec = option.text
            if spec == "*":
                anything.append(option)
                continue
            if spec.find("..") > 0:
                low_text, high_text = spec.split("..", 1)
                low, high = self._number(low_text), self._number(high_text)
                if low is None or high is None:
                    return None
                if low > high:
                    self.error(f"the range {spec} runs backwards")
                    return None
                # Halves first: the sum of two big numbers can overflow where each half does not.
                value, tolerance = low / 2 + high / 2, high / 2 - low / 2
                if self._finite(tolerance, spec) is None:
                    return None
            elif spec.find(":") > 0:
                value_text, tolerance_text = spec.split(":", 1)
                number, margin = self._number(value_text), self._number(tolerance_text)
                if number is None or margin is None:
                    return None
                value, tolerance = number, abs(margin)
            else:
                number = self._number(spec)
                if number is None:
                    return None
                value, tolerance = number, 0.0
            found.append((option, value, tolerance))
        if not found and not anything:
            self.error("a numerical question needs a number after '#'")
            return None
        full = [f for f in found if f[0].full]
        if not full:
            self.warn(NoteCode.NO_FULL_CREDIT, "no number gets full credit: skipped", "numbers")
            return None
        option, value, tolerance = full[0]
        if len(full) > 1:
            others = ", ".join(quote(f[0].text) for f in full[1:])
            self.warn(
                NoteCode.RIGHT_NUMBERS_NOT_KEPT,
                "only the first right number is kept; not kept: " + others,
                others,
            )
        partial = [f[0] for f in found if not f[0].full]
        if partial:
            labels = ", ".join(o.label() for o in partial)
            self.warn(
                NoteCode.PARTIAL_CREDIT_NOT_KEPT,
                "numbers with partial credit not kept: " + labels,
                "numbers",
                labels,
            )
        if anything:
            self.warn(NoteCode.CATCH_ALL_NOT_KEPT, "the catch-all answer '*' not kept")
        if wrong_feedback is not None:
            self.warn(NoteCode.FEEDBACK_NOT_KEPT, "feedback for wrong numbers not kept", "numbers")
        self._lost_feedback([f[0] for f in found] + anything, option)
        out: dict[str, Any] = {
            "type": pack_type("numerical"),
            "answer": int(value) if value == int(value) else value,
        }
        if tolerance:
            out["tolerance"] = int(tolerance) if tolerance == int(tolerance) else tolerance
        explanation = joined(option.feedback, self.general)
        if explanation:
            out["explanation"] = explanation
        return out

    def matching(self, answers: str) -> dict[str, Any] | None:
        parts = self._pieces(answers, "=")
        if len(parts) < 2:
            self.error("a matching question needs at least 2 pairs")
            return None
        pairs = MatchingPairs(self)
        for part in parts:
            if "->" not in part:
                self.error(f"a matching pair needs 'left -> right', found {quote(restore(part))}")
                return None
            left_text, right_text = part.split("->", 1)
            if not pairs.add(formatted(left_text, self.fmt)[1], restore(right_text).strip()):
                return None
        out: dict[str, Any] = {"type": pack_type("matching"), "pairs": pairs.done()}
        if self.general:
            out["explanation"] = self.general
        return out
