"""The question screen's containers: each draws only its background (`BLANK`, Textual's hint
for a container whose children draw themselves).

An answer's frame repaints every widget whose clip meets the rows it redraws, which run from
the status bar at the top of the column to the lifeline bar at its bottom: every container
there is painted on every answer. A blank one takes its rows as blank instead of asking the
style cache for each (about 0.1 ms a widget)."""

from __future__ import annotations

from textual.containers import Center, Container, Horizontal, Vertical, VerticalScroll


class PromptBox(VerticalScroll, can_focus=False):
    """The question's text; scrolls with the mouse but never takes the focus from the answer."""

    BLANK = True


class Column(Vertical):
    """A column of the play screen."""

    BLANK = True


class Middle(Center):
    BLANK = True


class Row(Horizontal):
    BLANK = True


class FooterBar(Container):
    """The footer's own line. A frame repaints every widget whose clip meets the rows it
    redraws, and a child of the screen is clipped to the whole screen: so is the footer,
    painted (about 0.15 ms) by every answer's frame though it never changes. In here its
    clip is its own line."""

    BLANK = True
    DEFAULT_CSS = "FooterBar { dock: bottom; height: 1; }"
