"""Home's settings: mode (and its description), count, difficulty, spoilers, categories.

`settings_rows` composes them inside Home's `SettingsPanel`, set as `choices` say; Home reads
them back by id (`#mode`, `#count`, `#difficulty`, `#spoiler`, `#categories`) when a session
starts.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label, Select, SelectionList, Static

from quizgame.core.packs.levels import Difficulty, Spoiler
from quizgame.core.play.modes import Mode
from quizgame.tui.prefs import HomeChoices

COUNTS = (5, 10, 15, 20, 30, 50)
ALL = 0  # the count Select's value for "every question"
SPOILER_LABELS = {
    Spoiler.NONE: "none",
    Spoiler.MID: "up to mid-film",
    Spoiler.ENDING: "everything",
}
ANY = ""  # the difficulty Select's value for "any"


class SettingsPanel(VerticalScroll, can_focus=False):
    """The settings; scrolls to whichever setting has the focus, but is no Tab stop itself."""


def _choice(options: list[tuple[str, Any]], value: Any, select_id: str) -> Select[Any]:
    """One setting's drop-down: `options` as (label, value), `value` chosen, never blank."""
    return Select(options, value=value, allow_blank=False, compact=True, id=select_id)


def settings_rows(choices: HomeChoices) -> ComposeResult:
    """The settings, each set as `choices` say (composed inside a `SettingsPanel`)."""
    with Horizontal(classes="setting"):
        yield Label("Mode", classes="setting-label")
        yield _choice([(m.value, m.value) for m in Mode], choices.mode, "mode")
    yield Static(Mode(choices.mode).description, id="mode-help", markup=False)
    with Horizontal(classes="setting", id="count-setting") as count_setting:
        count_setting.display = Mode(choices.mode).uses_count
        learn = choices.mode == Mode.LEARN  # its count is new questions a day
        yield Label("New a day" if learn else "Questions", classes="setting-label")
        counts = sorted({*COUNTS, *([choices.count] if choices.count else [])})
        yield _choice([*((str(n), n) for n in counts), ("all", ALL)], choices.count or ALL, "count")
    with Horizontal(classes="setting"):
        yield Label("Difficulty", classes="setting-label")
        yield _choice(
            [("any", ANY), *((d.value, d.value) for d in Difficulty)],
            choices.difficulty or ANY,
            "difficulty",
        )
    with Horizontal(classes="setting"):
        yield Label("Spoilers", classes="setting-label")
        yield _choice(
            [(label, s.value) for s, label in SPOILER_LABELS.items()], choices.spoiler, "spoiler"
        )
    with Vertical(id="categories-box") as categories_box:
        categories_box.display = False  # until a pack with categories is found
        yield Label("Categories (Space ticks)", id="categories-label")
        yield SelectionList[str](id="categories")
