"""How the pack editor shows a question: a line in the list, and every field in the preview."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from textual.content import Content

from quizgame.core.packs.edit import PackDocument
from quizgame.core.packs.model import QuestionType
from quizgame.core.packs.questions import TYPE_FIELD_NAMES
from quizgame.tui import safetext
from quizgame.tui.screens.editor_form import OPTIONAL, TYPE_LABELS
from quizgame.tui.widgets.editor_fields import item_line
from quizgame.tui.widgets.text_view import TextView

# The fields the preview lists under the prompt: every type's own, then the optional ones the
# form shows, in the form's order.
MUTED = "$text-muted"  # the second line of a row in the list
PREVIEW_FIELDS = (*TYPE_FIELD_NAMES, *(f.name for f in OPTIONAL))


def type_label(data: dict[str, Any]) -> str:
    try:
        return TYPE_LABELS[QuestionType(str(data.get("type")))]
    except ValueError:
        return str(data.get("type"))


def question_label(number: int, data: dict[str, Any]) -> Content:
    """A question in the list: its number, prompt, then its type and id."""
    return summary_label(
        number, str(data.get("prompt", "")), str(data.get("type")), str(data.get("id", ""))
    )


def summary_label(number: int, prompt: str, qtype: str, qid: str) -> Content:
    """`question_label` from the three fields it shows (`PackDocument.summary`)."""
    first, second = summary_lines(number, prompt, qtype, qid)
    return Content("\n").join((first, second))


def summary_lines(number: int, prompt: str, qtype: str, qid: str) -> tuple[Content, Content]:
    """`summary_label`'s two lines, made as they are: the list draws a row from them (each text
    cleaned once, nothing to split)."""
    return (
        safetext.assemble((f"{number}. ", "bold"), safetext.line(prompt)),
        safetext.assemble("   ", safetext.line(f"{type_label({'type': qtype})} · {qid}", MUTED)),
    )


def _value_text(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k} → {v}" for k, v in value.items())
    if isinstance(value, list):
        if any(isinstance(v, dict) for v in value):  # a list question's items, as the form has them
            return "".join(f"\n  {item_line(v)}" for v in value)
        return " | ".join(map(str, value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def question_preview(data: dict[str, Any]) -> Content:
    """Every field of a question, read-only."""
    parts: list[safetext.Part] = [
        (type_label(data), "bold"),
        ("  " + safetext.clean_line(data.get("id", "")), "$text-muted"),
        "\n\n",
        safetext.literal(data.get("prompt", ""), "bold"),
        "\n",
    ]
    for name in PREVIEW_FIELDS:
        if name in data and data[name] not in (None, "", [], {}):
            parts += ["\n", (f"{name.replace('_', ' ')}: ", "$text-muted"), _value_text(data[name])]
    return safetext.assemble(*parts)


def prepare_previews(
    view: TextView,
    document: PackDocument,
    index: int,
    step: int,
    key: Callable[[int], Hashable],
) -> None:
    """Wrap in `view`, under `key(n)`, the previews a next key is likely to show after question
    `index`: the question `step` on (as far as the last move went: Down, Page Down, Up...), the
    first and the last (Home, End). Wrapping one costs as much as the rest of such a key."""
    count = len(document)
    for target in (index + step, 0, count - 1):
        if 0 <= target < count and target != index:

            def made(target: int = target) -> Content:
                return question_preview(document.question(target))

            view.prepare(key(target), made)
