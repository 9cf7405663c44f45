"""Home's pack list: the packs as the summary index lists them, then read (or read at once),
which one is highlighted, and learn mode's counts on them. `HomeScreen` builds on it; the
layout, the settings and the keys are there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quizgame.core.play.modes import Mode
from quizgame.tui import safetext
from quizgame.tui.prefs import HomeChoices
from quizgame.tui.widgets.pack_prompt import pack_prompt

if TYPE_CHECKING:
    from quizgame.core.packs.model import Pack
    from quizgame.core.packs.read import LoadResult
    from quizgame.core.packs.summary import PackSummary


class PackShelf(Screen[None]):
    """The packs Home lists (in `#pack-list`, an OptionList its subclass composes): given as
    listed (`show_listing`), then as read (`show_packs`); packs read as they were listed
    change nothing on the screen. `results` are the packs read, [] while they are only listed:
    an action that needs them waits for them (`_when_read`). The subclass says what shows
    when the highlighted pack changes (`_show_pack`) and how a message is shown (`say`)."""

    def __init__(self, choices: HomeChoices, user_packs_dir: Path) -> None:
        super().__init__()
        self.choices = choices
        self.user_packs_dir = user_packs_dir
        self.results: list[LoadResult] = []  # the packs read ([] while only listed)
        self.listed: list[PackSummary] = []  # what the list shows, in the same order
        self._only_listed = False  # listed from the index, not read yet
        # A key's action until the packs are read, with the pack highlighted when it was pressed.
        self._held: tuple[Callable[[], None], Path | None] | None = None
        self._mounted = False  # set in on_mount (Textual's is_mounted only once Mount is done)
        self._found_early: list[Callable[[], None]] = []  # found before that: shown then
        self._keep: Path | None = None  # the pack to highlight next (back from the editor)
        self._mode_shown = ""  # the mode whose description is shown
        self.learning: dict[str, tuple[int, int, int]] = {}  # learn mode's counts, by pack id

    def say(self, message: str) -> None:
        """A message for the player (the subclass shows it)."""
        raise NotImplementedError

    def _show_pack(self) -> None:
        """The highlighted pack changed, or was listed anew (the subclass shows its settings)."""
        raise NotImplementedError

    def _shelf_mounted(self) -> None:
        """The list is on the screen: what was found while it was being built is shown now."""
        self._mounted = True
        for show in self._found_early:
            show()
        self._found_early = []

    def show_listing(self, summaries: list[PackSummary]) -> None:
        """Show the packs as the index lists them, before they are read (`show_packs` follows),
        highlighted as `show_packs` would."""
        self._when_mounted(lambda: self._fill_listed(summaries))

    def show_packs(self, results: list[LoadResult], problem: str = "") -> None:
        """Show the packs found, and a problem for the player if the look failed. The pack
        remembered (else the first good one) is highlighted. Packs read as they were listed
        leave the list as it is."""
        self._when_mounted(lambda: self._fill(results, problem))

    def _when_mounted(self, show: Callable[[], None]) -> None:
        if self._mounted:
            show()
        else:  # found while Home is being built: filled in before it is first drawn
            self._found_early.append(show)

    def _fill_listed(self, summaries: list[PackSummary]) -> None:
        self.results, self._only_listed = [], True
        self._list(summaries)

    def _fill(self, results: list[LoadResult], problem: str) -> None:
        from quizgame.core.packs.summary import summarize

        if problem:
            self.say(problem)
        summaries = [summarize(r) for r in results]
        as_listed = self._only_listed and summaries == self.listed
        chosen = self._selected_listed
        if self._only_listed and chosen is not None and self._keep is None:
            self._keep = chosen.path  # a file changed since the listing: the same pack stays
        self.results, self._only_listed = results, False
        if not as_listed:
            self._list(summaries)
        self._keep = None
        held, self._held = self._held, None
        if held is not None and not problem:
            self._run_held(*held)

    def _run_held(self, action: Callable[[], None], path: Path | None) -> None:
        """A key pressed before the packs were read acts now, on what the player saw: only
        while Home is on top (not under a screen opened since) and the pack highlighted then
        still is. The pack gone or broken in the read: the player is told, and chooses again;
        the highlight moved since: the player chose otherwise, and nothing happens."""
        if self.app.screen is not self:
            return
        if path is not None:
            chosen = self._selected_listed
            if chosen is None or chosen.path != path:
                if not any(s.path == path and s.id is not None for s in self.listed):
                    self.say("That pack changed as the packs were read: choose again.")
                return
        action()

    def _list(self, summaries: list[PackSummary]) -> None:
        self.listed = summaries
        pack_list = self.query_one("#pack-list", OptionList)
        pack_list.set_options(self._pack_options(summaries))
        highlighted = self._kept(summaries)
        if highlighted is None:
            highlighted = self._first_highlight(summaries)
        if highlighted is not None:
            # Not the player's move: no OptionHighlighted, which would clear a message just said
            with pack_list.prevent(OptionList.OptionHighlighted):
                pack_list.highlighted = highlighted
        self._show_pack()

    def _when_read(self, action: Callable[[], None], on_pack: bool = True) -> bool:
        """Whether the packs are read; if only listed, `action` runs once they are (see
        `_run_held`; `on_pack`: it acts on the highlighted pack)."""
        if self._only_listed:
            chosen = self._selected_listed if on_pack else None
            self._held = (action, chosen.path if chosen is not None else None)
        return not self._only_listed

    def _pack_options(self, summaries: list[PackSummary]) -> list[Option | None]:
        """The pack list's options: each pack (broken ones disabled), a line between them."""
        options: list[Option | None] = []
        for index, summary in enumerate(summaries):
            if options:
                options.append(None)  # a line between packs
            learning = self.learning.get(summary.id) if summary.id is not None else None
            if learning is not None and not learning[2] and self._mode_shown != Mode.LEARN:
                learning = None  # a pack not being learned shows its counts in learn mode only
            options.append(
                Option(
                    pack_prompt(summary, learning),
                    id=f"pack-{index}",
                    disabled=summary.id is None,
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

    def _kept(self, summaries: list[PackSummary]) -> int | None:
        keep, self._keep = self._keep, None
        kept = [i for i, s in enumerate(summaries) if s.id is not None and s.path == keep]
        return kept[0] if kept else None

    def replace_pack(self, result: LoadResult) -> bool:
        """Show `result` in place of the pack read from the same file, highlighted. False (and
        nothing changed) when it cannot simply take that place: a file not listed yet, a pack
        broken before or now, or an id another pack has (which a new look reports)."""
        from quizgame.core.packs.summary import summarize

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
        self.listed[index] = summarize(result)
        self._keep = None
        pack_list = self.query_one("#pack-list", OptionList)
        pack_list.set_options(self._pack_options(self.listed))  # with its learn counts
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
        if not self._mounted or not self.listed:
            return
        pack_list = self.query_one("#pack-list", OptionList)
        highlighted = pack_list.highlighted
        pack_list.set_options(self._pack_options(self.listed))
        pack_list.highlighted = highlighted

    def _first_highlight(self, summaries: list[PackSummary]) -> int | None:
        """The remembered pack, else the first good one (None if none can be played)."""
        wanted = self.choices.pack_id
        playable = [i for i, s in enumerate(summaries) if s.id is not None]
        remembered = [i for i in playable if summaries[i].id == wanted]
        return (remembered or playable)[0] if playable else None

    @property
    def selected_result(self) -> LoadResult | None:
        """The highlighted pack's load result (broken packs are never highlighted; None while
        the packs are only listed)."""
        index = self.query_one("#pack-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.results):
            return None
        return self.results[index]

    @property
    def _selected_listed(self) -> PackSummary | None:
        """The highlighted pack as listed, if it can be played."""
        index = self.query_one("#pack-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.listed) or self.listed[index].id is None:
            return None
        return self.listed[index]

    @property
    def selected_pack(self) -> Pack | None:
        result = self.selected_result
        return result.pack if result is not None else None

    @property
    def pack_ids(self) -> list[str]:
        return [s.id for s in self.listed if s.id is not None]
