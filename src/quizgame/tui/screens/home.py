"""Home: the packs found (broken ones with their error) and the settings for a session."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Label, OptionList, Select, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from quizgame.core.play.modes import Mode
from quizgame.tui import safetext
from quizgame.tui.navigation import EditPack, NewPack, OpenStats, Remember, StartSession
from quizgame.tui.prefs import HomeChoices
from quizgame.tui.screens.home_packs import PackShelf
from quizgame.tui.widgets.footer import SteadyFooter
from quizgame.tui.widgets.home_settings import SettingsPanel, settings_rows

if TYPE_CHECKING:
    from quizgame.core.packs.model import Pack
    from quizgame.core.packs.summary import PackSummary
    from quizgame.core.play.dealing import SessionOptions


class HomeScreen(PackShelf):
    """Choose a pack and how to play it, then start.

    `choices` are the ones remembered; `user_packs_dir` is named when no pack is found;
    `preset_categories` (from the command line) are ticked in any pack that has them. Home
    says "Looking for packs…" until it is given what was found: the packs as the index lists
    them (`show_listing`), then read (`show_packs`), or read at once. Starting, the statistics
    and the editor are asked of the app with messages (`quizgame.tui.navigation`); a key that
    needs the packs themselves, pressed between the listing and the read, acts once they are read.
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
        super().__init__(choices, user_packs_dir)
        self.preset_categories = set(preset_categories)
        self._message = ""
        self._categories_of: PackSummary | None = None  # the pack whose categories are listed
        self._laid_out_at: tuple[object, ...] | None = None  # sizes of the last Resize let through

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

    @on(events.Resize)
    def _same_size(self, event: events.Resize) -> None:
        """A resize to the size Home's own handler last laid it out at lays nothing out again.
        Textual sends Home two or three at start-up (the app's first size, the terminal's,
        Home's own first layout's), each a whole reflow (~2 ms) after Home's first frame; a
        widget that changes asks for its own layout anyway. Compared with the last size let
        through, not with `self.size`: a screen above Home resizes Home without its handler
        (nor its -short/-tall classes), and the Resize Home gets when it is back must reach it."""
        sizes = (event.size, event.virtual_size, event.container_size)
        if sizes == self._laid_out_at:
            event.prevent_default()  # Screen's own handler, the reflow, is not called
        else:
            self._laid_out_at = sizes

    def on_mount(self) -> None:
        self.query_one("#pack-list").focus()
        self._shelf_mounted()

    def session_left(self) -> None:
        """Back from a session: the focus goes to the packs, not to a setting or Start (where
        Tab and Enter could start another session by accident)."""
        self.query_one("#pack-list").focus()

    # --- the highlighted pack ---------------------------------------------------------------------

    def _category_options(self, pack: PackSummary | None) -> list[Selection[str]]:
        """The categories list for a pack, ticked as remembered (all if none remembered)."""
        if pack is None or pack.id is None:
            return []
        ticked = (
            self.preset_categories.intersection(pack.categories)
            or set(self.choices.categories.get(pack.id, ()))
            or set(pack.categories)
        )
        return [Selection(safetext.line(c), c, c in ticked) for c in pack.categories]

    def _show_pack(self) -> None:
        pack = self._selected_listed
        if pack is not None and pack == self._categories_of:
            return  # listed already (Home built with it, or read as it was listed): ticks kept
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
        if not self._when_read(self.action_start):
            return
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

        if not self._when_read(self.action_daily):
            return
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
        if not self._when_read(self.action_stats, on_pack=False):
            return
        packs = {r.pack.id: r.pack for r in self.results if r.pack is not None}
        self.post_message(OpenStats(packs))

    # --- authoring (the editor lives in screens/editor.py) ---------------------------------------

    def action_edit_pack(self) -> None:
        """Edit the highlighted pack (bundled packs open read-only, with "copy to my packs")."""
        if not self._when_read(self.action_edit_pack):
            return
        result = self.selected_result
        if result is None or result.pack is None:
            self.say("Choose a pack first.")
            return
        self.post_message(EditPack(result.path, self.pack_ids, result.pack))

    def action_new_pack(self) -> None:
        """Make a new pack in the editor."""
        self.post_message(NewPack(self.pack_ids))
