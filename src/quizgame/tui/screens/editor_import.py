"""Importing questions into the pack being edited: which file, in which format (told from the
file unless chosen), and for flashcards which side is asked and how many choices."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from quizgame.core.formats import Imported
from quizgame.core.formats.files import with_fresh_ids
from quizgame.core.formats.flashcards.reading import SIDES, CardOptions, Side
from quizgame.core.formats.registry import FORMAT_TABLE, ReadOptions
from quizgame.core.packs.edit import EditError, PackDocument

DETECT = "detect"


@dataclass(frozen=True)
class ImportRequest:
    """What to import: the file, its format (None: told from the file) and the options."""

    path: Path
    fmt: str | None
    options: ReadOptions


def _format_label(name: str, extensions: tuple[str, ...]) -> str:
    return f"{name} ({', '.join(extensions)})"


def add_imported(
    document: PackDocument, imported: Imported, name: str, position: int
) -> tuple[int, str]:
    """Add the questions of an import (from the file `name`) to `document` at `position`,
    ids made free; how many were added, and the line to tell the author."""
    if imported.data is None:
        first = imported.errors[0] if imported.errors else None
        where = f"{name}:{first.line}" if first and first.line else name
        what = first.message if first else "nothing to import"
        return 0, f"✗ Nothing imported: {where}: {what}"
    taken = document.ids()  # not `questions`: a copy of every question
    questions = with_fresh_ids(imported.data["questions"], taken)
    try:
        for offset, question in enumerate(questions):
            document.add_question(question, position + offset)
    except EditError as exc:
        return 0, f"✗ {exc}"
    count = len(questions)
    message = f"Imported {count} question{'s' if count != 1 else ''} from {name}"
    message += _credit(document, imported.data)
    warnings = imported.warnings
    if warnings:
        left = f"; {imported.skipped} left out" if imported.skipped else ""
        message += f" ({len(warnings)} warning{'s' if len(warnings) != 1 else ''}{left}; "
        message += f"first: {warnings[0]})"
    return count, message + " · unsaved (Ctrl+S saves)"


def _credit(document: PackDocument, data: dict[str, Any]) -> str:
    """The file's licence and attribution carried to a pack that has none (questions under
    CC BY-SA must keep theirs); a note when the pack has other ones."""
    said = ""
    for name in ("license", "attribution"):
        given = data.get(name)
        if not given:
            continue
        own = document.fields.get(name)
        if not own:
            document.set_field(name, given)
            said = ", with the file's licence and attribution"
        elif own != given:
            said = f"; the file's {name} differs from the pack's: check it"
    return said


class ImportScreen(ModalScreen[ImportRequest | None]):
    """Dismisses with an ImportRequest, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        formats = [(_format_label(f.name, f.extensions), f.key) for f in FORMAT_TABLE]
        with Vertical(id="import-box") as box:
            box.border_title = "Import questions from a file"
            yield Label("File", classes="form-label")
            yield Input(placeholder="e.g. ~/Downloads/quiz.xml", id="import-path", compact=True)
            yield Label("Format", classes="form-label")
            yield Select(
                [("Tell from the file", DETECT), *formats],
                value=DETECT,
                allow_blank=False,
                id="import-format",
                compact=True,
            )
            yield Label("Flashcards: the side asked, and choices (0: type the answer)")
            with Horizontal(id="import-cards"):
                yield Select(
                    [(side, side) for side in SIDES],
                    value=SIDES[0],
                    allow_blank=False,
                    id="import-ask",
                    compact=True,
                )
                yield Input("0", type="integer", max_length=2, id="import-choices", compact=True)
            yield Static(id="import-problem", classes="form-error")
            with Horizontal(id="import-buttons"):
                yield Button("Import (Enter)", id="import-go", variant="primary", compact=True)
                yield Button("Cancel (Esc)", id="import-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    def request(self) -> ImportRequest | str:
        """What the form asks for, or what is wrong with it."""
        given = self.query_one("#import-path", Input).value.strip()
        if not given:
            return "Name the file to import."
        fmt = self.query_one("#import-format", Select).value
        ask = self.query_one("#import-ask", Select).value
        choices_text = self.query_one("#import-choices", Input).value.strip() or "0"
        choices = int(choices_text) if choices_text.isdigit() else -1
        if choices == 1 or not 0 <= choices <= 10:
            return "Choices: 0 (type the answer), or 2 to 10."
        side: Side = "definition" if ask == "definition" else "term"
        return ImportRequest(
            Path(given).expanduser(),
            None if fmt == DETECT else str(fmt),
            ReadOptions(CardOptions(side, choices)),
        )

    @on(Input.Submitted)
    @on(Button.Pressed, "#import-go")
    def _go(self) -> None:
        request = self.request()
        if isinstance(request, str):
            self.query_one("#import-problem", Static).update(request)
            return
        self.dismiss(request)

    @on(Button.Pressed, "#import-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
