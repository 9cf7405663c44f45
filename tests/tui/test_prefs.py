"""The last Home choices are remembered in settings.json, next to other sections."""

from __future__ import annotations

import json
from pathlib import Path

from quizgame.core.packs.model import Difficulty, Spoiler
from quizgame.core.play.modes import Mode
from quizgame.tui.prefs import HomeChoices, load_choices, save_choices


def test_round_trip_keeps_other_sections(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"scores": {"keep": True}}), encoding="utf-8")
    choices = HomeChoices(
        pack_id="films",
        mode="survival",
        count=None,
        difficulty="hard",
        spoiler="mid",
        categories={"films": ["cast"]},
        theme="textual-light",
    )
    assert save_choices(path, choices)
    assert load_choices(path) == choices
    assert json.loads(path.read_text(encoding="utf-8"))["scores"] == {"keep": True}
    options = choices.options("films")
    assert options.mode is Mode.SURVIVAL and options.count is None
    assert options.difficulty is Difficulty.HARD and options.spoiler is Spoiler.MID
    assert options.categories == ("cast",)
    assert choices.options("other").categories == ()


def test_missing_damaged_or_strange_files_give_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert load_choices(path) == HomeChoices()
    assert HomeChoices().options("any").spoiler is Spoiler.NONE  # spoiler-safe until chosen
    path.write_text("{not json", encoding="utf-8")
    assert load_choices(path) == HomeChoices()
    path.write_text(
        json.dumps({"home": {"mode": "nonsense", "count": -3, "spoiler": 7, "pack_id": "x"}}),
        encoding="utf-8",
    )
    assert load_choices(path) == HomeChoices(pack_id="x")


def test_unwritable_folder_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert not save_choices(blocker / "settings.json", HomeChoices())


def test_a_settings_file_that_cannot_be_read_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"home": {"count": 5}, "editor": {"wrap": tr', encoding="utf-8")  # cut short
    assert load_choices(path) == HomeChoices()  # the defaults, for this run
    assert save_choices(path, HomeChoices(count=20)) is False
    assert path.read_text(encoding="utf-8").endswith('"wrap": tr')  # the player's to mend


async def test_home_shows_the_settings_given_on_the_command_line(tmp_path: Path) -> None:
    from textual.widgets import Select, SelectionList

    from quizgame.tui.prefs import Preset
    from tests.tui.helpers import make_app

    save_choices(tmp_path / "settings.json", HomeChoices(mode="survival", count=20))
    preset = Preset("challenge", 5, "hard", "mid", ("space",))
    app = make_app(tmp_path, preset=preset)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.screen
        shown = {name: home.query_one(f"#{name}", Select).value for name in ("mode", "count")}
        assert shown == {"mode": "challenge", "count": 5}
        assert home.query_one("#difficulty", Select).value == "hard"
        assert home.query_one("#spoiler", Select).value == "mid"
        assert home.query_one("#categories", SelectionList).selected == ["space"]
    # Given for this run only: what was remembered stays until the player starts a session.
    assert load_choices(tmp_path / "settings.json").mode == "survival"
