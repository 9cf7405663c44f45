"""The editor's preview: text wrapped to its width, scrolling only when taller than the view."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content

from quizgame.tui.widgets.text_view import TextView


class ViewApp(App[None]):
    CSS = "TextView { width: 30; height: 8; border: round $primary; padding: 0 1; }"

    def compose(self) -> ComposeResult:
        yield TextView(Content("Short text."), id="view")


def shown(view: TextView) -> list[str]:
    return [view.render_line(y).text.rstrip() for y in range(view.scrollable_content_region.height)]


def painted(view: TextView) -> str:
    """What the widget paints now, border and all: its cached lines and those drawn again."""
    return "\n".join(strip.text for strip in view.render_lines(view.outer_size.region))


async def test_text_that_fits_changes_no_size_and_long_text_scrolls() -> None:
    app = ViewApp()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(TextView)
        assert shown(view)[0] == "Short text."
        before = view.virtual_size
        assert before.height == view.size.height  # as tall as the view: no scrollbar
        painted(view)
        view.update(Content("Another short one."))  # only the lines that differ are drawn again
        await pilot.pause()
        assert view.virtual_size == before and not view.show_vertical_scrollbar
        assert "Another short one." in painted(view) and "Short text." not in painted(view)
        long = Content("\n".join(f"line {n} of a long explanation" for n in range(1, 21)))
        view.update(long)
        await pilot.pause()
        assert view.show_vertical_scrollbar
        width = view.scrollable_content_region.width
        assert width == view.size.width - view.styles.scrollbar_size_vertical
        assert all(len(line) <= width for line in shown(view))
        assert view.virtual_size.height > view.size.height
        view.focus()
        await pilot.press("end")
        await pilot.pause()
        assert view.scroll_offset.y > 0
        assert "line 20" in " ".join(shown(view))
        view.update(Content("[b]Not markup[/b]"))  # a new text starts at its top, shown as is
        await pilot.pause()
        assert view.scroll_offset.y == 0 and shown(view)[0] == "[b]Not markup[/b]"
