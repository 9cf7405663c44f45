"""A cache of parsed packs: plain JSON (data only, never code), one file per pack.

An entry is keyed by the pack file's path and holds a hash of its bytes: any change to the file
makes the entry stale. msgspec decodes the JSON straight into `Question` objects, which is what
makes a cached load many times faster than parsing the YAML again. A missing, stale or damaged
entry is a miss, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path
from typing import Any

import msgspec

from quizgame.core.atomic import write_atomic
from quizgame.core.packs.gc_pause import gc_paused
from quizgame.core.packs.model import Pack, Question

CACHE_FORMAT = 5  # 5: Question.quote


class _Problem(msgspec.Struct):
    """A problem kept with a valid pack (a warning), in `read.Problem.to_dict`'s fields."""

    file: str
    line: int
    col: int
    severity: str
    code: str
    path: list[Any]  # JSON-safe steps (`read.json_path`)
    message: str


class _Entry(msgspec.Struct):
    format: int
    digest: str
    id: str
    title: str
    description: str
    author: str
    version: int | str
    language: str
    extra: dict[str, Any]
    questions: list[Question]
    problems: list[_Problem]  # typed, so a damaged entry fails to decode instead of later


_decoder = msgspec.json.Decoder(_Entry)


def digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=20).hexdigest()


def entry_path(cache_dir: Path, path: Path) -> Path:
    key = hashlib.blake2b(str(path.resolve()).encode(), digest_size=12).hexdigest()
    return cache_dir / f"{key}.json"


def get(cache_dir: Path, path: Path, file_digest: str) -> tuple[Pack, list[dict[str, Any]]] | None:
    """The cached pack and its (warning) problems, if the entry matches `file_digest`."""
    try:
        blob = entry_path(cache_dir, path).read_bytes()
        with gc_paused():  # many objects, no cycles: the collector would walk them for nothing
            entry = _decoder.decode(blob)
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None
    if entry.format != CACHE_FORMAT or entry.digest != file_digest:
        return None
    pack = Pack(
        id=entry.id,
        title=entry.title,
        questions=tuple(entry.questions),
        description=entry.description,
        author=entry.author,
        version=entry.version,
        language=entry.language,
        path=path,
        extra=entry.extra,
    )
    return pack, [msgspec.structs.asdict(p) for p in entry.problems]


def put(
    cache_dir: Path, path: Path, file_digest: str, pack: Pack, problems: list[dict[str, Any]]
) -> None:
    """Store a valid pack; written to a temporary file and renamed, so readers never see half."""
    entry = _Entry(
        format=CACHE_FORMAT,
        digest=file_digest,
        id=pack.id,
        title=pack.title,
        description=pack.description,
        author=pack.author,
        version=pack.version,
        language=pack.language,
        extra=pack.extra,
        questions=list(pack.questions),
        problems=[_Problem(**p) for p in problems],
    )
    # A cache we cannot write only costs speed.
    with contextlib.suppress(OSError, TypeError, msgspec.EncodeError):
        write_atomic(entry_path(cache_dir, path), msgspec.json.encode(entry))
