"""An 80x24 terminal and a question that does not fit: a long prompt and six long choices. The
choices scroll inside a capped box, and the feedback's verdict and the way on stay in view
(before, the choice box grew to 14 rows and pushed both off the screen). Also: an `Answered`
that arrives after the next question is shown draws no old feedback over it."""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget

from quizgame.core.packs.model import Pack, Question, QuestionType
from quizgame.core.play.dealing import SessionOptions
from quizgame.tui.navigation import Answered
from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.widgets.choices import ChoiceList
from quizgame.tui.widgets.feedback import FeedbackView
from quizgame.tui.widgets.lifelines import LifelineBar
from tests.tui.helpers import make_app, on_feedback, on_question

PROMPT = "This is a rather long question prompt that goes on and on. " * 8
CHOICES = tuple(
    f"Choice {letter} which is also fairly long, long enough to wrap on a small terminal width"
    for letter in "ABCDEF"
)


def long_pack() -> Pack:
    questions = tuple(
        Question(
            id=f"q{n}",
            type=QuestionType.MULTIPLE_CHOICE,
            prompt=PROMPT,
            answer=CHOICES[0],
            choices=CHOICES,
            explanation="An explanation long enough to need a few lines of its own in the box.",
        )
        for n in range(3)
    )
    return Pack(id="long", title="Long", questions=questions)


def in_view(screen: QuestionScreen, widget: Widget) -> bool:
    """Whether all of `widget` is on the screen."""
    return screen.region.contains_region(widget.region)


async def test_long_choices_scroll_and_the_feedback_stays_in_view(data_dir: Path) -> None:
    app = make_app(data_dir, start=long_pack(), options=SessionOptions(count=None, seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and on_question(screen)
        choices = screen.answer
        assert isinstance(choices, ChoiceList)
        feedback = screen.query_one(FeedbackView)
        lifelines = screen.query_one(LifelineBar)
        assert in_view(screen, lifelines) and in_view(screen, feedback)
        assert feedback.content_size.height >= 2  # the verdict's row, and one more
        # The choices are capped and scroll: the cursor's choice stays in view.
        assert choices.region.height < 14
        for _ in range(len(CHOICES) - 1):
            await pilot.press("down")
        await pilot.pause()
        assert choices.highlighted == len(CHOICES) - 1
        assert choices.scroll_offset.y > 0
        await pilot.press("2")
        await pilot.pause()
        assert on_feedback(screen)
        assert in_view(screen, lifelines) and in_view(screen, feedback)
        assert (feedback.text("verdict") or "").startswith("✗")
        assert lifelines.text("next") == "Next question (Enter)"


async def test_a_late_answered_draws_no_old_feedback_over_the_next_question(
    data_dir: Path,
) -> None:
    app = make_app(data_dir, start=long_pack(), options=SessionOptions(count=None, seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        await pilot.press("1")
        await pilot.pause()
        record = screen.record
        assert record is not None and on_feedback(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert on_question(screen)
        app.post_message(Answered(screen.session, record))  # overtaken by NextRound
        await pilot.pause()
        assert on_question(screen) and screen.record is None


def rows_in_view(choices: ChoiceList, index: int) -> bool:
    """Whether the first row of choice `index` (its mark and number) is in the list's view."""
    rows = choices._line_rows(choices.scrollable_content_region.width)
    first = next(n for n, (choice, _) in enumerate(rows) if choice == index)
    top = choices.scroll_offset.y
    return top <= first < top + choices.scrollable_content_region.height


async def test_a_wrong_pick_far_down_the_list_scrolls_to_the_right_choice(
    data_dir: Path,
) -> None:
    app = make_app(data_dir, start=long_pack(), options=SessionOptions(count=None, seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        choices = screen.answer
        assert isinstance(choices, ChoiceList)
        right = choices.choices.index(CHOICES[0])
        wrong, end = (0, "home") if right >= len(CHOICES) // 2 else (len(CHOICES) - 1, "end")
        await pilot.press(end)  # the cursor, and the view, to the far end from the right one
        await pilot.pause()
        assert choices.highlighted == wrong
        assert not rows_in_view(choices, right) and rows_in_view(choices, wrong)
        await pilot.press(str(wrong + 1))
        await pilot.pause()
        assert on_feedback(screen) and choices.marks == {right: "right", wrong: "wrong"}
        assert rows_in_view(choices, right)
        assert choices.option_text(right).startswith("✓")
