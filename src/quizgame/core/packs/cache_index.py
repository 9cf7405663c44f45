"""A small JSON index in the cache folder (the packs listed, the packs checked): read only when
it is a regular file of bounded size written by this quizgame, written whole or not at all.
Reading never raises and writing never fails a command: the index only saves time."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import Any

import quizgame


def read_index(path: Path, index_format: int, max_bytes: int) -> dict[str, Any]:
    """The index at `path` if it is ours (`index_format`, this quizgame's version, at most
    `max_bytes`); {} for anything else: missing, damaged, a FIFO, a link to a device."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return {}
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
            return {}
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError:
        return {}
    finally:
        os.close(fd)
    import json  # here: the commands that read no index never need it (~3 ms)

    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    if not isinstance(data, dict) or data.get("format") != index_format:
        return {}
    # Another version may read or check packs otherwise.
    return data if data.get("quizgame") == quizgame.__version__ else {}


def write_index(path: Path, index_format: int, max_bytes: int, data: dict[str, Any]) -> None:
    """Write `data` (JSON-ready) as the index at `path`, unless it would pass `max_bytes`."""
    import json

    from quizgame.core.atomic import write_atomic

    whole = {"format": index_format, "quizgame": quizgame.__version__, **data}
    raw = json.dumps(whole, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", errors="surrogatepass"
    )
    if len(raw) > max_bytes:
        return
    with contextlib.suppress(OSError):
        write_atomic(path, raw, replace_link=True)


def stat_figures(path: Path) -> list[int] | None:
    """What a kept record of the file at `path` is matched by: its size, modification and
    change times, inode and device (a file edited, touched, replaced or restored changes one);
    None if it is not a regular file we can stat."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev]
