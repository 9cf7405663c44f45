"""HomeRoutes: what Home asks the app for, apart from a session.

Its packs looked for, listed from the summary index (`PacksListed`) and read in a worker thread
(`PacksFound`), read again after the editor (`PackReloaded`), learn
mode's counts for it (`LearningCounted`), and the places it opens: Statistics and the pack
editor. `app.QuizApp` is built on it and stays the one navigator; this is the part of it that
serves Home.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.worker import get_current_worker

from quizgame.core import paths
from quizgame.tui.game_app import GameApp
from quizgame.tui.navigation import (
    EditPack,
    LearningCounted,
    NewPack,
    OpenStats,
    PackReloaded,
    PacksFound,
    PacksListed,
)

if TYPE_CHECKING:
    from quizgame.core.packs.model import Pack
    from quizgame.core.packs.read import LoadResult
    from quizgame.core.packs.summary import Look
    from quizgame.core.scores.store import ScoreStore
    from quizgame.tui.prefs import HomeChoices
    from quizgame.tui.screens.home import HomeScreen
    from quizgame.tui.sessions import SessionRunner


class HomeRoutes(GameApp):
    """The app's part that serves Home: its packs, learn counts, Statistics and the editor."""

    # Set by `QuizApp.__init__`.
    pack_dirs: tuple[Path, ...]
    data_dir: Path
    runner: SessionRunner
    choices: HomeChoices
    home: HomeScreen

    @property
    def user_packs_dir(self) -> Path:
        return paths.user_packs_dir(self.data_dir)

    # --- Home's packs ----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="packs")
    def look_for_packs(self) -> None:
        """Look for packs in a worker thread, broken ones included. If no pack file changed
        since the summary index was written, `PacksListed` says what it lists, and the packs
        are read once Home shows them (`read_packs`): Home's first frame waits for no pack
        code. Otherwise they are read now, and the index written again. `PacksFound` says
        what was read."""
        from quizgame.core.packs.summary import listed

        paths.clear_leftovers(self.data_dir)  # what a killed save left
        try:
            summaries, look = listed(self.pack_dirs, cache_dir=paths.cache_dir(self.data_dir))
        except Exception:  # the index only saves time: read the packs, and say what that finds
            summaries, look = None, None
        if summaries is None:
            self._read_packs(look)
        elif not get_current_worker().is_cancelled:  # a newer look is under way
            self.post_message(PacksListed(summaries))

    @work(thread=True, exclusive=True, group="packs")
    def read_packs(self) -> None:
        """Read the packs listed (`PacksListed`) in a worker thread; `PacksFound` says what."""
        self._read_packs(None)

    def _read_packs(self, look: Look | None) -> None:
        """Read the packs (in the worker calling this) and post `PacksFound`; then, after a
        `look` that missed the index, write it again."""
        from quizgame.core.packs.gc_pause import gc_paused, settle_long_lived
        from quizgame.core.packs.read import discover_packs

        cache_dir = paths.cache_dir(self.data_dir)
        try:
            with gc_paused():  # and then out of its reach: a big pack's passes stall the UI
                found = PacksFound(discover_packs(self.pack_dirs, cache_dir=cache_dir))
                settle_long_lived()
        except Exception as exc:  # a folder we cannot read must not stop the game
            found = PacksFound([], f"Could not look for packs: {exc}")
        if get_current_worker().is_cancelled:  # a newer look is under way
            return
        self.post_message(found)
        if look is not None and not found.problem:  # after Home has them: only saves time
            from quizgame.core.packs.summary import keep, summarize

            keep(look, [summarize(r) for r in found.results], cache_dir=cache_dir)

    @on(PacksListed)
    def _list_packs(self, message: PacksListed) -> None:
        self.home.show_listing(message.summaries)
        self.call_after_refresh(self._read_after_next_frame)  # once Home is drawn with them

    def _read_after_next_frame(self) -> None:
        # Home is drawn with the packs; its footer builds its keys now (SteadyFooter): the read
        # waits for that frame too, not to share the UI thread's GIL with it.
        self.call_after_refresh(self.read_packs)

    @on(PacksFound)
    def _show_packs(self, message: PacksFound) -> None:
        self.home.show_packs(message.results, message.problem)
        # After Home is drawn: learn mode's counts import the scheduler, which start-up need not
        # wait for (bench/bench_startup.py).
        self.call_after_refresh(self._recount, message.results)
        self.call_after_refresh(self._import_editor)

    @work(thread=True, exclusive=True, group="editor-import")
    def _import_editor(self) -> None:
        """Import the editor's modules (ruamel.yaml among them) while Home waits for a key: on
        the UI thread, when `e` is pressed, they stalled it for a third of a second."""
        import quizgame.tui.screens.editor_open  # noqa: F401

    def _recount(self, results: list[LoadResult]) -> None:
        """Count learn mode's cards of the packs found, for Home (with no history yet, all new)."""
        packs = [r.pack for r in results if r.pack is not None]
        scores = self.runner.scores
        if not packs or scores is None:
            return
        if not scores.path.exists():  # no history yet: no cards, everything is new
            self.count_learning(None, packs)
            return
        store = scores.store  # opened here: the session runner shares it
        if store is not None:
            self.count_learning(store, packs)

    @work(thread=True, exclusive=True, group="learning")
    def count_learning(self, store: ScoreStore | None, packs: list[Pack]) -> None:
        """Learn mode's due and new cards per pack (all new without a `store`), for Home
        (`LearningCounted`). In a worker, with its imports (the scheduler), so that Home,
        just drawn, does not stall."""
        from quizgame.tui.learning import count_learning

        counts = count_learning(store, packs, self.choices.count)
        if counts and not get_current_worker().is_cancelled:
            self.post_message(LearningCounted(counts))

    @on(LearningCounted)
    def _show_learning(self, message: LearningCounted) -> None:
        self.home.show_learning(message.counts)

    # --- Home's other places ---------------------------------------------------------------------

    @on(OpenStats)
    def _open_stats(self, message: OpenStats) -> None:
        from quizgame.core.packs.model import Spoiler
        from quizgame.tui.screens.stats import StatsScreen

        scores = self.runner.scores
        store = scores.store if scores is not None else None
        self.push_screen(StatsScreen(message.packs, store, Spoiler(self.choices.spoiler)))

    @on(EditPack)
    def _edit_pack(self, message: EditPack) -> None:
        from quizgame.tui.screens.editor_open import open_editor

        folder = self.user_packs_dir
        open_editor(
            self, message.path, folder, message.taken_ids, then=self._edited, pack=message.pack
        )

    @on(NewPack)
    def _new_pack(self, message: NewPack) -> None:
        from quizgame.tui.screens.editor_open import start_new_pack

        start_new_pack(self, self.user_packs_dir, message.taken_ids, then=self._edited)

    def _edited(self, path: Path) -> None:
        """Back from the editor: Home keeps the pack at `path` highlighted, and only that file
        is read again (every pack is looked for again only if it cannot stand alone)."""
        self.home.keep_highlighted(path)
        self.reload_pack(path)

    @work(thread=True, exclusive=True, group="packs")
    def reload_pack(self, path: Path) -> None:
        """Read the one pack at `path` again in a worker thread; `PackReloaded` says how."""
        from quizgame.core.packs.read import load_pack

        try:
            result = load_pack(path, cache_dir=paths.cache_dir(self.data_dir))
        except Exception:  # load_pack reports bad input in its result; anything else: look again
            result = None
        if not get_current_worker().is_cancelled:
            self.post_message(PackReloaded(path, result))

    @on(PackReloaded)
    def _pack_reloaded(self, message: PackReloaded) -> None:
        if message.result is None or not self.home.replace_pack(message.result):
            self.look_for_packs()
