"""Pilot tests of the editor's import: questions from a file in any format join the pack being
edited, ids kept free; a broken file adds nothing and says where it is broken."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static

from quizgame.core.formats import export_pack
from quizgame.core.packs.read import load_pack
from quizgame.tui.app import QuizApp
from quizgame.tui.screens.editor import EditorScreen
from quizgame.tui.screens.editor_import import ImportScreen
from quizgame.tui.screens.editor_new import NewPackScreen
from tests.paths import TEST_DATA
from tests.tui.helpers import PACKS, make_app, pack

CARDS = "cat\tKatze\ndog\tHund\nbird\tVogel\n"


async def new_pack(pilot: Pilot[None], app: QuizApp) -> EditorScreen:
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(app.screen, NewPackScreen)
    app.post_message(events.Paste("Imported"))
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, EditorScreen)
    return app.screen


async def import_file(pilot: Pilot[None], app: QuizApp, path: Path, choices: str = "") -> str:
    """Import `path` through the editor's import box; the editor's status line after it."""
    await pilot.press("i")
    await pilot.pause()
    assert isinstance(app.screen, ImportScreen)
    app.post_message(events.Paste(str(path)))
    await pilot.pause()
    if choices:
        app.screen.query_one("#import-choices", Input).value = choices
    app.screen.query_one("#import-path", Input).focus()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, EditorScreen)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return str(app.screen.query_one("#editor-status", Static).render())


async def test_questions_from_files_of_any_format_join_the_pack(data_dir: Path) -> None:
    packs = data_dir / "packs"
    data_dir.mkdir()
    cards = data_dir / "words.tsv"
    cards.write_text(CARDS, encoding="utf-8")
    xlsx = data_dir / "quiz.xlsx"
    written = export_pack(pack("all-types"), "xlsx")
    assert written.data is not None
    xlsx.write_bytes(written.data)
    app = make_app(data_dir, pack_dirs=(PACKS, packs))
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await new_pack(pilot, app)
        status = await import_file(pilot, app, cards, choices="3")
        assert status.startswith("Imported 3 questions from words.tsv")
        assert screen.document is not None
        assert [q["id"] for q in screen.document.questions] == ["q1", "q2", "q3"]
        assert len(screen.document.question(0)["choices"]) == 3
        status = await import_file(pilot, app, xlsx)
        assert status.startswith(f"Imported {written.count} questions from quiz.xlsx")
        ids = [q["id"] for q in screen.document.questions]
        # after the highlighted question (the first imported), ids kept free
        assert ids[:3] == ["q1", "q1-2", "q2-2"] and len(set(ids)) == len(ids) == 3 + written.count
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_pack(packs / "imported.yaml").pack
    assert saved is not None and len(saved.questions) == 3 + written.count


async def test_an_open_trivia_db_import_brings_its_licence(data_dir: Path) -> None:
    packs = data_dir / "packs"
    app = make_app(data_dir, pack_dirs=(PACKS, packs))
    async with app.run_test(size=(100, 40)) as pilot:
        await new_pack(pilot, app)
        status = await import_file(pilot, app, TEST_DATA / "opentdb" / "sample.json")
        assert status.startswith(
            "Imported 42 questions from sample.json, with the file's licence and attribution"
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_pack(packs / "imported.yaml").pack
    assert saved is not None and saved.extra["license"] == "CC-BY-SA-4.0"
    assert "Open Trivia Database" in saved.extra["attribution"]


async def test_a_broken_file_adds_nothing_and_says_where(data_dir: Path) -> None:
    data_dir.mkdir()
    broken = data_dir / "broken.xml"
    broken.write_text("<quiz>\n<question type='truefalse'>\n</quiz>\n", encoding="utf-8")
    app = make_app(data_dir, pack_dirs=(PACKS, data_dir / "packs"))
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await new_pack(pilot, app)
        status = await import_file(pilot, app, broken)
        assert status.startswith("✗ Nothing imported: broken.xml:3: not valid XML")
        status = await import_file(pilot, app, data_dir / "missing.gift")
        assert status == "✗ Nothing imported: missing.gift: no such file"
        assert screen.document is not None and len(screen.document) == 0
