"""The children bench_startup.py spawns and times (`--child NAME`): the game's app, the whole
`quizgame play` command, the bare Home-like app, and the stall watcher. Each says READY (and
LOADED, KEYS) on stdout with its own figures (`said`). `bench_startup.main` sets `SRC` (whose
quizgame to run) and `T0` (when the child's interpreter began counting) before a child runs."""

from __future__ import annotations

import contextlib
import itertools
import sys
import time
from pathlib import Path

READY = "READY"  # the child's line once the first usable screen is drawn
LOADED = "LOADED"  # the app child's, once Home has the packs read (not only listed)
KEYS = "KEYS"  # a child's, once its footer shows its keys (both build them after a first frame)
KEYS_WAIT = 3.0  # seconds after READY that a child waits for its footer's keys, at most
SIZE = (80, 24)
STALL_TICK = 0.01  # seconds between the stall child's timer ticks
STALL_WINDOW = 1.5  # seconds after Home shows the packs that the stall child watches
SRC = Path(__file__).resolve().parent.parent / "src"  # set by bench_startup (--src)
T0 = time.perf_counter()  # set by bench_startup: its own first moment


def said(word: str) -> None:
    """A child's figure: `word`, seconds since it started counting, and the CPU seconds the
    whole process has used (its interpreter's start included)."""
    print(f"{word} {time.perf_counter() - T0:.4f} {time.process_time():.4f}", flush=True)


def footer_keys_said() -> None:
    """Have any Textual footer say KEYS the first time it is drawn with its keys: Home's
    footer and the bare app's build them just after their screen's first frame."""
    from textual.widgets import Footer

    compose = Footer.compose

    def composed(footer: Footer) -> object:
        keys = list(compose(footer))
        if keys and not getattr(footer, "keys_said", False):
            footer.keys_said = True  # type: ignore[attr-defined]
            footer.call_after_refresh(said, KEYS)
            footer.call_after_refresh(footer.app.keys_drawn)  # type: ignore[attr-defined]
        yield from keys

    Footer.compose = composed  # type: ignore[assignment,method-assign]


class Waits:
    """What a child waits for before it leaves (the words it has yet to say)."""

    def __init__(self, *words: str) -> None:
        self.left = set(words)

    def done(self, word: str) -> bool:
        """`word` is said; whether nothing is left."""
        self.left.discard(word)
        return not self.left


def timed_app_class() -> type:
    """QuizApp, saying READY once Home shows the packs, drawn (as listed from the summary
    index, or read, whichever Home shows first), LOADED once they are read and drawn, KEYS
    once its footer shows its keys; it leaves when all three are said (or KEYS_WAIT seconds
    after READY). A checkout whose app has no listing says READY and LOADED at once."""
    sys.path.insert(0, str(SRC))
    footer_keys_said()
    from textual import on

    from quizgame.tui import navigation
    from quizgame.tui.app import QuizApp

    class Timed(QuizApp):
        shown = False
        waits = Waits(LOADED, KEYS)

        def keys_drawn(self) -> None:
            if self.waits.done(KEYS):
                self.exit()

        @on(navigation.PacksFound)  # QuizApp's own handler gives them to Home too
        def packs_read(self) -> None:
            self.call_after_refresh(self.ready, LOADED)

        if hasattr(navigation, "PacksListed"):

            @on(navigation.PacksListed)
            def packs_listed(self) -> None:
                self.call_after_refresh(self.ready, READY)

        def ready(self, word: str) -> None:
            if not self.shown:
                self.shown = True
                said(READY)
                self.set_timer(KEYS_WAIT, self.exit)
            if word == LOADED:
                said(LOADED)
                if self.waits.done(LOADED):
                    self.exit()

    return Timed


def child_app(data_dir: str, packs: list[str]) -> None:
    """The game's app, built as `quizgame` builds it (`run_game`), without the command line."""
    app_class = timed_app_class()
    from quizgame.core import paths

    base = paths.data_dir(data_dir)
    pack_dirs = [paths.bundled_packs_dir(), paths.user_packs_dir(base), *map(Path, packs)]
    app_class(pack_dirs=pack_dirs, data_dir=base).run(headless=True, size=SIZE)


def child_stall(data_dir: str, packs: list[str]) -> None:
    """The longest the UI thread is blocked in the first STALL_WINDOW seconds after Home is
    drawn with the packs (when the learn counts and the rest of the stylesheet come): the worst
    lateness of a 10 ms timer, said as STALL seconds."""
    sys.path.insert(0, str(SRC))
    from textual import on

    from quizgame.core import paths
    from quizgame.tui.app import QuizApp
    from quizgame.tui.navigation import PacksFound

    ticks: list[float] = []

    class Stalled(QuizApp):
        @on(PacksFound)
        def packs_shown(self) -> None:
            self.call_after_refresh(self.watch)  # Home drawn with the packs, as READY says

        def watch(self) -> None:
            ticks.append(time.perf_counter())
            self.set_interval(STALL_TICK, self.tick)

        def tick(self) -> None:
            ticks.append(time.perf_counter())
            if ticks[-1] - ticks[0] >= STALL_WINDOW:
                worst = max(b - a for a, b in itertools.pairwise(ticks)) - STALL_TICK
                print(f"STALL {max(worst, 0.0):.4f}", flush=True)
                self.exit()

    base = paths.data_dir(data_dir)
    pack_dirs = [paths.bundled_packs_dir(), paths.user_packs_dir(base), *map(Path, packs)]
    Stalled(pack_dirs=pack_dirs, data_dir=base).run(headless=True, size=SIZE)


def child_command(data_dir: str, packs: list[str]) -> None:
    """The whole `quizgame play` command: click, every command module, then the app."""
    app_class = timed_app_class()
    from quizgame.tui import app as app_module

    original_run = app_module.QuizApp.run

    def run_headless(self: object, *args: object, **kwargs: object) -> None:
        original_run(self, headless=True, size=SIZE)  # type: ignore[arg-type]

    app_class.run = run_headless  # type: ignore[attr-defined]
    app_module.QuizApp = app_class  # type: ignore[misc,assignment]  # what `run_game` imports
    from quizgame.cli import main, play

    # The program as a player's `quizgame` runs it, where the checkout has quizgame.start.
    with contextlib.suppress(ImportError):
        from quizgame.start import main  # type: ignore[no-redef]
    play.has_terminal = lambda: True  # headless here: the app draws to nothing, on purpose
    sys.argv = ["quizgame", "play", "--data-dir", data_dir, *(f"--packs={p}" for p in packs)]
    main()


def child_baseline() -> None:
    """A minimal Textual app with Home's widgets and no game code: READY once drawn, KEYS
    once its footer shows its keys (it leaves then)."""
    footer_keys_said()
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.widgets import Button, Footer, Label, OptionList, Select, SelectionList, Static

    class Baseline(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("title")
            with Horizontal():
                with Vertical():
                    yield OptionList("pack one\n  6 questions", "pack two\n  error")
                with VerticalScroll():
                    yield Static("pack info")
                    for name in ("mode", "count", "difficulty", "spoiler"):
                        with Horizontal():
                            yield Label(name)
                            yield Select([("a", "a"), ("b", "b")], value="a", compact=True)
                    yield Label("Categories")
                    yield SelectionList[str](("x", "x", True), ("y", "y", True))
                    yield Button("Start", compact=True)
            yield Static("")
            yield Footer()

        def on_mount(self) -> None:
            self.call_after_refresh(self.ready)

        waits = Waits(READY, KEYS)

        def keys_drawn(self) -> None:
            if self.waits.done(KEYS):
                self.exit()

        def ready(self) -> None:
            said(READY)
            self.set_timer(KEYS_WAIT, self.exit)
            if self.waits.done(READY):
                self.exit()

    Baseline().run(headless=True, size=SIZE)


CHILDREN = {
    "app": child_app,
    "command": child_command,
    "stall": child_stall,
}
