"""Which process owns a session being played, and whether that process is still there.

A store that writes sessions holds an OS file lock (`filelock`: `flock` on POSIX, `msvcrt` on
Windows) on a small file named by its owner token for as long as it lives. The OS drops the lock
when the process ends in any way (SIGKILL, a closed terminal, a crash), so "I can take the lock"
means "the owner is gone": no pid reuse, no clock, no guessing. (`flock` locks belong to an open
file, so two stores in one process see each other.)
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from filelock import FileLock

LOCK_MODE = 0o644


def new_token() -> str:
    """A unique owner name: host, pid and a random part (pids are reused)."""
    # Only a session that is played needs one, not the read-only commands: socket and
    # secrets cost ~10 ms to import.
    import secrets
    import socket

    host = re.sub(r"[^A-Za-z0-9.-]", "_", socket.gethostname())[:40] or "host"
    return f"{host}-{os.getpid()}-{secrets.token_hex(4)}"


def _file_lock(path: Path) -> FileLock:
    # Imported when a lock is first needed (a session starts, or an unfinished one is looked
    # at): filelock takes tens of milliseconds to import, and most starts need no lock.
    from filelock import FileLock

    # One lock per object, not per thread: the store's connection is shared by the UI and its
    # workers, and whichever thread closes the store lets go. No soft (file-exists) fallback
    # where the file system has no flock: whether an owner is gone would then rest on pids and
    # clocks, which this design avoids; such a folder is reported instead, as before.
    return FileLock(path, mode=LOCK_MODE, thread_local=False, fallback_to_soft=False)


def lock_path(folder: Path, token: str) -> Path:
    """The lock file of the owner named `token` in `folder`."""
    return folder / f"{token}.lock"


class OwnerLock:
    """This process's claim on the sessions it writes, held until `release`."""

    def __init__(self, folder: Path, token: str | None = None) -> None:
        self.folder = folder
        self._token = token
        self._lock: FileLock | None = None

    @property
    def token(self) -> str:
        """This owner's name, made when first asked for (`new_token`)."""
        if self._token is None:
            self._token = new_token()
        return self._token

    @property
    def path(self) -> Path:
        return lock_path(self.folder, self.token)

    @property
    def held(self) -> bool:
        return self._lock is not None and self._lock.is_locked

    def acquire(self) -> None:
        """Take the lock (creating the folder and the file); raises OSError if it cannot.

        The file exists unlocked for a moment, which is safe: no one asks about this owner
        before a session names it, and sessions are written only once the lock is held.
        """
        if self.held:
            return
        from filelock import Timeout

        self.folder.mkdir(parents=True, exist_ok=True)
        if self._lock is None:
            self._lock = _file_lock(self.path)
        try:
            self._lock.acquire(blocking=False)
        except Timeout:  # a fresh random token is never held: the lock itself is not working
            raise OSError(f"could not lock {self.path}") from None

    def release(self) -> None:
        """Let go of the lock and remove its file."""
        if self._lock is None or not self._lock.is_locked:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()  # first, while still locked: no one mistakes the file for dead
        self._lock.release(force=True)


def owner_alive(folder: Path, token: str | None) -> bool:
    """Whether the owner named `token` still holds its lock. Cleans up after a dead one."""
    if not token:
        return False
    from filelock import Timeout

    path = lock_path(folder, token)
    if not path.exists():
        return False
    probe = _file_lock(path)
    try:
        probe.acquire(blocking=False)
    except Timeout:
        # Held, or removed by another process tidying up after the owner just now.
        return path.exists()
    except OSError:
        return True  # cannot tell: do not declare a live session lost
    try:
        with contextlib.suppress(OSError):
            path.unlink()  # its owner is gone; the lock file is ours to tidy
        return False
    finally:
        probe.release(force=True)
