"""The host's screens in a party game: the lobby, the open question, and the reveal (the split
and the top five). The podium is `party_board.PodiumScreen`.

Each gets the `PartyServer` (`quizgame.net.server`) and calls its controls; the host app
(`tui/party_host.py`) switches screens as the room's phase changes and asks the shown one to
`refresh_view` after anything changed. Player names and pack text go through `safetext`.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from quizgame.net.server import PartyServer
from quizgame.tui import safetext
from quizgame.tui.screens.party_board import split_bars, standings_table
from quizgame.tui.screens.party_kick import KickScreen
from quizgame.tui.widgets.countdown import CountdownBar
from quizgame.tui.widgets.qr import qr_lines

LOOPBACK = ("127.0.0.1", "localhost", "::1")


class HostScreen(Screen[None]):
    """A host's screen: it shows the server's room, and redraws on `refresh_view`."""

    def __init__(self, server: PartyServer) -> None:
        super().__init__()
        self.server = server
        self.room = server.room

    def refresh_view(self) -> None:
        """Redraw from the room (called after every change and on the app's clock)."""

    def action_kick(self) -> None:
        """Pick a player in a box over this screen; the one picked leaves the game."""

        def picked(player_id: int | None) -> None:
            if player_id is not None:
                self.server.kick(player_id)
                name = self.room.players[player_id].name
                self.notify(safetext.clean_line(f"{name} is out of the game."), markup=False)

        self.app.push_screen(KickScreen(self.room), picked)


class LobbyScreen(HostScreen):
    """The room's PIN, how to join (the command, and the web URL with its QR code), the players
    as they come in; s starts, k kicks the highlighted player."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "start", "Start"),
        Binding("k", "kick", "Kick player"),
        Binding("q", "app.quit", "End and quit"),
    ]

    def __init__(
        self, server: PartyServer, *, join_address: str, web_url: str | None = None
    ) -> None:
        super().__init__(server)
        self.join_address = join_address
        self.web_url = web_url
        self.refused = ""  # why `s` could not start, said until someone is here

    def compose(self) -> ComposeResult:
        room = self.room
        resumed = any(p.answers for p in room.players.values())
        with Horizontal(id="lobby"):
            with Vertical(id="lobby-info"):
                yield Static(
                    safetext.assemble(
                        ("Room PIN  ", "bold"),
                        (" ".join(room.pin), "bold reverse $accent"),
                        ("  (resumed: players rejoin with their tokens)" if resumed else "", ""),
                    ),
                    id="pin",
                )
                yield Static(
                    safetext.assemble(
                        ("Join from a terminal:\n", "$text-muted"),
                        f"quizgame join {self.join_address} --pin {room.pin}",
                    ),
                    id="join-command",
                )
                if self.web_url:
                    yield Static(
                        safetext.assemble(("Or in a browser:\n", "$text-muted"), self.web_url),
                        id="web-url",
                    )
                if self.server.host not in LOOPBACK:
                    alone = self.join_address.startswith("127.")
                    yield Static(
                        safetext.assemble(
                            ("Open to the network: ", "bold $text-warning"),
                            f"listening on {self.server.host}, not only this computer."
                            if not alone
                            else f"listening on {self.server.host}, but this computer has no "
                            "network address besides 127.0.0.1: only it can join.",
                        ),
                        id="bind-warning",
                    )
                yield Static(id="player-count")
                yield OptionList(id="players")
            if self.web_url:
                yield Static("\n".join(qr_lines(self.web_url)), id="qr", markup=False)
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        players = self.room.active()
        count = len(players)
        if self.refused and any(p.connected for p in players):
            self.refused = ""
        line = Content.from_markup(
            "[b]$n[/b] $players in the room. Press [b]s[/b] to start.",
            n=count,
            players="player" if count == 1 else "players",
        )
        if self.refused:
            line = Content.assemble(line, "\n", Content.styled(self.refused, "bold $text-warning"))
        self.query_one("#player-count", Static).update(line)
        box = self.query_one("#players", OptionList)
        highlighted = box.highlighted
        box.set_options(
            Option(
                safetext.assemble(
                    safetext.line(p.name), ("" if p.connected else "  (away)", "$text-muted")
                ),
                id=str(p.id),
            )
            for p in players
        )
        if players:
            box.highlighted = min(highlighted or 0, count - 1)

    def action_start(self) -> None:
        players = self.room.active()
        if any(p.connected for p in players):
            self.server.start_game()
            return
        away = len(players)
        self.refused = (
            f"Cannot start: {'the one player is' if away == 1 else f'all {away} players are'} "
            "away; it starts once one has rejoined."
            if away
            else "Cannot start: nobody has joined yet. Players join with the command above."
        )
        self.notify(self.refused, severity="warning")
        self.refresh_view()

    def action_kick(self) -> None:
        box = self.query_one("#players", OptionList)
        if box.highlighted is None or not box.option_count:
            return
        option = box.get_option_at_index(box.highlighted)
        if option.id is not None:
            self.server.kick(int(option.id))


class HostQuestionScreen(HostScreen):
    """The open question, its choices, the countdown and how many have answered."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "pause", "Pause"),
        Binding("n", "skip", "Reveal now"),
        Binding("k", "kick", "Kick player"),
        Binding("e", "end", "End game"),
    ]

    def compose(self) -> ComposeResult:
        round_ = self.room.current
        question = round_.question
        yield Static(
            Content.from_markup(
                "Question [b]$n[/b] of $total  ·  $points points",
                n=round_.number,
                total=self.room.total,
                points=question.points,
            ),
            id="party-status",
        )
        yield CountdownBar(self.room, id="countdown")
        with Center(classes="column-center"), Vertical(classes="column party-box"):
            yield Static(safetext.literal(question.prompt), id="prompt")
            shown = round_.choices or round_.items or round_.lefts
            lines: list[safetext.Part] = []
            for n, text in enumerate(shown, 1):
                lines += [(f"{n}. ", "bold"), safetext.line(text), "\n"]
            if round_.rights:
                lines += [("\nto match with: ", "$text-muted"), ", ".join(round_.rights)]
            yield Static(safetext.assemble(*lines), id="party-choices")
            yield Static(id="answered")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        room = self.room
        players = len(room.active())
        text = f"{room.answered_count()} of {players} answered"
        if room.paused:
            text += "  ·  PAUSED: press p to go on"
        self.query_one("#answered", Static).update(Content.styled(text, "bold"))
        self.query_one(CountdownBar).refresh_time()

    def action_pause(self) -> None:
        self.server.pause(not self.room.paused)

    def action_skip(self) -> None:
        self.server.skip()

    def action_end(self) -> None:
        self.server.end()


class RevealScreen(HostScreen):
    """The right answer, how the answers split, and the top five with their moves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,enter", "next", "Next"),
        Binding("k", "kick", "Kick player"),
        Binding("e", "end", "End game"),
    ]

    def compose(self) -> ComposeResult:
        room = self.room
        round_ = room.current
        last = round_.number == room.total
        yield Static(
            Content.from_markup(
                "Question [b]$n[/b] of $total  ·  $what",
                n=round_.number,
                total=room.total,
                what="press n for the podium" if last else "press n for the next question",
            ),
            id="party-status",
        )
        with Center(classes="column-center"), Vertical(classes="column party-box"):
            yield Static(safetext.literal(round_.question.prompt), id="prompt")
            yield Static(
                safetext.assemble(("Answer: ", "bold"), (room.answer_text(), "bold $text-success")),
                id="party-answer",
            )
            yield Static(split_bars(room.split()), id="split")
            yield Static(Content.styled("Top five", "bold underline"), classes="party-heading")
            yield Static(standings_table(room.standings(5), moves=True), id="top")
        yield Footer(show_command_palette=False)

    def action_next(self) -> None:
        self.server.advance()

    def action_end(self) -> None:
        self.server.end()
