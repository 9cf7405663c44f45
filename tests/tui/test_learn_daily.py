"""Pilot tests: a learn session and a daily quiz played in the real app, and what they leave
behind (reviews, Home's counts, the share line and `c` copying it)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.pilot import Pilot

from quizgame.core import paths
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import Mode
from quizgame.tui.app import QuizApp
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.results import ResultsScreen
from tests.tui.helpers import make_app, on_feedback, on_question, pack
from tests.tui.test_play import answer_with_keys, text_of


async def play_out(pilot: Pilot[None], app: QuizApp) -> int:
    """Answer every question right with the keys, to the results; returns how many."""
    played = 0
    while on_question(app.screen):
        await answer_with_keys(pilot, app, right=True)
        assert on_feedback(app.screen)
        await pilot.press("enter")
        await pilot.pause()
        played += 1
    return played


async def test_a_learn_session_deals_new_cards_and_writes_their_reviews(data_dir: Path) -> None:
    options = SessionOptions(mode=Mode.LEARN, count=4)  # four new questions a day
    app = make_app(data_dir, start=pack(), options=options)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert await play_out(pilot, app) == 4
        assert isinstance(app.screen, ResultsScreen)
        summary = text_of(app.screen.query_one("#share-line"))
        assert summary.startswith("Learn mode: 4 reviews saved · due tomorrow 0")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # Home counts with its own setting (10 a day): nothing due, the pack's last two new
        assert app.home.learning["all-types"] == (0, 2, 4)
        await pilot.press("r")  # again: nothing left to learn today
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
    conn = sqlite3.connect(paths.scores_db(data_dir))
    reviews = conn.execute("SELECT count(*), min(rating) FROM reviews").fetchone()
    cards = conn.execute("SELECT count(*) FROM cards WHERE pack_id = 'all-types'").fetchone()
    conn.close()
    assert reviews[0] == 4 and reviews[1] >= 3  # right answers: Good or Easy
    assert cards[0] == 4


async def test_a_daily_quiz_from_home_shares_its_line_and_a_second_try_is_practice(
    data_dir: Path,
) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("d")
        await pilot.pause()
        played = await play_out(pilot, app)
        assert isinstance(app.screen, ResultsScreen)
        line = text_of(app.screen.query_one("#share-line"))
        assert line.startswith("quizgame daily #")
        assert f"{played}/{played} " + "🟩" * played in line
        assert "c copies it" in line
        await pilot.press("c")
        assert app.clipboard.startswith("quizgame daily #")
        assert "c copies it" not in app.clipboard
        await pilot.press("r")  # the same quiz again: practice
        await pilot.pause()
        await play_out(pilot, app)
        assert isinstance(app.screen, ResultsScreen)
        assert "practice, not counted" in text_of(app.screen.query_one("#share-line"))


async def test_a_challenge_code_is_on_the_results_and_plays_the_same_quiz(data_dir: Path) -> None:
    from quizgame.core.play.codes import read_code

    app = make_app(data_dir, start=pack(), options=SessionOptions(count=3, seed=11))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first = app.session
        await play_out(pilot, app)
        await pilot.press("c")
        code = app.clipboard
        assert code in text_of(app.screen.query_one("#share-line"))
    challenge = read_code(code)
    assert first is not None and challenge.options.seed == first.seed == 11
    assert challenge.options.count == 3
