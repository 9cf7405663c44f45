"""The editor's list keys: the preview the next key is likely to show is wrapped once the
frame is drawn, so that the key only draws it; a change to a question is never shown from
before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.content import Content
from textual.visual import Visual

from quizgame.tui.screens import editor_search
from quizgame.tui.screens.editor import EditorScreen
from quizgame.tui.screens.editor_preview import question_preview
from quizgame.tui.widgets.text_view import TextView
from tests.tui.helpers import PACKS, make_app, open_editor


def spy_on_wrapping(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the preview wraps while it shows them (not before, with `prepare`)."""
    wrapped_in_update: list[str] = []
    showing = [False]
    to_strips = Visual.to_strips
    update = TextView.update

    def counted(widget: Any, content: Any, *args: Any, **kwargs: Any) -> Any:
        if showing[0]:
            wrapped_in_update.append(str(content)[:40])
        return to_strips(widget, content, *args, **kwargs)

    def shown(self: TextView, content: Content, key: Any = None) -> None:
        showing[0] = True
        try:
            update(self, content, key)
        finally:
            showing[0] = False

    monkeypatch.setattr(Visual, "to_strips", staticmethod(counted))
    monkeypatch.setattr(TextView, "update", shown)
    return wrapped_in_update


async def test_the_next_preview_is_wrapped_before_its_key(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrapped_in_update = spy_on_wrapping(monkeypatch)
    folder = data_dir / "packs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mine.yaml"
    path.write_text((PACKS / "all-types.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    app = make_app(data_dir, pack_dirs=(folder,))
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(pilot, app)
        assert isinstance(screen, EditorScreen) and screen.document is not None
        preview = screen.query_one("#question-preview", TextView)
        await pilot.press("down")  # the first move: the next one down is wrapped after it
        await pilot.pause()
        wrapped_in_update.clear()
        for number in (3, 4):
            await pilot.press("down")
            await pilot.pause()
            assert screen.highlighted == number - 1
            assert preview.content.plain == screen_preview(screen, number - 1)
        await pilot.press("end")  # the last: wrapped as soon as the editor was read
        await pilot.pause()
        assert preview.content.plain == screen_preview(screen, len(screen.document) - 1)
        assert not wrapped_in_update
        # A change to the question below: its preview wrapped before is not the one shown.
        data = dict(screen.document.question(len(screen.document) - 2))
        data["prompt"] = "A prompt changed just now?"
        await pilot.press("home")
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        screen.document.replace_question(len(screen.document) - 2, data)
        screen._changed(len(screen.document) - 1, only=(len(screen.document) - 2,))
        await pilot.press("up")
        await pilot.pause()
        assert "A prompt changed just now?" in preview.content.plain
        assert wrapped_in_update  # wrapped as it is now


def screen_preview(screen: EditorScreen, index: int) -> str:
    assert screen.document is not None
    return question_preview(screen.document.question(index)).plain


@pytest.mark.parametrize("words", ["5", "spain"])
async def test_what_the_find_box_will_show_is_made_ready_as_it_is_typed(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, words: str
) -> None:
    """In a big pack (here every pack is big), a number typed, or the question words typed
    find (in a worker), has its rows and preview made before Enter, which only draws them."""
    monkeypatch.setattr(editor_search, "SEARCH_AHEAD", 0)
    wrapped_in_update = spy_on_wrapping(monkeypatch)
    app = make_app(data_dir, pack_dirs=(PACKS,))
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(pilot, app)
        assert isinstance(screen, EditorScreen) and screen.document is not None
        await pilot.press("slash", *words)
        await app.workers.wait_for_complete()
        await pilot.pause()
        wrapped_in_update.clear()
        await pilot.press("enter")
        await pilot.pause()
        found = screen.highlighted
        assert found is not None and found > 0
        preview = screen.query_one("#question-preview", TextView)
        assert preview.content.plain == screen_preview(screen, found)
        assert not wrapped_in_update
