"""Layout: titles keep to one line, ending in an ellipsis when cut; a large terminal's question
sits in the middle with its status and lifelines beside it."""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget

from quizgame.core.packs.read import require_pack
from quizgame.core.play.dealing import SessionOptions
from quizgame.tui.screens.editor import EditorScreen
from quizgame.tui.screens.results import ResultsScreen
from tests.tui.helpers import PACKS, make_app

LONG_TITLE = "A pack with a title much too long for one line of an eighty-column terminal"


def long_titled_pack(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = (PACKS / "all-types.yaml").read_text(encoding="utf-8")
    path = folder / "all-types.yaml"
    path.write_text(text.replace("\ntitle: ", f"\ntitle: {LONG_TITLE} ", 1), encoding="utf-8")
    return path


def shown_line(widget: Widget) -> str:
    """The first line a widget shows, as plain text."""
    return "".join(segment.text for segment in widget.render_line(0)).rstrip()


def assert_one_line_cut(widget: Widget, starts: str) -> None:
    assert widget.size.height == 1
    line = shown_line(widget)
    assert line.strip().startswith(starts), line
    assert line.endswith("…"), line


async def test_the_results_title_is_one_line_cut_with_an_ellipsis(data_dir: Path) -> None:
    path = long_titled_pack(data_dir / "long")
    options = SessionOptions(count=None, seed=5, question_ids=("tf",))
    app = make_app(data_dir, start=require_pack(path), options=options)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert_one_line_cut(app.screen.query_one("#results-title"), "Results  classic")


async def test_the_editor_title_is_one_line_cut_with_an_ellipsis(data_dir: Path) -> None:
    folder = data_dir / "a-folder-with-a-rather-long-name" / "and-another-one-inside-it"
    long_titled_pack(folder)
    app = make_app(data_dir, pack_dirs=(folder,))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert_one_line_cut(app.screen.query_one("#editor-title"), "Editing A pack")


async def test_a_large_terminal_centres_the_question_and_sizes_the_choices(
    data_dir: Path,
) -> None:
    options = SessionOptions(count=None, seed=5, question_ids=("tf",))
    app = make_app(data_dir, start=require_pack(PACKS / "all-types.yaml"), options=options)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-tall")
        choices = screen.query_one("#answer")
        assert choices.region.height == 4  # two choices and the border, no empty rows
        assert choices.region.width < 100  # as wide as its choices, not the whole column
        status, lifelines = screen.query_one("#status"), screen.query_one("#lifelines")
        top, bottom = status.region.y, lifelines.region.bottom
        assert bottom - top < 20  # the bars beside the question, not at the screen's edges
        assert abs(top - (50 - bottom)) <= 3  # and the whole in the middle


async def test_a_small_terminal_keeps_the_bars_at_the_edges(data_dir: Path) -> None:
    options = SessionOptions(count=None, seed=5, question_ids=("tf",))
    app = make_app(data_dir, start=require_pack(PACKS / "all-types.yaml"), options=options)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert not screen.has_class("-tall")
        assert screen.query_one("#status").region.y == 0
        assert screen.query_one("#lifelines").region.bottom == 23  # above the footer
