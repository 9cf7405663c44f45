"""The host's side: a WebSocket server that seats players in the `Room` and tells them the game.

Every frame a player sends is size-limited (`MAX_FRAME`, enforced by websockets) and checked
against the schema (`messages.decode_client`); a bad one is answered with an `Error` frame and
the connection stays open. A join must come first, within `JOIN_TIMEOUT` seconds; wrong PINs are
limited per address (`PinGuard`). Frames out go through the `Outbox` (`websockets.broadcast`, a
chunk at a time), which never waits on a slow player. The host's screen calls the controls
(`start_game`, `advance`, `skip`, `end`: `net/controls.py`; `pause`, `kick`) and `tick` (its
clock); `changed` is called after anything a screen would show has changed.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import Callable, Coroutine, Iterator
from typing import Any

import msgspec
from websockets.asyncio.server import Server, ServerConnection, broadcast, serve
from websockets.exceptions import ConnectionClosed

from quizgame.core.party.guard import PinGuard
from quizgame.core.party.messages import (
    LISTED,
    MAX_FRAME,
    VERSION,
    Ack,
    Answer,
    Bye,
    Error,
    Join,
    Leave,
    Lobby,
    Over,
    Paused,
    ProtocolError,
    Reveal,
    SplitRow,
    Standing,
    Welcome,
    decode_client,
    encode,
)
from quizgame.core.party.players import Player, RoomError
from quizgame.core.party.room import Phase, Room
from quizgame.core.party.views import TOP
from quizgame.core.scores.database import StoreError
from quizgame.net.controls import HostControls
from quizgame.net.loop import Turns
from quizgame.net.outbox import Outbox, Outgoing

JOIN_TIMEOUT = 10.0  # seconds a new connection has to send its `join`
LOBBY_DELAY = 0.2  # seconds: lobby changes within this are sent as one frame
FRAMES_IN = 4  # players' frames handled (judged, logged, acknowledged) in one turn
FLUSH_WAIT = 0.005  # seconds answers wait to be written (together) and acknowledged

TICK = 0.05  # seconds between the host clock's checks of the open question
NOT_KEPT = "the host could not keep your answer in its score history"

log = logging.getLogger(__name__)


class PartyServer(HostControls):
    """Serves one `Room` on `host:port` (port 0: one the OS picks; `port` holds it once started).

    `freeze_gc` (the host's process, not a test's): as each player joins and each question is
    asked and revealed, every object alive is moved out of the cyclic garbage collector's reach (`gc.freeze`). With a thousand
    players the collector otherwise stops the loop now and then to walk every connection's
    objects (5 to 20 ms, and 50 ms and more for a full collection; bench_party). What is frozen
    is still freed when nothing refers to it; only cycles among it wait for the process's end."""

    def __init__(
        self,
        room: Room,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        guard: PinGuard | None = None,
        changed: Callable[[], None] | None = None,
        freeze_gc: bool = False,
    ) -> None:
        self.room = room
        self.freeze_gc = freeze_gc
        self.host = host
        self.port = port
        self.guard = guard or PinGuard()
        self.changed = changed or (lambda: None)
        self.connections: dict[int, ServerConnection] = {}
        self._server: Server | None = None
        self._clock_task: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[None]] = set()  # closings under way, kept from the GC
        self._lobby_due: asyncio.TimerHandle | None = None
        # Frames out go through one queue, in order, a CHUNK at a time, so that a reveal to a
        # thousand players never holds the event loop for long; frames in take turns the same
        # way (`_turns`, FRAMES_IN a turn).
        self._outbox = Outbox()
        self._turns = Turns(FRAMES_IN)
        # Answers taken in the last FLUSH_WAIT seconds, acknowledged once the score history has
        # them (one commit for them all rather than one each: a burst of a thousand answers
        # spent a quarter of the host's time committing, bench_party).
        self._acks: list[tuple[ServerConnection, str]] = []
        self._flush_due = False

    # --- running -----------------------------------------------------------------------------

    async def start(self, *, run_clock: bool = True) -> None:
        """Listen; with `run_clock`, close each question when its time is up (tests tick by hand)."""
        # No permessage-deflate: frames are a few hundred bytes, and compressing each one once
        # per player (a context per connection) cost more than sending it (bench_party).
        self._server = await serve(
            self._serve, self.host, self.port, max_size=MAX_FRAME, compression=None, logger=log
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._outbox.start()
        if run_clock:
            self._clock_task = asyncio.create_task(self._run_clock())

    async def close(self) -> None:
        """Tell every player the game has ended, and stop serving."""
        self._flush()
        self._send_all(encode(Bye("ended")))
        await self._outbox.close(5.0)
        if self._clock_task is not None:
            self._clock_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._clock_task
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        if self.freeze_gc:
            gc.unfreeze()  # what was kept out of the collector's reach is collectable again

    async def _run_clock(self) -> None:
        while True:
            await asyncio.sleep(TICK)
            self.tick()

    # --- the host's controls -----------------------------------------------------------------

    def pause(self, paused: bool) -> None:
        if paused:
            self.room.pause()
        else:
            self.room.resume()
        self._send_all(encode(Paused(self.room.paused)))
        self.changed()

    def kick(self, player_id: int) -> None:
        """Remove a player, in the lobby or during the game: they are told (`Bye("kicked")`),
        their token stops working, and an open question no longer waits for them."""
        self.room.kick(player_id)
        ws = self.connections.pop(player_id, None)
        if ws is not None:
            broadcast([ws], encode(Bye("kicked")).decode())
            self._later(ws.close())
        self._lobby()
        self.changed()
        self.tick()  # the others have all answered: reveal now

    def _later(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # --- frames out --------------------------------------------------------------------------

    def _queue(self, job: Outgoing) -> None:
        self._outbox.put(job)

    def _send_all(self, frame: bytes) -> None:
        """The same frame to everyone (see `Outbox.to_all`)."""
        self._outbox.to_all(list(self.connections.values()), frame.decode())

    def _send(self, player_id: int, frame: bytes) -> None:
        ws = self.connections.get(player_id)
        if ws is not None:
            self._queue([([ws], frame.decode())])

    def _lobby(self) -> None:
        """Tell everyone who is in the room, soon: a thousand joins make a few frames, not a
        million (each join would otherwise go to everyone already in)."""
        if self._lobby_due is None and self.room.phase is Phase.LOBBY:
            self._lobby_due = asyncio.get_running_loop().call_later(LOBBY_DELAY, self._send_lobby)

    def _send_lobby(self) -> None:
        self._lobby_due = None
        if self.room.phase is Phase.LOBBY:
            players = self.room.active()
            names = [p.name for p in players[:LISTED]]
            self._send_all(encode(Lobby(names, len(players))))

    def _flush(self) -> None:
        """Commit the answers taken since the last flush, then acknowledge them."""
        self._flush_due = False
        acks, self._acks = self._acks, []
        try:
            self.room.flush_log()
        except StoreError as exc:  # the room has the answers, the history does not
            log.error("answers not kept in the score history: %s", exc)
            acks = [(ws, encode(Error("not_kept", NOT_KEPT)).decode()) for ws, _ack in acks]
        for ws, frame in acks:
            broadcast([ws], frame)
        if acks:
            self._settle()  # each answer left its connection a new wait (a future, coroutines)

    def _settle(self) -> None:
        """With `freeze_gc`: what is alive now (the players' connections, the answers so far)
        is left out of the collector's passes from here on."""
        if self.freeze_gc:
            gc.freeze()  # moves the lists of tracked objects over: no pause of its own

    def _ask(self) -> None:
        self._settle()
        self._flush()
        self._send_all(encode(self.room.question_message()))
        self.changed()

    def reveal_message(
        self,
        player: Player,
        split: list[SplitRow] | None = None,
        top: list[Standing] | None = None,
    ) -> Reveal:
        room = self.room
        number = room.current.number
        mine = player.answers.get(number)
        return Reveal(
            round=number,
            answer=room.answer_text(),
            verdict=mine.verdict if mine else "timed_out",
            points=mine.points if mine else 0,
            score=player.score,
            rank=player.rank,
            split=room.split() if split is None else split,
            top=room.standings(TOP) if top is None else top,
        )

    def _reveal(self) -> None:
        self._flush()  # every ack before the reveal
        self._settle()
        split, top = self.room.split(), self.room.standings(TOP)  # once, not once a player
        base = self.reveal_message(Player(0, "", ""), split, top)
        players = self.room.players

        def frames() -> Iterator[tuple[list[ServerConnection], str]]:  # made as they are sent
            for player_id, ws in list(self.connections.items()):
                player = players[player_id]
                mine = player.answers.get(base.round)
                message = msgspec.structs.replace(
                    base,
                    verdict=mine.verdict if mine else "timed_out",
                    points=mine.points if mine else 0,
                    score=player.score,
                    rank=player.rank,
                )
                yield [ws], encode(message).decode()

        self._queue(frames())
        self.changed()

    def _over(self) -> None:
        self._flush()
        standings = self.room.standings()
        players = self.room.players
        self._queue(
            ([ws], encode(over_message(standings, players[player_id])).decode())
            for player_id, ws in list(self.connections.items())
        )
        self.changed()

    def _catch_up(self, player: Player) -> None:
        """Tell a (re)joining player where the game is."""
        phase = self.room.phase
        if phase is Phase.QUESTION:
            self._send(player.id, encode(self.room.question_message(player)))
            if self.room.paused:
                self._send(player.id, encode(Paused(True)))
        elif phase is Phase.REVEAL:
            self._send(player.id, encode(self.reveal_message(player)))
        elif phase is Phase.OVER:
            self._send(player.id, encode(over_message(self.room.standings(), player)))

    # --- one connection ----------------------------------------------------------------------

    async def _serve(self, ws: ServerConnection) -> None:
        player = await self._admit(ws)
        if player is None:
            return
        try:
            async for frame in ws:
                await self._turns.take()  # a few frames a turn of the loop, however many arrive
                if not self._handle(player, ws, frame):
                    break
        except ConnectionClosed:
            pass
        finally:
            if self.connections.get(player.id) is ws:
                del self.connections[player.id]
                self.room.disconnect(player.id)
                self.changed()

    async def _admit(self, ws: ServerConnection) -> Player | None:
        address = str(ws.remote_address[0]) if ws.remote_address else "?"
        try:
            frame = await asyncio.wait_for(ws.recv(), JOIN_TIMEOUT)
            message = decode_client(frame)
            if not isinstance(message, Join):
                raise ProtocolError("the first message must be a join", "join_first")
            if message.v != VERSION:
                raise ProtocolError(
                    f"protocol version {message.v} is not spoken here (this host: {VERSION})",
                    "version",
                )
            wait = self.guard.blocked_for(address)
            if wait:
                raise RoomError("rate_limited", f"too many wrong PINs; try again in {wait:.0f} s")
            try:
                player, _rejoin = self.room.join(message.pin, message.name, message.token)
            except RoomError as exc:
                if exc.code == "bad_pin":
                    self.guard.failed(address)
                raise
        except (ProtocolError, RoomError) as exc:
            await self._refuse(ws, exc.code, str(exc))
            return None
        except (TimeoutError, ConnectionClosed):
            with contextlib.suppress(ConnectionClosed):
                await ws.close(1008, "no join")
            return None
        old = self.connections.get(player.id)
        if old is not None:  # the same player on a new connection: the old one goes
            broadcast([old], encode(Bye("replaced")).decode())
            self._later(old.close())
        self.connections[player.id] = ws
        self._settle()
        room = self.room
        await ws.send(encode(Welcome(player.name, player.token, room.pack.title, room.total)))
        self._lobby()
        self._catch_up(player)
        self.changed()
        return player

    async def _refuse(self, ws: ServerConnection, code: str, text: str) -> None:
        with contextlib.suppress(ConnectionClosed):
            await ws.send(encode(Error(code, text)))
            await ws.close(1008, code)

    def _handle(self, player: Player, ws: ServerConnection, frame: str | bytes) -> bool:
        """One frame from a seated player; False when the player leaves."""
        try:
            message = decode_client(frame)
        except ProtocolError as exc:
            broadcast([ws], encode(Error(exc.code, str(exc))).decode())
            return True
        if isinstance(message, Leave):
            return False
        if isinstance(message, Join):
            broadcast([ws], encode(Error("joined", "you are in the room already")).decode())
            return True
        assert isinstance(message, Answer)
        try:
            answer = self.room.answer(player.id, message.round, message.given, log_now=False)
        except RoomError as exc:
            broadcast([ws], encode(Error(exc.code, str(exc))).decode())
            return True
        self._acks.append((ws, encode(Ack(answer.round, answer.seconds)).decode()))
        if not self._flush_due:  # with the answers of the next few ms: one commit for them all
            self._flush_due = True
            asyncio.get_running_loop().call_later(FLUSH_WAIT, self._flush)
        self.changed()
        self.tick()  # everyone in: reveal now
        return True


def over_message(standings: list[Standing], player: Player) -> Over:
    """The end of the game for `player`: the best `LISTED` standings and their own."""
    you = next((s for s in standings if s.rank == player.rank and s.name == player.name), None)
    return Over(standings[:LISTED], len(standings), you)
