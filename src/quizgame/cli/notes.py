"""Printing conversion notes (import and export) as `FILE:LINE: warning: question N: ...`."""

from __future__ import annotations

from collections.abc import Sequence

import click

from quizgame.core.formats.common import Note

SHOWN = 20


def note_line(file: str, note: Note) -> str:
    head = f"{file}:{note.line}" if note.line is not None else file
    who = ""
    if note.number is not None:
        who = f"question {note.number}"
        if note.question_id is not None:
            who += f" ({note.question_id})"
        who += ": "
    return f"{head}: {'error' if note.is_error else 'warning'}: {who}{note.message}"


def echo_notes(file: str, notes: Sequence[Note], verbose: bool) -> None:
    """Every error, and the first warnings (all with `verbose`), on stderr."""
    errors = [n for n in notes if n.is_error]
    warnings = [n for n in notes if not n.is_error]
    for note in errors:
        click.echo(note_line(file, note), err=True)
    shown = warnings if verbose else warnings[:SHOWN]
    for note in shown:
        click.echo(note_line(file, note), err=True)
    if len(shown) < len(warnings):
        click.echo(
            f"{file}: ... and {len(warnings) - len(shown):,} more warnings (--verbose lists them)",
            err=True,
        )
