"""The editor's form for one question: fields made for its type, checked as you type.

The fields, their labels and widgets come from the type's description (`core.packs.questions`).
Every change is checked by the pack validator itself (`core.packs.check.question_problems`), and each
problem is shown under the field it is about. The form returns the question as pack data; fields
the author did not change keep the way they were written (an explicit `difficulty: medium`, a
number written as text) so that saving touches as little of the file as possible.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from quizgame.core.packs.check import question_problems
from quizgame.core.packs.fields import HEAD, TAIL
from quizgame.core.packs.model import QuestionType
from quizgame.core.packs.questions import ALL_QUESTION_FIELDS, FIELDS, KINDS
from quizgame.tui import safetext
from quizgame.tui.screens.confirm import dismiss_unless_kept
from quizgame.tui.widgets.editor_fields import (
    FormField,
    form_field,
    heading,
    read_field,
    read_lines,
)

TYPE_LABELS = {qtype: kind.label for qtype, kind in KINDS.items()}
# What an omitted field means, so that "medium" chosen again is not written out.
DEFAULTS: dict[str, Any] = {
    f.name: list(f.default) if isinstance(f.default, tuple) else f.default
    for f in FIELDS.values()
    if f.default is not None
}
# The optional fields every question has, in the order their `Form.place` gives.
OPTIONAL = sorted((f for f in TAIL if f.form), key=lambda f: f.form.place if f.form else 0)


def _same(old: Any, new: Any) -> bool:
    """Equal as a pack reads them (`2021` and `"2021"` as a category, `""` and nothing)."""
    if old in ("", None) and new in ("", None, []):
        return True
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    if isinstance(old, int | float) and isinstance(new, int | float):
        return float(old) == float(new)
    if isinstance(old, int | float | str) and isinstance(new, int | float | str):
        return str(old) == str(new)
    return bool(old == new)


def merge(original: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """`new`, keeping the original's own writing of every value that did not change."""
    out = dict(new)
    for key, old in original.items():
        if key not in ALL_QUESTION_FIELDS:
            out.setdefault(key, old)  # a field quizgame does not know is the author's business
            continue
        current = out.get(key, DEFAULTS.get(key))
        if (key in out or key in DEFAULTS or old in ("", None)) and _same(old, current):
            out[key] = old
    order = {key: i for i, key in enumerate(original)}
    return dict(sorted(out.items(), key=lambda kv: order.get(kv[0], len(order))))


class TypeChooser(ModalScreen[QuestionType | None]):
    """Which kind of question to add: its number, or ↑/↓ and Enter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(i + 1), f"pick({i})", show=False) for i in range(len(TYPE_LABELS))),
        Binding("escape", "cancel", "Cancel"),
    ]

    def compose(self) -> ComposeResult:
        options = [
            Option(f"{i + 1}  {label}", id=qtype.value)
            for i, (qtype, label) in enumerate(TYPE_LABELS.items())
        ]
        box = OptionList(*options, id="type-chooser")
        box.border_title = "Add a question"
        box.border_subtitle = f"1-{len(TYPE_LABELS)} or Enter · Esc cancels"
        yield box

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_pick(self, index: int) -> None:
        self.dismiss(list(TYPE_LABELS)[index])

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(QuestionType(str(event.option.id)))

    def action_cancel(self) -> None:
        self.dismiss(None)


class QuestionFormScreen(Screen[dict[str, Any] | None]):
    """Edit one question; dismisses with its pack data, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save question", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(
        self,
        qtype: QuestionType,
        original: dict[str, Any] | None = None,
        *,
        other_ids: list[str] | tuple[str, ...] = (),
        new_id: str = "q1",
        number: int | None = None,
    ) -> None:
        super().__init__()
        self.qtype = qtype
        self.original = dict(original or {})
        self.other_ids = [str(i) for i in other_ids]
        self.new_id = new_id
        self.number = number
        self.problems: dict[str, list[str]] = {}
        self._answer_choices: list[str] | None = None  # what the answer drop-down offers now
        self._summary = ""
        self._initial: dict[str, Any] = {}
        # The head (id, prompt) and the type's own fields, then the optional ones.
        kind = KINDS[qtype]
        self.head = [f for f in (*HEAD, *kind.fields) if f.form]
        self.fields = [*self.head, *OPTIONAL]

    # --- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        q = self.original
        where = f"Question {self.number}" if self.number else "New question"
        yield Static(
            safetext.assemble((where, "bold"), "  ·  ", TYPE_LABELS[self.qtype]), id="form-title"
        )
        with VerticalScroll(id="form"):
            data = {"id": self.new_id, **q}
            for field in self.fields[: len(self.head)]:
                yield form_field(field, data)
            yield heading("Optional")
            for field in self.fields[len(self.head) :]:
                yield form_field(field, data)
            # An author tests the accept list here, as `quizgame judge` does.
            yield heading("Try an answer")
            yield Input(placeholder="an answer a player might give", id="try-answer")
            yield Static(id="try-result")
        yield Static(id="form-status")
        with Horizontal(id="form-buttons"):
            yield Button("Save question (Ctrl+S)", id="form-save", variant="primary", compact=True)
            yield Button("Cancel (Esc)", id="form-cancel", compact=True)
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#f-prompt").focus()
        # What the form showed at first (pack text cleaned of control characters): a change is a
        # difference from this, not from the file.
        self._initial = self.revalidate()

    # --- reading the form ------------------------------------------------------------------------

    def collect(self) -> tuple[dict[str, Any], dict[str, list[str]]]:
        """The question as pack data, and problems the validator cannot see (bad pair lines)."""
        local: dict[str, list[str]] = {}
        data: dict[str, Any] = {"type": self.qtype.value}
        for field in self.fields:
            present, value, problems = read_field(self.query_one(f"#f-{field.name}"), field)
            if present:
                data[field.name] = value
            if problems:
                local[field.name] = problems
        return merge(self.original, data), local

    def revalidate(self) -> dict[str, Any]:
        """Check the form as it is now and show every problem at its field."""
        data, local = self.collect()
        problems = question_problems(data, self.other_ids)
        for name, messages in local.items():
            problems.setdefault(name, [])[:0] = messages
        self.problems = problems
        for field in self.query(FormField):
            field.show_problems(problems.get(field.field_name, []))
        general = problems.get("", [])
        count = sum(len(m) for m in problems.values())
        if count:
            lines = [f"✗ {count} problem{'s' if count > 1 else ''} to fix before saving"]
            lines += [f"✗ {m}" for m in general]
            summary = "\n".join(lines)
        else:
            summary = "✓ Ready to save"
        if summary != self._summary:
            self._summary = summary
            status = self.query_one("#form-status", Static)
            status.update(safetext.literal(summary))
            status.set_class(bool(count), "-invalid")
        return data

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _changed(self) -> None:
        if self.is_mounted:
            for field in self.fields:
                if field.form and field.form.options_from:
                    self._refresh_options(field.name, field.form.options_from)
        self.revalidate()

    @on(Select.Changed)
    def _selected(self) -> None:
        self.revalidate()
        self._try()

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _try(self) -> None:
        """Judge the tried answer against the question as the form holds it now."""
        if not self.is_mounted:
            return
        from quizgame.core.play.trial import try_on_data

        text = self.query_one("#try-answer", Input).value
        result = self.query_one("#try-result", Static)
        if not text.strip():
            result.update("")
            return
        data, _ = self.collect()
        trial = try_on_data(data, text)
        if trial is None:
            result.update(safetext.literal("Fix the problems above to try an answer."))
            return
        points = f"{trial.points:.2f}".rstrip("0").rstrip(".")
        result.update(
            safetext.assemble(
                (trial.verdict.capitalize(), "bold"), f", {points} of the points ({trial.reason})"
            )
        )

    def _refresh_options(self, name: str, source: str) -> None:
        """A drop-down of another field's lines (the right answer) offers them as they are typed."""
        select = self.query_one(f"#f-{name}", Select)
        choices = list(dict.fromkeys(read_lines(self.query_one(f"#f-{source}", TextArea).text)))
        if choices == self._answer_choices:
            return
        self._answer_choices = choices
        current = select.value
        with select.prevent(Select.Changed):
            select.set_options([(safetext.rich_text(safetext.clean_line(c)), c) for c in choices])
            if current in choices:
                select.value = current

    # --- leaving ---------------------------------------------------------------------------------

    @property
    def unsaved_changes(self) -> bool:
        data, _ = self.collect()
        return data != self._initial

    def action_save(self) -> None:
        data = self.revalidate()
        if self.problems:
            first = next(iter(self.problems))
            target = self.query(f"#field-{first or 'id'}")
            if target:
                target.first().query_one("Input, TextArea, Select").focus()
            self.app.bell()
            return
        self.dismiss(data)

    def action_cancel(self) -> None:
        dismiss_unless_kept(
            self,
            self.unsaved_changes,
            "Discard the changes to this question?",
            "",
            yes="Discard",
            no="Keep editing",
        )

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()
