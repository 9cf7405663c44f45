"""Lines of text drawn straight into strips, for the widgets that draw their own lines on the
question screen (choices, the feedback box).

Textual's general text pipeline (`Visual.to_strips`) lays out, wraps and styles any visual; for
a line of a few words that fits it costs about ten times what making the segments does, and
the question screen draws a dozen such lines for every key that answers. These helpers wrap
only what does not fit and resolve styles as Textual does (`Widget._get_style`: `$variables`
and all).

`rows_in_view` and `refresh_rows` repaint only the rows that changed: a widget's whole refresh
restyles and repaints every row of it (and the screen recomposes each of them), where an
answer changes two or three. `repaint` tells the screen at once, without the message rounds
of Textual's `refresh`.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.dom import NoScreen
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget


def fitted(content: Content, width: int) -> list[Content]:
    """`content` in lines no wider than `width` cells (wrapped only if it must be)."""
    if content.cell_length <= width and "\n" not in content.plain:
        return [content]
    return content.wrap(max(1, width))


def segments(widget: Widget, content: Content, style: Style) -> list[Segment]:
    """One line of `content` as segments on `style` (the component's style, beneath)."""
    return [
        Segment(text, part.rich_style if part else None)
        for text, part in content.render(style, "", parse_style=widget._get_style)
    ]


def strip(widget: Widget, line: list[Segment], style: Style, width: int) -> Strip:
    """`line` made exactly `width` cells wide, padded on `style`'s background."""
    return Strip(line).extend_cell_length(width, style.rich_style).crop(0, width)


class KeptStyles:
    """A widget's component styles (`get_visual_style(*names)`), each asked of the stylesheet
    once and kept until `clear` (call it from the widget's `notify_style_update`): rows drawn
    on every answer look up the same few styles, about 0.05 ms a look."""

    def __init__(self, widget: Widget) -> None:
        self.widget = widget
        self._styles: dict[tuple[str, ...], Style] = {}

    def __call__(self, *names: str) -> Style:
        style = self._styles.get(names)
        if style is None:
            style = self._styles[names] = self.widget.get_visual_style(*names)
        return style

    def clear(self) -> None:
        self._styles.clear()


Part = tuple[str, str]  # a text and its style ("bold", "$text-muted", "" for the widget's own)


class PartsLine:
    """One line of `Part`s on a widget's own style, drawn as `line_strip` draws the `Content`
    they assemble, with each style resolved once (through Content, as it would be) and kept
    until the widget's style changes: a line that changes on every key (the status bar's)
    then costs its segments only, not a parse of each style."""

    def __init__(self, widget: Widget) -> None:
        self.widget = widget
        self._base: Style | None = None
        self._styles: dict[str, RichStyle | None] = {}

    def _style(self, style: str, base: Style) -> RichStyle | None:
        if style not in self._styles:
            drawn = list(
                Content.styled(" ", style).render(base, "", parse_style=self.widget._get_style)
            )
            part = drawn[0][1] if drawn else None
            self._styles[style] = part.rich_style if part else None
        return self._styles[style]

    def strip(self, parts: Sequence[Part], width: int) -> Strip:
        """`parts` in one line exactly `width` cells wide (cut there if longer)."""
        base = self.widget.visual_style
        if base != self._base:
            self._base = base
            self._styles.clear()
        line = [Segment(text, self._style(style, base)) for text, style in parts if text]
        return strip(self.widget, line, base, width)


def line_strip(widget: Widget, content: Content, width: int) -> Strip:
    """A one-line widget's line: `content` on the widget's own style, `width` cells."""
    style = widget.visual_style
    return strip(widget, segments(widget, content, style), style, width)


# Textual 8's private names `repaint` uses (tests/tui/test_textual_private.py pins them).
REPAINTS_AT_ONCE = all(
    callable(getattr(Widget, name, None))
    for name in ("_set_dirty", "clear_cached_dimensions", "_get_style")
)


def repaint(widget: Widget, *regions: Region) -> None:
    """`widget.refresh(*regions)` (its content, the whole widget if no region is given), told
    to its screen at once.

    Textual's `refresh` marks the widget and prompts it: the widget's own task wakes, goes
    idle, and sends its screen an `Update`, which the screen's task takes in turn; only then
    does the screen know to draw a frame. That is two message rounds per widget (an answer
    repaints four), and the screen, idle before the Updates reach it, runs its after-refresh
    callbacks (the `Answered` that writes the score) before the frame instead of after it. This
    marks the same lines dirty as `refresh` does and puts the widget straight into the
    screen's set of widgets to repaint (Textual's own `Screen._on_update` does no more)."""
    if not widget.is_mounted or not widget.display:
        widget.refresh(*regions)
        return
    try:
        screen = widget.screen
    except NoScreen:
        widget.refresh(*regions)
        return
    dirty = getattr(screen, "_dirty_widgets", None)
    if not isinstance(dirty, set) or not REPAINTS_AT_ONCE:  # not Textual 8: its own way
        widget.refresh(*regions)
        return
    # Widget.refresh(repaint=True), less its check_idle (the prompt to the widget's task)
    widget._layout_cache.clear()
    widget._set_dirty(*regions)
    widget.clear_cached_dimensions()
    widget._rich_style_cache.clear()
    dirty.add(widget)
    screen.check_idle()


def rows_in_view(widget: Widget) -> list[Strip] | None:
    """The rows `widget` draws now (its `render_line`s), None if it has not been laid out.

    A widget with a `visible_rows(size)` method gives them all at once: its `render_line`
    looks up its size (and its width, its scroll offset) on every call, and asking the
    geometry costs more than the row itself, twice a row on every answer."""
    if not widget.is_mounted:
        return None
    size = widget.content_size
    if not size:
        return None
    visible = getattr(widget, "visible_rows", None)
    if visible is not None:
        rows: list[Strip] = visible(size)
        return rows
    return [widget.render_line(y) for y in range(size.height)]


def refresh_rows(widget: Widget, before: list[Strip] | None) -> None:
    """Repaint the rows of `widget` that differ from `before` (from `rows_in_view` before the
    change; None: repaint it all)."""
    after = rows_in_view(widget)
    if before is None or after is None or len(before) != len(after):
        repaint(widget)
        return
    width = widget.content_size.width
    changed = [
        Region(0, y, width, 1)
        for y, (old, new) in enumerate(zip(before, after, strict=True))
        if old != new
    ]
    if changed:
        repaint(widget, *changed)


class TextRows(Widget):
    """Text shown as a Static shows it (wrapped to the width, in the widget's own style), drawn
    by `widgets.drawn`: `update` repaints only the rows that changed, and lays the screen out
    again only if the number of rows does (a Static's update always does)."""

    DEFAULT_CSS = "TextRows { height: auto; }"

    def __init__(self, content: Content | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.content = content or Content()
        self._rows: tuple[int, list[Strip]] | None = None
        self._painted: tuple[object, list[Strip]] | None = None

    def update(self, content: Content) -> None:
        """Show `content` instead (our safe Content: pack text goes through `safetext`)."""
        if content.plain == self.content.plain and content.spans == self.content.spans:
            return
        before = rows_in_view(self)
        self.content = content
        self._rows = None
        width = self.content_size.width
        if before is not None and len(self._rows_for(width)) == len(before):
            refresh_rows(self, before)
        else:
            self.refresh(layout=True)

    def render(self) -> Content:
        return self.content

    def _rows_for(self, width: int) -> list[Strip]:
        if self._rows is None or self._rows[0] != width:
            style = self.visual_style
            lines = fitted(self.content, width) if self.content else []
            self._rows = (
                width,
                [strip(self, segments(self, line, style), style, width) for line in lines],
            )
        return self._rows[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._rows_for(width))

    def render_lines(self, crop: Region) -> list[Strip]:
        """As a widget paints (Textual's styles cache), but the last lines again while none of
        them changed: the question's text stays through its answer, whose frame repaints
        every widget beside the rows it redraws (each look at the styles cache about 0.1 ms)."""
        filters = tuple(
            (line_filter, line_filter.enabled) for line_filter in self.get_line_filters()
        )
        key = (crop, self.size, filters)
        painted = self._painted
        if painted is not None and painted[0] == key and not self._styles_cache._dirty_lines:
            return painted[1]
        lines = super().render_lines(crop)
        self._painted = (key, lines)
        return lines

    def render_line(self, y: int) -> Strip:
        return self._row(y, self.content_size.width)

    def visible_rows(self, size: Size) -> list[Strip]:
        """Every row in view (see `rows_in_view`)."""
        return [self._row(y, size.width) for y in range(size.height)]

    def _row(self, y: int, width: int) -> Strip:
        rows = self._rows_for(width)
        return rows[y] if 0 <= y < len(rows) else Strip.blank(width, self.visual_style.rich_style)

    def notify_style_update(self) -> None:
        self._rows = None
        self._painted = None
        super().notify_style_update()
