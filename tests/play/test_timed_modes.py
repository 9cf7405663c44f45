"""Timed modes, streaks, lives, lifelines and pause, driven by a fake clock (no sleeping)."""

from __future__ import annotations

import pytest

from quizgame.core.packs.model import Difficulty, Pack, Question, QuestionType
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import (
    BLITZ_SECONDS,
    DEFAULT_TIME_LIMIT,
    SURVIVAL_LIVES,
    EndReason,
    Lifeline,
    Mode,
)
from quizgame.core.play.results import AnswerRecord
from quizgame.core.play.scoring import speed_points, streak_bonus
from quizgame.core.play.session import Session, SessionError
from tests.clocks import FakeClock

P = Difficulty.MEDIUM.points  # 200


def mc(
    n: int, *, time_limit: float | None = None, difficulty: Difficulty = Difficulty.MEDIUM
) -> Question:
    return Question(
        id=f"q{n}",
        type=QuestionType.MULTIPLE_CHOICE,
        prompt=f"Question {n}?",
        answer="right",
        choices=("right", "wrong a", "wrong b", "wrong c"),
        difficulty=difficulty,
        category="film",
        time_limit=time_limit,
    )


def typed(n: int) -> Question:
    return Question(
        id=f"t{n}",
        type=QuestionType.TYPED,
        prompt=f"Who {n}?",
        answer="Penélope Cruz",
        hint="She plays Janis.",
    )


def pack(*questions: Question) -> Pack:
    return Pack(id="test", title="Test pack", questions=questions)


def start(
    clock: FakeClock, *questions: Question, mode: Mode = Mode.CHALLENGE, **options: object
) -> Session:
    qs = questions or tuple(mc(i) for i in range(1, 6))
    settings: dict[str, object] = {"count": None, **options}
    opts = SessionOptions(mode=mode, seed=7, **settings)  # type: ignore[arg-type]
    return Session(pack(*qs), opts, clock=clock)


def right(session: Session) -> AnswerRecord:
    return session.answer(session.current.question.answer)  # type: ignore[union-attr]


# --- speed points ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("taken", "expected"),
    [
        (0.0, P),  # instant
        (0.49, P),  # under half a second counts as instant
        (10.0, round(P * 0.75)),  # half the time: three quarters
        (20.0, P // 2),  # at the buzzer: half
    ],
)
def test_speed_points_in_play(clock: FakeClock, taken: float, expected: int) -> None:
    session = start(clock)
    assert session.time_limit() == DEFAULT_TIME_LIMIT
    clock.advance(taken)
    record = right(session)
    assert record.correct
    assert record.points == expected
    assert record.streak_bonus == 0
    assert session.score == expected


def test_speed_points_formula() -> None:
    assert speed_points(300, 1.0, 0.0, 20.0) == 300
    assert speed_points(300, 1.0, 5.0, 20.0) == round(300 * (1 - 0.25 / 2))
    assert speed_points(300, 1.0, 20.0, 20.0) == 150
    assert speed_points(300, 1.0, 20.01, 20.0) == 0
    assert speed_points(300, 0.5, 0.0, 20.0) == 150  # partial credit scales too


def test_right_answer_after_the_buzzer_is_a_time_out(clock: FakeClock) -> None:
    session = start(clock)
    clock.advance(DEFAULT_TIME_LIMIT + 0.5)  # the UI's timer has not fired yet
    record = right(session)
    assert record.timed_out and not record.correct
    assert record.points == 0
    assert record.time_taken == DEFAULT_TIME_LIMIT  # the same record the buzzer gives
    assert session.score == 0


def test_tick_expires_the_question_at_the_buzzer(clock: FakeClock) -> None:
    session = start(clock, mc(1), mc(2))
    clock.advance(DEFAULT_TIME_LIMIT - 0.1)
    assert session.tick() is None
    assert session.time_left() == pytest.approx(0.1)
    clock.advance(0.1)
    assert session.tick() is None  # at the buzzer an answer still counts (for half points)
    clock.advance(0.01)
    record = session.tick()
    assert record is not None and record.timed_out
    assert record.given_text == "(no answer: time ran out)"
    assert not session.awaiting_answer
    with pytest.raises(SessionError):
        right(session)  # too late to answer now
    assert session.advance() is not None  # play goes on
    assert session.time_left() == DEFAULT_TIME_LIMIT


def test_question_time_limit_and_override(clock: FakeClock) -> None:
    session = start(clock, mc(1, time_limit=8))
    assert session.time_limit() == 8
    clock.advance(4)
    assert right(session).points == round(P * 0.75)
    overridden = start(clock, mc(1, time_limit=8), time_limit=40)
    assert overridden.time_limit() == 40


def test_classic_is_untimed(clock: FakeClock) -> None:
    session = start(clock, mode=Mode.CLASSIC)
    assert session.time_left() is None
    clock.advance(3600)
    assert session.tick() is None
    assert right(session).points == P  # full points whatever the time


# --- streaks --------------------------------------------------------------------------------


def test_streak_bonus_grows_by_a_tenth_and_caps_at_half() -> None:
    assert [streak_bonus(P, n) for n in range(1, 9)] == [0, 20, 40, 60, 80, 100, 100, 100]
    assert streak_bonus(300, 7) == 150


def test_streak_in_play_and_reset_by_a_wrong_answer(clock: FakeClock) -> None:
    session = start(clock, *(mc(i) for i in range(1, 10)))
    bonuses = []
    for _ in range(7):
        bonuses.append(right(session).streak_bonus)
        session.advance()
    assert bonuses == [0, 20, 40, 60, 80, 100, 100]  # capped at half of P
    assert session.score == 7 * P + sum(bonuses)
    wrong = session.answer("wrong a")
    assert wrong.points == 0 and session.streak == 0
    session.advance()
    assert right(session).streak_bonus == 0  # a new streak starts from nothing
    assert session.results().best_streak == 7


def test_time_out_breaks_the_streak(clock: FakeClock) -> None:
    session = start(clock)
    right(session)
    session.advance()
    assert right(session).streak_bonus == 20
    session.advance()
    clock.advance(DEFAULT_TIME_LIMIT + 1)
    session.tick()
    session.advance()
    assert right(session).streak_bonus == 0


# --- blitz ----------------------------------------------------------------------------------


def test_blitz_ends_when_the_session_clock_runs_out(clock: FakeClock) -> None:
    session = start(clock, *(mc(i) for i in range(1, 30)), mode=Mode.BLITZ, count=5)
    assert session.total == 29  # blitz takes every question; the clock is the limit
    assert session.time_limit() is None  # no per-question clock
    for _ in range(3):
        clock.advance(10)
        record = right(session)
        assert record.points - record.streak_bonus == P  # no speed scaling in blitz
        session.advance()
    assert session.time_left() == pytest.approx(BLITZ_SECONDS - 30)
    clock.advance(29.9)
    assert session.tick() is None and not session.finished
    clock.advance(0.1)
    assert session.tick() is None
    assert session.finished and session.end_reason is EndReason.TIME_UP
    results = session.results()
    assert results.asked == 3 and results.score == 3 * P + 20 + 40
    assert session.time_left() == 0.0


def test_blitz_answer_after_time_up_is_refused_and_ends(clock: FakeClock) -> None:
    session = start(clock, mode=Mode.BLITZ, time_limit=10)
    clock.advance(10.5)
    with pytest.raises(SessionError, match="time is up"):
        right(session)
    assert session.end_reason is EndReason.TIME_UP
    assert session.results().asked == 0


def test_blitz_feedback_time_does_not_count(clock: FakeClock) -> None:
    session = start(clock, mode=Mode.BLITZ)
    clock.advance(5)
    right(session)
    clock.advance(100)  # reading the feedback
    assert session.time_left() == BLITZ_SECONDS - 5
    session.advance()
    assert session.time_left() == BLITZ_SECONDS - 5


def test_blitz_that_runs_out_of_questions_completes(clock: FakeClock) -> None:
    session = start(clock, mc(1), mc(2), mode=Mode.BLITZ)
    for _ in range(2):
        clock.advance(1)
        right(session)
        session.advance()
    assert session.end_reason is EndReason.COMPLETED
    assert session.time_left() == BLITZ_SECONDS - 2


# --- survival -------------------------------------------------------------------------------


def test_survival_loses_a_life_per_wrong_answer_or_time_out(clock: FakeClock) -> None:
    session = start(clock, *(mc(i) for i in range(1, 10)), mode=Mode.SURVIVAL)
    assert session.lives == SURVIVAL_LIVES == 3
    session.answer("wrong a")
    assert session.lives == 2
    session.advance()
    right(session)
    assert session.lives == 2  # a right answer costs nothing
    session.advance()
    session.use_lifeline(Lifeline.SKIP)
    assert session.lives == 2  # nor does a skip
    session.advance()
    clock.advance(DEFAULT_TIME_LIMIT + 0.1)
    assert session.tick() is not None
    assert session.lives == 1 and not session.finished
    session.advance()
    session.answer("wrong b")
    assert session.lives == 0
    assert session.finished and session.end_reason is EndReason.OUT_OF_LIVES
    assert session.advance() is None
    assert session.results().asked == 5


def test_survival_ends_when_questions_run_out(clock: FakeClock) -> None:
    session = start(clock, mc(1), mc(2), mode=Mode.SURVIVAL)
    session.answer("wrong a")
    session.advance()
    right(session)
    assert session.advance() is None
    assert session.end_reason is EndReason.COMPLETED
    assert session.lives == 2


# --- lifelines ------------------------------------------------------------------------------


def test_fifty_fifty_leaves_the_answer_and_one_wrong_choice(clock: FakeClock) -> None:
    session = start(clock)
    assert Lifeline.FIFTY_FIFTY in session.available_lifelines()
    assert session.use_lifeline(Lifeline.FIFTY_FIFTY) is None
    visible = session.visible_choices()
    assert len(visible) == 2 and "right" in visible
    assert Lifeline.FIFTY_FIFTY not in session.available_lifelines()
    right(session)
    session.advance()
    assert len(session.visible_choices()) == 4  # the next question shows every choice
    with pytest.raises(SessionError, match="used already"):
        session.use_lifeline(Lifeline.FIFTY_FIFTY)  # once per session


def test_fifty_fifty_only_on_multiple_choice(clock: FakeClock) -> None:
    session = start(clock, typed(1), mode=Mode.CLASSIC)
    assert Lifeline.FIFTY_FIFTY not in session.available_lifelines()
    with pytest.raises(SessionError, match="cannot be used"):
        session.use_lifeline(Lifeline.FIFTY_FIFTY)
    assert session.lifelines_used == []


def test_skip_scores_nothing_and_keeps_the_streak(clock: FakeClock) -> None:
    session = start(clock)
    right(session)
    session.advance()
    right(session)
    session.advance()
    assert session.streak == 2
    record = session.use_lifeline(Lifeline.SKIP)
    assert record is not None and record.skipped and record.points == 0
    assert record.given_text == "(skipped)"
    assert session.streak == 2
    session.advance()
    assert right(session).streak_bonus == 40  # the third in a row
    results = session.results()
    assert results.answered == 3 and results.asked == 4 and results.accuracy == 1.0
    assert results.missed == ()


def test_hint_in_classic_typed_questions_only(clock: FakeClock) -> None:
    session = start(clock, typed(1), mc(2), mode=Mode.CLASSIC)
    question = session.current.question  # type: ignore[union-attr]
    if question.type is not QuestionType.TYPED:  # the order is shuffled
        session.answer("right")
        session.advance()
    assert Lifeline.HINT in session.available_lifelines()
    session.use_lifeline(Lifeline.HINT)
    assert session.hint == "It starts with “P”. She plays Janis."
    timed = start(clock, typed(1), mode=Mode.CHALLENGE)
    assert Lifeline.HINT not in timed.available_lifelines()


def test_lifelines_used_are_in_the_results(clock: FakeClock) -> None:
    session = start(clock, mc(1), mc(2), mc(3))
    session.use_lifeline(Lifeline.FIFTY_FIFTY)
    right(session)
    session.advance()
    session.use_lifeline(Lifeline.SKIP)
    session.advance()
    assert session.available_lifelines() == []  # hint is classic-only; the rest are spent
    right(session)
    session.advance()
    assert session.results().lifelines_used == (Lifeline.FIFTY_FIFTY, Lifeline.SKIP)


# --- pause ----------------------------------------------------------------------------------


def test_pause_does_not_count(clock: FakeClock) -> None:
    session = start(clock)
    clock.advance(4)
    session.pause()
    assert session.paused
    clock.advance(500)  # a long pause
    assert session.time_left() == DEFAULT_TIME_LIMIT - 4
    assert session.tick() is None  # the clock is stopped
    with pytest.raises(SessionError, match="paused"):
        right(session)
    session.resume()
    clock.advance(6)
    record = right(session)
    assert record.time_taken == 10
    assert record.points == round(P * 0.75)  # scored on 10 s, not 510
    assert session.results().duration == 10  # play time, pauses excluded


def test_pause_in_blitz_stops_the_session_clock(clock: FakeClock) -> None:
    session = start(clock, mode=Mode.BLITZ)
    clock.advance(20)
    session.pause()
    clock.advance(BLITZ_SECONDS * 2)
    assert session.tick() is None and not session.finished
    session.resume()
    assert session.time_left() == BLITZ_SECONDS - 20


def test_pause_during_feedback_carries_into_the_next_question(clock: FakeClock) -> None:
    session = start(clock)
    right(session)
    session.pause()
    session.advance()
    assert session.paused  # the next question opens hidden, its clock not running
    clock.advance(50)
    assert session.time_left() == DEFAULT_TIME_LIMIT
    session.resume()
    clock.advance(2)
    assert session.time_left() == DEFAULT_TIME_LIMIT - 2


def test_abandon_while_paused_counts_play_time_only(clock: FakeClock) -> None:
    session = start(clock)
    clock.advance(3)
    session.pause()
    clock.advance(60)
    session.abandon()
    results = session.results()
    assert results.end_reason is EndReason.ABANDONED
    assert results.duration == 3
    assert not session.paused


def test_each_mode_says_which_clock_it_runs_and_whether_it_deals_a_count() -> None:
    # The UI reads these instead of naming blitz: its countdown label, status line and count.
    assert [m for m in Mode if m.per_question_clock] == [Mode.CHALLENGE, Mode.SURVIVAL]
    assert [m for m in Mode if m.session_clock] == [Mode.BLITZ]
    assert [m for m in Mode if not m.uses_count] == [Mode.BLITZ]


def test_results_count_the_rounds_skipped_and_not_reached(clock: FakeClock) -> None:
    session = start(clock, mode=Mode.BLITZ, time_limit=10)
    assert session.use_lifeline(Lifeline.SKIP) is not None
    session.advance()
    clock.advance(10.5)
    session.tick()
    results = session.results()
    assert results.end_reason is EndReason.TIME_UP and results.total > 1
    assert results.skipped == 1 and results.not_reached == results.total - 1


def test_results_keep_the_time_on_the_clock_apart_from_the_time_spent(clock: FakeClock) -> None:
    session = start(clock, *(mc(i) for i in range(1, 30)), mode=Mode.BLITZ)
    for _ in range(3):
        clock.advance(15)
        right(session)
        clock.advance(10)  # reading the feedback: off the clock, but time spent
        session.advance()
    clock.advance(15)
    session.tick()
    assert session.finished
    results = session.results()
    assert results.clock_time == BLITZ_SECONDS
    assert results.duration == pytest.approx(BLITZ_SECONDS + 30)


def test_the_clock_time_of_a_countdown_mode_adds_up_its_questions(clock: FakeClock) -> None:
    session = start(clock, mc(1), mc(2), mode=Mode.CHALLENGE)
    clock.advance(4)
    right(session)
    clock.advance(20)
    session.advance()
    clock.advance(6)
    right(session)
    results = session.results()
    assert results.clock_time == pytest.approx(10)
    assert results.duration == pytest.approx(30)


def test_classic_has_no_clock_time(clock: FakeClock) -> None:
    session = start(clock, mc(1), mode=Mode.CLASSIC)
    clock.advance(4)
    right(session)
    assert session.results().clock_time is None


def test_the_points_of_an_answer_say_what_went_to_speed_and_streak(clock: FakeClock) -> None:
    session = start(clock, mc(1, difficulty=Difficulty.EASY), mc(2, difficulty=Difficulty.EASY))
    clock.advance(4.8)  # a 20 s clock: 12 of the 100 points go to speed
    first = right(session)
    assert (first.points, first.base_points, first.speed_points) == (88, 100, -12)
    assert first.points_text() == "+88 points = 100 base − 12 speed"
    session.advance()
    clock.advance(0.1)
    second = right(session)
    assert second.points_text() == "+110 points = 100 base + 10 streak"


def test_points_without_speed_or_streak_are_just_the_points(clock: FakeClock) -> None:
    session = start(clock, mc(1), mode=Mode.CLASSIC)
    assert right(session).points_text() == f"+{P} points"


def test_a_skipped_question_is_replayed_with_the_missed_ones(clock: FakeClock) -> None:
    session = start(clock, mc(1), mc(2), mc(3), mode=Mode.CLASSIC)
    right(session)
    session.advance()
    skipped = session.use_lifeline(Lifeline.SKIP)
    assert skipped is not None
    session.advance()
    right(session)
    assert session.results().missed == ()  # not answered wrong: accuracy leaves it out
    assert session.missed_ids() == (skipped.question_id,)
