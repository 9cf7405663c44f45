"""The text box for typed and numeric answers."""

from __future__ import annotations

from textual import on
from textual.widgets import Input

from quizgame.tui.widgets.answering import AnswerWidget


class AnswerInput(Input, AnswerWidget):
    """A one-line answer box; Enter (or the Answer button) gives the text typed, without the
    spaces around it."""

    def __init__(self, placeholder: str, *, id: str | None = None) -> None:
        # Input renders its placeholder as a literal rich Text; pack text in it is cleaned all
        # the same (the answer area does).
        super().__init__(placeholder=placeholder, id=id, max_length=200)

    def submit(self) -> None:
        """Give the text typed so far."""
        self.give(self.value.strip())

    @on(Input.Submitted)
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()
