"""Where quizgame writes: the pack cache sits in the platform's cache folder, unless a data folder
was chosen (then inside it) or $QUIZGAME_CACHE_DIR says where."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest
from click.testing import CliRunner

from quizgame.cli import cli
from quizgame.core import paths
from quizgame.core.packs.cache import entry_path

PACK = "id: tiny\ntitle: Tiny\nquestions:\n  - {id: q1, type: true_false, prompt: Is it?, answer: true}\n"


@pytest.fixture
def platform(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The platform's data and cache folders, moved into the test's folder; no overrides set."""
    # Named as platformdirs names them: the app's name last (paths relies on it).
    data, cache = tmp_path / "platform-data" / "quizgame", tmp_path / "platform-cache" / "quizgame"

    def data_dir(appname: str, appauthor: object = None) -> str:
        assert appname == "quizgame" and appauthor is False
        return str(data)

    def cache_dir(appname: str, appauthor: object = None) -> str:
        assert appname == "quizgame" and appauthor is False
        return str(cache)

    monkeypatch.setattr(platformdirs, "user_data_dir", data_dir)
    monkeypatch.setattr(platformdirs, "user_cache_dir", cache_dir)
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    monkeypatch.delenv(paths.CACHE_DIR_ENV)
    return data, cache


def test_the_platform_data_folder_caches_in_the_platform_cache_folder(
    platform: tuple[Path, Path],
) -> None:
    data, cache = platform
    assert paths.data_dir() == data
    assert paths.cache_dir(paths.data_dir()) == cache


def test_a_chosen_data_folder_keeps_its_cache_inside(
    platform: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine"
    assert paths.cache_dir(paths.data_dir(mine)) == mine / "cache"  # --data-dir
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(mine))
    assert paths.cache_dir(paths.data_dir()) == mine / "cache"  # $QUIZGAME_DATA_DIR


def test_quizgame_cache_dir_wins(
    platform: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, _cache = platform
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(tmp_path / "elsewhere"))
    assert paths.cache_dir(data) == tmp_path / "elsewhere"
    assert paths.cache_dir(tmp_path / "mine") == tmp_path / "elsewhere"


def test_listing_packs_fills_the_platform_cache_not_the_data_folder(
    platform: tuple[Path, Path],
) -> None:
    data, cache = platform
    (data / "packs").mkdir(parents=True)
    (data / "packs" / "tiny.yaml").write_text(PACK, encoding="utf-8")
    result = CliRunner().invoke(cli, ["packs"], prog_name="quizgame")
    assert result.exit_code == 0, result.output
    assert "tiny" in result.stdout
    assert entry_path(cache, data / "packs" / "tiny.yaml").is_file()
    assert not (data / "cache").exists()
