"""The editor's form for one question: fields made for its type, checked as you type.

Every change is checked by the pack validator itself (`core.editing.question_problems`), and each
problem is shown under the field it is about. The form returns the question as pack data; fields
the author did not change keep the way they were written (an explicit `difficulty: medium`, a
number written as text) so that saving touches as little of the file as possible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from quizgame.core.packs.check import ALL_QUESTION_FIELDS
from quizgame.core.packs.edit import question_problems
from quizgame.core.packs.model import Difficulty, QuestionType, Spoiler
from quizgame.tui import safetext
from quizgame.tui.screens.confirm import dismiss_unless_kept
from quizgame.tui.widgets.editor_fields import (
    FormField,
    choice_select,
    heading,
    lines_area,
    pairs_area,
    read_lines,
    read_number,
    read_pairs,
    text_area,
    text_input,
)

if TYPE_CHECKING:
    from quizgame.tui.app import QuizApp

TYPE_LABELS = {
    QuestionType.MULTIPLE_CHOICE: "Multiple choice",
    QuestionType.TRUE_FALSE: "True or false",
    QuestionType.TYPED: "Typed answer",
    QuestionType.NUMERIC: "A number",
    QuestionType.ORDERING: "Put in order",
    QuestionType.MATCHING: "Match pairs",
}
# What an omitted field means, so that "medium" chosen again is not written out.
DEFAULTS: dict[str, Any] = {
    "difficulty": Difficulty.MEDIUM.value,
    "spoiler": Spoiler.NONE.value,
    "tolerance": 0,
    "accept": [],
    "tags": [],
}
DIFFICULTY_LABELS = [
    ("easy (100 points)", "easy"),
    ("medium (200)", "medium"),
    ("hard (300)", "hard"),
]
SPOILER_LABELS = [("none", "none"), ("mid-story", "mid"), ("the ending", "ending")]


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
    """Which kind of question to add: 1-6, or ↑/↓ and Enter."""

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
        box.border_subtitle = "1-6 or Enter · Esc cancels"
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

    app: QuizApp

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

    # --- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        q = self.original
        where = f"Question {self.number}" if self.number else "New question"
        yield Static(
            safetext.assemble((where, "bold"), "  ·  ", TYPE_LABELS[self.qtype]), id="form-title"
        )
        with VerticalScroll(id="form"):
            yield FormField(
                "Id (unique in the pack)", text_input(q.get("id", self.new_id), "id"), "id"
            )
            yield FormField("Question", text_area(q.get("prompt"), "prompt", 3), "prompt")
            yield from self._type_fields(q)
            yield heading("Optional")
            yield FormField(
                "Difficulty (sets the points)",
                choice_select(DIFFICULTY_LABELS, q.get("difficulty") or "medium", "difficulty"),
                "difficulty",
            )
            yield FormField("Category", text_input(q.get("category"), "category"), "category")
            yield FormField(
                "Explanation (shown after answering)",
                text_area(q.get("explanation"), "explanation", 2),
                "explanation",
            )
            yield FormField(
                "Hint (the hint lifeline shows it)", text_input(q.get("hint"), "hint"), "hint"
            )
            yield FormField("Source", text_input(q.get("source"), "source"), "source")
            tags = q.get("tags")
            yield FormField(
                "Tags, separated by commas",
                text_input(", ".join(map(str, tags)) if isinstance(tags, list) else tags, "tags"),
                "tags",
            )
            yield FormField(
                "Time limit in seconds (timed modes; empty: the mode's own)",
                text_input(q.get("time_limit"), "time_limit"),
                "time_limit",
            )
            yield FormField(
                "Spoiler (how much of a story it gives away)",
                choice_select(SPOILER_LABELS, q.get("spoiler") or "none", "spoiler"),
                "spoiler",
            )
        yield Static(id="form-status")
        with Horizontal(id="form-buttons"):
            yield Button("Save question (Ctrl+S)", id="form-save", variant="primary", compact=True)
            yield Button("Cancel (Esc)", id="form-cancel", compact=True)
        yield Footer(show_command_palette=False)

    def _type_fields(self, q: dict[str, Any]) -> ComposeResult:
        qtype = self.qtype
        if qtype is QuestionType.MULTIPLE_CHOICE:
            choices = q.get("choices") if isinstance(q.get("choices"), list) else []
            yield FormField(
                "Choices, one per line (2 to 6)", lines_area(choices, "choices"), "choices"
            )
            yield FormField(
                "Right answer",
                choice_select(
                    [(str(c), str(c)) for c in dict.fromkeys(choices or [])],
                    q.get("answer"),
                    "answer",
                    blank=True,
                ),
                "answer",
            )
        elif qtype is QuestionType.TRUE_FALSE:
            answer = q.get("answer") if isinstance(q.get("answer"), bool) else None
            yield FormField(
                "Answer",
                choice_select([("True", True), ("False", False)], answer, "answer"),
                "answer",
            )
        elif qtype is QuestionType.TYPED:
            yield FormField("Answer", text_input(q.get("answer"), "answer"), "answer")
            yield FormField(
                "Also accepted, one per line",
                lines_area(
                    q.get("accept") if isinstance(q.get("accept"), list) else [], "accept", 3
                ),
                "accept",
                note="Case, accents, punctuation, a leading 'the' and small typos are forgiven anyway.",
            )
        elif qtype is QuestionType.NUMERIC:
            yield FormField("Answer (a number)", text_input(q.get("answer"), "answer"), "answer")
            yield FormField(
                "Tolerance (how far off still counts)",
                text_input(q.get("tolerance"), "tolerance", "0"),
                "tolerance",
            )
            yield FormField(
                "Unit (shown with the number)", text_input(q.get("unit"), "unit"), "unit"
            )
        elif qtype is QuestionType.ORDERING:
            items = q.get("items") if isinstance(q.get("items"), list) else []
            yield FormField(
                "Items in the right order, one per line (the game shuffles them)",
                lines_area(items, "items", 5),
                "items",
            )
        else:
            pairs = q.get("pairs") if isinstance(q.get("pairs"), dict) else {}
            yield FormField(
                "Pairs, one per line: left -> right (the game shuffles the right sides)",
                pairs_area(pairs, "pairs"),
                "pairs",
            )

    def on_mount(self) -> None:
        self.query_one("#f-prompt").focus()
        # What the form showed at first (pack text cleaned of control characters): a change is a
        # difference from this, not from the file.
        self._initial = self.revalidate()

    # --- reading the form ------------------------------------------------------------------------

    def _text(self, name: str) -> str:
        widget = self.query_one(f"#f-{name}")
        if isinstance(widget, TextArea):
            return widget.text
        assert isinstance(widget, Input)
        return widget.value

    def _select(self, name: str) -> Any:
        value = self.query_one(f"#f-{name}", Select).value
        return None if value is Select.NULL else value

    def collect(self) -> tuple[dict[str, Any], dict[str, list[str]]]:
        """The question as pack data, and problems the validator cannot see (bad pair lines)."""
        local: dict[str, list[str]] = {}
        data: dict[str, Any] = {
            "id": self._text("id").strip(),
            "type": self.qtype.value,
            "prompt": self._text("prompt").strip(),
        }
        qtype = self.qtype
        if qtype is QuestionType.MULTIPLE_CHOICE:
            data["choices"] = read_lines(self._text("choices"))
            if self._select("answer") is not None:
                data["answer"] = self._select("answer")
        elif qtype is QuestionType.TRUE_FALSE:
            if self._select("answer") is not None:
                data["answer"] = self._select("answer")
        elif qtype is QuestionType.TYPED:
            data["answer"] = self._text("answer").strip()
            accept = read_lines(self._text("accept"))
            if accept:
                data["accept"] = accept
        elif qtype is QuestionType.NUMERIC:
            number = read_number(self._text("answer"))
            if number is not None:
                data["answer"] = number
            tolerance = read_number(self._text("tolerance"))
            if tolerance not in (None, 0):
                data["tolerance"] = tolerance
            unit = self._text("unit").strip()
            if unit:
                data["unit"] = unit
        elif qtype is QuestionType.ORDERING:
            data["items"] = read_lines(self._text("items"))
        else:
            pairs, problems = read_pairs(self._text("pairs"))
            data["pairs"] = pairs
            if problems:
                local["pairs"] = problems
        difficulty = self._select("difficulty")
        if difficulty and difficulty != DEFAULTS["difficulty"]:
            data["difficulty"] = difficulty
        for name in ("category", "hint", "source"):
            value = self._text(name).strip()
            if value:
                data[name] = value
        explanation = self._text("explanation").strip()
        if explanation:
            data["explanation"] = explanation
        tags = [t.strip() for t in self._text("tags").split(",") if t.strip()]
        if tags:
            data["tags"] = tags
        time_limit = read_number(self._text("time_limit"))
        if time_limit is not None:
            data["time_limit"] = time_limit
        spoiler = self._select("spoiler")
        if spoiler and spoiler != DEFAULTS["spoiler"]:
            data["spoiler"] = spoiler
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
        if self.qtype is QuestionType.MULTIPLE_CHOICE and self.is_mounted:
            self._refresh_answer_choices()
        self.revalidate()

    @on(Select.Changed)
    def _selected(self) -> None:
        self.revalidate()

    def _refresh_answer_choices(self) -> None:
        """The right-answer drop-down offers the choices as they are typed."""
        select = self.query_one("#f-answer", Select)
        choices = list(dict.fromkeys(read_lines(self._text("choices"))))
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
