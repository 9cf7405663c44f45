"""Importing a file by its path, for the editor: read within the size cap, the format told by
the file's name and content, every problem a note (never an exception)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from quizgame.core.formats import Imported, import_text
from quizgame.core.formats.common import (
    ERROR,
    Note,
    NoteCode,
    pack_id_from_name,
    pack_title_from_name,
)
from quizgame.core.formats.registry import HEAD_BYTES, ReadOptions, detect, format_of
from quizgame.core.packs.limits import UnreadableFile, read_capped


def _failed(message: str) -> Imported:
    return Imported([Note(message, ERROR, code=NoteCode.BROKEN)])


def import_path(path: Path, fmt: str | None = None, options: ReadOptions | None = None) -> Imported:
    """The questions of the file at `path` as a pack (`import_text`), in format `fmt` or the
    one its name and content tell. A file that cannot be read, is over the pack size cap
    (`MAX_FILE_BYTES`) or is of no format it can tell is an error note. Raises ValueError for
    an unknown `fmt` only."""
    form = format_of(fmt) if fmt else None
    try:
        raw = read_capped(path)
    except UnreadableFile as exc:
        return _failed(str(exc))
    form = form or detect(path, raw[:HEAD_BYTES])
    if form is None:
        return _failed("cannot tell the file's format: choose it")
    return import_text(
        raw,
        form.key,
        pack_id=pack_id_from_name(path.stem),
        title=pack_title_from_name(path.stem),
        name=str(path),
        options=options,
    )


def with_fresh_ids(
    questions: Iterable[dict[str, Any]], taken: Iterable[str]
) -> list[dict[str, Any]]:
    """Imported questions (pack-format data) to add to a pack whose questions have the ids
    `taken`: an id already there gets `-2`, `-3`... until it is free."""
    used = set(taken)
    out: list[dict[str, Any]] = []
    for question in questions:
        base = str(question.get("id", "q"))
        qid, n = base, 2
        while qid in used:
            qid, n = f"{base}-{n}", n + 1
        used.add(qid)
        out.append({**question, "id": qid})
    return out
