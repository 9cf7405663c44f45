"""The host's kick dialog during a game: the players still in it, one picked with Enter.

In the lobby the players are listed on the screen itself (k kicks the highlighted one); once the
game is under way the question and reveal screens have no room for a list, so k opens this box
over them. It only picks: the host's screen calls `PartyServer.kick` with the id it returns.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quizgame.core.party.room import Room
from quizgame.tui import safetext


class KickScreen(ModalScreen[int | None]):
    """Dismisses with the id of the player picked (Enter), or None (Escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel"),
    ]

    def __init__(self, room: Room) -> None:
        super().__init__()
        self.room = room

    def compose(self) -> ComposeResult:
        players = self.room.active()
        with Vertical(id="kick-box"):
            yield Static(Content.styled("Kick a player out of the game", "bold"))
            yield Static(
                Content.styled(
                    "Enter removes the highlighted one; Esc keeps everyone.", "$text-muted"
                )
            )
            yield OptionList(
                *(
                    Option(
                        safetext.assemble(
                            safetext.line(p.name),
                            (f"  {p.score:,} points", "$text-muted"),
                            ("" if p.connected else "  (away)", "$text-muted"),
                        ),
                        id=str(p.id),
                    )
                    for p in players
                ),
                id="kick-players",
            )
            if not players:
                yield Static("Nobody is left to kick.", id="kick-empty")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#kick-players")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id) if event.option.id is not None else None)
