"""Join attempts with a wrong PIN, limited per address (a six-digit PIN is guessable otherwise)."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

MAX_FAILURES = 5  # wrong PINs allowed from one address ...
WINDOW = 60.0  # ... within this many seconds; then it waits until the oldest falls out


class PinGuard:
    """Counts wrong PINs per address on an injected clock (seconds)."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        max_failures: int = MAX_FAILURES,
        window: float = WINDOW,
    ) -> None:
        self._clock = clock
        self._max = max_failures
        self._window = window
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, address: str) -> deque[float]:
        times = self._failures.setdefault(address, deque())
        cutoff = self._clock() - self._window
        while times and times[0] <= cutoff:
            times.popleft()
        return times

    def blocked_for(self, address: str) -> float:
        """Seconds until `address` may try again (0.0: it may now)."""
        times = self._recent(address)
        if len(times) < self._max:
            return 0.0
        return max(0.0, times[0] + self._window - self._clock())

    def failed(self, address: str) -> None:
        """`address` gave a wrong PIN."""
        self._recent(address).append(self._clock())
