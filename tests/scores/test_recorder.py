"""A deferred SessionRecorder (the game's: the feedback is drawn before the answer is written):
answers kept until `flush`, written with their own time and learn rating, `finish` writing
what is kept first, and the history the same as an immediate recorder's."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fsrs import Rating

from quizgame.core import paths
from quizgame.core.packs.model import Pack, Question, QuestionType
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import Lifeline, Mode
from quizgame.core.play.session import Session
from quizgame.core.scores import queries
from quizgame.core.scores.recorder import SessionRecorder
from quizgame.core.scores.store import ScoreStore
from tests.clocks import FakeClock, WallClock
from tests.played import make_pack


def db(tmp_path: Path, name: str) -> Path:
    return paths.scores_db(paths.data_dir(tmp_path / name))


def answered_at(store: ScoreStore) -> list[str]:
    return store.read(
        lambda conn: [row[0] for row in conn.execute("SELECT answered_at FROM answers ORDER BY id")]
    )


def test_a_deferred_answer_waits_for_flush_and_keeps_its_own_time(tmp_path: Path) -> None:
    wall = WallClock()
    with ScoreStore.open(db(tmp_path, "data"), now=wall) as store:
        recorder = SessionRecorder(store, deferred=True)
        session = Session(
            make_pack(), SessionOptions(count=3, seed=1), clock=FakeClock(), on_record=recorder
        )
        recorder.start(session)
        session.answer("right")
        assert recorder.pending == 1
        assert recorder.session_id is not None
        assert store.read(queries.session_answers, recorder.session_id) == []
        wall.advance(seconds=30)  # written later than given: stored as given
        recorder.flush()
        assert recorder.pending == 0
        rows = store.read(queries.session_answers, recorder.session_id)
        assert [(row.number, row.verdict) for row in rows] == [(1, "correct")]
        assert answered_at(store) == ["2025-03-01T12:00:00.000+00:00"]
        recorder.flush()  # nothing kept: nothing written twice
        assert len(store.read(queries.session_answers, recorder.session_id)) == 1


def test_finish_writes_the_kept_answers_before_the_results(tmp_path: Path) -> None:
    with ScoreStore.open(db(tmp_path, "data")) as store:
        recorder = SessionRecorder(store, deferred=True)
        clock = FakeClock()
        session = Session(
            make_pack(), SessionOptions(count=2, seed=1), clock=clock, on_record=recorder
        )
        recorder.start(session)
        clock.advance(3)
        session.answer("right")
        session.advance()
        session.answer("wrong a")
        session.advance()
        assert recorder.pending == 2
        recorder.finish(session)
        assert recorder.pending == 0 and recorder.finished
        assert recorder.session_id is not None
        saved = store.read(queries.session_summary, recorder.session_id)
        assert saved is not None and saved.status == "finished"
        assert (saved.asked, saved.correct, saved.score) == (2, 1, session.score)
        assert len(store.read(queries.session_answers, recorder.session_id)) == 2


def played(path: Path, *, deferred: bool) -> tuple[Any, ...]:
    """The same session played into a new history, the recorder flushed only at the end when
    `deferred`; what the history holds of it."""
    wall = WallClock(datetime(2025, 3, 1, 12, 0, tzinfo=UTC))
    with ScoreStore.open(path, now=wall) as store:
        recorder = SessionRecorder(store, deferred=deferred)
        clock = FakeClock()
        options = SessionOptions(count=4, seed=42, mode=Mode.CHALLENGE, time_limit=10)
        session = Session(make_pack(), options, clock=clock, on_record=recorder)
        recorder.start(session)
        clock.advance(4)
        session.answer("right")
        session.advance()
        wall.advance(seconds=5)
        clock.advance(11)
        session.tick()  # a time-out
        session.advance()
        session.use_lifeline(Lifeline.SKIP)
        session.advance()
        wall.advance(seconds=5)
        session.answer("wrong b")
        session.advance()
        recorder.finish(session)
        assert recorder.session_id is not None
        summary = store.read(queries.session_summary, recorder.session_id)
        return (
            summary._replace(id=0) if summary else None,
            store.read(queries.session_answers, recorder.session_id),
            answered_at(store),
        )


def test_deferred_and_immediate_recorders_leave_the_same_history(tmp_path: Path) -> None:
    at_once = played(db(tmp_path, "at-once"), deferred=False)
    deferred = played(db(tmp_path, "deferred"), deferred=True)
    assert deferred == at_once
    assert len(deferred[1]) == 4


def test_a_deferred_learn_review_keeps_the_hint_shown_when_it_was_given(tmp_path: Path) -> None:
    typed = Question(id="t1", type=QuestionType.TYPED, prompt="Capital of France?", answer="Paris")
    other = Question(id="t2", type=QuestionType.TYPED, prompt="Capital of Spain?", answer="Madrid")
    pack = Pack(id="typed", title="Typed", questions=(typed, other))
    with ScoreStore.open(db(tmp_path, "data")) as store:
        recorder = SessionRecorder(store, deferred=True)
        options = SessionOptions(mode=Mode.LEARN, question_ids=("t1", "t2"))
        session = Session(pack, options, clock=FakeClock(), on_record=recorder)
        recorder.start(session)
        session.use_lifeline(Lifeline.HINT)
        session.answer("Paris")
        session.advance()  # the hint is gone now; the review is written after this
        assert session.hint is None
        recorder.flush()
        rows = store.read(lambda c: c.execute("SELECT question_id, rating FROM reviews").fetchall())
        assert rows == [("t1", Rating.Hard.value)]
