"""The host kicks a player during the game (not only in the lobby), from a box over the question
or the reveal; the kicked player's screen says so. Pilot, fake clocks, loopback only."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from quizgame.core.party.messages import Bye
from quizgame.core.party.room import Phase
from quizgame.net.client import PartyClient
from quizgame.tui.party_host import HostApp
from quizgame.tui.party_player import PlayerApp
from quizgame.tui.screens.party_host import HostQuestionScreen, RevealScreen
from quizgame.tui.screens.party_kick import KickScreen
from quizgame.tui.screens.party_player import PlayerQuestionScreen, WordsScreen
from tests.clocks import FakeClock
from tests.party.helpers import PIN, right
from tests.tui.party_helpers import TIMEOUT, hosted, join, until


async def test_the_host_kicks_a_player_during_a_question(clock: FakeClock) -> None:
    server = hosted(clock)
    app = HostApp(server, run_clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        ana, bo, cy = await join(server, "Ana", "Bo", "Cy")
        await until(pilot, lambda: all(p.connected for p in server.room.players.values()))
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, HostQuestionScreen))
        await ana.answer(1, right(server.room.current))
        await cy.answer(1, right(server.room.current))
        await until(pilot, lambda: server.room.answered_count() == 2)
        await pilot.press("k")
        await until(pilot, lambda: isinstance(app.screen, KickScreen))
        box = app.screen.query_one(OptionList)
        assert str(box.get_option_at_index(1).prompt).startswith("Bo")
        await pilot.press("down", "enter")  # Bo, who has not answered
        # Bo is told, and the question no longer waits for him: everyone left has answered
        bye = await _next_bye(bo)
        assert bye.reason == "kicked"
        await until(pilot, lambda: isinstance(app.screen, RevealScreen))
        assert [p.name for p in server.room.active()] == ["Ana", "Cy"]
        assert [s.name for s in server.room.standings()] == ["Ana", "Cy"]
        await pilot.press("k", "escape")  # the box again, on the reveal: Esc keeps everyone
        await until(pilot, lambda: isinstance(app.screen, RevealScreen))
        assert len(server.room.active()) == 2
        for client in (ana, bo, cy):
            await client.close()


async def _next_bye(client: PartyClient) -> Bye:
    while True:
        message = await client.next_message(TIMEOUT)
        if isinstance(message, Bye):
            return message


async def test_the_kick_box_goes_when_the_question_closes_under_it(clock: FakeClock) -> None:
    server = hosted(clock)
    app = HostApp(server, run_clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        (ana,) = await join(server, "Ana")
        await until(pilot, lambda: server.room.players[1].connected)
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, HostQuestionScreen))
        await pilot.press("k")
        await until(pilot, lambda: isinstance(app.screen, KickScreen))
        clock.advance(60.0)
        assert server.tick()  # the time ran out
        await until(pilot, lambda: isinstance(app.screen, RevealScreen))
        assert [type(s).__name__ for s in app.screen_stack[1:]] == ["RevealScreen"]
        await ana.close()


async def test_a_player_kicked_mid_question_is_told(clock: FakeClock) -> None:
    server = hosted(clock)
    await server.start(run_clock=False)
    try:
        app = PlayerApp(PartyClient(f"127.0.0.1:{server.port}", PIN, "Ana"), clock=clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: len(server.room.players) == 1)
            server.start_game()
            await until(pilot, lambda: isinstance(app.screen, PlayerQuestionScreen))
            server.kick(1)
            await until(
                pilot, lambda: isinstance(app.screen, WordsScreen) and "removed" in _said(app)
            )
            assert "The host removed you from the game." in _said(app)
            assert server.room.phase is Phase.QUESTION  # the game goes on without her
    finally:
        await server.close()


def _said(app: PlayerApp) -> str:
    bodies = app.screen.query("#party-body")
    return str(bodies.first(Static).render()) if bodies else ""


async def test_a_kicked_name_is_shown_literally_in_the_notice(clock: FakeClock) -> None:
    """Names are untrusted: "[/b]" in a toast is text, not markup that breaks the host's screen."""
    server = hosted(clock)
    app = HostApp(server, run_clock=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        ana, odd = await join(server, "Ana", "[/b][@click=quit]x")
        await until(pilot, lambda: all(p.connected for p in server.room.players.values()))
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, HostQuestionScreen))
        await pilot.press("k")
        await until(pilot, lambda: isinstance(app.screen, KickScreen))
        await pilot.press("down", "enter")
        await until(pilot, lambda: len(server.room.active()) == 1)
        await pilot.pause()
        notices = [n.message for n in app._notifications]
        assert notices == ["[/b][@click=quit]x is out of the game."]
        assert app.is_running
        for client in (ana, odd):
            await client.close()
