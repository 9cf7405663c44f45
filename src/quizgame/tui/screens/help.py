"""Help: every key, by screen. Opened with ? or F1 anywhere; Escape closes it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from quizgame.core.packs.model import QuestionType

SECTIONS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Home",
        (
            ("↑ ↓", "choose a pack"),
            ("Enter / s", "start playing the chosen pack"),
            ("d", "today's daily quiz of the chosen pack"),
            ("Tab", "move between the packs and the settings"),
            ("t", "light or dark colours"),
            ("v", "statistics: accuracy over time, most missed, practice"),
            ("e", "edit the chosen pack (bundled ones read-only)"),
            ("n", "make a new pack in the editor"),
        ),
    ),
    (
        "Question",
        (
            ("1-9", "pick a choice; in matching, the chosen item's match"),
            ("↑ ↓ Enter", "choose and answer; a click works too"),
            ("Shift+↑ ↓", "ordering: move the chosen item (or Space, ↑ ↓)"),
            ("← →", "matching: step through matches; Backspace unpairs"),
            ("Esc / F6", "list: give up, the names not found are missed"),
            ("f / F4", "lifeline 50:50 (multiple choice)"),
            ("s / F3", "lifeline skip: no points, streak kept"),
            ("h / F2", "lifeline hint (classic and learn, typed answers)"),
            ("p / F5", "pause: the question is hidden, any clock stops"),
            ("", "While typing an answer, use the function keys."),
        ),
    ),
    (
        "Feedback",
        (
            ("Enter / Space", "go on"),
            ("", "In blitz the session's clock stops while you read."),
        ),
    ),
    (
        "Statistics",
        (
            ("↑ ↓", "choose a pack"),
            ("w", "accuracy by day, week or month"),
            ("p", "practise the questions you keep missing"),
            ("h / Escape", "back to Home"),
        ),
    ),
    (
        "Results",
        (
            ("r", "play again with the same settings"),
            ("m", "replay only the questions you missed"),
            ("c", "copy the challenge code, or the daily quiz's share line"),
            ("h / Escape", "back to Home (or to Statistics, after practice)"),
        ),
    ),
    (
        "Pack editor",
        (
            ("↑ ↓", "choose a question"),
            ("/ or Ctrl+F", "find a question by its number or words (Enter: the next one)"),
            ("a", f"add a question (then 1-{len(QuestionType)} for its type)"),
            ("Enter / e", "edit the chosen question"),
            ("d / Delete", "delete it (asks first)"),
            ("Shift+↑ ↓", "move it up or down"),
            ("Ctrl+S", "save (in a question: keep the question)"),
            ("c", "copy a read-only pack to your packs, to edit it"),
            ("Escape", "back (asks first if there are unsaved changes)"),
        ),
    ),
    (
        "Anywhere",
        (
            ("? / F1", "this help"),
            ("Escape", "go back (leaving a session asks first)"),
            ("q / Ctrl+Q", "quit (asks first during a session)"),
        ),
    ),
)


def help_text() -> Content:
    """The key list (our own fixed text)."""
    parts: list[str | tuple[str, str]] = []
    for title, keys in SECTIONS:
        parts += [(title, "bold underline"), "\n"]
        for key, what in keys:
            parts += [(f"  {key:<14}", "bold"), what, "\n"]
        parts.append("\n")
    return Content.assemble(*parts[:-2])


class HelpScreen(ModalScreen[None]):
    """The keys of the game."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,question_mark,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "Escape to close"
            yield Static(help_text(), id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-box").focus()

    def action_close(self) -> None:
        self.dismiss(None)
