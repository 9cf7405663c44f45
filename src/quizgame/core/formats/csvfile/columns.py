"""One question field in one spreadsheet cell, both ways, by the field's kind of value
(`packs/kinds.py`): the CSV format's whole mapping, so a new field or type needs nothing here."""

from __future__ import annotations

import math
import re
from typing import Any

from quizgame.core.formats.cells import join_list, split_list
from quizgame.core.formats.common import number_text
from quizgame.core.packs.kinds import (
    Amount,
    AnswerBool,
    AnswerNumber,
    Groups,
    Kind,
    Pairs,
    Seconds,
    TextList,
)
from quizgame.core.packs.list_items import ListItems

ARROW = "->"
# A list item in its cell: `answer = also accepted = ... -> clue shown` (items split by `|`).
ALSO = " = "
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_NUMBERS = (AnswerNumber, Amount, Seconds)
_BOOLS = {"true": True, "false": False}


def _number(cell: str) -> Any:
    """A number cell as a number; anything else as written, for the checker to report."""
    if not _NUMBER.fullmatch(cell):
        return cell
    value = float(cell)
    if not math.isfinite(value):
        return cell
    return int(value) if value == int(value) and abs(value) < 1e16 and "." not in cell else value


def cell_value(kind: Kind, cell: str) -> Any:
    """Pack data for one field of `kind` from its cell (already stripped, not empty)."""
    if isinstance(kind, TextList | Groups):
        return split_list(cell)
    if isinstance(kind, Pairs):
        pairs: dict[str, str] = {}
        for part in split_list(cell):
            left, arrow, right = part.partition(ARROW)
            # A part without an arrow keeps its text as a left side with no right one, which
            # the checker reports at the question.
            pairs[left.strip()] = right.strip() if arrow else ""
        return pairs
    if isinstance(kind, ListItems):
        return [_item_value(part) for part in split_list(cell)]
    if isinstance(kind, AnswerBool):
        return _BOOLS.get(cell.casefold(), cell)
    if isinstance(kind, _NUMBERS):
        return _number(cell)
    return cell


def cell_text(value: Any) -> str:
    """One field's pack data (`Kind.write`'s value) as the text of its cell."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number_text(value)
    if isinstance(value, dict):
        return join_list([f"{left} {ARROW} {right}" for left, right in value.items()])
    if isinstance(value, list | tuple):
        return join_list([_item_text(v) if isinstance(v, dict) else str(v) for v in value])
    return str(value)


def _item_value(part: str) -> str | dict[str, Any]:
    """A list item from its part of the cell: `answer = also = ... -> clue`."""
    forms, arrow, show = part.partition(ARROW)
    answer, *accept = [form.strip() for form in forms.split(ALSO.strip())]
    if not accept and not arrow:
        return answer
    item: dict[str, Any] = {"answer": answer}
    if accept:
        item["accept"] = [form for form in accept if form]
    if arrow:
        item["show"] = show.strip()
    return item


def _item_text(item: dict[str, Any]) -> str:
    """A list item's pack data (`answer`, `accept`, `show`) as its part of the cell."""
    text = ALSO.join([item["answer"], *item.get("accept", ())])
    return f"{text} {ARROW} {item['show']}" if item.get("show") is not None else text


def item_unwritable(texts: list[str]) -> bool:
    """Whether a list item's texts hold a `=` or `->`, which its cell could not tell apart."""
    return any("=" in text or ARROW in text for text in texts)
