"""A Footer that is rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[str, str, str, bool], ...]


def shown_keys(screen: Screen[object]) -> Shown:
    """What a footer on `screen` shows: (key, description, action, enabled) of each binding."""
    return tuple(
        (binding.key, binding.description, binding.action, enabled)
        for _, binding, enabled, _ in screen.active_bindings.values()
        if binding.show
    )


class SteadyFooter(Footer):
    """Textual's Footer rebuilds all its keys whenever the screen's bindings may have changed,
    which is at every change of focus: on the question screen that is every question and every
    answer. This one rebuilds only when what it would show is different, and looks once after
    the next frame however often it is told (a key that answers tells it several times, and
    reading the screen's bindings walks them all), so the looking never delays that frame."""

    def __init__(self, *, keys_at_first: bool = True) -> None:
        """`keys_at_first`: compose the screen's keys with the footer (see `compose`); False
        for a screen whose first frame must be quick (Home, at start-up): its keys come just
        after that frame, once."""
        super().__init__(show_command_palette=False)
        self._keys_at_first = keys_at_first
        self._shown: Shown | None = None
        self._looking = False

    def compose(self) -> ComposeResult:
        # Footer composes no keys until the screen first says its bindings changed, then
        # composes again with them: a second build of every key, just after the screen's
        # first frame (on a screen that is slow to lay out, such as the editor's, the longest
        # stall of its opening). This one shows the screen's keys from the first frame.
        if self._keys_at_first and self._shown is None and self.is_attached:
            self.set_reactive(Footer._bindings_ready, True)
            self._shown = shown_keys(self.screen)
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            super().bindings_changed(screen)
            return
        if self._shown is None:  # the first keys (not composed with them): shown at once
            self._shown = shown_keys(screen)
            super().bindings_changed(screen)
        elif not self._looking:
            self._looking = True
            self.call_after_refresh(self._look, screen)

    def _look(self, screen: Screen[object]) -> None:
        self._looking = False
        if not self.is_attached:
            return
        shown = shown_keys(screen)
        if shown != self._shown:
            self._shown = shown
            super().bindings_changed(screen)
