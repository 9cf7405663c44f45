"""The host's event loop: bounded work a turn (`READY_CAP` sockets read, `Turns` frames handled).

asyncio's selector loop reads every socket that `epoll` reports ready in one turn. When a
thousand players answer at once, that is a thousand frames parsed before anything else runs
(bench_party measured turns of 30 ms and more). Asking `epoll` for at most `READY_CAP` events
leaves the rest ready for the next turn (level-triggered, and the kernel hands out its ready
list round-robin), so each turn does a bounded amount of reading and timers and sends go on.
"""

from __future__ import annotations

import asyncio
import collections
import math
import select
import selectors
import sys

READY_CAP = 16  # sockets read in one turn (64 before: the host's worst turn at 1,000 players 11-15 ms on its CPU, 16: 9-11)


class Turns:
    """At most `per_turn` pieces of work (players' frames) in one turn of the event loop; the
    rest wait, first come first served, for the turns after. A lock would allow one a turn, and
    a thousand answers would then take a thousand turns to be acknowledged."""

    def __init__(self, per_turn: int) -> None:
        self.per_turn = per_turn
        self._spent = 0
        self._waiting: collections.deque[asyncio.Future[None]] = collections.deque()

    async def take(self) -> None:
        """Return when this turn, or a later one, has room for one more piece of work."""
        if self._spent < self.per_turn and not self._waiting:
            self._charge()
            return
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append(turn)
        await turn

    def _charge(self) -> None:
        if self._spent == 0:  # the first piece this turn: the count starts again next turn
            asyncio.get_running_loop().call_soon(self._next_turn)
        self._spent += 1

    def _next_turn(self) -> None:
        self._spent = 0
        while self._waiting and self._spent < self.per_turn:
            turn = self._waiting.popleft()
            if not turn.done():  # a waiter cancelled (its connection closed) is passed over
                turn.set_result(None)
                self._charge()


def new_loop() -> asyncio.AbstractEventLoop:
    """An event loop for the host: capped reads on Linux, the default loop elsewhere."""
    if sys.platform == "linux":
        return asyncio.SelectorEventLoop(CappedEpollSelector())
    return asyncio.new_event_loop()


class HostLoopPolicy(asyncio.DefaultEventLoopPolicy):
    """The default policy, handing out `new_loop()` loops (for apps that start their own)."""

    def new_event_loop(self) -> asyncio.AbstractEventLoop:
        return new_loop()


if sys.platform == "linux":

    class CappedEpollSelector(selectors.EpollSelector):
        """`EpollSelector` returning at most `READY_CAP` ready keys per `select`."""

        def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
            if timeout is None:
                timeout = -1
            elif timeout <= 0:
                timeout = 0
            else:  # epoll's resolution is 1 ms: round up, to wait at least `timeout`
                timeout = math.ceil(timeout * 1e3) * 1e-3
            epoll: select.epoll = self._selector  # type: ignore[attr-defined]
            try:
                fd_events = epoll.poll(timeout, READY_CAP)
            except InterruptedError:
                return []
            keys = self.get_map()
            ready = []
            for fd, event in fd_events:
                events = 0
                if event & ~select.EPOLLIN:
                    events |= selectors.EVENT_WRITE
                if event & ~select.EPOLLOUT:
                    events |= selectors.EVENT_READ
                key = keys.get(fd)
                if key is not None:
                    ready.append((key, events & key.events))
            return ready
