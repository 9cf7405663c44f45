"""The party game's screens driven with Pilot: the host's app with players on loopback, and a
player's app against a served room. Clocks are fake; the network is 127.0.0.1 only."""

from __future__ import annotations

import asyncio
import socket

import pytest
from textual.app import App
from textual.widgets import Input, Static

from quizgame.core.party.messages import Bye, Over, Question
from quizgame.core.party.room import Phase
from quizgame.net.client import PartyClient
from quizgame.tui.party_host import HostApp
from quizgame.tui.party_hotseat import HotSeatApp
from quizgame.tui.party_player import PlayerApp
from quizgame.tui.screens.party_board import PodiumScreen
from quizgame.tui.screens.party_host import HostQuestionScreen, LobbyScreen, RevealScreen
from quizgame.tui.screens.party_player import NameScreen, PlayerQuestionScreen, WordsScreen
from tests.clocks import FakeClock
from tests.party.helpers import PIN, make_room, right
from tests.tui.party_helpers import hosted, join, until


def words(app: PlayerApp) -> str:
    """What the player's page of words says now ('' on another screen)."""
    if not isinstance(app.screen, WordsScreen) or not app.screen.is_mounted:
        return ""
    bodies = app.screen.query("#party-body")  # none until the screen is composed
    return str(bodies.first(Static).render()) if bodies else ""


async def test_the_host_runs_a_game_from_the_lobby_to_the_podium(clock: FakeClock) -> None:
    server = hosted(clock)
    app = HostApp(server, run_clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LobbyScreen))
        await pilot.press("s")  # nobody yet: refused, and the lobby says why until someone joins
        assert server.room.phase is Phase.LOBBY
        count = app.screen.query_one("#player-count", Static)
        assert "Cannot start: nobody has joined yet" in str(count.render())
        assert any("nobody has joined yet" in n.message for n in app._notifications)
        ana, bo, cy = await join(server, "Ana", "Bo", "[red]Cy")
        await until(
            pilot,
            lambda: "3 players" in str(app.screen.query_one("#player-count", Static).render()),
        )
        assert "Cannot start" not in str(count.render())
        await pilot.press("down", "down", "k")  # kick the highlighted one: Cy
        await until(pilot, lambda: len(server.room.active()) == 2)
        await pilot.press("s")
        for number in range(1, server.room.total + 1):
            await until(pilot, lambda: isinstance(app.screen, HostQuestionScreen))
            await ana.answer(number, right(server.room.current))
            await until(
                pilot,
                lambda: (
                    "1 of 2 answered" in str(app.screen.query_one("#answered", Static).render())
                ),
            )
            await pilot.press("n")  # reveal now: Bo has not answered
            await until(pilot, lambda: isinstance(app.screen, RevealScreen))
            await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, PodiumScreen))
        standings = server.room.standings()
        assert [s.name for s in standings] == ["Ana", "Bo"]
        for client in (ana, bo, cy):
            await client.close()


async def test_a_player_answers_sees_the_result_and_reaches_the_podium(clock: FakeClock) -> None:
    server = hosted(clock, count=2)
    await server.start(run_clock=False)
    try:
        app = PlayerApp(PartyClient(f"127.0.0.1:{server.port}", PIN, ""), clock=clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, NameScreen))
            app.screen.query_one(Input).value = "Ana"
            await pilot.press("enter")
            await until(pilot, lambda: len(server.room.players) == 1)
            (bo,) = await join(server, "Bo")
            server.start_game()
            for number in (1, 2):
                await until(pilot, lambda: isinstance(app.screen, PlayerQuestionScreen))
                screen = app.screen
                assert isinstance(screen, PlayerQuestionScreen)
                await pilot.press("1")  # a choice, or a "1" typed into the answer box
                await pilot.press("enter")
                ana = server.room.players[1]
                await until(pilot, lambda: len(ana.answers) == number)  # noqa: B023
                server.skip()
                await until(pilot, lambda: "The answer:" in words(app))
                assert "rank" in words(app)
                message = await bo.next_message()
                while not isinstance(message, Question | Over):
                    message = await bo.next_message()
                server.advance()
            await until(pilot, lambda: isinstance(app.screen, PodiumScreen))
            await bo.close()
    finally:
        await server.close()


async def test_hot_seat_takes_turns_then_shows_the_board_and_the_podium(clock: FakeClock) -> None:
    room = make_room(clock, count=2)  # multiple choice: key 1 answers
    for name in ("Ana", "Janis"):
        room.join(PIN, name)
    app = HotSeatApp(room, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for number in (1, 2):
            for player in (1, 2):
                await until(pilot, lambda: app.stage == "pass")
                assert room.players[player].name in words_title(app)
                await pilot.press("enter")
                await until(pilot, lambda: isinstance(app.screen, PlayerQuestionScreen))
                clock.advance(1.0)
                if player == 1:
                    choices = room.current.choices
                    await pilot.press(str(choices.index(right(room.current)) + 1))
                else:
                    clock.advance(30.0)  # Janis lets the clock run out
            await until(pilot, lambda: app.stage == "board")
            assert "Answer:" in words_title(app)
            assert len(room.players[2].answers) == number
            assert shown_actions(app) >= {"go_on"}  # Enter goes on from the board
            await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PodiumScreen))
        await pilot.pause()
        assert "go_on" not in shown_actions(app)  # the podium offers only what it does (q)
        assert "app.quit" in shown_actions(app)
    assert [s.name for s in room.standings()] == ["Ana", "Janis"]
    assert room.players[2].answers[1].verdict == "timed_out"


def shown_actions(app: App[None]) -> set[str]:
    """The actions of the key bindings the footer shows now."""
    return {b.binding.action for b in app.screen.active_bindings.values() if b.binding.show}


def words_title(app: HotSeatApp) -> str:
    if not isinstance(app.screen, WordsScreen):
        return ""
    return str(app.screen.query_one("#party-title", Static).render())


async def test_the_podium_stays_when_the_host_closes_the_room(clock: FakeClock) -> None:
    app = PlayerApp(PartyClient("127.0.0.1:9", PIN, ""), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.handle(Over([]))
        await until(pilot, lambda: isinstance(app.screen, PodiumScreen))
        app.handle(Bye("ended"))
        await pilot.pause()
        assert isinstance(app.screen, PodiumScreen)
        app.handle(Bye("kicked"))  # any other goodbye is said
        await until(pilot, lambda: "removed you" in words(app))


def _closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on (the OS chose it, then it was closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


async def test_a_host_that_is_not_there_is_said_at_once_not_joining_forever() -> None:
    port = _closed_port()
    app = PlayerApp(PartyClient(f"127.0.0.1:{port}", PIN, "Cy"))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "no quiz at" in words(app))
        assert words(app) == f"no quiz at 127.0.0.1:{port} (connection refused)"
    # `quizgame join` in a terminal leaves with that one line and status 1.
    leaving = PlayerApp(PartyClient(f"127.0.0.1:{port}", PIN, "Cy"), leave_when_unreachable=True)
    async with leaving.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: leaving.return_code is not None)
    assert leaving.return_code == 1
    assert leaving.failure == f"no quiz at 127.0.0.1:{port} (connection refused)"


async def test_the_first_connection_is_bounded_in_time() -> None:
    # Something listens but never answers the handshake: the join gives up after the limit.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        client = PartyClient(f"127.0.0.1:{silent.getsockname()[1]}", PIN, "Cy", connect_timeout=0.2)
        with pytest.raises(TimeoutError) as raised:
            await asyncio.wait_for(client.join(), 5.0)
        assert client.unreachable(raised.value).endswith("(no answer in 0.2 s)")


async def test_the_lobby_says_when_only_this_computer_can_join(clock: FakeClock) -> None:
    server = hosted(clock)
    app = HostApp(server, run_clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LobbyScreen))
        server.host = "0.0.0.0"  # as `--bind 0.0.0.0` says (the test still listens on loopback)
        for address, expected in (
            ("192.168.1.20:8765", "not only this computer"),
            ("127.0.0.1:8765", "only it can join"),
        ):
            lobby = LobbyScreen(server, join_address=address)
            await app.push_screen(lobby)
            await until(pilot, lambda: bool(lobby.query("#bind-warning")))  # noqa: B023
            assert expected in str(lobby.query_one("#bind-warning", Static).render())
            app.pop_screen()


async def test_start_waits_while_every_player_is_away(clock: FakeClock) -> None:
    server = hosted(clock)
    app = HostApp(server, run_clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        (ana,) = await join(server, "Ana")
        await ana.drop()  # her connection went: she may rejoin with her token
        await until(pilot, lambda: not server.room.players[1].connected)
        await pilot.press("s")
        assert server.room.phase is Phase.LOBBY
        count = app.screen.query_one("#player-count", Static)
        assert "Cannot start: the one player is away" in str(count.render())
        await ana.rejoin()
        await until(pilot, lambda: "Cannot start" not in str(count.render()))
        await pilot.press("s")
        await until(pilot, lambda: server.room.phase is Phase.QUESTION)
        await ana.close()
