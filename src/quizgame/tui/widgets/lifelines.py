"""The bar under a question: the lifelines with their keys (50:50, skip, hint) and pause; after an
answer, in the same line, the way on ("Next question (Enter)")."""

from __future__ import annotations

from collections.abc import Collection

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from quizgame.core.play.modes import Lifeline
from quizgame.tui.widgets.drawn import line_strip, repaint, rows_in_view
from quizgame.tui.widgets.painted import PaintedRows

# Letter keys work unless a text box has the focus; the function keys work everywhere.
KEYS: dict[Lifeline | str, tuple[str, str]] = {
    Lifeline.FIFTY_FIFTY: ("f", "f4"),
    Lifeline.SKIP: ("s", "f3"),
    Lifeline.HINT: ("h", "f2"),
    "pause": ("p", "f5"),
}
GAP = "  "
# How an item looks: a compact button, dimmed when it cannot be used now.
ENABLED = "bold $button-color-foreground on $surface-lighten-2"
DISABLED = "$text-disabled on $surface-lighten-1"
PRIMARY = "bold $text on $primary"
LABEL = "$text-muted"

Item = tuple[str, str, str | None]  # name, label, action (None: shown but not usable)
KEPT_LINES = 8  # lines drawn and kept: a session shows two or three, over and over


def key_label(what: Lifeline | str, typing: bool) -> str:
    letter, function = KEYS[what]
    return function.upper() if typing else letter


class LifelineBar(Widget):
    """One line that draws its own buttons (no widget per button, so that a change relabels
    text and lays nothing out): `show` draws the lifelines and pause, `show_next` the button
    that goes on. A click on a button runs its action on the screen (`screen.lifeline('hint')`,
    `screen.pause`, `screen.next`), as its key does.

    A lifeline that is used up or does not apply to this question is greyed and says why."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: tuple[Item, ...] = ()
        self.label = ""
        self._content: Content | None = Content()
        self._lines: dict[tuple[str, tuple[Item, ...], int], Strip] = {}
        self._painted = PaintedRows(self)  # each kept line painted once

    def show(
        self,
        available: Collection[Lifeline],
        used: Collection[Lifeline],
        *,
        typing: bool,
        paused: bool,
    ) -> None:
        """Draw the lifelines from the session: what is left, what is used, and which keys."""
        items: list[Item] = []
        for lifeline in Lifeline:
            if lifeline in used:
                items.append((f"lifeline-{lifeline.value}", f"{lifeline.label} (used)", None))
            elif lifeline in available:
                key = key_label(lifeline, typing)
                action = None if paused else f"screen.lifeline('{lifeline.value}')"
                items.append((f"lifeline-{lifeline.value}", f"{key} {lifeline.label}", action))
        # While paused the text box is hidden, so the letter resumes as well as the function key.
        key = key_label("pause", typing and not paused)
        items.append(("pause", f"{key} " + ("Resume" if paused else "Pause"), "screen.pause"))
        shows_lifelines = any(name.startswith("lifeline-") for name, _, _ in items)
        self._draw("Lifelines" if shows_lifelines else "", tuple(items))

    def show_next(self, label: str) -> None:
        """Draw only the button that goes on, saying `label` ("Next question (Enter)")."""
        self._draw("", (("next", label, "screen.next"),))

    def _draw(self, label: str, items: tuple[Item, ...]) -> None:
        if (label, items) == (self.label, self.items):
            return
        self.label, self.items = label, items
        self._content = None  # made when drawn, if its line is not kept
        repaint(self)

    def render(self) -> Content:
        if self._content is None:
            label, items = self.label, self.items
            parts: list[Content] = [Content.styled(label, LABEL), Content(" ")] if label else []
            for name, text, action in items:
                style = PRIMARY if name == "next" else ENABLED if action else DISABLED
                if action is not None:
                    style += f" @click={action}"
                parts += [Content.styled(f" {text} ", style), Content(GAP)]
            self._content = Content.assemble(*parts[:-1] if items else parts)
        return self._content

    def render_line(self, y: int) -> Strip:
        """Drawn straight from its content (`widgets.drawn`). It changes with every answer, but
        between a few lines only (the lifelines as they stand, the way on): each is kept."""
        width = self.content_size.width
        if y != 0:
            return Strip.blank(width)
        key = (self.label, self.items, width)
        line = self._lines.get(key)
        if line is None:
            if len(self._lines) >= KEPT_LINES:
                self._lines.clear()
            line = self._lines[key] = line_strip(self, self.render(), width)
        return line

    def render_lines(self, crop: Region) -> list[Strip]:
        return self._painted.lines(crop, rows_in_view(self), super().render_lines)

    def notify_style_update(self) -> None:
        self._lines.clear()
        self._painted.clear()
        super().notify_style_update()

    def text(self, name: str) -> str | None:
        """What button `name` says (`lifeline-hint`, `pause`, `next`), None if it is not shown."""
        return next((text for item, text, _ in self.items if item == name), None)

    def enabled(self, name: str) -> bool:
        """Whether button `name` is shown and can be used."""
        return any(item == name and action is not None for item, _, action in self.items)

    def spot(self, name: str) -> tuple[int, int]:
        """Where button `name` is, as an offset in this bar (for a click)."""
        x = cell_len(self.label) + 1 if self.label else 0
        x += self.styles.padding.left
        for item, text, _ in self.items:
            if item == name:
                return (x + 1, 0)
            x += cell_len(text) + 2 + len(GAP)
        raise KeyError(name)
