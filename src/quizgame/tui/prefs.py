"""The player's last Home choices, remembered in the data folder's settings.json.

The file may hold other sections (written by other features); only the "home" key is ours and
everything else is kept as found. A missing or damaged file gives the defaults: a preference is
never worth an error.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizgame.core.atomic import write_atomic
from quizgame.core.packs.levels import Difficulty, Spoiler
from quizgame.core.play.modes import DEFAULT_COUNT, Mode

if TYPE_CHECKING:
    from quizgame.core.play.dealing import SessionOptions

SECTION = "home"


@dataclass
class HomeChoices:
    """What the player last chose on Home."""

    pack_id: str | None = None
    mode: str = Mode.CLASSIC.value
    count: int | None = DEFAULT_COUNT  # None: every question
    difficulty: str | None = None  # None: any
    spoiler: str = Spoiler.NONE.value  # spoiler-safe until the player chooses otherwise
    categories: dict[str, list[str]] = field(default_factory=dict)  # per pack id; empty: all
    theme: str | None = None

    def options(self, pack_id: str) -> SessionOptions:
        """Session options from these choices, for the pack `pack_id`."""
        from quizgame.core.play.dealing import SessionOptions  # imported when a session starts

        return SessionOptions(
            count=self.count,
            categories=tuple(self.categories.get(pack_id, ())),
            difficulty=Difficulty(self.difficulty) if self.difficulty else None,
            spoiler=Spoiler(self.spoiler),
            mode=Mode(self.mode),
        )


@dataclass(frozen=True)
class Preset:
    """Settings given on the command line without a pack (`quizgame play --mode blitz`): Home
    opens with them chosen. None (or no categories) leaves the remembered choice."""

    mode: str | None = None
    count: int | None = None
    difficulty: str | None = None
    spoiler: str | None = None
    categories: tuple[str, ...] = ()  # ticked in every pack that has any of them

    def apply(self, choices: HomeChoices) -> HomeChoices:
        """`choices` with these settings in place of the remembered ones (a new object)."""
        return replace(
            choices,
            mode=self.mode or choices.mode,
            count=self.count or choices.count,
            difficulty=self.difficulty or choices.difficulty,
            spoiler=self.spoiler or choices.spoiler,
        )


def _valid(data: dict[str, Any]) -> HomeChoices:
    choices = HomeChoices()
    if isinstance(data.get("pack_id"), str):
        choices.pack_id = data["pack_id"]
    if data.get("mode") in {m.value for m in Mode}:
        choices.mode = data["mode"]
    count = data.get("count", DEFAULT_COUNT)
    if count is None or (isinstance(count, int) and not isinstance(count, bool) and count > 0):
        choices.count = count
    if data.get("difficulty") in {d.value for d in Difficulty}:
        choices.difficulty = data["difficulty"]
    if data.get("spoiler") in {s.value for s in Spoiler}:
        choices.spoiler = data["spoiler"]
    categories = data.get("categories")
    if isinstance(categories, dict):
        choices.categories = {
            str(k): [str(c) for c in v] for k, v in categories.items() if isinstance(v, list)
        }
    if isinstance(data.get("theme"), str):
        choices.theme = data["theme"]
    return choices


def _read(path: Path) -> dict[str, Any] | None:
    """The settings file's data: {} when there is none, None when it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def load_choices(path: Path) -> HomeChoices:
    """The remembered choices, or the defaults."""
    section = (_read(path) or {}).get(SECTION)
    return _valid(section) if isinstance(section, dict) else HomeChoices()


def save_choices(path: Path, choices: HomeChoices) -> bool:
    """Remember the choices (atomically); False if the file could not be written."""
    data = _read(path)
    if data is None:
        return False  # a file we cannot read is the player's to mend, never ours to overwrite
    data[SECTION] = asdict(choices)
    try:
        write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2))
    except OSError:
        return False
    return True
