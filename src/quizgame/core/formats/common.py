"""What every import and export format shares: notes on what did not fit, and question drafts."""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any

from quizgame.core.packs.fields import Field as QuestionField
from quizgame.core.packs.ids import make_id
from quizgame.core.packs.model import Pack, Question
from quizgame.core.packs.questions import KINDS
from quizgame.core.text import clean, has_control_characters

ERROR = "error"
WARNING = "warning"

# The order export notes have always named the fields a format loses in (a big export's
# grouped notes are listed in it); a field not named here comes after them, in pack order.
_NOTE_ORDER = (
    "difficulty",
    "hint",
    "group",
    "source",
    "spoiler",
    "time_limit",
    "explanation",
    "category",
    "tags",
    "unit",
)
# The pack's fields that credit its questions: a format that drops them says so on export.
CREDIT_FIELDS = ("author", "license", "attribution", "url")


class NoteCode(StrEnum):
    """What a note says. With its `about` (the values its message names), it tells notes that
    say the same thing about different questions, which are then shown as one line."""

    BROKEN = "broken"  # an error: the input is broken there (the message says how)
    CHECKED = "checked"  # the pack checker's finding; about: its Code, place and question type
    NOT_IMPORTED = "not-imported"  # the checker refused the question; about: what it found
    NOTHING_IMPORTED = "nothing-imported"
    INTERNAL = "internal"  # a bug: the pack written does not load
    ID_TAKEN = "id-taken"  # about: the id given, the id used
    NOT_A_SLUG = "not-a-slug"  # about: the pack id given, the one used
    FIELD_NOT_KEPT = "field-not-kept"  # about: the field
    PACK_FIELDS_NOT_KEPT = "pack-fields-not-kept"  # about: the fields
    TYPE_NOT_HELD = "type-not-held"  # the format has no such questions; about: the type
    CONTROLS_NOT_KEPT = "controls-not-kept"
    ARROW_NOT_WRITABLE = "arrow-not-writable"  # '->' in GIFT; about: where ("answer", "left")
    LINES_JOINED = "lines-joined"
    NOT_A_QUESTION = "not-a-question"  # about: "essay" or "description"
    UNKNOWN_TYPE = "unknown-type"  # about: the type given
    UNKNOWN_DIFFICULTY = "unknown-difficulty"  # about: the difficulty given
    SEVERAL_RIGHT = "several-right"  # about: how many
    SHARED_CREDIT = "shared-credit"  # about: the answers
    NO_FULL_CREDIT = "no-full-credit"  # about: the answers, or "numbers"
    PARTIAL_CREDIT_NOT_KEPT = (
        "partial-credit-not-kept"  # about: "choices"/"answers"/"numbers", them
    )
    NEGATIVE_WEIGHTS_NOT_KEPT = "negative-weights-not-kept"  # about: the answers
    FEEDBACK_NOT_KEPT = "feedback-not-kept"  # about: whose ("others" and how many, "wrong"...)
    WILDCARD_AS_TEXT = "wildcard-as-text"
    RIGHT_NUMBERS_NOT_KEPT = "right-numbers-not-kept"  # about: the numbers after the first
    CATCH_ALL_NOT_KEPT = "catch-all-not-kept"
    LEFT_SIDE_TWICE = "left-side-twice"  # about: the left side
    UNMATCHED_NOT_KEPT = "unmatched-not-kept"  # about: the extra answers
    CHOICES_NOT_KEPT = "choices-not-kept"  # a flashcard keeps the right answer only
    COLUMNS_NOT_KEPT = "columns-not-kept"  # about: how many columns after the ones read
    IMAGES_NOT_KEPT = "images-not-kept"
    TOO_MANY_CHOICES = "too-many-choices"  # about: how many, the most the format holds
    FEW_DISTRACTORS = "few-distractors"  # about: how many wrong choices could be offered
    FORMULA = "formula"  # a spreadsheet formula where text was expected


@dataclass(frozen=True, slots=True)
class Note:
    """Something a conversion could not do exactly.

    An error means the input is broken there (nothing is written); a warning means something was
    left behind on the way (a question the pack format cannot hold, a field the target format has
    no place for). `line` is in the file read; `number` is the question's 1-based position, in the
    file read (imports) or in the pack written out (exports). `code` and `about` say what it
    says as data (see `NoteCode`); `message` is for people.
    """

    message: str
    severity: str = WARNING
    line: int | None = None
    number: int | None = None
    question_id: str | None = None
    code: NoteCode = field(kw_only=True)
    about: tuple[Any, ...] = field(default=(), kw_only=True)

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
        """The input is broken at `line` (question `number`): nothing is imported."""
        self.notes.append(Note(message, ERROR, line, number, code=NoteCode.BROKEN))

    def warn(
        self,
        message: str,
        line: int | None = None,
        number: int | None = None,
        *,
        code: NoteCode,
        about: tuple[Any, ...] = (),
    ) -> None:
        """Something at `line` (question `number`) left behind; `code` and `about` say what."""
        self.notes.append(Note(message, WARNING, line, number, code=code, about=about))


@dataclass(slots=True)
class Written:
    """What a writer produced: the text, the questions written, and notes on what was left out.

    A binary format (a spreadsheet) leaves `text` empty and puts the file's bytes in `data`.
    """

    text: str
    count: int
    notes: list[Note] = field(default_factory=list)
    data: bytes | None = None


def export_note(
    number: int, question: Question, code: NoteCode, message: str, about: tuple[Any, ...] = ()
) -> Note:
    """A warning about question `number` of the pack written out."""
    return Note(message, WARNING, None, number, question.id, code=code, about=about)


def lost_fields(question: Question, kept: Collection[str]) -> list[str]:
    """The fields of `question` a format that writes the fields named in `kept` (and its
    question's required ones) leaves behind, each named in words ("time limit").

    A field is left behind when its value is not its default: what the type's description says
    (`packs/questions.py`), as `Kind.write` tells, giving None for a value the pack file leaves
    out.
    """
    fields = [f for f in KINDS[question.type].all_fields if not f.required and f.name not in kept]
    fields.sort(key=_note_rank)
    return [
        f.name.replace("_", " ")
        for f in fields
        if f.kind.write(getattr(question, f.attribute)) is not None
    ]


def _note_rank(question_field: QuestionField) -> int:
    name = question_field.name
    return _NOTE_ORDER.index(name) if name in _NOTE_ORDER else len(_NOTE_ORDER)


def note_lost_fields(
    written: Written, number: int, question: Question, kept: Collection[str], fmt: str
) -> None:
    """A note for each field of `question` the format leaves behind (`lost_fields`), one field a
    note, so that the notes of a big pack group by field (`echo_notes`)."""
    for label in lost_fields(question, kept):
        message = f"{label} not kept ({fmt} has no place for it)"
        written.notes.append(
            export_note(number, question, NoteCode.FIELD_NOT_KEPT, message, (label,))
        )


def note_lost_pack_fields(written: Written, pack: Pack, kept: set[str], fmt: str) -> None:
    """A note naming the fields crediting the pack (licence, attribution...) the format drops."""
    lost = [
        name
        for name in CREDIT_FIELDS
        if name not in kept and (pack.author if name == "author" else pack.extra.get(name))
    ]
    if lost:
        names = lost[0] if len(lost) == 1 else ", ".join(lost[:-1]) + " and " + lost[-1]
        message = f"the pack's {names} not kept ({fmt} has no place for them)"
        written.notes.append(Note(message, code=NoteCode.PACK_FIELDS_NOT_KEPT, about=tuple(lost)))


@dataclass(frozen=True, slots=True)
class NoteGroup:
    """Notes that say the same thing about different questions, shown as one line."""

    code: NoteCode
    message: str
    severity: str
    notes: tuple[Note, ...]

    @property
    def numbers(self) -> list[int]:
        return [n.number for n in self.notes if n.number is not None]


def group_notes(notes: Sequence[Note]) -> list[NoteGroup]:
    """Warnings about questions grouped by what they say (code and `about`), in order of first
    appearance.

    A big pack exported to a format without difficulties gets one group "difficulty not kept"
    of thousands of questions rather than thousands of lines. Errors, and notes about the pack
    as a whole, stay one to a group: each asks to be read where it is.
    """
    groups: dict[tuple[str, NoteCode, tuple[Any, ...]], list[Note]] = {}
    order: list[list[Note]] = []
    for note in notes:
        if note.is_error or note.number is None:
            order.append([note])
            continue
        key = (note.severity, note.code, note.about)
        group = groups.get(key)
        if group is None:
            group = groups[key] = []
            order.append(group)
        group.append(note)
    return [NoteGroup(g[0].code, g[0].message, g[0].severity, tuple(g)) for g in order]


def _cleaned(value: Any) -> tuple[Any, bool]:
    """`value` (text, or a list or tuple of them) without control characters; whether it had any."""
    if isinstance(value, str):
        return (clean(value), True) if has_control_characters(value) else (value, False)
    if isinstance(value, tuple | list):
        parts = [_cleaned(v) for v in value]
        if any(changed for _, changed in parts):
            return type(value)(v for v, _ in parts), True
    return value, False


def _cleaned_fields(item: Any, names: Iterable[str]) -> dict[str, Any]:
    changes = {}
    for name in names:
        value, changed = _cleaned(getattr(item, name))
        if changed:
            changes[name] = value
    return changes


_QUESTION_TEXT = [f.name for f in fields(Question)]
_PACK_TEXT = ("id", "title", "description", "author", "version", "language")
_LOST_CONTROLS = "control characters (terminal escapes) not kept ({} has no way to write them)"


def without_control_characters(pack: Pack, written: Written, fmt: str) -> Pack:
    """`pack` with control characters (terminal escapes) taken out of its text, for a format
    with no way to write them; a note for each question that had some. The game never shows
    them either, and the file written may well be printed to a terminal."""
    changes: dict[str, Any] = {}
    questions = list(pack.questions)
    for index, question in enumerate(questions):
        cleaned = _cleaned_fields(question, _QUESTION_TEXT)
        if cleaned:
            questions[index] = replace(question, **cleaned)
            changes["questions"] = questions
            message = _LOST_CONTROLS.format(fmt)
            written.notes.append(
                export_note(index + 1, question, NoteCode.CONTROLS_NOT_KEPT, message)
            )
    own = _cleaned_fields(pack, _PACK_TEXT)
    extra = {name: _cleaned(value) for name, value in pack.extra.items()}
    if own or any(changed for _, changed in extra.values()):
        message = "the pack's own fields: " + _LOST_CONTROLS.format(fmt)
        written.notes.append(Note(message, code=NoteCode.CONTROLS_NOT_KEPT, about=("pack",)))
        changes |= own
        changes["extra"] = {name: value for name, (value, _) in extra.items()}
    if "questions" in changes:
        changes["questions"] = tuple(questions)
    return replace(pack, **changes) if changes else pack


def pack_title_from_name(stem: str) -> str:
    """`world-capitals_2024` as `World capitals 2024`."""
    words = re.sub(r"[-_.]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else "Imported questions"


def pack_id_from_name(stem: str) -> str:
    """A pack id (a slug) made from a file name."""
    return make_id(stem, "imported")


def quote(text: str, limit: int = 50) -> str:
    """Text for a message: quoted, on one line, cut if long."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 3] + "..."
    return f"'{flat}'"


def number_text(value: float) -> str:
    """A number exactly as written back: `2021`, `7.4`, `0.1`, never `1e+06` rounding."""
    if math.isfinite(value) and value == int(value) and abs(value) < 1e16:
        return str(int(value))
    return repr(value)


class QuestionNotes:
    """Notes about one question of a file, at its line: how each format's reader of a question
    reports what it cannot read (errors) or cannot keep (warnings)."""

    def __init__(self, parsed: Parsed, line: int | None, number: int) -> None:
        self.parsed = parsed
        self.line = line
        self.number = number

    def error(self, message: str) -> None:
        self.parsed.error(message, self.line, self.number)

    def warn(self, code: NoteCode, message: str, *about: Any) -> None:
        self.parsed.warn(message, self.line, self.number, code=code, about=about)

    def lost_feedback(self, others: int) -> None:
        """Feedback on `others` answers besides the right one: our format keeps one explanation."""
        if others:
            self.warn(
                NoteCode.FEEDBACK_NOT_KEPT,
                f"feedback on {others} other answer{'s' if others > 1 else ''} not kept "
                "(the right answer's feedback becomes the explanation)",
                "others",
                others,
            )


class MatchingPairs:
    """A matching question's pairs, side by side as a reader finds them (GIFT, Moodle XML): a
    side with no left is an extra answer, not kept (`done` warns, naming them); a left side
    given twice skips the question (`add` warns and returns False)."""

    def __init__(self, notes: QuestionNotes) -> None:
        self.notes = notes
        self.pairs: dict[str, str] = {}
        self.extras: list[str] = []

    def add(self, left: str, right: str) -> bool:
        """Take one pair; False (after a warning) if `left` was given already."""
        if not left:
            self.extras.append(right)
        elif left in self.pairs:
            message = f"the left side {quote(left)} appears twice: skipped"
            self.notes.warn(NoteCode.LEFT_SIDE_TWICE, message, left)
            return False
        else:
            self.pairs[left] = right
        return True

    def done(self) -> dict[str, str]:
        """The pairs taken, after a warning about the extra answers if there were any."""
        if self.extras:
            self.notes.warn(
                NoteCode.UNMATCHED_NOT_KEPT,
                "extra answers without a match not kept: "
                + ", ".join(quote(e) for e in self.extras),
                *self.extras,
            )
        return self.pairs


def joined(*texts: str | None) -> str | None:
    """The texts given (feedback, general feedback...) as paragraphs of one text; None if none."""
    parts = [t for t in texts if t]
    return "\n\n".join(parts) if parts else None
