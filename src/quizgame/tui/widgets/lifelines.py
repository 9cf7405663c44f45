"""The lifeline buttons under a question, with their keys: 50:50, skip, hint, and pause."""

from __future__ import annotations

from collections.abc import Collection

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Label

from quizgame.core.play.modes import Lifeline

# Letter keys work unless a text box has the focus; the function keys work everywhere.
KEYS: dict[Lifeline | str, tuple[str, str]] = {
    Lifeline.FIFTY_FIFTY: ("f", "f4"),
    Lifeline.SKIP: ("s", "f3"),
    Lifeline.HINT: ("h", "f2"),
    "pause": ("p", "f5"),
}


def key_label(what: Lifeline | str, typing: bool) -> str:
    letter, function = KEYS[what]
    return function.upper() if typing else letter


class LifelineBar(Horizontal):
    """One button per lifeline and one for pause; the screen handles `Button.Pressed`.

    Buttons are named `lifeline-<value>` and `pause`. A lifeline that is used up or does not
    apply to this question is disabled and says why in its label.
    """

    def compose(self) -> ComposeResult:
        yield Label("Lifelines", id="lifelines-label")
        for lifeline in Lifeline:
            yield Button(lifeline.label, id=f"lifeline-{lifeline.value}", compact=True)
        yield Button("Pause", id="pause", compact=True)

    def show(
        self,
        available: Collection[Lifeline],
        used: Collection[Lifeline],
        *,
        typing: bool,
        paused: bool,
    ) -> None:
        """Re-render from the session: what is left, what is used, and which keys to show.
        Only what changed is set: a relabelled button is laid out again (its width may change),
        and this runs on every question."""
        for lifeline in Lifeline:
            button = self.query_one(f"#lifeline-{lifeline.value}", Button)
            key = key_label(lifeline, typing)
            if lifeline in used:
                _relabel(button, f"{lifeline.label} (used)")
            else:
                _relabel(button, f"{key} {lifeline.label}")
            button.disabled = paused or lifeline not in available
            button.display = lifeline in used or lifeline in available
        self.query_one("#lifelines-label").display = any(
            lifeline in used or lifeline in available for lifeline in Lifeline
        )
        pause = self.query_one("#pause", Button)
        # While paused the text box is hidden, so the letter resumes as well as the function key.
        _relabel(
            pause,
            f"{key_label('pause', typing and not paused)} " + ("Resume" if paused else "Pause"),
        )


def _relabel(button: Button, label: str) -> None:
    if str(button.label) != label:
        button.label = label
        button.refresh(layout=True)  # a new label may need a new width
