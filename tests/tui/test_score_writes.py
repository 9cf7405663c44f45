"""The score history written off the key's path (issue 13): the feedback is drawn before the
answer is written, and nothing is lost: an answer is in the history once its feedback is
shown, before the next question, when the app quits or crashes at once after it, and at the
results, which match the history."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.screen import Screen

from quizgame.core import paths
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.results import AnswerRecord
from quizgame.core.play.session import Session
from quizgame.core.scores import queries
from quizgame.core.scores.store import ScoreStore
from quizgame.tui.app import QuizApp
from quizgame.tui.hooks import NullListener
from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.screens.results import ResultsScreen
from tests.tui.helpers import make_app, on_feedback
from tests.tui.test_scores import capitals_pack


def history(data_dir: Path) -> tuple[queries.SessionSummary, list[queries.AnswerRow]]:
    """The one session the history holds, and its answers."""
    with ScoreStore.open(paths.scores_db(data_dir)) as store:
        ids = store.read(lambda c: [row[0] for row in c.execute("SELECT id FROM sessions")])
        assert len(ids) == 1
        summary = store.read(queries.session_summary, ids[0])
        assert summary is not None
        return summary, store.read(queries.session_answers, ids[0])


def pending(app: QuizApp) -> int:
    keeper = app.scores
    assert keeper is not None
    return sum(recorder.pending for recorder in keeper._recorders.values())


class QuitWhenAnswered(NullListener):
    """Quits the app as the session records an answer (inside the key that answers)."""

    def __init__(self) -> None:
        self.app: QuizApp | None = None

    def answer_recorded(self, session: Session, record: AnswerRecord) -> None:
        assert self.app is not None
        self.app.exit()


def app_with(data_dir: Path, listener: NullListener | None = None) -> QuizApp:
    options = SessionOptions(count=3, seed=7)
    listeners = [listener] if listener is not None else []
    return make_app(data_dir, start=capitals_pack(), options=options, listeners=listeners)


def press_right(app: QuizApp) -> str:
    """The number key of the current question's right choice."""
    session = app.session
    assert session is not None and session.current is not None
    round_ = session.current
    return str(round_.choices.index(str(round_.question.answer)) + 1)


async def test_the_feedback_is_drawn_before_the_answer_is_written(data_dir: Path) -> None:
    app = app_with(data_dir)
    seen: list[int] = []
    show_feedback = QuestionScreen.show_feedback

    def spy(screen: QuestionScreen, record: AnswerRecord) -> None:
        show_feedback(screen, record)
        seen.append(pending(app))

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        screen.show_feedback = spy.__get__(screen)  # type: ignore[method-assign]
        await pilot.press(press_right(app))
        await pilot.pause()
        assert on_feedback(screen)
        # Kept while the feedback was made, written once it was drawn (the app's Answered).
        assert seen[0] == 1
        assert pending(app) == 0
        session = app.session
        assert session is not None
        with ScoreStore.open(paths.scores_db(data_dir)) as store:
            ids = store.read(lambda c: [row[0] for row in c.execute("SELECT id FROM sessions")])
            assert len(store.read(queries.session_answers, ids[0])) == 1


async def test_the_answer_is_written_after_the_frame_that_shows_its_feedback(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_with(data_dir)
    order: list[str] = []
    frame = Screen._on_timer_update  # Textual's frame: layout, paint, write to the terminal

    def framed(screen: Screen[object]) -> None:
        if isinstance(screen, QuestionScreen) and screen.feedback_shown:
            order.append("frame")
        frame(screen)

    monkeypatch.setattr(Screen, "_on_timer_update", framed)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        flush = app.runner.flush

        def write() -> None:
            order.append(f"write {pending(app)}")
            flush()

        app.runner.flush = write  # type: ignore[method-assign]
        await pilot.press(press_right(app))
        await pilot.pause()
        assert order[:2] == ["frame", "write 1"]


async def test_an_answer_is_recorded_when_the_app_quits_at_once_after_it(data_dir: Path) -> None:
    listener = QuitWhenAnswered()
    app = app_with(data_dir, listener)
    listener.app = app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(press_right(app))
        await pilot.pause()
    assert_one_answer_abandoned(data_dir)


async def test_an_answer_is_recorded_when_the_app_crashes_before_its_feedback(
    data_dir: Path,
) -> None:
    app = app_with(data_dir)

    def boom(record: AnswerRecord) -> None:
        raise RuntimeError("a bug right after an answer")

    with pytest.raises(RuntimeError, match="a bug right after an answer"):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            screen.show_feedback = boom  # type: ignore[method-assign]
            await pilot.press(press_right(app))
            await pilot.pause()
    assert_one_answer_abandoned(data_dir)


def assert_one_answer_abandoned(data_dir: Path) -> None:
    summary, answers = history(data_dir)
    assert [(row.number, row.verdict, row.points) for row in answers] == [(1, "correct", 200)]
    assert summary.status == "abandoned"
    assert (summary.asked, summary.correct, summary.score) == (1, 1, 200)


async def test_the_results_match_the_history(data_dir: Path) -> None:
    app = app_with(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for right in (True, False, True):
            key = press_right(app)
            if not right:
                key = "4" if key != "4" else "3"
            await pilot.press(key)
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        results = app.screen.results
        assert pending(app) == 0
    summary, answers = history(data_dir)
    assert summary.status == "finished"
    assert (summary.score, summary.correct, summary.asked) == (
        results.score,
        results.correct,
        results.asked,
    )
    assert [row.verdict for row in answers] == ["correct", "wrong", "correct"]
    assert sum(row.points for row in answers) == results.score
