"""Where quizgame keeps the player's data: packs, scores, settings, caches."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "quizgame"
DATA_DIR_ENV = "QUIZGAME_DATA_DIR"


def bundled_packs_dir() -> Path:
    """The packs that ship with quizgame: inside the wheel, or the repo's questions/ folder."""
    installed = Path(__file__).resolve().parent.parent / "questions"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[3] / "questions"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The player's data folder: `--data-dir`, else $QUIZGAME_DATA_DIR, else the platform's."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_packs_dir(base: Path) -> Path:
    return base / "packs"


def cache_dir(base: Path) -> Path:
    return base / "cache"


def scores_db(base: Path) -> Path:
    return base / "scores.db"


def settings_file(base: Path) -> Path:
    return base / "settings.json"
