"""Writing one session to the score store as it is played, without ever stopping the game."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from quizgame.core.learn.cards import record_review
from quizgame.core.learn.rating import rating_for
from quizgame.core.play.modes import Mode
from quizgame.core.play.results import AnswerRecord
from quizgame.core.play.session import Session
from quizgame.core.scores.database import StoreError
from quizgame.core.scores.store import ScoreStore, verdict_word

if TYPE_CHECKING:
    from fsrs import Rating


@dataclass(frozen=True)
class Kept:
    """An answer noted but not yet written: the record, when it was given (the store's time),
    and in learn mode its review's rating as it stood then (a hint is shown until the next
    round)."""

    record: AnswerRecord
    answered_at: datetime
    rating: Rating | None


class SessionRecorder:
    """Writes one session to the store as it is played. Pass it as `Session(on_record=...)`,
    then call `start` once the session exists and `finish` when it ends. In learn mode each
    answer is also a review of its card (`core/learn`), written with it.

    Each answer is written as it is given, or with `deferred` when `flush` is called: the game
    shows the feedback first and writes after that frame (issue 13). A deferred answer is
    noted with its own time and rating, so it is written as it would have been at once;
    `finish` writes any still kept before the results, and whoever holds a deferred recorder
    must `flush` before letting the store go (`tui/scorekeeper.ScoreKeeper.close` does).

    It never raises into the game: a store problem is kept in `error` and reported once to
    `on_error`, and play goes on unrecorded (half a session is not written as if it were whole;
    the store marks it abandoned when it closes).
    """

    def __init__(
        self,
        store: ScoreStore | None,
        on_error: Callable[[StoreError], None] | None = None,
        *,
        deferred: bool = False,
    ) -> None:
        self.store = store
        self.on_error = on_error
        self.deferred = deferred
        self.session_id: int | None = None
        self.error: StoreError | None = None
        self.finished = False
        self._session: Session | None = None
        self._kept: list[Kept] = []

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

    @property
    def pending(self) -> int:
        """How many answers are kept, not yet written (only ever more than 0 when `deferred`)."""
        return len(self._kept)

    def __call__(self, record: AnswerRecord) -> None:
        """Note `record` (an answer, skip or time-out) and write it, at once or, when
        `deferred`, at the next `flush`."""
        if not self.recording:
            return
        assert self.store is not None
        session = self._session
        rating = None
        if session is not None and session.mode is Mode.LEARN:
            # the hint lifeline shows its hint until the next round
            rating = rating_for(record, hinted=session.hint is not None)
        self._kept.append(Kept(record, self.store.now(), rating))
        if not self.deferred:
            self.flush()

    def flush(self) -> None:
        """Write every answer kept, in the order given (nothing to do when none is)."""
        kept, self._kept = self._kept, []
        if not kept or not self.recording:
            return
        assert self.store is not None and self.session_id is not None
        session = self._session
        try:
            for answer in kept:
                record = answer.record
                self.store.record_answer(self.session_id, record, answered_at=answer.answered_at)
                if answer.rating is not None and session is not None:
                    self.store.write(
                        record_review,
                        session.pack.id,
                        record.question_id,
                        answer.rating,
                        answer.answered_at,
                        verdict=verdict_word(record),
                        time_taken=record.time_taken,
                        session_id=self.session_id,
                    )
        except StoreError as exc:
            self._failed(exc)

    def finish(self, session: Session) -> None:
        """Write the answers still kept, then the results (a session still running is
        written as abandoned)."""
        self.flush()
        if not self.recording or self.finished:
            return
        session.abandon()  # no-op once finished
        assert self.store is not None and self.session_id is not None
        try:
            self.store.finish_session(self.session_id, session.results())
            self.finished = True
        except StoreError as exc:
            self._failed(exc)
