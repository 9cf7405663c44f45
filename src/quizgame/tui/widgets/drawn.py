"""Lines of text drawn straight into strips, for the widgets that draw their own lines on the
question screen (choices, the feedback box).

Textual's general text pipeline (`Visual.to_strips`) lays out, wraps and styles any visual; for
a line of a few words that fits it costs about ten times what making the segments does, and
the question screen draws a dozen such lines for every key that answers. These helpers wrap
only what does not fit and resolve styles as Textual does (`Widget._get_style`: `$variables`
and all).
"""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
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
