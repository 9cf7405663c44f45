"""Spreadsheet cells, shared by the CSV, flashcards and .xlsx formats: formulas escaped on
export, read back on import; lists in one cell; how big a cell may be.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and, in some, a tab or a
carriage return) as a formula: a question reading `=HYPERLINK("http://evil", "click")` would
become a live link in whoever opens the export. Such a cell is written with a leading `'`, the
spreadsheets' own "this is text" mark, and the mark is taken off again on import. A cell that is
a plain number (`-5`, `+1.5`) is no formula and is written as it is.
"""

from __future__ import annotations

import re

# A spreadsheet cell holds at most this many characters (Excel's limit); a longer one in a
# file (which only a hand-made or hostile file has) is an error at its place.
MAX_CELL_CHARS = 32_767
LIST_SEPARATOR = "|"
_FORMULA_START = frozenset("=+-@\t\r")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_LIST_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def escape_formula(text: str) -> str:
    """`text` as a cell a spreadsheet shows as text: a leading `'` when it could run as a
    formula (or when it starts with `'` itself, so that the mark reads back exactly)."""
    if not text or _NUMBER.fullmatch(text):
        return text
    if text[0] in _FORMULA_START or (text[0] == "'" and text[1:2] in _FORMULA_START | {"'"}):
        return "'" + text
    return text


def unescape_formula(text: str) -> str:
    """A cell as `escape_formula` wrote it, without its text mark."""
    if text[:1] == "'" and text[1:2] in _FORMULA_START | {"'"}:
        return text[1:]
    return text


def join_list(values: list[str]) -> str:
    """Texts in one cell, separated by `|`; a `|` or `\\` inside one is escaped with `\\`."""
    return LIST_SEPARATOR.join(v.replace("\\", "\\\\").replace("|", "\\|") for v in values)


def split_list(cell: str) -> list[str]:
    """The texts `join_list` put in one cell, each stripped; empty ones left out."""
    parts: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(cell):
        char = cell[index]
        if char == "\\" and index + 1 < len(cell):
            current.append(cell[index + 1])
            index += 2
            continue
        if char == LIST_SEPARATOR:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def column_name(index: int) -> str:
    """A spreadsheet's name for the 0-based column `index`: A, B, ..., Z, AA, AB..."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name
