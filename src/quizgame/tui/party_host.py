"""HostApp: the host's terminal in a party game, and the one navigator between its screens.

It starts the `PartyServer` in its own event loop (Textual's), shows the screen for the room's
phase (lobby, question, reveal, podium) and redraws it whenever the server says something
changed. The rules are the room's (`quizgame.core.party.room`); the screens call the server's
controls.
"""

from __future__ import annotations

import contextlib

from textual.css.query import NoMatches
from textual.screen import Screen

from quizgame.core.party.room import Phase
from quizgame.net.server import PartyServer
from quizgame.tui.party_base import PartyApp
from quizgame.tui.screens.party_board import PodiumScreen
from quizgame.tui.screens.party_host import (
    HostQuestionScreen,
    HostScreen,
    LobbyScreen,
    RevealScreen,
)
from quizgame.tui.screens.party_kick import KickScreen

REDRAW_SECONDS = 0.1  # the countdown's redraw


class HostApp(PartyApp):
    """Hosts `server`'s room. `join_host` (and `join_port`, by default the server's) is the
    address players are told to join at; `web_url` (with `--web`) is shown with its QR code.
    `run_clock` False: tests tick the server by hand."""

    def __init__(
        self,
        server: PartyServer,
        *,
        join_host: str = "127.0.0.1",
        join_port: int | None = None,
        web_url: str | None = None,
        run_clock: bool = True,
    ) -> None:
        super().__init__()
        self.server = server
        self.join_host = join_host
        self.join_port = join_port
        self.web_url = web_url
        self.run_clock = run_clock
        self._shown: tuple[Phase, int] | None = None
        self._sync_due = False
        server.changed = self._changed

    async def on_mount(self) -> None:
        await self.server.start(run_clock=self.run_clock)
        self.sync()
        self.set_interval(REDRAW_SECONDS, self.sync)

    async def on_unmount(self) -> None:
        await self.server.close()

    def _changed(self) -> None:
        # A burst of answers (a thousand players) asks once for a redraw, not once an answer.
        if not self._sync_due:
            self._sync_due = True
            self.call_later(self.sync)

    def sync(self) -> None:
        """Show the screen for the room's phase, or redraw the one shown."""
        self._sync_due = False
        if not self.screen_stack:  # closing: the clock or a player's frame came after the screens
            return
        room = self.server.room
        key = (room.phase, room.current.number if room.phase is not Phase.LOBBY else 0)
        if key == self._shown:
            if isinstance(self.screen, HostScreen):
                with contextlib.suppress(NoMatches):  # not composed yet: it draws on mounting
                    self.screen.refresh_view()
            return
        self._shown = key
        screen: Screen[None]
        if room.phase is Phase.LOBBY:
            address = f"{self.join_host}:{self.join_port or self.server.port}"
            screen = LobbyScreen(self.server, join_address=address, web_url=self.web_url)
        elif room.phase is Phase.QUESTION:
            screen = HostQuestionScreen(self.server)
        elif room.phase is Phase.REVEAL:
            screen = RevealScreen(self.server)
        else:
            screen = PodiumScreen(room.standings(), note="Press q to close the room.")
        if isinstance(self.screen, KickScreen):  # the phase moved on under the kick box
            self.pop_screen()
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
