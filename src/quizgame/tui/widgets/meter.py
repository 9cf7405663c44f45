"""A one-line bar drawn as text: no timers, no animation, nothing that moves on its own."""

from __future__ import annotations

from textual.content import Content

DONE_STYLE = "$accent"
TODO_STYLE = "$foreground 20%"


def meter(width: int, fraction: float, done: str = DONE_STYLE, todo: str = TODO_STYLE) -> Content:
    """`width` cells of bar, `fraction` (0..1) of them filled, in half-cell steps."""
    return Content.assemble(*meter_parts(width, fraction, done, todo))


def meter_parts(
    width: int, fraction: float, done: str = DONE_STYLE, todo: str = TODO_STYLE
) -> list[tuple[str, str]]:
    """The meter as (text, style) parts (for `widgets.drawn.PartsLine`)."""
    width = max(0, width)
    halves = round(max(0.0, min(1.0, fraction)) * width * 2)
    full, half = divmod(halves, 2)
    parts: list[tuple[str, str]] = [("━" * full, done)]
    if half:
        parts.append(("╸", done))
    parts.append(("━" * (width - full - half), todo))
    return parts
