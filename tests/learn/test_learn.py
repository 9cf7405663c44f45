"""Learn mode's core: ratings, due cards across days, the new-card limit, a changed pack, and
reviews written as the answers are given (fake dates throughout)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating

from quizgame.core.learn import cards
from quizgame.core.learn.rating import FAST_SECONDS, SLOW_SECONDS, rating_for
from quizgame.core.packs.model import Pack
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.judging import Verdict
from quizgame.core.play.modes import Lifeline, Mode
from quizgame.core.play.results import AnswerRecord
from quizgame.core.play.session import Session
from quizgame.core.scores.recorder import SessionRecorder
from quizgame.core.scores.store import ScoreStore
from tests.clocks import FakeClock
from tests.played import make_pack

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Dates:
    """A settable now for the store."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def days(self, n: float) -> None:
        self.now += timedelta(days=n)


@pytest.fixture
def dates() -> Dates:
    return Dates()


@pytest.fixture
def store(tmp_path: Path, dates: Dates) -> ScoreStore:
    return ScoreStore.open(tmp_path / "scores.db", now=dates)


def record(credit: float, seconds: float, *, skipped: bool = False) -> AnswerRecord:
    question = make_pack().questions[0]
    return AnswerRecord(1, question, "x", "x", Verdict(credit), 0, 0, seconds, skipped=skipped)


def test_ratings_from_verdicts_hints_and_times() -> None:
    assert rating_for(record(0.0, 3)) is Rating.Again
    assert rating_for(record(0.5, 3)) is Rating.Again  # partly right counts as a miss
    assert rating_for(record(0.0, 3, skipped=True)) is Rating.Again
    assert rating_for(record(1.0, FAST_SECONDS)) is Rating.Easy
    assert rating_for(record(1.0, FAST_SECONDS + 0.1)) is Rating.Good
    assert rating_for(record(1.0, SLOW_SECONDS)) is Rating.Good
    assert rating_for(record(1.0, SLOW_SECONDS + 0.1)) is Rating.Hard
    assert rating_for(record(1.0, 1), hinted=True) is Rating.Hard


def learn(store: ScoreStore, pack: Pack, answers: dict[str, bool], seconds: float = 8.0) -> Session:
    """A learn session of what is due now, answered right or wrong by question id."""
    deal = store.read(cards.deal, pack, store.now(), tz=UTC)
    options = SessionOptions(mode=Mode.LEARN, question_ids=deal.question_ids)
    clock = FakeClock()
    recorder = SessionRecorder(store)
    session = Session(pack, options, clock=clock, on_record=recorder)
    recorder.start(session)
    while not session.finished:
        round_ = session.current
        assert round_ is not None
        clock.advance(seconds)
        session.answer("right" if answers.get(round_.question.id, True) else "wrong a")
        session.advance()
    recorder.finish(session)
    return session


def test_a_new_pack_deals_new_cards_up_to_the_daily_limit(store: ScoreStore) -> None:
    pack = make_pack(n=14)
    deal = store.read(cards.deal, pack, store.now(), tz=UTC)
    assert deal.due == ()
    assert deal.new == tuple(f"q{i}" for i in range(1, 11))  # the pack's order, ten a day
    session = learn(store, pack, {})
    assert [r.question.id for r in session.rounds] == list(deal.new)
    # the same day: the ten are done, no more new ones today
    assert store.read(cards.deal, pack, store.now(), tz=UTC).question_ids == ()
    smaller = store.read(cards.deal, pack, store.now(), new_per_day=12, tz=UTC)
    assert smaller.new == ("q11", "q12")


def test_due_cards_come_back_across_days_oldest_first(store: ScoreStore, dates: Dates) -> None:
    pack = make_pack(n=3)
    learn(store, pack, {"q1": False, "q2": True, "q3": True})
    dates.days(1)
    deal = store.read(cards.deal, pack, store.now(), tz=UTC)
    assert deal.due == ("q1",)  # missed: back the next day; the others later
    assert deal.new == ()
    learn(store, pack, {"q1": True})
    status = store.read(cards.status, pack, store.now(), tz=UTC)
    assert status.due == 0 and status.cards == 3 and status.unseen == 0
    assert status.retention is not None and 0.8 < status.retention <= 1.0
    dates.days(60)
    later = store.read(cards.deal, pack, store.now(), tz=UTC)
    assert set(later.due) == {"q1", "q2", "q3"}
    due_at = {
        qid: store.read(cards.load_card, pack.id, qid).due  # type: ignore[union-attr]
        for qid in later.due
    }
    assert list(later.due) == sorted(due_at, key=lambda qid: (due_at[qid], qid))


def test_each_answer_is_a_review_written_at_once(store: ScoreStore) -> None:
    pack = make_pack(n=2)
    deal = store.read(cards.deal, pack, store.now(), tz=UTC)
    recorder = SessionRecorder(store)
    session = Session(
        pack,
        SessionOptions(mode=Mode.LEARN, question_ids=deal.question_ids),
        clock=FakeClock(),
        on_record=recorder,
    )
    recorder.start(session)
    session.answer("right")  # then the player quits
    rows = store.read(lambda c: c.execute("SELECT question_id, rating FROM reviews").fetchall())
    assert rows == [("q1", Rating.Easy.value)]  # no time passed on the fake clock: fast


def test_the_hint_makes_a_right_answer_hard(store: ScoreStore) -> None:
    from quizgame.core.packs.model import Question, QuestionType

    typed = Question(id="t1", type=QuestionType.TYPED, prompt="Capital of France?", answer="Paris")
    pack = Pack(id="typed", title="Typed", questions=(typed,))
    recorder = SessionRecorder(store)
    session = Session(
        pack, SessionOptions(mode=Mode.LEARN, question_ids=("t1",)), on_record=recorder
    )
    recorder.start(session)
    session.use_lifeline(Lifeline.HINT)
    session.answer("Paris")
    rating = store.read(lambda c: c.execute("SELECT rating FROM reviews").fetchone()[0])
    assert rating == Rating.Hard.value


def test_a_changed_pack_keeps_its_cards_by_question_id(store: ScoreStore, dates: Dates) -> None:
    pack = make_pack(n=3)
    learn(store, pack, {"q1": False, "q2": False, "q3": True})
    # q2 removed, q4 added, q1 reworded
    q1 = dataclasses.replace(pack.questions[0], prompt="Question one, reworded?")
    q4 = dataclasses.replace(pack.questions[2], id="q4")
    changed = dataclasses.replace(pack, questions=(q1, pack.questions[2], q4))
    dates.days(1)
    deal = store.read(cards.deal, changed, store.now(), tz=UTC)
    assert deal.due == ("q1",)  # q2's card is kept but not dealt
    assert deal.new == ("q4",)
    assert store.read(cards.load_card, pack.id, "q2") is not None
    status = store.read(cards.status, changed, store.now(), tz=UTC)
    assert (status.cards, status.unseen) == (2, 1)


def test_the_forecast_counts_reviews_due_over_the_next_days(
    store: ScoreStore, dates: Dates
) -> None:
    pack = make_pack(n=4)
    learn(store, pack, {"q1": False})
    counts = store.read(cards.forecast, pack, store.now(), 30, UTC)
    assert len(counts) == 30
    assert counts[0] == 0 and counts[1] == 1  # q1 tomorrow
    assert sum(counts) == 4  # the others within a month


def test_learn_sessions_keep_the_schedules_order(store: ScoreStore) -> None:
    pack = make_pack(n=5)
    options = SessionOptions(mode=Mode.LEARN, question_ids=("q4", "q2", "q5"))
    session = Session(pack, options, clock=FakeClock())
    assert [r.question.id for r in session.rounds] == ["q4", "q2", "q5"]
