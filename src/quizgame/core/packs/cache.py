"""A cache of checked packs: data only (MessagePack, never code), one file per pack file.

An entry is keyed by the pack file's path and holds a hash of its bytes: any change to the file
makes the entry stale. A pack with errors is cached too (its first problems), so a broken pack
is not parsed again at every start. msgspec decodes the entry straight into `Question` objects,
which is what makes a cached load many times faster than parsing the YAML again.

An entry is trusted only when it is a regular file (never a FIFO or a link to a device) no
larger than `max_entry_bytes` of its pack, starts with our header, and its payload matches the
hash in that header: a truncated, edited or swapped entry is a miss. A miss is never an error.
The MessagePack is compressed with LZ4: about a fifth of the YAML's size, and inflated in a
tenth of the time decoding takes, so a reload is as fast as the uncompressed JSON entries were
(zlib is smaller still, but inflating it made the reload a quarter slower; `bench/bench_cache.py`
measures the three).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from pathlib import Path
from typing import Any

import lz4.block
import msgspec

from quizgame.core.atomic import write_atomic
from quizgame.core.packs.gc_pause import gc_paused
from quizgame.core.packs.model import Pack, Question

CACHE_FORMAT = 7  # 6: MessagePack with LZ4; 7: Question.quote and list items
SUFFIX = ".qgc"
# An entry: magic, a hash of all that follows, the MessagePack's size (8 bytes, little-endian),
# then the MessagePack compressed with LZ4.
_MAGIC = b"QGC\x07"
_HASH_BYTES = 20
_SIZE_BYTES = 8
_HEADER = len(_MAGIC) + _HASH_BYTES + _SIZE_BYTES
# An entry is never larger than its pack file (plus room for a small pack's header): aliases
# cannot grow a pack's data past `yaml_reader.EXPANSION_FACTOR` times the file, and the
# compressed entry is a fraction of that. Inflated, it is at most that multiple of the file.
ENTRY_SLACK_BYTES = 64 * 1024
INFLATED_MULTIPLE = 4


class _Problem(msgspec.Struct):
    """A problem kept with a pack, in `read.Problem.to_dict`'s fields."""

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
    ok: bool  # False: the pack has errors, and `problems` says which
    id: str
    title: str
    description: str
    author: str
    version: int | str
    language: str
    extra: dict[str, Any]
    questions: list[Question]
    problems: list[_Problem]  # typed, so a damaged entry fails to decode instead of later


_decoder = msgspec.msgpack.Decoder(_Entry)
_encoder = msgspec.msgpack.Encoder()


def digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=20).hexdigest()


def entry_path(cache_dir: Path, path: Path) -> Path:
    key = hashlib.blake2b(str(path.resolve()).encode(), digest_size=12).hexdigest()
    return cache_dir / f"{key}{SUFFIX}"


def max_entry_bytes(file_size: int) -> int:
    """The largest entry trusted for a pack file of `file_size` bytes."""
    return file_size + ENTRY_SLACK_BYTES


def get(
    cache_dir: Path, path: Path, file_digest: str, file_size: int
) -> tuple[Pack | None, list[dict[str, Any]]] | None:
    """The cached pack (None: it has errors) and its problems, if an entry matches
    `file_digest`; None on any miss."""
    blob = _read_regular(entry_path(cache_dir, path), max_entry_bytes(file_size))
    data = None if blob is None else unseal(blob, INFLATED_MULTIPLE * file_size + ENTRY_SLACK_BYTES)
    if data is None:
        return None
    try:
        with gc_paused():  # many objects, no cycles: the collector would walk them for nothing
            entry = _decoder.decode(data)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    if entry.format != CACHE_FORMAT or entry.digest != file_digest:
        return None
    problems = [msgspec.structs.asdict(p) for p in entry.problems]
    if not entry.ok:
        return None, problems
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
    return pack, problems


def seal(data: bytes) -> bytes:
    """`data` (MessagePack) as an entry's bytes: header, hash and size, compressed."""
    compressed: bytes = lz4.block.compress(data, store_size=False)
    body = len(data).to_bytes(_SIZE_BYTES, "little") + compressed
    return _MAGIC + hashlib.blake2b(body, digest_size=_HASH_BYTES).digest() + body


def unseal(blob: bytes, limit: int) -> bytes | None:
    """The MessagePack an entry's bytes hold, if the header and hash are right and it inflates
    to at most `limit` bytes; else None."""
    if len(blob) < _HEADER or not blob.startswith(_MAGIC):
        return None
    body = memoryview(blob)[len(_MAGIC) + _HASH_BYTES :]
    if hashlib.blake2b(body, digest_size=_HASH_BYTES).digest() != blob[len(_MAGIC) : -len(body)]:
        return None
    size = int.from_bytes(body[:_SIZE_BYTES], "little")
    if size > limit:
        return None
    try:
        data: bytes = lz4.block.decompress(body[_SIZE_BYTES:], uncompressed_size=size)
    except (lz4.block.LZ4BlockError, ValueError, MemoryError):
        return None
    return data if len(data) == size else None


def _read_regular(entry: Path, limit: int) -> bytes | None:
    """The bytes of `entry` if it is a regular file of at most `limit` bytes (a FIFO would
    block, a link to /dev/zero never end); else None."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(entry, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with os.fdopen(os.dup(fd), "rb") as handle:
            blob = handle.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return blob if len(blob) <= limit else None


def put(
    cache_dir: Path,
    path: Path,
    file_digest: str,
    file_size: int,
    pack: Pack | None,
    problems: list[dict[str, Any]],
) -> None:
    """Store a checked pack (None: it has errors, and `problems` says which); written to a
    temporary file and renamed, so readers never see half. An entry that would be larger than
    `max_entry_bytes` is not written."""
    entry = _Entry(
        format=CACHE_FORMAT,
        digest=file_digest,
        ok=pack is not None,
        id=pack.id if pack else "",
        title=pack.title if pack else "",
        description=pack.description if pack else "",
        author=pack.author if pack else "",
        version=pack.version if pack else 1,
        language=pack.language if pack else "",
        extra=pack.extra if pack else {},
        questions=list(pack.questions) if pack else [],
        problems=[_Problem(**p) for p in problems],
    )
    # A cache we cannot write only costs speed.
    with contextlib.suppress(OSError, TypeError, msgspec.EncodeError):
        data = _encoder.encode(entry)
        if len(data) > INFLATED_MULTIPLE * file_size + ENTRY_SLACK_BYTES:
            return
        blob = seal(data)
        if len(blob) > max_entry_bytes(file_size):
            return
        write_atomic(entry_path(cache_dir, path), blob, replace_link=True)
