"""The editor's question list: a pack of any size is listed by labelling only the rows in view."""

from __future__ import annotations

import pytest
from rich.console import RenderableType
from textual.app import App, ComposeResult
from textual.content import Content
from textual.strip import Strip

from quizgame.tui.widgets.question_list import QuestionList

COUNT = 100_000


class CountingList(QuestionList):
    """Which of its lines it was asked to draw."""

    drawn: list[int]

    def render_line(self, y: int) -> Strip:
        self.drawn.append(y)
        return super().render_line(y)


class ListApp(App[None]):
    def __init__(self, lines: bool = False) -> None:
        super().__init__()
        self.lines = lines  # label with a sequence of lines, not one Content
        self.labelled: list[int] = []
        self.events: list[tuple[str, int]] = []

    def label(self, index: int) -> Content | tuple[Content, Content]:
        self.labelled.append(index)
        if self.lines:
            return (Content(f"{index + 1}. question {index}"), Content(f"   type · q{index}"))
        return Content(f"{index + 1}. question {index}\n   type · q{index}")

    def compose(self) -> ComposeResult:
        question_list = CountingList(self.label, COUNT, id="list")
        question_list.drawn = []
        yield question_list

    def on_question_list_highlighted(self, event: QuestionList.Highlighted) -> None:
        self.events.append(("highlighted", event.index))

    def on_question_list_selected(self, event: QuestionList.Selected) -> None:
        self.events.append(("selected", event.index))


async def test_only_the_rows_in_view_are_labelled() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        question_list = app.query_one(QuestionList)
        assert question_list.highlighted == 0
        # 12 lines, 2 a row: the 6 rows in view (7 when scrolled between two), and the last 7
        # ahead of End, made once the first screenful is drawn.
        last = set(range(COUNT - 7, COUNT))
        assert set(app.labelled) <= set(range(6)) | last
        await pilot.press("end")
        await pilot.pause()
        assert question_list.highlighted == COUNT - 1
        # ... and the screenful above, ahead of a Page Up.
        assert set(app.labelled) <= set(range(6)) | set(range(COUNT - 14, COUNT))
        await pilot.press("pageup", "up", "enter")
        await pilot.pause()
        assert app.events[-1] == ("selected", question_list.highlighted)
        assert question_list.highlighted is not None and question_list.highlighted < COUNT - 6
        await pilot.press("home")
        await pilot.pause()
        assert question_list.highlighted == 0 and question_list.scroll_offset.y == 0
        assert await pilot.click(QuestionList, offset=(5, 2))  # the second row's first line
        assert app.events[-1] == ("selected", 1)


async def test_rows_are_labelled_again_when_told() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        question_list = app.query_one(QuestionList)
        before = app.labelled.count(2)
        question_list.refresh_rows(2)
        await pilot.pause()
        assert app.labelled.count(2) == before + 1
        question_list.set_rows(0, placeholder="Nothing here")
        await pilot.pause()
        assert question_list.highlighted is None
        assert "Nothing here" in str(question_list.render_line(0).text)


async def test_a_move_in_view_draws_only_the_two_rows_again() -> None:
    app = ListApp(lines=True)
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        question_list = app.query_one(CountingList)
        assert "1. question 0" in question_list.render_line(0).text
        assert "type · q1" in question_list.render_line(3).text
        question_list.drawn.clear()
        await pilot.press("down", "down")
        await pilot.pause()
        assert question_list.highlighted == 2
        # Rows 0, 1 and 2 (two lines each) lost or gained the highlight; nothing else changed.
        assert set(question_list.drawn) <= set(range(6))


async def test_the_scrollbar_is_drawn_again_only_when_its_thumb_moves(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = ListApp()
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        question_list = app.query_one(CountingList)
        bar = question_list.vertical_scrollbar
        drawn: list[float] = []
        render = bar.render

        def counted() -> RenderableType:
            drawn.append(bar.position)
            return render()

        monkeypatch.setattr(bar, "render", counted)
        await pilot.press("pagedown", "pagedown")  # a few rows of 100,000: the thumb stays
        await pilot.pause()
        assert question_list.scroll_offset.y > 0 and not drawn
        await pilot.press("end")
        await pilot.pause()
        assert drawn
        at_end = [list(strip) for strip in bar.render_lines(bar.size.region)]
        await pilot.press("home")
        await pilot.pause()
        at_home = [list(strip) for strip in bar.render_lines(bar.size.region)]
        assert at_home != at_end  # the thumb moved to the top
        drawn.clear()
        await pilot.press("end")  # a thumb drawn before: its lines are kept
        await pilot.pause()
        assert not drawn
        assert [list(strip) for strip in bar.render_lines(bar.size.region)] == at_end


async def test_a_call_after_drawn_waits_for_the_rows_it_changed() -> None:
    """`call_after_drawn` runs once the frame with the list's change is drawn, never before
    the list draws it (the editor starts a search for the next match then, not in that frame's
    way)."""
    app = ListApp()
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        question_list = app.query_one(CountingList)
        seen: list[tuple[int | None, list[int]]] = []
        question_list.drawn = []
        question_list.highlighted = 5_000

        def after() -> None:
            seen.append((question_list.highlighted, list(question_list.drawn)))

        question_list.call_after_drawn(after)
        assert not seen
        await pilot.pause()
        assert len(seen) == 1
        highlighted, drawn = seen[0]
        assert highlighted == 5_000 and drawn  # the jump's rows were drawn first
        await pilot.pause()
        assert len(seen) == 1  # once
