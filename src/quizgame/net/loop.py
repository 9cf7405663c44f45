"""The host's event loop: at most `READY_CAP` ready connections are read in one turn.

asyncio's selector loop reads every socket that `epoll` reports ready in one turn. When a
thousand players answer at once, that is a thousand frames parsed before anything else runs
(bench_party measured turns of 30 ms and more). Asking `epoll` for at most `READY_CAP` events
leaves the rest ready for the next turn (level-triggered, and the kernel hands out its ready
list round-robin), so each turn does a bounded amount of reading and timers and sends go on.
"""

from __future__ import annotations

import asyncio
import math
import select
import selectors
import sys

READY_CAP = 64  # sockets read in one turn of the loop


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
