"""Pilot tests: timed sessions driven by a fake clock, recorded in the score history, with the
rank and personal best on the results screen; the statistics screen and practising misses."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList

from quizgame.core import paths
from quizgame.core.packs.model import Difficulty, Pack, Question, QuestionType
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import DEFAULT_TIME_LIMIT, Mode
from quizgame.core.scores import accuracy, queries
from quizgame.core.scores.store import ScoreStore
from quizgame.tui.app import QuizApp
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.screens.results import ResultsScreen
from quizgame.tui.screens.stats import StatsScreen
from tests.clocks import FakeClock
from tests.tui.helpers import footer_keys, make_app, on_feedback, on_question, said

CAPITALS = [
    ("spain", "What is the capital of Spain?", "Madrid", ["Madrid", "Lisbon", "Rome", "Paris"]),
    ("italy", "What is the capital of Italy?", "Rome", ["Madrid", "Lisbon", "Rome", "Paris"]),
    ("france", "What is the capital of France?", "Paris", ["Madrid", "Lisbon", "Rome", "Paris"]),
]


def capitals_pack() -> Pack:
    questions = tuple(
        Question(
            id=qid,
            type=QuestionType.MULTIPLE_CHOICE,
            prompt=prompt,
            answer=answer,
            choices=tuple(choices),
            difficulty=Difficulty.MEDIUM,  # 200 points
            category="capitals",
        )
        for qid, prompt, answer, choices in CAPITALS
    )
    return Pack(id="capitals", title="Capitals [b]of[/b] Europe", questions=questions)


def text_of(widget: Widget) -> str:
    return str(widget.render())


async def answer(pilot: Pilot[None], app: QuizApp, right: bool) -> None:
    """Press the number of the right choice (or of a wrong one)."""
    session = app.session
    assert session is not None and session.current is not None
    round_ = session.current
    wanted = round_.question.answer
    choice = wanted if right else next(c for c in round_.choices if c != wanted)
    await pilot.press(str(round_.choices.index(str(choice)) + 1))
    await pilot.pause()


async def tick(pilot: Pilot[None], app: QuizApp) -> None:
    """What the question screen's timer does, at a moment the test chose."""
    screen = app.screen
    assert isinstance(screen, QuestionScreen)
    screen.tick()
    await pilot.pause()


def challenge_app(data_dir: Path, clock: FakeClock) -> QuizApp:
    options = SessionOptions(count=None, seed=7, mode=Mode.CHALLENGE)
    return make_app(data_dir, start=capitals_pack(), options=options, clock=clock)


async def test_a_challenge_session_played_to_the_results_on_a_driven_clock(
    data_dir: Path,
) -> None:
    clock = FakeClock()
    app = challenge_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert on_question(app.screen)
        seconds = app.screen.query_one("#countdown")
        assert "20 s" in text_of(seconds)

        clock.advance(0.3)  # under half a second: full points
        await answer(pilot, app, right=True)
        assert on_feedback(app.screen)
        assert "+200 points" in said(app.screen, "verdict")
        clock.advance(30)  # reading the feedback costs nothing
        await pilot.press("enter")
        await pilot.pause()

        clock.advance(10)  # half the time: three quarters, plus the streak bonus
        await tick(pilot, app)
        assert "10 s" in text_of(app.screen.query_one("#countdown"))
        await answer(pilot, app, right=True)
        assert "+170 points = 200 base − 50 speed + 20 streak" in said(app.screen, "verdict")
        await pilot.press("enter")
        await pilot.pause()

        clock.advance(5)
        await pilot.press("p")  # pause: the clock stops, the question is hidden
        await pilot.pause()
        assert app.screen.query_one("#paused").display
        assert not app.screen.query_one("#question-box").display
        clock.advance(DEFAULT_TIME_LIMIT * 10)
        await tick(pilot, app)
        assert on_question(app.screen)  # no time-out while paused
        await pilot.press("p")
        await pilot.pause()
        clock.advance(5)
        await tick(pilot, app)
        assert "10 s" in text_of(app.screen.query_one("#countdown"))
        await answer(pilot, app, right=False)
        await pilot.press("enter")
        await pilot.pause()

        assert isinstance(app.screen, ResultsScreen)
        summary = text_of(app.screen.query_one("#results-summary"))
        assert "Score 370" in summary and "Correct 2 of 3" in summary
        standing = text_of(app.screen.query_one("#standing"))
        assert "New best!" in standing
        assert "Rank 1 of 1 among your challenge plays of this pack" in standing

        # Again, slower: a lower score, ranked second, the best still the first.
        await pilot.press("r")
        await pilot.pause()
        for _ in range(3):
            clock.advance(DEFAULT_TIME_LIMIT)  # at the buzzer: half points
            await answer(pilot, app, right=True)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        standing = text_of(app.screen.query_one("#standing"))
        assert "New best!" not in standing
        assert "Personal best 370" in standing and "Rank 2 of 2" in standing

    with ScoreStore.open(paths.scores_db(data_dir)) as store:
        first, second = sorted(store.read(queries.recent_sessions), key=lambda s: s.id)
        answers = store.read(queries.session_answers, first.id)
    assert (first.mode, first.status, first.score, first.correct) == (
        "challenge",
        "finished",
        370,
        2,
    )
    assert [a.verdict for a in answers] == ["correct", "correct", "wrong"]
    assert [a.time_taken for a in answers] == [0.3, 10.0, 10.0]  # the pause did not count
    assert second.score == 3 * 100 + 20 + 40


async def test_every_question_times_out(data_dir: Path) -> None:
    clock = FakeClock()
    app = challenge_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for number in range(1, 4):
            assert on_question(app.screen)
            clock.advance(DEFAULT_TIME_LIMIT)
            await tick(pilot, app)
            assert on_question(app.screen)  # at the buzzer it may still count
            assert "0 s" in text_of(app.screen.query_one("#countdown"))
            clock.advance(0.1)
            await tick(pilot, app)
            assert on_feedback(app.screen), number
            feedback = app.screen
            assert "Time ran out" in said(feedback, "verdict")
            session = app.session
            assert session is not None and session.last_record is not None
            right = session.last_record.question.answer_text()
            assert right in said(feedback, "right")
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        summary = text_of(app.screen.query_one("#results-summary"))
        assert "Score 0" in summary and "Correct 0 of 3" in summary
        standing = text_of(app.screen.query_one("#standing"))
        assert "New best!" not in standing and "Rank 1 of 1" in standing

    with ScoreStore.open(paths.scores_db(data_dir)) as store:
        (saved,) = store.read(queries.recent_sessions)
        answers = store.read(queries.session_answers, saved.id)
        missed = store.read(accuracy.most_missed, "capitals")
    assert saved.status == "finished" and saved.accuracy == 0
    assert [(a.verdict, a.given, a.time_taken) for a in answers] == [
        ("timed_out", None, DEFAULT_TIME_LIMIT)
    ] * 3
    assert {m.question_id for m in missed} == {"spain", "italy", "france"}


async def test_leaving_mid_session_is_saved_as_abandoned(data_dir: Path) -> None:
    clock = FakeClock()
    app = challenge_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock.advance(1)
        await answer(pilot, app, right=True)
        await pilot.press("enter", "escape")
        await pilot.pause()
        await pilot.press("y")  # yes, leave
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    with ScoreStore.open(paths.scores_db(data_dir)) as store:
        (saved,) = store.read(queries.recent_sessions)
    assert saved.status == "abandoned" and saved.asked == 1 and saved.score == 195


async def test_statistics_and_practising_misses(data_dir: Path) -> None:
    clock = FakeClock()
    pack = capitals_pack()
    app = challenge_app(data_dir, clock)
    app.pack_dirs = ()  # Home finds no files; the pack played is handed over below
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for right in (True, False, False):
            clock.advance(1)
            await answer(pilot, app, right)
            await pilot.press("enter")
            await pilot.pause()
        missed = {r.question.id for r in app.session.results().missed}  # type: ignore[union-attr]
        assert footer_keys(app.screen)["h"] == ("Home", True)
        await pilot.press("h")
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        app.screen.packs = {pack.id: pack}
        app.screen.load()
        await pilot.pause()
        stats = app.screen
        packs = str(stats.query_one("#stats-packs", OptionList).get_option_at_index(0).prompt)
        assert "Capitals [b]of[/b] Europe" in packs  # pack text is literal
        assert "1 play · 33% right" in packs
        trend = text_of(stats.query_one("#stats-trend"))
        assert "Accuracy by day" in trend and "33%" in trend and "1/3 · 1 play" in trend
        await pilot.press("w")
        await pilot.pause()
        assert "Accuracy by week" in text_of(stats.query_one("#stats-trend"))
        listed = text_of(stats.query_one("#stats-missed"))
        assert "Missed most" in listed
        for qid, prompt, *_ in CAPITALS:
            assert (prompt in listed) == (qid in missed)

        assert footer_keys(stats)["p"] == ("Practise misses", True)
        await pilot.press("p")  # practise: a classic session of just the misses
        await pilot.pause()
        assert on_question(app.screen)
        session = app.session
        assert session is not None
        assert session.mode is Mode.CLASSIC
        assert {r.question.id for r in session.rounds} == missed
        for _ in missed:
            await answer(pilot, app, right=True)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert "practice session: not ranked" in text_of(app.screen.query_one("#standing")).lower()
        keys = footer_keys(app.screen)
        assert keys["h"] == ("Statistics", True)  # practice goes back where it was started
        assert keys["m"] == ("Replay missed", False)  # greyed out: nothing missed this time
        await pilot.press("h")
        await pilot.pause()
        assert app.screen is stats  # the same screen, showing the practice's answers
        listed = text_of(stats.query_one("#stats-missed"))
        assert listed.count("(right last time)") == len(missed)
        assert footer_keys(stats)["p"] == ("Practise misses", False)  # nothing left to practise
        await pilot.press("p")
        await pilot.pause()
        assert app.screen is stats and app.session is None
        await pilot.press("escape")
        await pilot.pause()
        assert home.is_current
