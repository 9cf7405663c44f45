"""What the charts draw: scores of the same pack and settings, and a score histogram.

Plain functions: the queries take a connection (`ScoreStore.read`), `histogram` takes numbers.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

PAST_SCORES = 30  # how many of the latest scores the results chart shows


def same_settings_scores(
    conn: sqlite3.Connection, session_id: int, limit: int = PAST_SCORES
) -> list[tuple[int, int]]:
    """(session id, score) of the finished sessions of this session's pack, mode, kind and
    settings, this one included, oldest first: the latest `limit`."""
    row = conn.execute(
        "SELECT pack_id, mode, kind, settings FROM sessions WHERE id = ?", (session_id,)
    ).fetchone()
    if row is None:
        return []
    rows = conn.execute(
        """
        SELECT id, score FROM (
            SELECT id, score FROM sessions
            WHERE pack_id = ? AND mode = ? AND kind = ? AND settings = ?
              AND (status = 'finished' OR id = ?)
            ORDER BY id DESC LIMIT ?)
        ORDER BY id
        """,
        (*row, session_id, limit),
    )
    return [(int(i), int(s)) for i, s in rows]


def mode_scores(conn: sqlite3.Connection, pack_id: str) -> tuple[str | None, list[tuple[int, int]]]:
    """The mode of the pack's latest finished play, and (session id, score) of every finished
    play of the pack in that mode, oldest first (the latest is "this session")."""
    row = conn.execute(
        "SELECT mode FROM sessions WHERE kind = 'play' AND status = 'finished' AND pack_id = ? "
        "ORDER BY id DESC LIMIT 1",
        (pack_id,),
    ).fetchone()
    if row is None:
        return None, []
    mode = str(row[0])
    rows = conn.execute(
        "SELECT id, score FROM sessions WHERE kind = 'play' AND status = 'finished' "
        "AND pack_id = ? AND mode = ? ORDER BY id",
        (pack_id, mode),
    )
    return mode, [(int(i), int(s)) for i, s in rows]


@dataclass(frozen=True, slots=True)
class Bin:
    """Scores from `low` up to `high` (inclusive) and how many fell there."""

    low: int
    high: int
    count: int

    @property
    def label(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"


def histogram(scores: Sequence[int], bins: int = 6) -> list[Bin]:
    """`scores` counted into at most `bins` bins of equal, round width (whole numbers)."""
    if not scores:
        return []
    low, high = min(scores), max(scores)
    width = max(1, math.ceil((high - low + 1) / bins))
    if width > 10:  # round widths read better: 50, 100, 250 rather than 47
        step = 10 ** (len(str(width)) - 1)
        width = math.ceil(width / step) * step
        low = low // step * step
    count = math.ceil((high - low + 1) / width)
    out = [Bin(low + i * width, low + (i + 1) * width - 1, 0) for i in range(count)]
    for score in scores:
        i = (score - low) // width
        out[i] = Bin(out[i].low, out[i].high, out[i].count + 1)
    return out


def bin_of(bins: Sequence[Bin], score: int) -> int | None:
    """The index of the bin holding `score`."""
    return next((i for i, b in enumerate(bins) if b.low <= score <= b.high), None)
