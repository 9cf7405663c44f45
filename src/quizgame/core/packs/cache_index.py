"""A small JSON index in the cache folder (the packs listed, the packs checked): read only when
it is a regular file of bounded size written by this quizgame, written whole or not at all.
Reading never raises and writing never fails a command: the index only saves time.

An index also names the code that made what it holds: the file, size and modification time of
every module of quizgame and PyYAML loaded when it was written (`code_now`). While one of them
differs (an upgrade, an edited rule in a checkout), what it holds is not used (`same_code`).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import time
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
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than json's limit
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


# A file changed this recently (seconds) is not matched by its figures: on a file system whose
# timestamps move in coarse ticks, a rewrite of the same size within one tick of our stat keeps
# every figure (git's "racy clean" problem, solved the same way). Tests that need a hit set 0.
SETTLE_SECONDS = 2.0


def stat_figures(path: Path, now_ns: int | None = None) -> list[int] | None:
    """What a kept record of the file at `path` is matched by: its size, modification and
    change times, inode and device (a file edited, touched, replaced or restored changes one);
    None if it is not a regular file we can stat, or if it changed less than `SETTLE_SECONDS`
    ago (or its times are in the future): such a file is read every time until it settles.
    `now_ns`: the time to judge that by (nanoseconds since the epoch; default: now)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    newest = max(info.st_mtime_ns, info.st_ctime_ns)
    now_ns = time.time_ns() if now_ns is None else now_ns
    if now_ns - newest < SETTLE_SECONDS * 1e9:
        return None
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev]


# The modules whose code decides what an index holds: ours, and the YAML reader's (libyaml's
# messages are in a check's report).
CODE_PACKAGES = ("quizgame", "yaml", "_yaml")


def code_now(kept: list[Any] | None = None) -> list[list[Any]]:
    """[file, size, modification time] of each module of `CODE_PACKAGES` loaded now, and of
    those in `kept` (the figures of an index found unchanged: what it holds still depends on
    them)."""
    found = {entry[0]: entry for entry in kept or []}
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if not file or name.partition(".")[0] not in CODE_PACKAGES:
            continue
        with contextlib.suppress(OSError):
            info = os.stat(file)
            found[file] = [file, info.st_size, info.st_mtime_ns]
    return list(found.values())


def same_code(code: Any) -> bool:
    """Whether `code` (an index's, from `code_now`) names module files all unchanged since."""
    if not isinstance(code, list) or not code:
        return False
    for entry in code:
        if not (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[0], str)):
            return False
        try:
            info = os.stat(entry[0])
        except (OSError, ValueError):
            return False
        if [info.st_size, info.st_mtime_ns] != entry[1:]:
            return False
    return True
