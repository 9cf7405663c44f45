"""The text box for typed and numeric answers."""

from __future__ import annotations

from textual import on
from textual.widgets import Input

from quizgame.core.packs.model import QuestionType
from quizgame.tui import safetext
from quizgame.tui.widgets.answering import AnswerGiven, AnswerWidget


class AnswerInput(Input, AnswerWidget):
    """A one-line answer box; Enter (or the Answer button) gives the text typed, without the
    spaces around it."""

    def __init__(
        self, question_type: QuestionType, unit: str | None = None, *, id: str | None = None
    ) -> None:
        if question_type is QuestionType.NUMERIC:
            in_unit = f" (in {safetext.clean_line(unit)})" if unit else ""
            placeholder = f"A number{in_unit}, then Enter"
        else:
            placeholder = "Type your answer, then Enter"
        # Input renders its placeholder as a literal rich Text; the unit is cleaned all the same.
        super().__init__(placeholder=placeholder, id=id, max_length=200)
        self.question_type = question_type

    def submit(self) -> None:
        """Give the text typed so far."""
        self.post_message(AnswerGiven(self, self.value.strip()))

    @on(Input.Submitted)
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()
