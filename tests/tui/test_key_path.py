"""What a key that answers, and the Enter that goes on, do on the question screen (issue 13's
speed): the answer widget kept from question to question when it can be, and Enter going on
without pressing the feedback's button."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from quizgame.core.packs.model import QuestionType
from quizgame.core.packs.read import require_pack
from quizgame.core.play.dealing import SessionOptions
from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.widgets.answers import ANSWER_AREAS
from quizgame.tui.widgets.choices import ChoiceList
from tests.tui.helpers import bar_button, click_bar, make_app, on_feedback, on_question

CHOICES = 5  # multiple-choice questions in the pack, beside one true/false and one typed


def choices_pack(folder: Path) -> Path:
    lines = ["id: key-path", "title: Key path", "questions:"]
    for n in range(CHOICES):
        lines += [
            f"  - id: mc{n}",
            "    type: multiple_choice",
            f"    prompt: Which is choice {n}?",
            f"    choices: [right {n}, wrong {n}, other {n}]",
            f"    answer: right {n}",
        ]
    lines += [
        "  - id: tf",
        "    type: true_false",
        "    prompt: Is this true?",
        "    answer: true",
        "  - id: typed",
        "    type: typed",
        "    prompt: Type yes.",
        '    answer: "yes"',
    ]
    path = folder / "key-path.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


async def answer(pilot: Pilot[None], screen: QuestionScreen) -> None:
    if screen.round.question.type is QuestionType.TYPED:
        await pilot.press("y", "e", "s", "enter")
    else:
        await pilot.press("1")
    await pilot.pause()
    assert on_feedback(screen)


async def test_choices_are_shown_in_the_same_widget_from_question_to_question(
    data_dir: Path, tmp_path: Path
) -> None:
    pack = require_pack(choices_pack(tmp_path))
    app = make_app(data_dir, start=pack, options=SessionOptions(count=None, seed=3))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        kept = renewed = made = 0
        previous = None
        for _ in range(CHOICES + 2):
            assert on_question(screen)
            session = screen.session
            round_ = session.current
            assert round_ is not None
            widget = screen.answer
            assert len(screen.query("#answer")) == 1 and widget.has_focus
            if isinstance(widget, ChoiceList):
                # The round's own choices, the first highlighted, as a new widget would show.
                assert widget.choices == round_.choices
                assert widget.option_count == len(round_.choices)
                assert widget.highlighted == 0
            if previous is not None:
                alike = ANSWER_AREAS[previous[1]].make is ANSWER_AREAS[round_.question.type].make
                assert (widget is previous[0]) == alike
                kept += alike
                made += not alike
            previous = (widget, round_.question.type)
            await answer(pilot, screen)
            # Kept in view, marked, while the feedback is shown (only a choice list is), and
            # it keeps the focus (Enter is the screen's key), so nothing is restyled for the
            # focus there and back.
            choices = isinstance(widget, ChoiceList)
            assert len(screen.query("#answer")) == int(choices)
            assert screen.focused is (widget if choices else None)
            renewed += 1
            await pilot.press("enter")
            await pilot.pause()
        assert kept >= CHOICES - 1 and made >= 1  # both happened in this deal
        assert renewed == CHOICES + 2


async def test_enter_or_a_click_on_the_feedback_goes_on(data_dir: Path, tmp_path: Path) -> None:
    pack = require_pack(choices_pack(tmp_path))
    app = make_app(data_dir, start=pack, options=SessionOptions(count=3, seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        await answer(pilot, screen)
        assert bar_button(screen, "next") == "Next question (Enter)"
        first = screen.session.position
        await pilot.press("enter")
        await pilot.pause()
        assert on_question(screen) and screen.session.position == first + 1
        # A click on the bar's button goes on too.
        await answer(pilot, screen)
        assert await click_bar(pilot, "next")
        await pilot.pause()
        assert on_question(screen) and screen.session.position == first + 2
