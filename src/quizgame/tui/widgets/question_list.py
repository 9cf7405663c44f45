"""A list of a pack's questions that stays quick at any size: only the rows in view are drawn.

Textual's OptionList measures and keeps every option, which for a pack of 100,000 questions
takes seconds on the UI thread. `QuestionList` keeps only a count and asks for a row's label
when the row comes into view (`label(index)`), keeping the last few hundred drawn rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

ROW_HEIGHT = 2  # a question's number and prompt, then its type and id


class _RowMessage(Message):
    """Something about row `index` of `question_list`."""

    def __init__(self, question_list: QuestionList, index: int) -> None:
        super().__init__()
        self.question_list = question_list
        self.index = index

    @property
    def control(self) -> QuestionList:
        return self.question_list


class QuestionList(ScrollView, can_focus=True):
    """`count` rows of `ROW_HEIGHT` lines each; row `i` shows `label(i)` (lines past the
    row's height and past the width are cut, with an ellipsis). With no rows it shows
    `placeholder`. Posts `Highlighted` when the highlight moves and `Selected` on Enter or a
    click; `highlighted` is the row's index, or None when there are no rows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "question-list--row",
        "question-list--highlighted",
        "question-list--placeholder",
    }
    DEFAULT_CSS = """
    QuestionList > .question-list--row { padding: 0 1; }
    QuestionList > .question-list--highlighted { background: $block-cursor-blurred-background; }
    QuestionList:focus > .question-list--highlighted {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    QuestionList > .question-list--placeholder { color: $text-muted; padding: 0 1; }
    """

    highlighted: reactive[int | None] = reactive(None, always_update=True, init=False)

    class Highlighted(_RowMessage):
        """The highlight moved to row `index`."""

    class Selected(_RowMessage):
        """Row `index` was chosen (Enter, or a click)."""

    def __init__(
        self,
        label: Callable[[int], Content],
        count: int = 0,
        *,
        placeholder: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._label = label
        self.count = count
        self.placeholder = placeholder
        self._rows: LRUCache[tuple[int, Style, int], list[Strip]] = LRUCache(512)

    # --- what it shows ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.set_rows(self.count)

    def set_rows(
        self,
        count: int,
        label: Callable[[int], Content] | None = None,
        *,
        highlight: int | None = None,
        placeholder: str | None = None,
    ) -> None:
        """Show `count` rows (labelled by `label`, if given), highlighting `highlight` (or the
        row highlighted now, kept within the rows). Costs the same for 10 rows or 100,000."""
        if label is not None:
            self._label = label
        if placeholder is not None:
            self.placeholder = placeholder
        self.count = count
        self._rows.clear()
        self.virtual_size = Size(1, max(count, 1) * ROW_HEIGHT)
        index = self.highlighted if highlight is None else highlight
        self.highlighted = None if count == 0 else max(0, min(index or 0, count - 1))
        self.refresh()

    def refresh_rows(self, *indexes: int) -> None:
        """Draw these rows again from their labels (their questions changed)."""
        wanted = set(indexes)
        drawn = self._rows.keys()
        for key in [key for key in drawn if key[0] in wanted]:
            self._rows.discard(key)
        self.refresh()

    def watch_highlighted(self, before: int | None, index: int | None) -> None:
        if index is None:
            return
        top = self.scroll_offset.y
        self.scroll_to_region(
            Region(0, index * ROW_HEIGHT, 1, ROW_HEIGHT), animate=False, immediate=True
        )
        if self.scroll_offset.y == top and before is not None:
            # Not scrolled: only the rows that lost and gained the highlight are drawn again.
            width = self.scrollable_content_region.width
            self.refresh(
                *(Region(0, row * ROW_HEIGHT - top, width, ROW_HEIGHT) for row in {before, index})
            )
        else:
            self.refresh()
        self.post_message(self.Highlighted(self, index))

    def _row(self, index: int, style: Style, width: int) -> list[Strip]:
        key = (index, style, width)
        strips = self._rows.get(key)
        if strips is None:
            padding = self.get_component_styles("question-list--row").padding
            inner = max(1, width - padding.width)
            lines = self._label(index).split("\n")[:ROW_HEIGHT]
            strips = []
            for line in lines:
                cut = line.truncate(inner, ellipsis=True)
                # One line, already cut: its segments as they are (Visual.to_strips would wrap
                # and lay it out again, eight times the cost, for the same cells).
                drawn = Strip(cut.render_segments(style), cut.cell_length)
                strip = Strip.blank(padding.left, style.rich_style) + drawn
                strips.append(strip.extend_cell_length(width, style.rich_style))
            while len(strips) < ROW_HEIGHT:
                strips.append(Strip.blank(width, style.rich_style))
            self._rows.set(key, strips)
        return strips

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        index, offset = divmod(line, ROW_HEIGHT)
        if self.count == 0:
            style = self.get_visual_style("question-list--placeholder")
            if line != 0 or not self.placeholder:
                return Strip.blank(width, style.rich_style)
            text = Content(self.placeholder).truncate(max(1, width - 2), ellipsis=True)
            return Strip.blank(1, style.rich_style) + Visual.to_strips(
                self, text, max(1, width - 2), 1, style
            )[0].extend_cell_length(width - 1, style.rich_style)
        if index >= self.count:
            return Strip.blank(width, self.get_visual_style("question-list--row").rich_style)
        classes = ["question-list--row"]
        if index == self.highlighted:
            classes.append("question-list--highlighted")
        return self._row(index, self.get_visual_style(*classes), width)[offset]

    # --- keys and the mouse ----------------------------------------------------------------------

    def _move_to(self, index: int) -> None:
        if self.count:
            self.highlighted = max(0, min(index, self.count - 1))

    def action_move(self, step: int) -> None:
        self._move_to((self.highlighted or 0) + step)

    def action_page(self, step: int) -> None:
        rows = max(1, self.scrollable_content_region.height // ROW_HEIGHT)
        self._move_to((self.highlighted or 0) + step * rows)

    def action_jump(self, index: int) -> None:
        self._move_to(index if index >= 0 else self.count + index)

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Selected(self, self.highlighted))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self.count:
            return
        index = (self.scroll_offset.y + offset.y) // ROW_HEIGHT
        if index < self.count:
            self.highlighted = index
            self.post_message(self.Selected(self, index))
