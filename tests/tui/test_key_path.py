"""What a key that answers, and the Enter that goes on, do on the question screen (issue 13's
speed): the answer widget kept from question to question when it can be, an answer to a choice
question laying nothing out, Enter (or the bar's button) going on, and a long feedback that
scrolls in its fixed box."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.dom import DOMNode
from textual.pilot import Pilot
from textual.screen import Screen

from quizgame.core.packs.model import QuestionType
from quizgame.core.packs.read import require_pack
from quizgame.core.play.dealing import SessionOptions
from quizgame.tui.app import QuizApp
from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.widgets.answers import ANSWER_AREAS
from quizgame.tui.widgets.choice_cursor import HELD_ENTER_SECONDS
from quizgame.tui.widgets.choices import ChoiceList
from quizgame.tui.widgets.feedback import FeedbackView
from tests.clocks import FakeClock
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


async def test_an_answer_to_a_choice_lays_nothing_out(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The answer and the next question change what fixed-size widgets say: no layout, no
    restyle (each would redo the whole column before the player sees anything)."""
    pack = require_pack(choices_pack(tmp_path))
    options = SessionOptions(count=None, seed=3, question_ids=("mc0", "mc1", "mc2"))
    app = make_app(data_dir, start=pack, options=options)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        layouts: list[Screen[object]] = []
        restyled: list[DOMNode] = []
        refresh_layout = Screen._refresh_layout
        update_styles = app.update_styles

        def laid_out(self: Screen[object], *args: Any, **kwargs: Any) -> None:
            layouts.append(self)
            refresh_layout(self, *args, **kwargs)

        def restyle(node: DOMNode, *args: Any, **kwargs: Any) -> None:
            restyled.append(node)
            update_styles(node, *args, **kwargs)

        monkeypatch.setattr(Screen, "_refresh_layout", laid_out)
        monkeypatch.setattr(app, "update_styles", restyle)
        for _ in range(2):
            await answer(pilot, screen)
            choices = screen.query_one(ChoiceList)
            assert "right" in choices.marks.values()
            await pilot.press("enter")
            await pilot.pause()
            assert on_question(screen)
        assert screen not in layouts  # (Home, behind it, may lay itself out: not drawn)
        assert not [node for node in restyled if node is screen or screen in node.ancestors]


async def test_a_long_feedback_scrolls_in_its_box(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    why = " ".join(f"Reason number {n} why the answer is right." for n in range(30))
    path.write_text(
        "id: long\ntitle: Long\nquestions:\n"
        "  - id: q\n    type: multiple_choice\n    prompt: Which?\n"
        "    choices: [red, blue]\n    answer: red\n"
        f"    explanation: {why}\n",
        encoding="utf-8",
    )
    app = make_app(data_dir, start=require_pack(path), options=SessionOptions(count=None, seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        box = app.screen.query_one("#feedback", FeedbackView)
        assert "Reason number 29" in box.plain  # all of it is there, to scroll to
        height = box.content_size.height
        first = str(box.render_line(0).text)
        assert box.top == 0 and "┃" in str(box.render_line(0).text)  # the bar at its edge
        await pilot.press("pagedown")
        assert box.top == height - 1 and str(box.render_line(0).text) != first
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown")
        last_row = str(box.render_line(height - 1).text)
        assert "Reason number 29" in last_row or "Reason number 29" in str(
            box.render_line(height - 2).text
        )
        await pilot.press("pageup", "pageup", "pageup", "pageup", "pageup", "pageup")
        assert box.top == 0


async def burst(pilot: Pilot[None], *keys: str) -> None:
    """`keys` as a fast typist's (or `tmux send-keys 2 Enter`) reach the app: all of them
    queued before it takes the first (`pilot.press` waits for the app to settle after each)."""
    app = pilot.app
    assert app._driver is not None
    for key in keys:
        event = events.Key(key, "\r" if key == "enter" else key)
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot.pause()


def choices_app(data_dir: Path, tmp_path: Path) -> QuizApp:
    """The real app on three questions of choices (seed 3), each picked with a digit."""
    pack = require_pack(choices_pack(tmp_path))
    return make_app(data_dir, start=pack, options=SessionOptions(count=3, seed=3))


async def test_enter_typed_with_the_digit_that_answers_goes_on(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    monkeypatch.setattr(ChoiceList, "clock", clock)
    app = choices_app(data_dir, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen) and on_question(screen)
        picked = screen.round.choices[1]
        await burst(pilot, "2", "enter")
        await pilot.pause()
        session = screen.session
        assert [record.given_text for record in session.records] == [picked]
        assert session.position == 2 and on_question(screen)  # the Enter went on
        # An Enter before any answer, once the one that went on is let go, still picks the
        # choice under the cursor.
        highlighted = screen.round.choices[0]
        clock.advance(HELD_ENTER_SECONDS + 0.05)
        await pilot.press("enter")
        await pilot.pause()
        assert on_feedback(screen) and session.records[-1].given_text == highlighted


async def test_a_held_enter_answers_no_question(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Enter that goes on, held down (a terminal repeats it every ~30 ms), chooses nothing
    on the next question; let go and pressed again, or after a cursor move, Enter chooses."""
    clock = FakeClock()
    monkeypatch.setattr(ChoiceList, "clock", clock)
    app = choices_app(data_dir, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        await pilot.press("1")
        assert on_feedback(screen)
        await pilot.press("enter")  # on to question 2
        for _ in range(20):  # held: 0.6 s of repeats
            clock.advance(0.03)
            await pilot.press("enter")
        session = screen.session
        assert len(session.records) == 1 and on_question(screen)
        clock.advance(HELD_ENTER_SECONDS + 0.05)  # let go, and pressed again
        await pilot.press("enter")
        assert len(session.records) == 2 and on_feedback(screen)
        await pilot.press("enter")  # on to question 3
        second = screen.round.choices[1]
        await pilot.press("down", "enter")  # moved: an Enter at once chooses
        assert len(session.records) == 3 and session.records[-1].given_text == second
