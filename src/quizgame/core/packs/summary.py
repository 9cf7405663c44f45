"""What `quizgame packs` and the game's Home list of each pack (id, title, question count,
categories, author, description, the first error), kept in one small index beside the cache:
while no pack file changed, listing them reads that index instead of loading every pack (the
pack model and msgspec alone cost ~40 ms; Home's first frame waits for none of it).

The index (`packs-index.json` in the cache folder) holds, for each set of folders listed, every
pack file found there with its size, modification and change times, inode and device (as
`os.stat` gives them) and the summaries made from it. A listing is reused only when the same
files are found, in the same order, with the same stat figures, by the same quizgame code
(`cache_index.same_code`): a file added, removed, renamed, edited or touched makes a miss,
which loads the packs as `read.discover_packs` does (through the content-hash cache) and writes
the index again. The figures are taken before the packs are read, so a file changed while it is
being read only costs a second miss. A missing, damaged, oversized or foreign index is a miss, never an error;
failing to write one only costs speed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from quizgame.core.packs.cache_index import (
    code_now,
    read_index,
    same_code,
    stat_figures,
    write_index,
)
from quizgame.core.packs.listing import pack_files

if TYPE_CHECKING:
    from quizgame.core.packs.read import LoadResult

INDEX_NAME = "packs-index.json"
INDEX_FORMAT = 2  # 2: each row also holds the author, the description and the error's place
MAX_INDEX_BYTES = 4 * 1024 * 1024  # thousands of packs; past it the index is not read
MAX_LISTINGS = 8  # sets of folders remembered (with and without --packs, other data folders)


class PackSummary(NamedTuple):
    """One pack file as `quizgame packs` and Home list it. Title, categories, author and
    description are pack text: clean them before showing them."""

    path: Path
    id: str | None  # None: the pack cannot be played (see `error`)
    title: str
    questions: int
    categories: tuple[str, ...]
    error: str | None  # the first error as `file:line:col: message`; None for a playable pack
    author: str = ""
    description: str = ""
    error_line: int | None = None  # the first error's line and message, as Home shows them
    error_message: str | None = None


def summarize(result: LoadResult) -> PackSummary:
    """A loaded pack's summary."""
    pack = result.pack
    if pack is None:
        first = result.errors[0] if result.errors else None
        if first is None:
            return PackSummary(result.path, None, "", 0, (), "unreadable")
        return PackSummary(
            result.path, None, "", 0, (), str(first), "", "", first.line, first.message
        )
    return PackSummary(
        result.path,
        pack.id,
        pack.title,
        len(pack.questions),
        tuple(pack.categories),
        None,
        pack.author,
        pack.description,
    )


class Look(NamedTuple):
    """The pack files found in a set of folders, their figures and the index as read: what
    `listed` matched, and what `keep` writes a listing into."""

    folders: list[Path]
    files: list[Path]
    figures: list[list[Any]] | None  # None: a file that cannot be matched (no index then)
    listings: dict[str, Any]  # those kept (empty when the code that wrote them changed)
    code: Any  # the code figures the index was written with


def listed(folders: Iterable[Path], *, cache_dir: Path) -> tuple[list[PackSummary] | None, Look]:
    """The summary of every pack in `folders` from the index if no file changed since it was
    written (None otherwise), and what was looked at (for `keep`, after a load). Loads no pack
    and no pack code."""
    folders = list(folders)
    files = [path for folder in folders for path in pack_files(folder)]
    figures = _figures(files)
    data = read_index(cache_dir / INDEX_NAME, INDEX_FORMAT, MAX_INDEX_BYTES)
    stored, code = data.get("listings"), data.get("code")
    index: dict[str, Any] = stored if isinstance(stored, dict) and same_code(code) else {}
    look = Look(folders, files, figures, index, code)
    listing = index.get(_key(folders))
    if figures is not None and isinstance(listing, dict) and listing.get("files") == figures:
        return _summaries(files, listing.get("packs")), look
    return None, look


def keep(look: Look, summaries: list[PackSummary], *, cache_dir: Path) -> None:
    """Write `summaries` (of the packs loaded after `look`) into the index, unless the files
    loaded are not the ones looked at or one could not be matched."""
    if look.figures is None or [s.path for s in summaries] != look.files:
        return
    index, key = dict(look.listings), _key(look.folders)
    index.pop(key, None)  # the latest last: the oldest listing is the first dropped
    index[key] = {"files": look.figures, "packs": [_row(s) for s in summaries]}
    listings = dict(list(index.items())[-MAX_LISTINGS:])
    data = {"code": code_now(look.code if look.listings else None), "listings": listings}
    write_index(cache_dir / INDEX_NAME, INDEX_FORMAT, MAX_INDEX_BYTES, data)


def pack_summaries(folders: Iterable[Path], *, cache_dir: Path) -> list[PackSummary]:
    """The summary of every pack in `folders`, as `discover_packs(folders)` would give them
    (a pack id found twice is an error on the later file), from the index when no file
    changed; otherwise loaded, and the index written again."""
    summaries, look = listed(folders, cache_dir=cache_dir)
    if summaries is not None:
        return summaries

    from quizgame.core.packs.read import discover_packs

    summaries = [summarize(r) for r in discover_packs(look.folders, cache_dir=cache_dir)]
    keep(look, summaries, cache_dir=cache_dir)
    return summaries


def _key(folders: list[Path]) -> str:
    return "\n".join(str(folder) for folder in folders)


def _figures(files: list[Path]) -> list[list[Any]] | None:
    """Each file's name and stat figures (None if one cannot be read: no index then)."""
    out: list[list[Any]] = []
    for path in files:
        found = stat_figures(path)
        if found is None:
            return None
        out.append([str(path), *found])
    return out


def _row(summary: PackSummary) -> list[Any]:
    """`summary` as the index keeps it: every field but the path, by name (in the order
    `_summaries` reads them back), so that a field added or moved cannot shift the others."""
    return [
        summary.id,
        summary.title,
        summary.questions,
        list(summary.categories),
        summary.error,
        summary.author,
        summary.description,
        summary.error_line,
        summary.error_message,
    ]


def _summaries(files: list[Path], rows: Any) -> list[PackSummary] | None:
    """The summaries an index listing holds for `files`, or None if it is not what we wrote."""
    if not isinstance(rows, list) or len(rows) != len(files):
        return None
    out = []
    for path, row in zip(files, rows, strict=True):
        if not isinstance(row, list) or len(row) != len(PackSummary._fields) - 1:
            return None
        pack_id, title, questions, categories, error, author, description, line, message = row
        playable = isinstance(pack_id, str) and error is None and line is None
        broken = pack_id is None and isinstance(error, str)
        if not (playable or broken) or not isinstance(title, str):
            return None
        if type(questions) is not int or not isinstance(categories, list):
            return None
        if not all(isinstance(c, str) for c in [*categories, author, description]):
            return None
        placed = type(line) is int and isinstance(message, str)
        if not (placed or (line is None and message is None)):
            return None
        out.append(
            PackSummary(
                path,
                pack_id,
                title,
                questions,
                tuple(categories),
                error,
                author,
                description,
                line,
                message,
            )
        )
    return out
