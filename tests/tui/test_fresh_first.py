"""The game deals questions this player has not met on a pack before repeating any (the score
history read by `SessionRunner`); a seeded session is dealt without the history."""

from __future__ import annotations

from pathlib import Path

from quizgame.core.play.dealing import SessionOptions
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
