"""Pilot tests: whole sessions played with the keys and with the mouse, to the results screen."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widget import Widget

from quizgame.core.packs.model import QuestionType
from quizgame.core.play.dealing import Round
from quizgame.core.play.session import Session
from quizgame.tui.app import QuizApp
from quizgame.tui.screens.results import ResultsScreen
from quizgame.tui.widgets.choices import ChoiceList
from tests.tui.helpers import (
    bar_button,
    click_bar,
    footer_key,
    make_app,
    on_feedback,
    on_question,
    pack,
    said,
)


def text_of(widget: Widget) -> str:
    """What a Static shows, as plain text."""
    return str(widget.render())


def current(app: QuizApp) -> tuple[Session, Round]:
    session = app.session
    assert session is not None and session.current is not None
    return session, session.current


def ordering_keys(shown: list[str], wanted: list[str]) -> list[str]:
    """Keys that sort `shown` into `wanted`: go to each item, carry it up with Shift+↑."""
    items, cursor, keys = list(shown), 0, []
    for target, item in enumerate(wanted):
        source = items.index(item)
        keys += ["down" if source > cursor else "up"] * abs(source - cursor)
        keys += ["shift+up"] * (source - target)
        items.insert(target, items.pop(source))
        cursor = target
    return keys


def typed_keys(text: str) -> list[str]:
    return ["space" if c == " " else c for c in text]


async def answer_with_keys(pilot: Pilot[None], app: QuizApp, right: bool) -> None:
    """Answer the current question with the keyboard (rightly, or wrongly for `right=False`)."""
    _, round_ = current(app)
    question = round_.question
    qtype = question.type
    if qtype is QuestionType.MULTIPLE_CHOICE:
        choice = (
            question.answer if right else next(c for c in round_.choices if c != question.answer)
        )
        await pilot.press(str(round_.choices.index(str(choice)) + 1))
    elif qtype is QuestionType.TRUE_FALSE:
        value = question.answer if right else not question.answer
        await pilot.press("1" if value else "2")
    elif qtype in (QuestionType.TYPED, QuestionType.NUMERIC):
        text = question.answer_text().split(" ")[0] if right else "zzz9"
        if qtype is QuestionType.NUMERIC and not right:
            text = "1"
        await pilot.press(*typed_keys(text), "enter")
    elif qtype is QuestionType.ORDERING:
        wanted = list(question.items) if right else list(round_.items)
        await pilot.press(*ordering_keys(list(round_.items), wanted), "enter")
    elif qtype is QuestionType.MATCHING:
        pairs = dict(question.pairs)
        rights = list(round_.rights)
        if not right:
            rights = rights[1:] + rights[:1]  # every left gets the wrong match
        keys = [
            str(round_.rights.index(pairs[left]) + 1)
            if right
            else str(rights.index(pairs[left]) + 1)
            for left in round_.lefts
        ]
        await pilot.press(*keys, "enter")
    await pilot.pause()


async def test_keys_play_every_type_to_results(data_dir: Path) -> None:
    app = make_app(data_dir, start=pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen: set[QuestionType] = set()
        # Every question and its feedback are shown on this one screen, in place: no screen is
        # pushed per answer, and the footer is rebuilt only when its keys change (a list of
        # choices adds none of its own: its feedback's footer is the same).
        screen = app.screen
        for number in range(1, 7):
            assert on_question(app.screen) and app.screen is screen
            assert len(screen.query("#answer")) == 1  # the last question's widget is gone
            _, round_ = current(app)
            seen.add(round_.question.type)
            footer = list(screen.query("Footer FooterKey"))
            help_line = said(app.screen, "help")
            if round_.question.type is QuestionType.MULTIPLE_CHOICE:
                assert help_line.startswith(f"Press 1-{len(round_.choices)},")
            elif round_.question.type is QuestionType.MATCHING:
                assert f"1-{len(round_.rights)} (or ←/→) pair it" in help_line
            right = number % 3 != 0  # every third answer wrong
            await answer_with_keys(pilot, app, right)
            assert on_feedback(app.screen) and app.screen is screen
            # The question stays above its feedback; choices stay too, marked, and other
            # answer areas give their place to the feedback.
            assert screen.query_one("#question-box").display
            verdict = said(app.screen, "verdict")
            assert verdict.startswith("✓ Correct" if right else "✗ Wrong"), verdict
            assert bar_button(screen, "next").startswith(("Next question", "See the results"))
            if round_.question.type in (QuestionType.MULTIPLE_CHOICE, QuestionType.TRUE_FALSE):
                assert list(screen.query("Footer FooterKey")) == footer
                choices = screen.query_one(ChoiceList)
                assert screen.query_one("#answer-area").display and choices.marks
                assert "right" in choices.marks.values()
            await pilot.press("enter")
            await pilot.pause()
        # List questions are played in their own tests (test_list_play).
        assert seen == set(QuestionType) - {QuestionType.LIST}
        assert isinstance(app.screen, ResultsScreen)
        session = app.session
        assert session is not None and session.finished
        results = session.results()
        assert results.correct == 4 and results.asked == 6
        summary = text_of(app.screen.query_one("#results-summary"))
        assert f"Score {results.score:,}" in summary
        assert "Correct 4 of 6" in summary
        assert f"Longest streak {results.best_streak}" in summary
        reviews = app.screen.query(".review-item")
        assert len(reviews) == 6
        assert sum("✗ wrong" in text_of(r) for r in reviews) == 2


async def click_answer(pilot: Pilot[None], app: QuizApp) -> None:
    """Answer the current question rightly with the mouse (typing the text where there is one)."""
    screen = app.screen
    _, round_ = current(app)
    question = round_.question
    qtype = question.type
    if qtype in (QuestionType.MULTIPLE_CHOICE, QuestionType.TRUE_FALSE):
        choices = screen.query_one(ChoiceList)
        wanted = question.answer_text() if qtype is QuestionType.TRUE_FALSE else question.answer
        index = round_.choices.index(str(wanted))
        assert await pilot.click(choices, offset=(6, 1 + index))  # 1: the border
    elif qtype in (QuestionType.TYPED, QuestionType.NUMERIC):
        assert await pilot.click("#answer")
        await pilot.press(*typed_keys(question.answer_text().split(" ")[0]))
        assert await pilot.click("#submit")
    elif qtype is QuestionType.ORDERING:
        items = list(round_.items)
        for target, item in enumerate(question.items):
            source = items.index(item)
            if source != target:
                assert await pilot.click(f"#order-{source}")  # pick it up
                assert await pilot.click(f"#order-{target}")  # put it down here
                items.insert(target, items.pop(source))
        assert await pilot.click("#submit")
    elif qtype is QuestionType.MATCHING:
        # Click the last item first, then its match; after a pairing the next item without
        # one is chosen for you, so the others only need their match clicked.
        pairs = dict(question.pairs)
        last = len(round_.lefts) - 1
        assert await pilot.click(f"#left-{last}")
        for left in (round_.lefts[last], *round_.lefts[:last]):
            assert await pilot.click(f"#right-{round_.rights.index(pairs[left])}")
        assert await pilot.click("#submit")
    await pilot.pause()


async def test_mouse_play_every_type_to_results(data_dir: Path) -> None:
    app = make_app(data_dir, start=pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(6):
            assert on_question(app.screen)
            await click_answer(pilot, app)
            assert on_feedback(app.screen), app.screen
            assert said(app.screen, "verdict").startswith("✓ Correct")
            assert await click_bar(pilot, "next")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        session = app.session
        assert session is not None
        results = session.results()
        assert results.correct == 6
        assert f"Score {results.score:,}" in text_of(app.screen.query_one("#results-summary"))
        assert await pilot.click(footer_key(app.screen, "h"))  # the footer's "h Home"
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
