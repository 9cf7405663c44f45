"""Importing packs from other quiz formats, and exporting packs to them.

    imported = import_text(text, "gift", pack_id="capitals", title="Capitals")
    imported.notes   # errors (the input is broken: nothing imported) and warnings (left behind)
    imported.text    # the pack as YAML, already read back by the real loader
    imported.pack.id # "capitals", unless the file names its own pack (a GIFT header)
    export_pack(pack, "gift").text

Readers turn a file into pack-format question drafts; the pack validator then judges them like
any hand-written pack. A question the pack format cannot hold is left out with a warning at its
line, never dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizgame.core.formats.common import (
    ERROR,
    WARNING,
    Draft,
    Note,
    NoteCode,
    Parsed,
    Written,
    without_control_characters,
)
from quizgame.core.formats.registry import (
    FORMAT_TABLE,
    KEYS,
    Format,
    ReadOptions,
    detect,
    format_of,
)
from quizgame.core.packs.check import validate_pack_data
from quizgame.core.packs.issues import Issue, Key, Missing
from quizgame.core.packs.model import Pack
from quizgame.core.packs.read import load_pack_text
from quizgame.core.packs.write import dump_pack
from quizgame.core.text import has_control_characters

FORMATS = KEYS
_SURROGATE = re.compile("[\ud800-\udfff]")
FORMAT_NAMES = {f.key: f.name for f in FORMAT_TABLE}
__all__ = [
    "FORMATS",
    "FORMAT_TABLE",
    "Format",
    "Imported",
    "Note",
    "ReadOptions",
    "Written",
    "detect",
    "export_pack",
    "format_for",
    "import_text",
]


@dataclass
class Imported:
    """The outcome of an import: the pack (None if anything is an error) and every note."""

    notes: list[Note] = field(default_factory=list)
    data: dict[str, Any] | None = None
    text: str | None = None
    pack: Pack | None = None
    skipped: int = 0  # questions in the file that are not in the pack

    @property
    def ok(self) -> bool:
        return self.pack is not None

    @property
    def errors(self) -> list[Note]:
        return [n for n in self.notes if n.is_error]

    @property
    def warnings(self) -> list[Note]:
        return [n for n in self.notes if not n.is_error]


def format_for(path: str | Path, head: bytes | None = None) -> str | None:
    """The format a file's name (and, given them, its first bytes) says, or None
    (`registry.detect`)."""
    found = detect(path, head)
    return found.key if found else None


def _sorted(notes: list[Note]) -> list[Note]:
    return sorted(notes, key=lambda n: (n.line or 0, n.number or 0))


def _assign_ids(drafts: list[Draft], notes: list[Note]) -> None:
    """Every draft gets a unique id: its own (a GIFT title) or `q<number>`."""
    explicit: set[str] = set()
    for draft in drafts:
        given = draft.data.get("id")
        if given:
            explicit.add(str(given))
    used: set[str] = set()
    for draft in drafts:
        given = draft.data.get("id")
        base = str(given) if given else f"q{draft.number}"
        qid, n = base, 2
        # A made-up id also keeps clear of ids the file gives to later questions.
        while qid in used or (not given and qid in explicit):
            qid, n = f"{base}-{n}", n + 1
        if given and qid != base:
            notes.append(
                Note(
                    f"the id '{base}' is taken by an earlier question; this one is now '{qid}'",
                    WARNING,
                    draft.line,
                    draft.number,
                    code=NoteCode.ID_TAKEN,
                    about=(base, qid),
                )
            )
        used.add(qid)
        rest = {k: v for k, v in draft.data.items() if k != "id"}
        draft.data = {"id": qid, **rest}


def _question_index(path: tuple[Any, ...]) -> int | None:
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        return path[1]
    return None


def import_text(
    text: str | bytes,
    fmt: str,
    *,
    pack_id: str,
    title: str,
    description: str | None = None,
    fixed: Mapping[str, Any] | None = None,
    name: str = "<imported>",
    options: ReadOptions | None = None,
) -> Imported:
    """Read `text` in format `fmt` into a validated pack; never raises for bad input.

    `text` is the file's bytes for a binary format (.xlsx); text formats take text, or bytes
    that must be UTF-8. `pack_id`, `title` and `description` are used where the file does not
    give its own (a GIFT file exported here names its pack in a header); `fixed` fields win
    over the file's; `options` are the format's own (flashcards: which side is asked, how many
    choices). Raises ValueError for an unknown `fmt`.
    """
    form = format_of(fmt)
    parsed = _parse(form, text, options or ReadOptions())
    notes = list(parsed.notes)
    if any(n.is_error for n in notes):
        return Imported(_sorted(notes))
    drafts = parsed.drafts
    if not drafts:
        seen = len({n.number for n in notes if n.number is not None})
        message = (
            f"none of the {seen} questions could be imported (see the warnings)"
            if seen
            else f"no questions found in this {FORMAT_NAMES[fmt]} file"
        )
        notes.append(Note(message, ERROR, code=NoteCode.NOTHING_IMPORTED))
        return Imported(_sorted(notes))
    _assign_ids(drafts, notes)

    data: dict[str, Any] = {"id": pack_id, "title": title}
    if description:
        data["description"] = description
    data.update(parsed.pack_fields)
    data.update(fixed or {})
    data["questions"] = [d.data for d in drafts]
    # The common case is a clean file: write it and let the real loader (and its validator) read
    # it back. Only when that finds problems is the data validated again to learn which
    # questions to leave out.
    yaml_text = dump_pack(data)
    loaded = load_pack_text(yaml_text, name)
    rejected: dict[int, list[Issue]] = {}
    if loaded.problems:
        rejected = _reject(data, drafts, notes)
        if any(n.is_error for n in notes):
            return Imported(_sorted(notes))
        kept = [d.data for i, d in enumerate(drafts) if i not in rejected]
        if not kept:
            message = "none of the questions could be imported"
            notes.append(Note(message, ERROR, code=NoteCode.NOTHING_IMPORTED))
            return Imported(_sorted(notes))
        data["questions"] = kept
        yaml_text = dump_pack(data)
        loaded = load_pack_text(yaml_text, name)
    if loaded.pack is None:
        first = loaded.errors[0] if loaded.errors else "unknown problem"
        message = f"internal error: the written pack does not load: {first}"
        notes.append(Note(message, ERROR, code=NoteCode.INTERNAL))
        return Imported(_sorted(notes))
    in_file = {n.number for n in notes if n.number is not None} | {d.number for d in drafts}
    skipped = len(in_file) - len(loaded.pack.questions)
    return Imported(_sorted(notes), data, yaml_text, loaded.pack, skipped)


def _parse(form: Format, data: str | bytes, options: ReadOptions) -> Parsed:
    if form.binary and isinstance(data, str):
        parsed = Parsed()
        parsed.error(f"a {form.name} file is not text: give its bytes")
        return parsed
    if not form.binary and isinstance(data, bytes):
        raw = data
        try:
            data = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            parsed = Parsed()
            line = raw.count(b"\n", 0, exc.start) + 1
            parsed.error(f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x})", line)
            return parsed
    lone = _SURROGATE.search(data) if isinstance(data, str) else None
    if isinstance(data, str) and lone is not None:  # only text a caller hands over has one
        parsed = Parsed()
        line = data.count("\n", 0, lone.start()) + 1
        parsed.error("half of a character (a lone surrogate), not text", line)
        return parsed
    return form.read(data, options)


def _reject(data: dict[str, Any], drafts: list[Draft], notes: list[Note]) -> dict[int, list[Issue]]:
    """Validate `data`; note every problem and return the questions to leave out, by index."""
    _pack, issues = validate_pack_data(data)
    rejected: dict[int, list[Issue]] = {}
    for issue in issues:
        index = _question_index(issue.path)
        if index is None:
            about = (issue.code, *_place(issue.path, data))
            notes.append(Note(issue.message, issue.severity, code=NoteCode.CHECKED, about=about))
        elif issue.severity == ERROR:
            rejected.setdefault(index, []).append(issue)
        else:
            draft = drafts[index]
            about = _about(issue, draft.data)
            note = Note(
                issue.message, WARNING, draft.line, draft.number, code=NoteCode.CHECKED, about=about
            )
            notes.append(note)
    for index, found in rejected.items():
        draft = drafts[index]
        notes.append(
            Note(
                "not imported: " + "; ".join(issue.message for issue in found),
                WARNING,
                draft.line,
                draft.number,
                str(draft.data["id"]),
                code=NoteCode.NOT_IMPORTED,
                about=tuple(_about(issue, draft.data) for issue in found),
            )
        )
    return rejected


def _about(issue: Issue, question: dict[str, Any]) -> tuple[Any, ...]:
    """What the checker says of one question, as data: its code, where in the question, the
    value there and the question's type (the message is made of these)."""
    return (issue.code, *_place(issue.path[2:], question), question.get("type"))


def _place(path: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    """The steps of `path` (keys named as such) and, last, the value found there, as text."""
    steps: list[Any] = []
    for step in path:
        if isinstance(step, Key | Missing):
            steps.append((type(step).__name__, step.name))
            continue
        steps.append(step)
        if isinstance(data, dict | list):
            try:
                data = data[step]
            except (KeyError, IndexError, TypeError):
                data = None
    return (*steps, repr(data))


def export_pack(pack: Pack, fmt: str) -> Written:
    """`pack` written in format `fmt`, with a note for each question or field left behind.

    Control characters (terminal escapes) that the format cannot escape, as JSON can, are taken
    out, with a note: the game never shows them and the file may well be printed. A binary
    format's file is `Written.data`. Raises ValueError for an unknown `fmt`.
    """
    form = format_of(fmt)
    if form.binary:  # a spreadsheet cannot hold them at all: always take them out
        cleaned = Written("", 0)
        pack = without_control_characters(pack, cleaned, form.name)
        written = form.write(pack)
        written.notes[:0] = cleaned.notes
        return written
    written = form.write(pack)
    if has_control_characters(written.text):  # rare: only then look for them question by question
        cleaned = Written("", 0)
        pack = without_control_characters(pack, cleaned, form.name)
        written = form.write(pack)
        written.notes[:0] = cleaned.notes
    return written
