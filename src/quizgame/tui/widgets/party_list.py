"""The answer area of a list question in a party game: the blanks with their clues, a box to
type in, and the texts typed so far.

The player's client cannot judge (it never has the items' answers): each Enter adds the text to
the list under the box, and Escape, F6 or the Send button gives the answer, every text typed in
order, for the host to judge (`core.party.list_rounds`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from quizgame.core.party.list_rounds import EXTRA_TEXTS, MAX_TEXT
from quizgame.tui import safetext
from quizgame.tui.widgets.answering import AnswerWidget

BLANK = "________"


class PartyListAnswer(Vertical, AnswerWidget):
    """Blanks with clues, an input, and the texts typed; posts `AnswerGiven` with the texts."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f6", "send", "Send")]

    def __init__(self, blanks: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.blanks = list(blanks)
        self.texts: list[str] = []
        self.limit = 4 * len(self.blanks) + EXTRA_TEXTS

    def compose(self) -> ComposeResult:
        lines = [
            f"{n}. {BLANK}" + (f" ({clue})" if clue else "")
            for n, clue in enumerate(self.blanks, start=1)
        ]
        yield Static(safetext.literal("\n".join(lines)), id="party-blanks")
        yield Input(placeholder="Type one, then Enter", max_length=MAX_TEXT, id="party-list-input")
        yield Static(id="party-typed")

    def focus(self, scroll_visible: bool = True) -> PartyListAnswer:
        self.query_one(Input).focus(scroll_visible)
        return self

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        text = " ".join(event.value.split())
        event.input.value = ""
        if text and len(self.texts) < self.limit:
            self.texts.append(text)
            typed = "Typed: " + ", ".join(self.texts)
            self.query_one("#party-typed", Static).update(safetext.literal(typed))

    def action_send(self) -> None:
        self.submit()

    def submit(self) -> None:
        self.give(list(self.texts))
