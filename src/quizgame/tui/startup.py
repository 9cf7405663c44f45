"""What the game changes in the interpreter while it starts, until Home is drawn with its packs.

Two settings, both given back by `StartUp.end` (bench/bench_startup.py measures the start):

- The thread switch interval, short. The packs' worker reads files, and each read lets the GIL
  go; with Python's default 5 ms interval it then waits that long for the UI thread, busy
  building and drawing Home, to hand it back: 20 ms of work took 370 ms before Home had its
  packs. A 0.2 ms interval: about 100 ms sooner.
- The garbage collector, paused. Building Home makes tens of thousands of objects (widgets,
  styles, messages) that all live on: the collector's passes over them, about 140 in a start,
  find nothing to free and cost about a tenth of the time to Home. Before it runs again,
  everything alive is moved out of its reach (`gc.freeze`, as the packs' worker does after a
  load, `core/packs/gc_pause.settle_long_lived`): otherwise its first pass would walk all of
  Home at once, a stall just after Home is drawn. Reference counting still frees what is
  dropped; only cycles made during start-up are never collected, a few kilobytes.
"""

from __future__ import annotations

import gc
import sys

SWITCH_INTERVAL = 0.0002  # seconds: sys.setswitchinterval while starting


class StartUp:
    """The start-up settings: `begin` sets them, `end` gives Python's own back (again harmless)."""

    def __init__(self) -> None:
        self._switch_interval: float | None = None  # Python's, while start-up shortens it
        self._collector_paused = False

    @property
    def under_way(self) -> bool:
        return self._switch_interval is not None

    def begin(self) -> None:
        if self.under_way:
            return
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)
        self._collector_paused = gc.isenabled()
        gc.disable()

    def end(self) -> None:
        if self._switch_interval is not None:
            sys.setswitchinterval(self._switch_interval)
            self._switch_interval = None
        if self._collector_paused:
            self._collector_paused = False
            gc.freeze()  # Home and its widgets live on: no first pass over all of them, a stall
            gc.enable()
