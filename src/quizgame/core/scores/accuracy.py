"""What Statistics asks of the score history: accuracy over time per pack, the questions missed
most, what to practise, and each pack's totals.

Accuracy and misses count every answer given, whatever became of its session. Each query is a
plain function of an open connection, run through the store as those in `queries.py` are:
`store.read(accuracy_over_time, "films", "week")`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

# How a session's local_day (YYYY-MM-DD) names its period. A week is grouped by its Monday
# (SQLite before 3.46 has no ISO week, and %W is not one: it counts from the year's first
# Monday, so early January is "W00") and labelled with its ISO week in Python.
PERIODS = {
    "day": "local_day",
    "week": "date(local_day, '-6 days', 'weekday 1')",
    "month": "substr(local_day, 1, 7)",
}


class _Accuracy:
    """The share of answers right, for a record with `correct` and `answered` counts."""

    __slots__ = ()
    correct: int
    answered: int

    @property
    def accuracy(self) -> float:
        """Right answers over answered ones, 0.0 when none were answered."""
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class AccuracyPoint(_Accuracy):
    """A pack's accuracy over one period (a day, week or month) of play."""

    pack_id: str
    pack_title: str
    period: str  # 2026-11-21, 2026-W47 (the ISO week) or 2026-11
    sessions: int
    correct: int
    answered: int


@dataclass(frozen=True, slots=True)
class MissedQuestion:
    """A question the player has got wrong (or partly right, or run out of time on)."""

    pack_id: str
    question_id: str
    missed: int
    asked: int  # skips not counted
    last_verdict: str

    @property
    def still_missed(self) -> bool:
        """Not answered right since it was last missed."""
        return self.last_verdict != "correct"


def iso_week(day: str) -> str:
    """The ISO week of a YYYY-MM-DD day, as `2026-W47` (the ISO year: 2024-12-30 is 2025-W01)."""
    year, week, _ = date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def accuracy_over_time(
    conn: sqlite3.Connection, pack_id: str | None = None, period: str = "day"
) -> list[AccuracyPoint]:
    """Per pack and period (the player's local days), the share of answers right, oldest
    first."""
    where = "AND pack_id = ?" if pack_id is not None else ""
    params: tuple[Any, ...] = (pack_id,) if pack_id is not None else ()
    sql = f"""
        SELECT pack_id, {PERIODS[period]} AS period,
               count(*), sum(correct), sum(answered)
        FROM sessions WHERE kind = 'play' AND answered > 0 {where}
        GROUP BY pack_id, period ORDER BY pack_id, period
    """
    rows = conn.execute(sql, params).fetchall()
    titles = _titles(conn)
    label = iso_week if period == "week" else str
    return [
        AccuracyPoint(pack, titles.get(pack, pack), label(when), sessions, correct, answered)
        for pack, when, sessions, correct, answered in rows
    ]


def _titles(conn: sqlite3.Connection) -> dict[str, str]:
    """Each pack's title as most recently seen."""
    rows = conn.execute(
        "SELECT pack_id, pack_title FROM sessions WHERE id IN "
        "(SELECT max(id) FROM sessions GROUP BY pack_id)"
    )
    return dict(rows.fetchall())


def most_missed(
    conn: sqlite3.Connection, pack_id: str | None = None, limit: int = 10
) -> list[MissedQuestion]:
    """The questions missed most often, the most missed first."""
    where = "AND pack_id = ?" if pack_id is not None else ""
    params: tuple[Any, ...] = (pack_id, limit) if pack_id is not None else (limit,)
    sql = f"""
        SELECT pack_id, question_id, missed, asked, last_verdict FROM question_stats
        WHERE missed > 0 {where}
        ORDER BY missed DESC, CAST(missed AS REAL) / asked DESC, pack_id, question_id
        LIMIT ?
    """
    return [MissedQuestion(*row) for row in conn.execute(sql, params)]


def practice_ids(conn: sqlite3.Connection, pack_id: str, limit: int = 10) -> tuple[str, ...]:
    """Questions of a pack to practise: missed and not answered right since, most missed
    first."""
    candidates = most_missed(conn, pack_id, limit=100_000)
    return tuple(m.question_id for m in candidates if m.still_missed)[:limit]


@dataclass(frozen=True, slots=True)
class PackTotals(_Accuracy):
    """A pack's answers over all its plays."""

    pack_id: str
    title: str
    sessions: int
    correct: int
    answered: int


def pack_totals(points: Iterable[AccuracyPoint]) -> list[PackTotals]:
    """Totals per pack from its accuracy points (`accuracy_over_time`), most played first."""
    totals: dict[str, list[int]] = {}
    titles: dict[str, str] = {}
    for point in points:
        total = totals.setdefault(point.pack_id, [0, 0, 0])
        total[0] += point.sessions
        total[1] += point.correct
        total[2] += point.answered
        titles[point.pack_id] = point.pack_title
    records = [PackTotals(pid, titles[pid], *total) for pid, total in totals.items()]
    return sorted(records, key=lambda r: (-r.sessions, r.title))
