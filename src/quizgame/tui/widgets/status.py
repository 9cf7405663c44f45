"""The bar above every question: progress, score, streak and lives."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, ProgressBar

from quizgame.core.session import SURVIVAL_LIVES, Session


def lives_text(lives: int) -> str:
    """Lives as hearts, full and empty, so they read without colour."""
    return "♥" * max(0, lives) + "♡" * max(0, SURVIVAL_LIVES - lives)


class StatusBar(Horizontal):
    """Question n of N with a bar, then the score, streak and (in survival) lives."""

    def compose(self) -> ComposeResult:
        yield Label(id="status-position")
        yield ProgressBar(
            total=1, show_eta=False, show_percentage=False, id="status-progress"
        )  # show_eta=False: nothing here moves on its own
        yield Label(id="status-score")

    def show(self, session: Session) -> None:
        """Re-render from the session's state."""
        done = len(session.records)
        self.query_one("#status-position", Label).update(
            Content(f"Question {session.position} of {session.total}")
        )
        self.query_one("#status-progress", ProgressBar).update(total=session.total, progress=done)
        parts: list[str | tuple[str, str]] = [
            ("Score ", "$text-muted"),
            (f"{session.score:,}", "bold"),
            ("  Streak ", "$text-muted"),
            (str(session.streak), "bold"),
        ]
        if session.lives is not None:
            parts += [("  Lives ", "$text-muted"), (lives_text(session.lives), "bold $error")]
        self.query_one("#status-score", Label).update(Content.assemble(*parts))
