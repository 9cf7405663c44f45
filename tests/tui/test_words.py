"""Words that must not mislead: the pause of an untimed mode, the time of a blitz."""

from __future__ import annotations

from pathlib import Path

from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import Mode
from quizgame.core.play.session import Session
from quizgame.tui.screens.results import summary
from tests.clocks import FakeClock
from tests.tui.helpers import make_app, pack


async def paused_words(data_dir: Path, mode: Mode) -> str:
    options = SessionOptions(count=None, seed=5, question_ids=("mc",), mode=mode)
    app = make_app(data_dir, start=pack(), options=options)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        paused = app.screen.query_one("#paused")
        assert paused.display
        return str(paused.render())


async def test_the_classic_pause_speaks_of_no_clock(data_dir: Path) -> None:
    words = await paused_words(data_dir, Mode.CLASSIC)
    assert "clock" not in words
    assert "the question is hidden" in words


async def test_a_timed_pause_says_the_clock_stopped(data_dir: Path) -> None:
    assert "the clock is stopped" in await paused_words(data_dir, Mode.CHALLENGE)


def test_blitz_results_show_the_clock_and_the_time_spent_apart() -> None:
    clock = FakeClock()
    session = Session(pack(), SessionOptions(mode=Mode.BLITZ, seed=1), clock=clock)
    for _ in range(3):
        clock.advance(15)
        session.answer(None)
        clock.advance(10)  # reading the feedback
        session.advance()
    clock.advance(15)
    session.tick()
    assert session.finished
    text = str(summary(session.results(), session.blitz_limit()))
    assert "On the clock 1m 00s of 1m 00s" in text
    assert "Time spent 1m 30s" in text
    assert "Time 1m" not in text
