"""A pack full of markup and escape sequences is shown literally and cannot drive the app."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from quizgame.core.packs.model import QuestionType
from quizgame.tui import safetext
from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.screens.results import ResultsScreen
from quizgame.tui.widgets.feedback import FeedbackView
from tests.tui.helpers import MARKUP, make_app, on_feedback, on_question
from tests.tui.test_play import text_of


def assert_clean(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text


async def test_markup_and_escapes_are_shown_literally(data_dir: Path) -> None:
    app = make_app(data_dir, pack_dirs=(MARKUP,))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        listed = str(app.screen.query_one("#pack-list", OptionList).get_option_at_index(0).prompt)
        assert listed.startswith("[bold red]Markup[/] pack")
        assert "[@click=app.quit]click me[/]" in listed  # the description
        assert_clean(listed)

        await pilot.press("s")
        await pilot.pause()
        for _ in range(4):
            screen = app.screen
            assert isinstance(screen, QuestionScreen) and on_question(screen)
            question = screen.round.question
            question_choices = screen.round.choices
            prompt = text_of(screen.query_one("#prompt"))
            assert prompt == safetext.clean(question.prompt)
            assert_clean(prompt)
            await pilot.click("#prompt")  # "[@click=app.quit]" in it must not be a link
            assert app.return_code is None and app.screen is screen
            if question.type is QuestionType.MULTIPLE_CHOICE:
                trap = "[@click=app.quit]quit[/]"
                await pilot.click("#answer", offset=(6, 1 + question_choices.index(trap)))
            elif question.type is QuestionType.TYPED:
                await pilot.press("x", "enter")
            elif question.type is QuestionType.MATCHING:
                await pilot.press("1", "2", "enter")
            else:
                await pilot.press("enter")
            await pilot.pause()
            assert on_feedback(app.screen)
            shown = app.screen.query_one(FeedbackView).plain
            assert_clean(shown)
            if question.type is QuestionType.MULTIPLE_CHOICE:
                assert "Your answer: [@click=app.quit]quit[/]" in shown
                assert "Right answer: [/]" in shown
                assert "Why: [link=https://example.com]link[/link] and here" in shown
                assert "Source: [/source]" in shown
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        title = text_of(app.screen.query_one("#results-title"))
        assert "[bold red]Markup[/] pack" in title
        categories = text_of(app.screen.query_one("#results-categories"))
        assert "[italic]tags[/italic]" in categories and "$text [b]" in categories
        reviews = "\n".join(text_of(w) for w in app.screen.query(".review-item"))
        assert "[bold red]Which[/] [@click=app.quit]tag[/] is bold? [/b]" in reviews
        assert_clean(reviews + title + categories)
        assert app.return_code is None  # still running after all of that
