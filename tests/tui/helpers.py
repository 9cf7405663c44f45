"""Helpers for the TUI tests: small packs from tests/data, a fake clock, and the app to drive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from quizgame.core.packs.model import Pack
from quizgame.core.packs.read import require_pack
from quizgame.core.play.dealing import SessionOptions
from quizgame.tui.app import QuizApp
from quizgame.tui.screens.editor import EditorScreen
from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.widgets.feedback import FeedbackView
from quizgame.tui.widgets.lifelines import LifelineBar
from tests.clocks import FakeClock
from tests.paths import TEST_DATA

DATA = TEST_DATA
PACKS = DATA / "packs"
BROKEN = DATA / "broken"
MARKUP = DATA / "markup"


def pack(name: str = "all-types", folder: Path = PACKS) -> Pack:
    return require_pack(folder / f"{name}.yaml")


def make_app(
    data_dir: Path,
    start: Pack | None = None,
    options: SessionOptions | None = None,
    pack_dirs: tuple[Path, ...] = (PACKS, BROKEN),
    clock: FakeClock | None = None,
    **kwargs: Any,
) -> QuizApp:
    """The real app on test packs, with a clock that only moves when told."""
    return QuizApp(
        pack_dirs=pack_dirs,
        data_dir=data_dir,
        start_pack=start,
        start_options=options or SessionOptions(count=None, seed=7),
        clock=clock or FakeClock(),
        **kwargs,
    )


def one_question_app(data_dir: Path, question_id: str = "mc") -> QuizApp:
    """The real app straight on one question of the all-types test pack (a multiple choice
    by default)."""
    options = SessionOptions(count=None, seed=1, question_ids=(question_id,))
    return make_app(data_dir, start=pack(), options=options)


async def still(pilot: Pilot[None]) -> None:
    """Stop what moves on its own on the screen, for a picture: no text cursor blinks (it stays
    shown). A snapshot's `run_before` ends with this."""
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False


def footer_key(screen: Screen[Any], key: str) -> Widget:
    """The footer's entry for `key`; a click on it presses the key, as a player's would."""
    for widget in screen.query("Footer FooterKey"):
        if getattr(widget, "key", None) == key:
            return widget
    raise AssertionError(f"the footer shows no {key!r}")


def footer_keys(screen: Screen[Any]) -> dict[str, tuple[str, bool]]:
    """What the footer offers: key → (description, enabled)."""
    return {
        str(getattr(w, "key", "")): (
            str(getattr(w, "description", "")),
            not w.has_class("-disabled"),
        )
        for w in screen.query("Footer FooterKey")
    }


def on_question(screen: Screen[Any]) -> bool:
    """Whether `screen` is a session's play screen showing a question (not its feedback)."""
    return isinstance(screen, QuestionScreen) and not screen.feedback_shown


def on_feedback(screen: Screen[Any]) -> bool:
    """Whether `screen` is a session's play screen showing the feedback on an answer."""
    return isinstance(screen, QuestionScreen) and screen.feedback_shown


def said(screen: Screen[Any], line_id: str) -> str:
    """What line `line_id` of the box under the answer says ("verdict", "why", "help", "hint",
    "message" ...), "" if it shows no such line."""
    return screen.query_one("#feedback", FeedbackView).text(line_id) or ""


def bar_button(screen: Screen[Any], name: str) -> str:
    """What button `name` ("lifeline-hint", "pause", "next") of the bar under the question
    says, "" if it is not shown."""
    return screen.query_one("#lifelines", LifelineBar).text(name) or ""


async def click_bar(pilot: Any, name: str) -> bool:
    """Click button `name` of the bar under the question, where it is drawn."""
    bar = pilot.app.screen.query_one("#lifelines", LifelineBar)
    return bool(await pilot.click(bar, offset=bar.spot(name)))


async def open_editor(pilot: Pilot[None], app: QuizApp) -> EditorScreen:
    """Wait for Home's packs, press e, wait for the editor to read the highlighted pack."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, EditorScreen), app.screen
    return app.screen
