"""A pack's own fields carried in comment lines at the top of an exported file.

GIFT has comments but no place for a pack's title, licence or attribution, so export writes them
as a block of comments that Moodle ignores, and import reads them back:

    // quizgame pack: world-capitals
    // title: World capitals
    // license: CC-BY-SA-4.0
    // attribution: Questions from the Open Trivia Database (https://opentdb.com), ...

The first line marks the block; each line after it is `key: value`, a line break in a value
written `\\n` and a backslash `\\\\`. The block ends at the first line that is not a known key.
Files written before the block existed open with `// Title` and
`// quizgame pack 'ID', written as GIFT`; those are read too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from quizgame.core.formats.common import Note, NoteCode, pack_id_from_name, quote
from quizgame.core.packs.model import Pack

MARKER = "quizgame pack:"
# Written in this order, each only when set (the id is on the marker line).
FIELDS = ("title", "description", "author", "version", "language", "license", "attribution", "url")
_LINE = re.compile(r"^([a-z]+):(.*)$")
_LEGACY = re.compile(r"^quizgame pack '([^']*)', written as GIFT$")
_ESCAPED = re.compile(r"\\(.)")


def _escape(value: str) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return value.replace("\\", "\\\\").replace("\n", "\\n")


def _unescape(value: str) -> str:
    return _ESCAPED.sub(lambda m: "\n" if m.group(1) == "n" else m.group(1), value).strip()


def _values(pack: Pack) -> dict[str, Any]:
    values: dict[str, Any] = {"title": pack.title}
    if pack.description:
        values["description"] = pack.description
    if pack.author:
        values["author"] = pack.author
    if pack.version != 1:
        values["version"] = pack.version
    if pack.language != "en":
        values["language"] = pack.language
    for name in ("license", "attribution", "url"):
        if pack.extra.get(name):
            values[name] = pack.extra[name]
    return values


def header_lines(pack: Pack) -> list[str]:
    """The block's lines, without the comment marker (`quizgame pack: ID`, `title: ...`)."""
    lines = [f"{MARKER} {pack.id}"]
    lines += [f"{name}: {_escape(str(value))}" for name, value in _values(pack).items()]
    return lines


@dataclass
class Header:
    """Pack fields read from a file's header block, and how many comment lines it took."""

    fields: dict[str, Any] = field(default_factory=dict)
    used: int = 0
    notes: list[Note] = field(default_factory=list)


def read_header(comments: Sequence[str], line: int | None = None) -> Header:
    """The pack fields in `comments` (comment lines with the marker taken off, the first
    comments of the file); an empty Header when they do not start with the block."""
    if not comments:
        return Header()
    first = comments[0].strip()
    if first.startswith(MARKER):
        header = Header(used=1)
        _set_id(header, first[len(MARKER) :].strip(), line)
        for comment in comments[1:]:
            match = _LINE.match(comment.strip())
            if match is None or match.group(1) not in FIELDS:
                break
            name, value = match.group(1), _unescape(match.group(2))
            if value:
                header.fields[name] = int(value) if name == "version" and _small(value) else value
            header.used += 1
        return header
    legacy = _LEGACY.match(comments[1].strip()) if len(comments) > 1 else None
    if legacy is None:
        return Header()
    header = Header(used=2)
    _set_id(header, legacy.group(1), line)
    if first:
        header.fields["title"] = _unescape(first)
    return header


def _small(value: str) -> bool:
    """Whether `value` is a whole number int() reads (ASCII digits: `²` is a digit to
    `isdigit`, and not to int()) and of a sensible size."""
    return value.isascii() and value.isdigit() and len(value) <= 18


def _set_id(header: Header, given: str, line: int | None) -> None:
    if not given:
        return
    slug = pack_id_from_name(given)
    if slug != given:
        header.notes.append(
            Note(
                f"the pack id {quote(given)} is not a slug: '{slug}' instead",
                line=line,
                code=NoteCode.NOT_A_SLUG,
                about=(given, slug),
            )
        )
    header.fields["id"] = slug
