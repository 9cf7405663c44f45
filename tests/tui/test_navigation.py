"""Screens mounted alone, in a bare app that only records what they post: a screen asks to go
somewhere with a message (`quizgame.tui.navigation`) and never calls the game's app."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from textual import on
from textual.app import App
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList

from quizgame.core.packs.read import load_pack
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.session import Session
from quizgame.tui import navigation
from quizgame.tui.navigation import (
    Answered,
    LeaveSession,
    OpenStats,
    Remember,
    SessionScreen,
    StartSession,
)
from quizgame.tui.prefs import HomeChoices
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.question import QuestionScreen
from tests.clocks import FakeClock
from tests.tui.helpers import PACKS, pack


class Bare(App[None]):
    """Shows one screen and keeps the navigation messages that bubble up from it."""

    def __init__(self, screen: Screen[None]) -> None:
        super().__init__()
        self.first = screen
        self.posted: list[Message] = []

    def get_default_screen(self) -> Screen[None]:
        return self.first

    @on(Message)
    def _keep(self, message: Message) -> None:
        if type(message).__module__ == navigation.__name__:
            self.posted.append(message)


async def test_a_question_screen_alone_posts_the_answer_and_leaving() -> None:
    session = Session(pack(), SessionOptions(count=None, question_ids=("tf",)), clock=FakeClock())
    screen = QuestionScreen(session)
    assert isinstance(screen, SessionScreen)
    app = Bare(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        await pilot.press("2")  # False, which is right
        await pilot.pause()
    assert [type(m) for m in app.posted] == [LeaveSession, Answered]
    answered = app.posted[1]
    assert isinstance(answered, Answered) and answered.record.given is False
    assert answered.record is session.records[0] and answered.record.correct


async def test_home_alone_shows_the_packs_it_is_given_and_asks_to_start(tmp_path: Path) -> None:
    found = [load_pack(PACKS / "all-types.yaml")]
    home = HomeScreen(HomeChoices(count=5), tmp_path / "packs")
    app = Bare(home)
    async with app.run_test(size=(80, 24)) as pilot:
        pack_list = home.query_one("#pack-list", OptionList)
        assert "Looking for packs" in str(pack_list.get_option_at_index(0).prompt)
        home.show_packs(found)
        await pilot.pause()
        assert "Every Type" in str(pack_list.get_option_at_index(0).prompt)
        await pilot.press("v", "s")
        await pilot.pause()
    assert [type(m) for m in app.posted] == [OpenStats, Remember, StartSession]
    opened, remembered, start = app.posted
    assert isinstance(opened, OpenStats) and list(opened.packs) == ["all-types"]
    assert isinstance(remembered, Remember) and remembered.choices.pack_id == "all-types"
    assert isinstance(start, StartSession) and start.pack is found[0].pack
    assert start.options == remembered.choices.options("all-types") and start.options.count == 5


def test_the_one_private_textual_hook_is_still_there() -> None:
    # QuizApp overrides App._handle_exception (see quizgame.tui.crash) and relies on Textual
    # handing an exception with a __rich__ method to the public App.panic. If Textual renames
    # the method or drops that path, this fails (and so does tests/tui/test_crash.py).
    hook = App._handle_exception
    assert list(inspect.signature(hook).parameters) == ["self", "error"]
    source = inspect.getsource(hook)
    assert '"__rich__"' in source and "self.panic(error)" in source


def runtime_imports(path: Path) -> set[str]:
    """The modules a file imports when it runs (not those under `if TYPE_CHECKING:`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    checking = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING"
        for node in ast.walk(block)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in checking:
            continue
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_screen_or_widget_imports_the_app_at_run_time() -> None:
    tui = Path(navigation.__file__).parent
    files = sorted([*tui.glob("screens/*.py"), *tui.glob("widgets/*.py")])
    assert len(files) > 10
    importing = [f.name for f in files if "quizgame.tui.app" in runtime_imports(f)]
    assert importing == []
