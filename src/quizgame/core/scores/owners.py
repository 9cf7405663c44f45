"""Which process owns a session being played, and whether that process is still there.

A store that writes sessions holds an OS lock on a small file named by its owner token for as
long as it lives. The OS drops the lock when the process ends in any way (SIGKILL, a closed
terminal, a crash), so "I can take the lock" means "the owner is gone": no pid reuse, no clock,
no guessing. (`flock` locks belong to an open file, so two stores in one process see each other.)
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import socket
import sys
from pathlib import Path


def new_token() -> str:
    """A unique owner name: host, pid and a random part (pids are reused)."""
    host = re.sub(r"[^A-Za-z0-9.-]", "_", socket.gethostname())[:40] or "host"
    return f"{host}-{os.getpid()}-{secrets.token_hex(4)}"


def _try_lock(fd: int) -> bool:
    """Take the lock on `fd` without waiting; False if someone holds it."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # BlockingIOError: held elsewhere
        return False
    return True


class OwnerLock:
    """This process's claim on the sessions it writes, held until `release`."""

    def __init__(self, folder: Path, token: str | None = None) -> None:
        self.folder = folder
        self.token = token or new_token()
        self._fd: int | None = None

    @property
    def path(self) -> Path:
        return self.folder / f"{self.token}.lock"

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Create the lock file already locked (locked under a temporary name, then renamed), so
        no one can find it unlocked and take this owner for dead."""
        if self._fd is not None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / f".{self.token}.{secrets.token_hex(4)}.tmp"
        fd = os.open(temporary, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            if not _try_lock(fd):
                raise OSError(f"could not lock {temporary}")
            os.replace(temporary, self.path)
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()  # first, while still locked: no one mistakes the file for dead
        os.close(self._fd)
        self._fd = None


def owner_alive(folder: Path, token: str | None) -> bool:
    """Whether the owner named `token` still holds its lock. Cleans up after a dead one."""
    if not token:
        return False
    path = folder / f"{token}.lock"
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot tell: do not declare a live session lost
    try:
        if not _try_lock(fd):
            return True
        with contextlib.suppress(OSError):
            path.unlink()  # its owner is gone; the lock file is ours to tidy
        return False
    finally:
        os.close(fd)
