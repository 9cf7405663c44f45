"""A draining countdown bar with seconds; it asks its time source and keeps no clock itself."""

from __future__ import annotations

import math
from typing import Protocol

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, ProgressBar

LOW_SECONDS = 5.0
STEPS = 1000


class TimeSource(Protocol):
    """Anything that knows how much time is left (a Session does)."""

    def time_left(self) -> float | None: ...

    def time_fraction_left(self) -> float | None: ...


class CountdownBar(Horizontal):
    """Seconds left and a bar that drains; hidden in untimed play.

    The screen calls `refresh_time` on its timer; the bar reads the source every time, so it can
    never drift from the session's own clock.
    """

    def __init__(self, source: TimeSource, *, label: str = "left", id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = source
        self.label = label

    def compose(self) -> ComposeResult:
        yield Label(id="countdown-seconds")
        yield ProgressBar(
            total=STEPS, show_eta=False, show_percentage=False, id="countdown-progress"
        )

    def on_mount(self) -> None:
        self.refresh_time()

    def refresh_time(self) -> None:
        """Show what the source says now."""
        left = self.source.time_left()
        self.display = left is not None
        if left is None:
            return
        fraction = self.source.time_fraction_left() or 0.0
        seconds = math.ceil(left - 1e-9)
        self.set_class(left <= LOW_SECONDS, "-low")
        self.query_one("#countdown-seconds", Label).update(
            Content.assemble(("⏱ ", ""), (f"{seconds:>3} s", "bold"), (f" {self.label}", ""))
        )
        self.query_one("#countdown-progress", ProgressBar).update(progress=round(fraction * STEPS))
