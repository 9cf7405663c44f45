"""The answer area of each question type: its widget, how to use it, and its parts in feedback.

The question and feedback screens look a type up here instead of branching on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from quizgame.core.packs.model import Question, QuestionType
from quizgame.core.play.dealing import Round, given_for_choice
from quizgame.core.play.judging import parse_number
from quizgame.core.play.lists import item_text, list_results
from quizgame.core.play.parts import matching_parts, ordering_parts
from quizgame.core.play.session import Session
from quizgame.tui import safetext
from quizgame.tui.widgets.answer_input import AnswerInput
from quizgame.tui.widgets.answering import AnswerWidget
from quizgame.tui.widgets.choices import ChoiceList
from quizgame.tui.widgets.list_answer import ListAnswer
from quizgame.tui.widgets.matching import MatchingPairer
from quizgame.tui.widgets.ordering import OrderingList

Parts = list[safetext.Part]
_RIGHT, _WRONG = ("✓ ", "bold $text-success"), ("✗ ", "bold $text-error")


@dataclass(frozen=True)
class AnswerArea:
    """How a question type is answered on screen.

    `make` builds the answer widget (id "answer") for the session's current round; `help` says
    how to use it; `fits`: the widget is as tall as its content (choices, a text box; the others
    fill the space left and the help box under them shrinks); `typing` is True for a text field (letter keys type, so lifelines keep their
    F-keys); `button` adds an Answer button (choices answer when chosen); `refuse` says why what
    the widget gave (`AnswerGiven.value`) cannot be an answer yet (None: it can); `given` turns
    it into the answer the session judges; `parts` lists each item or pair, right or wrong, for
    the feedback (None: nothing to list); `missed` names what the answer missed, for the
    results review (None: the right answer says it).
    """

    make: Callable[[Session, Round], AnswerWidget]
    help: Callable[[Round], str]
    fits: bool = False
    typing: bool = False
    button: bool = True
    refuse: Callable[[Round, Any], str | None] = lambda round_, value: None
    given: Callable[[Round, Any], Any] = lambda round_, value: value
    parts: Callable[[Question, Any], Parts | None] = lambda question, given: None
    missed: Callable[[Question, Any], str | None] = lambda question, given: None


def _choices(session: Session, round_: Round) -> AnswerWidget:
    return ChoiceList(round_.choices, session.hidden_choices, id="answer")


def _typed(session: Session, round_: Round) -> AnswerWidget:
    return AnswerInput("Type your answer, then Enter", id="answer")


def _number(session: Session, round_: Round) -> AnswerWidget:
    unit = round_.question.unit
    in_unit = f" (in {safetext.clean_line(unit)})" if unit else ""
    return AnswerInput(f"A number{in_unit}, then Enter", id="answer")


def _no_text(round_: Round, text: str) -> str | None:
    return None if text else "Type an answer first (or skip with F3)."


def _not_a_number(round_: Round, text: str) -> str | None:
    if not text or parse_number(text) is not None:
        return _no_text(round_, text)
    return f"“{safetext.clean_line(text)}” is not a number: try digits, like 42 or 7.5."


def _unpaired(round_: Round, pairs: dict[str, str]) -> str | None:
    left = len(round_.lefts) - len(pairs)
    return f"Pair every item first ({left} still without a match)." if left else None


def _ordering_parts(question: Question, given: Any) -> Parts | None:
    parts = ordering_parts(given, question.items)
    if parts is None:
        return None
    lines: Parts = []
    for place, part in enumerate(parts, 1):
        lines += [_RIGHT if part.correct else _WRONG, f"{place}. ", safetext.line(part.given)]
        if not part.correct:
            lines += [("  (should be ", "italic"), safetext.line(part.right), (")", "italic")]
        lines.append("\n")
    return lines


def _matching_parts(question: Question, given: Any) -> Parts | None:
    parts = matching_parts(given, question.pairs)
    if parts is None:
        return None
    lines: Parts = []
    for part in parts:
        lines += [
            _RIGHT if part.correct else _WRONG,
            safetext.line(part.left or ""),
            " → ",
            safetext.line(part.given or "?"),
        ]
        if not part.correct:
            lines += [("  (right: ", "italic"), safetext.line(part.right), (")", "italic")]
        lines.append("\n")
    return lines


def _list_parts(question: Question, given: Any) -> Parts:
    lines: Parts = []
    for result in list_results(question, given):
        item = result.item
        lines += [_RIGHT if result.found else _WRONG, safetext.line(item.answer)]
        if item.show:
            lines += ["  ", safetext.line(item.show, "italic")]
        if result.given is not None and result.given.strip() != item.answer:
            lines += [("  (you typed “", "italic"), safetext.line(result.given), ("”)", "italic")]
        elif result.given is None:
            lines.append(("  (missed)", "italic"))
        lines.append("\n")
    return lines


def _list_missed(question: Question, given: Any) -> str:
    missed = [item_text(r.item) for r in list_results(question, given) if not r.found]
    return "; ".join(missed)


ANSWER_AREAS: dict[QuestionType, AnswerArea] = {
    QuestionType.MULTIPLE_CHOICE: AnswerArea(
        _choices,
        lambda r: f"Press 1-{len(r.choices)}, or ↑/↓ and Enter, or click a choice.",
        fits=True,
        button=False,
        given=given_for_choice,
    ),
    QuestionType.TRUE_FALSE: AnswerArea(
        _choices,
        lambda r: "Press 1 (True) or 2 (False), or ↑/↓ and Enter, or click.",
        fits=True,
        button=False,
        given=given_for_choice,
    ),
    QuestionType.TYPED: AnswerArea(
        _typed,
        lambda r: "Type your answer and press Enter.",
        fits=True,
        typing=True,
        refuse=_no_text,
    ),
    QuestionType.NUMERIC: AnswerArea(
        _number,
        lambda r: "Type a number and press Enter.",
        fits=True,
        typing=True,
        refuse=_not_a_number,
    ),
    QuestionType.ORDERING: AnswerArea(
        lambda session, r: OrderingList(r.items, id="answer"),
        lambda r: (
            "Put these in order: ↑/↓ choose, Shift+↑/↓ move (or Space to pick up and put down), "
            "Enter to answer. Or click an item, then its new place."
        ),
        parts=_ordering_parts,
    ),
    QuestionType.MATCHING: AnswerArea(
        lambda session, r: MatchingPairer(r.lefts, r.rights, id="answer"),
        lambda r: (
            f"↑/↓ choose an item, 1-{len(r.rights)} (or ←/→) pair it, Backspace unpairs, "
            "Enter to answer. Or click an item, then its match."
        ),
        refuse=_unpaired,
        parts=_matching_parts,
    ),
    QuestionType.LIST: AnswerArea(
        lambda session, r: ListAnswer(r.question.answers, id="answer"),
        lambda r: "Type one at a time, in any order, then Enter. Esc or F6 gives up.",
        typing=True,
        button=False,
        parts=_list_parts,
        missed=_list_missed,
    ),
}
