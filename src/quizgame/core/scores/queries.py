"""Questions asked of the score history: best scores, recent sessions, a score's standing, a
session's answers. What Statistics asks (accuracy over time, the questions missed most, what to
practise) is in `accuracy.py`, so that `quizgame scores` and `history` build none of its records.

Ranks and bests count finished plays only: an abandoned session's score is partial, and a
practice session (a chosen handful of questions) is not comparable.

Each query is a plain function of an open connection; run one through the store, which holds
the connection, its lock and the one-line errors: `store.read(best_scores, pack_id="films")`.

The records are named tuples, not dataclasses: making three frozen dataclasses cost every
`quizgame scores` and `history` ~4 ms (dataclasses compiles each generated method at import).
No `from __future__ import annotations` here either: NamedTuple compiles each field's
annotation when it is a string (~2 ms for these), and reads a real type for free.
"""

import sqlite3
from datetime import datetime
from typing import Any, NamedTuple

_SESSION_COLUMNS = """id, pack_id, pack_title, mode, kind, status, end_reason, score, correct,
    answered, asked, total, accuracy, duration, best_streak, seed, started_at, ended_at,
    settings, lifelines"""


class SessionSummary(NamedTuple):
    """One session as the history keeps it."""

    id: int
    pack_id: str
    pack_title: str
    mode: str
    kind: str  # play or practice
    status: str  # in_progress, finished or abandoned
    end_reason: str | None
    score: int
    correct: int
    answered: int
    asked: int
    total: int | None
    accuracy: float
    duration: float
    best_streak: int
    seed: int | None
    started_at: datetime
    ended_at: datetime | None
    settings_text: str  # JSON, as stored: read through `settings`
    lifelines_text: str  # JSON, as stored: read through `lifelines`

    @property
    def settings(self) -> dict[str, Any]:
        """The session's settings (count, categories, difficulty, ...); {} if unreadable."""
        value = _json(self.settings_text)
        return value if isinstance(value, dict) else {}

    @property
    def lifelines(self) -> tuple[str, ...]:
        """The lifelines the session had; () if unreadable."""
        value = _json(self.lifelines_text)
        return tuple(value) if isinstance(value, list) else ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "id": self.id,
            "pack_id": self.pack_id,
            "pack_title": self.pack_title,
            "mode": self.mode,
            "kind": self.kind,
            "status": self.status,
            "end_reason": self.end_reason,
            "score": self.score,
            "correct": self.correct,
            "answered": self.answered,
            "asked": self.asked,
            "total": self.total,
            "accuracy": round(self.accuracy, 4),
            "duration": self.duration,
            "best_streak": self.best_streak,
            "seed": self.seed,
            "started_at": self.started_at.isoformat(),
            "ended_at": self.ended_at.isoformat() if self.ended_at else None,
            "settings": self.settings,
            "lifelines": list(self.lifelines),
        }


class Standing(NamedTuple):
    """Where a score stands among the player's finished plays of the same pack, mode and
    settings (`RANKED_SETTINGS`)."""

    score: int
    rank: int  # 1 is the best; ties share a rank
    out_of: int
    best: int  # the personal best, this score included
    previous_best: int | None  # the best before this session; None if it is the first

    @property
    def new_best(self) -> bool:
        """Better than every earlier play (a first play counts, unless it scored nothing)."""
        if self.previous_best is None:
            return self.score > 0
        return self.score > self.previous_best


class AnswerRow(NamedTuple):
    """One stored answer."""

    number: int
    question_id: str
    given: str | None
    verdict: str
    points: int
    time_taken: float


def _json(text: str) -> Any:
    """`text` parsed as JSON, or None if it is not JSON. Read when asked: `quizgame scores` and
    `history` show neither settings nor lifelines, and json costs them ~3 ms to import."""
    import json

    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return None


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _summary(row: sqlite3.Row | tuple[Any, ...]) -> SessionSummary:
    (id_, pack_id, title, mode, kind, status, reason, score, correct, answered, asked, total,
     accuracy, duration, best_streak, seed, started, ended, settings, lifelines) = row  # fmt: skip
    started_at = _time(started)
    assert started_at is not None
    return SessionSummary(
        id=id_,
        pack_id=pack_id,
        pack_title=title,
        mode=mode,
        kind=kind,
        status=status,
        end_reason=reason,
        score=score,
        correct=correct,
        answered=answered,
        asked=asked,
        total=total,
        accuracy=accuracy,
        duration=duration,
        best_streak=best_streak,
        seed=seed,
        started_at=started_at,
        ended_at=_time(ended),
        settings_text=settings,
        lifelines_text=lifelines,
    )


def session_summary(conn: sqlite3.Connection, session_id: int) -> SessionSummary | None:
    """The session with this id, or None."""
    row = conn.execute(
        f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,)
    ).fetchone()
    return _summary(row) if row else None


def best_scores(
    conn: sqlite3.Connection, pack_id: str | None = None, mode: str | None = None, limit: int = 10
) -> list[SessionSummary]:
    """The highest finished plays, best first (the earlier first on a tie)."""
    where, params = ["kind = 'play'", "status = 'finished'"], []
    if pack_id is not None:
        where.append("pack_id = ?")
        params.append(pack_id)
    if mode is not None:
        where.append("mode = ?")
        params.append(mode)
    sql = (
        f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE {' AND '.join(where)} "
        "ORDER BY score DESC, id ASC LIMIT ?"
    )
    return [_summary(row) for row in conn.execute(sql, (*params, limit))]


def recent_sessions(
    conn: sqlite3.Connection, limit: int = 20, pack_id: str | None = None
) -> list[SessionSummary]:
    """The latest sessions of every kind and status, newest first."""
    where = "WHERE pack_id = ?" if pack_id is not None else ""
    params: tuple[Any, ...] = (pack_id, limit) if pack_id is not None else (limit,)
    sql = f"SELECT {_SESSION_COLUMNS} FROM sessions {where} ORDER BY id DESC LIMIT ?"
    return [_summary(row) for row in conn.execute(sql, params)]


# The settings a rank compares (beside the pack and the mode): a 20-question game is never
# ranked against 10-question ones. Blitz deals every question, so its count is left out.
RANKED_SETTINGS = ("count", "categories", "difficulty", "spoiler", "time_limit")


def standing(conn: sqlite3.Connection, session_id: int) -> Standing | None:
    """This session's rank among finished plays of its pack and mode with the same settings
    (`RANKED_SETTINGS`), and the personal best among them. None for a practice session or an
    unknown id."""
    row = conn.execute(
        "SELECT pack_id, mode, score, kind, settings FROM sessions WHERE id = ?", (session_id,)
    ).fetchone()
    if row is None or row[3] != "play":
        return None
    pack_id, mode, score, _kind, settings = row
    names = [name for name in RANKED_SETTINGS if not (mode == "blitz" and name == "count")]
    same = " ".join(
        f"AND json_extract(settings, '$.{name}') IS json_extract(:settings, '$.{name}')"
        for name in names
    )
    higher, others, previous, best = conn.execute(
        f"""
        SELECT count(CASE WHEN score > :score THEN 1 END), count(*),
               max(CASE WHEN id < :id THEN score END), max(score)
        FROM sessions
        WHERE kind = 'play' AND status = 'finished' AND pack_id = :pack AND mode = :mode
          AND id != :id {same}
        """,
        {"score": score, "id": session_id, "pack": pack_id, "mode": mode, "settings": settings},
    ).fetchone()
    return Standing(
        score=score,
        rank=higher + 1,
        out_of=others + 1,
        best=max(score, best) if best is not None else score,
        previous_best=previous,
    )


def session_answers(conn: sqlite3.Connection, session_id: int) -> list[AnswerRow]:
    """The answers stored for a session, in the order given."""
    rows = conn.execute(
        "SELECT number, question_id, given, verdict, points, time_taken FROM answers "
        "WHERE session_id = ? ORDER BY id",
        (session_id,),
    )
    return [AnswerRow(*row) for row in rows]


def played_pack_ids(conn: sqlite3.Connection) -> list[str]:
    """The ids of the packs the history holds a session of (any kind or status), sorted."""
    return [row[0] for row in conn.execute("SELECT DISTINCT pack_id FROM sessions ORDER BY 1")]


def count_sessions(conn: sqlite3.Connection) -> int:
    """How many sessions the history holds, of every kind and status."""
    return int(conn.execute("SELECT count(*) FROM sessions").fetchone()[0])


def hosted_count(conn: sqlite3.Connection) -> int:
    """How many party games were hosted here (`core/party/log.py` writes and reads them): asked
    here, so that plain `quizgame history` imports nothing of the party game."""
    return int(conn.execute("SELECT count(*) FROM party_games").fetchone()[0])


def seen_ids(conn: sqlite3.Connection, pack_id: str) -> tuple[str, ...]:
    """The questions of a pack this player has been asked, least recently asked first (every
    session kind and ending counts: a question shown is a question seen)."""
    rows = conn.execute(
        "SELECT question_id FROM answers JOIN sessions ON sessions.id = answers.session_id "
        "WHERE sessions.pack_id = ? GROUP BY question_id ORDER BY max(answers.id), question_id",
        (pack_id,),
    )
    return tuple(row[0] for row in rows)
