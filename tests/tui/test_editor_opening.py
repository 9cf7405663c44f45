"""The editor while it reads a pack for editing: the questions Home read are listed, the keys
are those it will have, and a key that edits asks for patience until the read ends."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Footer, Input, Static

from quizgame.core.packs.find import FindIndex
from quizgame.tui.screens import editor_search, editor_view
from quizgame.tui.screens.editor import EditorScreen
from quizgame.tui.widgets.question_list import QuestionList
from quizgame.tui.widgets.text_view import TextView
from tests.tui.helpers import PACKS, footer_keys, make_app, open_editor


async def test_the_keys_stay_as_the_file_is_read(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    go = threading.Event()  # the read for editing ends only once the test has looked
    from quizgame.core.packs.pieces import read_text

    def held(path: Path) -> str:
        go.wait(30)
        return read_text(path)

    monkeypatch.setattr(editor_view, "read_text", held)
    built: list[Footer] = []  # every footer built again
    recompose = Footer.recompose

    async def counted(self: Footer) -> None:
        built.append(self)
        await recompose(self)

    monkeypatch.setattr(Footer, "recompose", counted)
    folder = data_dir / "packs"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mine.yaml").write_text(
        (PACKS / "all-types.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    app = make_app(data_dir, pack_dirs=(folder,))
    async with app.run_test(size=(100, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home_built = len(built)
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen) and screen.document is None
        assert screen.query_one("#question-list", QuestionList).count  # Home's questions
        opening = footer_keys(screen)
        assert opening["a"] == ("Add", True) and "c" not in opening
        keys = list(screen.query("Footer FooterKey"))
        await pilot.press("a")
        await pilot.pause()
        status = str(screen.query_one("#editor-status", Static).render())
        assert "Still opening the pack for editing" in status
        assert isinstance(app.screen, EditorScreen)  # no type chooser yet
        go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.document is not None
        assert footer_keys(screen) == opening  # nothing for the footer to build again
        # Composed with its keys from the first frame: never built again, not even once
        # just after that frame (as Textual's Footer does), the editor's longest stall.
        assert list(screen.query("Footer FooterKey")) == keys
        assert screen.query_one(Footer) not in built
        # Nor Home's, below it: the key that opened the editor left Home's keys as they were
        # (Textual's Footer built them again, after the editor's first frame).
        assert not built[home_built:]
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, EditorScreen)  # the type chooser


def held_searches(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Every pack searched as the words are typed (SEARCH_AHEAD 0), and those searches, in a
    worker, held until the test sets the event returned."""
    monkeypatch.setattr(editor_search, "SEARCH_AHEAD", 0)
    go = threading.Event()
    find = FindIndex.find

    def held(self: FindIndex, *args: Any, **kwargs: Any) -> int | None:
        if threading.current_thread() is not threading.main_thread():
            go.wait(30)
        return find(self, *args, **kwargs)

    monkeypatch.setattr(FindIndex, "find", held)
    return go


async def test_a_big_pack_is_searched_as_the_words_are_typed(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above SEARCH_AHEAD questions (here every pack is "big") the find box's words are looked
    for in a worker as they are typed: Enter shows what was found, at once or, if the search is
    still under way, as soon as it ends; Enter again, the next match (looked for meanwhile)."""
    go = held_searches(monkeypatch)
    app = make_app(data_dir, pack_dirs=(PACKS,))
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(pilot, app)
        assert isinstance(screen, EditorScreen) and screen.highlighted == 0
        await pilot.press("slash")
        screen.query_one("#editor-find", Input).value = "the"  # as if typed at once
        await pilot.pause()
        await pilot.press("enter")  # the search for "the" is under way: Enter waits
        await pilot.pause()
        assert screen.highlighted == 0
        go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.highlighted == 1  # the first after the highlighted one
        assert "The Moon" in screen.query_one("#question-preview", TextView).content.plain
        await app.workers.wait_for_complete()  # the next one, found before Enter again
        assert screen._ahead is not None and screen._ahead[1] == 2
        await pilot.press("enter")
        await pilot.pause()
        assert screen.highlighted == 2


async def test_closing_the_find_box_drops_an_enter_still_waiting(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enter waits for a search under way; Escape closes the box, the player moves on: when
    the search ends, it moves nothing (found in review: it searched again from the new row)."""
    go = held_searches(monkeypatch)
    app = make_app(data_dir, pack_dirs=(PACKS,))
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(pilot, app)
        await pilot.press("slash")
        screen.query_one("#editor-find", Input).value = "the"
        await pilot.pause()
        await pilot.press("enter", "escape", "down")
        await pilot.pause()
        assert screen.highlighted == 1
        go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.highlighted == 1
