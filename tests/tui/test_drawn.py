"""The question screen's own drawing (`widgets/drawn.py`): what it keeps between frames is
dropped when the text, the size or the theme changes, and a line of parts looks exactly as
the Content they assemble would."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.widgets.choices import ChoiceList
from quizgame.tui.widgets.drawn import PartsLine, TextRows, line_strip, rows_in_view
from quizgame.tui.widgets.feedback import FeedbackView
from quizgame.tui.widgets.lifelines import LifelineBar
from tests.tui.helpers import one_question_app


class Rows(App[None]):
    def compose(self) -> ComposeResult:
        yield TextRows(Content("What is the capital of Spain?"), id="rows")


def text(lines: list[Strip]) -> list[str]:
    return [line.text.rstrip() for line in lines]


async def test_text_rows_paint_again_only_what_changed() -> None:
    app = Rows()
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        rows = app.query_one(TextRows)
        crop = Region(0, 0, rows.size.width, rows.size.height)
        first = rows.render_lines(crop)
        assert text(first) == ["What is the capital of Spain?"]
        assert rows.render_lines(crop) is first  # nothing changed: the same lines
        rows.update(Content("What is the capital of Italy?"))
        changed = rows.render_lines(crop)
        assert text(changed) == ["What is the capital of Italy?"]
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        themed = rows.render_lines(crop)
        assert text(themed) == text(changed) and themed != changed  # other colours


class Line(App[None]):
    def compose(self) -> ComposeResult:
        yield TextRows(id="rows")


async def test_a_line_of_parts_is_drawn_as_its_content_would_be() -> None:
    parts = [
        ("Question 3 of 10 ", "bold"),
        ("━━━━", "$accent"),
        ("━━", "$foreground 20%"),
        ("  Score ", "$text-muted"),
        ("1,200", "bold"),
        ("  Lives ", ""),
        ("♥♥♡", "bold $text-error"),
    ]
    app = Line()
    async with app.run_test(size=(60, 4)) as pilot:
        await pilot.pause()
        widget = app.query_one(TextRows)
        line = PartsLine(widget)
        for width in (60, 20):
            assert line.strip(parts, width) == line_strip(widget, Content.assemble(*parts), width)
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        assert line.strip(parts, 60) == line_strip(widget, Content.assemble(*parts), 60)


async def test_the_choices_look_again_when_their_focus_changes(data_dir: Path) -> None:
    """The choices keep each state's style (`ChoiceList._look`) until their style changes: the
    cursor's differs with the focus (`ChoiceList:focus > .choice-list--cursor`)."""
    app = one_question_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        choices = screen.answer
        assert isinstance(choices, ChoiceList) and choices.has_focus
        focused = rows_in_view(choices)
        screen.set_focus(None)
        await pilot.pause()
        blurred = rows_in_view(choices)
        assert focused is not None and blurred is not None
        assert [row.text for row in focused] == [row.text for row in blurred]
        assert focused[0] != blurred[0]  # the cursor's row, in the unfocused colours
        choices.focus()
        await pilot.pause()
        assert rows_in_view(choices) == focused


def painted(widget: Widget) -> list[Strip]:
    """What `widget` paints now, whole (its border and padding too)."""
    return widget.render_lines(Region(0, 0, *widget.region.size))


async def test_the_feedback_drawn_ahead_paints_as_textual_would(data_dir: Path) -> None:
    """The rows drawn and painted ahead while the player reads (`prepare_feedback`), and the
    rows kept as painted (`widgets/painted.PaintedRows`), look exactly as Textual paints them
    afresh; the answer's frame finds the feedback's lines painted."""
    app = one_question_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        screen.prepare_feedback()  # as its timer does, 30 ms after the question
        feedback = screen.query_one(FeedbackView)
        ahead = set(feedback._painted._painted)
        await pilot.press("1")
        await pilot.pause()
        assert screen.feedback_shown
        shown = rows_in_view(feedback)
        assert shown is not None
        right = next(line for line in feedback.lines if line.id == "explanation")
        assert all(id(row) in ahead for row in feedback._rows_of(right, feedback.size.width))
        choices, lifelines = screen.answer, screen.query_one(LifelineBar)
        assert isinstance(choices, ChoiceList)
        widgets: list[Widget] = [choices, feedback, lifelines]
        kept = [painted(widget) for widget in widgets]
        for rows in (choices._painted, feedback._painted, lifelines._painted):
            rows.clear()  # then Textual's own paint, from nothing kept
        for widget in widgets:
            widget._styles_cache.clear()
        assert [painted(widget) for widget in widgets] == kept


async def drawn_as_textual_would(choices: ChoiceList) -> None:
    """The choices as kept from their last paints look as Textual paints them afresh: no row
    was left out of a repaint (an old cursor row still highlighted)."""
    kept = painted(choices)
    choices._painted.clear()
    choices._styles_cache.clear()
    assert painted(choices) == kept


async def test_home_and_end_draw_the_old_cursor_row_again(data_dir: Path) -> None:
    app = one_question_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        choices = app.screen.answer  # type: ignore[attr-defined]
        assert isinstance(choices, ChoiceList) and len(choices.choices) > 2
        for key, at in (("down", 1), ("end", len(choices.choices) - 1), ("home", 0)):
            await pilot.press(key)
            await pilot.pause()
            assert choices.highlighted == at
            await drawn_as_textual_would(choices)


async def test_a_pick_away_from_the_cursor_leaves_no_cursor_in_the_feedback(
    data_dir: Path,
) -> None:
    app = one_question_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        choices = screen.answer
        assert isinstance(choices, ChoiceList) and choices.highlighted == 0
        await pilot.press("2")
        await pilot.pause()
        assert screen.feedback_shown and choices.highlighted is None
        await drawn_as_textual_would(choices)
