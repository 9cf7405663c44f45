"""Read-only text that scrolls and changes without a second layout pass.

A `Static` inside a `VerticalScroll` (the editor's preview, before) costs two layout passes of
the whole screen each time its text changes: the first finds the text's new height, and that
new height asks for the second. Moving through a big pack's questions redraws the preview on
every key, so `TextView` wraps its text itself, a line at a time (Textual's line API), and
knows its own scrollable height: text that fits the view changes no layout at all, and text
taller than the view one pass. A new text of the same size draws again only the lines that
differ.

A text can be wrapped before it is shown (`prepare`, under a key its maker chooses): the
editor wraps the question a key is likely to show next once a frame is drawn, so that the key
finds its lines made.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual


class TextView(ScrollView, can_focus=True):
    """Shows `content` wrapped to the widget's width, scrolling when it is taller than the
    widget (keys when focused, or the mouse). `update` replaces it and scrolls to the top."""

    DEFAULT_CSS = """
    TextView { height: 1fr; overflow-x: hidden; }
    """

    def __init__(self, content: Content | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content = content if content is not None else Content("")
        self._strips: list[Strip] = []
        self._wrapped_at = -1  # the width `_strips` were wrapped to; -1: not yet
        self._key: Hashable | None = None  # what `content` was shown as (its wrapped lines kept)
        # Texts wrapped before (`prepare`) or when shown under a key: (key, width, style) -> lines.
        self._wrapped: LRUCache[tuple[Hashable, int, object], list[Strip]] = LRUCache(64)

    @property
    def content(self) -> Content:
        """What it shows (the text, before wrapping)."""
        return self._content

    def update(self, content: Content, key: Hashable | None = None) -> None:
        """Show `content` instead, from its first line. With a `key` (the same key only ever
        for the same content), its lines wrapped before under that key are taken as they are."""
        before, width, top = self._strips, self._wrapped_at, self.scroll_offset.y
        size = self.virtual_size
        self._content = content
        self._key = key
        self._wrapped_at = -1
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._measure()
        if top != 0 or self.virtual_size != size or self._wrapped_at != width:
            self.refresh()
            return
        # The same place and size: only the lines that differ are drawn again (the blank ones
        # under a short question, the type line of two of the same type...).
        after = self._strips
        blank = Strip([])
        changed = [
            y
            for y in range(self.scrollable_content_region.height)
            if (before[y] if y < len(before) else blank) != (after[y] if y < len(after) else blank)
        ]
        if changed:  # (none: refresh() with no region would draw every line)
            self.refresh(*(Region(0, y, width, 1) for y in changed))

    def on_resize(self, _event: events.Resize) -> None:
        self._wrapped_at = -1
        self._measure()

    def prepare(self, key: Hashable, content: Callable[[], Content]) -> None:
        """Wrap the text `content()` makes as `update(content(), key)` would, and keep its lines
        for it (unless they are kept already: then `content` is not called)."""
        if not self.size:
            return
        width, height = self.size
        if self._wrapped.get((key, max(1, width), self.visual_style)) is not None:
            return
        made = content()
        if len(self._wrap(made, key, width)) > height:  # as `_measure` does
            self._wrap(made, key, width - self.styles.scrollbar_size_vertical)

    def _wrap(self, content: Content, key: Hashable | None, width: int) -> list[Strip]:
        width = max(1, width)
        style = self.visual_style
        if key is None:
            return Visual.to_strips(self, content, width, None, style)
        strips = self._wrapped.get((key, width, style))
        if strips is None:
            strips = Visual.to_strips(self, content, width, None, style)
            self._wrapped.set((key, width, style), strips)
        return strips

    def _lines(self, width: int) -> list[Strip]:
        if width != self._wrapped_at:
            width = max(1, width)
            self._strips = self._wrap(self._content, self._key, width)
            self._wrapped_at = width
        return self._strips

    def _measure(self) -> None:
        """Set the scrollable height: the lines at the full width, or, when they do not fit,
        at the width left beside the scrollbar they need."""
        if not self.size:
            return
        width, height = self.size  # inside the border and padding, beside no scrollbar
        lines = self._lines(width)
        if len(lines) > height:
            width -= self.styles.scrollbar_size_vertical
            lines = self._lines(width)
        # Text that fits is as tall as the view: the next text that fits changes nothing here
        # (no layout, no scrollbar to draw again).
        size = Size(max(1, width), max(len(lines), height))
        if size != self.virtual_size:
            self.virtual_size = size

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        lines = self._lines(width)
        index = self.scroll_offset.y + y
        if index >= len(lines):
            return Strip.blank(width, self.visual_style.rich_style)
        return lines[index].crop_extend(0, width, self.visual_style.rich_style)
