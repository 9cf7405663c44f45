"""Home as listed from the summary index (see test_home_listing.py): a key held until the
packs are read acts only on what the player saw, the player's category ticks outlive the read,
and Home's height class follows a resize made while another screen was on top."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import OptionList, SelectionList

from quizgame.core.packs.cache_index import read_index
from tests.tui.helpers import DATA, PACKS, make_app, on_question
from tests.tui.test_home_listing import Unread, first_start, unread

pytestmark = pytest.mark.usefixtures("settled")  # the test packs count as unchanged


def own_packs(tmp_path: Path) -> tuple[Path, ...]:
    """Two packs in a folder the test may change: all-types, then cast-lists."""
    folder = tmp_path / "packs"
    shutil.copytree(PACKS, folder)
    shutil.copytree(DATA / "lists", folder, dirs_exist_ok=True)
    return (folder,)


async def listed_again(tmp_path: Path) -> Unread:
    """The app on `own_packs`, started once before (the index written), whose packs are read
    only when the test says (`read`)."""
    pack_dirs = own_packs(tmp_path)
    await first_start(tmp_path, pack_dirs)
    return unread(tmp_path, pack_dirs)


async def listed(app: Unread, pilot: object) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    assert app.home._only_listed


async def read(app: Unread, pilot: object) -> None:
    app.read_now()
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    assert not app.home._only_listed


async def test_a_held_start_is_dropped_when_the_player_moved_on(tmp_path: Path) -> None:
    app = await listed_again(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await listed(app, pilot)
        await pilot.press("s", "down")  # Start on all-types, then cast-lists highlighted
        await read(app, pilot)
        assert app.session is None and app.screen is app.home


async def test_a_held_start_waits_for_no_screen_opened_since(tmp_path: Path) -> None:
    await first_start(tmp_path)
    app = unread(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await listed(app, pilot)
        await pilot.press("s", "question_mark")  # Start, then the help screen
        help_screen = app.screen
        assert help_screen is not app.home
        await read(app, pilot)
        assert app.session is None and app.screen is help_screen


async def test_a_held_start_on_a_pack_broken_in_the_read_tells_the_player(
    tmp_path: Path,
) -> None:
    app = await listed_again(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await listed(app, pilot)
        await pilot.press("down")
        home = app.home
        chosen = home.listed[home.query_one("#pack-list", OptionList).highlighted or 0]
        assert chosen.id == "cast-lists"
        await pilot.press("s")
        chosen.path.write_text("id: [unclosed\n", encoding="utf-8")
        await read(app, pilot)
        assert app.session is None and app.screen is home  # not another pack instead
        assert "choose again" in str(home.query_one("#home-message").render())


async def test_a_held_start_still_starts_the_pack_the_player_chose(tmp_path: Path) -> None:
    app = await listed_again(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await listed(app, pilot)
        await pilot.press("down", "s")
        await read(app, pilot)
        assert app.session is not None and app.session.pack.id == "cast-lists"
        assert on_question(app.screen)


async def test_category_ticks_outlive_another_pack_changed_before_the_read(
    tmp_path: Path,
) -> None:
    app = await listed_again(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await listed(app, pilot)
        home = app.home
        categories = home.query_one("#categories", SelectionList)
        every = list(categories.selected)
        assert len(every) > 1 and home.listed[0].id == "all-types"
        categories.deselect(every[0])  # as the player's space bar does
        await pilot.pause()
        other = home.listed[-1]
        other.path.write_text(
            other.path.read_text(encoding="utf-8").replace(other.title, "Renamed", 1),
            encoding="utf-8",
        )
        await read(app, pilot)
        assert home.listed[-1].title == "Renamed"  # listed again, as read
        assert every[0] not in categories.selected and set(categories.selected) == set(every[1:])


@pytest.mark.parametrize("other_screen", ["question_mark", "s"])
async def test_home_takes_a_resize_made_under_another_screen(
    tmp_path: Path, other_screen: str
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.home.has_class("-short")
        await pilot.press(other_screen)
        assert app.screen is not app.home
        await pilot.resize_terminal(80, 50)
        await pilot.pause()
        await pilot.press("escape")
        if app.screen is not app.home:  # leaving a session asks first
            await pilot.press("y")
        await pilot.pause()
        assert app.screen is app.home and app.home.has_class("-tall")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.home.has_class("-short")


def test_an_index_nested_past_json_s_limit_is_no_index(tmp_path: Path) -> None:
    path = tmp_path / "packs-index.json"
    path.write_text("[" * 200_000, encoding="utf-8")
    assert read_index(path, 2, 10_000_000) == {}
