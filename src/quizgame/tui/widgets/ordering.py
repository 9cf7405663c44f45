"""Ordering: put items in order by moving them with keys, or by clicking one then its new place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from quizgame.tui import safetext
from quizgame.tui.widgets.answering import AnswerWidget


class OrderingList(VerticalScroll, AnswerWidget, can_focus=True):
    """Items the player reorders; the answer given is the items in their order (a list).

    Keys: ↑/↓ choose an item, Shift+↑/↓ move it (or Space to pick it up, ↑/↓ to carry it, Space
    to put it down), Enter to answer. Mouse: click an item to pick it up, click where it goes.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("shift+up,ctrl+up", "move(-1)", "Move up", show=False),
        Binding("shift+down,ctrl+down", "move(1)", "Move down", show=False),
        Binding("space", "grab", "Pick up/put down"),
        Binding("enter", "submit", "Answer"),
    ]

    def __init__(self, items: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items = list(items)
        self.cursor = 0
        self.grabbed = False

    def compose(self) -> ComposeResult:
        for index in range(len(self.items)):
            yield Static(classes="order-item", id=f"order-{index}")

    def on_mount(self) -> None:
        self._show()

    @property
    def order(self) -> tuple[str, ...]:
        return tuple(self.items)

    def _show(self) -> None:
        for index, row in enumerate(self.query(".order-item").results(Static)):
            here = index == self.cursor
            marker = ("⇕ " if self.grabbed else "▸ ") if here else "  "
            row.update(
                safetext.assemble(
                    (marker, "bold"), (f"{index + 1}. ", "bold"), safetext.line(self.items[index])
                )
            )
            row.set_class(here, "-cursor")
            row.set_class(here and self.grabbed, "-grabbed")
            if here:
                row.scroll_visible(animate=False)

    def action_cursor(self, delta: int) -> None:
        if self.grabbed:
            self.action_move(delta)
            return
        self.cursor = max(0, min(len(self.items) - 1, self.cursor + delta))
        self._show()

    def action_move(self, delta: int) -> None:
        """Move the item under the cursor up (-1) or down (+1)."""
        target = self.cursor + delta
        if 0 <= target < len(self.items):
            self.items[self.cursor], self.items[target] = (
                self.items[target],
                self.items[self.cursor],
            )
            self.cursor = target
        self._show()

    def action_grab(self) -> None:
        self.grabbed = not self.grabbed
        self._show()

    def action_submit(self) -> None:
        self.submit()

    def submit(self) -> None:
        """Give the items in their order now."""
        self.give(list(self.order))

    def move_to(self, source: int, target: int) -> None:
        """Take the item at `source` out and put it in at `target`."""
        item = self.items.pop(source)
        self.items.insert(target, item)
        self.cursor = target
        self._show()

    def on_click(self, event: events.Click) -> None:
        row = event.widget
        if row is None or not row.has_class("order-item") or row.id is None:
            return
        index = int(row.id.removeprefix("order-"))
        self.focus()
        if self.grabbed and index != self.cursor:
            self.grabbed = False
            self.move_to(self.cursor, index)
            return
        if index == self.cursor:
            self.grabbed = not self.grabbed
        else:
            self.cursor, self.grabbed = index, True
        self._show()
