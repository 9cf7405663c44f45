"""Shared fixtures: every test gets its own data and cache folders, never the player's real ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.clocks import FakeClock


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
