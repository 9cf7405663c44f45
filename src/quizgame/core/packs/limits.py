"""The largest pack file quizgame reads, kept apart from the YAML reader so that a cached load
never imports it."""

from __future__ import annotations

from pathlib import Path

# 64 MiB holds about 150,000 questions; loading one costs at most PEAK_MULTIPLE times it.
MAX_FILE_BYTES = 64 * 1024 * 1024
# What loading a pack may cost at its peak (`bench/bench_hostile.py` measures it): at most this
# multiple of the file's size, plus a floor for the interpreter's own small allocations.
PEAK_MULTIPLE = 12
PEAK_FLOOR_BYTES = 32 * 1024 * 1024


class UnreadableFile(Exception):
    """A file that cannot be read whole: its reason in words (no path), for the caller to place."""


def read_capped(path: Path) -> bytes:
    """The bytes of the file at `path`, if it is no larger than a pack may be
    (`MAX_FILE_BYTES`, checked before reading). Raises UnreadableFile saying why: too big, a
    folder, missing, or the system's reason."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableFile(f"the file is {size:,} bytes, more than a pack may be")
        return path.read_bytes()
    except IsADirectoryError:
        raise UnreadableFile("this is a folder, not a file") from None
    except FileNotFoundError:
        raise UnreadableFile("no such file") from None
    except OSError as exc:
        raise UnreadableFile(f"cannot read the file: {exc.strerror or exc}") from None
