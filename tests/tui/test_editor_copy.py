"""Copying a read-only pack to the player's packs: a big pack's copy is written in a worker."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import Static

from quizgame.core.packs.edit import PackDocument
from quizgame.core.packs.read import load_pack
from quizgame.tui.screens import editor as editor_module
from quizgame.tui.screens.editor import EditorScreen
from quizgame.tui.screens.home import HomeScreen
from tests.tui.helpers import PACKS, make_app, open_editor


def status(screen: EditorScreen) -> str:
    return str(screen.query_one("#editor-status", Static).render())


async def test_a_big_pack_is_copied_in_a_worker(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above IN_WORKER questions (here every pack is "big") the copy is made and written in a
    worker while the editor says so; leaving waits for it; then the copy is what is edited."""
    monkeypatch.setattr(editor_module, "IN_WORKER", 0)
    go = threading.Event()  # the worker writes the copy only once the test has looked
    write_copy = editor_module._write_copy

    def held(*args: object) -> tuple[PackDocument | None, str, str]:
        go.wait(30)
        return write_copy(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(editor_module, "_write_copy", held)
    packs = data_dir / "packs"
    target = packs / "all-types-copy.yaml"
    app = make_app(data_dir, pack_dirs=(PACKS, packs))
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(pilot, app)
        assert isinstance(screen, EditorScreen) and not screen.editable
        await pilot.press("c")
        await pilot.pause()
        assert f"Copying to {target}" in status(screen)
        assert not screen.editable and not target.exists()
        await pilot.press("c", "escape")  # neither copies twice nor leaves before the copy
        await pilot.pause()
        assert "Esc again once the copy is written" in status(screen)
        assert isinstance(app.screen, EditorScreen) and app.screen.path == screen.path
        go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.editable and screen.path == target and not screen.dirty
        assert any("editing the copy" in str(n.message) for n in app._notifications)
        assert "saved" in status(screen)
        await pilot.press("escape")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        selected = app.home.selected_result
        assert selected is not None and selected.path == target  # the copy, highlighted
    copy = load_pack(target)
    assert copy.ok and copy.pack is not None
    assert copy.pack.id == "all-types-copy" and copy.pack.title.endswith("(my copy)")
    original = load_pack(PACKS / "all-types.yaml").pack
    assert original is not None and copy.pack.questions == original.questions
    assert sorted(path.name for path in packs.iterdir()) == ["all-types-copy.yaml"]


def test_a_copy_changes_apart_from_its_original() -> None:
    text = (PACKS / "all-types.yaml").read_text(encoding="utf-8")
    original = PackDocument(text)
    copy = original.copied("copy.yaml")
    copy.set_field("id", "copied")
    copy.replace_question(0, {**copy.question(0), "prompt": "Changed?"})
    copy.delete_question(1)
    assert original.text() == text and copy.name == "copy.yaml"
    assert copy.fields["id"] == "copied" and "id: copied" in copy.text()
    assert copy.question(0)["prompt"] == "Changed?" != original.question(0)["prompt"]
    assert len(copy) == len(original) - 1
