"""Helpers for the score store tests: a small pack, a wall clock, and sessions played to the end."""

from __future__ import annotations

from collections.abc import Sequence

from quizgame.core.packs.model import Difficulty, Pack, Question, QuestionType
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import Mode
from quizgame.core.play.session import Session
from quizgame.core.scores.recorder import SessionRecorder
from quizgame.core.scores.store import ScoreStore
from tests.clocks import FakeClock


def make_pack(pack_id: str = "films", n: int = 6) -> Pack:
    questions = tuple(
        Question(
            id=f"q{i}",
            type=QuestionType.MULTIPLE_CHOICE,
            prompt=f"Question {i}?",
            answer="right",
            choices=("right", "wrong a", "wrong b", "wrong c"),
            difficulty=Difficulty.MEDIUM,
            category="film",
        )
        for i in range(1, n + 1)
    )
    return Pack(id=pack_id, title=f"The {pack_id} pack", questions=questions)


def play(
    store: ScoreStore,
    pack: Pack,
    answers: Sequence[bool | None],
    *,
    mode: Mode = Mode.CLASSIC,
    seed: int = 1,
    question_ids: tuple[str, ...] = (),
    seconds: float = 2.0,
    finish: bool = True,
    count: int | None = None,
) -> tuple[Session, SessionRecorder]:
    """Play a session: True answers right, False wrong, None skips (once); `count` questions
    (default: one per answer, so the session completes)."""
    clock = FakeClock()
    recorder = SessionRecorder(store)
    options = SessionOptions(
        count=count or len(answers), seed=seed, mode=mode, question_ids=question_ids
    )
    session = Session(pack, options, clock=clock, on_record=recorder)
    recorder.start(session)
    for good in answers:
        clock.advance(seconds)
        if good is None:
            from quizgame.core.play.modes import Lifeline

            session.use_lifeline(Lifeline.SKIP)
        else:
            session.answer("right" if good else "wrong a")
        session.advance()
    if finish:
        recorder.finish(session)
    return session, recorder
