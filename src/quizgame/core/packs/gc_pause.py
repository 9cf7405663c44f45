"""Pausing the garbage collector while a pack's data is built, from YAML or from the cache."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the garbage collector while building acyclic data.

    Letting it run as millions of containers are made costs about half of a parse and frees
    nothing; the data has no cycles.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def settle_long_lived() -> None:
    """Move every object alive now out of the collector's reach (`gc.freeze`).

    Call it after building data that lives on (a big pack, an open pack file): otherwise each
    full collection afterwards walks all of it, a pause of seconds for 100,000 questions, in
    whichever thread allocates next (the UI's, too). Reference counting still frees it when it
    is dropped; only cycles made before the call are never collected, and a pack has none.
    """
    gc.freeze()
