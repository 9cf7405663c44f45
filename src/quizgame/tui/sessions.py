"""The session in play and who hears about it: the listeners, the results panels, and the score
history's keeper. No screens here: the app (`QuizApp`) shows what this module reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.widget import Widget

    from quizgame.core.packs.model import Pack
    from quizgame.core.play.dealing import SessionOptions
    from quizgame.core.play.results import AnswerRecord, Results
    from quizgame.core.play.session import Clock, Session
    from quizgame.tui.hooks import ResultsPanel, SessionListener
    from quizgame.tui.scorekeeper import ScoreKeeper

Notice = Callable[[str, "SeverityLevel", "float | None"], None]  # a line, severity, timeout


class SessionRunner:
    """Builds sessions on `clock`, tells `listeners` about each, and collects `results_panels`.

    With `scores_db`, the score history's keeper (`scores`) joins the listeners and the panels
    before the first session. `notify` puts a line in front of the player: a listener or a
    panel that raises is reported there, and play goes on.
    """

    def __init__(
        self,
        clock: Clock,
        listeners: Iterable[SessionListener],
        results_panels: Iterable[ResultsPanel],
        scores_db: Path | None,
        notify: Notice,
    ) -> None:
        self.clock = clock
        self.listeners: list[SessionListener] = list(listeners)
        self.results_panels: list[ResultsPanel] = list(results_panels)
        self.session: Session | None = None
        self._ended: Session | None = None  # the last session the listeners were told ended
        self._scores_db = scores_db
        self._scores: ScoreKeeper | None = None
        self._notify = notify

    @property
    def scores(self) -> ScoreKeeper | None:
        """The score history's keeper (None without a database), made on first use."""
        if self._scores is None and self._scores_db is not None:
            from quizgame.tui.scorekeeper import ScoreKeeper

            self._scores = ScoreKeeper(self._scores_db, report=self._report)
            self.listeners.append(self._scores)
            self.results_panels.append(self._scores.results_panel)
            self.results_panels.append(self._share_panel)
        return self._scores

    def _share_panel(self, session: Session, results: Results) -> Widget | None:
        """The sharing panels (`sharing.SharePanels`), imported at the first results: they load
        the charts (plotext), which Home, where the keeper is first made, does not need."""
        from quizgame.tui.sharing import SharePanels

        return SharePanels(self._scores).results_panel(session, results)

    def _report(self, message: str) -> None:
        self._notify(message, "warning", 10)

    def close(self) -> None:
        """Close the score history (the answers kept are written first; a session still
        running is written as abandoned)."""
        if self._scores is not None:
            self._scores.close()

    def flush(self) -> None:
        """Write the answers the score history keeps unwritten (`ScoreKeeper.answer_recorded`):
        the app calls this once the feedback on an answer is drawn, and before the next round."""
        if self._scores is not None:
            try:
                self._scores.flush()
            except Exception as exc:  # as `_tell`: report it, play on
                self._notify(f"{exc}", "error", None)

    def start(self, pack: Pack, options: SessionOptions) -> Session:
        """Build a session, make it the one in play and tell the listeners (raises
        SessionError, and then the session in play stays as it was)."""
        from quizgame.core.play.session import Session

        keeper = self.scores  # now, so that the keeper hears about the session from its start
        if keeper is not None and options.seed is None and not options.question_ids:
            # Fresh first: questions this player has not met on this pack come before repeats.
            # A chosen seed deals as `quizgame sheet` does, with no history.
            options = replace(options, seen=keeper.seen(pack.id))
        options = self._dealt(pack, options)
        holder: list[Session] = []

        def recorded(record: AnswerRecord) -> None:
            self._tell(lambda listener: listener.answer_recorded(holder[0], record))

        session = Session(pack, options, clock=self.clock, on_record=recorded)
        holder.append(session)
        self.session = session
        self._tell(lambda listener: listener.session_started(session))
        return session

    def _dealt(self, pack: Pack, options: SessionOptions) -> SessionOptions:
        """Learn mode deals from the schedule in the score history, every time it starts (so
        "play again" brings what is still due); other modes deal as they are."""
        from quizgame.core.play.modes import Mode

        if options.mode is not Mode.LEARN:
            return options
        from quizgame.core.learn.plan import learn_options
        from quizgame.core.play.session import SessionError
        from quizgame.core.scores.database import StoreError

        store = self.scores.store if self.scores is not None else None
        if store is None:
            raise SessionError("learn mode keeps its cards in the score history, which is off")
        try:
            return learn_options(store, pack, options)
        except StoreError as exc:
            raise SessionError(str(exc)) from None

    def finish(self) -> tuple[Results, list[Widget]]:
        """The finished session's results, told to the listeners, and the panels' widgets."""
        session = self.session
        assert session is not None and session.finished
        self._ended = session
        results = session.results()
        self._tell(lambda listener: listener.session_ended(session, results))
        return results, self._panels(session, results)

    def end_early(self) -> None:
        """Abandon the session in play, if it is still running, and tell the listeners that it
        ended, unless they were told (a session that finished on its feedback, such as
        survival out of lives, and was left from there, ends finished, not abandoned)."""
        session = self.session
        if session is None or session is self._ended:
            return
        if not session.finished:
            session.abandon()
        self._ended = session
        results = session.results()
        self._tell(lambda listener: listener.session_ended(session, results))

    def _panels(self, session: Session, results: Results) -> list[Widget]:
        widgets = []
        for panel in self.results_panels:
            try:
                widget = panel(session, results)
            except Exception as exc:  # an extra must never cost the player their results
                self._notify(f"A results panel failed: {exc}", "warning", None)
                continue
            if widget is not None:
                widgets.append(widget)
        return widgets

    def _tell(self, event: Callable[[SessionListener], None]) -> None:
        for listener in self.listeners:
            try:
                event(listener)
            except Exception as exc:  # e.g. a locked score database: report it, play on
                self._notify(f"{exc}", "error", None)
