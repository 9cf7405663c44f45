"""Trying an answer against a question outside a session: what `quizgame judge` and the
editor's "try an answer" field show an author, so they can test their accept lists.

An answer is given as a player would type it: text for typed, numeric and multiple choice (a
choice's text, folded as a typed answer is, or its number in the pack), "true"/"false" for
true/false, items (their text) separated by ">" for ordering, and "left = right" pairs
separated by ";" for matching.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quizgame.core.packs.model import Question, QuestionType
from quizgame.core.play.judging import Verdict, check_answer, normalize

_TRUE = {"true", "t", "yes", "y", "1"}
_FALSE = {"false", "f", "no", "n", "0"}


@dataclass(frozen=True, slots=True)
class Trial:
    """One answer tried: `verdict` is "right", "partly" or "wrong"; `points` the fraction of
    the question's points it earns (0.0 to 1.0); `reason` why it was judged so, in words."""

    answer: str
    verdict: str
    points: float
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "verdict": self.verdict,
            "points": self.points,
            "reason": self.reason,
        }


def _split(text: str, separator: str) -> list[str]:
    return [part.strip() for part in text.split(separator) if part.strip()]


def _by_text(text: str, options: tuple[str, ...], numbered: bool = False) -> str | None:
    """The option `text` names: its text folded as a typed answer, or (`numbered`: a choice
    as shown in the pack) its number, 1-based. Ordering items are named by text only: their
    numbers in the pack are the answer's order."""
    if numbered and text.strip().isdigit() and 1 <= int(text) <= len(options):
        return options[int(text) - 1]
    folded = normalize(text)
    return next((option for option in options if normalize(option) == folded), None)


def read_given(question: Question, text: str) -> Any:
    """`text` as the answer value its question's checker reads (see the module's doc); None
    when it cannot be one (a choice not offered, "maybe" for true/false)."""
    qtype = question.type
    if qtype is QuestionType.MULTIPLE_CHOICE:
        return _by_text(text, question.choices, numbered=True)
    if qtype is QuestionType.TRUE_FALSE:
        word = text.strip().casefold()
        return True if word in _TRUE else False if word in _FALSE else None
    if qtype is QuestionType.ORDERING:
        return [_by_text(part, question.items) or part for part in _split(text, ">")]
    if qtype is QuestionType.MATCHING:
        lefts = tuple(left for left, _right in question.pairs)
        rights = tuple(right for _left, right in question.pairs)
        pairs = {}
        for part in _split(text, ";"):
            left, _, right = part.partition("=")
            pairs[_by_text(left, lefts) or left.strip()] = _by_text(right, rights) or right.strip()
        return pairs
    return text


def _why_wrong(question: Question, given: Any) -> str:
    if given is None:
        if question.type is QuestionType.TRUE_FALSE:
            return "not true or false"
        return "not one of the choices"
    if question.type in (QuestionType.TYPED, QuestionType.NUMERIC):
        return "not the answer, nor an accepted form or near miss"
    return "not the answer"


def try_answer(question: Question, text: str) -> Trial:
    """Judge `text` against `question` as a session would, with the reason in words. For a
    list question, one answer against the whole list: the item it finds and its share."""
    if question.type is QuestionType.LIST:
        return _try_on_list(question, text)
    given = read_given(question, text)
    verdict: Verdict = check_answer(question, given) if given is not None else Verdict(0.0)
    if verdict.correct:
        return Trial(text, "right", 1.0, verdict.reason or "exact")
    if verdict.partial:
        parts = "pairs right" if question.type is QuestionType.MATCHING else "in the right place"
        reason = f"{verdict.parts_right} of {verdict.parts_total} {parts}"
        return Trial(text, "partly", round(verdict.credit, 3), reason)
    return Trial(text, "wrong", 0.0, _why_wrong(question, given))


def _try_on_list(question: Question, text: str) -> Trial:
    from quizgame.core.play.lists import Outcome, find_item

    attempt = find_item(question.answers, text)
    total = len(question.answers)
    if attempt.outcome is Outcome.FOUND and attempt.index is not None:
        item = question.answers[attempt.index].answer
        how = f", {attempt.verdict.reason}" if attempt.verdict.reason else ""
        reason = f"finds {item}{how}: 1 of {total} items"
        return Trial(text, "partly", round(1 / total, 3), reason)
    if attempt.outcome is Outcome.AMBIGUOUS:
        names = ", ".join(question.answers[i].answer for i in attempt.candidates)
        return Trial(text, "wrong", 0.0, f"as close to {names}: finds neither, type more")
    return Trial(text, "wrong", 0.0, "on no item of the list")


def try_on_data(data: dict[str, Any], text: str) -> Trial | None:
    """`try_answer` on a question given as pack data (the editor's form as it stands); None
    while the data is not a valid question."""
    from quizgame.core.packs.check import validate_pack_data

    pack, _issues = validate_pack_data({"id": "pack", "title": "pack", "questions": [data]})
    if pack is None or not pack.questions:
        return None
    return try_answer(pack.questions[0], text)
