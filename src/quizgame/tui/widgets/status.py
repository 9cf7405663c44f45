"""The line above every question: question n of N with a bar (in blitz just n: its clock is the
progress), the score, streak and lives."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget

from quizgame.core.play.modes import SURVIVAL_LIVES
from quizgame.core.play.session import Session
from quizgame.tui.widgets.drawn import line_strip, repaint
from quizgame.tui.widgets.meter import meter


def lives_text(lives: int) -> str:
    """Lives as hearts, full and empty, so they read without colour."""
    return "♥" * max(0, lives) + "♡" * max(0, SURVIVAL_LIVES - lives)


class StatusBar(Widget):
    """Draws the session's progress and score on one line; `show` redraws it."""

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session

    def score_text(self) -> Content:
        session = self.session
        parts: list[tuple[str, str]] = [
            ("  Score ", "$text-muted"),
            (f"{session.score:,}", "bold"),
            ("  Streak ", "$text-muted"),
            (str(session.streak), "bold"),
        ]
        if session.lives is not None:
            parts += [("  Lives ", "$text-muted"), (lives_text(session.lives), "bold $text-error")]
        return Content.assemble(*parts)

    def render(self) -> Content:
        session = self.session
        score = self.score_text()
        if session.mode.session_clock:
            # Blitz plays every matching question against one clock: "of 173" would mislead,
            # and the session's clock (its own bar, under this one) is the progress.
            position = f"Question {session.position}"
            room = self.size.width - cell_len(position) - score.cell_length
            return Content.assemble((position, "bold"), " " * max(0, room), score)
        position = f"Question {session.position} of {session.total} "
        room = self.size.width - cell_len(position) - score.cell_length
        done = len(session.records) / session.total if session.total else 0.0
        return Content.assemble((position, "bold"), meter(room, done), score)

    def render_line(self, y: int) -> Strip:
        """Drawn straight from `render` (`widgets.drawn`): it changes with every answer."""
        width = self.content_size.width
        return line_strip(self, self.render(), width) if y == 0 else Strip.blank(width)

    def show(self, session: Session | None = None) -> None:
        """Redraw (from `session`, if it is another one)."""
        if session is not None:
            self.session = session
        repaint(self)
