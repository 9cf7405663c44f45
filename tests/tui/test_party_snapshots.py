"""Snapshots at 80x24 of the party game: the host's lobby, question, split and podium, and the
player's question and podium. Fake clocks; players join over loopback (127.0.0.1, a port the OS
picks; the lobby shows a fixed one so that the picture does not move)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

from quizgame.core.party.messages import Over, Question, Standing
from quizgame.core.party.room import Phase
from quizgame.net.client import PartyClient
from quizgame.net.server import PartyServer
from quizgame.tui.party_host import HostApp
from quizgame.tui.party_player import PlayerApp
from quizgame.tui.screens.party_board import PodiumScreen
from quizgame.tui.screens.party_host import HostQuestionScreen, LobbyScreen, RevealScreen
from quizgame.tui.screens.party_player import PlayerQuestionScreen
from tests.clocks import FakeClock
from tests.party.helpers import right, wrong
from tests.tui.party_helpers import hosted, join, until

SnapCompare = Callable[..., bool]
SIZE = (80, 24)
NAMES = ("Ana", "Janis", "Arturo", "[b]Teresa")


def host_app(clock: FakeClock) -> tuple[HostApp, PartyServer]:
    server = hosted(clock, seed=4)  # a multiple-choice question first
    app = HostApp(server, join_port=8765, web_url="http://127.0.0.1:8766/", run_clock=False)
    return app, server


def steps(
    server: PartyServer, phase: Phase, clock: FakeClock
) -> Callable[[Pilot[None]], Awaitable[None]]:
    """A `run_before`: players join, and the game goes on until the room is in `phase`."""

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        clients = await join(server, *NAMES)
        await until(pilot, lambda: isinstance(app.screen, LobbyScreen))
        await until(pilot, lambda: all(p.connected for p in server.room.players.values()))
        if phase is not Phase.LOBBY:
            await pilot.press("s")
            await until(pilot, lambda: isinstance(app.screen, HostQuestionScreen))
            round_ = server.room.current
            for n, client in enumerate(clients[:3]):
                clock.advance(1.5)
                await client.answer(1, right(round_) if n != 1 else wrong(round_))
                await until(pilot, lambda: server.room.answered_count() == n + 1)  # noqa: B023
        if phase in (Phase.REVEAL, Phase.OVER):
            await pilot.press("n")
            await until(pilot, lambda: isinstance(app.screen, RevealScreen))
        if phase is Phase.OVER:
            await pilot.press("e")
            await until(pilot, lambda: isinstance(app.screen, PodiumScreen))
        await pilot.pause()

    return run_before


def test_host_lobby(snap_compare: SnapCompare, clock: FakeClock) -> None:
    app, server = host_app(clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(server, Phase.LOBBY, clock))


def test_host_question(snap_compare: SnapCompare, clock: FakeClock) -> None:
    app, server = host_app(clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(server, Phase.QUESTION, clock))


def test_host_split(snap_compare: SnapCompare, clock: FakeClock) -> None:
    app, server = host_app(clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(server, Phase.REVEAL, clock))


def test_host_podium(snap_compare: SnapCompare, clock: FakeClock) -> None:
    app, server = host_app(clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(server, Phase.OVER, clock))


QUESTION = Question(
    round=2,
    total=10,
    kind="multiple_choice",
    text="Which planet is known as the Red Planet? [b]not markup[/b]",
    time_limit=20.0,
    points=200,
    choices=["Venus", "Mars", "Jupiter", "Mercury"],
)
STANDINGS = [
    Standing(1, "Ana", 1840, 8, 10, 6),
    Standing(2, "Janis", 1525, 7, 10, 4),
    Standing(3, "Arturo", 990, 5, 9, 2),
    Standing(4, "[b]Teresa", 420, 2, 10, 1),
]


def player_app(clock: FakeClock) -> PlayerApp:
    """A player's app that has not joined (no name yet): the test hands it the host's messages."""
    return PlayerApp(PartyClient("127.0.0.1:8765", "123456", ""), clock=clock)


def test_player_question(snap_compare: SnapCompare, clock: FakeClock) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, PlayerApp)
        app.handle(QUESTION)
        await until(pilot, lambda: isinstance(app.screen, PlayerQuestionScreen))
        clock.advance(6.0)
        await pilot.pause()

    assert snap_compare(player_app(clock), terminal_size=SIZE, run_before=run_before)


def test_player_podium(snap_compare: SnapCompare, clock: FakeClock) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, PlayerApp)
        app.client.name = "Janis"
        app.handle(Over(STANDINGS))
        await until(pilot, lambda: isinstance(app.screen, PodiumScreen))
        await pilot.pause()

    assert snap_compare(player_app(clock), terminal_size=SIZE, run_before=run_before)
