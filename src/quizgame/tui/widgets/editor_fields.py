"""Form pieces for the pack editor: a labelled field with its error line, and list text parsing.

All pack text put into these widgets has been through `safetext.clean` (no control characters);
Input and TextArea show their value as plain text, never markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Select, Static, TextArea

from quizgame.core.packs.fields import Field
from quizgame.core.packs.model import format_number
from quizgame.tui import safetext

PAIR_ARROW = "->"
ITEM_BAR = "|"  # a list item's line: answer | also accepted, ... | clue shown


class FormField(Vertical):
    """One editing widget under a line that names it and, in red, tells its problems.

    Label and problems share one Static: a form has many fields, and fewer widgets keep it quick
    to open.
    """

    def __init__(self, label: str, editor: Widget, name: str, note: str = "") -> None:
        super().__init__(classes="form-field", id=f"field-{name}")
        self.label = label
        self.editor = editor
        self.field_name = name
        self.note = note
        self._shown: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(self._heading(""), classes="form-label", id=f"label-{self.field_name}")
        yield self.editor

    def _heading(self, problems: str) -> Content:
        parts: list[safetext.Part] = [self.label]
        if self.note:
            parts += ["  ", (self.note, "italic")]
        if problems:
            parts += ["\n", (problems, "$text-error")]  # messages quote pack text: literal
        return safetext.assemble(*parts)

    @property
    def problems_text(self) -> str:
        return self._shown or ""

    def show_problems(self, messages: Iterable[str]) -> None:
        """Problems in words above the field (none: just its name); the field is marked too."""
        text = "\n".join(f"✗ {m}" for m in messages)
        if text == self._shown:
            return  # unchanged: no refresh (this runs on every key)
        self._shown = text
        self.query_one(".form-label", Static).update(self._heading(text))
        self.set_class(bool(text), "-invalid")


def text_input(value: Any, name: str, placeholder: str = "") -> Input:
    text = "" if value is None else safetext.clean_line(_as_text(value))
    return Input(text, placeholder=placeholder, id=f"f-{name}", compact=True)


def text_area(value: Any, name: str, height: int = 3) -> TextArea:
    area = TextArea(
        "" if value is None else safetext.clean(_as_text(value)),
        id=f"f-{name}",
        soft_wrap=True,
        show_line_numbers=False,
        compact=True,
        highlight_cursor_line=False,
    )
    area.styles.height = height
    return area


def lines_area(values: Iterable[Any] | None, name: str, height: int = 4) -> TextArea:
    return text_area("\n".join(_as_text(v) for v in values or ()), name, height)


def pairs_area(pairs: dict[str, Any] | None, name: str) -> TextArea:
    text = "\n".join(
        f"{left} {PAIR_ARROW} {_as_text(right)}" for left, right in (pairs or {}).items()
    )
    return text_area(text, name, 5)


def items_area(items: list[Any] | None, name: str, height: int = 6) -> TextArea:
    """A list question's items, one a line: `answer | also accepted, ... | clue shown`."""
    return text_area("\n".join(item_line(item) for item in items or ()), name, height)


def item_line(item: Any) -> str:
    """One item of a list question (pack data: text, or a mapping) as its editor line."""
    if not isinstance(item, dict):
        return _as_text(item)
    accept = item.get("accept")
    accepted = ", ".join(map(_as_text, accept)) if isinstance(accept, list) else ""
    show = item.get("show")
    parts = [_as_text(item.get("answer", "")), accepted, "" if show is None else _as_text(show)]
    while len(parts) > 1 and not parts[-1]:
        parts.pop()
    return f" {ITEM_BAR} ".join(parts)


def read_items(text: str) -> list[str | dict[str, Any]]:
    """`answer | also accepted, ... | clue shown` lines as a list question's items (pack data):
    the answer alone when nothing else is written."""
    items: list[str | dict[str, Any]] = []
    for line in read_lines(text):
        answer, _, rest = (part.strip() for part in line.partition(ITEM_BAR))
        accepted, _, show = (part.strip() for part in rest.partition(ITEM_BAR))
        accept = [a.strip() for a in accepted.split(",") if a.strip()]
        if not accept and not show:
            items.append(answer)
            continue
        item: dict[str, Any] = {"answer": answer}
        if accept:
            item["accept"] = accept
        if show:
            item["show"] = show
        items.append(item)
    return items


def choice_select(
    options: Iterable[tuple[str, Any]], value: Any, name: str, *, blank: bool = False
) -> Select[Any]:
    """A drop-down; `blank` allows no choice at all (the right answer among changing choices)."""
    options = list(options)
    values = [v for _label, v in options]
    return Select(
        [(safetext.rich_text(safetext.clean_line(label)), v) for label, v in options],
        value=value if value in values else Select.NULL,
        allow_blank=blank or value not in values,
        prompt="Choose",
        compact=True,
        id=f"f-{name}",
    )


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format_number(value) if value.is_integer() else repr(value)
    return str(value)


def read_lines(text: str) -> list[str]:
    """One entry per non-blank line, trimmed."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def read_pairs(text: str) -> tuple[dict[str, str], list[str]]:
    """`left -> right` lines as a mapping, and a problem for each line that is not one."""
    pairs: dict[str, str] = {}
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        left, arrow, right = line.partition(PAIR_ARROW)
        if not arrow:
            problems.append(f"line {number}: write it as 'left {PAIR_ARROW} right'")
        elif left.strip() in pairs:
            problems.append(f"line {number}: '{left.strip()}' is on the left twice")
        else:
            pairs[left.strip()] = right.strip()
    return pairs, problems


def read_number(text: str) -> int | float | str | None:
    """A number typed in a field: int or float; the text itself if it is not one (the validator
    then says why); None if empty."""
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return None
    try:
        number = float(cleaned)
    except ValueError:
        return text.strip()
    if number != number or number in (float("inf"), float("-inf")):
        return text.strip()
    return int(number) if number.is_integer() and abs(number) < 1e16 else number


def heading(text: str) -> Static:
    return Static(Content.styled(text, "bold"), classes="form-heading")


def form_field(field: Field, data: dict[str, Any]) -> FormField:
    """The labelled editing widget for `field` (it has a `form`), showing its value in `data`."""
    form = field.form
    assert form is not None
    name, value, widget = field.name, data.get(field.name), form.widget
    editor: Widget
    if widget == "text":
        editor = text_area(value, name, form.height)
    elif widget == "lines":
        editor = lines_area(value if isinstance(value, list) else [], name, form.height)
    elif widget == "commas":
        editor = text_input(", ".join(map(str, value)) if isinstance(value, list) else value, name)
    elif widget == "pairs":
        editor = pairs_area(value if isinstance(value, dict) else {}, name)
    elif widget == "items":
        editor = items_area(value if isinstance(value, list) else [], name, form.height)
    elif widget == "select" and form.options_from:
        source = data.get(form.options_from)
        choices = dict.fromkeys(source if isinstance(source, list) else [])
        editor = choice_select([(str(c), str(c)) for c in choices], value, name, blank=True)
    elif widget == "select":
        chosen = value if field.default is None else (value or field.default)
        if not any(type(v) is type(chosen) and v == chosen for _label, v in form.options):
            chosen = None  # `1` is not True, `"bogus"` no difficulty: nothing chosen yet
        editor = choice_select(form.options, chosen, name)
    else:  # "line" and "number"
        editor = text_input(value, name, form.placeholder)
    return FormField(form.label, editor, name, note=form.note)


def read_field(editor: Widget, field: Field) -> tuple[bool, Any, list[str]]:
    """What the editor for `field` holds: whether it is written at all, its pack value, and
    problems only the form can see (a pair line without its arrow)."""
    form = field.form
    assert form is not None
    if isinstance(editor, Select):
        choice = None if editor.value is Select.NULL else editor.value
        return choice is not None and choice != field.default, choice, []
    text = (
        editor.text
        if isinstance(editor, TextArea)
        else editor.value
        if isinstance(editor, Input)
        else ""
    )
    if form.widget == "pairs":
        pairs, problems = read_pairs(text)
        return True, pairs, problems
    if form.widget == "number":
        number = read_number(text)
        return number is not None and number != field.default, number, []
    value: Any
    if form.widget == "lines":
        value = read_lines(text)
    elif form.widget == "items":
        value = read_items(text)
    elif form.widget == "commas":
        value = [t.strip() for t in text.split(",") if t.strip()]
    else:
        value = text.strip()
    return field.required or bool(value), value, []
