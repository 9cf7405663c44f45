"""The player's side: connect to a host, join, send answers, and hand on what the host says.

Every frame from the host is checked too (`messages.decode_host`); one that is not a valid
message is dropped. A dropped connection can be rejoined with `rejoin()`, which sends the token
the host gave in `Welcome`: the player keeps their score. With a `TokenFile` the token outlives
the process: a new one joining the same host and PIN with the same name offers it.
"""

from __future__ import annotations

import asyncio
import contextlib

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from quizgame.core.party.messages import (
    MAX_FRAME,
    Answer,
    Error,
    Given,
    HostMessage,
    Join,
    Leave,
    ProtocolError,
    Welcome,
    decode_host,
    encode,
)
from quizgame.core.party.tokens import TokenFile

CONNECT_TIMEOUT = 10.0  # seconds


class JoinRefused(Exception):
    """The host would not seat us (wrong PIN, a name or token refused, ...); `code` says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def address_url(address: str) -> str:
    """`HOST:PORT` (or a ws:// URL) as the URL to connect to."""
    if address.startswith(("ws://", "wss://")):
        return address
    return f"ws://{address}"


class PartyClient:
    """One player's connection. `messages` receives every host message after `Welcome`."""

    def __init__(
        self,
        address: str,
        pin: str,
        name: str,
        token: str | None = None,
        *,
        connect_timeout: float = CONNECT_TIMEOUT,
        tokens: TokenFile | None = None,
    ) -> None:
        self.url = address_url(address)
        self.connect_timeout = connect_timeout
        self.tokens = tokens  # where the token is kept for a later `quizgame join`
        self._asked: str | None = None  # the name first asked for: the kept token's key
        self.pin = pin
        self.name = name
        self.token = token
        self.welcome: Welcome | None = None
        self.messages: asyncio.Queue[HostMessage | None] = asyncio.Queue()  # None: closed
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None

    async def join(self) -> Welcome:
        """Connect and join (or rejoin, with a token); raises `JoinRefused` or `OSError`.

        With `tokens`, a token kept by an earlier process for the same host, PIN and name is
        offered (one the host no longer knows is forgotten, and we join as a new player), and
        the token of the `Welcome` is kept."""
        if self.tokens is None:
            return await self._join()
        asked = self._asked = self._asked or self.name
        kept = False
        if self.token is None:
            self.token = self.tokens.get(self.address, self.pin, asked)
            kept = self.token is not None
        try:
            welcome = await self._join()
        except JoinRefused as exc:
            if not (kept and exc.code == "bad_token"):
                raise
            self.tokens.forget(self.address, self.pin, asked)
            self.token = None
            welcome = await self._join()
        self.tokens.put(self.address, self.pin, asked, welcome.token)
        return welcome

    async def _join(self) -> Welcome:
        limit = self.connect_timeout
        ws = await asyncio.wait_for(
            connect(self.url, max_size=MAX_FRAME, open_timeout=limit), limit
        )
        await ws.send(encode(Join(self.pin, self.name, token=self.token)))
        try:
            reply = decode_host(await asyncio.wait_for(ws.recv(), limit))
        except ConnectionClosed:
            await ws.close()
            raise JoinRefused("closed", "the host closed the connection") from None
        except ProtocolError as exc:
            await ws.close()
            raise JoinRefused(exc.code, str(exc)) from None
        if isinstance(reply, Error):
            await ws.close()
            raise JoinRefused(reply.code, reply.message)
        if not isinstance(reply, Welcome):
            await ws.close()
            raise JoinRefused("bad_reply", "the host did not welcome us")
        self._ws = ws
        self.welcome = reply
        self.name = reply.name
        self.token = reply.token
        self._reader = asyncio.create_task(self._read(ws))
        return reply

    @property
    def address(self) -> str:
        """HOST:PORT, as the player typed it (without ws://)."""
        return self.url.split("://", 1)[-1].rstrip("/")

    def unreachable(self, exc: BaseException) -> str:
        """One line for a first connection that failed with `exc` (OSError or TimeoutError)."""
        import socket

        if isinstance(exc, ConnectionRefusedError):
            why = "connection refused"
        elif isinstance(exc, TimeoutError):
            why = f"no answer in {self.connect_timeout:g} s"
        elif isinstance(exc, socket.gaierror):
            why = "unknown host"
        else:
            why = (exc.strerror if isinstance(exc, OSError) else None) or type(exc).__name__
        return f"no quiz at {self.address} ({why})"

    async def rejoin(self) -> Welcome:
        """Join again after a drop, as the same player (the token from the first `Welcome`)."""
        await self.close()
        return await self.join()

    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for frame in ws:
                try:
                    self.messages.put_nowait(decode_host(frame))
                except ProtocolError:
                    continue  # a host that speaks nonsense is not allowed to crash us
        except ConnectionClosed:
            pass
        finally:
            if self._ws is ws:
                self.messages.put_nowait(None)

    async def answer(self, number: int, given: Given) -> None:
        """Send an answer to round `number` (the host replies `Ack` or `Error`)."""
        await self.send_raw(encode(Answer(number, given)))

    async def send_raw(self, frame: str | bytes) -> None:
        """Send one frame as it is (tests send malformed ones)."""
        if self._ws is None:
            raise ConnectionError("not connected")
        await self._ws.send(frame)

    async def next_message(self, timeout: float = 5.0) -> HostMessage | None:
        """The next message from the host (None: the connection closed); TimeoutError if none."""
        return await asyncio.wait_for(self.messages.get(), timeout)

    async def drop(self) -> None:
        """Cut the connection without leaving (as a lost network would)."""
        ws, self._ws = self._ws, None
        if ws is not None:
            await ws.close()
        if self._reader is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader

    async def leave(self) -> None:
        """Leave the game and close the connection."""
        if self._ws is not None:
            with contextlib.suppress(ConnectionClosed):
                await self._ws.send(encode(Leave()))
        await self.close()

    async def close(self) -> None:
        await self.drop()
