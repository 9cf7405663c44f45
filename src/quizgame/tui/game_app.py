"""What every quizgame app shares (the game's `QuizApp` and the party's host, player and
hot-seat apps): notices that quote untrusted text literally, and a crash made one line on the
terminal plus a crash log (`tui/crash.py`). Each gives Textual the one stylesheet its own way
(`tui/stylesheet.py`): the game Home's rules first, the party's apps all of it."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.notifications import SeverityLevel

from quizgame.tui import crash, safetext


class GameApp(App[None]):
    """A quizgame app. Subclasses set `CSS` (from `tui/stylesheet.py`), say where a crash's
    details go (`crash_path`) and whether a notice is markup unless the caller says otherwise
    (`NOTICE_MARKUP`)."""

    NOTICE_MARKUP: ClassVar[bool] = True

    def crash_path(self) -> Path:
        """The crash log's path (a file in the data folder)."""
        raise NotImplementedError

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool | None = None,
    ) -> None:
        """Every notice passes here. A literal one (`markup` False, or None where the app's
        `NOTICE_MARKUP` is False) may quote a pack, a player's name or an error: it is shown
        as written, its control characters removed (a name such as `[/b]` would otherwise
        break the toast, and `[@click=...]` make it an action)."""
        literal = not (self.NOTICE_MARKUP if markup is None else markup)
        if literal:
            message, title = safetext.clean(message), safetext.clean(title)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=not literal)

    def _handle_exception(self, error: Exception) -> None:
        # The one private Textual method the game overrides (see quizgame.tui.crash): a crash is
        # one line on the terminal and a crash log. Pilot tests still see the exception itself.
        self.bell()
        crash.as_one_line(error, self.crash_path())
        super()._handle_exception(error)
