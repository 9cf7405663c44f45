"""Writing a file so that a reader (or a crash) sees the old content or the new, never half;
and clearing away the temporary files a killed writer left."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from pathlib import Path

NEW_FILE_MODE = 0o644
# `.NAME.PID.XXXXXXXX.tmp`: the writer's process id lets the next start tell a leftover of a
# killed writer from a file another quizgame is writing right now.
_LEFTOVER = r"\..+\.(?P<pid>[0-9]+)\.[a-z0-9_]{8}\.tmp"
# Past this age a temporary file is a leftover even if its process id is in use again.
LEFTOVER_AGE_SECONDS = 24 * 3600


class LinkRefused(OSError):
    """`path` is a symbolic link, and quizgame never writes through one (a dangling link in
    the packs folder would otherwise make it write anywhere). `strerror` says so."""

    def __init__(self, path: Path) -> None:
        target = os.readlink(path)
        message = f"it is a symbolic link (to {target}); quizgame never writes through a link"
        super().__init__(errno.ELOOP, message, str(path))


def write_atomic(path: Path, data: str | bytes, *, replace_link: bool = False) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename.

    A symbolic link is never written through: `LinkRefused` (an OSError), or with
    `replace_link` the link itself is replaced by the file (for files only quizgame reads, such
    as the cache). An existing file keeps its permissions. The data reaches the disk (fsync)
    before the rename, and the rename itself where the platform lets a folder be synced, so a
    power cut leaves the old file or the new one, never an empty one. Raises OSError; the
    temporary file never stays behind (after a kill, `clean_leftovers` clears it).
    """
    path = Path(path)
    if path.is_symlink() and not replace_link:
        raise LinkRefused(path)
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        info = path.lstat()
        mode = stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else NEW_FILE_MODE
    except FileNotFoundError:
        mode = NEW_FILE_MODE
    prefix = f".{path.name}.{os.getpid()}."
    import tempfile  # only a write needs it (~5 ms with shutil): most starts only clean up

    fd, tmp = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable, where the platform allows (not on Windows, where a
    folder cannot be opened, nor on file systems that refuse to sync one: the file is written
    either way)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def clean_leftovers(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files `write_atomic` left in `folder` when its process was killed
    mid-write: those whose process is gone, or older than `LEFTOVER_AGE_SECONDS` (`now`: the
    time, seconds since the epoch). Only regular files named as ours; never raises. Returns
    what was removed."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        # Compiled (then cached by re) only if a name could match: most folders hold none.
        found = entry.name.endswith(".tmp") and re.fullmatch(_LEFTOVER, entry.name)
        if not found:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode):
                continue
            old = now - info.st_mtime > LEFTOVER_AGE_SECONDS
            if old or not _alive(int(found["pid"])):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    """Whether process `pid` runs (on Windows, where os.kill would end it, assume it does)."""
    if os.name == "nt" or pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OverflowError, OSError):
        return True  # another user's process, or a number we cannot ask about
    return True
