"""Home: the packs found (broken ones with their error) and the settings for a session."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Label, OptionList, Select, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from quizgame.core.packs.model import Pack
from quizgame.core.play.modes import Mode
from quizgame.tui import safetext
from quizgame.tui.navigation import EditPack, NewPack, OpenStats, Remember, StartSession
from quizgame.tui.prefs import HomeChoices
from quizgame.tui.widgets.footer import SteadyFooter
from quizgame.tui.widgets.home_settings import SettingsPanel, settings_rows
from quizgame.tui.widgets.pack_prompt import pack_prompt

if TYPE_CHECKING:
    from quizgame.core.packs.read import LoadResult
    from quizgame.core.play.dealing import SessionOptions


class HomeScreen(Screen[None]):
    """Choose a pack and how to play it, then start.

    `choices` are the ones remembered; `user_packs_dir` is named when no pack is found;
    `preset_categories` (from the command line) are ticked in any pack that has them. Home
    says "Looking for packs…" until it is given what was found (`show_packs`). Starting, the
    statistics and the editor are asked of the app with messages (`quizgame.tui.navigation`).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "start", "Start"),
        Binding("d", "daily", "Daily", show=False),  # the footer is full: a button says it
        Binding("e", "edit_pack", "Edit pack"),
        Binding("n", "new_pack", "New pack"),
        Binding("t", "app.toggle_theme", "Light/dark"),
        Binding("v", "stats", "Statistics"),
        Binding("q", "app.quit", "Quit"),
    ]

    # Classes by the terminal's height, for the categories list's height (see quizgame.tcss).
    # Textual declares this without ClassVar, so mypy refuses one here.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (40, "-tall")]  # noqa: RUF012

    def __init__(
        self, choices: HomeChoices, user_packs_dir: Path, preset_categories: tuple[str, ...] = ()
    ) -> None:
        super().__init__()
        self.choices = choices
        self.preset_categories = set(preset_categories)
        self.user_packs_dir = user_packs_dir
        self.results: list[LoadResult] = []
        self._mounted = False  # set in on_mount (Textual's is_mounted only once Mount is done)
        self._found_early: tuple[list[LoadResult], str] | None = None  # found before that
        self._keep: Path | None = None  # the pack to highlight next (back from the editor)
        self._message = ""
        self._categories_of: Pack | None = None  # the pack whose categories are listed
        self._mode_shown = ""  # the mode whose description is shown
        self.learning: dict[str, tuple[int, int, int]] = {}  # learn mode's counts, by pack id

    # --- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The height class now, as Textual would set it on the first resize: set then, it
        # would restyle the whole screen once more before the first frame.
        height = self.app.size.height
        for threshold, name in sorted(self.VERTICAL_BREAKPOINTS, reverse=True):
            if height >= threshold:
                self.add_class(name, update=False)
                break
        choices = self.choices
        self._mode_shown = choices.mode  # composed below with its description
        yield Static(
            Content.assemble(("quizgame", "bold"), "  ·  choose a pack, then press Enter"),
            id="home-title",
        )
        with Horizontal(id="home-main"):
            with Vertical(id="packs-panel") as packs:
                packs.border_title = "Packs"
                yield OptionList(Option("Looking for packs…", disabled=True), id="pack-list")
            with SettingsPanel(id="settings-panel") as settings:
                settings.border_title = "Settings"
                yield from settings_rows(choices)
                yield Button("Start (s)", id="start", variant="primary", compact=True)
                yield Button("Daily quiz (d)", id="daily", compact=True)
        message = Static(id="home-message")
        message.display = False
        yield message
        # Its keys built again only when they change; the first time just after Home's first
        # frame, which start-up waits for (bench/bench_startup.py: ~5% of it).
        yield SteadyFooter(keys_at_first=False)

    def on_mount(self) -> None:
        self.query_one("#pack-list").focus()
        self._mounted = True
        if self._found_early is not None:
            self._fill(*self._found_early)

    def session_left(self) -> None:
        """Back from a session: the focus goes to the packs, not to a setting or Start (where
        Tab and Enter could start another session by accident)."""
        self.query_one("#pack-list").focus()

    # --- packs -----------------------------------------------------------------------------------

    def show_packs(self, results: list[LoadResult], problem: str = "") -> None:
        """Show the packs found, and a problem for the player if the look failed. The pack
        remembered (else the first good one) is highlighted."""
        if self._mounted:
            self._fill(results, problem)
        else:  # found while Home is being built: filled in before it is first drawn
            self._found_early = (results, problem)

    def _fill(self, results: list[LoadResult], problem: str) -> None:
        if problem:
            self.say(problem)
        self.results = results
        pack_list = self.query_one("#pack-list", OptionList)
        pack_list.set_options(self._pack_options(results))
        highlighted = self._kept(results)
        if highlighted is None:
            highlighted = self._first_highlight(results)
        if highlighted is not None:
            pack_list.highlighted = highlighted
        self._show_pack()

    def _pack_options(self, results: list[LoadResult]) -> list[Option | None]:
        """The pack list's options: each pack (broken ones disabled), a line between them."""
        options: list[Option | None] = []
        for index, result in enumerate(results):
            if options:
                options.append(None)  # a line between packs
            learning = self.learning.get(result.pack.id) if result.pack is not None else None
            if learning is not None and not learning[2] and self._mode_shown != Mode.LEARN:
                learning = None  # a pack not being learned shows its counts in learn mode only
            options.append(
                Option(
                    pack_prompt(result, learning),
                    id=f"pack-{index}",
                    disabled=result.pack is None,
                )
            )
        if not options:
            folder = self.user_packs_dir
            options = [
                Option(
                    safetext.assemble("No packs found. Put pack files (.yaml) in ", str(folder)),
                    disabled=True,
                )
            ]
        return options

    def keep_highlighted(self, path: Path) -> None:
        """Highlight the pack read from `path` when packs are next shown (back from the editor,
        the pack just edited stays the one chosen)."""
        self._keep = path

    def _kept(self, results: list[LoadResult]) -> int | None:
        keep, self._keep = self._keep, None
        kept = [i for i, r in enumerate(results) if r.pack is not None and r.path == keep]
        return kept[0] if kept else None

    def replace_pack(self, result: LoadResult) -> bool:
        """Show `result` in place of the pack read from the same file, highlighted. False (and
        nothing changed) when it cannot simply take that place: a file not listed yet, a pack
        broken before or now, or an id another pack has (which a new look reports)."""
        index = next((i for i, r in enumerate(self.results) if r.path == result.path), None)
        if index is None or result.pack is None or self.results[index].pack is None:
            return False
        new_id = result.pack.id
        if any(
            r.pack is not None and r.pack.id == new_id
            for r in self.results
            if r is not self.results[index]
        ):
            return False
        self.results[index] = result
        self._keep = None
        pack_list = self.query_one("#pack-list", OptionList)
        pack_list.set_options(self._pack_options(self.results))  # with its learn counts
        pack_list.highlighted = index
        self._show_pack()
        return True

    def show_learning(self, counts: dict[str, tuple[int, int, int]]) -> None:
        """Learn mode's due and new cards per pack id (see `tui/learning.py`)."""
        shown_before = self._learning_shown
        self.learning = counts
        if shown_before or self._learning_shown:  # else the list would look just the same
            self._relist()

    @property
    def _learning_shown(self) -> bool:
        """Whether any pack shows learn counts now (one being learned, or any in learn mode)."""
        return bool(self.learning) and (
            self._mode_shown == Mode.LEARN or any(c[2] for c in self.learning.values())
        )

    def _relist(self) -> None:
        """The pack list drawn again (new counts, or the mode changed), the highlight kept."""
        if not self._mounted or not self.results:
            return
        pack_list = self.query_one("#pack-list", OptionList)
        highlighted = pack_list.highlighted
        pack_list.set_options(self._pack_options(self.results))
        pack_list.highlighted = highlighted

    def _first_highlight(self, results: list[LoadResult]) -> int | None:
        """The remembered pack, else the first good one (None if none can be played)."""
        wanted = self.choices.pack_id
        playable = [i for i, r in enumerate(results) if r.pack is not None]
        remembered = [i for i in playable if results[i].pack.id == wanted]  # type: ignore[union-attr]
        return (remembered or playable)[0] if playable else None

    @property
    def selected_result(self) -> LoadResult | None:
        """The highlighted pack's load result (broken packs are never highlighted)."""
        index = self.query_one("#pack-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.results):
            return None
        return self.results[index]

    @property
    def selected_pack(self) -> Pack | None:
        result = self.selected_result
        return result.pack if result is not None else None

    def _category_options(self, pack: Pack | None) -> list[Selection[str]]:
        """The categories list for a pack, ticked as remembered (all if none remembered)."""
        if pack is None:
            return []
        ticked = (
            self.preset_categories.intersection(pack.categories)
            or set(self.choices.categories.get(pack.id, ()))
            or set(pack.categories)
        )
        return [Selection(safetext.line(c), c, c in ticked) for c in pack.categories]

    def _show_pack(self) -> None:
        pack = self.selected_pack
        if pack is self._categories_of and pack is not None:
            return  # listed already (e.g. Home was built with it)
        self._categories_of = pack
        categories = self.query_one("#categories", SelectionList)
        categories.clear_options()
        if pack is None:
            self.query_one("#categories-box").display = False
            return
        categories.add_options(self._category_options(pack))
        if pack.categories:
            categories.highlighted = 0  # so that Tab lands on a visible cursor
        self.query_one("#categories-box").display = bool(pack.categories)

    @on(OptionList.OptionHighlighted, "#pack-list")
    def _pack_highlighted(self) -> None:
        self._show_pack()
        self.say("")

    @on(OptionList.OptionSelected, "#pack-list")
    def _pack_selected(self) -> None:
        self.action_start()

    @on(Select.Changed, "#mode")
    def _mode_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self._mode_shown:
            self._show_mode(event.value)

    def _show_mode(self, mode: str) -> None:
        """The mode's description; blitz plays every matching question, so no count for it."""
        self._mode_shown = mode
        self.query_one("#mode-help", Static).update(Mode(mode).description)
        self.query_one("#count-setting").display = Mode(mode).uses_count
        self.query_one("#count-setting Label", Label).update(
            "New a day" if mode == Mode.LEARN else "Questions"
        )
        if self.learning:
            self._relist()

    # --- starting --------------------------------------------------------------------------------

    def say(self, message: str) -> None:
        """A message under the packs and settings (hidden when empty, to leave them the room)."""
        if message == self._message:
            return
        self._message = message
        box = self.query_one("#home-message", Static)
        box.update(safetext.literal(message))
        box.display = bool(message)

    def read_choices(self, pack: Pack) -> HomeChoices | None:
        """The settings as chosen now (None, with a message, if they cannot be played)."""
        choices = self.choices
        mode = self.query_one("#mode", Select).value
        count = self.query_one("#count", Select).value
        difficulty = self.query_one("#difficulty", Select).value
        spoiler = self.query_one("#spoiler", Select).value
        ticked = list(self.query_one("#categories", SelectionList).selected)
        if pack.categories and not ticked:
            self.say("Tick at least one category.")
            return None
        categories = dict(choices.categories)
        if ticked and set(ticked) != set(pack.categories):
            categories[pack.id] = [str(c) for c in ticked]
        else:
            categories.pop(pack.id, None)
        return HomeChoices(
            pack_id=pack.id,
            mode=str(mode),
            count=int(str(count)) or None,
            difficulty=str(difficulty) or None,
            spoiler=str(spoiler),
            categories=categories,
            theme=choices.theme,
        )

    def action_start(self) -> None:
        pack = self.selected_pack
        if pack is None:
            self.say("Choose a pack first.")
            return
        choices = self.read_choices(pack)
        if choices is None:
            return
        self.choices = choices
        self.post_message(Remember(choices))
        from quizgame.core.play.dealing import options_problem  # no start-up import

        options: SessionOptions = choices.options(pack.id)
        problem = options_problem(pack, options)
        if problem:
            self.say(f"Cannot start: {problem}.")
            return
        self.post_message(StartSession(pack, options))

    def action_daily(self) -> None:
        """Today's daily quiz of the highlighted pack: the same ten questions for everyone."""
        from datetime import date

        from quizgame.core.play.daily import daily_options

        pack = self.selected_pack
        if pack is None:
            self.say("Choose a pack first.")
            return
        self.post_message(StartSession(pack, daily_options(pack, date.today())))

    @on(Button.Pressed, "#daily")
    def _daily_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_daily()

    @on(Button.Pressed, "#start")
    def _start_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_start()

    def action_stats(self) -> None:
        """Your score history: accuracy over time, missed questions, practice."""
        packs = {r.pack.id: r.pack for r in self.results if r.pack is not None}
        self.post_message(OpenStats(packs))

    # --- authoring (the editor lives in screens/editor.py) ---------------------------------------

    @property
    def pack_ids(self) -> list[str]:
        return [r.pack.id for r in self.results if r.pack is not None]

    def action_edit_pack(self) -> None:
        """Edit the highlighted pack (bundled packs open read-only, with "copy to my packs")."""
        result = self.selected_result
        if result is None or result.pack is None:
            self.say("Choose a pack first.")
            return
        self.post_message(EditPack(result.path, self.pack_ids, result.pack))

    def action_new_pack(self) -> None:
        """Make a new pack in the editor."""
        self.post_message(NewPack(self.pack_ids))
