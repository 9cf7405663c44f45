"""The `answers` of a list question: the kind of value it is, and the rule between its items.

Each item is its answer as text, or a mapping with the `answer`, other texts that also find it
(`accept`) and a clue shown in its blank (`show`):

    answers:
      - {answer: Penélope Cruz, accept: [Cruz], show: Janis}
      - Milena Smit
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quizgame.core.packs.issues import Checker, Code, Key, Path, kind_of, quote
from quizgame.core.packs.kinds import ITEM_SCHEMA, OPTIONAL_TEXT_SCHEMA, TEXT_SCHEMA, Kind, Text
from quizgame.core.packs.kinds import TextList as _TextList
from quizgame.core.packs.model import ListItem

MIN_LIST_ITEMS, MAX_LIST_ITEMS = 2, 20
ITEM_FIELDS = ("answer", "accept", "show")
_ANSWER, _ACCEPT, _SHOW = Text(required=True), _TextList("accepted answers"), Text()


@dataclass(frozen=True)
class ListItems(Kind):
    """A list question's items: `MIN_LIST_ITEMS` to `MAX_LIST_ITEMS` of them, each text or a
    mapping of `answer`, `accept` and `show`."""

    @property
    def required(self) -> bool:
        return True

    def read(
        self, check: Checker, data: dict[str, Any], path: Path, name: str
    ) -> tuple[ListItem, ...] | None:
        value = data.get(name)
        if value is None:
            check.missing(path, name, f"expected a list of {MIN_LIST_ITEMS}+ items to name")
            return None
        if not isinstance(value, list):
            message = f"'{name}' should be a list of items to name, not {kind_of(value)}"
            check.error((*path, name), Code.WRONG_KIND, message)
            return None
        items = [_item(check, raw, (*path, name, i)) for i, raw in enumerate(value)]
        if len(value) < MIN_LIST_ITEMS:
            message = f"too few items: {len(value)}, at least {MIN_LIST_ITEMS} needed"
            check.error((*path, name), Code.TOO_FEW, message)
        if len(value) > MAX_LIST_ITEMS:
            message = f"too many items: {len(value)}, at most {MAX_LIST_ITEMS}"
            check.error((*path, name), Code.TOO_MANY, message)
        if any(item is None for item in items):
            return None  # the rule between items would count them wrongly
        return tuple(item for item in items if item is not None)

    def schema(self) -> dict[str, Any]:
        mapping = {
            "type": "object",
            "required": ["answer"],
            "properties": {
                "answer": dict(TEXT_SCHEMA),
                "accept": {"type": ["array", "null"], "items": ITEM_SCHEMA},
                "show": dict(OPTIONAL_TEXT_SCHEMA),
            },
            "additionalProperties": False,
        }
        return {
            "type": "array",
            "minItems": MIN_LIST_ITEMS,
            "maxItems": MAX_LIST_ITEMS,
            "items": {"anyOf": [ITEM_SCHEMA, mapping]},
        }

    def write(self, value: Any) -> Any:
        return [write_item(item) for item in value] if value else None


def write_item(item: ListItem) -> str | dict[str, Any]:
    """One item as pack data: its answer alone when it has nothing else."""
    if not item.accept and item.show is None:
        return item.answer
    out: dict[str, Any] = {"answer": item.answer}
    if item.accept:
        out["accept"] = list(item.accept)
    if item.show is not None:
        out["show"] = item.show
    return out


def _item(check: Checker, raw: Any, path: Path) -> ListItem | None:
    if isinstance(raw, str | int | float) and not isinstance(raw, bool):
        if not str(raw).strip():
            check.error(path, Code.EMPTY, "empty item")
            return None
        return ListItem(str(raw))
    if not isinstance(raw, dict):
        message = (
            f"an item should be text or a mapping of answer, accept and show, not {kind_of(raw)}"
        )
        check.error(path, Code.WRONG_KIND, message)
        return None
    for key in raw:
        if key not in ITEM_FIELDS:
            message = (
                f"unknown field {quote(key)} of an item (ignored; expected answer, accept, show)"
            )
            check.warn((*path, Key(key)), Code.UNKNOWN_FIELD, message)
    answer = _ANSWER.read(check, raw, path, "answer")
    accept = _ACCEPT.read(check, raw, path, "accept")
    show = _SHOW.read(check, raw, path, "show")
    if not answer or not answer.strip():
        return None
    return ListItem(answer, accept or (), show)


def no_shared_answers(check: Checker, values: dict[str, Any], path: Path) -> None:
    """No text may find two items (equal once folded as the typed checker folds): one answer
    would fill two blanks."""
    # Imported here: the typed checker lives with the rest of judging, which imports the model.
    from quizgame.core.play.judging import normalize

    items: tuple[ListItem, ...] | None = values.get("answers")
    owners: dict[str, int] = {}
    for index, item in enumerate(items or ()):
        mine: set[str] = set()
        for form in item.forms:
            folded = normalize(form).replace(" ", "")
            if not folded or folded in mine:
                continue
            mine.add(folded)
            other = owners.setdefault(folded, index)
            if other != index:
                first = items[other].answer if items else ""
                message = (
                    f"item {index + 1} ({quote(item.answer)}) accepts {quote(form)}, as item "
                    f"{other + 1} ({quote(first)}) does: one answer would fill two blanks"
                )
                check.error((*path, "answers", index), Code.DUPLICATE, message)
