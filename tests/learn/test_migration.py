"""Learn mode's migration, from every earlier version of the score database."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fsrs import Rating

from quizgame.core.learn import cards
from quizgame.core.scores import migrations
from quizgame.core.scores.store import ScoreStore
from tests.played import make_pack
from tests.scores.test_store import make_v1_database

OURS = migrations.MIGRATIONS.index(migrations._learn_cards_and_reviews) + 1  # its version


@pytest.mark.parametrize("version", range(1, OURS))
def test_the_learn_tables_come_from_every_earlier_version(tmp_path: Path, version: int) -> None:
    db = tmp_path / "scores.db"
    make_v1_database(db)
    conn = sqlite3.connect(db)
    for number, migration in migrations.pending(1):
        if number > version:
            break
        migration(conn)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.commit()
    conn.close()
    now = datetime(2026, 3, 2, 9, tzinfo=UTC)
    with ScoreStore.open(db, now=lambda: now) as store:
        sessions = store.read(lambda c: c.execute("SELECT count(*) FROM sessions").fetchone()[0])
        assert sessions == 3  # the history is kept
        pack = make_pack(n=2)
        store.write(
            cards.record_review, pack.id, "q1", Rating.Good, now, verdict="correct", time_taken=4
        )
        deal = store.read(cards.deal, pack, now, tz=UTC)
    assert deal.new == ("q2",)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    conn.close()
