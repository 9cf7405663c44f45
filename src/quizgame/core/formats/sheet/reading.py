"""Reading the live-quiz spreadsheet (.xlsx) into question drafts; each problem at its cell."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from defusedxml import DefusedXmlException

from quizgame.core.formats.cells import MAX_CELL_CHARS, column_name, unescape_formula
from quizgame.core.formats.common import Draft, NoteCode, Parsed, number_text, quote
from quizgame.core.formats.header import read_header
from quizgame.core.formats.sheet.template import (
    ANSWERS,
    CORRECT,
    LOOK_FOR_HEADER,
    MAX_PARTS,
    MAX_UNZIPPED_BYTES,
    QUESTION,
    QUIZ_TYPE,
    STARTS,
    TIME,
    TRUE_FALSE_ANSWERS,
    TRUE_FALSE_TYPE,
)

_Row = tuple[Any, ...]


def _unzipped_problem(data: bytes) -> str | None:
    """Why the archive must not be opened (not a zip, or a zip bomb), or None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "not an .xlsx file (it is not a zip archive)"
    if len(parts) > MAX_PARTS:
        return f"the archive holds {len(parts):,} parts; an .xlsx holds a few dozen"
    total = sum(part.file_size for part in parts)
    if total > MAX_UNZIPPED_BYTES:
        return (
            f"the archive unpacks to {total:,} bytes, more than the "
            f"{MAX_UNZIPPED_BYTES:,} a quiz needs (a zip bomb?)"
        )
    return None


def _rows(parsed: Parsed, data: bytes) -> Iterator[tuple[int, _Row]]:
    """Each row of the first sheet with its 1-based number, cells as values (formulas as the
    `=...` text openpyxl gives)."""
    problem = _unzipped_problem(data)
    if problem is not None:
        parsed.error(problem)
        return
    # openpyxl is imported only for a spreadsheet: it costs a tenth of a second.
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # any failure of a third-party parser on hostile input
        parsed.error(_why(exc))
        return
    try:
        sheet = book.worksheets[0]
        yield from enumerate(sheet.iter_rows(values_only=True), 1)
    except Exception as exc:
        parsed.error(_why(exc))
    finally:
        book.close()


def _why(exc: BaseException) -> str:
    """What went wrong reading the archive, on one line."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, DefusedXmlException):
            return "refused: the spreadsheet's XML declares entities (an entity bomb?)"
        cause = cause.__cause__ or cause.__context__
    first = (str(exc).strip().split("\n") or [""])[0]
    return f"cannot read the spreadsheet: {type(exc).__name__}: {first}"


def _columns(row: _Row) -> dict[str, int] | None:
    """Each template column's index, if `row` is the header row."""
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        if isinstance(cell, str):
            head = " ".join(cell.lower().split())
            key = next((k for start, k in STARTS.items() if head.startswith(start)), None)
            if key is not None and key not in found:
                found[key] = index
    return found if QUESTION in found and "answer 1" in found else None


def _too_big(value: Any) -> bool:
    return isinstance(value, str) and len(value) > MAX_CELL_CHARS


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int | float):
        return number_text(value)
    return unescape_formula(str(value).strip())


def read(data: bytes) -> Parsed:
    """Question drafts from a live-quiz .xlsx; a note for each row left out."""
    parsed = Parsed()
    columns: dict[str, int] | None = None
    above: list[str] = []
    number = 0
    for row_number, row in _rows(parsed, data):
        big = next((i for i, c in enumerate(row) if _too_big(c)), None)
        if big is not None:
            where = f"{column_name(big)}{row_number}"
            message = f"cell {where} holds {len(row[big]):,} characters; a cell may hold "
            parsed.error(message + f"{MAX_CELL_CHARS:,}", row_number)
            return parsed
        if columns is None:
            columns = _columns(row)
            if columns is None:
                if row_number >= LOOK_FOR_HEADER:
                    break
                above += [str(c) for c in row[:1] if isinstance(c, str)]
            continue
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in row):
            continue
        number += 1
        _RowReader(parsed, columns, row, row_number, number).read()
    if columns is None and not parsed.notes:
        parsed.error(
            "no header row with 'Question' and 'Answer 1' columns in the first "
            f"{LOOK_FOR_HEADER} rows of the first sheet"
        )
    header = read_header(above, 1)
    parsed.pack_fields.update(header.fields)
    parsed.notes += header.notes
    return parsed


class _RowReader:
    """One row of the template read into a draft (or notes)."""

    def __init__(
        self, parsed: Parsed, columns: dict[str, int], row: _Row, line: int, number: int
    ) -> None:
        self.parsed, self.columns, self.row = parsed, columns, row
        self.line, self.number = line, number

    def cell(self, key: str) -> Any:
        index = self.columns.get(key)
        return self.row[index] if index is not None and index < len(self.row) else None

    def error(self, message: str) -> None:
        self.parsed.error(message, self.line, self.number)

    def read(self) -> None:
        formulas = [
            f"{column_name(self.columns[k])}{self.line}"
            for k in self.columns
            if isinstance(self.cell(k), str) and str(self.cell(k)).startswith("=")
        ]
        if formulas:
            message = f"a formula, not text, in {', '.join(formulas)}: skipped"
            self.parsed.warn(message, self.line, self.number, code=NoteCode.FORMULA)
            return
        prompt = _cell_text(self.cell(QUESTION))
        if not prompt:
            self.error("a row with no question")
            return
        answers = {n: _cell_text(self.cell(f"answer {n}")) for n in range(1, ANSWERS + 1)}
        answers = {n: text for n, text in answers.items() if text}
        right = self._correct(answers)
        if right is None:
            return
        data: dict[str, Any] = {"prompt": prompt}
        texts = list(answers.values())
        if [t.casefold() for t in texts] == [t.casefold() for t in TRUE_FALSE_ANSWERS]:
            truth = answers[right].casefold() == "true"
            data = {"type": TRUE_FALSE_TYPE.value, **data, "answer": truth}
        else:
            data = {"type": QUIZ_TYPE.value, **data, "choices": texts, "answer": answers[right]}
        limit = self.cell(TIME)
        if limit is not None and _cell_text(limit):
            data["time_limit"] = limit if isinstance(limit, int | float) else _cell_text(limit)
        self.parsed.drafts.append(Draft(data, self.number, self.line))

    def _correct(self, answers: dict[int, str]) -> int | None:
        given = _cell_text(self.cell(CORRECT))
        numbers: list[int] = []
        for part in given.replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            if not (part.isascii() and part.isdigit() and len(part) == 1):
                self.error(f"the correct answer {quote(part)} is not a number 1 to {ANSWERS}")
                return None
            numbers.append(int(part))
        if not numbers:
            self.error("no correct answer number")
            return None
        missing = [n for n in numbers if n not in answers]
        if missing:
            self.error(f"the correct answer {missing[0]} names an empty answer cell")
            return None
        numbers = list(dict.fromkeys(numbers))
        if len(numbers) > 1:
            self.parsed.warn(
                f"{len(numbers)} right answers ({', '.join(map(str, numbers))}), and a "
                "multiple-choice question here has exactly one: skipped",
                self.line,
                self.number,
                code=NoteCode.SEVERAL_RIGHT,
                about=(len(numbers),),
            )
            return None
        return numbers[0]
