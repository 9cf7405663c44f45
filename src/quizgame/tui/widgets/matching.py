"""Matching: pair each item on the left with one on the right."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static

from quizgame.tui import safetext
from quizgame.tui.widgets.answering import AnswerWidget


class MatchingPairer(Horizontal, AnswerWidget, can_focus=True):
    """Left items, each paired with a numbered right item; the answer given is the pairs made
    (a dict, left → right), every pair or not.

    Keys: ↑/↓ choose a left item, 1-9 pair it with that right item (or ←/→ to step through
    them), Backspace to unpair, Enter to answer. Mouse: click a left item, then its match.
    Pairs are one to one: taking a right item already used swaps it over.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("left", "cycle(-1)", "Previous match", show=False),
        Binding("right", "cycle(1)", "Next match", show=False),
        Binding("backspace,delete", "unpair", "Unpair", show=False),
        Binding("enter", "submit", "Answer"),
    ]

    def __init__(
        self, lefts: Sequence[str], rights: Sequence[str], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.lefts = tuple(lefts)
        self.rights = tuple(rights)
        self.matches: dict[int, int] = {}  # left index -> right index
        self.cursor = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="match-lefts"):
            yield Label("Items", classes="match-heading")
            for index in range(len(self.lefts)):
                yield Static(classes="match-left", id=f"left-{index}")
        with Vertical(id="match-rights"):
            yield Label("Matches (press the number)", classes="match-heading")
            for index in range(len(self.rights)):
                yield Static(classes="match-right", id=f"right-{index}")

    def on_mount(self) -> None:
        self._show()

    @property
    def pairs(self) -> dict[str, str]:
        return {self.lefts[left]: self.rights[right] for left, right in self.matches.items()}

    def _show(self) -> None:
        for index, row in enumerate(self.query(".match-left").results(Static)):
            here = index == self.cursor
            right = self.matches.get(index)
            paired = (
                safetext.assemble((f"{right + 1}. ", "bold"), safetext.line(self.rights[right]))
                if right is not None
                else safetext.assemble(("?", "bold"))
            )
            row.update(
                safetext.assemble(
                    ("▸ " if here else "  ", "bold"),
                    safetext.line(self.lefts[index]),
                    ("  → ", "bold"),
                    paired,
                )
            )
            row.set_class(here, "-cursor")
            row.set_class(right is not None, "-paired")
            if here:
                row.scroll_visible(animate=False)
        used = {right: left for left, right in self.matches.items()}
        for index, row in enumerate(self.query(".match-right").results(Static)):
            parts: list[safetext.Part] = [
                (f"{index + 1}. ", "bold"),
                safetext.line(self.rights[index]),
            ]
            if index in used:
                parts.append(("  (used)", "italic"))
            row.update(safetext.assemble(*parts))
            row.set_class(index in used, "-used")

    def pick(self, number: int) -> bool:
        """Pair the chosen left item with right item `number` (1-based); then go to the next
        left item still without a pair."""
        right = number - 1
        if not 0 <= right < len(self.rights):
            return False
        self._pair(self.cursor, right)
        unpaired = [i for i in range(len(self.lefts)) if i not in self.matches]
        if unpaired:
            after = [i for i in unpaired if i > self.cursor]
            self.cursor = (after or unpaired)[0]
        self._show()
        return True

    def _pair(self, left: int, right: int) -> None:
        previous = self.matches.get(left)
        for other, taken in list(self.matches.items()):
            if taken == right and other != left:
                if previous is None:
                    del self.matches[other]
                else:
                    self.matches[other] = previous  # swap
        self.matches[left] = right

    def action_cursor(self, delta: int) -> None:
        self.cursor = max(0, min(len(self.lefts) - 1, self.cursor + delta))
        self._show()

    def action_cycle(self, delta: int) -> None:
        current = self.matches.get(self.cursor)
        if current is None:
            right = 0 if delta > 0 else len(self.rights) - 1
        else:
            right = (current + delta) % len(self.rights)
        self._pair(self.cursor, right)
        self._show()

    def action_unpair(self) -> None:
        self.matches.pop(self.cursor, None)
        self._show()

    def action_submit(self) -> None:
        self.submit()

    def submit(self) -> None:
        """Give the pairs made so far."""
        self.give(self.pairs)

    def on_click(self, event: events.Click) -> None:
        row = event.widget
        if row is None or row.id is None:
            return
        self.focus()
        if row.has_class("match-left"):
            self.cursor = int(row.id.removeprefix("left-"))
            self._show()
        elif row.has_class("match-right"):
            self.pick(int(row.id.removeprefix("right-")) + 1)
