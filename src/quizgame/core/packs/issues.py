"""Problems as data: each one a data path, a code and a message, collected by a `Checker`.

Code reads the path and the code, never the message (which is for people). A path ends in
`Key(name)` when the problem is the key itself, and in `Missing(name)` when a field is not there
(it is then located at the mapping that lacks it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from quizgame.core.text import has_control_characters

Path = tuple[Any, ...]


class Key:
    """A path step naming a mapping key itself (for problems such as 'unknown field')."""

    __slots__ = ("name",)

    def __init__(self, name: Any) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Key({self.name!r})"


@dataclass(frozen=True, slots=True)
class Missing:
    """The last path step of a field that is not there: it is located at its mapping."""

    name: str


class Code(StrEnum):
    """What kind of problem an issue is."""

    MISSING = "missing"  # a required field is not there
    EMPTY = "empty"  # blank text where text is needed
    WRONG_KIND = "wrong-kind"  # text where a list should be, a list where a mapping should be...
    BAD_VALUE = "bad-value"  # the right kind, but not a value allowed there
    TOO_FEW = "too-few"
    TOO_MANY = "too-many"
    DUPLICATE = "duplicate"  # two entries of a list (or keys, or ids) alike
    UNKNOWN_FIELD = "unknown-field"
    UNKNOWN_TYPE = "unknown-type"
    NOT_A_CHOICE = "not-a-choice"  # a multiple-choice answer that is not one of the choices
    NOT_AN_ID = "not-an-id"  # an id that breaks the id rule (`ids`)
    UNKNOWN_REFERENCE = "unknown-reference"  # names something that is not there
    CONTROL_CHARACTERS = "control-characters"
    EMPTY_FILE = "empty-file"
    NOT_A_PACK = "not-a-pack"  # another kind of file the game reads (a facts file)
    TOO_LARGE = "too-large"  # the file is bigger than a pack may be
    UNREADABLE = "unreadable"  # a folder, or a file the system will not let us read
    NOT_UTF8 = "not-utf8"
    YAML = "yaml"  # not YAML a pack may be: a syntax error, a tag, too deep, too many aliases
    CHECK_FAILED = "check-failed"  # checking the pack met a bug: the pack is left out, not the rest
    MORE = "more"  # the count of problems past the ones a pack reports


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem found in data, before it has a position."""

    path: Path
    code: Code
    message: str
    severity: str = "error"


# The problems a pack reports; the rest are counted. A million duplicate tags are one problem
# a million times over, and the first hundred say what to fix.
MAX_ISSUES = 100


class Checker:
    """Collects issues while data is read: the first `limit`, and a count of the rest.

    `errors` counts every error, kept or not; `dropped` and `dropped_errors` count the issues
    past the limit.
    """

    def __init__(self, limit: int = MAX_ISSUES) -> None:
        self.issues: list[Issue] = []
        self.limit = limit
        self.errors = 0
        self.dropped = 0
        self.dropped_errors = 0

    def add(self, issue: Issue) -> None:
        is_error = issue.severity == "error"
        self.errors += is_error
        if len(self.issues) < self.limit:
            self.issues.append(issue)
        else:
            self.dropped += 1
            self.dropped_errors += is_error

    def error(self, path: Path, code: Code, message: str) -> None:
        self.add(Issue(path, code, message))

    def warn(self, path: Path, code: Code, message: str) -> None:
        self.add(Issue(path, code, message, "warning"))

    def missing(self, path: Path, name: str, note: str = "") -> None:
        """`name` is required in the mapping at `path` and is not there (`note`: what it holds)."""
        message = f"missing field '{name}'" + (f" ({note})" if note else "")
        self.error((*path, Missing(name)), Code.MISSING, message)

    def more(self) -> Issue | None:
        """The issue that stands for those past the limit (an error if any of them is one)."""
        if not self.dropped:
            return None
        noun = "problem" if self.dropped == 1 else "problems"
        message = f"... and {self.dropped:,} more {noun} not shown"
        return Issue((), Code.MORE, message, "error" if self.dropped_errors else "warning")


def quote(value: Any) -> str:
    """A value for a message: quoted, escapes shown as written, cut if long."""
    text = str(value)
    if has_control_characters(text):  # show escapes as written, never raw to a terminal
        text = text.encode("unicode_escape").decode("ascii")
    if len(text) > 60:
        text = text[:57] + "..."
    return f"'{text}'"


def kind_of(value: Any) -> str:
    """What a YAML value is, in words, for messages: 'text', 'a list', 'nothing'..."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def is_number(value: Any) -> bool:
    """A finite int or float a float can hold (an integer of 400 digits is not), not a bool."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(value) and math.isfinite(float(value))
    except OverflowError:
        return False
