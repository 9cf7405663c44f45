"""Naming a new pack: a title, and an id made from it (which the author may change)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from quizgame.core.formats.common import pack_id_from_name
from quizgame.core.packs.ids import id_problem, id_words
from quizgame.tui import safetext


class NewPackScreen(ModalScreen[tuple[str, str] | None]):
    """Dismisses with (id, title), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, folder: Path, taken_ids: Iterable[str] = ()) -> None:
        super().__init__()
        self.folder = folder
        self.taken = set(taken_ids)
        self._id_edited = False

    def compose(self) -> ComposeResult:
        with Vertical(id="new-pack-box") as box:
            box.border_title = "A new pack"
            yield Label("Title", classes="form-label")
            yield Input(placeholder="e.g. World capitals", id="new-title", compact=True)
            yield Label(f"Id ({id_words()}; the file's name)", classes="form-label")
            yield Input(id="new-id", compact=True)
            yield Static(id="new-problem", classes="form-error")
            with Horizontal(id="new-buttons"):
                yield Button("Create (Enter)", id="new-create", variant="primary", compact=True)
                yield Button("Cancel (Esc)", id="new-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#new-title", Input).focus()
        self._check(show=False)

    def problem(self) -> str | None:
        pack_id = self.query_one("#new-id", Input).value.strip()
        title = self.query_one("#new-title", Input).value.strip()
        if not title:
            return "Give the pack a title."
        id_wrong = id_problem(pack_id, "The id")
        if id_wrong:
            return f"{id_wrong} (starting with a letter or digit)."
        if pack_id in self.taken:
            return f"There is already a pack with the id '{pack_id}'."
        if (self.folder / f"{pack_id}.yaml").exists():
            return f"There is already a file {pack_id}.yaml in your packs folder."
        return None

    def _check(self, show: bool = True) -> str | None:
        """The problem, shown once the author has typed something (not on an empty form)."""
        problem = self.problem()
        message = self.query_one("#new-problem", Static)
        visible = problem if show else None
        message.update(safetext.literal(f"✗ {visible}" if visible else ""))
        message.display = bool(visible)
        return problem

    @on(Input.Changed, "#new-title")
    def _title_changed(self, event: Input.Changed) -> None:
        if not self._id_edited:
            id_input = self.query_one("#new-id", Input)
            with id_input.prevent(Input.Changed):
                id_input.value = pack_id_from_name(event.value) if event.value.strip() else ""
        self._check()

    @on(Input.Changed, "#new-id")
    def _id_changed(self) -> None:
        self._id_edited = True
        self._check()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_create()

    def action_create(self) -> None:
        if self._check() is None:
            pack_id = self.query_one("#new-id", Input).value.strip()
            title = " ".join(self.query_one("#new-title", Input).value.split())
            self.dismiss((pack_id, title))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#new-create")
    def _create_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_create()

    @on(Button.Pressed, "#new-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()
