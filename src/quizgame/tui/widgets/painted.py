"""Rows painted once: for the widgets on the question screen that draw their own rows
(`widgets/drawn.py`), each row's painted line kept by the row it was painted from.

Textual paints a widget's row in its styles cache (`StylesCache.render_line`: the widget's
background under it, its padding and border beside it), about 0.05 ms a row, on every frame
that repaints the row, even if the same row was painted before. An answer swaps rows the
widgets drew ahead (`InPlace.prepare_feedback`) or showed in an earlier round (the way on,
the help, the blank rows): `PaintedRows` paints those ahead as well, or keeps them as they were
painted, and puts them in the styles cache before Textual looks, so that the frame paints only
rows it has never seen (the verdict's points, the status line).

Painting ahead calls the styles cache as `StylesCache.render_widget` does (Textual 8), on a
cache of its own; a widget with a border title, or not fully opaque, is left to Textual, and
so is every widget on a Textual without these private names (`USABLE`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

try:
    from textual._styles_cache import StylesCache
except ImportError:  # another Textual: `USABLE` is False, and Textual paints every row
    StylesCache = None  # type: ignore[assignment,misc]


def _usable() -> bool:
    """Whether this Textual has the private names `PaintedRows` uses (Textual 8 has; a test,
    tests/tui/test_textual_private.py, fails if an upgrade drops one)."""
    if StylesCache is None:
        return False
    cache = StylesCache()
    return all(
        hasattr(cache, name) for name in ("_cache", "_dirty_lines", "_width", "render")
    ) and "render_widget" in vars(StylesCache)


USABLE = _usable()

KEPT_ROWS = 256  # painted rows kept a widget: a few rounds' worth, then they start again


def _only(row: Strip) -> Callable[[int], Strip]:
    """A content-line callback that gives `row` whatever line is asked for."""
    return lambda y: row


class PaintedRows:
    """`widget`'s painted rows by the content row (`render_line`'s strip, the same object) they
    were painted from, while its size and background stay (`clear` on a style update)."""

    def __init__(self, widget: Widget) -> None:
        self.widget = widget
        self._painted: dict[int, tuple[Strip, Strip]] = {}  # id(row) -> (row, painted)
        self._stamp: object = None

    def clear(self) -> None:
        """Forget every painted row (call it from the widget's `notify_style_update`)."""
        self._painted.clear()

    def _fits(self) -> tuple[Size, int, int] | None:
        """The widget's size and its content rows (first, last + 1), if its rows can be kept;
        the kept rows go if its size or background changed since."""
        widget = self.widget
        if not USABLE:
            return None
        titles = (getattr(widget, name, "") for name in ("_border_title", "_border_subtitle"))
        if any(title is not None for title in titles):  # a title, or a Textual without them
            return None
        if widget.opacity != 1.0:
            return None
        size = widget.region.size  # as the styles cache paints it: padding and border too
        gutter = widget.styles.gutter
        top, bottom = gutter.top, size.height - gutter.bottom
        if not size or top >= bottom:
            return None
        stamp = (size, widget.background_colors)
        if stamp != self._stamp:
            self._stamp = stamp
            self._painted.clear()
        return size, top, bottom

    def _keep(self, row: Strip, painted: Strip) -> None:
        if len(self._painted) >= KEPT_ROWS:
            self._painted.clear()
        self._painted[id(row)] = (row, painted)

    def prepare(self, rows: Iterable[Strip]) -> None:
        """Paint `rows` (content rows the widget may show next) now, as its styles cache will."""
        fits = self._fits()
        if fits is None:
            return
        size, top, _ = fits
        widget = self.widget
        base_background, background = widget.background_colors
        app = widget.app
        scratch = StylesCache()
        for row in rows:
            if id(row) in self._painted:
                continue
            scratch.clear()
            painted = scratch.render(
                widget.styles,
                size,
                base_background,
                background,
                _only(row),
                (),
                None,
                None,
                content_size=widget.content_region.size,
                padding=widget.styles.padding,
                crop=Region(0, top, size.width, 1),
                opacity=widget.opacity,
                ansi_theme=app.ansi_theme,
                native_ansi=app.native_ansi_color,
            )
            self._keep(row, painted[0])

    def lines(
        self, crop: Region, rows: list[Strip] | None, paint: Callable[[Region], list[Strip]]
    ) -> list[Strip]:
        """`paint(crop)` (Textual's `Widget.render_lines`), with each content row in `rows`
        (what the widget shows now, from its first content row) that was painted before put
        in the styles cache first; the rows it then paints are kept."""
        fits = self._fits() if rows is not None else None
        if fits is None or rows is None:
            return paint(crop)
        size, top, bottom = fits
        cache = getattr(self.widget, "_styles_cache", None)
        if (
            not isinstance(cache, StylesCache) or cache._width != size.width
        ):  # Textual starts its cache again: nothing to put in
            return paint(crop)
        dirty = cache._dirty_lines
        missed: list[tuple[int, Strip]] = []
        for y in crop.line_range:
            if not top <= y < bottom or y - top >= len(rows):
                continue
            if y not in dirty and y in cache._cache:
                continue
            row = rows[y - top]
            kept = self._painted.get(id(row))
            if kept is not None and kept[0] is row:
                cache._cache[y] = kept[1]
                dirty.discard(y)
            else:
                missed.append((y, row))
        lines = paint(crop)
        for y, row in missed:
            painted = cache._cache.get(y)
            if painted is not None:
                self._keep(row, painted)
        return lines
