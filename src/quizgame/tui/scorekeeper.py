"""The score history in the game: each session recorded as it is played, and on the results
screen where the score stands (its rank among your plays of the pack and mode with the same
settings, your personal best among them, "New best!").

A `SessionListener` and a `ResultsPanel` (see `hooks`). The database opens on first use; if it
cannot be used the player is told once, in one line, and the game plays on unrecorded.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from quizgame.core.play.modes import Mode
from quizgame.core.scores.database import StoreError
from quizgame.core.scores.store import ScoreStore
from quizgame.tui import safetext
from quizgame.tui.hooks import NullListener

if TYPE_CHECKING:  # Home makes the keeper (learn counts): play's modules load with the session
    from quizgame.core.play.dealing import SessionOptions
    from quizgame.core.play.results import AnswerRecord, Results
    from quizgame.core.play.session import Session
    from quizgame.core.scores.queries import Standing
    from quizgame.core.scores.recorder import SessionRecorder

# Another quizgame writing at the same moment takes milliseconds; anything longer is a lock
# held on purpose, and the game should not freeze waiting for it.
BUSY_TIMEOUT = 0.5


SPOILER_WORDS = {"none": "no spoilers", "mid": "spoilers up to mid-film", "ending": "all spoilers"}


def settings_words(options: SessionOptions) -> str:
    """The settings a rank compares (`queries.RANKED_SETTINGS`), in words:
    "10 questions · any difficulty · every category · no spoilers"."""
    words = []
    if options.mode.uses_count:
        words.append(f"{options.count} questions" if options.count else "every question")
    words.append(options.difficulty.value if options.difficulty else "any difficulty")
    words.append(", ".join(sorted(options.categories)) or "every category")
    words.append(SPOILER_WORDS.get(options.spoiler.value, options.spoiler.value))
    if options.time_limit is not None:
        per = "the session" if options.mode.session_clock else "a question"
        words.append(f"{options.time_limit:g} s for {per}")
    return " · ".join(words)


def standing_text(standing: Standing, mode: str, settings: str = "") -> Content:
    """'New best!' or the personal best, then the rank and the `settings` it is among (our own
    words and numbers, and the pack's category names, cleaned)."""
    if standing.new_best:
        previous = standing.previous_best
        first = Content.assemble(
            ("New best!", "bold $text-success"),
            f"  (previous best {previous:,})" if previous is not None else "",
        )
    else:
        first = Content.assemble("Personal best ", (f"{standing.best:,}", "bold"))
    rank = f"Rank {standing.rank} of {standing.out_of} among your {mode} plays of this pack"
    if not settings:
        return Content.assemble(first, "\n", rank)
    return Content.assemble(
        first, "\n", rank, " with the same settings:\n", (safetext.clean(settings), "italic")
    )


class ScoreKeeper(NullListener):
    """Records the app's sessions in the score history and answers the results screen."""

    def __init__(self, path: Path, report: Callable[[str], None] = lambda _message: None) -> None:
        self.path = path
        self.report = report  # one line for the player
        self._store: ScoreStore | None = None
        self._unusable = False
        self._recorders: dict[int, SessionRecorder] = {}
        self._ended: tuple[Session, SessionRecorder] | None = None

    @property
    def store(self) -> ScoreStore | None:
        """The score history, opened on first use; None if it cannot be used."""
        if self._store is None and not self._unusable:
            try:
                self._store = ScoreStore.open(self.path, busy_timeout=BUSY_TIMEOUT)
            except StoreError as exc:
                self._unusable = True
                self.report(f"Scores are not being saved: {exc}.")
                return None
            if self._store.notice:
                self.report(f"Score history: {self._store.notice}.")
        return self._store

    def close(self) -> None:
        """Write the answers still kept, then let the score history go (a session still
        running is marked abandoned by the store)."""
        try:
            self.flush()
        finally:  # whatever a write raised, the session is ended and the lock let go
            if self._store is not None:
                self._store.close()
                self._store = None

    def flush(self) -> None:
        """Write the answers kept since the last flush (see `answer_recorded`)."""
        for recorder in self._recorders.values():
            recorder.flush()

    def seen(self, pack_id: str) -> tuple[str, ...]:
        """The pack's questions this player was asked, least recently first (fresh-first
        dealing); empty if the history cannot be read."""
        store = self.store
        if store is None:
            return ()
        from quizgame.core.scores.queries import seen_ids  # after Home: not at start-up

        try:
            return store.read(seen_ids, pack_id)
        except StoreError:
            return ()

    # --- SessionListener -----------------------------------------------------------------------

    def session_started(self, session: Session) -> None:
        from quizgame.core.scores.recorder import SessionRecorder

        recorder = SessionRecorder(
            self.store,
            on_error=lambda exc: self.report(f"This session is not being saved: {exc}."),
            deferred=True,
        )
        recorder.start(session)
        self._recorders[id(session)] = recorder

    def answer_recorded(self, session: Session, record: AnswerRecord) -> None:
        """Note the answer; it is written at the next `flush` (the app calls it once the
        feedback is drawn, and before the next question), at the session's end or at `close`,
        so that the key that answers waits for no write."""
        recorder = self._recorders.get(id(session))
        if recorder is not None:
            recorder(record)

    def session_ended(self, session: Session, results: Results) -> None:
        recorder = self._recorders.pop(id(session), None)
        if recorder is not None:
            recorder.finish(session)
            self._ended = (session, recorder)

    # --- ResultsPanel --------------------------------------------------------------------------

    def session_id(self, session: Session) -> int | None:
        """The stored id of a session that has ended and was recorded whole."""
        if self._ended is None or self._ended[0] is not session:
            return None
        recorder = self._ended[1]
        return recorder.session_id if recorder.finished else None

    def results_panel(self, session: Session, results: Results) -> Widget | None:
        """Rank and personal best for the results screen."""
        store = self.store
        session_id = self.session_id(session)
        if store is None or session_id is None:
            return Static("This session was not saved to your score history.", id="standing")
        from quizgame.core.scores.queries import (
            standing as read_standing,
        )  # after Home: not at start-up

        try:
            standing = store.read(read_standing, session_id)
        except StoreError as exc:
            self.report(f"Score history: {exc}.")
            return None
        if standing is None:
            if session.options.daily is not None or session.mode is Mode.LEARN:
                return None  # the share panel says whether it counted, or what is due next
            return Static("A practice session: not ranked.", id="standing")
        text = standing_text(standing, session.mode.value, settings_words(session.options))
        return Static(text, id="standing")
