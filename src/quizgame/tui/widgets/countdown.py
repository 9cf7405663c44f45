"""A draining countdown bar with seconds; it asks its time source and keeps no clock itself."""

from __future__ import annotations

import math
from typing import Protocol

from textual.content import Content
from textual.widget import Widget

from quizgame.tui.widgets.meter import meter

LOW_SECONDS = 5.0


class TimeSource(Protocol):
    """Anything that knows how much time is left (a Session does)."""

    def time_left(self) -> float | None: ...

    def time_fraction_left(self) -> float | None: ...


class CountdownBar(Widget):
    """Seconds left and a bar that drains; empty in untimed play.

    The screen calls `refresh_time` on its timer; the bar reads the source every time it is
    drawn, so it can never drift from the session's own clock.
    """

    def __init__(self, source: TimeSource, *, label: str = "left", id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = source
        self.label = label

    def on_mount(self) -> None:
        self.refresh_time()

    def refresh_time(self) -> None:
        """Redraw from what the source says now."""
        left = self.source.time_left()
        self.set_class(left is not None and left <= LOW_SECONDS, "-low")
        self.refresh()

    def render(self) -> Content:
        left = self.source.time_left()
        if left is None:
            return Content("")
        seconds = math.ceil(left - 1e-9)
        low = left <= LOW_SECONDS
        text = Content.assemble(
            ("Time ", "$text-muted"),
            (f"{seconds:>3} s", "bold $text-error" if low else "bold"),
            f" {self.label} ",
        )
        fraction = self.source.time_fraction_left() or 0.0
        bar = meter(self.size.width - text.cell_length, fraction, "$error" if low else "$warning")
        return Content.assemble(text, bar)
