"""Shared fixtures: every test gets its own data and cache folders, never the player's real ones.

Also how the suite is run: the slow Pilot tests first, and fewer garbage collections.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from tests.clocks import FakeClock
from tests.loads import PackLoads


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("QUIZGAME_DATA_DIR", str(data))
    monkeypatch.setenv("QUIZGAME_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    return data


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> PackLoads:
    """Counts the packs read from their files from here on (`tests.loads.PackLoads`)."""
    return PackLoads(monkeypatch)


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files a test has just written count as settled, so the packs index and the kept checks
    match them (`cache_index.SETTLE_SECONDS`) without waiting."""
    from quizgame.core.packs import cache_index

    monkeypatch.setattr(cache_index, "SETTLE_SECONDS", 0)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The Pilot and snapshot tests (most of the run) go first: on several workers (`-n`, which
    steal work from each other, `--dist worksteal`), the quick core tests then fill in the end
    instead of one long UI test finishing alone."""
    items.sort(key=lambda item: not item.nodeid.startswith("tests/tui/"))


def pytest_collection_finish(session: pytest.Session) -> None:
    """What is loaded by now lives for the whole run: keep the collector off it (`freeze`), and
    collect less often. A Textual app makes many short-lived objects; at the default threshold
    (700) the collector took a fifth of the UI tests' time."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
