"""Home lists the packs from the summary index before they are read, when no pack file changed
since it was written (issue 13: Home's first frame then waits for no pack code): the very same
screen as with the packs read, and a key that needs the packs acts once they are read."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgame.tui.app import QuizApp
from quizgame.tui.screens.home_packs import PackShelf
from tests.tui.helpers import make_app, on_question

pytestmark = pytest.mark.usefixtures("settled")  # the test packs count as unchanged


class Unread(QuizApp):
    """The game, but the packs Home lists are read only when the test says (`read_now`)."""

    def read_packs(self) -> None:  # type: ignore[override]
        self.asked_to_read = True

    def read_now(self) -> None:
        QuizApp.read_packs(self)


def unread(data_dir: Path) -> Unread:
    app = make_app(data_dir)
    app.__class__ = Unread
    app.asked_to_read = False  # type: ignore[attr-defined]
    return app  # type: ignore[return-value]


async def first_start(data_dir: Path) -> str:
    """A first start (the packs read, the index written); what Home looked like."""
    app = make_app(data_dir)
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
    app = make_app(tmp_path)
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
