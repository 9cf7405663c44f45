"""What reading a pack may cost, kept apart from the YAML reader so a cached load never imports it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

MAX_FILE_BYTES = 512 * 1024 * 1024


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
