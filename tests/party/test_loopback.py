"""A host and players in one process over loopback (127.0.0.1, a port the OS picks), with a fake
clock: a whole game to the podium, a drop and a rejoin, bad frames, wrong PINs, a kick."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

import pytest

from quizgame.core.party.messages import (
    Ack,
    Bye,
    Error,
    HostMessage,
    Lobby,
    Over,
    Paused,
    Question,
    Reveal,
)
from quizgame.core.party.room import Room
from quizgame.net.client import JoinRefused, PartyClient
from quizgame.net.server import PartyServer
from tests.clocks import FakeClock
from tests.party.helpers import PIN, all_types, make_room, right, wrong

M = TypeVar("M", bound=HostMessage)
TIMEOUT = 5.0  # seconds: no await in these tests waits longer


@pytest.fixture
async def served(clock: FakeClock) -> AsyncIterator[PartyServer]:
    server = PartyServer(make_room(clock, pack=all_types(), count=6))
    await server.start(run_clock=False)
    try:
        yield server
    finally:
        await asyncio.wait_for(server.close(), TIMEOUT)


async def joined(server: PartyServer, name: str, token: str | None = None) -> PartyClient:
    client = PartyClient(f"127.0.0.1:{server.port}", PIN, name, token)
    await asyncio.wait_for(client.join(), TIMEOUT)
    return client


async def until(condition: Callable[[], bool]) -> None:
    """Wait (on the event loop, bounded by TIMEOUT) until the server has seen something."""
    async with asyncio.timeout(TIMEOUT):
        while not condition():
            await asyncio.sleep(0.005)


async def expect(client: PartyClient, kind: type[M]) -> M:
    """The next message of `kind`, skipping lobby updates, acks and pauses."""
    while True:
        message = await client.next_message(TIMEOUT)
        if isinstance(message, kind):
            return message
        assert isinstance(message, Lobby | Ack | Paused), message


async def test_three_players_play_a_whole_game_to_the_podium(
    served: PartyServer, clock: FakeClock
) -> None:
    room: Room = served.room
    ana, bo, cy = [await joined(served, name) for name in ("Ana", "Bo", "Cy")]
    lobby = await expect(cy, Lobby)
    assert lobby.players == ["Ana", "Bo", "Cy"]
    served.start_game()
    for number in range(1, room.total + 1):
        questions = [await expect(c, Question) for c in (ana, bo, cy)]
        assert {q.round for q in questions} == {number}
        round_ = room.current
        clock.advance(1.0)
        await ana.answer(number, right(round_))
        assert (await expect(ana, Ack)).seconds == 1.0
        await bo.answer(number, wrong(round_))
        await expect(bo, Ack)
        if number % 2:  # Cy answers every other question; the rest time out
            await cy.answer(number, right(round_))
            await expect(cy, Ack)
        else:
            clock.advance(20.0)
            assert served.tick()
        reveals = [await expect(c, Reveal) for c in (ana, bo, cy)]
        assert reveals[0].verdict == "correct" and reveals[0].rank == 1
        assert reveals[2].verdict == ("correct" if number % 2 else "timed_out")
        assert sum(row.count for row in reveals[0].split) == 3
        served.advance()
    podium = [await expect(c, Over) for c in (ana, bo, cy)]
    standings = podium[0].standings
    assert [s.name for s in standings] == ["Ana", "Cy", "Bo"]
    assert standings[0].correct == 6 and standings[0].best_streak == 6
    assert standings[1].correct == 3 and standings[2].correct == 0
    for client in (ana, bo, cy):
        await client.close()


async def test_a_dropped_player_rejoins_with_the_token_and_keeps_the_score(
    served: PartyServer, clock: FakeClock
) -> None:
    room = served.room
    ana = await joined(served, "Ana")
    bo = await joined(served, "Bo")
    served.start_game()
    await expect(ana, Question)
    await expect(bo, Question)
    await ana.answer(1, right(room.current))
    await expect(ana, Ack)
    await ana.drop()
    await until(lambda: not room.players[1].connected)
    await bo.answer(1, right(room.current))  # Ana is away: Bo alone closes the question
    await expect(bo, Reveal)
    served.advance()
    await expect(bo, Question)
    score = room.players[1].score
    assert score > 0
    again = await joined(served, "someone else", ana.token)
    assert again.welcome is not None and again.welcome.name == "Ana"
    question = await expect(again, Question)  # caught up with the open question
    assert question.round == 2 and not question.answered
    clock.advance(30.0)
    served.tick()
    reveal = await expect(again, Reveal)
    assert reveal.score == score and reveal.verdict == "timed_out"
    await again.close()
    await bo.close()


async def test_bad_frames_get_an_error_frame_and_the_connection_stays(
    served: PartyServer,
) -> None:
    ana = await joined(served, "Ana")
    served.start_game()
    await expect(ana, Question)
    frames: list[Any] = [
        b"not json",
        '{"type": "answer", "round": "one", "given": "x"}',
        '{"type": "join", "pin": "123456", "name": "Ana"}',
        '{"type": "answer", "round": 9, "given": "x"}',
        '{"type": "answer", "round": 1, "given": ["not", "a", "choice"]}',
    ]
    codes = []
    for frame in frames:
        await ana.send_raw(frame)
        codes.append((await expect(ana, Error)).code)
    assert codes == ["bad_message", "bad_message", "joined", "not_open", "bad_answer"]
    await ana.answer(1, right(served.room.current))
    await expect(ana, Ack)
    await ana.close()


async def test_frames_over_the_size_limit_close_only_that_connection(
    served: PartyServer,
) -> None:
    ana = await joined(served, "Ana")
    bo = await joined(served, "Bo")
    await ana.send_raw("x" * 100_000)
    while (message := await ana.next_message(TIMEOUT)) is not None:  # closed: 1009, too big
        assert isinstance(message, Lobby)
    served.start_game()
    assert (await expect(bo, Question)).round == 1
    await bo.close()


async def test_wrong_pins_are_refused_then_limited(served: PartyServer) -> None:
    codes = []
    for _ in range(6):
        client = PartyClient(f"127.0.0.1:{served.port}", "000000", "Mallory")
        with pytest.raises(JoinRefused) as refused:
            await asyncio.wait_for(client.join(), TIMEOUT)
        codes.append(refused.value.code)
    assert codes == ["bad_pin"] * 5 + ["rate_limited"]


async def test_the_host_pauses_and_kicks(served: PartyServer) -> None:
    ana = await joined(served, "Ana")
    bo = await joined(served, "Bo")
    served.start_game()
    await expect(ana, Question)
    await expect(bo, Question)
    served.pause(True)
    assert (await expect(ana, Paused)).paused
    served.kick(2)
    assert (await expect(bo, Bye)).reason == "kicked"
    with pytest.raises(JoinRefused) as refused:
        await joined(served, "Bo", bo.token)
    assert refused.value.code == "kicked"
    served.pause(False)
    assert not (await expect(ana, Paused)).paused
    await ana.close()
    await bo.close()
