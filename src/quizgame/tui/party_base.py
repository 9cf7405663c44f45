"""What the party game's three apps (host, player, hot-seat) share: the styles, the title, Ctrl+Q,
and a crash made one line on the terminal and a crash log, as in the game (`tui/crash.py`)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel

from quizgame.core import paths
from quizgame.tui import crash, safetext, stylesheet


class PartyApp(App[None]):
    """A party app; `crash_log` is where a bug's details go (the data folder's crash.log)."""

    CSS = stylesheet.app_css()  # the game's one stylesheet, read as QuizApp reads it
    TITLE = "quizgame party"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    crash_log: Path | None = None

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notice is literal text unless a caller asks for markup: the party's notices
        quote player names and the host's messages, which are untrusted (a name such as
        `[/b]` would otherwise break the toast, or `[@click=...]` make it an action)."""
        if not markup:
            message, title = safetext.clean(message), safetext.clean(title)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def _handle_exception(self, error: Exception) -> None:
        # As QuizApp does (see quizgame.tui.crash); Pilot tests still see the exception itself.
        self.bell()
        crash.as_one_line(error, self.crash_log or paths.data_dir(None) / "crash.log")
        super()._handle_exception(error)
