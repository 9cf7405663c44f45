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
