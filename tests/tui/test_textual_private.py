"""Textual's private names the question screen leans on for speed (issue 13) are there in the
locked Textual: an upgrade that drops one fails here, loudly, where play would only fall back
to Textual's own (slower) paths without a word."""

from __future__ import annotations

from pathlib import Path

from textual._styles_cache import StylesCache

from quizgame.tui.screens import in_place
from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.widgets import drawn, painted
from quizgame.tui.widgets.feedback import FeedbackView
from tests.tui.helpers import one_question_app


def test_the_private_names_are_there() -> None:
    assert in_place.DRAWS_NOW  # Screen._on_timer_update
    assert painted.USABLE  # textual._styles_cache.StylesCache and its parts
    assert drawn.REPAINTS_AT_ONCE  # Widget._set_dirty, ._get_style


async def test_the_widgets_have_what_painted_rows_read(data_dir: Path) -> None:
    app = one_question_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert app._batch_count == 0  # read by InPlace._draw_now
        assert isinstance(screen._dirty_widgets, set)  # drawn.repaint adds to it
        assert isinstance(screen._layout_cache, dict) or hasattr(screen._layout_cache, "clear")
        assert hasattr(screen._rich_style_cache, "clear")
        feedback = screen.query_one(FeedbackView)
        assert isinstance(feedback._styles_cache, StylesCache)
        assert feedback._border_title is None and feedback._border_subtitle is None
        assert feedback._painted._fits() is not None  # its rows are kept
