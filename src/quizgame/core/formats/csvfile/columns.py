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

ARROW = "->"
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
        return join_list([str(v) for v in value])
    return str(value)
