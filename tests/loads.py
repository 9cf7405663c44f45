"""Counting the packs read from their files: what a test of a cache or an index asserts (a hit
reads none)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgame.core.packs import read
from quizgame.core.packs.read import LoadResult


class PackLoads:
    """Counts the calls of `quizgame.core.packs.read.load_pack` (each a pack read and checked)
    from its making on; `count` may be set back to 0."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = read.load_pack

        def counting(path: Path, **kwargs: object) -> LoadResult:
            self.count += 1
            return real(path, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(read, "load_pack", counting)
