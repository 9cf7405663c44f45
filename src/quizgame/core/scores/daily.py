"""The daily quiz in the score history: which days were played (for the streak), and whether
today's counted try is taken. Plain functions of a connection, read with `ScoreStore.read`."""

from __future__ import annotations

import sqlite3
from datetime import date


def daily_days(conn: sqlite3.Connection, pack_id: str) -> list[date]:
    """The days whose daily quiz of the pack was played (its counted try), oldest first."""
    rows = conn.execute(
        "SELECT DISTINCT json_extract(settings, '$.daily') AS day FROM sessions "
        "WHERE kind = 'daily' AND pack_id = ? AND day IS NOT NULL ORDER BY day",
        (pack_id,),
    )
    out = []
    for (day,) in rows:
        try:
            out.append(date.fromisoformat(str(day)))
        except ValueError:
            continue  # not written by us
    return out


def counted_session(conn: sqlite3.Connection, pack_id: str, day: date) -> int | None:
    """The id of the day's counted daily session of the pack, if it was played."""
    row = conn.execute(
        "SELECT id FROM sessions WHERE kind = 'daily' AND pack_id = ? "
        "AND json_extract(settings, '$.daily') = ? ORDER BY id LIMIT 1",
        (pack_id, day.isoformat()),
    ).fetchone()
    return None if row is None else int(row[0])


def session_verdicts(conn: sqlite3.Connection, session_id: int) -> list[str]:
    """The verdict words of a session's answers, in the order they were given."""
    rows = conn.execute(
        "SELECT verdict FROM answers WHERE session_id = ? ORDER BY number, id", (session_id,)
    )
    return [str(v) for (v,) in rows]
