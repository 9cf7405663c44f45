"""What every import and export format shares: notes on what did not fit, and question drafts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from quizgame.core.model import Question

ERROR = "error"
WARNING = "warning"

# Question fields that no exchange format here can carry; an export names the ones it loses.
_FIELD_LABELS = {
    "difficulty": "difficulty",
    "hint": "hint",
    "group": "group",
    "source": "source",
    "spoiler": "spoiler",
    "time_limit": "time limit",
    "explanation": "explanation",
    "category": "category",
    "tags": "tags",
    "unit": "unit",
}


@dataclass(frozen=True, slots=True)
class Note:
    """Something a conversion could not do exactly.

    An error means the input is broken there (nothing is written); a warning means something was
    left behind on the way (a question the pack format cannot hold, a field the target format has
    no place for). `line` is in the file read; `number` is the question's 1-based position, in the
    file read (imports) or in the pack written out (exports).
    """

    message: str
    severity: str = WARNING
    line: int | None = None
    number: int | None = None
    question_id: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def where(self) -> str:
        """`line 12, question 3 (q3)`, or as much of it as is known."""
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.number is not None:
            who = f"question {self.number}"
            if self.question_id is not None:
                who += f" ({self.question_id})"
            parts.append(who)
        return ", ".join(parts)

    def __str__(self) -> str:
        label = "" if self.is_error else "warning: "
        where = self.where()
        return f"{where}: {label}{self.message}" if where else f"{label}{self.message}"


@dataclass(slots=True)
class Draft:
    """A question read from a file, as pack-format data, before validation."""

    data: dict[str, Any]
    number: int  # 1-based, among the questions of the file
    line: int | None = None


@dataclass(slots=True)
class Parsed:
    """What a reader found: question drafts, notes, and pack fields the file gives (licence...)."""

    drafts: list[Draft] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    pack_fields: dict[str, Any] = field(default_factory=dict)

    def error(self, message: str, line: int | None = None, number: int | None = None) -> None:
        self.notes.append(Note(message, ERROR, line, number))

    def warn(self, message: str, line: int | None = None, number: int | None = None) -> None:
        self.notes.append(Note(message, WARNING, line, number))


@dataclass(slots=True)
class Written:
    """What a writer produced: the text, the questions written, and notes on what was left out."""

    text: str
    count: int
    notes: list[Note] = field(default_factory=list)


def export_note(number: int, question: Question, message: str) -> Note:
    return Note(message, WARNING, None, number, question.id)


def lost_fields(question: Question, kept: set[str]) -> list[str]:
    """The names of the question's set fields that a format keeping `kept` leaves behind."""
    lost = []
    for name, label in _FIELD_LABELS.items():
        if name in kept:
            continue
        value = getattr(question, name)
        if name == "difficulty":
            if value.value != "medium":
                lost.append(label)
        elif name == "spoiler":
            if value.value != "none":
                lost.append(label)
        elif value:
            lost.append(label)
    return lost


def note_lost_fields(
    written: Written, number: int, question: Question, kept: set[str], fmt: str
) -> None:
    lost = lost_fields(question, kept)
    if lost:
        written.notes.append(
            export_note(number, question, f"{', '.join(lost)} not kept ({fmt} has no place for it)")
        )


def pack_title_from_name(stem: str) -> str:
    """`world-capitals_2024` as `World capitals 2024`."""
    words = re.sub(r"[-_.]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else "Imported questions"


def pack_id_from_name(stem: str) -> str:
    """A pack id (a slug) made from a file name."""
    slug = re.sub(r"[^a-z0-9._-]+", "-", stem.lower()).strip("-._")
    return slug or "imported"


def quote(text: str, limit: int = 50) -> str:
    """Text for a message: quoted, on one line, cut if long."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 3] + "..."
    return f"'{flat}'"


def number_text(value: float) -> str:
    """A number exactly as written back: `2021`, `7.4`, `0.1`, never `1e+06` rounding."""
    if value == int(value) and abs(value) < 1e16:
        return str(int(value))
    return repr(value)
