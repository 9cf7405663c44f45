"""Extension points for features built on the game: what a session did, and results panels.

A `SessionListener` hears about every session the app plays (the score history stores them);
a `ResultsPanel` adds a widget to the results screen (a rank, a personal best). Both are passed
to `QuizApp(listeners=..., results_panels=...)` or appended to `app.listeners` /
`app.results_panels`. A listener that raises does not stop the game: the app reports it in one
line and plays on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeAlias

if TYPE_CHECKING:
    from textual.widget import Widget

    from quizgame.core.play.results import AnswerRecord, Results
    from quizgame.core.play.session import Session


class SessionListener(Protocol):
    """Told about a session's life: start, each answer as it is given, and its end."""

    def session_started(self, session: Session) -> None:
        """A session was built and its first question is about to be shown."""

    def answer_recorded(self, session: Session, record: AnswerRecord) -> None:
        """An answer, skip or time-out was recorded (called from `Session(on_record=...)`)."""

    def session_ended(self, session: Session, results: Results) -> None:
        """The session finished, or was abandoned (`results.end_reason` says which)."""


class NullListener:
    """A listener that does nothing; subclass it and override what you need."""

    def session_started(self, session: Session) -> None:
        pass

    def answer_recorded(self, session: Session, record: AnswerRecord) -> None:
        pass

    def session_ended(self, session: Session, results: Results) -> None:
        pass


ResultsPanel: TypeAlias = "Callable[[Session, Results], Widget | None]"
"""Builds a widget for the results screen's `#results-extra` area (None: nothing to show)."""
