"""The score history: every session and every answer, in SQLite in the player's data folder.

Each answer is committed as it is given, so a session cut short by SIGKILL or a closed terminal
keeps its answers; the next time the store opens it finds the session's owner gone (see
`owners.py`) and marks it abandoned. A damaged database is moved aside under a timestamped name
and a new one started; a locked one is reported. Either way the message is one line
(`StoreError`), and nothing is deleted.

Plain Python and the standard library's sqlite3: the game, the commands and the benchmark share it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from quizgame.core.play.modes import EndReason
from quizgame.core.scores import database
from quizgame.core.scores.database import (
    StoreCorrupt,
    StoreError,
    connect,
    damage_marker,
    set_aside,
    translate,
)
from quizgame.core.scores.owners import OwnerLock, owner_alive

if TYPE_CHECKING:  # the read-only commands (scores, history) never load the game's rules
    from quizgame.core.play.dealing import SessionOptions
    from quizgame.core.play.results import AnswerRecord, Results
    from quizgame.core.play.session import Session

# A session's status in the history
IN_PROGRESS = "in_progress"
FINISHED = "finished"
ABANDONED = "abandoned"
# A session's kind: a practice session (a chosen list of questions) is not ranked with plays
PLAY = "play"
PRACTICE = "practice"
DAILY = "daily"  # the counted (first) try of a day's daily quiz; a second try is practice

Now = Callable[[], datetime]
P = ParamSpec("P")
T = TypeVar("T")


def utc_now() -> datetime:
    return datetime.now(UTC)


def timestamp(moment: datetime) -> str:
    """How times are stored: ISO 8601 in UTC, to the millisecond."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def verdict_word(record: AnswerRecord) -> str:
    """An answer's verdict as stored: correct, partial, wrong, timed_out or skipped."""
    if record.skipped:
        return "skipped"
    if record.timed_out:
        return "timed_out"
    if record.correct:
        return "correct"
    return "partial" if record.verdict.partial else "wrong"


def settings_of(options: SessionOptions) -> dict[str, Any]:
    """The options worth keeping beside a session (mode and seed have their own columns)."""
    return {
        "count": options.count,
        "categories": sorted(options.categories),  # sorted: ranks compare them whole
        "difficulty": options.difficulty.value if options.difficulty else None,
        "spoiler": options.spoiler.value,
        "time_limit": options.time_limit,
        "question_ids": list(options.question_ids),
        **({"daily": options.daily} if options.daily else {}),  # the daily quiz's date
    }


class ScoreStore:
    """The player's score history. Open with `ScoreStore.open(path)`; close when done.

    Questions of the history are functions in `queries.py`, run with `read`.
    """

    def __init__(
        self, path: Path, conn: sqlite3.Connection, now: Now, notice: str | None = None
    ) -> None:
        self.path = path
        self.notice = notice  # one line to show the player (a damaged database set aside)
        self._conn = conn
        self._now = now
        self._lock = threading.RLock()  # one connection, shared by the UI and its workers
        self._owner = OwnerLock(self.live_dir)

    # --- opening -----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        busy_timeout: float | None = None,
        now: Now = utc_now,
    ) -> ScoreStore:
        """Open (creating or migrating as needed) the database at `path`.

        A damaged database is set aside and a new one started (`notice` says so); any other
        problem raises `StoreError` with one line for the player.
        """
        path = Path(path)
        if busy_timeout is None:
            busy_timeout = database.BUSY_TIMEOUT
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder {path.parent}: {exc.strerror}") from None
        notice = None
        try:
            conn = connect(path, busy_timeout)
        except StoreCorrupt as exc:
            aside = set_aside(path, now())
            notice = f"{exc}; moved it to {aside.name} and started a new one"
            conn = connect(path, busy_timeout)
        store = cls(path, conn, now, notice)
        try:
            store.mark_lost_sessions()
        except BaseException:
            conn.close()
            raise
        return store

    @staticmethod
    def exists(path: str | os.PathLike[str]) -> bool:
        return Path(path).exists()

    @property
    def live_dir(self) -> Path:
        """Where the lock files of the processes writing sessions live."""
        return self.path.with_name(self.path.name + "-live")

    def close(self) -> None:
        """Mark this process's unfinished sessions abandoned, and let go of the database."""
        with self._lock:
            if self._owner.held:
                with contextlib.suppress(StoreError), self._write() as conn:
                    conn.execute(
                        "UPDATE sessions SET status = ?, ended_at = ? "
                        "WHERE status = ? AND owner = ?",
                        (ABANDONED, timestamp(self._now()), IN_PROGRESS, self._owner.token),
                    )
                self._owner.release()
            self._conn.close()
            database.left_sound(self.path)  # the next open need not check it again

    def __enter__(self) -> ScoreStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- transactions ------------------------------------------------------------------------

    def _failure(self, exc: sqlite3.Error) -> StoreError:
        error = translate(exc, self.path)
        if isinstance(error, StoreCorrupt):
            with contextlib.suppress(OSError):
                damage_marker(self.path).write_text(str(error) + "\n", encoding="utf-8")
            error = StoreCorrupt(f"{error}; it will be set aside when quizgame next starts")
        return error

    def read(
        self,
        query: Callable[Concatenate[sqlite3.Connection, P], T],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """`query(connection, *args, **kwargs)`, e.g. `store.read(best_scores, pack_id="films")`,
        with this store's connection, under its lock; a database failure raises `StoreError`."""
        with self._read() as conn:
            return query(conn, *args, **kwargs)

    def write(
        self,
        change: Callable[Concatenate[sqlite3.Connection, P], T],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """`change(connection, *args, **kwargs)` in one transaction, committed on return (e.g.
        `store.write(cards.record_review, ...)`); a database failure raises `StoreError`."""
        with self._write() as conn:
            return change(conn, *args, **kwargs)

    def now(self) -> datetime:
        """This store's idea of now (aware, UTC; a fixed clock in tests)."""
        return self._now()

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise self._failure(exc) from None

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction, committed on leaving (durable across a killed process)."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if self._conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self._conn.execute("ROLLBACK")
                raise self._failure(exc) from None

    # --- writing -----------------------------------------------------------------------------

    def mark_lost_sessions(self) -> int:
        """Mark abandoned the unfinished sessions whose process is gone; returns how many."""
        with self._read() as conn:
            rows = conn.execute("SELECT id, owner FROM sessions WHERE status = ?", (IN_PROGRESS,))
            candidates = rows.fetchall()
        alive: dict[str | None, bool] = {}
        lost = []
        for session_id, owner in candidates:
            if self._owner.held and owner == self._owner.token:  # held: the token is made
                continue
            if owner not in alive:
                alive[owner] = owner_alive(self.live_dir, owner)
            if not alive[owner]:
                lost.append((session_id,))
        if not lost:
            return 0
        with self._write() as conn:
            # ended_at: the last answer (or the start); duration: the time spent answering.
            conn.executemany(
                """
                UPDATE sessions SET status = 'abandoned',
                    ended_at = coalesce(
                        (SELECT max(answered_at) FROM answers WHERE session_id = sessions.id),
                        started_at),
                    duration = coalesce(
                        (SELECT round(sum(time_taken), 3) FROM answers
                         WHERE session_id = sessions.id), 0)
                WHERE id = ? AND status = 'in_progress'
                """,
                lost,
            )
        return len(lost)

    def start_session(self, session: Session) -> int:
        """Record a session as it starts; returns its id for `record_answer` and `finish`."""
        import json  # writing only: reading the history (`quizgame scores`) never needs it

        try:
            self._owner.acquire()
        except OSError as exc:
            raise StoreError(
                f"cannot write beside the score database in {self.live_dir}: {exc.strerror or exc}"
            ) from None
        options = session.options
        started = self._now()
        with self._write() as conn:
            kind = PRACTICE if options.question_ids else PLAY
            if options.daily is not None:
                tried = conn.execute(
                    "SELECT 1 FROM sessions WHERE kind = ? AND pack_id = ? "
                    "AND json_extract(settings, '$.daily') = ?",
                    (DAILY, session.pack.id, options.daily),
                ).fetchone()
                kind = PRACTICE if tried else DAILY
            cursor = conn.execute(
                """
                INSERT INTO sessions (pack_id, pack_title, mode, settings, seed, started_at,
                                      local_day, status, pid, kind, total, owner)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                (
                    session.pack.id,
                    session.pack.title,
                    session.mode.value,
                    json.dumps(settings_of(options), ensure_ascii=False),
                    session.seed,
                    timestamp(started),
                    started.astimezone().date().isoformat(),  # the player's day, where they are
                    IN_PROGRESS,
                    os.getpid(),
                    kind,
                    session.total,
                    self._owner.token,
                ),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def record_answer(
        self, session_id: int, record: AnswerRecord, *, answered_at: datetime | None = None
    ) -> None:
        """Write one answer and the session's running totals, committed at once. `answered_at`:
        when it was given (an aware datetime; now if None)."""
        verdict = verdict_word(record)
        correct = int(record.correct and not record.skipped)
        answered = int(not record.skipped)
        with self._write() as conn:
            conn.execute(
                """
                INSERT INTO answers (session_id, pack_id, number, question_id, given, verdict,
                                     points, streak_bonus, time_taken, answered_at)
                VALUES (?, (SELECT pack_id FROM sessions WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                (
                    session_id,
                    session_id,
                    record.number,
                    record.question_id,
                    None if record.given is None else record.given_text,
                    verdict,
                    record.points,
                    record.streak_bonus,
                    record.time_taken,
                    timestamp(answered_at or self._now()),
                ),
            )
            # Right-hand sides see the old values. A session another process took for lost
            # while it lived (a shared folder without working locks) comes back to life.
            conn.execute(
                """
                UPDATE sessions SET score = score + ?, correct = correct + ?,
                    answered = answered + ?, asked = asked + 1,
                    accuracy = CAST(correct + ? AS REAL) / max(answered + ?, 1),
                    status = CASE WHEN owner = ? THEN 'in_progress' ELSE status END
                WHERE id = ?
                """,
                (
                    record.points,
                    correct,
                    answered,
                    correct,
                    answered,
                    self._owner.token,
                    session_id,
                ),
            )

    def finish_session(self, session_id: int, results: Results) -> None:
        """Write the final results: finished, or abandoned when the player quit."""
        import json  # as in `start_session`

        status = ABANDONED if results.end_reason is EndReason.ABANDONED else FINISHED
        with self._write() as conn:
            conn.execute(
                """
                UPDATE sessions SET status = ?, end_reason = ?, score = ?, accuracy = ?,
                    correct = ?, answered = ?, asked = ?, total = ?, best_streak = ?,
                    duration = ?, lifelines = ?, ended_at = ?
                WHERE id = ?
                """,
                (
                    status,
                    results.end_reason.value,
                    results.score,
                    results.accuracy,
                    results.correct,
                    results.answered,
                    results.asked,
                    results.total,
                    results.best_streak,
                    results.duration,
                    json.dumps([lifeline.value for lifeline in results.lifelines_used]),
                    timestamp(self._now()),
                    session_id,
                ),
            )
