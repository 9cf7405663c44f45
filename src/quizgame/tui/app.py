"""QuizApp: the game in the terminal. It drives a core Session and shows its state; no rules here.

Screens: Home (the default screen, never popped) → a session's screens, one at a time on top of
it (question → feedback → question … → results) → back Home (or to Statistics,
for a practice session started there). Help and confirmations are modals.
"""

from __future__ import annotations

import dataclasses
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment, Segments
from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

from quizgame.core import paths
from quizgame.core.play.dealing import SessionOptions
from quizgame.tui import safetext
from quizgame.tui.prefs import HomeChoices, load_choices, save_choices
from quizgame.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from quizgame.core.packs.model import Pack
    from quizgame.core.packs.read import LoadResult
    from quizgame.core.play.results import AnswerRecord, Results
    from quizgame.core.play.session import Clock, Session
    from quizgame.tui.hooks import ResultsPanel, SessionListener
    from quizgame.tui.scorekeeper import ScoreKeeper

# Start-up imports only what Home needs. The loader is imported in the thread that looks for
# packs; the session, the score history and the other screens when first used.


class QuizApp(App[None]):
    """The trivia game.

    `clock` is handed to every Session (tests pass a FakeClock). `listeners` hear about each
    session (start, every answer, end) and `results_panels` add widgets to the results screen;
    see `quizgame.tui.hooks`. With `record_scores` (the default) every session goes into the
    score history in `data_dir` (`self.scores`), and the results show its rank and best.
    """

    CSS_PATH = Path(__file__).with_name("quizgame.tcss")  # absolute: subclasses find it too
    TITLE = "quizgame"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        pack_dirs: Iterable[Path] = (),
        data_dir: Path | None = None,
        start_pack: Pack | None = None,
        start_options: SessionOptions | None = None,
        *,
        clock: Clock = time.monotonic,
        listeners: Iterable[SessionListener] = (),
        results_panels: Iterable[ResultsPanel] = (),
        record_scores: bool = True,
    ) -> None:
        super().__init__()
        self.pack_dirs = tuple(Path(p) for p in pack_dirs)
        self.data_dir = Path(data_dir) if data_dir is not None else paths.data_dir()
        self.start_pack = start_pack
        self.start_options = start_options or SessionOptions()
        self.clock = clock
        self.listeners: list[SessionListener] = list(listeners)
        self.results_panels: list[ResultsPanel] = list(results_panels)
        self.record_scores = record_scores
        self._scores: ScoreKeeper | None = None
        self.session: Session | None = None
        # Where a session goes back to when it ends or is left: Home, or Statistics for a
        # practice session. Replays from the results keep it.
        self.session_origin: Screen[object] | None = None
        self.packs_found: Future[list[LoadResult]] | None = None  # the first look, for Home
        self.choices = load_choices(self.settings_path)
        if self.choices.theme in self.available_themes:
            self.theme = self.choices.theme

    # --- errors and notices ----------------------------------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice passes here: a literal one (markup=False) may quote a pack or an error,
        so its control characters go too."""
        if not markup:
            message, title = safetext.clean(message), safetext.clean(title)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def _fatal_error(self) -> None:
        # A bug must never show a player a traceback: it goes to a crash log in the data folder,
        # and the terminal gets one line. (Pilot tests still see the exception itself.)
        error = sys.exc_info()[1] or self._exception
        log = self.data_dir / "crash.log"
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8") as handle:
                handle.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
                handle.write("".join(traceback.format_exception(error)) if error else "")
            where = f" (details in {log})"
        except OSError:
            where = ""
        name = type(error).__name__ if error else "error"
        line = safetext.clean_line(f"quizgame: internal error: {name}: {error}{where}")
        self.bell()
        # Segments, not Text: printed as they are, one line however narrow the terminal.
        self._exit_renderables.append(Segments([Segment(line), Segment.line()]))
        self._close_messages_no_wait()

    # --- places ----------------------------------------------------------------------------------

    @property
    def settings_path(self) -> Path:
        return paths.settings_file(self.data_dir)

    @property
    def user_packs_dir(self) -> Path:
        return paths.user_packs_dir(self.data_dir)

    @property
    def scores(self) -> ScoreKeeper | None:
        """The score history's keeper (None without `record_scores`), made on first use."""
        self._keep_scores()
        return self._scores

    def _keep_scores(self) -> None:
        """Make the score keeper and hook it in as a listener and a results panel."""
        if self._scores is None and self.record_scores:
            from quizgame.tui.scorekeeper import ScoreKeeper

            self._scores = ScoreKeeper(paths.scores_db(self.data_dir), report=self._report)
            self.listeners.append(self._scores)
            self.results_panels.append(self._scores.results_panel)

    def discover_packs(self) -> list[LoadResult]:
        """Every pack in the pack folders, broken ones included (called from a thread)."""
        from quizgame.core.packs.read import discover_packs

        return discover_packs(self.pack_dirs, cache_dir=paths.cache_dir(self.data_dir))

    def begin_discovery(self) -> Future[list[LoadResult]]:
        """Look for packs in a thread; the future holds what `discover_packs` found."""
        future: Future[list[LoadResult]] = Future()

        def look() -> None:
            try:
                future.set_result(self.discover_packs())
            except BaseException as exc:  # handed to whoever waits on the future
                future.set_exception(exc)

        threading.Thread(target=look, name="quizgame-packs", daemon=True).start()
        return future

    def on_load(self) -> None:
        # Start looking while Textual sets up the terminal and builds Home.
        self.packs_found = self.begin_discovery()

    def remember(self, choices: HomeChoices) -> None:
        """Keep the Home choices for next time."""
        self.choices = choices
        save_choices(self.settings_path, choices)

    def toggle_theme(self) -> None:
        """Light or dark, remembered."""
        self.action_toggle_dark()
        self.choices.theme = self.theme
        save_choices(self.settings_path, self.choices)

    # --- start-up --------------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        return HomeScreen()

    def on_mount(self) -> None:
        if self.start_pack is not None:
            problem = self.start_session(self.start_pack, self.start_options)
            if problem:
                self.notify(problem, severity="error", markup=False)

    def on_unmount(self) -> None:
        if self._scores is not None:
            self._scores.close()  # a session still running is written as abandoned

    def _report(self, message: str) -> None:
        self.notify(message, severity="warning", markup=False, timeout=10)

    def home_ready(self) -> None:
        """Home shows the packs: the first usable screen. A hook for benchmarks and tests."""

    # --- a session -------------------------------------------------------------------------------

    def new_session(self, pack: Pack, options: SessionOptions) -> Session:
        """Build a session wired to the listeners (raises SessionError)."""
        from quizgame.core.play.session import Session

        self._keep_scores()  # now, so that it hears about the session from its start
        holder: list[Session] = []

        def recorded(record: AnswerRecord) -> None:
            self._tell("answer_recorded", holder[0], record)

        session = Session(pack, options, clock=self.clock, on_record=recorded)
        holder.append(session)
        return session

    def start_session(self, pack: Pack, options: SessionOptions) -> str | None:
        """Start playing; returns a message for the player if the session cannot start."""
        from quizgame.core.play.session import SessionError

        try:
            session = self.new_session(pack, options)
        except SessionError as exc:
            return f"Cannot start: {exc}."
        self.session = session
        if not getattr(self.screen, "IN_SESSION", False):
            self.session_origin = self.screen
        self._tell("session_started", session)
        self._show_question(session)
        return None

    def _show_question(self, session: Session) -> None:
        from quizgame.tui.screens.question import QuestionScreen

        self._show(QuestionScreen(session))

    def show_feedback(self, record: AnswerRecord) -> None:
        from quizgame.tui.screens.feedback import FeedbackScreen

        assert self.session is not None
        self._show(FeedbackScreen(self.session, record))

    def next_round(self) -> None:
        """After feedback: the next question, or the results."""
        session = self.session
        if session is None:
            return
        from quizgame.core.play.session import SessionError

        try:
            round_ = session.advance()
        except SessionError:
            return
        if round_ is None:
            self.show_results()
        else:
            self._show_question(session)

    def show_results(self) -> None:
        from quizgame.tui.screens.results import ResultsScreen

        session = self.session
        assert session is not None and session.finished
        results = session.results()
        self._tell("session_ended", session, results)
        self._show(ResultsScreen(session, results, self._panels(session, results)))

    def play_again(self) -> None:
        """The same pack and settings (a new shuffle unless a seed was given)."""
        if self.session is not None:
            self._restart(self.session.pack, self.session.options)

    def replay_missed(self) -> None:
        """Only the questions missed in the last session, same mode."""
        session = self.session
        if session is None or not session.missed_ids():
            return
        options = dataclasses.replace(
            session.options, question_ids=session.missed_ids(), count=None, seed=None
        )
        self._restart(session.pack, options)

    def _restart(self, pack: Pack, options: SessionOptions) -> None:
        problem = self.start_session(pack, options)
        if problem:
            self.notify(problem, severity="error", markup=False)

    def leave_session(self) -> None:
        """Back where the session was started (Home, or Statistics), ending it if still running.

        That screen's `session_left()` is called, if it has one: Home puts the focus back on
        the packs, Statistics reads the new answers.
        """
        self._end_early()
        self.session = None
        origin, self.session_origin = self.session_origin, None
        while len(self.screen_stack) > 1 and not (
            self.screen is origin or isinstance(self.screen, HomeScreen)
        ):
            self.pop_screen()
        session_left = getattr(self.screen, "session_left", None)
        if callable(session_left):
            session_left()

    def confirm_leave(self) -> None:
        """Escape during a session: ask, then go back (see `leave_session`)."""
        if self.session is None or self.session.finished:
            self.leave_session()
            return
        self._ask(
            "Leave this session?",
            "It ends here and counts as abandoned.",
            lambda yes: self.leave_session() if yes else None,
        )

    def _end_early(self) -> None:
        session = self.session
        if session is not None and not session.finished:
            session.abandon()
            self._tell("session_ended", session, session.results())

    def _show(self, screen: Screen[None]) -> None:
        """Show a session screen in place of the current one (or on top of Home)."""
        if getattr(self.screen, "IN_SESSION", False):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def _panels(self, session: Session, results: Results) -> Sequence[Widget]:
        widgets = []
        for panel in self.results_panels:
            try:
                widget = panel(session, results)
            except Exception as exc:  # an extra must never cost the player their results
                self.notify(f"A results panel failed: {exc}", severity="warning", markup=False)
                continue
            if widget is not None:
                widgets.append(widget)
        return widgets

    def _tell(self, event: str, session: Session, *args: object) -> None:
        for listener in self.listeners:
            try:
                getattr(listener, event)(session, *args)
            except Exception as exc:  # e.g. a locked score database: report it, play on
                self.notify(f"{exc}", severity="error", markup=False)

    # --- modals ----------------------------------------------------------------------------------

    def _ask(self, question: str, detail: str, then: Callable[[bool], object]) -> None:
        """A yes/no modal; the session's clock stops while it is open."""
        session = self.session
        was_paused = session is not None and session.paused

        def answered(yes: bool | None) -> None:
            if session is not None and not was_paused and not session.finished:
                session.resume()
            then(bool(yes))

        from quizgame.tui.screens.confirm import ConfirmScreen

        if session is not None:
            session.pause()
        self.push_screen(ConfirmScreen(question, detail), answered)

    def action_help(self) -> None:
        if isinstance(self.screen, ModalScreen):
            return
        from quizgame.tui.screens.help import HelpScreen

        session = self.session
        pause = session is not None and not session.paused and not session.finished
        if pause and session is not None:
            session.pause()  # reading the help costs no time

        def closed(_: None) -> None:
            if pause and session is not None:
                session.resume()

        self.push_screen(HelpScreen(), closed)

    async def action_quit(self) -> None:
        """Quit; during a session, ask first."""
        if isinstance(self.screen, ModalScreen):
            return
        if any(getattr(screen, "unsaved_changes", False) for screen in self.screen_stack):
            self._ask(
                "Quit without saving?",
                "Your changes in the pack editor are lost.",
                lambda yes: self.exit() if yes else None,
            )
            return
        if self.session is None or self.session.finished:
            self.exit()
            return

        def quit_if(yes: bool) -> None:
            if yes:
                self._end_early()
                self.exit()

        self._ask("Quit quizgame?", "The session ends here and counts as abandoned.", quit_if)
