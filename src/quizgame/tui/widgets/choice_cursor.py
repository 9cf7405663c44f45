"""The choice list's keys and mouse (`ChoiceList` in widgets/choices.py builds on it): the
cursor, Home/End, Enter (a held one chooses nothing), a digit's or a click's pick, the hover,
and scrolling a choice into view."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events

from quizgame.tui.widgets.drawn import refresh_rows, rows_in_view

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView as _Base
else:
    _Base = object  # a mixin: ChoiceList brings the ScrollView

# An Enter this soon (seconds) after the last one, with the cursor not moved, is the same key
# held down (terminals repeat a held key every ~30 ms): it does not choose. Else holding the
# Enter that went to the next question would answer every question after it with its cursor.
HELD_ENTER_SECONDS = 0.3


class ChoiceCursor(_Base):
    """What the keys and the mouse do to a `ChoiceList`."""

    if TYPE_CHECKING:  # ChoiceList's, which these methods use
        choices: tuple[str, ...]
        removed: frozenset[int]
        marks: dict[int, str]
        highlighted: int | None
        draws_pick: bool
        clock: Callable[[], float]
        _hover: int | None
        _enter_at: float
        _moved: bool

        def _line_rows(self, width: int) -> list[tuple[int, int]]: ...
        def _width(self) -> int: ...
        def give(self, value: Any) -> None: ...

    def _scroll_to_cursor(self) -> None:
        self._scroll_to_choice(self.highlighted)

    def _scroll_to_choice(self, choice: int | None, *, immediate: bool = False) -> bool:
        """Scroll so that all of choice `choice` is in view (as much as fits, from its first
        row); False if it already was (or there is no such choice)."""
        if choice is None or not self.size:
            return False
        rows = self._line_rows(self._width())
        lines = [n for n, (index, _) in enumerate(rows) if index == choice]
        if not lines:
            return False
        top, bottom = lines[0], lines[-1] + 1
        y = self.scroll_offset.y
        height = self.scrollable_content_region.height
        if top < y or (bottom - top > height and y != top):
            self.scroll_to(y=top, animate=False, immediate=immediate)
        elif bottom > y + height:
            self.scroll_to(y=bottom - height, animate=False, immediate=immediate)
        else:
            return False
        return True

    def action_cursor(self, step: int) -> None:
        """Move the cursor `step` choices (skipping removed ones), wrapping around."""
        self._move(step, self.highlighted)

    def _move(self, step: int, index: int | None) -> None:
        """The cursor `step` choices on from choice `index` (None: from before the first for a
        step on, from the first for a step back, so that -1 lands on the last)."""
        count = len(self.choices)
        if not count or len(self.removed) >= count or self.marks:
            return
        self._moved = True
        if index is None:
            index = -1 if step > 0 else 0
        for _ in range(count):
            index = (index + step) % count
            if index not in self.removed:
                break
        before = rows_in_view(self)
        self.highlighted = index
        self._scroll_to_cursor()
        refresh_rows(self, before)

    def action_cursor_end(self, end: int) -> None:
        """The cursor to the first (`end` -1) or last (1) choice left."""
        # Not by clearing the cursor first: the rows drawn before the move must still show it,
        # or its old row is never drawn again (two choices looked highlighted).
        self._move(-end, None)

    def action_select(self) -> None:
        """Enter: choose the highlighted choice, unless this Enter is a held one
        (`HELD_ENTER_SECONDS`)."""
        now, last = self.clock(), self._enter_at
        self._enter_at = now
        if self._moved or now - last >= HELD_ENTER_SECONDS:
            self.submit()

    def pick(self, number: int) -> bool:
        """Pick the choice numbered `number` (1-based); False if there is no such choice."""
        index = number - 1
        if not 0 <= index < len(self.choices) or index in self.removed:
            return False
        if self.draws_pick:
            before = rows_in_view(self)
            self.highlighted = index
            refresh_rows(self, before)
        # Else the cursor stays where it was drawn: the feedback, drawn in the same frame,
        # takes it away (`show_result`), comparing with the rows as they were drawn.
        self.give(self.choices[index])
        return True

    def submit(self) -> None:
        """Choose the highlighted choice (Enter, a Submit button)."""
        if self.highlighted is not None and not self.marks:
            self.pick(self.highlighted + 1)

    async def _on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("choice")
        if isinstance(index, int) and not self.marks:
            self.pick(index + 1)

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        index = event.style.meta.get("choice")
        hover = index if isinstance(index, int) else None
        if hover != self._hover:
            before = rows_in_view(self)
            self._hover = hover
            refresh_rows(self, before)

    def _on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()
