"""The line above every question: question n of N with a bar (in blitz just n: its clock is the
progress), the score, streak and lives."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget

from quizgame.core.play.modes import SURVIVAL_LIVES
from quizgame.core.play.session import Session
from quizgame.tui.widgets.drawn import Part, PartsLine, repaint
from quizgame.tui.widgets.meter import meter_parts


def lives_text(lives: int) -> str:
    """Lives as hearts, full and empty, so they read without colour."""
    return "♥" * max(0, lives) + "♡" * max(0, SURVIVAL_LIVES - lives)


class StatusBar(Widget):
    """Draws the session's progress and score on one line; `show` redraws it."""

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self._line = PartsLine(self)

    def _score_parts(self) -> list[Part]:
        session = self.session
        parts: list[Part] = [
            ("  Score ", "$text-muted"),
            (f"{session.score:,}", "bold"),
            ("  Streak ", "$text-muted"),
            (str(session.streak), "bold"),
        ]
        if session.lives is not None:
            parts += [("  Lives ", "$text-muted"), (lives_text(session.lives), "bold $text-error")]
        return parts

    def score_text(self) -> Content:
        return Content.assemble(*self._score_parts())

    def _parts(self) -> list[Part]:
        session = self.session
        score = self._score_parts()
        score_width = sum(cell_len(text) for text, _ in score)
        if session.mode.session_clock:
            # Blitz plays every matching question against one clock: "of 173" would mislead,
            # and the session's clock (its own bar, under this one) is the progress.
            position = f"Question {session.position}"
            room = self.size.width - cell_len(position) - score_width
            return [(position, "bold"), (" " * max(0, room), ""), *score]
        position = f"Question {session.position} of {session.total} "
        room = self.size.width - cell_len(position) - score_width
        done = len(session.records) / session.total if session.total else 0.0
        return [(position, "bold"), *meter_parts(room, done), *score]

    def render(self) -> Content:
        return Content.assemble(*self._parts())

    def render_line(self, y: int) -> Strip:
        """Drawn straight from its parts (`widgets.drawn.PartsLine`): it changes with every
        answer."""
        width = self.content_size.width
        return self._line.strip(self._parts(), width) if y == 0 else Strip.blank(width)

    def show(self, session: Session | None = None) -> None:
        """Redraw (from `session`, if it is another one)."""
        if session is not None:
            self.session = session
        repaint(self)
