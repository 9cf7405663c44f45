"""Home lists the packs from the summary index before they are read, when no pack file changed
since it was written (issue 13: Home's first frame then waits for no pack code): the very same
screen as with the packs read, and a key that needs the packs acts once they are read."""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from quizgame.tui.app import QuizApp
from quizgame.tui.screens.home_packs import PackShelf
from tests.tui.helpers import BROKEN, DATA, PACKS, make_app, on_question

pytestmark = pytest.mark.usefixtures("settled")  # the test packs count as unchanged

PACK_DIRS = (PACKS, DATA / "lists", BROKEN)  # two packs to choose from, and a broken one


class Unread(QuizApp):
    """The game, but the packs Home lists are read only when the test says (`read_now`)."""

    def read_packs(self) -> None:  # type: ignore[override]
        self.asked_to_read = True

    def read_now(self) -> None:
        QuizApp.read_packs(self)


def unread(data_dir: Path, pack_dirs: tuple[Path, ...] = PACK_DIRS) -> Unread:
    app = make_app(data_dir, pack_dirs=pack_dirs)
    app.__class__ = Unread
    app.asked_to_read = False  # type: ignore[attr-defined]
    return app  # type: ignore[return-value]


async def first_start(data_dir: Path, pack_dirs: tuple[Path, ...] = PACK_DIRS) -> str:
    """A first start (the packs read, the index written); what Home looked like."""
    app = make_app(data_dir, pack_dirs=pack_dirs)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.home.results and not app.home._only_listed
        return app.export_screenshot()


async def test_home_listed_from_the_index_looks_as_with_the_packs_read(tmp_path: Path) -> None:
    read = await first_start(tmp_path)
    app = unread(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.home
        assert app.asked_to_read and home.results == [] and home._only_listed
        assert home.listed[0].id == "all-types" and home.listed[0].questions > 1
        assert any(s.id is None and s.error_line for s in home.listed)  # a broken one, placed
        assert app.export_screenshot() == read


async def test_packs_read_as_listed_leave_the_list_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await first_start(tmp_path)
    lists: list[int] = []
    original = PackShelf._list

    def counted(shelf: PackShelf, summaries: list[object]) -> None:
        lists.append(len(summaries))
        original(shelf, summaries)  # type: ignore[arg-type]

    monkeypatch.setattr(PackShelf, "_list", counted)
    app = make_app(tmp_path, pack_dirs=PACK_DIRS)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()  # the listing's worker
        await pilot.pause()
        await app.workers.wait_for_complete()  # the reading's, started once Home was drawn
        await pilot.pause()
        home = app.home
        assert home.results and not home._only_listed
        assert lists == [len(home.results)]  # listed once, from the index; the read kept it


async def test_a_key_pressed_before_the_packs_are_read_acts_once_they_are(
    tmp_path: Path,
) -> None:
    await first_start(tmp_path)
    app = unread(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("s")
        assert app.screen is app.home  # held: the pack's questions are not read yet
        app.read_now()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert on_question(app.screen)


Step = Callable[[Pilot[None]], Awaitable[object]]


async def started(data_dir: Path, steps: list[Step], *, read_first: bool) -> tuple[object, ...]:
    """The session a player starts with `steps` on Home as listed (in a data folder of its
    own: the choices one remembers do not carry over; the index is in the tests' cache folder):
    the packs read before the steps or only after them. Its pack, options, and the pack and
    settings Home remembered."""
    app = unread(data_dir.parent / f"{data_dir.name}-{'after' if read_first else 'before'}")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        if read_first:
            app.read_now()
            await app.workers.wait_for_complete()
            await pilot.pause()
        for step in steps:
            await step(pilot)
            await pilot.pause()
        if not read_first:
            assert app.session is None  # held until the packs are read
            app.read_now()
            await app.workers.wait_for_complete()
            await pilot.pause()
        session = app.session
        assert session is not None and on_question(app.screen)
        return session.pack, session.options, app.choices


def keys(*pressed: str) -> Step:
    return lambda pilot: pilot.press(*pressed)


PICKS: dict[str, list[Step]] = {
    "enter": [keys("enter")],
    "another pack": [keys("down", "enter")],
    "start clicked": [lambda pilot: pilot.click("#start")],
    "pack clicked": [lambda pilot: pilot.click("#pack-list", offset=(3, 0))],
    "daily": [keys("d")],
    "settings": [  # the mode and a category changed, then Start
        *map(keys, ["tab", "enter", "down", "enter"]),
        *map(keys, ["tab", "tab", "tab", "tab", "space"]),
        keys("s"),
    ],
}


@pytest.mark.parametrize("pick", list(PICKS))
async def test_a_pack_picked_before_the_read_starts_what_it_would_after_it(
    tmp_path: Path, pick: str
) -> None:
    data_dir = tmp_path / "data"
    await first_start(data_dir)
    after = await started(data_dir, PICKS[pick], read_first=True)
    before = await started(data_dir, PICKS[pick], read_first=False)
    assert before == after


async def test_a_pack_changed_since_the_index_is_not_listed_stale(tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    shutil.copytree(PACKS, folder)
    shutil.copytree(DATA / "lists", folder, dirs_exist_ok=True)
    pack_dirs = (folder,)
    app = make_app(tmp_path, pack_dirs=pack_dirs)
    async with app.run_test(size=(80, 24)) as pilot:  # the index written
        await app.workers.wait_for_complete()
        await pilot.pause()
        first = app.home.listed[0]
    path = first.path
    path.write_text(
        path.read_text(encoding="utf-8").replace(first.title, "Renamed", 1), encoding="utf-8"
    )
    app = unread(tmp_path, pack_dirs)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.home
        assert not app.asked_to_read and not home._only_listed  # a miss: read at once
        assert home.listed[0].title == "Renamed" == home.results[0].pack.title  # type: ignore[union-attr]
        prompt = home.query_one("#pack-list", OptionList).get_option_at_index(0).prompt
        assert "Renamed" in str(prompt)


async def test_home_follows_a_resized_terminal(tmp_path: Path) -> None:
    """Home lays nothing out again for a resize to its own size (`HomeScreen._same_size`), but
    does for any other, there and back."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        panel = app.home.query_one("#packs-panel")
        narrow = panel.size.width
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.home.size == (120, 40) and app.home.has_class("-tall")
        assert panel.size.width > narrow
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.home.size == (80, 24) and app.home.has_class("-short")
        assert panel.size.width == narrow


async def test_a_pack_changed_between_the_listing_and_the_read_is_shown_as_read(
    tmp_path: Path,
) -> None:
    """Listed, then changed before it is read: Home lists it again as read, and the pack the
    player had highlighted stays highlighted."""
    folder = tmp_path / "packs"
    shutil.copytree(PACKS, folder)
    shutil.copytree(DATA / "lists", folder, dirs_exist_ok=True)
    pack_dirs = (folder,)
    await first_start(tmp_path, pack_dirs)
    app = unread(tmp_path, pack_dirs)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.home
        assert home._only_listed
        await pilot.press("down")
        await pilot.pause()
        chosen = home.listed[home.query_one("#pack-list", OptionList).highlighted or 0]
        first = home.listed[0]
        assert chosen is not first
        first.path.write_text(
            first.path.read_text(encoding="utf-8").replace(first.title, "Renamed", 1),
            encoding="utf-8",
        )
        app.read_now()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert home.listed[0].title == "Renamed" and not home._only_listed
        assert home.selected_result is not None and home.selected_result.path == chosen.path


async def test_an_index_that_cannot_be_listed_from_only_costs_the_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("no index today")

    monkeypatch.setattr("quizgame.core.packs.summary.listed", broken)
    app = make_app(tmp_path, pack_dirs=PACK_DIRS)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.home.results and not app.home._only_listed
        assert str(app.home.query_one("#home-message").render()) == ""  # nothing to say
