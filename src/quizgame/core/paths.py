"""Where quizgame keeps the player's data: packs, scores, settings, caches."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "quizgame"
DATA_DIR_ENV = "QUIZGAME_DATA_DIR"
CACHE_DIR_ENV = "QUIZGAME_CACHE_DIR"


# The installed package (src/quizgame in a checkout); the wheel puts bundled files inside it.
PACKAGE_DIR = Path(__file__).resolve().parent.parent
CHECKOUT_DIR = PACKAGE_DIR.parents[1]  # meaningful only in an editable install


def bundled_packs_dir() -> Path:
    """The packs that ship with quizgame: inside the wheel, or the repo's questions/ folder."""
    installed = PACKAGE_DIR / "questions"
    if installed.is_dir():
        return installed
    return CHECKOUT_DIR / "questions"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The player's data folder: `--data-dir`, else $QUIZGAME_DATA_DIR, else the platform's."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return _platform_data_dir()


def _platform_data_dir() -> Path:
    import platformdirs  # only without --data-dir: every command imports this module

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_packs_dir(base: Path) -> Path:
    return base / "packs"


def cache_dir(base: Path) -> Path:
    """Where parsed packs are cached for the data folder `base`.

    $QUIZGAME_CACHE_DIR if set; else, for the platform's data folder, the platform's user cache
    folder (`~/.cache/quizgame` on Linux), which backups and syncing leave out; else `base/cache`:
    a data folder chosen with `--data-dir` or $QUIZGAME_DATA_DIR (a second player, a portable
    copy, a test) keeps its cache inside it, and quizgame writes nowhere else.
    """
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env).expanduser()
    base = base.expanduser()
    resolved = base.resolve()
    # The platform's folder is always named APP_NAME: another name needs no platformdirs
    # (~5 ms to import), which a folder given with --data-dir then never loads.
    if APP_NAME in (base.name, resolved.name) and resolved == _platform_data_dir().resolve():
        import platformdirs

        return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    return base / "cache"


def scores_db(base: Path) -> Path:
    return base / "scores.db"


def settings_file(base: Path) -> Path:
    return base / "settings.json"


# The data folders cleared in this process: a command reaches `clear_leftovers` from more than
# one place (its folders, then its score store), and one scan per start is enough.
_CLEARED: set[Path] = set()


def clear_leftovers(base: Path) -> None:
    """Remove what killed writes left in the data folder `base`, its packs and its cache (the
    temporary files of `atomic.write_atomic`), once per process for each `base`; never raises.
    Run at every start."""
    if base in _CLEARED:
        return
    _CLEARED.add(base)
    from quizgame.core.atomic import clean_leftovers  # tempfile is not needed by most starts

    for folder in (base, user_packs_dir(base), cache_dir(base)):
        clean_leftovers(folder)
