"""QuizApp: the game in the terminal, and the one navigator between its screens.

Screens post messages (`quizgame.tui.navigation`) and this app decides what shows next; a
screen never calls the app. Home is the default screen, never popped; a session's screens come
one at a time on top of it (the question screen, which shows each question and the feedback on
it in place, then the results), then it is back to Home (or to Statistics, for a practice
session started there). Help and confirmations are modals. The session itself is run by
`SessionRunner`; no game rules here.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen

from quizgame.core import paths
from quizgame.core.play.modes import Mode
from quizgame.tui import stylesheet
from quizgame.tui.home_routes import HomeRoutes
from quizgame.tui.navigation import (
    Answered,
    KeepsChanges,
    LeaveSession,
    NextRound,
    PacksFound,
    PlayAgain,
    Remember,
    ReplayMissed,
    SessionMessage,
    SessionOrigin,
    SessionOver,
    SessionScreen,
    StartSession,
)
from quizgame.tui.prefs import Preset, load_choices, save_choices
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.sessions import SessionRunner
from quizgame.tui.startup import StartUp

if TYPE_CHECKING:
    from quizgame.core.packs.model import Pack
    from quizgame.core.play.dealing import SessionOptions
    from quizgame.core.play.session import Clock, Session
    from quizgame.tui.hooks import ResultsPanel, SessionListener
    from quizgame.tui.scorekeeper import ScoreKeeper
    from quizgame.tui.screens.question import QuestionScreen

# Start-up imports only what Home needs. The loader is imported in the worker that looks for
# packs; the session (and its dealing), the score history and the other screens when first used.


# Seconds after the packs come: the rest of the stylesheet is parsed (a block of about 20 ms on
# the UI thread), once the learn counts and the editor's imports, workers started as Home is
# drawn, are done with the GIL (bench_startup's stall figure watches this second and a half).
LATER_CSS_DELAY = 1.0


class QuizApp(HomeRoutes):
    """The trivia game.

    `clock` is handed to every Session (tests pass a FakeClock). `listeners` hear about each
    session (start, every answer, end) and `results_panels` add widgets to the results screen;
    see `quizgame.tui.hooks`. With `record_scores` (the default) every session goes into the
    score history in `data_dir` (`self.scores`), and the results show its rank and best.
    Without a `start_pack`, Home opens with the settings of `preset` chosen.
    """

    TITLE = "quizgame"
    # Home's rules only: the rest of quizgame.tcss once Home is drawn (`_add_later_css`).
    CSS = stylesheet.home_css()
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
        preset: Preset | None = None,
    ) -> None:
        super().__init__()
        self.pack_dirs = tuple(Path(p) for p in pack_dirs)
        self.data_dir = Path(data_dir) if data_dir is not None else paths.data_dir()
        self.start_pack = start_pack
        self.start_options = start_options  # None: the defaults (dealing is no start-up import)
        self.runner = SessionRunner(
            clock,
            listeners,
            results_panels,
            paths.scores_db(self.data_dir) if record_scores else None,
            notify=lambda message, severity, timeout: self.notify(
                message, severity=severity, timeout=timeout, markup=False
            ),
        )
        self.listeners = self.runner.listeners
        self.start_up = StartUp()
        self._later_css_added = False
        self.results_panels = self.runner.results_panels
        # Where a session goes back to when it ends or is left: Home, or Statistics for a
        # practice session. Replays from the results keep it.
        self.session_origin: Screen[object] | None = None
        self.choices = load_choices(self.settings_path)
        if self.choices.theme in self.available_themes:
            self.theme = self.choices.theme
        preset = preset or Preset()
        self.home = HomeScreen(  # the default screen
            preset.apply(self.choices), self.user_packs_dir, preset_categories=preset.categories
        )
        if start_pack is not None and start_pack.path is not None:  # Home highlights it afterwards
            self.home.keep_highlighted(start_pack.path)

    # --- errors and notices ----------------------------------------------------------------------

    def crash_path(self) -> Path:
        return self.data_dir / "crash.log"

    # --- places and choices ----------------------------------------------------------------------

    @property
    def settings_path(self) -> Path:
        return paths.settings_file(self.data_dir)

    @property
    def session(self) -> Session | None:
        """The session in play (or just played), if any."""
        return self.runner.session

    @property
    def scores(self) -> ScoreKeeper | None:
        """The score history's keeper (None without `record_scores`), made on first use."""
        return self.runner.scores

    @on(Remember)
    def _remember(self, message: Remember) -> None:
        """Keep the Home choices for next time (with the theme, which Home does not choose)."""
        message.choices.theme = self.choices.theme
        self.choices = message.choices
        save_choices(self.settings_path, self.choices)

    def action_toggle_theme(self) -> None:
        """Light or dark, remembered."""
        self.action_toggle_dark()
        self.choices.theme = self.theme
        save_choices(self.settings_path, self.choices)

    # --- start-up --------------------------------------------------------------------------------

    def on_load(self) -> None:
        self.start_up.begin()  # until Home is drawn with its packs (`quizgame.tui.startup`)
        self.look_for_packs()  # at once, while Textual sets up the terminal and builds Home

    @on(PacksFound)
    def _start_up_done(self) -> None:
        """Once Home is drawn with the packs (HomeRoutes gives them to it): the interpreter's
        own settings again, and the rest of the stylesheet."""
        self.call_after_refresh(self.start_up.end)
        self.set_timer(LATER_CSS_DELAY, self._add_later_css)

    def _add_later_css(self) -> None:
        """The stylesheet's rules for every screen but Home (`stylesheet.later_css`), added
        once and parsed now: Home's first frame does not wait for them (about 20 ms), and the
        first screen that needs them does not either. Their rules come after Home's, as in the
        file, so the look is the same."""
        if self._later_css_added:
            return
        self._later_css_added = True
        read_from = (str(stylesheet.PATH), "after Home")
        self.stylesheet.add_source(stylesheet.later_css(), read_from=read_from)
        self.stylesheet.parse()

    # Every screen but Home is shown through one of these two: the rest of the stylesheet is
    # there before it is styled (a session started from the command line comes before Home is
    # drawn; so may the help).
    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        self._add_later_css()
        return super().push_screen(*args, **kwargs)

    def switch_screen(self, *args: Any, **kwargs: Any) -> Any:
        self._add_later_css()
        return super().switch_screen(*args, **kwargs)

    def get_default_screen(self) -> Screen[None]:
        return self.home

    def on_mount(self) -> None:
        if self.start_pack is not None:
            from quizgame.core.play.dealing import SessionOptions

            self._start(self.start_pack, self.start_options or SessionOptions())

    def on_unmount(self) -> None:
        self.start_up.end()  # left before the packs were found
        self.runner.close()  # a session still running is written as abandoned

    # --- a session -------------------------------------------------------------------------------

    @on(StartSession)
    def _start_session(self, message: StartSession) -> None:
        self._start(message.pack, message.options)

    def _start(self, pack: Pack, options: SessionOptions) -> None:
        """Start playing: the first question, on top of the screen it was started from."""
        from quizgame.core.play.session import SessionError

        try:
            session = self.runner.start(pack, options)
        except SessionError as exc:  # screens check first; a start from the command line too
            self.notify(f"Cannot start: {exc}.", severity="error", markup=False)
            return
        if not isinstance(self.screen, SessionScreen):
            self.session_origin = self.screen
        self._show_question(session)

    def _show_question(self, session: Session) -> None:
        from quizgame.tui.screens.question import QuestionScreen

        self._show(QuestionScreen(session))

    def _in_play(self, message: SessionMessage) -> bool:
        """Whether `message` is about the session in play (a late tick or key from a screen
        on its way out is not)."""
        return message.session is self.session

    def _play_screen(self, session: Session) -> QuestionScreen | None:
        """The screen `session` is played on, if it is still open."""
        from quizgame.tui.screens.question import QuestionScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, QuestionScreen) and screen.session is session:
                return screen
        return None

    @on(Answered)
    def _answered(self, message: Answered) -> None:
        """The feedback, in place of the question on the same screen (nothing is pushed); then
        the answer goes into the score history. The screen posts this after the frame that
        shows its feedback, so the key that answered waits for no write."""
        session = message.session
        # Posted after a frame, it can come after a NextRound: no old feedback on a new question.
        current = session.last_record is message.record and not session.awaiting_answer
        screen = self._play_screen(session) if self._in_play(message) and current else None
        if screen is not None:
            screen.show_feedback(message.record)
        self.runner.flush()

    @on(NextRound)
    async def _next_round(self, message: NextRound) -> None:
        """After feedback: the next question on the same screen, or the results."""
        if not self._in_play(message):
            return
        from quizgame.core.play.session import SessionError

        session = message.session
        self.runner.flush()  # the answer is in the history before the next question is dealt
        try:
            round_ = session.advance()
        except SessionError:
            return
        screen = self._play_screen(session)
        if round_ is None:
            self._show_results(session)
        elif screen is not None:
            await screen.show_round()
        else:
            self._show_question(session)

    @on(SessionOver)
    def _session_over(self, message: SessionOver) -> None:
        if self._in_play(message):
            self._show_results(message.session)

    def _show_results(self, session: Session) -> None:
        from quizgame.tui.screens.results import ResultsScreen
        from quizgame.tui.screens.stats import StatsScreen

        results, panels = self.runner.finish()
        if session.mode is Mode.LEARN:  # Home's due and new counts have changed
            self._recount(self.home.results)
        back_to_statistics = isinstance(self.session_origin, StatsScreen)
        self._show(ResultsScreen(session, results, panels, back_to_statistics=back_to_statistics))

    @on(PlayAgain)
    def _play_again(self, message: PlayAgain) -> None:
        if self._in_play(message):
            self._start(message.session.pack, message.session.options)

    @on(ReplayMissed)
    def _replay_missed(self, message: ReplayMissed) -> None:
        from quizgame.core.play.replays import missed_options

        session = message.session
        if self._in_play(message) and session.missed_ids():
            self._start(session.pack, missed_options(session.options, session.missed_ids()))

    def _show(self, screen: Screen[None]) -> None:
        """Show a session screen in place of the current one (or on top of Home)."""
        if isinstance(self.screen, SessionScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    @on(LeaveSession)
    def _confirm_leave(self, message: LeaveSession) -> None:
        """Escape during a session: ask, then go back (see `leave_session`)."""
        if not self._in_play(message):
            return
        if message.session.finished:
            self.leave_session()
            return
        self._ask(
            "Leave this session?",
            "It ends here and counts as abandoned.",
            lambda yes: self.leave_session() if yes else None,
        )

    def leave_session(self) -> None:
        """Back where the session was started (Home, or Statistics), ending it if still running;
        that screen is told (`SessionOrigin.session_left`)."""
        self.runner.end_early()
        self.runner.session = None
        origin, self.session_origin = self.session_origin, None
        while len(self.screen_stack) > 1 and not (
            self.screen is origin or self.screen is self.home
        ):
            self.pop_screen()
        if isinstance(self.screen, SessionOrigin):
            self.screen.session_left()

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
        if any(isinstance(s, KeepsChanges) and s.unsaved_changes for s in self.screen_stack):
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
                self.runner.end_early()
                self.exit()

        self._ask("Quit quizgame?", "The session ends here and counts as abandoned.", quit_if)
