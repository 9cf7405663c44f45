"""The host's frames out: one queue, sent in order, a `CHUNK` of connections at a time.

A question or a reveal to a thousand players is a thousand sends; made in one go they would hold
the event loop for tens of milliseconds. The outbox's task sends `CHUNK` and lets the loop turn
(answers come in, the clock ticks) before the next. Frames go through `websockets.broadcast`,
which never waits on a slow player.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable

from websockets.asyncio.server import ServerConnection, broadcast

CHUNK = 50  # frames sent (and made) between two turns of the event loop

# Frames out: each a frame (text) and the connections it goes to (one `broadcast`, the text
# encoded once for all of them).
Outgoing = Iterable[tuple[list[ServerConnection], str]]


class Outbox:
    """Frames waiting to go out, in order; `start` the sender on the running loop first."""

    def __init__(self) -> None:
        self._queue: asyncio.Queue[Outgoing] = asyncio.Queue()
        self._sender: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._sender = asyncio.create_task(self._send_out())

    async def close(self, wait: float) -> None:
        """Send what is queued (for at most `wait` seconds), then stop."""
        if self._sender is None:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._queue.join(), wait)
        self._sender.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._sender

    async def join(self) -> None:
        """Return once everything queued so far has been handed to the connections."""
        await self._queue.join()

    def put(self, job: Outgoing) -> None:
        """Queue `job` (made lazily as it is sent, if it is a generator)."""
        self._queue.put_nowait(job)

    def to_all(self, sockets: list[ServerConnection], text: str) -> None:
        """The same frame to every one of `sockets`: one text, CHUNK connections a broadcast."""
        self.put([(sockets[i : i + CHUNK], text) for i in range(0, len(sockets), CHUNK)])

    async def _send_out(self) -> None:
        while True:
            job = await self._queue.get()
            try:
                sent = 0
                for sockets, frame in job:
                    broadcast(sockets, frame)
                    sent += len(sockets)
                    if sent >= CHUNK:
                        sent = 0
                        await asyncio.sleep(0)
            finally:
                self._queue.task_done()
