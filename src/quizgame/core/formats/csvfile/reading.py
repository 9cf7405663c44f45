"""Reading CSV with a header of question fields into pack-format question drafts."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from quizgame.core.formats.cells import MAX_CELL_CHARS, column_name, unescape_formula
from quizgame.core.formats.common import Draft, Parsed, quote
from quizgame.core.formats.csvfile.columns import cell_value
from quizgame.core.packs.kinds import Kind
from quizgame.core.packs.model import QuestionType
from quizgame.core.packs.questions import ALL_QUESTION_FIELDS, FIELDS, KINDS

REQUIRED_COLUMNS = ("prompt",)
MAX_HEADER_PROBLEMS = 10
_TYPES = {t.value: t for t in QuestionType}


def rows(text: str, parsed: Parsed, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """Each row of CSV `text` with the line it starts on; a cell too big, or a quote never
    closed, is an error at its line and ends the reading (what follows cannot be trusted).
    Tab-separated text has no quoting (as flashcard sites write it): a `"` is a character."""
    lines = io.StringIO(text.lstrip("\ufeff"), newline="")
    if delimiter == "\t":
        reader = csv.reader(lines, delimiter=delimiter, strict=True, quoting=csv.QUOTE_NONE)
    else:
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            parsed.error(f"not readable as CSV: {exc} (in the row starting here)", start)
            return
        too_big = next((i for i, cell in enumerate(row) if len(cell) > MAX_CELL_CHARS), None)
        if too_big is not None:
            parsed.error(
                f"cell {column_name(too_big)} holds {len(row[too_big]):,} characters; "
                f"a cell may hold {MAX_CELL_CHARS:,}",
                start,
            )
            return
        yield start, row
        start = reader.line_num + 1


def header_columns(row: list[str]) -> list[str]:
    """The header's cells as field names (trimmed, lowercase, spaces as underscores)."""
    return [cell.strip().lower().replace(" ", "_") for cell in row]


def looks_like(head: str) -> bool:
    """Whether the first line of `head` is a header naming question fields, prompt among them."""
    first = head.lstrip("\ufeff").split("\n", 1)[0]
    if "," not in first and ";" not in first:
        return False
    names = set(header_columns(next(csv.reader([first]), [])))
    return "prompt" in names and len(names & ALL_QUESTION_FIELDS) >= 2


def read(text: str) -> Parsed:
    """Pack-format question drafts from CSV whose first row names the fields."""
    parsed = Parsed()
    found = rows(text, parsed)
    first = next(found, None)
    if first is None:
        return parsed
    line, header = first
    columns = header_columns(header)
    if not _header_ok(parsed, columns, line):
        return parsed
    number = 0
    for line, row in found:
        if not any(cell.strip() for cell in row):
            continue
        number += 1
        if len(row) > len(columns):
            extra = [c for c in row[len(columns) :] if c.strip()]
            if extra:
                parsed.error(
                    f"{len(row)} cells, but the header names {len(columns)} columns "
                    f"(a comma in a text needs the cell in double quotes)",
                    line,
                    number,
                )
                continue
        parsed.drafts.append(Draft(_question(columns, row), number, line))
    return parsed


def _header_ok(parsed: Parsed, columns: list[str], line: int) -> bool:
    problems: list[str] = []
    count = 0
    seen: set[str] = set()
    for index, name in enumerate(columns):
        wrong = None
        if name not in ALL_QUESTION_FIELDS:
            wrong = "is not a question field"
        elif name in seen:
            wrong = "is named twice"
        seen.add(name)
        if wrong is not None:
            count += 1
            if count <= MAX_HEADER_PROBLEMS:  # a hostile header costs a few lines, not millions
                problems.append(f"column {column_name(index)}: {quote(name)} {wrong}")
    for name in REQUIRED_COLUMNS:
        if name not in seen:
            count += 1
            problems.append(f"the header has no {quote(name)} column")
    for problem in problems:
        parsed.error(problem, line)
    if count > len(problems):
        parsed.error(f"... and {count - len(problems):,} more problems", line)
    if count:
        known = ", ".join(sorted(ALL_QUESTION_FIELDS))
        parsed.error(f"the question fields a column may name: {known}", line)
    return not count


def _question(columns: list[str], row: list[str]) -> dict[str, Any]:
    cells = {
        name: unescape_formula(cell.strip())
        for name, cell in zip(columns, row, strict=False)
        if cell.strip()
    }
    given = cells.get("type", "").strip()
    if not given:
        given = (QuestionType.MULTIPLE_CHOICE if "choices" in cells else QuestionType.TYPED).value
    qtype = _TYPES.get(given.lower().replace(" ", "_").replace("-", "_"))
    kinds: dict[str, Kind] = {f.name: f.kind for f in FIELDS.values()}
    if qtype is not None:
        given = qtype.value
        kinds |= {f.name: f.kind for f in KINDS[qtype].all_fields}
    data: dict[str, Any] = {"type": given}
    for name, cell in cells.items():
        if name != "type":
            data[name] = cell_value(kinds[name], cell)
    return data
