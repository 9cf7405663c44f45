"""The garbage collector during play (`tui/collector.py`): its threshold raised while a
question screen is up, given back when the last one goes, and the young objects collected
between keys."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizgame.core.play.dealing import SessionOptions
from quizgame.tui.collector import LEAST, PLAY_THRESHOLD, PlayCollector
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.question import QuestionScreen
from tests.tui.helpers import make_app, pack


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield gc.get_threshold()
    gc.set_threshold(*saved)


def test_the_threshold_is_raised_while_any_screen_plays(thresholds: tuple[int, int, int]) -> None:
    first, second = PlayCollector(), PlayCollector()
    first.start()
    assert gc.get_threshold() == (PLAY_THRESHOLD, 10, 10)
    second.start()  # the next screen mounts before the first unmounts
    first.stop()
    assert gc.get_threshold() == (PLAY_THRESHOLD, 10, 10)
    second.stop()
    second.stop()  # twice: no harm
    assert gc.get_threshold() == thresholds


def test_collect_takes_the_young_objects(thresholds: tuple[int, int, int]) -> None:
    collector = PlayCollector()
    collector.collect()  # not started: nothing
    collector.start()
    try:
        made: list[list[int]] = [[] for _ in range(LEAST * 2)]
        assert gc.get_count()[0] >= LEAST
        collector.collect()
        assert gc.get_count()[0] < LEAST
        del made
    finally:
        collector.stop()


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_collect_takes_old_cycles_once_their_count_is_due(thresholds: tuple[int, int, int]) -> None:
    collector = PlayCollector()
    collector.start()
    try:
        node = _Node()
        gone = weakref.ref(node)
        gc.collect(1)  # it survives, so it is in the oldest generation now
        del node
        for _ in range(thresholds[2]):
            gc.collect(1)  # the young passes Python counts toward a whole one
        assert gone() is not None  # young passes never look at the old generation
        collector.collect()
        assert gone() is None
    finally:
        collector.stop()


async def test_leaving_a_session_gives_the_thresholds_back(
    data_dir: Path, thresholds: tuple[int, int, int]
) -> None:
    app = make_app(data_dir, start=pack(), options=SessionOptions(count=2, seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert gc.get_threshold()[0] == PLAY_THRESHOLD
        app.leave_session()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert gc.get_threshold() == thresholds
