"""The answer area of a list question: a blank per item, filled as the player names them.

The player types one answer at a time and presses Enter; the core (`play.lists.find_item`)
says which item it finds. A found item fills its blank at once; a repeated, wrong or ambiguous
answer is said under the box and costs nothing. Finding every item, or giving up (Escape, F6 or
the Give up button), gives the answer: the texts that found items, in the order typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Static

from quizgame.core.packs.model import ListItem
from quizgame.core.play.lists import Attempt, Outcome, find_item
from quizgame.tui import safetext
from quizgame.tui.widgets.answering import AnswerWidget

BLANK = "________"


class ListAnswer(Vertical, AnswerWidget):
    """The blanks of a list, the box to type in, and a line saying what the last answer did.

    Posts `AnswerKept` with the texts that found items each time one does (so they count if
    the time runs out), and `AnswerGiven` with them when every item is found or on giving up.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f6", "give_up", "Give up"),
    ]

    def __init__(self, items: Sequence[ListItem], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items = tuple(items)
        self.found: dict[int, str] = {}  # item index → the text that found it

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="list-blanks", can_focus=False):
            for index in range(len(self.items)):
                yield Static(self._blank(index), classes="list-blank", id=f"blank-{index}")
        with Horizontal(id="list-entry"):
            yield Input(
                placeholder="Name one, then Enter", id="list-input", max_length=200, compact=True
            )
            yield Button("Give up (Esc)", id="give-up", compact=True)
        yield Static(self._count(), id="list-said")

    def focus(self, scroll_visible: bool = True) -> ListAnswer:
        """Typing goes to the box (once it is there: a list mounted in place of the last
        question's feedback is focused before its children are composed)."""
        boxes = self.query("#list-input").results(Input)
        box = next(boxes, None)
        if box is None:
            if self.is_attached:
                self.call_after_refresh(self.focus, scroll_visible)
        else:
            box.focus(scroll_visible)
        return self

    def _blank(self, index: int) -> Content:
        item = self.items[index]
        number = f"{index + 1:>2}. "
        found = index in self.found
        parts: list[safetext.Part] = [number]
        if found:
            parts += [("✓ ", "bold $text-success"), safetext.line(item.answer, "bold")]
        else:
            parts.append((BLANK, "$text-muted"))
        if item.show:
            parts += ["  ", safetext.line(item.show, "italic $text-muted")]
        return safetext.assemble(*parts)

    def _count(self, said: Content | None = None) -> Content:
        counted = f"{len(self.found)} of {len(self.items)} found"
        if said is None:
            return safetext.assemble((counted, "bold"))
        return safetext.assemble((counted, "bold"), "  ·  ", said)

    def given(self) -> list[str]:
        """The texts that found items, in the order typed."""
        return list(self.found.values())

    # --- answering -----------------------------------------------------------------------------

    def try_answer(self, text: str) -> Attempt:
        """Judge one typed answer against the list and show what it did."""
        attempt = find_item(self.items, text, self.found)
        if attempt.found and attempt.index is not None:
            self.found[attempt.index] = text.strip()
            blank = self.query_one(f"#blank-{attempt.index}", Static)
            blank.update(self._blank(attempt.index))
            blank.add_class("-found")
            blank.scroll_visible()
        self.query_one("#list-said", Static).update(self._count(self._said(text, attempt)))
        if attempt.found:
            self.keep(self.given())
            if len(self.found) == len(self.items):
                self.give(self.given())
        return attempt

    def _said(self, text: str, attempt: Attempt) -> Content:
        typed = safetext.clean_line(text.strip())
        if attempt.outcome is Outcome.FOUND:
            assert attempt.index is not None
            reason = attempt.verdict.reason
            found: list[safetext.Part] = [
                ("✓ ", "bold $text-success"),
                self.items[attempt.index].answer,
            ]
            return safetext.assemble(*found, (f" ({reason})" if reason else "", "italic"))
        if attempt.outcome is Outcome.REPEATED:
            assert attempt.index is not None
            return safetext.assemble("Already found: ", self.items[attempt.index].answer)
        if attempt.outcome is Outcome.AMBIGUOUS:
            return safetext.assemble(f"“{typed}” could be more than one: type more of it")
        if attempt.outcome is Outcome.WRONG:
            return safetext.assemble(("✗ ", "bold $text-error"), f"“{typed}” is not on the list")
        return safetext.assemble("Type a name, then Enter (Esc gives up)")

    def submit(self) -> None:
        """Enter the text typed."""
        box = self.query_one("#list-input", Input)
        text = box.value
        box.value = ""
        self.try_answer(text)

    def action_give_up(self) -> None:
        """Stop here: the items not found are missed. (The screen takes the answer once; while
        the game is paused it says so, and giving up works again after.)"""
        self.give(self.given())

    @on(Input.Submitted, "#list-input")
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    @on(Button.Pressed, "#give-up")
    def _give_up_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_give_up()
