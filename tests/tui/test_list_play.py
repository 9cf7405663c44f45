"""Pilot tests of a list question: played to the end by finding everything, by giving up, and
by the clock running out; pack text in it shown literally."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from quizgame.core.packs.model import Pack
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import Mode
from quizgame.core.play.results import AnswerRecord
from quizgame.tui.app import QuizApp
from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.screens.results import ResultsScreen
from quizgame.tui.widgets.list_answer import ListAnswer
from tests.clocks import FakeClock
from tests.tui import helpers
from tests.tui.helpers import DATA, make_app, on_feedback, on_question, pack

LISTS = DATA / "lists"


def cast() -> Pack:
    return pack("cast", LISTS)


def only(question_id: str, mode: Mode = Mode.CLASSIC) -> SessionOptions:
    return SessionOptions(count=None, seed=1, question_ids=(question_id,), mode=mode)


def keys(text: str) -> list[str]:
    return ["space" if c == " " else c for c in text]


async def name(pilot: Pilot[None], *answers: str) -> None:
    for answer in answers:
        await pilot.press(*keys(answer), "enter")


def feedback_record(app: QuizApp) -> AnswerRecord:
    """The record the feedback shown in place is about."""
    screen = app.screen
    assert isinstance(screen, QuestionScreen) and screen.record is not None
    return screen.record


def said(app: QuizApp) -> str:
    return str(app.screen.query_one("#list-said", Static).render())


async def test_finding_everything_ends_the_question_with_full_marks(data_dir: Path) -> None:
    app = make_app(data_dir, start=cast(), options=only("leading-cast"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await name(pilot, "penelope cruz", "Milena Smitt")
        assert said(app) == "2 of 5 found  ·  ✓ Milena Smit (1 typo)"
        await name(pilot, "cruz")  # a repeat costs nothing
        assert said(app) == "2 of 5 found  ·  Already found: Penélope Cruz"
        await name(pilot, "Pedro")  # nor does a wrong answer
        assert said(app) == "2 of 5 found  ·  ✗ “Pedro” is not on the list"
        blanks = [str(b.render()) for b in app.screen.query(".list-blank").results(Static)]
        assert blanks[0] == " 1. ✓ Penélope Cruz  Janis"
        assert blanks[2] == " 3. ________  Teresa"
        assert on_question(app.screen)
        await name(pilot, "Aitana Sanchez Gijon", "Rossy", "Julieta Serrano")
        await pilot.pause()
        assert on_feedback(app.screen)
        record = feedback_record(app)
        assert record.correct and record.points == 200
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.results.correct == 1


async def test_giving_up_reveals_the_rest_as_missed(data_dir: Path) -> None:
    app = make_app(data_dir, start=cast(), options=only("leading-cast"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await name(pilot, "Cruz", "Rossy")
        await pilot.press("escape")  # give up
        await pilot.pause()
        assert on_feedback(app.screen)
        record = feedback_record(app)
        assert (record.verdict.parts_right, record.verdict.parts_total) == (2, 5)
        assert record.points == 80
        parts = helpers.said(app.screen, "parts").splitlines()
        assert parts == [
            "✓ Penélope Cruz  Janis  (you typed “Cruz”)",
            "✗ Milena Smit  Ana  (missed)",
            "✗ Aitana Sánchez-Gijón  Teresa  (missed)",
            "✓ Rossy de Palma  Elena  (you typed “Rossy”)",
            "✗ Julieta Serrano  Brígida  (missed)",
        ]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        review = str(app.screen.query_one(".review-item", Static).render())
        assert "Missed: Milena Smit (Ana); Aitana Sánchez-Gijón (Teresa); Julieta Serrano" in review


async def test_giving_up_while_paused_waits_for_the_game_to_resume(data_dir: Path) -> None:
    app = make_app(data_dir, start=cast(), options=only("leading-cast"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await name(pilot, "Cruz")
        await pilot.press("f5")
        # The list is hidden while paused (nothing has the focus: Escape would offer to leave);
        # a give-up that comes anyway (a click on its way) waits.
        app.screen.query_one(ListAnswer).action_give_up()
        await pilot.pause()
        assert on_question(app.screen)
        assert helpers.said(app.screen, "message") == "the game is paused"
        await pilot.press("f5")
        app.screen.query_one(ListAnswer).focus()
        await pilot.press("escape")
        await pilot.pause()
        assert on_feedback(app.screen)
        assert feedback_record(app).verdict.parts_right == 1


async def test_a_list_after_another_question_takes_the_typing(data_dir: Path) -> None:
    """The next question is mounted in place of the feedback: its box has the focus."""
    options = SessionOptions(count=None, seed=1, question_ids=("leading-cast", "shorts"))
    app = make_app(data_dir, start=cast(), options=options)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # give up the first
        await pilot.pause()
        assert on_feedback(app.screen)
        await pilot.press("enter")
        await pilot.pause()
        assert on_question(app.screen)
        await name(pilot, "Salome", "Cruz")  # one of them is on whichever list is second
        assert said(app).startswith("1 of ")
        await pilot.press("escape")
        await pilot.pause()
        assert feedback_record(app).verdict.parts_right == 1


async def test_the_give_up_button_and_a_question_with_nothing_found(data_dir: Path) -> None:
    app = make_app(data_dir, start=cast(), options=only("leading-cast"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#give-up")
        await pilot.pause()
        assert on_feedback(app.screen)
        assert feedback_record(app).points == 0
        assert feedback_record(app).given_text == "(none found)"


async def test_the_items_found_count_when_the_time_runs_out(data_dir: Path) -> None:
    clock = FakeClock()
    options = only("leading-cast", Mode.CHALLENGE)
    app = make_app(data_dir, start=cast(), options=options, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        await name(pilot, "Cruz", "Smit", "Rossy")
        clock.advance(61)
        screen.tick()
        await pilot.pause()
        assert on_feedback(app.screen)
        record = feedback_record(app)
        assert record.timed_out and record.verdict.parts_right == 3
        assert record.points == round(200 * 3 / 5 / 2)  # speed points at the buzzer: half


async def test_pack_text_in_a_list_is_shown_literally(data_dir: Path) -> None:
    app = make_app(data_dir, start=cast(), options=only("shorts"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await name(pilot, "[red]Trailer[/red]")
        widget = app.screen.query_one(ListAnswer)
        assert widget.found == {2: "[red]Trailer[/red]"}
        assert str(app.screen.query_one("#blank-2", Static).render()) == " 3. ✓ [red]Tráiler[/red]"
