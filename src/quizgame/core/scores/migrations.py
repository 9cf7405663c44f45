"""The score database's schema, as the list of migrations that build it.

A new database runs every migration from version 1, so the path an old database takes is the
path every database takes. `PRAGMA user_version` holds the version reached. Never edit a released
migration; add the next one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]

_MISSED = "'wrong', 'partial', 'timed_out'"  # verdicts that count as a miss


def _v1_first_schema(conn: sqlite3.Connection) -> None:
    """Sessions and their answers."""
    conn.execute(
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            pack_id TEXT NOT NULL,
            pack_title TEXT NOT NULL,
            mode TEXT NOT NULL,
            settings TEXT NOT NULL,          -- JSON: count, categories, difficulty, ...
            seed INTEGER,
            score INTEGER NOT NULL DEFAULT 0,
            accuracy REAL NOT NULL DEFAULT 0,
            duration REAL NOT NULL DEFAULT 0,
            started_at TEXT NOT NULL,        -- ISO 8601, UTC
            ended_at TEXT,
            status TEXT NOT NULL DEFAULT 'in_progress',  -- in_progress, finished, abandoned
            pid INTEGER
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            number INTEGER NOT NULL,
            question_id TEXT NOT NULL,
            given TEXT,                      -- what the player gave, in words; NULL for none
            verdict TEXT NOT NULL,           -- correct, partial, wrong, timed_out, skipped
            points INTEGER NOT NULL,
            time_taken REAL NOT NULL,
            answered_at TEXT NOT NULL
        )
        """
    )


def _v2_counts_kinds_owners(conn: sqlite3.Connection) -> None:
    """Counts kept on the session row, practice sessions told apart, owners for crash detection.

    - sessions.correct/answered/asked: accuracy over time without reading every answer; filled
      in from the answers already stored.
    - sessions.kind: 'practice' sessions (a chosen list of questions) are not ranked with plays.
    - sessions.owner: the process that writes the session, to tell a live one from a lost one.
    - sessions.end_reason, best_streak, total, lifelines: what the results screen showed.
    - answers.pack_id: misses per pack without a join; answers.streak_bonus.
    """
    for column in (
        "kind TEXT NOT NULL DEFAULT 'play'",
        "correct INTEGER NOT NULL DEFAULT 0",
        "answered INTEGER NOT NULL DEFAULT 0",
        "asked INTEGER NOT NULL DEFAULT 0",
        "total INTEGER",
        "best_streak INTEGER NOT NULL DEFAULT 0",
        "end_reason TEXT",
        "lifelines TEXT NOT NULL DEFAULT '[]'",
        "owner TEXT",
    ):
        conn.execute(f"ALTER TABLE sessions ADD COLUMN {column}")
    conn.execute("ALTER TABLE answers ADD COLUMN pack_id TEXT")
    conn.execute("ALTER TABLE answers ADD COLUMN streak_bonus INTEGER NOT NULL DEFAULT 0")
    conn.execute(
        "UPDATE answers SET pack_id = (SELECT pack_id FROM sessions WHERE id = answers.session_id)"
    )
    conn.execute(
        """
        UPDATE sessions SET
            correct = (SELECT count(*) FROM answers a
                       WHERE a.session_id = sessions.id AND a.verdict = 'correct'),
            answered = (SELECT count(*) FROM answers a
                        WHERE a.session_id = sessions.id AND a.verdict != 'skipped'),
            asked = (SELECT count(*) FROM answers a WHERE a.session_id = sessions.id)
        """
    )
    import json  # here: opening an up-to-date database (every read command) never needs it

    practice = []
    for session_id, settings in conn.execute("SELECT id, settings FROM sessions"):
        try:
            if json.loads(settings).get("question_ids"):
                practice.append((session_id,))
        except (ValueError, AttributeError):
            continue  # unreadable settings: leave it a play
    conn.executemany("UPDATE sessions SET kind = 'practice' WHERE id = ?", practice)


def _v3_statistics(conn: sqlite3.Connection) -> None:
    """What the statistics need to stay fast on a long history (see bench/bench_store.py).

    - question_stats: per pack and question, how often asked and missed and the latest verdict,
      kept by a trigger on every answer inserted, so "missed most" reads a few hundred rows
      instead of every answer ever given. Filled in from the answers already stored.
    - sessions.local_day: the player's date when the session started, so accuracy by day, week
      or month groups without a time-zone conversion per row (and keeps the day it was played).
    - indexes for ranks, best scores, accuracy over time and the answers of a session.
    """
    conn.execute("ALTER TABLE sessions ADD COLUMN local_day TEXT")
    conn.execute("UPDATE sessions SET local_day = date(started_at, 'localtime')")
    conn.execute(
        """
        CREATE TABLE question_stats (
            pack_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            asked INTEGER NOT NULL,          -- answers given, skips not counted
            missed INTEGER NOT NULL,         -- wrong, partly right or timed out
            last_verdict TEXT NOT NULL,      -- of the latest answer that was not a skip
            PRIMARY KEY (pack_id, question_id)
        ) WITHOUT ROWID
        """
    )
    conn.execute(
        f"""
        CREATE TRIGGER answers_tally AFTER INSERT ON answers WHEN NEW.pack_id IS NOT NULL
        BEGIN
            INSERT INTO question_stats (pack_id, question_id, asked, missed, last_verdict)
            VALUES (NEW.pack_id, NEW.question_id, NEW.verdict != 'skipped',
                    NEW.verdict IN ({_MISSED}), NEW.verdict)
            ON CONFLICT (pack_id, question_id) DO UPDATE SET
                asked = asked + excluded.asked,
                missed = missed + excluded.missed,
                last_verdict = CASE WHEN excluded.last_verdict = 'skipped' THEN last_verdict
                                    ELSE excluded.last_verdict END;
        END
        """
    )
    conn.execute(
        f"""
        INSERT INTO question_stats (pack_id, question_id, asked, missed, last_verdict)
        SELECT pack_id, question_id, asked, missed, verdict FROM (
            -- the bare verdict comes from the row with max(id): the latest answer
            SELECT pack_id, question_id, count(*) AS asked, sum(verdict IN ({_MISSED})) AS missed,
                   verdict, max(id)
            FROM answers WHERE pack_id IS NOT NULL AND verdict != 'skipped'
            GROUP BY pack_id, question_id)
        """
    )
    conn.execute("CREATE INDEX sessions_ranking ON sessions (kind, status, pack_id, mode, score)")
    conn.execute("CREATE INDEX sessions_best ON sessions (kind, status, score)")
    conn.execute(
        "CREATE INDEX sessions_by_day ON sessions (kind, pack_id, local_day, correct, answered)"
    )
    conn.execute(
        "CREATE INDEX sessions_unfinished ON sessions (status) WHERE status = 'in_progress'"
    )
    conn.execute("CREATE INDEX answers_session ON answers (session_id)")


def _v4_learn_cards_and_reviews(conn: sqlite3.Connection) -> None:
    """Learn mode's spaced repetition (`core/learn`): one row per card, one per review.

    - cards: a pack's question being learned, by pack and question id (a question removed from
      its pack keeps its card, which is simply not dealt), with its FSRS state; `first_day` is
      the player's date of its first review, for the limit of new cards a day.
    - reviews: every review, written as the answer is given: its rating, verdict and time, and
      the due date it set.
    - an index for the due query: a pack's cards by due date (see bench/bench_learn.py).
    """
    conn.execute(
        """
        CREATE TABLE cards (
            pack_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            state INTEGER NOT NULL,          -- FSRS: 1 learning, 2 review, 3 relearning
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due TEXT NOT NULL,               -- ISO 8601, UTC
            last_review TEXT,
            first_day TEXT NOT NULL,         -- the player's date of the first review
            reviews INTEGER NOT NULL DEFAULT 0,
            lapses INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (pack_id, question_id)
        ) WITHOUT ROWID
        """
    )
    conn.execute("CREATE INDEX cards_due ON cards (pack_id, due)")
    conn.execute("CREATE INDEX cards_new ON cards (pack_id, first_day)")
    conn.execute(
        """
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            session_id INTEGER REFERENCES sessions(id),
            pack_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            rating INTEGER NOT NULL,         -- FSRS: 1 again, 2 hard, 3 good, 4 easy
            verdict TEXT NOT NULL,
            time_taken REAL NOT NULL,
            reviewed_at TEXT NOT NULL,
            due TEXT NOT NULL                -- when the card is due next
        )
        """
    )
    conn.execute("CREATE INDEX reviews_card ON reviews (pack_id, question_id)")


def _v5_party_games(conn: sqlite3.Connection) -> None:
    """Hosted games (party play): the game, its players, and each player's answers."""
    conn.execute(
        """
        CREATE TABLE party_games (
            id INTEGER PRIMARY KEY,
            pin TEXT NOT NULL,
            pack_id TEXT NOT NULL,
            pack_title TEXT NOT NULL,
            pack_ref TEXT NOT NULL,          -- the id or path the host named, to resume from
            settings TEXT NOT NULL,          -- JSON: count, categories, difficulty, ..., seed
            rounds INTEGER NOT NULL,
            round INTEGER NOT NULL DEFAULT 0, -- the round asked last (0: still in the lobby)
            started_at TEXT NOT NULL,        -- ISO 8601, UTC
            ended_at TEXT,
            status TEXT NOT NULL DEFAULT 'in_progress'  -- in_progress, finished
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE party_players (
            game_id INTEGER NOT NULL REFERENCES party_games (id) ON DELETE CASCADE,
            player INTEGER NOT NULL,         -- the room's number for the player
            name TEXT NOT NULL,
            token TEXT NOT NULL,             -- the rejoin token
            score INTEGER NOT NULL DEFAULT 0,
            joined_at TEXT NOT NULL,
            PRIMARY KEY (game_id, player)
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE party_answers (
            game_id INTEGER NOT NULL REFERENCES party_games (id) ON DELETE CASCADE,
            player INTEGER NOT NULL,
            round INTEGER NOT NULL,
            question_id TEXT NOT NULL,
            given TEXT,                      -- JSON, null when no answer came in time
            given_text TEXT NOT NULL,
            verdict TEXT NOT NULL,           -- correct, partial, wrong, timed_out
            credit REAL NOT NULL,
            points INTEGER NOT NULL,
            seconds REAL NOT NULL,
            answered_at TEXT NOT NULL,
            PRIMARY KEY (game_id, player, round)
        )
        """
    )
    conn.execute("CREATE INDEX party_games_status ON party_games (status)")


MIGRATIONS: tuple[Migration, ...] = (
    _v1_first_schema,
    _v2_counts_kinds_owners,
    _v3_statistics,
    _v4_learn_cards_and_reviews,
    _v5_party_games,
)
LATEST = len(MIGRATIONS)


def pending(version: int) -> list[tuple[int, Migration]]:
    """The migrations a database at `version` still needs, each with the version it reaches."""
    return [(number, m) for number, m in enumerate(MIGRATIONS, start=1) if number > version]
