"""Reading and writing the files commands are given: clear one-line errors, atomic writes."""

from __future__ import annotations

from pathlib import Path

from quizgame.cli.common import UserError
from quizgame.core.atomic import write_atomic
from quizgame.core.packs.limits import UnreadableFile, read_capped


def read_text(path: Path) -> str:
    """A UTF-8 text file (a byte-order mark is allowed); a UserError says what is wrong."""
    raw = read_bytes(path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise UserError(
            f"{path}:{line}: the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
            "save it as UTF-8 and try again"
        ) from None


def read_bytes(path: Path) -> bytes:
    """A file's bytes, up to the size a pack may have; a UserError says what is wrong."""
    try:
        return read_capped(path)
    except UnreadableFile as exc:
        raise UserError(f"{path}: {exc}") from None


def check_folder(path: Path, parents: bool) -> None:
    """A UserError if the folder `path` goes in is missing and `parents` (--parents) was not
    given: a mistyped folder must not quietly become a new tree of folders."""
    folder = path.parent
    if parents or folder.is_dir():
        return
    if folder.exists():
        raise UserError(f"cannot write {path}: {folder} is not a folder")
    raise UserError(f"cannot write {path}: there is no folder {folder} (--parents creates it)")


def write_new_file(path: Path, text: str | bytes, force: bool, parents: bool = True) -> None:
    """Write `text` (or bytes) to `path` atomically (a temporary file, then a rename); its
    folder is made only with `parents` (see `check_folder`)."""
    check_folder(path, parents)
    if path.exists() and not force:
        raise UserError(f"{path} already exists; use --force to replace it")
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
