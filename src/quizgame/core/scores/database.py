"""The score database as a file: connecting, checking, migrating, and setting aside a damaged
one. Every failure becomes a `StoreError` whose message is one line for the player.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from datetime import datetime
from pathlib import Path

from quizgame.core.scores import migrations

BUSY_TIMEOUT = 2.0  # seconds to wait for another writer before calling the database locked
# The integrity check at open reads the whole file: about 20 ms for 10,000 sessions. Past this
# budget it stops, so a huge history never slows the start; damage found later is noted in a
# marker file and handled at the next open just the same.
CHECK_BUDGET = 0.1  # seconds; 0 skips the check

# SQLite result codes (the low byte of an extended code).
_BUSY, _LOCKED, _READONLY, _INTERRUPT, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = (
    5, 6, 8, 9, 11, 13, 14, 26
)  # fmt: skip


class StoreError(Exception):
    """The score database cannot be used; the message is one line for the player."""


class StoreLocked(StoreError):
    """Another program holds the database."""


class StoreCorrupt(StoreError):
    """The database is damaged (found while in use; it is set aside the next time it opens)."""


def one_line(text: str, limit: int = 100) -> str:
    """SQLite's own words (its check reports span lines), flattened and cut short."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _error_code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def translate(exc: sqlite3.Error, path: Path) -> StoreError:
    """A sqlite3 error as one line a player can act on."""
    code = _error_code(exc)
    if code in (_BUSY, _LOCKED):
        return StoreLocked(
            f"the score database {path} is locked by another program; close it and try again"
        )
    if code in (_CORRUPT, _NOTADB):
        return StoreCorrupt(f"the score database {path} is damaged ({one_line(str(exc))})")
    if code == _FULL:
        return StoreError(f"cannot write the score database {path}: the disk is full")
    if code == _READONLY:
        return StoreError(f"cannot write the score database {path}: {_why_not(path, True)}")
    if code == _CANTOPEN:
        return StoreError(f"cannot open the score database {path}: {_why_not(path, False)}")
    return StoreError(f"the score database {path} failed: {one_line(str(exc))}")


def _why_not(path: Path, writing: bool) -> str:
    """Why SQLite cannot open (or write) `path`, as far as the file system tells."""
    folder = path.parent
    if not folder.is_dir():
        return f"its folder {folder} does not exist"
    if path.exists() and not os.access(path, os.R_OK):
        return "permission denied: the file cannot be read"
    if not os.access(folder, os.W_OK):
        return f"the folder {folder} is read-only (SQLite writes its journal beside the file)"
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is read-only"
    return "it is read-only" if writing else "SQLite could not open it"


_SQLITE_MAGIC = b"SQLite format 3\x00"


def refuse_foreign(path: Path, busy_timeout: float = BUSY_TIMEOUT) -> None:
    """Raise `StoreError` for a SQLite file that is not ours (tables, no schema version) or is
    from a newer quizgame, before anything writes to it: such a file is left byte-identical.
    Reads the header, and the table count through a read-only connection that waits at most
    `busy_timeout` seconds for another program's lock (then connecting reports it); not even
    that when the header says it is ours and current and no -wal file holds more (`_current`)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError:
        return  # missing (a new database) or unreadable: connecting says why
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        return  # empty (new) or not SQLite: connecting finds it damaged
    if _current(path, header):
        return
    try:  # read-only: it sees what a -wal file holds too, and writes nothing
        uri = f"{_file_uri(path.resolve())}?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=busy_timeout)) as conn:
            version = _user_version(conn)
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.Error:
        return  # connecting will say what is wrong
    if version > migrations.LATEST:
        raise StoreError(
            f"the score database {path} is from a newer quizgame (schema {version}; "
            f"this one knows up to {migrations.LATEST}); it was left as it is"
        )
    if version == 0 and tables:
        raise StoreError(f"{path} is not a quizgame score database; it was left as it is")


def _current(path: Path, header: bytes) -> bool:
    """Whether the file's own header (its first 100 bytes) says the schema is this program's
    latest, and says it for sure: no -wal file beside it holds a newer first page (closing the
    last connection empties the -wal into the file; another program using it now may not
    have). Asking through a connection instead costs every read command ~1 ms."""
    version = int.from_bytes(header[60:64], "big")  # PRAGMA user_version, as SQLite stores it
    if version != migrations.LATEST:
        return False
    try:
        wal = path.with_name(path.name + "-wal").stat().st_size
    except OSError:
        return True  # no -wal file: the file is the whole database
    return wal == 0


def _file_uri(path: Path) -> str:
    """`path` (absolute) as SQLite reads a `file:` URI: only `%`, `?` and `#` need escaping
    (https://sqlite.org/uri.html). Not `Path.as_uri`: it imports urllib.parse, ~2 ms of every
    read command."""
    text = path.as_posix().replace("%", "%25").replace("?", "%3F").replace("#", "%23")
    return f"file://{'' if text.startswith('/') else '/'}{text}"  # file:///C:/... on Windows


def checked_stamp(path: Path) -> Path:
    """Beside the database: the size and time of its files when this program last left them
    sound (the integrity check passed at open, and only SQLite's transactions wrote since).
    While they are unchanged, opening skips the check."""
    return path.with_name(path.name + "-checked")


# The databases this process found sound when it opened them (checked, or unchanged since).
_sound: set[Path] = set()


def left_sound(path: Path) -> None:
    """Called once the last connection to `path` is closed: stamp it if it was found sound."""
    if path in _sound:
        _sound.discard(path)
        if not _checked_before(path):  # unchanged (a read-only command): the stamp still holds
            _remember_checked(path)


def _signature(path: Path) -> list[int]:
    """Size and modification time of the database and of its -wal file when it holds anything
    (opening in WAL mode makes an empty one)."""
    out: list[int] = []
    for name in (path, path.with_name(path.name + "-wal")):
        try:
            info = name.stat()
        except OSError:
            continue
        if info.st_size:
            out += [info.st_size, info.st_mtime_ns]
    return out


def _stamp_text(signature: list[int]) -> str:
    """A signature as the stamp file holds it: a JSON list of numbers, written and compared as
    text so that a read command never imports json (~3 ms) to check it."""
    return "[" + ", ".join(str(number) for number in signature) + "]"


def _checked_before(path: Path) -> bool:
    try:
        stamp = checked_stamp(path).read_text(encoding="utf-8")
    except (OSError, ValueError):
        return False
    return stamp.strip() == _stamp_text(_signature(path))


def _remember_checked(path: Path) -> None:
    from quizgame.core.atomic import write_atomic  # only after a check, which is rare

    with contextlib.suppress(OSError):
        write_atomic(checked_stamp(path), _stamp_text(_signature(path)), replace_link=True)


def damage_marker(path: Path) -> Path:
    """A note left beside a database found damaged while in use, for the next open."""
    return path.with_name(path.name + "-damaged")


def set_aside(path: Path, moment: datetime) -> Path:
    """Move a damaged database (and its -wal/-shm files) to `NAME.corrupt-YYYYmmdd-HHMMSS`."""
    stamp = moment.astimezone().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while aside.exists():  # never replace an earlier one
        n += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    try:
        path.rename(aside)
        for suffix in ("-wal", "-shm", "-damaged"):
            extra = path.with_name(path.name + suffix)
            if extra.exists():
                extra.rename(aside.with_name(aside.name + suffix))
    except OSError as exc:
        raise StoreError(
            f"the score database {path} is damaged and could not be moved aside: {exc.strerror}"
        ) from None
    return aside


def connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """Connect, check the file, and bring the schema up to date."""
    conn: sqlite3.Connection | None = None
    refuse_foreign(path, busy_timeout)  # before WAL mode or a migration changes a byte of it
    try:
        # Transactions are explicit (BEGIN IMMEDIATE ... COMMIT), hence isolation_level=None.
        conn = sqlite3.connect(
            path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
        )
        conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL in WAL mode: a commit survives the process being killed; only a power cut
        # can lose the last answers, and no answer waits on an fsync.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        marker = damage_marker(path)
        if marker.exists():
            found = one_line(marker.read_text(encoding="utf-8", errors="replace"), 300)
            raise StoreCorrupt(found or f"the score database {path} is damaged")
        _check(conn, path)
        _migrate(conn, path)
        return conn
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        raise translate(exc, path) from None
    except StoreError:
        if conn is not None:
            conn.close()
        raise


def _check(conn: sqlite3.Connection, path: Path) -> None:
    """SQLite's quick integrity check, for at most CHECK_BUDGET seconds (0: none); skipped
    while the files are as they were when it last passed (`checked_stamp`)."""
    if CHECK_BUDGET <= 0:
        return
    if _checked_before(path):
        _sound.add(path)
        return
    # The check is one long step inside SQLite: only an interrupt from another thread stops it.
    timer = threading.Timer(CHECK_BUDGET, conn.interrupt)
    timer.daemon = True
    timer.start()
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.OperationalError as exc:
        if _error_code(exc) != _INTERRUPT:
            raise
        return  # out of time: what was read is sound, but not all was read
    finally:
        timer.cancel()
        timer.join()
    if problems != ["ok"]:
        raise StoreCorrupt(f"the score database {path} is damaged ({one_line(problems[0])})")
    _sound.add(path)


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = _user_version(conn)
    if version == migrations.LATEST:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = _user_version(conn)  # another process may have migrated meanwhile
        if version > migrations.LATEST:
            raise StoreError(
                f"the score database {path} is from a newer quizgame (schema {version}; "
                f"this one knows up to {migrations.LATEST}); it was left as it is"
            )
        if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError(f"{path} is not a quizgame score database; it was left as it is")
        for number, migration in migrations.pending(version):
            migration(conn)
            conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])
