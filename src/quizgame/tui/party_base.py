"""What the party game's three apps (host, player, hot-seat) share: the styles, the title, Ctrl+Q,
and a crash made one line on the terminal and a crash log, as in the game (`tui/crash.py`)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from quizgame.core import paths
from quizgame.tui import crash, stylesheet


class PartyApp(App[None]):
    """A party app; `crash_log` is where a bug's details go (the data folder's crash.log)."""

    CSS = stylesheet.app_css()  # the game's one stylesheet, read as QuizApp reads it
    TITLE = "quizgame party"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    crash_log: Path | None = None

    def _handle_exception(self, error: Exception) -> None:
        # As QuizApp does (see quizgame.tui.crash); Pilot tests still see the exception itself.
        self.bell()
        crash.as_one_line(error, self.crash_log or paths.data_dir(None) / "crash.log")
        super()._handle_exception(error)
