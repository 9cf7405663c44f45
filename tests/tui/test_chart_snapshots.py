"""Snapshots at 80x24 of the charts: the statistics screen (accuracy over time, the score
histogram, reviews due), dark and light, and this score against the past ones on the results.

The history is made with fixed dates, except learn mode's cards, which are reviewed "now": a
review sets its card due whole days ahead, so the due chart is the same picture any day.
"""

from __future__ import annotations

from pathlib import Path

from fsrs import Rating
from textual.pilot import Pilot

from quizgame.core import paths
from quizgame.core.learn import cards
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.scores.store import ScoreStore
from tests.clocks import WallClock
from tests.played import make_pack, play
from tests.tui.helpers import make_app, pack
from tests.tui.test_snapshots import SIZE, SnapCompare, packs_loaded, then_still

PLAYS = (  # one play a day: right (True) or wrong (False) answers
    [True, False, False, False],
    [True, True, False, False],
    [True, True, False, True],
    [True, True, True, False],
    [True, True, True, True],
    [True, True, False, True],
)
RATINGS = (Rating.Again, Rating.Hard, Rating.Good, Rating.Good, Rating.Easy, Rating.Easy)


def make_history(data_dir: Path) -> None:
    wall = WallClock()
    db = paths.scores_db(data_dir)
    sessions = make_pack("all-types", n=4)  # the same id as the test pack
    with ScoreStore.open(db, now=wall) as store:
        for answers in PLAYS:
            play(store, sessions, answers)
            wall.advance(days=1)
    with ScoreStore.open(db) as store:
        for question, rating in zip(pack().questions, RATINGS, strict=False):
            store.write(
                cards.record_review, "all-types", question.id, rating, store.now(),
                verdict="correct", time_taken=5.0,
            )  # fmt: skip


async def open_stats(pilot: Pilot[None]) -> None:
    await packs_loaded(pilot)
    await pilot.press("v")
    await pilot.pause()


async def to_the_end(pilot: Pilot[None]) -> None:
    await open_stats(pilot)
    pilot.app.screen.query_one("#stats-detail").scroll_end(animate=False)
    await pilot.pause()


def test_stats_charts(snap_compare: SnapCompare, data_dir: Path) -> None:
    make_history(data_dir)
    app = make_app(data_dir)
    assert snap_compare(app, terminal_size=SIZE, run_before=then_still(open_stats))


def test_stats_charts_scrolled_light_theme(snap_compare: SnapCompare, data_dir: Path) -> None:
    make_history(data_dir)
    app = make_app(data_dir)
    app.theme = "textual-light"
    assert snap_compare(app, terminal_size=SIZE, run_before=then_still(to_the_end))


def test_results_scores_chart(snap_compare: SnapCompare, data_dir: Path) -> None:
    make_history(data_dir)
    options = SessionOptions(count=4, seed=1)  # the settings of the plays in the history
    app = make_app(data_dir, start=make_pack("all-types", n=4), options=options)

    async def play_it(pilot: Pilot[None]) -> None:
        await pilot.pause()
        for key in ("1", "enter", "2", "enter", "1", "enter", "1", "enter"):
            await pilot.press(key)
            await pilot.pause()
        pilot.app.screen.query_one("#results-body").scroll_to(y=4, animate=False)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=then_still(play_it))
