"""Pilot tests of Home, leaving and quitting, help, replaying, lifelines, pause and resizing."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList, Select, SelectionList, Static

from quizgame.core.packs import read
from quizgame.core.packs.model import QuestionType
from quizgame.core.packs.read import LoadResult
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import EndReason, Mode
from quizgame.core.play.results import AnswerRecord, Results
from quizgame.core.play.session import Session
from quizgame.tui.hooks import NullListener
from quizgame.tui.screens.confirm import ConfirmScreen
from quizgame.tui.screens.help import HelpScreen
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.screens.results import ResultsScreen
from quizgame.tui.widgets.answer_input import AnswerInput
from quizgame.tui.widgets.choices import ChoiceList
from quizgame.tui.widgets.ordering import OrderingList
from tests.clocks import FakeClock
from tests.tui.helpers import (
    DATA,
    bar_button,
    footer_keys,
    make_app,
    on_feedback,
    on_question,
    pack,
    said,
)
from tests.tui.test_play import text_of


def only(*ids: str, **kwargs: object) -> SessionOptions:
    """Options for a session of exactly these questions (seed 5 keeps mc before tf/numeric)."""
    return SessionOptions(count=None, seed=5, question_ids=ids, **kwargs)  # type: ignore[arg-type]


def order(session: Session | None) -> list[str]:
    assert session is not None
    return [r.question.id for r in session.rounds]


async def test_home_lists_packs_broken_ones_and_remembers_choices(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        pack_list = home.query_one("#pack-list", OptionList)
        good = str(pack_list.get_option_at_index(0).prompt)
        assert "Every Type" in good and "6 questions" in good
        assert "space, places, numbers, animals" in good
        broken = pack_list.get_option_at_index(1)
        assert broken.disabled
        assert "broken.yaml" in str(broken.prompt)
        assert "answer 'c' is not one of the choices" in str(broken.prompt)

        assert home.query_one("#spoiler", Select).value == "none"  # spoiler-safe by default
        keys = footer_keys(home)
        assert keys["s"] == ("Start", True) and keys["e"] == ("Edit pack", True)
        assert keys["n"] == ("New pack", True)
        assert home.query_one("#start").region.bottom <= 22  # Start in view at 80x24
        count_setting = home.query_one("#count-setting")
        home.query_one("#mode", Select).value = "blitz"  # blitz plays every matching question
        await pilot.pause()
        assert not count_setting.display
        home.query_one("#mode", Select).value = "survival"
        await pilot.pause()
        assert count_setting.display
        home.query_one("#count", Select).value = 5
        home.query_one("#spoiler", Select).value = "mid"
        home.query_one("#start").focus()  # Start (or a setting) had the focus before playing
        await pilot.press("s")
        await pilot.pause()
        assert on_question(app.screen)
        assert app.session is not None and app.session.mode is Mode.SURVIVAL
        assert app.session.total == 5
        await pilot.press("escape", "y")
        await pilot.pause()
        assert app.screen is home
        assert home.focused is home.query_one("#pack-list")  # not Start: Enter must not replay
    saved = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))["home"]
    assert saved["mode"] == "survival" and saved["count"] == 5 and saved["pack_id"] == "all-types"

    again = make_app(data_dir)
    async with again.run_test(size=(80, 24)) as pilot:
        await again.workers.wait_for_complete()
        await pilot.pause()
        assert again.screen.query_one("#mode", Select).value == "survival"
        assert again.screen.query_one("#count", Select).value == 5
        assert again.screen.query_one("#spoiler", Select).value == "mid"  # remembered wins


class Recorder(NullListener):
    def __init__(self) -> None:
        self.events: list[str] = []
        self.ended: list[Results] = []

    def session_started(self, session: Session) -> None:
        self.events.append("started")

    def answer_recorded(self, session: Session, record: AnswerRecord) -> None:
        self.events.append(f"answer {record.question_id}")

    def session_ended(self, session: Session, results: Results) -> None:
        self.events.append(f"ended {results.end_reason.value}")
        self.ended.append(results)


async def test_escape_and_quit_ask_first_and_abandon(data_dir: Path) -> None:
    recorder = Recorder()
    app = make_app(data_dir, start=pack(), options=only("mc", "tf"), listeners=[recorder])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.session is not None and app.session.paused  # no time passes while asked
        await pilot.press("n")
        assert on_question(app.screen)
        assert not app.session.paused
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0
    assert recorder.events == ["started", "ended abandoned"]


async def test_leaving_a_session_goes_home(data_dir: Path) -> None:
    recorder = Recorder()
    app = make_app(data_dir, start=pack(), options=only("mc", "tf"), listeners=[recorder])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert order(app.session) == ["mc", "tf"]
        await pilot.press("1")  # answer the first question
        assert on_feedback(app.screen)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.session is None
    assert recorder.events == ["started", "answer mc", "ended abandoned"]
    assert recorder.ended[0].end_reason is EndReason.ABANDONED


async def test_help_opens_on_question_mark_and_f1_and_stops_the_clock(data_dir: Path) -> None:
    app = make_app(data_dir, start=pack(), options=only("mc", mode=Mode.CHALLENGE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "lifeline 50:50" in text_of(app.screen.query_one("#help-text"))
        assert app.session is not None and app.session.paused
        await pilot.press("escape")
        assert on_question(app.screen)
        assert not app.session.paused
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert on_question(app.screen)


async def test_replay_missed_then_play_again_then_home(data_dir: Path) -> None:
    recorder = Recorder()
    app = make_app(data_dir, start=pack(), options=only("mc", "tf"), listeners=[recorder])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(2):  # "1" is Mars's place or "True": one right, one wrong at most
            assert app.session is not None and app.session.current is not None
            round_ = app.session.current
            if round_.question.type is QuestionType.TRUE_FALSE:
                await pilot.press("1")  # True: wrong
            else:
                await pilot.press(str(round_.choices.index("Mars") + 1))
            await pilot.press("enter")
        assert isinstance(app.screen, ResultsScreen)
        assert app.session is not None and app.session.missed_ids() == ("tf",)
        await pilot.press("m")
        await pilot.pause()
        assert on_question(app.screen)
        assert app.session.total == 1 and app.session.current is not None
        assert app.session.current.question.id == "tf"
        await pilot.press("2", "enter")
        assert isinstance(app.screen, ResultsScreen)
        assert footer_keys(app.screen)["m"] == ("Replay missed", False)  # nothing missed now
        await pilot.press("m")
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("r")
        await pilot.pause()
        assert on_question(app.screen) and app.session.total == 1
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert recorder.events.count("started") == 3
    assert [e for e in recorder.events if e.startswith("ended")] == [
        "ended completed",
        "ended completed",
        "ended abandoned",
    ]


async def test_typed_answer_says_why_it_was_accepted_and_hint(data_dir: Path) -> None:
    app = make_app(data_dir, start=pack(), options=only("typed"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert bar_button(screen, "pause") == "F5 Pause"  # letters type into the box: F5 pauses
        await pilot.press("f5")
        assert app.session is not None and app.session.paused
        assert bar_button(screen, "pause") == "p Resume"  # the box is hidden: the letter works
        await pilot.press("p")
        assert not app.session.paused and bar_button(screen, "pause") == "F5 Pause"
        assert app.screen.query_one(AnswerInput).value == ""
        assert app.screen.focused is app.screen.query_one(AnswerInput)
        await pilot.press("f2")  # the hint lifeline; letters would be typed
        hint = said(app.screen, "hint")
        assert "It starts with “M”" in hint and "middle of the country" in hint
        await pilot.press("m", "a", "d", "r", "i", "enter")
        assert on_feedback(app.screen)
        assert said(app.screen, "verdict").startswith("✓ Correct (1 typo)")
        why = said(app.screen, "why")
        assert "1 typo" in why and "Madrid" in why


async def test_fifty_fifty_strikes_out_choices_and_skip_keeps_the_streak(data_dir: Path) -> None:
    app = make_app(data_dir, start=pack(), options=only("mc", "numeric"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert order(app.session) == ["mc", "numeric"]
        help_line = said(app.screen, "help")
        assert help_line.startswith("Press 1-4,")  # the choices there are, not 1-9
        await pilot.press("f")
        session = app.session
        assert session is not None and session.hidden_choices
        choices = app.screen.query_one(ChoiceList)
        hidden = [choices.choices.index(c) for c in session.hidden_choices]
        for index in hidden:
            assert index in choices.removed
            assert "removed by 50:50" in choices.option_text(index)
        await pilot.press(str(hidden[0] + 1))  # a removed choice cannot be picked
        assert on_question(app.screen)
        await pilot.press(str(choices.choices.index("Mars") + 1), "enter")
        await pilot.press("s")  # letters type into the numeric box: nothing happens
        assert on_question(app.screen)
        await pilot.press("f3")
        assert on_feedback(app.screen)
        assert said(app.screen, "verdict") == "↷ Skipped   no points, streak kept"
        assert session.streak == 1
        await pilot.press("enter")
        assert isinstance(app.screen, ResultsScreen)
        # A skip is not an answer: right out of answered, as accuracy and the history count.
        summary = text_of(app.screen.query_one("#results-summary"))
        assert "Correct 1 of 1 answered (1 skipped)" in summary and "Accuracy 100%" in summary
        categories = text_of(app.screen.query_one("#results-categories"))
        assert "space    1 of 1 right" in categories and "numbers  1 skipped" in categories


async def test_countdown_pause_and_time_out(data_dir: Path) -> None:
    clock = FakeClock()
    app = make_app(
        data_dir, start=pack(), options=only("mc", "tf", mode=Mode.SURVIVAL), clock=clock
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        seconds = screen.query_one("#countdown")
        assert "20 s" in text_of(seconds)
        assert "Lives ♥♥♥" in text_of(screen.query_one("#status"))
        clock.advance(16)
        screen.tick()
        assert "4 s" in text_of(seconds)
        assert seconds.has_class("-low")

        await pilot.press("p")
        assert not screen.query_one("#question-box").display
        assert screen.query_one("#paused").display
        clock.advance(300)  # paused time does not count
        screen.tick()
        await pilot.press("p")
        assert screen.query_one("#question-box").display
        assert "4 s" in text_of(seconds)

        clock.advance(5)
        screen.tick()
        await pilot.pause()
        assert on_feedback(app.screen)
        assert said(app.screen, "verdict").startswith("⌛ Time ran out")
        assert "Lives ♥♥♡" in text_of(app.screen.query_one("#status"))


async def test_resize_keeps_the_question_and_the_order(data_dir: Path) -> None:
    app = make_app(data_dir, start=pack(), options=only("ordering"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        ordering = app.screen.query_one(OrderingList)
        await pilot.press("down", "shift+up")
        order = ordering.order
        for size in ((160, 50), (60, 18), (80, 24)):
            await pilot.resize_terminal(*size)
            assert app.screen.query_one(OrderingList) is ordering
            assert ordering.order == order and ordering.cursor == 0
            assert app.screen.query_one("#prompt").region.height >= 1
        await pilot.press("enter")
        assert on_feedback(app.screen)
        assert app.session is not None and app.session.records[0].given == list(order)


async def test_listener_errors_and_results_panels(data_dir: Path) -> None:
    class Broken(NullListener):
        def answer_recorded(self, session: Session, record: AnswerRecord) -> None:
            raise RuntimeError("the score database is locked")

    def rank(session: Session, results: Results) -> Static:
        return Static(f"Rank 1 of 1 with {results.score}", id="rank")

    app = make_app(
        data_dir, start=pack(), options=only("tf"), listeners=[Broken()], results_panels=[rank]
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "enter")
        assert isinstance(app.screen, ResultsScreen)
        assert text_of(app.screen.query_one("#results-extra #rank")) == "Rank 1 of 1 with 200"
        assert any("locked" in str(n.message) for n in app._notifications)


async def test_blitz_clock_running_out_shows_the_results(data_dir: Path) -> None:
    clock = FakeClock()
    app = make_app(
        data_dir,
        start=pack(),
        options=SessionOptions(count=None, seed=5, mode=Mode.BLITZ, time_limit=30),
        clock=clock,
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert "30 s left in the session" in text_of(screen.query_one("#countdown"))
        status = text_of(screen.query_one("#status"))
        assert status.startswith("Question 1 ") and " of " not in status  # every question
        clock.advance(4)
        await pilot.press("s")  # a skip, to see the feedback
        assert on_feedback(app.screen)
        clock.advance(100)  # reading the feedback costs no blitz time
        assert "26 s left in the session (stopped" in text_of(app.screen.query_one("#countdown"))
        await pilot.press("enter")
        await pilot.pause()
        second = app.screen
        assert isinstance(second, QuestionScreen)
        assert text_of(second.query_one("#status")).startswith("Question 2 ")
        clock.advance(27)
        second.tick()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert "Time's up" in text_of(app.screen.query_one("#results-title"))
        summary = text_of(app.screen.query_one("#results-summary"))
        assert "Correct 0 of 0 answered (1 skipped, 5 not reached)" in summary


async def test_settings_matching_no_question_say_so_on_home(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.screen
        home.query_one("#difficulty", Select).value = "hard"  # only the numeric one is hard
        categories = home.query_one("#categories", SelectionList)
        categories.deselect("numbers")
        await pilot.press("s")
        assert isinstance(app.screen, HomeScreen) and app.session is None
        message = text_of(home.query_one("#home-message"))
        assert "no questions in this pack match the chosen settings" in message
        categories.deselect_all()
        await pilot.press("s")
        assert "Tick at least one category" in text_of(home.query_one("#home-message"))


async def test_start_stays_in_view_at_80x24_with_many_categories(
    data_dir: Path, tmp_path: Path
) -> None:
    questions = "".join(
        f"  - {{id: q{i}, type: true_false, prompt: 'Statement {i}?', answer: true,"
        f" category: 'category {i}'}}\n"
        for i in range(20)
    )
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "many.yaml").write_text(
        f"id: many\ntitle: Many categories\nquestions:\n{questions}", encoding="utf-8"
    )
    app = make_app(data_dir, pack_dirs=(folder,))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.screen
        home.query_one("#mode", Select).value = "survival"  # the longest description
        await pilot.pause()
        categories = home.query_one("#categories", SelectionList)
        assert categories.option_count == 20
        start = home.query_one("#start")
        panel = home.query_one("#settings-panel")
        assert panel.scroll_offset.y == 0 and start.region.bottom <= panel.region.bottom
        assert categories.max_scroll_y > 0  # the list scrolls inside itself instead


async def test_home_built_before_the_packs_are_found_fills_them_in(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Home is built at once, saying it looks for packs, and filled in when the look ends.
    release = threading.Event()
    app = make_app(data_dir)
    look = read.discover_packs  # the app's worker imports it when it looks: slow it down there

    def slow_look(*args: Any, **kwargs: Any) -> list[LoadResult]:
        release.wait(10)
        return look(*args, **kwargs)

    monkeypatch.setattr(read, "discover_packs", slow_look)
    ready: list[bool] = []  # each time Home shows the packs found
    show_packs = HomeScreen.show_packs

    def shown(home: HomeScreen, results: list[LoadResult], problem: str = "") -> None:
        show_packs(home, results, problem)
        ready.append(True)

    monkeypatch.setattr(HomeScreen, "show_packs", shown)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pack_list = app.screen.query_one("#pack-list", OptionList)
        assert "Looking for packs" in str(pack_list.get_option_at_index(0).prompt)
        assert not ready and not app.screen.query_one("#categories-box").display
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Every Type" in str(pack_list.get_option_at_index(0).prompt)
        assert pack_list.highlighted == 0 and ready == [True]
        assert app.screen.query_one("#categories-box").display
        assert len(app.screen.query_one("#categories", SelectionList).selected) == 4


async def test_home_after_a_session_started_with_a_pack_highlights_that_pack(
    data_dir: Path, tmp_path: Path
) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "a-first.yaml").write_text(
        "id: a-first\ntitle: A first\nquestions:\n"
        "  - {id: q, type: true_false, prompt: Is it?, answer: true}\n"
    )
    (packs / "all-types.yaml").write_text((DATA / "packs" / "all-types.yaml").read_text())
    started = read.load_pack(packs / "all-types.yaml").pack
    assert started is not None
    app = make_app(data_dir, start=started, options=only("mc"), pack_dirs=(packs,))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "y")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        pack_list = app.screen.query_one("#pack-list", OptionList)
        assert pack_list.highlighted is not None
        assert app.screen.results[pack_list.highlighted].path == packs / "all-types.yaml"
