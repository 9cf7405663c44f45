"""Printing conversion notes (import and export) as `FILE:LINE: warning: question N: ...`.

The same warning about many questions is one line with a count and the first few question
numbers (`difficulty not kept (...): 2,853 questions (1, 2, 5, 7, 9, ...)`); `--verbose` lists
every note on its own line.
"""

from __future__ import annotations

from collections.abc import Sequence

import click

from quizgame.core.formats.common import Note, NoteGroup, group_notes
from quizgame.core.text import clean_line

SHOWN = 20  # lines of warnings, before "... and N more"
SHOWN_ERRORS = 100  # a hostile file's million broken lines print as a hundred and a count
FIRST_NUMBERS = 5


def note_line(file: str, note: Note) -> str:
    return clean_line(_note_line(file, note))  # notes quote pack text


def _note_line(file: str, note: Note) -> str:
    head = f"{file}:{note.line}" if note.line is not None else file
    who = ""
    if note.number is not None:
        who = f"question {note.number}"
        if note.question_id is not None:
            who += f" ({note.question_id})"
        who += ": "
    return f"{head}: {'error' if note.is_error else 'warning'}: {who}{note.message}"


def group_line(file: str, group: NoteGroup) -> str:
    """One line for a group: the note itself if it is alone, else the count and where."""
    if len(group.notes) == 1:
        return note_line(file, group.notes[0])
    numbers = group.numbers
    shown = ", ".join(str(n) for n in numbers[:FIRST_NUMBERS])
    more = ", ..." if len(numbers) > FIRST_NUMBERS else ""
    first_line = group.notes[0].line
    at = f"; the first at line {first_line}" if first_line is not None else ""
    return clean_line(
        f"{file}: {group.severity}: {group.message}: "
        f"{len(group.notes):,} questions ({shown}{more}{at})"
    )


def echo_notes(file: str, notes: Sequence[Note], verbose: bool) -> None:
    """The errors (the first SHOWN_ERRORS, every one with `verbose`), then the warnings grouped
    by what they say (each on its own line with `verbose`), on stderr."""
    errors = [n for n in notes if n.is_error]
    warnings = [n for n in notes if not n.is_error]
    shown = errors if verbose else errors[:SHOWN_ERRORS]
    for note in shown:
        click.echo(note_line(file, note), err=True)
    if len(shown) < len(errors):
        more = len(errors) - len(shown)
        click.echo(f"{file}: ... and {more:,} more errors (--verbose lists every one)", err=True)
    if verbose:
        for note in warnings:
            click.echo(note_line(file, note), err=True)
        return
    groups = group_notes(warnings)
    for group in groups[:SHOWN]:
        click.echo(group_line(file, group), err=True)
    hidden = sum(len(g.notes) for g in groups[SHOWN:])
    if hidden:
        click.echo(
            f"{file}: ... and {hidden:,} more warnings (--verbose lists every one)", err=True
        )
