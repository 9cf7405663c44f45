"""What the party game's three apps (host, player, hot-seat) share: the whole stylesheet, the
title, Ctrl+Q, literal notices and where a crash's details go (the rest, as in the game, from
`GameApp`)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType

from quizgame.core import paths
from quizgame.tui import stylesheet
from quizgame.tui.game_app import GameApp


class PartyApp(GameApp):
    """A party app; `crash_log` is where a bug's details go (the data folder's crash.log)."""

    CSS = stylesheet.app_css()  # quizgame.tcss, compacted: parsed faster before the first frame
    NOTICE_MARKUP = False  # notices quote player names and the host's messages
    TITLE = "quizgame party"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    crash_log: Path | None = None

    def crash_path(self) -> Path:
        return self.crash_log or paths.data_dir(None) / "crash.log"
