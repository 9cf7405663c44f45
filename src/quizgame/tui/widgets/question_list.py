"""A list of a pack's questions that stays quick at any size: only the rows in view are drawn.

Textual's OptionList measures and keeps every option, which for a pack of 100,000 questions
takes seconds on the UI thread. `QuestionList` keeps only a count and asks for a row's label
when the row comes into view (`label(index)`), keeping the last few hundred drawn rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from math import ceil
from typing import ClassVar

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

ROW_HEIGHT = 2  # a question's number and prompt, then its type and id
Label = Callable[[int], Content | Sequence[Content]]  # a row's text: its lines


class _RowMessage(Message):
    """Something about row `index` of `question_list`."""

    def __init__(self, question_list: QuestionList, index: int) -> None:
        super().__init__()
        self.question_list = question_list
        self.index = index

    @property
    def control(self) -> QuestionList:
        return self.question_list


class _Bar(ScrollBar):
    """A scrollbar drawn again only when its thumb moves on screen: Page Down in 100,000 rows
    moves it by a small part of the eighth of a cell it is drawn in, and drawing it costs as
    much as a tenth of the list."""

    position: Reactive[float] = Reactive(0.0, repaint=False)
    _drawn: tuple[float, ...] = ()  # the thumb last drawn

    def __init__(self, *, vertical: bool, name: str, thickness: int) -> None:
        super().__init__(vertical=vertical, name=name, thickness=thickness)
        self._kept: dict[tuple[object, ...], list[Strip]] = {}

    def _thumb(self) -> tuple[float, ...]:
        """Where `render_bar` puts the thumb (in eighths of a cell), and what that depends on."""
        size, virtual = self.size.height, self.window_virtual_size
        window = self.window_size if self.window_size < virtual else 0
        thumb: tuple[float, ...] = (size, virtual, window)
        if window and size and virtual and size != virtual:
            length = max(1, window / (virtual / size))
            start = int((size - length) * (self.position / (virtual - window)) * 8)
            thumb += (start, start + ceil(length * 8))
        return thumb

    def render(self) -> RenderableType:
        self._drawn = self._thumb()
        return super().render()

    def render_lines(self, crop: Region) -> list[Strip]:
        # Its lines kept for the last few places of the thumb: Home and End, back and forth
        # (or a search's matches) draw a bar drawn before, 25 lines of Rich rendering each.
        styles = self.parent.styles if self.parent is not None else self.styles
        key = (
            self._thumb(),
            crop,
            bool(self.grabbed),
            self.mouse_over,
            styles.scrollbar_background,
            styles.scrollbar_color,
            styles.scrollbar_background_hover,
            styles.scrollbar_color_hover,
            styles.scrollbar_background_active,
            styles.scrollbar_color_active,
            self.parent.background_colors if self.parent is not None else None,
        )
        lines = self._kept.get(key)
        if lines is None:
            if len(self._kept) >= 8:
                self._kept.clear()
            lines = self._kept[key] = super().render_lines(crop)
        self._drawn = key[0]  # (`render` is not asked for kept lines)
        return lines

    def watch_position(self) -> None:
        if self._thumb() != self._drawn:
            self.refresh()


class QuestionList(ScrollView, can_focus=True):
    """`count` rows of `ROW_HEIGHT` lines each; row `i` shows `label(i)`: one Content of
    lines, or (cheaper: nothing to split) a sequence of them, one a line (lines past the
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

    # Not repainted whole on a change: `watch_highlighted` draws again only what changed.
    highlighted: reactive[int | None] = reactive(
        None, always_update=True, init=False, repaint=False
    )

    class Highlighted(_RowMessage):
        """The highlight moved to row `index`."""

    class Selected(_RowMessage):
        """Row `index` was chosen (Enter, or a click)."""

    def __init__(
        self,
        label: Label,
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
        self._span_styles: dict[tuple[Style, str | Style], RichStyle] = {}
        self._after_drawn: list[Callable[[], object]] = []

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """As Widget's, but a `_Bar`."""
        if self._vertical_scrollbar is None:
            bar = _Bar(vertical=True, name="vertical", thickness=self.scrollbar_size_vertical)
            bar.display = False
            self._vertical_scrollbar = bar
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

    # --- what it shows ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.set_rows(self.count)

    def set_rows(
        self,
        count: int,
        label: Label | None = None,
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
        if count:  # End is a jump there: its rows, made while nothing else is asked for
            self.call_after_refresh(self._label_last)

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
            # The next screenful the same way, labelled once this one is drawn: another Page
            # Down (or Up) then only draws.
            rows = self._rows_in_view()
            first = self.scroll_offset.y // ROW_HEIGHT
            start = first + rows if self.scroll_offset.y > top else first - rows
            self.call_after_refresh(self._label_ahead, start, start + rows)
        self.post_message(self.Highlighted(self, index))

    def _rows_in_view(self) -> int:
        """How many rows the view shows (one more when it is scrolled between two)."""
        return self.scrollable_content_region.height // ROW_HEIGHT + 1

    def prepare_rows(self, index: int) -> None:
        """Label the rows a move of the highlight to `index` will show (at the view's top or
        its bottom, as the list scrolls no further than it must), before the move."""
        rows = self._rows_in_view()
        self._label_ahead(index - rows, index + rows + 1)

    def _label_last(self) -> None:
        self._label_ahead(self.count - self._rows_in_view(), self.count)

    def _label_ahead(self, start: int, stop: int) -> None:
        """Make rows `start` to `stop` (those in range) as they will be drawn, not highlighted."""
        if not self.is_attached:
            return
        style = self.get_visual_style("question-list--row")
        width = self.scrollable_content_region.width
        for index in range(max(0, start), min(self.count, stop)):
            self._row(index, style, width)

    def _row(self, index: int, style: Style, width: int) -> list[Strip]:
        key = (index, style, width)
        strips = self._rows.get(key)
        if strips is None:
            padding = self.get_component_styles("question-list--row").padding
            inner = max(1, width - padding.width)
            labelled = self._label(index)
            if isinstance(labelled, Content):
                labelled = labelled.split("\n")
            lines = labelled[:ROW_HEIGHT]
            blank = style.rich_style
            left = Segment(" " * padding.left, blank)
            strips = []
            for line in lines:
                cut = line.truncate(inner, ellipsis=True)
                # One line, already cut: its segments as they are, padded, in one Strip
                # (Visual.to_strips would wrap and lay it out again, eight times the cost, and
                # joining strips makes three where one will do).
                segments = [left, *self._segments(cut, style)]
                fill = width - padding.left - cut.cell_length
                if fill > 0:
                    segments.append(Segment(" " * fill, blank))
                strips.append(Strip(segments, width))
            while len(strips) < ROW_HEIGHT:
                strips.append(Strip.blank(width, blank))
            self._rows.set(key, strips)
        return strips

    def _segments(self, line: Content, style: Style) -> list[Segment]:
        """`line.render_segments(style)`, quicker for a row's line: its spans in order, none
        inside another, each span's style combined with the row's once, not at every row."""
        text, at = line.plain, 0
        segments: list[Segment] = []
        for start, end, span_style in line.spans:
            if start < at:  # spans that overlap: Content works out what each part is
                return list(line.render_segments(style))
            if start > at:
                segments.append(Segment(text[at:start], style.rich_style))
            if end > start:
                segments.append(Segment(text[start:end], self._span_style(style, span_style)))
            at = max(at, end)
        if at < len(text):
            segments.append(Segment(text[at:], style.rich_style))
        return segments

    def _span_style(self, style: Style, span_style: str | Style) -> RichStyle:
        """A span's style over the row's, as Content renders it (a style it cannot parse is
        no style)."""
        key = (style, span_style)
        combined = self._span_styles.get(key)
        if combined is None:
            if isinstance(span_style, Style):
                parsed = span_style
            else:
                try:
                    parsed = Style.parse(span_style)
                except Exception:
                    parsed = Style.null()
            combined = self._span_styles[key] = Style.combine([style, parsed]).rich_style
        return combined

    def call_after_drawn(self, callback: Callable[[], object]) -> None:
        """Call `callback` once the list is next drawn (and that frame handed to the terminal).
        `call_after_refresh` can come sooner: before a change's frame, when the screen is idle
        before the list has told it what to draw again."""
        self._after_drawn.append(callback)

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._after_drawn:  # called after this frame: the compositor draws all in one go
            for callback in self._after_drawn:
                self.call_later(callback)
            self._after_drawn.clear()
        return super().render_lines(crop)

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

    @property
    def page(self) -> int:
        """How many rows Page Down moves the highlight by: those the view shows whole."""
        return max(1, self.scrollable_content_region.height // ROW_HEIGHT)

    def action_page(self, step: int) -> None:
        self._move_to((self.highlighted or 0) + step * self.page)

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
