"""The garbage collector during play: its passes over new objects moved out of the keys that
answer and go on, into the moments the player spends reading.

Python collects its youngest generation after every 700 container objects made and not yet
freed. An answer makes about that many (strips, segments, styles, messages), so most answers
paid for a pass (about 0.2 ms, `bench/keys_trace.py`) inside the key, before the feedback was
drawn. While a question screen is up, `PlayCollector` raises that threshold, and a timer
collects the young generations every `IDLE_SECONDS` when there is anything to collect, as Python
would have done by then (the middle generation too once its count is due, and the oldest once
its count is: with the raised threshold Python itself would hardly ever get there). Nothing is kept
longer than that, and the thresholds are given back when the screen goes.
"""

from __future__ import annotations

import gc

PLAY_THRESHOLD = 10_000  # new container objects before Python collects by itself, during play
IDLE_SECONDS = 0.25  # how often the young generations are collected while a question is up
LEAST = 100  # fewer new objects than this: not worth a pass


# Python's thresholds while any question screen is up (one may mount before another unmounts)
_saved: tuple[int, int, int] | None = None
_screens = 0


class PlayCollector:
    """`start` raises the youngest generation's threshold, `collect` collects what is young,
    `stop` gives Python's thresholds back once no screen that started is left. Harmless to
    call in any order, each at most once a screen."""

    def __init__(self) -> None:
        self._started = False

    def start(self) -> None:
        global _saved, _screens
        if self._started:
            return
        self._started = True
        if _screens == 0:
            _saved = gc.get_threshold()
            first, second, third = _saved
            if first:  # 0: collection is off; leave it so
                gc.set_threshold(max(first, PLAY_THRESHOLD), second, third)
        _screens += 1

    def collect(self) -> None:
        """The young generations, as Python would have collected them by now (nothing while
        the collector is paused, as it is during start-up)."""
        if not self._started or _saved is None or not gc.isenabled():
            return
        new, middle, old = gc.get_count()
        if old >= _saved[2]:  # the whole heap, now and then: cycles that grew old go too
            gc.collect(2)
        elif middle >= _saved[1]:
            gc.collect(1)
        elif new >= LEAST:
            gc.collect(0)

    def stop(self) -> None:
        global _saved, _screens
        if not self._started:
            return
        self._started = False
        _screens -= 1
        if _screens == 0 and _saved is not None:
            gc.set_threshold(*_saved)
            _saved = None
