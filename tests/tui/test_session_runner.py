"""`SessionRunner`: it deals questions this player has not met on a pack before repeating any
(the score history), a seeded session without the history; and it tells its listeners once how
each session ended."""

from __future__ import annotations

from pathlib import Path

from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import EndReason
from quizgame.core.play.results import Results
from quizgame.tui.sessions import SessionRunner
from tests.clocks import FakeClock
from tests.played import make_pack


def _play_through(runner: SessionRunner, options: SessionOptions) -> set[str]:
    session = runner.start(make_pack(n=6), options)
    asked = {r.question.id for r in session.rounds}
    while not session.finished:
        session.answer("right")
        session.advance()
    runner.finish()
    return asked


def test_a_new_session_brings_the_questions_not_yet_seen(tmp_path: Path) -> None:
    runner = SessionRunner(FakeClock(), [], [], tmp_path / "scores.db", lambda *_args: None)
    try:
        first = _play_through(runner, SessionOptions(count=3))
        second = _play_through(runner, SessionOptions(count=3))
        assert first.isdisjoint(second) and len(first | second) == 6
        seeded = {
            r.question.id
            for r in runner.start(make_pack(n=6), SessionOptions(count=3, seed=1)).rounds
        }
        again = {
            r.question.id
            for r in runner.start(make_pack(n=6), SessionOptions(count=3, seed=1)).rounds
        }
        assert seeded == again
    finally:
        runner.close()


class _Ends:
    """A listener that keeps how each session ended, and how often it was told."""

    def __init__(self) -> None:
        self.reasons: list[EndReason] = []

    def session_started(self, session: object) -> None:
        pass

    def answer_recorded(self, session: object, record: object) -> None:
        pass

    def session_ended(self, session: object, results: Results) -> None:
        self.reasons.append(results.end_reason)


def test_a_session_left_after_it_finished_ends_finished_once(tmp_path: Path) -> None:
    """Survival out of lives, blitz out of time: finished on the feedback, then left with
    Escape. It ends as finished (not abandoned), and leaving after the results tells no one
    twice."""
    ends = _Ends()
    runner = SessionRunner(FakeClock(), [ends], [], tmp_path / "scores.db", lambda *_a: None)
    try:
        session = runner.start(make_pack(n=1), SessionOptions(count=1))
        session.answer("right")
        session.advance()
        assert session.finished
        runner.end_early()  # left from the last feedback
        runner.end_early()
        assert ends.reasons == [EndReason.COMPLETED]
        runner.start(make_pack(n=2), SessionOptions(count=2))
        runner.end_early()  # left while running: abandoned, as ever
        assert ends.reasons == [EndReason.COMPLETED, EndReason.ABANDONED]
    finally:
        runner.close()
