"""Every import and export format, described once: its name, file extensions, how its content
is recognised, its reader and its writer. The CLI's `--from`/`--to` choices, the detection of a
file's format and the editor's import all read this table.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from quizgame.core.formats import aiken, opentdb
from quizgame.core.formats.common import Parsed, Written
from quizgame.core.formats.csvfile import reading as csv_reading
from quizgame.core.formats.csvfile import writing as csv_writing
from quizgame.core.formats.flashcards import reading as cards_reading
from quizgame.core.formats.flashcards import writing as cards_writing
from quizgame.core.formats.flashcards.reading import CardOptions
from quizgame.core.formats.gift import reading as gift_reading
from quizgame.core.formats.gift import writing as gift_writing
from quizgame.core.formats.gift.syntax import NAME as GIFT_NAME
from quizgame.core.formats.moodle import reading as moodle_reading
from quizgame.core.formats.moodle import writing as moodle_writing
from quizgame.core.formats.moodle.xmltree import NAME as MOODLE_NAME
from quizgame.core.formats.moodle.xmltree import looks_like as looks_like_moodle
from quizgame.core.formats.sheet import reading as sheet_reading
from quizgame.core.formats.sheet import writing as sheet_writing
from quizgame.core.formats.sheet.template import NAME as SHEET_NAME
from quizgame.core.formats.sheet.template import looks_like as looks_like_sheet
from quizgame.core.packs.model import Pack

# How much of a file detection looks at.
HEAD_BYTES = 4096

_GIFT_SIGNS = re.compile(r"^\s*(?:::|\$CATEGORY:)|\{[^{}\n]*\}\s*$", re.MULTILINE)
_AIKEN_SIGNS = re.compile(r"^ANSWER\s*:\s*[A-Z]\s*$", re.MULTILINE)


@dataclass(frozen=True)
class ReadOptions:
    """What an import may be told beside the file: for flashcards, which side is asked and
    how many choices each question offers (0: none, typed questions)."""

    cards: CardOptions = field(default_factory=CardOptions)


@dataclass(frozen=True)
class Format:
    """One format. `key` is its name on the command line, `name` in messages; `extensions`
    are the file names it is recognised by, the first the one export writes; `looks_like`
    tells it by the file's first bytes; `read` and `write` convert. `binary` formats read and
    write bytes (a spreadsheet), the others UTF-8 text; `options` names the ReadOptions it
    uses."""

    key: str
    name: str
    extensions: tuple[str, ...]
    looks_like: Callable[[bytes], bool]
    read: Callable[[str | bytes, ReadOptions], Parsed]
    write: Callable[[Pack], Written]
    binary: bool = False
    options: tuple[str, ...] = ()


def _text(head: bytes) -> str:
    return head.decode("utf-8-sig", errors="replace")


def _json(head: bytes) -> bool:
    return _text(head).lstrip()[:1] in ("{", "[")


def _text_reader(read: Callable[[str], Parsed]) -> Callable[[str | bytes, ReadOptions], Parsed]:
    def reader(data: str | bytes, options: ReadOptions) -> Parsed:
        assert isinstance(data, str)
        return read(data)

    return reader


def _read_cards(data: str | bytes, options: ReadOptions) -> Parsed:
    assert isinstance(data, str)
    return cards_reading.read(data, options.cards)


def _read_sheet(data: str | bytes, options: ReadOptions) -> Parsed:
    assert isinstance(data, bytes)
    return sheet_reading.read(data)


# In the order detection tries them: the surest signs first.
FORMAT_TABLE: tuple[Format, ...] = (
    Format(
        "xlsx",
        SHEET_NAME,
        (".xlsx",),
        looks_like_sheet,
        _read_sheet,
        sheet_writing.write,
        binary=True,
    ),
    Format(
        "moodle",
        MOODLE_NAME,
        (".xml",),
        looks_like_moodle,
        _text_reader(moodle_reading.read),
        moodle_writing.write,
    ),
    Format(
        "opentdb",
        opentdb.NAME,
        (".json",),
        _json,
        _text_reader(opentdb.read),
        opentdb.write,
    ),
    Format(
        "csv",
        csv_writing.NAME,
        (".csv",),
        lambda head: csv_reading.looks_like(_text(head)),
        _text_reader(csv_reading.read),
        csv_writing.write,
    ),
    Format(
        "gift",
        GIFT_NAME,
        (".gift",),
        lambda head: bool(_GIFT_SIGNS.search(_text(head))),
        _text_reader(gift_reading.read),
        gift_writing.write,
    ),
    Format(
        "aiken",
        aiken.NAME,
        (".aiken", ".txt"),
        lambda head: bool(_AIKEN_SIGNS.search(_text(head))),
        _text_reader(aiken.read),
        aiken.write,
    ),
    Format(
        "flashcards",
        cards_reading.NAME,
        (".tsv", ".csv", ".txt"),
        lambda head: cards_reading.looks_like(_text(head)),
        _read_cards,
        cards_writing.write,
        options=("ask", "choices"),
    ),
)
BY_KEY = {f.key: f for f in FORMAT_TABLE}
KEYS = tuple(BY_KEY)


def format_of(key: str) -> Format:
    """The format named `key`; ValueError naming the known ones if there is none."""
    found = BY_KEY.get(key)
    if found is None:
        raise ValueError(f"unknown format {key!r}; known: {', '.join(KEYS)}")
    return found


def by_extension(path: str | Path) -> list[Format]:
    """The formats whose files are named like `path`, surest first."""
    suffix = Path(path).suffix.lower()
    return [f for f in FORMAT_TABLE if suffix in f.extensions]


def detect(path: str | Path, head: bytes | None = None) -> Format | None:
    """The format of the file `path`, whose first bytes are `head`: the one its extension
    names; where the extension fits several (`.csv`, `.txt`) or none, the first whose content
    it looks like; else the last the extension fits (a `.csv` without a header of question
    fields is flashcards). None if neither tells."""
    named = by_extension(path)
    if len(named) == 1:
        return named[0]
    if head is not None:
        for fmt in named or FORMAT_TABLE:
            if fmt.looks_like(head):
                return fmt
    return named[-1] if named else None
