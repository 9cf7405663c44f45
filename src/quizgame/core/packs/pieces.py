"""A big text handled a piece at a time, so that a worker thread never holds the GIL for long.

The editor reads a pack file in a worker thread while the UI thread draws. CPython lets the
other thread run between bytecodes, but not inside one C call: decoding a 40 MB pack's bytes,
splitting it into lines or encoding it for libyaml each hold the GIL, and so stall the UI, for
a twentieth to a fifth of a second. Each of these does the same a piece (`PIECE`) at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

PIECE = 1 << 20  # characters (or bytes) one C call is given at most: about a millisecond


def pieces(text: str) -> Iterator[str]:
    """`text` in pieces of about `PIECE` characters, each but the last ending in a newline."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + PIECE)
        end = len(text) if end == -1 else end + 1
        yield text[start:end]
        start = end


def lines_of(text: str) -> list[str]:
    """`text.splitlines(keepends=True)`, a piece at a time: the same lines, as a piece never
    ends inside a line break ("\r\n" included)."""
    lines: list[str] = []
    for piece in pieces(text):
        lines += piece.splitlines(keepends=True)
    return lines


def read_text(path: Path) -> str:
    """`path.read_text(encoding="utf-8")` (line ends made "\\n" as there), read and decoded a
    piece at a time.

    Raises OSError if the file cannot be read, UnicodeDecodeError if it is not UTF-8.
    """
    parts: list[str] = []
    try:
        with path.open(encoding="utf-8") as file:
            while part := file.read(PIECE):
                parts.append(part)
    except UnicodeDecodeError:
        return path.read_text(encoding="utf-8")  # raises again, at the file's offset
    return "".join(parts)


class PieceReader:
    """`text` as a stream for libyaml's parser, which reads it (and PyYAML encodes it to UTF-8)
    a piece at a time, where a `str` would be encoded whole in one call."""

    def __init__(self, text: str) -> None:
        self._pieces = pieces(text)

    def read(self, _size: int = -1, /) -> str:
        """The next piece ("" at the end), whatever size is asked: PyYAML keeps what is over."""
        return next(self._pieces, "")
