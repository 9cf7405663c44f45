"""Writing one session to the score store as it is played, without ever stopping the game."""

from __future__ import annotations

from collections.abc import Callable

from quizgame.core.learn.cards import record_review
from quizgame.core.learn.rating import rating_for
from quizgame.core.play.modes import Mode
from quizgame.core.play.results import AnswerRecord
from quizgame.core.play.session import Session
from quizgame.core.scores.database import StoreError
from quizgame.core.scores.store import ScoreStore, verdict_word


class SessionRecorder:
    """Writes one session to the store as it is played. Pass it as `Session(on_record=...)`,
    then call `start` once the session exists and `finish` when it ends. In learn mode each
    answer is also a review of its card (`core/learn`), written with it.

    It never raises into the game: a store problem is kept in `error` and reported once to
    `on_error`, and play goes on unrecorded (half a session is not written as if it were whole;
    the store marks it abandoned when it closes).
    """

    def __init__(
        self,
        store: ScoreStore | None,
        on_error: Callable[[StoreError], None] | None = None,
    ) -> None:
        self.store = store
        self.on_error = on_error
        self.session_id: int | None = None
        self.error: StoreError | None = None
        self.finished = False
        self._session: Session | None = None

    def _failed(self, exc: StoreError) -> None:
        if self.error is None:
            self.error = exc
            if self.on_error is not None:
                self.on_error(exc)

    def start(self, session: Session) -> None:
        self._session = session
        if self.store is None:
            return
        try:
            self.session_id = self.store.start_session(session)
        except StoreError as exc:
            self._failed(exc)

    @property
    def recording(self) -> bool:
        return self.store is not None and self.session_id is not None and self.error is None

    def __call__(self, record: AnswerRecord) -> None:
        if not self.recording:
            return
        assert self.store is not None and self.session_id is not None
        try:
            self.store.record_answer(self.session_id, record)
            session = self._session
            if session is not None and session.mode is Mode.LEARN:
                self.store.write(
                    record_review,
                    session.pack.id,
                    record.question_id,
                    # the hint lifeline shows its hint until the next round
                    rating_for(record, hinted=session.hint is not None),
                    self.store.now(),
                    verdict=verdict_word(record),
                    time_taken=record.time_taken,
                    session_id=self.session_id,
                )
        except StoreError as exc:
            self._failed(exc)

    def finish(self, session: Session) -> None:
        """Write the results (a session still running is written as abandoned)."""
        if not self.recording or self.finished:
            return
        session.abandon()  # no-op once finished
        assert self.store is not None and self.session_id is not None
        try:
            self.store.finish_session(self.session_id, session.results())
            self.finished = True
        except StoreError as exc:
            self._failed(exc)
