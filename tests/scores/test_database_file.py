"""The score database as a file: a foreign or newer one is left byte-identical, the integrity
check runs only when the file changed since it last passed, and failing to open says why and
where."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from quizgame.cli import cli
from quizgame.core import paths
from quizgame.core.scores import database
from quizgame.core.scores.database import StoreError
from quizgame.core.scores.store import ScoreStore
from tests.played import make_pack, play


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = paths.scores_db(tmp_path / "data")
    path.parent.mkdir(parents=True)
    return path


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _sqlite_file(path: Path, version: int, table: str = "recipes") -> None:
    conn = sqlite3.connect(path)  # rollback journal, as most programs leave it
    conn.execute(f"CREATE TABLE {table} (name TEXT)")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("version", "says"), [(0, "not a quizgame score database"), (99, "newer quizgame")]
)
def test_a_foreign_or_newer_database_is_left_byte_identical(
    db: Path, version: int, says: str
) -> None:
    _sqlite_file(db, version)
    before = _files(db.parent)
    with pytest.raises(StoreError, match=says):
        ScoreStore.open(db)
    assert _files(db.parent) == before  # not switched to WAL, no -wal or -shm beside it
    for command in ("scores", "history"):
        result = CliRunner().invoke(cli, ["--data-dir", str(db.parent), command])
        assert result.exit_code == 1 and "left as it is" in result.stderr
        assert _files(db.parent) == before


@pytest.mark.parametrize("folder", ["100% ok", "what?x", "#1", "é a%20b"])
def test_a_foreign_database_is_refused_whatever_its_folder_is_named(
    tmp_path: Path, folder: str
) -> None:
    # The read-only look goes through a file: URI; a name escaped wrongly would look at
    # another (new, empty) file and let the foreign one be migrated.
    db = paths.scores_db(tmp_path / folder)
    db.parent.mkdir()
    _sqlite_file(db, 0)
    before = _files(db.parent)
    with pytest.raises(StoreError, match="not a quizgame score database"):
        ScoreStore.open(db)
    assert _files(db.parent) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]


def _read_only_looks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The read-only connections opened from now on (refuse_foreign's look), by URI."""
    looks: list[str] = []
    real = sqlite3.connect

    def counting(database: Any, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("uri"):
            looks.append(str(database))
        return real(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", counting)
    return looks


def test_a_current_database_of_ours_is_opened_without_a_separate_look(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ScoreStore.open(db).close()  # new: nothing to look at
    looks = _read_only_looks(monkeypatch)
    with ScoreStore.open(db) as store:  # its header says all: ours, the latest schema
        play(store, make_pack(), [True])
        assert not looks
        with ScoreStore.open(db):  # its -wal now holds what the header may not say
            assert len(looks) == 1


def test_a_newer_schema_only_the_wal_holds_is_refused(db: Path) -> None:
    ScoreStore.open(db).close()
    newer = sqlite3.connect(db, isolation_level=None)  # open: its change stays in the -wal
    try:
        newer.execute("PRAGMA user_version = 99")
        assert int.from_bytes(db.read_bytes()[60:64], "big") != 99  # the header does not say
        wal = db.with_name(db.name + "-wal")
        before = (db.read_bytes(), wal.read_bytes())
        with pytest.raises(StoreError, match="newer quizgame"):
            ScoreStore.open(db)
        assert (db.read_bytes(), wal.read_bytes()) == before
    finally:
        newer.close()


def _count_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    runs: list[int] = []
    real = threading.Timer

    def counting(*args: Any, **kwargs: Any) -> threading.Timer:
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(threading, "Timer", counting)
    return runs


def test_the_integrity_check_runs_only_when_the_file_changed(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = _count_checks(monkeypatch)
    with ScoreStore.open(db) as store:  # new: checked, then stamped as left sound at close
        play(store, make_pack(), [True, False])
    assert len(runs) == 1 and database.checked_stamp(db).exists()
    for _ in range(3):  # as this program left it: no check on the read path
        with ScoreStore.open(db) as store:
            store.read(lambda conn: conn.execute("SELECT count(*) FROM sessions").fetchone())
    assert len(runs) == 1
    os.utime(db)  # changed by someone else since (a sync tool, a restored backup...)
    ScoreStore.open(db).close()
    assert len(runs) == 2
    ScoreStore.open(db).close()
    assert len(runs) == 2


def test_reading_leaves_the_stamp_as_it_was(db: Path) -> None:
    # A read-only command writes nothing: not even the stamp again (a write and two fsyncs).
    with ScoreStore.open(db) as store:
        play(store, make_pack(), [True])
    stamp = database.checked_stamp(db)
    before = stamp.stat()
    with ScoreStore.open(db) as store:
        store.read(lambda conn: conn.execute("SELECT count(*) FROM sessions").fetchone())
    after = stamp.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_store_killed_before_closing_leaves_no_stamp(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ScoreStore.open(db).close()
    store = ScoreStore.open(db)
    play(store, make_pack(), [True])
    store._conn.close()  # as if killed: close() never ran, its writes are in the -wal file
    runs = _count_checks(monkeypatch)
    ScoreStore.open(db).close()
    assert len(runs) == 1


def test_a_stamp_that_is_not_ours_means_checking(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ScoreStore.open(db).close()
    ScoreStore.open(db).close()
    runs = _count_checks(monkeypatch)
    database.checked_stamp(db).write_text("not json")
    ScoreStore.open(db).close()
    assert len(runs) == 1


def test_failing_to_open_says_why_and_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "gone" / "scores.db"
    assert "does not exist" in database._why_not(gone, False)
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "scores.db"
    path.write_bytes(b"")
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != folder)
    why = database._why_not(path, False)
    assert "read-only" in why and str(folder) in why
    monkeypatch.setattr(os, "access", lambda p, mode: mode != os.R_OK)
    assert "permission denied" in database._why_not(path, False)


def test_history_says_why_the_database_cannot_be_opened(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "scores.db").mkdir()  # a folder where the file should be
    for command in ("history", "scores"):
        result = CliRunner().invoke(cli, ["--data-dir", str(data), command])
        assert result.exit_code == 1
        assert "cannot open the score database" in result.stderr
        assert str(data / "scores.db") in result.stderr
        assert "internal error" not in result.stderr
