"""The host writes the answers of one turn of its loop in one commit, and acknowledges an answer
only once the score history has it: an `ack` the player saw survives the host being killed."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from quizgame.core.party.log import PartyLog, load_game
from quizgame.core.party.messages import Ack, Error, Over, Question, Reveal
from quizgame.core.party.players import Player, PlayerAnswer
from quizgame.core.party.room import Phase
from quizgame.core.scores.database import StoreError
from quizgame.net.client import PartyClient
from quizgame.net.server import PartyServer
from tests.clocks import FakeClock
from tests.party.helpers import PIN, make_room, right

TIMEOUT = 5.0


async def _next(client: PartyClient, kind: type) -> object:
    while not isinstance(message := await client.next_message(TIMEOUT), kind):
        assert not isinstance(message, Error), message
    return message


async def test_an_acknowledged_answer_is_in_the_history_already(
    tmp_path: Path, clock: FakeClock
) -> None:
    log = PartyLog(tmp_path / "scores.db")
    room = make_room(clock)
    log.start_game(room, "test")
    server = PartyServer(room)
    await server.start(run_clock=False)
    try:
        players = [PartyClient(f"127.0.0.1:{server.port}", PIN, n) for n in ("Ana", "Bo", "Cy")]
        await asyncio.gather(*(p.join() for p in players))
        server.start_game()
        for p in players:
            await _next(p, Question)
        clock.advance(1.0)
        await asyncio.gather(*(p.answer(1, right(room.current)) for p in players[:2]))
        for p in players[:2]:
            await _next(p, Ack)
        # another connection, as a resumed host would read it: both answers are there
        saved = load_game(sqlite3.connect(tmp_path / "scores.db"))
        assert saved is not None
        assert sorted(player for player, _answer in saved.answers) == [1, 2]
        for p in players:
            await p.close()
    finally:
        await server.close()
        log.close()


class _FullDisk:
    """A score history that takes answers but cannot write them."""

    def player_joined(self, player: Player) -> None: ...
    def round_opened(self, number: int) -> None: ...
    def answered(self, player: Player, answer: PlayerAnswer) -> None: ...
    def timed_out(self, records: list[tuple[Player, PlayerAnswer]]) -> None: ...
    def game_over(self, standings: object) -> None: ...

    def flush(self) -> None:
        raise StoreError("scores.db: the disk is full")


async def test_an_answer_the_history_cannot_keep_is_said_not_acknowledged(
    clock: FakeClock,
) -> None:
    server = PartyServer(make_room(clock, log=_FullDisk()))
    await server.start(run_clock=False)
    try:
        ana = PartyClient(f"127.0.0.1:{server.port}", PIN, "Ana")
        await ana.join()
        server.start_game()
        await _next(ana, Question)
        await ana.answer(1, right(server.room.current))
        while not isinstance(message := await ana.next_message(TIMEOUT), Error):
            assert not isinstance(message, Ack)
        assert message.code == "not_kept"
        await ana.close()
    finally:
        await server.close()


def test_answers_a_failed_write_could_not_keep_stay_for_the_next_write(
    tmp_path: Path, clock: FakeClock
) -> None:
    """A commit that fails (here: the database refuses writes) drops nothing: the answers are
    written by the next flush, so no later `ack` stands for an answer the history lacks."""
    log = PartyLog(tmp_path / "scores.db")
    room = make_room(clock)
    log.start_game(room, "test")
    ana, bo = (room.join(PIN, name)[0] for name in ("Ana", "Bo"))
    room.start()
    clock.advance(1.0)
    room.answer(ana.id, 1, right(room.current), log_now=False)
    log._conn.execute("PRAGMA query_only = ON")  # every write fails from here
    try:
        log.flush()
    except StoreError:
        pass
    else:
        raise AssertionError("a write to a read-only database went through")
    try:
        room.close_question()  # Bo timed out: that write fails too
    except StoreError:
        pass
    else:
        raise AssertionError("a write to a read-only database went through")
    log._conn.execute("PRAGMA query_only = OFF")
    log.flush()
    saved = load_game(sqlite3.connect(tmp_path / "scores.db"))
    assert saved is not None
    assert sorted((player, answer.verdict) for player, answer in saved.answers) == [
        (ana.id, "correct"),
        (bo.id, "timed_out"),
    ]
    log.close()


class _BrokenHistory(_FullDisk):
    """A score history that takes players but can write nothing of the game."""

    def round_opened(self, number: int) -> None:
        raise StoreError("scores.db: the disk is full")

    def timed_out(self, records: list[tuple[Player, PlayerAnswer]]) -> None:
        raise StoreError("scores.db: the disk is full")

    def game_over(self, standings: object) -> None:
        raise StoreError("scores.db: the disk is full")


async def test_every_host_control_goes_on_when_the_history_cannot_follow(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    """Start, skip, advance, end and the clock: none raises a StoreError into the host's
    screen; the player is shown each step, and each failed write is logged."""
    server = PartyServer(make_room(clock, log=_BrokenHistory(), count=3))
    await server.start(run_clock=False)
    try:
        ana = PartyClient(f"127.0.0.1:{server.port}", PIN, "Ana")
        await ana.join()
        room = server.room
        server.start_game()  # the first question's opening is not written
        assert (await _next(ana, Question)).round == 1  # type: ignore[attr-defined]
        server.skip()  # Ana's time-out is not written
        assert room.phase is Phase.REVEAL
        assert (await _next(ana, Reveal)).round == 1  # type: ignore[attr-defined]
        server.advance()
        assert (await _next(ana, Question)).round == 2  # type: ignore[attr-defined]
        clock.advance(60.0)
        assert server.tick()  # time up: revealed though the time-out is not written
        await _next(ana, Reveal)
        server.advance()
        await _next(ana, Question)
        server.end()  # nor the time-out, nor the podium
        assert room.phase is Phase.OVER  # type: ignore[comparison-overlap]  # mypy keeps REVEAL
        await _next(ana, Over)
        await ana.close()
    finally:
        await server.close()
    failed = [r for r in caplog.records if "could not follow" in r.getMessage()]
    assert len(failed) == 6
