"""The score store: round trip, migration from the first schema, a killed session, damage, locks."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from quizgame.core import paths
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import Lifeline, Mode
from quizgame.core.play.session import Session
from quizgame.core.scores import accuracy, migrations, queries
from quizgame.core.scores.database import StoreCorrupt, StoreError, StoreLocked
from quizgame.core.scores.recorder import SessionRecorder
from quizgame.core.scores.store import ScoreStore
from tests.clocks import FakeClock, WallClock
from tests.paths import REPO
from tests.played import make_pack, play


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return paths.scores_db(paths.data_dir(tmp_path / "data"))


def test_round_trip(db: Path) -> None:
    wall = WallClock()
    pack = make_pack()
    with ScoreStore.open(db, now=wall) as store:
        clock = FakeClock()
        recorder = SessionRecorder(store)
        options = SessionOptions(count=4, seed=42, mode=Mode.CHALLENGE, time_limit=10)
        session = Session(pack, options, clock=clock, on_record=recorder)
        recorder.start(session)
        session.use_lifeline(Lifeline.FIFTY_FIFTY)
        clock.advance(5)
        session.answer("right")
        session.advance()
        clock.advance(11)
        session.tick()  # a time-out
        session.advance()
        session.use_lifeline(Lifeline.SKIP)
        session.advance()
        session.answer("wrong b")
        session.advance()
        wall.advance(minutes=1)
        recorder.finish(session)
        session_id = recorder.session_id
        assert session_id is not None and recorder.error is None
    results = session.results()

    with ScoreStore.open(db) as store:
        saved = store.read(queries.session_summary, session_id)
        answers = store.read(queries.session_answers, session_id)
    assert saved is not None
    assert (saved.pack_id, saved.pack_title, saved.mode, saved.seed) == (
        "films",
        "The films pack",
        "challenge",
        42,
    )
    assert saved.status == "finished" and saved.end_reason == "completed"
    assert saved.kind == "play"
    assert saved.score == results.score == 150
    assert (saved.correct, saved.answered, saved.asked, saved.total) == (1, 3, 4, 4)
    assert saved.accuracy == pytest.approx(1 / 3)
    assert saved.duration == results.duration == 16
    assert saved.lifelines == ("fifty_fifty", "skip")
    assert saved.settings == {
        "count": 4,
        "categories": [],
        "difficulty": None,
        "spoiler": "none",
        "time_limit": 10,
        "question_ids": [],
    }
    assert saved.started_at.isoformat() == "2025-03-01T12:00:00+00:00"
    assert saved.ended_at is not None and saved.ended_at.minute == 1
    order = [r.question_id for r in results.records]
    assert [a.question_id for a in answers] == order
    assert [(a.verdict, a.points, a.time_taken, a.given) for a in answers] == [
        ("correct", 150, 5.0, "right"),
        ("timed_out", 0, 10.0, None),
        ("skipped", 0, 0.0, None),
        ("wrong", 0, 0.0, "wrong b"),
    ]


def test_each_answer_is_committed_when_given(db: Path) -> None:
    pack = make_pack()
    with ScoreStore.open(db) as store:
        play(store, pack, [True, False], finish=False)
        # Another connection (another process, in effect) sees both answers already.
        other = sqlite3.connect(db)
        rows = other.execute("SELECT verdict FROM answers ORDER BY id").fetchall()
        status, score = other.execute("SELECT status, score FROM sessions").fetchone()
        other.close()
        assert rows == [("correct",), ("wrong",)]
        assert (status, score) == ("in_progress", 200)


def test_quitting_mid_session_is_recorded_as_abandoned(db: Path) -> None:
    with ScoreStore.open(db) as store:
        session, recorder = play(store, make_pack(), [True], count=3, finish=False)
        recorder.finish(session)  # the player quits before the end
        saved = store.read(queries.session_summary, recorder.session_id or 0)
    assert saved is not None and saved.status == "abandoned" and saved.end_reason == "abandoned"


def test_closing_the_store_abandons_its_unfinished_sessions(db: Path) -> None:
    store = ScoreStore.open(db)
    _session, recorder = play(store, make_pack(), [True], finish=False)
    store.close()
    with ScoreStore.open(db) as store:
        saved = store.read(queries.session_summary, recorder.session_id or 0)
    assert saved is not None and saved.status == "abandoned"


# --- migration ------------------------------------------------------------------------------

# The first schema as released, frozen here on purpose: a change to migration 1 must fail this.
V1_SCHEMA = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY, pack_id TEXT NOT NULL, pack_title TEXT NOT NULL, mode TEXT NOT NULL,
    settings TEXT NOT NULL, seed INTEGER, score INTEGER NOT NULL DEFAULT 0,
    accuracy REAL NOT NULL DEFAULT 0, duration REAL NOT NULL DEFAULT 0, started_at TEXT NOT NULL,
    ended_at TEXT, status TEXT NOT NULL DEFAULT 'in_progress', pid INTEGER);
CREATE TABLE answers (
    id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL REFERENCES sessions(id),
    number INTEGER NOT NULL, question_id TEXT NOT NULL, given TEXT, verdict TEXT NOT NULL,
    points INTEGER NOT NULL, time_taken REAL NOT NULL, answered_at TEXT NOT NULL);
PRAGMA user_version = 1;
"""


def make_v1_database(db: Path) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db)
    conn.executescript(V1_SCHEMA)
    settings = json.dumps({"count": 3, "question_ids": []})
    practice = json.dumps({"count": 2, "question_ids": ["q2", "q3"]})
    conn.executemany(
        "INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (1, "films", "Films", "classic", settings, 5, 400, 2 / 3, 30.5,
             "2024-11-02T10:00:00.000+00:00", "2024-11-02T10:01:00.000+00:00", "finished", 111),
            (2, "films", "Films", "classic", practice, 6, 200, 0.5, 12.0,
             "2024-11-03T10:00:00.000+00:00", "2024-11-03T10:00:20.000+00:00", "finished", 111),
            (3, "films", "Films", "challenge", settings, 7, 100, 1.0, 0.0,
             "2024-11-04T10:00:00.000+00:00", None, "in_progress", 999_999),
        ],
    )  # fmt: skip
    t = "2024-11-02T10:00:10.000+00:00"
    conn.executemany(
        "INSERT INTO answers (session_id, number, question_id, given, verdict, points, "
        "time_taken, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (1, 1, "q1", "right", "correct", 200, 3.0, t),
            (1, 2, "q2", "wrong a", "wrong", 0, 4.0, t),
            (1, 3, "q3", "right", "correct", 200, 5.0, t),
            (2, 1, "q2", "wrong b", "wrong", 0, 6.0, t),
            (2, 2, "q3", "right", "correct", 200, 6.0, t),
            (3, 1, "q4", "right", "correct", 100, 2.0, t),
        ],
    )
    conn.commit()
    conn.close()


def test_migration_from_the_first_schema_keeps_the_data(db: Path) -> None:
    make_v1_database(db)
    with ScoreStore.open(db) as store:
        first, practice, unfinished = (store.read(queries.session_summary, i) for i in (1, 2, 3))
        answers = store.read(queries.session_answers, 1)
        missed = store.read(accuracy.most_missed, "films")
        standing = store.read(queries.standing, 1)
    assert first is not None and practice is not None and unfinished is not None
    assert (first.score, first.seed, first.duration, first.status) == (400, 5, 30.5, "finished")
    assert first.accuracy == pytest.approx(2 / 3)
    assert (first.correct, first.answered, first.asked) == (2, 3, 3)  # counted from its answers
    assert first.settings == {"count": 3, "question_ids": []}
    assert [(a.question_id, a.verdict, a.given) for a in answers] == [
        ("q1", "correct", "right"),
        ("q2", "wrong", "wrong a"),
        ("q3", "correct", "right"),
    ]
    assert practice.kind == "practice"  # told apart by its question list
    assert first.kind == "play"
    # A v1 session left in progress has no owner to ask: its process is long gone.
    assert unfinished.status == "abandoned"
    assert unfinished.ended_at is not None
    # Answers got their pack: the misses per pack see them.
    assert [(m.question_id, m.missed, m.asked) for m in missed] == [("q2", 2, 2)]
    assert standing is not None and standing.rank == 1 and standing.out_of == 1
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def schema(db: Path) -> list[object]:
    conn = sqlite3.connect(db)
    out: list[object] = []
    for kind, name, sql in sorted(conn.execute("SELECT type, name, sql FROM sqlite_master")):
        if kind == "table":
            out.append((name, conn.execute(f"PRAGMA table_info({name})").fetchall()))
        else:
            out.append((name, sql))
    conn.close()
    return out


def test_a_new_database_takes_the_same_path_as_an_old_one(db: Path) -> None:
    ScoreStore.open(db).close()
    make_v1_database(db.with_name("old.db"))
    ScoreStore.open(db.with_name("old.db")).close()
    assert schema(db.with_name("old.db")) == schema(db)


def test_a_database_from_a_newer_version_is_left_alone(db: Path) -> None:
    ScoreStore.open(db).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match="newer quizgame") as info:
        ScoreStore.open(db)
    assert "\n" not in str(info.value)
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == 99


def test_a_database_that_is_not_ours_is_left_alone(db: Path) -> None:
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a quizgame score database"):
        ScoreStore.open(db)
    assert [r[0] for r in sqlite3.connect(db).execute("SELECT name FROM sqlite_master")] == [
        "recipes"
    ]


# --- a session killed mid-way ---------------------------------------------------------------

CHILD = """
import sys
sys.path[:0] = {path!r}
from tests.played import make_pack, play
from quizgame.core.scores.store import ScoreStore

store = ScoreStore.open({db!r})
session, recorder = play(store, make_pack(), [True, False, True], finish=False)
print(recorder.session_id, flush=True)
sys.stdin.read()  # wait here, mid-session, until killed
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_session_keeps_its_answers_and_shows_as_abandoned(db: Path) -> None:
    ScoreStore.open(db).close()
    code = CHILD.format(path=[str(REPO), *sys.path], db=str(db))
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        session_id = int(child.stdout.readline())
        # While the child lives, its session is in progress, not lost.
        with ScoreStore.open(db) as store:
            live = store.read(queries.session_summary, session_id)
            assert live is not None and live.status == "in_progress"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL

    with ScoreStore.open(db) as store:
        lost = store.read(queries.session_summary, session_id)
        answers = store.read(queries.session_answers, session_id)
        history = store.read(queries.recent_sessions)
    assert lost is not None and lost.status == "abandoned"
    assert [a.verdict for a in answers] == ["correct", "wrong", "correct"]
    assert (lost.score, lost.correct, lost.answered) == (400, 2, 3)
    assert lost.ended_at is not None and lost.duration == 6.0
    assert [s.status for s in history] == ["abandoned"]
    assert not any(p.suffix == ".lock" for p in (db.parent / "scores.db-live").iterdir())


def test_two_live_stores_in_one_process_do_not_abandon_each_other(db: Path) -> None:
    first = ScoreStore.open(db)
    _session, recorder = play(first, make_pack(), [True], finish=False)
    with ScoreStore.open(db) as second:
        live = second.read(queries.session_summary, recorder.session_id or 0)
        assert live is not None and live.status == "in_progress"
    first.close()


# --- damage and locks -----------------------------------------------------------------------


def test_a_file_that_is_not_a_database_is_set_aside_and_reported(db: Path) -> None:
    db.parent.mkdir(parents=True)
    junk = b"this is not a database, just some text\n" * 200
    db.write_bytes(junk)
    wall = WallClock()
    with ScoreStore.open(db, now=wall) as store:
        notice = store.notice
        play(store, make_pack(), [True])
        assert store.read(queries.count_sessions) == 1
    aside = db.with_name("scores.db.corrupt-" + wall.now.astimezone().strftime("%Y%m%d-%H%M%S"))
    assert notice is not None and "\n" not in notice
    assert "damaged" in notice and aside.name in notice
    assert aside.read_bytes() == junk  # kept, not deleted


def test_a_damaged_page_is_found_and_the_file_set_aside(db: Path) -> None:
    with ScoreStore.open(db) as store:
        for seed in range(60):
            play(store, make_pack(), [True, False, True], seed=seed)
    damage_a_page(db)
    wall = WallClock()
    with ScoreStore.open(db, now=wall) as store:
        assert store.notice is not None and "damaged" in store.notice
        assert "\n" not in store.notice
        assert store.read(queries.count_sessions) == 0  # a new one
    assert len(list(db.parent.glob("scores.db.corrupt-*"))) == 1
    # The same second twice: the earlier copy is not replaced.
    db.write_bytes(b"garbage" * 1000)
    with ScoreStore.open(db, now=wall) as store:
        assert store.notice is not None
    assert len(list(db.parent.glob("scores.db.corrupt-*"))) == 2


def hold_exclusive(db: Path) -> sqlite3.Connection:
    """Another program holding the database (as the sqlite3 shell can)."""
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE sessions SET score = score")
    return holder


def test_a_locked_database_is_reported_in_one_line_and_left_alone(db: Path) -> None:
    with ScoreStore.open(db) as store:
        play(store, make_pack(), [True])
    before = db.read_bytes()
    holder = hold_exclusive(db)
    try:
        with pytest.raises(StoreLocked) as info:
            ScoreStore.open(db, busy_timeout=0.05)
    finally:
        holder.close()
    message = str(info.value)
    assert "\n" not in message and "locked" in message and str(db) in message
    assert not list(db.parent.glob("scores.db.corrupt-*"))  # locked is not damaged
    assert db.read_bytes() == before
    with ScoreStore.open(db) as store:
        assert store.read(queries.count_sessions) == 1


def test_every_connection_an_open_makes_waits_only_its_busy_timeout(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A locked database costs the open its busy timeout, not SQLite's default 5 s on top (the
    read-only look for a foreign file waited that long before)."""
    waits: list[object] = []
    real_connect = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> Any:
        waits.append(kwargs.get("timeout"))
        return real_connect(*args, **kwargs)

    with ScoreStore.open(db) as store:
        play(store, make_pack(), [True])  # in its -wal: the header alone cannot say it is ours
        monkeypatch.setattr(sqlite3, "connect", connect)
        ScoreStore.open(db, busy_timeout=0.05).close()
    assert len(waits) >= 2 and set(waits) == {0.05}  # the look for a foreign file, the real one


def test_a_lock_taken_during_play_is_reported_once_and_play_goes_on(db: Path) -> None:
    store = ScoreStore.open(db, busy_timeout=0.05)
    errors: list[StoreError] = []
    recorder = SessionRecorder(store, on_error=errors.append)
    clock = FakeClock()
    session = Session(make_pack(), SessionOptions(count=3, seed=1), clock=clock, on_record=recorder)
    recorder.start(session)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer, mid-transaction
    try:
        session.answer("right")
        session.advance()
        session.answer("right")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert session.score > 0  # the game did not notice
    assert len(errors) == 1 and isinstance(errors[0], StoreLocked)
    session.advance()
    session.answer("right")  # the lock is gone, but half a session is not written as whole
    recorder.finish(session)
    store.close()
    with ScoreStore.open(db) as reopened:
        saved = reopened.read(queries.session_summary, recorder.session_id or 0)
        assert saved is not None and saved.status == "abandoned" and saved.asked == 0


def test_the_data_folder_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    folder = Path(os.environ["QUIZGAME_DATA_DIR"])
    assert paths.scores_db(paths.data_dir()) == folder / "scores.db"


def damage_a_page(db: Path) -> None:
    """Overwrite a page of the answers table (found through the sqlite_master root page)."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'answers'").fetchone()[0]
    conn.close()
    data = bytearray(db.read_bytes())
    page = root - 1  # 1-based page numbers
    data[page * size : (page + 1) * size] = b"\xa5" * size
    db.write_bytes(bytes(data))


def test_damage_found_in_use_is_reported_and_set_aside_at_the_next_open(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ScoreStore.open(db) as store:
        for seed in range(60):
            play(store, make_pack(), [True, False, True], seed=seed)
    damage_a_page(db)
    monkeypatch.setattr(
        "quizgame.core.scores.database.CHECK_BUDGET", 0.0
    )  # a history too big to check
    store = ScoreStore.open(db)
    assert store.notice is None  # not found at open
    with pytest.raises(StoreCorrupt) as info:
        for summary in store.read(
            queries.recent_sessions, limit=100
        ):  # reads every session and answer
            store.read(queries.session_answers, summary.id)
    store.close()
    message = str(info.value)
    assert "\n" not in message and "damaged" in message and "next starts" in message
    with ScoreStore.open(db) as store:  # still without the time to check: the marker tells
        assert store.notice is not None and "damaged" in store.notice
        assert store.read(queries.count_sessions) == 0
    aside = list(db.parent.glob("scores.db.corrupt-*"))
    assert len(aside) == 2  # the database and its marker, side by side
    assert not db.with_name("scores.db-damaged").exists()


def test_out_of_time_for_the_check_is_not_damage(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with ScoreStore.open(db) as store:
        play(store, make_pack(), [True])
    monkeypatch.setattr("quizgame.core.scores.database.CHECK_BUDGET", 0.0)
    with ScoreStore.open(db) as store:
        assert store.notice is None and store.read(queries.count_sessions) == 1
